"""The clerk's day, scripted as the guide tells it: scaffold, import the office's Excel file and a CSV saved by
Excel on Vietnamese Windows, attach the signed scan, validate (every planted mistake in one run, lines named by
STT), fix, build, and find the person with the site's search in Chromium. Exact messages are asserted."""

from __future__ import annotations

import shutil
import unicodedata

import pytest
from conftest import FIXTURES, make_project, run_cli
from test_new_site import english_lines

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DECISION = "data/decisions/2025/2402-qd-ubnd.yaml"
SECOND = "data/decisions/2025/2403-qd-ubnd.yaml"
ACHIEVEMENT = "Hoàn thành xuất sắc nhiệm vụ năm học 2024-2025"
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Text as Excel's "CSV" writes it on Vietnamese Windows: Windows-1258, whose tone marks are combining
    characters after a base letter (ệ = ê + U+0323)."""
    out = []
    for char in text:
        try:
            out.append(char.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append((base + "".join(c for c in parts if c in _TONES)).encode("cp1258"))
    return b"".join(out)


def office_workbook(path) -> None:
    """The list as offices send it: title rows, a header merged over two rows, sections, honorifics, a name in
    capitals, a placeholder left in, one person twice, and the signature block under the table."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM"])
    ws.append(["DANH SÁCH KHEN THƯỞNG"])
    ws.append(["(Kèm theo Quyết định số 2402/QĐ-UBND)"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Thành tích", "Tiền thưởng (đồng)"])
    ws.append([])
    for column in "ABCDEF":
        ws.merge_cells(f"{column}5:{column}6")
    ws.append(["I. TẬP THỂ"])
    ws.append([1, "Tổ Toán", "", "Trường A", ACHIEVEMENT, 7020000])
    ws.append(["II. CÁ NHÂN"])
    ws.append([2, "Ông Nguyễn Văn Hùng", "Giáo viên", "Trường A", ACHIEVEMENT, 3510000])
    ws.append([3, "TRẦN THỊ LAN", "Hiệu trưởng", "Trường A", "…", 3510000])
    ws.append([4, "Bà Lê Thị Mai", "Giáo viên", "Trường A", ACHIEVEMENT, 3510000])
    ws.append([5, "Ông Nguyễn Văn Hùng", "Giáo viên", "Trường A", ACHIEVEMENT, 3510000])
    ws.append([])
    ws.append([])
    ws.append(["", "", "", "KT. CHỦ TỊCH"])
    ws.append(["", "", "", "PHÓ CHỦ TỊCH"])
    ws.append(["", "", "", "Lê Văn C"])
    wb.save(path)


def test_from_the_offices_files_to_a_page_found_by_search(tmp_path):
    from playwright.sync_api import sync_playwright

    from generator.dev.screenshots import CHROMIUM_ARGS, serve

    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    typed = []

    def clerk(*args: str):
        typed.append(args)
        return run_cli(*args, cwd=project)

    # 1. scaffold; a wrong code is refused as it is written
    wrong = clerk("new", "decision", "--number", "2402/QĐ-UBND", "--date", "2025-12-01", "--authority", "ubnd-tinhh",
                  "--award-form", "bang-khen-cap-tinh")
    assert wrong.returncode != 0 and "Mã cơ quan ban hành «ubnd-tinhh» không có trong danh mục — có phải «ubnd-tinh»" \
        in wrong.stderr
    made = clerk("new", "decision", "--number", "2402/QĐ-UBND", "--date", "2025-12-01", "--authority", "ubnd-tinh",
                 "--award-form", "bang-khen-cap-tinh")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith(f"Đã tạo {DECISION}. Điền các chỗ «…», rồi chạy: ./bangvang validate.")

    # 2. import the Excel file
    office_workbook(project / "danh-sach.xlsx")
    imported = clerk("import", "danh-sach.xlsx", "--decision", DECISION)
    assert imported.returncode == 0, imported.stderr
    assert imported.stderr.splitlines() == [
        "danh-sach.xlsx: Danh sách!B10, B12, B13: đã bỏ danh xưng trước họ tên (Ông, Bà)",
        "danh-sach.xlsx: Danh sách!B10, B12, B13: giới tính lấy từ danh xưng «Ông»/«Bà» (bảng không có cột Giới "
        "tính) — kiểm tra lại",
        "danh-sach.xlsx: Danh sách!B11: đã đổi họ tên viết hoa toàn bộ sang chữ hoa đầu mỗi tiếng, ví dụ «TRẦN THỊ "
        "LAN» → «Trần Thị Lan» — kiểm tra lại",
        "danh-sach.xlsx: Danh sách: bỏ qua 3 dòng sau bảng (khối chữ ký), từ dòng 16"]

    # 3. a second decision from a ";" CSV in Windows-1258
    assert clerk("new", "decision", "--number", "2403/QĐ-UBND", "--date", "2025-12-02", "--authority", "ubnd-tinh",
                 "--award-form", "bang-khen-cap-tinh").returncode == 0
    # …whose position and unit share one column, as many offices type them: split, the unit linked
    csv_text = ("STT;Họ và tên;Chức vụ, đơn vị;Thành tích;Tiền thưởng\r\n"
                f"1;Phạm Thị Huyền;Nhân viên, Trường Tiểu học A;{ACHIEVEMENT};3510000\r\n")
    (project / "danh-sach.csv").write_bytes(cp1258(csv_text))
    second = clerk("import", "danh-sach.csv", "--decision", SECOND)
    assert second.returncode == 0, second.stderr
    assert second.stderr.splitlines()[0] == (
        "danh-sach.csv!C2: đã tách chức vụ và đơn vị, ví dụ «Nhân viên, Trường Tiểu học A» → chức vụ "
        "«Nhân viên», đơn vị «Trường Tiểu học A» — kiểm tra lại")
    written = (project / SECOND).read_text(encoding="utf-8")
    assert 'name: "Phạm Thị Huyền"\n    position: "Nhân viên"\n    unit: truong-a\n' in written

    # 4. attach the signed scan
    (project / "qd.pdf").write_bytes(b"%PDF-1.4\n%fake signed scan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    attached = clerk("attach", DECISION, "qd.pdf")
    assert attached.returncode == 0, attached.stderr

    # 5. one run shows every planted mistake, lines named by STT and name
    checked = clerk("validate")
    assert checked.returncode == 1
    problems = [line for line in checked.stderr.splitlines() if line.startswith("data/")]
    first = [line for line in problems if line.startswith(DECISION)]
    assert first == [
        f"{DECISION}:9: «signer.name» vẫn còn chỗ «…» của tệp mẫu — điền giá trị thật, hoặc xóa dòng nếu trường "
        "không bắt buộc",
        f"{DECISION}:10: «signer.title» vẫn còn chỗ «…» của tệp mẫu — điền giá trị thật, hoặc xóa dòng nếu trường "
        "không bắt buộc",
        f"{DECISION}:16: cảnh báo: «reason» vẫn còn chỗ chưa điền «…» của mẫu hoặc bản nháp — thay bằng nội dung "
        "đúng như quyết định đã ký",
        f"{DECISION}:41: dòng 3 (Trần Thị Lan): «achievement» vẫn còn chỗ «…» của tệp mẫu — điền giá trị thật, "
        "hoặc xóa dòng nếu trường không bắt buộc",
        f"{DECISION}:51: cảnh báo: dòng 5 (Nguyễn Văn Hùng): trùng họ tên và đơn vị với dòng 2 của quyết định — "
        "nếu là cùng một người, xóa một trong hai dòng; nếu là hai người trùng tên, giữ nguyên và kiểm tra chức vụ"]

    # 6. fix what the messages say, in the file
    for path in (DECISION, SECOND):
        text = (project / path).read_text(encoding="utf-8")
        text = text.replace('name: "…"', 'name: "Lê Văn C"', 1)
        text = text.replace('title: "…"', 'title: "KT. Chủ tịch — Phó Chủ tịch"', 1)
        text = text.replace("Đã có thành tích xuất sắc trong …", ACHIEVEMENT)
        text = text.replace('achievement: "…"', f'achievement: "{ACHIEVEMENT}"')
        if path == DECISION:  # the repeated line goes
            head, sep, last = text.rpartition("  - kind: individual\n    name: \"Nguyễn Văn Hùng\"")
            text = head.rstrip("\n") + "\n"
        (project / path).write_text(text, encoding="utf-8")
    clean = clerk("validate")
    assert clean.returncode == 0, clean.stderr

    # 7. build, and find her as the public would, without diacritics
    built = clerk("build")
    assert built.returncode == 0, built.stderr
    assert english_lines(built.stdout + built.stderr) == []
    site = project / "site"
    httpd, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "tim-kiem/")
            page.fill("#bv-q", "tran thi lan")
            result = page.locator("#bv-results li").filter(has_text="Trần Thị Lan").first
            result.wait_for()
            assert "2402/QĐ-UBND" in result.inner_text()
            result.locator("a").first.click()
            page.wait_for_url("**/quyet-dinh/2025/2402-qd-ubnd/**")
            assert page.locator("table.bv-recipients tbody tr").count() == 4
            browser.close()
    finally:
        httpd.shutdown()
    # the number of commands the clerk typed for two decisions, start to published page
    assert len(typed) == 9
