/**
 * @file khcn/plan.h
 * @brief The plan model: plans, indicators and targets, the task and
 * objective trees, agencies and the responsibility matrix.
 *
 * Ownership: khcn_plan_new() gives the caller a plan, freed with
 * khcn_plan_free().  Every other object (indicator, node, agency) is owned
 * by its plan: pointers to them are borrowed and stay valid, at a stable
 * address, until the plan is freed.  Strings passed in are copied; strings
 * handed out are borrowed from the plan.  Records copied out with a
 * `_at(..., out)` call hold borrowed strings with the same lifetime.
 *
 * Text is UTF-8 and kept byte for byte (Vietnamese diacritics included);
 * invalid UTF-8 and embedded NULs are refused with KHCN_EINVAL.  Ids are
 * ASCII: `[A-Za-z0-9][A-Za-z0-9._:-]{0,63}`.  Years are 1900..2200.
 *
 * References between entities (a node's parent, a link's indicator, a
 * responsibility's agency) are by id and may be made before the target
 * exists, so that files can be read in any order; khcn_plan_validate()
 * reports the ones left dangling.
 *
 * Thread safety: no global mutable state, no init call.  A plan may be read
 * (every function taking `const khcn_plan *` or a const entity) from any
 * number of threads at once; it must not be modified while any other thread
 * uses it.
 */
#ifndef KHCN_PLAN_H
#define KHCN_PLAN_H
#include "common.h"
#include "diag.h"

KHCN_BEGIN_DECL

typedef struct khcn_plan khcn_plan;           /**< a plan (kế hoạch) */
typedef struct khcn_indicator khcn_indicator; /**< an indicator (chỉ tiêu) */
typedef struct khcn_node khcn_node;           /**< an objective or a task */
typedef struct khcn_agency khcn_agency;       /**< an agency (cơ quan, đơn vị) */

/* ------------------------------------------------------------------ plan */

/** Text fields of a plan. */
typedef enum khcn_plan_field {
  KHCN_PLAN_TITLE = 0,        /**< trích yếu: the plan's title */
  KHCN_PLAN_ISSUER,           /**< issuing body, "UBND tỉnh Bến Tre" */
  KHCN_PLAN_NUMBER,           /**< document number, "5611/KH-UBND" */
  KHCN_PLAN_DATE,             /**< issue date, "YYYY", "YYYY-MM" or "YYYY-MM-DD" */
  KHCN_PLAN_PROVINCE,         /**< province, "Bến Tre" */
  KHCN_PLAN_SIGNER,           /**< who signed, where printed */
  KHCN_PLAN_SIGNER_TITLE,     /**< the signer's title, "KT. CHỦ TỊCH ..." */
  KHCN_PLAN_PURPOSE,          /**< mục đích */
  KHCN_PLAN_REQUIREMENTS,     /**< yêu cầu */
  KHCN_PLAN_LANG,             /**< BCP 47 language of the text, default "vi" */
  KHCN_PLAN_FIELD_COUNT_
} khcn_plan_field;

/**
 * Create an empty plan.
 * @param[out] out  the plan; caller owns it, free with khcn_plan_free().
 * @param id        the plan's id (ASCII id syntax).
 * @retval KHCN_OK, KHCN_EINVAL (bad id or out NULL), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_new(khcn_plan **out, const char *id);
/** Free a plan and everything it owns.  NULL is a no-op. */
KHCN_EXTERN void khcn_plan_free(khcn_plan *plan);
/**
 * Deep copy of a plan.
 * @param[out] out  the copy; caller owns it.
 * @retval KHCN_OK, KHCN_ENOMEM, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_clone(khcn_plan **out, const khcn_plan *plan);

/** The plan's id.  @borrowed */
KHCN_EXTERN const char *khcn_plan_id(const khcn_plan *plan);
/**
 * Set a text field; NULL clears it.  KHCN_PLAN_DATE must be a date string.
 * @retval KHCN_OK, KHCN_EINVAL (bad UTF-8, bad date, unknown field), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_set_text(khcn_plan *plan, khcn_plan_field field, const char *text);
/** A text field, or NULL when unset.  @borrowed */
KHCN_EXTERN const char *khcn_plan_text(const khcn_plan *plan, khcn_plan_field field);
/** Static name of a plan field ("title", "issuer", ...), or NULL. */
KHCN_EXTERN const char *khcn_plan_field_name(khcn_plan_field field);

/**
 * Set the plan period, in years, start <= end.
 * @retval KHCN_OK, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_set_period(khcn_plan *plan, int start, int end);
/** First year of the period, 0 when unset. */
KHCN_EXTERN int khcn_plan_start(const khcn_plan *plan);
/** Last year of the period, 0 when unset. */
KHCN_EXTERN int khcn_plan_end(const khcn_plan *plan);

/** Add a budget source (nguồn kinh phí), as text.  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_add_budget_source(khcn_plan *plan, const char *text);
/** Number of budget sources. */
KHCN_EXTERN size_t khcn_plan_budget_source_count(const khcn_plan *plan);
/** Budget source @p i, or NULL when out of range.  @borrowed */
KHCN_EXTERN const char *khcn_plan_budget_source_at(const khcn_plan *plan, size_t i);

/* ------------------------------------------------------- legal bases */

/** Kinds of legal documents a plan cites (căn cứ). */
typedef enum khcn_doc_type {
  KHCN_DOC_OTHER = 0,
  KHCN_DOC_LAW,            /**< Luật */
  KHCN_DOC_DECREE,         /**< Nghị định */
  KHCN_DOC_DECISION,       /**< Quyết định */
  KHCN_DOC_RESOLUTION,     /**< Nghị quyết */
  KHCN_DOC_CIRCULAR,       /**< Thông tư */
  KHCN_DOC_PLAN,           /**< Kế hoạch */
  KHCN_DOC_DIRECTIVE,      /**< Chỉ thị */
  KHCN_DOC_CONCLUSION,     /**< Kết luận */
  KHCN_DOC_PROGRAMME,      /**< Chương trình */
  KHCN_DOC_LETTER,         /**< Công văn */
  KHCN_DOC_TYPE_COUNT_
} khcn_doc_type;

/** A legal document cited by the plan.  All strings but id may be NULL. */
typedef struct khcn_legal_doc {
  const char *id;       /**< required, unique among the plan's legal bases */
  const char *number;   /**< "569/QĐ-TTg" */
  khcn_doc_type type;
  const char *date;     /**< "YYYY[-MM[-DD]]" */
  const char *issuer;   /**< "Thủ tướng Chính phủ" */
  const char *title;    /**< trích yếu */
} khcn_legal_doc;

/** Add a legal basis (copied).  @retval KHCN_OK, KHCN_EINVAL, KHCN_EEXISTS, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_add_legal_basis(khcn_plan *plan, const khcn_legal_doc *doc);
/** Number of legal bases. */
KHCN_EXTERN size_t khcn_plan_legal_basis_count(const khcn_plan *plan);
/** Copy out legal basis @p i (strings borrowed).  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_plan_legal_basis_at(const khcn_plan *plan, size_t i, khcn_legal_doc *out);
/** Static name of a document type ("decision"), or NULL. */
KHCN_EXTERN const char *khcn_doc_type_name(khcn_doc_type type);
/** Parse a document type name.  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_doc_type_parse(khcn_doc_type *out, const char *name);

/* ------------------------------------------------------- indicators */

/** What an indicator measures (design/attainment.md section 2). */
typedef enum khcn_measure {
  KHCN_MEASURE_COUNT = 0,   /**< a number of things (default) */
  KHCN_MEASURE_PERCENT,     /**< in percent: 45 means 45 % */
  KHCN_MEASURE_RATIO,       /**< numerator x factor / denominator */
  KHCN_MEASURE_MONEY,
  KHCN_MEASURE_INDEX,
  KHCN_MEASURE_RATE,        /**< a growth rate, fraction per year: 0.075 */
  KHCN_MEASURE_BINARY,      /**< 0 or 1: done or not */
  KHCN_MEASURE_QUALITATIVE,
  KHCN_MEASURE_COUNT_
} khcn_measure;

/** Stock (a level at year end) or flow (a quantity per year). */
typedef enum khcn_kind {
  KHCN_KIND_STOCK = 0,
  KHCN_KIND_FLOW = 1
} khcn_kind;

/**
 * Add an indicator.  Defaults: measure count, direction +1, kind stock, no
 * unit, no natural limit, no baseline, no formula.
 * @param[out] out  the indicator, owned by the plan (may be NULL).
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_EEXISTS (id taken), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_add_indicator(khcn_indicator **out, khcn_plan *plan,
                                                                 const char *id, const char *name);
/** Number of indicators. */
KHCN_EXTERN size_t khcn_plan_indicator_count(const khcn_plan *plan);
/** Indicator @p i in insertion order, or NULL.  @borrowed */
KHCN_EXTERN khcn_indicator *khcn_plan_indicator_at(const khcn_plan *plan, size_t i);
/** Indicator with id @p id, or NULL.  @borrowed */
KHCN_EXTERN khcn_indicator *khcn_plan_indicator(const khcn_plan *plan, const char *id);

/** The indicator's id.  @borrowed (lives with the plan) */
KHCN_EXTERN const char *khcn_indicator_id(const khcn_indicator *ind);
/** Position of the indicator in its plan (0-based). */
KHCN_EXTERN size_t khcn_indicator_index(const khcn_indicator *ind);
/** The indicator's name as written in the plan.  @borrowed */
KHCN_EXTERN const char *khcn_indicator_name(const khcn_indicator *ind);
/** English name, or NULL. */
KHCN_EXTERN const char *khcn_indicator_name_en(const khcn_indicator *ind);
/** Unit as written ("nhiệm vụ", "%"), "" when none. */
KHCN_EXTERN const char *khcn_indicator_unit(const khcn_indicator *ind);
/** What the indicator measures. */
KHCN_EXTERN khcn_measure khcn_indicator_measure(const khcn_indicator *ind);
/** +1 higher is better, -1 lower is better. */
KHCN_EXTERN int khcn_indicator_direction(const khcn_indicator *ind);
/** Stock or flow. */
KHCN_EXTERN khcn_kind khcn_indicator_kind(const khcn_indicator *ind);
/** Natural limit (e.g. 100 for a share), NAN when none. */
KHCN_EXTERN double khcn_indicator_limit(const khcn_indicator *ind);
/** Free-text description, or NULL. */
KHCN_EXTERN const char *khcn_indicator_description(const khcn_indicator *ind);

/** Set the name (required, non-empty).  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_name(khcn_indicator *ind, const char *name);
/** Set or clear (NULL) the English name. */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_name_en(khcn_indicator *ind, const char *name);
/** Set the unit; NULL means none. */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_unit(khcn_indicator *ind, const char *unit);
/** Set or clear (NULL) the description. */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_description(khcn_indicator *ind, const char *text);
/** @retval KHCN_OK, KHCN_EINVAL (unknown measure) */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_measure(khcn_indicator *ind, khcn_measure measure);
/** @retval KHCN_OK, KHCN_EINVAL (not +1 or -1) */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_direction(khcn_indicator *ind, int direction);
/** @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_kind(khcn_indicator *ind, khcn_kind kind);
/** Set the natural limit (finite, > 0); NAN clears.  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_limit(khcn_indicator *ind, double limit);

/**
 * Set the baseline (year, value) with an optional note/source.
 * year 0 clears the baseline.
 * @retval KHCN_OK, KHCN_EINVAL (year outside 1900..2200, value not finite), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_baseline(khcn_indicator *ind, int year, double value,
                                                                     const char *note);
/** Baseline year, 0 when none. */
KHCN_EXTERN int khcn_indicator_baseline_year(const khcn_indicator *ind);
/** Baseline value, NAN when none. */
KHCN_EXTERN double khcn_indicator_baseline_value(const khcn_indicator *ind);
/** Baseline note, or NULL. */
KHCN_EXTERN const char *khcn_indicator_baseline_note(const khcn_indicator *ind);

/**
 * Make this a ratio indicator: numerator x factor / denominator, two other
 * indicators of the plan (DHIS2).  numerator NULL clears the formula.
 * @retval KHCN_OK, KHCN_EINVAL (bad id, factor not finite or 0), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_formula(khcn_indicator *ind, const char *numerator,
                                                                    const char *denominator, double factor);
/**
 * The ratio formula, if any: returns 1 and fills the out-params (any may be
 * NULL), else returns 0.
 */
KHCN_EXTERN int khcn_indicator_formula(const khcn_indicator *ind, const char **numerator,
                                       const char **denominator, double *factor);

/* ------------------------------------------------------------ targets */

/** Target comparators (design/attainment.md section 2). */
typedef enum khcn_comparator {
  KHCN_CMP_AT_LEAST = 0, /**< x >= value: "ít nhất", "tối thiểu", "trên", "đạt" */
  KHCN_CMP_AT_MOST,      /**< x <= value: "không quá", "giảm xuống" */
  KHCN_CMP_RANGE,        /**< value <= x <= hi: "1,2 % - 1,5 %", "từ 02 đến 03" */
  KHCN_CMP_APPROX,       /**< |x - value| <= tol: "khoảng" */
  KHCN_CMP_GROWTH,       /**< growth of value per year (fraction): "tăng bình quân 5 %/năm" */
  KHCN_CMP_MULTIPLE,     /**< value times the value of base_year: "tăng hai lần so với năm 2020" */
  KHCN_CMP_DONE,         /**< a done (1) observation by the year: "hoàn thành trong năm 2021" */
  KHCN_CMP_COUNT_
} khcn_comparator;

/** Target flags. */
enum {
  KHCN_TARGET_NO_OVERSHOOT = 1u << 0, /**< range: above hi is not met (default: met) */
  KHCN_TARGET_CUMULATIVE = 1u << 1    /**< flow: sum of flows since the plan start */
};

/** "every year of the plan period" as a target year. */
#define KHCN_EVERY_YEAR 0

/**
 * A target, as written in the plan.  Fields that do not apply are NAN
 * (hi, tol) or 0 (base_year).  Initialise with khcn_target_init().
 */
typedef struct khcn_target {
  int year;                   /**< milestone year, or KHCN_EVERY_YEAR */
  khcn_comparator comparator;
  double value;               /**< the value; lo of a range; k of multiple; g of growth */
  double hi;                  /**< range: upper bound; else NAN */
  double tol;                 /**< approx: tolerance; NAN = 5 % of |value| */
  int base_year;              /**< multiple (and optionally growth): base year; else 0 */
  uint32_t flags;             /**< KHCN_TARGET_* */
  const char *note;           /**< the sentence the target comes from, or NULL */
} khcn_target;

/** Reset a target record: at_least 0, every year, hi/tol NAN, no note. */
KHCN_EXTERN void khcn_target_init(khcn_target *t);
/**
 * Append a target (copied).
 * @retval KHCN_OK, KHCN_EINVAL (unknown comparator, non-finite value, bad year), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_add_target(khcn_indicator *ind, const khcn_target *t);
/** Number of targets. */
KHCN_EXTERN size_t khcn_indicator_target_count(const khcn_indicator *ind);
/** Copy out target @p i.  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_indicator_target_at(const khcn_indicator *ind, size_t i, khcn_target *out);
/** Remove target @p i.  @retval KHCN_OK, KHCN_ENOTFOUND */
KHCN_EXTERN khcn_status khcn_indicator_remove_target(khcn_indicator *ind, size_t i);
/** Static comparator name ("at_least"), or NULL. */
KHCN_EXTERN const char *khcn_comparator_name(khcn_comparator c);
/** Parse a comparator name.  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_comparator_parse(khcn_comparator *out, const char *name);

/* ------------------------------------------------------- observations */

/** Status of an observation (SDMX OBS_STATUS subset). */
typedef enum khcn_obs_status {
  KHCN_OBS_NORMAL = 0,
  KHCN_OBS_ESTIMATED,    /**< inferred or ambiguous: carried, flagged */
  KHCN_OBS_PROVISIONAL,
  KHCN_OBS_FORECAST,     /**< not an actual: ignored by evaluation */
  KHCN_OBS_MISSING,      /**< value NAN: reported missing */
  KHCN_OBS_BREAK,        /**< series break */
  KHCN_OBS_STATUS_COUNT_
} khcn_obs_status;

/** An observation.  Strings may be NULL. */
typedef struct khcn_observation {
  int year;
  double value;            /**< NAN only with KHCN_OBS_MISSING */
  khcn_obs_status status;
  const char *source;      /**< where it was published (URI or text) */
  const char *reporter;    /**< agency id that reported it */
  const char *note;        /**< a quote, a caveat */
} khcn_observation;

/**
 * Add an observation (copied); observations stay sorted by year, one per year.
 * @retval KHCN_OK, KHCN_EINVAL (bad year, non-finite value, bad text),
 *         KHCN_EEXISTS (the year has one), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_add_observation(khcn_indicator *ind,
                                                                        const khcn_observation *obs);
/**
 * Replace all observations by a plain series (status normal, no source).
 * years strictly increasing, values finite.
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM (the old series is kept on error)
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_set_series(khcn_indicator *ind, const int *years,
                                                                   const double *values, size_t n);
/** Number of observations. */
KHCN_EXTERN size_t khcn_indicator_observation_count(const khcn_indicator *ind);
/** Copy out observation @p i (by year order).  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_indicator_observation_at(const khcn_indicator *ind, size_t i, khcn_observation *out);
/**
 * Remove the observation of @p year.  A compact series (gapless years, all
 * normal) is first made explicit, which allocates.
 * @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_ENOMEM (the series is unchanged)
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_indicator_remove_observation(khcn_indicator *ind, int year);
/**
 * Copy up to @p n (year, value) pairs into caller arrays (either may be NULL);
 * returns the number copied.
 */
KHCN_EXTERN size_t khcn_indicator_series(const khcn_indicator *ind, int *years, double *values, size_t n);
/**
 * Bulk load: for each k < n, add observation (years[k], values[k]) to the
 * indicator at position index[k].  Replaces nothing: a year an indicator
 * already has is an error.  All or nothing: on error the plan is unchanged.
 * @retval KHCN_OK, KHCN_EINVAL (bad index, year or value; the message names k),
 *         KHCN_EEXISTS (duplicate year), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_add_observations(khcn_plan *plan, const uint32_t *index,
                                                                    const int32_t *years, const double *values,
                                                                    size_t n);
/** Static name of an observation status ("estimated"), or NULL. */
KHCN_EXTERN const char *khcn_obs_status_name(khcn_obs_status s);
/** Parse an observation status name.  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_obs_status_parse(khcn_obs_status *out, const char *name);
/** Static measure name ("percent"), or NULL. */
KHCN_EXTERN const char *khcn_measure_name(khcn_measure m);
/** Parse a measure name.  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_measure_parse(khcn_measure *out, const char *name);

/* ----------------------------------------- objectives and tasks (nodes) */

/** Node types: the objective tree and the task tree. */
typedef enum khcn_node_type {
  KHCN_NODE_OBJECTIVE = 0, /**< mục tiêu: a root is general, a child specific */
  KHCN_NODE_TASK = 1       /**< nhiệm vụ, giải pháp */
} khcn_node_type;

/**
 * Add an objective or a task.  Ids are unique among all nodes of the plan.
 * @param[out] out  the node, owned by the plan (may be NULL).
 * @param parent    id of the parent node of the same type, NULL for a root.
 * @param label     the printed label ("I", "1", "a", "-", "+"), or NULL.
 * @param title     the heading or the sentence; required.
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_EEXISTS, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_add_node(khcn_node **out, khcn_plan *plan, khcn_node_type type,
                                                            const char *id, const char *parent, const char *label,
                                                            const char *title);
/** Number of nodes (objectives and tasks). */
KHCN_EXTERN size_t khcn_plan_node_count(const khcn_plan *plan);
/** Node @p i in insertion order, or NULL.  @borrowed */
KHCN_EXTERN khcn_node *khcn_plan_node_at(const khcn_plan *plan, size_t i);
/** Node with id @p id, or NULL.  @borrowed */
KHCN_EXTERN khcn_node *khcn_plan_node(const khcn_plan *plan, const char *id);

/** The node's id.  @borrowed */
KHCN_EXTERN const char *khcn_node_id(const khcn_node *node);
/** Objective or task. */
KHCN_EXTERN khcn_node_type khcn_node_type_of(const khcn_node *node);
/** Parent id, NULL for a root. */
KHCN_EXTERN const char *khcn_node_parent(const khcn_node *node);
/** Printed label, or NULL. */
KHCN_EXTERN const char *khcn_node_label(const khcn_node *node);
/** Heading or sentence of the node.  @borrowed */
KHCN_EXTERN const char *khcn_node_title(const khcn_node *node);
/** Body text, or NULL. */
KHCN_EXTERN const char *khcn_node_text(const khcn_node *node);
/** Roll-up weight within its parent (default 1). */
KHCN_EXTERN double khcn_node_weight(const khcn_node *node);
/** Position of the node in its plan (0-based). */
KHCN_EXTERN size_t khcn_node_index(const khcn_node *node);
/** Set or clear (NULL) the body text. */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_node_set_text(khcn_node *node, const char *text);
/** Set the roll-up weight (finite, >= 0).  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_node_set_weight(khcn_node *node, double weight);
/**
 * Link an indicator to the node with a weight (finite, > 0).
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_EEXISTS (already linked), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_node_link(khcn_node *node, const char *indicator, double weight);
/**
 * Change the weight of an existing link (finite, > 0).
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOTFOUND (the node has no link to that indicator)
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_node_set_link_weight(khcn_node *node, const char *indicator,
                                                                   double weight);
/** Number of indicator links. */
KHCN_EXTERN size_t khcn_node_link_count(const khcn_node *node);
/** Link @p i: indicator id and weight.  @retval KHCN_OK, KHCN_ENOTFOUND */
KHCN_EXTERN khcn_status khcn_node_link_at(const khcn_node *node, size_t i, const char **indicator, double *weight);
/** Static node type name ("task"), or NULL. */
KHCN_EXTERN const char *khcn_node_type_name(khcn_node_type type);

/* ------------------------------------------------------------ agencies */

/** Kinds of agencies. */
typedef enum khcn_agency_kind {
  KHCN_AGENCY_OTHER = 0,
  KHCN_AGENCY_PEOPLES_COMMITTEE, /**< UBND (provincial, district) */
  KHCN_AGENCY_DEPARTMENT,        /**< Sở, Ban, ngành */
  KHCN_AGENCY_DIVISION,          /**< Phòng, Chi cục, Trung tâm of a department */
  KHCN_AGENCY_DISTRICT,          /**< huyện, thành phố */
  KHCN_AGENCY_MINISTRY,          /**< Bộ */
  KHCN_AGENCY_INSTITUTE,         /**< viện, trường */
  KHCN_AGENCY_ENTERPRISE,
  KHCN_AGENCY_ASSOCIATION,       /**< hội, hiệp hội, đoàn thể */
  KHCN_AGENCY_PARTY,             /**< Đảng bodies */
  KHCN_AGENCY_KIND_COUNT_
} khcn_agency_kind;

/**
 * Add an agency.
 * @param parent  id of the parent agency, or NULL.
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_EEXISTS, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_add_agency(khcn_agency **out, khcn_plan *plan, const char *id,
                                                              const char *name, const char *parent);
/** Number of agencies. */
KHCN_EXTERN size_t khcn_plan_agency_count(const khcn_plan *plan);
/** @borrowed */
KHCN_EXTERN khcn_agency *khcn_plan_agency_at(const khcn_plan *plan, size_t i);
/** @borrowed */
KHCN_EXTERN khcn_agency *khcn_plan_agency(const khcn_plan *plan, const char *id);
/** The agency's id.  @borrowed */
KHCN_EXTERN const char *khcn_agency_id(const khcn_agency *agency);
/** The agency's full name.  @borrowed */
KHCN_EXTERN const char *khcn_agency_name(const khcn_agency *agency);
/** Short name, or NULL. */
KHCN_EXTERN const char *khcn_agency_short_name(const khcn_agency *agency);
/** Parent id, or NULL. */
KHCN_EXTERN const char *khcn_agency_parent(const khcn_agency *agency);
/** The agency's kind. */
KHCN_EXTERN khcn_agency_kind khcn_agency_kind_of(const khcn_agency *agency);
/** Position of the agency in its plan (0-based). */
KHCN_EXTERN size_t khcn_agency_index(const khcn_agency *agency);
/** Set or clear (NULL) the short name.  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_agency_set_short_name(khcn_agency *agency, const char *name);
/** Set the kind.  @retval KHCN_OK, KHCN_EINVAL (unknown kind) */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_agency_set_kind(khcn_agency *agency, khcn_agency_kind kind);
/** Static agency kind name ("division"), or NULL. */
KHCN_EXTERN const char *khcn_agency_kind_name(khcn_agency_kind kind);
/** Parse an agency kind name.  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_agency_kind_parse(khcn_agency_kind *out, const char *name);

/* ------------------------------------------------ responsibility matrix */

/** Roles in the responsibility matrix. */
typedef enum khcn_role {
  KHCN_ROLE_LEAD = 0,      /**< chủ trì */
  KHCN_ROLE_COOPERATE,     /**< phối hợp */
  KHCN_ROLE_ADVISE,        /**< tham mưu */
  KHCN_ROLE_FOCAL,         /**< đầu mối */
  KHCN_ROLE_REPORT,        /**< báo cáo: reports to `to` by the deadline */
  KHCN_ROLE_COUNT_
} khcn_role;

/** Recurrence of a deadline. */
typedef enum khcn_recurrence {
  KHCN_ONCE = 0,
  KHCN_YEARLY,      /**< hàng năm */
  KHCN_HALF_YEARLY, /**< 6 tháng */
  KHCN_QUARTERLY,   /**< hàng quý */
  KHCN_MONTHLY,     /**< hàng tháng */
  KHCN_RECURRENCE_COUNT_
} khcn_recurrence;

/** One entry of the matrix: (task, agency, role) plus reporting details. */
typedef struct khcn_responsibility {
  const char *task;        /**< node id; NULL: the plan as a whole */
  const char *agency;      /**< agency id; required */
  khcn_role role;
  const char *to;          /**< report: the recipient agency id; else NULL */
  int due_year;            /**< deadline year (0 = recurring or none) */
  int due_month;           /**< 1..12, 0 = none */
  int due_day;             /**< 1..31, 0 = none */
  khcn_recurrence every;   /**< how the deadline recurs */
  const char *note;        /**< the sentence it comes from, or NULL */
} khcn_responsibility;

/**
 * Add an entry (copied).  Entries are unique on (task, agency, role, to).
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_EEXISTS, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_assign(khcn_plan *plan, const khcn_responsibility *r);
/** Number of entries of the responsibility matrix. */
KHCN_EXTERN size_t khcn_plan_responsibility_count(const khcn_plan *plan);
/** Copy out entry @p i.  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_plan_responsibility_at(const khcn_plan *plan, size_t i, khcn_responsibility *out);
/** Remove entry @p i (later entries shift down).  @retval KHCN_OK, KHCN_ENOTFOUND */
KHCN_EXTERN khcn_status khcn_plan_unassign(khcn_plan *plan, size_t i);
/** Static role name ("lead", "cooperate", "advise", "focal", "report"), or NULL. */
KHCN_EXTERN const char *khcn_role_name(khcn_role role);
/** Parse a role name.  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_role_parse(khcn_role *out, const char *name);
/** Static recurrence name ("yearly"), or NULL. */
KHCN_EXTERN const char *khcn_recurrence_name(khcn_recurrence r);
/** Parse a recurrence name.  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_recurrence_parse(khcn_recurrence *out, const char *name);

/* ----------------------------------------------------------- validation */

/** Validation flags. */
enum {
  KHCN_VALIDATE_STRICT = 1u << 0 /**< business-rule warnings become errors */
};

/**
 * Check the whole plan: dangling references, cycles, leads, targets.
 * Findings are appended to @p diags (which may be NULL to only get the verdict).
 * @retval KHCN_OK           no errors (warnings may have been added)
 * @retval KHCN_EINVALID     at least one error was found
 * @retval KHCN_ENOMEM, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_plan_validate(const khcn_plan *plan, khcn_diags *diags, uint32_t flags);

/* ------------------------------------------------------------- helpers */

/** 1 if @p s is a valid id. */
KHCN_EXTERN int khcn_id_valid(const char *s);
/** 1 if @p s is valid UTF-8 of @p len bytes with no NUL. */
KHCN_EXTERN int khcn_utf8_valid(const char *s, size_t len);
/** 1 if @p s is "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real date. */
KHCN_EXTERN int khcn_date_valid(const char *s);

KHCN_END_DECL
#endif
