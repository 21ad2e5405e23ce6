/**
 * @file khcn/attain.h
 * @brief Attainment and what-if engine: evaluation of a plan at a year,
 * roll-ups, agency scorecards, scenarios, diffs, goal seek, sensitivity and
 * Monte Carlo.  The method is docs/methodology.md (after
 * design/attainment.md): read it for every formula used here.
 *
 * Units: growth rates are fractions per year (0.075 is 7.5 %/year); values
 * of percentage indicators are in percent (45 is 45 %).
 *
 * Ownership: a ::khcn_eval borrows its plan (and a scenario evaluation
 * borrows its base evaluation): the plan must outlive the evaluation and
 * must not be modified while the evaluation is in use.  Everything else
 * handed out is copied into caller-owned records or arrays.
 *
 * Thread safety: every function taking `const khcn_eval *` (or another const
 * engine object) is reentrant and keeps no cache; one evaluation may be read
 * from any number of threads at once.
 */
#ifndef KHCN_ATTAIN_H
#define KHCN_ATTAIN_H
#include "plan.h"

KHCN_BEGIN_DECL

/* ------------------------------------------------------------ statuses */

/** Progress status of a target, an indicator, a node or an agency. */
typedef enum khcn_progress {
  KHCN_PROGRESS_NO_DATA = 0,           /**< "no_data": no observation */
  KHCN_PROGRESS_INSUFFICIENT_DATA = 1, /**< "insufficient_data": too few points, or coverage too low */
  KHCN_PROGRESS_ACHIEVED = 2,          /**< "achieved": the latest value meets the target */
  KHCN_PROGRESS_MISSED = 3,            /**< "missed": the target year passed without the target met */
  KHCN_PROGRESS_ON_TRACK = 4,          /**< "on_track" */
  KHCN_PROGRESS_NEEDS_ACCELERATION = 5,/**< "needs_acceleration" */
  KHCN_PROGRESS_LIMITED_PROGRESS = 6,  /**< "limited_progress" */
  KHCN_PROGRESS_DETERIORATING = 7,     /**< "deteriorating" */
  KHCN_PROGRESS_COUNT_ = 8
} khcn_progress;

/** Static name of a status ("needs_acceleration"), or NULL when unknown. */
KHCN_EXTERN const char *khcn_progress_name(khcn_progress p);
/** Parse a status name.  @retval KHCN_OK, KHCN_EINVAL (unknown name or NULL) */
KHCN_EXTERN khcn_status khcn_progress_parse(khcn_progress *out, const char *name);

/** Result flags (::khcn_result.flags). */
enum {
  KHCN_RESULT_LINEAR_FALLBACK = 1u << 0,       /**< linear pace/projection: values not all of one sign */
  KHCN_RESULT_BASE_FROM_OBSERVATION = 1u << 1, /**< no baseline: base is the first observation in the period */
  KHCN_RESULT_NO_BASE_RATIO = 1u << 2,         /**< no usable base: attainment x/v (or v/x) */
  KHCN_RESULT_OVERSHOOT = 1u << 3,             /**< range: the value is above hi */
  KHCN_RESULT_PROJECTION_CLAMPED = 1u << 4,    /**< projection clamped to the natural limit or to 0 */
  KHCN_RESULT_ESTIMATED = 1u << 5,             /**< the value used is an estimated/provisional observation */
  KHCN_RESULT_ASSUMED_GROWTH = 1u << 6,        /**< projection uses a scenario's assumed growth */
  KHCN_RESULT_NO_TARGET = 1u << 7,             /**< indicator without target: pace is v, not R */
  KHCN_RESULT_EVERY_YEAR = 1u << 8,            /**< a recurring (every-year) target, judged for one year */
  KHCN_RESULT_CUMULATIVE = 1u << 9,            /**< value is the sum of flows since the plan start */
  KHCN_RESULT_BAD_INPUT = 1u << 10             /**< degenerate input (see the diagnostics); not assessed */
};

/**
 * The evaluation of one target (or of an indicator's headline target, or
 * of an indicator with no target).  Doubles that do not apply are NAN;
 * never a status.  A plain record: copy it freely.
 */
typedef struct khcn_result {
  size_t indicator;       /**< indicator index in the plan */
  size_t target;          /**< target index in the indicator, SIZE_MAX when none */
  int year;               /**< year of the value used, 0 when none */
  int target_year;        /**< year judged (milestone; for every-year targets the year judged); 0 none */
  int base_year;          /**< t0, 0 when none */
  double base_value;      /**< y0 */
  double value;           /**< the value used (x): latest observation on or before min(as_of, T) */
  double attainment;      /**< A clamped to [0, 1] */
  double attainment_raw;  /**< A */
  int met;                /**< 1 when the target is met by the value, else 0 */
  double pace;            /**< R with a target, v without */
  double score;           /**< in [-5, 5]; NAN when not assessed */
  khcn_progress status;
  double projected;       /**< projected value at the target year */
  double projected_attainment; /**< A of the projected value */
  double years_behind;    /**< Sicherl time distance, as_of - t*(x); negative: ahead */
  double required_value;  /**< value the path from (t0, y0) to (T, yT) prescribes for as_of */
  double required_growth; /**< annual growth needed from the latest value to reach the target */
  double threshold;       /**< the resolved target value yT (lo of a range, k x base of multiple) */
  uint32_t flags;         /**< KHCN_RESULT_* */
} khcn_result;

/* ------------------------------------------------------------- options */

/** Evaluation flags (::khcn_eval_options.flags). */
enum {
  KHCN_EVAL_TIME_WEIGHTED = 1u << 0,     /**< ESCAP time-weighted growth for projection */
  KHCN_EVAL_LINEAR_PROJECTION = 1u << 1  /**< always project with the least-squares line */
};

/**
 * Every threshold and weight of the method.  Zero means "the default" for
 * every field, so KHCN_EVAL_OPTIONS_INIT is enough.  Weights: a negative
 * value asks for an actual weight of 0.
 */
typedef struct khcn_eval_options {
  unsigned int version;      /**< KHCN_EVAL_OPTIONS_VERSION; must stay first */
  uint32_t flags;            /**< KHCN_EVAL_* */
  int as_of;                 /**< evaluation year; 0 = the latest observation year in the plan */
  double on_track;           /**< R threshold of on_track; default 0.95 */
  double needs_acceleration; /**< R threshold of needs_acceleration; default 0.60 */
  double limited_progress;   /**< R threshold of limited_progress; default 0 */
  double v_on_track;         /**< no target: v >= this x C is on_track; default 0.015 */
  double v_needs_acceleration; /**< no target: v >= this x C; default 0.005 */
  double limit_exponent;     /**< natural limit exponent; default 4.44 */
  double approx_tolerance;   /**< approx default tol as a share of |v|; default 0.05 */
  double min_coverage;       /**< roll-up minimum coverage; default 0.8 */
  double node_on_track;      /**< node score band: >= on_track; default 2.5 */
  double node_needs_acceleration; /**< node band; default 0 */
  double node_limited_progress;   /**< node band; default -2.5 */
  double role_weight[KHCN_ROLE_COUNT_]; /**< by khcn_role; defaults lead 1, cooperate 0.5,
                                             advise 0.25, focal 0.5, report 0 (see docs) */
} khcn_eval_options;

#define KHCN_EVAL_OPTIONS_VERSION 1
#define KHCN_EVAL_OPTIONS_INIT { KHCN_EVAL_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, { 0 } }

/**
 * Initialise an options struct to all defaults.
 * @retval KHCN_OK, KHCN_EVERSION (unknown version), KHCN_EINVAL (NULL)
 */
KHCN_EXTERN khcn_status khcn_eval_options_init(khcn_eval_options *opts, unsigned int version);

/* ----------------------------------------------------------- evaluation */

/** An evaluation of a plan at a year (opaque). */
typedef struct khcn_eval khcn_eval;

/**
 * Evaluate every indicator, target, node and agency of a plan.
 * @param[out] out  the evaluation; the caller owns it (khcn_eval_free()).
 *                  It borrows @p plan, which must outlive it, unchanged.
 * @param plan      the plan.
 * @param opts      options, or NULL for the defaults.
 * @param diags     degenerate inputs found (design section 8) are appended
 *                  here as warnings naming the indicator; may be NULL.
 * @retval KHCN_OK
 * @retval KHCN_EINVAL    NULL argument or an option out of range
 * @retval KHCN_EVERSION  unknown options version
 * @retval KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_evaluate(khcn_eval **out, const khcn_plan *plan,
                                                       const khcn_eval_options *opts, khcn_diags *diags);
/**
 * Evaluate the same, unchanged plan again (another as_of, other thresholds),
 * reusing the resolved structure of @p prev (shared, reference counted; the
 * plan must not have changed since @p prev was made).  When the role weights
 * differ the structure is rebuilt.  Results equal khcn_evaluate()'s.
 * @param[out] out  caller owns it; @p prev may be freed first.
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_EVERSION, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_eval_reevaluate(khcn_eval **out, const khcn_eval *prev,
                                                              const khcn_eval_options *opts, khcn_diags *diags);
/** Free an evaluation.  NULL is a no-op.  Free scenario evaluations before their base. */
KHCN_EXTERN void khcn_eval_free(khcn_eval *eval);
/** The evaluation year.  */
KHCN_EXTERN int khcn_eval_as_of(const khcn_eval *eval);
/** The plan evaluated.  @borrowed */
KHCN_EXTERN const khcn_plan *khcn_eval_plan(const khcn_eval *eval);
/** Copy out the options used (with defaults filled in).  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_eval_options_used(const khcn_eval *eval, khcn_eval_options *out);

/** Number of indicators evaluated (the plan's indicator count). */
KHCN_EXTERN size_t khcn_eval_indicator_count(const khcn_eval *eval);
/**
 * Headline result of indicator @p i: its governing target (the earliest
 * milestone not before as_of, else the last), or its trend when it has no
 * target.  Computed on demand from the plan: O(observations).
 * @retval KHCN_OK, KHCN_ENOTFOUND (i out of range), KHCN_EINVAL
 */
KHCN_EXTERN khcn_status khcn_eval_indicator(const khcn_eval *eval, size_t i, khcn_result *out);
/** Same, by indicator id.  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_eval_indicator_by_id(const khcn_eval *eval, const char *id, khcn_result *out);
/** Number of targets of indicator @p i (0 when out of range). */
KHCN_EXTERN size_t khcn_eval_target_count(const khcn_eval *eval, size_t i);
/**
 * Result of target @p j of indicator @p i.
 * @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL
 */
KHCN_EXTERN khcn_status khcn_eval_target(const khcn_eval *eval, size_t i, size_t j, khcn_result *out);
/**
 * The value target @p j of indicator @p i requires in @p year: the point of
 * the path from the base (t0, y0) to the target (T, yT) at that year
 * (geometric when y0 and yT have one sign, else straight; yT from T on).
 * @param j  target index, or SIZE_MAX for the governing target.
 * @param[out] out  the value; NAN when there is no base or no level target
 *                  (done, growth of a rate series).
 * @retval KHCN_OK, KHCN_ENOTFOUND (no such indicator or target), KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_eval_required_value(double *out, const khcn_eval *eval, size_t i,
                                                                  size_t j, int year);
/** Index of the governing target of indicator @p i, SIZE_MAX when it has none. */
KHCN_EXTERN size_t khcn_eval_governing_target(const khcn_eval *eval, size_t i);

/** Columns of the headline results, for the bulk accessors. */
typedef enum khcn_column {
  KHCN_COL_VALUE = 0, KHCN_COL_YEAR, KHCN_COL_ATTAINMENT, KHCN_COL_ATTAINMENT_RAW, KHCN_COL_MET,
  KHCN_COL_PACE, KHCN_COL_SCORE, KHCN_COL_STATUS, KHCN_COL_PROJECTED, KHCN_COL_PROJECTED_ATTAINMENT,
  KHCN_COL_YEARS_BEHIND, KHCN_COL_REQUIRED_VALUE, KHCN_COL_REQUIRED_GROWTH, KHCN_COL_FLAGS,
  KHCN_COL_TARGET, KHCN_COL_TARGET_YEAR, KHCN_COL_BASE_YEAR, KHCN_COL_BASE_VALUE, KHCN_COL_THRESHOLD,
  KHCN_COL_COUNT_
} khcn_column;
/** Static name of a column ("attainment_raw"), or NULL. */
KHCN_EXTERN const char *khcn_column_name(khcn_column col);

/**
 * Fill @p out[i] with column @p col of the headline result of every
 * indicator i < n (n must equal khcn_eval_indicator_count()).  Integer
 * columns (year, met, status, flags, target, ...) are converted to double;
 * SIZE_MAX target becomes -1.  Score, status, attainment and pace are
 * stored; the other columns are recomputed (one pass over the plan).
 * @retval KHCN_OK, KHCN_EINVAL (n mismatch, unknown column, NULL)
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_eval_column(const khcn_eval *eval, khcn_column col, double *out,
                                                          size_t n);
/**
 * Several columns in one pass over the plan: column @p cols[c] of indicator
 * i goes to @p out[c * count + i] (column-major: a (ncols, count) array),
 * where count = khcn_eval_indicator_count() and @p n == ncols * count.
 * @retval KHCN_OK, KHCN_EINVAL (length mismatch, unknown column, NULL), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_eval_columns(const khcn_eval *eval, const khcn_column *cols,
                                                           size_t ncols, double *out, size_t n);
/**
 * Integer variant of khcn_eval_column() (doubles are truncated; NAN is -1).
 * Fast path for KHCN_COL_STATUS.
 * @retval KHCN_OK, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_eval_column_int(const khcn_eval *eval, khcn_column col, int *out,
                                                              size_t n);

/* ------------------------------------------------------------- roll-ups */

/** Roll-up of a node (objective or task) or of the whole plan. */
typedef struct khcn_node_result {
  size_t node;            /**< node index; khcn_plan_node_count() for the plan */
  double score;           /**< weighted mean of assessed children; NAN when none */
  double coverage;        /**< assessed weight / all weight; NAN: no children; 0: all weights 0 */
  khcn_progress status;
  size_t children;        /**< child nodes and linked indicators */
  size_t assessed;        /**< of which assessed */
  size_t achieved;        /**< of which achieved */
} khcn_node_result;

/** Number of node results: khcn_plan_node_count() + 1 (the last is the plan). */
KHCN_EXTERN size_t khcn_eval_node_count(const khcn_eval *eval);
/** Roll-up of node @p i (i == node count of the plan: the plan).  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_eval_node(const khcn_eval *eval, size_t i, khcn_node_result *out);
/** Roll-up of a node by id; NULL id gives the plan.  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_eval_node_by_id(const khcn_eval *eval, const char *id, khcn_node_result *out);
/** Roll-up of the plan as a whole.  @retval KHCN_OK, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_eval_plan_result(const khcn_eval *eval, khcn_node_result *out);
/**
 * Bulk: node scores, coverages and statuses (as double) for i < n, n ==
 * khcn_eval_node_count().  Any of the arrays may be NULL.
 * @retval KHCN_OK, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_eval_node_columns(const khcn_eval *eval, double *score,
                                                                double *coverage, double *status, size_t n);

/** Agency scorecard. */
typedef struct khcn_agency_result {
  size_t agency;          /**< agency index */
  double score;           /**< role-weighted mean of the scores of the nodes it holds roles on; NAN none */
  double coverage;        /**< assessed role weight / all role weight */
  double weight;          /**< sum of its role weights */
  khcn_progress status;   /**< from the score bands, or insufficient_data/no_data */
  size_t roles;           /**< (node, agency) pairs it holds, roles merged (max weight) */
  size_t lagging;         /**< indicators of nodes it leads that are missed, limited or deteriorating or need acceleration */
  size_t counts[KHCN_PROGRESS_COUNT_]; /**< indicators linked to its nodes, by status */
} khcn_agency_result;

/** Number of agencies (the plan's). */
KHCN_EXTERN size_t khcn_eval_agency_count(const khcn_eval *eval);
/** Scorecard of agency @p i.  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_eval_agency(const khcn_eval *eval, size_t i, khcn_agency_result *out);
/** Scorecard by agency id.  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_eval_agency_by_id(const khcn_eval *eval, const char *id, khcn_agency_result *out);
/**
 * Bulk: agency scores, coverages and statuses (as double) for i < n, n ==
 * khcn_eval_agency_count().  Any of the arrays may be NULL.
 * @retval KHCN_OK, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_eval_agency_columns(const khcn_eval *eval, double *score,
                                                                  double *coverage, double *status, size_t n);
/**
 * Lagging items agency @p i leads (as lead of a node, or of the plan):
 * indicator indices with status missed, needs_acceleration,
 * limited_progress or deteriorating, worst score first.  Fills up to @p n
 * entries and returns the total number (call with n = 0 to size).
 * Returns 0 when @p i is out of range.
 */
KHCN_EXTERN size_t khcn_eval_agency_lagging(const khcn_eval *eval, size_t i, size_t *out, size_t n);

/* -------------------------------------------------------------- what-if */

/** A scenario: an ordered list of edits over a plan (opaque). */
typedef struct khcn_scenario khcn_scenario;

/**
 * Create an empty scenario.  Edits name entities by id, so a scenario can
 * be applied to any plan that has them.
 * @param[out] out  caller owns it (khcn_scenario_free()).
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_new(khcn_scenario **out);
/** Free a scenario.  NULL is a no-op. */
KHCN_EXTERN void khcn_scenario_free(khcn_scenario *s);
/** Number of edits. */
KHCN_EXTERN size_t khcn_scenario_edit_count(const khcn_scenario *s);
/** Remove every edit. */
KHCN_EXTERN void khcn_scenario_clear(khcn_scenario *s);

/** Set (add or replace) the observation of @p year.  @retval KHCN_OK, KHCN_EINVAL (bad id/year/value), KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_set_observation(khcn_scenario *s, const char *indicator,
                                                                       int year, double value);
/** Remove the observation of @p year (no-op where there is none).  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_remove_observation(khcn_scenario *s, const char *indicator,
                                                                          int year);
/**
 * Assume the indicator grows by @p rate a year (fraction) from @p from_year
 * on, for projection (see docs/methodology.md).  NAN rate removes it.
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_assume_growth(khcn_scenario *s, const char *indicator,
                                                                     int from_year, double rate);
/** Replace target @p j of the indicator (value, year, comparator, ...).  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_set_target(khcn_scenario *s, const char *indicator, size_t j,
                                                                  const khcn_target *t);
/** Change only the value of target @p j.  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_set_target_value(khcn_scenario *s, const char *indicator,
                                                                        size_t j, double value);
/** Change only the year of target @p j.  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_set_target_year(khcn_scenario *s, const char *indicator,
                                                                       size_t j, int year);
/** Change only the comparator of target @p j.  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_set_target_comparator(khcn_scenario *s,
                                                                             const char *indicator, size_t j,
                                                                             khcn_comparator c);
/** Set a node's roll-up weight (finite, >= 0).  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_set_node_weight(khcn_scenario *s, const char *node,
                                                                       double weight);
/** Set the weight of an existing node-indicator link (finite, > 0).  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_set_link_weight(khcn_scenario *s, const char *node,
                                                                       const char *indicator, double weight);
/** Add a role (task NULL: the plan).  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_assign(khcn_scenario *s, const char *task,
                                                              const char *agency, khcn_role role);
/** Remove a role (every entry with this task, agency and role).  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_unassign(khcn_scenario *s, const char *task,
                                                                const char *agency, khcn_role role);
/** Move a role: unassign (task, agency, role), assign (new_task, new_agency, role).  @retval KHCN_OK, KHCN_EINVAL, KHCN_ENOMEM */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_move_role(khcn_scenario *s, const char *task,
                                                                 const char *agency, khcn_role role,
                                                                 const char *new_task, const char *new_agency);

/**
 * Evaluate a scenario over a base evaluation without changing the plan.
 * Incremental: the cost follows the edits and the depth of the trees, not
 * the size of the plan.  The result reads through to @p base for what did
 * not change, so @p base (and its plan) must outlive it.
 * @param[out] out  caller owns it (khcn_eval_free()).
 * @retval KHCN_OK
 * @retval KHCN_ENOTFOUND  an edit names an unknown indicator, node, agency or target
 * @retval KHCN_EINVAL, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_evaluate(khcn_eval **out, const khcn_eval *base,
                                                                const khcn_scenario *s);
/** Alias of khcn_scenario_evaluate().  @retval as khcn_scenario_evaluate() */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_eval_whatif(khcn_eval **out, const khcn_eval *base,
                                                          const khcn_scenario *s);
/**
 * Make the scenario's edits on a plan, for real (e.g. on a khcn_plan_clone()).
 * Assumed growth edits have no plan equivalent and are skipped.
 * @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL, KHCN_ENOMEM (the plan may be partly edited)
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_scenario_apply(khcn_plan *plan, const khcn_scenario *s);

/* ----------------------------------------------------------------- diff */

/** What a diff entry is about. */
typedef enum khcn_diff_kind {
  KHCN_DIFF_INDICATOR = 0,
  KHCN_DIFF_NODE = 1,      /**< index == node count: the plan */
  KHCN_DIFF_AGENCY = 2
} khcn_diff_kind;

/** One changed item. */
typedef struct khcn_diff_entry {
  khcn_diff_kind kind;
  size_t index;
  double before, after, delta;       /**< score */
  double attainment_before, attainment_after; /**< indicators (A raw); NAN otherwise */
  khcn_progress status_before, status_after;
} khcn_diff_entry;

/** A diff between two evaluations (opaque). */
typedef struct khcn_diff khcn_diff;

/**
 * Compare two evaluations of the same plan structure.  When @p after is a
 * scenario evaluation over @p before, only the changed items are visited.
 * Entries are sorted by kind then index.
 * @param[out] out  caller owns it (khcn_diff_free()).
 * @retval KHCN_OK, KHCN_EINVAL (different structures), KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_eval_diff(khcn_diff **out, const khcn_eval *before,
                                                        const khcn_eval *after);
/** Free a diff; NULL is a no-op. */
KHCN_EXTERN void khcn_diff_free(khcn_diff *d);
/** Number of changed items. */
KHCN_EXTERN size_t khcn_diff_count(const khcn_diff *d);
/** Entry @p i.  @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_diff_at(const khcn_diff *d, size_t i, khcn_diff_entry *out);

/* ------------------------------------------------------------ goal seek */

/** What goal seek aims for. */
typedef enum khcn_goal {
  KHCN_GOAL_MET = 0,       /**< the indicator's governing target is met */
  KHCN_GOAL_ON_TRACK = 1,  /**< the indicator is achieved or on_track */
  KHCN_GOAL_NODE_SCORE = 2 /**< a node's score reaches a level */
} khcn_goal;

/**
 * The least (for lower-is-better targets: the greatest) value of one
 * indicator in one year that reaches the goal, all else as in @p eval
 * (scenario evaluations included).  Bisection to a relative precision of
 * 1e-12 over incremental what-ifs.
 * @param[out] out   the value found.
 * @param indicator  indicator id.
 * @param year       the observation year to set (0: the evaluation year).
 * @param node       node id for KHCN_GOAL_NODE_SCORE (NULL: the plan).
 * @param level      the score level for KHCN_GOAL_NODE_SCORE.
 * @retval KHCN_OK
 * @retval KHCN_ENOTFOUND  unknown id, or no value reaches the goal
 * @retval KHCN_EINVAL, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_goal_seek(double *out, const khcn_eval *eval, const char *indicator,
                                                        int year, khcn_goal goal, const char *node, double level);

/* ---------------------------------------------------------- sensitivity */

/** One row of a sensitivity ranking. */
typedef struct khcn_sensitivity_item {
  size_t indicator;  /**< indicator index */
  double delta;      /**< change of the node score */
  double score;      /**< node score after the step */
} khcn_sensitivity_item;

/**
 * Rank the indicators under a node (its subtree) by the change of the node's
 * score when the indicator's latest value moves by @p step (relative: 0.1
 * is +10 %; the move is toward the better direction of the indicator),
 * largest |delta| first; ties by index.
 * @param[out] out   caller array of @p n items, filled with the top ones.
 * @param[out] count the number of indicators ranked (may exceed @p n).
 * @param node       node id, NULL for the plan.
 * @retval KHCN_OK, KHCN_ENOTFOUND, KHCN_EINVAL, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_sensitivity(khcn_sensitivity_item *out, size_t n, size_t *count,
                                                          const khcn_eval *eval, const char *node, double step);

/* ---------------------------------------------------------- Monte Carlo */

/** Monte Carlo options.  Zero means default for every field. */
typedef struct khcn_mc_options {
  unsigned int version;      /**< KHCN_MC_OPTIONS_VERSION; must stay first */
  uint32_t flags;            /**< reserved, 0 */
  size_t draws;              /**< default 1000 */
  uint64_t seed;             /**< PRNG seed (xoshiro256** seeded by splitmix64); 0 is a valid seed */
  const size_t *indicators;  /**< distinct indicator indices to simulate; NULL: all (borrowed during the call) */
  size_t n_indicators;
  const double *mean;        /**< per simulated indicator: mean annual log-growth; NULL or NAN: observed */
  const double *sd;          /**< per simulated indicator: its spread; NULL or NAN: observed */
  size_t max_node_samples;   /**< keep node score draws for quantiles if nodes x draws <= this; default 2^24 */
} khcn_mc_options;
#define KHCN_MC_OPTIONS_VERSION 1
#define KHCN_MC_OPTIONS_INIT { KHCN_MC_OPTIONS_VERSION, 0, 0, 0, NULL, 0, NULL, NULL, 0 }
/** Initialise to defaults.  @retval KHCN_OK, KHCN_EVERSION, KHCN_EINVAL */
KHCN_EXTERN khcn_status khcn_mc_options_init(khcn_mc_options *opts, unsigned int version);

/** Monte Carlo results (opaque). */
typedef struct khcn_mc khcn_mc;

/**
 * Simulate future annual growth of indicators and estimate, for each of
 * their targets, the probability of being met by its year, and the
 * distribution of node scores.  Same seed, same inputs: same numbers.
 * @param[out] out  caller owns it (khcn_mc_free()).
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_EVERSION, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_montecarlo(khcn_mc **out, const khcn_eval *eval,
                                                         const khcn_mc_options *opts);
/** Free Monte Carlo results; NULL is a no-op. */
KHCN_EXTERN void khcn_mc_free(khcn_mc *mc);
/** Number of draws made. */
KHCN_EXTERN size_t khcn_mc_draws(const khcn_mc *mc);
/** Number of simulated indicators. */
KHCN_EXTERN size_t khcn_mc_indicator_count(const khcn_mc *mc);
/** Plan index of simulated indicator @p k, SIZE_MAX when out of range. */
KHCN_EXTERN size_t khcn_mc_indicator(const khcn_mc *mc, size_t k);
/**
 * Probability that target @p j of plan indicator @p i is met by its year;
 * NAN when not simulated (done targets, no data) and for unknown pairs.
 */
KHCN_EXTERN double khcn_mc_probability(const khcn_mc *mc, size_t i, size_t j);
/**
 * Bulk: probability that each simulated indicator's governing target is
 * met, for k < n (n == khcn_mc_indicator_count()).
 * @retval KHCN_OK, KHCN_EINVAL
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_mc_probabilities(const khcn_mc *mc, double *out, size_t n);

/** Distribution of one node's score over the draws. */
typedef struct khcn_mc_node {
  double mean, sd, min, max;
  double p05, p50, p95;      /**< NAN when samples were not kept */
  double p_on_track;         /**< share of draws at or above the on_track band (or achieved) */
} khcn_mc_node;
/**
 * Score distribution of node @p i (node count: the plan) at the target years.
 * @retval KHCN_OK, KHCN_ENOTFOUND (not affected by the simulation or out of range), KHCN_EINVAL
 */
KHCN_EXTERN khcn_status khcn_mc_node_stats(const khcn_mc *mc, size_t i, khcn_mc_node *out);

/* --------------------------------------------------------- PRNG, synth */

/** The engine's PRNG state (xoshiro256**), public so results can be reproduced. */
typedef struct khcn_rng { uint64_t s[4]; } khcn_rng;
/** Seed with splitmix64(seed). */
KHCN_EXTERN void khcn_rng_seed(khcn_rng *rng, uint64_t seed);
/** Next 64 random bits. */
KHCN_EXTERN uint64_t khcn_rng_next(khcn_rng *rng);
/** Uniform double in [0, 1) with 53 random bits. */
KHCN_EXTERN double khcn_rng_uniform(khcn_rng *rng);
/** Standard normal draw (polar method with the library's own log: same bits on every IEEE-754 platform). */
KHCN_EXTERN double khcn_rng_normal(khcn_rng *rng);

/** Options of the synthetic national dataset generator. */
typedef struct khcn_synth_options {
  unsigned int version;        /**< KHCN_SYNTH_OPTIONS_VERSION */
  size_t provinces;            /**< default 63 */
  size_t indicators;           /**< total; default 1,000,000 */
  size_t years;                /**< observations per indicator; default 10 */
  size_t agencies_per_province;/**< default 30 */
  size_t depth;                /**< task tree depth; default 5 */
  uint64_t seed;               /**< default 0 */
  int first_year;              /**< default 2016 */
} khcn_synth_options;
#define KHCN_SYNTH_OPTIONS_VERSION 1
#define KHCN_SYNTH_OPTIONS_INIT { KHCN_SYNTH_OPTIONS_VERSION, 0, 0, 0, 0, 0, 0, 0 }

/**
 * Generate a synthetic national plan: provinces as root tasks, a task tree
 * of the given depth in each, indicators linked to the leaves with every
 * comparator and measure represented (ratio indicators included), yearly
 * observations, agencies with lead/cooperate/advise roles.  Deterministic
 * for a seed.  Used by the benchmarks and by other areas' I/O tests.
 * @param[out] out  caller owns it (khcn_plan_free()).
 * @retval KHCN_OK, KHCN_EINVAL, KHCN_EVERSION, KHCN_ENOMEM
 */
KHCN_EXTERN KHCN_WARN_UNUSED khcn_status khcn_synth_generate(khcn_plan **out, const khcn_synth_options *opts);

KHCN_END_DECL
#endif
