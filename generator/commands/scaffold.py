"""``new decision`` and ``new profile``: commented starting files in the right place with the right name.

Asks for missing values on a terminal; takes them as options in scripts. The file written
is a valid record once the «…» placeholders are filled in.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import sys
from pathlib import Path

from generator.records import law
from generator.records.models import RecipientKind
from generator.records.messages import Both
from generator.records.problems import Severity, UserError
from generator.records.yaml_write import q
from generator.text import fold, slugify

class ScaffoldError(UserError):
    """A value for a new file, or the file to attach, that cannot be used (a coded ``UserError``)."""


def ask(value: str | None, prompt: str, option: str, required: bool = True) -> str:
    """``value`` when given; else asked on a terminal. In a script a missing required value is an error
    naming its command-line ``option``."""
    if value:
        return value
    if not sys.stdin.isatty():
        if required:
            raise ScaffoldError("value_missing", prompt=prompt, option=option)
        return ""
    try:
        answer = input(f"{prompt}: ").strip()
    except EOFError:  # Ctrl-D
        answer = ""
    if required and not answer:
        raise ScaffoldError("value_missing", prompt=prompt, option=option)
    return answer


def create(args) -> Path:
    data = Path(args.data)
    if args.kind == "decision":
        return create_decision(data, args.number, args.date, args.authority, args.award_form)
    return create_profile(data, args.name, args.profile_kind)


def create_decision(data: Path, number: str | None, date: str | None, authority: str | None,
                    award_form: str | None) -> Path:
    """Write ``data/decisions/<year>/<slug of number>.yaml`` and return its path.

    Codes are checked against the merged registries (defaults and the office's files, as validation reads
    them); the legal cash amounts and the authority's power on the signing date come from ``records.law``.
    """
    number = ask(number, "Số, ký hiệu (ví dụ 1234/QĐ-UBND; để trống nếu không rõ số)", "--number", required=False)
    signed = _signing_date(ask(date, "Ngày ký (YYYY-MM-DD)", "--date"))
    records, shown = merged_registries(data)
    authority = ask(authority, "Mã cơ quan ban hành (xem data/registries/authorities.yaml)", "--authority")
    _check_code(authority, Both("Mã cơ quan ban hành", "authority code"), {k: v.model.name for k, v in records.authorities.items()},
                shown["authorities"])
    award_form = ask(award_form, "Mã hình thức khen thưởng (xem trang Hình thức khen thưởng)", "--award-form")
    _check_code(award_form, Both("Mã hình thức khen thưởng", "award form code"), {k: v.model.name for k, v in records.award_forms.items()},
                shown["award_forms"])
    name = slugify(number) if number else f"khong-so-{signed.isoformat()}"
    path = data / "decisions" / str(signed.year) / f"{name}.yaml"
    if path.exists():
        raise ScaffoldError("decision_exists", path, name=name)
    form = records.award_forms[award_form].model
    number_line = f"number: {q(number)}" if number else (
        "number: null  # không rõ số: KHÔNG tự đặt số\n"
        "number_note: \"…\"  # nguồn của khen thưởng, ví dụ báo cáo tổng kết năm …")
    basis = "\n".join(f"  - {q(line)}" for line in law.basis_lines(records, signed)) or '  - "…"'
    kinds = form.recipient_kinds
    blocks = []
    if RecipientKind.individual in kinds:
        blocks.append(f"""  # Cá nhân: category là một trong direct_worker (người trực tiếp lao động, công tác),
  # leader_other (lãnh đạo từ phó phòng trở lên), leader_department (lãnh đạo sở, ngành), leader_ministry_province
  # (lãnh đạo cấp tỉnh trở lên), business_person (doanh nhân), unknown (nguồn không cho biết — không tự đoán).
  - kind: individual
    name: "…"
    position: "…"                 # chức vụ
    unit: …                       # mã đơn vị trong data/registries/units.yaml, hoặc dùng unit_text
    category: direct_worker
    # gender: female              # tùy chọn: female | male
    achievement: "…"
{_cash_line(records, form, RecipientKind.individual, signed)}
    # minor: true                 # học sinh, trẻ em dưới 16 tuổi: thành tích không được công bố""")
    if RecipientKind.collective in kinds:
        blocks.append(f"""  # Tập thể:
  - kind: collective
    name: "…"
    unit_text: "…"                # tên đơn vị nếu không có trong danh mục
    # enterprise: true            # nếu là doanh nghiệp
{_cash_line(records, form, RecipientKind.collective, signed)}""")
    if RecipientKind.household in kinds:
        blocks.append(f"""  # Hộ gia đình:
  - kind: household
    name: "…"                     # ví dụ "Hộ ông Nguyễn Văn A"
    unit_text: "…"                # thôn, ấp, tổ dân phố
{_cash_line(records, form, RecipientKind.household, signed)}""")
    text = f"""# Quyết định khen thưởng. Điền các chỗ «…», xóa các dòng không dùng, rồi chạy:
#   ./bangvang validate        (Windows: bangvang validate)
# Lược đồ đầy đủ: trang «Về dữ liệu» của trang web, hoặc ./bangvang schema
{number_line}
title: "Về việc tặng {form.name}"   # trích yếu, chép đúng như quyết định
date: {signed.isoformat()}                  # ngày ký, dạng YYYY-MM-DD
authority: {authority}            # {records.authorities[authority].model.name}
signer:
  name: "…"                       # họ và tên người ký
  title: "…"                      # ví dụ "KT. Chủ tịch — Phó Chủ tịch"
legal_basis:                      # căn cứ, chép đúng như quyết định, mỗi văn bản một dòng
{basis}
award_form: {award_form}          # {form.name}
method: regular                   # regular | thematic | ad_hoc | foreign | dedication | seniority | resistance | unknown
reason: "Đã có thành tích xuất sắc trong …"
# proposer: ma-co-quan            # cơ quan trình khen (với khen thưởng cấp Nhà nước)
# movement: ma-phong-trao         # phong trào thi đua (tùy chọn)
# attachment:                     # bản scan (tùy chọn): tệp trong data/, và mã sha256sum của tệp
#   path: attachments/{signed.year}/{name}.pdf
#   sha256: "…"                 # 64 ký tự, trong ngoặc kép
recipients:
{chr(10).join(blocks)}
# KHÔNG ghi số CCCD, số điện thoại, địa chỉ nhà, ngày sinh.
#
# Khi nguồn không đầy đủ (bản tin, báo cáo): chép các dòng cần dùng lên phần đầu tệp, bỏ dấu «# ».
# date_kind: ceremony             # nếu không biết ngày ký: ceremony (ngày trao) | published (ngày đăng tin) | approximate
# date_precision: month           # nếu chỉ biết tháng (ghi ngày 01) hoặc year (ghi 01/01)
# date_note: "…"                  # ví dụ "Ngày trao tặng theo báo địa phương; chưa rõ ngày ký"
# presenter: "…"                  # người trao tặng, khi nguồn chỉ nêu người trao (không phải người ký)
# source_note: "…"                # nguồn thông tin khi quyết định được biết qua báo chí, báo cáo
# declared:                       # danh sách nêu tên không đầy đủ: số lượng văn bản công bố
#   individual: …                 # và/hoặc collective, household, total (tổng chung khi không tách)
#   cash_vnd: …                   # tổng tiền thưởng khi văn bản chỉ ghi tổng
#   note: "…"                     # nguồn của số liệu
#   # unstated: true              # thay cho các số: văn bản không công bố số lượng («nhiều cá nhân, tập thể»)
# occasion:                       # nhiều quyết định, hình thức trong cùng một buổi lễ, đại hội
#   id: ma-dip                    # cùng một mã ở mọi quyết định của dịp
#   title: "…"
#   declared_total: …             # tổng số nguồn công bố cho cả dịp
# revocation_proposed:            # có đề nghị thu hồi nhưng chưa có quyết định (khen thưởng vẫn còn hiệu lực)
#   date: YYYY-MM-DD
#   by: "…"
# status: revoked                 # khi đã bị hủy bỏ, kèm:
# revocation: {{decision_number: "…", date: YYYY-MM-DD, reason: "…", signer: {{name: "…", title: "…"}}}}
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    notice = power_notice(records, award_form, authority, signed)
    if notice:
        print(notice, file=sys.stderr)
    return path


def power_notice(records, form_id: str, authority_id: str, signed: dt.date) -> str:
    """A note when the authority does not hold the power to award the form on the signing date (from
    ``records.law``): said when the file is made rather than found at validation. Empty when all is well."""
    form, authority = records.award_forms[form_id].model, records.authorities[authority_id].model
    if law.may_award(form, authority.kind, signed):
        return ""
    powers = law.powers_of(form, authority.kind)
    when = "; ".join(law.rule_text(p) for p in powers)
    return (f"Lưu ý: theo danh mục, «{authority.name}» " + (f"chỉ được quyết định «{form.name}» {when}"
            if powers else f"không có thẩm quyền quyết định «{form.name}»")
            + f"; quyết định ký ngày {signed:%d/%m/%Y}. Kiểm tra lại cơ quan, hình thức và ngày ký.")


def _cash_line(records, form, kind, signed: dt.date) -> str:
    cash = law.legal_cash(records, form, kind, signed)
    if cash is None:
        return ("    # cash_vnd: …                 # tiền thưởng (đồng) ghi trong quyết định, số nguyên — danh mục chưa "
                "có hệ số đã kiểm chứng cho ngày ký này")
    multiple = f"{cash.multiple:g}".replace(".", ",")
    return (f"    cash_vnd: {cash.amount}          # theo quy định ngày {signed:%d/%m/%Y}: {multiple} × "
            f"{_money(cash.base)}, làm tròn lên; sửa nếu quyết định ghi khác, xóa nếu không có tiền thưởng")


def _money(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " đ"


def merged_registries(data: Path):
    """The merged registries and, per kind, the file a clerk edits to add a code."""
    from generator.records.load import load_registries
    from generator.records.validation import validate_registries_only

    records, problems = validate_registries_only(load_registries(data))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise ScaffoldError("registry_broken", problem=Both(errors[0].format("vi"), errors[0].format("en")))
    shown = {kind: _shown(data / "registries" / f"{kind}.yaml") for kind in ("authorities", "award_forms")}
    if not (data / "registries" / "award_forms.yaml").is_file():
        shown["award_forms"] = "generator/defaults/award_forms.yaml"
    return records, shown


def _signing_date(text: str) -> dt.date:
    """The signing date: YYYY-MM-DD, not after today (``BANGVANG_TODAY`` pins today, as for validation)."""
    from generator.pipeline import today

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
        raise ScaffoldError("signing_date_format", value=text)
    try:
        signed = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ScaffoldError("signing_date_not_real", value=text) from None
    if signed > today():
        raise ScaffoldError("signing_date_future", date=signed.isoformat(), today=today().isoformat())
    return signed


def _shown(path: Path) -> str:
    """A path as the user knows it: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check_code(code: str, what: Both, codes: dict[str, str], shown: str) -> None:
    """Refuse a code missing from its registry, naming up to three close codes ("có phải «…»?") and the file."""
    if code in codes:
        return
    near = _close_codes(code, codes)
    vi = ("có phải " + " hay ".join(f"«{c}» ({codes[c]})" for c in near) + "? ") if near else ""
    en = ("did you mean " + " or ".join(f"“{c}” ({codes[c]})" for c in near) + "? ") if near else ""
    raise ScaffoldError("unknown_registry_code", what=what, code=code, near=Both(vi, en), file=shown)


def _close_codes(code: str, codes: dict[str, str]) -> list[str]:
    """Codes most like ``code``: compared with each id, and with each name (abbreviations such as UBND spelt out)."""
    from generator.records.unit_names import unit_key

    wanted = slugify(code)
    spelt = slugify(unit_key(code.replace("-", " ")))
    scored = []
    for candidate, name in codes.items():
        by_id = difflib.SequenceMatcher(None, wanted, candidate).ratio()
        by_name = difflib.SequenceMatcher(None, spelt, slugify(name).replace("-cua-", "-")).ratio()
        score = 1.0 if fold(code) == fold(name) else max(by_id, by_name)
        if score >= 0.6:
            scored.append((-score, candidate))
    return [candidate for _, candidate in sorted(scored)[:3]]


def create_profile(data: Path, name: str | None, kind: str) -> Path:
    """Write ``data/profiles/<slug>.yaml`` and ``<slug>.md`` and return the YAML path."""
    name = ask(name, "Họ và tên hoặc tên tập thể", "--name")
    slug = slugify(name)
    if not slug:
        raise ScaffoldError("profile_name_empty", name=name)
    path = data / "profiles" / f"{slug}.yaml"
    if path.exists():
        raise ScaffoldError("profile_exists", path)
    text = f"""# Hồ sơ gương điển hình. Câu chuyện viết trong {slug}.md (Markdown) cùng thư mục.
# Các khen thưởng KHÔNG ghi ở đây: chúng được lấy từ các quyết định có dòng «profile: {slug}».
name: {q(name)}
kind: {kind}                      # individual | collective | household
unit: …                           # mã đơn vị trong data/registries/units.yaml (tùy chọn)
locality: "…"                     # địa bàn, ví dụ "Xã Đông Hải"
summary: "…"                      # một câu giới thiệu
# photo:
#   path: profiles/photos/{slug}.jpg   # JPEG, PNG hoặc WebP, tối đa 2 MB
#   alt: "…"                           # mô tả ảnh cho người khiếm thị
#   credit: "…"                        # nguồn ảnh
tags: []
sources: []                       # - title: "…", url: https://…, publisher: "…", date: 2025-01-31
# featured: true                  # hiện trên trang chủ
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.with_suffix(".md").write_text(f"Câu chuyện của **{name}** …\n", encoding="utf-8")
    return path


def attach(decision: Path, pdf: Path, data: Path) -> Path:
    """Copy a scanned, signed decision into data/attachments/<year>/<name>.pdf and record it with its sha256."""
    import hashlib
    import re
    import shutil

    if not decision.is_file():
        raise ScaffoldError("attach_no_decision", decision)
    if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        raise ScaffoldError("attach_not_pdf", pdf)
    year = decision.parent.name
    target = data / "attachments" / year / f"{decision.stem}.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(pdf, target)
    digest = hashlib.sha256(target.read_bytes()).hexdigest()
    block = f"attachment:\n  path: attachments/{year}/{decision.stem}.pdf\n  sha256: \"{digest}\"\n"
    text = decision.read_text(encoding="utf-8")
    text = re.sub(r"^#? ?attachment:.*?\n(?:#?\s+(?:path|sha256):.*\n)*", "", text, flags=re.M)
    text = re.sub(r"^recipients:", block + "recipients:", text, count=1, flags=re.M) if re.search(
        r"^recipients:", text, re.M) else text.rstrip("\n") + "\n" + block
    decision.write_text(text, encoding="utf-8")
    return target


_ATTACHMENT = re.compile(r"^attachment:\n((?:[ \t]+.*\n)*)", re.M)


def record_hashes(data: Path) -> list[Path]:
    """Write the sha256 of each attached scan whose decision has none yet — a scan uploaded on the editing page
    (/quan-tri/): the clerk never computes one; CI runs this before validating. Returns the decisions changed."""
    import hashlib

    changed = []
    for decision in sorted((data / "decisions").rglob("*.yaml")):
        text = decision.read_text(encoding="utf-8")
        block = _ATTACHMENT.search(text)
        path = block and re.search(r"^([ \t]+)path:[ \t]*[\"']?([^\"'\n#]+?)[\"']?[ \t]*$", block.group(1), re.M)
        if not path or re.search(r"^[ \t]+sha256:", block.group(1), re.M):
            continue
        scan = data / path.group(2)
        if not scan.is_file() or scan.is_symlink():
            continue  # validation names the missing file
        digest = hashlib.sha256(scan.read_bytes()).hexdigest()
        line = f'{path.group(1)}sha256: "{digest}"\n'
        end = block.start(1) + block.group(1).index(path.group(0)) + len(path.group(0)) + 1
        decision.write_text(text[:end] + line + text[end:], encoding="utf-8")
        changed.append(decision)
    return changed
