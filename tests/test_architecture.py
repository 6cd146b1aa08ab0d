"""Rules that keep the layout honest, each checked on the source itself.

* stage packages import only leftwards: text → records → catalog → site → pipeline → theme → engine → national →
  commands → dev (function-level imports included) and no module imports itself round a cycle;
* nothing that produces output (site/, engine/) reads raw recipient lines: only the publication gate;
* the render stage reads the catalog only through the publication gate, and templates get view values only;
* templates hold no literal section path: they get ``paths`` (``generator.site.urls``);
* nothing counts but ``catalog/counts.py`` (and the statistics and reports built on it): no template counts
  (``|length``, ``|sum``, ``|count``, ``loop.length``, a ``set`` that adds up), and no section or view prints a
  ``len()``/``sum()`` of awards, decisions, rows or lines — pages print figures by key.
"""

from __future__ import annotations

import ast
import re

import pytest
from pathlib import Path

from conftest import ROOT
from generator.site import urls

GENERATOR = ROOT / "generator"
LAYERS = ["text", "records", "catalog", "site", "pipeline", "theme", "engine", "national", "commands", "dev"]


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in GENERATOR.rglob("*.py")}


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every generator module ``path`` imports, at module level or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            if name.startswith("generator"):
                while name not in modules and "." in name:
                    name = name.rsplit(".", 1)[0]
                found.add(name)
    return found


def _layer(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in ("__main__",):
        return len(LAYERS)  # the package itself and its entry point sit on top
    return LAYERS.index(parts[1])


def test_stages_import_only_leftwards():
    modules = _modules()
    backwards = []
    for name, path in sorted(modules.items()):
        for target in sorted(_imports(path, modules)):
            if target != "generator" and _layer(target) > _layer(name):
                backwards.append(f"{name} → {target}")
    assert backwards == []


def test_no_import_cycles():
    modules = _modules()
    graph = {name: {t for t in _imports(path, modules) if t != name and t != "generator"}
             for name, path in modules.items()}
    # a package's __init__ importing its own submodules is how packages are built, not a cycle
    for name in graph:
        graph[name] = {t for t in graph[name] if not t.startswith(name + ".")}
    cycles, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(" → ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == []


RAW_RECIPIENT_ATTRIBUTES = {"recipients", "proposed", "recipient"}


def test_only_the_publication_gate_reads_raw_recipients():
    """Outputs read people through ``catalog.gate.Publication``; a raw line read elsewhere is a leak waiting
    to happen (a hidden field or a withdrawn name published by a module that forgot the policy)."""
    offenders = []
    for path in sorted((GENERATOR / "site").rglob("*.py")) + sorted((GENERATOR / "engine").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in RAW_RECIPIENT_ATTRIBUTES:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}")
    assert offenders == []


def test_templates_hold_no_literal_section_paths():
    sections = [v for k, v in vars(urls).items() if k.isupper() and isinstance(v, str) and v.endswith("/") and v]
    assert "quyet-dinh/" in sections and "tim-kiem/" in sections
    pattern = re.compile("|".join(re.escape(s) for s in sections))
    offenders = []
    for path in sorted((ROOT / "site_templates").rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert offenders == []


def test_no_project_file_is_ignored_by_git():
    """An ignore pattern must never swallow the project's own files: an unanchored ``site/`` once kept
    ``generator/site/`` out of every commit, and a fresh clone could not import the pipeline."""
    import shutil
    import subprocess

    if not (ROOT / ".git").exists() or shutil.which("git") is None:
        pytest.skip("not a git checkout")
    ignored = subprocess.run(
        ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--", "generator", "site_templates",
         "content", "tests", "data"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\n")
    kept_out = [p for p in ignored if p and "__pycache__" not in p and not p.endswith(".pyc")
                and not p.startswith("tests/_output/") and ".ruff_cache/" not in p]
    assert kept_out == []


# a template may test a size or size a table (colspan/rowspan), but never print a count it made
_PRINTED = re.compile(r"\{\{(.*?)\}\}")
_COUNTING = re.compile(r"\|\s*(length|sum|count)\b|\bloop\.length\b")
_ADDING_UP = re.compile(r"\{%-?\s*set\b[^%]*\+")
_SIZING = re.compile(r'(colspan|rowspan)="\{\{[^}]*\}\}"')
# collections of what the site counts: a len()/sum() over them printed on a page is a second count
_COUNTED_THINGS = re.compile(r"\b(awards?|decisions?|rows?|recipients?|lines?|declared|unnamed)\b", re.I)


def _counts_in_template(line: str) -> bool:
    line = _SIZING.sub("", line)
    return bool(_ADDING_UP.search(line) or any(_COUNTING.search(e) for e in _PRINTED.findall(line)))


def test_templates_do_not_count():
    offenders = []
    for path in sorted((ROOT / "site_templates").rglob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _counts_in_template(line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert offenders == [], "templates count; pass a figure from catalog/counts.py instead"


def _printed_counts(tree: ast.AST) -> list[ast.Call]:
    """len()/sum() calls over counted things whose result is printed: inside an f-string, or given to ``count``
    or ``figure`` (a figure's value must be the catalog's, not a recount)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(
                node.func, "attr", "")) in ("count", "figure")):
            for inner in ast.walk(node):
                if (isinstance(inner, ast.Call) and getattr(inner.func, "id", "") in ("len", "sum")
                        and _COUNTED_THINGS.search(ast.unparse(inner))):
                    found.append(inner)
    return found


def test_sections_and_views_print_no_count_of_their_own():
    offenders = []
    for path in sorted((GENERATOR / "site").rglob("*.py")):
        for call in _printed_counts(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)}")
    assert offenders == [], "a page prints its own count; print the catalog figure (catalog/counts.py) by its key"


def test_the_counting_rules_catch_a_counting_template_and_section():
    """The two rules above, shown failing on what they forbid."""
    assert _counts_in_template("{{ d.rows | length }} người") and _counts_in_template("{% set n = n + r.count %}")
    assert not _counts_in_template('<th colspan="{{ subs|length }}">') and not _counts_in_template(
        "{% if nav_item.children | length > 0 %}")
    assert _printed_counts(ast.parse('x = f"{len(awards)} lượt"'))
    assert _printed_counts(ast.parse('x = views.figure("k", sum(1 for r in rows))'))
    assert not _printed_counts(ast.parse('x = more_link(len(awards), href, "lượt")'))



def test_the_render_stage_reads_the_catalog_only_through_the_gate():
    """Sections, views and exports get the ``Publication`` (catalog/gate.py), never the catalog: every read is
    then one the gate allows and notes for the page being built (``build --explain`` prints them)."""
    offenders = []
    for path in sorted((GENERATOR / "site").rglob("*.py")) + sorted((GENERATOR / "engine").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in ("catalog", "records"):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.ImportFrom) and node.module == "generator.catalog.index":
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports the catalog's index")
    assert offenders == [], "read through the publication gate (catalog/gate.py), not around it"


def test_templates_are_given_view_values_only():
    """What a template gets is plain view values (``site/views.py``, text, numbers): no record, catalog or gate
    object a template could read around the gate. Checked on every page of the sample."""
    import dataclasses
    import enum

    from pydantic import BaseModel

    from generator.catalog.gate import Publication
    from generator.catalog.index import Award, Catalog
    from generator.records.entries import DecisionEntry, ProfileEntry

    forbidden = (BaseModel, Publication, Catalog, Award, DecisionEntry, ProfileEntry)
    found: dict[str, str] = {}

    def walk(value, url: str) -> None:
        if isinstance(value, forbidden):
            found.setdefault(type(value).__name__, url)
        elif isinstance(value, (str, int, float, bytes, enum.Enum)) or value is None:
            return
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), url)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item, url)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item, url)

    from generator import pipeline

    outcome = pipeline.run(ROOT / "data", ROOT / "site_templates", ROOT, content_dir=ROOT / "content")
    assert outcome.ok, outcome.problems
    for page in outcome.site.pages:
        walk(page.prepare().values, page.url)
    assert found == {}, found
