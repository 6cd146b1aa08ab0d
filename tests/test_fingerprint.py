"""Fingerprints: a build renders only the pages and files whose inputs changed (``site/fingerprint.py``,
``engine/incremental.py``); ``test_incremental.py`` proves the result is still byte for byte a full build."""

from __future__ import annotations

import collections
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys

from markupsafe import Markup

from conftest import ROOT, TODAY, make_project
from generator.site import fingerprint, views
from test_incremental import add_decision, tree_of


def built(project, *extra: str, seed: str = "0") -> subprocess.CompletedProcess:
    """``build --explain`` as a user runs it, under the hash seed ``seed``."""
    env = {**os.environ, "BANGVANG_TODAY": TODAY, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--explain", *extra], cwd=project,
                            capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def rendered(result: subprocess.CompletedProcess) -> list[str]:
    return re.findall(r"^dựng lại: (\S+)", result.stderr, re.M)


def record_pages(tree: dict[str, bytes]) -> set[str]:
    """Site paths of record pages (below a section: ``quyet-dinh/2024/1-qd-ubnd/index.html``)."""
    return {path for path in tree if path.endswith("/index.html") and path.count("/") >= 2}


def test_equal_values_have_equal_digests_and_other_values_others():
    link = views.Link("Nguyễn Văn A", "nguoi/a/")
    assert fingerprint.digest([link, {"n": 1}]) == fingerprint.digest([views.Link("Nguyễn Văn A", "nguoi/a/"), {"n": 1}])
    assert fingerprint.digest(link) != fingerprint.digest(views.Link("Nguyễn Văn Á", "nguoi/a/"))
    assert fingerprint.digest("<b>") != fingerprint.digest(Markup("<b>"))  # escaped differently in a template
    assert fingerprint.digest(1) != fingerprint.digest(1.0) != fingerprint.digest("1")
    assert fingerprint.digest(dt.date(2024, 1, 2)) != fingerprint.digest(dt.date(2024, 2, 1))
    assert fingerprint.digest({"a": 1, "b": 2}) != fingerprint.digest({"b": 2, "a": 1})  # order is printed order


def test_shared_objects_give_the_same_digest_as_equal_copies():
    """No pickle memo: which objects happen to be shared does not change the digest."""
    name = "Trần Thị " + "Bình"
    shared = [name, name]
    copies = ["Trần Thị Bình", "Trần Thị " + "Bình"]
    assert fingerprint.digest(shared) == fingerprint.digest(copies)


def test_a_value_with_no_stable_form_has_no_fingerprint():
    assert fingerprint.digest({"f": lambda: 1}) is None


def test_a_new_decision_renders_only_the_pages_whose_inputs_it_touched(tmp_path):
    project = make_project(tmp_path, ROOT / "data")
    first = built(project)
    before = tree_of(project / "site")
    assert len(rendered(first)) > 400  # a first build renders everything

    again = built(project, seed="1")  # nothing changed, another hash seed: nothing is rendered
    assert rendered(again) == [], rendered(again)[:10]

    added = add_decision(project, random.Random(7))
    result = built(project, seed="2")
    after = tree_of(project / "site")
    pages = [path for path in rendered(result) if path.endswith("index.html")]
    changed = {path for path in record_pages(after) if before.get(path) != after[path]}
    # every page whose bytes changed was rendered, and no page was rendered that did not change
    assert set(pages) == changed, (added, sorted(set(pages) ^ changed))
    by_kind = collections.Counter(path.split("/", 1)[0] for path in pages)
    print(added, dict(by_kind))
    assert len(pages) < 50 < len(record_pages(after)), by_kind  # tens of pages, not the site
    assert by_kind["quyet-dinh"] == 2, pages  # the new decision and its year's list; no other decision page
    state = json.loads((project / "site.state.json").read_text(encoding="utf-8"))
    assert set(rendered(first)) <= set(state["inputs"])  # every record page and produced file has its fingerprint


def test_a_year_file_is_produced_again_only_when_its_year_changed(tmp_path):
    project = make_project(tmp_path, ROOT / "data")
    built(project)
    add_decision(project, random.Random(11))
    produced = [path for path in rendered(built(project)) if path.startswith("du-lieu/")]
    years = {path.split("/")[1] for path in produced if re.match(r"du-lieu/\d{4}/", path)}
    assert len(years) == 1, produced  # one year's CSV, JSON and workbook; the other years kept


def test_a_template_edit_renders_its_pages_but_not_the_data_files_that_use_no_template(tmp_path):
    """A decision's JSON and CSV are made from its rows and the code, not from templates: an edited decision
    template renders every decision page again, and produces none of their data files."""
    project = make_project(tmp_path, ROOT / "data")
    built(project)
    template = project / "site_templates" / "decision.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n<p>Đã đối chiếu với bản gốc.</p>\n", encoding="utf-8")
    again = rendered(built(project))
    decision_pages = [p for p in again if re.fullmatch(r"quyet-dinh/\d{4}/[^/]+/index\.html", p)]
    assert len(decision_pages) > 20, again[:10]
    assert not [p for p in again if p.endswith(("/quyet-dinh.json", "/danh-sach.csv"))], again
