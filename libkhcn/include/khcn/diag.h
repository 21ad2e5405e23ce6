/**
 * @file khcn/diag.h
 * @brief Diagnostics: a list of findings with code, severity, path and entity.
 *
 * Validation and the file readers report what they find as diagnostics.
 * Codes are banded: 1xxx I/O, limits and well-formedness; 2xxx the
 * deterministic profile; 3xxx schema and types; 4xxx referential
 * integrity; 5xxx business rules of plans and targets.
 */
#ifndef KHCN_DIAG_H
#define KHCN_DIAG_H
#include "common.h"

KHCN_BEGIN_DECL

/** How serious a diagnostic is. */
typedef enum khcn_severity {
  KHCN_SEV_INFO = 0,
  KHCN_SEV_WARNING = 1,
  KHCN_SEV_ERROR = 2,
  KHCN_SEV_FATAL = 3
} khcn_severity;

/** Validation codes (4xxx referential, 5xxx business rules). */
enum {
  KHCN_DIAG_DUPLICATE_ID = 4001,        /**< two entities share an id */
  KHCN_DIAG_DANGLING_REF = 4002,        /**< a reference names no entity */
  KHCN_DIAG_CYCLE = 4003,               /**< a parent chain loops */
  KHCN_DIAG_TOO_DEEP = 4004,            /**< a tree deeper than 32 levels */
  KHCN_DIAG_NO_LEAD = 5001,             /**< a task (and its ancestors) has no lead */
  KHCN_DIAG_MANY_LEADS = 5002,          /**< a task has two or more leads */
  KHCN_DIAG_RANGE_INVERTED = 5003,      /**< range target with lo > hi */
  KHCN_DIAG_TARGET_OUTSIDE_PERIOD = 5004, /**< milestone year outside the plan period */
  KHCN_DIAG_GROWTH_BASE = 5005,         /**< growth target on a non-positive base */
  KHCN_DIAG_TARGET_BEFORE_BASE = 5006,  /**< target year before the base year */
  KHCN_DIAG_MULTIPLE_BASE = 5007,       /**< multiple target without a usable base */
  KHCN_DIAG_FORMULA = 5008,             /**< bad ratio formula */
  KHCN_DIAG_OBS_OUTSIDE_PERIOD = 5009,  /**< observation far outside the plan period */
  KHCN_DIAG_TOLERANCE = 5010,           /**< negative approx tolerance */
  KHCN_DIAG_REPORT_RECIPIENT = 5011,    /**< report duty without a recipient */
  KHCN_DIAG_LIMIT_EXCEEDED = 5012,      /**< value beyond the natural limit */
  KHCN_DIAG_NEGATIVE_COUNT = 5013,      /**< negative value of a count */
  KHCN_DIAG_MULTIPLE_FACTOR = 5014,     /**< multiple target with factor <= 0 */
  KHCN_DIAG_EMPTY_TREE_LINK = 5015,     /**< link weight <= 0 or not finite */
  KHCN_DIAG_DONE_MEASURE = 5016         /**< done target on a non-binary value */
};

/** One finding.  Strings are borrowed from the list that holds it. */
typedef struct khcn_diag {
  int code;               /**< e.g. #KHCN_DIAG_DANGLING_REF */
  khcn_severity severity;
  const char *path;       /**< "/plan/tasks/t1.2/parent"; never NULL */
  const char *entity;     /**< id of the entity concerned, or "" */
  size_t offset;          /**< byte offset in an input file, or SIZE_MAX */
  const char *message;    /**< human-readable sentence; never NULL */
} khcn_diag;

/** An ordered list of diagnostics (opaque). */
typedef struct khcn_diags khcn_diags;

/**
 * Create an empty list.
 * @param[out] out  the new list; the caller owns it (khcn_diags_free()).
 * @retval KHCN_OK, KHCN_ENOMEM, KHCN_EINVAL (out is NULL)
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_diags_new(khcn_diags **out);
/** Free a list; NULL is a no-op. */
KHCN_EXTERN void khcn_diags_free(khcn_diags *diags);
/** Number of diagnostics in the list (0 for NULL). */
KHCN_EXTERN size_t khcn_diags_count(const khcn_diags *diags);
/** Number of diagnostics at severity @p min or worse. */
KHCN_EXTERN size_t khcn_diags_count_at_least(const khcn_diags *diags, khcn_severity min);
/**
 * Copy out diagnostic @p i.  Strings stay owned by the list.
 * @retval KHCN_OK, KHCN_ENOTFOUND (i out of range), KHCN_EINVAL
 */
KHCN_EXTERN khcn_status khcn_diags_at(const khcn_diags *diags, size_t i, khcn_diag *out);
/** Remove every diagnostic. */
KHCN_EXTERN void khcn_diags_clear(khcn_diags *diags);
/** Static name of a severity ("warning"). */
KHCN_EXTERN const char *khcn_severity_name(khcn_severity sev);
/**
 * Format diagnostic @p i as one line, "error 4002 /plan/tasks/t1/parent [t1]: ...".
 * @param[out] out  caller-owned buffer, khcn_buf_dispose() it.
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_diags_format(khcn_buf *out, const khcn_diags *diags, size_t i);

KHCN_END_DECL
#endif
