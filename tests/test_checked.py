"""The cache of checked decision files changes nothing but time: after any edit — one file, a registry, a file
deleted or added, another day — a run reading it gives the records and problems (text, order, rows) of a run
without it, and applies the per-file rules again only to the files whose inputs changed (for another day: the
files with a date between the two days)."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import stat
from pathlib import Path

import pytest

from generator import pipeline
from generator.records.load import load_data, read_record
from generator.records.validation import checked, validate
from conftest import ROOT


@pytest.fixture
def cache(tmp_path_factory, monkeypatch):
    directory = tmp_path_factory.mktemp("cache") / "entries"  # outside the project (tmp_path): else it is off
    monkeypatch.setenv("BANGVANG_CACHE", str(directory))
    return directory


@pytest.fixture
def data(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path / "data"


@pytest.fixture
def applied(monkeypatch) -> list[str]:
    """The files the per-file rules ran on (not taken from the cache), in the order they ran."""
    seen: list[str] = []
    apply = checked.FileRules._apply

    def spy(self, doc, problems):
        seen.append(doc.path)
        return apply(self, doc, problems)

    monkeypatch.setattr(checked.FileRules, "_apply", spy)
    return seen


def snapshot(data: Path, cache: bool) -> tuple:
    """Everything validation gives: each problem as printed in both languages (with its line of the list and
    severity), in order, and each record with the fields its file set, its kept lines and identity."""
    records, problems = validate(load_data(data, data.parent, cache=cache), pipeline.today())
    texts = [(p.format("vi"), p.format("en"), p.row, p.severity) for p in problems]
    decisions = [(entry, entry.model.model_dump(exclude_unset=True), entry.doc.lines) for entry in records.decisions]
    return texts, decisions, sorted(records.profiles)


def same_with_and_without_cache(data: Path, applied: list[str]) -> list[str]:
    """Assert a cached run equals an uncached one; return the files the cached run checked again."""
    plain = snapshot(data, cache=False)
    applied.clear()
    assert snapshot(data, cache=True) == plain
    ran = list(applied)
    applied.clear()
    assert snapshot(data, cache=True) == plain  # and read back from the entries just written
    assert applied == []
    return ran


def decision_files(data: Path) -> list[Path]:
    return sorted((data / "decisions").rglob("*.yaml"))


def shown(path: Path, data: Path) -> str:
    return path.relative_to(data.parent).as_posix()


def _rename(text: str, rng: random.Random) -> str:
    names = re.findall(r'  name: "([^"]+)"', text)
    old = rng.choice(names)
    return text.replace(f'name: "{old}"', f'name: "{old} Mới"', 1)


def _phone(text: str, rng: random.Random) -> str:  # personal data in a text: a per-file error
    return text.replace('achievement: "', 'achievement: "Liên hệ 0912 345 678; ', 1)


def _invisible(text: str, rng: random.Random) -> str:  # a warning raised while parsing, on a line of the list
    return re.sub(r'(  name: ")(\w)', "\\1\\2\u200b", text, count=1)


def _number_of_another(text: str, rng: random.Random, other: str = "") -> str:  # one number twice: across files
    return re.sub(r'(?m)^number: .*$', other, text, count=1)


def _yaml_error(text: str, rng: random.Random) -> str:
    return text + "recipients: [\n"


def _drop_authority(text: str, rng: random.Random) -> str:  # the schema refuses it: raw references only
    return re.sub(r"(?m)^authority: .*\n", "", text, count=1)


EDITS = [_rename, _phone, _invisible, _number_of_another, _yaml_error, _drop_authority]


def test_one_file_changed_checks_only_that_file_again(data, cache, applied):
    files = decision_files(data)
    assert same_with_and_without_cache(data, applied) == [shown(p, data) for p in files]  # cold: every file
    rng = random.Random(20)
    for edit in EDITS + rng.sample(EDITS, len(EDITS)):
        path = rng.choice(files)
        text = path.read_text(encoding="utf-8")
        if edit is _number_of_another:
            other = rng.choice([p for p in files if p != path]).read_text(encoding="utf-8")
            changed = edit(text, rng, re.search(r"(?m)^number: .*$", other).group(0))
        else:
            changed = edit(text, rng)
        assert changed != text, edit.__name__
        path.write_text(changed, encoding="utf-8")
        assert same_with_and_without_cache(data, applied) == [shown(path, data)], edit.__name__
    codes = {p.code for p in validate(load_data(data, data.parent, cache=True), pipeline.today())[1]}
    assert len(codes & {"pii_phone", "invisible_chars", "duplicate_decision_number", "yaml_syntax",
                        "missing_field"}) >= 3, codes


def test_rules_across_files_see_every_change(data, cache, applied):
    same_with_and_without_cache(data, applied)
    files = decision_files(data)
    # a copy of a decision under another name: its number twice, its people twice (across files)
    copy = files[0].with_name("9999-ban-sao.yaml")
    copy.write_text(files[0].read_text(encoding="utf-8"), encoding="utf-8")
    assert same_with_and_without_cache(data, applied) == [shown(copy, data)]
    codes = {p.code for p in validate(load_data(data, data.parent, cache=True), pipeline.today())[1]}
    assert "duplicate_decision_number" in codes
    # deleted again, and another file deleted: nothing to check again, the problems across files go
    copy.unlink()
    files[1].unlink()
    assert same_with_and_without_cache(data, applied) == []
    # a profile a decision links to is gone: found by the rules across files, no file checked again
    linked = next(p for p in decision_files(data) if "profile: " in p.read_text(encoding="utf-8"))
    slug = re.search(r"profile: (\S+)", linked.read_text(encoding="utf-8")).group(1)
    (data / "profiles" / f"{slug}.yaml").unlink()
    (data / "profiles" / f"{slug}.md").unlink(missing_ok=True)
    assert same_with_and_without_cache(data, applied) == []
    assert "unknown_profile" in {p.code for p in validate(load_data(data, data.parent, cache=True),
                                                          pipeline.today())[1]}


def test_an_attachment_is_read_on_every_run(data, cache, applied):
    same_with_and_without_cache(data, applied)
    scan = next((data / "attachments").rglob("*.pdf"))
    scan.write_bytes(scan.read_bytes() + b"%changed\n")
    assert same_with_and_without_cache(data, applied) == []
    assert "attachment_hash" in {p.code for p in validate(load_data(data, data.parent, cache=True),
                                                          pipeline.today())[1]}


def test_a_registry_changed_checks_every_file_again(data, cache, applied):
    files = [shown(p, data) for p in decision_files(data)]
    same_with_and_without_cache(data, applied)
    units = data / "registries" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    first = re.search(r'(?m)^ +name: "([^"]+)"', text)
    units.write_text(text.replace(first.group(0), first.group(0)[:-1] + ' mới"', 1), encoding="utf-8")
    assert same_with_and_without_cache(data, applied) == files


def dates_of(data: Path) -> dict[str, set[dt.date]]:
    """Every date of each decision that the rules compare with today, read from the records (uncached)."""
    records, _ = validate(load_data(data, data.parent), pipeline.today())
    out = {}
    for entry in records.decisions:
        d = entry.model
        out[entry.path] = {d.date, *(c.date for c in d.corrections), *(r.revoked.date for r in d.recipients if r.revoked),
                           *([d.revocation.date] if d.revocation else [])}
    return out


@pytest.mark.parametrize("day", ["2024-06-30", "2026-11-26", "2031-01-01", "2023-03-15"])
def test_another_day_checks_again_only_the_files_with_a_date_in_between(data, cache, applied, monkeypatch, day):
    before = pipeline.today()
    dates = dates_of(data)
    same_with_and_without_cache(data, applied)
    monkeypatch.setenv("BANGVANG_TODAY", day)
    after = pipeline.today()
    low, high = min(before, after), max(before, after)
    expected = [shown(p, data) for p in decision_files(data)
                if any(low < x <= high for x in dates[shown(p, data)])]
    assert same_with_and_without_cache(data, applied) == expected
    if after < before and expected:  # decisions after the new day are in the future now
        assert "date_in_future" in {p.code for p in validate(load_data(data, data.parent, cache=True), after)[1]}


@pytest.mark.parametrize("name, old", [("2024/1876-qd-ubnd.yaml", "  - date: 2024-10-02"),  # a correction
                                       ("2024/1990-qd-ubnd.yaml", "  date: 2025-04-10"),  # the decision annulled
                                       ("2024/2215-qd-syt.yaml", "      date: 2025-04-08")])  # one line annulled
def test_each_date_compared_with_today_bounds_the_days_an_entry_holds(data, cache, applied, monkeypatch, name, old):
    path = data / "decisions" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, old.replace(old.split("date: ")[1], "2026-11-20")), encoding="utf-8")
    same_with_and_without_cache(data, applied)  # on 2026-11-25
    monkeypatch.setenv("BANGVANG_TODAY", "2026-11-18")  # that date is in the future now; the decision's is not
    assert same_with_and_without_cache(data, applied) == [shown(path, data)]
    problems = validate(load_data(data, data.parent, cache=True), pipeline.today())[1]
    assert any(p.code == "date_in_future" and p.path == shown(path, data) for p in problems)


def entries(cache: Path) -> list[tuple[Path, bytes, dict]]:
    """The checked-file entries of the cache: path, MAC line and payload (parse entries left out)."""
    out = []
    for path in sorted(cache.rglob("*.json")):
        mac, _, payload = path.read_bytes().partition(b"\n")
        value = json.loads(payload)
        if "entry" in value:
            out.append((path, mac, value))
    return out


def test_a_tampered_entry_is_ignored(data, cache, applied):
    expected = snapshot(data, cache=False)
    snapshot(data, cache=True)
    found = entries(cache)
    assert len(found) == len(decision_files(data))
    for path, mac, value in found:  # a name changed and a problem planted, the MAC left as it was
        value["entry"]["model"] = value["entry"]["model"].replace('"name":"', '"name":"Giả mạo ', 1)
        value["problems"].append({"path": "data/x.yaml", "line": 1, "code": "empty_file", "params": {"m": {}},
                                  "severity": "error", "row": None})
        path.write_bytes(mac + b"\n" + json.dumps(value, ensure_ascii=False).encode())
    applied.clear()
    assert snapshot(data, cache=True) == expected
    assert len(applied) == len(found)  # every file checked again
    for path, _, _ in entries(cache)[:3]:  # and a foreign MAC
        path.write_bytes(b"0" * 64 + b"\n" + path.read_bytes().partition(b"\n")[2])
    assert snapshot(data, cache=True) == expected


def test_an_entry_from_another_cache_cannot_make_a_broken_file_pass(data, cache, tmp_path_factory, monkeypatch):
    path = decision_files(data)[0]
    good = path.read_text(encoding="utf-8")
    broken = re.sub(r"(?m)^authority: ", "authorityy: ", good, count=1)
    # the attacker checks the good text in a cache of their own (their key)…
    monkeypatch.setenv("BANGVANG_CACHE", str(tmp_path_factory.mktemp("attacker") / "entries"))
    loaded = load_data(data, data.parent, cache=True)
    rules = checked.FileRules(loaded, validate(loaded, pipeline.today())[0], pipeline.today())
    outcome = rules.check(path)
    assert outcome.entry is not None and outcome.problems == []
    # …and files that outcome, with their own valid MAC, under the key of the broken text
    doc, _ = read_record(path, "decisions", loaded)
    key = rules.key(doc, broken)
    rules.cache.write(key, rules.cache.payload(outcome, checked.encode))
    planted = rules.cache.directory / key[:2] / f"{key}.json"
    monkeypatch.setenv("BANGVANG_CACHE", str(cache))
    snapshot(data, cache=True)  # the victim's cache, with its own key
    (cache / key[:2]).mkdir(mode=0o700, exist_ok=True)
    shutil.copy(planted, cache / key[:2] / f"{key}.json")  # restored from a shared CI cache
    path.write_text(broken, encoding="utf-8")
    expected = snapshot(data, cache=False)
    assert any("authorityy" in text for text, *_ in expected[0])
    assert snapshot(data, cache=True) == expected


def test_entries_are_json_private_and_never_pickles(data, cache):
    snapshot(data, cache=True)
    found = entries(cache)
    assert found
    for path, mac, value in found:
        raw = path.read_bytes()
        assert not raw.startswith(b"\x80") and b"\n\x80" not in raw  # no pickle protocol header anywhere
        assert re.fullmatch(rb"[0-9a-f]{64}", mac)
        assert set(value) == {"entry", "lines", "kept", "problems", "rows", "profiles", "days"}
        assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_parse_cut_short_by_the_machine_is_not_kept(data, cache, applied, monkeypatch):
    import yaml

    victim = decision_files(data)[3]
    compose = yaml.compose

    def short(text, Loader):  # noqa: N803 - PyYAML's name
        if "recipients" in text and victim.read_text(encoding="utf-8") == text:
            raise RecursionError("maximum recursion depth exceeded")
        return compose(text, Loader=Loader)

    monkeypatch.setattr(yaml, "compose", short)
    snapshot(data, cache=True)
    monkeypatch.setattr(yaml, "compose", compose)
    applied.clear()
    assert snapshot(data, cache=True) == snapshot(data, cache=False)
    assert shown(victim, data) in applied  # neither its parse nor its checks were kept
