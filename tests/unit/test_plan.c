/* Suite "plan": the model through the public API. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <khcn.h>
#include "internal/util.h"
#include "runner.h"
#include "suites_model.h"

#define TRY(x)                   \
  do {                           \
    int st_ = (x);               \
    if (st_ != KHCN_OK) {        \
      khcn_plan_free(p);         \
      return st_;                \
    }                            \
  } while (0)

int khcn_test_build_sample(khcn_plan **out) {
  khcn_plan *p = NULL;
  *out = NULL;
  int st = khcn_plan_new(&p, "sample");
  if (st) return st;
  TRY(khcn_plan_set_text(p, KHCN_PLAN_TITLE, "Kế hoạch phát triển khoa học và công nghệ"));
  TRY(khcn_plan_set_text(p, KHCN_PLAN_PROVINCE, "Hưng Yên"));
  TRY(khcn_plan_set_text(p, KHCN_PLAN_DATE, "2023-06"));
  TRY(khcn_plan_set_period(p, 2023, 2025));
  TRY(khcn_plan_add_budget_source(p, "Ngân sách nhà nước"));
  khcn_legal_doc d = {"qd-2667", "2667/QĐ-BKHCN", KHCN_DOC_DECISION, "2022-12-30", "Bộ Khoa học và Công nghệ", NULL};
  TRY(khcn_plan_add_legal_basis(p, &d));
  khcn_indicator *i1, *i2, *i3, *i4;
  TRY(khcn_plan_add_indicator(&i1, p, "grdp-share", "Đầu tư cho KH&CN so với GRDP"));
  TRY(khcn_indicator_set_measure(i1, KHCN_MEASURE_PERCENT));
  TRY(khcn_indicator_set_unit(i1, "%"));
  TRY(khcn_indicator_set_limit(i1, 100));
  TRY(khcn_indicator_set_baseline(i1, 2020, 0.8, "báo cáo 2020"));
  khcn_target t;
  khcn_target_init(&t);
  t.year = 2025;
  t.comparator = KHCN_CMP_RANGE;
  t.value = 1.2;
  t.hi = 1.5;
  t.note = "1,2 % - 1,5 % GRDP";
  TRY(khcn_indicator_add_target(i1, &t));
  khcn_observation o = {2023, 1.0, KHCN_OBS_ESTIMATED, "https://example.org/a", "so-khcn", "ước tính"};
  TRY(khcn_indicator_add_observation(i1, &o));
  TRY(khcn_plan_add_indicator(&i2, p, "workers", "Nhân lực KH&CN"));
  TRY(khcn_plan_add_indicator(&i3, p, "population", "Dân số"));
  TRY(khcn_plan_add_indicator(&i4, p, "workers-per-10k", "Nhân lực KH&CN trên 10.000 dân"));
  TRY(khcn_indicator_set_measure(i4, KHCN_MEASURE_RATIO));
  TRY(khcn_indicator_set_formula(i4, "workers", "population", 10000));
  TRY(khcn_indicator_set_name_en(i4, "S&T workers per 10,000 people"));
  khcn_target_init(&t);
  t.year = KHCN_EVERY_YEAR;
  t.comparator = KHCN_CMP_GROWTH;
  t.value = 0.05;
  TRY(khcn_indicator_add_target(i2, &t));
  khcn_target_init(&t);
  t.year = 2025;
  t.comparator = KHCN_CMP_MULTIPLE;
  t.value = 2;
  t.base_year = 2023;
  TRY(khcn_indicator_add_target(i2, &t));
  int years[] = {2023, 2024};
  double vals[] = {1500, 1716};
  TRY(khcn_indicator_set_series(i2, years, vals, 2));
  khcn_node *n;
  TRY(khcn_plan_add_node(&n, p, KHCN_NODE_OBJECTIVE, "mt", NULL, "II", "Mục tiêu cụ thể"));
  TRY(khcn_node_link(n, "grdp-share", 1));
  TRY(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "t1", NULL, "1", "Nâng cao tiềm lực"));
  TRY(khcn_node_set_text(n, "Toàn văn nhiệm vụ."));
  TRY(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "t1a", "t1", "a", "Đầu tư"));
  TRY(khcn_node_set_weight(n, 2));
  TRY(khcn_node_link(n, "workers", 0.5));
  khcn_agency *a;
  TRY(khcn_plan_add_agency(&a, p, "ubnd", "UBND tỉnh Hưng Yên", NULL));
  TRY(khcn_agency_set_kind(a, KHCN_AGENCY_PEOPLES_COMMITTEE));
  TRY(khcn_plan_add_agency(&a, p, "so-khcn", "Sở Khoa học và Công nghệ", "ubnd"));
  TRY(khcn_agency_set_short_name(a, "Sở KH&CN"));
  khcn_responsibility r = {"t1", "so-khcn", KHCN_ROLE_LEAD, NULL, 0, 0, 0, KHCN_ONCE, "Sở KH&CN chủ trì"};
  TRY(khcn_plan_assign(p, &r));
  khcn_responsibility rep = {NULL, "so-khcn", KHCN_ROLE_REPORT, "ubnd", 0, 12, 20, KHCN_YEARLY, NULL};
  TRY(khcn_plan_assign(p, &rep));
  *out = p;
  return KHCN_OK;
}

static int seq(const char *a, const char *b) { return (!a || !b) ? a == b : strcmp(a, b) == 0; }
static int deq(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

int khcn_test_plans_equal(const khcn_plan *a, const khcn_plan *b) {
  if (!seq(khcn_plan_id(a), khcn_plan_id(b))) return 0;
  for (int f = 0; f < KHCN_PLAN_FIELD_COUNT_; f++)
    if (!seq(khcn_plan_text(a, (khcn_plan_field)f), khcn_plan_text(b, (khcn_plan_field)f))) return 0;
  if (khcn_plan_start(a) != khcn_plan_start(b) || khcn_plan_end(a) != khcn_plan_end(b)) return 0;
  if (khcn_plan_budget_source_count(a) != khcn_plan_budget_source_count(b)) return 0;
  for (size_t i = 0; i < khcn_plan_budget_source_count(a); i++)
    if (!seq(khcn_plan_budget_source_at(a, i), khcn_plan_budget_source_at(b, i))) return 0;
  if (khcn_plan_legal_basis_count(a) != khcn_plan_legal_basis_count(b)) return 0;
  for (size_t i = 0; i < khcn_plan_legal_basis_count(a); i++) {
    khcn_legal_doc x, y;
    if (khcn_plan_legal_basis_at(a, i, &x) || khcn_plan_legal_basis_at(b, i, &y)) return 0;
    if (!seq(x.id, y.id) || !seq(x.number, y.number) || x.type != y.type || !seq(x.date, y.date) ||
        !seq(x.issuer, y.issuer) || !seq(x.title, y.title))
      return 0;
  }
  if (khcn_plan_indicator_count(a) != khcn_plan_indicator_count(b)) return 0;
  for (size_t i = 0; i < khcn_plan_indicator_count(a); i++) {
    const khcn_indicator *x = khcn_plan_indicator_at(a, i), *y = khcn_plan_indicator_at(b, i);
    if (!seq(khcn_indicator_id(x), khcn_indicator_id(y)) || !seq(khcn_indicator_name(x), khcn_indicator_name(y)) ||
        !seq(khcn_indicator_name_en(x), khcn_indicator_name_en(y)) || !seq(khcn_indicator_unit(x), khcn_indicator_unit(y)) ||
        !seq(khcn_indicator_description(x), khcn_indicator_description(y)) ||
        khcn_indicator_measure(x) != khcn_indicator_measure(y) ||
        khcn_indicator_direction(x) != khcn_indicator_direction(y) || khcn_indicator_kind(x) != khcn_indicator_kind(y) ||
        !deq(khcn_indicator_limit(x), khcn_indicator_limit(y)) ||
        khcn_indicator_baseline_year(x) != khcn_indicator_baseline_year(y) ||
        !deq(khcn_indicator_baseline_value(x), khcn_indicator_baseline_value(y)) ||
        !seq(khcn_indicator_baseline_note(x), khcn_indicator_baseline_note(y)))
      return 0;
    const char *xn = NULL, *xd = NULL, *yn = NULL, *yd = NULL;
    double xf = 0, yf = 0;
    if (khcn_indicator_formula(x, &xn, &xd, &xf) != khcn_indicator_formula(y, &yn, &yd, &yf)) return 0;
    if (!seq(xn, yn) || !seq(xd, yd) || !deq(xf, yf)) return 0;
    if (khcn_indicator_target_count(x) != khcn_indicator_target_count(y)) return 0;
    for (size_t k = 0; k < khcn_indicator_target_count(x); k++) {
      khcn_target s, t;
      if (khcn_indicator_target_at(x, k, &s) || khcn_indicator_target_at(y, k, &t)) return 0;
      if (s.year != t.year || s.comparator != t.comparator || !deq(s.value, t.value) || !deq(s.hi, t.hi) ||
          !deq(s.tol, t.tol) || s.base_year != t.base_year || s.flags != t.flags || !seq(s.note, t.note))
        return 0;
    }
    if (khcn_indicator_observation_count(x) != khcn_indicator_observation_count(y)) return 0;
    for (size_t k = 0; k < khcn_indicator_observation_count(x); k++) {
      khcn_observation s, t;
      if (khcn_indicator_observation_at(x, k, &s) || khcn_indicator_observation_at(y, k, &t)) return 0;
      if (s.year != t.year || !deq(s.value, t.value) || s.status != t.status || !seq(s.source, t.source) ||
          !seq(s.reporter, t.reporter) || !seq(s.note, t.note))
        return 0;
    }
  }
  if (khcn_plan_node_count(a) != khcn_plan_node_count(b)) return 0;
  for (size_t i = 0; i < khcn_plan_node_count(a); i++) {
    const khcn_node *x = khcn_plan_node_at(a, i), *y = khcn_plan_node_at(b, i);
    if (!seq(khcn_node_id(x), khcn_node_id(y)) || khcn_node_type_of(x) != khcn_node_type_of(y) ||
        !seq(khcn_node_parent(x), khcn_node_parent(y)) || !seq(khcn_node_label(x), khcn_node_label(y)) ||
        !seq(khcn_node_title(x), khcn_node_title(y)) || !seq(khcn_node_text(x), khcn_node_text(y)) ||
        khcn_node_weight(x) != khcn_node_weight(y) || khcn_node_link_count(x) != khcn_node_link_count(y))
      return 0;
    for (size_t k = 0; k < khcn_node_link_count(x); k++) {
      const char *s, *t;
      double u, w;
      if (khcn_node_link_at(x, k, &s, &u) || khcn_node_link_at(y, k, &t, &w) || !seq(s, t) || u != w) return 0;
    }
  }
  if (khcn_plan_agency_count(a) != khcn_plan_agency_count(b)) return 0;
  for (size_t i = 0; i < khcn_plan_agency_count(a); i++) {
    const khcn_agency *x = khcn_plan_agency_at(a, i), *y = khcn_plan_agency_at(b, i);
    if (!seq(khcn_agency_id(x), khcn_agency_id(y)) || !seq(khcn_agency_name(x), khcn_agency_name(y)) ||
        !seq(khcn_agency_short_name(x), khcn_agency_short_name(y)) || !seq(khcn_agency_parent(x), khcn_agency_parent(y)) ||
        khcn_agency_kind_of(x) != khcn_agency_kind_of(y))
      return 0;
  }
  if (khcn_plan_responsibility_count(a) != khcn_plan_responsibility_count(b)) return 0;
  for (size_t i = 0; i < khcn_plan_responsibility_count(a); i++) {
    khcn_responsibility x, y;
    if (khcn_plan_responsibility_at(a, i, &x) || khcn_plan_responsibility_at(b, i, &y)) return 0;
    if (!seq(x.task, y.task) || !seq(x.agency, y.agency) || x.role != y.role || !seq(x.to, y.to) ||
        x.due_year != y.due_year || x.due_month != y.due_month || x.due_day != y.due_day || x.every != y.every ||
        !seq(x.note, y.note))
      return 0;
  }
  return 1;
}

static void test_lifecycle(void) {
  khcn_plan *p = NULL;
  khcn_plan_free(NULL);
  CU_ASSERT_EQUAL(khcn_plan_new(&p, NULL), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_new(&p, "có dấu"), KHCN_EINVAL);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p1"), KHCN_OK);
  CU_ASSERT_STRING_EQUAL(khcn_plan_id(p), "p1");
  CU_ASSERT_EQUAL(khcn_plan_start(p), 0);
  CU_ASSERT_PTR_NULL(khcn_plan_text(p, KHCN_PLAN_TITLE));
  khcn_plan_free(p);
}

static void test_texts(void) {
  khcn_plan *p;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  const char *title = "Kế hoạch thực hiện Chỉ thị về Tăng cường hoạt động khoa học và công nghệ";
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_TITLE, title), KHCN_OK);
  CU_ASSERT_EQUAL(memcmp(khcn_plan_text(p, KHCN_PLAN_TITLE), title, strlen(title) + 1), 0);
  /* decomposed and precomposed forms are kept as given, byte for byte */
  const char *nfd = "Vie\xCC\xA3\xCC\x82t";
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_ISSUER, nfd), KHCN_OK);
  CU_ASSERT_STRING_EQUAL(khcn_plan_text(p, KHCN_PLAN_ISSUER), nfd);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_ISSUER, "\xC3\x28"), KHCN_EINVAL);
  CU_ASSERT_STRING_EQUAL(khcn_plan_text(p, KHCN_PLAN_ISSUER), nfd); /* unchanged on error */
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_DATE, "2022-09-07"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_DATE, "07/09/2022"), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_FIELD_COUNT_, "x"), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_TITLE, NULL), KHCN_OK);
  CU_ASSERT_PTR_NULL(khcn_plan_text(p, KHCN_PLAN_TITLE));
  CU_ASSERT_STRING_EQUAL(khcn_plan_field_name(KHCN_PLAN_SIGNER_TITLE), "signer_title");
  CU_ASSERT_EQUAL(khcn_plan_set_period(p, 2025, 2021), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_set_period(p, 1800, 2021), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_set_period(p, 2021, 2025), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_end(p), 2025);
  CU_ASSERT_EQUAL(khcn_plan_add_budget_source(p, ""), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_add_budget_source(p, "Vốn xã hội hóa"), KHCN_OK);
  CU_ASSERT_STRING_EQUAL(khcn_plan_budget_source_at(p, 0), "Vốn xã hội hóa");
  CU_ASSERT_PTR_NULL(khcn_plan_budget_source_at(p, 1));
  khcn_legal_doc d = {"l1", "01/CT-UBND", KHCN_DOC_DIRECTIVE, "2021-01-21", NULL, "Tăng cường"}, out;
  CU_ASSERT_EQUAL(khcn_plan_add_legal_basis(p, &d), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_legal_basis(p, &d), KHCN_EEXISTS);
  d.id = "l2";
  d.date = "21/01/2021";
  CU_ASSERT_EQUAL(khcn_plan_add_legal_basis(p, &d), KHCN_EINVAL);
  d.date = NULL;
  d.type = KHCN_DOC_TYPE_COUNT_;
  CU_ASSERT_EQUAL(khcn_plan_add_legal_basis(p, &d), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_legal_basis_count(p), 1);
  CU_ASSERT_EQUAL(khcn_plan_legal_basis_at(p, 0, &out), KHCN_OK);
  CU_ASSERT_STRING_EQUAL(out.number, "01/CT-UBND");
  CU_ASSERT_EQUAL(out.type, KHCN_DOC_DIRECTIVE);
  CU_ASSERT_PTR_NULL(out.issuer);
  CU_ASSERT_EQUAL(khcn_plan_legal_basis_at(p, 1, &out), KHCN_ENOTFOUND);
  khcn_plan_free(p);
}

static void test_indicators(void) {
  khcn_plan *p;
  khcn_indicator *i, *j;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_indicator(&i, p, "a", ""), KHCN_EINVAL);
  CU_ASSERT_PTR_NULL(i);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_add_indicator(&i, p, "a", "Số nhiệm vụ KH&CN"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_indicator(&j, p, "a", "again"), KHCN_EEXISTS);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_add_indicator(&j, p, "b", "Tỷ lệ"), KHCN_OK);
  CU_ASSERT_PTR_EQUAL(khcn_plan_indicator(p, "a"), i);
  CU_ASSERT_PTR_EQUAL(khcn_plan_indicator_at(p, 1), j);
  CU_ASSERT_PTR_NULL(khcn_plan_indicator(p, "c"));
  CU_ASSERT_PTR_NULL(khcn_plan_indicator_at(p, 2));
  CU_ASSERT_EQUAL(khcn_indicator_index(j), 1);
  /* defaults */
  CU_ASSERT_EQUAL(khcn_indicator_direction(i), 1);
  CU_ASSERT_EQUAL(khcn_indicator_measure(i), KHCN_MEASURE_COUNT);
  CU_ASSERT_EQUAL(khcn_indicator_kind(i), KHCN_KIND_STOCK);
  CU_ASSERT_TRUE(isnan(khcn_indicator_limit(i)));
  CU_ASSERT_STRING_EQUAL(khcn_indicator_unit(i), "");
  CU_ASSERT_EQUAL(khcn_indicator_baseline_year(i), 0);
  CU_ASSERT_TRUE(isnan(khcn_indicator_baseline_value(i)));
  CU_ASSERT_FALSE(khcn_indicator_formula(i, NULL, NULL, NULL));
  /* setters validate */
  CU_ASSERT_EQUAL(khcn_indicator_set_direction(i, 0), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_direction(i, -1), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_direction(i), -1);
  CU_ASSERT_EQUAL(khcn_indicator_set_measure(i, KHCN_MEASURE_COUNT_), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_kind(i, (khcn_kind)7), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_kind(i, KHCN_KIND_FLOW), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_set_limit(i, -1), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_limit(i, INFINITY), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_limit(i, 100), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_limit(i), 100);
  CU_ASSERT_EQUAL(khcn_indicator_set_limit(i, NAN), KHCN_OK);
  CU_ASSERT_TRUE(isnan(khcn_indicator_limit(i)));
  CU_ASSERT_EQUAL(khcn_indicator_set_baseline(i, 2020, NAN, NULL), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_baseline(i, 3000, 1, NULL), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_baseline(i, 2020, 40, "năm 2020"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_baseline_year(i), 2020);
  CU_ASSERT_EQUAL(khcn_indicator_baseline_value(i), 40);
  CU_ASSERT_STRING_EQUAL(khcn_indicator_baseline_note(i), "năm 2020");
  CU_ASSERT_EQUAL(khcn_indicator_set_baseline(i, 0, 0, NULL), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_baseline_year(i), 0);
  CU_ASSERT_EQUAL(khcn_indicator_set_formula(j, "a", "b", 0), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_formula(j, "a", NULL, 1), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_formula(j, "a", "c", 10000), KHCN_OK);
  const char *num, *den;
  double f;
  CU_ASSERT_TRUE(khcn_indicator_formula(j, &num, &den, &f));
  CU_ASSERT_STRING_EQUAL(num, "a");
  CU_ASSERT_STRING_EQUAL(den, "c");
  CU_ASSERT_EQUAL(f, 10000);
  CU_ASSERT_EQUAL(khcn_indicator_set_formula(j, NULL, NULL, 0), KHCN_OK);
  CU_ASSERT_FALSE(khcn_indicator_formula(j, NULL, NULL, NULL));
  CU_ASSERT_EQUAL(khcn_indicator_set_name(i, ""), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_set_unit(i, "nhiệm vụ"), KHCN_OK);
  CU_ASSERT_STRING_EQUAL(khcn_indicator_unit(i), "nhiệm vụ");
  CU_ASSERT_EQUAL(khcn_indicator_set_description(i, "Mô tả"), KHCN_OK);
  CU_ASSERT_STRING_EQUAL(khcn_indicator_description(i), "Mô tả");
  khcn_plan_free(p);
}

static void test_targets(void) {
  khcn_plan *p;
  khcn_indicator *i;
  khcn_target t, o;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_add_indicator(&i, p, "i", "x"), KHCN_OK);
  /* every comparator round-trips as written */
  for (int c = 0; c < KHCN_CMP_COUNT_; c++) {
    khcn_target_init(&t);
    t.comparator = (khcn_comparator)c;
    t.year = 2025 + c;
    t.value = c + 0.5;
    if (c == KHCN_CMP_RANGE) t.hi = 9;
    if (c == KHCN_CMP_APPROX) t.tol = 1;
    if (c == KHCN_CMP_MULTIPLE) t.base_year = 2020;
    t.note = "Phấn đấu đến năm 2025";
    CU_ASSERT_EQUAL(khcn_indicator_add_target(i, &t), KHCN_OK);
  }
  CU_ASSERT_EQUAL(khcn_indicator_target_count(i), KHCN_CMP_COUNT_);
  CU_ASSERT_EQUAL(khcn_indicator_target_at(i, KHCN_CMP_MULTIPLE, &o), KHCN_OK);
  CU_ASSERT_EQUAL(o.comparator, KHCN_CMP_MULTIPLE);
  CU_ASSERT_EQUAL(o.value, KHCN_CMP_MULTIPLE + 0.5);
  CU_ASSERT_EQUAL(o.base_year, 2020);
  CU_ASSERT_TRUE(isnan(o.hi));
  CU_ASSERT_STRING_EQUAL(o.note, "Phấn đấu đến năm 2025");
  CU_ASSERT_EQUAL(khcn_indicator_target_at(i, KHCN_CMP_RANGE, &o), KHCN_OK);
  CU_ASSERT_EQUAL(o.hi, 9);
  CU_ASSERT_EQUAL(khcn_indicator_target_at(i, 99, &o), KHCN_ENOTFOUND);
  /* structural nonsense is refused */
  khcn_target_init(&t);
  t.value = NAN;
  CU_ASSERT_EQUAL(khcn_indicator_add_target(i, &t), KHCN_EINVAL);
  khcn_target_init(&t);
  t.comparator = KHCN_CMP_RANGE; /* no hi */
  CU_ASSERT_EQUAL(khcn_indicator_add_target(i, &t), KHCN_EINVAL);
  khcn_target_init(&t);
  t.hi = 3; /* hi on at_least */
  CU_ASSERT_EQUAL(khcn_indicator_add_target(i, &t), KHCN_EINVAL);
  khcn_target_init(&t);
  t.year = 1234;
  CU_ASSERT_EQUAL(khcn_indicator_add_target(i, &t), KHCN_EINVAL);
  khcn_target_init(&t);
  t.flags = 0x80;
  CU_ASSERT_EQUAL(khcn_indicator_add_target(i, &t), KHCN_EINVAL);
  khcn_target_init(&t);
  t.comparator = (khcn_comparator)-1;
  CU_ASSERT_EQUAL(khcn_indicator_add_target(i, &t), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_target_count(i), KHCN_CMP_COUNT_);
  CU_ASSERT_EQUAL(khcn_indicator_remove_target(i, 0), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_target_at(i, 0, &o), KHCN_OK);
  CU_ASSERT_EQUAL(o.comparator, KHCN_CMP_AT_MOST);
  CU_ASSERT_EQUAL(khcn_indicator_remove_target(i, 99), KHCN_ENOTFOUND);
  /* names */
  khcn_comparator c;
  CU_ASSERT_EQUAL(khcn_comparator_parse(&c, "multiple"), KHCN_OK);
  CU_ASSERT_EQUAL(c, KHCN_CMP_MULTIPLE);
  CU_ASSERT_EQUAL(khcn_comparator_parse(&c, "at least"), KHCN_EINVAL);
  CU_ASSERT_STRING_EQUAL(khcn_comparator_name(KHCN_CMP_AT_LEAST), "at_least");
  CU_ASSERT_PTR_NULL(khcn_comparator_name(KHCN_CMP_COUNT_));
  khcn_plan_free(p);
}

static void test_observations(void) {
  khcn_plan *p;
  khcn_indicator *i;
  khcn_observation o, g;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_add_indicator(&i, p, "i", "x"), KHCN_OK);
  int ys[] = {2024, 2021, 2023, 2022, 2025};
  for (int k = 0; k < 5; k++) {
    memset(&o, 0, sizeof o);
    o.year = ys[k];
    o.value = ys[k] - 2000;
    if (ys[k] == 2023) {
      o.source = "http://dost-bentre.gov.vn/";
      o.note = "Typo 'thiếtcủa' is in the original.";
      o.status = KHCN_OBS_ESTIMATED;
    }
    CU_ASSERT_EQUAL(khcn_indicator_add_observation(i, &o), KHCN_OK);
  }
  CU_ASSERT_EQUAL(khcn_indicator_observation_count(i), 5);
  for (size_t k = 0; k < 5; k++) {
    CU_ASSERT_EQUAL(khcn_indicator_observation_at(i, k, &g), KHCN_OK);
    CU_ASSERT_EQUAL(g.year, 2021 + (int)k);
    CU_ASSERT_EQUAL(g.value, 21 + (int)k);
    CU_ASSERT_EQUAL(g.source != NULL, g.year == 2023);
  }
  CU_ASSERT_EQUAL(khcn_indicator_observation_at(i, 2, &g), KHCN_OK);
  CU_ASSERT_EQUAL(g.status, KHCN_OBS_ESTIMATED);
  CU_ASSERT_STRING_EQUAL(g.note, "Typo 'thiếtcủa' is in the original.");
  o.year = 2022;
  o.value = 1;
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(i, &o), KHCN_EEXISTS);
  o.year = 2030;
  o.value = INFINITY;
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(i, &o), KHCN_EINVAL);
  o.value = 1;
  o.status = KHCN_OBS_MISSING;
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(i, &o), KHCN_EINVAL); /* missing must be NAN */
  o.value = NAN;
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(i, &o), KHCN_OK);
  o.year = 2031;
  o.status = KHCN_OBS_NORMAL;
  o.reporter = "not an id!";
  o.value = 1;
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(i, &o), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_observation_count(i), 6);
  /* remove keeps provenance aligned */
  CU_ASSERT_EQUAL(khcn_indicator_remove_observation(i, 2022), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_remove_observation(i, 2022), KHCN_ENOTFOUND);
  CU_ASSERT_EQUAL(khcn_indicator_observation_at(i, 1, &g), KHCN_OK);
  CU_ASSERT_EQUAL(g.year, 2023);
  CU_ASSERT_PTR_NOT_NULL(g.source);
  CU_ASSERT_EQUAL(khcn_indicator_remove_observation(i, 2023), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_observation_at(i, 1, &g), KHCN_OK);
  CU_ASSERT_EQUAL(g.year, 2024);
  CU_ASSERT_PTR_NULL(g.source);
  int yo[8];
  double vo[8];
  CU_ASSERT_EQUAL(khcn_indicator_series(i, yo, vo, 8), 4);
  CU_ASSERT_EQUAL(yo[3], 2030);
  CU_ASSERT_TRUE(isnan(vo[3]));
  /* set_series: strict order, finite values, old kept on error */
  int sy[] = {2020, 2021, 2021};
  double sv[] = {1, 2, 3};
  CU_ASSERT_EQUAL(khcn_indicator_set_series(i, sy, sv, 3), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_indicator_observation_count(i), 4);
  CU_ASSERT_EQUAL(khcn_indicator_set_series(i, sy, sv, 2), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_observation_count(i), 2);
  CU_ASSERT_EQUAL(khcn_indicator_series(i, yo, vo, 1), 1);
  CU_ASSERT_EQUAL(vo[0], 1);
  /* a compact series (gapless, normal): removing allocates; on failure nothing changes */
  int gy[] = {2020, 2021, 2022, 2023, 2024};
  double gv[] = {1, 2, 3, 4, 5};
  CU_ASSERT_EQUAL(khcn_indicator_set_series(i, gy, gv, 5), KHCN_OK);
  khcn__test_fail_alloc_after(0);
  khcn_status rst = khcn_indicator_remove_observation(i, 2022);
  khcn__test_fail_alloc_after(-1);
  CU_ASSERT_EQUAL(rst, KHCN_ENOMEM);
  CU_ASSERT_EQUAL(khcn_indicator_observation_count(i), 5);
  CU_ASSERT_EQUAL(khcn_indicator_remove_observation(i, 2022), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_indicator_series(i, yo, vo, 8), 4);
  CU_ASSERT_EQUAL(yo[2], 2023);
  CU_ASSERT_EQUAL(vo[2], 4);
  khcn_obs_status s;
  CU_ASSERT_EQUAL(khcn_obs_status_parse(&s, "estimated"), KHCN_OK);
  CU_ASSERT_EQUAL(s, KHCN_OBS_ESTIMATED);
  khcn_plan_free(p);
}

static void test_bulk(void) {
  khcn_plan *p;
  khcn_indicator *i;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  char id[16];
  for (int k = 0; k < 50; k++) {
    snprintf(id, sizeof id, "i%d", k);
    CU_ASSERT_EQUAL_FATAL(khcn_plan_add_indicator(&i, p, id, "x"), KHCN_OK);
  }
  khcn_observation o = {2019, 7, KHCN_OBS_NORMAL, NULL, NULL, NULL};
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(khcn_plan_indicator(p, "i3"), &o), KHCN_OK);
  /* 500 observations, years in descending order, interleaved indicators */
  uint32_t idx[500];
  int32_t yr[500];
  double val[500];
  for (int k = 0; k < 500; k++) {
    idx[k] = (uint32_t)(k % 50);
    yr[k] = 2030 - k / 50;
    val[k] = k;
  }
  CU_ASSERT_EQUAL(khcn_plan_add_observations(p, idx, yr, val, 500), KHCN_OK);
  const khcn_indicator *i3 = khcn_plan_indicator(p, "i3");
  CU_ASSERT_EQUAL(khcn_indicator_observation_count(i3), 11);
  int yo[11];
  double vo[11];
  khcn_indicator_series(i3, yo, vo, 11);
  CU_ASSERT_EQUAL(yo[0], 2019);
  CU_ASSERT_EQUAL(vo[0], 7);
  CU_ASSERT_EQUAL(yo[1], 2021);
  CU_ASSERT_EQUAL(vo[1], 453); /* k = 9*50 + 3 */
  CU_ASSERT_EQUAL(yo[10], 2030);
  /* a duplicate year anywhere: nothing changes */
  idx[0] = 7;
  yr[0] = 2040;
  idx[1] = 7;
  yr[1] = 2040;
  CU_ASSERT_EQUAL(khcn_plan_add_observations(p, idx, yr, val, 2), KHCN_EEXISTS);
  CU_ASSERT_EQUAL(khcn_indicator_observation_count(khcn_plan_indicator(p, "i7")), 10);
  idx[1] = 50;
  CU_ASSERT_EQUAL(khcn_plan_add_observations(p, idx, yr, val, 2), KHCN_EINVAL);
  CU_ASSERT_PTR_NOT_NULL(strstr(khcn_error_last()->message, "observation 1"));
  val[1] = NAN;
  idx[1] = 1;
  CU_ASSERT_EQUAL(khcn_plan_add_observations(p, idx, yr, val, 2), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_add_observations(p, NULL, NULL, NULL, 0), KHCN_OK);
  khcn_plan_free(p);
}

static void test_nodes_agencies_matrix(void) {
  khcn_plan *p;
  khcn_node *n, *m;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "t1", "t1", "1", "x"), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "t1", NULL, "1", ""), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_add_node(&n, p, (khcn_node_type)5, "t1", NULL, "1", "x"), KHCN_EINVAL);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_add_node(&n, p, KHCN_NODE_TASK, "t1", NULL, "I", "Nhiệm vụ"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(&m, p, KHCN_NODE_OBJECTIVE, "t1", NULL, NULL, "dup"), KHCN_EEXISTS);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_add_node(&m, p, KHCN_NODE_TASK, "t1.a", "t1", "a", "Con"), KHCN_OK);
  CU_ASSERT_STRING_EQUAL(khcn_node_parent(m), "t1");
  CU_ASSERT_STRING_EQUAL(khcn_node_label(m), "a");
  CU_ASSERT_PTR_NULL(khcn_node_parent(n));
  CU_ASSERT_EQUAL(khcn_node_weight(m), 1.0);
  CU_ASSERT_EQUAL(khcn_node_set_weight(m, -1), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_node_link(m, "ind", 0), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_node_link(m, "ind", 2), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_node_link(m, "ind", 1), KHCN_EEXISTS);
  const char *li;
  double w;
  CU_ASSERT_EQUAL(khcn_node_link_at(m, 0, &li, &w), KHCN_OK);
  CU_ASSERT_STRING_EQUAL(li, "ind");
  CU_ASSERT_EQUAL(w, 2);
  CU_ASSERT_EQUAL(khcn_node_link_at(m, 1, &li, &w), KHCN_ENOTFOUND);
  CU_ASSERT_EQUAL(khcn_node_set_link_weight(m, "ind", 3.5), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_node_link_at(m, 0, &li, &w), KHCN_OK);
  CU_ASSERT_EQUAL(w, 3.5);
  CU_ASSERT_EQUAL(khcn_node_set_link_weight(m, "other", 1), KHCN_ENOTFOUND);
  CU_ASSERT_EQUAL(khcn_node_set_link_weight(m, "ind", -1), KHCN_EINVAL);
  CU_ASSERT_PTR_EQUAL(khcn_plan_node(p, "t1.a"), m);
  CU_ASSERT_EQUAL(khcn_plan_node_count(p), 2);
  CU_ASSERT_STRING_EQUAL(khcn_node_type_name(khcn_node_type_of(m)), "task");

  khcn_agency *a;
  CU_ASSERT_EQUAL(khcn_plan_add_agency(&a, p, "so", "", NULL), KHCN_EINVAL);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_add_agency(&a, p, "so", "Sở KH&CN", NULL), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_agency(&a, p, "so", "again", NULL), KHCN_EEXISTS);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_add_agency(&a, p, "phong-khtc", "Phòng Kế hoạch Tài chính", "so"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_agency_set_kind(a, KHCN_AGENCY_DIVISION), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_agency_set_kind(a, KHCN_AGENCY_KIND_COUNT_), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_agency_kind_of(khcn_plan_agency(p, "phong-khtc")), KHCN_AGENCY_DIVISION);
  CU_ASSERT_STRING_EQUAL(khcn_agency_parent(a), "so");

  khcn_responsibility r = {"t1", "phong-khtc", KHCN_ROLE_LEAD, NULL, 0, 0, 0, KHCN_ONCE, NULL}, g;
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_EEXISTS);
  r.role = KHCN_ROLE_COOPERATE;
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_OK);
  r.role = KHCN_ROLE_REPORT;
  r.to = "so";
  r.due_month = 12;
  r.due_day = 20;
  r.every = KHCN_YEARLY;
  r.note = "Định trước ngày 20/12 hàng năm gửi báo cáo";
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_OK);
  r.due_month = 13;
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_EINVAL);
  r.due_month = 0;
  r.due_day = 3;
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_EINVAL);
  r.due_day = 0;
  r.role = KHCN_ROLE_COUNT_;
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_EINVAL);
  r.role = KHCN_ROLE_LEAD;
  r.agency = NULL;
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_EINVAL);
  CU_ASSERT_EQUAL(khcn_plan_responsibility_count(p), 3);
  CU_ASSERT_EQUAL(khcn_plan_responsibility_at(p, 2, &g), KHCN_OK);
  CU_ASSERT_EQUAL(g.role, KHCN_ROLE_REPORT);
  CU_ASSERT_STRING_EQUAL(g.to, "so");
  CU_ASSERT_EQUAL(g.due_day, 20);
  CU_ASSERT_EQUAL(g.every, KHCN_YEARLY);
  CU_ASSERT_EQUAL(khcn_plan_unassign(p, 0), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_unassign(p, 5), KHCN_ENOTFOUND);
  CU_ASSERT_EQUAL(khcn_plan_responsibility_at(p, 0, &g), KHCN_OK);
  CU_ASSERT_EQUAL(g.role, KHCN_ROLE_COOPERATE);
  khcn_role role;
  CU_ASSERT_EQUAL(khcn_role_parse(&role, "focal"), KHCN_OK);
  CU_ASSERT_EQUAL(role, KHCN_ROLE_FOCAL);
  CU_ASSERT_STRING_EQUAL(khcn_role_name(KHCN_ROLE_ADVISE), "advise");
  CU_ASSERT_STRING_EQUAL(khcn_recurrence_name(KHCN_YEARLY), "yearly");
  khcn_agency_kind ak;
  CU_ASSERT_EQUAL(khcn_agency_kind_parse(&ak, "peoples_committee"), KHCN_OK);
  CU_ASSERT_EQUAL(ak, KHCN_AGENCY_PEOPLES_COMMITTEE);
  khcn_doc_type dt;
  CU_ASSERT_EQUAL(khcn_doc_type_parse(&dt, "conclusion"), KHCN_OK);
  CU_ASSERT_EQUAL(dt, KHCN_DOC_CONCLUSION);
  khcn_plan_free(p);
}

static void test_matrix_index(void) {
  khcn_plan *p;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "p"), KHCN_OK);
  char task[16], agency[16];
  int bad = 0;
  /* 20,000 entries: quadratic duplicate checks would take minutes */
  for (int k = 0; k < 20000; k++) {
    snprintf(task, sizeof task, "t%d", k % 1000);
    snprintf(agency, sizeof agency, "a%d", k / 1000);
    khcn_responsibility r = {task, agency, (khcn_role)(k % 3), NULL, 0, 0, 0, KHCN_ONCE, NULL};
    if (khcn_plan_assign(p, &r) != KHCN_OK) bad++;
  }
  CU_ASSERT_EQUAL(bad, 0);
  khcn_responsibility dup = {"t7", "a0", (khcn_role)(7 % 3), NULL, 0, 0, 0, KHCN_ONCE, NULL};
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &dup), KHCN_EEXISTS);
  dup.to = "x"; /* a different recipient is a different entry */
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &dup), KHCN_OK);
  /* after a removal the index is rebuilt: the removed entry may come back, the others may not */
  khcn_responsibility first;
  CU_ASSERT_EQUAL(khcn_plan_responsibility_at(p, 0, &first), KHCN_OK);
  khcn_responsibility again = first;
  CU_ASSERT_EQUAL(khcn_plan_unassign(p, 0), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &again), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &again), KHCN_EEXISTS);
  khcn_responsibility last = {"t999", "a19", (khcn_role)(19999 % 3), NULL, 0, 0, 0, KHCN_ONCE, NULL};
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &last), KHCN_EEXISTS);
  CU_ASSERT_EQUAL(khcn_plan_responsibility_count(p), 20001);
  khcn_plan_free(p);
}

static void test_clone(void) {
  khcn_plan *p, *c;
  CU_ASSERT_EQUAL_FATAL(khcn_test_build_sample(&p), KHCN_OK);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_clone(&c, p), KHCN_OK);
  CU_ASSERT_TRUE(khcn_test_plans_equal(p, c));
  /* the copy is independent */
  khcn_observation o = {2025, 1.3, KHCN_OBS_NORMAL, NULL, NULL, NULL};
  CU_ASSERT_EQUAL(khcn_indicator_add_observation(khcn_plan_indicator(c, "grdp-share"), &o), KHCN_OK);
  CU_ASSERT_FALSE(khcn_test_plans_equal(p, c));
  khcn_plan_free(p);
  CU_ASSERT_EQUAL(khcn_indicator_observation_count(khcn_plan_indicator(c, "grdp-share")), 2);
  khcn_plan_free(c);
  CU_ASSERT_EQUAL(khcn_plan_clone(&c, NULL), KHCN_EINVAL);
}

CU_ErrorCode khcn_test_plan_suite(void) {
  static const khcn_test_case cases[] = {{"lifecycle", test_lifecycle},
                                         {"text fields, period, legal bases", test_texts},
                                         {"indicators", test_indicators},
                                         {"targets", test_targets},
                                         {"observations", test_observations},
                                         {"bulk observations", test_bulk},
                                         {"nodes, agencies, matrix", test_nodes_agencies_matrix},
                                         {"matrix index", test_matrix_index},
                                         {"clone", test_clone},
                                         {NULL, NULL}};
  return khcn_test_add_suite("plan", cases);
}
