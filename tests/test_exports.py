"""Open data round-trips: CSV and JSON hold exactly what the records say."""

import csv
import io
import json

from generator import pipeline
from generator.catalog.gate import Policy, Publication

from generator.site import exports
from generator.site.render import SiteOptions, render_site

from conftest import ROOT, bulk_rows


def years_of(files: dict) -> list[str]:
    return sorted({path.split("/")[1] for path in files if path.endswith("/nguoi-nhan.csv.gz")})


def files_of(tree):
    outcome = pipeline.check(tree.data, tree.root)
    site = render_site(Publication(outcome.catalog), ROOT / "site_templates", SiteOptions(site_url="https://x.example/"))
    return outcome.catalog, {f.path: f.data() for f in site.files}


def read_csv(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV starts with a BOM for spreadsheet programs"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_recipient_csv_and_json_equal_the_records(tree):
    catalog, files = files_of(tree)
    rows = bulk_rows(files, "nguoi-nhan", "csv")
    data = bulk_rows(files, "nguoi-nhan", "json")
    expected = [(d.id, r.name, r.position, r.kind.value, r.cash_vnd)
                for d in sorted(catalog.decisions, key=lambda e: (e.year, e.slug)) for r in d.model.recipients]
    # JSON: English keys, typed values, null when absent
    assert [(r["decision_id"], r["name"], r["position"], r["kind"], r["cash_vnd"]) for r in data] == expected
    assert {type(r["cash_vnd"]) for r in data} <= {int, type(None)} and {type(r["revoked"]) for r in data} == {bool}
    # CSV: Vietnamese headers, labels beside the codes, names beside the ids
    assert [(r["Mã quyết định"], r["Họ và tên / Tên tập thể"], r["Chức vụ"] or None, r["Mã loại đối tượng"],
             int(r["Tiền thưởng (đồng)"]) if r["Tiền thưởng (đồng)"] else None) for r in rows] == expected
    assert rows[0]["Địa chỉ dòng trong quyết định"] == "https://x.example/quyet-dinh/2024/12-qd-ubnd/#nguoi-nhan-nguyen-van-a"
    assert (rows[0]["Loại đối tượng"], rows[0]["Đối tượng thống kê"], rows[0]["Giới tính"]) == (
        "Cá nhân", "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu", "Nam")
    assert (rows[0]["Hình thức khen thưởng"], rows[0]["Cơ quan ban hành"]) == (
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, thành phố", "Ủy ban nhân dân tỉnh Thử Nghiệm")
    assert [r["Đã bị hủy bỏ"] for r in rows] == ["Không", "Không", "Không", "Có"]


def test_decision_files_per_decision_and_in_bulk(tree):
    _, files = files_of(tree)
    decisions = bulk_rows(files, "quyet-dinh", "csv")
    assert [(d["Số, ký hiệu"], d["Ngày"], d["Mã hiệu lực"], d["Hiệu lực"], d["Số quyết định hủy bỏ"])
            for d in decisions] == [("12/QĐ-UBND", "2024-06-17", "in_force", "Còn hiệu lực", ""),
                                    ("13/QĐ-UBND", "2024-07-01", "revoked", "Đã hủy bỏ", "99/QĐ-UBND")]
    one = json.loads(files["quyet-dinh/2024/12-qd-ubnd/quyet-dinh.json"])
    assert one["number"] == "12/QĐ-UBND" and len(one["recipients_list"]) == 3
    assert read_csv(files["quyet-dinh/2024/12-qd-ubnd/danh-sach.csv"])[2]["Họ và tên / Tên tập thể"] == "Trường Tiểu học A"


def test_datapackage_describes_every_column(tree):
    _, files = files_of(tree)
    package = json.loads(files["du-lieu/datapackage.json"])
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    by_name = {r["name"]: r for r in package["resources"]}
    for name in ("quyet-dinh", "nguoi-nhan"):
        assert by_name[name]["path"] == [f"{year}/{name}.csv.gz" for year in years_of(files)]
        path = f"du-lieu/{years_of(files)[0]}/{name}.csv.gz"
        header = next(csv.reader(io.StringIO(files[path].decode("utf-8-sig"))))
        assert [f["name"] for f in by_name[name]["schema"]["fields"]] == header
        assert all(f["title"] for f in by_name[name]["schema"]["fields"])


def test_csv_reimports_to_the_same_recipients(tree):
    """The CSV export of a decision carries every recipient field the YAML has."""
    catalog, files = files_of(tree)
    decision = next(d for d in catalog.decisions if d.slug == "12-qd-ubnd")
    rows = read_csv(files["quyet-dinh/2024/12-qd-ubnd/danh-sach.csv"])
    for row, r in zip(rows, decision.model.recipients):
        assert (row["Họ và tên / Tên tập thể"], row["Chức vụ"], row["Mã đơn vị"], row["Mã đối tượng thống kê"],
                row["Mã giới tính"], row["Thành tích"], row["Hồ sơ gương điển hình"]) == (
            r.name, r.position or "", r.unit or "", r.category.value if r.category else "",
            r.gender.value if r.gender else "", r.achievement or "", r.profile or "")
    assert exports.RECIPIENT_COLUMNS[0].key == "decision_id"


def test_publication_policy_hides_configured_fields(tree):
    outcome = pipeline.check(tree.data, tree.root)
    site = render_site(Publication(outcome.catalog, Policy(hidden=frozenset({"achievement", "cash_vnd"}))),
                       ROOT / "site_templates", SiteOptions())
    page = next(p.html for p in site.pages if p.url == "quyet-dinh/2024/12-qd-ubnd/")
    assert "Dạy giỏi" not in page and "1.170.000" not in page and "Nguyễn Văn A" in page
    files = {f.path: f.data() for f in site.files}
    row = bulk_rows(files, "nguoi-nhan", "csv")[0]
    assert (row["Họ và tên / Tên tập thể"], row["Thành tích"], row["Tiền thưởng (đồng)"]) == ("Nguyễn Văn A", "", "")
    assert b"Day gioi" not in b"".join(files.values()) and "Dạy giỏi".encode() not in b"".join(files.values())


def test_each_year_has_an_excel_workbook_named_with_its_year_holding_the_csv_rows(tree):
    from openpyxl import load_workbook

    tree.replace("decisions/2024/12-qd-ubnd.yaml", "position: \"Giáo viên\"", "position: \"=1+1 Giáo viên\"")
    _, files = files_of(tree)
    for year in years_of(files):
        data = files[f"du-lieu/{year}/khen-thuong-{year}.xlsx"]
        book = load_workbook(io.BytesIO(data), read_only=True)
        assert book.sheetnames == ["Người, tập thể được khen", "Quyết định"]
        for sheet, name in zip(book.worksheets, ("nguoi-nhan", "quyet-dinh")):
            table = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            plain = {p: d for p, d in files.items() if p == f"du-lieu/{year}/{name}.csv.gz"}
            rows = bulk_rows(plain, name, "csv")
            assert table[0] == list(rows[0]) and len(table) == len(rows) + 1
            # the same values, a text cell never a formula (CSV needs its «'» guard; a workbook does not)
            assert [dict(zip(table[0], r)) for r in table[1:]] == [
                {k: v[1:] if v.startswith("'=") else v for k, v in r.items()} for r in rows]
        assert book.properties.modified.year == 2000  # no time of writing: the same rows, the same bytes
    _, again = files_of(tree)
    assert all(again[p] == files[p] for p in files if p.endswith(".xlsx"))
