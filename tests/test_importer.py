"""Recipient lists from spreadsheets: the layouts offices use, and every unreadable row reported.

The command line runs with the project root as working directory, so that ``python -m generator``
imports this checkout rather than an installed copy.
"""

import os
import re
import stat
import subprocess
import sys
import unicodedata

import openpyxl
import pytest
from conftest import FIXTURES, ROOT, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.catalog.gate import Publication
from generator.commands import importer
from generator.site.render import SiteOptions, render_site


def workbook(tmp_path, rows, merges=(), name="ds.xlsx", title="Danh sách"):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    path = tmp_path / name
    book.save(path)
    return path


def test_office_layout_with_title_rows_sections_merged_cells_and_nfd(tmp_path):
    path = workbook(tmp_path, [
        ["ỦY BAN NHÂN DÂN TỈNH HÒA AN"], ["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"], [],
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích", "Tiền thưởng"],
        ["I. TẬP THỂ"],
        [1, "Trường THCS Tân Phú", None, "Trường THCS Tân Phú", "Hoàn thành xuất sắc nhiệm vụ", "2.340.000"],
        [],
        ["II. CÁ NHÂN"],
        [1, "  Nguyễn   Văn An ", "Giáo viên", "Trường THCS Tân Phú", "Dạy giỏi", 1170000],
        [2, unicodedata.normalize("NFD", "Trần Thị Bình"), "Phó Hiệu trưởng", None, "Quản lý giỏi", "1.170.000 đ"],
    ], merges=["A1:F1", "A2:F2", "A5:F5", "A8:F8", "D9:D10"])
    sheet, rows = importer.read_rows(path)
    result = importer.import_rows(sheet, rows, units=importer.unit_lookup(ROOT / "data"))
    assert result.problems == []
    assert result.recipients == [
        {"kind": "collective", "name": "Trường THCS Tân Phú", "unit": "truong-thcs-tan-phu",
         "achievement": "Hoàn thành xuất sắc nhiệm vụ", "cash_vnd": 2340000},
        {"kind": "individual", "name": "Nguyễn Văn An", "position": "Giáo viên", "unit": "truong-thcs-tan-phu",
         "category": "direct_worker", "achievement": "Dạy giỏi", "cash_vnd": 1170000},
        {"kind": "individual", "name": "Trần Thị Bình", "position": "Phó Hiệu trưởng", "unit": "truong-thcs-tan-phu",
         "category": "leader_other", "achievement": "Quản lý giỏi", "cash_vnd": 1170000},
    ]
    assert result.recipients[2]["name"] == unicodedata.normalize("NFC", "Trần Thị Bình")


def test_headers_without_diacritics_and_merged_header_cells(tmp_path):
    path = workbook(tmp_path, [["HO VA TEN", "CHUC VU", "DON VI CONG TAC", None], [None, None, "Tên", "Mã"],
                               ["Le Van C", "Nong dan", "Ap Con Moi", None]], merges=["A1:A2", "B1:B2", "C1:D1"])
    sheet, rows = importer.read_rows(path)
    result = importer.import_rows(sheet, rows)
    assert result.problems == []
    assert result.recipients[0]["name"] == "Le Van C" and result.recipients[0]["unit_text"] == "Ap Con Moi"


def test_a_combined_position_and_unit_column_is_split_and_the_unit_matched(tmp_path):
    """«Chức vụ, đơn vị» as offices write it: after a comma, without one, a head of what the unit names
    («Trưởng thôn»), a unit spelt with a typo («có phải …?»), and a position alone."""
    path = workbook(tmp_path, [
        ["STT", "Họ và tên", "Chức vụ, đơn vị", "Thành tích"],
        [1, "Lục Thị Nh", "Giáo viên, Trường Tiểu học Đông Hải", "Dạy giỏi"],
        [2, "Vi Đức T", "Hiệu trưởng Trường THCS Tân Phú", "Quản lý giỏi"],
        [3, "Nông Văn Kh", "Trưởng thôn Bản Chắt", "Di dời dân"],
        [4, "Hà Thị M", "Giáo viên Trường Tiếu học Đông Hải", "Dạy giỏi"],
        [5, "Ma Văn P", "Kế toán", "Tận tụy"],
    ])
    sheet, rows = importer.read_rows(path)
    result = importer.import_rows(sheet, rows, units=importer.unit_lookup(ROOT / "data"))
    assert result.problems == []
    assert [(r["position"], r.get("unit") or r.get("unit_text")) for r in result.recipients] == [
        ("Giáo viên", "truong-th-dong-hai"), ("Hiệu trưởng", "truong-thcs-tan-phu"), ("Trưởng thôn", "thôn Bản Chắt"),
        ("Giáo viên", "Trường Tiếu học Đông Hải"), ("Kế toán", None)]
    assert [str(n) for n in result.notices] == [
        "Danh sách!C2, C3, C4, C5: đã tách chức vụ và đơn vị, ví dụ «Giáo viên, Trường Tiểu học Đông Hải» → chức vụ "
        "«Giáo viên», đơn vị «Trường Tiểu học Đông Hải» — kiểm tra lại",
        "Danh sách!C6: không thấy tên đơn vị trong ô chức vụ, đơn vị — cả ô được ghi vào chức vụ (position); nếu ô có "
        "đơn vị, ghi đơn vị vào cột riêng «Đơn vị» rồi nhập lại",
        "Danh sách!C5: đơn vị «Trường Tiếu học Đông Hải» không có trong danh mục — có phải «Trường Tiểu học Đông Hải» "
        "(mã truong-th-dong-hai)? Nếu đúng, sửa tên trong tệp rồi nhập lại; tạm ghi unit_text"]
    assert {"position", "unit", "unit_text"} <= result.sheet_fields


@pytest.mark.parametrize("text, position, unit", [
    ("Tổ trưởng chuyên môn, Trường THCS Tân Phú", "Tổ trưởng chuyên môn", "Trường THCS Tân Phú"),
    ("Giáo viên, Tổ trưởng chuyên môn", "Giáo viên, Tổ trưởng chuyên môn", ""),
    ("Trưởng khoa Nội - Bệnh viện đa khoa huyện", "Trưởng khoa Nội", "Bệnh viện đa khoa huyện"),
    ("Chiến sĩ Công an xã Tân Phú", "Chiến sĩ", "Công an xã Tân Phú"),
    ("Trường THCS Tân Phú", "Trường THCS Tân Phú", ""),
])
def test_splitting_a_position_from_its_unit_without_the_registry(text, position, unit):
    assert importer.split_position_unit(text, None) == (position, unit)


def test_personal_data_in_a_cell_blocks_the_import_and_validations_fields_are_dropped_columns(tmp_path):
    """A phone number typed into «Thành tích» is refused before anything is written (the detector validation
    uses); a column named like a field validation refuses («Số hộ chiếu», «Ngân hàng») is dropped and said."""
    path = workbook(tmp_path, [
        ["STT", "Họ và tên", "Số hộ chiếu", "Ngân hàng", "Chức vụ", "Thành tích"],
        [1, "Lục Thị Nh", "B1234567", "Agribank", "Giáo viên", "Dạy giỏi, liên hệ 0912 345 678"],
        [2, "Vi Văn T", "C7654321", "", "Giáo viên", "Dạy giỏi"]])
    sheet, rows = importer.read_rows(path)
    result = importer.import_rows(sheet, rows)
    assert [str(p) for p in result.problems] == [
        "Danh sách!F2: «Thành tích» chứa số điện thoại «0912 345 678» — dữ liệu cá nhân không được công bố: xóa khỏi "
        "bảng tính rồi nhập lại"]
    assert [str(n) for n in result.notices][:2] == [
        "Danh sách: đã bỏ cột «Số hộ chiếu» (C): dữ liệu cá nhân không được công bố",
        "Danh sách: đã bỏ cột «Ngân hàng» (D): dữ liệu cá nhân không được công bố"]
    assert [r["name"] for r in result.recipients] == ["Vi Văn T"]


def test_column_mapping_option(tmp_path):
    path = workbook(tmp_path, [["Họ và tên", "Nơi làm việc", "Công trạng"], ["Phạm Thị N", "Bệnh viện X", "Cứu người"]])
    sheet, rows = importer.read_rows(path)
    result = importer.import_rows(sheet, rows, {"Nơi làm việc": "unit_text", "Công trạng": "achievement"})
    assert result.recipients[0]["unit_text"] == "Bệnh viện X" and result.recipients[0]["achievement"] == "Cứu người"


def test_unreadable_rows_are_reported_by_sheet_row_and_column(tmp_path):
    path = workbook(tmp_path, [["STT", "Họ và tên", "Giới tính", "Tiền thưởng"], [1, "Nguyễn Văn A", "Nam", "một triệu"],
                               [2, None, "Nữ", "100"], [3, "Lê Thị B", "khác", "100"]], title="Đợt 1")
    sheet, rows = importer.read_rows(path)
    result = importer.import_rows(sheet, rows)
    assert [str(p) for p in result.problems] == [
        "Đợt 1!D2: tiền thưởng «một triệu» không phải số — ghi số nguyên, ví dụ 1170000",
        "Đợt 1!B3: thiếu họ tên — điền họ tên hoặc xóa dòng",
        "Đợt 1!C4: không hiểu giới tính «khác» — ghi Nam hoặc Nữ",
    ]


def test_no_header_row(tmp_path):
    path = workbook(tmp_path, [["a", "b"], ["c", "d"]])
    sheet, rows = importer.read_rows(path)
    assert [str(p) for p in importer.import_rows(sheet, rows).problems] == [
        "Danh sách, dòng 1: không tìm thấy dòng tiêu đề có cột «Họ và tên» (hoặc «Tên tập thể», «Tên đơn vị») — dùng --map \"Tên cột=name\" để chỉ cột"]


def test_csv_export_of_a_decision_reimports_to_the_same_recipients(tree, tmp_path):
    outcome = pipeline.check(tree.data, tree.root)
    site = render_site(Publication(outcome.catalog), ROOT / "site_templates", SiteOptions())
    csv_file = next(f for f in site.files if f.path == "quyet-dinh/2024/12-qd-ubnd/danh-sach.csv")
    (tmp_path / "danh-sach.csv").write_bytes(csv_file.data())
    decision = tree.data / "decisions/2024/12-qd-ubnd.yaml"
    before = next(d for d in outcome.catalog.decisions if d.slug == "12-qd-ubnd").model.recipients
    result = run_cli("import", str(tmp_path / "danh-sach.csv"), "--decision", str(decision), "--data", str(tree.data))
    assert result.returncode == 0, result.stderr
    after_outcome = pipeline.check(tree.data, tree.root)
    assert after_outcome.ok, [str(p) for p in after_outcome.problems]
    after = next(d for d in after_outcome.catalog.decisions if d.slug == "12-qd-ubnd").model.recipients
    assert after == before
    # read afresh (not merged into the decision), every field comes back from the CSV's own columns
    printed = run_cli("import", str(tmp_path / "danh-sach.csv"), "--data", str(tree.data))
    import yaml

    fresh = yaml.safe_load(printed.stdout)["recipients"]
    assert fresh == [r.model_dump(mode="json", exclude_defaults=True) for r in before]


def test_import_command_refuses_to_write_when_rows_are_bad(tree, tmp_path):
    path = workbook(tmp_path, [["Họ và tên", "Tiền thưởng"], ["A", "x"]])
    decision = tree.data / "decisions/2024/12-qd-ubnd.yaml"
    original = decision.read_text("utf-8")
    result = run_cli("import", str(path), "--decision", str(decision))
    assert result.returncode == 1 and "Danh sách!B2: tiền thưởng «x» không phải số" in result.stderr
    assert decision.read_text("utf-8") == original


# --- a list as an office sends it ------------------------------------------------------------------

# Two title rows, a header merged over two rows, "I. TẬP THỂ"/"II. CÁ NHÂN", a unit merged over two
# people, a birth-year column, honorifics, one ALL-CAPS name, and the signature block under the table.
OFFICE_ROWS = [
    ["ỦY BAN NHÂN DÂN TỈNH HÒA AN"],
    ["DANH SÁCH TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH NĂM 2025"],
    ["STT", "Họ và tên", "Năm sinh", "Chức vụ", "Đơn vị công tác", "Thành tích", "Tiền thưởng (đồng)"],
    [None] * 7,
    ["I. TẬP THỂ"],
    [1, "Trường THCS Tân Phú", None, None, "Trường THCS Tân Phú", "Hoàn thành xuất sắc nhiệm vụ năm học 2024-2025",
     "2.340.000"],
    [2, "THPT Chuyên Hòa An", None, None, "THPT Chuyên Hòa An", "Dẫn đầu phong trào thi đua", 2340000],
    ["II. CÁ NHÂN"],
    [1, "Ông Nguyễn Văn An", 1980, "Giáo viên", "Trường THCS Tân Phú", "Dạy giỏi", 1170000],
    [2, "Bà Trần Thị Bình", 1985, "Phó Hiệu trưởng", None, "Quản lý giỏi", "1.170.000 đ"],
    [3, "LÊ VĂN ĐỨC", 1990, "Nhân viên", "Trường TH Đông Hải", "Hoàn thành tốt nhiệm vụ", 1170000],
    [4, "Đ/c Phạm Thị Hồng", 1979, "Trạm trưởng", "Trạm Y tế xã Đông Hải", "Chăm sóc sức khỏe nhân dân", 1170000],
    [],
    [None, None, None, None, "Hòa An, ngày 15 tháng 5 năm 2025"],
    [None, "Nơi nhận:", None, None, "KT. CHỦ TỊCH"],
    [None, "- Như trên;", None, None, "PHÓ CHỦ TỊCH"],
    [None, "- Lưu: VT.", None, None, "(Đã ký)"],
    [],
    [None, None, None, None, "Nguyễn Văn Mạnh"],
]
OFFICE_MERGES = ["A1:G1", "A2:G2", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "G3:G4", "A5:G5", "A8:G8",
                 "E9:E10"]
OFFICE_RECIPIENTS = [
    {"kind": "collective", "name": "Trường THCS Tân Phú", "unit": "truong-thcs-tan-phu",
     "achievement": "Hoàn thành xuất sắc nhiệm vụ năm học 2024-2025", "cash_vnd": 2340000},
    {"kind": "collective", "name": "THPT Chuyên Hòa An", "unit": "truong-thpt-hoa-an",
     "achievement": "Dẫn đầu phong trào thi đua", "cash_vnd": 2340000},
    {"kind": "individual", "name": "Nguyễn Văn An", "position": "Giáo viên", "unit": "truong-thcs-tan-phu",
     "category": "direct_worker", "gender": "male", "achievement": "Dạy giỏi", "cash_vnd": 1170000},
    {"kind": "individual", "name": "Trần Thị Bình", "position": "Phó Hiệu trưởng", "unit": "truong-thcs-tan-phu",
     "category": "leader_other", "gender": "female", "achievement": "Quản lý giỏi", "cash_vnd": 1170000},
    {"kind": "individual", "name": "Lê Văn Đức", "position": "Nhân viên", "unit": "truong-th-dong-hai",
     "category": "direct_worker", "achievement": "Hoàn thành tốt nhiệm vụ", "cash_vnd": 1170000},
    {"kind": "individual", "name": "Phạm Thị Hồng", "position": "Trạm trưởng", "unit": "tram-y-te-dong-hai",
     "category": "direct_worker", "achievement": "Chăm sóc sức khỏe nhân dân", "cash_vnd": 1170000},
]
OFFICE_NOTICES = [
    "Danh sách: đã bỏ cột «Năm sinh» (C): dữ liệu cá nhân không được công bố",
    "Danh sách!B9, B10, B12: đã bỏ danh xưng trước họ tên (Ông, Bà, Đ/c)",
    "Danh sách!B9, B10: giới tính lấy từ danh xưng «Ông»/«Bà» (bảng không có cột Giới tính) — kiểm tra lại",
    "Danh sách!B11: đã đổi họ tên viết hoa toàn bộ sang chữ hoa đầu mỗi tiếng, ví dụ «LÊ VĂN ĐỨC» → «Lê Văn Đức» — "
    "kiểm tra lại",
    "Danh sách: bỏ qua 5 dòng sau bảng (khối chữ ký), từ dòng 14",
]
# tests/fixtures/import/danh-sach-2025.xls is office_workbook() saved once as Excel 97–2003 by
# LibreOffice 7.4 (soffice --headless --convert-to xls), so that .xls reading is tested on a real file.
OFFICE_XLS = FIXTURES / "import" / "danh-sach-2025.xls"
UNITS = importer.unit_lookup(ROOT / "data")
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def office_workbook(path):
    """The office list as an .xlsx at ``path``."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    for row in OFFICE_ROWS:
        sheet.append(row)
    for cells in OFFICE_MERGES:
        sheet.merge_cells(cells)
    book.save(path)
    return path


def office_text(delimiter):
    """The office list as a delimited text, the way Excel saves a sheet: every line padded to the table's
    width, merged cells kept only in their first cell (so the merged unit is written on both people)."""
    rows = [list(row) + [None] * (7 - len(row)) for row in OFFICE_ROWS]
    rows[9][4] = "Trường THCS Tân Phú"
    return "\r\n".join(delimiter.join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"


def cp1258(text):
    """``text`` as Excel writes it in Windows-1258: a letter the code page lacks becomes base + tone mark."""
    out = b""
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
            out += base.encode("cp1258") + "".join(c for c in decomposed if c in TONE_MARKS).encode("cp1258")
    return out


def imported(path, mapping=None):
    sheet, rows = importer.read_rows(path)
    return importer.import_rows(sheet, rows, mapping, units=UNITS)


def test_office_workbook_sections_signature_block_honorifics_caps_and_birth_year(tmp_path):
    result = imported(office_workbook(tmp_path / "ds.xlsx"))
    assert result.problems == []
    assert result.recipients == OFFICE_RECIPIENTS
    assert [str(n) for n in result.notices] == OFFICE_NOTICES


def test_windows_1258_semicolon_csv_of_the_same_list(tmp_path):
    data = cp1258(office_text(";"))
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"Nguye\xf2n" not in data and "ễ".encode("cp1258", "replace") == b"?"  # tones are combining marks
    path = tmp_path / "ds.csv"
    path.write_bytes(data)
    result = imported(path)
    assert result.problems == []
    assert result.recipients == OFFICE_RECIPIENTS
    assert [str(n) for n in result.notices] == [n.replace("Danh sách", "ds.csv") for n in OFFICE_NOTICES]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_tab_separated_unicode_text(tmp_path, encoding):
    path = tmp_path / "ds.txt"
    bom = b"\xfe\xff" if encoding == "utf-16-be" else b""
    path.write_bytes(bom + office_text("\t").encode(encoding))
    result = imported(path)
    assert result.problems == [] and result.recipients == OFFICE_RECIPIENTS


@pytest.mark.parametrize("prefix", [b"", b"\xef\xbb\xbf", b"sep=,\r\n"])
def test_utf8_comma_csv_with_or_without_bom_or_excel_sep_line(tmp_path, prefix):
    path = tmp_path / "ds.csv"
    path.write_bytes(prefix + office_text(",").encode("utf-8"))
    assert imported(path).recipients == OFFICE_RECIPIENTS


def test_delimiter_is_the_one_that_splits_lines_alike():
    semicolons = "TIÊU ĐỀ;;\r\nHọ và tên;Thành tích;Tiền thưởng\r\nLê Văn A;Giỏi, xuất sắc;100\r\n"
    assert importer.sniff_delimiter(semicolons) == ";"
    assert importer.sniff_delimiter("Họ và tên,Thành tích\nA,\"x; y\"\n") == ","
    assert importer.sniff_delimiter("Họ và tên\tThành tích\nA\tx, y; z\n") == "\t"


def test_old_excel_xls_file():
    result = imported(OFFICE_XLS)
    assert result.problems == []
    assert result.recipients == OFFICE_RECIPIENTS
    assert [str(n) for n in result.notices] == OFFICE_NOTICES


def test_import_command_prints_yaml_and_the_notices_of_an_xls():
    result = run_cli("import", str(OFFICE_XLS))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [f"danh-sach-2025.xls: {n}" for n in OFFICE_NOTICES]
    assert result.stdout.startswith("recipients:\n  - kind: collective\n    name: \"Trường THCS Tân Phú\"\n"
                                    "    unit: truong-thcs-tan-phu\n")
    assert "    name: \"Lê Văn Đức\"\n" in result.stdout and "Năm sinh" not in result.stdout


def test_files_that_cannot_be_read_are_explained_without_a_traceback(tmp_path):
    tcvn3 = tmp_path / "tcvn3.csv"
    tcvn3.write_bytes("Hä vµ tªn,Chøc vô\nNguyÔn V¨n An,Gi¸o viªn\n".encode("latin-1"))
    html = tmp_path / "xuat-tu-phan-mem.xls"
    html.write_bytes(b"<html><body><table><tr><td>H\xe1\xbb\x8d</td></tr></table></body></html>")
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    odd = tmp_path / "ds.pdf"
    odd.write_bytes(b"%PDF-1.4")
    expected = {
        tcvn3: "chữ tiếng Việt trong tệp dùng bảng mã cũ TCVN3 (phông .VnTime) — mở tệp bằng Unikey, «Công cụ chuyển "
               "mã», chuyển từ TCVN3 (ABC) sang Unicode, lưu rồi nhập lại",
        html: "tệp thực ra là trang web (HTML/XML) mang đuôi Excel, như nhiều phần mềm quản lý xuất ra — mở bằng Excel, "
              "chọn «Lưu thành» (Save As) kiểu .xlsx rồi nhập tệp mới",
        broken: "không đọc được bảng tính (tệp hỏng hoặc có mật khẩu: File is not a zip file) — mở bằng Excel, lưu lại "
                "thành .xlsx không đặt mật khẩu rồi nhập lại",
    }
    for path, message in expected.items():
        result = run_cli("import", str(path))
        assert (result.returncode, result.stderr) == (1, f"{path}: {message}\n")
    result = run_cli("import", str(odd))
    assert (result.returncode, result.stderr) == (1, f"{odd}: không nhập được tệp loại «.pdf» — lưu danh sách thành "
                                                     ".xlsx, .xls, .ods hoặc .csv rồi nhập lại\n")
    result = run_cli("import", str(OFFICE_XLS), "--sheet", "Trang 2")
    assert result.stderr == f"{OFFICE_XLS}: không có trang tính «Trang 2» — các trang có trong tệp: Danh sách\n"


# --- collectives, --map, columns -------------------------------------------------------------------


COLLECTIVE_ROWS = [["DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG"], [],
                   ["STT", "Tên tập thể", "Thành tích"],
                   [1, "Trường THCS Tân Phú", "Hoàn thành xuất sắc nhiệm vụ"],
                   [2, "TỔ TOÁN - TIN", "Dẫn đầu phong trào"],
                   [3, "Lớp 9A", "Tập thể lớp tiên tiến"]]
COLLECTIVES = [
    {"kind": "collective", "name": "Trường THCS Tân Phú", "unit": "truong-thcs-tan-phu",
     "achievement": "Hoàn thành xuất sắc nhiệm vụ"},
    {"kind": "collective", "name": "TỔ TOÁN - TIN", "achievement": "Dẫn đầu phong trào"},
    {"kind": "collective", "name": "Lớp 9A", "achievement": "Tập thể lớp tiên tiến"},
]


def test_collective_only_list_named_ten_tap_the(tmp_path):
    result = imported(workbook(tmp_path, COLLECTIVE_ROWS, merges=["A1:C1"]))
    assert result.problems == []
    assert result.recipients == COLLECTIVES
    assert [str(n) for n in result.notices] == [
        "Danh sách!B5: giữ nguyên tên tập thể, hộ gia đình viết hoa toàn bộ (có thể có chữ viết tắt) — sửa trong tệp "
        "nếu muốn viết thường"]


def test_collective_list_whose_only_column_is_its_name(tmp_path):
    path = workbook(tmp_path, [["Tên tập thể"], ["Trường THCS Tân Phú"], ["Tổ Toán"]])
    assert imported(path).recipients == [
        {"kind": "collective", "name": "Trường THCS Tân Phú", "unit": "truong-thcs-tan-phu"},
        {"kind": "collective", "name": "Tổ Toán"}]


@pytest.mark.parametrize("header", ["Tên đơn vị", "Đơn vị được khen", "Tập thể", "TEN DON VI"])
def test_ten_don_vi_as_the_only_name_column_is_a_list_of_collectives(tmp_path, header):
    path = workbook(tmp_path, [["STT", header, "Thành tích"], [1, "Trạm Y tế xã Đông Hải", "Xuất sắc"],
                               [2, "Khu phố 3", "Văn hóa"]])
    assert imported(path).recipients == [
        {"kind": "collective", "name": "Trạm Y tế xã Đông Hải", "unit": "tram-y-te-dong-hai", "achievement": "Xuất sắc"},
        {"kind": "collective", "name": "Khu phố 3", "achievement": "Văn hóa"}]


def test_ten_don_vi_beside_a_persons_name_is_the_unit(tmp_path):
    path = workbook(tmp_path, [["Họ và tên", "Tên đơn vị"], ["Phạm Thị Hồng", "Trạm Y tế xã Đông Hải"]])
    assert imported(path).recipients == [{"kind": "individual", "name": "Phạm Thị Hồng", "unit": "tram-y-te-dong-hai",
                                          "category": "direct_worker"}]


def test_map_on_the_collective_list_and_on_a_header_that_is_the_only_column(tmp_path):
    path = workbook(tmp_path, COLLECTIVE_ROWS, merges=["A1:C1"])
    result = run_cli("import", str(path), "--map", "Tên tập thể=name")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("  - kind: collective\n") == 3 and "    name: \"Lớp 9A\"\n" in result.stdout

    alone = workbook(tmp_path, [["DANH SÁCH"], ["Đơn vị được đề nghị"], ["Trường THCS Tân Phú"]], name="alone.xlsx")
    refused = run_cli("import", str(alone))
    assert (refused.returncode, refused.stderr.splitlines()[0]) == (
        1, "alone.xlsx: Danh sách, dòng 1: không tìm thấy dòng tiêu đề có cột «Họ và tên» (hoặc «Tên tập thể», "
           "«Tên đơn vị») — dùng --map \"Tên cột=name\" để chỉ cột")
    mapped = run_cli("import", str(alone), "--map", "Đơn vị được đề nghị=name")
    assert (mapped.returncode, mapped.stdout) == (
        0, "recipients:\n  - kind: collective\n    name: \"Trường THCS Tân Phú\"\n    unit: truong-thcs-tan-phu\n")
    bad = run_cli("import", str(alone), "--map", "Đơn vị được đề nghị")
    assert (bad.returncode, bad.stderr) == (
        64, "--map Đơn vị được đề nghị: viết theo dạng \"Tên cột=trường\" — ví dụ --map \"Nơi công tác=unit_text\"\n")


def test_personal_data_columns_are_dropped_and_unknown_columns_named(tmp_path):
    path = workbook(tmp_path, [
        ["Họ và tên", "Ngày tháng năm sinh", "Số CCCD", "SĐT", "Email", "Địa chỉ", "Quê quán", "Dân tộc", "Tôn giáo",
         "So tai khoan", "Xếp loại", "Ghi chú", "Chức vụ"],
        ["Lê Văn A", "01/02/1980", "001080000001", "0901234567", "a@x.vn", "Ấp 1", "Hòa An", "Kinh", "Không",
         "123", "Tốt", "", "Nông dân"]])
    result = imported(path)
    assert result.recipients == [{"kind": "individual", "name": "Lê Văn A", "position": "Nông dân",
                                  "category": "direct_worker"}]
    fields = "kind, name, position, unit, unit_text, category, gender, achievement, cash_vnd, profile, position_unit"
    assert [str(n) for n in result.notices] == [
        "Danh sách: đã bỏ cột «Ngày tháng năm sinh» (B): dữ liệu cá nhân không được công bố",
        "Danh sách: đã bỏ cột «Số CCCD» (C): dữ liệu cá nhân không được công bố",
        "Danh sách: đã bỏ cột «SĐT» (D): dữ liệu cá nhân không được công bố",
        "Danh sách: đã bỏ cột «Email» (E): dữ liệu cá nhân không được công bố",
        "Danh sách: đã bỏ cột «Địa chỉ» (F): dữ liệu cá nhân không được công bố",
        "Danh sách: đã bỏ cột «Quê quán» (G): dữ liệu cá nhân không được công bố",
        "Danh sách: đã bỏ cột «Dân tộc» (H): dữ liệu cá nhân không được công bố",
        "Danh sách: đã bỏ cột «Tôn giáo» (I): dữ liệu cá nhân không được công bố",
        "Danh sách: đã bỏ cột «So tai khoan» (J): dữ liệu cá nhân không được công bố",
        f"Danh sách: không dùng cột «Xếp loại» (K) — nếu cần nhập cột này, thêm --map \"Xếp loại=<trường>\" "
        f"(trường: {fields})",
        f"Danh sách: không dùng cột «Ghi chú» (L) — nếu cần nhập cột này, thêm --map \"Ghi chú=<trường>\" "
        f"(trường: {fields})",
    ]
    assert "001080000001" not in importer.to_yaml(result)


def test_header_saved_as_csv_with_sub_headers_split_names_and_column_numbers(tmp_path):
    path = tmp_path / "ds.csv"
    path.write_text("STT,Họ và tên,,Năm sinh,,Giới tính\n,Họ đệm,Tên,Nam,Nữ,\n(1),(2),(3),(4),(5),(6)\n"
                    "1,Nguyễn Văn,An,1980,,Nam\n2,Hồ Thị,Lan,,1985,Nữ\n", encoding="utf-8")
    result = imported(path)
    assert result.problems == []
    assert result.recipients == [
        {"kind": "individual", "name": "Nguyễn Văn An", "category": "direct_worker", "gender": "male"},
        {"kind": "individual", "name": "Hồ Thị Lan", "category": "direct_worker", "gender": "female"}]
    assert [str(n) for n in result.notices] == [
        "ds.csv: đã bỏ cột «Năm sinh» (D, E): dữ liệu cá nhân không được công bố"]


# --- where the table ends --------------------------------------------------------------------------


def test_total_row_and_signature_end_the_table_but_blank_rows_before_a_section_do_not(tmp_path):
    path = workbook(tmp_path, [
        ["STT", "Họ và tên", "Chức vụ", "Tiền thưởng"],
        ["I. TẬP THỂ"], [1, "Trường THCS Tân Phú", None, 200],
        [], [],
        ["II. CÁ NHÂN"], [1, "Trương Văn Tâm", "Q. Hiệu trưởng", 100], [2, "Tô Thị Hoa", None, 100],
        [None, "Tổng cộng", None, 400],
        [None, None, "Người lập biểu"], [None, None, "Lê Thị Kế"]])
    result = imported(path)
    assert [(r["kind"], r["name"]) for r in result.recipients] == [
        ("collective", "Trường THCS Tân Phú"), ("individual", "Trương Văn Tâm"), ("individual", "Tô Thị Hoa")]
    assert [str(n) for n in result.notices] == [
        "Danh sách: bỏ qua 3 dòng sau bảng (dòng tổng cộng, khối chữ ký), từ dòng 9"]


def test_two_blank_rows_end_the_list(tmp_path):
    path = workbook(tmp_path, [["STT", "Họ và tên", "Chức vụ"], [1, "Lê Văn A", "Nông dân"], [], [],
                               [None, "Ghi chú: danh sách đã được Hội đồng thông qua"]])
    result = imported(path)
    assert result.problems == [] and [r["name"] for r in result.recipients] == ["Lê Văn A"]
    assert [str(n) for n in result.notices] == [
        "Danh sách: bỏ qua 1 dòng sau bảng (sau 2 dòng trống liền nhau), từ dòng 5 — nếu đó vẫn là danh sách, xóa các "
        "dòng trống rồi nhập lại"]


def test_signer_alone_in_the_name_column_ends_the_table_and_a_pre_numbered_template_is_blank(tmp_path):
    path = workbook(tmp_path, [["STT", "Họ và tên", "Chức vụ"], [1, "Lê Văn A", "Nông dân"], [2, "Lê Thị B", "Y sĩ"],
                               [3], [4], [None, "PHÓ CHỦ TỊCH"], [None, "Nguyễn Văn Mạnh"]])
    result = imported(path)
    assert result.problems == [] and [r["name"] for r in result.recipients] == ["Lê Văn A", "Lê Thị B"]
    assert [str(n) for n in result.notices] == ["Danh sách: bỏ qua 2 dòng sau bảng (khối chữ ký), từ dòng 6"]


# --- names -----------------------------------------------------------------------------------------


def test_honorifics_and_capitals():
    assert importer.split_honorific("Ông Nguyễn Văn An") == ("ông", "Nguyễn Văn An")
    assert importer.split_honorific("BÀ TRẦN THỊ BÌNH") == ("bà", "TRẦN THỊ BÌNH")
    assert importer.split_honorific("Ong. Le Van C") == ("ông", "Le Van C")
    assert importer.split_honorific("đồng chí Lê Văn D") == ("đồng chí", "Lê Văn D")
    assert importer.split_honorific("Đ/C: Lê Văn D") == ("đ/c", "Lê Văn D")
    assert importer.split_honorific("Cô giáo Hà") == ("cô", "giáo Hà")
    assert importer.split_honorific("Thầy Lê Văn E") == ("thầy", "Lê Văn E")
    assert importer.split_honorific("Ổng Văn F") == (None, "Ổng Văn F")  # not Ông
    assert importer.split_honorific("Bà Lan") == (None, "Bà Lan")  # no full name after it
    assert importer.split_honorific("Anh Thị Gấm") == ("anh", "Thị Gấm")
    assert importer.proper_case("NGUYỄN VĂN ĐỨC") == "Nguyễn Văn Đức"
    assert importer.proper_case("ĐỖ THỊ ÚT") == "Đỗ Thị Út"
    assert importer.proper_case("H'HEN NIÊ") == "H'Hen Niê"
    assert importer.is_all_caps("LÊ VĂN A") and not importer.is_all_caps("Lê Văn A")


@pytest.mark.parametrize(("name", "kind"), [
    ("Trương Văn Tâm", "individual"), ("Trường THCS Tân Phú", "collective"), ("Tô Thị Hoa", "individual"),
    ("Tổ Toán", "collective"), ("Hồ Thị Lan", "individual"), ("Hộ ông Lê Văn Ba", "household"),
    ("Trầm Văn Út", "individual"), ("Trạm Y tế xã Đông Hải", "collective"), ("Bàn Văn Sơn", "individual"),
    ("Truong THCS Tan Phu", "collective"), ("Truong Van Tam", "individual"), ("Ho gia dinh ong Ba", "household"),
])
def test_kind_guess_tells_surnames_from_organisations(name, kind):
    assert importer.guess_kind(name) == kind


# --- units -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "key"), [
    ("Trường THPT Chuyên Hòa An", "trung học phổ thông chuyên hòa an"),
    ("THPT chuyên Hòa An", "trung học phổ thông chuyên hòa an"),
    ("Trường TH Đông Hải", "tiểu học đông hải"),
    ("trường Mầm non Cồn Mới", "mầm non cồn mới"),
    ("MN Cồn Mới", "mầm non cồn mới"),
    ("UBND xã Đông Hải", "xã đông hải"),
    ("Ủy ban nhân dân xã Đông Hải", "xã đông hải"),
    ("Sở GD&ĐT", "sở giáo dục đào tạo"),
    ("Sở Giáo dục và Đào tạo", "sở giáo dục đào tạo"),
    ("Phòng Nội vụ", "nội vụ"),
    ("Bệnh viện Đa khoa tỉnh Hòa An", "bệnh viện đa khoa tỉnh hòa an"),
    ("Trường Hòa An", "trường hòa an"),
])
def test_unit_key(text, key):
    assert importer.unit_key(text) == key


@pytest.mark.parametrize(("text", "unit"), [
    ("THPT Chuyên Hòa An", "truong-thpt-hoa-an"), ("Trường THPT Chuyên Hòa An", "truong-thpt-hoa-an"),
    ("Trường THCS Tân Phu", "truong-thcs-tan-phu"), ("TRUONG THCS TAN PHU", "truong-thcs-tan-phu"),
    ("THCS Tân Phú", "truong-thcs-tan-phu"), ("UBND xã Đông Hải", "ubnd-xa-dong-hai"),
    ("Trường MN Cồn Mới", "truong-mn-con-moi"), ("Sở GD&ĐT", "so-gddt"), ("Trạm Y tế xã Đông Hải", "tram-y-te-dong-hai"),
    ("truong-thcs-tan-phu", "truong-thcs-tan-phu"),
    ("Trường THCS Tân Phù", None), ("Trường THCS Tân Phúc", None), ("Trường Tiểu học Tân Phú", None),
])
def test_unit_matching_ignores_type_words_and_abbreviations_not_wrong_diacritics(text, unit):
    assert UNITS.match(text).id == unit


def test_diacritics_may_be_missing_not_different():
    assert importer.diacritics_compatible("tan phu", "tân phú")
    assert importer.diacritics_compatible("tân phu", "tân phú")
    assert importer.diacritics_compatible("hoà an", "hòa an")  # the tone on the other vowel
    assert not importer.diacritics_compatible("tân phù", "tân phú")
    assert not importer.diacritics_compatible("tăn phu", "tân phú")


def test_units_close_to_a_registered_one_are_a_question_not_a_match(tmp_path):
    path = workbook(tmp_path, [["Họ và tên", "Đơn vị"], ["Lê Văn A", "Trường THCS Tân Phù"],
                               ["Lê Văn B", "Trường THCS Tân Phù"], ["Lê Văn C", "Truong THCS Tan Phuc"],
                               ["Lê Văn D", "Trường THCS Tân Phu"], ["Lê Văn E", "Hợp tác xã Rau sạch"]])
    result = imported(path)
    assert [r.get("unit") or r["unit_text"] for r in result.recipients] == [
        "Trường THCS Tân Phù", "Trường THCS Tân Phù", "Truong THCS Tan Phuc", "truong-thcs-tan-phu",
        "Hợp tác xã Rau sạch"]
    assert [str(n) for n in result.notices] == [
        "Danh sách!B2, B3: đơn vị «Trường THCS Tân Phù» không có trong danh mục — có phải «Trường THCS Tân Phú» "
        "(mã truong-thcs-tan-phu)? Nếu đúng, sửa tên trong tệp rồi nhập lại; tạm ghi unit_text",
        "Danh sách!B4: đơn vị «Truong THCS Tan Phuc» không có trong danh mục — có phải «Trường THCS Tân Phú» "
        "(mã truong-thcs-tan-phu)? Nếu đúng, sửa tên trong tệp rồi nhập lại; tạm ghi unit_text",
    ]


def test_a_unit_text_matching_two_registered_units_is_not_guessed():
    units = importer.UnitIndex([("phong-noi-vu-a", "Phòng Nội vụ"), ("noi-vu-a", "Nội vụ")])
    match = units.match("Nội vụ")
    assert (match.id, match.ambiguous, match.suggestions) == (
        None, True, [("noi-vu-a", "Nội vụ"), ("phong-noi-vu-a", "Phòng Nội vụ")])


# --- re-import into a decision ---------------------------------------------------------------------

DECISION_HEAD = '''number: "12/QĐ-UBND"
title: "Về việc tặng Bằng khen"
date: 2024-06-17
authority: ubnd-tinh
signer:
  name: "Lê Văn C"
  title: "Chủ tịch"
award_form: bang-khen-cap-tinh
method: regular
reason: "Đã có thành tích xuất sắc"
'''
DECISION_RECIPIENTS = '''recipients:
  # danh sách theo tờ trình số 5/TTr-STP
  - kind: individual
    id: nguyen-van-a-gv
    name: "Nguyễn Văn A"
    position: "Giáo viên"
    unit: truong-a
    category: leader_other
    gender: male
    achievement: "Dạy giỏi"
    cash_vnd: 1170000
    profile: nguyen-van-a
  - kind: individual
    name: "Trần Thị B"
    position: "Hiệu trưởng"
    unit: truong-a
    category: leader_other
    gender: female
  - kind: collective
    name: "Trường Tiểu học A"
    unit: truong-a
    enterprise: false
'''
DECISION_TAIL = '''
# Đã rà soát dữ liệu cá nhân.
pii_allow:
  - "0123"
'''


def test_reimport_merges_into_the_recipients_keeping_hand_added_fields(tree):
    decision = tree.write("decisions/2024/12-qd-ubnd.yaml", DECISION_HEAD + DECISION_RECIPIENTS + DECISION_TAIL)
    sheet = tree.root / "ds.csv"
    sheet.write_text("STT,Họ và tên,Chức vụ,Đơn vị,Thành tích,Tiền thưởng\n"
                     "1,NGUYỄN VĂN A,Tổ trưởng,Trường Tiểu học A,Dạy giỏi,2340000\n"
                     "2,Ông Lê Văn D,Giáo viên,Trường Tiểu học A,Dạy giỏi,1170000\n"
                     "3,Trường Tiểu học A,,Trường Tiểu học A,,\n", encoding="utf-8")
    result = run_cli("import", str(sheet), "--decision", str(decision), "--data", str(tree.data))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Đã cập nhật danh sách trong {decision}: 1 thêm, 1 bỏ, 1 sửa, 1 giữ nguyên.",
        "  + thêm «Lê Văn D» (ds.csv, dòng 3)",
        "  − bỏ «Trần Thị B»: không còn trong bảng",
        "  ~ sửa «Nguyễn Văn A»: chức vụ (position): «Giáo viên» → «Tổ trưởng»; tiền thưởng (cash_vnd): 1170000 → "
        "2340000",
        "Giữ các trường ghi trong tệp quyết định mà bảng không có cột: category, enterprise, gender, id, profile.",
        "Chạy tiếp: ./bangvang validate — 1 đối tượng thống kê được đoán từ chức vụ, hãy kiểm tra các dòng có "
        "ghi chú",
    ]
    assert result.stderr.splitlines() == [
        "ds.csv!B3: đã bỏ danh xưng trước họ tên (Ông)",
        "ds.csv!B3: giới tính lấy từ danh xưng «Ông»/«Bà» (bảng không có cột Giới tính) — kiểm tra lại",
        "ds.csv!B2: đã đổi họ tên viết hoa toàn bộ sang chữ hoa đầu mỗi tiếng, ví dụ «NGUYỄN VĂN A» → «Nguyễn Văn A» "
        "— kiểm tra lại",
    ]
    assert decision.read_text("utf-8") == DECISION_HEAD + '''recipients:
  - kind: individual
    id: nguyen-van-a-gv
    name: "Nguyễn Văn A"
    position: "Tổ trưởng"
    unit: truong-a
    category: leader_other
    gender: male
    achievement: "Dạy giỏi"
    cash_vnd: 2340000
    profile: nguyen-van-a
  - kind: individual
    name: "Lê Văn D"
    position: "Giáo viên"
    unit: truong-a
    category: direct_worker  # đoán từ chức vụ — kiểm tra lại
    gender: male
    achievement: "Dạy giỏi"
    cash_vnd: 1170000
  - kind: collective
    name: "Trường Tiểu học A"
    unit: truong-a
    enterprise: false
''' + DECISION_TAIL
    assert tree.problems() == []


def test_reimport_matches_repeated_names_by_unit_and_keeps_withdrawals(tree):
    text = DECISION_HEAD + '''recipients:
  - kind: individual
    name: "Lê Văn A"
    unit: truong-a
    category: direct_worker
    withdrawn:
      date: 2025-01-02
      note: "Gỡ theo đề nghị của cá nhân"
  - kind: individual
    name: "Lê Văn A"
    unit_text: "Ấp Cồn Mới"
    category: direct_worker
    cash_vnd: 500000
'''
    decision = tree.write("decisions/2024/12-qd-ubnd.yaml", text)
    sheet = tree.root / "ds.csv"
    sheet.write_text("Họ và tên;Đơn vị;Tiền thưởng\nLê Văn A;Ấp Cồn Mới;600000\nLê Văn A;Trường Tiểu học A;\n",
                     encoding="utf-8")
    result = run_cli("import", str(sheet), "--decision", str(decision), "--data", str(tree.data))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        f"Đã cập nhật danh sách trong {decision}: 0 thêm, 0 bỏ, 1 sửa, 1 giữ nguyên.",
        "  ~ sửa «Lê Văn A»: tiền thưởng (cash_vnd): 500000 → 600000"]
    assert decision.read_text("utf-8") == DECISION_HEAD + '''recipients:
  - kind: individual
    name: "Lê Văn A"
    unit_text: "Ấp Cồn Mới"
    category: direct_worker
    cash_vnd: 600000
  - kind: individual
    name: "Lê Văn A"
    unit: truong-a
    category: direct_worker
    withdrawn:
      date: 2025-01-02
      note: Gỡ theo đề nghị của cá nhân
'''


def test_reimport_keeps_windows_line_endings_and_the_rest_byte_for_byte(tree):
    original = (DECISION_HEAD + DECISION_RECIPIENTS + DECISION_TAIL).replace("\n", "\r\n").encode("utf-8")
    decision = tree.write("decisions/2024/12-qd-ubnd.yaml", original)
    sheet = tree.root / "ds.csv"
    sheet.write_text("Họ và tên,Chức vụ\nNguyễn Văn A,Giáo viên\nTrần Thị B,Hiệu trưởng\n", encoding="utf-8")
    assert run_cli("import", str(sheet), "--decision", str(decision), "--data", str(tree.data)).returncode == 0
    written = decision.read_bytes()
    head, tail = DECISION_HEAD.replace("\n", "\r\n").encode(), DECISION_TAIL.replace("\n", "\r\n").encode()
    assert written.startswith(head + b"recipients:\r\n  - kind: individual\r\n") and written.endswith(tail)
    assert b"\n" not in written.replace(b"\r\n", b"")


def test_import_into_a_new_decision_replaces_its_placeholders(tree):
    made = run_cli("new", "decision", "--number", "45/QĐ-UBND", "--date", "2024-09-02", "--authority", "ubnd-tinh",
                   "--award-form", "bang-khen-cap-tinh", "--data", str(tree.data))
    assert made.returncode == 0, made.stderr
    decision = tree.data / "decisions/2024/45-qd-ubnd.yaml"
    before = decision.read_text("utf-8")
    sheet = workbook(tree.root, [["Họ và tên", "Chức vụ", "Đơn vị"], ["Lê Thị E", "Kế toán", "Trường Tiểu học A"]])
    result = run_cli("import", str(sheet), "--decision", str(decision), "--data", str(tree.data))
    assert result.stdout == (f"Đã ghi 1 người, tập thể vào {decision}; 1 đối tượng thống kê được đoán từ chức vụ, "
                             "hãy kiểm tra các dòng có ghi chú. Chạy tiếp: ./bangvang validate\n")
    after = decision.read_text("utf-8")
    assert after == before[:before.index("recipients:")] + '''recipients:
  - kind: individual
    name: "Lê Thị E"
    position: "Kế toán"
    unit: truong-a
    category: direct_worker  # đoán từ chức vụ — kiểm tra lại
''' + before[before.index("# KHÔNG ghi số CCCD"):]  # the commented fields after the list are kept


def test_a_decision_file_with_a_yaml_error_is_not_written(tree):
    decision = tree.write("decisions/2024/12-qd-ubnd.yaml", DECISION_HEAD + "recipients:\n  - kind: [individual\n")
    sheet = workbook(tree.root, [["Họ và tên", "Chức vụ"], ["Lê Thị E", "Kế toán"]])
    result = run_cli("import", str(sheet), "--decision", str(decision), "--data", str(tree.data))
    assert (result.returncode, result.stderr) == (
        1, f"{decision}:13: tệp quyết định có lỗi YAML — sửa rồi nhập lại; chưa ghi gì\n")
    assert decision.read_text("utf-8") == DECISION_HEAD + "recipients:\n  - kind: [individual\n"
    missing = run_cli("import", str(sheet), "--decision", str(tree.data / "decisions/2024/99.yaml"))
    assert (missing.returncode, missing.stderr) == (1, f"{tree.data / 'decisions/2024/99.yaml'}: không có tệp quyết "
                                                       "định này — tạo trước bằng: ./bangvang new decision\n")


# --- wrappers and new decision ---------------------------------------------------------------------


def _executable(path, text):
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def _python_shim(venv):
    """A stand-in environment whose bin/python runs this interpreter on this checkout."""
    (venv / "bin").mkdir(parents=True, exist_ok=True)
    _executable(venv / "bin" / "python", f"#!/bin/sh\nPYTHONPATH='{ROOT}' exec '{sys.executable}' \"$@\"\n")
    return venv


def test_bangvang_wrapper_runs_without_an_activated_environment(tree, tmp_path):
    env = {**os.environ, "BANGVANG_VENV": str(_python_shim(tmp_path / "venv")), "BANGVANG_TODAY": "2026-11-25"}
    env.pop("VIRTUAL_ENV", None)
    helped = subprocess.run([str(ROOT / "bangvang"), "--help"], cwd=ROOT, capture_output=True, text=True, env=env, check=False,
                            timeout=120)
    assert helped.returncode == 0 and helped.stdout.startswith("cách dùng: bangvang")
    checked = subprocess.run([str(ROOT / "bangvang"), "validate", "--data", str(tree.data)], cwd=ROOT,
                             capture_output=True, text=True, env=env, check=False, timeout=300)
    assert (checked.returncode, checked.stdout) == (0, "Dữ liệu hợp lệ: 2 quyết định (1 đã hủy bỏ), 3 lượt khen thưởng "
                                                    "được tính; 1 lượt đã bị hủy bỏ; 4 dòng trong các danh sách; 1 hồ sơ.\n")


def test_bangvang_wrapper_creates_the_environment_with_make_first(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    wrapper = project / "bangvang"
    wrapper.write_bytes((ROOT / "bangvang").read_bytes())
    wrapper.chmod(0o755)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "make.log"
    shim = tmp_path / "shim"
    _python_shim(shim)
    # a stand-in for make: logs its arguments; "-q" answers "up to date"; otherwise "installs" .venv, printing
    # pip's lines for two packages
    (project / "requirements.txt").write_text("mkdocs==1.6.1 \\\n    --hash=sha256:00\npyyaml==6.0.2 \\\n", "utf-8")
    _executable(bin_dir / "make", f'''#!/bin/sh
echo "$*" >> '{log}'
case " $* " in *" -q "*) exit 0;; esac
printf 'Collecting mkdocs==1.6.1 (from -r requirements.txt (line 1))\\n  Downloading mkdocs.whl\\n'
printf 'Collecting pyyaml==6.0.2 (from -r requirements.txt (line 3))\\nInstalling collected packages: mkdocs, pyyaml\\n'
mkdir -p '{project}/.venv/bin' && cp '{shim}/bin/python' '{project}/.venv/bin/python' && touch '{project}/.venv/.runtime'
''')
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env.pop("BANGVANG_VENV", None)
    first = subprocess.run(["./bangvang", "--help"], cwd=project, capture_output=True, text=True, env=env, check=False, timeout=120)
    assert first.returncode == 0 and first.stdout.startswith("cách dùng: bangvang")
    said = first.stderr.splitlines()
    assert said[:4] == [f"bangvang: lần đầu chạy (hoặc requirements.txt vừa thay đổi): cài môi trường Python vào "
                        f"{project}/.venv — vài phút, cần mạng; tiến độ hiện dưới đây.",
                        "bangvang: [1/2] tải gói mkdocs", "bangvang: [2/2] tải gói pyyaml",
                        "bangvang: đang cài các gói đã tải…"]
    assert re.fullmatch(r"bangvang: đã cài xong sau \d+ giây\.", said[4]) and len(said) == 5
    second = subprocess.run(["./bangvang", "--help"], cwd=project, capture_output=True, text=True, env=env, check=False, timeout=120)
    assert second.returncode == 0 and second.stderr == ""
    assert log.read_text().splitlines() == [f"-s -C {project} .venv/.runtime PIP_QUIET=",
                                            f"-s -q -C {project} .venv/.runtime"]


def test_windows_wrapper_runs_the_venv_python_with_crlf_lines():
    text = (ROOT / "bangvang.bat").read_bytes()
    assert b"\n" not in text.replace(b"\r\n", b"")
    assert b'"%BV_PY%" -m generator %*' in text and b"--require-hashes -r" in text


def test_new_decision_refuses_unknown_codes_with_suggestions_and_bad_dates(tree):
    base = ["new", "decision", "--number", "46/QĐ-UBND", "--data", str(tree.data)]
    authorities = tree.data / "registries" / "authorities.yaml"
    cases = [
        (["--date", "2024-09-02", "--authority", "ubnd-tinh-hoa-an", "--award-form", "bang-khen-cap-tinh"],
         "Mã cơ quan ban hành «ubnd-tinh-hoa-an» không có trong danh mục — có phải «ubnd-tinh» (Ủy ban nhân dân tỉnh "
         f"Thử Nghiệm)? Danh sách mã: các dòng «id:» trong {authorities}"),
        (["--date", "2024-09-02", "--authority", "ubnd-tinh", "--award-form", "bang-khen-tinh"],
         "Mã hình thức khen thưởng «bang-khen-tinh» không có trong danh mục — có phải «bang-khen-cap-tinh» (Bằng khen "
         "của Chủ tịch Ủy ban nhân dân tỉnh, thành phố) hay «bang-khen-thu-tuong» (Bằng khen của Thủ tướng Chính phủ) hay "
         "«bang-khen-cap-bo» (Bằng khen của bộ, ban, ngành, đoàn thể Trung ương)? Danh sách mã: các dòng «id:» "
         "trong generator/defaults/award_forms.yaml"),
        (["--date", "2024-09-02", "--authority", "xyz", "--award-form", "bang-khen-cap-tinh"],
         f"Mã cơ quan ban hành «xyz» không có trong danh mục — Danh sách mã: các dòng «id:» trong {authorities}"),
        (["--date", "2026-11-26", "--authority", "ubnd-tinh", "--award-form", "bang-khen-cap-tinh"],
         "Ngày ký 26/11/2026 ở sau hôm nay (25/11/2026) — quyết định chỉ được công khai sau khi đã ký; kiểm tra lại "
         "năm, tháng, ngày"),
        (["--date", "2/9/2024", "--authority", "ubnd-tinh", "--award-form", "bang-khen-cap-tinh"],
         "Ngày ký «2/9/2024» không hợp lệ — viết theo dạng YYYY-MM-DD, ví dụ 2024-06-17"),
        (["--date", "2023-02-29", "--authority", "ubnd-tinh", "--award-form", "bang-khen-cap-tinh"],
         "Ngày ký «2023-02-29» không có trên lịch — viết theo dạng YYYY-MM-DD, ví dụ 2024-06-17"),
    ]
    for options, message in cases:
        result = run_cli(*base, *options)
        assert (result.returncode, result.stderr) == (1, message + "\n"), options
    assert not (tree.data / "decisions/2024/46-qd-ubnd.yaml").exists()
    ok = run_cli(*base, "--date", "2024-09-02", "--authority", "ubnd-tinh", "--award-form", "bang-khen-cap-tinh")
    assert ok.returncode == 0 and (tree.data / "decisions/2024/46-qd-ubnd.yaml").is_file()


def test_an_empty_file_says_so(tmp_path):
    (tmp_path / "ds.csv").write_bytes(b"\xef\xbb\xbf")
    result = run_cli("import", str(tmp_path / "ds.csv"))
    assert (result.returncode, result.stderr.splitlines()[0]) == (
        1, "ds.csv, dòng 1: trang tính trống — không có ô nào có chữ; kiểm tra tệp, hoặc chọn trang khác bằng --sheet")


def test_an_xlsx_saved_under_another_name_is_read_by_its_content(tmp_path):
    path = office_workbook(tmp_path / "ds.xlsx").rename(tmp_path / "ds.csv")
    assert imported(path).recipients == OFFICE_RECIPIENTS


_CELLS = ["STT", "Họ và tên", "Tên tập thể", "Tên đơn vị", "Chức vụ", "Đơn vị", "Năm sinh", "Giới tính", "Nam", "Nữ",
          "Tiền thưởng", "1.000 đ", "I. TẬP THỂ", "II. CÁ NHÂN", "KT. CHỦ TỊCH", "Ông Lê Văn A", "LÊ VĂN B", "",
          "Tổng cộng", "(1)", "(2)", "1", "Loại", "Hộ gia đình", "Đối tượng", "Mã đơn vị", "THPT Chuyên Hòa An",
          "Trường THCS Tân Phù", "Đ/c", "Nơi nhận:", "(Đã ký)", "\u0301", "²"]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.lists(st.one_of(st.sampled_from(_CELLS), st.text(max_size=8)), max_size=7), max_size=12),
       st.dictionaries(st.sampled_from(_CELLS), st.sampled_from(importer.FIELDS), max_size=2))
def test_any_grid_gives_recipients_problems_or_notices_never_an_exception(rows, mapping):
    result = importer.import_rows("S", rows, mapping, units=UNITS)
    importer.to_yaml(result)
    report = importer.merge_recipients([{"name": "Lê Văn A", "kind": "individual"}, {"name": 3}, {}], result)
    importer.recipients_yaml(report.recipients, report.guessed)
    assert all(str(x) for x in result.notices + result.problems) and report.lines("S") is not None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_raise_a_read_error(data):
    try:
        importer.parse_text_table(importer.decode_text(data))
    except importer.ReadError as exc:
        assert str(exc)


def test_a_collective_named_cong_dong_is_not_a_total_row_and_a_merged_name_is_not_a_heading(tmp_path):
    path = workbook(tmp_path, [["Họ và tên", None, "Thành tích"],
                               ["Cộng đồng dân cư ấp Cồn Mới", None, "Giữ gìn an ninh"],
                               ["Nguyễn Văn An"], ["Cộng: 2"]], merges=["A1:B1", "A3:B3"])
    result = imported(path)
    assert [(r["kind"], r["name"]) for r in result.recipients] == [
        ("collective", "Cộng đồng dân cư ấp Cồn Mới"), ("individual", "Nguyễn Văn An")]
    assert [str(n) for n in result.notices] == ["Danh sách: bỏ qua 1 dòng sau bảng (dòng tổng cộng), từ dòng 4"]


def test_import_suggests_the_legal_cash_amount_and_writes_it_only_when_asked(tree):
    """Errata F4: the record holds the amount the decision states; the legal amount is a hint unless asked for."""
    made = run_cli("new", "decision", "--number", "8/QĐ-UBND", "--date", "2025-09-03", "--authority", "ubnd-xa-moi",
                   "--award-form", "giay-khen-chu-tich-ubnd-xa", "--data", str(tree.data))
    assert made.returncode == 0, made.stderr
    decision = tree.data / "decisions/2025/8-qd-ubnd.yaml"
    sheet = workbook(tree.root, [["Họ và tên", "Chức vụ", "Tiền thưởng"], ["Lê Thị E", "Kế toán", ""],
                                 ["Hộ ông Lò Văn H", "", ""], ["Trần Văn G", "Nông dân", "500.000"]])
    cash = lambda: [line.strip() for line in decision.read_text("utf-8").splitlines()  # noqa: E731
                    if line.strip().startswith("cash_vnd")]
    hinted = run_cli("import", str(sheet), "--decision", str(decision), "--data", str(tree.data))
    assert hinted.returncode == 0, hinted.stderr
    # 0.3 × 2,340,000 = 702,000 → 710,000; a household 1.5 × that: 1,053,000 → 1,060,000; a stated amount is kept
    assert ("Gợi ý: 2 dòng không ghi tiền thưởng; theo quy định là 1 cá nhân × 710.000 đ; 1 hộ gia đình × "
            "1.060.000 đ; mức lương cơ sở 2.340.000 đ ngày 03/09/2025") in hinted.stderr
    assert "Chưa ghi vào tệp" in hinted.stderr and cash() == ["cash_vnd: 500000"]
    result = run_cli("import", str(sheet), "--decision", str(decision), "--data", str(tree.data), "--legal-cash")
    assert result.returncode == 0, result.stderr
    assert "Đã điền tiền thưởng theo quy định (--legal-cash) vào 2 dòng không ghi tiền thưởng" in result.stderr
    assert cash() == ["cash_vnd: 710000", "cash_vnd: 1060000", "cash_vnd: 500000"]
    again = run_cli("import", str(sheet), "--decision", str(decision), "--data", str(tree.data), "--no-legal-cash")
    assert again.returncode == 0 and "tiền thưởng theo quy định" not in again.stderr
