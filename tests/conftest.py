"""Shared fixtures: the project root, copies of fixture data trees, and a built sample site."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import sys
from pathlib import Path

import pytest

from generator import pipeline

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-25"


# Parsed files are cached in a directory of this test run (every build of the run shares it), never the user's.
os.environ["BANGVANG_CACHE"] = tempfile.mkdtemp(prefix="bangvang-test-cache-")


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch):
    """Dates are checked against a fixed day so tests do not change with the calendar."""
    monkeypatch.setenv("BANGVANG_TODAY", TODAY)


class DataTree:
    """A writable copy of a fixture data tree, with helpers to break it and check it."""

    def __init__(self, root: Path):
        self.root = root
        self.data = root / "data"

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.data / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def read(self, rel: str) -> str:
        return (self.data / rel).read_text(encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def problems(self, lang: str = "vi") -> list[str]:
        outcome = pipeline.check(self.data, self.root)
        return [p.format(lang) for p in outcome.problems]

    def codes(self) -> list[tuple[str, int, str]]:
        outcome = pipeline.check(self.data, self.root)
        return [(p.path, p.line, p.code) for p in outcome.problems]


@pytest.fixture
def tree(tmp_path) -> DataTree:
    """A copy of tests/fixtures/minimal: two decisions (one revoked), one profile, small registries."""
    shutil.copytree(FIXTURES / "minimal" / "data", tmp_path / "data")
    return DataTree(tmp_path)


def run_cli(*args: str, cwd: Path = ROOT, env_today: str = TODAY) -> subprocess.CompletedProcess:
    """Run ``python -m generator`` as a user would, capturing output."""
    import os

    # the checkout under test first on the path, whatever the working directory (worktrees, temp projects)
    env = {**os.environ, "BANGVANG_TODAY": env_today, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300)


def make_project(tmp_path: Path, data_source: Path) -> Path:
    """A project directory with our mkdocs.yml, content/ and site_templates/, and the given data."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, project / name)
    for name in ("content", "site_templates"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(data_source, project / "data")
    return project


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The bundled sample site, built once with the real CLI (validation + strict MkDocs build)."""
    out = tmp_path_factory.mktemp("sample") / "site"
    result = run_cli("build", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out


def bulk_rows(source: "dict[str, bytes] | Path", name: str, fmt: str) -> list:
    """Rows of every year's bulk file ``du-lieu/<year>/<name>.<fmt>.gz``, years in order: ``source`` is the
    rendered files (``{path: plain bytes}``) or a built site directory (files gzip-compressed)."""
    if isinstance(source, Path):
        found = [gzip.decompress(p.read_bytes()) for p in sorted(source.glob(f"du-lieu/*/{name}.{fmt}.gz"))]
    else:
        found = [data for path, data in sorted(source.items())
                 if re.fullmatch(rf"du-lieu/\d{{4}}/{name}\.{fmt}\.gz", path)]
    assert found, f"no du-lieu/<year>/{name}.{fmt}.gz"
    rows: list = []
    for data in found:
        rows += list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")))) if fmt == "csv" else json.loads(data)
    return rows
