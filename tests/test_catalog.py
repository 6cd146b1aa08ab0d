from pathlib import Path

from generator import pipeline


def catalog_of(tree):
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.ok, outcome.problems
    return outcome.catalog


def test_profile_awards_are_derived_from_decisions(tree):
    c = catalog_of(tree)
    awards = c.awards_by_profile["nguyen-van-a"]
    assert [(a.decision.slug, a.recipient_id, a.revoked) for a in awards] == [
        ("12-qd-ubnd", "nguyen-van-a", False), ("13-qd-ubnd", "nguyen-van-a", True)]


def test_totals_leave_out_revoked_decisions(tree):
    counts = catalog_of(tree).counts
    t = counts.all
    assert (t.decisions, t.awards, t.individuals, t.collectives, t.households) == (1, 3, 2, 1, 0)
    assert (t.decisions_revoked, t.awards_revoked, t.rows) == (1, 1, 4)
    assert counts.of_year(2024).awards == 3 and counts.of_form("bang-khen-cap-tinh").awards_revoked == 1
    assert counts.of_unit("don-vi-cu").awards == 0 and counts.of_unit("don-vi-cu").awards_revoked == 1
    assert counts.of_decision("2024/13-qd-ubnd").rows == 1 and counts.of_decision("2024/13-qd-ubnd").awards == 0
    figures = counts.figures()
    assert figures["all.awards"] == 3 and figures["year.2024.decisions_revoked"] == 1


def test_decisions_newest_first_and_grouped_by_year(tree):
    c = catalog_of(tree)
    assert [d.slug for d in c.decisions] == ["13-qd-ubnd", "12-qd-ubnd"]
    assert list(c.by_year) == [2024]
    assert [d.slug for d in c.revoked()] == ["13-qd-ubnd"]


def test_unit_history_follows_successor_links(tree):
    c = catalog_of(tree)
    assert c.predecessors == {"don-vi-moi": ["don-vi-cu"]}
    assert [a.decision.slug for a in c.awards_by_unit["don-vi-cu"]] == ["13-qd-ubnd"]


def test_a_split_is_a_predecessor_of_each_successor_once(tree):
    tree.write("registries/units.yaml", tree.read("registries/units.yaml").replace(
        "successors: [don-vi-moi]", "successors: [don-vi-moi, truong-a, don-vi-moi]"))
    c = catalog_of(tree)
    assert c.predecessors == {"don-vi-moi": ["don-vi-cu"], "truong-a": ["don-vi-cu"]}


def test_recipient_ids_are_stable_slugs_numbered_on_repeat(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", '    name: "Trần Thị B"', '    name: "Nguyễn Văn A"')
    c = catalog_of(tree)
    decision = next(d for d in c.decisions if d.slug == "12-qd-ubnd")
    assert decision.recipient_ids == ("nguyen-van-a", "nguyen-van-a-2", "truong-tieu-hoc-a")


def test_explicit_recipient_id_keeps_an_old_anchor(tree):
    tree.replace("decisions/2024/12-qd-ubnd.yaml", '    name: "Trần Thị B"', '    id: tran-thi-b\n    name: "Trần Thị Bé"')
    decision = next(d for d in catalog_of(tree).decisions if d.slug == "12-qd-ubnd")
    assert decision.recipient_ids[1] == "tran-thi-b"


def test_sample_data_matches_its_promises():
    """The bundled sample: ≥3 years, ~40 decisions, ~400 recipients, 8 profiles, a revocation, a merger, the
    district split among communes in the 2025 reform and a unit dissolved without successor."""
    root = Path(__file__).resolve().parent.parent
    outcome = pipeline.check(root / "data", root)
    assert outcome.ok, [str(p) for p in outcome.problems]
    c = outcome.catalog
    recipients = sum(len(d.model.recipients) for d in c.decisions)
    assert len(c.by_year) >= 3
    assert 40 <= len(c.decisions) <= 60 and 400 <= recipients <= 550
    assert len(c.profiles) == 8 and all(c.awards_by_profile.get(slug) for slug in c.profiles)
    assert len(c.revoked()) == 1
    assert any(len(u.model.successors) == 1 for u in c.units.values())  # a merger
    assert c.units["ubnd-huyen-tan-phu"].model.successors == ["ubnd-xa-tan-phu", "ubnd-xa-dong-hai"]  # a split
    assert c.authorities["ubnd-huyen-tan-phu"].model.successors == ["ubnd-xa-tan-phu", "ubnd-xa-dong-hai"]
    assert any(u.model.valid_to and not u.model.successors and c.awards_by_unit.get(u.model.id)
               for u in c.units.values())  # dissolved without successor, with awards from before
    assert {f.model.level for f in c.forms_in_use()} >= {"state", "ministry_province", "grassroots"}
