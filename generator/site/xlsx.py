"""Excel workbooks (.xlsx) a person opens with a double click, written by hand as SpreadsheetML, row by row, byte
for byte the same from the same rows.

A workbook is a zip of a few fixed XML parts and one part per sheet. The sheet's rows are written in chunks to a
spool first (memory stays flat: past a few megabytes it is a temporary file), so that its head can state the sheet's
extent and column widths; the zip is built in another spool (``zipfile`` needs to seek back to each entry's
header) and then copied to ``stream``, which need not be seekable. Zip entries carry a fixed time and attributes,
``docProps/core.xml`` a fixed stamp, so a full build and an incremental one write identical files.

Cells: text is always text (an inline string; a value beginning with «=» is never a formula here, so no formula
guard is needed, unlike CSV), numbers are numbers, ``None`` and ``""`` are empty cells. Characters XML 1.0 cannot
hold are dropped, ``& < >`` escaped, a literal ``_x0041_`` kept literal (Excel would read it as «A»), and a text
longer than a cell holds is cut to 32,767 characters."""

from __future__ import annotations

import math
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterable

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest a zip entry can carry
FIXED_STAMP = "2000-01-01T00:00:00Z"
SPOOL_BYTES = 8 << 20  # a spool larger than this goes to a temporary file
CHUNK_ROWS = 500  # rows encoded and written at a time
MAX_TITLE = 31  # characters Excel allows in a sheet's name
MAX_CELL = 32_767  # characters (UTF-16 units) Excel allows in a cell; past them it calls the file damaged
WIDTH_LIMITS = (6, 60)  # column widths, in characters: values longer than the maximum wrap in the cell's view
HEADER_WIDTH = 16  # a long header does not widen its column past this; it shows in full in the formula bar

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML 1.0
_ESCAPED_CODE = re.compile("(_x[0-9A-Fa-f]{4}_)")  # Excel's own escape of a character; kept literal
_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")  # characters Excel refuses in a sheet's name
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument."
_SELECTED = ' tabSelected="1"'  # the sheet shown when the workbook opens
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class Sheet:
    """One worksheet: its tab name (at most 31 characters), its header row and its rows of cell values (a row
    has at most as many values as the header)."""

    title: str
    header: list[str]
    rows: Callable[[], Iterable[list]]  # called once, when the workbook is written


def write_xlsx(stream: BinaryIO, sheets: list[Sheet]) -> None:
    """The workbook of ``sheets``, written to ``stream``; the same sheets give the same bytes."""
    titles = [_title(spec.title, n) for n, spec in enumerate(sheets, 1)]
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as package:
        with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as book:
            for name, text in _fixed_parts(titles):
                book.writestr(_entry(name), (_HEAD + text).encode("utf-8"))
            for n, spec in enumerate(sheets, 1):
                with book.open(_entry(f"xl/worksheets/sheet{n}.xml"), "w") as part:
                    _write_sheet(part, spec, selected=n == 1)
        package.seek(0)
        shutil.copyfileobj(package, stream, 1 << 16)


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with nothing of the time or machine of writing."""
    entry = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.create_system = 3  # Unix, on every system
    entry.external_attr = 0o644 << 16
    return entry


def _title(title: str, n: int) -> str:
    """A sheet name Excel accepts: no ``[]:*?/\\``, no control character, no apostrophe at either end, 31
    characters at most, not empty."""
    title = _TITLE_FORBIDDEN.sub(" ", _ILLEGAL.sub("", title))[:MAX_TITLE].strip(" '")
    return title or f"Sheet{n}"


def _fixed_parts(titles: list[str]) -> list[tuple[str, str]]:
    """Every part but the sheets, in the order written: content types, relationships, properties, workbook,
    styles."""
    sheets = range(1, len(titles) + 1)
    types = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_TYPE}spreadsheetml.worksheet+xml"/>'
                    for n in sheets)
    return [
        ("[Content_Types].xml",
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}spreadsheetml.sheet.main+xml"/>'
         f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}spreadsheetml.styles+xml"/>'
         f'{types}'
         '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
         f'<Override PartName="/docProps/app.xml" ContentType="{_TYPE}extended-properties+xml"/>'
         '</Types>'),
        ("_rels/.rels",
         f'<Relationships xmlns="{_PACKAGE_REL}">'
         f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
         f'<Relationship Id="rId2" Type="{_PACKAGE_REL}/metadata/core-properties" Target="docProps/core.xml"/>'
         f'<Relationship Id="rId3" Type="{_REL}/extended-properties" Target="docProps/app.xml"/>'
         '</Relationships>'),
        ("docProps/core.xml",
         '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Bảng Vàng</dc:creator>'
         f'<dcterms:created xsi:type="dcterms:W3CDTF">{FIXED_STAMP}</dcterms:created>'
         f'<dcterms:modified xsi:type="dcterms:W3CDTF">{FIXED_STAMP}</dcterms:modified></cp:coreProperties>'),
        ("docProps/app.xml",
         '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
         '<Application>Bảng Vàng</Application></Properties>'),
        ("xl/workbook.xml",
         f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>'
         + "".join(f'<sheet name="{_escape(title, quote=True)}" sheetId="{n}" r:id="rId{n}"/>'
                   for n, title in zip(sheets, titles))
         + '</sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         f'<Relationships xmlns="{_PACKAGE_REL}">'
         + "".join(f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                   for n in sheets)
         + f'<Relationship Id="rId{len(titles) + 1}" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'),
        ("xl/styles.xml",  # style 0: plain; style 1: bold, for the header row
         f'<styleSheet xmlns="{_MAIN}"><fonts count="2">'
         '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
         '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
         '<fills count="2"><fill><patternFill patternType="none"/></fill>'
         '<fill><patternFill patternType="gray125"/></fill></fills>'
         '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
         '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
         '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
         '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
         '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'),
    ]


def _write_sheet(part: BinaryIO, spec: Sheet, selected: bool) -> None:
    """A worksheet part: the header row in bold and frozen, then the rows; the rows go to a spool first so that the
    head can give the sheet's extent and its columns' widths."""
    letters = [column_letter(i) for i in range(max(1, len(spec.header)))]
    widths = [min(len(title), HEADER_WIDTH) for title in spec.header]
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as body:
        last = _write_rows(body, spec, letters, widths)
        extent = f"A1:{letters[-1]}{last}"
        cols = "".join(f'<col min="{n}" max="{n}" width="{min(max(w + 2, WIDTH_LIMITS[0]), WIDTH_LIMITS[1])}" '
                       'customWidth="1"/>' for n, w in enumerate(widths, 1))
        part.write((f'{_HEAD}<worksheet xmlns="{_MAIN}"><dimension ref="{extent}"/><sheetViews>'
                    f'<sheetView{_SELECTED if selected else ""} workbookViewId="0">'
                    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
                    f'<sheetFormatPr defaultRowHeight="15"/>{f"<cols>{cols}</cols>" if cols else ""}<sheetData>'
                    ).encode("utf-8"))
        body.seek(0)
        shutil.copyfileobj(body, part, 1 << 16)
    part.write(b"</sheetData></worksheet>")


def _write_rows(out: BinaryIO, spec: Sheet, letters: list[str], widths: list[int]) -> int:
    """The header row (style 1, bold) and the rows, written ``CHUNK_ROWS`` at a time; widens ``widths`` to the
    longest value of each column and gives the number of the last row."""
    chunk = [_row(1, spec.header, letters, list(widths), ' s="1"')]  # a long header does not widen its column
    n = 1
    for n, row in enumerate(spec.rows(), 2):
        chunk.append(_row(n, row, letters, widths, ""))
        if len(chunk) == CHUNK_ROWS:
            out.write("".join(chunk).encode("utf-8"))
            chunk.clear()
    out.write("".join(chunk).encode("utf-8"))
    return n


def _row(n: int, values: list, letters: list[str], widths: list[int], style: str) -> str:
    """Row ``n`` as XML: text an inline string, a number a number, an empty value no cell at all."""
    cells = [f'<row r="{n}">']
    for i, value in enumerate(values):
        if value is None or value == "":
            continue
        kind = type(value)
        if kind is str:
            text = value
        elif kind is bool:
            cells.append(f'<c r="{letters[i]}{n}"{style} t="b"><v>{int(value)}</v></c>')
            continue
        elif kind is int or (kind is float and math.isfinite(value)):
            text = repr(value)
            cells.append(f'<c r="{letters[i]}{n}"{style}><v>{text}</v></c>')
            if len(text) > widths[i]:
                widths[i] = len(text)
            continue
        else:  # a date, a decimal …: its text
            text = str(value)
        if len(text) > widths[i]:
            widths[i] = len(text)
        if len(text) > MAX_CELL // 2:  # at most two UTF-16 units a character: only then can it be too long
            text = _cut(text)
        if not text.isprintable() or "&" in text or "<" in text or ">" in text or "_x" in text:
            text = _escape(text)
            if not text:
                continue
        # XML's white space (tab, line feeds, space: what is left at or below " ") at either end would be trimmed
        space = ' xml:space="preserve"' if text[0] <= " " or text[-1] <= " " else ""
        cells.append(f'<c r="{letters[i]}{n}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>')
    cells.append("</row>")
    return "".join(cells)


def _cut(text: str) -> str:
    """Text cut to what an Excel cell holds (the CSV and JSON files keep it whole)."""
    return text.encode("utf-16-le")[:2 * MAX_CELL].decode("utf-16-le", "ignore")  # never half a character


def _escape(text: str, quote: bool = False) -> str:
    """Text as XML character data (or an attribute's value): characters XML cannot hold dropped, ``& < >`` (and
    ``"``) escaped, Excel's ``_xHHHH_`` kept literal."""
    text = _ESCAPED_CODE.sub(r"_x005F\1", _ILLEGAL.sub("", text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if quote else text


def column_letter(index: int) -> str:
    """Spreadsheet column letters of a 0-based column index: 0 → A, 25 → Z, 27 → AB (also the importer's)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
