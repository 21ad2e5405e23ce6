/*
 * plan_basics.c: build a small plan with the libkhcn C API, validate it and
 * print what it holds.  Built and run by `make check`; build it yourself
 * against an installed libkhcn with
 *
 *     cc plan_basics.c $(pkg-config --cflags --libs libkhcn) -o plan_basics
 */
#include <stdio.h>
#include <khcn.h>

/* print the library's message and fail */
#define CHECK(call)                                                                          \
  do {                                                                                       \
    if ((call) != KHCN_OK) {                                                                 \
      fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, khcn_err_name(khcn_error_last()->code), \
              khcn_error_last()->message);                                                   \
      goto fail;                                                                             \
    }                                                                                        \
  } while (0)

int main(void) {
  khcn_plan *plan = NULL;
  khcn_diags *diags = NULL;
  khcn_indicator *marks;
  khcn_target target;
  int rc = 1;

  /* Bắc Giang, 2021: "Phấn đấu đến năm 2025 toàn tỉnh có ít nhất ... 80 nhãn hiệu tập thể" */
  CHECK(khcn_plan_new(&plan, "bac-giang-example"));
  CHECK(khcn_plan_set_text(plan, KHCN_PLAN_TITLE, "Kế hoạch thực hiện Chỉ thị số 01/CT-UBND"));
  CHECK(khcn_plan_set_text(plan, KHCN_PLAN_PROVINCE, "Bắc Giang"));
  CHECK(khcn_plan_set_period(plan, 2021, 2025));

  CHECK(khcn_plan_add_indicator(&marks, plan, "collective-marks", "Số nhãn hiệu tập thể"));
  CHECK(khcn_indicator_set_unit(marks, "nhãn hiệu"));
  khcn_target_init(&target);
  target.year = 2025;
  target.comparator = KHCN_CMP_AT_LEAST;
  target.value = 80;
  target.note = "Phấn đấu đến năm 2025 toàn tỉnh có ít nhất ... 80 nhãn hiệu tập thể";
  CHECK(khcn_indicator_add_target(marks, &target));

  /* the task, the division that leads it, the body that cooperates */
  CHECK(khcn_plan_add_node(NULL, plan, KHCN_NODE_TASK, "t3", NULL, "3", "Đẩy mạnh hoạt động sở hữu trí tuệ, sáng kiến"));
  CHECK(khcn_plan_add_agency(NULL, plan, "so-khcn", "Sở Khoa học và Công nghệ", NULL));
  CHECK(khcn_plan_add_agency(NULL, plan, "phong-qlcn", "Phòng Quản lý Chuyên ngành", "so-khcn"));
  CHECK(khcn_plan_add_agency(NULL, plan, "so-vhttdl", "Sở Văn hóa thể thao và Du lịch", NULL));
  khcn_responsibility lead = {"t3", "phong-qlcn", KHCN_ROLE_LEAD, NULL, 0, 0, 0, KHCN_ONCE, NULL};
  khcn_responsibility coop = {"t3", "so-vhttdl", KHCN_ROLE_COOPERATE, NULL, 0, 0, 0, KHCN_ONCE, NULL};
  CHECK(khcn_plan_assign(plan, &lead));
  CHECK(khcn_plan_assign(plan, &coop));

  CHECK(khcn_diags_new(&diags));
  khcn_status verdict = khcn_plan_validate(plan, diags, KHCN_VALIDATE_STRICT);
  printf("plan %s (%s, %d-%d): %zu indicator(s), %zu task(s), %zu agencies, %zu responsibilities\n",
         khcn_plan_id(plan), khcn_plan_text(plan, KHCN_PLAN_PROVINCE), khcn_plan_start(plan), khcn_plan_end(plan),
         khcn_plan_indicator_count(plan), khcn_plan_node_count(plan), khcn_plan_agency_count(plan),
         khcn_plan_responsibility_count(plan));
  for (size_t i = 0; i < khcn_indicator_target_count(marks); i++) {
    khcn_target t;
    CHECK(khcn_indicator_target_at(marks, i, &t));
    printf("  target: %s %s %g by %d\n", khcn_indicator_name(marks), khcn_comparator_name(t.comparator), t.value, t.year);
  }
  printf("validation: %s, %zu finding(s)\n", verdict == KHCN_OK ? "valid" : "invalid", khcn_diags_count(diags));
  rc = verdict == KHCN_OK ? 0 : 1;
fail:
  khcn_diags_free(diags);
  khcn_plan_free(plan);
  return rc;
}
