/* Suite "seedplans": two real plans built through the C API, as printed.
 * Bắc Ninh (Kế hoạch 149/KH-UBND, 08/05/2023): the 2025 and 2030 milestones.
 * Bắc Giang (Kế hoạch of the Department of S&T, 01/2021): the division-level
 * responsibility matrix (divisions lead; outside bodies cooperate; yearly
 * report to the Planning-Finance division before 20 December). */
#include <math.h>
#include <string.h>
#include <khcn.h>
#include "runner.h"
#include "suites_model.h"

typedef struct {
  const char *id, *name, *unit;
  khcn_measure measure;
  int year;
  khcn_comparator cmp;
  double value;
  const char *note;
} milestone;

static const milestone bac_ninh[] = {
    {"gt-giao-dich", "Giá trị giao dịch hàng hóa khoa học và công nghệ", "%/năm", KHCN_MEASURE_RATE, 2025, KHCN_CMP_GROWTH, 0.25,
     "Giá trị giao dịch hàng hóa khoa học và công nghệ hàng năm tăng bình quân đạt khoảng 25%"},
    {"ty-trong-tstt", "Tỷ trọng giao dịch tài sản trí tuệ", "%", KHCN_MEASURE_PERCENT, 2025, KHCN_CMP_AT_LEAST, 15,
     "Tỷ trọng giao dịch tài sản trí tuệ đạt trên 15%"},
    {"ty-trong-nhap-khau", "Tỷ trọng giao dịch các công nghệ nhập khẩu", "%", KHCN_MEASURE_PERCENT, 2025, KHCN_CMP_AT_LEAST, 30,
     "tỷ trọng giao dịch các công nghệ nhập khẩu đạt 30%"},
    {"ty-trong-vien-truong", "Tỷ trọng giao dịch công nghệ từ các viện nghiên cứu, trường đại học", "%", KHCN_MEASURE_PERCENT,
     2025, KHCN_CMP_AT_LEAST, 35, "Tỷ trọng giao dịch công nghệ từ các viện nghiên cứu, trường đại học, tổ chức KH&CN đạt từ 35%"},
    {"to-chuc-trung-gian", "Tổ chức trung gian của thị trường khoa học và công nghệ", "tổ chức", KHCN_MEASURE_COUNT, 2025,
     KHCN_CMP_AT_LEAST, 1, "Hình thành và phát triển 01 tổ chức trung gian của thị trường khoa học và công nghệ."},
    {"gt-giao-dich", NULL, NULL, KHCN_MEASURE_RATE, 2030, KHCN_CMP_GROWTH, 0.30,
     "Giá trị giao dịch hàng hóa khoa học và công nghệ hàng năm tăng mạnh, bình quân đạt khoảng 30%"},
    {"ty-trong-tstt", NULL, NULL, KHCN_MEASURE_PERCENT, 2030, KHCN_CMP_AT_LEAST, 20, "Tỷ trọng giao dịch tài sản trí tuệ đạt trên 20%"},
    {"ty-trong-nhap-khau", NULL, NULL, KHCN_MEASURE_PERCENT, 2030, KHCN_CMP_AT_LEAST, 35,
     "tỷ trọng giao dịch các công nghệ nhập khẩu đạt 35 %"},
    {"ty-trong-vien-truong", NULL, NULL, KHCN_MEASURE_PERCENT, 2030, KHCN_CMP_AT_LEAST, 40,
     "Tỷ trọng giao dịch công nghệ từ các viện nghiên cứu, trường đại học đạt trên 40%"},
    {"san-giao-dich", "Sàn giao dịch công nghệ và thiết bị tỉnh Bắc Ninh", "", KHCN_MEASURE_BINARY, 2030, KHCN_CMP_DONE, 1,
     "Thành lập sàn giao dịch công nghệ và thiết bị tỉnh Bắc Ninh."},
};

static void test_bac_ninh_milestones(void) {
  khcn_plan *p;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "bac-ninh-149-2023"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_NUMBER, "149/KH-UBND"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_DATE, "2023-05-08"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_PROVINCE, "Bắc Ninh"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_TITLE,
                                     "Thực hiện Chương trình phát triển thị trường khoa học và công nghệ trên địa bàn tỉnh Bắc "
                                     "Ninh đến năm 2030"),
                  KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_period(p, 2023, 2030), KHCN_OK);
  khcn_legal_doc qd = {"qd-1158", "1158/QĐ-TTg", KHCN_DOC_DECISION, "2021-07-13", "Thủ tướng Chính phủ",
                       "Chương trình phát triển thị trường khoa học và công nghệ quốc gia đến năm 2030"};
  CU_ASSERT_EQUAL(khcn_plan_add_legal_basis(p, &qd), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_OBJECTIVE, "mt-2025", NULL, "1", "Đến năm 2025"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_OBJECTIVE, "mt-2030", NULL, "2", "Đến năm 2030"), KHCN_OK);
  for (size_t k = 0; k < sizeof bac_ninh / sizeof *bac_ninh; k++) {
    const milestone *m = &bac_ninh[k];
    khcn_indicator *ind = khcn_plan_indicator(p, m->id);
    if (!ind) {
      CU_ASSERT_EQUAL_FATAL(khcn_plan_add_indicator(&ind, p, m->id, m->name), KHCN_OK);
      CU_ASSERT_EQUAL(khcn_indicator_set_unit(ind, m->unit), KHCN_OK);
      CU_ASSERT_EQUAL(khcn_indicator_set_measure(ind, m->measure), KHCN_OK);
      if (m->measure == KHCN_MEASURE_PERCENT) CU_ASSERT_EQUAL(khcn_indicator_set_limit(ind, 100), KHCN_OK);
    }
    khcn_target t;
    khcn_target_init(&t);
    t.year = m->year;
    t.comparator = m->cmp;
    t.value = m->value;
    t.note = m->note;
    CU_ASSERT_EQUAL(khcn_indicator_add_target(ind, &t), KHCN_OK);
    CU_ASSERT_EQUAL(khcn_node_link(khcn_plan_node(p, m->year == 2025 ? "mt-2025" : "mt-2030"), m->id, 1), KHCN_OK);
  }
  khcn_diags *d;
  CU_ASSERT_EQUAL_FATAL(khcn_diags_new(&d), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, KHCN_VALIDATE_STRICT), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_diags_count_at_least(d, KHCN_SEV_WARNING), 0);
  /* 6 indicators, 10 milestones; each comparator as the text writes it */
  CU_ASSERT_EQUAL(khcn_plan_indicator_count(p), 6);
  size_t targets = 0;
  for (size_t k = 0; k < khcn_plan_indicator_count(p); k++) targets += khcn_indicator_target_count(khcn_plan_indicator_at(p, k));
  CU_ASSERT_EQUAL(targets, 10);
  khcn_target t;
  const khcn_indicator *g = khcn_plan_indicator(p, "gt-giao-dich");
  CU_ASSERT_EQUAL(khcn_indicator_target_count(g), 2);
  CU_ASSERT_EQUAL(khcn_indicator_target_at(g, 1, &t), KHCN_OK);
  CU_ASSERT_EQUAL(t.year, 2030);
  CU_ASSERT_EQUAL(t.comparator, KHCN_CMP_GROWTH);
  CU_ASSERT_DOUBLE_EQUAL(t.value, 0.30, 1e-15);
  CU_ASSERT_EQUAL(khcn_indicator_target_at(khcn_plan_indicator(p, "san-giao-dich"), 0, &t), KHCN_OK);
  CU_ASSERT_EQUAL(t.comparator, KHCN_CMP_DONE);
  CU_ASSERT_EQUAL(t.year, 2030);
  CU_ASSERT_EQUAL(khcn_node_link_count(khcn_plan_node(p, "mt-2025")), 5);
  CU_ASSERT_EQUAL(khcn_node_link_count(khcn_plan_node(p, "mt-2030")), 5);
  khcn_diags_free(d);
  khcn_plan_free(p);
}

typedef struct {
  const char *id, *name;
} agency_def;

static const agency_def divisions[] = {
    {"bg-vp", "Văn phòng Sở"},
    {"bg-khtc", "Phòng Kế hoạch Tài chính"},
    {"bg-tt", "Thanh tra Sở"},
    {"bg-qlcn", "Phòng Quản lý Chuyên ngành"},
    {"bg-qlcntt", "Phòng Quản lý Công nghệ và Thị trường công nghệ"},
    {"bg-qlkh", "Phòng Quản lý Khoa học"},
    {"bg-qlcs", "Phòng Quản lý Khoa học và Công nghệ cơ sở"},
    {"bg-tdc", "Chi cục Tiêu chuẩn Đo lường Chất lượng"},
    {"bg-ttud", "Trung tâm Ứng dụng Khoa học và Công nghệ"},
};
static const agency_def outside[] = {
    {"so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn"}, {"cong-an", "Công an tỉnh"},
    {"so-noi-vu", "Sở Nội vụ"},                             {"so-cong-thuong", "Sở Công Thương"},
    {"so-vhttdl", "Sở Văn hóa thể thao và Du lịch"},        {"tinh-doan", "Tỉnh Đoàn TNCS Hồ Chí Minh"},
    {"so-khdt", "Sở Kế hoạch và Đầu tư"},                   {"hiep-hoi-dn", "Hiệp hội doanh nghiệp tỉnh"},
    {"bql-kcn", "Ban Quản lý các Khu công nghiệp tỉnh"},    {"so-tttt", "Sở Thông tin và Truyền thông"},
    {"cuc-thong-ke", "Cục Thống kê tỉnh"},                  {"chu-tich-ubnd", "Chủ tịch UBND tỉnh"},
};

typedef struct {
  const char *task, *agency;
  khcn_role role;
} assignment;

/* section II of the Bắc Giang plan, task by task */
static const assignment bg_matrix[] = {
    {"t1", "bg-khtc", KHCN_ROLE_LEAD},       {"t1", "bg-vp", KHCN_ROLE_ADVISE},
    {"t2", "bg-tdc", KHCN_ROLE_LEAD},        {"t2", "so-nnptnt", KHCN_ROLE_COOPERATE},
    {"t2", "cong-an", KHCN_ROLE_COOPERATE},  {"t2", "so-noi-vu", KHCN_ROLE_COOPERATE},
    {"t2", "bg-tt", KHCN_ROLE_ADVISE},       {"t2", "so-cong-thuong", KHCN_ROLE_COOPERATE},
    {"t3", "bg-qlcn", KHCN_ROLE_LEAD},       {"t3", "so-vhttdl", KHCN_ROLE_COOPERATE},
    {"t3", "so-nnptnt", KHCN_ROLE_COOPERATE}, {"t4", "bg-tdc", KHCN_ROLE_LEAD},
    {"t5", "bg-qlcntt", KHCN_ROLE_LEAD},     {"t5", "so-khdt", KHCN_ROLE_COOPERATE},
    {"t5", "hiep-hoi-dn", KHCN_ROLE_COOPERATE}, {"t5", "bql-kcn", KHCN_ROLE_COOPERATE},
    {"t5", "tinh-doan", KHCN_ROLE_COOPERATE}, {"t5", "bg-ttud", KHCN_ROLE_ADVISE},
    {"t6", "bg-qlkh", KHCN_ROLE_LEAD},       {"t7", "bg-ttud", KHCN_ROLE_LEAD},
    {"t7", "so-tttt", KHCN_ROLE_COOPERATE},  {"t7", "cuc-thong-ke", KHCN_ROLE_COOPERATE},
    {"t8", "bg-qlcs", KHCN_ROLE_LEAD},       {"t8", "bg-khtc", KHCN_ROLE_COOPERATE},
};

static const char *const bg_tasks[][2] = {
    {"t1", "Nâng cao tiềm lực khoa học và công nghệ"},
    {"t2", "Tăng cường công tác quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng"},
    {"t3", "Đẩy mạnh hoạt động sở hữu trí tuệ, sáng kiến"},
    {"t4", "Tăng cường hoạt động truy xuất nguồn gốc sản phẩm"},
    {"t5", "Phát triển thị trường công nghệ, hoạt động khởi nghiệp đổi mới sáng tạo"},
    {"t6", "Tăng cường hoạt động ứng dụng, chuyên giao KH&CN"},
    {"t7", "Đẩy mạnh công tác thông tin, thống kê, tuyên truyền về khoa học và công nghệ"},
    {"t8", "Nâng cao chất lượng hoạt động của Hội đồng khoa học và công nghệ cấp cơ sở, đẩy mạnh phong trào thi đua sáng tạo "
           "khoa học kỹ thuật"},
};

static int is_division(const khcn_plan *p, const char *agency) {
  const khcn_agency *a = khcn_plan_agency(p, agency);
  return a && khcn_agency_parent(a) && strcmp(khcn_agency_parent(a), "so-khcn-bg") == 0;
}

static void test_bac_giang_matrix(void) {
  khcn_plan *p;
  khcn_agency *a;
  CU_ASSERT_EQUAL_FATAL(khcn_plan_new(&p, "bac-giang-kh-khcn-2021"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_NUMBER, "/KH-KHCN"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_DATE, "2021-01"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_text(p, KHCN_PLAN_SIGNER, "Nguyễn Thanh Bình"), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_set_period(p, 2021, 2025), KHCN_OK);
  CU_ASSERT_EQUAL_FATAL(khcn_plan_add_agency(&a, p, "so-khcn-bg", "Sở Khoa học và Công nghệ tỉnh Bắc Giang", NULL), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_agency_set_kind(a, KHCN_AGENCY_DEPARTMENT), KHCN_OK);
  for (size_t k = 0; k < sizeof divisions / sizeof *divisions; k++) {
    CU_ASSERT_EQUAL_FATAL(khcn_plan_add_agency(&a, p, divisions[k].id, divisions[k].name, "so-khcn-bg"), KHCN_OK);
    CU_ASSERT_EQUAL(khcn_agency_set_kind(a, KHCN_AGENCY_DIVISION), KHCN_OK);
  }
  for (size_t k = 0; k < sizeof outside / sizeof *outside; k++)
    CU_ASSERT_EQUAL_FATAL(khcn_plan_add_agency(NULL, p, outside[k].id, outside[k].name, NULL), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_TASK, "II", NULL, "II", "NHIỆM VỤ VÀ GIẢI PHÁP"), KHCN_OK);
  for (size_t k = 0; k < 8; k++)
    CU_ASSERT_EQUAL(khcn_plan_add_node(NULL, p, KHCN_NODE_TASK, bg_tasks[k][0], "II", bg_tasks[k][0] + 1, bg_tasks[k][1]),
                    KHCN_OK);
  for (size_t k = 0; k < sizeof bg_matrix / sizeof *bg_matrix; k++) {
    khcn_responsibility r = {bg_matrix[k].task, bg_matrix[k].agency, bg_matrix[k].role, NULL, 0, 0, 0, KHCN_ONCE, NULL};
    CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_OK);
  }
  /* III. Tổ chức thực hiện: each division reports before 20/12 every year */
  for (size_t k = 0; k < sizeof divisions / sizeof *divisions; k++) {
    if (strcmp(divisions[k].id, "bg-khtc") == 0) continue;
    khcn_responsibility r = {NULL, divisions[k].id, KHCN_ROLE_REPORT, "bg-khtc", 0, 12, 20, KHCN_YEARLY,
                             "Định trước ngày 20/12 hàng năm gửi báo cáo kết quả về Phòng Kế hoạch Tài chính"};
    CU_ASSERT_EQUAL(khcn_plan_assign(p, &r), KHCN_OK);
  }
  khcn_responsibility up = {NULL, "bg-khtc", KHCN_ROLE_REPORT, "chu-tich-ubnd", 0, 0, 0, KHCN_YEARLY, NULL};
  CU_ASSERT_EQUAL(khcn_plan_assign(p, &up), KHCN_OK);

  khcn_diags *d;
  CU_ASSERT_EQUAL_FATAL(khcn_diags_new(&d), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, KHCN_VALIDATE_STRICT), KHCN_OK);
  CU_ASSERT_EQUAL(khcn_diags_count_at_least(d, KHCN_SEV_WARNING), 0);
  /* the shape of the matrix: every lead is a division, every cooperating body outside or a division */
  size_t leads = 0, coop_outside = 0, reports = 0;
  for (size_t k = 0; k < khcn_plan_responsibility_count(p); k++) {
    khcn_responsibility r;
    CU_ASSERT_EQUAL(khcn_plan_responsibility_at(p, k, &r), KHCN_OK);
    if (r.role == KHCN_ROLE_LEAD) {
      leads++;
      CU_ASSERT_TRUE(is_division(p, r.agency));
    }
    if (r.role == KHCN_ROLE_COOPERATE && !is_division(p, r.agency)) coop_outside++;
    if (r.role == KHCN_ROLE_REPORT && r.due_month == 12) {
      reports++;
      CU_ASSERT_EQUAL(r.due_day, 20);
      CU_ASSERT_EQUAL(r.every, KHCN_YEARLY);
      CU_ASSERT_STRING_EQUAL(r.to, "bg-khtc");
    }
  }
  CU_ASSERT_EQUAL(leads, 8);
  CU_ASSERT_EQUAL(coop_outside, 12);
  CU_ASSERT_EQUAL(reports, 8);
  /* removing task 4's lead is caught */
  for (size_t k = 0; k < khcn_plan_responsibility_count(p); k++) {
    khcn_responsibility r;
    CU_ASSERT_EQUAL(khcn_plan_responsibility_at(p, k, &r), KHCN_OK);
    if (r.task && strcmp(r.task, "t4") == 0 && r.role == KHCN_ROLE_LEAD) {
      CU_ASSERT_EQUAL(khcn_plan_unassign(p, k), KHCN_OK);
      break;
    }
  }
  khcn_diags_clear(d);
  CU_ASSERT_EQUAL(khcn_plan_validate(p, d, KHCN_VALIDATE_STRICT), KHCN_EINVALID);
  khcn_diag g;
  CU_ASSERT_EQUAL(khcn_diags_count(d), 1);
  CU_ASSERT_EQUAL(khcn_diags_at(d, 0, &g), KHCN_OK);
  CU_ASSERT_EQUAL(g.code, KHCN_DIAG_NO_LEAD);
  CU_ASSERT_STRING_EQUAL(g.entity, "t4");
  khcn_diags_free(d);
  khcn_plan_free(p);
}

CU_ErrorCode khcn_test_seedplans_suite(void) {
  static const khcn_test_case cases[] = {{"Bắc Ninh 2025 and 2030 milestones", test_bac_ninh_milestones},
                                         {"Bắc Giang division-level matrix", test_bac_giang_matrix},
                                         {NULL, NULL}};
  return khcn_test_add_suite("seedplans", cases);
}
