"""Vietnamese labels for enumerations, dates and amounts, as shown on the site."""

from __future__ import annotations

import datetime as dt
import re

from generator.records.models import (
    AuthorityKind,
    AwardGroup,
    AwardLevel,
    CommendationMethod,
    DecisionStatus,
    Gender,
    RecipientCategory,
    RecipientKind,
)

LABELS: dict[type, dict] = {
    RecipientKind: {RecipientKind.individual: "Cá nhân", RecipientKind.household: "Hộ gia đình",
                    RecipientKind.collective: "Tập thể"},
    RecipientCategory: {
        RecipientCategory.leader_ministry_province: "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
        RecipientCategory.leader_department: "Lãnh đạo cấp vụ, sở, ngành và tương đương",
        RecipientCategory.business_person: "Doanh nhân",
        RecipientCategory.leader_other: "Các cấp lãnh đạo khác từ phó phòng trở lên",
        RecipientCategory.direct_worker: "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu",
        RecipientCategory.unknown: "Không rõ (nguồn không cho biết)",
    },
    Gender: {Gender.female: "Nữ", Gender.male: "Nam"},
    CommendationMethod: {
        CommendationMethod.regular: "Thường xuyên", CommendationMethod.thematic: "Chuyên đề",
        CommendationMethod.ad_hoc: "Đột xuất", CommendationMethod.foreign: "Đối ngoại",
        CommendationMethod.dedication: "Cống hiến", CommendationMethod.seniority: "Niên hạn",
        CommendationMethod.resistance: "Kháng chiến", CommendationMethod.unknown: "Không rõ",
    },
    DecisionStatus: {DecisionStatus.in_force: "Còn hiệu lực", DecisionStatus.revoked: "Đã hủy bỏ",
                     DecisionStatus.corrected: "Có đính chính"},
    AwardLevel: {AwardLevel.state: "Cấp Nhà nước", AwardLevel.ministry_province: "Cấp bộ, ngành, tỉnh",
                 AwardLevel.grassroots: "Cấp cơ sở", AwardLevel.other: "Ngoài các hình thức của Luật",
                 AwardLevel.unknown: "Không rõ cấp (nguồn không nêu hình thức)"},
    AwardGroup: {
        AwardGroup.order: "Huân chương", AwardGroup.medal: "Huy chương",
        AwardGroup.honorary_title: "Danh hiệu vinh dự nhà nước", AwardGroup.prize: "Giải thưởng",
        AwardGroup.commemorative_medal: "Kỷ niệm chương", AwardGroup.certificate_of_merit: "Bằng khen",
        AwardGroup.certificate_of_commendation: "Giấy khen", AwardGroup.emulation_title: "Danh hiệu thi đua",
        AwardGroup.emulation_flag: "Cờ thi đua", AwardGroup.reward: "Thưởng (tiền, hiện vật)",
        AwardGroup.unknown: "Không rõ hình thức",
    },
    AuthorityKind: {
        AuthorityKind.president: "Chủ tịch nước", AuthorityKind.prime_minister: "Thủ tướng Chính phủ",
        AuthorityKind.ministry: "Bộ, ban, ngành trung ương", AuthorityKind.province: "Ủy ban nhân dân tỉnh",
        AuthorityKind.department: "Sở, ban, ngành tỉnh", AuthorityKind.district: "Ủy ban nhân dân cấp huyện",
        AuthorityKind.commune: "Ủy ban nhân dân cấp xã", AuthorityKind.agency: "Cơ quan, đơn vị",
    },
}


# Short names of the statistical categories, for lines of a list; the legal phrase (LABELS) stays on demand.
SHORT_CATEGORY = {
    RecipientCategory.leader_ministry_province: "Lãnh đạo cấp bộ, tỉnh",
    RecipientCategory.leader_department: "Lãnh đạo cấp vụ, sở, ngành",
    RecipientCategory.business_person: "Doanh nhân",
    RecipientCategory.leader_other: "Lãnh đạo từ phó phòng trở lên",
    RecipientCategory.direct_worker: "Người trực tiếp lao động, công tác",
    RecipientCategory.unknown: "Không rõ đối tượng",
}


def label(value) -> str:
    """Vietnamese label of an enumeration value; empty for None."""
    if value is None:
        return ""
    return LABELS[type(value)][value]


def decision_number(number: str | None) -> str:
    """The number as printed, or a plain statement that it is not known (numbers are never invented)."""
    return number or "Không rõ số"


def short_date(value: dt.date | None) -> str:
    """17/06/2024"""
    return value.strftime("%d/%m/%Y") if value else ""


def long_date(value: dt.date | None) -> str:
    """ngày 17 tháng 6 năm 2024"""
    return f"ngày {value.day:02d} tháng {value.month} năm {value.year}" if value else ""


def decision_date(d) -> str:
    """A decision's date in words, as precise as it is known: "ngày 17 tháng 6 năm 2024", "tháng 6 năm 2024",
    "năm 2024"."""
    if d.date_precision.value == "year":
        return f"năm {d.date.year}"
    if d.date_precision.value == "month":
        return f"tháng {d.date.month} năm {d.date.year}"
    return long_date(d.date)


_DATED_AS = {"ceremony": "trao tặng", "published": "đăng tin", "approximate": "thời gian ước tính"}


def decision_dated(d) -> str:
    """How a decision is dated wherever it is named (page title, print header, citation, feed): its signing date,
    or — when the record's date is a ceremony, news or estimated date — that date said for what it is, with the
    signing date as unknown. A ceremony date is never presented as the decision's date."""
    if d.date_kind.value == "signed":
        return decision_date(d)
    return f"{_DATED_AS[d.date_kind.value]} {decision_date(d)} (không rõ ngày ký)"


def decision_short_date(d) -> str:
    """17/06/2024, 06/2024 or 2024 — as precise as the record's date is."""
    if d.date_precision.value == "year":
        return str(d.date.year)
    if d.date_precision.value == "month":
        return d.date.strftime("%m/%Y")
    return short_date(d.date)


DATE_KIND_LABELS = {"signed": "Ngày ký", "ceremony": "Ngày trao tặng", "published": "Ngày đăng tin, công bố",
                    "approximate": "Thời gian (ước tính)"}


def decision_date_label(d) -> str:
    """What the record's date is: "Ngày ký", or the other date it stands for when the signing date is unknown."""
    return DATE_KIND_LABELS[d.date_kind.value]


def money(amount: int | None) -> str:
    """1.170.000 đ"""
    return f"{amount:,}".replace(",", ".") + " đ" if amount is not None else ""


def count(value: int) -> str:
    """Thousands separated Vietnamese-style: 12.345"""
    return f"{value:,}".replace(",", ".")


def percent(numerator: int, denominator: int) -> str:
    """41,9 % — one decimal, Vietnamese decimal comma; the one rounding rule for every share."""
    return f"{numerator * 100 / denominator:.1f} %".replace(".", ",")


# A catalogue note for the staff who keep it: «(điều cụ thể — kiểm tra lại)», «(chưa đối chiếu …)».
_STAFF_NOTE = re.compile(r"\s*\([^()]*(?:kiểm tra lại|chưa đối chiếu)[^()]*\)")


def public_text(text: str) -> str:
    """A catalogue text as the public reads it: the staff's verification notes in brackets left out (the data
    files and the clerks' pages keep them)."""
    return _STAFF_NOTE.sub("", text or "").strip()
