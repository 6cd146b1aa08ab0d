"""A person's page: every award tied to one person by a person id or a profile — never by name — through the
publication gate (withdrawn lines never appear; a withdrawn person has no page), linked from each row."""

from __future__ import annotations

from generator import pipeline
from generator.catalog.gate import Policy, Publication
from generator.site import urls
from generator.site.render import SiteOptions, render_site

from conftest import ROOT, bulk_rows

DECISION = "decisions/2024/12-qd-ubnd.yaml"
REVOKED = "decisions/2024/13-qd-ubnd.yaml"
B_LEADER = "    category: leader_other\n"
B_IN_13 = '  - kind: individual\n    name: "Trần Thị Bích"\n    unit: truong-a\n    category: leader_other\n'
PERSON = "tran-thi-b-truong-a"


def link_tran_thi_b(tree, person: str | None = PERSON):
    """Trần Thị B in decision 12 and, spelt «Trần Thị Bích», in decision 13: tied by one person id."""
    if person:
        tree.replace(DECISION, B_LEADER, B_LEADER + f"    person: {person}\n")
    tree.write(REVOKED, tree.read(REVOKED) + B_IN_13 + (f"    person: {person}\n" if person else ""))


def built(tree, hidden=frozenset()):
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.ok, [p.format() for p in outcome.problems]
    pub = Publication(outcome.catalog, Policy(hidden=frozenset(hidden)))
    site = render_site(pub, ROOT / "site_templates", SiteOptions(site_url="https://x.example/",
                                                                 hidden_fields=frozenset(hidden)))
    return pub, {p.url: p for p in site.pages}, site


def test_a_person_id_gathers_awards_from_two_decisions(tree):
    link_tran_thi_b(tree)
    pub, pages, site = built(tree)
    html = pages[urls.person(PERSON)].html
    assert "<h1>Trần Thị Bích</h1>" in html  # the name on the latest line
    assert "<div><dt>Tên cũng được ghi là</dt><dd>Trần Thị B</dd></div>" in html
    assert '<div><dt>Được nêu tên trong</dt><dd><span data-bv-figure="person.tran-thi-b-truong-a.rows">2</span> ' \
           'quyết định</dd></div>' in html
    assert ('<div><dt>Khen thưởng còn hiệu lực</dt><dd><span data-bv-figure="person.tran-thi-b-truong-a.awards">1'
            '</span> lượt (ngoài ra <span data-bv-figure="person.tran-thi-b-truong-a.awards_revoked">1</span> lượt '
            'đã bị hủy bỏ)</dd></div>') in html
    assert '<td data-label="Quyết định"><a href="../../quyet-dinh/2024/12-qd-ubnd/#nguoi-nhan-tran-thi-b">' \
           'Quyết định số 12/QĐ-UBND</a><br><small>UBND tỉnh</small></td>' in html
    assert '<td data-label="Chức vụ, đơn vị">Trần Thị B<br>Hiệu trưởng, <a href="../../don-vi/truong-a/">' \
           'Trường Tiểu học A</a></td>' in html
    assert '<p class="bv-note">Các khen thưởng trên được gộp vì cán bộ nhập liệu đã ghi rõ các dòng này là của cùng ' \
           'một người, không phải vì trùng tên.</p>' in html
    assert "tran-thi-b-truong-a</code>" not in html  # the data's id is the clerks' word, not the public's
    row = ('<br><span class="bv-person-link"><a href="../../../nguoi/tran-thi-b-truong-a/">Mọi khen thưởng của '
           'người này</a></span>')
    assert row in pages[urls.decision(2024, "12-qd-ubnd")].html and row in pages[urls.decision(2024, "13-qd-ubnd")].html
    index = pages[urls.PEOPLE].html
    assert '<td data-label="Họ và tên"><a href="../nguoi/tran-thi-b-truong-a/">Trần Thị Bích</a></td>' in index
    assert urls.person(PERSON) in {p.url for p in site.pages} and not site.retracted


def test_the_same_name_alone_ties_nothing(tree):
    """Without a person id, Trần Thị B of decision 12 and «Trần Thị B» of decision 13 are not one person."""
    tree.write(REVOKED, tree.read(REVOKED) + B_IN_13.replace("Trần Thị Bích", "Trần Thị B"))
    pub, pages, _ = built(tree)
    assert [p.id for p in pub.people()] == ["nguyen-van-a"]  # the profile's person only
    assert "bv-person-link" not in pages[urls.decision(2024, "12-qd-ubnd")].html.split("Trần Thị B", 1)[1].split(
        "</tr>")[0]


def test_a_withdrawn_line_is_tied_to_no_one_and_the_page_goes(tree):
    link_tran_thi_b(tree)
    tree.replace(DECISION, B_LEADER + f"    person: {PERSON}\n", B_LEADER + f"    person: {PERSON}\n"
                 "    withdrawn:\n      date: 2025-03-01\n      note: \"Gỡ theo đề nghị của cá nhân\"\n")
    pub, pages, site = built(tree)
    assert pub.person(PERSON) is None  # one published line left: no page
    assert urls.person(PERSON) not in pages and urls.person(PERSON) in site.retracted
    assert "nguoi/tran-thi-b-truong-a" not in "".join(p.html for p in pages.values())
    assert pub.catalog.counts.of_person(PERSON).rows == 1  # the withdrawn line is counted for no one


def test_a_withdrawn_profile_takes_its_persons_page(tree):
    tree.write("profiles/nguyen-van-a.yaml", tree.read("profiles/nguyen-van-a.yaml")
               + "withdrawn:\n  date: 2025-03-01\n  note: \"Gỡ theo đề nghị\"\n")
    pub, pages, site = built(tree)
    assert pub.people() == [] and urls.person("nguyen-van-a") in site.retracted
    assert "nguoi/nguyen-van-a" not in "".join(p.html for p in pages.values())


def test_a_profiles_person_page_links_both_ways(tree):
    _, pages, _ = built(tree)
    person = pages[urls.person("nguyen-van-a")].html
    assert '<div><dt>Câu chuyện</dt><dd><a href="../../guong-dien-hinh/nguyen-van-a/">Gương điển hình: Nguyễn Văn A' \
           '</a></dd></div>' in person
    assert '<p>Xem thêm: <a href="../../nguoi/nguyen-van-a/">Mọi khen thưởng của Nguyễn Văn A</a>.</p>' in \
        pages[urls.profile("nguyen-van-a")].html


def test_hidden_units_stay_hidden_on_a_persons_page(tree):
    link_tran_thi_b(tree)
    _, pages, _ = built(tree, hidden={"unit", "position"})
    html = pages[urls.person(PERSON)].html
    assert "Trường Tiểu học A" not in html and "Hiệu trưởng" not in html


def test_person_ids_in_the_recipient_exports(tree):
    import csv
    import io

    link_tran_thi_b(tree)
    _, _, site = built(tree)
    rows = bulk_rows({f.path: f.data() for f in site.files}, "nguoi-nhan", "csv")
    assert [(r["Họ và tên / Tên tập thể"], r["Mã người (nối các khen thưởng của cùng một người)"],
             r["Trang mọi khen thưởng của người này"]) for r in rows] == [
        ("Nguyễn Văn A", "nguyen-van-a", "https://x.example/nguoi/nguyen-van-a/"),
        ("Trần Thị B", PERSON, f"https://x.example/nguoi/{PERSON}/"),
        ("Trường Tiểu học A", "", ""),
        ("Nguyễn Văn A", "nguyen-van-a", "https://x.example/nguoi/nguyen-van-a/"),
        ("Trần Thị Bích", PERSON, f"https://x.example/nguoi/{PERSON}/")]
