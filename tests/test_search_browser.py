"""Search in a real browser (Debian's chromium, headless): search.js on the built sample site, and on the
sample with a few more names for the ranking rules. Requests are watched: what typing downloads, what a
superseded search gives up, what a normal page does not fetch."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, make_project, run_cli
from test_browser import ARGS, CHROMIUM, _Quiet

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RANKING_DECISION = """number: "777/QĐ-UBND"
date: 2025-05-05
authority: ubnd-tinh-hoa-an
award_form: bang-khen-cap-tinh
method: ad_hoc
reason: "Có thành tích xuất sắc trong phong trào thi đua"
recipients:
""" + "".join(f"""  - kind: individual
    name: "{name}"
{aliases}    unit_text: "Hội Nông dân tỉnh Hòa An"
    category: direct_worker
""" for name, aliases in [("Lê Xuân Dục", ""), ("Lê Xuân Đức", ""), ("Đức Xuân", ""), ("Nguyễn Công Thịnh", ""),
                           ("Nguyễn Thị Thắm", ""),
                           ("Nguyễn Văn Ba", '    aliases: ["Ba Sài Gòn"]\n'), ("Sài Gòn Ba", "")])


def _serve(directory: Path, slow: str = "", delay: float = 0.0):
    """A threaded static server on 127.0.0.1; files whose path contains ``slow`` are sent ``delay`` s late."""

    class Handler(_Quiet):
        def do_GET(self):
            if slow and slow in self.path:
                time.sleep(delay)
            try:
                super().do_GET()
            except (BrokenPipeError, ConnectionResetError):  # the browser gave the request up
                pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make test` (it installs it) or `apt-get install chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(sample_site):
    httpd, base = _serve(sample_site)
    yield base
    httpd.shutdown()


SYLLABLES = "An Bình Chi Dũng Giang Hà Khang Lâm Minh Nam Oanh Phong Quân Sơn Tâm Uyên Vinh Xuân Yến Đạt".split()


def _crowd_decision() -> str:
    """400 people named Lê Văn …, and 400 others working at a school named Lê Văn Tám: "le" and "van" get
    files of their own (more than INLINE_MAX documents), in titles and in other text."""
    lines = ['number: "778/QĐ-UBND"', "date: 2025-05-06", "authority: ubnd-tinh-hoa-an", "award_form: bang-khen-cap-tinh",
             "method: regular", 'reason: "Hoàn thành tốt nhiệm vụ"', "recipients:"]
    for i, (a, b) in enumerate((a, b) for a in SYLLABLES for b in SYLLABLES):
        lines += ["  - kind: individual", f'    name: "Lê Văn {a} {b}"', '    unit_text: "Hội Nông dân tỉnh Hòa An"',
                  "    category: direct_worker",
                  "  - kind: individual", f'    name: "Phạm Thị {a} {b}"', '    unit_text: "Trường Lê Văn Tám"',
                  "    category: direct_worker"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def ranking_server(tmp_path_factory):
    """The sample with two more decisions: names that put the ranking rules to the test, and a crowd."""
    project = make_project(tmp_path_factory.mktemp("ranking"), ROOT / "data")
    (project / "data/decisions/2025/777-qd-ubnd.yaml").write_text(RANKING_DECISION, "utf-8")
    (project / "data/decisions/2025/778-qd-ubnd.yaml").write_text(_crowd_decision(), "utf-8")
    site = project / "site"
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site), cwd=project)
    assert result.returncode == 0, result.stderr
    httpd, base = _serve(site)
    yield base
    httpd.shutdown()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    yield pg
    context.close()


def settled(page):
    page.wait_for_function("document.querySelector('[data-bv-search]').getAttribute('aria-busy') === null"
                           " && document.getElementById('bv-status').textContent !== ''")


def search(page, text):
    """Paste a query and wait until its results are shown."""
    page.fill("#bv-q", text)
    page.wait_for_function("q => document.getElementById('bv-status').textContent.includes('«' + q + '»')",
                           arg=text.strip())
    settled(page)
    return page.locator("#bv-results li")


def found(page) -> int:
    """The number of results the status announces."""
    import re

    return int(re.search(r"Tìm thấy ([\d.]+) kết quả", page.inner_text("#bv-status")).group(1).replace(".", ""))


def index_requests(page, base):
    """Every request for a file of the search index, in order, as a list the test can read later."""
    seen = []
    page.on("request", lambda r: seen.append(r.url[len(base):]) if "/chi-muc/" in r.url else None)
    return seen


# --- downloads ------------------------------------------------------------------------------------------


def test_a_normal_page_downloads_no_sitemap_and_still_announces_the_feed(browser, server):
    context = browser.new_context()
    pg = context.new_page()
    requested = []
    pg.on("request", lambda r: requested.append(r.url))
    for path in ("", "quyet-dinh/2024/1876-qd-ubnd/", "don-vi/", "tim-kiem/?q=nguyen"):
        pg.goto(server + path)
        pg.wait_for_load_state("networkidle")
        feed = pg.locator('link[type="application/atom+xml"]')
        assert feed.count() == 1 and "alternate" in feed.get_attribute("rel").split()
    context.close()
    assert [u for u in requested if "sitemap" in u] == []


def test_typing_key_by_key_downloads_what_pasting_does_and_nothing_twice(browser, server):
    query = "nguyen thi hoa"
    fetched, shown = {}, {}
    for mode in ("pasted", "typed"):
        context = browser.new_context()
        pg = context.new_page()
        pg.goto(server + "tim-kiem/")
        pg.wait_for_load_state("networkidle")
        seen = index_requests(pg, server)
        if mode == "pasted":
            pg.fill("#bv-q", query)
        else:
            pg.click("#bv-q")
            pg.keyboard.type(query, delay=100)  # faster than the wait before a search
        pg.wait_for_function("q => document.getElementById('bv-status').textContent.includes('«' + q + '»')", arg=query)
        settled(pg)
        pg.wait_for_load_state("networkidle")
        fetched[mode] = list(seen)
        assert len(seen) == len(set(seen)), f"{mode}: a file fetched twice: {seen}"
        shown[mode] = pg.locator("#bv-results li").all_inner_texts()
        context.close()
    assert shown["typed"] == shown["pasted"] and shown["typed"]
    assert set(fetched["typed"]) <= set(fetched["pasted"]), fetched


def test_a_pause_while_typing_searches_but_fetches_nothing_twice(browser, server):
    context = browser.new_context()
    pg = context.new_page()
    pg.goto(server + "tim-kiem/")
    pg.wait_for_load_state("networkidle")
    seen = index_requests(pg, server)
    pg.click("#bv-q")
    pg.keyboard.type("nguyen", delay=100)
    pg.wait_for_function("document.getElementById('bv-status').textContent.includes('«nguyen»')")
    settled(pg)
    first = len(seen)
    pg.keyboard.type(" thi hoa", delay=100)
    pg.wait_for_function("document.getElementById('bv-status').textContent.includes('«nguyen thi hoa»')")
    settled(pg)
    pg.wait_for_load_state("networkidle")
    context.close()
    assert len(seen) == len(set(seen)), seen
    assert "tim-kiem/chi-muc/t/ng.json" in seen[:first] and seen.count("tim-kiem/chi-muc/t/ng.json") == 1


def test_a_full_name_needs_one_file_of_rows_per_kind_of_result(browser, server):
    context = browser.new_context()
    pg = context.new_page()
    pg.goto(server + "tim-kiem/")
    pg.wait_for_load_state("networkidle")
    seen = index_requests(pg, server)
    texts = search(pg, "hoang van t").all_inner_texts()
    context.close()
    assert texts[0].startswith("GƯƠNG ĐIỂN HÌNH") and texts[1].startswith("CÁ NHÂN")
    rows = [u for u in seen if "/d/" in u]
    assert len(rows) <= 3, rows  # the profile's, the people's (same name: same file), the page's


def test_a_superseded_search_gives_up_its_downloads(browser, sample_site):
    httpd, base = _serve(sample_site, slow="/chi-muc/d/", delay=1.5)
    context = browser.new_context()
    pg = context.new_page()
    try:
        pg.goto(base + "tim-kiem/")
        pg.wait_for_load_state("networkidle")
        failed, started = [], []
        pg.on("requestfailed", lambda r: failed.append((r.url, r.failure)))
        pg.on("request", lambda r: started.append(r.url))
        pg.fill("#bv-q", "nguyen thi")
        pg.wait_for_function("document.querySelectorAll('#bv-results li').length === 0 && "
                             "document.getElementById('bv-status').textContent.includes('«nguyen thi»')")
        assert any("/d/" in u for u in started)  # its rows are on their way (slowly)
        search(pg, "1876/QĐ-UBND")  # a decision: rows in other files than people's
        assert "Quyết định 1876/QĐ-UBND" in pg.locator("#bv-results li").first.inner_text()
        aborted = [u for u, why in failed if "ABORTED" in (why or "")]
        assert aborted and all("/chi-muc/d/" in u for u in aborted)
        twice = {u for u in started if started.count(u) > 1 and "/chi-muc/" in u}
        assert twice <= set(aborted)  # only a file given up is fetched again, when the new search needs it
    finally:
        context.close()
        httpd.shutdown()


# --- results ----------------------------------------------------------------------------------------------


def test_ranking_rules_in_the_browser(page, ranking_server):
    page.goto(ranking_server + "tim-kiem/")
    titles = lambda q: search(page, q).locator(".bv-result__title").all_inner_texts()  # noqa: E731
    assert titles("Xuân Dục")[:3] == ["Lê Xuân Dục", "Lê Xuân Đức", "Đức Xuân"]  # order, then exact marks
    assert titles("xuan duc")[2] == "Đức Xuân"
    search(page, "nguyen thi")
    while page.locator("#bv-more").is_visible():  # every page of results
        count = page.locator("#bv-results li").count()
        page.click("#bv-more")
        page.wait_for_function("n => document.querySelectorAll('#bv-results li').length > n", arg=count)
    thi = page.locator("#bv-results .bv-result__title").all_inner_texts()
    assert "Nguyễn Công Thịnh" in thi and "Nguyễn Thị Thắm" in thi
    assert max(i for i, t in enumerate(thi) if t.startswith("Nguyễn Thị ")) < thi.index("Nguyễn Công Thịnh")
    assert titles("ba sai gon")[:2] == ["Nguyễn Văn Ba", "Sài Gòn Ba"]  # an alias matches like the name
    assert page.errors == []


def test_large_words_show_people_so_named_before_their_other_text_arrives(browser, ranking_server):
    context = browser.new_context()
    pg = context.new_page()
    pg.goto(ranking_server + "tim-kiem/")
    pg.wait_for_load_state("networkidle")
    seen = index_requests(pg, ranking_server)
    statuses = []
    pg.expose_function("noteStatus", lambda text: statuses.append(text))
    pg.evaluate("new MutationObserver(() => noteStatus(document.getElementById('bv-status').textContent))"
                ".observe(document.getElementById('bv-status'), {childList: true, characterData: true, subtree: true})")
    titles = search(pg, "le van").locator(".bv-result__title").all_inner_texts()
    context.close()
    assert {"tim-kiem/chi-muc/p/le.json", "tim-kiem/chi-muc/o/le.json", "tim-kiem/chi-muc/p/van.json",
            "tim-kiem/chi-muc/o/van.json"} <= set(seen)
    assert len(titles) == 20 and all(t.startswith("Lê Văn ") for t in titles)
    assert any(t.startswith("Đang tìm thêm kết quả cho «le van»") for t in statuses)  # named people first
    assert found_in(statuses[-1]) >= 800  # then everyone, the school's staff included


def found_in(status: str) -> int:
    import re

    return int(re.search(r"Tìm thấy ([\d.]+) kết quả", status).group(1).replace(".", ""))


def test_kind_labels_say_what_each_result_is(page, server):
    page.goto(server + "tim-kiem/")
    labels = set()
    for query in ("ho ong", "truong thcs tan phu", "1876/QĐ-UBND", "nguyen thi h", "cach doc"):
        search(page, query)
        labels.update(page.locator("#bv-results .bv-result__kind").all_inner_texts())
    labels = {label.upper() for label in labels}
    assert {"CÁ NHÂN", "TẬP THỂ", "HỘ GIA ĐÌNH", "QUYẾT ĐỊNH", "ĐƠN VỊ", "GƯƠNG ĐIỂN HÌNH", "TRANG"} <= labels


def test_a_revoked_decision_is_found_by_its_revoking_number_and_says_so(page, server):
    page.goto(server + "tim-kiem/")
    first = search(page, "512/QĐ-UBND").first
    assert "Quyết định 1990/QĐ-UBND" in first.inner_text()
    assert first.locator(".bv-badge--revoked").inner_text() == "Đã hủy bỏ"
    assert first.locator("a").get_attribute("href").endswith("quyet-dinh/2024/1990-qd-ubnd/")
    revoked_people = [t for t in search(page, "dinh van p").all_inner_texts() if "1990/QĐ-UBND" in t]
    assert revoked_people and all("Đã hủy bỏ" in t for t in revoked_people)


def test_filter_by_issuing_authority(page, server):
    page.goto(server + "tim-kiem/")
    search(page, "nguyen")
    everyone = found(page)
    page.select_option("select[data-bv-facet=a]", "so-y-te-hoa-an")
    page.wait_for_function("location.search.includes('co-quan=so-y-te-hoa-an')")
    settled(page)
    texts = page.locator("#bv-results li").all_inner_texts()
    assert texts and 0 < found(page) < everyone
    assert all("QĐ-SYT" in t or "Sở Y tế" in t for t in texts), texts
    assert "đang lọc theo 1 tiêu chí" in page.inner_text("#bv-filters summary")
    assert page.errors == []


# --- phones -----------------------------------------------------------------------------------------------


def test_on_a_phone_results_come_before_the_filters_and_no_keyboard_hint(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  device_scale_factor=3, locale="vi-VN")
    pg = context.new_page()
    pg.goto(server + "tim-kiem/?q=nguyen")
    pg.wait_for_function("document.querySelectorAll('#bv-results li').length > 0")
    assert not pg.locator(".bv-search__keys").is_visible()  # no arrow keys on a touch screen
    assert pg.locator("#bv-help").is_visible()
    assert pg.evaluate("document.getElementById('bv-filters').open") is False
    assert not pg.locator("select[data-bv-facet]").first.is_visible()
    first = pg.locator("#bv-results li").first.bounding_box()
    assert first["y"] + first["height"] <= 844  # the first result is on the first screen
    for selector in ("#bv-q", ".bv-search__submit", "#bv-filters > summary"):
        box = pg.locator(selector).bounding_box()
        assert box["height"] >= 44, selector
    assert pg.evaluate("getComputedStyle(document.getElementById('bv-q')).fontSize") == "16px"
    OUTPUT = Path(__file__).resolve().parent / "_output"
    OUTPUT.mkdir(exist_ok=True)
    pg.screenshot(path=str(OUTPUT / "search-phone.png"))
    # a filter set in the address opens the filters
    pg.goto(server + "tim-kiem/?q=nguyen&nam=2024")
    pg.wait_for_function("document.querySelectorAll('#bv-results li').length > 0")
    assert pg.evaluate("document.getElementById('bv-filters').open") is True
    select = pg.locator("select[data-bv-facet=y]")
    assert select.is_visible() and select.bounding_box()["height"] >= 44
    assert pg.evaluate("getComputedStyle(document.querySelector('select[data-bv-facet=y]')).fontSize") == "16px"
    context.close()


def test_on_a_desktop_the_keyboard_hint_and_the_filters_show(page, server):
    page.goto(server + "tim-kiem/")
    assert page.locator(".bv-search__keys").is_visible()
    assert page.evaluate("document.getElementById('bv-filters').open") is True


# --- real names (tests/real_names.py) ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_server(tmp_path_factory):
    """The sample with the real names: long collective names, candidates, per-line revocations, a person page."""
    import real_names

    project = make_project(tmp_path_factory.mktemp("real"), ROOT / "data")
    real_names.write_records(project / "data", "ubnd-tinh-hoa-an")
    site = project / "site"
    result = run_cli("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site), cwd=project)
    assert result.returncode == 0, result.stderr
    httpd, base = _serve(site)
    yield base
    httpd.shutdown()


def test_every_real_name_typed_key_by_key_without_diacritics_is_shown(page, real_server):
    from real_names import every_name, plain

    page.goto(real_server + "tim-kiem/")
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    shown = {}
    for name in every_name():
        page.fill("#bv-q", "")
        page.type("#bv-q", plain(name), delay=15)  # key by key, faster than the pause that starts a search
        page.wait_for_function("q => document.getElementById('bv-status').textContent.includes('«' + q + '»')",
                               arg=plain(name))
        settled(page)
        titles = page.locator("#bv-results .bv-result__title").all_inner_texts()
        shown[name] = found(page) > 0 and name in titles
    assert [n for n, ok in shown.items() if not ok] == [] and len(shown) == len(set(every_name())) == 61
    assert failed == [] and page.errors == []


def test_a_long_name_typed_slowly_searches_at_every_word_and_shows_it(page, real_server):
    name = "Liên đội Trường Trung học cơ sở Nguyễn Văn Trỗi (Đội Thiếu niên Tiền phong Hồ Chí Minh), xã Phước Long, huyện Phước Long, tỉnh Bạc Liêu (nay Cà Mau)"  # noqa: E501
    page.goto(real_server + "tim-kiem/")
    seen = index_requests(page, real_server)
    typed = ("lien doi truong trung hoc co so nguyen van troi doi thieu nien tien phong ho chi minh xa phuoc long "
             "huyen phuoc long tinh bac lieu nay ca mau").split()
    for k, word in enumerate(typed):  # a pause after each word: a search with 1, 2, … 30 words
        page.type("#bv-q", word + (" " if k < len(typed) - 1 else ""), delay=10)
        page.wait_for_timeout(260)
    settled(page)
    assert page.locator("#bv-results .bv-result__title").first.inner_text() == name
    rows = [p for p in seen if "/d/" in p]
    assert rows and all(int(p.rsplit("/", 1)[1][:-5]) >= 0 for p in rows)


def test_a_person_page_comes_first_and_only_matched_words_are_marked(page, real_server):
    page.goto(real_server + "tim-kiem/")
    first = search(page, "dang thi thu ha").first
    assert first.locator("a").get_attribute("href").endswith("nguoi/dang-thi-thu-ha/")
    assert first.locator(".bv-result__kind").inner_text().upper() == "NGƯỜI ĐƯỢC KHEN THƯỞNG"
    marks = page.locator("#bv-results li").nth(1).locator("mark").all_inner_texts()
    assert marks == ["Đặng", "Thị", "Thu", "Hà"]  # the name; not «thi» of «Chiến sĩ thi đua» or the like below
    search(page, "chien si thi dua toan quoc")  # found in a decision's other text: marked in the lines below
    below = page.locator("#bv-results .bv-result__subtitle mark, #bv-results .bv-result__detail mark").all_inner_texts()
    assert {"Chiến", "thi", "đua"} <= set(below)
    search(page, "tran van phuong")
    candidate = page.locator("#bv-results li").first
    assert "lay-y-kien/chien-si-thi-dua-toan-quoc-2025/#nguoi-nhan-de-nghi-1" in candidate.locator("a").get_attribute("href")
    assert candidate.locator(".bv-result__kind").inner_text().upper() == "ĐỀ NGHỊ KHEN THƯỞNG"
    assert page.errors == []
