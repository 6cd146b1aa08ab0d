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
    unknown = "unknown"  # the source does not say: counted in no category row, shown as «Không rõ»


class Gender(str, Enum):
    """Giới tính."""

    female = "female"
    male = "male"


class CommendationMethod(str, Enum):
    """Phương thức khen thưởng: các hàng của biểu thống kê 0602, 0603.N/BNV-TĐKT (không phải các loại hình của
    Luật Điều 8 — xem trang «Cách đọc một quyết định»), và «không rõ» khi nguồn không cho biết."""

    regular = "regular"
    thematic = "thematic"
    ad_hoc = "ad_hoc"
    foreign = "foreign"
    dedication = "dedication"
    seniority = "seniority"
    resistance = "resistance"
    unknown = "unknown"


class DateKind(str, Enum):
    """Ngày ghi trong bản ghi là ngày gì: quyết định thật thường chỉ được biết qua ngày trao tặng hoặc ngày đăng tin."""

    signed = "signed"  # ngày ký quyết định
    ceremony = "ceremony"  # ngày trao tặng, lễ tuyên dương
    published = "published"  # ngày đăng tin, ngày công bố
    approximate = "approximate"  # chỉ biết tháng hoặc năm


class DatePrecision(str, Enum):
    """Độ chính xác của ngày."""

    day = "day"
    month = "month"
    year = "year"


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
    other = "other"  # outside the Law's forms (rewards)
    unknown = "unknown"  # the source does not name the form, so its level is not known either


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
    reward = "reward"  # money or a gift without a form of the Law: counted apart, never in the report forms
    unknown = "unknown"  # the source does not say which form


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


class DatedName(Record):
    """Tên của một cơ quan trong một thời kỳ (cơ quan đổi tên nhưng vẫn là một, ví dụ từ 01/7/2025)."""

    name: Text = F("Tên trong thời kỳ này")
    short_name: Text | None = F("Tên viết tắt trong thời kỳ này", default=None)
    valid_from: dt.date | None = F("Dùng từ ngày", default=None)
    valid_to: dt.date | None = F("Dùng đến ngày", "Ngày cuối cùng dùng tên này.", default=None)


class Authority(Record):
    """Cơ quan ban hành quyết định khen thưởng."""

    id: Id = F("Mã cơ quan", "Chuỗi ASCII viết thường, nối bằng dấu gạch ngang; dùng trong URL.")
    name: Text = F("Tên cơ quan", "Tên đầy đủ như in trên quyết định, ví dụ «Ủy ban nhân dân tỉnh Bắc Ninh».")
    short_name: Text | None = F("Tên viết tắt", "Ví dụ «UBND tỉnh».", default=None)
    kind: AuthorityKind = F("Loại cơ quan", "Xác định những hình thức khen thưởng cơ quan được quyết định.")
    locality: Text | None = F("Địa bàn", default=None)
    valid_from: dt.date | None = F("Thành lập từ ngày", default=None)
    valid_to: dt.date | None = F("Hoạt động đến ngày", "Ngày cuối cùng hoạt động, trước khi sáp nhập, chia tách hoặc giải thể.", default=None)
    successors: list[Id] = F(
        "Cơ quan kế thừa",
        "Mã các cơ quan tiếp nhận chức năng, nhiệm vụ sau ngày valid_to: một cơ quan khi sáp nhập, nhiều cơ quan khi "
        "chia tách (ví dụ [ubnd-xa-tan-phu, ubnd-xa-dong-hai] khi cấp huyện chấm dứt hoạt động); bỏ trống nếu cơ quan "
        "giải thể không có cơ quan kế thừa.", default_factory=list)
    names: list[DatedName] = F(
        "Tên theo thời gian", "Khi cơ quan đổi tên mà vẫn là một cơ quan (cùng mã): mỗi tên với thời kỳ dùng; quyết "
        "định hiện tên đúng vào ngày của nó. «name» là tên hiện nay.", default_factory=list)
    successors_unknown: StrictBool = F(
        "Không rõ cơ quan kế thừa", "true khi cơ quan đã ngừng hoạt động (valid_to) mà không nguồn nào nêu cơ quan kế "
        "thừa: trang ghi «không rõ», không ghi «không có».", default=False)

    def named_on(self, day: dt.date) -> tuple[str, str | None]:
        """The authority's name and short name on ``day``: the dated name in use then, else the current one."""
        for dated in self.names:
            if (dated.valid_from is None or dated.valid_from <= day) and (dated.valid_to is None or day <= dated.valid_to):
                return dated.name, dated.short_name
        return self.name, self.short_name


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
    valid_to: dt.date | None = F("Hoạt động đến ngày", "Ngày cuối cùng hoạt động, trước khi sáp nhập, chia tách hoặc giải thể.", default=None)
    successors: list[Id] = F(
        "Đơn vị kế thừa",
        "Mã các đơn vị tiếp nhận sau ngày valid_to: một đơn vị khi sáp nhập, nhiều đơn vị khi chia tách; bỏ trống nếu "
        "đơn vị giải thể không có đơn vị kế thừa.", default_factory=list)
    successors_unknown: StrictBool = F(
        "Không rõ đơn vị kế thừa", "true khi đơn vị đã ngừng hoạt động (valid_to) mà không nguồn nào nêu đơn vị kế "
        "thừa: trang ghi «không rõ đơn vị kế thừa», không ghi «không có».", default=False)


class Dated(Record):
    """A rule that holds from ``valid_from`` to ``valid_to`` (both included; either open)."""

    valid_from: dt.date | None = F("Áp dụng từ ngày", default=None)
    valid_to: dt.date | None = F("Áp dụng đến ngày", "Ngày cuối cùng áp dụng.", default=None)

    def holds_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class Cap(Dated):
    """Tỷ lệ tối đa: số người nhận hình thức này ≤ percent % số người nhận hình thức «of», theo đơn vị và năm,
    trong thời gian áp dụng (ví dụ 15 % của Nghị định 91/2017, chỉ đến hết năm 2023)."""

    of: Id = F("Hình thức làm căn cứ", "Mã hình thức mà tỷ lệ được tính trên đó.")
    percent: Annotated[float, Field(gt=0, le=100)] = F("Tỷ lệ tối đa (%)")
    source: Text | None = F("Căn cứ pháp lý", default=None)


class AwardPower(Dated):
    """Một loại cơ quan được quyết định hình thức này, trong một thời kỳ (ví dụ cấp xã từ 01/7/2025)."""

    kind: AuthorityKind = F("Loại cơ quan")
    source: Text | None = F("Căn cứ pháp lý", default=None)


class CashRule(Dated):
    """Hệ số tiền thưởng (nhân với mức lương cơ sở tại ngày ký) theo đối tượng, trong một thời kỳ."""

    individual: Annotated[float, Field(gt=0)] | None = F("Hệ số cho cá nhân", default=None)
    collective: Annotated[float, Field(gt=0)] | None = F("Hệ số cho tập thể", default=None)
    household: Annotated[float, Field(gt=0)] | None = F("Hệ số cho hộ gia đình", default=None)
    source: Text = F("Căn cứ pháp lý", "Văn bản và điều quy định hệ số.")


class AwardForm(Dated):
    """Hình thức khen thưởng hoặc danh hiệu thi đua trong danh mục pháp lý, kèm thời gian có hiệu lực."""

    id: Id = F("Mã hình thức")
    name: Text = F("Tên hình thức khen thưởng", "Ví dụ «Bằng khen của Chủ tịch UBND tỉnh».")
    group: AwardGroup = F("Nhóm")
    level: AwardLevel = F("Cấp khen thưởng", "Dùng cho thống kê: Nhà nước, bộ/tỉnh, cơ sở hoặc ngoài danh mục luật.")
    recipient_kinds: list[RecipientKind] = F(
        "Đối tượng được tặng", "Cá nhân, hộ gia đình và/hoặc tập thể.", min_length=1
    )
    awarded_by: list[AuthorityKind | AwardPower] = F(
        "Thẩm quyền quyết định",
        "Loại cơ quan được quyết định hình thức này; mỗi dòng một loại, có thể kèm valid_from, valid_to, source.",
        min_length=1)
    source: Text | None = F("Căn cứ pháp lý", "Văn bản quy định hình thức này.", default=None)
    criteria: Text | None = F("Tiêu chuẩn", "Tóm tắt tiêu chuẩn xét tặng.", default=None)
    cap: Cap | None = F("Giới hạn tỷ lệ", "Tỷ lệ tối đa do văn bản hoặc cơ quan quy định, kèm thời gian áp dụng.",
                        default=None)
    cash: list[CashRule] = F("Tiền thưởng", "Hệ số theo từng thời kỳ (Nghị định 152/2025/NĐ-CP Điều 49–54).",
                             default_factory=list)

    def powers(self) -> list[AwardPower]:
        """Every authority rule, a bare kind read as a rule without dates."""
        return [p if isinstance(p, AwardPower) else AwardPower(kind=p) for p in self.awarded_by]

    def cash_on(self, day: dt.date) -> CashRule | None:
        return next((rule for rule in self.cash if rule.holds_on(day)), None)


class HolidayYear(Record):
    """Ngày nghỉ lễ, Tết của một năm rơi vào ngày thường (để đếm ngày làm việc)."""

    id: Annotated[StrictStr, StringConstraints(pattern=r"^\d{4}$")] = F("Năm")
    days: list[dt.date] = F("Ngày nghỉ", "Các ngày nghỉ lễ, Tết và nghỉ bù rơi vào thứ Hai đến thứ Sáu.")
    working_saturdays: list[dt.date] = F(
        "Thứ Bảy làm việc bù", "Thứ Bảy đi làm để hoán đổi lấy một ngày nghỉ, ví dụ 2026-08-22 (đổi cho thứ Hai "
        "31/8/2026): được tính là ngày làm việc.", default_factory=list)
    provisional: StrictBool = F(
        "Chưa có thông báo chính thức", "true khi năm này mới ghi các ngày lễ cố định theo Bộ luật Lao động, chưa có "
        "thông báo nghỉ Tết, nghỉ bù: hạn tính qua năm này có cảnh báo.", default=False)
    source: Text | None = F("Nguồn", default=None)


class BaseSalary(Dated):
    """Mức lương cơ sở trong một thời kỳ — căn cứ tính tiền thưởng."""

    id: Id = F("Mã", "Ví dụ 2026-07.")
    amount: Annotated[StrictInt, Field(gt=0)] = F("Mức lương cơ sở (đồng)")
    source: Text = F("Căn cứ pháp lý")


class LegalDocument(Record):
    """Một văn bản pháp luật có thể được viện dẫn làm căn cứ, với ngày ban hành và thời gian có hiệu lực."""

    id: Id = F("Mã văn bản")
    number: Text = F("Số, ký hiệu", "Ví dụ 152/2025/NĐ-CP.")
    title: Text = F("Tên văn bản")
    issued: dt.date | None = F("Ngày ban hành", default=None)
    in_force_from: dt.date | None = F("Có hiệu lực từ ngày", default=None)
    in_force_to: dt.date | None = F("Hết hiệu lực sau ngày", "Ngày cuối cùng còn hiệu lực.", default=None)
    repealed_by: Id | None = F("Bị thay thế bởi", "Mã văn bản thay thế.", default=None)
    match: list[Text] = F("Cách viết được nhận ra", "Số hiệu hoặc tên như thường được viện dẫn.", min_length=1)
    core: StrictBool = F("Căn cứ chung", "true với luật và nghị định mà mọi quyết định khen thưởng trong thời gian "
                         "có hiệu lực đều viện dẫn; tệp quyết định mới được điền sẵn các căn cứ này.", default=False)
    citation: Text | None = F("Câu căn cứ", "Cách viết đầy đủ trong phần căn cứ của quyết định.", default=None)


class ReportColumn(Record):
    """Một cột của biểu báo cáo: các hình thức (hoặc nhóm) được đếm, tách theo đối tượng nếu cần."""

    label: Text = F("Tên cột")
    forms: list[Id] = F("Mã hình thức", default_factory=list)
    groups: list[AwardGroup] = F("Nhóm hình thức", default_factory=list)
    other: StrictBool = F("Các hình thức khác", "Mọi hình thức của biểu chưa thuộc cột nào.", default=False)
    each: StrictBool = F(
        "Mỗi hình thức một cột", "true khi biểu ghi «Mỗi hình thức khen thưởng ghi riêng một cột» (biểu 0602): cột được "
        "tách thành một cột cho mỗi hình thức có khen thưởng trong năm báo cáo.", default=False)
    kinds: list[RecipientKind] = F("Tách theo đối tượng", "Ví dụ [collective, individual].", default_factory=list)
    organiser_kinds: list[AuthorityKind] = F("Cấp phát động (biểu 0601)", default_factory=list)


class ReportRow(Record):
    """Một hàng của biểu: mã số, tên, và điều kiện chọn; hoặc một dòng tiêu đề nhóm (heading)."""

    code: Text | None = F("Mã số", default=None)
    label: Text | None = F("Tên hàng", default=None)
    heading: Text | None = F("Tiêu đề nhóm", default=None)
    unit: Text | None = F("Đơn vị tính", default=None)
    select: dict | StrictStr | None = F("Điều kiện chọn", "all, hoặc các cặp trường: giá trị.", default=None)


class ReportForm(Record):
    """Bố cục một biểu báo cáo thống kê, theo thông tư quy định và năm báo cáo áp dụng."""

    id: Annotated[StrictStr, StringConstraints(pattern=r"^[0-9a-z-]+$")] = F("Mã bố cục")
    code: Text = F("Số hiệu biểu", "Ví dụ 0603.N/BNV-TĐKT.")
    title: Text = F("Tên biểu")
    subject: Annotated[StrictStr, StringConstraints(pattern=r"^(awards|movements)$")] = F("Đếm", "awards hoặc movements.")
    level: AwardLevel | None = F("Cấp khen thưởng được đếm", default=None)
    reporter: Annotated[StrictStr, StringConstraints(pattern=r"^(site|authority)$")] | None = F(
        "Đơn vị báo cáo", "site (cơ quan công bố trang) hoặc authority (từng cơ quan ban hành).", default=None)
    circular: Text = F("Văn bản quy định biểu")
    years_from: StrictInt | None = F("Từ năm báo cáo", default=None)
    years_to: StrictInt | None = F("Đến năm báo cáo", default=None)
    layout_of: Annotated[StrictStr, StringConstraints(pattern=r"^[0-9a-z-]+$")] | None = F(
        "Dùng bố cục của", "Mã một bố cục khác khi bố cục mới chưa được kiểm chứng.", default=None)
    note: Text | None = F("Ghi chú", default=None)
    unit: Text | None = F("Đơn vị tính", default=None)
    columns: list[ReportColumn] = F("Cột", default_factory=list)
    rows: list[ReportRow] = F("Hàng", default_factory=list)

    def covers(self, year: int) -> bool:
        return (self.years_from is None or self.years_from <= year) and (self.years_to is None or year <= self.years_to)


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
    decision: Annotated[StrictStr, StringConstraints(pattern=r"^\d{4}/[a-z0-9]+(-[a-z0-9]+)*$")] | None = F(
        "Quyết định hủy bỏ trên trang này", "Mã năm/tên tệp, ví dụ 2024/512-qd-ubnd, nếu quyết định hủy bỏ cũng được "
        "công bố ở đây: hai quyết định được liên kết với nhau.", default=None)
    signer: Signer | None = F("Người ký quyết định hủy bỏ", "Bỏ trống nếu nguồn không nêu.", default=None)
    note: Text | None = F("Ghi chú về quyết định hủy bỏ",
                          "Ví dụ cách số được in trong nguồn, hoặc năm được suy ra từ ngữ cảnh.", default=None)


class RevocationProposal(Record):
    """Một đề nghị thu hồi, hủy bỏ khen thưởng đã được công bố nhưng chưa có quyết định: khen thưởng vẫn còn hiệu lực."""

    date: dt.date = F("Ngày đề nghị (hoặc ngày đăng tin về đề nghị)")
    by: Text = F("Cơ quan, người đề nghị", "Ví dụ «Bộ Y tế (tờ trình do Thứ trưởng … ký)».")
    reason: Text | None = F("Lý do đề nghị", default=None)
    note: Text | None = F("Ghi chú", "Ví dụ «Số tờ trình không công bố».", default=None)


class Occasion(Record):
    """Một dịp, buổi lễ có nhiều quyết định (nhiều hình thức, nhiều cơ quan) với số liệu công bố chung.

    Mỗi quyết định của dịp ghi cùng ``id``; tên, tổng số và ghi chú ghi ở một quyết định (hoặc lặp lại như nhau)."""

    id: Id = F("Mã dịp khen thưởng", "Cùng một mã ở mọi quyết định của dịp, ví dụ dai-hoi-thi-dua-xi-2025.")
    title: Text | None = F("Tên dịp, buổi lễ", default=None)
    declared_total: Annotated[StrictInt, Field(ge=0)] | None = F(
        "Tổng số công bố của cả dịp", "Khi nguồn ghi một tổng chung, ví dụ «17 tập thể, cá nhân».", default=None)
    note: Text | None = F("Ghi chú", default=None)


class DeclaredTotals(Record):
    """Số lượng công bố trong văn bản khi danh sách nêu tên không đầy đủ (ví dụ báo cáo chỉ nêu tên 19 trong 186)."""

    individual: Annotated[StrictInt, Field(ge=0)] | None = F("Số cá nhân", default=None)
    household: Annotated[StrictInt, Field(ge=0)] | None = F("Số hộ gia đình", default=None)
    collective: Annotated[StrictInt, Field(ge=0)] | None = F("Số tập thể", default=None)
    total: Annotated[StrictInt, Field(ge=0)] | None = F(
        "Tổng số", "Khi văn bản chỉ ghi một tổng chung, ví dụ «186 tập thể, hộ gia đình và cá nhân».", default=None)
    unstated: StrictBool = F(
        "Không công bố số lượng", "true khi văn bản không ghi số lượng (ví dụ «nhiều cá nhân, tập thể»): trang ghi "
        "«không công bố», không coi danh sách nêu tên là đầy đủ.", default=False)
    cash_vnd: Annotated[StrictInt, Field(ge=0)] | None = F(
        "Tổng tiền thưởng công bố (đồng)", "Khi văn bản chỉ ghi tổng số tiền, ví dụ «tổng số tiền thưởng là 75,6 triệu "
        "đồng» → 75600000.", default=None)
    note: Text = F("Nguồn của số liệu", "Ví dụ «Quyết định ghi 39 tập thể; bản scan chỉ đọc được 25 tên».")


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
    reward_item: Text | None = F("Hiện vật, công trình thưởng",
                                 "Với thưởng không kèm hình thức khen thưởng, ví dụ «Nhà tình nghĩa».", default=None)
    reward_value_vnd: Annotated[StrictInt, Field(ge=0)] | None = F(
        "Giá trị hiện vật, công trình (đồng)", "Số nguyên, không dấu chấm.", default=None)
    profile: Id | None = F("Hồ sơ gương điển hình", "Tên tệp (không đuôi) trong data/profiles/.", default=None)
    person: Id | None = F(
        "Mã người",
        "Nối các khen thưởng của cùng một người, tập thể hoặc hộ gia đình ở nhiều quyết định: ghi cùng một mã ở mỗi "
        "dòng, ví dụ luu-thi-kim-oanh (thêm tên đơn vị hoặc một số khi đã có người trùng tên). Người có khen thưởng ở "
        "từ hai quyết định trở lên có trang riêng. Dòng đã ghi profile thì mã người là tên tệp hồ sơ, không cần ghi "
        "thêm. Không bao giờ nối theo tên.",
        default=None)
    revoked: Revocation | None = F(
        "Khen thưởng của người này đã bị hủy bỏ",
        "Khi một quyết định sau hủy bỏ khen thưởng của một người trong danh sách (Luật Điều 93): dòng vẫn được công "
        "bố, ghi rõ quyết định hủy, và không được tính vào số liệu.", default=None)
    minor: StrictBool = F(
        "Là trẻ em (dưới 16 tuổi)",
        "true với học sinh, trẻ em: chỉ công bố họ tên, đơn vị và khen thưởng; thành tích không được công bố "
        "(Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 Điều 24(2): công bố thông tin đời tư của trẻ từ đủ 7 tuổi "
        "cần sự đồng ý của trẻ và cha mẹ).", default=False)
    withdrawn: Withdrawal | None = F(
        "Đã gỡ khỏi công bố", "Tên, chức vụ, thành tích không còn hiển thị; dòng và quyết định vẫn giữ.", default=None)

    @property
    def person_key(self) -> str | None:
        """The person this line belongs to: its ``person`` id, else the slug of the profile it links to."""
        return self.person or self.profile


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
    date: dt.date = F("Ngày", "Ngày ký; nếu chỉ biết ngày khác thì ghi ngày đó và date_kind. Chỉ biết tháng hoặc năm: "
                               "ghi ngày đầu tháng hoặc ngày 01/01 và date_precision.")
    date_kind: DateKind = F(
        "Loại ngày", "signed (ngày ký), ceremony (ngày trao tặng), published (ngày đăng tin, công bố), "
        "approximate (ngày ước tính).", default=DateKind.signed)
    date_precision: DatePrecision = F("Độ chính xác của ngày", "day, month (chỉ biết tháng) hoặc year (chỉ biết năm).",
                                      default=DatePrecision.day)
    date_note: Text | None = F("Ghi chú về ngày", "Ví dụ «Ngày trao tặng theo tin của báo địa phương; chưa rõ ngày ký».",
                               default=None)
    authority: Id = F("Cơ quan ban hành", "Mã cơ quan trong data/registries/authorities.yaml.")
    signer: Signer | None = F("Người ký", "Bỏ trống nếu không rõ.", default=None)
    presenter: Text | None = F("Người trao tặng", "Khi nguồn chỉ nêu người trao, ví dụ «Phó Chủ tịch UBND tỉnh Trần Văn K».",
                               default=None)
    source_note: Text | None = F(
        "Nguồn thông tin", "Khi quyết định được biết qua nguồn khác (báo cáo, bản tin): nêu nguồn; hiện cạnh các "
        "thông tin «không rõ».", default=None)
    legal_basis: list[Text] = F("Căn cứ", "Các văn bản được viện dẫn.", default_factory=list)
    award_form: Id = F("Hình thức khen thưởng", "Mã trong danh mục hình thức khen thưởng; «khong-ro-hinh-thuc» "
                                                "nếu nguồn không nêu (ghi award_form_note).")
    award_form_note: Text | None = F("Ghi chú về hình thức", "Ví dụ «Bản tin chỉ ghi \"khen thưởng đột xuất\"».",
                                     default=None)
    proposer: Id | None = F(
        "Cơ quan trình khen thưởng",
        "Mã cơ quan (trong danh mục) đã trình đề nghị; dùng cho biểu 0602 (chia theo đơn vị ban hành tờ trình).",
        default=None)
    method: CommendationMethod = F(
        "Phương thức khen thưởng",
        "regular (thường xuyên), thematic (chuyên đề), ad_hoc (đột xuất), foreign (đối ngoại), "
        "dedication (cống hiến), seniority (niên hạn), resistance (kháng chiến), unknown (không rõ).",
    )
    reason: Text | None = F("Lý do, dịp khen thưởng", "Ví dụ «Đã có thành tích xuất sắc trong phong trào …»; "
                                                      "bỏ trống nếu không rõ.", default=None)
    movement: Id | None = F("Phong trào thi đua", "Mã phong trào trong danh mục.", default=None)
    attachment: Attachment | None = F("Bản scan quyết định", default=None)
    status: DecisionStatus = F("Hiệu lực", "in_force, revoked (đã hủy) hoặc corrected (có đính chính).", default=DecisionStatus.in_force)
    revocation: Revocation | None = F("Thông tin hủy bỏ", "Bắt buộc khi status là revoked.", default=None)
    corrections: list[Correction] = F("Đính chính", default_factory=list)
    revocation_proposed: RevocationProposal | None = F(
        "Đề nghị thu hồi (chưa có quyết định)", "Khi có đề nghị thu hồi, hủy bỏ được công bố nhưng chưa có quyết định: "
        "khen thưởng vẫn còn hiệu lực và trang ghi rõ «đang đề nghị thu hồi».", default=None)
    occasion: Occasion | None = F(
        "Dịp khen thưởng", "Khi một buổi lễ, đại hội có nhiều hình thức, nhiều quyết định với tổng số công bố chung.",
        default=None)
    declared: DeclaredTotals | None = F(
        "Số lượng công bố", "Khi danh sách nêu tên không đầy đủ: số cá nhân, hộ, tập thể mà văn bản công bố.",
        default=None)
    recipients: list[Recipient] = F("Danh sách khen thưởng (được nêu tên)",
                                    "Có thể để trống nếu văn bản chỉ công bố số lượng (ghi declared).",
                                    default_factory=list)
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
    consent: Text = F(
        "Căn cứ đăng ảnh",
        "Ảnh của một người là dữ liệu cá nhân (Nghị định 356/2025/NĐ-CP Điều 3): ghi sự đồng ý, ví dụ «Đồng ý bằng "
        "văn bản ngày 12/3/2025», hoặc căn cứ khác, ví dụ «Ảnh chụp tại hoạt động công cộng» (Bộ luật Dân sự Điều 32).")


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
    minor: StrictBool = F("Là trẻ em (dưới 16 tuổi)", "true nếu là học sinh, trẻ em: hồ sơ cần ghi minor_consent.",
                          default=False)
    minor_consent: Text | None = F(
        "Sự đồng ý của trẻ em và cha mẹ",
        "Bắt buộc khi minor là true: ví dụ «Đồng ý bằng văn bản của em … và cha mẹ ngày 12/3/2025» "
        "(Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 Điều 24(2)).", default=None)
    withdrawn: Withdrawal | None = F("Đã gỡ khỏi công bố", "Trang và địa chỉ của hồ sơ bị gỡ; quyết định vẫn giữ.",
                                     default=None)
    pii_allow: list[Text] = F("Chuỗi đã kiểm tra không phải dữ liệu cá nhân", default_factory=list)


class Contact(Record):
    address: Text = F("Địa chỉ nhận góp ý", "Địa chỉ cơ quan (không phải địa chỉ cá nhân).")
    email: Annotated[StrictStr, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = F(
        "Thư điện tử của cơ quan", default=None)


class Outcome(Record):
    decision: Annotated[StrictStr, StringConstraints(pattern=r"^\d{4}/[a-z0-9-]+$")] | None = F(
        "Quyết định khen thưởng kết quả", "Mã quyết định dạng năm/tên-tệp, ví dụ 2026/893-qd-ctn.", default=None)
    note: Text = F("Kết quả", "Ví dụ «Đã trình Chủ tịch nước» hoặc «Không đề nghị do có ý kiến phản ánh».")


class Proposal(Recipient):
    """Một người, hộ hoặc tập thể được đề nghị khen thưởng, với hình thức đề nghị nếu thông báo có nhiều hình thức."""

    award_form: Id | None = F("Hình thức đề nghị cho người này",
                              "Khi thông báo đề nghị nhiều hình thức; mặc định là hình thức chung của thông báo.",
                              default=None)


class Consultation(Record):
    """Lấy ý kiến nhân dân về đề nghị khen thưởng — data/consultations/<slug>.yaml."""

    title: Text = F("Tiêu đề", "Ví dụ «Lấy ý kiến nhân dân đề nghị tặng Huân chương Lao động hạng Ba».")
    proposer: Id = F("Cơ quan đề nghị", "Mã cơ quan trong danh mục.")
    award_form: Id | None = F("Hình thức đề nghị", "Hình thức chung; có thể ghi riêng cho từng người (award_form "
                                                   "trong danh sách đề nghị).", default=None)
    opens: dt.date = F("Ngày bắt đầu lấy ý kiến")
    deadline_as_written: Text | None = F(
        "Thời hạn như thông báo ghi", "Ví dụ «trong 10 ngày làm việc»: in nguyên văn cạnh hạn góp ý; hạn được tính từ "
        "working_days thì trang ghi rõ là ngày tính ra, không phải ngày của thông báo.", default=None)
    working_days: Annotated[StrictInt, Field(ge=1, le=60)] | None = F(
        "Thời hạn (ngày làm việc)", "Ví dụ 10 khi thông báo ghi «trong thời hạn 10 ngày làm việc»: hạn góp ý được tính "
        "từ ngày bắt đầu, không kể thứ Bảy, Chủ nhật và ngày nghỉ lễ, Tết.", default=None)
    closes: dt.date | None = F("Hạn góp ý", "Ngày cuối cùng nhận góp ý; có thể bỏ trống nếu ghi working_days.",
                               default=None)
    how_to_comment: Text = F("Cách góp ý", "Ví dụ «Gửi văn bản hoặc thư điện tử, ghi rõ họ tên người góp ý».")
    basis: Text | None = F(
        "Căn cứ lấy ý kiến",
        "Bắt buộc hay tự nguyện, và theo văn bản nào; ví dụ «Bắt buộc: đề nghị tặng huân chương phải công khai ít nhất "
        "10 ngày làm việc (Nghị định 98/2023/NĐ-CP Điều 46(2))» hoặc «Tự nguyện: cơ quan lấy ý kiến trước khi xét».",
        default=None)
    contact: Contact = F("Nơi nhận góp ý")
    proposed: list[Proposal] = F("Danh sách đề nghị", min_length=1)
    outcome: Outcome | None = F("Kết quả", "Ghi khi đã kết thúc.", default=None)
    pii_allow: list[Text] = F("Chuỗi đã kiểm tra không phải dữ liệu cá nhân", default_factory=list)


SitePath = Annotated[StrictStr, StringConstraints(pattern=r"^([a-z0-9][a-z0-9._-]*/)+$")]


class Redirect(Record):
    """Chuyển hướng một địa chỉ đã công bố sang địa chỉ mới (data/redirects.yaml)."""

    old: SitePath = F("Địa chỉ cũ", "Đường dẫn đã công bố, ví dụ quyet-dinh/2024/12-qd-ubnd/ (không có / ở đầu).")
    new: SitePath = F("Địa chỉ mới", "Đường dẫn trang hiện nay.")
    date: dt.date | None = F("Ngày đổi", default=None)
    reason: Text | None = F("Lý do", "Ví dụ «Sửa số quyết định theo bản gốc».", default=None)


REGISTRY_MODELS = {"authorities": Authority, "units": Unit, "award_forms": AwardForm, "movements": Movement,
                   "base_salary": BaseSalary, "legal_documents": LegalDocument, "report_forms": ReportForm,
                   "holidays": HolidayYear}
