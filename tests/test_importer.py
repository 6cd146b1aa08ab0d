"""Recipient lists from spreadsheets: the layouts offices use, and every unreadable row reported."""

import unicodedata

import openpyxl

from conftest import ROOT, run_cli
from generator import pipeline
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
    site = render_site(outcome.catalog, ROOT / "site_templates", SiteOptions())
    csv_file = next(f for f in site.files if f.path == "quyet-dinh/2024/12-qd-ubnd/danh-sach.csv")
    (tmp_path / "danh-sach.csv").write_bytes(csv_file.data())
    decision = tree.data / "decisions/2024/12-qd-ubnd.yaml"
    before = next(d for d in outcome.catalog.decisions if d.slug == "12-qd-ubnd").model.recipients
    result = run_cli("import", str(tmp_path / "danh-sach.csv"), "--decision", str(decision), "--data", str(tree.data),
                     cwd=tree.root)
    assert result.returncode == 0, result.stderr
    after_outcome = pipeline.check(tree.data, tree.root)
    assert after_outcome.ok, [str(p) for p in after_outcome.problems]
    after = next(d for d in after_outcome.catalog.decisions if d.slug == "12-qd-ubnd").model.recipients
    assert after == before


def test_import_command_refuses_to_write_when_rows_are_bad(tree, tmp_path):
    path = workbook(tmp_path, [["Họ và tên", "Tiền thưởng"], ["A", "x"]])
    decision = tree.data / "decisions/2024/12-qd-ubnd.yaml"
    original = decision.read_text("utf-8")
    result = run_cli("import", str(path), "--decision", str(decision), cwd=tree.root)
    assert result.returncode == 1 and "Danh sách!B2: tiền thưởng «x» không phải số" in result.stderr
    assert decision.read_text("utf-8") == original
