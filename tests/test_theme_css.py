"""Material's stylesheet trimmed to what the site uses: the cut rules, and pages pixel-identical in Chromium."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.dev.vendor_theme import VENDORED
from generator.engine import theme_css

MATERIAL_CSS = VENDORED / "assets" / "stylesheets"  # the vendored Material theme's, as the engine copies it


def test_a_rule_needing_an_unused_class_is_dropped_and_one_with_used_classes_kept():
    css = ".md-banner{color:red}.md-header,.md-tabs{top:0}.md-typeset p{margin:0}"
    assert theme_css.trim(css, {"md-header", "md-typeset"}) == ".md-header{top:0}.md-typeset p{margin:0}"


def test_classes_inside_functional_pseudo_classes_are_not_judged():
    css = ".md-nav:not(.md-nav--primary){display:none}.md-x :is(.md-a,.md-b){color:red}"
    assert theme_css.trim(css, {"md-nav", "md-x"}) == css


def test_media_blocks_are_trimmed_inside_and_dropped_when_empty():
    css = "@media screen{.md-banner{color:red}.md-header{top:0}}@media print{.md-tabs{display:none}}"
    assert theme_css.trim(css, {"md-header"}) == "@media screen{.md-header{top:0}}"


def test_other_at_rules_statements_and_element_rules_are_kept_whole():
    css = '@charset "utf-8";@keyframes spin{0%{top:0}to{top:1px}}:root{--x:1}html{color:#000}'
    assert theme_css.trim(css, set()) == css


def test_comments_are_dropped_and_words_of_scripts_count_as_classes():
    known = theme_css.words_in(['e.classList.add("md-search-result__item")'])
    css = "/* x */.md-search-result__item{color:red}"
    assert theme_css.trim(css, known) == ".md-search-result__item{color:red}"
    assert theme_css.classes_in_html('<p class="a  b">x</p><div class="c">') == {"a", "b", "c"}


def test_the_built_stylesheet_is_smaller_and_keeps_the_rules_of_the_sample_pages(sample_site):
    built = next((sample_site / "assets" / "stylesheets").glob("main.*.min.css"))
    original = MATERIAL_CSS / built.name
    assert original.is_file(), "the vendored theme's stylesheet of the same name"
    assert built.stat().st_size < 0.75 * original.stat().st_size
    kept = built.read_text(encoding="utf-8")
    for selector in (".md-header", ".md-typeset .admonition", ".md-header__title", ".md-footer"):
        assert selector in kept


@pytest.mark.browser
@pytest.mark.slow
def test_pages_look_the_same_with_the_trimmed_and_the_full_stylesheet(sample_site, tmp_path):
    from generator.dev import screenshots

    full = tmp_path / "full"
    shutil.copytree(sample_site, full)
    built = next((full / "assets" / "stylesheets").glob("main.*.min.css"))
    shutil.copy(MATERIAL_CSS / built.name, built)
    paths = ["", "quyet-dinh/2025/318-qd-ubnd/", "lay-y-kien/chien-si-thi-dua-cap-tinh-2026-dot-2/ban-in/",
             "thong-ke/", "cach-doc-quyet-dinh/", "tim-kiem/?q=nguyen", "thong-ke/bao-cao/2025-0601/", "404.html"]
    trimmed = screenshots.shoot(sample_site, tmp_path / "trimmed-shots", paths, ["phone", "desktop"])
    untrimmed = screenshots.shoot(full, tmp_path / "full-shots", paths, ["phone", "desktop"])
    different = [a.name for a, b in zip(trimmed, untrimmed) if a.read_bytes() != b.read_bytes()]
    assert different == []
