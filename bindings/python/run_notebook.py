"""Execute a notebook with nbclient; exit 1 when a cell fails.

usage: run_notebook.py IN.ipynb [OUT.ipynb]

The kernel is "python3", pinned to this interpreter (sys.executable, i.e.
the configured $PYTHON, /usr/bin/python3 by default) through a private
kernelspec, so that it sees the same PYTHONPATH (the in-tree module) and
not whatever "python3" is first on PATH.
"""
import json
import os
import sys
import tempfile


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    src = sys.argv[1]
    dst = sys.argv[2] if len(sys.argv) == 3 else None
    tmp = tempfile.mkdtemp(prefix="khcn-nb-")
    kdir = os.path.join(tmp, "kernels", "python3")
    os.makedirs(kdir)
    with open(os.path.join(kdir, "kernel.json"), "w") as f:
        json.dump({"argv": [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                   "display_name": "Python 3 (%s)" % sys.executable, "language": "python"}, f)
    os.environ["JUPYTER_PATH"] = tmp + os.pathsep + os.environ.get("JUPYTER_PATH", "")
    os.environ.setdefault("JUPYTER_RUNTIME_DIR", os.path.join(tmp, "runtime"))
    os.environ.setdefault("IPYTHONDIR", os.path.join(tmp, "ipython"))
    os.environ.pop("MPLBACKEND", None)     # the kernel uses the inline backend (figures in the notebook)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    try:
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import CellExecutionError
    except ImportError as e:
        print("SKIP: %s (Debian: python3-nbclient python3-ipykernel)" % e)
        return 77
    nb = nbformat.read(src, as_version=4)
    client = NotebookClient(nb, kernel_name="python3", timeout=600,
                            resources={"metadata": {"path": os.getcwd()}})
    try:
        client.execute()
    except CellExecutionError as e:
        print(str(e)[:4000], file=sys.stderr)
        if dst:
            nbformat.write(nb, dst)
        return 1
    finally:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    if dst:
        nbformat.write(nb, dst)
    n = sum(1 for c in nb.cells if c.cell_type == "code")
    print("executed %d code cells of %s" % (n, os.path.basename(src)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
