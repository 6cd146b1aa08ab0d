"""``import``: a recipient list from a spreadsheet (.xlsx, .xls, .ods) or a text table (CSV, Excel's
"Unicode text") → the ``recipients`` of a decision.

Reads the files offices actually send: title rows above the table, a header on one or two (merged)
rows with or without diacritics, "I. TẬP THỂ / II. CÁ NHÂN" sections, merged cells, a signature block
under the table, honorifics and ALL-CAPS names, columns of personal data, CSV in UTF-8, UTF-16 or
Windows-1258 with ``,``, ``;`` or tab. Every row it cannot read is reported by sheet, row and column
and nothing is written; everything it changed or left out on its own is reported as a notice.
Re-importing into a decision merges with its recipients, keeping fields added by hand.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.commands import sheet_limits
from generator.records.files import MAX_FILE_BYTES
from generator.records.hygiene import clean_text
from generator.records.messages import Both, render_message
from generator.records.personal_data import find_personal_data, is_forbidden_field, might_hold_personal_data
from generator.records.problems import UserError
from generator.records.unit_names import (UnitIndex, UnitMatch, complete_position, diacritics_compatible,  # noqa: F401
                                          unit_key)
from generator.records.yaml_write import q
from generator.site import exports
from generator.site.xlsx import column_letter
from generator.text import fold, nfc

FIELDS = ("kind", "name", "position", "unit", "unit_text", "category", "gender", "achievement", "cash_vnd", "profile")
# a column may also hold a position and a unit together («Chức vụ, đơn vị»): split row by row
COMBINED = "position_unit"
MAP_FIELDS = FIELDS + (COMBINED,)
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
SUFFIXES = SPREADSHEET_SUFFIXES + TEXT_SUFFIXES

# folded header → field (our own export's English column names included, for round trips)
HEADER_ALIASES = {
    "ho va ten": "name", "ho ten": "name", "ten": "name", "ho va ten ten tap the": "name", "ho ten ten tap the": "name",
    "ca nhan tap the": "name", "name": "name", "ho va ten ca nhan": "name", "ten ca nhan": "name",
    "chuc vu": "position", "chuc danh": "position", "chuc vu chuc danh": "position", "position": "position",
    "chuc vu don vi": COMBINED, "chuc vu don vi cong tac": COMBINED, "chuc vu noi cong tac": COMBINED,
    "chuc danh don vi": COMBINED, "chuc vu co quan don vi": COMBINED, "chuc vu va don vi": COMBINED,
    "chuc danh noi cong tac": COMBINED, "chuc danh don vi cong tac": COMBINED, "chuc vu chuc danh don vi": COMBINED,
    "chuc vu va don vi cong tac": COMBINED, "chuc vu va noi cong tac": COMBINED, "chuc danh va don vi": COMBINED,
    "position unit": COMBINED,
    "don vi": "unit_text", "don vi cong tac": "unit_text", "co quan don vi": "unit_text", "noi cong tac": "unit_text",
    "co quan": "unit_text", "co quan cong tac": "unit_text", "unit": "unit_text", "unit id": "unit", "ma don vi": "unit",
    "thanh tich": "achievement", "thanh tich dat duoc": "achievement", "ly do": "achievement",
    "tom tat thanh tich": "achievement", "achievement": "achievement",
    "doi tuong": "category", "category": "category", "gioi tinh": "gender", "gender": "gender",
    "tien thuong": "cash_vnd", "so tien": "cash_vnd", "tien thuong dong": "cash_vnd", "so tien thuong": "cash_vnd",
    "cash vnd": "cash_vnd", "loai": "kind", "loai doi tuong": "kind", "kind": "kind", "profile": "profile",
    "ho so": "profile",
}
# headers naming a collective: the name column of a collective-only list (a person's name column wins)
COLLECTIVE_NAME_HEADERS = {
    "ten tap the", "tap the", "ten tap the don vi", "tap the duoc khen", "tap the duoc khen thuong",
    "don vi duoc khen", "don vi duoc khen thuong", "ten don vi", "ten don vi tap the", "ten co quan don vi",
    "ten co quan",
}
# …of which these name a unit when the list also has a person's name column
UNIT_NAME_HEADERS = {"ten don vi", "ten co quan don vi", "ten co quan"}
# name headers specific enough to make a header row on their own (not "Tên", "Tập thể": titles say those)
STRONG_NAME_HEADERS = {"ho va ten", "ho ten", "ho va ten ca nhan", "ten ca nhan", "ho va ten ten tap the",
                       "ten tap the", "ten tap the don vi", "ten don vi", "ten don vi tap the", "don vi duoc khen",
                       "don vi duoc khen thuong", "tap the duoc khen", "tap the duoc khen thuong"}
STT_HEADERS = {"stt", "so tt", "tt", "so thu tu", "number"}
IGNORED = STT_HEADERS | {"decision id", "decision number", "date", "year", "recipient id", "url", "award form id",
                         "authority id", "revoked", "withdrawn note", "enterprise"}
# header words of personal data, never published (folded, matched as whole words)
PERSONAL_DATA_WORDS = (
    "nam sinh", "ngay sinh", "sinh ngay", "noi sinh", "tuoi", "cccd", "cmnd", "cmtnd", "can cuoc", "chung minh",
    "dinh danh", "dien thoai", "sdt", "dt", "dtdd", "email", "e mail", "thu dien tu", "dia chi", "que quan",
    "nguyen quan", "noi o", "cho o", "ho khau", "thuong tru", "tam tru", "dan toc", "ton giao", "tai khoan", "stk",
    "ma so thue", "mst", "bhxh", "bao hiem xa hoi",
)
KINDS = {"ca nhan": "individual", "individual": "individual", "tap the": "collective", "collective": "collective",
         "ho gia dinh": "household", "household": "household"}
KIND_LABELS = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}
GENDERS = {"nam": "male", "male": "male", "nu": "female", "female": "female"}
CATEGORY_WORDS = {
    "leader_ministry_province": ("leader_ministry_province", "lanh dao cap bo", "lanh dao cap tinh"),
    "leader_department": ("leader_department", "lanh dao cap vu", "lanh dao so"),
    "business_person": ("business_person", "doanh nhan"),
    "leader_other": ("leader_other", "lanh dao khac", "lanh dao tu pho phong"),
    "direct_worker": ("direct_worker", "truc tiep", "nguoi lao dong"),
}
# guesses from the position when the list has no category column (marked for review in the output)
POSITION_GUESSES = [
    (re.compile(r"\b(chu tich|pho chu tich) (ubnd )?(uy ban nhan dan )?tinh\b|\bbi thu tinh uy\b"), "leader_ministry_province"),
    (re.compile(r"\b(pho )?giam doc so\b|\b(pho )?truong ban\b"), "leader_department"),
    (re.compile(r"\bgiam doc (cong ty|doanh nghiep)\b|\bchu doanh nghiep\b|\bchu nhiem hop tac xa\b"), "business_person"),
    (re.compile(r"\b(pho )?truong phong\b|\b(pho )?hieu truong\b|\btruong khoa\b|\b(pho )?chu tich\b|\bdon truong\b"
                r"|\b(pho )?giam doc\b|\bchi cuc truong\b"), "leader_other"),
]
# first words of a collective's name, with diacritics (so that the surnames Trương, Tô, Trầm, Bàn, Đoàn …
# are not taken for "trường", "tổ", "trạm", "ban", "đoàn"); the ASCII list is for lists typed without them
COLLECTIVE_WORDS = re.compile(
    r"^(trường|phòng|công ty|ủy ban|uỷ ban|ubnd|hợp tác xã|htx|trạm|bệnh viện|khoa|tổ|ấp|thôn|bản|buôn|đội|ban|"
    r"chi cục|cục|trung tâm|sở|hội|đồn|công an|xí nghiệp|nhà máy|văn phòng|chi nhánh|ngân hàng|khu phố|"
    r"đảng bộ|chi bộ|đoàn|liên đoàn|lớp|tập thể|xã|phường|thị trấn|bộ chỉ huy|ban chỉ huy|hạt|chi đoàn|"
    r"cộng đồng|khu dân cư|xóm|khóm|làng|chi hội)(\s|$)")
COLLECTIVE_WORDS_ASCII = re.compile(
    r"^(truong (mn|mg|th|thcs|thpt|mam non|mau giao|tieu hoc|trung hoc|pho thong|dai hoc|cao dang|trung cap)|"
    r"phong|cong ty|uy ban|ubnd|hop tac xa|htx|benh vien|chi cuc|trung tam|cong an|xi nghiep|so|tram y te|"
    r"to dan pho|ap|thon|van phong)(\s|$)")
# honorifics that may open a name as offices write it → the gender they state (None: none)
HONORIFICS = {"ông": "male", "bà": "female", "đồng chí": None, "đ/c": None, "anh": None, "chị": None, "cô": None,
              "thầy": None, "em": None}
HONORIFIC_LABELS = {"ông": "Ông", "bà": "Bà", "đồng chí": "Đồng chí", "đ/c": "Đ/c", "anh": "Anh", "chị": "Chị",
                    "cô": "Cô", "thầy": "Thầy", "em": "Em"}
FIELD_LABELS = {"kind": "loại", "name": "họ tên", "position": "chức vụ", "unit": "mã đơn vị", "unit_text": "đơn vị",
                "category": "đối tượng", "gender": "giới tính", "achievement": "thành tích",
                "cash_vnd": "tiền thưởng", "profile": "hồ sơ"}
HEADER_SEARCH_ROWS = 30


class ReadError(UserError):
    """A file that cannot be read as a table (a coded ``UserError``; ``read_rows`` places it at the file)."""


# --- results --------------------------------------------------------------------------------------


@dataclass
class ImportProblem:
    """A row that cannot be imported (blocks writing): a code of ``messages.USER_ERRORS`` at a cell or a row."""

    sheet: str
    row: int
    column: str
    code: str
    params: dict = field(default_factory=dict)

    def format(self, lang: str = "vi") -> str:
        """``Sheet!C5: message — hint`` (``Sheet, dòng 5`` for a whole row) in ``lang``."""
        row = f"{'dòng' if lang == 'vi' else 'row'} {self.row}"
        where = f"{self.sheet}!{self.column}{self.row}" if self.column else f"{self.sheet}, {row}"
        message, hint = render_message(self.code, self.params, lang)
        return f"{where}: {message} — {hint}"

    def __str__(self) -> str:
        return self.format()


@dataclass
class ImportNotice:
    """Something the importer did or left out on its own: printed, does not block writing."""

    sheet: str
    message: str
    cells: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        where = f"{self.sheet}!{cell_list(self.cells)}" if self.cells else self.sheet
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    recipients: list[dict] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notices: list[ImportNotice] = field(default_factory=list)
    guessed: set[int] = field(default_factory=set)  # indexes whose category was guessed from the position
    soft: list[set[str]] = field(default_factory=list)  # per recipient: fields guessed, not read from a column
    rows: list[int] = field(default_factory=list)  # per recipient: its row in the sheet
    sheet_fields: set[str] = field(default_factory=set)  # fields the sheet has a column for
    sheet: str = ""


def cell_list(cells: list[str], limit: int = 8) -> str:
    """"B9, B10, B12", shortened to the first ``limit`` cells and a count of the rest."""
    if len(cells) <= limit:
        return ", ".join(cells)
    return ", ".join(cells[:limit]) + f" và {len(cells) - limit} ô khác"


# --- reading files --------------------------------------------------------------------------------


def _clean(value) -> str:
    """Cell text: integral floats without ".0", whitespace collapsed, NFC."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(re.sub(r"\s+", " ", str(value))).strip()


def read_rows(path: Path, sheet: str | None = None) -> tuple[str, list[list[str]]]:
    """(sheet name, rows of cleaned cell text) with merged cells filled from their top-left cell.

    The format is taken from the file's first bytes, not only its name: an .xls that is really an
    .xlsx, or a web page saved as "Excel", is read or explained. Raises ``ReadError`` at ``path``.
    """
    try:
        return _read_rows(path, sheet)
    except (ReadError, sheet_limits.TooBig) as exc:
        raise exc.at(path) from None


def _read_rows(path: Path, sheet: str | None) -> tuple[str, list[list[str]]]:
    try:
        sheet_limits.check_file_size(path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError("import_open_failed", error=exc.strerror or exc) from None
    kind = _sniff_format(data, path.suffix.lower())
    if kind == "xlsx":
        name, rows = _read_xlsx(data, sheet)
    elif kind == "calamine":
        name, rows = _read_calamine(path, sheet)
    else:
        if sheet:
            raise ReadError("csv_no_sheet", sheet=sheet)
        name, rows = path.name, parse_text_table(decode_text(data))
    if _looks_tcvn3(rows):
        raise ReadError("tcvn3_text")
    return clean_text(name).text, rows


def _grid(rows) -> list[list[str]]:
    """Cleaned cell text of rows of values, each cell within Excel's own length limit."""
    grid = []
    for number, row in enumerate(rows, 1):
        for col, value in enumerate(row):
            if isinstance(value, str):
                sheet_limits.check_cell(value, f"{column_letter(col)}{number}")
        grid.append([_clean(c) for c in row])
    return grid


def _sniff_format(data: bytes, suffix: str) -> str:
    """"xlsx", "calamine" (xls, ods) or "text", from the magic bytes; ``ReadError`` for web pages."""
    if data[:4] == b"PK\x03\x04":
        return "calamine" if suffix == ".ods" else "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "calamine"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<meta")):
        raise ReadError("html_as_excel")
    if suffix in SPREADSHEET_SUFFIXES:
        raise ReadError("not_a_spreadsheet", suffix=suffix)
    return "text"


def _read_xlsx(data: bytes, sheet: str | None) -> tuple[str, list[list[str]]]:
    """An .xlsx sheet through openpyxl (from its bytes, whatever the file is called), merged cells filled."""
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            sheet_limits.check_xlsx(archive)  # before openpyxl expands anything
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError, EOFError, SyntaxError) as exc:
        raise ReadError("spreadsheet_unreadable", error=exc) from None
    visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"] or book.sheetnames
    ws = book[_pick_sheet(sheet, book.sheetnames, visible)]
    grid = _grid(ws.iter_rows(values_only=True))
    ranges = [((m.min_row - 1, m.min_col - 1), (m.max_row - 1, m.max_col - 1)) for m in ws.merged_cells.ranges]
    return ws.title, _fill_merged(grid, ranges)


def _read_calamine(path: Path, sheet: str | None) -> tuple[str, list[list[str]]]:
    """An .xls (Excel 97–2003) or .ods sheet through python-calamine, merged cells filled."""
    try:
        from python_calamine import CalamineError, CalamineWorkbook, SheetVisibleEnum
    except ImportError:
        raise ReadError("calamine_missing") from None
    try:
        book = CalamineWorkbook.from_path(str(path))
        visible = [m.name for m in book.sheets_metadata if m.visible == SheetVisibleEnum.Visible] or book.sheet_names
        name = _pick_sheet(sheet, book.sheet_names, visible)
        ws = book.get_sheet_by_name(name)
        sheet_limits.check_extent(ws.height, ws.width)
        grid = _grid(ws.to_python(skip_empty_area=False))
        ranges = ws.merged_cell_ranges or []
    except (CalamineError, ValueError, OSError) as exc:  # damaged, encrypted or unsupported files
        raise ReadError("spreadsheet_unreadable", error=exc) from None
    return name, _fill_merged(grid, ranges)


def _pick_sheet(wanted: str | None, names: list[str], visible: list[str]) -> str:
    """The sheet asked for (names compared without diacritics), else the first visible one."""
    if not wanted:
        return visible[0]
    for name in names:
        if name == wanted or fold(name).strip() == fold(wanted).strip():
            return name
    raise ReadError("sheet_missing", wanted=wanted, names=", ".join(names))


def _fill_merged(grid: list[list[str]], ranges) -> list[list[str]]:
    """Give every cell of a merged range the value of its top-left cell (0-based inclusive ranges)."""
    for (top, left), (bottom, right) in ranges:
        if top >= len(grid):
            continue
        value = grid[top][left] if left < len(grid[top]) else ""
        for r in range(top, min(bottom + 1, len(grid))):
            for c in range(left, right + 1):
                if c < len(grid[r]):
                    grid[r][c] = value
    return grid


# --- text tables: encoding and delimiter ---------------------------------------------------------

_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_VIETNAMESE_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for vowel in ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y")
    for base in (vowel, vowel.upper()) for tone in _TONES) | {"đ", "Đ"}
_TYPOGRAPHY = frozenset("–—‘’“”…•«»°±×·§№€\u00a0")


def decode_text(data: bytes) -> str:
    """Text of a CSV or tab-separated file, whatever Excel or an office program saved it as.

    In order: a byte-order mark (UTF-8, UTF-16 LE/BE — Excel's "Unicode text"), UTF-16 without a mark
    (every other byte zero), strict UTF-8, then Windows-1258 (Excel's "CSV" on Vietnamese Windows), whose
    combining tone marks are composed to NFC; Windows-1258 is accepted only if the result reads as
    Vietnamese. Raises ``ReadError`` otherwise.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data[3:], "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(data, "utf-16")
    sample = data[:4096]
    if b"\x00" in sample:  # text in any 8-bit encoding has no NUL bytes; UTF-16 has many
        return _decode(data, "utf-16-le" if sample[1::2].count(0) >= sample[0::2].count(0) else "utf-16-be")
    try:
        return nfc(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text = nfc(data.decode("cp1258"))
    except UnicodeDecodeError:
        text = ""
    if text and _reads_as_vietnamese(text):
        return text
    if text and _looks_tcvn3([[text]]):
        raise ReadError("tcvn3_text")
    raise ReadError("encoding_unknown")


def _decode(data: bytes, encoding: str) -> str:
    """Strict decoding to NFC text; ``ReadError`` naming the encoding on failure."""
    try:
        return nfc(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise ReadError("encoding_bad_bytes", encoding=encoding.upper(), position=exc.start) from None


def _reads_as_vietnamese(text: str) -> bool:
    """True when the non-ASCII characters are Vietnamese letters or common typography (sanity check)."""
    odd = sum(1 for ch in text if (ord(ch) > 127 and ch not in _VIETNAMESE_LETTERS and ch not in _TYPOGRAPHY)
              or (ord(ch) < 32 and ch not in "\t\r\n"))
    return odd <= max(2, sum(1 for ch in text if ord(ch) > 127) // 100)


_TCVN3_MARKS = "¡¢£¤¥¦§¨©ª¬®µ¶·¸¹º»¼½¾ÆÇËÎÏÑ×ØÞßåæçîïñ÷øþ"
_TCVN3_PAIR = re.compile(f"[A-Za-z][{_TCVN3_MARKS}]|[{_TCVN3_MARKS}][A-Za-z]")


def _looks_tcvn3(rows: list[list[str]]) -> bool:
    """True when letters are mixed with the symbols TCVN3 (.VnTime) text shows as in Unicode ("NguyÔn V¨n")."""
    hits = 0
    for row in rows[:200]:
        for cell in row:
            hits += len(_TCVN3_PAIR.findall(cell))
            if hits >= 3:
                return True
    return False


def sniff_delimiter(text: str) -> str:
    """``,``, ``;`` or tab: the one that splits most of the first lines into the same number (>1) of fields.

    Excel pads every line of a table to the same width, so title rows agree with the header; a comma
    inside the text of a ``;`` file splits only a few lines and loses. A first line ``sep=;`` decides.
    """
    first = text.split("\n", 1)[0].strip()
    if first.lower().startswith("sep=") and len(first) == 5:
        return first[4]
    lines = [line for line in text.splitlines()[:60] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        score = (counts.count(mode), mode)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def parse_text_table(text: str) -> list[list[str]]:
    """Rows of cleaned cells of a delimited text (delimiter sniffed; a ``sep=`` line skipped)."""
    limit = csv.field_size_limit(max(len(text), 1 << 17))  # a long cell is measured below, in words
    try:
        delimiter = sniff_delimiter(text)
        if text.split("\n", 1)[0].strip().lower().startswith("sep="):
            text = text.split("\n", 1)[1] if "\n" in text else ""
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    finally:  # csv.Error cannot occur: the reader is not strict and no field is longer than the limit
        csv.field_size_limit(limit)
    sheet_limits.check_rows(rows)
    return _grid(rows)


# --- the header -----------------------------------------------------------------------------------


def _header_key(text: str) -> str:
    """Folded header words without parentheses: "Tiền thưởng (đồng)" → "tien thuong"."""
    return re.sub(r"[^a-z0-9]+", " ", fold(re.sub(r"\(.*?\)", " ", text))).strip()


def _is_personal_data(key: str) -> bool:
    """True for a header naming personal data (birth, identity number, phone, address, ethnicity …): the
    importer's words for headers, or a field name validation refuses (``personal_data.is_forbidden_field``)."""
    padded = f" {key} "
    return bool(key) and (any(f" {word} " in padded for word in PERSONAL_DATA_WORDS) or is_forbidden_field(key))


@dataclass
class Header:
    """Where the table starts and what each column holds."""

    row: int  # 0-based index of the header row
    first_data: int  # 0-based index of the first row after the header (and its continuation rows)
    columns: dict[int, str]  # column → field
    labels: dict[int, str]  # column → header text as written
    alt_name: int | None = None  # a second name column holding collectives' names
    collective_list: bool = False  # the name column names collectives
    dropped: list[tuple[str, list[int]]] = field(default_factory=list)  # personal data: label, columns
    unknown: list[tuple[str, list[int]]] = field(default_factory=list)
    duplicate: list[tuple[str, list[int], int]] = field(default_factory=list)  # label, columns, column read instead
    stt: int | None = None
    name_span: list[int] = field(default_factory=list)  # "Họ và tên" merged over "Họ đệm" | "Tên": joined

    def letter(self, target: str) -> str:
        """Column letter of the column read for ``target`` ("" when none)."""
        return next((column_letter(c) for c, t in self.columns.items() if t == target), "")


# Our own recipient CSV (a decision's danh-sach.csv) re-imports: its code columns are read, every other
# column is known and skipped. Derived from the export's columns, so the two cannot drift apart.
_EXPORT_FIELDS = {"kind": "kind", "name": "name", "position": "position", "unit_id": "unit", "unit": "unit_text",
                  "category": "category", "gender": "gender", "achievement": "achievement", "cash_vnd": "cash_vnd",
                  "profile": "profile"}


def _export_headers() -> dict[str, str]:
    out: dict[str, str] = {}
    for column in exports.RECIPIENT_COLUMNS:
        key = _header_key(column.title)
        if key not in HEADER_ALIASES:
            out[key] = _EXPORT_FIELDS.get(column.key, "ignored") if column.shown is None else "ignored"
    return out


EXPORT_HEADERS = _export_headers()


def _classify(key: str, mapping: dict[str, str]) -> str | None:
    """Field, "collective_name", "ignored" or None for a header key."""
    if key in mapping:
        return "collective_name" if mapping[key] == "name" and key in COLLECTIVE_NAME_HEADERS else mapping[key]
    if key in COLLECTIVE_NAME_HEADERS:
        return "collective_name"
    if key in HEADER_ALIASES:
        return HEADER_ALIASES[key]
    if key in EXPORT_HEADERS:
        return EXPORT_HEADERS[key]
    if key in IGNORED:
        return "ignored"
    return None


def find_header(rows: list[list[str]], mapping: dict[str, str]) -> Header | None:
    """The first row (of the first 30) naming a name column and something else, or a name column given by
    --map, or a name column alone under a header as specific as "Họ và tên" or "Tên tập thể".

    "Something else" is any other cell with different text: a title merged across the page repeats one
    text and does not count.
    """
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        kinds = {col: _classify(_header_key(cell), mapping) for col, cell in enumerate(row) if cell}
        names = [c for c, k in kinds.items() if k in ("name", "collective_name")]
        if not names:
            continue
        name_text = row[names[0]]
        alone = any(_header_key(row[c]) in mapping or _header_key(row[c]) in STRONG_NAME_HEADERS for c in names)
        if alone or any(cell and cell != name_text for cell in row):
            return _build_header(rows, index, mapping)
    return None


def _header_labels(rows: list[list[str]], index: int, mapping: dict[str, str]) -> dict[int, str]:
    """Column → header text. A blank header cell takes the text above it when that text reads as a header
    (a header on two rows saved as CSV keeps each text in its upper cell only)."""
    row = rows[index]
    above = rows[index - 1] if index > 0 else []
    width = max(len(row), len(rows[index + 1]) if index + 1 < len(rows) else 0)
    labels = {}
    for col in range(width):
        text = row[col] if col < len(row) else ""
        if not text and col < len(above) and above[col]:
            key = _header_key(above[col])
            if _classify(key, mapping) or _is_personal_data(key):
                text = above[col]
        labels[col] = text
    return labels


def _build_header(rows: list[list[str]], index: int, mapping: dict[str, str]) -> Header:
    """Assign every column of the header row at ``index``: field, dropped (personal data), unknown or ignored."""
    labels = _header_labels(rows, index, mapping)
    stt = next((c for c, text in labels.items() if _header_key(text) in STT_HEADERS), None)
    first_data = _skip_continuation(rows, index, labels, stt)
    # a blank header over a sub-header ("Năm sinh" | "" over "Nam" | "Nữ") belongs to the group on its left
    for col in sorted(labels):
        if not labels[col] and col > 0 and labels.get(col - 1) and any(
                col < len(rows[r]) and rows[r][col] for r in range(index + 1, first_data)):
            labels[col] = labels[col - 1]
    header = Header(row=index, first_data=first_data, columns={}, labels=labels, stt=stt)
    kinds = {col: _classify(_header_key(text), mapping) for col, text in labels.items() if text}
    person_name = any(k == "name" for k in kinds.values())
    for col, kind in list(kinds.items()):
        if kind == "collective_name":
            key = _header_key(labels[col])
            kinds[col] = ("unit_text" if key in UNIT_NAME_HEADERS else "alt_name") if person_name else "name"
            header.collective_list = header.collective_list or not person_name
    # columns given by --map first, so they win over a column recognised by its usual header
    order = sorted(kinds, key=lambda c: (_header_key(labels[c]) not in mapping, c))
    groups: dict[tuple[str, str], list[int]] = {}
    for col in order:
        kind, label = kinds[col], labels[col]
        if kind == "ignored":
            continue
        if kind == "alt_name":
            if header.alt_name is None:
                header.alt_name = col
            continue
        if kind is None:
            bucket = "dropped" if _is_personal_data(_header_key(label)) else "unknown"
            groups.setdefault((bucket, label), []).append(col)
            continue
        taken = next((c for c, t in header.columns.items() if t == kind), None)
        if taken is None:
            header.columns[col] = kind
        elif labels[taken] != label:  # the same text over several columns is one merged header: silent
            groups.setdefault(("duplicate", label), []).append(col)
    name_col = next((c for c, t in header.columns.items() if t == "name"), None)
    if name_col is not None:
        header.name_span = [name_col]
        while labels.get(header.name_span[-1] + 1) == labels[name_col] and header.name_span[-1] + 1 not in header.columns:
            header.name_span.append(header.name_span[-1] + 1)
    for (bucket, label), cols in sorted(groups.items(), key=lambda item: min(item[1])):
        if bucket == "duplicate":
            kind = kinds[cols[0]]
            header.duplicate.append((label, sorted(cols), next(c for c, t in header.columns.items() if t == kind)))
        else:
            getattr(header, bucket).append((label, sorted(cols)))
    return header


def _skip_continuation(rows: list[list[str]], index: int, labels: dict[int, str], stt: int | None) -> int:
    """Index of the first row after the header and up to two continuation rows.

    A continuation row repeats the header (a header merged over two rows), holds sub-headers under blank or
    merged header cells ("Nam" | "Nữ" under "Năm sinh"), or numbers the columns ("(1) (2) (3) …"). A row
    with a number in the STT column is data.
    """
    first = index + 1
    while first < len(rows) and first <= index + 2 and _is_continuation(rows[first], rows[index], labels, stt):
        first += 1
    return first


def _is_continuation(row: list[str], header: list[str], labels: dict[int, str], stt: int | None) -> bool:
    """True for a second header row, a sub-header row or a row of column numbers (see ``_skip_continuation``)."""
    cells = [(c, v) for c, v in enumerate(row) if v]
    if not cells:
        return False
    numbers = [v for _, v in cells if re.fullmatch(r"\(?[0-9]{1,2}\)?|\(?[A-Z]\)?", v)]
    if len(numbers) == len(cells) >= 3 and _increasing(numbers):
        return True
    if stt is not None and stt < len(row) and re.fullmatch(r"\d{1,4}\.?", row[stt]):
        return False
    others = [(c, v) for c, v in cells if not (c < len(header) and v == header[c])]
    return all(_under_group(c, header, row) and not re.search(r"\d", v) for c, v in others)


def _increasing(numbers: list[str]) -> bool:
    """True for column numbers written in order: "1 2 3", "(1) (2) (3)" or "A B C"."""
    values = [int(n.strip("()")) if n.strip("()").isdigit() else ord(n.strip("()")) for n in numbers]
    return all(b > a for a, b in itertools.pairwise(values))


def _under_group(col: int, header: list[str], row: list[str]) -> bool:
    """True when ``col`` of ``row`` sits under a header group: a blank header cell right of a header text,
    a header text shared with a neighbour (merged), or a header text followed by a blank header cell that
    ``row`` also fills (CSV of a merged header: "Họ và tên" | "" over "Họ đệm" | "Tên")."""
    def text(c: int) -> str:
        return header[c] if 0 <= c < len(header) else ""

    if not text(col):
        return any(text(c) for c in range(col))
    if text(col - 1) == text(col) or text(col + 1) == text(col):
        return True
    return col + 1 < len(row) and not text(col + 1) and bool(row[col + 1])


# --- the rows -------------------------------------------------------------------------------------

_SIGNATURE_MARKS = [re.compile(p) for p in (
    r"^(kt|tm|tl|tuq|ktl|q)\s*\.\s*\S",  # KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN, TL. GIÁM ĐỐC
    r"^noi nhan\b",
    r"^nguoi (lap|lam)( bieu| bang| danh sach)?\s*:?$",
    r"^\(?\s*da ky\s*\)?$",
    r"^\(?\s*ky,? (ghi ro )?ho (va )?ten\b.*\)?$",
    r"^\(?\s*ky ten,? dong dau\s*\)?$",
    r"^([^,]{2,40},\s*)?ngay\s*[\d.…_ /-]*\s*thang\s*[\d.…_ /-]*\s*nam\s*[\d.…_ /-]*$",
    r"^(thu truong (co quan|don vi)|nguoi duyet|ke toan( truong)?|xac nhan cua .*)\s*:?$",
    r"^(pho )?(chu tich|giam doc|hieu truong|truong phong|truong ban|bi thu|thu truong)$",
)]
# "Tổng cộng", "Cộng: 6 người", "Tổng số (6)" — but not "Cộng đồng dân cư ấp 3", a collective
_TOTAL = re.compile(r"^(tổng cộng|tổng số|tổng|cộng)\s*[:.]?\s*(\d.*|\(.*\))?$")
_TOTAL_ASCII = re.compile(r"^(tong cong|tong so)\s*[:.]?\s*(\d.*|\(.*\))?$")


def _is_blank(row: list[str], header: Header) -> bool:
    """True for an empty row, or one holding nothing but a number in the STT column (a pre-numbered template)."""
    return all(not v or (c == header.stt and re.fullmatch(r"\d{1,4}\.?", v)) for c, v in enumerate(row))


def _name_col(header: Header) -> int:
    return next(c for c, t in header.columns.items() if t == "name")


def _trailer(row: list[str], header: Header) -> str | None:
    """"signature" or "total" when the row belongs under the table, else None.

    A mark (KT., TM., Nơi nhận:, (Đã ký), a date line, a lone title) counts only in a row whose name cell is
    empty or is the mark itself: "Q. Hiệu trưởng" in the position column of a person's row is a position.
    """
    name_cell = row[_name_col(header)] if _name_col(header) < len(row) else ""
    first = next((v for v in row if v), "")
    for text in (name_cell, first):
        lowered = text.lower()
        if _TOTAL.match(lowered) or (text.isascii() and _TOTAL_ASCII.match(fold(text))):
            return "total"
    for col, cell in enumerate(row):
        if cell and (not name_cell or col == _name_col(header)) and any(p.match(fold(cell)) for p in _SIGNATURE_MARKS):
            return "signature"
    return None


def _signer_alone(row: list[str], header: Header, shapes: list[int]) -> bool:
    """A signer's name alone in the name column, under a table whose rows all held more than a name."""
    cells = [(c, v) for c, v in enumerate(row) if v]
    if len(cells) != 1 or cells[0][0] != _name_col(header) or not shapes or min(shapes) < 2:
        return False
    words = cells[0][1].split()
    return 2 <= len(words) <= 5 and not re.search(r"\d", cells[0][1])


def _looks_like_data(row: list[str], header: Header) -> bool:
    """A row with a number in the STT column and a name: the table goes on."""
    if header.stt is None or header.stt >= len(row) or not re.fullmatch(r"\d{1,4}\.?", row[header.stt]):
        return False
    name_col = _name_col(header)
    return (name_col < len(row) and bool(row[name_col])) or (
        header.alt_name is not None and header.alt_name < len(row) and bool(row[header.alt_name]))


_SECTION = re.compile(r"(([ivx]+|[a-z]|\d+)\s*[.)/:-]?\s+)?(cac |danh sach |khen thuong )?"
                      r"(ca nhan|tap the|ho gia dinh)( duoc khen( thuong)?)?\s*([:(].*)?")


def _section_kind(row: list[str], header: Header) -> tuple[bool, str | None]:
    """(is a heading row, the kind it sets or None).

    Headings: a kind alone ("I. TẬP THỂ", "Cá nhân:", "TẬP THỂ (03)"), a text numbered with a Roman numeral
    or a capital letter ("II. Khối trường học"), or one text merged across the row (not a name merged over
    the columns of the name).
    """
    texts = [v for v in row if v]
    if len(set(texts)) != 1:
        return False, None
    text, folded = texts[0], fold(texts[0]).strip()
    bare = _SECTION.fullmatch(re.sub(r"\s+", " ", folded))
    if bare:
        return True, KINDS[bare.group(4)]
    merged = len(texts) > 1 and not {c for c, v in enumerate(row) if v} <= set(header.name_span)
    if merged or re.match(r"^([IVX]+|[A-Z])[.)]\s", text):
        return True, next((k for word, k in KINDS.items() if re.search(rf"\b{word}\b", folded)), None)
    return False, None


def _table_end(rows: list[list[str]], header: Header) -> tuple[int, str]:
    """(index of the first row after the table, why it ends there: "signature", "total", "blank" or "")."""
    shapes: list[int] = []
    blank_run = 0
    for index in range(header.first_data, len(rows)):
        row = rows[index]
        if _is_blank(row, header):
            blank_run += 1
            if blank_run == 2 and not _continues(rows, index + 1, header):
                return index - 1, "blank"
            continue
        blank_run = 0
        why = _trailer(row, header)
        if why:
            return index, why
        if _signer_alone(row, header, shapes) and not _continues(rows, index + 1, header):
            return index, "signature"
        if not _section_kind(row, header)[0]:
            shapes.append(sum(1 for v in row if v))
    return len(rows), ""


def _continues(rows: list[list[str]], start: int, header: Header) -> bool:
    """True when the table goes on after ``start``: a section heading or a numbered row with a name follows."""
    for index in range(start, len(rows)):
        row = rows[index]
        if _is_blank(row, header):
            continue
        if _trailer(row, header):
            return False
        if _section_kind(row, header)[1] or _looks_like_data(row, header) or _filled_like_a_line(row, header):
            return True
    return False


def _filled_like_a_line(row: list[str], header: Header) -> bool:
    """A name with at least one more column of the table filled: a recipient's line, not a signature."""
    name_col = _name_col(header)
    if name_col >= len(row) or not row[name_col]:
        return False
    return any(v and c != name_col and c in header.columns for c, v in enumerate(row))


def import_rows(sheet: str, rows: list[list[str]], mapping: dict[str, str] | None = None,
                default_category: str = "direct_worker", units: UnitIndex | None = None) -> ImportResult:
    """Turn spreadsheet rows into recipient dicts (keys of the decision schema), with problems and notices."""
    mapping = {_header_key(k): v for k, v in (mapping or {}).items()}
    result = ImportResult(sheet=sheet)
    if not any(any(row) for row in rows):
        result.problems.append(ImportProblem(sheet, 1, "", "import_sheet_empty"))
        return result
    header = find_header(rows, mapping)
    if header is None:
        result.problems.append(ImportProblem(sheet, 1, "", "import_no_header"))
        return result
    result.sheet_fields = set(header.columns.values()) | (
        {"unit", "unit_text"} if {"unit", "unit_text"} & set(header.columns.values()) else set())
    if header.collective_list and "kind" not in header.columns.values():
        result.sheet_fields.add("kind")
    if COMBINED in result.sheet_fields:
        result.sheet_fields |= {"position", "unit", "unit_text"}
    _column_notices(sheet, header, result)
    end, why = _table_end(rows, header)
    state = _RowState(units=units, default_category=default_category)
    for index in range(header.first_data, end):
        row = rows[index]
        if _is_blank(row, header):
            continue
        heading, kind = _section_kind(row, header)
        if heading:
            if kind:
                state.section = kind
                result.sheet_fields.add("kind")
            continue
        _import_row(sheet, index + 1, row, header, state, result)
    if not result.recipients and not result.problems:
        result.problems.append(ImportProblem(sheet, header.row + 1, "", "import_no_rows"))
    _row_notices(sheet, header, state, result)
    _trailing_notice(sheet, rows, end, why, header, result)
    return result


@dataclass
class _RowState:
    """What the rows loop carries along: the current section and the cells behind each kind of notice."""

    units: UnitIndex | None
    default_category: str
    section: str | None = None
    honorifics: list[str] = field(default_factory=list)
    honorific_cells: list[str] = field(default_factory=list)
    gender_cells: list[str] = field(default_factory=list)
    recased: list[tuple[str, str, str]] = field(default_factory=list)  # cell, before, after
    caps_kept: list[str] = field(default_factory=list)
    unit_notes: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # unit text → message, cells
    split: list[tuple[str, str, str, str]] = field(default_factory=list)  # combined cells: cell, text, position, unit
    unsplit: list[str] = field(default_factory=list)  # combined cells with no unit found


def _import_row(sheet: str, excel_row: int, row: list[str], header: Header, state: _RowState,
                result: ImportResult) -> None:
    """Read one data row into ``result`` (a recipient, or a problem naming the cell)."""
    values = {target: (row[col] if col < len(row) else "") for col, target in header.columns.items()}
    if len(header.name_span) > 1:  # the same text twice is one merged cell, not two parts of a name
        parts = [row[c] for c in header.name_span if c < len(row) and row[c]]
        values["name"] = " ".join(p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1])
    name_letter = header.letter("name")
    if not values.get("name") and header.alt_name is not None and header.alt_name < len(row) and row[header.alt_name]:
        values["name"] = row[header.alt_name]
        values["kind"] = values.get("kind") or KIND_LABELS["collective"]
        name_letter = column_letter(header.alt_name)
    if state.section and not values.get("kind"):
        values["kind"] = KIND_LABELS[state.section]
    if values.get(COMBINED):
        _split_combined(values, header, state, excel_row)
    if not values.get("name"):
        result.problems.append(ImportProblem(sheet, excel_row, header.letter("name"), "import_name_missing"))
        return
    if _personal_data_in_cells(sheet, excel_row, values, header, result):
        return
    soft: set[str] = set()
    if not values.get("kind"):
        if header.collective_list:
            values["kind"] = KIND_LABELS["collective"]
        else:
            soft.add("kind")
    recipient = _recipient(values, header, state, sheet, excel_row, name_letter, soft, result)
    if recipient:
        result.recipients.append(recipient)
        result.soft.append(soft)
        result.rows.append(excel_row)


def _personal_data_in_cells(sheet: str, row: int, values: dict[str, str], header: Header,
                            result: ImportResult) -> bool:
    """True (and a problem per cell) when a cell to be imported holds personal data — a phone or ID number, a
    birth date, an address … (the detector validation uses, ``records/personal_data.py``): nothing is written,
    so it never reaches data/ and git."""
    found = False
    for target, value in values.items():
        if not value or not might_hold_personal_data(value):
            continue
        column = next((c for c, t in header.columns.items() if t == target), None)
        label = header.labels.get(column, FIELD_LABELS.get(target, target)) if column is not None else target
        for code, snippet in find_personal_data(value):
            found = True
            found_in = Both(*(render_message(code, {"field": label, "snippet": snippet}, lang)[0]
                              for lang in ("vi", "en")))
            result.problems.append(ImportProblem(sheet, row, header.letter(target), "import_personal_data",
                                                 {"found": found_in}))
    return found


def _recipient(values: dict[str, str], header: Header, state: _RowState, sheet: str, row: int, name_letter: str,
               soft: set[str], result: ImportResult) -> dict | None:
    """One recipient dict from a row's values; None (and a problem) when a value cannot be read."""
    name = values["name"]
    kind = KINDS.get(fold(values.get("kind", "")))
    if values.get("kind") and kind is None:
        result.problems.append(ImportProblem(sheet, row, header.letter("kind"), "import_bad_kind",
                                             {"value": values["kind"]}))
        return None
    if kind is None:
        kind = guess_kind(name, values.get("position", ""))
    cell = f"{name_letter}{row}"
    gender_from_name = None
    if kind == "individual":
        name, gender_from_name = _person_name(name, cell, "gender" not in header.columns.values(), state)
    elif is_all_caps(name):
        state.caps_kept.append(cell)
    recipient: dict = {"kind": kind, "name": name}
    if values.get("position"):
        recipient["position"] = values["position"]
    _unit(values, kind, name, header, state, sheet, row, recipient, soft)
    if kind == "individual":
        category = _category(values.get("category", ""))
        if values.get("category") and category is None:
            result.problems.append(ImportProblem(sheet, row, header.letter("category"), "import_bad_category_cell",
                                                 {"value": values["category"]}))
            return None
        if category is None:
            category = next((c for pattern, c in POSITION_GUESSES if pattern.search(fold(values.get("position", "")))),
                            state.default_category)
            result.guessed.add(len(result.recipients))
            soft.add("category")
        recipient["category"] = category
        gender = values.get("gender")
        if gender:
            if fold(gender) not in GENDERS:
                result.problems.append(ImportProblem(sheet, row, header.letter("gender"), "import_bad_gender",
                                                     {"value": gender}))
                return None
            recipient["gender"] = GENDERS[fold(gender)]
        elif gender_from_name:
            recipient["gender"] = gender_from_name
            soft.add("gender")
    if values.get("achievement"):
        recipient["achievement"] = values["achievement"]
    cash = values.get("cash_vnd", "")
    if cash:
        amount = parse_cash(cash)
        if amount is None:
            result.problems.append(ImportProblem(sheet, row, header.letter("cash_vnd"), "import_bad_cash",
                                                 {"value": cash}))
            return None
        recipient["cash_vnd"] = amount
    if values.get("profile"):
        recipient["profile"] = values["profile"]
    return {key: recipient[key] for key in FIELDS if key in recipient}


def guess_kind(name: str, position: str = "") -> str:
    """"household" for "Hộ …", "collective" for a name opening with an organisation word and no position,
    else "individual". Diacritics decide ("Trương Văn A" is a person, "Trường …" a school); names typed
    without any diacritics fall back to a shorter list of unambiguous words."""
    lowered = name.lower()
    if lowered.startswith(("hộ ", "hộ gia đình")) or (name.isascii() and fold(name).startswith("ho gia dinh")):
        return "household"
    if position:
        return "individual"
    if COLLECTIVE_WORDS.match(lowered) or (name.isascii() and COLLECTIVE_WORDS_ASCII.match(fold(name))):
        return "collective"
    return "individual"


def parse_cash(text: str) -> int | None:
    """Đồng as an integer from "1.170.000 đ", "1,170,000", "1170000 đồng", "1.170.000,00"; None if not a number."""
    folded = fold(text).strip()
    folded = re.sub(r"\s*(dong|vnd|d)$", "", folded)
    folded = re.sub(r"[.,]00$", "", folded)
    digits = re.sub(r"[.\s,]", "", folded)
    return int(digits) if re.fullmatch(r"[0-9]+", digits) else None


# --- names ----------------------------------------------------------------------------------------


def split_honorific(name: str) -> tuple[str | None, str]:
    """(honorific, rest) for a name opening with Ông, Bà, Đồng chí, Đ/c, Anh, Chị, Cô, Thầy or Em.

    Case-insensitive, with a trailing period or colon, written with its diacritics or with none ("Ong",
    but not "Ổng"). Only taken off when at least two words remain, so a bare given name is left alone.
    """
    words = name.split()
    for size in (2, 1):
        if len(words) < size + 2:
            continue
        candidate = " ".join(words[:size]).lower().rstrip(".:,")
        for honorific in HONORIFICS:
            if candidate == honorific or (candidate.isascii() and candidate == fold(honorific)):
                return honorific, " ".join(words[size:])
    return None, name


def is_all_caps(name: str) -> bool:
    """True when every letter of the name is upper case (and there are at least two)."""
    letters = [ch for ch in name if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def proper_case(name: str) -> str:
    """Vietnamese proper case: "NGUYỄN VĂN AN" → "Nguyễn Văn An", "ĐỖ THỊ H'HEN" → "Đỗ Thị H'Hen"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0)[0].upper() + m.group(0)[1:].lower(), nfc(name))


def _person_name(name: str, cell: str, gender_from_honorific: bool, state: _RowState) -> tuple[str, str | None]:
    """A person's name without honorific and in proper case, and the gender "Ông"/"Bà" states."""
    honorific, rest = split_honorific(name)
    gender = None
    if honorific:
        name = rest
        label = HONORIFIC_LABELS[honorific]
        if label not in state.honorifics:
            state.honorifics.append(label)
        state.honorific_cells.append(cell)
        if gender_from_honorific and HONORIFICS[honorific]:
            gender = HONORIFICS[honorific]
            state.gender_cells.append(cell)
    if is_all_caps(name) and proper_case(name) != name:
        cased = proper_case(name)
        state.recased.append((cell, name, cased))
        name = cased
    return name, gender


# --- units ----------------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+[-–—]\s+")


def split_position_unit(text: str, units: UnitIndex | None) -> tuple[str, str]:
    """(position, unit) from a cell holding both: «Giáo viên, Trường Tiểu học Đông Sơn», «Trưởng thôn Bản Chắt»,
    «Kế toán UBND xã Đông Sơn». A registered unit's name at the end is found first (``UnitIndex.unit_at_end``);
    else the unit starts after a comma, semicolon or dash, or at a word that opens a unit's name (Trường, Phòng,
    UBND, Thôn … — «Tổ trưởng», «Đội phó» are positions). ("whole text", "") when no unit is found."""
    found = units.unit_at_end(text) if units else None
    if found:
        return found[0], found[1]
    starts = [m for m in _SEPARATOR.finditer(text)] + [m for m in re.finditer(r"\s+", text)]
    for match in starts:  # after a separator first, then at any word
        before, after = text[:match.start()].strip(" ,;:-–—"), text[match.end():].strip()
        words = after.lower().split()
        if before and len(words) >= 2 and COLLECTIVE_WORDS.match(after.lower()) and words[1] not in ("trưởng", "phó"):
            return complete_position(before, after), after
    return text, ""


def _split_combined(values: dict[str, str], header: Header, state: _RowState, row: int) -> None:
    """Fill ``position`` and ``unit_text`` from the row's combined «Chức vụ, đơn vị» cell, where the sheet has no
    column of their own; the cells split and not split are noted for the clerk to check."""
    text = values.pop(COMBINED)
    position, unit = split_position_unit(text, state.units)
    cell = f"{header.letter(COMBINED)}{row}"
    if unit:
        state.split.append((cell, text, position, unit))
    else:
        state.unsplit.append(cell)
    values.setdefault("position", position)
    if unit and not values.get("unit") and not values.get("unit_text"):
        values["unit_text"] = unit


def unit_lookup(data_dir: Path) -> UnitIndex:
    """The unit registry of ``data_dir`` as a ``UnitIndex`` (empty when it is missing or unreadable)."""
    import yaml

    units: list[tuple[str, str]] = []
    for suffix in (".yaml", ".yml"):
        path = data_dir / "registries" / f"units{suffix}"
        if path.is_file():
            try:
                items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            except (OSError, UnicodeDecodeError, yaml.YAMLError):
                items = []
            units = [(str(u["id"]), nfc(str(u["name"]))) for u in items if isinstance(items, list)
                     and isinstance(u, dict) and "id" in u and "name" in u]
            break
    return UnitIndex(units)


def _unit(values: dict[str, str], kind: str, name: str, header: Header, state: _RowState, sheet: str, row: int,
          recipient: dict, soft: set[str]) -> None:
    """Set ``unit`` (registry id) or ``unit_text`` on the recipient; a collective named like a registered
    unit gets that unit when the list has no unit column; near misses become notices."""
    unit_text = values.get("unit_text", "")
    if values.get("unit"):
        recipient["unit"] = values["unit"]
        return
    if not unit_text:
        if kind == "collective" and state.units and not ({"unit", "unit_text"} & set(header.columns.values())):
            found = state.units.match(name)
            if found.id:
                recipient["unit"] = found.id
                soft.add("unit")
        return
    found = state.units.match(unit_text) if state.units else UnitMatch()
    if found.id:
        recipient["unit"] = found.id
        return
    recipient["unit_text"] = unit_text
    if found.suggestions:
        cell = f"{header.letter('unit_text') or header.letter(COMBINED)}{row}"
        options = " hay ".join(f"«{n}» (mã {i})" for i, n in found.suggestions)
        message = (f"đơn vị «{unit_text}» ứng với nhiều đơn vị trong danh mục: {options} — ghi mã vào cột "
                   "«Mã đơn vị» để chọn; tạm ghi unit_text" if found.ambiguous else
                   f"đơn vị «{unit_text}» không có trong danh mục — có phải {options}? Nếu đúng, sửa tên trong tệp "
                   "rồi nhập lại; tạm ghi unit_text")
        state.unit_notes.setdefault(unit_text, (message, []))[1].append(cell)


def _category(text: str) -> str | None:
    """The statistical category a cell names, or None."""
    if not text:
        return None
    folded = fold(text)
    for category, words in CATEGORY_WORDS.items():
        if any(w in folded for w in words):
            return category
    return None


# --- notices --------------------------------------------------------------------------------------


def _letters_of(cols: list[int]) -> str:
    return ", ".join(column_letter(c) for c in cols)


def _column_notices(sheet: str, header: Header, result: ImportResult) -> None:
    """One notice per dropped personal-data column, unknown column and duplicate column, left to right."""
    notes: list[tuple[int, str]] = []
    for label, cols in header.dropped:
        notes.append((cols[0], f"đã bỏ cột «{label}» ({_letters_of(cols)}): dữ liệu cá nhân không được công bố"))
    for label, cols in header.unknown:
        notes.append((cols[0], f"không dùng cột «{label}» ({_letters_of(cols)}) — nếu cần nhập cột này, thêm "
                               f"--map \"{label}=<trường>\" (trường: {', '.join(MAP_FIELDS)})"))
    for label, cols, taken in header.duplicate:
        notes.append((cols[0], f"không dùng cột «{label}» ({_letters_of(cols)}): trường {header.columns[taken]} "
                               f"đã lấy từ cột «{header.labels[taken]}» ({column_letter(taken)})"))
    result.notices += [ImportNotice(sheet, message) for _, message in sorted(notes, key=lambda n: n[0])]


def _row_notices(sheet: str, header: Header, state: _RowState, result: ImportResult) -> None:
    """Notices about names changed or kept and units that nearly match, each listing its cells."""
    if state.honorific_cells:
        result.notices.append(ImportNotice(sheet, f"đã bỏ danh xưng trước họ tên ({', '.join(state.honorifics)})",
                                           state.honorific_cells))
    if state.gender_cells:
        result.notices.append(ImportNotice(sheet, "giới tính lấy từ danh xưng «Ông»/«Bà» (bảng không có cột Giới tính)"
                                           " — kiểm tra lại", state.gender_cells))
    if state.recased:
        _, before, after = state.recased[0]
        result.notices.append(ImportNotice(sheet, "đã đổi họ tên viết hoa toàn bộ sang chữ hoa đầu mỗi tiếng, "
                                           f"ví dụ «{before}» → «{after}» — kiểm tra lại",
                                           [cell for cell, _, _ in state.recased]))
    if state.caps_kept:
        result.notices.append(ImportNotice(sheet, "giữ nguyên tên tập thể, hộ gia đình viết hoa toàn bộ (có thể có chữ "
                                           "viết tắt) — sửa trong tệp nếu muốn viết thường", state.caps_kept))
    if state.split:
        _, text, position, unit = state.split[0]
        result.notices.append(ImportNotice(sheet, f"đã tách chức vụ và đơn vị, ví dụ «{text}» → chức vụ «{position}», "
                                           f"đơn vị «{unit}» — kiểm tra lại", [cell for cell, *_ in state.split]))
    if state.unsplit:
        result.notices.append(ImportNotice(sheet, "không thấy tên đơn vị trong ô chức vụ, đơn vị — cả ô được ghi vào "
                                           "chức vụ (position); nếu ô có đơn vị, ghi đơn vị vào cột riêng «Đơn vị» rồi "
                                           "nhập lại", state.unsplit))
    for message, cells in state.unit_notes.values():
        result.notices.append(ImportNotice(sheet, message, cells))


def _trailing_notice(sheet: str, rows: list[list[str]], end: int, why: str, header: Header,
                     result: ImportResult) -> None:
    """One notice for the rows after the end of the table (signature block, totals …), if any has text."""
    rest = [i for i in range(end, len(rows)) if not _is_blank(rows[i], header)]
    if not rest:
        return
    signature = why == "signature" or any(_trailer(rows[i], header) == "signature" for i in rest)
    reasons = (["dòng tổng cộng"] if why == "total" else []) + (["khối chữ ký"] if signature else [])
    if reasons:
        message = f"bỏ qua {len(rest)} dòng sau bảng ({', '.join(reasons)}), từ dòng {rest[0] + 1}"
    else:
        message = (f"bỏ qua {len(rest)} dòng sau bảng (sau 2 dòng trống liền nhau), từ dòng {rest[0] + 1} — nếu đó "
                   "vẫn là danh sách, xóa các dòng trống rồi nhập lại")
    result.notices.append(ImportNotice(sheet, message))


# --- writing --------------------------------------------------------------------------------------


def _yaml_value(key: str, value) -> str:
    """A recipient field's value as YAML text (may span lines for nested values)."""
    import yaml

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        plain = key in ("kind", "unit", "category", "gender", "profile", "id") and re.fullmatch(r"[a-z0-9_-]+", value)
        return value if plain and value not in ("yes", "no", "on", "off", "null", "true", "false") else q(value)
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=False, sort_keys=False, width=10**6)
    return "\n" + "\n".join("      " + line for line in dumped.rstrip("\n").splitlines())


def recipients_yaml(recipients: list[dict], guessed: set[int]) -> str:
    """The ``recipients:`` block of a decision file; keys in schema order, then any others kept from the file."""
    lines = ["recipients:"]
    for index, r in enumerate(recipients):
        keys = ["kind"] + (["id"] if "id" in r else []) + [k for k in FIELDS[1:] if k in r]
        keys += [k for k in r if k not in keys]
        for position, key in enumerate(keys):
            if key not in r:
                continue
            note = "  # đoán từ chức vụ — kiểm tra lại" if key == "category" and index in guessed else ""
            lead = "  - " if position == 0 else "    "
            value = _yaml_value(key, r[key])
            lines.append(f"{lead}{key}:{value}" if value.startswith("\n") else f"{lead}{key}: {value}{note}")
    return "\n".join(lines) + "\n"


def to_yaml(result: ImportResult) -> str:
    """The imported recipients as the ``recipients:`` block of a decision file."""
    return recipients_yaml(result.recipients, result.guessed)


class DecisionFileError(UserError):
    """A decision file the import cannot merge into (a coded ``UserError`` at the file)."""


@dataclass
class MergeReport:
    """What a (re-)import changed in a decision's recipients."""

    fresh: bool = True  # the file had no recipients (or only the placeholders of a new file)
    added: list[tuple[str, int]] = field(default_factory=list)  # name, sheet row
    removed: list[str] = field(default_factory=list)
    changed: list[tuple[str, list[str]]] = field(default_factory=list)  # name, "field: old → new"
    unchanged: int = 0
    kept_fields: list[str] = field(default_factory=list)  # fields kept from the file that the sheet has no column for
    recipients: list[dict] = field(default_factory=list)
    guessed: set[int] = field(default_factory=set)
    cash_filled: list[tuple[str, int]] = field(default_factory=list)  # kind label, amount: legal cash suggested
    cash_rule: str = ""  # how the suggested amounts were computed
    cash_written: bool = False  # the suggestion was written into the rows (asked for with --legal-cash)

    def cash_lines(self) -> list[str]:
        """The legal cash amount of the rows without one, said once per recipient kind: a hint (the record holds
        what the decision states, domain.md §7), or what was written when asked for (``--legal-cash``)."""
        if not self.cash_filled:
            return []
        counts: dict[tuple[str, int], int] = {}
        for kind, amount in self.cash_filled:
            counts[(kind, amount)] = counts.get((kind, amount), 0) + 1
        each = "; ".join(f"{n} {kind} × {amount:,} đ".replace(",", ".") for (kind, amount), n in counts.items())
        if self.cash_written:
            return [f"Đã điền tiền thưởng theo quy định (--legal-cash) vào {len(self.cash_filled)} dòng không ghi tiền "
                    f"thưởng ({each}); {self.cash_rule}. Nếu quyết định ghi số khác, sửa cash_vnd theo quyết định."]
        return [f"Gợi ý: {len(self.cash_filled)} dòng không ghi tiền thưởng; theo quy định là {each}; {self.cash_rule}. "
                "Chưa ghi vào tệp — tệp chỉ ghi số tiền quyết định nêu; nếu quyết định ghi đúng các số này, nhập lại "
                "với --legal-cash."]

    def lines(self, sheet: str) -> list[str]:
        """The report as printed: a summary line, then one line per added, removed or changed recipient."""
        if self.fresh:
            return []
        out = [f"{len(self.added)} thêm, {len(self.removed)} bỏ, {len(self.changed)} sửa, {self.unchanged} giữ nguyên."]
        out += [f"  + thêm «{name}» ({sheet}, dòng {row})" for name, row in self.added]
        out += [f"  − bỏ «{name}»: không còn trong bảng" for name in self.removed]
        out += [f"  ~ sửa «{name}»: {'; '.join(changes)}" for name, changes in self.changed]
        if self.kept_fields:
            out.append(f"Giữ các trường ghi trong tệp quyết định mà bảng không có cột: {', '.join(self.kept_fields)}.")
        return out


def _fill_legal_cash(report: MergeReport, text: str, records, write: bool) -> None:
    """The legal amount (multiple × base salary on the signing date, rounded up) of each row where none is given:
    listed in the report, and written into the row only when ``write``."""
    import datetime as dt

    import yaml

    from generator.records import law
    from generator.records.models import RecipientKind

    try:
        head = yaml.safe_load(text)
    except yaml.YAMLError:
        return
    if not isinstance(head, dict) or not isinstance(head.get("date"), dt.date):
        return
    form = records.award_forms.get(str(head.get("award_form", "")))
    if form is None:
        return
    labels = {"individual": "cá nhân", "collective": "tập thể", "household": "hộ gia đình"}
    for recipient in report.recipients:
        if recipient.get("cash_vnd") is not None or recipient.get("kind") not in labels:
            continue
        cash = law.legal_cash(records, form.model, RecipientKind(recipient["kind"]), head["date"])
        if cash is None:
            continue
        if write:
            recipient["cash_vnd"] = cash.amount
        report.cash_written = write
        report.cash_filled.append((labels[recipient["kind"]], cash.amount))
        base = f"{cash.base:,}".replace(",", ".")
        report.cash_rule = (f"mức lương cơ sở {base} đ ngày {head['date']:%d/%m/%Y} ({cash.base_source}) "
                            f"nhân hệ số ({cash.rule_source}), làm tròn lên hàng chục nghìn đồng")


def _block_span(text: str) -> tuple[int, int] | None:
    """(start, end) of the ``recipients:`` block: from its key to the next top-level key, leaving out the
    comment and blank lines just before that key (or at the end of the file)."""
    start = re.search(r"^recipients\s*:", text, re.MULTILINE)
    if not start:
        return None
    following = re.compile(r"^[^\s#\-]|^---|^\.\.\.", re.MULTILINE)
    nxt = following.search(text, text.find("\n", start.start()) + 1 if "\n" in text[start.start():] else len(text))
    end = nxt.start() if nxt else len(text)
    lines = text[start.start():end].splitlines(keepends=True)
    while len(lines) > 1 and (not lines[-1].strip() or lines[-1].startswith("#")):
        lines.pop()
    return start.start(), start.start() + sum(len(line) for line in lines)


def _is_placeholder(recipient: dict) -> bool:
    """A recipient left as written by ``new decision`` (its name is still «…»)."""
    return "…" in str(recipient.get("name", ""))


def _existing_recipients(path: Path, text: str) -> list[dict]:
    """The recipients already in the decision file (placeholders left out); ``DecisionFileError`` if unreadable."""
    import yaml

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise DecisionFileError("decision_yaml_error", path, 0 if line is None else line + 1) from None
    if doc is None:
        return []
    if not isinstance(doc, dict):
        raise DecisionFileError("decision_not_mapping", path)
    existing = doc.get("recipients") or []
    if not isinstance(existing, list) or not all(isinstance(r, dict) for r in existing):
        raise DecisionFileError("decision_recipients_not_list", path)
    return [r for r in existing if not _is_placeholder(r)]


def _unit_of(recipient: dict) -> str:
    return str(recipient.get("unit") or fold(str(recipient.get("unit_text") or "")))


def _pair(existing: list[dict], new: list[dict]) -> list[int | None]:
    """For each new recipient, the index of the existing one it is (folded name; + unit when names repeat)."""
    taken: set[int] = set()
    pairs: list[int | None] = []
    new_counts: dict[str, int] = {}
    for r in new:
        new_counts[fold(r["name"])] = new_counts.get(fold(r["name"]), 0) + 1
    for r in new:
        name = fold(r["name"])
        same = [i for i, old in enumerate(existing) if i not in taken and fold(str(old.get("name", ""))) == name]
        all_same = [i for i, old in enumerate(existing) if fold(str(old.get("name", ""))) == name]
        if len(all_same) == 1 and new_counts[name] == 1:
            match = same[0] if same else None
        else:
            match = next((i for i in same if _unit_of(existing[i]) == _unit_of(r)), None)
        if match is not None:
            taken.add(match)
        pairs.append(match)
    return pairs


def _show(value) -> str:
    if value is None:
        return "(trống)"
    return f"«{value}»" if isinstance(value, str) else str(value)


def merge_recipients(existing: list[dict], result: ImportResult) -> MergeReport:
    """The sheet's recipients, each merged with the recipient already in the file that it names.

    The sheet is the list of record: its order, its people; people missing from it are removed (and listed).
    A field the sheet has a column for takes the sheet's value; a field it has no column for (profile, id,
    withdrawn, enterprise, a gender or category set by hand …) is kept; a value the importer guessed
    (category from the position, gender from Ông/Bà, kind) only fills a gap.
    """
    report = MergeReport(fresh=not existing)
    pairs = _pair(existing, result.recipients)
    kept: set[str] = set()
    for index, (new, match) in enumerate(zip(result.recipients, pairs)):
        soft = result.soft[index] if index < len(result.soft) else set()
        if match is None:
            report.recipients.append(dict(new))
            if index in result.guessed:
                report.guessed.add(index)
            report.added.append((new["name"], result.rows[index] if index < len(result.rows) else 0))
            continue
        old = existing[match]
        merged: dict = {}
        for key in FIELDS:
            if key == "name" or (key in result.sheet_fields and key not in soft):
                value = new.get(key)
            elif key in soft and key in new:
                value = old.get(key, new[key])
                if key in old and old[key] != new[key]:
                    kept.add(key)
            else:
                value = old.get(key)
                if key in old:
                    kept.add(key)
            if value is not None:
                merged[key] = value
        merged.update({k: v for k, v in old.items() if k not in FIELDS})
        kept.update(k for k in old if k not in FIELDS)
        if index in result.guessed and "category" not in old:
            report.guessed.add(index)
        changes = [f"{FIELD_LABELS.get(k, k)} ({k}): {_show(old.get(k))} → {_show(merged.get(k))}"
                   for k in list(FIELDS) + [k for k in old if k not in FIELDS] if old.get(k) != merged.get(k)]
        if changes:
            report.changed.append((new["name"], changes))
        else:
            report.unchanged += 1
        report.recipients.append(merged)
    report.removed = [str(old.get("name", "")) for i, old in enumerate(existing) if i not in set(pairs)]
    report.kept_fields = sorted(kept)
    if report.fresh:
        report.guessed = set(result.guessed)
    return report


def check_decision_target(decision: Path, data_dir: Path) -> None:
    """Refuse (``DecisionFileError``) to write ``--decision`` unless it is a regular file of its own (no symbolic
    or hard link) inside ``data_dir``: the import must not write through a link to a file elsewhere."""
    try:
        info = os.lstat(decision)
        inside = Path(os.path.realpath(decision)).is_relative_to(Path(os.path.realpath(data_dir)))
    except OSError as exc:
        raise DecisionFileError("decision_unreadable", decision, error=exc.strerror or exc) from None
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISREG(info.st_mode) or info.st_nlink > 1:
        raise DecisionFileError("decision_not_regular", decision)
    if not inside:
        raise DecisionFileError("decision_outside_data", decision, data=data_dir)


def write_into_decision(decision: Path, result: ImportResult, legal_cash=None, write_cash: bool = False) -> MergeReport:
    """Merge the imported recipients into the decision file's ``recipients:`` block and write it.

    With ``legal_cash`` (the merged registries, ``records.entries.Records``), the legal amount for the decision's
    date and award form (``records.law``) of each recipient with no cash amount is listed in the report as a
    hint, and written into the row only with ``write_cash`` (``--legal-cash``).

    Everything outside the block is kept byte for byte (line endings included); comments inside the block
    are not kept. Raises ``DecisionFileError`` (nothing written) when the file cannot be read.
    """
    try:
        raw = decision.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise DecisionFileError("decision_unreadable", decision, error=exc.strerror or exc) from None
    except UnicodeDecodeError:
        raise DecisionFileError("decision_not_utf8", decision) from None
    report = merge_recipients(_existing_recipients(decision, text), result)
    if legal_cash is not None:
        _fill_legal_cash(report, text, legal_cash, write_cash)
    block = recipients_yaml(report.recipients, report.guessed)
    newline = "\r\n" if "\r\n" in text else "\n"
    block = block.replace("\n", newline)
    span = _block_span(text)
    if span:
        head, tail = text[:span[0]], text[span[1]:]
    else:
        head, tail = (text if text.endswith(("\n", "\r")) or not text else text + newline), ""
    out = (head + block + tail).encode("utf-8")
    if len(out) > MAX_FILE_BYTES:
        raise DecisionFileError("decision_too_large", decision, size=f"{len(out) / 1048576:.0f}",
                                limit=MAX_FILE_BYTES // 1048576)
    tmp = decision.with_name(f".{decision.name}.import-{os.getpid()}")
    try:  # whole or not at all, and never through a link put in its place meanwhile
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), stat.S_IMODE(os.stat(decision).st_mode))  # the file's own permissions kept
            handle.write(out)
        os.replace(tmp, decision)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DecisionFileError("decision_write_failed", decision, error=exc.strerror or exc) from None
    return report
