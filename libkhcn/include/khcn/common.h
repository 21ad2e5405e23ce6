/**
 * @file khcn/common.h
 * @brief Export macros, status codes, the thread-local error, library-owned buffers.
 *
 * Every fallible libkhcn function returns a ::khcn_status: 0 (#KHCN_OK) on
 * success, a negative code on failure.  On failure a message describing what
 * went wrong and where is stored in thread-local storage and can be read with
 * khcn_error_last() on the thread that made the call.
 */
#ifndef KHCN_COMMON_H
#define KHCN_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
# define KHCN_BEGIN_DECL extern "C" {
# define KHCN_END_DECL   }
#else
# define KHCN_BEGIN_DECL
# define KHCN_END_DECL
#endif

#if defined(__GNUC__) || defined(__clang__)
# define KHCN_EXTERN      __attribute__((visibility("default")))
# define KHCN_WARN_UNUSED __attribute__((warn_unused_result))
#else
# define KHCN_EXTERN
# define KHCN_WARN_UNUSED
#endif

KHCN_BEGIN_DECL

/**
 * The error codes, as an X-macro: the single source of truth for the enum,
 * khcn_strerror(), khcn_err_name() and the Python exception table.
 * XX(NAME, value, description)
 */
#define KHCN_ERRNO_MAP(XX)                                                   \
  XX(ERROR,     -1, "generic error; see khcn_error_last()")                  \
  XX(ENOMEM,    -2, "out of memory")                                         \
  XX(EINVAL,    -3, "invalid argument")                                      \
  XX(ENOTFOUND, -4, "no such plan element")                                  \
  XX(EEXISTS,   -5, "identifier already exists")                             \
  XX(EFORMAT,   -6, "malformed input or schema mismatch")                    \
  XX(EVERSION,  -7, "unsupported format or options version")                 \
  XX(EIO,       -8, "input/output error")                                    \
  XX(ELIMIT,    -9, "a size or count limit was exceeded")                    \
  XX(EINVALID, -10, "the plan does not validate")

/** Status returned by every fallible call: #KHCN_OK or a negative code. */
typedef int khcn_status;

enum {
  KHCN_OK = 0,
#define KHCN__ERRNO_ENUM(name, val, msg) KHCN_##name = (val),
  KHCN_ERRNO_MAP(KHCN__ERRNO_ENUM)
#undef KHCN__ERRNO_ENUM
  KHCN__ERRNO_LAST = -10
};

/** Details of the last failure on the calling thread. */
typedef struct khcn_error {
  int code;            /**< one of the KHCN_E* codes, or KHCN_OK */
  const char *message; /**< never NULL; "" when there is no error */
  size_t offset;       /**< byte offset in the input, or SIZE_MAX when none */
  const char *path;    /**< JSON-pointer-like path in the document, or "" */
} khcn_error;

/**
 * The last error set on this thread.  Never NULL.  Check a call's return
 * code first: the record is only meaningful right after a failing call.
 * @borrowed valid until the next libkhcn call on this thread.
 */
KHCN_EXTERN const khcn_error *khcn_error_last(void);
/** Reset this thread's error record to KHCN_OK. */
KHCN_EXTERN void khcn_error_clear(void);
/** Static description of a status code ("out of memory"); never NULL. */
KHCN_EXTERN const char *khcn_strerror(int code);
/** Static symbolic name of a status code ("KHCN_ENOMEM"); never NULL. */
KHCN_EXTERN const char *khcn_err_name(int code);

/** A byte buffer owned by libkhcn; release with khcn_buf_dispose(). */
typedef struct khcn_buf {
  unsigned char *ptr; /**< the bytes (NUL-terminated as a convenience) */
  size_t size;        /**< number of bytes, not counting the NUL */
} khcn_buf;
#define KHCN_BUF_INIT { NULL, 0 }
/** Free the buffer's memory and reset it to empty.  NULL is a no-op. */
KHCN_EXTERN void khcn_buf_dispose(khcn_buf *buf);
/** Free memory that libkhcn documented as "free with khcn_free". NULL ok. */
KHCN_EXTERN void khcn_free(void *ptr);

/** Library version as 0xMMmmpp. */
KHCN_EXTERN unsigned khcn_version(void);
/** Library version as text, "0.1.0". */
KHCN_EXTERN const char *khcn_version_string(void);

KHCN_END_DECL
#endif
