/*
 * whatif.c: evaluate a plan and run a what-if scenario.
 *
 * The plan below is ILLUSTRATIVE: its numbers are made up to show what the
 * engine does (they are not published observations of any province).
 *
 *   1. build a small plan: two indicators, one task, one agency;
 *   2. evaluate it as of 2023 and print each indicator's headline result;
 *   3. what if 2023 had 47 registered marks instead of 44?  evaluate the
 *      scenario (the plan itself is not changed) and print the diff;
 *   4. goal seek: what 2023 value would have put the indicator on track?
 *
 * Built and run by `make check`.  Build it against an installed libkhcn with
 *   cc whatif.c $(pkg-config --cflags --libs libkhcn) -o whatif
 */
#include <stdio.h>
#include <string.h>
#include <khcn.h>

#define CHECK(x)                                                                                   \
  do {                                                                                             \
    khcn_status st_ = (x);                                                                         \
    if (st_ != KHCN_OK) {                                                                          \
      fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, khcn_err_name(st_),                \
              khcn_error_last()->message);                                                         \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

static void print_result(const khcn_plan *plan, const khcn_result *r) {
  const khcn_indicator *ind = khcn_plan_indicator_at(plan, r->indicator);
  printf("  %-16s value %-8g (%d)  attainment %5.3f  pace %7.4f  score %6.3f  %-18s projected %.2f\n",
         khcn_indicator_id(ind), r->value, r->year, r->attainment, r->pace, r->score,
         khcn_progress_name(r->status), r->projected);
}

int main(void) {
  khcn_plan *plan = NULL;
  khcn_indicator *marks = NULL, *loss = NULL;
  khcn_node *task = NULL;
  CHECK(khcn_plan_new(&plan, "vi-du-minh-hoa"));
  CHECK(khcn_plan_set_period(plan, 2021, 2025));

  /* "Phấn đấu đến năm 2025 có ít nhất 50 nhãn hiệu tập thể" (illustrative) */
  CHECK(khcn_plan_add_indicator(&marks, plan, "nhan-hieu", "Số nhãn hiệu tập thể"));
  CHECK(khcn_indicator_set_baseline(marks, 2020, 40, "illustrative"));
  int years[] = {2021, 2022, 2023};
  double values[] = {41, 43, 44};
  CHECK(khcn_indicator_set_series(marks, years, values, 3));
  khcn_target t;
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_AT_LEAST;
  t.year = 2025;
  t.value = 50;
  CHECK(khcn_indicator_add_target(marks, &t));

  /* "giảm tỷ lệ tổn thất xuống không quá 8 %" (illustrative), lower is better */
  CHECK(khcn_plan_add_indicator(&loss, plan, "ton-that", "Tỷ lệ tổn thất sau thu hoạch"));
  CHECK(khcn_indicator_set_direction(loss, -1));
  CHECK(khcn_indicator_set_measure(loss, KHCN_MEASURE_PERCENT));
  CHECK(khcn_indicator_set_baseline(loss, 2020, 12, NULL));
  double lv[] = {11.8, 11.4, 11};
  CHECK(khcn_indicator_set_series(loss, years, lv, 3));
  t.comparator = KHCN_CMP_AT_MOST;
  t.value = 8;
  CHECK(khcn_indicator_add_target(loss, &t));

  CHECK(khcn_plan_add_node(&task, plan, KHCN_NODE_TASK, "nv1", NULL, "1", "Phát triển tài sản trí tuệ"));
  CHECK(khcn_node_link(task, "nhan-hieu", 1));
  CHECK(khcn_node_link(task, "ton-that", 1));
  CHECK(khcn_plan_add_agency(NULL, plan, "so-khcn", "Sở Khoa học và Công nghệ", NULL));
  khcn_responsibility r;
  memset(&r, 0, sizeof r);
  r.task = "nv1";
  r.agency = "so-khcn";
  r.role = KHCN_ROLE_LEAD;
  CHECK(khcn_plan_assign(plan, &r));

  /* 2. evaluate as of 2023 */
  khcn_eval_options opts = KHCN_EVAL_OPTIONS_INIT;
  opts.as_of = 2023;
  khcn_eval *base = NULL;
  CHECK(khcn_evaluate(&base, plan, &opts, NULL));
  printf("evaluation as of %d (illustrative data)\n", khcn_eval_as_of(base));
  for (size_t i = 0; i < khcn_eval_indicator_count(base); i++) {
    khcn_result res;
    CHECK(khcn_eval_indicator(base, i, &res));
    print_result(plan, &res);
  }
  khcn_node_result nr;
  CHECK(khcn_eval_node_by_id(base, "nv1", &nr));
  printf("  task nv1: score %.3f, coverage %.2f, %s\n", nr.score, nr.coverage, khcn_progress_name(nr.status));

  /* 3. what if 2023 had 47 marks? */
  khcn_scenario *s = NULL;
  CHECK(khcn_scenario_new(&s));
  CHECK(khcn_scenario_set_observation(s, "nhan-hieu", 2023, 47));
  khcn_eval *what = NULL;
  CHECK(khcn_scenario_evaluate(&what, base, s));
  khcn_diff *d = NULL;
  CHECK(khcn_eval_diff(&d, base, what));
  printf("what if 2023 had 47 marks: %zu items change\n", khcn_diff_count(d));
  static const char *kinds[] = {"indicator", "node", "agency"};
  for (size_t i = 0; i < khcn_diff_count(d); i++) {
    khcn_diff_entry de;
    CHECK(khcn_diff_at(d, i, &de));
    printf("  %-9s %zu: score %.3f -> %.3f (%+.3f), %s -> %s\n", kinds[de.kind], de.index, de.before, de.after,
           de.delta, khcn_progress_name(de.status_before), khcn_progress_name(de.status_after));
  }

  /* 4. goal seek: the least 2023 value that is on track */
  double need = 0;
  CHECK(khcn_goal_seek(&need, base, "nhan-hieu", 2023, KHCN_GOAL_ON_TRACK, NULL, 0));
  printf("to be on track in 2023 the indicator needed %.2f marks\n", need);

  /* the plan itself was not changed */
  double check[3];
  khcn_indicator_series(marks, NULL, check, 3);
  int ok = check[2] == 44 && khcn_diff_count(d) > 0 && need > 44 && need < 50;

  khcn_diff_free(d);
  khcn_eval_free(what);
  khcn_scenario_free(s);
  khcn_eval_free(base);
  khcn_plan_free(plan);
  return ok ? 0 : 1;
}
