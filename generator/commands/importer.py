"""``import``: a recipient list from a spreadsheet (.xlsx) or CSV → the ``recipients`` of a decision.

Reads the layouts offices actually use — STT, Họ và tên, Chức vụ, Đơn vị, Thành tích … — finding the
header row, accepting headers with or without diacritics, filling merged cells (a unit written once
for a group of rows), and taking ``--map "Tên cột=field"`` for unusual headers. Every row it cannot
read is reported by sheet, row and column. The CSV a decision page offers re-imports to the same list.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.records.yaml_write import q
from generator.text import fold, nfc

FIELDS = ("kind", "name", "position", "unit", "unit_text", "category", "gender", "achievement", "cash_vnd", "profile")

# folded header → field (our own export's English column names included, for round trips)
HEADER_ALIASES = {
    "ho va ten": "name", "ho ten": "name", "ten": "name", "ten tap the": "name", "ho va ten ten tap the": "name",
    "ca nhan tap the": "name", "name": "name",
    "chuc vu": "position", "chuc danh": "position", "chuc vu chuc danh": "position", "position": "position",
    "don vi": "unit_text", "don vi cong tac": "unit_text", "co quan don vi": "unit_text", "noi cong tac": "unit_text",
    "co quan": "unit_text", "unit": "unit_text", "unit id": "unit", "ma don vi": "unit",
    "thanh tich": "achievement", "thanh tich dat duoc": "achievement", "ly do": "achievement",
    "achievement": "achievement", "doi tuong": "category", "category": "category", "gioi tinh": "gender",
    "gender": "gender", "tien thuong": "cash_vnd", "so tien": "cash_vnd", "tien thuong dong": "cash_vnd",
    "cash vnd": "cash_vnd", "loai": "kind", "loai doi tuong": "kind", "kind": "kind", "profile": "profile",
    "ho so": "profile",
}
IGNORED = {"stt", "so tt", "tt", "number", "decision id", "decision number", "date", "year", "recipient id", "url",
           "award form id", "authority id", "revoked", "withdrawn note", "enterprise", "ghi chu"}
KINDS = {"ca nhan": "individual", "individual": "individual", "tap the": "collective", "collective": "collective",
         "ho gia dinh": "household", "household": "household"}
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
COLLECTIVE_WORDS = re.compile(r"^(truong|phong|cong ty|uy ban|hop tac xa|tram|benh vien|khoa|to|ap|thon|doi|ban|"
                              r"chi cuc|trung tam|so|hoi|don|cong an|xi nghiep)\b")


@dataclass
class ImportProblem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.column}{self.row}" if self.column else f"{self.sheet}, dòng {self.row}"
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    recipients: list[dict] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    guessed: set[int] = field(default_factory=set)  # indexes whose category was guessed


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _clean(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(re.sub(r"\s+", " ", str(value))).strip()


def read_rows(path: Path, sheet: str | None = None) -> tuple[str, list[list[str]]]:
    """(sheet name, rows of cleaned cell text) with merged cells filled from their top-left cell."""
    if path.suffix.lower() == ".csv":
        text = path.read_bytes().decode("utf-8-sig")
        return path.name, [[_clean(c) for c in row] for row in csv.reader(io.StringIO(text))]
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    ws = book[sheet] if sheet else book.worksheets[0]
    grid = [[_clean(c) for c in row] for row in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row - 1 < len(grid) else ""
        for r in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            for c in range(merged.min_col - 1, merged.max_col):
                if c < len(grid[r]):
                    grid[r][c] = value
    return ws.title, grid


def _header_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()


def find_header(rows: list[list[str]], mapping: dict[str, str]) -> tuple[int, dict[int, str]] | None:
    """The first row (of the first 20) naming a name column and at least one other known column."""
    for index, row in enumerate(rows[:20]):
        columns = {}
        for col, cell in enumerate(row):
            key = _header_key(cell)
            target = mapping.get(key) or HEADER_ALIASES.get(key)
            if target and target not in columns.values():
                columns[col] = target
        if "name" in columns.values() and len(columns) >= 2:
            return index, columns
    return None


def import_rows(sheet: str, rows: list[list[str]], mapping: dict[str, str] | None = None,
                default_category: str = "direct_worker", unit_ids: dict[str, str] | None = None) -> ImportResult:
    """Turn spreadsheet rows into recipient dicts (keys of the decision schema)."""
    mapping = {_header_key(k): v for k, v in (mapping or {}).items()}
    result = ImportResult()
    found = find_header(rows, mapping)
    if found is None:
        result.problems.append(ImportProblem(sheet, 1, "", "không tìm thấy dòng tiêu đề có cột «Họ và tên» — "
                                             "dùng --map \"Tên cột=name\" để chỉ cột"))
        return result
    header_row, columns = found
    name_col = next(c for c, t in columns.items() if t == "name")
    first = header_row + 1
    while first < len(rows) and name_col < len(rows[first]) and rows[first][name_col] == rows[header_row][name_col]:
        first += 1  # a header on two rows (merged cells): its second row is not a person
    unit_ids = unit_ids or {}
    section_kind = None
    for r_index in range(first, len(rows)):
        row = rows[r_index]
        values = {target: (row[col] if col < len(row) else "") for col, target in columns.items()}
        filled = {v for v in row if v}
        if not filled:
            continue
        merged_heading = len(filled) == 1 and sum(1 for v in row if v) > 1  # one text across merged cells
        if merged_heading or _is_section(row):
            # a heading merged across the row ("I. TẬP THỂ", "II. CÁ NHÂN") sets the kind of what follows
            section_kind = next((k for word, k in KINDS.items() if word in fold(next(iter(filled)))), section_kind)
            continue
        if section_kind and not values.get("kind"):
            values["kind"] = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}[section_kind]
        excel_row = r_index + 1
        if not values.get("name"):
            result.problems.append(ImportProblem(sheet, excel_row, _letter_of(columns, "name"),
                                                 "thiếu họ tên — điền họ tên hoặc xóa dòng"))
            continue
        recipient = _recipient(values, default_category, unit_ids, sheet, excel_row, columns, result)
        if recipient:
            result.recipients.append(recipient)
    return result


def _is_section(row: list[str]) -> bool:
    """A heading row such as "I. TẬP THỂ": one cell of text, starting with a Roman numeral or a letter."""
    cells = [v for v in row if v]
    return len(cells) == 1 and bool(re.match(r"^([IVX]+|[A-Z])[.)]\s", cells[0]))


def unit_lookup(data_dir: Path) -> dict[str, str]:
    """Folded unit name → id, from the unit registry, so listed units link to their pages."""
    import yaml

    path = data_dir / "registries" / "units.yaml"
    try:
        items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError):
        return {}
    return {fold(str(u["name"])): str(u["id"]) for u in items if isinstance(u, dict) and "id" in u and "name" in u}


def _letter_of(columns: dict[int, str], target: str) -> str:
    return next((_column_letter(c) for c, t in columns.items() if t == target), "")


def _recipient(values: dict[str, str], default_category: str, unit_ids: dict[str, str], sheet: str, row: int,
               columns: dict[int, str], result: ImportResult) -> dict | None:
    name = values["name"]
    folded_name = fold(name)
    kind = KINDS.get(fold(values.get("kind", "")))
    if values.get("kind") and kind is None:
        result.problems.append(ImportProblem(sheet, row, _letter_of(columns, "kind"),
                                             f"không hiểu loại đối tượng «{values['kind']}» — ghi Cá nhân, Tập thể hoặc Hộ gia đình"))
        return None
    if kind is None:
        kind = ("household" if folded_name.startswith("ho ")
                else "collective" if COLLECTIVE_WORDS.match(folded_name) and not values.get("position")
                else "individual")
    recipient: dict = {"kind": kind, "name": name}
    if values.get("position"):
        recipient["position"] = values["position"]
    unit_name = values.get("unit_text", "")
    unit_id = values.get("unit") or unit_ids.get(fold(unit_name))
    if unit_id:
        recipient["unit"] = unit_id
    elif unit_name:
        recipient["unit_text"] = unit_name
    if kind == "individual":
        category = _category(values.get("category", ""))
        if values.get("category") and category is None:
            result.problems.append(ImportProblem(sheet, row, _letter_of(columns, "category"),
                                                 f"không hiểu đối tượng «{values['category']}»"))
            return None
        if category is None:
            category = next((c for pattern, c in POSITION_GUESSES if pattern.search(fold(values.get("position", "")))),
                            default_category)
            result.guessed.add(len(result.recipients))
        recipient["category"] = category
        gender = values.get("gender")
        if gender:
            if fold(gender) not in GENDERS:
                result.problems.append(ImportProblem(sheet, row, _letter_of(columns, "gender"),
                                                     f"không hiểu giới tính «{gender}» — ghi Nam hoặc Nữ"))
                return None
            recipient["gender"] = GENDERS[fold(gender)]
    if values.get("achievement"):
        recipient["achievement"] = values["achievement"]
    cash = values.get("cash_vnd", "")
    if cash:
        digits = re.sub(r"[.\s,]|đ$|d$|dong$", "", fold(cash))
        if not digits.isdigit():
            result.problems.append(ImportProblem(sheet, row, _letter_of(columns, "cash_vnd"),
                                                 f"tiền thưởng «{cash}» không phải số — ghi số nguyên, ví dụ 1170000"))
            return None
        recipient["cash_vnd"] = int(digits)
    if values.get("profile"):
        recipient["profile"] = values["profile"]
    return recipient


def _category(text: str) -> str | None:
    if not text:
        return None
    folded = fold(text)
    for category, words in CATEGORY_WORDS.items():
        if any(w in folded for w in words):
            return category
    return None


def to_yaml(result: ImportResult) -> str:
    """The recipients as the ``recipients:`` block of a decision file."""
    lines = ["recipients:"]
    for index, r in enumerate(result.recipients):
        lines.append(f"  - kind: {r['kind']}")
        for key in FIELDS[1:]:
            if key not in r:
                continue
            value = r[key]
            text = str(value) if key in ("unit", "category", "gender", "cash_vnd", "profile") else q(value)
            note = "  # đoán từ chức vụ — kiểm tra lại" if key == "category" and index in result.guessed else ""
            lines.append(f"    {key}: {text}{note}")
    return "\n".join(lines) + "\n"


def write_into_decision(decision: Path, result: ImportResult) -> None:
    """Replace the ``recipients:`` block of a decision file (everything from it to the end)."""
    text = decision.read_text(encoding="utf-8")
    match = re.search(r"^recipients:.*\Z", text, re.S | re.M)
    head = text[: match.start()] if match else text.rstrip("\n") + "\n"
    decision.write_text(head + to_yaml(result), encoding="utf-8")
