"""Bounds on what ``import`` reads, by the sheet's real content — before any library expands it.

An .xlsx is a zip of XML: a few kilobytes can claim a cell at XFD1048576, merge the whole sheet (openpyxl
makes one object per merged cell: 17 billion), expand a billion entities, or unzip to gigabytes. A text
table can hold a 30 MB field or 200,000 columns. Each is refused here with a message saying what was found
and what to do, instead of a traceback, an exhausted machine or a hang. A recipient list is a few thousand
rows of a few dozen columns: the limits are far above that and far below what hurts.
"""

from __future__ import annotations

import re
import zipfile

from generator.records.messages import Both
from generator.records.problems import UserError

MAX_FILE_BYTES = 50 * 1024 * 1024  # the file as given
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # every part of an .xlsx, uncompressed
MAX_CELLS = 2_000_000  # rows × columns of a sheet, counting merged cells
MAX_COLUMNS = 16_384  # Excel's own limit (XFD)
MAX_CELL_CHARS = 32_767  # Excel's own limit for the text of one cell

_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})([0-9]{1,7})"')
_ROW = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="([0-9]{1,7})"')
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\sref="([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})"')
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)



class TooBig(UserError):
    """What was found beyond the limits, with what to do (a coded ``UserError``; ``read_rows`` places it)."""


def column_number(letters: bytes | str) -> int:
    """1-based column of spreadsheet letters: A → 1, XFD → 16384."""
    number = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        number = number * 26 + ord(ch) - 64
    return number


def _n(number: int) -> Both:
    """A count as each language writes it: 2.000.000, 2,000,000."""
    return Both(f"{number:,}".replace(",", "."), f"{number:,}")


def check_file_size(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise TooBig("sheet_file_too_big", size=f"{size / 1048576:.0f}", limit=MAX_FILE_BYTES // 1048576)


def check_xlsx(book: zipfile.ZipFile) -> None:
    """Refuse an .xlsx whose parts unzip too large, declare a DTD (entity expansion), or whose sheets reach
    further (cells, rows, merged ranges) than ``MAX_CELLS`` cells."""
    members = book.infolist()
    if sum(m.file_size for m in members) > MAX_UNZIPPED_BYTES:
        raise TooBig("sheet_unzips_too_big", limit=MAX_UNZIPPED_BYTES // 1048576)
    for member in members:
        if not member.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with book.open(member) as handle:
            data = handle.read(MAX_UNZIPPED_BYTES + 1)
        if _DTD.search(data):
            raise TooBig("sheet_xml_entities", part=member.filename)
        if member.filename.startswith("xl/worksheets/"):
            _check_sheet(data)


def _check_sheet(xml: bytes) -> None:
    rows = cols = 1
    far = ""
    for match in _CELL.finditer(xml):
        col, row = column_number(match.group(1)), int(match.group(2))
        if col * row > cols * rows:
            far = (match.group(1) + match.group(2)).decode("ascii")
        rows, cols = max(rows, row), max(cols, col)
    for match in _ROW.finditer(xml):
        rows = max(rows, int(match.group(1)))
    if rows * cols > MAX_CELLS:
        raise TooBig("sheet_extent", rows=_n(rows), cols=_n(cols), limit=_n(MAX_CELLS),
                     where=Both(f" (tới ô {far})", f" (up to cell {far})") if far else "")
    merged = 0
    for match in _MERGE.finditer(xml):
        left, top, right, bottom = (column_number(match.group(1)), int(match.group(2)),
                                    column_number(match.group(3)), int(match.group(4)))
        merged += (abs(bottom - top) + 1) * (abs(right - left) + 1)
        if merged > MAX_CELLS:
            ref = b":".join((match.group(1) + match.group(2), match.group(3) + match.group(4))).decode("ascii")
            raise TooBig("sheet_merge_too_big", ref=ref, limit=_n(MAX_CELLS))


def check_rows(rows: list[list[str]]) -> None:
    """Refuse a table read from text wider than Excel allows, or larger than ``MAX_CELLS`` cells."""
    cells = 0
    for number, row in enumerate(rows, 1):
        if len(row) > MAX_COLUMNS:
            raise TooBig("sheet_too_many_columns", number=number, count=_n(len(row)), limit=_n(MAX_COLUMNS))
        cells += len(row)
        if cells > MAX_CELLS:
            raise TooBig("sheet_too_many_cells", number=number, limit=_n(MAX_CELLS))


def check_cell(text: str, where: str) -> None:
    """Refuse a cell longer than Excel itself can hold."""
    if len(text) > MAX_CELL_CHARS:
        raise TooBig("sheet_cell_too_long", where=where, length=_n(len(text)), limit=_n(MAX_CELL_CHARS))


def check_extent(height: int, width: int) -> None:
    """Refuse a sheet (as its reader reports it) larger than ``MAX_CELLS`` cells."""
    if height * width > MAX_CELLS:
        raise TooBig("sheet_extent", rows=_n(height), cols=_n(width), limit=_n(MAX_CELLS))
