"""Excel workbooks (.xlsx) a person opens with a double click, written byte for byte the same from the same rows.

openpyxl stamps the time of writing into docProps/core.xml and into every zip entry; both are replaced here by a
fixed moment, and the entries keep openpyxl's own order, so a full build and an incremental one write identical
files. Text cells stay text: a value beginning with «=» is never a formula here (no formula guard is needed, unlike
CSV), and characters XML cannot hold are dropped."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry
FIXED_STAMP = "2000-01-01T00:00:00Z"
_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its tab name (at most 31 characters), its header row and its rows of cell values."""

    title: str
    header: list[str]
    rows: Callable[[], Iterable[list]]  # called once, when the workbook is written


def _cell(sheet, value, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it begins with «=»
    if bold:
        cell.font = Font(bold=True)
    return cell


def write_xlsx(stream: BinaryIO, sheets: list[Sheet]) -> None:
    """The workbook of ``sheets``, written to ``stream``; the same sheets give the same bytes."""
    book = Workbook(write_only=True)
    for spec in sheets:
        sheet = book.create_sheet(spec.title[:31])
        sheet.freeze_panes = "A2"  # the header stays in view
        sheet.append([_cell(sheet, title, bold=True) for title in spec.header])
        for row in spec.rows():
            sheet.append([_cell(sheet, value) for value in row])
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _STAMPS.sub(rb"\g<1>" + FIXED_STAMP.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, data)
    stream.write(out.getvalue())
