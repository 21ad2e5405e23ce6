/*
 * khcn.i: the language-neutral part of the libkhcn SWIG interface.
 *
 * What is wrapped as it is: the scalar accessors and setters of plan.h
 * and of attain.h and io.h.  Functions that take
 * or fill C records (khcn_target, khcn_observation, ...) are %ignored here
 * and reached through small helpers in the language file
 * (bindings/python/khcn_python.i), which build native values directly.
 *
 * Docstrings come from the headers' Doxygen comments (swig -doxygen).
 * Names lose their khcn_ prefix: khcn_plan_new -> core.plan_new.
 * GIL: off by default (short calls keep it: cheaper, and a plan must not
 * be modified while another thread reads it); long calls are listed with
 * %thread and release it.
 */
%module(package="khcn") core

%feature("autodoc", "1");
%nothread;

%rename("%(strip:[khcn_])s", %$isfunction) "";
%rename(PlanHandle) khcn_plan;
%rename(DiagsHandle) khcn_diags;
%rename(EvalHandle) khcn_eval;
%rename(ScenarioHandle) khcn_scenario;
%rename(DiffHandle) khcn_diff;
%rename(MonteCarloHandle) khcn_mc;

%include "khcn_typemaps.i"

/* The opaque owned types get a proxy class whose destructor frees them
 * (declared here for SWIG only: the C structs stay opaque). */
%nodefaultctor khcn_plan;
struct khcn_plan {};
%extend khcn_plan {
  ~khcn_plan() { khcn_plan_free($self); }
}
%nodefaultctor khcn_diags;
struct khcn_diags {};
%extend khcn_diags {
  ~khcn_diags() { khcn_diags_free($self); }
}

%nodefaultctor khcn_eval;
struct khcn_eval {};
%extend khcn_eval {
  ~khcn_eval() { khcn_eval_free($self); }
}
%nodefaultctor khcn_scenario;
struct khcn_scenario {};
%extend khcn_scenario {
  ~khcn_scenario() { khcn_scenario_free($self); }
}
%nodefaultctor khcn_diff;
struct khcn_diff {};
%extend khcn_diff {
  ~khcn_diff() { khcn_diff_free($self); }
}
%nodefaultctor khcn_mc;
struct khcn_mc {};
%extend khcn_mc {
  ~khcn_mc() { khcn_mc_free($self); }
}

/* records go through the helpers of the language file */
%ignore khcn_result;
%ignore khcn_eval_options;
%ignore khcn_eval_options_init;
%ignore khcn_eval_options_used;
%ignore khcn_evaluate;
%ignore khcn_eval_reevaluate;
%ignore khcn_eval_free;
%ignore khcn_eval_plan;
%ignore khcn_eval_indicator;
%ignore khcn_eval_indicator_by_id;
%ignore khcn_eval_target;
%ignore khcn_eval_column;
%ignore khcn_eval_column_int;
%ignore khcn_eval_columns;
%ignore khcn_eval_agency_columns;
%ignore khcn_node_result;
%ignore khcn_eval_node;
%ignore khcn_eval_node_by_id;
%ignore khcn_eval_plan_result;
%ignore khcn_eval_node_columns;
%ignore khcn_agency_result;
%ignore khcn_eval_agency;
%ignore khcn_eval_agency_by_id;
%ignore khcn_eval_agency_lagging;
%ignore khcn_scenario_free;
%ignore khcn_scenario_set_target;
%ignore khcn_diff_entry;
%ignore khcn_diff_free;
%ignore khcn_diff_at;
%ignore khcn_goal_seek;
%ignore khcn_sensitivity_item;
%ignore khcn_sensitivity;
%ignore khcn_mc_options;
%ignore khcn_mc_options_init;
%ignore khcn_montecarlo;
%ignore khcn_mc_free;
%ignore khcn_mc_probabilities;
%ignore khcn_mc_node;
%ignore khcn_mc_node_stats;
%ignore khcn_rng;
%ignore khcn_rng_seed;
%ignore khcn_rng_next;
%ignore khcn_rng_uniform;
%ignore khcn_rng_normal;
%ignore khcn_synth_options;
%ignore khcn_synth_generate;
%ignore khcn_progress_parse;
%ignore khcn_read_options;
%ignore khcn_read_options_init;
%ignore khcn_cbor_read;
%ignore khcn_cbor_write;
%ignore khcn_json_read;
%ignore khcn_json_write;
%ignore khcn_plan_read;
%ignore khcn_plan_load;
%ignore khcn_plan_save;
%ignore khcn_plan_save_as;
%ignore khcn_file_write_atomic;
%ignore khcn_cbor_dump;
%ignore khcn_format_sniff;

%ignore khcn_error;
%ignore khcn_error_last;
%ignore khcn_buf;
%ignore khcn_buf_dispose;
%ignore khcn_free;
%ignore khcn_diag;
%ignore khcn_diags_at;
%ignore khcn_plan_free;
%ignore khcn_diags_free;
%ignore khcn_legal_doc;
%ignore khcn_plan_add_legal_basis;
%ignore khcn_plan_legal_basis_at;
%ignore khcn_target;
%ignore khcn_target_init;
%ignore khcn_indicator_add_target;
%ignore khcn_indicator_target_at;
%ignore khcn_observation;
%ignore khcn_indicator_add_observation;
%ignore khcn_indicator_observation_at;
%ignore khcn_indicator_set_series;
%ignore khcn_indicator_series;
%ignore khcn_plan_add_observations;
%ignore khcn_indicator_formula;
%ignore khcn_responsibility;
%ignore khcn_plan_assign;
%ignore khcn_plan_responsibility_at;
%ignore khcn_node_link_at;
%ignore khcn_utf8_valid;
%ignore khcn_doc_type_parse;
%ignore khcn_comparator_parse;
%ignore khcn_obs_status_parse;
%ignore khcn_measure_parse;
%ignore khcn_agency_kind_parse;
%ignore khcn_role_parse;
%ignore khcn_recurrence_parse;

/* long-running calls release the GIL */
%thread khcn_plan_clone;
%thread khcn_plan_validate;
%thread khcn_scenario_evaluate;
%thread khcn_eval_whatif;
%thread khcn_eval_diff;
%thread khcn_scenario_apply;

%include "khcn/common.h"
%include "khcn/version.h"
%include "khcn/diag.h"
%include "khcn/plan.h"
%include "khcn/attain.h"
%include "khcn/io.h"
