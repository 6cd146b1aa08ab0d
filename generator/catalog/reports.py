"""Official report forms 0601–0603.N/BNV-TĐKT, counted from the same awards as every other figure.

Only awards that count (``counts.py``) are counted.
"""

from __future__ import annotations

from collections import Counter

from generator.catalog.index import Catalog
from generator.catalog.statistics import counted_awards
from generator.records.models import AwardGroup, AwardLevel, CommendationMethod, RecipientCategory, RecipientKind


# --- official report forms 0602 / 0603.N/BNV-TĐKT (Circular 02/2023/TT-BNV) ------------------------

REPORT_COLUMNS = {
    AwardLevel.ministry_province: ("0603.N/BNV-TĐKT", "Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh",
                                   [(AwardGroup.certificate_of_merit, "Bằng khen"),
                                    (AwardGroup.emulation_title, "Danh hiệu thi đua"),
                                    (AwardGroup.emulation_flag, "Cờ thi đua"),
                                    (AwardGroup.commemorative_medal, "Kỷ niệm chương, huy hiệu")]),
    AwardLevel.state: ("0602.N/BNV-TĐKT", "Số lượng khen thưởng cấp Nhà nước",
                       [(AwardGroup.order, "Huân chương"), (AwardGroup.medal, "Huy chương"),
                        (AwardGroup.honorary_title, "Danh hiệu vinh dự nhà nước"), (AwardGroup.prize, "Giải thưởng"),
                        (AwardGroup.certificate_of_merit, "Bằng khen của Thủ tướng"),
                        (AwardGroup.emulation_flag, "Cờ thi đua của Chính phủ"),
                        (AwardGroup.emulation_title, "Chiến sĩ thi đua toàn quốc")]),
}


def report_rows() -> list[tuple[str, str, object]]:
    """(row id, Vietnamese row label, predicate on an award) in the order of the official forms."""
    def kind(k):
        return lambda a: a.recipient.kind is k

    def category(c):
        return lambda a: a.recipient.kind is RecipientKind.individual and a.recipient.category is c

    def method(m):
        return lambda a: a.decision.model.method is m

    rows = [("tap-the", "1. Tập thể", kind(RecipientKind.collective)),
            ("doanh-nghiep", "   Trong đó: doanh nghiệp", lambda a: a.recipient.enterprise),
            ("ho-gia-dinh", "2. Hộ gia đình", kind(RecipientKind.household)),
            ("ca-nhan", "3. Cá nhân", kind(RecipientKind.individual))]
    labels = {RecipientCategory.leader_ministry_province: "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
              RecipientCategory.leader_department: "Lãnh đạo cấp vụ, sở, ngành và tương đương",
              RecipientCategory.business_person: "Doanh nhân",
              RecipientCategory.leader_other: "Các cấp lãnh đạo khác từ phó phòng trở lên",
              RecipientCategory.direct_worker: "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu"}
    rows += [(f"ca-nhan-{c.value}", f"   {labels[c]}", category(c)) for c in RecipientCategory]
    method_labels = {CommendationMethod.regular: "Thường xuyên", CommendationMethod.thematic: "Chuyên đề",
                     CommendationMethod.ad_hoc: "Đột xuất", CommendationMethod.foreign: "Đối ngoại",
                     CommendationMethod.dedication: "Cống hiến", CommendationMethod.seniority: "Niên hạn",
                     CommendationMethod.resistance: "Kháng chiến"}
    rows += [(f"phuong-thuc-{m.value}", f"4. Phương thức: {method_labels[m]}", method(m)) for m in CommendationMethod]
    return rows


def official_report(catalog: Catalog, year: int, authority: str, level: AwardLevel) -> list[list]:
    """Rows of the form: [label, count per column …, total], counted from in-force awards."""
    columns = REPORT_COLUMNS[level][2]
    awards = counted_awards(d for d in catalog.by_year.get(year, []) if d.model.authority == authority
                       and catalog.award_forms[d.model.award_form].model.level is level)
    table = []
    for _row_id, row_label, predicate in report_rows():
        counts = [sum(1 for a in awards if predicate(a)
                      and catalog.award_forms[a.decision.model.award_form].model.group is group) for group, _ in columns]
        table.append([row_label, *counts, sum(counts)])
    return table


def report_keys(catalog: Catalog) -> list[tuple[int, str, AwardLevel]]:
    """(year, authority, level) combinations that have in-force awards of a reportable level."""
    keys = set()
    for decision in catalog.decisions:
        level = catalog.award_forms[decision.model.award_form].model.level
        if level in REPORT_COLUMNS and not decision.revoked and decision.model.recipients:
            keys.add((decision.year, decision.model.authority, level))
    return sorted(keys, key=lambda k: (-k[0], k[1], k[2].value))


# --- form 0601.N/BNV-TĐKT: emulation movements -----------------------------------------------------

MOVEMENT_FORM = ("0601.N/BNV-TĐKT", "Số phong trào thi đua")
_LEVEL_OF = {"president": "Trung ương", "prime_minister": "Trung ương", "ministry": "Bộ, ngành, tỉnh",
             "province": "Bộ, ngành, tỉnh"}
_SCOPES = {"national": "Toàn quốc", "sector_locality": "Bộ, ngành, địa phương", "cluster": "Cụm, khối thi đua",
           "agency": "Cơ quan, đơn vị"}
_DURATIONS = ["Dưới 1 năm", "1 năm", "Trên 1 đến 3 năm", "Trên 3 đến 5 năm", "Trên 5 năm"]


def _duration(days: int) -> str:
    years = days / 365.25
    if years < 0.95:
        return _DURATIONS[0]
    if years <= 1.05:
        return _DURATIONS[1]
    return _DURATIONS[2] if years <= 3 else _DURATIONS[3] if years <= 5 else _DURATIONS[4]


def movement_years(catalog: Catalog) -> list[int]:
    return sorted({y for y in catalog.by_year}, reverse=True) if catalog.movements else []


def movement_report(catalog: Catalog, year: int) -> list[tuple[str, list[tuple[str, int]]]]:
    """Movements under way in ``year``, counted by organising level, scope, duration and method."""
    import datetime as dt

    start_of, end_of = dt.date(year, 1, 1), dt.date(year, 12, 31)
    active = [m.model for m in catalog.movements.values()
              if (m.model.start or start_of) <= end_of and (m.model.end or end_of) >= start_of]
    groups: list[tuple[str, Counter]] = [("Cấp phát động", Counter()), ("Phạm vi", Counter()),
                                         ("Thời gian", Counter()), ("Hình thức", Counter())]
    for m in active:
        organiser = catalog.authorities.get(m.organiser) if m.organiser else None
        groups[0][1][_LEVEL_OF.get(organiser.model.kind.value, "Cơ quan, đơn vị") if organiser else "Chưa ghi"] += 1
        groups[1][1][_SCOPES[m.scope.value] if m.scope else "Chưa ghi"] += 1
        groups[2][1][_duration(((m.end or end_of) - (m.start or start_of)).days) if m.start else "Chưa ghi"] += 1
        groups[3][1][("Theo chuyên đề" if m.method.value == "thematic" else "Thường xuyên") if m.method else "Chưa ghi"] += 1
    order = {"Cấp phát động": ["Trung ương", "Bộ, ngành, tỉnh", "Cơ quan, đơn vị", "Chưa ghi"],
             "Phạm vi": [*_SCOPES.values(), "Chưa ghi"], "Thời gian": [*_DURATIONS, "Chưa ghi"],
             "Hình thức": ["Theo chuyên đề", "Thường xuyên", "Chưa ghi"]}
    return [(title, [(label, counts[label]) for label in order[title] if counts[label] or label != "Chưa ghi"])
            for title, counts in groups]
