# tool: the khcn command-line program (docs/cli.md, khcn.1).  It links the
# shared libkhcn.la, so the installed tool uses the installed library.
bin_PROGRAMS += khcn
khcn_SOURCES = libkhcn/tool/khcn.c
khcn_LDADD = libkhcn.la -lm
man1_MANS += libkhcn/tool/khcn.1
EXTRA_DIST += libkhcn/tool/khcn.1
