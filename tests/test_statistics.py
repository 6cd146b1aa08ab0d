"""Statistics on the minimal fixture equal values counted by hand.

In force: 12/QĐ-UBND (2024, Bằng khen cấp tỉnh, regular): Nguyễn Văn A (direct worker, male),
Trần Thị B (leader_other, female), Trường Tiểu học A (collective); all in truong-a, a remote unit.
13/QĐ-UBND is revoked and must count nowhere.
"""

from generator import pipeline

from generator.catalog import reports, statistics
from generator.records.models import AwardLevel
from generator.records.validation.caps import cap_breaches


def stats_of(tree):
    catalog = pipeline.check(tree.data, tree.root).catalog
    return catalog, statistics.all_stats(catalog)


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


def test_official_report_0603_counts(tree):
    catalog, _ = stats_of(tree)
    assert reports.report_keys(catalog) == [(2024, "ubnd-tinh", AwardLevel.ministry_province)]
    rows = {row[0].strip(): row[1:] for row in reports.official_report(catalog, 2024, "ubnd-tinh",
                                                                          AwardLevel.ministry_province)}
    # columns: Bằng khen, Danh hiệu thi đua, Cờ thi đua, Kỷ niệm chương, Tổng
    assert rows["1. Tập thể"] == [1, 0, 0, 0, 1]
    assert rows["Trong đó: doanh nghiệp"] == [0, 0, 0, 0, 0]
    assert rows["3. Cá nhân"] == [2, 0, 0, 0, 2]
    assert rows["Các cấp lãnh đạo khác từ phó phòng trở lên"] == [1, 0, 0, 0, 1]
    assert rows["Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"] == [1, 0, 0, 0, 1]
    assert rows["4. Phương thức: Thường xuyên"] == [3, 0, 0, 0, 3]
    assert rows["4. Phương thức: Đột xuất"] == [0, 0, 0, 0, 0]


def test_cap_breach_is_flagged_as_warning(tree):
    base = ("number: \"{n}/QĐ-UBND\"\ndate: 2025-08-0{d}\nauthority: ubnd-xa-moi\naward_form: {form}\n"
            "method: regular\nreason: \"Năm học\"\nrecipients:\n")
    person = "  - kind: individual\n    name: \"{name}\"\n    unit: truong-a\n    category: direct_worker\n"
    tree.write("decisions/2025/1-qd-ubnd.yaml", base.format(n=1, d=1, form="lao-dong-tien-tien")
               + "".join(person.format(name=f"Người {i}") for i in range(6)))
    tree.write("decisions/2025/2-qd-ubnd.yaml", base.format(n=2, d=2, form="chien-si-thi-dua-co-so")
               + person.format(name="Người 0") + person.format(name="Người 1"))
    catalog = pipeline.check(tree.data, tree.root)
    assert "data/decisions/2025/2-qd-ubnd.yaml:4: cảnh báo: Trường Tiểu học A năm 2025: 2 «Chiến sĩ thi đua cơ sở» " \
           "trên 6 «Lao động tiên tiến», vượt tỷ lệ 15 % — kiểm tra danh sách; tỷ lệ quy định trong danh mục hình " \
           "thức khen thưởng (cap)" in [p.format() for p in catalog.problems]
    assert [(b.unit, b.year, b.count, b.base) for b in cap_breaches(catalog.catalog.records)] == [("truong-a", 2025, 2, 6)]


def test_movement_report_0601(tree):
    catalog, _ = stats_of(tree)
    assert reports.movement_years(catalog) == [2024]
    assert reports.movement_report(catalog, 2024) == [
        ("Cấp phát động", [("Trung ương", 0), ("Bộ, ngành, tỉnh", 1), ("Cơ quan, đơn vị", 0)]),
        ("Phạm vi", [("Toàn quốc", 0), ("Bộ, ngành, địa phương", 0), ("Cụm, khối thi đua", 0), ("Cơ quan, đơn vị", 0),
                     ("Chưa ghi", 1)]),
        ("Thời gian", [("Dưới 1 năm", 0), ("1 năm", 0), ("Trên 1 đến 3 năm", 0), ("Trên 3 đến 5 năm", 0),
                       ("Trên 5 năm", 0), ("Chưa ghi", 1)]),
        ("Hình thức", [("Theo chuyên đề", 0), ("Thường xuyên", 0), ("Chưa ghi", 1)]),
    ]
    tree.replace("registries/movements.yaml", "  organiser: ubnd-tinh",
                 "  organiser: ubnd-tinh\n  start: 2022-03-01\n  scope: cluster\n  method: thematic")
    catalog, _ = stats_of(tree)
    groups = dict(reports.movement_report(catalog, 2024))
    assert ("Trên 1 đến 3 năm", 1) in groups["Thời gian"] and ("Cụm, khối thi đua", 1) in groups["Phạm vi"]
    assert ("Theo chuyên đề", 1) in groups["Hình thức"]
