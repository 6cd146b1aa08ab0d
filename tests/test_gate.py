"""The publication gate (``catalog/gate.py``) for children: a pupil's name, unit and award are published —
the decision is a public act — but the achievement, which tells of the child's private life, is published
nowhere without the written consent of child and parent (PDP Law 91/2025 Art. 24(2))."""

from generator import pipeline
from generator.catalog.gate import Publication
from generator.site.render import SiteOptions, render_site

from conftest import ROOT

SECRET = "Nhặt được ví Qzxv trả người mất"
PUPIL = '    category: leader_other\n    gender: female\n'


def make_child(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", PUPIL, PUPIL + f'    achievement: "{SECRET}"\n    minor: true\n')


def site_text(tree) -> str:
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.ok, [p.format() for p in outcome.problems]
    site = render_site(Publication(outcome.catalog), ROOT / "site_templates", SiteOptions(site_url="https://x.example/"))
    return "\n".join([p.html for p in site.pages] + [f.data().decode("utf-8", "replace") for f in site.files])


def test_a_childs_achievement_is_published_nowhere_but_the_award_is(tree):
    before = site_text(tree)
    assert "Trần Thị B" in before
    make_child(tree)
    text = site_text(tree)
    assert "Trần Thị B" in text and "không công bố thành tích của trẻ em" in text
    assert "Qzxv" not in text  # not in pages, CSV, JSON, search index or feed


def test_a_childs_row_in_the_gate_has_no_achievement(tree):
    make_child(tree)
    outcome = pipeline.check(tree.data, tree.root)
    pub = Publication(outcome.catalog)
    decision = next(d for d in outcome.catalog.decisions if d.slug == "12-qd-ubnd")
    child = next(r for r in pub.rows(decision) if r.name == "Trần Thị B")
    assert child.minor and child.achievement is None


def test_a_childs_profile_needs_consent_and_the_mark(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", "    profile: nguyen-van-a\n", "    profile: nguyen-van-a\n    minor: true\n")
    assert tree.problems() == [
        "data/decisions/2024/12-qd-ubnd.yaml:23: dòng 1 (Nguyễn Văn A): người ở dòng này là trẻ em (minor: true) nhưng hồ sơ «nguyen-van-a» "
        "không ghi minor: true — thêm minor: true và minor_consent vào data/profiles/nguyen-van-a.yaml"]
    tree.write("profiles/nguyen-van-a.yaml", tree.read("profiles/nguyen-van-a.yaml") + "minor: true\n")
    [problem] = tree.problems()
    assert problem.startswith("data/profiles/nguyen-van-a.yaml:") and "thiếu minor_consent" in problem
    tree.write("profiles/nguyen-van-a.yaml", tree.read("profiles/nguyen-van-a.yaml")
               + 'minor_consent: "Đồng ý bằng văn bản của em và cha mẹ ngày 12/3/2025"\n')
    assert tree.problems() == []
