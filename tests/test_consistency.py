"""One truth: every number the built sample site shows is the catalog's number for the same thing.

Pages show counts as ``<span data-bv-figure="key">`` and shares as ``data-bv-share="num/den"`` followed by
the denominator; this test reads every page of the built site and checks (1) every figure equals the
catalog's figure with that key, (2) the catalog's figures equal an independent recount from the raw
records, (3) every percentage equals numerator / denominator as displayed, with the denominator shown
beside it, and (4) numeric cells and headline totals carry a figure (nothing recounted by a template).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from html.parser import HTMLParser

import pytest

from conftest import ROOT
from generator import pipeline
from generator.catalog.gate import Publication
from generator.site.labels import count, percent

pytestmark = pytest.mark.slow

SHARE = re.compile(r'<span data-bv-share="([^"/]+)/([^"]+)">([^<]+)</span> <span class="bv-share-of">của '
                   r'<span data-bv-figure="([^"]+)">([^<]+)</span>')


class _Cells(HTMLParser):
    """Numeric table cells (class bv-num) and headline totals (dl.bv-totals dd), with their inner HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.cells: list[tuple[str, str]] = []
        self._open: list | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self._open is not None:
            self._depth += tag == self._open[0]
            self._open[2].append(self.get_starttag_text())
            return
        if (tag == "td" and "bv-num" in (a.get("class") or "")) or (tag == "dd" and self._in_totals):
            self._open, self._depth = [tag, a.get("data-label", tag), []], 0

    def handle_endtag(self, tag):
        if tag == "dl":
            self._in_totals = False
        if self._open is None:
            return
        if tag == self._open[0] and self._depth == 0:
            self.cells.append((self._open[1], "".join(self._open[2])))
            self._open = None
        else:
            self._depth -= tag == self._open[0]
            self._open[2].append(f"</{tag}>")

    def handle_data(self, data):
        if self._open is not None:
            self._open[2].append(data)

    _in_totals = False

    def parse_starttag(self, i):  # track <dl class="bv-totals">
        result = super().parse_starttag(i)
        text = self.get_starttag_text() or ""
        if text.startswith("<dl") and "bv-totals" in text:
            self._in_totals = True
        return result


@pytest.fixture(scope="module")
def figures():
    outcome = pipeline.check(ROOT / "data", ROOT)
    return outcome.catalog, Publication(outcome.catalog).figures()


def _pages(site):
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("index.html")}


def test_every_figure_on_every_page_is_the_catalogs(sample_site, figures):
    _, expected = figures
    shown = 0
    for page, html in _pages(sample_site).items():
        for key, text in re.findall(r'<span data-bv-figure="([^"]+)">([^<]+)</span>', html):
            assert key in expected, f"{page}: unknown figure {key}"
            assert text == count(expected[key]), f"{page}: {key} shows {text}, catalog says {expected[key]}"
            shown += 1
    assert shown > 500


def test_every_share_equals_its_numerator_over_the_denominator_shown(sample_site, figures):
    _, expected = figures
    shares = 0
    for page, html in _pages(sample_site).items():
        for num_key, den_key, text, den_key_shown, den_text in SHARE.findall(html):
            assert den_key == den_key_shown, f"{page}: share {num_key} names {den_key} but shows {den_key_shown}"
            assert den_text == count(expected[den_key])
            assert text == percent(expected[num_key], expected[den_key]), f"{page}: {num_key}/{den_key} shows {text}"
            shares += 1
        assert "data-bv-share" not in SHARE.sub("", html), f"{page}: a share without its denominator"
    assert shares > 100


def test_headline_cards_and_tables_use_the_same_denominator(sample_site):
    html = (sample_site / "thong-ke" / "index.html").read_text(encoding="utf-8")
    headline = html[html.index('<dl class="bv-totals">'):html.index("</dl>")]
    for num_key, den_key, text, *_ in SHARE.findall(headline):
        assert num_key.startswith("stats.tat-ca.") and den_key.endswith(".total")
        # the table row of the same breakdown states the same share against the same denominator
        breakdown = num_key.split(".")[2]
        assert f'data-bv-share="stats.tat-ca.{breakdown}.' in html.split(headline)[1]
        assert den_key == f"stats.tat-ca.{breakdown}.total"


def test_numeric_cells_and_totals_carry_figures(sample_site):
    scope = ("index.html", "quyet-dinh/", "hinh-thuc-khen-thuong/", "don-vi/", "thong-ke/", "ve-du-lieu/",
             "khen-thuong-bi-huy/")
    not_counts = {"STT", "Tiền thưởng"}
    for page, html in _pages(sample_site).items():
        if not page.startswith(scope) or "/bao-cao/" in page or "/ban-in/" in page:
            continue
        parser = _Cells()
        parser.feed(html)
        for label, inner in parser.cells:
            if label in not_counts or not re.search(r"\d", re.sub(r"<[^>]+>", "", inner)):
                continue
            assert "data-bv-figure" in inner or "data-bv-share" in inner, \
                f"{page}: a number shown without its figure key in «{label}»: {inner[:120]}"


def test_catalog_figures_equal_an_independent_recount(figures):
    """Recount from the raw records, without the catalog's code, for every scope of counts.py: a line counts
    unless its decision or the line itself was annulled; rewards outside the Law's forms are counted apart;
    a partial list adds what it declares beyond the named lines (not to units)."""
    catalog, expected = figures
    recount: dict[str, int] = Counter()
    decisions_seen = defaultdict(set)
    kinds = ("individual", "collective", "household")
    for d in catalog.records.decisions:
        m = d.model
        reward = catalog.records.award_forms[m.award_form].model.group.value == "reward"
        scopes = ["all", f"year.{d.year}", f"form.{m.award_form}", f"authority.{m.authority}", f"decision.{d.id}"]
        for scope in scopes:
            decisions_seen[scope].add((d.id, d.revoked))
        for r in m.recipients:
            for scope in scopes + ([f"unit.{r.unit}"] if r.unit else []):
                recount[f"{scope}.rows"] += 1
                recount[f"{scope}.declared"] += 1
                recount[f"{scope}.rows.{r.kind.value}"] += 1
                if d.revoked or r.revoked:
                    recount[f"{scope}.awards_revoked"] += 1
                elif reward:
                    recount[f"{scope}.rewards"] += 1
                    recount[f"{scope}.reward_value"] += (r.cash_vnd or 0) + (r.reward_value_vnd or 0)
                else:
                    recount[f"{scope}.awards"] += 1
                    recount[f"{scope}.awards.{r.kind.value}"] += 1
            if r.unit:
                decisions_seen[f"unit.{r.unit}"].add((d.id, d.revoked))
        if m.declared:
            named = Counter(r.kind.value for r in m.recipients)
            stated = {k: getattr(m.declared, k) if getattr(m.declared, k) is not None else named[k] for k in kinds}
            extra = {k: stated[k] - named[k] for k in kinds}
            extra["unknown"] = (m.declared.total - sum(stated.values())) if m.declared.total is not None else 0
            for scope in scopes:
                recount[f"{scope}.declared"] += sum(extra.values())
                if d.revoked:
                    recount[f"{scope}.awards_revoked"] += sum(extra.values())
                elif reward:
                    recount[f"{scope}.rewards"] += sum(extra.values())
                else:
                    recount[f"{scope}.awards"] += sum(extra.values())
                    recount[f"{scope}.awards_unnamed"] += sum(extra.values())
                    for k in kinds:
                        recount[f"{scope}.awards.{k}"] += extra[k]
    for scope, seen in decisions_seen.items():
        recount[f"{scope}.decisions"] = sum(1 for _, revoked in seen if not revoked)
        recount[f"{scope}.decisions_revoked"] = sum(1 for _, revoked in seen if revoked)
    for key, value in expected.items():
        if key.startswith(("all.", "year.", "form.", "authority.", "decision.", "unit.")):
            assert value == recount[key], f"{key}: catalog {value}, recount {recount[key]}"
    # statistics: every breakdown value summed equals the scope's total, per year and overall
    in_force = expected["all.awards"]
    assert expected["stats.tat-ca.total"] == in_force
    for key in ("level", "form", "kind", "method"):
        parts = sum(v for k, v in expected.items() if k.startswith(f"stats.tat-ca.{key}.") and not k.endswith(".total"))
        assert parts == in_force == expected[f"stats.tat-ca.{key}.total"]
    named_individuals = sum(1 for d in catalog.records.decisions if not d.revoked for r in d.model.recipients
                            if r.kind.value == "individual" and not r.revoked
                            and catalog.records.award_forms[d.model.award_form].model.group.value != "reward")
    assert expected["stats.tat-ca.category.total"] == expected["stats.tat-ca.gender.total"] == named_individuals
