"""The built sample site in a real browser: Debian's chromium, headless, driven by Playwright."""

from __future__ import annotations

import functools
import gzip
import os
import http.server
import shutil
import threading
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
OUTPUT = Path(__file__).resolve().parent / "_output"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(sample_site):
    handler = functools.partial(_Quiet, directory=str(sample_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make test` (it installs it) or `apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()


def test_home_shows_totals_latest_decisions_and_profiles(page, server):
    page.goto(server)
    assert page.title().startswith("Bảng Vàng")
    assert page.locator("h1").first.inner_text() == "Bảng Vàng tỉnh Hòa An"
    assert page.locator(".bv-total").count() == 6
    assert page.locator("table.bv-table tbody tr").count() == 10
    assert page.locator(".bv-card").count() >= 4
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "home-desktop.png"), full_page=True)
    assert page.errors == []


def test_recipient_link_lands_on_its_row(page, server):
    page.goto(server + "guong-dien-hinh/hoang-van-t/")
    page.locator("table.bv-table a", has_text="1876/QĐ-UBND").click()
    page.wait_for_load_state()
    assert page.url.endswith("quyet-dinh/2024/1876-qd-ubnd/#nguoi-nhan-hoang-van-t")
    row = page.locator("tr#nguoi-nhan-hoang-van-t")
    assert row.is_visible()
    assert "Hoàng Văn T" in row.inner_text()
    background = row.locator("td").first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == "rgb(255, 243, 196)"  # the :target highlight
    assert page.errors == []


def test_revoked_decision_shows_banner(page, server):
    page.goto(server + "quyet-dinh/2024/1990-qd-ubnd/")
    banner = page.locator(".bv-banner")
    assert banner.is_visible()
    assert "512/QĐ-UBND" in banner.inner_text()


def test_revoked_status_is_visible_at_the_recipients_anchor_on_a_phone(browser, server):
    """Landing on a revoked decision's line (from search or a citation) shows that it was revoked right
    there, in the first screen of a 390 px phone — not only in the banner far above."""
    from generator import pipeline
    from generator.catalog.gate import Publication
    from conftest import ROOT

    catalog = pipeline.check(ROOT / "data", ROOT).catalog
    revoked = catalog.revoked()[0]
    row = Publication(catalog).rows(revoked)[-1]
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    pg = context.new_page()
    pg.goto(f"{server}quyet-dinh/{revoked.id}/#nguoi-nhan-{row.recipient_id}")
    badge = pg.locator(f"tr#nguoi-nhan-{row.recipient_id} .bv-badge--revoked")
    assert badge.inner_text() == "Đã hủy bỏ"
    box = badge.bounding_box()
    assert box and 0 <= box["y"] and box["y"] + box["height"] <= 844, box
    assert pg.evaluate("document.querySelector('.bv-cite__text').textContent").count("Đã bị hủy bỏ bởi Quyết định số") == 1
    OUTPUT.mkdir(exist_ok=True)
    pg.screenshot(path=str(OUTPUT / "revoked-anchor-phone.png"))
    context.close()


def test_mobile_layout_does_not_overflow(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    pg = context.new_page()
    for path in ("", "quyet-dinh/2024/1876-qd-ubnd/", "guong-dien-hinh/nguyen-thi-h/"):
        pg.goto(server + path)
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path or 'home'} overflows by {overflow}px"
    OUTPUT.mkdir(exist_ok=True)
    pg.screenshot(path=str(OUTPUT / "profile-mobile.png"), full_page=True)
    context.close()


CRUMB_PAGES = ["quyet-dinh/2024/1876-qd-ubnd/", "quyet-dinh/2024/", "don-vi/truong-thpt-hoa-an/",
               "thong-ke/danh-sach/2024/hinh-thuc-giay-khen-chu-tich-ubnd-huyen/",
               "thong-ke/bao-cao/2025-0602/", "nguoi/hoang-van-t/"]


@pytest.mark.parametrize("width", [390, 1366])
def test_breadcrumbs_and_year_pager_fit_phone_and_desktop(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=width < 500)
    pg = context.new_page()
    for path in CRUMB_PAGES:
        pg.goto(server + path)
        assert pg.url == server + path  # the page itself, not a redirect
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} overflows by {overflow}px"
        items = pg.locator('nav[aria-label="Đường dẫn"] li')
        boxes = [items.nth(i).bounding_box() for i in range(items.count())]
        assert len(boxes) >= 3 and all(b["x"] >= 0 and b["x"] + b["width"] <= width for b in boxes), (path, boxes)
        assert pg.locator('nav[aria-label="Đường dẫn"] [aria-current="page"]').count() == 1
        for i in range(items.count() - 1):
            link = items.nth(i).locator("a").bounding_box()
            assert link["height"] >= 24, (path, i, link)  # WCAG 2.5.8 target size
        # the trail comes before the heading
        assert boxes[-1]["y"] < pg.locator("h1").bounding_box()["y"], path
    pg.goto(server + "quyet-dinh/2024/")
    previous, following = pg.locator('a[rel="prev"]'), pg.locator('a[rel="next"]')
    assert previous.inner_text() == "← Năm trước (2023)" and following.inner_text() == "Năm sau (2025) →"
    for link in (previous, following):
        box = link.bounding_box()
        assert box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= width, box
    following.click()
    pg.wait_for_url("**/quyet-dinh/2025/")
    assert pg.locator("h1").inner_text() == "Quyết định khen thưởng năm 2025"
    OUTPUT.mkdir(exist_ok=True)
    pg.goto(server + "quyet-dinh/2024/1876-qd-ubnd/")
    pg.screenshot(path=str(OUTPUT / f"breadcrumbs-{width}.png"))
    context.close()


def search(page, text):
    """Type a query and wait until the announced status is about it."""
    page.fill("#bv-q", text)
    page.wait_for_function("q => document.getElementById('bv-status').textContent.includes('«' + q + '»')",
                           arg=text.strip())
    page.wait_for_function("document.querySelector('[data-bv-search]').getAttribute('aria-busy') === null")
    return page.locator("#bv-results li")


def test_search_without_and_with_diacritics(page, server):
    page.goto(server + "tim-kiem/")
    plain = search(page, "hoang van t").all_inner_texts()
    status_plain = page.inner_text("#bv-status")
    marked = search(page, "Hoàng Văn T").all_inner_texts()
    upper = search(page, "HOANG VAN T").all_inner_texts()
    assert plain == marked == upper and plain
    assert plain[0].startswith("GƯƠNG ĐIỂN HÌNH") and "Hoàng Văn T" in plain[0]
    assert status_plain.startswith("Tìm thấy ")
    assert page.locator("#bv-status").get_attribute("role") == "status"
    assert "thi đua" in " ".join(search(page, "dua").all_inner_texts()).lower()
    assert page.errors == []


def test_search_decision_number_and_link_to_recipient_anchor(page, server):
    page.goto(server + "tim-kiem/")
    for query in ("1876/QĐ-UBND", "1876 qd ubnd"):
        first = search(page, query).first
        assert "Quyết định 1876/QĐ-UBND" in first.inner_text()
    search(page, "hoang van t thuong uy")
    link = page.locator("#bv-results li.bv-result--nguoi a", has_text="1876/QĐ-UBND").first
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/quyet-dinh/2024/1876-qd-ubnd/#nguoi-nhan-hoang-van-t")


def test_search_filter_and_no_result(page, server):
    page.goto(server + "tim-kiem/")
    all_years = search(page, "nguyen").count()
    page.select_option("select[data-bv-facet=y]", "2023")
    page.wait_for_function("location.search.includes('nam=2023')")
    page.wait_for_function("document.querySelector('[data-bv-search]').getAttribute('aria-busy') === null")
    texts = page.locator("#bv-results li").all_inner_texts()
    people = [t for t in texts if t.startswith(("CÁ NHÂN", "TẬP THỂ", "HỘ GIA ĐÌNH"))]
    assert people and all("2023" in t for t in people)
    assert "nam=2023" in page.url
    page.select_option("select[data-bv-facet=y]", "")
    none = search(page, "khongcotennay")
    assert none.count() == 0
    assert page.inner_text("#bv-status").startswith("Không tìm thấy kết quả nào cho «khongcotennay»")
    assert all_years > 0 and page.errors == []


def test_search_by_keyboard_and_from_the_url(page, server):
    page.goto(server + "tim-kiem/?q=nguyen+thi+h")
    page.wait_for_function("document.querySelectorAll('#bv-results li').length > 0")
    page.focus("#bv-q")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.closest('li') === document.querySelector('#bv-results li')")
    assert first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "bv-q"
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/guong-dien-hinh/nguyen-thi-h/" in page.url


def test_header_search_box_opens_the_search_page(page, server):
    page.goto(server + "quyet-dinh/2024/")
    page.fill("#bv-header-q", "le van m")
    page.press("#bv-header-q", "Enter")
    page.wait_for_function("document.querySelectorAll('#bv-results li').length > 0")
    assert "Lê Văn M" in page.locator("#bv-results li").first.inner_text()
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "search-desktop.png"))


def test_search_makes_no_request_outside_the_site(browser, server):
    context = browser.new_context()
    pg = context.new_page()
    outside = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    pg.goto(server + "tim-kiem/?q=nguyen+van")
    pg.wait_for_function("document.querySelectorAll('#bv-results li').length > 0")
    context.close()
    assert outside == []


def test_journalist_cites_a_profile_and_finds_its_data(browser, server):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(server + "guong-dien-hinh/tran-van-k/")
    cite = page.locator("#bv-cite-text").inner_text()
    assert "https://bangvang-hoa-an.example/guong-dien-hinh/tran-van-k/" in cite
    assert "truy cập ngày " in cite and "…" not in cite
    page.click("text=Chép trích dẫn")
    assert page.evaluate("navigator.clipboard.readText()") == cite.strip()
    page.goto(server + "ve-du-lieu/")
    link = page.locator("a[href$='2025/nguoi-nhan.csv.gz']", has_text="Người, tập thể được khen (CSV, nén gzip)")
    response = page.request.get(server + "ve-du-lieu/" + link.get_attribute("href"))
    assert response.ok and "Trần Văn K" in gzip.decompress(response.body()).decode("utf-8-sig")
    page.goto(server + "thong-ke/")
    assert page.locator("table.bv-bars .bv-bar").count() >= 20
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "statistics-desktop.png"), full_page=True)
    context.close()


AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_PAGES = ["", "tim-kiem/?q=nguyen+van", "quyet-dinh/", "quyet-dinh/2024/", "quyet-dinh/2024/1876-qd-ubnd/",
             "nguoi/hoang-van-t/", "quyet-dinh/2024/1990-qd-ubnd/",
             "guong-dien-hinh/", "guong-dien-hinh/tran-van-k/", "don-vi/", "don-vi/so-nn-ptnt/", "hinh-thuc-khen-thuong/",
             "thong-ke/", "thong-ke/2024/", "thong-ke/bao-cao/2024-ubnd-tinh-hoa-an-0603/", "khen-thuong-bi-huy/",
             "ve-du-lieu/", "gioi-thieu/", "cho-bao-chi/", "lay-y-kien/",
             "lay-y-kien/chien-si-thi-dua-cap-tinh-2026-dot-2/", "huong-dan-dang-quyet-dinh/",
             "lay-y-kien/htx-tan-phu-huan-chuong-lao-dong-2026/ban-in/",
             "thong-ke/bao-cao/2025-0601/"]


def test_axe_finds_no_accessibility_violations(page, server):
    if not AXE.exists():
        pytest.fail("axe-core missing: run `make test`, which installs it (package-lock.json)")
    source = AXE.read_text(encoding="utf-8")
    found = {}
    for path in AXE_PAGES:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        page.add_script_tag(content=source)
        violations = page.evaluate("async () => (await axe.run()).violations.map(v => v.id + ' (' + v.impact + ')')")
        if violations:
            found[path or "/"] = violations
    assert found == {}


def test_hostile_data_runs_no_script_in_the_browser(browser, tmp_path):
    """Markup and script from every kind of text field, built for real and opened in Chromium."""
    from conftest import FIXTURES, make_project, run_cli

    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>"
    decision = project / "data/decisions/2024/12-qd-ubnd.yaml"
    text = decision.read_text("utf-8")
    for old in ('"Trần Thị B"', '"Dạy giỏi"', '"Giáo viên"', '"Đã có thành tích xuất sắc"', '"Về việc tặng Bằng khen"',
                '"Lê Văn C"', '"Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"'):
        text = text.replace(old, "'" + evil + "'")
    decision.write_text(text, "utf-8")
    profile = project / "data/profiles/nguyen-van-a.yaml"
    profile.write_text(profile.read_text("utf-8").replace('"Thầy giáo vùng khó khăn."', "'" + evil + "'")
                       .replace('"Ảnh minh họa"', "'\" onerror=\"alert(4)'")
                       .replace('tags: ["giáo dục"]', "tags: ['" + evil + "']"), "utf-8")
    (project / "data/profiles/nguyen-van-a.md").write_text(
        f"{evil}\n\n[x](javascript:alert(5)) <a href='data:text/html,<script>alert(6)</script>'>y</a>\n"
        "<iframe src=javascript:alert(7)></iframe>\n", "utf-8")
    site = project / "site"
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    dialogs = []
    context = browser.new_context()
    pg = context.new_page()
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for path in ("", "quyet-dinh/2024/12-qd-ubnd/", "guong-dien-hinh/", "guong-dien-hinh/nguyen-van-a/",
                     "don-vi/truong-a/", "tim-kiem/?q=script", "tim-kiem/?q=alert", "thong-ke/", "quyet-dinh/2024/"):
            pg.goto(base + path)
            pg.wait_for_load_state("networkidle")
            for link in pg.locator("a").all()[:80]:
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith(("javascript:", "data:")), (path, href)
        assert pg.evaluate("window.__pwned === undefined")
    finally:
        context.close()
        httpd.shutdown()
    assert dialogs == []


def _squeezed(text: str) -> str:
    """PDF text without whitespace, in NFC (extraction splits Vietnamese letters from their marks)."""
    import unicodedata

    return unicodedata.normalize("NFC", "".join(text.split()))


def _qr_text(page) -> list[str]:
    """Decode the QR code on the page: the SVG drawn onto a canvas, its grey pixels read by zxing-cpp."""
    import zxingcpp

    pixels = page.evaluate("""async () => {
        const svg = document.querySelector('.bv-verify svg, .verify svg');
        const source = new XMLSerializer().serializeToString(svg);
        const img = new Image();
        img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(source);
        await img.decode();
        const size = 400, canvas = document.createElement('canvas');
        canvas.width = size; canvas.height = size;
        const ctx = canvas.getContext('2d');
        ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, size, size);
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(img, 40, 40, size - 80, size - 80);
        const rgba = ctx.getImageData(0, 0, size, size).data;
        const grey = [];
        for (let i = 0; i < rgba.length; i += 4) grey.push(rgba[i]);
        return grey;
    }""")
    image = memoryview(bytes(pixels)).cast("B", (400, 400))
    return [b.text for b in zxingcpp.read_barcodes(image)]


def test_a_decision_prints_as_its_notice_board_list_with_qr_page_numbers_and_corrections(browser, server, tmp_path):
    from pypdf import PdfReader

    context = browser.new_context()
    pg = context.new_page()
    pg.goto(server + "quyet-dinh/2024/1876-qd-ubnd/")  # 4 recipients and a correction
    button = pg.get_by_role("button", name="In danh sách niêm yết (A4, có mã QR)")
    assert button.is_visible()
    assert not pg.locator(".bv-verify").is_visible()  # the print layout is not on screen
    assert _qr_text(pg) == ["https://bangvang-hoa-an.example/quyet-dinh/2024/1876-qd-ubnd/"]
    pdf = tmp_path / "niem-yet.pdf"
    pg.pdf(path=str(pdf), format="A4", print_background=False)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = _squeezed(reader.pages[0].extract_text())
    assert "DANHSÁCHKHENTHƯỞNG" in text and "https://bangvang-hoa-an.example/quyet-dinh/2024/1876-qd-ubnd/" in text
    assert "CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM" in text and "Trang1/1" in text
    assert "Đínhchính" in text and "Thượngúy" in text  # the correction is printed with the list
    for screen_only in ("Tảidữliệu", "Tríchdẫn", "Căncứ", "Ngườiký", "Inda"):
        assert screen_only not in text

    # a long list: 60 more rows repeat the header on every page, no row is cut in two, pages are numbered
    pg.evaluate("""() => {
        const body = document.querySelector('.bv-recipients tbody');
        const row = body.querySelector('tr');
        for (let i = 0; i < 60; i++) body.appendChild(row.cloneNode(true));
    }""")
    pg.pdf(path=str(pdf), format="A4")
    pages = PdfReader(pdf).pages
    assert len(pages) >= 3
    texts = [_squeezed(p.extract_text()) for p in pages]
    assert all("Họvàtên" in t for t in texts[:-1])
    assert all(f"Trang{i}/{len(pages)}" in t for i, t in enumerate(texts, 1))
    context.close()


@pytest.fixture(scope="module")
def one_font_browser(browser, tmp_path_factory):
    """Chromium that sees a single system font, the machine's wide sans-serif fallback (DejaVu Sans on Debian),
    as on a fresh machine without Times-like fonts: only what the site itself ships can lay out the print."""
    import subprocess

    found = subprocess.run(["fc-match", "-f", "%{file}", "sans-serif"], capture_output=True, text=True).stdout
    font = Path(found) if found else next(Path("/usr/share/fonts").rglob("*.ttf"))
    conf_dir = tmp_path_factory.mktemp("fontconfig")
    (conf_dir / "fonts").mkdir()
    shutil.copy(font, conf_dir / "fonts" / font.name)
    conf = conf_dir / "fonts.conf"
    conf.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                    f"<fontconfig><dir>{conf_dir / 'fonts'}</dir><cachedir>{conf_dir / 'cache'}</cachedir></fontconfig>\n",
                    encoding="utf-8")
    b = browser.browser_type.launch(executable_path=CHROMIUM, args=ARGS, env={**os.environ, "FONTCONFIG_FILE": str(conf)})
    yield b
    b.close()


def _print_fonts(reader) -> set[str]:
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    return fonts


@pytest.mark.parametrize("fonts", ["machine", "one"])
@pytest.mark.parametrize("path", ["quyet-dinh/2024/216-qd-syt/", "quyet-dinh/2023/1615-qd-sgddt/",
                                  "quyet-dinh/2025/318-qd-ubnd/", "quyet-dinh/2024/1990-qd-ubnd/"])
def test_lists_of_up_to_sixteen_lines_print_on_one_page(request, server, tmp_path, path, fonts):
    """The print layout uses the typeface the site ships, so it paginates the same whatever fonts the machine has
    (the machine's own, or a single wide sans-serif)."""
    from pypdf import PdfReader

    browser = request.getfixturevalue("browser" if fonts == "machine" else "one_font_browser")
    context = browser.new_context()
    pg = context.new_page()
    pg.goto(server + path)
    pg.evaluate("() => window.bangvangPrintReady()")
    pdf = tmp_path / "list.pdf"
    pg.pdf(path=str(pdf), format="A4")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1, f"{path}: {len(reader.pages)} pages"
    used = _print_fonts(reader)
    assert used and all("Tinos" in name for name in used), used
    assert "Trang1/1" in _squeezed(reader.pages[0].extract_text())
    context.close()


def test_consultations_count_down_and_close_by_the_readers_date(browser, server):
    import datetime as dt

    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 11, 25, 9, 0))
    page.goto(server + "lay-y-kien/")
    open_items = page.locator("[data-bv-open] li[data-bv-closes]")
    assert open_items.count() == 1 and "(còn 20 ngày)" in open_items.first.inner_text()
    closed = page.locator("[data-bv-closed] li").first.inner_text()
    assert "Quyết định số 893/QĐ-CTN" in closed
    page.clock.set_fixed_time(dt.datetime(2026, 12, 20, 9, 0))
    page.goto(server + "lay-y-kien/")
    assert page.locator("[data-bv-open] li[data-bv-closes]").count() == 0
    assert page.locator("[data-bv-open] .bv-empty").is_visible()
    page.goto(server + "lay-y-kien/chien-si-thi-dua-cap-tinh-2026-dot-2/")
    assert "(đã hết hạn góp ý)" in page.locator("[data-bv-deadline]").first.inner_text()
    page.goto(server + "lay-y-kien/chien-si-thi-dua-cap-tinh-2026-dot-2/ban-in/")
    assert _qr_text(page) == ["https://bangvang-hoa-an.example/lay-y-kien/chien-si-thi-dua-cap-tinh-2026-dot-2/"]
    context.close()
