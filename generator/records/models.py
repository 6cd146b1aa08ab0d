"""Typed record models — the one source of truth for the record format.

Keys are English snake_case; every field carries a Vietnamese ``title`` and ``description``,
which end up in the published JSON Schema (``schema.py``) and in validation messages.
Text fields are strict: YAML 1.1 turns unquoted ``no`` into ``false`` and ``1.000`` into a number,
and a strict text field reports that instead of silently publishing "False".
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
)

Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1)]
Id = Annotated[StrictStr, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


def F(title: str, description: str = "", **kwargs):
    """A field with its Vietnamese title and description."""
    return Field(title=title, description=description or None, **kwargs)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


# --- enumerations (values in English; Vietnamese labels in labels.py) -------------------------


class RecipientKind(str, Enum):
    """Loại đối tượng khen thưởng."""

    individual = "individual"
    household = "household"
    collective = "collective"


class RecipientCategory(str, Enum):
    """Đối tượng cá nhân theo biểu mẫu thống kê 0602/0603.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV)."""

    leader_ministry_province = "leader_ministry_province"
    leader_department = "leader_department"
    business_person = "business_person"
    leader_other = "leader_other"
    direct_worker = "direct_worker"


class Gender(str, Enum):
    """Giới tính."""

    female = "female"
    male = "male"


class CommendationMethod(str, Enum):
    """Phương thức khen thưởng (Luật Thi đua, khen thưởng 2022)."""

    regular = "regular"
    thematic = "thematic"
    ad_hoc = "ad_hoc"
    foreign = "foreign"
    dedication = "dedication"
    seniority = "seniority"
    resistance = "resistance"


class DecisionStatus(str, Enum):
    """Hiệu lực của quyết định."""

    in_force = "in_force"
    revoked = "revoked"
    corrected = "corrected"


class AwardLevel(str, Enum):
    """Cấp khen thưởng dùng trong thống kê."""

    state = "state"
    ministry_province = "ministry_province"
    grassroots = "grassroots"


class AwardGroup(str, Enum):
    """Nhóm hình thức khen thưởng hoặc danh hiệu thi đua."""

    order = "order"
    medal = "medal"
    honorary_title = "honorary_title"
    prize = "prize"
    commemorative_medal = "commemorative_medal"
    certificate_of_merit = "certificate_of_merit"
    certificate_of_commendation = "certificate_of_commendation"
    emulation_title = "emulation_title"
    emulation_flag = "emulation_flag"


class AuthorityKind(str, Enum):
    """Loại cơ quan, người có thẩm quyền quyết định khen thưởng."""

    president = "president"
    prime_minister = "prime_minister"
    ministry = "ministry"
    province = "province"
    department = "department"
    district = "district"
    commune = "commune"
    agency = "agency"


# --- registries ---------------------------------------------------------------------------------


class Authority(Record):
    """Cơ quan ban hành quyết định khen thưởng."""

    id: Id = F("Mã cơ quan", "Chuỗi ASCII viết thường, nối bằng dấu gạch ngang; dùng trong URL.")
    name: Text = F("Tên cơ quan", "Tên đầy đủ như in trên quyết định, ví dụ «Ủy ban nhân dân tỉnh Hòa An».")
    short_name: Text | None = F("Tên viết tắt", "Ví dụ «UBND tỉnh».", default=None)
    kind: AuthorityKind = F("Loại cơ quan", "Xác định những hình thức khen thưởng cơ quan được quyết định.")
    locality: Text | None = F("Địa bàn", default=None)
    valid_from: dt.date | None = F("Thành lập từ ngày", default=None)
    valid_to: dt.date | None = F("Hoạt động đến ngày", "Ngày cuối cùng trước khi giải thể hoặc sáp nhập.", default=None)
    successor: Id | None = F("Cơ quan kế thừa", "Mã cơ quan tiếp nhận chức năng sau khi sáp nhập.", default=None)


class Unit(Record):
    """Đơn vị, địa phương của người hoặc tập thể được khen thưởng."""

    id: Id = F("Mã đơn vị", "Chuỗi ASCII viết thường, nối bằng dấu gạch ngang; dùng trong URL.")
    name: Text = F("Tên đơn vị")
    parent: Id | None = F("Đơn vị cấp trên", "Mã đơn vị cấp trên trong danh mục.", default=None)
    locality: Text | None = F("Địa bàn", "Xã, phường, tỉnh nơi đơn vị đóng.", default=None)
    remote_area: StrictBool = F(
        "Vùng sâu, vùng xa, vùng khó khăn",
        "true nếu đơn vị ở vùng sâu, vùng xa, vùng đặc biệt khó khăn, biên giới, hải đảo.",
        default=False,
    )
    valid_from: dt.date | None = F("Thành lập từ ngày", default=None)
    valid_to: dt.date | None = F("Hoạt động đến ngày", "Ngày cuối cùng trước khi giải thể hoặc sáp nhập.", default=None)
    successor: Id | None = F("Đơn vị kế thừa", "Mã đơn vị tiếp nhận sau khi sáp nhập.", default=None)


class Cap(Record):
    """Tỷ lệ tối đa: số người nhận hình thức này ≤ percent % số người nhận hình thức «of», theo đơn vị và năm."""

    of: Id = F("Hình thức làm căn cứ", "Mã hình thức mà tỷ lệ được tính trên đó.")
    percent: Annotated[float, Field(gt=0, le=100)] = F("Tỷ lệ tối đa (%)")
    source: Text | None = F("Căn cứ pháp lý", default=None)


class AwardForm(Record):
    """Hình thức khen thưởng hoặc danh hiệu thi đua trong danh mục pháp lý."""

    id: Id = F("Mã hình thức")
    name: Text = F("Tên hình thức khen thưởng", "Ví dụ «Bằng khen của Chủ tịch UBND tỉnh».")
    group: AwardGroup = F("Nhóm")
    level: AwardLevel = F("Cấp khen thưởng", "Dùng cho thống kê: Nhà nước, bộ/tỉnh hoặc cơ sở.")
    recipient_kinds: list[RecipientKind] = F(
        "Đối tượng được tặng", "Cá nhân, hộ gia đình và/hoặc tập thể.", min_length=1
    )
    awarded_by: list[AuthorityKind] = F("Thẩm quyền quyết định", "Loại cơ quan được quyết định hình thức này.", min_length=1)
    source: Text | None = F("Căn cứ pháp lý", "Văn bản quy định hình thức này.", default=None)
    cap: Cap | None = F("Giới hạn tỷ lệ", "Ví dụ Chiến sĩ thi đua cơ sở ≤ 15 % số Lao động tiên tiến.", default=None)


class MovementScope(str, Enum):
    """Phạm vi phong trào (biểu 0601.N/BNV-TĐKT)."""

    national = "national"
    sector_locality = "sector_locality"
    cluster = "cluster"
    agency = "agency"


class MovementMethod(str, Enum):
    """Hình thức tổ chức phong trào."""

    thematic = "thematic"
    regular = "regular"


class Movement(Record):
    """Phong trào thi đua."""

    id: Id = F("Mã phong trào")
    name: Text = F("Tên phong trào")
    organiser: Id | None = F("Cơ quan phát động", "Mã cơ quan trong danh mục.", default=None)
    start: dt.date | None = F("Ngày phát động", default=None)
    end: dt.date | None = F("Ngày kết thúc", default=None)
    description: Text | None = F("Mô tả", default=None)
    scope: MovementScope | None = F("Phạm vi", "national (toàn quốc), sector_locality (bộ, ngành, địa phương), "
                                    "cluster (cụm, khối thi đua), agency (cơ quan, đơn vị).", default=None)
    method: MovementMethod | None = F("Hình thức tổ chức", "thematic (theo chuyên đề) hoặc regular (thường xuyên, hằng năm).",
                                      default=None)


# --- decisions ----------------------------------------------------------------------------------


class Signer(Record):
    name: Text = F("Người ký", "Họ và tên người ký quyết định.")
    title: Text = F("Chức danh người ký", "Ví dụ «KT. Chủ tịch — Phó Chủ tịch».")


class Attachment(Record):
    path: Text = F("Tệp bản scan", "Đường dẫn tệp PDF trong thư mục data/, ví dụ attachments/2024/123-qd-ubnd.pdf.")
    sha256: Annotated[StrictStr, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = F(
        "Mã băm SHA-256", "64 ký tự hexa của tệp; lệnh `sha256sum` cho giá trị này."
    )


class Revocation(Record):
    decision_number: Text = F("Số quyết định hủy bỏ")
    date: dt.date = F("Ngày hủy bỏ")
    reason: Text = F("Lý do hủy bỏ")


class Correction(Record):
    date: dt.date = F("Ngày đính chính")
    note: Text = F("Nội dung đính chính")


class Withdrawal(Record):
    """Gỡ thông tin một người khỏi công bố theo yêu cầu (quyết định vẫn giữ nguyên)."""

    date: dt.date = F("Ngày gỡ")
    note: Text = F("Ghi chú công khai", "Ví dụ «Gỡ theo đề nghị của cá nhân, văn bản số …». Không ghi lý do riêng tư.")


class Recipient(Record):
    """Cá nhân, hộ gia đình hoặc tập thể được khen thưởng trong một quyết định."""

    id: Id | None = F(
        "Mã người nhận",
        "Cố định trong quyết định; mặc định lấy từ họ tên. Đặt rõ khi sửa chính tả tên để giữ liên kết cũ.",
        default=None,
    )
    kind: RecipientKind = F("Loại đối tượng", "individual (cá nhân), household (hộ gia đình), collective (tập thể).")
    name: Text = F("Họ và tên / Tên tập thể")
    aliases: list[Text] = F("Tên gọi khác", "Cách viết khác của tên (ví dụ trên báo chí), để tìm kiếm thấy; "
                                           "không hiển thị như tên chính.", default_factory=list)
    position: Text | None = F("Chức vụ", default=None)
    unit: Id | None = F("Đơn vị (mã)", "Mã đơn vị trong danh mục data/registries/units.yaml.", default=None)
    unit_text: Text | None = F("Đơn vị (ghi tự do)", "Tên đơn vị khi đơn vị không có trong danh mục.", default=None)
    category: RecipientCategory | None = F(
        "Đối tượng thống kê",
        "Bắt buộc với cá nhân: leader_ministry_province, leader_department, business_person, "
        "leader_other, direct_worker.",
        default=None,
    )
    enterprise: StrictBool = F("Là doanh nghiệp", "Chỉ dùng cho tập thể.", default=False)
    gender: Gender | None = F("Giới tính", "female hoặc male; không bắt buộc.", default=None)
    achievement: Text | None = F("Thành tích", default=None)
    cash_vnd: Annotated[StrictInt, Field(ge=0)] | None = F("Tiền thưởng (đồng)", "Số nguyên, không dấu chấm.", default=None)
    profile: Id | None = F("Hồ sơ gương điển hình", "Tên tệp (không đuôi) trong data/profiles/.", default=None)
    withdrawn: Withdrawal | None = F(
        "Đã gỡ khỏi công bố", "Tên, chức vụ, thành tích không còn hiển thị; dòng và quyết định vẫn giữ.", default=None)


class Decision(Record):
    """Quyết định khen thưởng — một tệp mỗi quyết định: data/decisions/<năm>/<số-ký-hiệu>.yaml."""

    number: Text | None = F(
        "Số, ký hiệu",
        "Như in trên quyết định, ví dụ «1234/QĐ-UBND». Ghi null nếu không biết số (khi đó bắt buộc number_note); "
        "không tự đặt số.",
    )
    number_note: Text | None = F(
        "Ghi chú về số quyết định", "Nguồn của khen thưởng khi không biết số, ví dụ báo cáo tổng kết.", default=None
    )
    title: Text | None = F("Trích yếu", "Ví dụ «Về việc tặng Bằng khen của Chủ tịch UBND tỉnh».", default=None)
    date: dt.date = F("Ngày ký")
    authority: Id = F("Cơ quan ban hành", "Mã cơ quan trong data/registries/authorities.yaml.")
    signer: Signer | None = F("Người ký", default=None)
    legal_basis: list[Text] = F("Căn cứ", "Các văn bản được viện dẫn.", default_factory=list)
    award_form: Id = F("Hình thức khen thưởng", "Mã trong danh mục hình thức khen thưởng.")
    method: CommendationMethod = F(
        "Phương thức khen thưởng",
        "regular (thường xuyên), thematic (chuyên đề), ad_hoc (đột xuất), foreign (đối ngoại), "
        "dedication (cống hiến), seniority (niên hạn), resistance (kháng chiến).",
    )
    reason: Text = F("Lý do, dịp khen thưởng", "Ví dụ «Đã có thành tích xuất sắc trong phong trào …».")
    movement: Id | None = F("Phong trào thi đua", "Mã phong trào trong danh mục.", default=None)
    attachment: Attachment | None = F("Bản scan quyết định", default=None)
    status: DecisionStatus = F("Hiệu lực", "in_force, revoked (đã hủy) hoặc corrected (có đính chính).", default=DecisionStatus.in_force)
    revocation: Revocation | None = F("Thông tin hủy bỏ", "Bắt buộc khi status là revoked.", default=None)
    corrections: list[Correction] = F("Đính chính", default_factory=list)
    recipients: list[Recipient] = F("Danh sách khen thưởng", min_length=1)
    pii_allow: list[Text] = F(
        "Chuỗi đã kiểm tra không phải dữ liệu cá nhân",
        "Ví dụ một dãy số trong thành tích bị nhận nhầm là số CCCD.",
        default_factory=list,
    )


# --- profiles -----------------------------------------------------------------------------------


class Photo(Record):
    path: Text = F("Tệp ảnh", "Đường dẫn trong data/, ví dụ profiles/photos/ten.jpg (JPEG, PNG hoặc WebP).")
    alt: Text = F("Mô tả ảnh", "Mô tả nội dung ảnh cho người dùng trình đọc màn hình.")
    credit: Text | None = F("Nguồn ảnh", default=None)


class Source(Record):
    title: Text = F("Tiêu đề bài viết")
    url: Annotated[StrictStr, StringConstraints(pattern=r"^https?://\S+$")] = F("Địa chỉ (http/https)")
    publisher: Text | None = F("Cơ quan báo chí", default=None)
    date: dt.date | None = F("Ngày đăng", default=None)


class Profile(Record):
    """Hồ sơ gương điển hình tiên tiến — data/profiles/<slug>.yaml và (tùy chọn) <slug>.md."""

    name: Text = F("Họ và tên / Tên tập thể")
    aliases: list[Text] = F("Tên gọi khác", "Cách viết khác của tên, để tìm kiếm thấy.", default_factory=list)
    kind: RecipientKind = F("Loại đối tượng")
    unit: Id | None = F("Đơn vị (mã)", default=None)
    locality: Text | None = F("Địa bàn", default=None)
    photo: Photo | None = F("Ảnh", default=None)
    summary: Text = F("Tóm tắt một dòng")
    story: Text | None = F("Câu chuyện (Markdown)", "Hoặc viết trong tệp <slug>.md cùng thư mục.", default=None)
    tags: list[Text] = F("Thẻ", default_factory=list)
    sources: list[Source] = F("Nguồn báo chí", default_factory=list)
    featured: StrictBool = F("Nổi bật trên trang chủ", default=False)
    withdrawn: Withdrawal | None = F("Đã gỡ khỏi công bố", "Trang chỉ còn ghi chú gỡ bỏ; địa chỉ vẫn còn.", default=None)
    pii_allow: list[Text] = F("Chuỗi đã kiểm tra không phải dữ liệu cá nhân", default_factory=list)


class Contact(Record):
    address: Text = F("Địa chỉ nhận góp ý", "Địa chỉ cơ quan (không phải địa chỉ cá nhân).")
    email: Annotated[StrictStr, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = F(
        "Thư điện tử của cơ quan", default=None)


class Outcome(Record):
    decision: Annotated[StrictStr, StringConstraints(pattern=r"^\d{4}/[a-z0-9-]+$")] | None = F(
        "Quyết định khen thưởng kết quả", "Mã quyết định dạng năm/tên-tệp, ví dụ 2026/893-qd-ctn.", default=None)
    note: Text = F("Kết quả", "Ví dụ «Đã trình Chủ tịch nước» hoặc «Không đề nghị do có ý kiến phản ánh».")


class Consultation(Record):
    """Lấy ý kiến nhân dân về đề nghị khen thưởng — data/consultations/<slug>.yaml."""

    title: Text = F("Tiêu đề", "Ví dụ «Lấy ý kiến nhân dân đề nghị tặng Huân chương Lao động hạng Ba».")
    proposer: Id = F("Cơ quan đề nghị", "Mã cơ quan trong danh mục.")
    award_form: Id = F("Hình thức đề nghị")
    opens: dt.date = F("Ngày bắt đầu lấy ý kiến")
    closes: dt.date = F("Hạn góp ý", "Ngày cuối cùng nhận góp ý.")
    how_to_comment: Text = F("Cách góp ý", "Ví dụ «Gửi văn bản hoặc thư điện tử, ghi rõ họ tên người góp ý».")
    contact: Contact = F("Nơi nhận góp ý")
    proposed: list[Recipient] = F("Danh sách đề nghị", min_length=1)
    outcome: Outcome | None = F("Kết quả", "Ghi khi đã kết thúc.", default=None)
    pii_allow: list[Text] = F("Chuỗi đã kiểm tra không phải dữ liệu cá nhân", default_factory=list)


SitePath = Annotated[StrictStr, StringConstraints(pattern=r"^([a-z0-9][a-z0-9._-]*/)+$")]


class Redirect(Record):
    """Chuyển hướng một địa chỉ đã công bố sang địa chỉ mới (data/redirects.yaml)."""

    old: SitePath = F("Địa chỉ cũ", "Đường dẫn đã công bố, ví dụ quyet-dinh/2024/12-qd-ubnd/ (không có / ở đầu).")
    new: SitePath = F("Địa chỉ mới", "Đường dẫn trang hiện nay.")
    date: dt.date | None = F("Ngày đổi", default=None)
    reason: Text | None = F("Lý do", "Ví dụ «Sửa số quyết định theo bản gốc».", default=None)


REGISTRY_MODELS = {"authorities": Authority, "units": Unit, "award_forms": AwardForm, "movements": Movement}
