"""The per-plan encodings used by build_seeds.py (line numbers refer to the seed files)."""
from build_seeds import LB, PII_RANK, PII_SCORE, T, TRACKED

# ---------------------------------------------------------------- Bến Tre
URL_BT_PII = "https://amp.baodongkhoi.vn/chi-so-pii-ben-tre-nam-2023-xep-vi-tri-thu-5-dong-bang-song-cuu-long-18122024-a139878.html"


def ben_tre(b):
    p = b.plan
    p.update({
        "title": b.line(22), "issuer": "Ủy ban nhân dân tỉnh Bến Tre", "number": "5611/KH-UBND",
        "date": "2022-09-07", "province": "Bến Tre", "signer": b.line(264),
        "signer_title": b.line(258) + " " + b.line(259),
        "purpose": b.line(30), "requirements": b.line(34), "start": 2022, "end": 2030,
        "budget_sources": [b.q("Từ nguồn ngân sách tỉnh"), b.q("các nguồn hợp pháp khác")],
        "legal_bases": [
            LB("qd-569-2022", "569/QĐ-TTg", "decision", "2022-05-11", "Thủ tướng Chính phủ",
               b.q("ban hành Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030")),
            LB("da-04-2021", "04-ĐA/TU", "other", "2021-01-29", "Tỉnh ủy Bến Tre",
               b.q("về phát triển Khoa học và Công nghệ (KH&CN) tỉnh Bến Tre giai đoạn 2020-2025, định hướng đến năm 2030")),
            LB("nq-52-2019", "52-NQ-TW", "resolution", "2019-09-27", "Bộ Chính trị",
               b.q("về một số chủ trương, chính sách chủ động tham gia cuộc cách mạng công nghiệp lần thứ tư")),
            LB("kh-3004-2021", "3004/KH-UBND", "plan", "2021-06-01", "UBND tỉnh Bến Tre",
               b.q("về phát triển 4.000 ha nuôi tôm biển ứng dụng công nghệ cao tỉnh Bến Tre đến năm 2025")),
            LB("nq-04-tu", "04", "resolution", None, "Tỉnh ủy Bến Tre",
               b.q("phát triển Bến Tre về hướng Đông")),
            LB("qd-844-2016", "844/QĐ-TTg", "decision", "2016-05-18", "Thủ tướng Chính phủ",
               b.q("Đề án Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia đến năm 2025")),
            LB("kh-8576-2021", "8576/KH-UBND", "plan", "2021-12-24", "UBND tỉnh Bến Tre",
               b.q("về thực hiện Chương trình Đồng Khởi khởi nghiệp và phát triển doanh nghiệp tỉnh Bến Tre giai đoạn 2021-2025")),
            LB("kh-nscl", None, "plan", None, "UBND tỉnh Bến Tre",
               b.q("Kế hoạch hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa trên địa bàn tỉnh")),
        ],
    })
    # objectives: II. MỤC TIÊU (the general objective is the root, as the model wants)
    b.H("o", "mt-tq", None, 38, text=40)
    b.H("o", "mt-ct", "mt-tq", 42)
    for i, ln in enumerate([44, 46, 48, 50, 52, 54], 1):
        b.P("o", "mt-ct-%d" % i, "mt-ct", ln)
    # III. CÁC NHIỆM VỤ CHỦ YẾU
    b.H("t", "nv", None, 56)
    groups = {1: (58, [60, 62]), 2: (64, [66, 68, 70, 72]), 3: (74, [76, 78, 80]), 4: (82, [84, 86, 88]),
              5: (90, [92, 94, 96, 98]), 6: (100, [102, 104, 106]), 7: (108, [110]), 8: (116, [118, 120, 122]),
              9: (124, [128, 130, 132, 134, 136, 138, 140])}
    for g, (h, paras) in groups.items():
        b.H("t", "nv-%d" % g, "nv", h, text=126 if g == 9 else None)
        for i, ln in enumerate(paras, 1):
            b.P("t", "nv-%d-%d" % (g, i), "nv-%d" % g, ln)
    b.P("t", "nv-7-1-1", "nv-7-1", 112)
    b.P("t", "nv-7-1-2", "nv-7-1", 114)
    # IV. Giải pháp thực hiện (printed "IV" a second time, after "IV. Kinh phí thực hiện")
    b.H("t", "gp", None, 146)
    groups = {1: (148, [150, 152, 154]), 2: (156, [158, 160, 162, 164, 166, 168]), 3: (170, [172, 174, 176]),
              4: (178, [180, 182, 184, 186]), 5: (188, [190, 192, 194, 196]), 6: (198, [200, 202, 204]),
              7: (206, [208, 210, 212, 214])}
    for g, (h, paras) in groups.items():
        b.H("t", "gp-%d" % g, "gp", h)
        for i, ln in enumerate(paras, 1):
            b.P("t", "gp-%d-%d" % (g, i), "gp-%d" % g, ln)
    # V. Tổ chức thực hiện
    b.H("t", "tc", None, 216)
    b.H("t", "tc-1", "tc", 218)
    for i, ln in enumerate([220, 222, 224, 226], 1):
        b.P("t", "tc-1-%d" % i, "tc-1", ln)
    for g, ln in [(2, 228), (3, 230), (4, 232), (5, 234)]:
        b.P("t", "tc-%d" % g, "tc", ln)

    # agencies
    b.A("ubnd-tinh", "Ủy ban nhân dân tỉnh Bến Tre", "peoples_committee", short="UBND tỉnh")
    b.A("so-khcn", "Sở Khoa học và Công nghệ", "department", "ubnd-tinh", "Sở KH&CN")
    b.A("so-tc", "Sở Tài chính", "department", "ubnd-tinh")
    b.A("so-khdt", "Sở Kế hoạch và Đầu tư", "department", "ubnd-tinh")
    b.A("ban-tdkt", "Ban Thi đua - Khen thưởng tỉnh", "department", "ubnd-tinh")
    b.A("so-ban-nganh", "Các sở, ban, ngành tỉnh", "department", "ubnd-tinh")
    b.A("ubnd-huyen", "UBND các huyện, thành phố", "district", "ubnd-tinh")
    b.A("co-quan-don-vi", "Các cơ quan, đơn vị", "other")
    b.A("co-quan-lien-quan", "Các cơ quan liên quan", "other")
    b.A("to-chuc-ca-nhan", "Các tổ chức và cá nhân tham gia hoạt động sản xuất, kinh doanh", "enterprise")
    b.A("cap-co-tham-quyen", "Cấp có thẩm quyền", "other")

    # indicators and targets
    E = "every"
    b.I("nhiem-vu-khcn-nam", "Số nhiệm vụ KH&CN tổ chức thực hiện hàng năm", "S&T tasks carried out per year",
        "nhiệm vụ", "count", "flow", links=["mt-ct-1"],
        targets=[T(E, "at_least", 50, "Hàng năm, phấn đấu tổ chức thực hiện ít nhất 50 nhiệm vụ KH&CN để chuyển giao ứng dụng các tiến bộ khoa học kỹ thuật tiên tiến vào sản xuất, kinh doanh và phục vụ đời sống nhân dân")])
    b.I("tfp-dong-gop", "Tỷ trọng đóng góp của KH&CN thông qua TFP vào tăng trưởng kinh tế",
        "Contribution of S&T (TFP) to economic growth", "%", "percent", limit=100, links=["mt-ct-1"],
        targets=[T(2030, "approx", 45, "Đến năm 2030, tỷ trọng đóng góp của KH&CN thông qua TFP khoảng 45% vào tăng trưởng kinh tế")])
    b.I("tang-nang-suat-lao-dong", "Tốc độ tăng năng suất lao động bình quân", "Average labour productivity growth",
        "%/năm", "rate", "flow", links=["mt-ct-1"],
        description="Chỉ số tốc độ (measure rate): giá trị là tỷ lệ/năm, 7,5 %/năm = 0.075.",
        targets=[T(2030, "growth", 0.075, "tốc độ tăng năng suất lao động bình quân đạt 7,5%/năm")])
    b.I("toc-do-doi-moi-cong-nghe", "Tốc độ đổi mới công nghệ, thiết bị", "Rate of technology and equipment renewal",
        "%", "percent", limit=100, links=["mt-ct-1"],
        targets=[T(2030, "at_least", 30, "Tốc độ đổi mới công nghệ, thiết bị đạt 30%")])
    b.I("ty-trong-cong-nghe-cao", "Giá trị sản phẩm công nghệ cao và ứng dụng công nghệ cao trong tổng giá trị sản xuất công nghiệp",
        "High-tech products in industrial output value", "%", "percent", limit=100, links=["mt-ct-1"],
        targets=[T(2030, "at_least", 40, "Giá trị sản phẩm công nghệ cao và ứng dụng công nghệ cao trong tổng giá trị sản xuất công nghiệp đạt 40%")])
    b.I("gia-tri-sp-dv-khcn", "Giá trị sản phẩm và dịch vụ KH&CN trên thị trường", "Market value of S&T products and services",
        None, "money", "flow", links=["mt-ct-1"],
        targets=[T(2030, "growth", 0.22, "Giá trị sản phẩm và dịch vụ KH&CN trên thị trường tăng bình quân 22%/năm và chiếm tỷ trọng 10% GRDP")])
    b.I("ty-trong-sp-dv-khcn-grdp", "Tỷ trọng giá trị sản phẩm và dịch vụ KH&CN trong GRDP", "S&T products and services, share of GRDP",
        "% GRDP", "percent", limit=100, links=["mt-ct-1"],
        targets=[T(2030, "at_least", 10, "Giá trị sản phẩm và dịch vụ KH&CN trên thị trường tăng bình quân 22%/năm và chiếm tỷ trọng 10% GRDP")])
    b.I("ky-thuat-vien-dao-tao", "Số kỹ thuật viên cơ sở được đào tạo hàng năm", "Grassroots technicians trained per year",
        "kỹ thuật viên", "count", "flow", links=["mt-ct-2"],
        targets=[T(E, "approx", 200, "hàng năm tổ chức đào tạo cho khoảng 200 kỹ thuật viên cơ sở")])
    b.I("ty-le-san-pham-bao-ho-sttt", "Tỷ lệ sản phẩm dịch vụ chủ lực, đặc thù cấp tỉnh và sản phẩm OCOP được hỗ trợ đăng ký bảo hộ, quản lý và phát triển tài sản trí tuệ",
        "Key, specialty and OCOP products supported in IP protection", "%", "percent", limit=100, links=["mt-ct-3"],
        targets=[T(2030, "at_least", 60, "Phấn đấu đến năm 2030, có 60% sản phẩm dịch vụ chủ lực, đặc thù cấp tỉnh và sản phẩm gắn với Chương trình OCOP tỉnh Bến Tre được hỗ trợ đăng ký bảo hộ, quản lý và phát triển tài sản trí tuệ, kiểm soát nguồn gốc và chất lượng sau khi được bảo hộ")])
    b.I("luot-dn-hoi-cho-khcn", "Số lượt doanh nghiệp được hỗ trợ tham gia hội nghị, hội thảo, hội chợ triển lãm thành tựu về KH&CN",
        "Enterprise participations in S&T conferences and fairs (supported)", "lượt doanh nghiệp", "count", "flow",
        links=["mt-ct-3"],
        targets=[T(2030, "range", 20, "hỗ trợ 20-30 lượt doanh nghiệp tham gia hội nghị, hội thảo, hội chợ triển lãm thành tựu về KH&CN, trưng bày giới thiệu các sản phẩm OCOP", hi=30, cumulative=True)])
    b.I("dn-khcn-dmst", "Số doanh nghiệp KHCN và ĐMST", "S&T and innovation enterprises", "doanh nghiệp", "count",
        links=["mt-ct-4"],
        targets=[T(2030, "multiple", 2, "Phấn đấu đến năm 2030, hình thành và phát triển doanh nghiệp KHCN và ĐMST tăng hai lần so với năm 2020", base_year=2020)])
    b.I("du-an-khoi-nghiep-dmst", "Số dự án khởi nghiệp ĐMST có sản phẩm kinh doanh được hỗ trợ",
        "Innovative start-up projects with marketed products (supported)", "dự án", "count", "flow", links=["mt-ct-4"],
        targets=[T(2030, "at_least", 20, "hỗ trợ 20 dự án khởi nghiệp ĐMST có sản phẩm kinh doanh", cumulative=True)])
    b.I("san-pham-dmst-cuoc-thi", "Số sản phẩm ĐMST triển khai ứng dụng hiệu quả được công bố thông qua cuộc thi ĐMST trong doanh nghiệp",
        "Innovation products announced through the enterprise innovation contest", "sản phẩm", "count", "flow", links=["mt-ct-4"],
        targets=[T(2030, "at_least", 100, "100 sản phẩm ĐMST triển khai ứng dụng hiệu quả được công bố thông qua cuộc thi ĐMST trong doanh nghiệp", cumulative=True)])
    b.I("y-tuong-hoi-thi-khoi-nghiep", "Số ý tưởng, dự án tham gia Hội thi khởi nghiệp ĐMST đến từ các trường",
        "Ideas and projects entered in the start-up contest from schools", "ý tưởng, dự án", "count", "flow", links=["mt-ct-4"],
        targets=[T(2030, "at_least", 50, "thu hút 50 ý tưởng, dự án tham gia Hội thi khởi nghiệp ĐMST đến từ các trường đại học, cao đẳng và phổ thông trung học trên địa bàn tỉnh", cumulative=True)])
    b.I("dn-he-thong-quan-ly", "Số doanh nghiệp được hỗ trợ xây dựng, áp dụng hệ thống quản lý tiên tiến",
        "Enterprises supported to apply advanced management systems", "doanh nghiệp", "count", "flow", links=["mt-ct-5"],
        targets=[T(2030, "at_least", 100, "Phấn đấu đến năm 2030, có 100 doanh nghiệp được hỗ trợ xây dựng, áp dụng hệ thống quản lý tiên tiến", cumulative=True)])
    b.I("dn-cong-cu-nang-suat", "Số doanh nghiệp được hỗ trợ xây dựng, áp dụng công cụ cải tiến năng suất chất lượng",
        "Enterprises supported to apply productivity and quality tools", "doanh nghiệp", "count", "flow", links=["mt-ct-5"],
        targets=[T(2030, "at_least", 50, "50 doanh nghiệp được hỗ trợ xây dựng, áp dụng công cụ cải tiến năng suất chất lượng", cumulative=True)])
    b.I("dn-tieu-chuan-quy-chuan", "Số doanh nghiệp được hỗ trợ áp dụng các giải pháp về tiêu chuẩn, quy chuẩn kỹ thuật",
        "Enterprises supported to apply standards and technical regulations", "doanh nghiệp", "count", "flow", links=["mt-ct-5"],
        targets=[T(2030, "at_least", 20, "20 doanh nghiệp được hỗ trợ áp dụng các giải pháp về tiêu chuẩn, quy chuẩn kỹ thuật", cumulative=True)])
    b.I("san-pham-ma-so-truy-xuat", "Số sản phẩm hàng hóa được hỗ trợ áp dụng mã số, mã vạch, truy xuất nguồn gốc sản phẩm",
        "Products supported with barcodes and traceability", "sản phẩm hàng hóa", "count", "flow", links=["mt-ct-5"],
        targets=[T(2030, "at_least", 25, "25 sản phẩm hàng hóa được hỗ trợ áp dụng mã số, mã vạch, truy xuất nguồn gốc sản phẩm", cumulative=True)])
    b.I("doi-ngu-tri-thuc", "Đội ngũ trí thức của tỉnh", "Intellectuals in the province", "người", "count",
        links=["mt-ct-6"],
        targets=[T(2030, "at_least", 39000, "Phấn đấu đến năm 2030, phát triển đội ngũ trí thức của tỉnh đạt trên 39.000 người")])
    b.I("nguoi-lam-khcn-van-dan", "Số người làm công tác KH&CN trên 1 vạn dân", "S&T workers per 10,000 people",
        "người/1 vạn dân", "ratio", links=["mt-ct-6"],
        targets=[T(2030, "at_least", 15, "số người làm công tác KH&CN đạt 15 người trên 1 vạn dân")])
    b.I("dien-tich-tom-bien-cnc", "Diện tích nuôi tôm biển ứng dụng công nghệ cao", "High-tech marine shrimp farming area",
        "ha", "count", links=["nv-2-2"],
        description="Chỉ tiêu của Kế hoạch số 3004/KH-UBND mà Kế hoạch này giao thực hiện có hiệu quả.",
        targets=[T(2025, "at_least", 4000, "Thực hiện có hiệu quả Kế hoạch số 3004/KH-UBND ngày 01/6/2021 của UBND tỉnh về phát triển 4.000 ha nuôi tôm biển ứng dụng công nghệ cao tỉnh Bến Tre đến năm 2025")])
    b.I("nhiem-vu-khcn-du-lich", "Số nhiệm vụ KH&CN phục vụ phát triển du lịch", "S&T tasks serving tourism development",
        "nhiệm vụ", "count", "flow", links=["nv-4-3"],
        description="Năm không ghi trong văn bản: lấy năm cuối kỳ kế hoạch (2030).",
        targets=[T(2030, "at_least", 5, "Phối hợp thực hiện 05 nhiệm vụ KH&CN phục vụ phát triển du lịch", cumulative=True)])
    b.I("dn-phat-trien-moi", "Số doanh nghiệp phát triển mới", "Newly developed enterprises", "doanh nghiệp", "count",
        "flow", links=["nv-9-3"],
        description="Năm không ghi ở câu chỉ tiêu; mục 9 triển khai Kế hoạch số 8576/KH-UBND giai đoạn 2021-2025 nên lấy năm 2025 (xem docs/data.md).",
        targets=[T(2025, "at_least", 5000, "Thúc đẩy phát triển mới 5.000 doanh nghiệp", cumulative=True)])
    b.I("cong-chuc-chuyen-trach-huyen", "Số công chức chuyên trách theo dõi hoạt động KH&CN ở mỗi huyện, thành phố",
        "Dedicated S&T civil servants per district", "công chức", "count", links=["gp-2-3"],
        description="Yêu cầu thường xuyên trong kỳ kế hoạch: năm 'every'.",
        targets=[T(E, "at_least", 1, "Mỗi huyện, thành phố bố trí ít nhất một công chức chuyên trách theo dõi, tổ chức và phối hợp thực hiện các hoạt động KH&CN")])
    # tracked (no targets)
    b.I(PII_SCORE[0], *PII_SCORE[1:], limit=100, description=TRACKED)
    b.I(PII_RANK[0], *PII_RANK[1:], direction=-1, description=TRACKED + " Thứ hạng: càng nhỏ càng tốt.")
    b.I("tang-truong-grdp", "Tốc độ tăng trưởng GRDP", "GRDP growth", "%/năm", "rate", "flow",
        description=TRACKED + " Bối cảnh (mẫu số của tỷ trọng TFP); giá trị là tỷ lệ/năm.")
    # observations
    b.O("pii-diem", 2023, 37.65, URL_BT_PII)
    b.O("pii-xep-hang", 2023, 28, URL_BT_PII)
    b.O("nhiem-vu-khcn-nam", 2021, 63, "http://dost-bentre.gov.vn/tin-tuc/2649/nhung-ket-qua-dat-duoc-trong-nam-2021-cua-so-khoa-hoc-va-cong-nghe", reporter="so-khcn")
    b.O("dn-khcn-dmst", 2021, 8, "https://baodongkhoi.vn/day-nhanh-tien-do-cac-nhiem-vu-khoa-hoc-cong-nghe-14122021-a94551.html")
    b.O("tfp-dong-gop", 2023, 47, "https://vietnam.vn/bentre/khoa-hoc-cong-nghe-thuc-day-phat-trien-kinh-te-xa-hoi-tinh-ben-tre")
    b.O("tang-nang-suat-lao-dong", 2020, 10.9, "https://baodautu.vn/khai-mac-dai-hoi-dang-ben-tre-lan-thu-xi-nhiem-ky-2020---2025-d131417.html", scale=0.01)
    b.O("dn-phat-trien-moi", 2023, 593, "https://congthuongbentre.gov.vn/hop-bao-cong-bo-so-lieu-thong-ke-kinh-te-xa-hoi-nam-2023-cua-tinh-ben-tre.html")
    b.O("tang-truong-grdp", 2023, 5.16, "https://congthuongbentre.gov.vn/hop-bao-cong-bo-so-lieu-thong-ke-kinh-te-xa-hoi-nam-2023-cua-tinh-ben-tre.html", scale=0.01)
    b.O("tang-truong-grdp", 2022, 7.33, "https://voh.com.vn/thoi-su/ben-tre-chi-so-cai-cach-hanh-chinh-tang-7-bac-466815.html", scale=0.01)
    b.O("tang-truong-grdp", 2024, 5.68, "https://vietnam.vn/en/thong-doc-cung-doan-cong-tac-cua-chinh-phu-lam-viec-tai-ben-tre", scale=0.01)

    # responsibilities
    R = b.R
    s = "Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thành phố theo chức năng, nhiệm vụ, xây dựng kế hoạch và tăng cường trách nhiệm trong việc xây dựng đội ngũ cán bộ KHCN&ĐMST; Đồng thời, phối hợp triển khai thực hiện hiệu quả các hoạt động chuyển giao ứng dụng, đưa nhanh các tiến bộ KH&CN phục vụ sản xuất, đời sống và thực hiện nhiệm vụ đảm bảo an ninh, quốc phòng."
    b.RR("gp-1-1", ["so-ban-nganh", "ubnd-huyen"], "cooperate", s)
    R("gp-1-2", "co-quan-don-vi", "lead", "Trong hoạt động lãnh đạo, chỉ đạo các cơ quan, đơn vị chú trọng ứng dụng KHCN&ĐMST, đưa KH&CN vào các chính sách, chương trình phát triển kinh tế - xã hội và tổ chức thẩm định công nghệ của các dự án đầu tư thuộc phạm vi quản lý")
    R("gp-1-3", "to-chuc-ca-nhan", "lead", "Các tổ chức và cá nhân tham gia hoạt động sản xuất, kinh doanh chú trọng áp dụng KHCN&ĐMST")
    R("gp-2-2", "so-khcn", "focal", b.node("gp-2-2")["text"])
    R("gp-2-3", "ubnd-huyen", "cooperate", "Mỗi huyện, thành phố bố trí ít nhất một công chức chuyên trách theo dõi, tổ chức và phối hợp thực hiện các hoạt động KH&CN")
    R("gp-2-3", "so-ban-nganh", "cooperate", "Các sở, ban, ngành tỉnh quyết định phân công lãnh đạo phụ trách hoạt động KH&CN của ngành.")
    s = "Hàng năm, các cơ quan, đơn vị lập dự toán kinh phí gửi Sở Tài chính thẩm tra, trình cấp có thẩm quyền xem xét, quyết định theo đúng quy định."
    R(None, "co-quan-don-vi", "report", s, to="so-tc", every="yearly")
    R(None, "so-tc", "advise", s)
    s = "Xây dựng kế hoạch thực hiện hàng năm và chủ trì, phối hợp với các cơ quan liên quan tổ chức triển khai có hiệu quả các nhiệm vụ."
    R(None, "so-khcn", "lead", s)
    R(None, "co-quan-lien-quan", "cooperate", s)
    R(None, "so-khcn", "report", "Thường xuyên giám sát, đôn đốc, kiểm tra, thanh tra và định kỳ báo cáo UBND tỉnh kết quả việc thực hiện.", to="ubnd-tinh")
    s = "Trên cơ sở Kế hoạch được phê duyệt, cùng với thời điểm xây dựng dự toán ngân sách nhà nước hàng năm, Sở Khoa học và Công nghệ có trách nhiệm tổng hợp dự toán kinh phí thực hiện gửi Sở Tài chính và Sở Kế hoạch và Đầu tư để tổng hợp và cân đối bố trí nguồn ngân sách."
    R("tc-1-2", "so-khcn", "lead", s)
    R("tc-1-2", "so-khcn", "report", s, to="so-tc", every="yearly")
    R("tc-1-2", "so-khcn", "report", s, to="so-khdt", every="yearly")
    R("tc-1-3", "so-khcn", "lead", "Hướng dẫn các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố đề xuất đặt hàng và xây dựng các nhiệm vụ nghiên cứu, ứng dụng KH&CN")
    s = "Chủ trì, phối hợp với Ban Thi đua - Khen thưởng tỉnh đề xuất, tham mưu UBND tỉnh khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc trong việc triển khai thực hiện Kế hoạch này (khi tổ chức sơ tổng kết)."
    R("tc-1-4", "so-khcn", "lead", s)
    R("tc-1-4", "ban-tdkt", "cooperate", s)
    R("tc-1-4", "so-khcn", "advise", s)
    s = "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính, Sơ Khoa học và Công nghệ, các sở, ngành có liên quan tổng hợp, báo cáo cấp có thẩm quyền giao kế hoạch đầu tư công trung hạn và hằng năm để thực hiện theo quy định."
    R("tc-2", "so-khdt", "lead", s)
    b.RR("tc-2", ["so-tc", "so-khcn", "so-ban-nganh"], "cooperate", s)
    R("tc-2", "so-khdt", "report", s, to="cap-co-tham-quyen")
    s = "Sở Tài chính phối hợp với Sở Khoa học và Công nghệ và các cơ quan liên quan tham mưu cấp có thẩm quyền bố trí kinh phí để triển khai thực hiện nhiệm vụ theo quy định của Luật Ngân sách nhà nước."
    R("tc-3", "so-tc", "cooperate", s)
    R("tc-3", "so-tc", "advise", s)
    R("tc-4", "so-ban-nganh", "lead", "Các sở, ban, ngành tỉnh chủ động đề xuất đặt hàng các nhiệm vụ nghiên cứu, ứng dụng KH&CN; tiếp nhận, sử dụng kết quả nghiên cứu, chuyển giao ứng dụng KH&CN theo quy định.")
    R("tc-5", "ubnd-huyen", "lead", "UBND các huyện, thành phố chủ động xây dựng kế hoạch ứng dụng KH&CN ở địa phương phù hợp với mục tiêu, nhiệm vụ phát triển KH&CN chung của tỉnh và phục vụ thiết thực yêu cầu của địa phương.")
    s = "Quá trình thực hiện nếu có phát sinh vấn đề khó khăn, vướng mắc, kịp thời báo cáo UBND tỉnh (thông qua Sở KH&CN) để xem xét bổ sung, sửa đổi cho phù hợp với tình hình thực tế."
    b.RR(None, ["so-ban-nganh", "ubnd-huyen"], "report", s, to="so-khcn")
    R(None, "so-khcn", "focal", s)
    R(None, "co-quan-don-vi", "cooperate", "UBND tỉnh yêu cầu Lãnh đạo các ngành, đơn vị quan tâm triển khai thực hiện đạt kết quả")


# ---------------------------------------------------------------- Hưng Yên
def hung_yen(b):
    p = b.plan
    p.update({
        "title": b.line(8).lstrip("*") + " " + b.line(9).rstrip("*"),
        "issuer": "Ủy ban nhân dân tỉnh Hưng Yên", "number": "/KH-UBND", "date": "2023-06",
        "province": "Hưng Yên", "signer": b.line(253),
        "signer_title": " ".join(b.line(n).strip("*") for n in (249, 250, 251)),
        "start": 2023, "end": 2025,
        "budget_sources": [b.q(s) for s in ["ngân sách nhà nước", "vốn của các tổ chức, doanh nghiệp",
                                             "tài trợ của các tổ chức, cá nhân trong nước và nước ngoài",
                                             "nguồn kinh phí hợp pháp khác theo quy định của pháp luật"]],
        "legal_bases": [
            LB("qd-2667-2022", "2667/QĐ-BKHCN", "decision", "2022-12-28", "Bộ trưởng Bộ Khoa học và Công nghệ",
               b.q("phê duyệt phương hướng, mục tiêu, nhiệm vụ khoa học, công nghệ và đổi mới sáng tạo đến năm 2025")),
            LB("nq-dh-xix", None, "resolution", None, "Đại hội đại biểu Đảng bộ tỉnh Hưng Yên lần thứ XIX",
               b.q("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XIX")),
            LB("kh-196-2022", "196/KH-UBND", "plan", "2022-12-05", "Ủy ban nhân dân tỉnh Hưng Yên", None),
            LB("qd-1221-2021", "1221/QĐ-UBND", "decision", "2021-05-26", "Ủy ban nhân dân tỉnh Hưng Yên",
               b.q("phát triển tài sản trí tuệ tỉnh Hưng Yên")),
            LB("qd-1121-2022", "1121/QĐ-UBND", "decision", "2022-05-26", "UBND tỉnh Hưng Yên",
               b.q("Phát triển tài sản trí tuệ tỉnh Hưng Yên")),
            LB("qd-2209-2021", "2209/QĐ-UBND", "decision", "2021-09-22", "UBND tỉnh Hưng Yên",
               b.q("Phát triển thị trường KH&CN tỉnh Hưng Yên")),
            LB("qd-1130-2022", "1130/QĐ-UBND", "decision", "2022-05-25", "UBND tỉnh Hưng Yên",
               b.q("Phát triển doanh nghiệp KH&CN")),
            LB("kh-142-2021", "142/KH-UBND", "plan", "2021-09-16", "UBND tỉnh Hưng Yên",
               b.q("hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Hưng Yên giai đoạn 2021-2025")),
            LB("kh-101-2021", "101/KH-UBND", "plan", "2021-06-30", "UBND tỉnh Hưng Yên",
               b.q("Hỗ trợ tổ chức, doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030 trên địa bàn tỉnh Hưng Yên")),
            LB("kh-197-2022", "197/KH-UBND", "plan", "2022-12-05", "Ủy ban nhân dân tỉnh Hưng Yên",
               b.q("triển khai áp dụng và quản lý hệ thống truy xuất nguồn gốc trên địa bàn tỉnh Hưng Yên giai đoạn 2022 - 2030")),
            LB("nq-52-2019", "52-NQ/TW", "resolution", "2019-09-27", "Bộ Chính trị",
               b.q("về một số chủ trương, chính sách chủ động tham gia cuộc cách mạng công nghiệp lần thứ tư")),
            LB("qd-844-2016", "844/QĐ-TTg", "decision", "2016-05-18", "Thủ tướng Chính phủ",
               b.q("Hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo quốc gia đến năm 2025")),
            LB("nq-295-2020", "295/2020/NQ-HĐND", "resolution", "2020-07-10", "HĐND tỉnh Hưng Yên", None),
            LB("da-do-luong", None, "programme", None, None,
               b.q("Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp việt nam nâng cao năng lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025, định hướng đến năm 2030")),
        ],
    })
    b.H("o", "mt-tq", None, 15, text=17)
    b.H("o", "mt-ct", "mt-tq", 19)
    for nid, ln in [("mt-ct-a", 21), ("mt-ct-b", 23), ("mt-ct-c", [25, 27]), ("mt-ct-dd", 29)]:
        b.P("o", nid, "mt-ct", ln)
    b.H("t", "nv", None, 31)
    groups = {1: (33, [35, 37, 39]), 2: (41, [43, 45, 47, 49, 51]), 3: (53, [55, 57, 59]), 4: (61, [63, 65, 67]),
              5: (69, [71, 73, 75, 77]), 6: (79, [81, 83, 85, 87, 89]), 7: (91, [[93, 95], 99]),
              8: (101, [103, 105, 107, 109]), 9: (111, [117, 119, 121, 123, 125])}
    for g, (h, paras) in groups.items():
        b.H("t", "nv-%d" % g, "nv", h, text=[113, 115] if g == 9 else None)
        for i, ln in enumerate(paras, 1):
            b.P("t", "nv-%d-%d" % (g, i), "nv-%d" % g, ln)
    b.P("t", "nv-7-1-1", "nv-7-1", 97)
    b.P("t", "nv-7-1-2", "nv-7-1", 98)
    b.H("t", "gp", None, 127)
    groups = {1: (129, [131, 133, 135]), 2: (137, [139, 141, 143, 145, 147, 149, 151]), 3: (153, [155, 157, 159]),
              4: (161, [163, 165, 167, 169]), 5: (171, [173, 175, 177, [179, 181]]),
              6: (183, [185, 187, 189, 191, 193, 195]), 7: (197, [199, 201, 203])}
    for g, (h, paras) in groups.items():
        b.H("t", "gp-%d" % g, "gp", h)
        for i, ln in enumerate(paras, 1):
            b.P("t", "gp-%d-%d" % (g, i), "gp-%d" % g, ln)
    b.H("t", "tc", None, 211)
    b.H("t", "tc-1", "tc", 213)
    for i, ln in enumerate([215, 217, 219, 221, 223, 225], 1):
        b.P("t", "tc-1-%d" % i, "tc-1", ln)
    for g, ln in [(2, 227), (3, 229), (4, 231), (5, 233), (6, 235)]:
        b.P("t", "tc-%d" % g, "tc", ln)

    b.A("ubnd-tinh", "Ủy ban nhân dân tỉnh Hưng Yên", "peoples_committee", short="UBND tỉnh")
    b.A("so-khcn", "Sở Khoa học và Công nghệ", "department", "ubnd-tinh", "Sở KH&CN")
    b.A("tt-thong-tin-khcn", "Trung tâm Thông tin, thống kê, ứng dụng KH&CN", "division", "so-khcn")
    b.A("so-tc", "Sở Tài chính", "department", "ubnd-tinh")
    b.A("so-khdt", "Sở Kế hoạch và Đầu tư", "department", "ubnd-tinh")
    b.A("so-nv", "Sở Nội vụ", "department", "ubnd-tinh")
    b.A("so-ban-nganh", "Các sở, ban, ngành tỉnh", "department", "ubnd-tinh")
    b.A("ubnd-huyen", "Ủy ban nhân dân huyện, thị xã, thành phố", "district", "ubnd-tinh")
    b.A("co-quan-don-vi", "Các cơ quan, đơn vị", "other")
    b.A("co-quan-lien-quan", "Các cơ quan liên quan", "other")
    b.A("to-chuc-ca-nhan", "Các tổ chức và cá nhân tham gia hoạt động sản xuất, kinh doanh", "enterprise")
    b.A("to-chuc-khoa-hoc", "Các tổ chức khoa học", "institute")
    b.A("cap-co-tham-quyen", "Cấp có thẩm quyền", "other")

    b.I("dau-tu-khcn-grdp", "Đầu tư cho KH&CN", "S&T investment, share of GRDP", "% GRDP", "percent", limit=100,
        links=["mt-ct-b"],
        targets=[T(2025, "range", 1.2, "phấn đấu đến năm 2025, đầu tư cho KH&CN đạt 1,2%-1,5% GRDP", hi=1.5)])
    b.I("dong-gop-xa-hoi-nckh", "Đóng góp của xã hội cho nghiên cứu khoa học, phát triển công nghệ",
        "Non-state share of R&D funding", "%", "percent", limit=100, links=["mt-ct-b"],
        targets=[T(2025, "range", 60, "trong đó đóng góp của xã hội cho nghiên cứu khoa học, phát triển công nghệ chiếm 60%-65%", hi=65)])
    b.I("nhan-luc-nc-van-dan", "Nhân lực nghiên cứu khoa học và phát triển công nghệ (quy đổi toàn thời gian) trên một vạn dân",
        "R&D personnel (full-time equivalent) per 10,000 people", "người/một vạn dân", "ratio", links=["mt-ct-dd"],
        targets=[T(2025, "at_least", 10, "Đến năm 2025, nhân lực nghiên cứu khoa học và phát triển công nghệ trong khu vực nhà nước và ngoài khu vực nhà nước (quy đổi toàn thời gian) đạt 10 người/một vạn dân")])
    b.I("nhiem-vu-khcn-du-lich", "Số nhiệm vụ KH&CN phục vụ phát triển du lịch", "S&T tasks serving tourism development",
        "nhiệm vụ", "count", "flow", links=["nv-4-3"],
        targets=[T(2025, "range", 2, "phấn đấu trong giai đoạn 2023-2025 xây dựng và triển khai thực hiện 2-3 nhiệm vụ KH&CN phục vụ phát triển du lịch", hi=3, cumulative=True)])
    b.I("cong-chuc-chuyen-trach-huyen", "Số công chức chuyên trách theo dõi hoạt động KH&CN ở mỗi huyện, thị xã, thành phố",
        "Dedicated S&T civil servants per district", "công chức", "count", links=["gp-2-3"],
        description="Yêu cầu thường xuyên trong kỳ kế hoạch: năm 'every'.",
        targets=[T("every", "at_least", 1, "Mỗi huyện, thị xã, thành phố bố trí ít nhất một công chức chuyên trách theo dõi, tổ chức và phối hợp thực hiện các hoạt động KH&CN")])
    b.I("nhiem-vu-khcn-cap-tinh", "Số nhiệm vụ KH&CN cấp tỉnh được tuyển chọn, triển khai (lũy kế)",
        "Provincial S&T tasks selected and implemented (cumulative)", "nhiệm vụ", "count", description=TRACKED)
    b.I("kinh-phi-nhiem-vu-khcn", "Kinh phí ngân sách tỉnh bố trí cho nhiệm vụ KH&CN (kế hoạch)",
        "Provincial budget planned for S&T tasks", "tỷ đồng", "money", "flow", description=TRACKED)
    b.O("nhiem-vu-khcn-cap-tinh", 2023, 77, "https://vccinews.com/prode/49564/sci-tech-drives-rapid-and-sustainable-socio-economic-development.html", reporter="so-khcn")
    b.O("kinh-phi-nhiem-vu-khcn", 2018, 13, "http://baohungyen.vn/khoa-hoc-cong-nghe/201803/hung-yen-ho-tro-nghien-cuu-trien-khai-cac-de-tai-du-an-nhiem-vu-khoa-hoc-va-cong-nghe-783527/")

    R = b.R
    s = "Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các huyện, thị xã, thành phố theo chức năng, nhiệm vụ, xây dựng kế hoạch và tăng cường trách nhiệm trong việc xây dựng đội ngũ cán bộ khoa học công nghệ và chỉ đạo triển khai thực hiện các hoạt động chuyển giao ứng dụng"
    b.RR("gp-1-1", ["so-ban-nganh", "ubnd-huyen"], "cooperate", s)
    R("gp-1-2", "co-quan-don-vi", "lead", "Trong hoạt động lãnh đạo, chỉ đạo các cơ quan, đơn vị chú trọng ứng dụng KH&CN, đưa khoa học, công nghệ vào các chính sách, chương trình phát triển kinh tế - xã hội và tổ chức thẩm định công nghệ của các dự án đầu tư thuộc phạm vi quản lý")
    R("gp-1-3", "to-chuc-ca-nhan", "lead", "Các tổ chức và cá nhân tham gia hoạt động sản xuất, kinh doanh chú trọng áp dụng KH&CN")
    R("gp-2-2", "so-khcn", "focal", b.node("gp-2-2")["text"])
    R("gp-2-3", "ubnd-huyen", "cooperate", "Mỗi huyện, thị xã, thành phố bố trí ít nhất một công chức chuyên trách theo dõi, tổ chức và phối hợp thực hiện các hoạt động KH&CN.")
    R("gp-2-3", "so-ban-nganh", "cooperate", "Các sở, ban, ngành quyết định phân công lãnh đạo phụ trách hoạt động KH&CN của ngành.")
    b.RR("nv-4-3", ["to-chuc-khoa-hoc", "co-quan-lien-quan"], "cooperate", "Phối hợp với các tổ chức khoa học và cơ quan liên quan phấn đấu trong giai đoạn 2023-2025 xây dựng và triển khai thực hiện 2-3 nhiệm vụ KH&CN phục vụ phát triển du lịch.")
    R("nv-8-3", "co-quan-don-vi", "lead", "Tùy theo tính cấp bách cần thiết và khả năng cân đối ngân sách tỉnh, các cơ quan, đơn vị lập kế hoạch đầu tư xây dựng các công trình, dự án để phát triển KH&CN gửi các cơ quan chuyên môn thẩm định, trình cấp có thẩm quyền phê duyệt theo quy định.")
    s = "Xây dựng kế hoạch thực hiện hàng năm và chủ trì, phối hợp với các cơ quan liên quan tổ chức triển khai thực hiện có hiệu quả các nhiệm vụ."
    R(None, "so-khcn", "lead", s)
    R(None, "co-quan-lien-quan", "cooperate", s)
    s = "Trên cơ sở Kế hoạch được phê duyệt, cùng với thời điểm xây dựng dự toán ngân sách nhà nước hàng năm, Sở Khoa học và Công nghệ có trách nhiệm tổng hợp dự toán kinh phí thực hiện gửi Sở Tài chính và Sở Kế hoạch và Đầu tư."
    R("tc-1-2", "so-khcn", "lead", s)
    R("tc-1-2", "so-khcn", "report", s, to="so-tc", every="yearly")
    R("tc-1-2", "so-khcn", "report", s, to="so-khdt", every="yearly")
    R("tc-1-3", "so-khcn", "lead", "Hướng dẫn các sở, ban, ngành, Ủy ban nhân dân huyện, thị xã, thành phố đề xuất đặt hàng và xây dựng các nhiệm vụ nghiên cứu, ứng dụng KH&CN")
    R("tc-1-4", "so-khcn", "advise", "Tham mưu UBND tỉnh ban hành các cơ chế, chính sách, biện pháp thúc đẩy hoạt động nghiên cứu KH&CN, phát triển tiềm lực KH&CN trên địa bàn tỉnh đạt mục tiêu, yêu cầu đề ra.")
    R("tc-1-4", "so-khcn", "report", "Thường xuyên giám sát, đôn đốc, kiểm tra, thanh tra và định kỳ báo cáo UBND tỉnh kết quả việc thực hiện.", to="ubnd-tinh")
    s = "Chủ trì, phối hợp với Sở Nội vụ đề xuất, tham mưu UBND tỉnh khen thưởng cho các tập thể, cá nhân có thành tích xuất sắc trong việc triển khai thực hiện Kế hoạch phát triển khoa học, công nghệ và đổi mới sáng tạo tỉnh Hưng Yên giai đoạn 2023 - 2025 khi tổng kết."
    R("tc-1-5", "so-khcn", "lead", s)
    R("tc-1-5", "so-nv", "cooperate", s)
    R("tc-1-5", "so-khcn", "advise", s)
    s = "Theo dõi, tổng hợp tình hình thực hiện và tham mưu công tác sơ kết, tổng kết Kế hoạch, báo cáo UBND tỉnh."
    R("tc-1-6", "so-khcn", "lead", s)
    R("tc-1-6", "so-khcn", "advise", s)
    R("tc-1-6", "so-khcn", "report", s, to="ubnd-tinh")
    s = "Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính, Sở Khoa học và Công nghệ, các sở, ngành có liên quan tổng hợp, báo cáo cấp có thẩm quyền giao kế hoạch đầu tư công trung hạn và hàng năm để thực hiện theo quy định."
    R("tc-2", "so-khdt", "lead", s)
    b.RR("tc-2", ["so-tc", "so-khcn", "so-ban-nganh"], "cooperate", s)
    R("tc-2", "so-khdt", "report", s, to="cap-co-tham-quyen")
    s = "Sở Tài chính phối hợp với Sở Khoa học và Công nghệ và các cơ quan liên quan tham mưu cấp có thẩm quyền bố trí kinh phí để triển khai thực hiện theo quy định của Luật Ngân sách nhà nước."
    R("tc-3", "so-tc", "cooperate", s)
    R("tc-3", "so-tc", "advise", s)
    s = "Sở Nội vụ chủ trì, phối hợp với Sở Khoa học và Công nghệ và các sở, ngành liên quan xây dựng các chính sách, chế độ đối với cán bộ khoa học và công nghệ"
    R("tc-4", "so-nv", "lead", s)
    b.RR("tc-4", ["so-khcn", "so-ban-nganh"], "cooperate", s)
    R("tc-5", "so-ban-nganh", "lead", "Các sở, ban, ngành chủ động, tích cực đề xuất đặt hàng các nhiệm vụ nghiên cứu, ứng dụng KH&CN cấp tỉnh và tiếp nhận, sử dụng kết quả nghiên cứu, chuyển giao ứng dụng KH&CN theo quy định.")
    R("tc-6", "ubnd-huyen", "lead", "Ủy ban nhân dân huyện, thị xã, thành phố chủ động xây dựng kế hoạch ứng dụng KH&CN ở địa phương phù hợp với mục tiêu, nhiệm vụ phát triển KH&CN chung của tỉnh và phục vụ thiết thực yêu cầu của địa phương.")
    s = "Các sở, ban, ngành tỉnh; Ủy ban nhân dân huyện, thị xã, thành phố tổ chức triển khai thực hiện có hiệu quả Kế hoạch này, định kỳ hàng năm báo cáo kết quả thực hiện gửi Sở Khoa học và Công nghệ tổng hợp, báo cáo Ủy ban nhân dân tỉnh"
    b.RR(None, ["so-ban-nganh", "ubnd-huyen"], "cooperate", s)
    b.RR(None, ["so-ban-nganh", "ubnd-huyen"], "report", s, to="so-khcn", every="yearly")
    R(None, "so-khcn", "report", s, to="ubnd-tinh", every="yearly")


# ---------------------------------------------------------------- Bắc Giang
def bac_giang(b):
    p = b.plan
    p.update({
        "title": b.line(9), "issuer": "Sở Khoa học và Công nghệ tỉnh Bắc Giang", "number": "/KH-KHCN",
        "date": "2021-01", "province": "Bắc Giang", "signer": b.line(111), "signer_title": b.line(109),
        "purpose": "\n".join(b.line(n).lstrip("- ") for n in (17, 19, 21)),
        "requirements": "\n".join(b.line(n) for n in (25, 27)),
        "start": 2021, "end": 2025,
        "budget_sources": [b.q("kinh phí sự nghiệp khoa học và công nghệ"), b.q("kinh phí từ nguồn sự nghiệp kinh tế")],
        "legal_bases": [
            LB("ct-01-2021", "01/CT-UBND", "directive", "2021-01-21", "Chủ tịch UBND tỉnh Bắc Giang",
               b.q("Tăng cường hoạt động khoa học và công nghệ trên địa bàn tỉnh Bắc Giang")),
            LB("qd-2205-2020", "2205/QĐ-TTg", "decision", "2020-12-24", "Thủ tướng Chính phủ",
               b.q("phê duyệt Chương trình phát triển tài sản trí tuệ đến năm 2030")),
            LB("qd-1285-2018", "1285/QĐ-TTg", "decision", "2018-10-01", "Thủ tướng Chính phủ",
               b.q("phê duyệt đề án “Phát triển nguồn tin khoa học và công nghệ phục vụ nghiên cứu khoa học và phát triển công nghệ đến năm 2025, định hướng đến năm 2030”")),
            LB("kh-he-sinh-thai", None, "plan", None, None, b.q("Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo")),
            LB("da-thi-truong-cn", None, "programme", None, None, b.q("Đề án phát triển thị trường công nghệ đến năm 2030")),
            LB("kh-dn-khcn", None, "plan", None, None, b.q("Kế hoạch về phát triển doanh nghiệp khoa học và công nghệ tỉnh Bắc Giang")),
        ],
    })
    b.H("t", "nv", None, 29)
    groups = {1: (31, [[33, 35], 37]), 2: (39, [41, 43, 45, 47, 49, 51]), 3: (53, [[55, 57], 59, 61]),
              4: (63, [65, 67]), 5: (69, [71, [73, 75], 77, 79, 81]), 6: (83, [85]), 7: (87, [89, 91]),
              8: (93, [[95, 97]])}
    for g, (h, paras) in groups.items():
        b.H("t", "nv-%d" % g, "nv", h)
        for i, ln in enumerate(paras, 1):
            b.P("t", "nv-%d-%d" % (g, i), "nv-%d" % g, ln)
    b.H("t", "tc", None, 99, text=101)

    b.A("ubnd-tinh", "Ủy ban nhân dân tỉnh Bắc Giang", "peoples_committee", short="UBND tỉnh")
    b.A("chu-tich-ubnd", "Chủ tịch UBND tỉnh", "peoples_committee", "ubnd-tinh")
    b.A("so-khcn", "Sở Khoa học và Công nghệ tỉnh Bắc Giang", "department", "ubnd-tinh", "Sở KH&CN")
    for aid, name in [("phong-khtc", "Phòng Kế hoạch Tài chính"), ("van-phong-so", "Văn phòng Sở"),
                      ("chi-cuc-tdc", "Chi cục Tiêu chuẩn Đo lường Chất lượng"), ("thanh-tra-so", "Thanh tra Sở"),
                      ("phong-qlcn", "Phòng Quản lý Chuyên ngành"),
                      ("phong-qlcn-tt", "Phòng Quản lý Công nghệ và Thị trường công nghệ"),
                      ("tt-ung-dung", "Trung tâm Ứng dụng Khoa học và Công nghệ"),
                      ("phong-qlkh", "Phòng Quản lý Khoa học"),
                      ("phong-qlkh-cs", "Phòng Quản lý Khoa học và Công nghệ cơ sở"),
                      ("phong-don-vi", "Các phòng, đơn vị trực thuộc Sở")]:
        b.A(aid, name, "division", "so-khcn")
    next(a for a in b.agencies if a["id"] == "chi-cuc-tdc")["short_name"] = "Chi cục TĐC"
    for aid, name, kind in [("so-khdt", "Sở Kế hoạch và Đầu tư", "department"), ("so-ct", "Sở Công Thương", "department"),
                            ("bql-kcn", "Ban Quản lý các Khu công nghiệp tỉnh", "department"),
                            ("lien-minh-htx", "Liên minh các HTX tỉnh", "association"),
                            ("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "department"),
                            ("cong-an", "Công an tỉnh", "other"), ("so-nv", "Sở Nội vụ", "department"),
                            ("so-vhttdl", "Sở Văn hóa thể thao và Du lịch", "department"),
                            ("cuc-qltt", "Cục Quản lý thị trường tỉnh", "other"),
                            ("hiep-hoi-dn", "Hiệp hội doanh nghiệp tỉnh", "association"),
                            ("tinh-doan", "Tỉnh Đoàn TNCS Hồ Chí Minh", "association"),
                            ("hoi-lhpn", "Hội Liên hiệp phụ nữ tỉnh", "association"),
                            ("so-tttt", "Sở Thông tin và Truyền thông", "department"),
                            ("cuc-thong-ke", "Cục Thống kê tỉnh", "other"),
                            ("so-ban-nganh", "Các sở, ngành", "department"),
                            ("dia-phuong", "Các địa phương (huyện, thành phố)", "district")]:
        b.A(aid, name, kind, "ubnd-tinh" if kind in ("department", "district") else None)
    b.A("vien-nghien-cuu", "Các viện nghiên cứu", "institute")

    E = "every"
    b.I("chi-dau-tu-khcn", "Mức chi đầu tư cho khoa học và công nghệ", "S&T spending, share of local budget expenditure",
        "% tổng chi ngân sách địa phương", "percent", limit=100, links=["nv-1-1"],
        targets=[T(2025, "at_least", 1.5, "đảm bảo đến năm 2025, mức chi đầu tư cho khoa học và công nghệ tối thiểu đạt 1,5% tổng chi ngân sách địa phương")])
    b.I("dap-ung-nhu-cau-ho-tro-dn", "Tỷ lệ đáp ứng nhu cầu hỗ trợ của doanh nghiệp (tiêu chuẩn, mã số mã vạch, hệ thống quản lý, năng suất chất lượng)",
        "Enterprise support requests met", "%", "percent", limit=100, links=["nv-2-1"],
        targets=[T(E, "at_least", 100, "nâng cao năng suất, chất lượng sản phẩm, đáp ứng 100% nhu cầu hỗ trợ của doanh nghiệp")])
    b.I("kiem-dinh-dong-ho-nuoc", "Tỷ lệ đồng hồ đo nước tại các đơn vị kinh doanh nước sạch được kiểm định",
        "Water meters of clean-water suppliers verified", "%", "percent", limit=100, links=["nv-2-2"],
        targets=[T(E, "at_least", 100, "đảm bảo kiểm định 100% đồng hồ đo nước tại các đơn vị kinh doanh nước sạch")])
    b.I("kiem-dinh-phuong-tien-do-cong-an", "Tỷ lệ phương tiện đo dùng trong hoạt động nghiệp vụ (Công an tỉnh) được kiểm định, hiệu chuẩn",
        "Police measuring instruments verified or calibrated", "%", "percent", limit=100, links=["nv-2-2"],
        targets=[T(E, "at_least", 100, "đảm bảo kiểm định, hiệu chuẩn 100% các phương tiện đo dùng trong hoạt động nghiệp vụ")])
    b.I("chi-dan-dia-ly", "Số chỉ dẫn địa lý", "Geographical indications", "chỉ dẫn địa lý", "count", links=["nv-3-1"],
        targets=[T(2025, "at_least", 4, "Phấn đấu đến năm 2025 toàn tỉnh có ít nhất 04 chỉ dẫn địa lý")])
    b.I("nhan-hieu-chung-nhan", "Số nhãn hiệu chứng nhận", "Certification marks", "nhãn hiệu", "count", links=["nv-3-1"],
        targets=[T(2025, "at_least", 8, "Phấn đấu đến năm 2025 toàn tỉnh có ít nhất 04 chỉ dẫn địa lý; 08 nhãn hiệu chứng nhận")])
    b.I("nhan-hieu-tap-the", "Số nhãn hiệu tập thể", "Collective marks", "nhãn hiệu", "count", links=["nv-3-1"],
        targets=[T(2025, "at_least", 80, "Phấn đấu đến năm 2025 toàn tỉnh có ít nhất 04 chỉ dẫn địa lý; 08 nhãn hiệu chứng nhận; 80 nhãn hiệu tập thể")])
    b.I("don-dang-ky-shcn", "Số đơn đăng ký xác lập quyền sở hữu công nghiệp", "Industrial property applications",
        "đơn", "count", links=["nv-3-1"],
        description="Chuỗi số liệu công bố là số đơn lũy kế (stock); mục tiêu tăng 5%/năm áp dụng cho chuỗi này.",
        targets=[T(E, "growth", 0.05, "số đơn đăng ký xác lập quyền sở hữu công nghiệp tăng 5%/năm")])
    b.I("sang-kien-nhan-rong-huyen", "Số sáng kiến được lựa chọn để nhân rộng trên địa bàn mỗi huyện, thành phố",
        "Innovations selected for replication per district", "sáng kiến", "count", "flow", links=["nv-3-3"],
        targets=[T(E, "range", 2, "Hàng năm, tham mưu UBND tỉnh chỉ đạo nhân rộng các sáng kiến đã được đánh giá, công nhận áp dụng có hiệu quả và có phạm vi ảnh hưởng cấp tỉnh; phấn đấu lựa chọn ít nhất từ 02 đến 03 sáng kiến để nhân rộng trên địa bàn mỗi huyện, thành phố.", hi=3)])
    b.I("dn-khcn", "Số doanh nghiệp khoa học và công nghệ", "S&T enterprises", "doanh nghiệp", "count", links=["nv-5-2"],
        targets=[T(2025, "at_least", 30, "phấn đấu đến năm 2025 có ít nhất 30 doanh nghiệp khoa học và công nghệ")])
    b.I("kh-qd-1285", "Kế hoạch triển khai thực hiện Quyết định số 1285/QĐ-TTg được tham mưu ban hành",
        "Plan implementing Decision 1285/QĐ-TTg submitted", None, "binary", links=["nv-7-1"],
        targets=[T(2021, "done", 1, "Giao Trung tâm Ứng dụng Khoa học và Công nghệ tham mưu UBND tỉnh Kế hoạch triển khai thực hiện Quyết định số 1285/QĐ-TTg ngày 01/10/2018 của Thủ tướng Chính phủ phê duyệt đề án “Phát triển nguồn tin khoa học và công nghệ phục vụ nghiên cứu khoa học và phát triển công nghệ đến năm 2025, định hướng đến năm 2030” đảm bảo nhu cầu thông tin phục vụ hoạt động quản lý và sản xuất. Hoàn thành trong năm 2021.")])
    b.I(PII_SCORE[0], *PII_SCORE[1:], limit=100, description=TRACKED)
    b.I(PII_RANK[0], *PII_RANK[1:], direction=-1, description=TRACKED + " Thứ hạng: càng nhỏ càng tốt.")
    vn = "https://vnexpress.net/16-tinh-thanh-dung-dau-cac-vung-kinh-te-ve-doi-moi-sang-tao-4721102.html"
    b.O("pii-diem", 2023, 46.51, vn)
    b.O("pii-xep-hang", 2023, 11, vn)
    b.O("pii-diem", 2024, 43.53, "https://viet-jo.com/m/news/statistics/241231165538.html")
    b.O("pii-xep-hang", 2024, 10, "https://vietnamiplaws.com/chi-so-doi-moi-sang-tao-cap-dia-phuong-pii-tai-viet-nam-nam-2025")
    bbg19 = "https://en.baobacgiang.vn/bac-giang-creates-and-protects-commodity-brands-toward-prestigious-affirmation-and-competitiveness-increase.bbg"
    bbg20 = "https://en.baobacgiang.vn/further-assistance-to-register-geographical-indication-of-luc-ngan-lychee-at-potential-markets.bbg"
    vjst = "http://vjst.vn/vn/tin-tuc/6391/ket-qua-noi-bat-ve-hoat-dong-so-huu-tri-tue-tren-dia-ban-tinh-bac-giang-giai-doan-2016-2021.aspx"
    b.O("chi-dan-dia-ly", 2019, 1, bbg19)
    b.O("nhan-hieu-tap-the", 2019, 41, bbg19)
    b.O("don-dang-ky-shcn", 2019, 1340, bbg19)
    b.O("nhan-hieu-chung-nhan", 2019, 4, "https://test.mekongsean.vn/nong-san-bao-ho-nhan-hieu-hang-hoa-o-bac-giang.html/")
    b.O("chi-dan-dia-ly", 2020, 2, bbg20)
    b.O("nhan-hieu-chung-nhan", 2020, 4, bbg20)
    b.O("nhan-hieu-tap-the", 2020, 60, bbg20)
    b.O("chi-dan-dia-ly", 2021, 3, vjst, reporter="so-khcn")
    b.O("nhan-hieu-chung-nhan", 2021, 6, vjst, reporter="so-khcn")
    b.O("nhan-hieu-tap-the", 2021, 67, vjst, reporter="so-khcn")
    b.O("don-dang-ky-shcn", 2021, 2569, vjst, reporter="so-khcn")

    R, RR = b.R, b.RR
    # 1
    R("nv-1", "phong-khtc", "lead", "Phòng Kế hoạch Tài chính chủ trì đề xuất phát triển tiềm lực để đáp ứng yêu cầu, nhiệm vụ; huy động các nguồn lực đầu tư cho hoạt động khoa học và công nghệ.")
    R("nv-1-1", "phong-khtc", "advise", "Tham mưu lãnh đạo Sở đề xuất các dự án đầu tư công trung hạn giai đoạn 2021-2025 và xây dựng dự toán kinh phí sự nghiệp khoa học và công nghệ tăng dần hàng năm, đảm bảo đến năm 2025, mức chi đầu tư cho khoa học và công nghệ tối thiểu đạt 1,5% tổng chi ngân sách địa phương; đồng thời, tham mưu đề xuất kinh phí từ nguồn sự nghiệp kinh tế hàng năm để đầu tư nâng cao tiềm lực khoa học và công nghệ.")
    s = "Văn phòng Sở chủ trì tham mưu lãnh đạo Sở đào tạo, bồi dưỡng nâng cao trình độ chuyên môn, nghiệp vụ của đội ngũ cán bộ, công chức đáp ứng yêu cầu trong tình hình mới."
    R("nv-1-2", "van-phong-so", "lead", s)
    R("nv-1-2", "van-phong-so", "advise", s)
    # 2
    R("nv-2", "chi-cuc-tdc", "lead", "Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì, hướng dẫn các cơ sở, doanh nghiệp áp dụng và công bố hợp quy sản phẩm hàng hóa.")
    RR("nv-2-1", ["so-khdt", "so-ct", "bql-kcn", "lien-minh-htx"], "cooperate", "Phối hợp với Sở Kế hoạch và Đầu tư, Sở Công Thương, Ban Quản lý các Khu công nghiệp tỉnh, Liên minh các HTX tỉnh đẩy mạnh công tác hỗ trợ các tổ chức, doanh nghiệp xây dựng tiêu chuẩn cơ sở")
    R("nv-2-2", "so-nnptnt", "cooperate", "Phối hợp với Sở Nông nghiệp và Phát triển nông thôn quản lý chặt chẽ, đảm bảo kiểm định 100% đồng hồ đo nước tại các đơn vị kinh doanh nước sạch.")
    R("nv-2-2", "cong-an", "cooperate", "Phối hợp với Công an tỉnh quản lý tốt việc sử dụng phương tiện đo trong ngành, đảm bảo kiểm định, hiệu chuẩn 100% các phương tiện đo dùng trong hoạt động nghiệp vụ.")
    R("nv-2-3", "so-nv", "cooperate", "Phối hợp với Sở Nội vụ triển khai chấm điểm chỉ số cải cách hành chính của các sở, cơ quan thuộc UBND tỉnh, UBND các huyện, thành phố")
    s = "Phối hợp với các sở, ngành tham mưu xây dựng Quy chuẩn kỹ thuật địa phương thuộc lĩnh vực quản lý."
    R("nv-2-4", "so-ban-nganh", "cooperate", s)
    R("nv-2-4", "chi-cuc-tdc", "advise", s)
    s = "Thanh tra Sở chủ trì phối hợp với Sở Công Thương, Công an tỉnh, Sở Nông nghiệp và Phát triển nông thôn tăng cường công tác thanh tra, kiểm tra để kịp thời phòng ngừa, phát hiện và xử lý nghiêm minh đối với các tổ chức, cá nhân vi phạm"
    R("nv-2-5", "thanh-tra-so", "lead", s)
    RR("nv-2-5", ["so-ct", "cong-an", "so-nnptnt"], "cooperate", s)
    s = "Văn phòng Sở chủ trì, tham mưu đẩy mạnh công tác kiểm tra cải cách hành chính và thực thi nhiệm vụ, công vụ"
    R("nv-2-6", "van-phong-so", "lead", s)
    R("nv-2-6", "van-phong-so", "advise", s)
    # 3
    s = "Phòng Quản lý Chuyên ngành chủ trì phối hợp với các sở, ngành, địa phương tham mưu thực hiện tốt Quyết định số 2205/QĐ-TTg ngày 24/12/2020 của Thủ tướng Chính phủ phê duyệt Chương trình phát triển tài sản trí tuệ đến năm 2030."
    R("nv-3", "phong-qlcn", "lead", s)
    R("nv-3-1", "phong-qlcn", "advise", s)
    RR("nv-3-1", ["so-ban-nganh", "dia-phuong"], "cooperate", s)
    R("nv-3-2", "so-vhttdl", "cooperate", "Phối hợp với Sở Văn hóa thể thao và Du lịch hỗ trợ các tổ chức, cá nhân bảo hộ quyền tác giả và các quyền liên quan đến tác giả.")
    R("nv-3-2", "so-nnptnt", "cooperate", "Phối hợp với Sở Nông nghiệp và Phát triển nông thôn bảo hộ giống vật nuôi, cây trồng mới, xây dựng hồ sơ, đăng ký và quản lý mã số vùng trồng")
    RR("nv-3-2", ["cong-an", "so-ct", "cuc-qltt", "so-ban-nganh"], "cooperate", "Phối hợp với Công an tỉnh, Sở Công Thương, Cục Quản lý thị trường tỉnh, các sở chuyên ngành tăng cường kiểm soát và xử lý xâm phạm quyền sở hữu trí tuệ, đảm bảo quyền và lợi ích hợp pháp của các chủ thể quyền.")
    R("nv-3-3", "phong-qlcn", "advise", b.node("nv-3-3")["text"])
    # 4
    R("nv-4", "chi-cuc-tdc", "lead", "Chi cục Tiêu chuẩn Đo lường Chất lượng chủ trì hỗ trợ tổ chức, cá nhân khai thác và sử dụng hiệu quả Cổng thông tin truy xuất nguồn gốc sản phẩm, hàng hóa quốc gia.")
    RR("nv-4-2", ["so-ban-nganh", "dia-phuong"], "cooperate", "Phối hợp với các sở, ngành, địa phương xác định, đề xuất danh mục sản phẩm, hàng hóa chủ lực, đặc trưng, tiềm năng, sản phẩm OCOP để triển khai truy xuất nguồn gốc gắn theo chuỗi giá trị.")
    # 5
    s = "Phòng Quản lý Công nghệ và Thị trường công nghệ chủ trì, tham mưu thực hiện tốt Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo; Đề án phát triển thị trường công nghệ đến năm 2030."
    R("nv-5", "phong-qlcn-tt", "lead", s)
    R("nv-5-1", "phong-qlcn-tt", "advise", s)
    R("nv-5-2", "so-khdt", "cooperate", "Phối hợp chặt chẽ với Sở Kế hoạch và Đầu tư đổi mới và nâng cao chất lượng công tác thẩm định công nghệ dự án đầu tư, chuyển giao công nghệ")
    RR("nv-5-2", ["hiep-hoi-dn", "bql-kcn"], "cooperate", "Tăng cường phối hợp với Hiệp hội doanh nghiệp tỉnh, Ban Quản lý các Khu công nghiệp tỉnh, Sở Kế hoạch và Đầu tư thực hiện tốt Kế hoạch về phát triển doanh nghiệp khoa học và công nghệ tỉnh Bắc Giang")
    R("nv-5-4", "tinh-doan", "cooperate", "Phối hợp với Tỉnh Đoàn TNCS Hồ Chí Minh triển khai, hướng dẫn cơ chế chính sách và các hoạt động khởi nghiệp đổi mới sáng tạo trong lực lượng thanh niên, sinh viên. Phối hợp tổ chức các cuộc thi ý tưởng khởi nghiệp đổi mới sáng tạo hàng năm nhằm kết nối thanh niên, sinh viên giỏi, có ý tưởng thực tập tại các doanh nghiệp khởi nghiệp.")
    R("nv-5-4", "hoi-lhpn", "cooperate", "Phối hợp với Hội Liên hiệp phụ nữ tỉnh triển khai, hướng dẫn về cơ chế chính sách và các hoạt động khởi nghiệp đổi mới sáng tạo cho phụ nữ.")
    R("nv-5-5", "tt-ung-dung", "advise", "Trung tâm Ứng dụng Khoa học và Công nghệ tham mưu các giải pháp phát huy vai trò Sàn giao dịch công nghệ ảo để tạo điểm kết nối giao dịch công nghệ.")
    # 6
    s = "Giao Phòng Quản lý Khoa học chủ trì, phối hợp với các viện nghiên cứu, sở, ngành, địa phương tăng cường giới thiệu các công nghệ mới đến các doanh nghiệp, HTX, người dân."
    R("nv-6", "phong-qlkh", "lead", s)
    RR("nv-6-1", ["vien-nghien-cuu", "so-ban-nganh", "dia-phuong"], "cooperate", s)
    R("nv-6-1", "phong-qlkh", "advise", "Hàng năm, tổng hợp kết quả các nhiệm vụ khoa học và công nghệ đã được nghiệm thu để tham mưu Chủ tịch UBND tỉnh chỉ đạo ứng dụng, nhân rộng.")
    # 7
    s = "Giao Trung tâm Ứng dụng Khoa học và Công nghệ tham mưu UBND tỉnh Kế hoạch triển khai thực hiện Quyết định số 1285/QĐ-TTg"
    R("nv-7", "tt-ung-dung", "lead", s)
    R("nv-7-1", "tt-ung-dung", "advise", s)
    RR("nv-7-2", ["so-tttt", "so-ban-nganh", "dia-phuong"], "cooperate", "Phối hợp chặt chẽ với Sở Thông tin và Truyền thông, các ngành, địa phương tuyên truyền, phổ biến thành tựu tri thức khoa học và công nghệ phục vụ phát triển kinh tế - xã hội.")
    R("nv-7-2", "cuc-thong-ke", "cooperate", "Phối hợp với Cục Thống kê tỉnh triển khai hiệu quả hoạt động thống kê khoa học và công nghệ.")
    # 8
    R("nv-8", "phong-qlkh-cs", "lead", "Phòng Quản lý Khoa học và Công nghệ cơ sở tăng cường tập huấn, hướng dẫn, kiểm tra về chuyên môn, nghiệp vụ cho Hội đồng khoa học và công nghệ cấp cơ sở.")
    s = "Căn cứ nhu cầu và hiệu quả công việc, phối hợp với Phòng Kế hoạch Tài chính tham mưu bố trí kinh phí sự nghiệp khoa học và công nghệ tỉnh hỗ trợ cho hoạt động của các Hội đồng."
    R("nv-8-1", "phong-khtc", "cooperate", s)
    R("nv-8-1", "phong-qlkh-cs", "advise", s)
    # III
    R(None, "phong-don-vi", "lead", "Căn cứ Kế hoạch này và Chương trình công tác hàng năm của Sở, Trưởng các phòng, đơn vị trực thuộc Sở chỉ đạo tổ chức triển khai gắn với chức năng, nhiệm vụ cụ thể của phòng, đơn vị mình.")
    s = "Định trước ngày 20/12 hàng năm gửi báo cáo kết quả về Phòng Kế hoạch Tài chính để tổng hợp báo cáo Chủ tịch UBND tỉnh theo quy định./."
    R(None, "phong-don-vi", "report", s, to="phong-khtc", due_month=12, due_day=20, every="yearly")
    R(None, "phong-khtc", "report", s, to="chu-tich-ubnd", every="yearly")


# ---------------------------------------------------------------- Bắc Ninh
def bac_ninh(b):
    p = b.plan
    p.update({
        "title": b.line(7), "issuer": "Ủy ban nhân dân tỉnh Bắc Ninh", "number": "149/KH-UBND",
        "date": "2023-05-08", "province": "Bắc Ninh", "signer_title": "TM. ỦY BAN NHÂN DÂN",
        "purpose": b.line(11), "requirements": "\n".join(b.line(n).lstrip("- ") for n in (13, 14)),
        "start": 2023, "end": 2030,
        "budget_sources": [b.q(s) for s in ["Ngân sách Nhà nước",
                                             "vốn tài trợ của các tổ chức, cá nhân, doanh nghiệp trong nước và nước ngoài",
                                             "nguồn kinh phí hợp pháp khác theo quy định của pháp luật"]],
        "legal_bases": [
            LB("qd-1158-2021", "1158/QĐ-TTg", "decision", "2021-07-13", "Thủ tướng Chính phủ",
               b.q("ban hành Chương trình phát triển thị trường khoa học và công nghệ quốc gia đến năm 2030")),
            LB("tt-43-2023", "43/TTr-KHCN", "other", "2023-05-04", "Sở Khoa học và Công nghệ tỉnh Bắc Ninh", None),
            LB("da-do-luong", None, "programme", None, None,
               b.q("Tăng cường, đổi mới hoạt động đo lường hỗ trợ doanh nghiệp Việt Nam nâng cao năng lực cạnh tranh và hội nhập quốc tế giai đoạn đến năm 2025")),
            LB("kh-nang-suat", None, "plan", None, None,
               b.q("Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và đổi mới sáng tạo giai đoạn 2021-2030 trên địa bàn tỉnh Bắc Ninh")),
            LB("kh-he-sinh-thai", None, "plan", None, None,
               b.q("Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Bắc Ninh giai đoạn 2018 - 2025")),
            LB("nd-76-2018", "76/2018/NĐ-CP", "decree", "2018-05-15", "Chính phủ",
               b.q("quy định chi tiết và hướng dẫn thi hành một số điều của Luật Chuyển giao công nghệ")),
        ],
    })
    b.H("o", "mt", None, 15)
    b.H("o", "mt-2025", "mt", 16)
    for i, ln in enumerate([17, 18, 19], 1):
        b.P("o", "mt-2025-%d" % i, "mt-2025", ln)
    b.H("o", "mt-2030", "mt", 20)
    for i, ln in enumerate([21, 22], 1):
        b.P("o", "mt-2030-%d" % i, "mt-2030", ln)
    b.H("t", "nv", None, 23)
    groups = {1: (24, 25, 28), 2: (29, 30, 34), 3: (35, 36, 39), 4: (40, 41, 43), 5: (44, 45, 47), 6: (48, 49, 51),
              7: (52, 53, 54)}
    for g, (h, a, z) in groups.items():
        b.P("t", "nv-%d" % g, "nv", h)
        for ln in range(a, z + 1):
            lbl = b.line(ln)[0]
            b.P("t", "nv-%d-%s" % (g, "dd" if lbl == "đ" else lbl), "nv-%d" % g, ln)
    b.H("t", "tc", None, 57)
    tc = {1: (58, [59, 60, 61]), 2: (62, [63, 64]), 3: (65, None), 4: (67, [68, 69]), 5: (70, None),
          6: (72, [73, 74]), 7: (77, [78, 79, 80])}
    for g, (h, subs) in tc.items():
        if subs is None:
            b.H("t", "tc-%d" % g, "tc", h, text=h + 1)
            continue
        b.H("t", "tc-%d" % g, "tc", h)
        for ln in subs:
            b.P("t", "tc-%d-%s" % (g, b.line(ln)[0]), "tc-%d" % g, ln)
    b.P("t", "tc-6-p1", "tc-6", 75)
    b.P("t", "tc-6-p2", "tc-6", 76)
    b.node("tc-2")["title"] = b.node("tc-2")["title"].rstrip(":")

    b.A("ubnd-tinh", "Ủy ban nhân dân tỉnh Bắc Ninh", "peoples_committee", short="UBND tỉnh")
    b.A("bo-khcn", "Bộ Khoa học và Công nghệ", "ministry")
    b.A("so-khcn", "Sở Khoa học và Công nghệ", "department", "ubnd-tinh", "Sở KH&CN")
    b.A("tt-ung-dung", "Trung tâm Ứng dụng và Dịch vụ khoa học và công nghệ tỉnh Bắc Ninh", "division", "so-khcn")
    b.A("so-khdt", "Sở Kế hoạch và Đầu tư", "department", "ubnd-tinh")
    b.A("so-tc", "Sở Tài chính", "department", "ubnd-tinh")
    b.A("so-ct", "Sở Công thương", "department", "ubnd-tinh")
    b.A("dai-ptth", "Đài Phát thanh và Truyền hình tỉnh", "other", "ubnd-tinh")
    b.A("bao-bac-ninh", "Báo Bắc Ninh", "other")
    b.A("so-ban-nganh", "Các sở, ban, ngành", "department", "ubnd-tinh")
    b.A("ubnd-huyen", "UBND các huyện, thị xã, thành phố", "district", "ubnd-tinh")
    b.A("to-chuc-dn", "Các cá nhân, tổ chức, doanh nghiệp, viện, trường, cơ sở nghiên cứu có trụ sở trên địa bàn tỉnh", "enterprise")
    b.A("don-vi-lien-quan", "Các cơ quan, đơn vị có liên quan", "other")

    rate_desc = "Chỉ số tốc độ (measure rate): giá trị là tỷ lệ/năm, 25 % = 0.25; 'tăng bình quân đạt khoảng' -> approx (design/attainment.md §2)."
    b.I("tang-gia-tri-giao-dich-khcn", "Tốc độ tăng giá trị giao dịch hàng hóa khoa học và công nghệ hàng năm (bình quân)",
        "Average annual growth of S&T goods transaction value", "%/năm", "rate", "flow", links=["mt-2025-1", "mt-2030-1"],
        description=rate_desc,
        targets=[T(2025, "approx", 0.25, "Giá trị giao dịch hàng hóa khoa học và công nghệ hàng năm tăng bình quân đạt khoảng 25%"),
                 T(2030, "approx", 0.30, "Giá trị giao dịch hàng hóa khoa học và công nghệ hàng năm tăng mạnh, bình quân đạt khoảng 30%")])
    b.I("ty-trong-giao-dich-tstt", "Tỷ trọng giao dịch tài sản trí tuệ", "Share of IP-asset transactions", "%", "percent",
        limit=100, links=["mt-2025-1", "mt-2030-1"],
        targets=[T(2025, "at_least", 15, "Tỷ trọng giao dịch tài sản trí tuệ đạt trên 15%"),
                 T(2030, "at_least", 20, "Tỷ trọng giao dịch tài sản trí tuệ đạt trên 20%")])
    b.I("ty-trong-giao-dich-cn-nhap-khau", "Tỷ trọng giao dịch các công nghệ nhập khẩu", "Share of imported-technology transactions",
        "%", "percent", limit=100, links=["mt-2025-1", "mt-2030-1"],
        targets=[T(2025, "at_least", 30, "tỷ trọng giao dịch các công nghệ nhập khẩu đạt 30%"),
                 T(2030, "at_least", 35, "tỷ trọng giao dịch các công nghệ nhập khẩu đạt 35 %")])
    b.I("ty-trong-giao-dich-vien-truong", "Tỷ trọng giao dịch công nghệ từ các viện nghiên cứu, trường đại học trong tổng giao dịch công nghệ có nguồn gốc trong nước",
        "Share of domestic technology transactions from research institutes and universities", "%", "percent",
        limit=100, links=["mt-2025-1", "mt-2030-1"],
        description="Mốc 2025 tính cả 'tổ chức KH&CN', mốc 2030 chỉ 'viện nghiên cứu, trường đại học' (xem docs/data.md).",
        targets=[T(2025, "at_least", 35, "Tỷ trọng giao dịch công nghệ từ các viện nghiên cứu, trường đại học, tổ chức KH&CN đạt từ 35% trong tổng giao dịch công nghệ có nguồn gốc trong nước"),
                 T(2030, "at_least", 40, "Tỷ trọng giao dịch công nghệ từ các viện nghiên cứu, trường đại học đạt trên 40% trong tổng giao dịch công nghệ có nguồn gốc trong nước")])
    b.I("to-chuc-trung-gian", "Số tổ chức trung gian của thị trường khoa học và công nghệ", "S&T market intermediary organisations",
        "tổ chức", "count", links=["mt-2025-2"],
        targets=[T(2025, "at_least", 1, "Hình thành và phát triển 01 tổ chức trung gian của thị trường khoa học và công nghệ.")])
    b.I("san-giao-dich-cn-tb", "Sàn giao dịch công nghệ và thiết bị tỉnh Bắc Ninh được thành lập",
        "Provincial technology and equipment exchange established", None, "binary", links=["mt-2030-2"],
        description="Năm: mục 'Đến năm 2030'.",
        targets=[T(2030, "done", 1, "Thành lập sàn giao dịch công nghệ và thiết bị tỉnh Bắc Ninh.")])
    b.I(PII_SCORE[0], *PII_SCORE[1:], limit=100, description=TRACKED)
    b.I(PII_RANK[0], *PII_RANK[1:], direction=-1, description=TRACKED + " Thứ hạng: càng nhỏ càng tốt.")
    b.I("dn-khcn", "Số doanh nghiệp KH&CN (lũy kế)", "S&T enterprises (cumulative)", "doanh nghiệp", "count", description=TRACKED)
    b.I("thuong-hieu-cong-dong", "Số sản phẩm, thương hiệu thuộc sở hữu chung của cộng đồng được bảo hộ (nhãn hiệu tập thể, nhãn hiệu chứng nhận, chỉ dẫn địa lý)",
        "Community-owned IP brands (collective and certification marks, GIs)", "sản phẩm", "count", description=TRACKED)
    b.I("tang-don-shcn", "Tốc độ tăng số đơn đăng ký bảo hộ sở hữu công nghiệp (bình quân 2010-2020)",
        "Growth of industrial property applications (2010-2020 average)", "%/năm", "rate", "flow",
        description=TRACKED + " Giá trị là tỷ lệ/năm.")
    tdbn = "https://tinhdoanbacninh.gov.vn/bac-ninh-dung-top-dau-toan-quoc-ve-chi-so-doi-moi-sang-tao-nam-2023-p-304"
    b.O("pii-diem", 2023, 49.2, tdbn)
    b.O("pii-xep-hang", 2023, 6, tdbn)
    b.O("pii-xep-hang", 2024, 11, "https://vietbao.vn/ha-noi-tiep-tuc-la-dia-phuong-co-diem-so-cao-nhat-ve-doi-moi-sang-tao-nam-2024-523051.html")
    vnv = "https://www.vietnam.vn/en/xep-thu-6-toan-quoc-bac-ninh-tiep-tuc-khang-dinh-vi-the-dan-dau-ve-doi-moi-sang-tao"
    b.O("pii-diem", 2025, 48.76, vnv)
    b.O("pii-xep-hang", 2025, 6, vnv)
    dbk = "https://dbkcqdnbacninh.vn/dinh-huong-cong-tac-tuyen-truyen/diem-den-cua-doanh-nghiep-cong-nghe-cao-va-doi-moi-sang-tao-285756"
    b.O("dn-khcn", 2022, 10, dbk)
    b.O("thuong-hieu-cong-dong", 2022, 21, dbk)
    portal = "http://bacninh.gov.vn/web/english/59/-/details/4790216/bac-ninh-has-19-products-registered-intellectual-property-rights"
    b.O("thuong-hieu-cong-dong", 2020, 19, portal, reporter="so-khcn")
    b.O("tang-don-shcn", 2020, 18.8, portal, scale=0.01)

    R, RR = b.R, b.RR
    s = "Là cơ quan đầu mối, tham mưu giúp UBND tỉnh chỉ đạo thực hiện Kế hoạch này"
    R(None, "so-khcn", "focal", s)
    R(None, "so-khcn", "advise", s)
    R("tc-1-a", "so-khcn", "lead", "căn cứ tình hình thực tế và nguồn kinh phí giao hàng năm, tổng hợp nội dung kinh phí các nhiệm vụ phát triển thị trường khoa học và công nghệ vào Kế hoạch hoạt động khoa học và công nghệ để triển khai theo quy định")
    s = "Chủ trì, phối hợp với các sở, ngành, địa phương và các đơn vị có liên quan tổ chức kiểm tra, giám sát việc thực hiện; tổng hợp, báo cáo UBND tỉnh và Bộ Khoa học và Công nghệ theo quy định"
    R(None, "so-khcn", "lead", s)
    RR(None, ["so-ban-nganh", "ubnd-huyen", "don-vi-lien-quan"], "cooperate", s)
    R(None, "so-khcn", "report", s, to="ubnd-tinh")
    R(None, "so-khcn", "report", s, to="bo-khcn")
    R("nv-5-b", "bo-khcn", "cooperate", "Phối hợp với các cơ quan chức năng của Bộ Khoa học và Công nghệ tăng cường xúc tiến thị trường khoa học và công nghệ tại các quốc gia có nhiều nguồn cung công nghệ cao, tiên tiến và thân thiện môi trường")
    R("tc-1-c", "so-khcn", "lead", "Tổng hợp, đề xuất khen thưởng, tôn vinh các tổ chức, cá nhân có thành tích xuất sắc trong hoạt động phát triển thị trường khoa học và công nghệ.")
    R("tc-2-a", "so-khdt", "advise", "Tham mưu cân đối ngân sách và phân bổ kinh phí theo quy định để tổ chức thực hiện Kế hoạch")
    R("tc-2-b", "so-khdt", "lead", "Đẩy mạnh thu hút, sử dụng hiệu quả các nguồn lực từ nước ngoài và các đối tác quốc tế cho hoạt động phát triển thị trường khoa học và công nghệ")
    s = "Chủ trì phối hợp với các đơn vị liên quan tham mưu bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch; hướng dẫn xây dựng dự toán kinh phí, quyết toán kinh phí theo quy định."
    R("tc-3", "so-tc", "lead", s)
    R("tc-3", "don-vi-lien-quan", "cooperate", s)
    R("tc-3", "so-tc", "advise", s)
    R("tc-4-a", "so-ct", "lead", "Đẩy mạnh phát triển thương mại điện tử theo chiều sâu, phát huy hiệu quả sàn giao dịch thương mại điện tử tỉnh Bắc Ninh.")
    R("tc-4-b", "so-ct", "cooperate", "Phối hợp với Sở Khoa học và Công nghệ thực hiện gắn kết, xúc tiến hoạt động của thị trường hàng hóa, dịch vụ và thị trường khoa học và công nghệ")
    RR("tc-5", ["dai-ptth", "bao-bac-ninh"], "cooperate", "Phối hợp với Sở Khoa học và Công nghệ và các cơ quan, đơn vị liên quan triển khai thực hiện công tác thông tin tuyên truyền, phổ biến các chủ trương, chính sách, pháp luật về phát triển thị trường khoa học và công nghệ")
    s = "Căn cứ chức năng nhiệm vụ, quyền hạn phối hợp với Sở Khoa học và Công nghệ tổ chức thực hiện Kế hoạch này; phối hợp với Sở Khoa học và Công nghệ báo cáo nội dung có liên quan đến tình hình thực hiện Kế hoạch này để tổng hợp, báo cáo Ủy ban nhân dân tỉnh"
    RR("tc-6-a", ["so-ban-nganh", "ubnd-huyen"], "cooperate", s)
    RR("tc-6-a", ["so-ban-nganh", "ubnd-huyen"], "report", s, to="so-khcn")
    s = "Chủ động kết nối các doanh nghiệp trong phạm vi quản lý ngành, lĩnh vực, địa phương để thu thập nhu cầu về công nghệ, nhu cầu chuyển giao tài sản trí tuệ để cung cấp cho Sở Khoa học và Công nghệ nhằm kịp thời xây dựng các nhiệm vụ hỗ trợ phù hợp."
    RR("tc-6-b", ["so-ban-nganh", "ubnd-huyen"], "cooperate", s)
    RR("tc-6-b", ["so-ban-nganh", "ubnd-huyen"], "report", s, to="so-khcn")
    RR("tc-6-p1", ["so-ban-nganh", "ubnd-huyen"], "cooperate", "Phối hợp với các cơ quan liên quan xây dựng và triển khai các nhiệm vụ tại phụ lục kèm theo Kế hoạch.")
    RR("tc-6-p2", ["so-ban-nganh", "ubnd-huyen"], "cooperate", "Lồng ghép việc thực hiện Kế hoạch với quá trình triển khai thực hiện các chương trình, đề án tại địa phương.")
    R("tc-7-a", "to-chuc-dn", "lead", "Tăng cường đầu tư nghiên cứu khoa học và công nghệ, đổi mới sáng tạo, ứng dụng tiến bộ khoa học và công nghệ vào hoạt động chuyên môn, sản xuất, kinh doanh")
    R("tc-7-b", "to-chuc-dn", "lead", "Khuyến khích chuyển giao công nghệ (trừ các công nghệ thuộc danh mục công nghệ cấm chuyển giao, danh mục công nghệ hạn chế chuyển giao")
    R("tc-7-c", "to-chuc-dn", "lead", "Tích cực tham gia hoạt động giao dịch hàng hóa khoa học và công nghệ thông qua Sàn giao dịch công nghệ, thiết bị của tỉnh trên môi trường mạng")
    s = "Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc hoặc vấn đề phát sinh các sở, ngành, địa phương, doanh nghiệp, tổ chức, cá nhân kịp thời báo cáo, đề xuất với UBND tỉnh (qua đầu mối Sở Khoa học và Công nghệ) xem xét điều chỉnh, bổ sung cho phù hợp./."
    RR(None, ["so-ban-nganh", "ubnd-huyen", "to-chuc-dn"], "report", s, to="so-khcn")


# ---------------------------------------------------------------- Cà Mau
def ca_mau(b):
    p = b.plan
    p.update({
        "title": b.line(2), "issuer": "Ủy ban nhân dân tỉnh Cà Mau", "province": "Cà Mau",
        "purpose": b.line(6), "requirements": "\n".join(b.line(n) for n in (8, 9)),
        "start": 2019, "end": 2030,
        "budget_sources": [b.q(s) for s in ["Ngân sách nhà nước", "vốn tự đầu tư của tổ chức, doanh nghiệp",
                                             "vốn vay từ các tổ chức tín dụng",
                                             "nguồn vốn huy động hợp pháp khác theo quy định của pháp luật"]],
        "legal_bases": [
            LB("kl-50-2019", "50-KL/TW", "conclusion", "2019-05-30", "Ban Bí thư Trung ương Đảng",
               b.q("về tiếp tục thực hiện Nghị quyết Hội nghị Trung ương 6, khóa XI về phát triển khoa học và công nghệ phục vụ sự nghiệp công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế")),
            LB("cv-1211-2019", "1211-CV/TU", "letter", "2019-07-31", "Ban Thường vụ Tỉnh ủy Cà Mau",
               b.q("về việc triển khai thực hiện Kết luận số 50-KL/TW ngày 30/5/2019")),
            LB("nq-20-2012", "20-NQ/TW", "resolution", "2012-11-01", "Ban Chấp hành Trung ương Đảng, khóa XI",
               b.q("về phát triển khoa học và công nghệ phục vụ công nghiệp hóa, hiện đại hóa trong điều kiện kinh tế thị trường định hướng xã hội chủ nghĩa và hội nhập quốc tế")),
            LB("ctr-21-2013", "21-CTr/TU", "programme", "2013-01-28", "Ban Thường vụ Tỉnh ủy Cà Mau, khóa XIV", None),
        ],
    })
    b.H("t", "nd", None, 10)
    b.P("t", "nd-1", "nd", 11)
    b.P("t", "nd-1-1", "nd-1", 12)
    b.P("t", "nd-2", "nd", 13)
    for i, ln in enumerate([14, 15, 16, 17, 18], 1):
        b.P("t", "nd-2-%d" % i, "nd-2", ln)
    b.P("t", "nd-3", "nd", 19)
    b.P("t", "nd-3-1", "nd-3", 20)
    b.P("t", "nd-3-2", "nd-3", 21)
    for lbl, h, paras in [("a", 22, [23, 24, 25]), ("b", 26, [27, 28]), ("c", 29, [30]), ("d", 31, [32, 33, 34]),
                          ("e", 35, [36]), ("g", 37, [38, 39, 40, 41])]:
        b.H("t", "nd-3-" + lbl, "nd-3", h)
        for i, ln in enumerate(paras, 1):
            b.P("t", "nd-3-%s-%d" % (lbl, i), "nd-3-" + lbl, ln)
    for g, h, paras in [(4, 42, [43, 44, 45]), (5, 46, [47, 48, 49, 50, 51]), (6, 52, [53, 54, 55, 56])]:
        b.P("t", "nd-%d" % g, "nd", h)
        for i, ln in enumerate(paras, 1):
            b.P("t", "nd-%d-%d" % (g, i), "nd-%d" % g, ln)
    b.H("t", "tc", None, 60)
    b.H("t", "tc-1", "tc", 61)
    for i, ln in enumerate([62, 63, 64, 65], 1):
        b.P("t", "tc-1-%d" % i, "tc-1", ln)
    for nid, h, paras in [("tc-2", 66, [67]), ("tc-3", 68, [69, 70]), ("tc-4", 71, [72]), ("tc-5", 73, [74]),
                          ("tc-6", 75, [76]), ("tc-7", 77, [78]), ("tc-8", 79, [80]), ("tc-9", 81, [82]),
                          ("tc-9b", 83, [84]), ("tc-10", 85, [86, 87])]:
        b.H("t", nid, "tc", h)
        for i, ln in enumerate(paras, 1):
            b.P("t", "%s-%d" % (nid, i), nid, ln)

    b.A("ubnd-tinh", "Ủy ban nhân dân tỉnh Cà Mau", "peoples_committee", short="UBND tỉnh")
    for aid, name in [("so-khcn", "Sở Khoa học và Công nghệ"), ("so-khdt", "Sở Kế hoạch và Đầu tư"),
                      ("so-tc", "Sở Tài chính"), ("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn"),
                      ("so-ct", "Sở Công Thương"), ("so-tnmt", "Sở Tài nguyên và Môi trường"), ("so-yt", "Sở Y tế"),
                      ("so-gddt", "Sở Giáo dục và Đào tạo"), ("so-nv", "Sở Nội vụ")]:
        b.A(aid, name, "department", "ubnd-tinh", "Sở KH&CN" if aid == "so-khcn" else None)
    b.A("cong-an", "Công an tỉnh", "other")
    b.A("bchqs", "Bộ Chỉ huy Quân sự tỉnh", "other")
    b.A("ubnd-huyen", "Ủy ban nhân dân các huyện, thành phố Cà Mau", "district", "ubnd-tinh")
    b.A("so-ban-nganh", "Các sở, ban, ngành", "department", "ubnd-tinh")
    b.A("doan-the", "Các đoàn thể", "association")
    b.A("co-quan-lien-quan", "Các cơ quan, đơn vị có liên quan", "other")

    b.I("nhiem-vu-khcn-phe-duyet", "Số nhiệm vụ KH&CN được phê duyệt (cấp tỉnh và cấp quốc gia) trong giai đoạn 4 năm gần nhất",
        "S&T tasks approved over the preceding four-year window", "nhiệm vụ", "count", "flow",
        description=TRACKED + " 2022: giai đoạn 2019-2022; 2023: giai đoạn 2020-2023.")
    b.I("nhiem-vu-khcn-trien-khai", "Số nhiệm vụ KH&CN cấp tỉnh đã triển khai thực hiện (từ 2019)",
        "Provincial S&T tasks implemented since 2019", "nhiệm vụ", "count", description=TRACKED)
    b.I("nhiem-vu-nq57-hoan-thanh", "Số nhiệm vụ của Chương trình hành động thực hiện Nghị quyết 57 đã hoàn thành (lũy kế)",
        "Resolution 57 action-programme tasks completed (cumulative)", "nhiệm vụ", "count",
        description=TRACKED + " Chương trình kế tiếp (Nghị quyết 57), không phải Kết luận 50; tỉnh Cà Mau sau sáp nhập.")
    tgt = "http://thegioithao.com/truc-tiep_ca-mau-trien-khai-thuc-hien-duoc-78-86-nhiem-vu-khoa-hoc-cong-nghe-cap-tinh-1851452652.htm"
    b.O("nhiem-vu-khcn-phe-duyet", 2022, 94, tgt)
    b.O("nhiem-vu-khcn-phe-duyet", 2023, 96, "http://ensokhcn.casti.vn/default.aspx?nid=20297&pid=57")
    b.O("nhiem-vu-khcn-trien-khai", 2022, 78, tgt)
    b.O("nhiem-vu-nq57-hoan-thanh", 2025, 66, "https://news.laodong.vn/cong-nghe/se-giai-bo-gene-cua-ca-mau-trong-thoi-gian-som-nhat-1576646.ldo")

    R, RR = b.R, b.RR
    RR("nd-1-1", ["so-ban-nganh", "doan-the", "ubnd-huyen"], "cooperate", "Các sở, ban, ngành, đoàn thể và các địa phương, trước hết là Thủ trưởng đơn vị chịu trách nhiệm đẩy mạnh việc nghiên cứu, phát triển và ứng dụng khoa học và công nghệ thuộc phạm vi quản lý của mình")
    s = "Chủ trì, phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố có liên quan tổ chức triển khai các nội dung của Kế hoạch này"
    R(None, "so-khcn", "lead", s)
    RR(None, ["so-ban-nganh", "ubnd-huyen"], "cooperate", s)
    R(None, "so-khcn", "report", "tổng hợp, báo cáo định kỳ hàng năm về Ủy ban nhân dân tỉnh tình hình triển khai Kế hoạch", to="ubnd-tinh", every="yearly")
    R("tc-1-1", "so-khcn", "lead", "hướng dẫn, kiểm tra tình hình thực hiện Kế hoạch; tổng hợp, báo cáo định kỳ hàng năm về Ủy ban nhân dân tỉnh tình hình triển khai Kế hoạch; đề xuất sửa đổi, bổ sung Kế hoạch khi cần thiết.")
    s = "Chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch, dự toán ngân sách nhà nước hàng năm chi cho các hoạt động khoa học công nghệ"
    R("tc-1-2", "so-khcn", "lead", s)
    R("tc-1-2", "co-quan-lien-quan", "cooperate", s)
    s = "Chủ trì, phối hợp với các cơ quan liên quan cập nhật và khai thác cơ sở dữ liệu về thông tin công nghệ, công nghệ cao, chuyển giao công nghệ thuộc Cơ sở dữ liệu quốc gia về khoa học công nghệ."
    R("tc-1-3", "so-khcn", "lead", s)
    R("tc-1-3", "co-quan-lien-quan", "cooperate", "Phối hợp với các cơ quan liên quan triển khai các cơ chế chính sách hỗ trợ thúc đẩy chuyển giao công nghệ, phát triển thị trường khoa học công nghệ")
    s = "Chủ trì, phối hợp với Sở Tài chính, Sở Kế hoạch và Đầu tư và các cơ quan liên quan nghiên cứu sự cần thiết, các yếu tố và điều kiện liên quan làm cơ sở tham mưu, trình Ủy ban nhân dân tỉnh xem xét, quyết định thành lập Quỹ Phát triển Khoa học và Công nghệ của tỉnh"
    R("tc-1-4", "so-khcn", "lead", s)
    RR("tc-1-4", ["so-tc", "so-khdt", "co-quan-lien-quan"], "cooperate", s)
    R("tc-1-4", "so-khcn", "advise", s)
    s = "Chủ trì, phối hợp với các đơn vị có liên quan cân đối, tham mưu Ủy ban nhân dân tỉnh bố trí nguồn vốn đầu tư tăng cường cơ sở vật chất, trang thiết bị cho các tổ chức khoa học công nghệ"
    R("tc-2-1", "so-khdt", "lead", s)
    R("tc-2-1", "co-quan-lien-quan", "cooperate", b.node("tc-2-1")["text"])
    R("tc-2-1", "so-khdt", "advise", s)
    R("tc-3-1", "so-tc", "advise", "Thẩm định dự toán kinh phí do Sở Khoa học và Công nghệ xây dựng, tham mưu trình cấp có thẩm quyền cân đối, bố trí kinh phí theo khả năng nguồn ngân sách của tỉnh.")
    R("tc-3-2", "so-tc", "lead", "Chủ động rà soát, cập nhật, triển khai các chính sách ưu đãi về thuế, tín dụng cho hoạt động khoa học và công nghệ, chuyển giao công nghệ trong các ngành, lĩnh vực ưu tiên của tỉnh.")
    R("tc-4-1", "so-nnptnt", "cooperate", "Phối hợp với Sở Khoa học và Công nghệ để ứng dụng và phát triển khoa học, công nghệ trong lĩnh vực ngư, nông, lâm nghiệp")
    R("tc-5-1", "so-ct", "cooperate", "Phối hợp với Sở Khoa học và Công nghệ để ứng dụng công nghệ tiên tiến, đổi mới công nghệ trong các ngành công nghiệp chế biến thủy sản xuất khẩu")
    R("tc-6-1", "so-tnmt", "cooperate", b.node("tc-6-1")["text"])
    R("tc-7-1", "so-yt", "lead", "Ứng dụng các tiến bộ kỹ thuật, công nghệ tiên tiến, công nghệ cao trong phòng bệnh, khám, chữa bệnh")
    s = "Tham mưu, đề xuất kịp thời các giải pháp hiệu quả nhất trong chính sách đào tạo, thu hút nguồn cán bộ khoa học từ sinh viên xuất sắc, cán bộ khoa học trẻ"
    R("tc-8-1", "so-gddt", "advise", s)
    R("tc-8-1", "so-gddt", "lead", "Tiếp tục chủ động phát triển và đào tạo, bồi dưỡng tài năng trẻ từ các trường phổ thông, cao đẳng, đại học.")
    R("tc-9-1", "so-nv", "lead", "Xây dựng các chính sách cử cán bộ khoa học đi làm việc, học tập tại các viện nghiên cứu, các trường đại học, doanh nghiệp ở nước ngoài.")
    RR("tc-9b-1", ["cong-an", "bchqs"], "cooperate", "Nghiên cứu đề xuất các giải pháp, đảm bảo luận cứ khoa học giải quyết kịp thời, hiệu quả những vấn đề về đảm bảo an ninh quốc gia và giữ gìn trật tự an toàn xã hội")
    s = "Xây dựng kế hoạch triển khai thực hiện các nội dung của Kế hoạch này theo thẩm quyền, chức năng, nhiệm vụ, gửi Sở Khoa học và Công nghệ tổng hợp, báo cáo Ủy ban nhân dân tỉnh."
    R("tc-10-1", "ubnd-huyen", "lead", s)
    R("tc-10-1", "ubnd-huyen", "report", s, to="so-khcn")
    R("tc-10-2", "ubnd-huyen", "lead", "Tổ chức triển khai các nhiệm vụ, giải pháp của Kế hoạch này, chủ động hỗ trợ các tổ chức, doanh nghiệp phát triển khoa học và công nghệ trên địa bàn huyện.")
    s = "Kịp thời báo cáo, phản ánh những khó khăn, vướng mắc trong quá trình triển khai thực hiện về Sở Khoa học và Công nghệ để tổng hợp, tham mưu Ủy ban nhân dân dân tỉnh xem xét, chỉ đạo./"
    RR(None, ["so-ban-nganh", "ubnd-huyen"], "report", s, to="so-khcn")
    R(None, "so-khcn", "advise", s)


PLANS = {
    "ben-tre-5611-2022": ben_tre,
    "hung-yen-2023": hung_yen,
    "bac-giang-2021": bac_giang,
    "bac-ninh-149-2023": bac_ninh,
    "ca-mau-kl50": ca_mau,
}
