"""Open data: every decision and recipient as CSV and JSON, per decision and in bulk, with a
Frictionless ``datapackage.json`` describing the files (render stage: catalog → files).

Columns are stable and documented by ``DECISION_COLUMNS`` and ``RECIPIENT_COLUMNS`` (and in
datapackage.json). JSON keeps English keys and typed values (numbers, booleans, ``null`` when absent);
CSV files are for people: Vietnamese headers, Vietnamese labels beside the codes, names beside ids,
UTF-8 with a byte-order mark so that spreadsheet programs show Vietnamese correctly.
"""

from __future__ import annotations

import csv
import itertools
import io
import json
from dataclasses import dataclass
from functools import cache
from typing import BinaryIO, Callable, Iterable, Iterator

from generator.catalog.gate import Publication
from generator.records.entries import DecisionEntry
from generator.records.models import AwardLevel, CommendationMethod, DecisionStatus, Gender, RecipientCategory, RecipientKind
from generator.site import fingerprint, urls, xlsx
from generator.site.views import Link
from generator.site.labels import label
from generator.site.outputs import OutputFile

DATA_DIR = urls.DATA_DIR
DOWNLOADS = f"{urls.ABOUT_DATA}#tai-du-lieu"  # the list of every bulk file

@dataclass(frozen=True)
class Column:
    """One column of an export: the JSON key, its Frictionless type, and how the CSV shows it — under a
    Vietnamese header, with labels people read (codes keep their own columns, for machines)."""

    key: str
    title: str  # the CSV header
    type: str = "string"
    shown: Callable[[object], object] | None = None  # JSON value → CSV cell; default: as is, None → ""

    def cell(self, value):
        if self.shown is not None and value is not None:
            return self.shown(value)
        return "" if value is None else value


def _label_of(enum):
    return lambda code: label(enum(code))


def _yes_no(value: bool) -> str:
    return "Có" if value else "Không"


DECISION_COLUMNS = [
    Column("decision_id", "Mã quyết định (năm/tên tệp)"), Column("url", "Địa chỉ trang"),
    Column("number", "Số, ký hiệu"), Column("number_note", "Ghi chú về số"),
    Column("date", "Ngày", "date"), Column("date_kind", "Loại ngày (signed: ngày ký; ceremony: ngày trao tặng; "
                                                  "published: ngày đăng tin; approximate: ước tính)"),
    Column("date_precision", "Độ chính xác của ngày (day, month, year)"), Column("date_note", "Ghi chú về ngày"),
    Column("year", "Năm", "integer"),
    Column("authority_id", "Mã cơ quan ban hành"), Column("authority", "Cơ quan ban hành"),
    Column("signer", "Người ký"), Column("signer_title", "Chức danh người ký"),
    Column("presenter", "Người trao tặng"), Column("source_note", "Nguồn thông tin"), Column("title", "Trích yếu"),
    Column("award_form_id", "Mã hình thức"), Column("award_form", "Hình thức khen thưởng"),
    Column("award_form_note", "Ghi chú về hình thức"),
    Column("level", "Mã cấp khen thưởng"), Column("level", "Cấp khen thưởng", shown=_label_of(AwardLevel)),
    Column("method", "Mã phương thức"), Column("method", "Phương thức", shown=_label_of(CommendationMethod)),
    Column("reason", "Lý do"), Column("movement_id", "Mã phong trào"),
    Column("legal_basis", "Căn cứ (ngăn cách bởi « | »)"),
    Column("status", "Mã hiệu lực"), Column("status", "Hiệu lực", shown=_label_of(DecisionStatus)),
    Column("revoked_by", "Số quyết định hủy bỏ"), Column("revoked_on", "Ngày hủy bỏ", "date"),
    Column("revocation_reason", "Lý do hủy bỏ"), Column("revocation_signer", "Người ký quyết định hủy bỏ"),
    Column("revocation_proposed", "Đề nghị thu hồi chưa có quyết định (ngày: người đề nghị)"),
    Column("occasion_id", "Mã dịp khen thưởng (buổi lễ, đại hội có nhiều quyết định)"),
    Column("recipients", "Số người, tập thể được nêu tên", "integer"),
    Column("declared_total", "Tổng số lượt được tính (người được nêu tên và số không nêu tên theo văn bản công bố)",
           "integer"),
    Column("declared_total_printed", "Tổng số in trong văn bản (trống nếu văn bản không ghi tổng số)", "integer"),
    Column("declared_unstated", "Văn bản không công bố số lượng", "boolean", shown=_yes_no),
    Column("declared_cash_vnd", "Tổng tiền thưởng công bố trong văn bản (đồng)", "integer"),
    Column("declared_individual", "Số cá nhân công bố", "integer"),
    Column("declared_household", "Số hộ gia đình công bố", "integer"),
    Column("declared_collective", "Số tập thể công bố", "integer"),
    Column("declared_note", "Nguồn của số lượng công bố"),
    Column("attachment_sha256", "SHA-256 bản scan"),
]
RECIPIENT_COLUMNS = [
    Column("decision_id", "Mã quyết định"), Column("decision_number", "Số quyết định"),
    Column("date", "Ngày của quyết định (ngày ký, hoặc ngày loại date_kind)", "date"),
    Column("date_kind", "Loại ngày (signed: ngày ký; ceremony: ngày trao tặng; published: ngày đăng tin; "
                        "approximate: ước tính)"),
    Column("year", "Năm", "integer"),
    Column("recipient_id", "Mã người nhận"), Column("url", "Địa chỉ dòng trong quyết định"),
    Column("number", "STT", "integer"),
    Column("kind", "Mã loại đối tượng"), Column("kind", "Loại đối tượng", shown=_label_of(RecipientKind)),
    Column("name", "Họ và tên / Tên tập thể"), Column("position", "Chức vụ"),
    Column("unit_id", "Mã đơn vị"), Column("unit", "Đơn vị"),
    Column("category", "Mã đối tượng thống kê"),
    Column("category", "Đối tượng thống kê", shown=_label_of(RecipientCategory)),
    Column("gender", "Mã giới tính"), Column("gender", "Giới tính", shown=_label_of(Gender)),
    Column("enterprise", "Là doanh nghiệp", "boolean", shown=_yes_no),
    Column("achievement", "Thành tích"), Column("cash_vnd", "Tiền thưởng (đồng)", "integer"),
    Column("profile", "Hồ sơ gương điển hình"),
    Column("person_id", "Mã người (nối các khen thưởng của cùng một người)"),
    Column("person_url", "Trang mọi khen thưởng của người này"),
    Column("award_form_id", "Mã hình thức"), Column("award_form", "Hình thức khen thưởng"),
    Column("authority_id", "Mã cơ quan ban hành"), Column("authority", "Cơ quan ban hành"),
    Column("reward_item", "Hiện vật, công trình thưởng"),
    Column("reward_value_vnd", "Giá trị hiện vật (đồng)", "integer"),
    Column("revoked", "Đã bị hủy bỏ", "boolean", shown=_yes_no),
    Column("line_revoked_by", "Số quyết định hủy bỏ khen thưởng của dòng này"),
    Column("line_revoked_on", "Ngày hủy bỏ khen thưởng của dòng này", "date"),
    Column("line_revocation_reason", "Lý do hủy bỏ khen thưởng của dòng này"),
    Column("withdrawn_note", "Ghi chú gỡ khỏi công bố"),
]


def decision_record(pub: Publication, entry: DecisionEntry, base_url: str = "") -> dict:
    d = entry.model
    form = pub.award_forms[d.award_form].model
    tally = pub.counts.of_decision(entry.id)
    return {
        "decision_id": entry.id, "url": base_url + urls.decision(entry.year, entry.slug),
        "number": d.number, "number_note": d.number_note, "date": d.date.isoformat(), "date_kind": d.date_kind.value,
        "date_precision": d.date_precision.value, "date_note": d.date_note, "year": entry.year,
        "authority_id": d.authority, "authority": pub.authorities[d.authority].model.named_on(d.date)[0],
        "signer": d.signer.name if d.signer else None, "signer_title": d.signer.title if d.signer else None,
        "presenter": d.presenter, "source_note": d.source_note,
        "title": d.title, "award_form_id": form.id, "award_form": form.name, "award_form_note": d.award_form_note,
        "level": form.level.value,
        "method": d.method.value, "reason": d.reason, "movement_id": d.movement,
        "legal_basis": " | ".join(d.legal_basis), "status": d.status.value,
        "revoked_by": d.revocation.decision_number if d.revocation else None,
        "revoked_on": d.revocation.date.isoformat() if d.revocation else None,
        "revocation_reason": d.revocation.reason if d.revocation else None,
        "revocation_signer": f"{d.revocation.signer.title} {d.revocation.signer.name}"
        if d.revocation and d.revocation.signer else None,
        "revocation_proposed": f"{d.revocation_proposed.date.isoformat()}: {d.revocation_proposed.by}"
        if d.revocation_proposed else None,
        "occasion_id": d.occasion.id if d.occasion else None,
        "recipients": tally.rows, "declared_total": tally.declared,
        "declared_total_printed": d.declared.total if d.declared else None,
        "declared_unstated": bool(d.declared and d.declared.unstated),
        "declared_cash_vnd": d.declared.cash_vnd if d.declared else None,
        "declared_individual": d.declared.individual if d.declared else None,
        "declared_household": d.declared.household if d.declared else None,
        "declared_collective": d.declared.collective if d.declared else None,
        "declared_note": d.declared.note if d.declared else None,
        "attachment_sha256": d.attachment.sha256 if d.attachment else None,
    }


def recipient_records(pub: Publication, entry: DecisionEntry, base_url: str = "") -> list[dict]:
    """The published lines of a decision (through the publication gate): withdrawn people keep their
    line with a neutral id, not their details; hidden fields are empty."""
    d = entry.model
    form, authority = pub.award_forms[d.award_form].model.name, pub.authorities[d.authority].model.named_on(d.date)[0]
    rows = []
    for r in pub.rows(entry):
        rows.append({
            "decision_id": entry.id, "decision_number": d.number, "date": d.date.isoformat(),
            "date_kind": d.date_kind.value, "year": entry.year, "recipient_id": r.recipient_id,
            "url": base_url + urls.recipient_link(entry.year, entry.slug, r.recipient_id),
            "number": r.number, "kind": r.kind.value, "name": r.name or None, "position": r.position,
            "unit_id": r.unit, "unit": r.unit_text or (pub.units[r.unit].model.name if r.unit in pub.units else None),
            "category": r.category.value if r.category else None, "gender": r.gender.value if r.gender else None,
            "enterprise": r.enterprise, "achievement": r.achievement, "cash_vnd": r.cash_vnd, "profile": r.profile,
            "person_id": r.person, "person_url": base_url + urls.person(r.person) if r.person else None,
            "award_form_id": d.award_form, "award_form": form, "authority_id": d.authority, "authority": authority,
            "reward_item": r.reward_item, "reward_value_vnd": r.reward_value_vnd,
            "revoked": r.revoked,
            "line_revoked_by": r.revocation.decision_number if r.revocation else None,
            "line_revoked_on": r.revocation.date.isoformat() if r.revocation else None,
            "line_revocation_reason": r.revocation.reason if r.revocation else None,
            "withdrawn_note": f"{r.withdrawn.date.isoformat()}: {r.withdrawn.note}" if r.withdrawn else None,
        })
    return rows


def decision_json(pub: Publication, entry: DecisionEntry, base_url: str = "") -> bytes:
    """A decision's own JSON file: the decision's columns and its published lines."""
    return to_json({**decision_record(pub, entry, base_url), "recipients_list": recipient_records(pub, entry, base_url)})


# Cells a spreadsheet would run as a formula (OWASP "CSV injection"): prefixed with an apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A cell as written to CSV: text that a spreadsheet could run as a formula is neutralised."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(stream: BinaryIO, rows: Iterable[dict], columns: list[Column]) -> None:
    """CSV with a BOM (so Excel reads UTF-8), Vietnamese headers, written row by row."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([c.title for c in columns])
    for row in rows:
        writer.writerow([csv_cell(c.cell(row.get(c.key))) for c in columns])
    text.flush()
    text.detach()


def write_json_list(stream: BinaryIO, rows: Iterable[dict]) -> None:
    """A JSON array written one element at a time."""
    stream.write(b"[")
    for index, row in enumerate(rows):
        stream.write(b"\n" if index == 0 else b",\n")
        stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8"))
    stream.write(b"\n]\n")


def to_csv(rows: Iterable[dict], columns: list[Column]) -> bytes:
    buffer = io.BytesIO()
    write_csv(buffer, rows, columns)
    return buffer.getvalue()


def to_json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def bulk_path(year: int, name: str, fmt: str) -> str:
    """A year's bulk file, compressed: ``du-lieu/2024/nguoi-nhan.csv.gz`` (``name``: quyet-dinh, nguoi-nhan)."""
    return f"{DATA_DIR}{year}/{name}.{fmt}.gz"


def workbook_path(year: int) -> str:
    """A year's Excel workbook, named with its year so that downloads of several years stay apart:
    ``du-lieu/2024/khen-thuong-2024.xlsx``."""
    return f"{DATA_DIR}{year}/khen-thuong-{year}.xlsx"


def bulk_links(years: Iterable[int]) -> list[tuple[int, list[Link]]]:
    """The files of each year, newest first, as links: the Excel workbook (for people), then decisions and lines
    as compressed CSV and JSON (for programs)."""
    return [(year, [Link(f"Excel, năm {year} (.xlsx)", workbook_path(year))]
             + [Link(f"{title} ({fmt.upper()}, nén gzip)", bulk_path(year, name, fmt))
                for name, title in (("quyet-dinh", "Quyết định"), ("nguoi-nhan", "Người, tập thể được khen"))
                for fmt in ("csv", "json")]) for year in sorted(set(years), reverse=True)]


def _sheet(title: str, rows: Callable[[], Iterable[dict]], columns: list[Column]) -> xlsx.Sheet:
    return xlsx.Sheet(title, [c.title for c in columns],
                      lambda: ([c.cell(row.get(c.key)) for c in columns] for row in rows()))


def bulk_exports(pub: Publication, base_url: str, license_: dict, site_name: str) -> list[OutputFile]:
    """Bulk files of every decision and every published line, one set per year, compressed (gzip; each
    decision's own files are not), and datapackage.json — written as streams. A year per file: a new
    decision changes one year's files, and a journalist downloads the years they need."""
    by_year: dict[int, list[DecisionEntry]] = {}
    for entry in sorted(pub.decisions, key=lambda e: (e.year, e.slug)):
        by_year.setdefault(entry.year, []).append(entry)
    out = []
    for year, entries in sorted(by_year.items()):
        def decisions(entries=entries) -> Iterator[dict]:
            return (decision_record(pub, e, base_url) for e in entries)

        def recipients(entries=entries) -> Iterator[dict]:
            return (row for e in entries for row in recipient_records(pub, e, base_url))

        @cache
        def inputs(decisions=decisions, recipients=recipients) -> str | None:
            """The year's rows, as every file of the year is made from them (computed once per process)."""
            return fingerprint.digest_stream(itertools.chain(decisions(), recipients()), fingerprint.code_key(),
                                             license_, site_name)

        for name, rows, columns in (("quyet-dinh", decisions, DECISION_COLUMNS),
                                    ("nguoi-nhan", recipients, RECIPIENT_COLUMNS)):
            out += [OutputFile(bulk_path(year, name, "csv"), gzip=True, inputs=inputs,
                               produce=lambda stream, rows=rows, columns=columns: write_csv(stream, rows(), columns)),
                    OutputFile(bulk_path(year, name, "json"), gzip=True, inputs=inputs,
                               produce=lambda stream, rows=rows: write_json_list(stream, rows()))]
        out.append(OutputFile(workbook_path(year), inputs=inputs,
                              produce=lambda stream, decisions=decisions, recipients=recipients:
                              xlsx.write_xlsx(stream, [_sheet("Người, tập thể được khen", recipients, RECIPIENT_COLUMNS),
                                                       _sheet("Quyết định", decisions, DECISION_COLUMNS)])))
    out.append(OutputFile(f"{DATA_DIR}datapackage.json",
                          content=to_json(datapackage(license_, site_name, base_url, sorted(by_year)))))
    return out


def _csv_schema(columns: list[Column]) -> dict:
    """CSV fields by their Vietnamese header; each names the JSON key it shows."""
    return {"fields": [{"name": c.title, "type": "string" if c.shown else c.type, "title": c.title,
                        "description": f"JSON: {c.key}" + (" (nhãn tiếng Việt)" if c.shown else "")} for c in columns]}


def _json_schema(columns: list[Column]) -> dict:
    seen: dict[str, Column] = {}
    for c in columns:
        seen.setdefault(c.key, c)
    return {"fields": [{"name": c.key, "type": c.type, "title": c.title} for c in seen.values()]}


def datapackage(license_: dict, site_name: str, base_url: str, years: list[int]) -> dict:
    """A Frictionless Data Package describing the bulk files (https://specs.frictionlessdata.io/): one
    resource per kind and format, whose ``path`` lists the year files in order (gzip-compressed)."""
    def paths(name: str, fmt: str) -> list[str]:
        return [bulk_path(year, name, fmt)[len(DATA_DIR):] for year in years]

    return {
        "name": "bang-vang-khen-thuong", "title": f"{site_name} — dữ liệu khen thưởng",
        "homepage": base_url or None,
        "licenses": [license_],
        "resources": [
            {"name": "quyet-dinh", "path": paths("quyet-dinh", "csv"), "format": "csv", "compression": "gz",
             "encoding": "utf-8-sig", "mediatype": "text/csv", "title": "Quyết định khen thưởng",
             "schema": {**_csv_schema(DECISION_COLUMNS), "primaryKey": ["Mã quyết định (năm/tên tệp)"]}},
            {"name": "nguoi-nhan", "path": paths("nguoi-nhan", "csv"), "format": "csv", "compression": "gz",
             "encoding": "utf-8-sig", "mediatype": "text/csv", "title": "Người, tập thể được khen thưởng",
             "schema": {**_csv_schema(RECIPIENT_COLUMNS), "primaryKey": ["Mã quyết định", "Mã người nhận"],
                        "foreignKeys": [{"fields": ["Mã quyết định"], "reference": {
                            "resource": "quyet-dinh", "fields": ["Mã quyết định (năm/tên tệp)"]}}]}},
            {"name": "quyet-dinh-json", "path": paths("quyet-dinh", "json"), "format": "json", "compression": "gz",
             "mediatype": "application/json", "title": "Quyết định khen thưởng (JSON)",
             "schema": _json_schema(DECISION_COLUMNS)},
            {"name": "nguoi-nhan-json", "path": paths("nguoi-nhan", "json"), "format": "json", "compression": "gz",
             "mediatype": "application/json", "title": "Người, tập thể được khen thưởng (JSON)",
             "schema": _json_schema(RECIPIENT_COLUMNS)},
        ],
    }
