"""Public consultations as real notices are written: several award forms in one list, a period given as
"10 ngày làm việc" counted without weekends and public holidays (a registry, ``records/law.py``), and
proposed people linked to their line in the resulting decision."""

import datetime as dt

from generator import pipeline
from generator.catalog.gate import Publication
from generator.records import law
from generator.site.render import SiteOptions, render_site

from conftest import ROOT

NOTICE = """title: "Lấy ý kiến nhân dân đề nghị khen thưởng"
proposer: ubnd-tinh
award_form: bang-khen-cap-tinh
opens: 2025-04-28
working_days: 10
how_to_comment: "Gửi văn bản"
contact:
  address: "Phòng Thi đua, khen thưởng, Sở Nội vụ"
proposed:
  - {kind: individual, name: "Nguyễn Văn A", unit: truong-a, category: direct_worker}
  - {kind: collective, name: "Trường Tiểu học A", unit: truong-a, award_form: co-thi-dua-cap-tinh}
outcome:
  decision: 2024/12-qd-ubnd
  note: "Đã khen thưởng"
"""


def records(tree):
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.catalog, [p.format() for p in outcome.problems]
    return outcome


def test_ten_working_days_skip_weekends_and_the_april_may_holidays():
    recs = pipeline.check(ROOT / "tests/fixtures/minimal/data", ROOT / "tests/fixtures/minimal").catalog.records
    # Mon 28/4, Tue 29/4; 30/4, 1/5 and 2/5 (the swapped day) are holidays; 5–9/5; 12, 13, 14/5 → the tenth
    assert law.add_working_days(recs, dt.date(2025, 4, 28), 10) == dt.date(2025, 5, 14)
    assert law.add_working_days(recs, dt.date(2025, 4, 19), 1) == dt.date(2025, 4, 21)  # from a Saturday
    assert law.is_working_day(recs, dt.date(2025, 4, 26))  # the Saturday worked for Friday 2/5/2025
    assert not law.is_working_day(recs, dt.date(2026, 2, 17))  # Tết Bính Ngọ


def test_the_national_day_break_of_2026_runs_from_29_august_to_2_september():
    """Errata F1: Monday 31/8/2026 is a day off, swapped with Saturday 22/8 (a working day)."""
    recs = pipeline.check(ROOT / "tests/fixtures/minimal/data", ROOT / "tests/fixtures/minimal").catalog.records
    assert not law.is_working_day(recs, dt.date(2026, 8, 31)) and law.is_working_day(recs, dt.date(2026, 8, 22))
    # Mon 24 … Fri 28/8 (5), Sat 22/8 is before; 31/8, 1/9, 2/9 off; Thu 3, Fri 4, Mon 7, Tue 8, Wed 9/9 → the tenth
    assert law.add_working_days(recs, dt.date(2026, 8, 24), 10) == dt.date(2026, 9, 9)
    assert law.add_working_days(recs, dt.date(2026, 8, 17), 10) == dt.date(2026, 8, 27)  # 17–21, Sat 22, 24–27
    assert law.is_working_day(recs, dt.date(2026, 1, 10))


def test_a_deadline_in_a_year_whose_holidays_are_not_official_yet_is_warned(tree):
    tree.write("consultations/dot-1.yaml", NOTICE.replace("opens: 2025-04-28\nworking_days: 10",
                                                          "opens: 2026-11-23\nworking_days: 35"))
    [problem] = tree.problems()
    assert problem.startswith("data/consultations/dot-1.yaml:5: cảnh báo: lịch nghỉ năm 2027 chưa có thông báo chính thức")
    # 23–27/11, 30/11 (6); December 2026: 23 working days (29); Fri 1/1/2027 off; 4–8/1 (34), Mon 11/1 the 35th
    assert "hết ngày 11/01/2027" in problem


def test_a_deadline_counted_across_an_unannounced_year_says_so_on_its_page(tree):
    tree.write("consultations/dot-1.yaml", NOTICE.replace("opens: 2025-04-28\nworking_days: 10",
                                                          "opens: 2026-11-23\nworking_days: 35"))
    outcome = pipeline.check(tree.data, tree.root)
    site = render_site(Publication(outcome.catalog), ROOT / "site_templates", SiteOptions(site_url="https://x.example/"))
    page = next(p.html for p in site.pages if p.url == "lay-y-kien/dot-1/")
    assert ("35 ngày làm việc từ ngày 23 tháng 11 năm 2026; hạn tính ra (thông báo không ghi ngày): đến hết ngày 11 "
            "tháng 1 năm 2027 (tính theo các ngày nghỉ lễ đã biết: lịch nghỉ năm 2027 chưa được công bố chính thức, "
            "hạn có thể thay đổi)") in page


def test_a_notice_with_two_forms_and_a_working_day_period(tree):
    tree.write("consultations/dot-1.yaml", NOTICE)
    outcome = records(tree)
    assert outcome.problems == []
    site = render_site(Publication(outcome.catalog), ROOT / "site_templates", SiteOptions(site_url="https://x.example/"))
    page = next(p.html for p in site.pages if p.url == "lay-y-kien/dot-1/")
    # the notice gives working days, not a date: the day is said to be worked out (never as the notice's own)
    assert ("10 ngày làm việc từ ngày 28 tháng 4 năm 2025; hạn tính ra (thông báo không ghi ngày): đến hết ngày 14 "
            "tháng 5 năm 2025") in page
    assert 'data-bv-deadline="2025-05-14"' in page
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, thành phố</a>; <a" in page and "Cờ thi đua của Ủy ban" in page
    # the proposed people named in the resulting decision link to their line there
    assert 'Đã được khen thưởng: <a href="../../quyet-dinh/2024/12-qd-ubnd/#nguoi-nhan-nguyen-van-a">' in page


def test_a_closing_date_shorter_than_the_working_days_is_flagged(tree):
    tree.write("consultations/dot-1.yaml", NOTICE.replace("working_days: 10\n", "working_days: 10\ncloses: 2025-05-09\n"))
    assert tree.problems() == [
        "data/consultations/dot-1.yaml:6: cảnh báo: hạn góp ý 09/05/2025 sớm hơn 10 ngày làm việc kể từ ngày bắt đầu "
        "(hết ngày 14/05/2025) — kiểm tra lại closes hoặc working_days; thời hạn tính không kể thứ Bảy, Chủ nhật và "
        "ngày nghỉ lễ, Tết"]


def test_a_year_without_holidays_in_the_registry_is_said(tree):
    tree.write("consultations/dot-1.yaml", NOTICE.replace("opens: 2025-04-28", "opens: 2023-04-24"))
    [problem] = tree.problems()
    assert "danh mục ngày nghỉ lễ chưa có năm 2023" in problem and problem.startswith("data/consultations/dot-1.yaml:5:")


def test_a_form_is_needed_for_every_proposed_person(tree):
    tree.write("consultations/dot-1.yaml", NOTICE.replace("award_form: bang-khen-cap-tinh\n", ""))
    assert tree.problems() == [
        "data/consultations/dot-1.yaml:8: không rõ hình thức đề nghị — ghi award_form chung cho thông báo, hoặc "
        "award_form cho từng người trong danh sách đề nghị"]
