"""One test per validation rule: a broken fixture and the exact ``path:line: message — hint``."""

DECISION = "decisions/2024/12-qd-ubnd.yaml"
REVOKED = "decisions/2024/13-qd-ubnd.yaml"
SHOWN = "data/decisions/2024/12-qd-ubnd.yaml"
REPEATED = "cùng người (họ tên, đơn vị) đã được tặng"


def repeated_awards(tree) -> int:
    """How many duplicate_award_in_year warnings: a test that copies a whole decision also repeats its people."""
    return [code for _, _, code in tree.codes()].count("duplicate_award_in_year")


def test_unknown_field_with_suggestion(tree):
    tree.replace(DECISION, '    position: "Giáo viên"', '    positon: "Giáo viên"')
    assert tree.problems() == [f"{SHOWN}:17: dòng 1 (Nguyễn Văn A): trường không có trong lược đồ: «positon» — "
                               "xóa trường hoặc sửa tên trường; có phải «position»?"]


def test_missing_required_field_points_to_record(tree):
    tree.replace(DECISION, "method: regular\n", "")
    assert tree.problems() == [f"{SHOWN}:1: thiếu trường bắt buộc «method» (Phương thức khen thưởng) — "
                               "thêm dòng «method: …» vào bản ghi"]


def test_missing_field_in_recipient_points_to_its_item(tree):
    tree.replace(DECISION, '    name: "Trần Thị B"\n', "")
    assert tree.problems() == [f"{SHOWN}:24: dòng 2: thiếu trường bắt buộc «name» (Họ và tên / Tên tập thể) — "
                               "thêm dòng «name: …» vào bản ghi"]


def test_yaml_no_read_as_false_where_text_is_meant(tree):
    tree.replace(DECISION, '    position: "Giáo viên"', "    position: no")
    assert tree.problems() == [f"{SHOWN}:17: dòng 1 (Nguyễn Văn A): «position» (Chức vụ) phải là văn bản, nhưng YAML đọc no "
                               "thành giá trị đúng/sai — đặt giá trị trong ngoặc kép, ví dụ \"no\""]


def test_unquoted_number_where_text_is_meant(tree):
    tree.replace(DECISION, 'number: "12/QĐ-UBND"', "number: 12")
    problems = tree.problems()
    assert f"{SHOWN}:1: «number» (Số, ký hiệu) phải là văn bản, nhưng YAML đọc 12 thành số hoặc ngày — " \
           "đặt giá trị trong ngoặc kép, ví dụ \"12\"" in problems


def test_amount_with_thousands_dots_is_not_a_number(tree):
    tree.replace(DECISION, "cash_vnd: 1170000", "cash_vnd: 1.170.000")
    assert tree.problems() == [f"{SHOWN}:22: dòng 1 (Nguyễn Văn A): «cash_vnd» (Tiền thưởng (đồng)) phải là số nguyên "
                               "không âm: 1.170.000 — viết số liền, không dấu chấm hay chữ, ví dụ 1500000"]


def test_bad_date(tree):
    tree.replace(DECISION, "date: 2024-06-17", 'date: "17/06/2024"')
    assert tree.problems()[0] == (f"{SHOWN}:3: «date» (Ngày) không phải ngày hợp lệ: 17/06/2024 — "
                                  "viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2024-06-17")


def test_bad_choice_lists_the_choices(tree):
    tree.replace(DECISION, "method: regular", "method: yearly")
    assert tree.problems() == [f"{SHOWN}:11: «method» (Phương thức khen thưởng) không nhận giá trị «yearly» — "
                               "chọn một trong: «regular», «thematic», «ad_hoc», «foreign», «dedication», "
                               "«seniority», «resistance» hoặc «unknown»"]


def test_duplicate_decision_number_same_authority_and_year(tree):
    tree.write("decisions/2024/12-qd-ubnd-ban-sao.yaml", tree.read(DECISION))
    # files are read in name order, so the copy is seen first and the original is reported; its two individuals
    # are also warned as given the same form twice in 2024
    assert repeated_awards(tree) == 2
    assert [p for p in tree.problems() if REPEATED not in p] == [
        f"{SHOWN}:1: số quyết định «12/QĐ-UBND» của cùng cơ quan và năm đã có ở "
        "data/decisions/2024/12-qd-ubnd-ban-sao.yaml:1 — kiểm tra lại số; nếu là hai văn bản khác nhau thì một "
        "trong hai số bị sai"]


def test_same_number_from_another_authority_is_fine(tree):
    text = tree.read(DECISION).replace("authority: ubnd-tinh", "authority: ubnd-huyen-cu")
    text = text.replace("award_form: bang-khen-cap-tinh", "award_form: giay-khen-chu-tich-ubnd-huyen")
    text = text.replace("cash_vnd: 1170000", "cash_vnd: 540000")  # 0.3 × 1,800,000 đ in June 2024
    tree.write("decisions/2024/12-qd-ubnd-huyen-cu.yaml", text)
    assert tree.problems() == []


def test_file_name_must_match_number(tree):
    tree.write("decisions/2024/quyet-dinh.yaml", tree.read(DECISION).replace("12/QĐ-UBND", "14/QĐ-UBND"))
    assert repeated_awards(tree) == 2  # a copy of the same list
    assert [p for p in tree.problems() if REPEATED not in p] == ["data/decisions/2024/quyet-dinh.yaml:1: tên tệp không khớp số quyết định «14/QĐ-UBND» "
                               "— đổi tên tệp thành «14-qd-ubnd.yaml» (có thể thêm hậu tố -ten-co-quan)"]


def test_decision_in_wrong_year_folder(tree):
    tree.replace(DECISION, "date: 2024-06-17", "date: 2023-06-17")
    tree.replace(DECISION, "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", "Luật Thi đua, khen thưởng năm 2003")
    tree.replace(DECISION, "cash_vnd: 1170000", "cash_vnd: 1490000")  # the amount of mid-2023
    assert tree.problems() == [f"{SHOWN}:3: quyết định năm 2023 phải nằm trong thư mục data/decisions/2023/ — "
                               "chuyển tệp thành data/decisions/2023/12-qd-ubnd.yaml"]


def test_profile_file_name_must_be_a_slug(tree):
    tree.write("profiles/Nguyễn Văn B.yaml", 'name: "Nguyễn Văn B"\nkind: individual\nsummary: "X"\n')
    assert tree.problems() == ["data/profiles/Nguyễn Văn B.yaml:1: tên tệp phải viết thường, không dấu, nối bằng "
                               "gạch ngang — đổi tên tệp thành «nguyen-van-b.yaml»"]


def test_duplicate_registry_id(tree):
    text = tree.read("registries/units.yaml") + '- id: truong-a\n  name: "Trường khác"\n'
    tree.write("registries/units.yaml", text)
    assert tree.problems() == ["data/registries/units.yaml:14: mã «truong-a» bị trùng (đã có ở "
                               "data/registries/units.yaml:1) — đặt mã khác hoặc gộp hai mục"]


def test_dangling_references(tree):
    tree.replace(DECISION, "authority: ubnd-tinh", "authority: ubnd-tinhh")
    tree.replace(DECISION, "movement: phong-trao-a", "movement: phong-trao-b")
    tree.replace(DECISION, "    unit: truong-a\n    category: direct_worker",
                 "    unit: truong-b\n    category: direct_worker")
    tree.replace(DECISION, "profile: nguyen-van-a", "profile: nguyen-van-x")
    assert tree.problems() == [
        f"{SHOWN}:4: không có cơ quan mã «ubnd-tinhh» trong danh mục — thêm cơ quan vào "
        "data/registries/authorities.yaml; có phải «ubnd-tinh»?",
        f"{SHOWN}:13: không có phong trào thi đua mã «phong-trao-b» — thêm phong trào vào "
        "data/registries/movements.yaml; có phải «phong-trao-a»?",
        f"{SHOWN}:18: dòng 1 (Nguyễn Văn A): không có đơn vị mã «truong-b» trong danh mục — thêm đơn vị vào data/registries/units.yaml "
        "hoặc ghi tên vào unit_text; có phải «truong-a»?",
        f"{SHOWN}:23: dòng 1 (Nguyễn Văn A): không có hồ sơ gương điển hình «nguyen-van-x» — tạo data/profiles/nguyen-van-x.yaml "
        "(./bangvang new profile) hoặc sửa tên; có phải «nguyen-van-a»?",
    ]


def test_unknown_award_form(tree):
    tree.replace(DECISION, "award_form: bang-khen-cap-tinh", "award_form: bang-khen")
    assert tree.problems() == [f"{SHOWN}:10: không có hình thức khen thưởng mã «bang-khen» — xem danh mục hình thức "
                               "khen thưởng; có phải «bang-khen-cap-bo»?"]


def test_award_form_not_allowed_for_recipient_kind(tree):
    tree.replace(DECISION, "award_form: bang-khen-cap-tinh", "award_form: chien-si-thi-dua-cap-tinh")
    tree.replace(DECISION, "    cash_vnd: 1170000\n", "")
    assert tree.problems() == [f"{SHOWN}:29: dòng 3 (Trường Tiểu học A): «Chiến sĩ thi đua cấp tỉnh» không tặng cho đối tượng «collective» — "
                               "đối tượng hợp lệ: individual"]


def test_award_form_beyond_the_authoritys_power(tree):
    tree.replace(DECISION, "award_form: bang-khen-cap-tinh", "award_form: huan-chuong-lao-dong-hang-ba")
    assert tree.problems() == [f"{SHOWN}:10: «Ủy ban nhân dân tỉnh Thử Nghiệm» không có thẩm quyền quyết định "
                               "«Huân chương Lao động hạng Ba» — kiểm tra cơ quan ban hành và hình thức khen thưởng"]


def test_date_in_the_future(tree):
    tree.replace(REVOKED, "date: 2024-12-01", "date: 2027-01-01")
    assert tree.problems() == ["data/decisions/2024/13-qd-ubnd.yaml:10: ngày 01/01/2027 ở tương lai — "
                               "kiểm tra lại năm, tháng, ngày"]


def test_date_before_the_authority_existed(tree):
    tree.replace("registries/authorities.yaml", "valid_from: 2000-01-01", "valid_from: 2024-07-01")
    assert tree.problems() == [f"{SHOWN}:3: ngày ký trước khi «Ủy ban nhân dân tỉnh Thử Nghiệm» được thành lập "
                               "(01/07/2024) — kiểm tra ngày ký hoặc cơ quan ban hành"]


def test_date_after_the_authority_ceased(tree):
    text = tree.read(DECISION).replace("authority: ubnd-tinh", "authority: ubnd-huyen-cu")
    text = text.replace("award_form: bang-khen-cap-tinh", "award_form: giay-khen-chu-tich-ubnd-huyen")
    text = text.replace("date: 2024-06-17", "date: 2025-08-01")
    tree.write("decisions/2025/12-qd-ubnd.yaml", text)
    # the district ceased, and with it the district chair's power and the district Giấy khen (1 Jul 2025)
    assert tree.problems() == [
        "data/decisions/2025/12-qd-ubnd.yaml:3: ngày ký sau khi «Ủy ban nhân dân huyện Cũ» "
        "ngừng hoạt động (30/06/2025) — kiểm tra ngày ký; cơ quan kế thừa: «ubnd-xa-moi»",
        "data/decisions/2025/12-qd-ubnd.yaml:10: «Ủy ban nhân dân huyện Cũ» chỉ được quyết định «Giấy khen của Chủ tịch "
        "Ủy ban nhân dân cấp huyện» đến 30/06/2025 (Luật Thi đua, khen thưởng 2022, Điều 80(2)); quyết định ký ngày "
        "01/08/2025 — kiểm tra ngày ký, cơ quan ban hành hoặc hình thức khen thưởng; thẩm quyền tính theo văn bản có "
        "hiệu lực vào ngày ký",
        "data/decisions/2025/12-qd-ubnd.yaml:10: «Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện» chỉ có đến "
        "30/06/2025; quyết định ký ngày 01/08/2025 — kiểm tra ngày ký hoặc mã hình thức khen thưởng (căn cứ: Luật Thi "
        "đua, khen thưởng 2022, Điều 75; cấp huyện chấm dứt hoạt động từ 01/7/2025)"]


def test_defunct_unit_is_a_warning_naming_the_successor(tree):
    text = tree.read(DECISION).replace("date: 2024-06-17", "date: 2025-08-01").replace(
        "    unit: truong-a\n    category: leader_other", "    unit: don-vi-cu\n    category: leader_other").replace(
        "    cash_vnd: 1170000\n", "")
    tree.write("decisions/2025/12-qd-ubnd.yaml", text)
    tree.write(DECISION, tree.read(DECISION).replace("12/QĐ-UBND", "11/QĐ-UBND"))
    (tree.data / DECISION).rename(tree.data / "decisions/2024/11-qd-ubnd.yaml")
    assert tree.problems() == ["data/decisions/2025/12-qd-ubnd.yaml:26: cảnh báo: dòng 2 (Trần Thị B): đơn vị «Đơn vị Cũ» đã ngừng hoạt "
                               "động từ sau 28/02/2025 — dùng đơn vị kế thừa «don-vi-moi» nếu quyết định ban hành "
                               "sau ngày đó"]


def one_line_decision(day: str, authority: str = "ubnd-tinh", form: str = "bang-khen-cap-tinh",
                      unit: str = "truong-a") -> str:
    """A decision of one collective line: ``date`` on line 2, ``authority`` on 3, the line's ``unit`` on 11."""
    return (f'number: "45/QĐ-UBND"\ndate: {day}\nauthority: {authority}\naward_form: {form}\nmethod: regular\n'
            f'reason: "Hoàn thành tốt nhiệm vụ"\nrecipients:\n  - kind: collective\n    name: "Tập thể"\n'
            f'    achievement: "Hoàn thành tốt nhiệm vụ"\n    unit: {unit}\n')


NEW_COMMUNE = '- id: ubnd-xa-khac\n  name: "Ủy ban nhân dân xã Khác"\n  kind: commune\n  valid_from: 2025-07-01\n'
NEW_UNIT = '- id: don-vi-tach\n  name: "Đơn vị Tách"\n  valid_from: 2025-03-01\n'


def test_authority_split_among_several_successors_names_them_all(tree):
    tree.write("registries/authorities.yaml", tree.read("registries/authorities.yaml").replace(
        "successors: [ubnd-xa-moi]", "successors: [ubnd-xa-moi, ubnd-xa-khac]") + NEW_COMMUNE)
    tree.write("decisions/2025/45-qd-ubnd.yaml", one_line_decision("2025-08-01", "ubnd-huyen-cu", "giay-khen-chu-tich-ubnd-huyen"))
    date_problems = [p for p in tree.problems() if ":2: " in p]
    assert date_problems == ["data/decisions/2025/45-qd-ubnd.yaml:2: ngày ký sau khi «Ủy ban nhân dân huyện Cũ» "
                             "ngừng hoạt động (30/06/2025) — kiểm tra ngày ký; cơ quan kế thừa: «ubnd-xa-moi» và "
                             "«ubnd-xa-khac»"]
    assert [p for p in tree.problems("en") if ":2: " in p] == [
        "data/decisions/2025/45-qd-ubnd.yaml:2: signed after “Ủy ban nhân dân huyện Cũ” ceased (2025-06-30) — check "
        "the date; it was succeeded by “ubnd-xa-moi” and “ubnd-xa-khac”"]


def test_authority_ceased_without_successor_says_so(tree):
    tree.replace("registries/authorities.yaml", "  successors: [ubnd-xa-moi]\n", "")
    tree.write("decisions/2025/45-qd-ubnd.yaml", one_line_decision("2025-08-01", "ubnd-huyen-cu", "giay-khen-chu-tich-ubnd-huyen"))
    assert [p for p in tree.problems() if ":2: " in p] == [
        "data/decisions/2025/45-qd-ubnd.yaml:2: ngày ký sau khi «Ủy ban nhân dân huyện Cũ» ngừng hoạt động "
        "(30/06/2025); cơ quan này không có cơ quan kế thừa — kiểm tra ngày ký hoặc cơ quan ban hành"]


def test_unit_split_offers_each_successor(tree):
    tree.write("registries/units.yaml", tree.read("registries/units.yaml").replace(
        "successors: [don-vi-moi]", "successors: [don-vi-moi, don-vi-tach]") + NEW_UNIT)
    tree.write("decisions/2025/45-qd-ubnd.yaml", one_line_decision("2025-04-15", unit="don-vi-cu"))
    assert tree.problems() == [
        "data/decisions/2025/45-qd-ubnd.yaml:11: cảnh báo: dòng 1 (Tập thể): đơn vị «Đơn vị Cũ» đã ngừng hoạt động từ sau 28/02/2025 "
        "— dùng đơn vị kế thừa «don-vi-moi» hoặc «don-vi-tach» nếu quyết định ban hành sau ngày đó"]
    assert tree.problems("en") == [
        "data/decisions/2025/45-qd-ubnd.yaml:11: warning: row 1 (Tập thể): unit “Đơn vị Cũ” ceased after 2025-02-28 — use its "
        "successor “don-vi-moi” or “don-vi-tach” for decisions after that date"]


def test_unit_ceased_without_successor_is_a_warning_that_says_so(tree):
    tree.replace("registries/units.yaml", "  successors: [don-vi-moi]\n", "")
    tree.write("decisions/2025/45-qd-ubnd.yaml", one_line_decision("2025-04-15", unit="don-vi-cu"))
    assert tree.problems() == [
        "data/decisions/2025/45-qd-ubnd.yaml:11: cảnh báo: dòng 1 (Tập thể): đơn vị «Đơn vị Cũ» đã ngừng hoạt động từ sau 28/02/2025 "
        "và không có đơn vị kế thừa — kiểm tra ngày ký và đơn vị của người được khen; giữ nguyên nếu quyết định ghi "
        "đúng như vậy"]


def test_unit_named_before_it_existed_is_an_error(tree):
    tree.write("decisions/2024/45-qd-ubnd.yaml", one_line_decision("2024-11-20", unit="don-vi-moi"))
    assert tree.problems() == [
        "data/decisions/2024/45-qd-ubnd.yaml:11: dòng 1 (Tập thể): ngày ký trước khi đơn vị «Đơn vị Mới» được thành lập (01/03/2025) — "
        "không thể khen thưởng tại đơn vị chưa thành lập: kiểm tra ngày ký (ngày ký quyết định, không phải ngày trao) "
        "và mã đơn vị; trước ngày đó, ghi đơn vị tiền thân"]
    tree.replace("decisions/2024/45-qd-ubnd.yaml", "unit: don-vi-moi", "unit: don-vi-cu")
    assert tree.problems() == []


def test_successor_without_end_names_the_authority_or_the_unit(tree):
    tree.replace("registries/authorities.yaml", "  valid_to: 2025-06-30\n", "")
    tree.replace("registries/units.yaml", "  valid_to: 2025-02-28\n", "")
    problems = [p for p in tree.problems() if "registries" in p]
    assert problems == [
        "data/registries/authorities.yaml:9: cơ quan «Ủy ban nhân dân huyện Cũ» có cơ quan kế thừa nhưng thiếu ngày "
        "kết thúc — thêm valid_to: ngày cuối cùng cơ quan hoạt động, trước khi sáp nhập, chia tách hoặc giải thể",
        "data/registries/units.yaml:8: đơn vị «Đơn vị Cũ» có đơn vị kế thừa nhưng thiếu ngày kết thúc — thêm "
        "valid_to: ngày cuối cùng đơn vị hoạt động, trước khi sáp nhập, chia tách hoặc giải thể"]


def test_every_successor_must_exist(tree):
    tree.replace("registries/authorities.yaml", "successors: [ubnd-xa-moi]", "successors:\n    - ubnd-xa-moi\n    - ubnd-xa-mo")
    tree.replace("registries/units.yaml", "successors: [don-vi-moi]", "successors: [don-vi-moi, don-vi-moj]")
    assert tree.problems() == [
        "data/registries/authorities.yaml:12: không có cơ quan mã «ubnd-xa-mo» trong danh mục — thêm cơ quan vào "
        "data/registries/authorities.yaml; có phải «ubnd-xa-moi»?",
        "data/registries/units.yaml:9: không có đơn vị mã «don-vi-moj» trong danh mục — thêm đơn vị vào "
        "data/registries/units.yaml hoặc ghi tên vào unit_text; có phải «don-vi-moi»?"]


def test_former_single_successor_field_is_refused_with_its_replacement(tree):
    tree.replace("registries/units.yaml", "successors: [don-vi-moi]", "successor: don-vi-moi")
    assert tree.problems() == [
        "data/registries/units.yaml:9: trường «successor» đã đổi thành «successors» (danh sách, nhận một hoặc nhiều "
        "mã) — viết «successors: [don-vi-moi]»; khi chia tách, ghi mọi mã kế thừa trong ngoặc vuông, cách nhau bằng "
        "dấu phẩy"]


def test_revoked_needs_revocation_details(tree):
    text = tree.read(REVOKED)
    tree.write(REVOKED, text[: text.index("revocation:")] + text[text.index("recipients:"):])
    assert tree.problems() == ["data/decisions/2024/13-qd-ubnd.yaml:7: quyết định đã hủy nhưng thiếu thông tin hủy bỏ "
                               "— thêm revocation: decision_number, date, reason"]


def test_unknown_number_must_say_where_the_award_is_known_from(tree):
    tree.write("decisions/2024/khong-so-bao-cao.yaml",
               tree.read(DECISION).replace('number: "12/QĐ-UBND"', "number: null"))
    assert repeated_awards(tree) == 2  # a copy of the same list
    assert [p for p in tree.problems() if REPEATED not in p] == ["data/decisions/2024/khong-so-bao-cao.yaml:1: không có số quyết định nhưng thiếu "
                               "number_note — ghi nguồn của khen thưởng vào number_note; không tự đặt số"]
    tree.replace("decisions/2024/khong-so-bao-cao.yaml", "number: null",
                 'number: null\nnumber_note: "Theo báo cáo tổng kết năm 2024"')
    assert [p for p in tree.problems() if REPEATED not in p] == []


def test_individual_needs_category_and_collective_has_none(tree):
    tree.replace(DECISION, "    category: leader_other\n", "")
    tree.replace(DECISION, '    name: "Trường Tiểu học A"', '    name: "Trường Tiểu học A"\n    gender: female')
    assert tree.problems() == [
        f"{SHOWN}:24: dòng 2 (Trần Thị B): cá nhân chưa có category (đối tượng thống kê) — thêm category: direct_worker, "
        "leader_other, leader_department, leader_ministry_province, business_person, hoặc unknown nếu nguồn không cho "
        "biết",
        f"{SHOWN}:31: dòng 3 (Trường Tiểu học A): category và gender chỉ dùng cho cá nhân — xóa dòng này hoặc đổi kind thành individual",
    ]


def test_personal_data_fields_are_rejected(tree):
    tree.replace(DECISION, '    position: "Giáo viên"', '    position: "Giáo viên"\n    cccd: "079123456789"')
    assert tree.problems() == [f"{SHOWN}:18: dòng 1 (Nguyễn Văn A): trường «cccd» là dữ liệu cá nhân không được công bố (Luật Bảo vệ dữ liệu "
                               "cá nhân 91/2025/QH15, Nghị định 356/2025/NĐ-CP) — xóa trường này khỏi bản ghi; chỉ "
                               "công bố họ tên, chức vụ, đơn vị và thành tích"]


def test_personal_data_patterns_in_free_text(tree):
    tree.replace(DECISION, 'achievement: "Dạy giỏi"',
                 'achievement: "Dạy giỏi, liên hệ 0912 345 678, CCCD 079123456789, sinh ngày 12/3/1980, trú tại ấp 3"')
    assert tree.problems() == [
        f"{SHOWN}:21: dòng 1 (Nguyễn Văn A): «achievement» chứa địa chỉ nơi ở «trú tại ấp 3» — xóa địa chỉ nhà riêng, quê quán "
        "(dữ liệu cá nhân, Luật 91/2025/QH15); chỉ ghi đơn vị công tác",
        f"{SHOWN}:21: dòng 1 (Nguyễn Văn A): «achievement» chứa ngày sinh, năm sinh «sinh ngày 12/3/1980» — xóa ngày sinh, năm "
        "sinh (dữ liệu cá nhân, Luật 91/2025/QH15); chỉ công bố họ tên, chức vụ, đơn vị",
        f"{SHOWN}:21: dòng 1 (Nguyễn Văn A): «achievement» chứa dãy số giống số CMND/CCCD «CCCD 079123456789» — xóa số định "
        "danh (dữ liệu cá nhân, Luật 91/2025/QH15); nếu không phải, thêm chuỗi vào pii_allow",
        f"{SHOWN}:21: dòng 1 (Nguyễn Văn A): «achievement» chứa số điện thoại «0912 345 678» — xóa số điện thoại (dữ liệu cá "
        "nhân, Luật 91/2025/QH15); nếu không phải số điện thoại, thêm chuỗi vào pii_allow",
    ]


def test_pii_allow_marks_a_checked_false_positive(tree):
    tree.replace(DECISION, 'achievement: "Dạy giỏi"', 'achievement: "Mã sáng kiến 202400123"')
    assert len(tree.problems()) == 1
    tree.replace(DECISION, "recipients:", 'pii_allow: ["202400123"]\nrecipients:')
    assert tree.problems() == []


def test_attachment_outside_data_missing_or_wrong_hash(tree):
    zero = '"' + "0" * 64 + '"'
    tree.replace(DECISION, "movement: phong-trao-a",
                 f"movement: phong-trao-a\nattachment:\n  path: ../../etc/passwd\n  sha256: {zero}")
    assert tree.problems() == [f"{SHOWN}:15: đường dẫn «../../etc/passwd» ra ngoài thư mục data/ — đặt tệp trong data/ "
                               "và ghi đường dẫn tương đối, không dùng «..» hay đường dẫn tuyệt đối"]
    tree.replace(DECISION, "../../etc/passwd", "attachments/12.pdf")
    assert tree.codes() == [(SHOWN, 15, "file_missing")]
    tree.write("attachments/12.pdf", b"%PDF-1.4 test")
    problems = tree.problems()
    assert len(problems) == 1 and problems[0].startswith(f"{SHOWN}:16: mã băm SHA-256 không khớp với tệp đính kèm")


def test_symlinked_attachment_is_refused(tree, tmp_path):
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(b"%PDF secret")
    (tree.data / "attachments").mkdir()
    (tree.data / "attachments" / "12.pdf").symlink_to(outside)
    tree.replace(DECISION, "movement: phong-trao-a",
                 "movement: phong-trao-a\nattachment:\n  path: attachments/12.pdf\n  sha256: " + "a" * 64)
    assert tree.problems() == [f"{SHOWN}:15: đường dẫn «attachments/12.pdf» đi qua liên kết tượng trưng (symlink) nên "
                               "không được đọc — thay symlink bằng bản sao của tệp thật"]


def test_all_problems_reported_at_once_sorted_by_file_and_line(tree):
    tree.replace(DECISION, "method: regular", "method: yearly")
    tree.replace(DECISION, '    position: "Giáo viên"', "    position: no")
    tree.replace(REVOKED, "date: 2024-12-01", "date: 2027-01-01")
    assert [(p, line) for p, line, _ in tree.codes()] == [
        ("data/decisions/2024/12-qd-ubnd.yaml", 11), ("data/decisions/2024/12-qd-ubnd.yaml", 17),
        ("data/decisions/2024/13-qd-ubnd.yaml", 10)]


def test_unquoted_all_digit_hash_is_caught(tree):
    tree.replace(DECISION, "movement: phong-trao-a",
                 "movement: phong-trao-a\nattachment:\n  path: attachments/12.pdf\n  sha256: " + "1" * 64)
    assert (SHOWN, 16, "yaml_scalar_for_text") in tree.codes()


def test_messages_in_english(tree):
    tree.replace(DECISION, "method: regular", "method: yearly")
    assert tree.problems("en") == [f"{SHOWN}:11: “method” does not accept “yearly” — "
                                   "choose one of: “regular”, “thematic”, “ad_hoc”, “foreign”, “dedication”, "
                                   "“seniority”, “resistance” or “unknown”"]


CONSULTATION = """title: "Lấy ý kiến nhân dân đề nghị tặng Bằng khen"
proposer: ubnd-tinh
award_form: bang-khen-cap-tinh
opens: 2026-11-01
closes: 2026-11-30
how_to_comment: "Gửi văn bản"
contact:
  address: "Ban Thi đua - Khen thưởng"
  email: "tdkt@example.vn"
proposed:
  - kind: individual
    name: "Lê Văn D"
    unit: truong-a
    category: direct_worker
outcome:
  decision: 2024/12-qd-ubnd
  note: "Đã khen thưởng"
"""


def test_consultation_is_valid_and_its_references_are_checked(tree):
    tree.write("consultations/dot-1.yaml", CONSULTATION)
    assert tree.problems() == []
    tree.write("consultations/dot-1.yaml", CONSULTATION.replace("2024/12-qd-ubnd", "2024/99-qd-ubnd")
               .replace("closes: 2026-11-30", "closes: 2026-10-30").replace("unit: truong-a", "unit: truong-z"))
    assert tree.problems() == [
        "data/consultations/dot-1.yaml:5: ngày kết thúc 30/10/2026 trước ngày bắt đầu 01/11/2026 — kiểm tra lại "
        "valid_from và valid_to",
        "data/consultations/dot-1.yaml:13: dòng 1 (Lê Văn D): không có đơn vị mã «truong-z» trong danh mục — thêm đơn vị vào "
        "data/registries/units.yaml hoặc ghi tên vào unit_text; có phải «truong-a»?",
        "data/consultations/dot-1.yaml:16: không có quyết định «2024/99-qd-ubnd» — ghi mã dạng năm/tên-tệp của quyết "
        "định, ví dụ 2026/893-qd-ctn",
    ]


# --- people across decisions (person ids) -------------------------------------------------------------

B_LEADER = "    category: leader_other\n"
B_IN_13 = '  - kind: individual\n    name: "Trần Thị B"\n    unit: truong-a\n    category: leader_other\n'


def link_tran_thi_b(tree, person="tran-thi-b-truong-a"):
    """Trần Thị B's lines in both fixture decisions, tied by one person id."""
    tree.replace(DECISION, B_LEADER, B_LEADER + f"    person: {person}\n")
    tree.write(REVOKED, tree.read(REVOKED) + B_IN_13 + f"    person: {person}\n")


def test_a_person_id_on_two_decisions_is_valid(tree):
    link_tran_thi_b(tree)
    assert tree.problems() == []


def test_an_ill_formed_person_id(tree):
    link_tran_thi_b(tree, person='"Trần Thị B"')
    assert tree.problems() == [
        f"{SHOWN}:29: dòng 2 (Trần Thị B): mã «Trần Thị B» ở «person» không hợp lệ — mã chỉ gồm chữ thường không "
        "dấu, số và dấu gạch ngang, ví dụ «tran-thi-b»",
        "data/decisions/2024/13-qd-ubnd.yaml:22: dòng 2 (Trần Thị B): mã «Trần Thị B» ở «person» không hợp lệ — mã "
        "chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ «tran-thi-b»"]


def test_a_person_id_of_a_profile_must_keep_the_profiles_kind(tree):
    """A profile's slug is its person's id: a line linking it names the same kind of recipient as the profile."""
    tree.replace(REVOKED, "  - kind: individual\n    name: \"Nguyễn Văn A\"\n    unit: don-vi-cu\n    category: direct_worker\n",
                 "  - kind: household\n    name: \"Hộ ông Nguyễn Văn A\"\n    unit: don-vi-cu\n")
    assert tree.problems() == [
        "data/decisions/2024/13-qd-ubnd.yaml:16: «Hộ ông Nguyễn Văn A» (đối tượng «household») mang mã người "
        "«nguyen-van-a», nhưng mã này đã dùng cho đối tượng «individual» ở data/profiles/nguyen-van-a.yaml:2 — một mã "
        "người chỉ dùng cho một cá nhân, một tập thể hoặc một hộ gia đình; sửa mã người hoặc loại đối tượng (kind)"]


def test_a_proposed_person_names_a_known_person(tree):
    link_tran_thi_b(tree)
    proposal = CONSULTATION.replace("    category: direct_worker\n", "    category: direct_worker\n    person: tran-thi-b-truong-a\n")
    tree.write("consultations/dot-1.yaml", proposal)
    assert tree.problems() == []
    tree.write("consultations/dot-1.yaml", proposal.replace("person: tran-thi-b-truong-a", "person: tran-thi-b"))
    assert tree.problems() == [
        "data/consultations/dot-1.yaml:15: dòng 1 (Lê Văn D): mã người «tran-thi-b» không nối tới khen thưởng nào khác — mã người phải "
        "có ở ít nhất hai quyết định, hoặc là tên tệp một hồ sơ gương điển hình; kiểm tra chính tả, hoặc xóa dòng "
        "person nếu người này chưa được khen thưởng ở quyết định nào khác; có phải «tran-thi-b-truong-a»?"]


def _collective(name: str) -> str:
    return f"  - kind: collective\n    name: \"{name}\"\n    unit: truong-a\n"


def test_a_recipient_line_is_named_by_its_stt_and_name_in_both_languages(tree):
    """The clerk counts the signed list from 1: the 7th person is «dòng 7», never recipients[6]."""
    extra = "".join(_collective(f"Tổ {n}") for n in range(4, 7)) + (
        "  - kind: collective\n    name: \"Tổ  Văn   phòng\"\n    unit: truong-x\n")
    tree.write(DECISION, tree.read(DECISION) + extra)
    line = tree.read(DECISION).splitlines().index("    unit: truong-x") + 1
    assert tree.problems() == [
        f"{SHOWN}:{line}: dòng 7 (Tổ Văn phòng): không có đơn vị mã «truong-x» trong danh mục — thêm đơn vị vào "
        "data/registries/units.yaml hoặc ghi tên vào unit_text; có phải «truong-a»?"]
    assert tree.problems("en") == [
        f"{SHOWN}:{line}: row 7 (Tổ Văn phòng): no unit with id “truong-x” in the registry — add it to "
        "data/registries/units.yaml or write the name in unit_text; did you mean “truong-a”?"]


def test_a_field_outside_the_list_of_people_keeps_no_row(tree):
    tree.write(DECISION, tree.read(DECISION) + "pii_allow: [1]\n")
    problems = tree.problems()
    assert len(problems) == 1 and problems[0].startswith(f"{SHOWN}:33: «pii_allow[0]»"), problems


def test_placeholder_patterns_keep_ordinary_text():
    from generator.records.validation.schema import PLACEHOLDER_TEXT

    for text in ("Ông … được tặng", "…/QĐ-UBND", "năm học ...", "trường xxx", "[Họ và tên]", "<TODO>", "TBD"):
        assert PLACEHOLDER_TEXT.search(text), text
    for text in ("Đã có thành tích xuất sắc…", "theo [1] và [2]", "Đại hội lần thứ XX", "Max Planck", "today"):
        assert PLACEHOLDER_TEXT.search(text) is None, text


def test_one_pass_reports_references_even_when_the_schema_refuses_the_record(tree):
    """A placeholder and a bad date no longer hide the unknown authority, award form and unit: every problem of
    the file comes in the first run, in file order."""
    tree.replace(DECISION, 'title: "Về việc tặng Bằng khen"', 'title: "…"')
    tree.replace(DECISION, "date: 2024-06-17", "date: 2024-13-17")
    tree.replace(DECISION, "authority: ubnd-tinh", "authority: ubnd-tinhh")
    tree.replace(DECISION, "award_form: bang-khen-cap-tinh", "award_form: bang-khen-tinh")
    tree.replace(DECISION, "unit: truong-a\n    category: leader_other", "unit: truong-b\n    category: leader_other")
    assert tree.codes() == [(SHOWN, 2, "placeholder"), (SHOWN, 3, "bad_date"), (SHOWN, 4, "unknown_authority"),
                            (SHOWN, 10, "unknown_award_form"), (SHOWN, 27, "unknown_unit")]
    assert tree.problems()[-1].startswith(f"{SHOWN}:27: dòng 2 (Trần Thị B): không có đơn vị mã «truong-b»")


def test_an_unknown_award_form_brings_no_follow_on_cash_or_kind_problems(tree):
    tree.replace(DECISION, "award_form: bang-khen-cap-tinh", "award_form: bang-khen-tinh")
    tree.replace(DECISION, "cash_vnd: 1170000", "cash_vnd: 100")
    assert tree.codes() == [(SHOWN, 10, "unknown_award_form")]


def test_a_date_in_the_future_brings_no_follow_on_folder_cash_or_law_problems(tree):
    """2042 for 2024: the folder, the salary and the law of 2042 would only repeat the typo."""
    tree.replace(DECISION, "date: 2024-06-17", "date: 2042-06-17")
    tree.replace(DECISION, "cash_vnd: 1170000", "cash_vnd: 100")
    assert tree.codes() == [(SHOWN, 3, "date_in_future")]
    tree.replace(DECISION, "date: 2042-06-17", "date: 2026-06-17")  # a past date: the same rules run again
    assert [code for _, _, code in tree.codes()] == ["decision_wrong_folder", "cash_mismatch"]


def test_a_missing_source_leaves_no_empty_parentheses_and_dates_read_day_first_in_vietnamese():
    import datetime as dt

    from generator.records.messages import render_message

    params = {"form": "Bằng khen", "period": "từ 01/07/2025", "date": "17/06/2024", "source": ""}
    for lang in ("vi", "en"):
        message, hint = render_message("form_not_in_force", params, lang)
        assert "()" not in hint and ": )" not in hint and "căn cứ" not in hint and "basis" not in hint
    assert render_message("form_not_in_force", {**params, "source": "Luật 06/2022/QH15"})[1].endswith(
        " (căn cứ: Luật 06/2022/QH15)")
    assert render_message("date_in_future", {"date": dt.date(2042, 6, 17)})[0] == "ngày 17/06/2042 ở tương lai"
    assert render_message("date_in_future", {"date": dt.date(2042, 6, 17)}, "en")[0] == "date 2042-06-17 is in the future"


def test_households_and_bare_places_are_not_asked_about_registry_units(tree):
    from generator.records.unit_names import names_a_place

    assert names_a_place("Xã Đông Hải") and names_a_place("phường 3") and names_a_place("Thị trấn Tân Phú")
    assert not names_a_place("Ủy ban nhân dân xã Đông Hải") and not names_a_place("Trường TH A")
    tree.write(DECISION, tree.read(DECISION) + '  - kind: household\n    name: "Hộ ông Lê Văn D"\n'
               '    unit_text: "Trường TH A"\n')
    assert tree.problems() == []
