"""Statistics on the minimal fixture equal values counted by hand.

In force: 12/QĐ-UBND (2024, Bằng khen cấp tỉnh, regular): Nguyễn Văn A (direct worker, male),
Trần Thị B (leader_other, female), Trường Tiểu học A (collective); all in truong-a, a remote unit.
13/QĐ-UBND is revoked and must count nowhere.
"""

from generator import pipeline

from generator.catalog import reports, statistics
from generator.records.validation.caps import cap_breaches


def stats_of(tree):
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.catalog, [p.format() for p in outcome.problems]
    return outcome.catalog, statistics.all_stats(outcome.catalog)


def test_overall_figures_match_hand_counts(tree):
    _, (overall, y2024) = stats_of(tree)
    assert overall.label == "Tất cả các năm" and y2024.label == "2024"
    assert overall.total == 3
    assert (overall.leader_share.numerator, overall.leader_share.denominator) == (1, 2)
    assert (overall.direct_share.numerator, overall.direct_share.denominator) == (1, 2)
    assert (overall.remote_share.numerator, overall.remote_share.denominator) == (3, 3)
    assert overall.leader_share.of == "lượt khen cá nhân" and overall.remote_share.of == "lượt khen có đơn vị trong danh mục"
    counts = {b.key: dict(b.counts()) for b in overall.breakdowns}
    assert counts["kind"] == {"individual": 2, "collective": 1}
    assert counts["category"] == {"direct_worker": 1, "leader_other": 1}
    assert counts["gender"] == {"male": 1, "female": 1}
    assert counts["level"] == {"ministry_province": 3}
    assert counts["form"] == {"bang-khen-cap-tinh": 3}
    assert overall.top_units == [("truong-a", 3)]


def test_revoked_decision_is_left_out(tree):
    catalog, (overall, _) = stats_of(tree)
    revoked = [a for b in overall.breakdowns for awards in b.awards.values() for a in awards
               if a.decision.slug == "13-qd-ubnd"]
    assert revoked == []


def report_lines(report):
    """{row code: (cell values, total)} of a filled report form."""
    return {line.code: (line.values, line.total) for line in report.lines if not line.heading}


def test_official_report_0603_counts(tree):
    catalog, _ = stats_of(tree)
    found = [(r.form.code, r.year, r.authority) for r in reports.all_reports(catalog)]
    assert found == [("0601.N/BNV-TĐKT", 2024, None), ("0603.N/BNV-TĐKT", 2024, "ubnd-tinh")]
    report = reports.all_reports(catalog)[1]
    assert [c.label for c in report.layout.columns][:2] == ["Bằng khen", "Chiến sĩ thi đua cấp bộ, cấp tỉnh"]
    lines = report_lines(report)
    # columns: Bằng khen, CSTĐ cấp bộ/tỉnh, Cờ thi đua, Huy hiệu; counted by hand from 12/QĐ-UBND
    assert lines["01"] == ([3, 0, 0, 0], 3)
    assert lines["02"] == ([1, 0, 0, 0], 1)
    assert lines["03"] == ([0, 0, 0, 0], 0)
    assert lines["05"] == ([2, 0, 0, 0], 2)
    assert lines["09"] == ([1, 0, 0, 0], 1)
    assert lines["10"] == ([1, 0, 0, 0], 1)
    assert lines["11"] == ([3, 0, 0, 0], 3)
    assert lines["13"] == ([0, 0, 0, 0], 0)
    assert report.figures()["report.2024-ubnd-tinh-0603.01.tong"] == 3


STATE_DECISION = """number: "5/QĐ-TTg"
date: 2024-09-02
authority: thu-tuong
proposer: ubnd-tinh
award_form: bang-khen-thu-tuong
method: ad_hoc
reason: "Cứu người trong lũ"
recipients:
  - {kind: collective, name: "Công ty A", unit: truong-a, enterprise: true}
  - {kind: household, name: "Hộ ông Lò Văn H"}
  - {kind: individual, name: "Nguyễn Văn A", category: direct_worker}
  - {kind: individual, name: "Trần Thị B", category: leader_other}
"""


def test_official_report_0602_counts_state_awards_by_proposer_and_kind(tree):
    tree.write("registries/authorities.yaml", tree.read("registries/authorities.yaml")
               + '- id: thu-tuong\n  name: "Thủ tướng Chính phủ"\n  kind: prime_minister\n')
    tree.write("decisions/2024/5-qd-ttg.yaml", STATE_DECISION)
    catalog, _ = stats_of(tree)
    report = next(r for r in reports.all_reports(catalog) if r.form.code.startswith("0602"))
    assert (report.year, report.authority) == (2024, None)
    column = [c.label for c in report.layout.columns].index("Bằng khen của Thủ tướng Chính phủ")
    cells = [i for i, cell in enumerate(report.cells) if cell.column == column]  # Tập thể, Cá nhân
    lines = report_lines(report)

    def at(code):
        values, total = lines[code]
        assert total == sum(values[i] for i in cells)  # nothing counted outside the Prime Minister's column
        return [values[i] for i in cells]

    assert at("1") == [2, 2]  # households are counted with collectives ("Tập thể")
    assert at("3") == [2, 2] and at("2") == [0, 0]  # proposed by a province, not a ministry
    assert at("6") == [1, 0] and at("7") == [1, 0] and at("8") == [1, 0] and at("9") == [0, 2]
    assert at("13") == [0, 1] and at("14") == [0, 1]
    assert at("17") == [2, 2] and at("15") == [0, 0]


def test_official_report_0602_has_one_column_per_order_medal_and_title_awarded(tree):
    """Circular 02/2023, form 0602: «Mỗi hình thức khen thưởng ghi riêng một cột» — each order, medal, honorary title
    and other form awarded that year has a column of its own; the form's other columns stay as they are."""
    tree.write("registries/authorities.yaml", tree.read("registries/authorities.yaml")
               + '- id: chu-tich-nuoc\n  name: "Chủ tịch nước"\n  kind: president\n'
               + '- id: thu-tuong\n  name: "Thủ tướng Chính phủ"\n  kind: prime_minister\n')
    tree.write("decisions/2024/5-qd-ttg.yaml", STATE_DECISION)
    for number, form, name in ((6, "huan-chuong-lao-dong-hang-ba", "Trần Văn C"),
                               (7, "huan-chuong-lao-dong-hang-nhi", "Lê Văn D"),
                               (8, "huy-chuong-chien-si-ve-vang-hang-ba", "Phạm Văn E")):
        tree.write(f"decisions/2024/{number}-qd-ctn.yaml", f"""number: "{number}/QĐ-CTN"
date: 2024-09-0{number - 4}
authority: chu-tich-nuoc
proposer: ubnd-tinh
award_form: {form}
method: regular
reason: "Có thành tích xuất sắc"
recipients:
  - {{kind: individual, name: "{name}", category: direct_worker}}
""")
    catalog, _ = stats_of(tree)
    report = next(r for r in reports.all_reports(catalog) if r.form.code.startswith("0602"))
    labels = [c.label for c in report.layout.columns]
    assert labels == [
        "Huân chương Lao động hạng Nhì", "Huân chương Lao động hạng Ba", "Huy chương Chiến sĩ vẻ vang hạng Ba",
        "Giải thưởng Hồ Chí Minh", "Giải thưởng Nhà nước", "Danh hiệu vinh dự nhà nước", "Cờ thi đua của Chính phủ",
        "Bằng khen của Thủ tướng Chính phủ", "Danh hiệu «Chiến sĩ thi đua toàn quốc»", "Các hình thức khen thưởng khác"]
    lines = report_lines(report)
    individual = [i for i, cell in enumerate(report.cells) if cell.kind == "individual"]
    assert [lines["1"][0][i] for i in individual[:3]] == [1, 1, 1] and lines["1"][1] == 7


def test_report_year_from_2026_uses_the_newer_circular_and_says_whose_layout(tree):
    tree.write("decisions/2026/7-qd-ubnd.yaml", tree.read("decisions/2024/12-qd-ubnd.yaml")
               .replace("12/QĐ-UBND", "7/QĐ-UBND").replace("2024-06-17", "2026-03-02").replace("    cash_vnd: 1170000\n", ""))
    catalog, _ = stats_of(tree)
    report = next(r for r in reports.all_reports(catalog) if r.year == 2026 and r.form.subject == "awards")
    assert "18/2025/TT-BNV" in report.form.circular and "02/2023/TT-BNV" in report.layout.circular
    assert report.form.note and report_lines(report)["01"] == ([3, 0, 0, 0], 3)


def test_cap_breach_is_flagged_as_warning_only_while_the_cap_was_law(tree):
    base = ("number: \"{n}/QĐ-UBND\"\ndate: {y}-08-0{d}\nauthority: {a}\naward_form: {form}\n"
            "method: regular\nreason: \"Năm học\"\nrecipients:\n")
    person = "  - kind: individual\n    name: \"{name}\"\n    unit: truong-a\n    category: direct_worker\n"
    for year, authority in ((2023, "ubnd-huyen-cu"), (2025, "ubnd-xa-moi")):
        tree.write(f"decisions/{year}/1-qd-ubnd.yaml", base.format(n=1, y=year, d=1, a=authority, form="lao-dong-tien-tien")
                   + "".join(person.format(name=f"Người {i}") for i in range(6)))
        tree.write(f"decisions/{year}/2-qd-ubnd.yaml", base.format(n=2, y=year, d=2, a=authority,
                                                                  form="chien-si-thi-dua-co-so")
                   + person.format(name="Người 0") + person.format(name="Người 1"))
    catalog = pipeline.check(tree.data, tree.root)
    warnings = [p.format() for p in catalog.problems if p.code == "cap_exceeded"]
    assert len(warnings) == 1 and warnings[0].startswith(
        "data/decisions/2023/2-qd-ubnd.yaml:4: cảnh báo: Trường Tiểu học A năm 2023: 2 «Chiến sĩ thi đua cơ sở» "
        "trên 6 «Lao động tiên tiến», vượt tỷ lệ 15 %")
    assert "Nghị định 91/2017/NĐ-CP Điều 9(3)" in warnings[0]
    # 2025 has the same ratio but no cap in force: the 2022 Law and its decrees set none
    assert [(b.unit, b.year, b.count, b.base) for b in cap_breaches(catalog.catalog.records)] == [("truong-a", 2023, 2, 6)]
    assert catalog.catalog.cap_breaches == cap_breaches(catalog.catalog.records)  # judged once, the page reads it
    # one of the two titles annulled by a later decision: what the site counts as annulled, the cap never counts
    tree.replace("decisions/2023/2-qd-ubnd.yaml", '    name: "Người 1"\n    unit: truong-a\n',
                 '    name: "Người 1"\n    unit: truong-a\n    revoked: {decision_number: "9/QĐ-UBND", date: 2023-12-01, '
                 'reason: "Kê khai không trung thực"}\n')
    catalog = pipeline.check(tree.data, tree.root)
    assert [(b.unit, b.year, b.count, b.base) for b in catalog.catalog.cap_breaches] == [("truong-a", 2023, 1, 6)]
    assert "1 «Chiến sĩ thi đua cơ sở» trên 6" in [p.format() for p in catalog.problems if p.code == "cap_exceeded"][0]


def test_movement_report_0601(tree):
    catalog, _ = stats_of(tree)
    report = reports.all_reports(catalog)[0]
    assert report.form.code == "0601.N/BNV-TĐKT" and report.year == 2024
    # Phong trào A is organised by the province (column 2) but has no launch date: it is under way in no year
    # we can name (a period in its name, «2015–2020», is no date), so it is in no year's form, said apart
    lines = report_lines(report)
    assert lines["01"] == ([0, 0, 0], 0) and reports.undated_movements(catalog) == 1
    tree.replace("registries/movements.yaml", "  organiser: ubnd-tinh", "  organiser: ubnd-tinh\n  start: 2022-03-01")
    catalog, _ = stats_of(tree)
    report = reports.all_reports(catalog)[0]
    lines = report_lines(report)
    # dated, it counts in 2024; its scope and method are not recorded: those rows say «không rõ», not 0
    assert lines["01"] == ([0, 1, 0], 1) and lines["08"] == ([0, 1, 0], 1)
    line = next(x for x in report.lines if x.code == "04")
    assert not line.known(1) and line.known(0) and report.unknown_reasons == {"scope": 1, "movement_method": 1}
    tree.replace("registries/movements.yaml", "  start: 2022-03-01", "  start: 2022-03-01\n  scope: cluster\n"
                 "  method: thematic")
    catalog, _ = stats_of(tree)
    report = reports.all_reports(catalog)[0]
    lines = report_lines(report)
    assert lines["04"] == ([0, 1, 0], 1) and lines["08"] == ([0, 1, 0], 1) and lines["11"] == ([0, 1, 0], 1)
    assert lines["12"] == ([0, 0, 0], 0) and report.unknown_reasons == {}
