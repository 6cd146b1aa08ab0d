"""Machine-readable output of the built sample: Atom feed, JSON-LD, Open Graph, sitemap, canonical links."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from generator import pipeline
from conftest import ROOT, bulk_rows

pytestmark = pytest.mark.slow
ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://bangvang-hoa-an.example/"


def json_ld(page_html: str) -> dict:
    """The page's record (its one JSON-LD block besides the breadcrumbs' BreadcrumbList)."""
    blocks = [json.loads(text) for text in
              re.findall(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S)]
    records = [b for b in blocks if b["@type"] != "BreadcrumbList"]
    assert len(records) == 1 and len(blocks) == 2, blocks
    return records[0]


def test_feed_is_valid_atom_with_stable_ids(sample_site):
    root = ET.fromstring((sample_site / "cap-nhat.atom").read_bytes())
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None
    entries = root.findall(f"{ATOM}entry")
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    catalog = pipeline.check(ROOT / "data", ROOT).catalog
    assert len(entries) == len(catalog.decisions) + len(catalog.profiles) and len(set(ids)) == len(ids)
    assert all(i.startswith(SITE) for i in ids)
    for entry in entries:
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.findtext(f"{ATOM}updated"))
        page = entry.find(f"{ATOM}link").get("href")[len(SITE):]
        assert (sample_site / page / "index.html").is_file()
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)


def test_profile_json_ld_is_a_person_with_awards(sample_site):
    data = json_ld((sample_site / "guong-dien-hinh/hoang-van-t/index.html").read_text("utf-8"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Person"
    assert data["name"] == "Hoàng Văn T" and data["url"] == SITE + "guong-dien-hinh/hoang-van-t/"
    assert "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, thành phố (2024)" in data["award"]
    collective = json_ld((sample_site / "guong-dien-hinh/htx-nong-nghiep-tan-phu/index.html").read_text("utf-8"))
    assert collective["@type"] == "Organization"


def test_decision_json_ld_and_revoked_status(sample_site):
    data = json_ld((sample_site / "quyet-dinh/2024/1876-qd-ubnd/index.html").read_text("utf-8"))
    assert data["@type"] == "Legislation" and data["legislationIdentifier"] == "1876/QĐ-UBND"
    assert data["legislationDate"] == "2024-09-16" and data["legislationLegalForce"] == "https://schema.org/InForce"
    revoked = json_ld((sample_site / "quyet-dinh/2024/1990-qd-ubnd/index.html").read_text("utf-8"))
    assert revoked["legislationLegalForce"] == "https://schema.org/NotInForce"


def test_share_previews_and_canonical_links(sample_site):
    page = (sample_site / "guong-dien-hinh/le-van-m/index.html").read_text("utf-8")
    assert '<meta property="og:title" content="Lê Văn M">' in page
    assert f'<meta property="og:image" content="{SITE}anh/guong-dien-hinh/le-van-m.png">' in page
    assert f'<link rel="canonical" href="{SITE}guong-dien-hinh/le-van-m/">' in page
    decision = (sample_site / "quyet-dinh/2024/1876-qd-ubnd/index.html").read_text("utf-8")
    assert f'<meta property="og:url" content="{SITE}quyet-dinh/2024/1876-qd-ubnd/">' in decision
    assert "BV7F3A" not in decision and "bv-shell" not in decision


def test_sitemap_lists_every_page(sample_site):
    root = ET.fromstring((sample_site / "sitemap.xml").read_bytes())
    locs = {e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    # print views are for paper (noindex), redirects are not pages: neither is for search engines
    pages = {SITE + p.parent.relative_to(sample_site).as_posix() + "/" for p in sample_site.rglob("index.html")
             if p.parent.name != "ban-in" and 'http-equiv="refresh"' not in p.read_text("utf-8")}
    pages = {p.replace(SITE + "./", SITE) for p in pages}
    assert locs == pages


def test_revoked_decision_appears_where_it_must_and_nowhere_it_must_not(sample_site):
    url = "quyet-dinh/2024/1990-qd-ubnd/"
    page = (sample_site / url / "index.html").read_text("utf-8")
    assert "Quyết định này đã bị hủy bỏ" in page and "512/QĐ-UBND" in page
    assert url in (sample_site / "khen-thuong-bi-huy/index.html").read_text("utf-8")
    import csv

    rows = bulk_rows(sample_site, "nguoi-nhan", "csv")
    assert [r["Đã bị hủy bỏ"] for r in rows if r["Mã quyết định"] == "2024/1990-qd-ubnd"] == ["Có"]
    # not in any statistics page or list, and not in the home page totals
    for stats_page in (sample_site / "thong-ke").rglob("index.html"):
        assert "1990-qd-ubnd" not in stats_page.read_text("utf-8"), stats_page
    assert "Đinh Văn P" not in (sample_site / "thong-ke/danh-sach/tat-ca/nhom-doanh-nhan/index.html"
                                ).read_text("utf-8")


def test_two_builds_are_byte_identical(tmp_path):
    from conftest import run_cli

    first, second = tmp_path / "a", tmp_path / "b"
    assert run_cli("build", "--site-dir", str(first)).returncode == 0
    assert run_cli("build", "--site-dir", str(second)).returncode == 0
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    different = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []
