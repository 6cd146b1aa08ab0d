"""Rules that keep the layout honest, each checked on the source itself.

* stage packages import only leftwards: text → records → catalog → site → pipeline → engine → national →
  commands → dev (function-level imports included) and no module imports itself round a cycle;
* nothing that produces output (site/, engine/) reads raw recipient lines: only the publication gate;
* templates hold no literal section path: they get ``paths`` (``generator.site.urls``).
"""

from __future__ import annotations

import ast
import re

import pytest
from pathlib import Path

from conftest import ROOT
from generator.site import urls

GENERATOR = ROOT / "generator"
LAYERS = ["text", "records", "catalog", "site", "pipeline", "engine", "national", "commands", "dev"]


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
