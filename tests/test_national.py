"""The national view: three small province sites built here with the real CLI, one package broken, the
national site built from them; every national figure checked against the provinces' own pages."""

from __future__ import annotations

import asyncio
import gzip
import re
import sqlite3
from pathlib import Path

import pytest

from conftest import run_cli
from generator.national.search import match_query, search
from generator.site.labels import percent
from generator.text import slugify

FIGURE = re.compile(r'data-bv-figure="([^"]+)">([^<]*)<')
SHARE = re.compile(r'data-bv-share="([^"]+)">([^<]*)<')
HREF = re.compile(r'href="([^"]+)"')

# (site name, domain, individuals in the 2024 decision, a second 2024 decision revoked?, unnamed declared in 2025)
PROVINCES = [("Bảng Vàng tỉnh Bắc Sơn", "bac-son", 4, True, 5),
             ("Bảng Vàng tỉnh Nam Hà", "nam-ha", 2, False, 0),
             ("Bảng Vàng Bộ Thử Nghiệm", "bo-thu-nghiem", 3, False, 0)]
NAMES = ["Đặng Thị Đ", "Nguyễn Văn A", "Trần Thị B", "Lê Đức C", "Phạm Thị E"]
AUTHORITIES = """\
- id: ubnd-tinh
  name: "Ủy ban nhân dân tỉnh {place}"
  kind: province
- id: ubnd-xa
  name: "Ủy ban nhân dân xã {place}"
  kind: commune
"""
UNITS = """\
- id: truong-th
  name: "Trường Tiểu học {place}"
- id: thon-mot
  name: "Thôn Một"
  remote_area: true
"""


def _decision(number: str, date: str, authority: str, form: str, recipients: list[str], extra: str = "") -> str:
    lines = [f'number: "{number}"', 'title: "Về việc tặng thưởng"', f"date: {date}", f"authority: {authority}",
             'signer:\n  name: "Hoàng Văn Th"\n  title: "Chủ tịch"',
             'legal_basis:\n  - "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"', f"award_form: {form}",
             "method: regular", 'reason: "Đã có thành tích xuất sắc"', extra.rstrip(), "recipients:", *recipients]
    return "\n".join(line for line in lines if line) + "\n"


def _individual(name: str, female: bool, leader: bool, unit: str = "truong-th") -> str:
    return (f'  - kind: individual\n    name: "{name}"\n    position: "Giáo viên"\n    unit: {unit}\n'
            f"    category: {'leader_department' if leader else 'direct_worker'}\n"
            f"    gender: {'female' if female else 'male'}\n    achievement: \"Hoàn thành xuất sắc nhiệm vụ\"")


def _write_data(site: Path, place: str, individuals: int, revoked: bool, unnamed: int) -> None:
    registries = site / "data/registries"
    (registries / "authorities.yaml").write_text(AUTHORITIES.format(place=place), "utf-8")
    (registries / "units.yaml").write_text(UNITS.format(place=place), "utf-8")
    people = [_individual(f"{NAMES[i % len(NAMES)]} {place}", i % 2 == 0, i == 1) for i in range(individuals)]
    collective = f'  - kind: collective\n    name: "Trường Tiểu học {place}"\n    unit: truong-th'
    files = {"2024/12-qd-ubnd.yaml": _decision("12/QĐ-UBND", "2024-03-04", "ubnd-tinh", "bang-khen-cap-tinh",
                                               [*people, collective])}
    if revoked:
        files["2024/30-qd-ubnd.yaml"] = _decision(
            "30/QĐ-UBND", "2024-06-10", "ubnd-tinh", "bang-khen-cap-tinh", [_individual(f"Võ Văn G {place}", False, False)],
            'status: revoked\nrevocation:\n  decision_number: "45/QĐ-UBND"\n  date: 2025-01-10\n  reason: "Kê khai không trung thực"')
    household = f'  - kind: household\n    name: "Hộ ông Hà Văn S {place}"\n    unit: thon-mot'
    declared = f"declared:\n  individual: {unnamed + 1}\n  household: 1\n  note: \"Danh sách chỉ nêu tên một phần\"" \
        if unnamed else ""
    files["2025/7-qd-ubnd.yaml"] = _decision("7/QĐ-UBND", "2025-09-03", "ubnd-xa", "giay-khen-chu-tich-ubnd-xa",
                                             [_individual(f"Đinh Thị H {place}", True, False, "thon-mot"), household],
                                             declared)
    for rel, text in files.items():
        path = site / "data/decisions" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def _break(site_dir: Path) -> None:
    """A line number that is not a number, in the 2025 recipients file (the package's schema says integer)."""
    import csv
    import io

    path = site_dir / "du-lieu/2025/nguoi-nhan.csv.gz"
    rows = list(csv.reader(io.StringIO(gzip.decompress(path.read_bytes()).decode("utf-8-sig"))))
    rows[1][rows[0].index("STT")] = "một"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_bytes(gzip.compress(("\ufeff" + out.getvalue()).encode("utf-8")))


@pytest.fixture(scope="module")
def national(tmp_path_factory):
    root = tmp_path_factory.mktemp("national")
    sites = {}
    for name, domain, individuals, revoked, unnamed in PROVINCES:
        site = root / domain
        place = name.split(" ", 3)[-1]
        made = run_cli("new", "site", str(site), "--name", name, "--short-name", name.removeprefix("Bảng Vàng "),
                       "--site-url", f"https://{domain}.example/", cwd=root)
        assert made.returncode == 0, made.stderr
        _write_data(site, place, individuals, revoked, unnamed)
        built = run_cli("build", cwd=site)
        assert built.returncode == 0, built.stderr
        sites[slugify(name.removeprefix("Bảng Vàng "))] = (site / "site", f"https://{domain}.example/")
    broken_slug = list(sites)[2]
    _break(sites[broken_slug][0])
    out = root / "toan-quoc"
    given = [str(sites[s][0]) for s in list(sites)[:2]] + [str(sites[broken_slug][0] / "du-lieu/datapackage.json")]
    result = run_cli("national", *given, "--out", str(out), "--work", str(root / "cache"), cwd=root)
    return sites, broken_slug, out, result


def _figures(html: str) -> dict[str, str]:
    return dict(FIGURE.findall(html))


def _province_figures(site: Path) -> tuple[dict[str, int], dict[str, str]]:
    """Every figure and share text a province site states on any page."""
    figures, shares = {}, {}
    for page in site.rglob("index.html"):
        html = page.read_text("utf-8")
        for key, value in FIGURE.findall(html):
            figures[key] = int(value.replace(".", ""))
        shares.update(SHARE.findall(html))
    return figures, shares


def _province_value(figures: dict[str, int], key: str) -> int:
    """A figure by key; a share's numerator ``a.b.x+y`` is the sum of its parts; a key not shown is 0."""
    head, _, tail = key.rpartition(".")
    return sum(figures.get(f"{head}.{part}", 0) for part in tail.split("+")) if "+" in tail else figures.get(key, 0)


@pytest.mark.slow
def test_every_national_figure_is_the_provinces_own(national):
    sites, broken, out, result = national
    assert result.returncode == 0, result.stderr
    loaded = {slug: _province_figures(site) for slug, (site, _) in sites.items() if slug != broken}
    pages = sorted(out.rglob("index.html"))
    assert {p.relative_to(out).as_posix() for p in pages} >= {
        "index.html", "so-sanh/index.html", "so-sanh/2024/index.html", "so-sanh/2025/index.html",
        "theo-nam/index.html", "theo-hinh-thuc/index.html", "tim-kiem/index.html"}
    checked = {"national": 0, **{slug: 0 for slug in loaded}}
    for page in pages:
        html = page.read_text("utf-8")
        for owned_key, shown in FIGURE.findall(html):
            owner, key = owned_key.split(":", 1)
            value = int(shown.replace(".", ""))
            if owner == "national":
                assert value == sum(_province_value(f, key) for f, _ in loaded.values()), (page, key)
            else:
                assert owner in loaded, (page, owned_key)  # never a figure of the broken province
                assert value == _province_value(loaded[owner][0], key), (page, owned_key)
            checked[owner] += 1
        for owned_key, shown in SHARE.findall(html):
            owner, key = owned_key.split(":", 1)
            numerator, denominator = key.split("/")
            if owner == "national":
                n = sum(_province_value(f, numerator) for f, _ in loaded.values())
                d = sum(f.get(denominator, 0) for f, _ in loaded.values())
                assert shown == (percent(n, d) if d else "—"), (page, key)
            else:
                assert shown == loaded[owner][1][key], (page, owned_key)  # the province's own page says the same
    assert all(n > 50 for n in checked.values()), checked
    # the figures the issue names are there: awards, decisions, revoked, by kind, women's share, direct workers
    compare = (out / "so-sanh/index.html").read_text("utf-8")
    for key in ("all.awards", "all.decisions_revoked", "all.awards.household", "stats.tat-ca.unnamed",
                "stats.tat-ca.gender.total", "stats.tat-ca.category.total"):
        assert f'data-bv-figure="national:{key}"' in compare, key
    assert 'data-bv-share="national:stats.tat-ca.gender.female/stats.tat-ca.gender.total"' in compare
    national_awards = int(_figures(compare)["national:all.awards"])
    assert national_awards == sum(f["all.awards"] for f, _ in loaded.values()) > 0


@pytest.mark.slow
def test_the_broken_package_is_reported_and_shown_missing(national):
    sites, broken, out, result = national
    assert "THIẾU" in result.stderr and "Bộ Thử Nghiệm" not in result.stdout
    assert "du-lieu/datapackage.json" in result.stderr and "nguoi-nhan" in result.stderr, result.stderr
    assert "2 nơi đã nạp" in result.stdout and "1 nơi thiếu" in result.stdout
    home = (out / "index.html").read_text("utf-8")
    assert f'data-bv-missing="{broken}"' in home and "Bộ Thử Nghiệm" in home and "nguoi-nhan" in home
    for page in out.rglob("index.html"):
        html = page.read_text("utf-8")
        assert f'"{broken}:' not in html  # not half-loaded: no figure of it anywhere
        assert "Thiếu dữ liệu của 1 nơi (Bộ Thử Nghiệm)" in html
    db = sqlite3.connect(out / "tim-kiem.db")
    assert db.execute("SELECT count(*) FROM khen_thuong WHERE url LIKE 'https://bo-thu-nghiem.example/%'").fetchone() == (0,)


@pytest.mark.slow
def test_every_row_links_to_its_provinces_permanent_address(national):
    sites, broken, out, _ = national
    homes = {home: site for slug, (site, home) in sites.items() if slug != broken}
    outside = 0
    for page in out.rglob("index.html"):
        for href in HREF.findall(page.read_text("utf-8")):
            home = next((h for h in homes if href.startswith(h)), None)
            if home is None:
                assert not href.startswith("http"), (page, href)
                continue
            outside += 1
            target = homes[home] / href[len(home):]
            assert (target / "index.html").is_file() or target.is_file(), (page, href)
    assert outside > 20


@pytest.mark.slow
def test_national_search_folds_and_links_into_the_province_sites(national):
    sites, broken, out, _ = national
    db = sqlite3.connect(out / "tim-kiem.db")
    published = sum(len(gzip.decompress(p.read_bytes()).decode("utf-8-sig").splitlines()) - 1
                    for slug, (site, _) in sites.items() if slug != broken
                    for p in site.glob("du-lieu/*/nguoi-nhan.csv.gz"))
    assert db.execute("SELECT count(*) FROM khen_thuong").fetchone() == (published,)
    assert match_query("Đặng Thị Đ") == '"dang" "thi" "d"' and match_query("Hươ*") == '"huo"*'
    for query in ("dang thi d", "Đặng Thị Đ", "ĐẶNG"):
        rows = search(db, query)
        names = {r[1] for r in rows}
        assert names == {"Đặng Thị Đ Bắc Sơn", "Đặng Thị Đ Nam Hà"}, (query, names)
        assert all(r[-1].startswith(("https://bac-son.example/quyet-dinh/2024/", "https://nam-ha.example/quyet-dinh/2024/"))
                   for r in rows)
    assert search(db, "Thử Nghiệm") == []  # the broken province's rows are not there
    assert search(db, "!!!") == []


@pytest.mark.slow
def test_datasette_serves_the_canned_search_with_the_fold(national):
    from datasette.app import Datasette

    _, _, out, _ = national
    ds = Datasette([str(out / "tim-kiem.db")], metadata=__import__("json").loads((out / "datasette.json").read_text()),
                   plugins_dir=str(out / "plugins"))

    async def query():
        response = await ds.client.get("/tim-kiem/tim_kiem.json?q=dinh+thi+h&_shape=array")
        return response.status_code, response.json()

    status, rows = asyncio.run(query())
    assert status == 200, rows
    assert sorted(r["name"] for r in rows) == ["Đinh Thị H Bắc Sơn", "Đinh Thị H Nam Hà"]


@pytest.mark.slow
def test_a_site_is_read_over_http_like_a_local_one(national, tmp_path):
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
    from threading import Thread

    from generator.national.build import build

    sites, broken, out, _ = national
    slug = list(sites)[0]
    site, home = sites[slug]
    handler = partial(SimpleHTTPRequestHandler, directory=str(site.parent.parent))
    handler.log_message = lambda *args: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/{site.parent.name}/site/du-lieu/datapackage.json"
        result = build([url, f"http://127.0.0.1:{server.server_port}/khong-co/du-lieu/datapackage.json"],
                       tmp_path / "out", tmp_path / "work")
    finally:
        server.shutdown()
    province, absent = result.provinces
    assert province.loaded and province.homepage == home and province.slug == slug
    own = _province_figures(site)[0]
    assert len(province.published.figures) > 100
    assert all(own[key] == value for key, value in province.published.figures.items())
    shown = _province_figures_read_by_national(out, slug)
    assert shown and all(province.published.get(key) == value for key, value in shown.items())
    assert province.rows["nguoi_nhan"] == sqlite3.connect(out / "tim-kiem.db").execute(
        "SELECT count(*) FROM khen_thuong WHERE url LIKE ?", [home + "%"]).fetchone()[0]
    assert not absent.loaded and "không tải được" in absent.problems[0]


def _province_figures_read_by_national(out: Path, slug: str) -> dict[str, int]:
    """The figures the national site shows for a province, by key (shares' numerators left out)."""
    figures = {}
    for page in out.rglob("index.html"):
        for owned_key, shown in FIGURE.findall(page.read_text("utf-8")):
            owner, key = owned_key.split(":", 1)
            if owner == slug and "+" not in key:
                figures[key] = int(shown.replace(".", ""))
    return figures


@pytest.mark.slow
def test_a_package_that_disagrees_with_its_own_pages_is_rolled_back(national, tmp_path):
    import shutil

    from generator.national.build import build

    sites, _, _, _ = national
    site = tmp_path / "site"
    shutil.copytree(sites[list(sites)[1]][0], site)
    page = site / "quyet-dinh/index.html"
    page.write_text(page.read_text("utf-8").replace('data-bv-figure="year.2024.decisions">1<',
                                                    'data-bv-figure="year.2024.decisions">2<'), "utf-8")
    result = build([str(site), str(sites[list(sites)[0]][0])], tmp_path / "out", tmp_path / "work")
    disagreeing, good = result.provinces
    assert disagreeing.problems == ["năm 2024: gói dữ liệu có 1 quyết định, trang của tỉnh công bố 2"]
    assert good.loaded
    import duckdb

    with duckdb.connect(str(tmp_path / "work/national.duckdb"), read_only=True) as db:
        assert db.execute("SELECT DISTINCT province FROM nguoi_nhan").fetchall() == [(good.slug,)]
        assert db.execute("SELECT province FROM tinh").fetchall() == [(good.slug,)]


def test_a_page_stating_two_numbers_for_one_key_is_an_error():
    from generator.national.figures import FigureError, Published, read_page

    published = Published()
    read_page('<span data-bv-figure="all.awards">1.234</span><dl><dt>Nữ</dt><dd><span data-bv-share="stats.x.g.f+m/'
              'stats.x.g.total">50,0 %</span> <span class="bv-share-of">của <span data-bv-figure="stats.x.g.total">'
              '4</span> lượt khen cá nhân</span></dd></dl>', "a", published)
    assert published.figures == {"all.awards": 1234, "stats.x.g.total": 4}
    spec = published.shares["stats.x.g.f+m/stats.x.g.total"]
    assert (spec.label, spec.of, spec.numerators) == ("Nữ", "lượt khen cá nhân", ["stats.x.g.f", "stats.x.g.m"])
    with pytest.raises(FigureError, match="«all.awards» là 1234 và 5"):
        read_page('<span data-bv-figure="all.awards">5</span>', "b", published)


def test_the_command_says_what_is_missing_and_fails_when_nothing_loads(tmp_path):
    nothing = run_cli("national", "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert nothing.returncode == 64 and "Chưa có nguồn nào" in nothing.stderr
    unreadable = run_cli("national", "--sources", str(tmp_path / "nguon.txt"), cwd=tmp_path)
    assert unreadable.returncode == 64 and "nguon.txt: không đọc được" in unreadable.stderr
    (tmp_path / "nguon.txt").write_text("# hai nguồn không có\n./khong-co\n\n./cung-khong-co  # chú thích\n", "utf-8")
    absent = run_cli("national", "--sources", "nguon.txt", "--out", "out", cwd=tmp_path)
    assert absent.returncode == 1, absent.stderr
    assert absent.stderr.count("THIẾU") == 2 and "khong-co/du-lieu/datapackage.json: không đọc được" in absent.stderr
    assert "0 nơi đã nạp" in absent.stdout and "Traceback" not in absent.stderr


@pytest.mark.bench
def test_the_national_benchmark_runs_at_tiny_scale():
    from generator.dev import national_bench

    measured = national_bench.run(provinces=2, rows=40)
    assert measured["rows"] == measured["store_rows"] == 80
    assert measured["validate"] > 0 and measured["load"] > 0 and measured["search_db_bytes"] > 0
    searched = national_bench.search_at_scale(3000)
    assert searched["search_rows"] == 3000
    assert all(ms < 1000 for key, ms in searched.items() if key.startswith("Datasette ms"))
