/**
 * @file khcn/io.h
 * @brief Reading and writing plans: the CBOR exchange format and its JSON
 * form (docs/format.md is the normative specification).
 *
 * Writers always produce the deterministic profile: reading a file and
 * writing it back gives the same bytes.  Readers accept, by default, any
 * well-formed input that fits the schema; with #KHCN_READ_STRICT they also
 * report every deviation from the deterministic profile as an error.
 *
 * Readers never trust declared sizes: every limit of ::khcn_read_options is
 * checked before memory is allocated for it.  Findings are appended to a
 * ::khcn_diags list (code, severity, byte offset, path, entity id); the
 * codes are banded as in diag.h: 1xxx input, limits and well-formedness,
 * 2xxx deterministic profile, 3xxx schema and types, 4xxx references,
 * 5xxx business rules.
 */
#ifndef KHCN_IO_H
#define KHCN_IO_H
#include "plan.h"

KHCN_BEGIN_DECL

/** Major and minor version of the format this library reads and writes. */
#define KHCN_FORMAT_MAJOR 1
#define KHCN_FORMAT_MINOR 0

/** Reader diagnostics (1xxx-3xxx); see docs/format.md for the full table. */
enum {
  KHCN_DIAG_IO = 1001,              /**< cannot open or read the input */
  KHCN_DIAG_FILE_TOO_LARGE = 1002,  /**< input larger than max_size */
  KHCN_DIAG_EMPTY = 1003,           /**< empty input */
  KHCN_DIAG_TRUNCATED = 1004,       /**< input ends inside a data item */
  KHCN_DIAG_MALFORMED = 1005,       /**< not well-formed CBOR or JSON */
  KHCN_DIAG_TRAILING = 1006,        /**< bytes after the document */
  KHCN_DIAG_DEPTH = 1007,           /**< nesting deeper than max_depth */
  KHCN_DIAG_LENGTH = 1008,          /**< a declared length exceeds the input or a limit */
  KHCN_DIAG_TEXT_TOO_LONG = 1009,   /**< a string longer than max_text */
  KHCN_DIAG_TOO_MANY = 1010,        /**< more entities or items than allowed */
  KHCN_DIAG_NOT_KHCN = 1011,        /**< no KHCN magic tag / not a khcn document */
  KHCN_DIAG_VERSION = 1012,         /**< unsupported major version (fatal) */
  KHCN_DIAG_NEWER_MINOR = 1013,     /**< newer minor version (info) */
  KHCN_DIAG_NOT_SHORTEST = 2001,    /**< a head not in its shortest form */
  KHCN_DIAG_INDEFINITE = 2002,      /**< an indefinite-length item */
  KHCN_DIAG_KEY_ORDER = 2003,       /**< map keys not in ascending order */
  KHCN_DIAG_FLOAT = 2004,           /**< a float where a decimal is expected */
  KHCN_DIAG_NUMBER_FORM = 2005,     /**< a number not in canonical form */
  KHCN_DIAG_EXPLICIT_DEFAULT = 2006,/**< a field written with its default value */
  KHCN_DIAG_NO_SELF_DESCRIBE = 2007,/**< tag 55799 missing */
  KHCN_DIAG_ORDER = 2008,           /**< observations not in year order */
  KHCN_DIAG_MISSING = 3001,         /**< a required field is missing */
  KHCN_DIAG_TYPE = 3002,            /**< a field has the wrong type */
  KHCN_DIAG_RANGE = 3003,           /**< a value out of range */
  KHCN_DIAG_UTF8 = 3004,            /**< invalid UTF-8 or NUL in text */
  KHCN_DIAG_DUPLICATE_KEY = 3005,   /**< a map key or JSON name appears twice */
  KHCN_DIAG_BAD_ID = 3006,          /**< not a valid id */
  KHCN_DIAG_BAD_DATE = 3007,        /**< not a valid date */
  KHCN_DIAG_NOT_FINITE = 3008,      /**< NaN or an infinity */
  KHCN_DIAG_INVALID = 3009,         /**< a value the model refuses */
  KHCN_DIAG_ENUM = 3010,            /**< unknown enumeration value */
  KHCN_DIAG_UNKNOWN_FIELD = 3011    /**< unknown JSON field name */
};

/** Reader flags. */
enum {
  KHCN_READ_STRICT = 1u << 0,   /**< report deviations from the deterministic profile (2xxx) as errors */
  KHCN_READ_VALIDATE = 1u << 1, /**< also run khcn_plan_validate() (4xxx, 5xxx) */
  KHCN_READ_VALIDATE_STRICT = 1u << 2 /**< with VALIDATE: business-rule warnings become errors */
};

/**
 * Reader options.  Zero means "default" for every field, so
 * KHCN_READ_OPTIONS_INIT is enough.  Fields are only ever appended.
 */
typedef struct khcn_read_options {
  unsigned int version; /**< #KHCN_READ_OPTIONS_VERSION; must stay first */
  uint32_t flags;       /**< KHCN_READ_* */
  size_t max_size;      /**< input bytes; 0 = 256 MiB */
  size_t max_depth;     /**< nesting of data items; 0 = 16 */
  size_t max_text;      /**< bytes of one string; 0 = 64 KiB */
  size_t max_entities;  /**< entities of one kind (and targets/observations per indicator); 0 = 4,000,000 */
  size_t max_diags;     /**< diagnostics kept before the reader stops; 0 = 100 */
} khcn_read_options;
#define KHCN_READ_OPTIONS_VERSION 1
#define KHCN_READ_OPTIONS_INIT { KHCN_READ_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0 }

/**
 * Initialise an options struct to the defaults.
 * @retval KHCN_OK, KHCN_EVERSION (unknown version), KHCN_EINVAL (opts NULL)
 */
KHCN_EXTERN khcn_status khcn_read_options_init(khcn_read_options *opts, unsigned int version);

/** File formats. */
typedef enum khcn_format {
  KHCN_FORMAT_AUTO = 0, /**< by extension, else by content */
  KHCN_FORMAT_CBOR = 1, /**< .khcn, .cbor */
  KHCN_FORMAT_JSON = 2  /**< .json */
} khcn_format;

/** The format a path's extension names: .json -> JSON, .khcn/.cbor -> CBOR, else AUTO. */
KHCN_EXTERN khcn_format khcn_format_from_path(const char *path);
/** The format of some bytes, from the CBOR magic or a leading '{' (AUTO if neither). */
KHCN_EXTERN khcn_format khcn_format_sniff(const void *data, size_t len);

/**
 * Read a plan from CBOR bytes.
 * @param[out] out  the plan (caller owns it, khcn_plan_free()); NULL on failure.
 * @param opts      NULL for the defaults.
 * @param diags     where findings go; may be NULL.
 * @retval KHCN_OK        read; diags may hold warnings and infos
 * @retval KHCN_EFORMAT   malformed input or schema errors (see diags)
 * @retval KHCN_ELIMIT    a limit was exceeded
 * @retval KHCN_EVERSION  unsupported major version (or unknown options version)
 * @retval KHCN_EINVALID  strict or validation errors (see diags)
 * @retval KHCN_ENOMEM, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_cbor_read(khcn_plan **out, const void *data, size_t len,
                                                        const khcn_read_options *opts, khcn_diags *diags);
/**
 * Write a plan as CBOR in the deterministic profile.
 * @param[out] out  caller-owned buffer, khcn_buf_dispose() it.
 * @retval KHCN_OK, KHCN_ENOMEM, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_cbor_write(khcn_buf *out, const khcn_plan *plan);

/** Read a plan from its JSON form (UTF-8).  Same contract as khcn_cbor_read(). */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_json_read(khcn_plan **out, const void *data, size_t len,
                                                        const khcn_read_options *opts, khcn_diags *diags);
/**
 * Write the JSON form: pretty-printed, deterministic, UTF-8 unescaped.
 * @param[out] out  caller-owned buffer, khcn_buf_dispose() it.
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_json_write(khcn_buf *out, const khcn_plan *plan);

/** Read bytes in either format (@p format AUTO sniffs the content). */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_read(khcn_plan **out, const void *data, size_t len,
                                                        khcn_format format, const khcn_read_options *opts,
                                                        khcn_diags *diags);
/**
 * Load a plan from a file; the format comes from the extension, else from
 * the content.  Input errors give KHCN_EIO with a 1001 diagnostic.
 * @retval KHCN_OK, KHCN_EIO, KHCN_EFORMAT, KHCN_ELIMIT, KHCN_EVERSION, KHCN_EINVALID, KHCN_ENOMEM, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_load(khcn_plan **out, const char *path,
                                                        const khcn_read_options *opts, khcn_diags *diags);
/**
 * Save a plan atomically: a temporary file in the same directory is
 * written, flushed to disk and renamed over @p path, so the old file stays
 * untouched on any error.  JSON for .json, CBOR otherwise (or as @p format
 * says with khcn_plan_save_as()).
 * @retval KHCN_OK, KHCN_EIO, KHCN_ENOMEM, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_save(const khcn_plan *plan, const char *path);
/** khcn_plan_save() with an explicit format (AUTO = by extension). */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_save_as(const khcn_plan *plan, const char *path,
                                                           khcn_format format);
/**
 * Write bytes to a file atomically (temporary file, fsync, rename, fsync of
 * the directory).  @retval KHCN_OK, KHCN_EIO, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_file_write_atomic(const char *path, const void *data, size_t len);

/**
 * Render CBOR bytes in diagnostic notation (RFC 8949 section 8), one item
 * per line for the top levels.  Safe on any input: malformed input is
 * rendered up to the fault and reported.
 * @param[out] out  caller-owned buffer, khcn_buf_dispose() it.
 * @retval KHCN_OK, KHCN_EFORMAT (malformed; out holds the text so far plus a
 *         comment), KHCN_ENOMEM, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_cbor_dump(khcn_buf *out, const void *data, size_t len);

KHCN_END_DECL
#endif
