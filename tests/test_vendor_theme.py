"""The vendored Material theme: trimmed as documented, every named icon present, its digest on record."""

from __future__ import annotations

import re

from generator.dev import vendor_theme
from generator.dev.vendor_theme import OVERRIDES, VENDORED

UPSTREAM_NOTE = VENDORED.parent / "UPSTREAM.md"


def test_the_theme_ships_exactly_the_icons_its_templates_and_our_overrides_name():
    shipped = {path.relative_to(VENDORED / ".icons").with_suffix("").as_posix()
               for path in (VENDORED / ".icons").rglob("*.svg")}
    assert shipped == vendor_theme.icons_named([VENDORED, OVERRIDES])
    assert {"material/menu", "material/arrow-up", "material/library"} <= shipped


def test_the_vendored_tree_has_the_digest_recorded_in_the_upstream_note():
    note = UPSTREAM_NOTE.read_text(encoding="utf-8")
    recorded = re.search(r"vendored `bangvang_material/` \| ([\d,]+) files.*?sha256 `([0-9a-f]{64})`", note)
    assert recorded, "UPSTREAM.md names the vendored tree's file count and digest"
    files = vendor_theme.files_of(VENDORED)
    files = [name for name in files if "__pycache__" not in name]
    assert (int(recorded[1].replace(",", "")), recorded[2]) == (len(files), vendor_theme.tree_digest(VENDORED, files)), (
        "the vendored theme changed: record the new digest in generator/theme/UPSTREAM.md with what changed")


def test_vendoring_leaves_out_unused_assets_and_unnamed_icons(tmp_path):
    upstream = tmp_path / "templates"
    files = {
        "mkdocs_theme.yml": "language: en\n",
        "__init__.py": "print('end of life')\n",
        "__pycache__/x.pyc": "",
        "main.html": '{% include ".icons/material/menu.svg" %}{% set i = config.theme.icon.top or "material/arrow-up" %}',
        ".icons/material/menu.svg": "<svg/>",
        ".icons/material/arrow-up.svg": "<svg/>",
        ".icons/material/unused.svg": "<svg/>",
        "assets/javascripts/bundle.1.min.js": "x",
        "assets/javascripts/bundle.1.min.js.map": "{}",
        "assets/javascripts/lunr/wordcut.js": "x",
        "assets/javascripts/workers/search.1.min.js": "x",
    }
    for name, text in files.items():
        (upstream / name).parent.mkdir(parents=True, exist_ok=True)
        (upstream / name).write_text(text, encoding="utf-8")
    dest = tmp_path / "vendored"
    left_out = vendor_theme.vendor(upstream, dest)
    assert vendor_theme.files_of(dest) == [".icons/material/arrow-up.svg", ".icons/material/menu.svg", "__init__.py",
                                           "assets/javascripts/bundle.1.min.js", "main.html", "mkdocs_theme.yml"]
    assert left_out == [".icons/material/unused.svg", "__init__.py", "__pycache__/x.pyc",
                        "assets/javascripts/bundle.1.min.js.map", "assets/javascripts/lunr/wordcut.js",
                        "assets/javascripts/workers/search.1.min.js"]
    assert (dest / "__init__.py").read_text(encoding="utf-8") == vendor_theme.INIT
