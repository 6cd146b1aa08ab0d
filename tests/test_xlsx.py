"""The hand-written Excel workbook (generator/site/xlsx.py): read back by openpyxl, cell by cell, and checked as an
Office Open XML package."""

from __future__ import annotations

import io
import posixpath
import zipfile
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from generator.engine.writer import HashingStream
from generator.site import xlsx

HEADER = ["Họ và tên", "Năm", "Tiền thưởng (đồng)", "Ghi chú"]
ROWS = [
    ["Nguyễn Thị Ánh Tuyết", 2024, 1_170_000, "=SUM(A1)"],  # a formula's text stays text
    ["Trường THCS Tân Phú & <Hội> \"Khuyến học\"", 2025, None, "+84 912 345 678"],
    ["Bell\x07 and\x1b escape\x00", 2025, 2.5, "  lề hai bên  "],
    ["Phòng Giáo dục", 2026, -3, "dòng 1\ndòng 2"],
    ["", 0, True, "@mention"],
]
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def workbook(rows=ROWS, title="Người, tập thể được khen", header=HEADER) -> bytes:
    out = io.BytesIO()
    xlsx.write_xlsx(out, [xlsx.Sheet(title, header, lambda: iter(rows)),
                          xlsx.Sheet("Quyết định", ["Số"], lambda: iter([["12/QĐ-UBND"]]))])
    return out.getvalue()


def test_values_and_types_read_back_as_written():
    book = load_workbook(io.BytesIO(workbook()))
    sheet = book.worksheets[0]
    cells = [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]
    assert [v for v, _ in cells[0]] == HEADER
    assert cells[1] == [("Nguyễn Thị Ánh Tuyết", "s"), (2024, "n"), (1_170_000, "n"), ("=SUM(A1)", "s")]
    assert [v for v, _ in cells[2]] == ["Trường THCS Tân Phú & <Hội> \"Khuyến học\"", 2025, None, "+84 912 345 678"]
    # control characters XML cannot hold are dropped; white space at the ends and inside is kept
    assert cells[3] == [("Bell and escape", "s"), (2025, "n"), (2.5, "n"), ("  lề hai bên  ", "s")]
    assert cells[4] == [("Phòng Giáo dục", "s"), (2026, "n"), (-3, "n"), ("dòng 1\ndòng 2", "s")]
    assert cells[5] == [(None, "n"), (0, "n"), (True, "b"), ("@mention", "s")]
    assert book.sheetnames == ["Người, tập thể được khen", "Quyết định"]
    assert [[c.value for c in row] for row in book.worksheets[1].iter_rows()] == [["Số"], ["12/QĐ-UBND"]]
    assert book.properties.modified.year == 2000 and book.properties.created.year == 2000


def test_header_is_bold_and_frozen_and_columns_fit_their_values():
    book = load_workbook(io.BytesIO(workbook()))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1]) and not any(cell.font.b for row in sheet.iter_rows(min_row=2)
                                                                   for cell in row)
    widths = {key: dim.width for key, dim in book.worksheets[0].column_dimensions.items()}
    assert widths["A"] == len("Trường THCS Tân Phú & <Hội> \"Khuyến học\"") + 2  # the longest value
    assert widths["B"] == xlsx.WIDTH_LIMITS[0]  # «2024», «Năm»: the narrowest column
    assert widths["C"] == xlsx.HEADER_WIDTH + 2  # a long header widens its column only so far


def test_read_only_readers_get_full_rows_from_the_stated_extent():
    sheet = load_workbook(io.BytesIO(workbook()), read_only=True).worksheets[0]
    assert (sheet.max_row, sheet.max_column) == (len(ROWS) + 1, len(HEADER))
    assert all(len(row) == len(HEADER) for row in sheet.iter_rows(values_only=True))


def test_the_same_rows_give_the_same_bytes_on_any_stream_and_spool():
    first = workbook()
    assert workbook() == first
    hashed = io.BytesIO()
    xlsx.write_xlsx(HashingStream(hashed), [xlsx.Sheet("Người, tập thể được khen", HEADER, lambda: iter(ROWS)),
                                            xlsx.Sheet("Quyết định", ["Số"], lambda: iter([["12/QĐ-UBND"]]))])
    assert hashed.getvalue() == first  # a stream that cannot seek gets the same zip
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert {info.date_time for info in package.infolist()} == {xlsx.FIXED_ZIP_TIME}


def test_many_rows_stream_through_a_spool_on_disk_to_the_same_bytes(monkeypatch):
    rows = [[f"Người thứ {n}", n, n * 1000, "Hoàn thành xuất sắc nhiệm vụ"] for n in range(3 * xlsx.CHUNK_ROWS + 7)]
    in_memory = workbook(rows)
    monkeypatch.setattr(xlsx, "SPOOL_BYTES", 1024)
    assert workbook(rows) == in_memory
    sheet = load_workbook(io.BytesIO(in_memory), read_only=True).worksheets[0]
    assert [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)] == rows


def test_a_sheet_without_rows_has_its_header():
    sheet = load_workbook(io.BytesIO(workbook([])), read_only=True).worksheets[0]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [HEADER]


def test_sheet_names_are_cut_to_31_characters_and_cleaned_for_excel():
    long = "Danh sách [2024]: khen thưởng & kỷ luật / tổng hợp"
    book = load_workbook(io.BytesIO(workbook(title=long)), read_only=True)
    assert book.sheetnames[0] == "Danh sách  2024   khen thưởng &"
    assert len(book.sheetnames[0]) == xlsx.MAX_TITLE
    assert load_workbook(io.BytesIO(workbook(title="'?'")), read_only=True).sheetnames[0] == "Sheet1"


def test_the_package_names_a_type_for_every_part_and_every_relationship_finds_its_part():
    with zipfile.ZipFile(io.BytesIO(workbook())) as package:
        names = package.namelist()
        parts = {name: package.read(name) for name in names}
    assert names[0] == "[Content_Types].xml" and len(set(names)) == len(names)
    trees = {name: ElementTree.fromstring(data) for name, data in parts.items()}  # every part is well-formed XML
    types = trees["[Content_Types].xml"]
    overrides = {e.get("PartName"): e.get("ContentType") for e in types.iter(TYPES + "Override")}
    defaults = {e.get("Extension"): e.get("ContentType") for e in types.iter(TYPES + "Default")}
    assert set(overrides) <= {"/" + name for name in names}
    for name in names[1:]:  # each part by its own name (its content type), else by its extension
        assert "/" + name in overrides or name.endswith(".rels") and defaults["rels"].endswith("relationships+xml")
    assert sum(t.endswith("worksheet+xml") for t in overrides.values()) == 2
    for name in (n for n in names if n.endswith(".rels")):
        source_dir = posixpath.dirname(posixpath.dirname(name))
        for rel in trees[name].iter(RELS):
            assert posixpath.normpath(posixpath.join(source_dir, rel.get("Target"))) in parts, (name, rel.get("Target"))


@pytest.mark.parametrize("value, shown", [
    ("Hội & <Đoàn>", "Hội &amp; &lt;Đoàn&gt;"),
    ("_x000D_", "_x005F_x000D_"),  # Excel would read _x000D_ as a carriage return; _x005F_ is its «_»
])
def test_text_is_escaped_in_the_sheet_xml(value, shown):
    with zipfile.ZipFile(io.BytesIO(workbook([[value, 1, 2, None]]))) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert f'<c r="A2" t="inlineStr"><is><t>{shown}</t></is></c>' in sheet
    assert "<f>" not in sheet and 't="str"' not in sheet and 'r="D2"' not in sheet  # no formula; None: no cell


def test_a_text_longer_than_a_cell_holds_is_cut_to_excels_limit():
    long, astral = "Thành tích " * 4000, "🏅" * 20_000  # 44,000 characters; 40,000 UTF-16 units
    sheet = load_workbook(io.BytesIO(workbook([[long, 1, 2, astral], ["ngắn", 1, 2, long]])), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == long[:xlsx.MAX_CELL] and rows[1][3] == long[:xlsx.MAX_CELL]
    assert rows[0][3] == astral[:xlsx.MAX_CELL // 2] and rows[1][0] == "ngắn"
