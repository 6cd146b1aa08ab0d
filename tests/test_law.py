"""The law in force on a decision's date (``records/law.py``), judged from the bundled dated registries
(``generator/defaults/``), and what validation says about it. Amounts are worked by hand from
the base salary and the multiple in force on the day, rounded up to the next 10,000 đ."""

import datetime as dt

import pytest

from generator import pipeline
from generator.records import law
from generator.records.models import AuthorityKind, RecipientKind

DAY = dt.date.fromisoformat


@pytest.fixture
def records(tree):
    return pipeline.check(tree.data, tree.root).catalog.records


def form(records, form_id):
    return records.award_forms[form_id].model


@pytest.mark.parametrize("day, amount", [
    ("2023-06-30", 1_490_000), ("2023-07-01", 1_800_000), ("2024-06-30", 1_800_000), ("2024-07-01", 2_340_000),
    ("2026-06-30", 2_340_000), ("2026-07-01", 2_530_000)])
def test_base_salary_changes_on_the_day_its_decree_says(records, day, amount):
    assert law.base_salary_on(records, DAY(day)).amount == amount


@pytest.mark.parametrize("form_id, kind, day, amount", [
    # Giấy khen 0.3 × 2,340,000 = 702,000 → 710,000 (domain.md §7 worked example)
    ("giay-khen-chu-tich-ubnd-xa", RecipientKind.individual, "2025-09-01", 710_000),
    # households get 1.5 × the individual multiple: 0.45 × 2,340,000 = 1,053,000 → 1,060,000
    ("giay-khen-chu-tich-ubnd-xa", RecipientKind.household, "2025-09-01", 1_060_000),
    ("giay-khen-chu-tich-ubnd-xa", RecipientKind.collective, "2025-09-01", 1_410_000),  # 0.6 × = 1,404,000
    # under Decree 98/2023 (1 Jan 2024 – 30 Jun 2025), with the base salary of 1 Jul 2024
    ("giay-khen-chu-tich-ubnd-xa", RecipientKind.individual, "2025-03-01", 710_000),
    ("giay-khen-chu-tich-ubnd-huyen", RecipientKind.individual, "2025-03-01", 710_000),
    ("giay-khen-chu-tich-ubnd-huyen", RecipientKind.individual, "2024-03-01", 540_000),  # 0.3 × 1,800,000
    # HCLĐ hạng Ba 4.5 × 2,530,000 = 11,385,000 → 11,390,000 (from 1 Jul 2026)
    ("huan-chuong-lao-dong-hang-ba", RecipientKind.individual, "2026-08-01", 11_390_000),
    ("huan-chuong-lao-dong-hang-ba", RecipientKind.individual, "2026-06-30", 10_530_000),  # at 2,340,000
    ("bang-khen-cap-tinh", RecipientKind.individual, "2025-09-01", 3_510_000),
    ("bang-khen-thu-tuong", RecipientKind.individual, "2025-09-01", 8_190_000),
    ("chien-si-thi-dua-co-so", RecipientKind.individual, "2024-03-01", 1_800_000),  # Decree 98 Art. 54
])
def test_legal_cash_is_the_multiple_in_force_times_the_base_salary_rounded_up(records, form_id, kind, day, amount):
    assert law.legal_cash(records, form(records, form_id), kind, DAY(day)).amount == amount


def test_no_verified_multiple_means_no_amount_rather_than_a_guess(records):
    # Decree 98/2023's Bằng khen multiples are not verified (domain.md §7): nothing is computed for 2024 – Jun 2025
    assert law.legal_cash(records, form(records, "bang-khen-cap-tinh"), RecipientKind.individual, DAY("2024-09-01")) is None
    # a title is never given to a collective
    assert law.legal_cash(records, form(records, "chien-si-thi-dua-co-so"), RecipientKind.collective,
                          DAY("2025-09-01")) is None


def test_commune_power_over_grassroots_titles_begins_with_decree_129(records):
    cstd = form(records, "chien-si-thi-dua-co-so")
    assert not law.may_award(cstd, AuthorityKind.commune, DAY("2025-06-30"))
    assert law.may_award(cstd, AuthorityKind.commune, DAY("2025-07-01"))
    assert law.may_award(cstd, AuthorityKind.district, DAY("2025-06-30"))
    assert not law.may_award(cstd, AuthorityKind.district, DAY("2025-07-01"))


def test_citations_are_judged_on_the_signing_date(records):
    [decree_98] = law.cited_documents(records, "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023")
    assert law.judge_citation(decree_98, DAY("2025-06-30")) == ""
    assert law.judge_citation(decree_98, DAY("2025-07-01")) == "repealed"
    [law_2022] = law.cited_documents(records, "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022")
    assert law.judge_citation(law_2022, DAY("2022-06-01")) == "not_issued"
    assert law.judge_citation(law_2022, DAY("2023-05-01")) == "not_in_force"
    assert law.cited_documents(records, "Căn cứ đề nghị của Giám đốc Sở Nội vụ") == []


COMMUNE = '- id: ubnd-xa-a\n  name: "Ủy ban nhân dân xã A"\n  kind: commune\n  valid_from: 2000-01-01\n'
GRASSROOTS = """number: "3/QĐ-UBND"
date: {date}
authority: ubnd-xa-a
legal_basis:
  - "Căn cứ Nghị định số {decree}"
award_form: chien-si-thi-dua-co-so
method: regular
reason: "Năm học"
recipients:
  - kind: individual
    name: "Lò Thị H"
    unit: truong-a
    category: direct_worker
    cash_vnd: {cash}
"""


def grassroots(tree, date, decree="152/2025/NĐ-CP", cash=2_340_000):
    tree.write("registries/authorities.yaml", tree.read("registries/authorities.yaml") + COMMUNE)
    year = date[:4]
    tree.write(f"decisions/{year}/3-qd-ubnd.yaml", GRASSROOTS.format(date=date, decree=decree, cash=cash))
    return f"data/decisions/{year}/3-qd-ubnd.yaml"


def test_commune_awarding_a_grassroots_title_before_its_power_is_an_error(tree):
    shown = grassroots(tree, "2025-06-30", decree="98/2023/NĐ-CP")
    assert tree.problems() == [
        f"{shown}:6: «Ủy ban nhân dân xã A» chỉ được quyết định «Chiến sĩ thi đua cơ sở» từ 01/07/2025 (Nghị định "
        "129/2025/NĐ-CP Điều 59); quyết định ký ngày 30/06/2025 — kiểm tra ngày ký, cơ quan ban hành hoặc hình thức "
        "khen thưởng; thẩm quyền tính theo văn bản có hiệu lực vào ngày ký"]


def test_the_same_decision_a_day_later_is_clean(tree):
    grassroots(tree, "2025-07-01")
    assert tree.problems() == []


def test_cash_other_than_the_legal_amount_is_a_warning_that_shows_the_computation(tree):
    shown = grassroots(tree, "2025-07-01", cash=2_000_000)
    assert tree.problems() == [
        f"{shown}:14: cảnh báo: dòng 1 (Lò Thị H): tiền thưởng 2.000.000 đ khác mức theo quy định 2.340.000 đ — 1 × mức lương "
        "cơ sở 2.340.000 đ (Nghị định 73/2024/NĐ-CP Điều 3(2)) = 2.340.000 đ, làm tròn lên hàng chục nghìn đồng "
        "(Nghị định 152/2025/NĐ-CP Điều 50(1)); sửa cash_vnd nếu nhập nhầm, giữ nguyên nếu quyết định ghi đúng như vậy"]


def test_a_title_paid_nothing_is_not_warned_but_an_order_paid_nothing_is(tree):
    """Errata F5: several titles earned for one period are paid only for the highest (Decree 152/2025 Art. 49(5)):
    0 đ beside a title is correct. Any other wrong amount of a title, and 0 đ beside a certificate, still warn."""
    shown = grassroots(tree, "2025-07-01", cash=0)
    assert tree.problems() == []
    tree.replace(shown[len("data/"):], "cash_vnd: 0", "cash_vnd: 1")
    assert [p.split(": tiền thưởng")[0] for p in tree.problems()] == [f"{shown}:14: cảnh báo: dòng 1 (Lò Thị H)"]
    tree.replace(shown[len("data/"):], "award_form: chien-si-thi-dua-co-so", "award_form: giay-khen-chu-tich-ubnd-xa")
    tree.replace(shown[len("data/"):], "cash_vnd: 1", "cash_vnd: 0")
    assert ["tiền thưởng 0 đ khác mức theo quy định" in p for p in tree.problems()] == [True]


def test_citing_a_repealed_decree_is_a_warning_naming_its_successor(tree):
    shown = grassroots(tree, "2025-07-01", decree="98/2023/NĐ-CP")
    [problem] = tree.problems()
    assert problem.startswith(f"{shown}:5: cảnh báo: căn cứ «98/2023/NĐ-CP» (")
    assert "hết hiệu lực từ 01/07/2025, được thay thế bởi 152/2025/NĐ-CP; quyết định ký ngày 01/07/2025" in problem


def test_the_amending_law_of_2026_joins_the_legal_frame_on_1_october_2026(records):
    """Errata F3: from 01/10/2026 a decision rests on the Law of 2022 as amended in 2026."""
    amended = "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2026"
    assert amended not in law.basis_lines(records, DAY("2026-09-30"))
    lines = law.basis_lines(records, DAY("2026-10-01"))
    assert lines[:2] == ["Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022", amended]
    [last] = [p for p in law.legal_periods(records) if p.start == DAY("2026-10-01")]
    assert last.end is None and [d.number for d in last.documents][:2] == ["06/2022/QH15", "06/2026/QH16"]
    assert [d.number for d in law.cited_documents(records, "Căn cứ " + amended + ";")] == ["06/2026/QH16"]


def test_a_new_decision_signed_after_1_october_2026_cites_the_amending_law(tree):
    from conftest import run_cli

    result = run_cli("new", "decision", "--number", "46/QĐ-UBND", "--date", "2026-10-05", "--authority", "ubnd-tinh",
                     "--award-form", "bang-khen-cap-tinh", "--data", str(tree.data), cwd=tree.root)
    assert result.returncode == 0, result.stderr
    text = (tree.data / "decisions/2026/46-qd-ubnd.yaml").read_text("utf-8")
    assert '  - "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng năm 2026"\n' in text
