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

from generator.site import urls
from generator.catalog.index import Catalog
from generator.records.personal_data import publishable
from generator.site.render import OutputFile
from generator.records.entries import DecisionEntry

DATA_DIR = "du-lieu/"
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


def decision_record(catalog: Catalog, entry: DecisionEntry, base_url: str = "") -> dict:
    d = entry.model
    form = catalog.award_forms[d.award_form].model
    return {
        "decision_id": entry.id, "url": base_url + urls.decision(entry.year, entry.slug),
        "number": d.number or "", "number_note": d.number_note or "", "date": d.date.isoformat(), "year": entry.year,
        "authority_id": d.authority, "authority": catalog.authorities[d.authority].model.name,
        "signer": d.signer.name if d.signer else "", "signer_title": d.signer.title if d.signer else "",
        "title": d.title or "", "award_form_id": form.id, "award_form": form.name, "level": form.level.value,
        "method": d.method.value, "reason": d.reason, "movement_id": d.movement or "",
        "legal_basis": " | ".join(d.legal_basis), "status": d.status.value,
        "revoked_by": d.revocation.decision_number if d.revocation else "",
        "revoked_on": d.revocation.date.isoformat() if d.revocation else "",
        "revocation_reason": d.revocation.reason if d.revocation else "",
        "recipients": len(d.recipients), "attachment_sha256": d.attachment.sha256 if d.attachment else "",
    }


def recipient_records(catalog: Catalog, entry: DecisionEntry, base_url: str = "",
                      hidden: frozenset = frozenset()) -> list[dict]:
    d = entry.model
    rows = []
    for index, original in enumerate(d.recipients):
        r = publishable(original, hidden)  # withdrawn people keep their line, not their details
        unit = catalog.units.get(r.unit) if r.unit else None
        rows.append({
            "decision_id": entry.id, "decision_number": d.number or "", "date": d.date.isoformat(),
            "year": entry.year, "recipient_id": entry.recipient_ids[index],
            "url": base_url + urls.recipient(entry.year, entry.slug, entry.recipient_ids[index]),
            "number": index + 1, "kind": r.kind.value, "name": r.name, "position": r.position or "",
            "unit_id": r.unit or "", "unit": r.unit_text or (unit.model.name if unit else ""),
            "category": r.category.value if r.category else "", "gender": r.gender.value if r.gender else "",
            "enterprise": r.enterprise, "achievement": r.achievement or "",
            "cash_vnd": r.cash_vnd if r.cash_vnd is not None else "", "profile": r.profile or "",
            "award_form_id": d.award_form, "authority_id": d.authority,
            "revoked": entry.revoked,
            "withdrawn_note": f"{d.recipients[index].withdrawn.date.isoformat()}: {d.recipients[index].withdrawn.note}"
            if d.recipients[index].withdrawn else "",
        })
    return rows


def write_csv(stream: BinaryIO, rows: Iterable[dict], fields: list[tuple[str, str, str]]) -> None:
    """CSV with a BOM, written row by row."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=[f[0] for f in fields], lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("true" if v is True else "false" if v is False else v) for k, v in row.items()})
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


def decision_files(year: int, slug: str) -> tuple[str, str]:
    """Per-decision downloads, beside the decision's page."""
    base = urls.decision(year, slug)
    return f"{base}quyet-dinh.json", f"{base}danh-sach.csv"


def build_exports(catalog: Catalog, base_url: str, license_: dict, site_name: str,
                  hidden: frozenset = frozenset()) -> list[OutputFile]:
    """Per-decision JSON and CSV, bulk files, and datapackage.json — written as streams."""
    entries = sorted(catalog.decisions, key=lambda e: (e.year, e.slug))
    files: list[OutputFile] = []
    for entry in entries:
        json_path, csv_path = decision_files(entry.year, entry.slug)
        files.append(OutputFile(json_path, produce=lambda out, entry=entry: out.write(to_json(
            {**decision_record(catalog, entry, base_url), "recipients_list": recipient_records(catalog, entry, base_url, hidden)}))))
        files.append(OutputFile(csv_path, produce=lambda out, entry=entry: write_csv(
            out, recipient_records(catalog, entry, base_url, hidden), RECIPIENT_FIELDS)))

    def all_decisions() -> Iterator[dict]:
        return (decision_record(catalog, e, base_url) for e in entries)

    def all_recipients() -> Iterator[dict]:
        return (row for e in entries for row in recipient_records(catalog, e, base_url, hidden))

    files += [OutputFile(f"{DECISIONS}.csv", produce=lambda out: write_csv(out, all_decisions(), DECISION_FIELDS)),
              OutputFile(f"{DECISIONS}.json", produce=lambda out: write_json_list(out, all_decisions())),
              OutputFile(f"{RECIPIENTS}.csv", produce=lambda out: write_csv(out, all_recipients(), RECIPIENT_FIELDS)),
              OutputFile(f"{RECIPIENTS}.json", produce=lambda out: write_json_list(out, all_recipients())),
              OutputFile(f"{DATA_DIR}datapackage.json", content=to_json(datapackage(license_, site_name, base_url)))]
    return files


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
