"""The parse cache changes nothing but time: the same records and the same problems, file by file."""

from __future__ import annotations

import shutil

import pytest

from generator import pipeline
from generator.records import parse_cache
from generator.records.load import load_data
from conftest import ROOT


def outcome_text(outcome: pipeline.Outcome) -> list[str]:
    return [p.format() for p in outcome.problems]


@pytest.fixture
def cache(tmp_path_factory, monkeypatch):
    directory = tmp_path_factory.mktemp("cache") / "parsed"  # outside the project (tmp_path): else it is off
    monkeypatch.setenv("BANGVANG_CACHE", str(directory))
    return directory


def test_cached_parse_gives_the_same_records_and_problems(tmp_path, cache):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    data = tmp_path / "data"
    broken = data / "decisions" / "2024" / "414-qd-ubnd.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace('name: "Phạm Thị N"', 'name: "Phạm\u200b Thị N"'),
                      encoding="utf-8")  # a warning raised while parsing (invisible character)
    (data / "decisions" / "2024" / "hong.yaml").write_text("number: [\n", encoding="utf-8")  # a YAML error
    fresh = pipeline.check(data, tmp_path)
    first = pipeline.check(data, tmp_path, cache=True)  # fills the cache
    assert any(cache.rglob("*.json"))
    second = pipeline.check(data, tmp_path, cache=True)  # reads it
    assert outcome_text(fresh) == outcome_text(first) == outcome_text(second)
    assert any("invisible" in p.code for p in second.problems) and any(p.code == "yaml_syntax" for p in second.problems)

    loaded = load_data(data, tmp_path, cache=True)
    docs = list(loaded.decisions())
    assert loaded.cache.hits >= len(docs) and loaded.cache.misses == 0  # registries and profiles too
    plain = list(load_data(data, tmp_path).decisions())
    assert [(d.path, d.data, d.lines, d.raw_scalars) for d in docs] == [(d.path, d.data, d.lines, d.raw_scalars)
                                                                        for d in plain]


def test_a_changed_file_is_parsed_again(tmp_path, cache):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    data = tmp_path / "data"
    pipeline.check(data, tmp_path, cache=True)
    path = data / "decisions" / "2024" / "414-qd-ubnd.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('name: "Phạm Thị N"', 'name: "Phạm Thị Nga"'),
                    encoding="utf-8")
    loaded = load_data(data, tmp_path, cache=True)
    docs = {d.path: d for d in loaded.decisions()}
    assert loaded.cache.misses == 1
    assert docs["data/decisions/2024/414-qd-ubnd.yaml"].data["recipients"][0]["name"] == "Phạm Thị Nga"


def test_a_damaged_entry_is_parsed_again(tmp_path, cache):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    data = tmp_path / "data"
    expected = outcome_text(pipeline.check(data, tmp_path, cache=True))
    for entry in cache.rglob("*.json"):
        entry.write_bytes(b"\x80\x05not a pickle")
    assert outcome_text(pipeline.check(data, tmp_path, cache=True)) == expected


def test_the_cache_is_off_on_request_and_never_in_the_project(monkeypatch, tmp_path):
    monkeypatch.setenv("BANGVANG_CACHE", "off")
    assert parse_cache.cache_dir() is None
    monkeypatch.delenv("BANGVANG_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert parse_cache.cache_dir() == tmp_path / "bangvang" / "parsed-json"
