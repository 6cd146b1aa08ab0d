"""Write the bundled sample data set: a fictional province ("tỉnh Hòa An"), 2023–2026.

Run ``python -m generator.dev.sample_data data`` to regenerate ``data/decisions`` and
``data/profiles`` (the registries are hand-written and left alone). The output is deterministic.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator.dev.synthetic import (
    RecipientSpec,
    person_name,
    placeholder_pdf,
    placeholder_png,
    q,
    recipient_yaml,
    sha256_of,
)
from generator.text import slugify

HEADER = "# DỮ LIỆU MẪU HƯ CẤU — tỉnh Hòa An và mọi người, đơn vị trong tệp này không có thật.\n"

BASIS: list[str] = []  # a spec's legal basis: the texts in force on its date (basis_on)


def _legal_registries():
    """The bundled registries, merged as validation merges them: the one source of each sample's legal basis
    and cash amounts."""
    from generator.records.load import load_registries
    from generator.records.validation import validate_registries_only

    records, _ = validate_registries_only(load_registries(Path("/nonexistent")))
    return records


_LEGAL = None


def _law():
    global _LEGAL
    _LEGAL = _LEGAL or _legal_registries()
    return _LEGAL


def basis_on(date: str) -> list[str]:
    """The law and decree in force on a signing date (YYYY-MM-DD): a decision cites what applied that day."""
    import datetime as dt

    from generator.records.law import basis_lines

    return basis_lines(_law(), dt.date.fromisoformat(date))


def cash_for(award_form: str, kind: str, date: str) -> int | None:
    """The legal cash amount on ``date``, or None where no verified rule exists (then none is written)."""
    import datetime as dt

    from generator.records.law import legal_cash
    from generator.records.models import RecipientKind

    form = _law().award_forms[award_form].model
    cash = legal_cash(_law(), form, RecipientKind(kind), dt.date.fromisoformat(date))
    return cash.amount if cash else None

# (unit, positions with their statistical category)
STAFF = {
    "school": [("Giáo viên", "direct_worker", 8), ("Nhân viên thư viện", "direct_worker", 1),
               ("Tổ trưởng chuyên môn", "direct_worker", 2), ("Phó Hiệu trưởng", "leader_other", 1),
               ("Hiệu trưởng", "leader_other", 1)],
    "health": [("Bác sĩ", "direct_worker", 5), ("Điều dưỡng", "direct_worker", 5), ("Hộ sinh", "direct_worker", 2),
               ("Trưởng khoa", "leader_other", 1), ("Giám đốc", "leader_department", 1)],
    "office": [("Chuyên viên", "direct_worker", 6), ("Phó Trưởng phòng", "leader_other", 2),
               ("Trưởng phòng", "leader_other", 2), ("Phó Giám đốc Sở", "leader_department", 1),
               ("Giám đốc Sở", "leader_department", 1)],
    "force": [("Thượng úy", "direct_worker", 5), ("Đại úy", "direct_worker", 3), ("Trung úy", "direct_worker", 3),
              ("Đồn trưởng", "leader_other", 1)],
    "farm": [("Nông dân", "direct_worker", 10), ("Tổ trưởng tổ hợp tác", "direct_worker", 2),
             ("Chủ nhiệm hợp tác xã", "business_person", 1)],
    "commune": [("Công chức văn hóa - xã hội", "direct_worker", 4), ("Trưởng ấp", "direct_worker", 3),
                ("Phó Chủ tịch UBND xã", "leader_other", 1)],
}
UNITS = {
    "school": ["truong-thpt-hoa-an", "truong-thcs-tan-phu", "truong-th-dong-hai", "truong-mn-con-moi"],
    "health": ["benh-vien-da-khoa-tinh", "trung-tam-y-te-tan-phu", "tram-y-te-dong-hai"],
    "office": ["so-gddt", "so-y-te", "van-phong-ubnd-tinh"],
    "force": ["don-bien-phong-cua-bien", "cong-an-tinh", "bo-chqs-tinh"],
    "farm": ["htx-nong-nghiep-tan-phu", "ap-con-moi", "hoi-nong-dan-tinh"],
    "commune": ["ubnd-xa-dong-hai", "ap-con-moi"],
}
ACHIEVEMENTS = {
    "school": ["Hoàn thành xuất sắc nhiệm vụ năm học {y}-{y1}", "Có học sinh đạt giải cấp tỉnh năm học {y}-{y1}",
               "Đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin trong giảng dạy"],
    "health": ["Hoàn thành xuất sắc nhiệm vụ chăm sóc sức khỏe nhân dân năm {y}",
               "Có sáng kiến cải tiến quy trình cấp cứu được áp dụng tại đơn vị",
               "Tận tụy phục vụ người bệnh ở vùng khó khăn"],
    "office": ["Hoàn thành xuất sắc nhiệm vụ năm {y}", "Tham mưu hiệu quả công tác cải cách hành chính năm {y}"],
    "force": ["Hoàn thành xuất sắc nhiệm vụ bảo vệ chủ quyền, an ninh biên giới năm {y}",
              "Dũng cảm cứu người bị nạn trên biển"],
    "farm": ["Sản xuất, kinh doanh giỏi năm {y}", "Tích cực tham gia xây dựng nông thôn mới",
             "Hiến đất làm đường giao thông nông thôn"],
    "commune": ["Hoàn thành xuất sắc nhiệm vụ năm {y}", "Vận động nhân dân xây dựng nông thôn mới"],
}


@dataclass
class DecisionSpec:
    number: str | None
    date: str
    authority: str
    award_form: str
    method: str
    title: str
    reason: str
    signer: tuple[str, str]
    legal_basis: list[str]
    groups: list[tuple[str, int]] = field(default_factory=list)  # (staff group, individuals)
    collectives: list[tuple[str, str, bool]] = field(default_factory=list)  # (name, unit, enterprise)
    households: list[str] = field(default_factory=list)
    movement: str | None = None
    profiles: list[tuple[str, RecipientSpec]] = field(default_factory=list)
    people: list[RecipientSpec] = field(default_factory=list)  # lines tied to other decisions by a person id
    extra: str = ""
    file_name: str | None = None
    attachment: bool = False
    proposer: str | None = None


PROVINCE_SIGNER = ("Lê Văn C", "KT. Chủ tịch — Phó Chủ tịch")
PROVINCE_CHAIR = ("Trương Minh Đ", "Chủ tịch")
DEPT_EDU_SIGNER = ("Phan Thị E", "Giám đốc")
DEPT_HEALTH_SIGNER = ("Đỗ Văn G", "Giám đốc")
DISTRICT_SIGNER = ("Huỳnh Văn H", "Chủ tịch")
COMMUNE_TP_SIGNER = ("Bùi Thanh K", "Chủ tịch")
COMMUNE_DH_SIGNER = ("Ngô Thị L", "Chủ tịch")
PM_SIGNER = ("Nguyễn Văn M", "KT. Thủ tướng — Phó Thủ tướng")
PRESIDENT_SIGNER = ("Võ Văn N", "Chủ tịch nước")


def profile_recipients() -> dict[str, RecipientSpec]:
    return {
        "nguyen-thi-h": RecipientSpec("individual", "Nguyễn Thị H", "Giáo viên", "truong-th-dong-hai",
                                      category="direct_worker", gender="female", profile="nguyen-thi-h",
                                      achievement="Mười năm bám trường, bám lớp ở điểm trường Cồn Mới"),
        "tran-van-k": RecipientSpec("individual", "Trần Văn K", "Bác sĩ", "tram-y-te-dong-hai",
                                    category="direct_worker", gender="male", profile="tran-van-k",
                                    achievement="Tận tụy khám chữa bệnh cho người dân xã đảo"),
        "le-van-m": RecipientSpec("individual", "Lê Văn M", "Nông dân", "ap-con-moi", category="direct_worker",
                                  gender="male", profile="le-van-m",
                                  achievement="Hiến 1.200 m² đất làm đường giao thông nông thôn"),
        "pham-thi-n": RecipientSpec("individual", "Phạm Thị N", "Điều dưỡng", "benh-vien-da-khoa-tinh",
                                    category="direct_worker", gender="female", profile="pham-thi-n",
                                    achievement="Có sáng kiến chăm sóc người bệnh sau đột quỵ được áp dụng toàn tỉnh"),
        "hoang-van-t": RecipientSpec("individual", "Hoàng Văn T", "Thượng úy", "don-bien-phong-cua-bien",
                                     category="direct_worker", gender="male", profile="hoang-van-t",
                                     achievement="Dũng cảm cứu 5 ngư dân gặp nạn trên biển trong bão số 3"),
        "htx-nong-nghiep-tan-phu": RecipientSpec("collective", "Hợp tác xã Nông nghiệp Tân Phú",
                                                 unit="htx-nong-nghiep-tan-phu", enterprise=True,
                                                 profile="htx-nong-nghiep-tan-phu",
                                                 achievement="Liên kết 320 hộ nông dân sản xuất lúa theo chuỗi giá trị"),
        "vo-thi-l": RecipientSpec("individual", "Võ Thị L", "Giáo viên", "truong-mn-con-moi", category="direct_worker",
                                  gender="female", profile="vo-thi-l",
                                  achievement="Vận động 100 % trẻ em trong độ tuổi ở ấp Cồn Mới đến lớp"),
        "ho-dang-van-s": RecipientSpec("household", "Hộ ông Đặng Văn S", unit="ap-con-moi", profile="ho-dang-van-s",
                                       achievement="Gia đình văn hóa tiêu biểu 5 năm liền"),
    }


def person_line(person: str, date: str, award_form: str, **changes) -> RecipientSpec:
    """A line of one of the sample's people (tied across decisions by ``person:``), as it was on ``date``."""
    base = {
        # a teacher whose position changes between her awards: Giấy khen of the district, CSTĐ cơ sở, Bằng khen
        "luu-thi-kim-oanh": RecipientSpec("individual", "Lưu Thị Kim Oanh", "Giáo viên", "truong-thcs-tan-phu",
                                          category="direct_worker", gender="female"),
        # a doctor whose second award was annulled by a later decision (2215/QĐ-SYT, written by hand below)
        "tran-quoc-viet": RecipientSpec("individual", "Trần Quốc Việt", "Bác sĩ", "trung-tam-y-te-tan-phu",
                                        category="direct_worker", gender="male"),
        # a household recognised as a Gia đình văn hóa two years running
        "ho-ba-chau-thi-my": RecipientSpec("household", "Hộ bà Châu Thị Mỹ", unit="ap-con-moi"),
    }[person]
    values = {**base.__dict__, "person": person, "cash_vnd": cash_for(award_form, base.kind, date), **changes}
    return RecipientSpec(**values)


def decision_specs() -> list[DecisionSpec]:
    """About 40 decisions spanning 2023–2026, a realistic mix of forms, levels and authorities."""
    specs: list[DecisionSpec] = []
    for year in (2023, 2024, 2025, 2026):
        y = str(year)
        # Provincial certificates of merit: year-end and thematic
        specs.append(DecisionSpec(f"{120 + year % 10}/QĐ-UBND", f"{y}-01-{15 + year % 5:02d}", "ubnd-tinh-hoa-an",
                                  "bang-khen-cap-tinh", "regular",
                                  "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                                  f"Đã có thành tích xuất sắc trong công tác năm {year - 1}", PROVINCE_SIGNER,
                                  BASIS,
                                  groups=[("office", 4), ("health", 3), ("school", 3)],
                                  collectives=[("Phòng Tổ chức cán bộ, Sở Y tế", "so-y-te", False)],
                                  people=[person_line("luu-thi-kim-oanh", f"{y}-01-{15 + year % 5:02d}",
                                                      "bang-khen-cap-tinh", position="Tổ trưởng chuyên môn",
                                                      achievement="Đổi mới phương pháp dạy học, có học sinh đạt "
                                                                  "giải cấp tỉnh hai năm liền")]
                                  if year == 2025 else []))
        if year <= 2025:
            specs.append(DecisionSpec(f"{860 + year % 10}/QĐ-UBND", f"{y}-05-{10 + year % 7:02d}", "ubnd-tinh-hoa-an",
                                      "bang-khen-cap-tinh", "thematic",
                                      "Về việc tặng Bằng khen trong phong trào «Cả nước chung sức xây dựng nông thôn mới»",
                                      "Đã có thành tích xuất sắc trong phong trào xây dựng nông thôn mới",
                                      PROVINCE_SIGNER, BASIS,
                                      movement="chung-suc-xay-dung-nong-thon-moi",
                                      groups=[("farm", 8), ("commune", 3)],
                                      # in 2023 the cooperative is on the list through its profile (below)
                                      collectives=([("Hợp tác xã Nông nghiệp Tân Phú", "htx-nong-nghiep-tan-phu", True)]
                                                   if year != 2023 else [])
                                      + [("Ấp Cồn Mới, xã Đông Hải", "ap-con-moi", False)],
                                      households=[f"Hộ ông {person_name(random.Random(year), 'male')}"],
                                      profiles=[("le-van-m", None)] if year == 2024 else
                                      [("htx-nong-nghiep-tan-phu", None)] if year == 2023 else []))
        # Emulation titles at provincial level
        specs.append(DecisionSpec(f"{410 + year % 10}/QĐ-UBND", f"{y}-03-{5 + year % 9:02d}", "ubnd-tinh-hoa-an",
                                  "chien-si-thi-dua-cap-tinh", "regular",
                                  "Về việc tặng danh hiệu Chiến sĩ thi đua cấp tỉnh",
                                  f"Đã có thành tích tiêu biểu xuất sắc, hoàn thành xuất sắc nhiệm vụ năm {year - 1}",
                                  PROVINCE_CHAIR, BASIS,
                                  groups=[("school", 3), ("health", 3), ("office", 2)],
                                  profiles=[("pham-thi-n", None)] if year == 2024 else []))
        specs.append(DecisionSpec(f"{415 + year % 10}/QĐ-UBND", f"{y}-03-{6 + year % 9:02d}", "ubnd-tinh-hoa-an",
                                  "tap-the-lao-dong-xuat-sac", "regular",
                                  "Về việc tặng danh hiệu Tập thể lao động xuất sắc",
                                  f"Đã hoàn thành xuất sắc nhiệm vụ năm {year - 1}", PROVINCE_CHAIR,
                                  BASIS,
                                  collectives=[("Trường Tiểu học Đông Hải", "truong-th-dong-hai", False),
                                               ("Trạm Y tế xã Đông Hải", "tram-y-te-dong-hai", False),
                                               ("Khoa Hồi sức tích cực, Bệnh viện Đa khoa tỉnh", "benh-vien-da-khoa-tinh", False),
                                               ("Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo", "so-gddt", False)]))
        # Department certificates (grassroots)
        specs.append(DecisionSpec(f"{1500 + year % 10 * 7}/QĐ-SGDĐT", f"{y}-06-{2 + year % 20:02d}", "so-gddt-hoa-an",
                                  "giay-khen-giam-doc-so", "regular",
                                  "Về việc tặng Giấy khen của Giám đốc Sở Giáo dục và Đào tạo",
                                  f"Đã có thành tích xuất sắc trong năm học {year - 1}-{year}", DEPT_EDU_SIGNER,
                                  BASIS, movement="day-tot-hoc-tot" if year >= 2024 else None,
                                  groups=[("school", 14)],
                                  profiles=[("nguyen-thi-h", None)] if year == 2023 else
                                  [("vo-thi-l", None)] if year == 2024 else []))
        specs.append(DecisionSpec(f"{300 + year % 10 * 3}/QĐ-SYT", f"{y}-12-{10 + year % 10:02d}" if year < 2026 else "2026-02-27",
                                  "so-y-te-hoa-an", "giay-khen-giam-doc-so", "regular",
                                  "Về việc tặng Giấy khen của Giám đốc Sở Y tế",
                                  "Đã có thành tích xuất sắc trong công tác chăm sóc sức khỏe nhân dân", DEPT_HEALTH_SIGNER,
                                  BASIS, groups=[("health", 12)],
                                  profiles=[("tran-van-k", None)] if year == 2023 else [],
                                  people=[person_line("tran-quoc-viet", f"{y}-12-{10 + year % 10:02d}",
                                                      "giay-khen-giam-doc-so",
                                                      achievement="Có sáng kiến cải tiến quy trình cấp cứu được "
                                                                  "áp dụng tại đơn vị")]
                                  if year == 2023 else []))
        specs.append(DecisionSpec(f"{1600 + year % 10 * 5}/QĐ-SGDĐT", f"{y}-08-{10 + year % 10:02d}", "so-gddt-hoa-an",
                                  "chien-si-thi-dua-co-so", "regular", "Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở",
                                  f"Đạt tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở năm học {year - 1}-{year}",
                                  DEPT_EDU_SIGNER, BASIS, groups=[("school", 11)],
                                  people=[person_line("luu-thi-kim-oanh", f"{y}-08-{10 + year % 10:02d}",
                                                      "chien-si-thi-dua-co-so", position="Tổ trưởng chuyên môn",
                                                      achievement="Hoàn thành xuất sắc nhiệm vụ năm học 2023-2024")]
                                  if year == 2024 else []))
        if year <= 2025:
            specs.append(DecisionSpec(f"{200 + year % 10 * 4}/QĐ-SYT", f"{y}-01-{20 + year % 5:02d}", "so-y-te-hoa-an",
                                      "lao-dong-tien-tien", "regular", "Về việc công nhận danh hiệu Lao động tiên tiến",
                                      f"Hoàn thành tốt nhiệm vụ năm {year - 1}", DEPT_HEALTH_SIGNER,
                                      BASIS, groups=[("health", 16)]))
        if year in (2024, 2025):
            specs.append(DecisionSpec(f"{1700 + year % 10}/QĐ-SGDĐT", f"{y}-08-{20 + year % 5:02d}", "so-gddt-hoa-an",
                                      "tap-the-lao-dong-tien-tien", "regular",
                                      "Về việc công nhận danh hiệu Tập thể lao động tiên tiến",
                                      f"Hoàn thành tốt nhiệm vụ năm học {year - 1}-{year}", DEPT_EDU_SIGNER, BASIS,
                                      collectives=[("Trường THCS Tân Phú", "truong-thcs-tan-phu", False),
                                                   ("Trường Mầm non Cồn Mới", "truong-mn-con-moi", False),
                                                   ("Tổ Toán - Tin, Trường THPT chuyên Hòa An", "truong-thpt-hoa-an", False),
                                                   ("Trường Tiểu học Đông Hải", "truong-th-dong-hai", False)]))
            specs.append(DecisionSpec(f"{95 + year % 10}/QĐ-UBND", f"{y}-01-{28 - year % 5:02d}", "ubnd-tinh-hoa-an",
                                      "co-thi-dua-cap-tinh", "regular", "Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh",
                                      f"Đã hoàn thành xuất sắc toàn diện nhiệm vụ, dẫn đầu phong trào thi đua năm {year - 1}",
                                      PROVINCE_CHAIR, BASIS,
                                      collectives=[("Trường Tiểu học Đông Hải", "truong-th-dong-hai", False),
                                                   ("Đồn Biên phòng Cửa Biển", "don-bien-phong-cua-bien", False)]
                                      if year == 2024 else
                                      [("Bệnh viện Đa khoa tỉnh Hòa An", "benh-vien-da-khoa-tinh", False),
                                       ("Ủy ban nhân dân xã Đông Hải", "ubnd-xa-dong-hai", False)]))
    # District before the 2025 reform, commune after
    for year, day in ((2023, "2023-12-20"), (2024, "2024-12-18"), (2025, "2025-06-20")):
        specs.append(DecisionSpec(f"{2100 + year % 10}/QĐ-UBND", day, "ubnd-huyen-tan-phu",
                                  "giay-khen-chu-tich-ubnd-huyen", "regular",
                                  "Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân huyện",
                                  f"Đã có thành tích xuất sắc trong phong trào thi đua năm {year}", DISTRICT_SIGNER,
                                  BASIS, groups=[("farm", 6), ("school", 3), ("commune", 2)],
                                  collectives=[("Trường THCS Tân Phú", "truong-thcs-tan-phu", False)]
                                  # a cooperative dissolved at the end of 2024, without successor
                                  + ([("Hợp tác xã Dịch vụ nghề cá Cồn Mới", "htx-dich-vu-nghe-ca-con-moi", True)]
                                     if year <= 2024 else []),
                                  people=[person_line("luu-thi-kim-oanh", day, "giay-khen-chu-tich-ubnd-huyen",
                                                      achievement="Có học sinh đạt giải cấp tỉnh năm học 2022-2023")]
                                  if year == 2023 else [],
                                  file_name=f"{2100 + year % 10}-qd-ubnd-huyen-tan-phu"))
    for year, day in ((2025, "2025-12-22"), (2026, "2026-04-28")):
        specs.append(DecisionSpec(f"{85 + year % 10}/QĐ-UBND", day, "ubnd-xa-tan-phu",
                                  "giay-khen-chu-tich-ubnd-xa", "regular",
                                  "Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã",
                                  "Đã có thành tích xuất sắc trong phong trào thi đua của xã", COMMUNE_TP_SIGNER,
                                  BASIS, groups=[("farm", 5), ("commune", 3)],
                                  extra="pupil" if year == 2026 else "",
                                  file_name=f"{85 + year % 10}-qd-ubnd-xa-tan-phu"))
    for year, day in ((2024, "2024-12-27"), (2025, "2025-12-29")):
        specs.append(DecisionSpec(f"{64 + year % 10}/QĐ-UBND", day, "ubnd-xa-dong-hai", "gia-dinh-van-hoa", "regular",
                                  "Về việc công nhận danh hiệu Gia đình văn hóa",
                                  f"Đạt tiêu chuẩn danh hiệu Gia đình văn hóa năm {year}", COMMUNE_DH_SIGNER,
                                  BASIS,
                                  households=[f"Hộ ông {person_name(random.Random(year * 7 + i), 'male')}" for i in range(9)]
                                  + [f"Hộ bà {person_name(random.Random(year * 11 + i), 'female')}" for i in range(5)],
                                  profiles=[("ho-dang-van-s", None)] if year == 2024 else [],
                                  people=[person_line("ho-ba-chau-thi-my", day, "gia-dinh-van-hoa")],
                                  file_name=f"{64 + year % 10}-qd-ubnd-xa-dong-hai"))
    # Ad hoc awards for bravery: the border guard profile
    specs.append(DecisionSpec("1876/QĐ-UBND", "2024-09-16", "ubnd-tinh-hoa-an", "bang-khen-cap-tinh", "ad_hoc",
                              "Về việc tặng Bằng khen đột xuất",
                              "Đã có thành tích dũng cảm cứu người trong cơn bão số 3 năm 2024", PROVINCE_CHAIR,
                              BASIS, groups=[("force", 2)],
                              collectives=[("Đồn Biên phòng Cửa Biển", "don-bien-phong-cua-bien", False)],
                              profiles=[("hoang-van-t", None)], attachment=True))
    specs.append(DecisionSpec("1422/QĐ-TTg", "2025-10-06", "thu-tuong-chinh-phu", "bang-khen-thu-tuong", "regular",
                              "Về việc tặng Bằng khen của Thủ tướng Chính phủ",
                              "Đã có thành tích trong công tác từ năm 2020 đến năm 2024, góp phần vào sự nghiệp xây dựng "
                              "chủ nghĩa xã hội và bảo vệ Tổ quốc", PM_SIGNER, BASIS, proposer="ubnd-tinh-hoa-an",
                              groups=[("health", 2), ("school", 2), ("farm", 1)],
                              collectives=[("Bệnh viện Đa khoa tỉnh Hòa An", "benh-vien-da-khoa-tinh", False)],
                              profiles=[("tran-van-k", None), ("nguyen-thi-h", None)]))
    specs.append(DecisionSpec("893/QĐ-CTN", "2026-08-19", "chu-tich-nuoc", "huan-chuong-lao-dong-hang-ba", "regular",
                              "Về việc tặng thưởng Huân chương Lao động hạng Ba",
                              "Đã có thành tích xuất sắc trong công tác từ năm 2021 đến năm 2025, góp phần vào sự nghiệp "
                              "xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc", PRESIDENT_SIGNER, BASIS, proposer="ubnd-tinh-hoa-an",
                              groups=[("office", 1)],
                              collectives=[("Hợp tác xã Nông nghiệp Tân Phú", "htx-nong-nghiep-tan-phu", True)],
                              profiles=[("pham-thi-n", None)]))
    # "Người tốt, việc tốt" in 2025 after the merger of departments
    specs.append(DecisionSpec("2234/QĐ-UBND", "2025-11-03", "ubnd-tinh-hoa-an", "bang-khen-cap-tinh", "thematic",
                              "Về việc tặng Bằng khen cho các gương «Người tốt, việc tốt»",
                              "Đã có hành động đẹp, gương người tốt, việc tốt tiêu biểu năm 2025", PROVINCE_SIGNER,
                              BASIS, movement="nguoi-tot-viec-tot",
                              groups=[("farm", 3), ("commune", 2)],
                              profiles=[("le-van-m", None), ("hoang-van-t", None)]))
    specs.append(DecisionSpec("2301/QĐ-UBND", "2025-11-20", "ubnd-tinh-hoa-an", "bang-khen-cap-tinh", "regular",
                              "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                              "Đã có thành tích xuất sắc trong công tác quản lý đất đai, môi trường và phát triển nông nghiệp",
                              PROVINCE_SIGNER, BASIS, groups=[], profiles=[("vo-thi-l", None)],
                              extra="nn-mt"))
    # Awards known only from a report: no number, never invented
    specs.append(DecisionSpec(None, "2023-12-29", "so-gddt-hoa-an", "lao-dong-tien-tien", "regular",
                              "Công nhận danh hiệu Lao động tiên tiến năm học 2022-2023",
                              "Hoàn thành tốt nhiệm vụ năm học 2022-2023", DEPT_EDU_SIGNER, BASIS,
                              groups=[("school", 12)], file_name="khong-so-lao-dong-tien-tien-nam-hoc-2022-2023"))
    return specs


def decision_yaml(spec: DecisionSpec, rng: random.Random) -> tuple[str, list[RecipientSpec]]:
    year = int(spec.date[:4])
    recipients: list[RecipientSpec] = []
    known = profile_recipients()
    for slug, _ in spec.profiles:
        recipients.append(known[slug])
    recipients += spec.people
    for group, count in spec.groups:
        for _ in range(count):
            position, category, _w = rng.choices(STAFF[group], [w for *_x, w in STAFF[group]])[0]
            gender = rng.choice(["female", "male"])
            unit = rng.choice(UNITS[group])
            achievement = rng.choice(ACHIEVEMENTS[group]).format(y=year - 1, y1=year)
            recipients.append(RecipientSpec("individual", person_name(rng, gender), position, unit,
                                            category=category, gender=gender, achievement=achievement,
                                            cash_vnd=cash_for(spec.award_form, "individual", spec.date)))
    if spec.extra == "nn-mt":
        for i in range(6):
            gender = rng.choice(["female", "male"])
            position, category = [("Chuyên viên", "direct_worker"), ("Kỹ sư nông nghiệp", "direct_worker"),
                                  ("Trưởng phòng", "leader_other"), ("Phó Giám đốc Sở", "leader_department"),
                                  ("Kỹ sư nông nghiệp", "direct_worker"), ("Chuyên viên", "direct_worker")][i]
            recipients.append(RecipientSpec("individual", person_name(rng, gender), position, "so-nn-mt",
                                            category=category, gender=gender,
                                            achievement="Hoàn thành xuất sắc nhiệm vụ sau sắp xếp, hợp nhất Sở",
                                            cash_vnd=cash_for(spec.award_form, "individual", spec.date)))
    if spec.extra == "pupil":  # a child: name, unit and award only (PDP Law 91/2025 Art. 24(2))
        recipients.append(RecipientSpec("individual", "Lê Gia B", "Học sinh lớp 7", "truong-thcs-tan-phu",
                                        category="direct_worker", gender="male",
                                        achievement="Nhặt được ví tiền và giấy tờ, tìm trả lại người đánh rơi",
                                        cash_vnd=cash_for(spec.award_form, "individual", spec.date), minor=True))
    for name, unit, enterprise in spec.collectives:
        recipients.append(RecipientSpec("collective", name, unit=unit, enterprise=enterprise,
                                        achievement=spec.reason,
                                        cash_vnd=cash_for(spec.award_form, "collective", spec.date)))
    for name in spec.households:
        recipients.append(RecipientSpec("household", name, unit="ap-con-moi" if "dong-hai" in spec.authority else None,
                                        unit_text=None if "dong-hai" in spec.authority else "Xã Tân Phú"))
    # older units before the 2025 merger of departments
    if year <= 2024 and spec.award_form == "bang-khen-cap-tinh" and spec.method == "thematic":
        recipients.append(RecipientSpec("individual", person_name(rng, "male"), "Chi cục trưởng", "so-nn-ptnt",
                                        category="leader_other", gender="male",
                                        achievement="Chỉ đạo hiệu quả chương trình nông thôn mới",
                                        cash_vnd=cash_for(spec.award_form, "individual", spec.date)))
    lines = [HEADER.rstrip(), f"number: {q(spec.number) if spec.number else 'null'}"]
    if spec.number is None:
        lines.append("number_note: " + q("Danh sách trích từ Báo cáo tổng kết công tác thi đua, khen thưởng năm học "
                                         "2022-2023 của Sở Giáo dục và Đào tạo; báo cáo không ghi số quyết định"))
    lines += [f"title: {q(spec.title)}", f"date: {spec.date}", f"authority: {spec.authority}",
              "signer:", f"  name: {q(spec.signer[0])}", f"  title: {q(spec.signer[1])}", "legal_basis:"]
    lines += [f"  - {q(b)}" for b in (spec.legal_basis or basis_on(spec.date))]
    lines.append(f"award_form: {spec.award_form}")
    if spec.proposer:
        lines.append(f"proposer: {spec.proposer}")
    lines += [f"method: {spec.method}", f"reason: {q(spec.reason)}"]
    if spec.movement:
        lines.append(f"movement: {spec.movement}")
    return "\n".join(lines), recipients


def write_sample(data_dir: Path) -> None:
    """(Re)write the sample decisions, profiles, photos and attachment under ``data_dir``."""
    rng = random.Random(20150617)
    for sub in ("decisions", "profiles", "attachments"):
        target = data_dir / sub
        if target.exists():
            for path in sorted(target.rglob("*"), reverse=True):
                path.unlink() if path.is_file() else path.rmdir()
    corrected_done = False
    for spec in decision_specs():
        head, recipients = decision_yaml(spec, rng)
        year = spec.date[:4]
        name = spec.file_name or slugify(spec.number)
        body = [head]
        if spec.attachment:
            pdf = placeholder_pdf(f"Quyet dinh {spec.number} ngay {spec.date}")
            rel = f"attachments/{year}/{name}.pdf"
            (data_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (data_dir / rel).write_bytes(pdf)
            body += ["attachment:", f"  path: {rel}", f"  sha256: \"{sha256_of(pdf)}\""]
        if spec.number == "1876/QĐ-UBND" and not corrected_done:
            corrected_done = True
            body += ["status: corrected", "corrections:", "  - date: 2024-10-02",
                     "    note: " + q("Đính chính chức vụ của ông Hoàng Văn T từ «Trung úy» thành «Thượng úy» "
                                     "theo Quyết định số 1950/QĐ-UBND")]
        body.append("recipients:")
        body += [recipient_yaml(r) for r in recipients]
        path = data_dir / "decisions" / year / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
    _write_revoked(data_dir)
    _write_real_shaped(data_dir)
    _write_profiles(data_dir)


def _write_real_shaped(data_dir: Path) -> None:
    """Four decisions shaped like published records that leave things out: a partial list with declared
    totals and a ceremony date, an award known from a news item only (form, signer, method unknown; month
    only), a cash and in-kind reward outside the Law's forms, and a list in which one person's award was
    later annulled."""
    files = {
        "2025/khong-so-dai-hoi-thi-dua-2025.yaml": f"""{HEADER.rstrip()}
# Danh sách không đầy đủ: báo cáo Đại hội chỉ nêu tên một phần; số lượng công bố ghi ở declared.
number: null
number_note: "Khen thưởng công bố tại Đại hội Thi đua yêu nước tỉnh Hòa An lần thứ VI; báo cáo Đại hội không ghi số quyết định"
title: "Về việc tặng Bằng khen cho các tập thể, cá nhân điển hình tiên tiến giai đoạn 2020-2025"
date: 2025-05-16
date_kind: ceremony
date_note: "Ngày tổ chức Đại hội, theo báo cáo Đại hội; chưa rõ ngày ký quyết định"
authority: ubnd-tinh-hoa-an
legal_basis:
{chr(10).join("  - " + q(line) for line in basis_on("2025-05-16"))}
award_form: bang-khen-cap-tinh
method: thematic
reason: "Đã có thành tích xuất sắc tiêu biểu trong phong trào thi đua yêu nước giai đoạn 2020-2025"
source_note: "Báo cáo tổng kết Đại hội Thi đua yêu nước tỉnh Hòa An lần thứ VI, phụ lục danh sách"
declared:
  collective: 39
  individual: 47
  note: "Báo cáo Đại hội ghi 39 tập thể và 47 cá nhân được tặng Bằng khen; phụ lục chỉ nêu tên 4 tập thể và 3 cá nhân tiêu biểu"
recipients:
  - kind: collective
    name: "Trường Tiểu học Đông Hải"
    unit: truong-th-dong-hai
  - kind: collective
    name: "Đồn Biên phòng Cửa Biển"
    unit: don-bien-phong-cua-bien
  - kind: collective
    name: "Hợp tác xã Nông nghiệp Tân Phú"
    unit: htx-nong-nghiep-tan-phu
    enterprise: true
  - kind: collective
    name: "Trạm Y tế xã Đông Hải"
    unit: tram-y-te-dong-hai
  - kind: individual
    name: "Đinh Thị Yến"
    position: "Giáo viên"
    unit: truong-th-dong-hai
    category: direct_worker
    gender: female
  - kind: individual
    name: "Lâm Văn Quý"
    position: "Ngư dân"
    unit_text: "Xã Đông Hải"
    category: direct_worker
    gender: male
  - kind: individual
    name: "Tạ Minh Hiếu"
    position: "Giám đốc Hợp tác xã"
    unit: htx-nong-nghiep-tan-phu
    category: business_person
    gender: male
""",
        "2024/khong-so-khen-thuong-cuu-nan-thang-9-2024.yaml": f"""{HEADER.rstrip()}
# Chỉ biết qua bản tin: không rõ số, ngày ký, người ký, hình thức; chỉ biết tháng.
number: null
number_note: "Bản tin của Cổng thông tin điện tử tỉnh Hòa An, tháng 9/2024; không nêu số quyết định"
date: 2024-09-01
date_kind: published
date_precision: month
date_note: "Bản tin đăng tháng 9/2024, không ghi ngày ký"
authority: ubnd-tinh-hoa-an
presenter: "Phó Chủ tịch Ủy ban nhân dân tỉnh Lê Văn C"
source_note: "Bản tin «Khen thưởng người dân dũng cảm cứu người trong bão số 3», Cổng thông tin điện tử tỉnh Hòa An"
award_form: khong-ro-hinh-thuc
award_form_note: "Bản tin chỉ ghi «khen thưởng đột xuất», không nêu hình thức"
method: ad_hoc
recipients:
  - kind: individual
    name: "Phùng Văn Khải"
    position: "Ngư dân"
    unit_text: "Xã Đông Hải"
    category: direct_worker
    gender: male
    achievement: "Dũng cảm cứu 3 người bị nạn trên biển trong bão số 3"
""",
        "2025/318-qd-ubnd.yaml": f"""{HEADER.rstrip()}
# Thưởng không kèm hình thức khen thưởng của Luật: đếm riêng, không vào biểu thống kê.
number: "318/QĐ-UBND"
title: "Về việc thưởng cho tập thể, hộ gia đình có đóng góp trong phòng, chống thiên tai"
date: 2025-02-24
authority: ubnd-tinh-hoa-an
signer:
  name: "Lê Văn C"
  title: "KT. Chủ tịch — Phó Chủ tịch"
legal_basis:
  - "Xét đề nghị của Chủ tịch Ủy ban nhân dân xã Đông Hải"
award_form: thuong-hien-vat
method: ad_hoc
reason: "Đã có đóng góp trong khắc phục hậu quả bão số 3 năm 2024"
recipients:
  - kind: household
    name: "Hộ ông Lâm Văn Quý"
    unit: ap-con-moi
    reward_item: "Nhà đại đoàn kết"
    reward_value_vnd: 500000000
  - kind: collective
    name: "Đội tàu cá tự quản Cửa Biển"
    unit_text: "Xã Đông Hải"
    cash_vnd: 20000000
""",
        "2024/2215-qd-syt.yaml": f"""{HEADER.rstrip()}
# Một người trong danh sách bị hủy bỏ khen thưởng bởi quyết định sau: dòng vẫn công bố, không tính số liệu.
number: "2215/QĐ-SYT"
title: "Về việc công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2024"
date: 2024-12-20
authority: so-y-te-hoa-an
signer:
  name: "Võ Thanh Bình"
  title: "Giám đốc"
legal_basis:
{chr(10).join("  - " + q(line) for line in basis_on("2024-12-20"))}
award_form: chien-si-thi-dua-co-so
method: regular
reason: "Đã hoàn thành xuất sắc nhiệm vụ năm 2024"
recipients:
  - kind: individual
    name: "Nguyễn Thị Mai"
    position: "Điều dưỡng"
    unit: tram-y-te-dong-hai
    category: direct_worker
    gender: female
    achievement: "Hoàn thành xuất sắc nhiệm vụ; sáng kiến sắp xếp lịch tiêm chủng"
    cash_vnd: {cash_for("chien-si-thi-dua-co-so", "individual", "2024-12-20")}
  - kind: individual
    name: "Trần Quốc Việt"
    position: "Bác sĩ"
    unit: trung-tam-y-te-tan-phu
    category: direct_worker
    gender: male
    achievement: "Hoàn thành xuất sắc nhiệm vụ; đề tài cấp cơ sở được nghiệm thu"
    cash_vnd: {cash_for("chien-si-thi-dua-co-so", "individual", "2024-12-20")}
    person: tran-quoc-viet
    revoked:
      decision_number: "145/QĐ-SYT"
      date: 2025-04-08
      reason: "Đề tài được công nhận không đúng quy định (Luật Thi đua, khen thưởng Điều 93 khoản 2 điểm c)"
  - kind: individual
    name: "Hà Thị Lan"
    position: "Hộ sinh"
    unit: tram-y-te-dong-hai
    category: direct_worker
    gender: female
    achievement: "Hoàn thành xuất sắc nhiệm vụ năm 2024"
    cash_vnd: {cash_for("chien-si-thi-dua-co-so", "individual", "2024-12-20")}
""",
    }
    for rel, text in files.items():
        path = data_dir / "decisions" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _write_revoked(data_dir: Path) -> None:
    text = f"""{HEADER.rstrip()}
# Quyết định đã bị hủy bỏ vẫn được công bố, kèm quyết định hủy và lý do (không bao giờ xóa).
number: "1990/QĐ-UBND"
title: "Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"
date: 2024-10-21
authority: ubnd-tinh-hoa-an
signer:
  name: "Lê Văn C"
  title: "KT. Chủ tịch — Phó Chủ tịch"
legal_basis:
{chr(10).join("  - " + q(line) for line in basis_on("2024-10-21"))}
  - "Xét đề nghị của Giám đốc Sở Xây dựng tại Tờ trình số 77/TTr-SXD ngày 30 tháng 9 năm 2024"
award_form: bang-khen-cap-tinh
method: ad_hoc
reason: "Đã có thành tích xuất sắc trong vận động ủng hộ Quỹ Vì người nghèo năm 2024"
status: revoked
revocation:
  decision_number: "512/QĐ-UBND"
  date: 2025-04-10
  reason: "Cá nhân kê khai thành tích không trung thực; thu hồi Bằng khen và tiền thưởng theo quy định"
recipients:
  - kind: individual
    name: "Đinh Văn P"
    position: "Giám đốc"
    unit_text: "Công ty TNHH Xây dựng Phú Thịnh"
    category: business_person
    gender: male
    achievement: "Vận động ủng hộ Quỹ Vì người nghèo"
"""
    (data_dir / "decisions" / "2024" / "1990-qd-ubnd.yaml").write_text(text, encoding="utf-8")


PROFILES = {
    "nguyen-thi-h": ("Nguyễn Thị H", "individual", "truong-th-dong-hai", "Xã Đông Hải",
                     "Cô giáo mười năm chèo đò đưa chữ ra điểm trường Cồn Mới.", ["giáo dục", "vùng khó khăn"], True),
    "tran-van-k": ("Trần Văn K", "individual", "tram-y-te-dong-hai", "Xã Đông Hải",
                   "Bác sĩ duy nhất của trạm y tế xã đảo, trực đêm quanh năm.", ["y tế", "vùng khó khăn"], True),
    "le-van-m": ("Lê Văn M", "individual", "ap-con-moi", "Xã Đông Hải",
                 "Nông dân hiến đất mở đường cho cả ấp.", ["nông thôn mới", "người tốt việc tốt"], True),
    "pham-thi-n": ("Phạm Thị N", "individual", "benh-vien-da-khoa-tinh", "Phường Hòa An",
                   "Điều dưỡng có sáng kiến chăm sóc người bệnh sau đột quỵ.", ["y tế", "sáng kiến"], False),
    "hoang-van-t": ("Hoàng Văn T", "individual", "don-bien-phong-cua-bien", "Xã Đông Hải",
                    "Chiến sĩ biên phòng cứu 5 ngư dân trong bão.", ["biên phòng", "dũng cảm"], True),
    "htx-nong-nghiep-tan-phu": ("Hợp tác xã Nông nghiệp Tân Phú", "collective", "htx-nong-nghiep-tan-phu", "Xã Tân Phú",
                                "Hợp tác xã liên kết hơn ba trăm hộ trồng lúa theo chuỗi.", ["nông nghiệp", "kinh tế tập thể"], False),
    "vo-thi-l": ("Võ Thị L", "individual", "truong-mn-con-moi", "Xã Đông Hải",
                 "Cô giáo mầm non đi từng nhà vận động trẻ đến lớp.", ["giáo dục", "vùng khó khăn"], False),
    "ho-dang-van-s": ("Hộ ông Đặng Văn S", "household", "ap-con-moi", "Xã Đông Hải",
                      "Gia đình văn hóa tiêu biểu, giữ rừng phòng hộ ven biển.", ["gia đình văn hóa", "môi trường"], False),
}

STORIES = {
    "nguyen-thi-h": """Mỗi sáng, cô **Nguyễn Thị H** chèo đò qua con rạch dài hơn một cây số để đến điểm trường Cồn Mới,
nơi có 27 học sinh tiểu học của ba ấp ven biển.

## Mười năm bám lớp

Từ năm 2015, cô xin về điểm trường lẻ khi nhiều đồng nghiệp xin chuyển đi. Cô mở lớp phụ đạo buổi tối
không thu tiền, vận động phụ huynh làm lại mái che bằng lá dừa nước.

> «Học trò ở đây không thiếu thông minh, chỉ thiếu người ở lại với các em.»

## Thành tích

- Lớp do cô chủ nhiệm 5 năm liền có 100 % học sinh hoàn thành chương trình.
- Sáng kiến «Góc đọc sách trên đò» được nhân rộng ra toàn xã.
""",
    "tran-van-k": """Bác sĩ **Trần Văn K** là bác sĩ duy nhất của Trạm Y tế xã Đông Hải trong bốn năm liền.

Anh tổ chức khám sức khỏe định kỳ cho người cao tuổi tại nhà, lập sổ theo dõi bệnh mạn tính cho hơn
600 người dân, và nhiều lần theo ghe đưa sản phụ vượt cạn vào đất liền giữa đêm.

## Ghi nhận

- Bằng khen của Thủ tướng Chính phủ năm 2025.
- Giấy khen của Giám đốc Sở Y tế năm 2023.
""",
    "le-van-m": """Ông **Lê Văn M**, nông dân ấp Cồn Mới, đã hiến 1.200 m² đất vườn để mở con đường bê tông dài 800 m
nối ấp với trung tâm xã.

Nhờ con đường, trẻ em ấp Cồn Mới đi học không còn phải lội bùn mùa mưa, xe cứu thương đến tận nhà.
Ông còn vận động 14 hộ cùng hiến đất.
""",
    "pham-thi-n": """Điều dưỡng **Phạm Thị N** (Khoa Hồi sức tích cực, Bệnh viện Đa khoa tỉnh) xây dựng bộ hướng dẫn
chăm sóc người bệnh sau đột quỵ cho người nhà, in kèm hình minh họa dễ hiểu.

Bộ hướng dẫn được Sở Y tế cho áp dụng tại tất cả các bệnh viện trong tỉnh từ năm 2024.
""",
    "hoang-van-t": """Đêm 7 tháng 9 năm 2024, khi bão số 3 đổ bộ, Thượng úy **Hoàng Văn T** cùng tổ công tác Đồn Biên phòng
Cửa Biển đã vượt sóng lớn cứu 5 ngư dân trên chiếc ghe bị chìm cách bờ hai hải lý.

Anh được Chủ tịch UBND tỉnh tặng Bằng khen đột xuất và được tuyên dương là gương «Người tốt, việc tốt» năm 2025.
""",
    "htx-nong-nghiep-tan-phu": """**Hợp tác xã Nông nghiệp Tân Phú** được thành lập năm 2016 với 40 thành viên; đến năm 2025 đã liên kết
320 hộ sản xuất lúa theo chuỗi giá trị, bao tiêu toàn bộ sản phẩm cho xã viên.

## Kết quả

| Năm | Hộ liên kết | Diện tích (ha) |
|-----|------------:|---------------:|
| 2021 | 120 | 95 |
| 2023 | 250 | 180 |
| 2025 | 320 | 240 |
""",
    "vo-thi-l": """Cô **Võ Thị L**, giáo viên Trường Mầm non Cồn Mới, đi từng nhà vận động để 100 % trẻ em trong độ tuổi
ở ấp Cồn Mới được đến lớp.
""",
    "ho-dang-van-s": """Gia đình ông **Đặng Văn S** năm năm liền đạt danh hiệu Gia đình văn hóa. Cả nhà tự nguyện trồng và giữ
2 ha rừng phòng hộ ven biển, hướng dẫn bà con kỹ thuật trồng đước.
""",
}


def _write_profiles(data_dir: Path) -> None:
    photos = data_dir / "profiles" / "photos"
    photos.mkdir(parents=True, exist_ok=True)
    for index, (slug, (name, kind, unit, locality, summary, tags, featured)) in enumerate(sorted(PROFILES.items())):
        (photos / f"{slug}.png").write_bytes(placeholder_png(index))
        lines = [HEADER.rstrip(), f"name: {q(name)}", f"kind: {kind}", f"unit: {unit}", f"locality: {q(locality)}",
                 "photo:", f"  path: profiles/photos/{slug}.png",
                 f"  alt: {q('Ảnh minh họa (không phải ảnh thật): hình bóng người trên nền màu')}",
                 f"  credit: {q('Ảnh minh họa của dự án Bảng Vàng')}",
                 f"  consent: {q('Ảnh minh họa do dự án tự vẽ, không phải ảnh của người thật')}",
                 f"summary: {q(summary)}", "tags:"]
        lines += [f"  - {q(tag)}" for tag in tags]
        lines += ["sources:", f"  - title: {q('Gương sáng ' + name)}",
                  f"    url: https://bao-hoa-an.example/guong-sang/{slug}",
                  f"    publisher: {q('Báo Hòa An (hư cấu)')}", "    date: 2025-05-19"]
        if featured:
            lines.append("featured: true")
        (data_dir / "profiles" / f"{slug}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (data_dir / "profiles" / f"{slug}.md").write_text(STORIES[slug], encoding="utf-8")


if __name__ == "__main__":
    write_sample(Path(sys.argv[1] if len(sys.argv) > 1 else "data"))
