"""Open data round-trips: CSV and JSON hold exactly what the records say."""

import csv
import io
import json

from generator import pipeline
from generator.catalog.gate import Policy, Publication

from generator.site import exports
from generator.site.render import SiteOptions, render_site

from conftest import ROOT


def files_of(tree):
    outcome = pipeline.check(tree.data, tree.root)
    site = render_site(Publication(outcome.catalog), ROOT / "site_templates", SiteOptions(site_url="https://x.example/"))
    return outcome.catalog, {f.path: f.data() for f in site.files}


def read_csv(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV starts with a BOM for spreadsheet programs"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_recipient_csv_and_json_equal_the_records(tree):
    catalog, files = files_of(tree)
    rows = read_csv(files["du-lieu/nguoi-nhan.csv"])
    data = json.loads(files["du-lieu/nguoi-nhan.json"])
    expected = [(d.id, r.name, r.position or "", r.kind.value, r.cash_vnd)
                for d in sorted(catalog.decisions, key=lambda e: (e.year, e.slug)) for r in d.model.recipients]
    assert [(r["decision_id"], r["name"], r["position"], r["kind"], int(r["cash_vnd"]) if r["cash_vnd"] else None)
            for r in rows] == expected
    assert [(r["decision_id"], r["name"], r["position"], r["kind"], r["cash_vnd"] or None) for r in data] == expected
    assert rows[0]["url"] == "https://x.example/quyet-dinh/2024/12-qd-ubnd/#nguoi-nhan-nguyen-van-a"
    assert [r["revoked"] for r in rows] == ["false", "false", "false", "true"]


def test_decision_files_per_decision_and_in_bulk(tree):
    _, files = files_of(tree)
    decisions = read_csv(files["du-lieu/quyet-dinh.csv"])
    assert [(d["number"], d["date"], d["status"], d["revoked_by"]) for d in decisions] == [
        ("12/QĐ-UBND", "2024-06-17", "in_force", ""), ("13/QĐ-UBND", "2024-07-01", "revoked", "99/QĐ-UBND")]
    one = json.loads(files["quyet-dinh/2024/12-qd-ubnd/quyet-dinh.json"])
    assert one["number"] == "12/QĐ-UBND" and len(one["recipients_list"]) == 3
    assert read_csv(files["quyet-dinh/2024/12-qd-ubnd/danh-sach.csv"])[2]["name"] == "Trường Tiểu học A"


def test_datapackage_describes_every_column(tree):
    _, files = files_of(tree)
    package = json.loads(files["du-lieu/datapackage.json"])
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    by_name = {r["name"]: r for r in package["resources"]}
    for name, path in (("quyet-dinh", "du-lieu/quyet-dinh.csv"), ("nguoi-nhan", "du-lieu/nguoi-nhan.csv")):
        header = files[path].decode("utf-8-sig").splitlines()[0].split(",")
        assert [f["name"] for f in by_name[name]["schema"]["fields"]] == header
        assert all(f["title"] for f in by_name[name]["schema"]["fields"])


def test_csv_reimports_to_the_same_recipients(tree):
    """The CSV export of a decision carries every recipient field the YAML has."""
    catalog, files = files_of(tree)
    decision = next(d for d in catalog.decisions if d.slug == "12-qd-ubnd")
    rows = read_csv(files["quyet-dinh/2024/12-qd-ubnd/danh-sach.csv"])
    for row, r in zip(rows, decision.model.recipients):
        assert (row["name"], row["position"], row["unit_id"], row["category"], row["gender"], row["achievement"],
                row["profile"]) == (r.name, r.position or "", r.unit or "", r.category.value if r.category else "",
                                    r.gender.value if r.gender else "", r.achievement or "", r.profile or "")
    assert exports.RECIPIENT_FIELDS[0][0] == "decision_id"


def test_publication_policy_hides_configured_fields(tree):
    outcome = pipeline.check(tree.data, tree.root)
    site = render_site(Publication(outcome.catalog, Policy(hidden=frozenset({"achievement", "cash_vnd"}))),
                       ROOT / "site_templates", SiteOptions())
    page = next(p.html for p in site.pages if p.url == "quyet-dinh/2024/12-qd-ubnd/")
    assert "Dạy giỏi" not in page and "1.170.000" not in page and "Nguyễn Văn A" in page
    files = {f.path: f.data() for f in site.files}
    row = read_csv(files["du-lieu/nguoi-nhan.csv"])[0]
    assert (row["name"], row["achievement"], row["cash_vnd"]) == ("Nguyễn Văn A", "", "")
    assert b"Day gioi" not in b"".join(files.values()) and "Dạy giỏi".encode() not in b"".join(files.values())
