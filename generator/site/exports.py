"""Open data: every decision and recipient as CSV and JSON, per decision and in bulk, with a
Frictionless ``datapackage.json`` describing the files (render stage: catalog → files).

Columns are stable and documented by ``FIELDS``; CSV files are UTF-8 with a byte-order mark so
that spreadsheet programs show Vietnamese correctly.
"""

from __future__ import annotations

import csv
import io
import json
from typing import BinaryIO, Iterable, Iterator

from generator.catalog.gate import Publication
from generator.records.entries import DecisionEntry
from generator.site import urls
from generator.site.outputs import OutputFile

DATA_DIR = urls.DATA_DIR
DECISIONS = f"{DATA_DIR}quyet-dinh"
RECIPIENTS = f"{DATA_DIR}nguoi-nhan"

# (column, Frictionless type, Vietnamese title)
DECISION_FIELDS = [
    ("decision_id", "string", "Mã quyết định (năm/tên tệp)"), ("url", "string", "Địa chỉ trang"),
    ("number", "string", "Số, ký hiệu"), ("number_note", "string", "Ghi chú về số"),
    ("date", "date", "Ngày ký"), ("year", "integer", "Năm"), ("authority_id", "string", "Mã cơ quan ban hành"),
    ("authority", "string", "Cơ quan ban hành"), ("signer", "string", "Người ký"),
    ("signer_title", "string", "Chức danh người ký"), ("title", "string", "Trích yếu"),
    ("award_form_id", "string", "Mã hình thức"), ("award_form", "string", "Hình thức khen thưởng"),
    ("level", "string", "Cấp khen thưởng"), ("method", "string", "Phương thức"), ("reason", "string", "Lý do"),
    ("movement_id", "string", "Mã phong trào"), ("legal_basis", "string", "Căn cứ (ngăn cách bởi « | »)"),
    ("status", "string", "Hiệu lực"), ("revoked_by", "string", "Số quyết định hủy bỏ"),
    ("revoked_on", "date", "Ngày hủy bỏ"), ("revocation_reason", "string", "Lý do hủy bỏ"),
    ("recipients", "integer", "Số người, tập thể được khen"), ("attachment_sha256", "string", "SHA-256 bản scan"),
]
RECIPIENT_FIELDS = [
    ("decision_id", "string", "Mã quyết định"), ("decision_number", "string", "Số quyết định"),
    ("date", "date", "Ngày ký"), ("year", "integer", "Năm"), ("recipient_id", "string", "Mã người nhận"),
    ("url", "string", "Địa chỉ dòng trong quyết định"), ("number", "integer", "STT"),
    ("kind", "string", "Loại đối tượng"), ("name", "string", "Họ và tên / Tên tập thể"),
    ("position", "string", "Chức vụ"), ("unit_id", "string", "Mã đơn vị"), ("unit", "string", "Đơn vị"),
    ("category", "string", "Đối tượng thống kê"), ("gender", "string", "Giới tính"),
    ("enterprise", "boolean", "Là doanh nghiệp"), ("achievement", "string", "Thành tích"),
    ("cash_vnd", "integer", "Tiền thưởng (đồng)"), ("profile", "string", "Hồ sơ gương điển hình"),
    ("award_form_id", "string", "Mã hình thức"), ("authority_id", "string", "Mã cơ quan ban hành"),
    ("revoked", "boolean", "Đã bị hủy bỏ"), ("withdrawn_note", "string", "Ghi chú gỡ khỏi công bố"),
]


def decision_record(pub: Publication, entry: DecisionEntry, base_url: str = "") -> dict:
    c = pub.catalog
    d = entry.model
    form = c.award_forms[d.award_form].model
    tally = c.counts.of_decision(entry.id)
    return {
        "decision_id": entry.id, "url": base_url + urls.decision(entry.year, entry.slug),
        "number": d.number or "", "number_note": d.number_note or "", "date": d.date.isoformat(), "year": entry.year,
        "authority_id": d.authority, "authority": c.authorities[d.authority].model.name,
        "signer": d.signer.name if d.signer else "", "signer_title": d.signer.title if d.signer else "",
        "title": d.title or "", "award_form_id": form.id, "award_form": form.name, "level": form.level.value,
        "method": d.method.value, "reason": d.reason, "movement_id": d.movement or "",
        "legal_basis": " | ".join(d.legal_basis), "status": d.status.value,
        "revoked_by": d.revocation.decision_number if d.revocation else "",
        "revoked_on": d.revocation.date.isoformat() if d.revocation else "",
        "revocation_reason": d.revocation.reason if d.revocation else "",
        "recipients": tally.rows, "attachment_sha256": d.attachment.sha256 if d.attachment else "",
    }


def recipient_records(pub: Publication, entry: DecisionEntry, base_url: str = "") -> list[dict]:
    """The published lines of a decision (through the publication gate): withdrawn people keep their
    line with a neutral id, not their details; hidden fields are empty."""
    d = entry.model
    rows = []
    for r in pub.rows(entry):
        rows.append({
            "decision_id": entry.id, "decision_number": d.number or "", "date": d.date.isoformat(),
            "year": entry.year, "recipient_id": r.recipient_id,
            "url": base_url + urls.recipient_link(entry.year, entry.slug, r.recipient_id),
            "number": r.number, "kind": r.kind.value, "name": r.name, "position": r.position or "",
            "unit_id": r.unit or "", "unit": r.unit_text or (pub.catalog.units[r.unit].model.name
                                                             if r.unit in pub.catalog.units else ""),
            "category": r.category.value if r.category else "", "gender": r.gender.value if r.gender else "",
            "enterprise": r.enterprise, "achievement": r.achievement or "",
            "cash_vnd": r.cash_vnd if r.cash_vnd is not None else "", "profile": r.profile or "",
            "award_form_id": d.award_form, "authority_id": d.authority,
            "revoked": r.revoked,
            "withdrawn_note": f"{r.withdrawn.date.isoformat()}: {r.withdrawn.note}" if r.withdrawn else "",
        })
    return rows


def decision_json(pub: Publication, entry: DecisionEntry, base_url: str = "") -> bytes:
    """A decision's own JSON file: the decision's columns and its published lines."""
    return to_json({**decision_record(pub, entry, base_url), "recipients_list": recipient_records(pub, entry, base_url)})


# Cells a spreadsheet would run as a formula (OWASP "CSV injection"): prefixed with an apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A value as written to CSV: booleans as true/false, text that could start a formula neutralised."""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(stream: BinaryIO, rows: Iterable[dict], fields: list[tuple[str, str, str]]) -> None:
    """CSV with a BOM, written row by row; every cell through ``csv_cell``."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=[f[0] for f in fields], lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
    text.flush()
    text.detach()


def write_json_list(stream: BinaryIO, rows: Iterable[dict]) -> None:
    """A JSON array written one element at a time."""
    stream.write(b"[")
    for index, row in enumerate(rows):
        stream.write(b"\n" if index == 0 else b",\n")
        stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8"))
    stream.write(b"\n]\n")


def to_csv(rows: Iterable[dict], fields: list[tuple[str, str, str]]) -> bytes:
    buffer = io.BytesIO()
    write_csv(buffer, rows, fields)
    return buffer.getvalue()


def to_json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def bulk_exports(pub: Publication, base_url: str, license_: dict, site_name: str) -> list[OutputFile]:
    """Bulk files of every decision and every published line, and datapackage.json — written as streams."""
    entries = sorted(pub.catalog.decisions, key=lambda e: (e.year, e.slug))

    def all_decisions() -> Iterator[dict]:
        return (decision_record(pub, e, base_url) for e in entries)

    def all_recipients() -> Iterator[dict]:
        return (row for e in entries for row in recipient_records(pub, e, base_url))

    return [OutputFile(f"{DECISIONS}.csv", produce=lambda out: write_csv(out, all_decisions(), DECISION_FIELDS)),
            OutputFile(f"{DECISIONS}.json", produce=lambda out: write_json_list(out, all_decisions())),
            OutputFile(f"{RECIPIENTS}.csv", produce=lambda out: write_csv(out, all_recipients(), RECIPIENT_FIELDS)),
            OutputFile(f"{RECIPIENTS}.json", produce=lambda out: write_json_list(out, all_recipients())),
            OutputFile(f"{DATA_DIR}datapackage.json", content=to_json(datapackage(license_, site_name, base_url)))]


def _schema(fields: list[tuple[str, str, str]]) -> dict:
    return {"fields": [{"name": n, "type": t, "title": title} for n, t, title in fields]}


def datapackage(license_: dict, site_name: str, base_url: str) -> dict:
    """A Frictionless Data Package describing the bulk files (https://specs.frictionlessdata.io/)."""
    return {
        "name": "bang-vang-khen-thuong", "title": f"{site_name} — dữ liệu khen thưởng",
        "homepage": base_url or None,
        "licenses": [license_],
        "resources": [
            {"name": "quyet-dinh", "path": "quyet-dinh.csv", "format": "csv", "encoding": "utf-8-sig",
             "mediatype": "text/csv", "title": "Quyết định khen thưởng", "schema": {**_schema(DECISION_FIELDS),
                                                                                   "primaryKey": ["decision_id"]}},
            {"name": "nguoi-nhan", "path": "nguoi-nhan.csv", "format": "csv", "encoding": "utf-8-sig",
             "mediatype": "text/csv", "title": "Người, tập thể được khen thưởng",
             "schema": {**_schema(RECIPIENT_FIELDS), "primaryKey": ["decision_id", "recipient_id"],
                        "foreignKeys": [{"fields": ["decision_id"],
                                         "reference": {"resource": "quyet-dinh", "fields": ["decision_id"]}}]}},
            {"name": "quyet-dinh-json", "path": "quyet-dinh.json", "format": "json", "mediatype": "application/json",
             "title": "Quyết định khen thưởng (JSON)"},
            {"name": "nguoi-nhan-json", "path": "nguoi-nhan.json", "format": "json", "mediatype": "application/json",
             "title": "Người, tập thể được khen thưởng (JSON)"},
        ],
    }
