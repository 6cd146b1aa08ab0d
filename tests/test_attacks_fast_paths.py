"""Attacks on the fast paths (issue 24), each once, each a real run of the command an office runs.

The parse cache runs no code and is never trusted over the source; the build writes only real files
under a real ``site/``; the live site changes in one step; office files cannot exhaust the machine.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import stat
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, make_project, run_cli
from generator import pipeline
from generator.records import parse_cache

BROKEN = "decisions/2024/hong.yaml"


class Payload:
    """What an attacker pickles: unpickling it runs ``touch <marker>``."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, FIXTURES / "minimal" / "data")


@pytest.fixture
def cache_home(tmp_path_factory, monkeypatch):
    """A user cache directory outside the project (XDG_CACHE_HOME), as on an office's machine."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.delenv("BANGVANG_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def entries(directory: Path) -> list[Path]:
    return sorted(directory.rglob("*.json"))


def validate(project: Path):
    result = run_cli("validate", cwd=project)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_planted_entries_run_no_code_and_old_pickles_are_never_read(project, cache_home):
    clean = validate(project)
    cache = cache_home / "bangvang" / parse_cache.SUBDIR
    found = entries(cache)
    assert found
    marker = project.parent / "pwned"
    evil = pickle.dumps(Payload(marker))
    for entry in found:
        entry.write_bytes(evil)  # a pickle where an entry should be
        old = cache_home / "bangvang" / "parsed" / entry.parent.name / entry.with_suffix(".pickle").name
        old.parent.mkdir(parents=True, exist_ok=True)
        old.write_bytes(evil)  # and where the pickle era kept them
    again = validate(project)
    assert not marker.exists()
    assert (again.returncode, again.stdout) == (clean.returncode, clean.stdout)


def test_an_entry_without_our_hmac_cannot_make_a_broken_file_pass(project, cache_home, tmp_path_factory):
    broken = project / "data" / BROKEN
    broken.write_text("number: 12/QĐ-UBND\nsigned_on: ngày mai\nrecipients: 3\n", encoding="utf-8")
    first = validate(project)
    assert first.returncode != 0 and "hong.yaml" in first.stderr
    victim = parse_cache.ParseCache(cache_home / "bangvang" / parse_cache.SUBDIR)
    # the attacker's own cache (their key) holds an entry for the very same text, saying it is valid
    attacker = parse_cache.ParseCache(tmp_path_factory.mktemp("attacker"))
    key = victim.key("decisions", f"data/{BROKEN}", broken.read_text(encoding="utf-8"))
    good = ({"number": "12/QĐ-UBND"}, {(): 1}, {}, [])
    attacker.put(key, good)
    planted = attacker.directory / key[:2] / f"{key}.json"
    shutil.copy(planted, victim.directory / key[:2] / f"{key}.json")  # restored from a shared CI cache
    second = validate(project)
    assert second.returncode != 0 and second.stderr == first.stderr
    assert victim.get(key)[0]["signed_on"] == "ngày mai"  # ignored, and replaced by the real parse


def test_a_cache_inside_the_project_is_never_used(project, monkeypatch):
    """A committed ``.cache/`` (key and entries both chosen by the committer) is refused as a whole."""
    inside = project / ".cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(inside))
    monkeypatch.delenv("BANGVANG_CACHE", raising=False)
    broken = project / "data" / BROKEN
    broken.write_text("recipients: 3\n", encoding="utf-8")
    planted = parse_cache.ParseCache(inside / "bangvang" / parse_cache.SUBDIR)  # made with a known key
    key = planted.key("decisions", f"data/{BROKEN}", broken.read_text(encoding="utf-8"))
    planted.put(key, ({"number": "1/QĐ"}, {(): 1}, {}, []))
    before = entries(inside)
    result = validate(project)
    assert result.returncode != 0 and "hong.yaml" in result.stderr
    assert entries(inside) == before  # nothing read from or written to it


def test_entries_are_private_whatever_the_umask(project, cache_home):
    old = os.umask(0)
    try:
        validate(project)
    finally:
        os.umask(old)
    cache = cache_home / "bangvang" / parse_cache.SUBDIR
    files = [p for p in cache.rglob("*") if p.is_file()]
    dirs = [cache] + [p for p in cache.rglob("*") if p.is_dir()]
    assert files and (cache / parse_cache.KEY_FILE) in files
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}
    assert {stat.S_IMODE(p.stat().st_mode) for p in dirs} == {0o700}


def test_a_change_to_the_text_helpers_changes_every_key(tmp_path):
    code = tmp_path / "generator"
    shutil.copytree(ROOT / "generator" / "records", code / "records")
    shutil.copy(ROOT / "generator" / "text.py", code / "text.py")
    sources = parse_cache.code_sources(code)
    assert code / "text.py" in sources and code / "records" / "load.py" in sources
    before = parse_cache.ParseCache(None, sources).key("decisions", "data/a.yaml", "number: 1\n")
    (code / "text.py").write_text((code / "text.py").read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert parse_cache.ParseCache(None, sources).key("decisions", "data/a.yaml", "number: 1\n") != before
    assert parse_cache.code_sources() == tuple(sorted((ROOT / "generator" / "records").glob("*.py"))) + (
        ROOT / "generator" / "text.py",)


def test_a_parse_cut_short_by_the_machine_is_not_cached(project, cache_home, monkeypatch):
    import yaml

    from generator.records import load

    real = yaml.compose

    def out_of_memory(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(load.yaml, "compose", out_of_memory)  # as under `ulimit -v`
    starved = pipeline.check(project / "data", project, cache=True)
    assert any(p.code == "too_deep" for p in starved.problems)
    monkeypatch.setattr(load.yaml, "compose", real)  # the limit lifted
    lifted = pipeline.check(project / "data", project, cache=True)
    assert not any(p.code == "too_deep" for p in lifted.problems) and lifted.ok
