"""Breadcrumbs on record pages (HTML trail + schema.org BreadcrumbList JSON-LD) and the previous/next year pager."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator import pipeline
from generator.site import urls, views
from generator.site.outputs import SiteOptions
from generator.site.renderer import breadcrumbs

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://bangvang.example/"


class _Page(HTMLParser):
    """The breadcrumb trail (link texts and hrefs, the current item) and the JSON-LD scripts of a page."""

    def __init__(self):
        super().__init__()
        self.crumbs: list[tuple[str, str]] = []  # (text, href) of each linked level
        self.current: list[str] = []  # texts of the aria-current item(s) in the trail
        self.navs: list[str] = []  # aria-labels of every <nav>
        self.pager: list[tuple[str, str, str]] = []  # (rel, text, href)
        self.scripts: list[dict] = []
        self._in_nav = self._in_current = False
        self._in_pager = False
        self._a: dict | None = None
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav":
            self.navs.append(a.get("aria-label", ""))
            self._in_nav = a.get("aria-label") == "Đường dẫn"
            self._in_pager = "bv-pager" in (a.get("class") or "")
        elif tag == "li" and self._in_nav and a.get("aria-current") == "page":
            self._in_current = True
            self.current.append("")
        elif tag == "a" and (self._in_nav or self._in_pager):
            self._a = {"href": a.get("href", ""), "rel": a.get("rel", ""), "text": ""}
        elif tag == "script":
            self._script = {"type": a.get("type", ""), "text": ""}

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_nav = self._in_pager = False
        elif tag == "li":
            self._in_current = False
        elif tag == "a" and self._a is not None:
            if self._in_nav:
                self.crumbs.append((self._a["text"], self._a["href"]))
            else:
                self.pager.append((self._a["rel"], " ".join(self._a["text"].split()), self._a["href"]))
            self._a = None
        elif tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data
        elif self._a is not None:
            self._a["text"] += data
        elif self._in_current:
            self.current[-1] += data

    def breadcrumb_ld(self) -> list[dict]:
        found = [json.loads(s["text"]) for s in self.scripts if s["type"] == "application/ld+json"]
        return [d for d in found if d.get("@type") == "BreadcrumbList"]


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


# --- the builders -------------------------------------------------------------------------------------------------

def test_pager_links_the_adjacent_years_whatever_the_order_given():
    link = lambda y: views.Link(str(y), urls.year(y))  # noqa: E731
    middle = views.pager([2025, 2023, 2024], 2024, link)
    assert middle == views.Pager(views.Link("2023", "quyet-dinh/2023/"), views.Link("2025", "quyet-dinh/2025/"))
    assert views.pager([2023, 2024, 2025], 2023, link) == views.Pager(None, views.Link("2024", "quyet-dinh/2024/"))
    assert views.pager([2023, 2024, 2025], 2025, link) == views.Pager(views.Link("2024", "quyet-dinh/2024/"), None)
    # a gap in the years: the nearest existing year, not year ± 1
    assert views.pager([2019, 2024], 2024, link).previous == views.Link("2019", "quyet-dinh/2019/")


def test_no_pager_for_a_lone_year_or_a_year_not_listed():
    link = lambda y: views.Link(str(y), urls.year(y))  # noqa: E731
    assert views.pager([2024], 2024, link) is None
    assert views.pager([2023, 2025], 2024, link) is None


def test_breadcrumbs_start_at_home_and_name_sections_briefly():
    crumbs = breadcrumbs(SITE, ["decisions", ("Năm 2024", urls.year(2024))], "Quyết định số 12/QĐ-UBND",
                         urls.decision(2024, "12-qd-ubnd"))
    assert crumbs.links == [views.Link("Trang chủ", ""), views.Link("Quyết định", "quyet-dinh/"),
                            views.Link("Năm 2024", "quyet-dinh/2024/")]
    assert crumbs.current == "Quyết định số 12/QĐ-UBND"
    ld = json.loads(crumbs.ld.removeprefix('<script type="application/ld+json">').removesuffix("</script>"))
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "BreadcrumbList"
    assert [(i["position"], i["name"], i["item"]) for i in ld["itemListElement"]] == [
        (1, "Trang chủ", SITE), (2, "Quyết định", SITE + "quyet-dinh/"), (3, "Năm 2024", SITE + "quyet-dinh/2024/"),
        (4, "Quyết định số 12/QĐ-UBND", SITE + "quyet-dinh/2024/12-qd-ubnd/")]


def test_every_section_key_has_a_vietnamese_name_and_a_section_page():
    for key, (name, path) in views.CRUMB_SECTIONS.items():
        assert name and name[0].isupper() and path.endswith("/"), key
        crumbs = breadcrumbs(SITE, [key], "X", path + "x/")
        assert crumbs.links[-1] == views.Link(name, path)


def test_without_a_site_address_the_json_ld_items_are_root_relative():
    crumbs = breadcrumbs("", ["units"], "Trường A", urls.unit("truong-a"))
    ld = json.loads(_parse(str(crumbs.ld)).scripts[0]["text"])
    assert [i["item"] for i in ld["itemListElement"]] == ["/", "/don-vi/", "/don-vi/truong-a/"]


@pytest.mark.parametrize("evil", ["</script><!--", "A </script><!--<script>alert(1)</script> B", "<!--<script>"])
def test_a_title_that_would_close_the_script_stays_inert(evil):
    crumbs = breadcrumbs(SITE, ["profiles"], evil, urls.profile("x"))
    page = _parse(f"<body>{crumbs.ld}<footer>f</footer></body>")
    assert len(page.scripts) == 1  # nothing closed it early, nothing opened another
    text = page.scripts[0]["text"]
    assert "<" not in text and ">" not in text
    assert json.loads(text)["itemListElement"][-1]["name"] == evil


# --- rendered pages -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_pages():
    outcome = pipeline.run(ROOT / "data", ROOT / "site_templates", ROOT, options=SiteOptions(site_url=SITE),
                           content_dir=ROOT / "content")
    assert outcome.ok, outcome.problems
    return outcome.site.pages


RECORD_TEMPLATES = {"decision.html", "year.html", "award_form.html", "unit.html", "profile.html", "person.html",
                    "consultation.html", "statistics_list.html", "report.html"}


def test_every_record_page_has_a_trail_matching_its_json_ld(sample_pages):
    seen = set()
    for page in sample_pages:
        if page.template not in RECORD_TEMPLATES:
            continue
        seen.add(page.template)
        html = _parse(page.html)
        assert html.navs.count("Đường dẫn") == 1, page.url
        assert html.crumbs[0] == ("Trang chủ", urls.linker(page.url)(urls.HOME)), page.url
        assert len(html.current) == 1 and html.current[0].strip(), page.url
        [ld] = html.breadcrumb_ld()
        items = ld["itemListElement"]
        assert [i["position"] for i in items] == list(range(1, len(items) + 1))
        assert [i["name"] for i in items] == [text for text, _ in html.crumbs] + [html.current[0].strip()], page.url
        assert items[-1]["item"] == SITE + page.url, page.url
        to = urls.linker(page.url)
        assert [href for _, href in html.crumbs] == [to(i["item"].removeprefix(SITE)) for i in items[:-1]], page.url
    assert seen == RECORD_TEMPLATES


def test_a_year_page_links_the_years_around_it(sample_pages):
    by_url = {p.url: p for p in sample_pages}
    years = sorted(int(u.split("/")[1]) for u in by_url if by_url[u].template == "year.html")
    assert len(years) >= 3
    for i, year in enumerate(years):
        html = _parse(by_url[urls.year(year)].html)
        to = urls.linker(urls.year(year))
        expected = []
        if i > 0:
            expected.append(("prev", f"← Năm trước ({years[i - 1]})", to(urls.year(years[i - 1]))))
        if i + 1 < len(years):
            expected.append(("next", f"Năm sau ({years[i + 1]}) →", to(urls.year(years[i + 1]))))
        assert html.pager == expected, year
        assert html.crumbs == [("Trang chủ", to(urls.HOME)), ("Quyết định", to(urls.DECISIONS))]
        assert html.current == [f"Năm {year}"]


def test_a_decisions_trail_goes_through_its_year(sample_pages):
    page = next(p for p in sample_pages if p.url == urls.decision(2024, "1876-qd-ubnd"))
    html = _parse(page.html)
    to = urls.linker(page.url)
    assert html.crumbs == [("Trang chủ", to(urls.HOME)), ("Quyết định", to(urls.DECISIONS)),
                           ("Năm 2024", to(urls.year(2024)))]
    assert html.current[0].startswith("Quyết định số 1876")


def test_a_units_trail_goes_through_the_units_above_it(sample_pages):
    from generator.site.urls import unit

    pages = {p.url: p for p in sample_pages}
    catalog = pipeline.check(ROOT / "data", ROOT).catalog
    nested = [u for u in catalog.units.values() if u.model.parent in catalog.units and unit(u.model.id) in pages]
    assert nested, "the sample has no unit under another"
    child = nested[0].model
    parent = catalog.units[child.parent].model
    html = _parse(pages[unit(child.id)].html)
    to = urls.linker(unit(child.id))
    assert html.crumbs[:2] == [("Trang chủ", to(urls.HOME)), ("Đơn vị", to(urls.UNITS))]
    assert html.crumbs[-1] == (parent.name, to(unit(parent.id)))
    assert html.current == [child.name]


def test_yearly_statistics_have_a_trail_and_a_pager_the_overall_page_neither(sample_pages):
    stats = {p.url: p for p in sample_pages if p.template == "statistics.html"}
    overall = _parse(stats.pop(urls.statistics("tat-ca")).html)
    assert "Đường dẫn" not in overall.navs and overall.pager == [] and overall.breadcrumb_ld() == []
    years = sorted(int(u.strip("/").split("/")[-1]) for u in stats)
    assert len(years) >= 2
    for year in years:
        url = urls.statistics(str(year))
        html, to = _parse(stats[url].html), urls.linker(url)
        assert html.crumbs == [("Trang chủ", to(urls.HOME)), ("Thống kê", to(urls.STATISTICS))]
        assert html.current == [f"Năm {year}"] and len(html.breadcrumb_ld()) == 1
        rels = [rel for rel, _, _ in html.pager]
        assert rels == (["prev"] if year != years[0] else []) + (["next"] if year != years[-1] else []), year
