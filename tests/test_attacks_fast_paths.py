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

from conftest import FIXTURES, ROOT, TODAY, make_project, run_cli
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
    for entry in entries(victim.directory):  # the checked files of the first run: else the parse is not read
        if b'{"entry":' in entry.read_bytes():
            entry.unlink()
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


# --- the build writes and deletes only real files under a real site/ ---------------------------------

def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below ``directory`` (links not followed) with its bytes and modification time."""
    return {p.relative_to(directory).as_posix(): (p.read_bytes(), p.lstat().st_mtime_ns)
            for p in sorted(directory.rglob("*")) if p.is_file() and not p.is_symlink()}


def tree_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def links_in(site: Path) -> list[Path]:
    return [p for p in site.rglob("*") if p.is_symlink()] + ([site] if site.is_symlink() else [])


def build(project: Path, **env: str):
    result = run_cli("build", cwd=project) if not env else run_with_env(project, env)
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return result


def run_with_env(project: Path, env: dict[str, str]):
    old = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        return run_cli("build", cwd=project)
    finally:
        for name, value in old.items():
            os.environ.pop(name) if value is None else os.environ.__setitem__(name, value)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The minimal project, built once (site/ and site.state.json); tests work on copies."""
    project = make_project(tmp_path_factory.mktemp("built"), FIXTURES / "minimal" / "data")
    assert build(project).returncode == 0
    return project


@pytest.fixture
def victim(built, tmp_path) -> tuple[Path, Path]:
    """(a copy of the built project, a directory outside it holding files an attacker wants touched)."""
    project = tmp_path / "clone" / "project"
    shutil.copytree(built, project, symlinks=True)
    outside = tmp_path / "x"
    (outside / "quyet-dinh" / "2024").mkdir(parents=True)
    (outside / "index.html").write_text("không thuộc trang", encoding="utf-8")
    (outside / "authorized_keys").write_text("ssh-ed25519 AAAA", encoding="utf-8")
    return project, outside


def plant_link(project: Path, outside: Path, where: str) -> None:
    link = project / "site" / where
    shutil.rmtree(link) if link.is_dir() else None
    link.symlink_to(os.path.relpath(outside, link.parent))


def state_naming(project: Path, outside: Path, name: str) -> None:
    """A committed state that lists ``name`` (a path leaving the site) as a published file."""
    path = project / "site.state.json"
    state = json.loads(path.read_text(encoding="utf-8"))
    state["files"][name] = [1, "0" * 64, 1]
    path.write_text(json.dumps(state), encoding="utf-8")


ESCAPES = {
    "a year's directory is a link outside": lambda p, o: plant_link(p, o, "quyet-dinh/2024"),
    "the search directory is ../../x": lambda p, o: plant_link(p, o, "tim-kiem"),
    "site/ itself is a link outside": lambda p, o: (shutil.rmtree(p / "site"), (p / "site").symlink_to(o)),
    "a page is a link to an outside file": lambda p, o: ((p / "site" / "index.html").unlink(),
                                                         (p / "site" / "index.html").symlink_to(o / "index.html")),
    "the state names ../../x/authorized_keys": lambda p, o: state_naming(
        p, o, "../../x/authorized_keys"),
    "the state names an absolute path": lambda p, o: state_naming(p, o, str(o / "authorized_keys")),
}


@pytest.mark.slow
@pytest.mark.parametrize("attack", list(ESCAPES))
def test_a_site_or_state_leading_outside_makes_a_fresh_tree_and_touches_nothing_outside(victim, attack):
    project, outside = victim
    ESCAPES[attack](project, outside)
    before = snapshot(outside)
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    assert snapshot(outside) == before  # 0 files written, changed or deleted outside the site
    assert "bỏ qua, xây dựng lại toàn bộ trang" in result.stderr
    site = project / "site"
    assert not links_in(site) and (site / "quyet-dinh" / "2024").is_dir() and (site / "tim-kiem").is_dir()
    assert (site / "index.html").read_text(encoding="utf-8") != "không thuộc trang"


def test_site_changes_refuses_paths_that_leave_the_site(tmp_path):
    from generator.engine import site_state

    safe = {"index.html": [3, "aa", 1]}
    for bad in ("../../../../etc/passwd", "/root/.ssh/authorized_keys", "a/../../b", "./index.html", "a//b"):
        deployed, current = tmp_path / "deployed.json", tmp_path / "site.state.json"
        deployed.write_text(json.dumps({"format": site_state.FORMAT, "files": {**safe, bad: [1, "bb", 1]}}),
                            encoding="utf-8")
        current.write_text(json.dumps({"format": site_state.FORMAT, "files": safe}), encoding="utf-8")
        result = run_cli("site-changes", str(deployed), str(current), cwd=tmp_path)
        assert result.returncode != 0 and result.stdout == "", (bad, result.stdout)
        assert "ra ngoài thư mục trang" in result.stderr and "Traceback" not in result.stderr, result.stderr


# --- a corrupt state, a killed update: the live site is wholly old or wholly new ---------------------

CORRUPT_STATES = {
    "not JSON": "{\"format\": 2, \"files\": {",
    "files is a list": json.dumps({"format": 2, "scan": "", "files": [1, 2]}),
    "an entry of the wrong shape": json.dumps({"format": 2, "scan": "", "files": {"index.html": {"size": 1}}}),
    "a number too deep to parse": "[" * 100_000 + "]" * 100_000,
    "a directory": None,
}


def test_a_corrupt_state_of_any_shape_is_set_aside_with_a_notice(tmp_path):
    from generator.engine import site_state

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("x", encoding="utf-8")
    for shape, text in CORRUPT_STATES.items():
        path = site_state.state_path(site)
        shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
        path.mkdir() if text is None else path.write_text(text, encoding="utf-8")
        notices: list[str] = []
        assert site_state.read(site, notices) is None, shape
        assert len(notices) == 1 and "\n" not in notices[0] and "xây dựng lại toàn bộ trang" in notices[0], shape


@pytest.mark.slow
def test_a_corrupt_state_makes_a_full_build_with_one_line(victim):
    project, _ = victim
    (project / "site.state.json").write_text(CORRUPT_STATES["an entry of the wrong shape"], encoding="utf-8")
    result = build(project)
    assert result.returncode == 0 and result.stderr.count("site.state.json") == 1, result.stderr
    assert "ghi 495 tệp" in result.stdout or "xóa 0 tệp" in result.stdout


def add_decision(project: Path) -> None:
    """An edit that changes many files: a new decision (its pages, the year's lists, statistics, search)
    and a reason corrected."""
    source = project / "data" / "decisions" / "2024" / "12-qd-ubnd.yaml"
    text = source.read_text(encoding="utf-8")
    (source.parent / "14-qd-ubnd.yaml").write_text(text.replace("12/QĐ-UBND", "14/QĐ-UBND"), encoding="utf-8")
    revoked = source.parent / "13-qd-ubnd.yaml"  # and a page changed
    revoked.write_text(revoked.read_text(encoding="utf-8").replace("Dũng cảm cứu người", "Dũng cảm cứu hai người"),
                       encoding="utf-8")


KILL_POINTS = ["assembled", "state-forgotten", "exchanged", "swapped"]


@pytest.mark.slow
def test_a_build_killed_at_any_point_leaves_the_old_or_the_new_site(victim, tmp_path):
    import random
    import signal
    import subprocess
    import sys
    import time

    project, _ = victim
    pristine = tmp_path / "pristine"
    shutil.copytree(project, pristine, symlinks=True)

    def restore(run: str) -> Path:  # the published site and state as before, the edit made again
        copy = tmp_path / run / "project"  # (a new place each time: the last run's old tree may still be going)
        shutil.copytree(pristine, copy, symlinks=True)
        add_decision(copy)
        return copy

    old = tree_of(project / "site")
    project = restore("reference")
    assert build(project).returncode == 0
    new = tree_of(project / "site")
    assert new != old
    seen = []
    for point in KILL_POINTS:  # at each step of putting the new tree in place
        project = restore(point)
        assert build(project, BANGVANG_TEST_KILL_AT=point).returncode != 0
        live = tree_of(project / "site")
        assert live in (old, new), point
        seen.append(f"{point}: {'new' if live == new else 'old'}")
    rng = random.SystemRandom()  # other plugins may seed the module's generators
    env = {**os.environ, "BANGVANG_TODAY": TODAY, "PYTHONPATH": str(ROOT)}
    for run in range(3):  # SIGKILL to the whole build at random moments
        project = restore(f"random-{run}")
        process = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=project, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        delay = rng.uniform(0.3, 3.0)  # a minimal build takes 2–8 s here: most kills land inside it
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        live = tree_of(project / "site")
        assert live in (old, new), delay
        seen.append(f"SIGKILL at {delay:.1f} s: {'new' if live == new else 'old'}")
        after = build(project)  # the next build finishes the job
        assert after.returncode == 0 and tree_of(project / "site") == new
    print("kill outcomes:", seen)


@pytest.mark.slow
def test_a_page_edited_by_hand_with_its_size_and_time_kept_is_written_again(victim):
    project, _ = victim
    page = project / "site" / "index.html"
    original = page.read_bytes()
    info = page.stat()
    forged = original.replace(b"</body>", b"<p>0912345678</p></body>")
    forged = forged.replace(b"\n", b"", len(forged) - len(original))  # the same size
    assert len(forged) == len(original)
    page.write_bytes(forged)
    os.utime(page, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert build(project).returncode == 0
    assert page.read_bytes() == original


KILL_SEARCH_CHILD = """
import os, signal, sys
from generator.site import render, search_index
render.BACKGROUND_FROM = 0  # the index in a child process even for a small site
search_index.build_index = lambda *args, **kwargs: os.kill(os.getpid(), signal.SIGKILL)
from generator.commands.cli import main
sys.exit(main(["build"]))
"""


@pytest.mark.slow
def test_a_killed_search_index_child_is_a_clear_error(victim):
    import subprocess
    import sys

    project, _ = victim
    before = tree_of(project / "site")
    env = {**os.environ, "BANGVANG_TODAY": TODAY, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", KILL_SEARCH_CHILD], cwd=project, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "chỉ mục tìm kiếm bị dừng (tín hiệu 9" in result.stderr and "giữ nguyên" in result.stderr
    assert tree_of(project / "site") == before


# --- settings printed on every page ------------------------------------------------------------------

TO_LINE = "        to: Ban Thi đua - Khen thưởng tỉnh Hòa An (hư cấu)   # who receives it, shown beside the link"


def set_feedback_to(project: Path, value: str) -> int:
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    number = lines.index(TO_LINE)
    lines[number] = f"        to: {json.dumps(value, ensure_ascii=False)}"
    config.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


@pytest.mark.slow
def test_control_and_bidi_characters_in_settings_reach_no_page(victim):
    project, _ = victim
    line = set_feedback_to(project, "Ban Thi đua\u202e\u001b\u0007 tỉnh")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('copyright: "Dữ liệu mẫu', 'copyright: "\\u202eDữ liệu mẫu'),
                      encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    assert f"mkdocs.yml:{line}: plugins.bangvang.feedback.to có ký tự điều khiển" in result.stderr, result.stderr
    assert "mkdocs.yml:5: copyright có ký tự điều khiển" in result.stderr, result.stderr
    pages = [p for p in (project / "site").rglob("*.html")]
    shown = [p for p in pages if "Ban Thi đua tỉnh" in p.read_text(encoding="utf-8")]
    assert shown and not any(ch in p.read_text(encoding="utf-8") for p in pages for ch in "\u202e\u001b\u0007")


@pytest.mark.slow
def test_a_phone_number_in_feedback_to_is_blamed_on_mkdocs_yml(victim):
    project, _ = victim
    line = set_feedback_to(project, "Ông Nguyễn Văn A, 0912 345 678")
    result = build(project)
    assert result.returncode != 0 and f"mkdocs.yml:{line}: plugins.bangvang.feedback.to chứa dữ liệu cá nhân" \
        in result.stderr, result.stderr[-2000:]
    assert "decisions/" not in result.stderr


# --- office files that would exhaust the machine -------------------------------------------------------

def small_xlsx(path: Path) -> Path:
    """A real one-sheet list saved by openpyxl (about 5 KB)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["STT", "Họ và tên", "Chức vụ", "Đơn vị"])
    sheet.append([1, "Nguyễn Văn A", "Giáo viên", "Trường THCS Hòa An"])
    book.save(path)
    return path


def rewrite(path: Path, member: str, change) -> None:
    """Rewrite one part of a zip (an .xlsx) with ``change(bytes) -> bytes``."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[member] = change(parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


SHEET = "xl/worksheets/sheet1.xml"
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b"]>")

HOSTILE_FILES = {
    "a cell at XFD1048576": ("x.xlsx", lambda p: rewrite(small_xlsx(p), SHEET, lambda x: x.replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')), "ô XFD1048576"),
    "a merge over the whole sheet": ("x.xlsx", lambda p: rewrite(small_xlsx(p), SHEET, lambda x: x.replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')),
        "vùng gộp ô A1:XFD1048576"),
    "billion laughs in the sheet name": ("x.xlsx", lambda p: rewrite(small_xlsx(p), "xl/workbook.xml",
        lambda x: LAUGHS + x.split(b"?>", 1)[-1].replace("Danh sách".encode(), b"&lol9;")), "DTD"),
    "ESC in the sheet name": ("x.xlsx", lambda p: rewrite(small_xlsx(p), "xl/workbook.xml",
        lambda x: x.replace("Danh sách".encode(), "Danh\x1bsách".encode())), "không đọc được bảng tính"),
    "a 30 MB cell": ("x.csv", lambda p: p.write_text("STT,Họ và tên\n1,\"" + "A" * 30_000_000 + "\"\n",
                                                    encoding="utf-8"), "ô B2 dài 30.000.000 ký tự"),
    "200,000 columns": ("x.csv", lambda p: p.write_text("STT,Họ và tên" + ",x" * 200_000 + "\n",
                                                       encoding="utf-8"), "quá 16.384 cột"),
}


@pytest.mark.parametrize("attack", list(HOSTILE_FILES))
def test_a_hostile_office_file_is_refused_in_words_quickly(tmp_path, attack):
    import subprocess
    import sys
    import time

    name, make, said = HOSTILE_FILES[attack]
    path = tmp_path / name
    make(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", "import", str(path), "--data", str(ROOT / "data")],
                            cwd=tmp_path, capture_output=True, text=True, env=env, timeout=60)
    seconds = time.perf_counter() - start
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert said in result.stderr and result.stdout == "", result.stderr[-2000:]
    assert "\x1b" not in result.stderr
    assert seconds < 20, seconds


def test_import_never_writes_through_a_link_out_of_data(project, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("number: \"1/QĐ\"\n", encoding="utf-8")
    before = outside.read_bytes()
    link = project / "data" / "decisions" / "2024" / "99-qd.yaml"
    link.symlink_to(outside)
    hard = project / "data" / "decisions" / "2024" / "98-qd.yaml"
    os.link(outside, hard)
    source = small_xlsx(tmp_path / "list.xlsx")
    for target in (link, hard):
        result = run_cli("import", str(source), "--decision", str(target), cwd=project)
        assert result.returncode != 0 and "không phải tệp thường" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert outside.read_bytes() == before


# --- personal data in every spelling ------------------------------------------------------------------

def test_the_personal_data_corpus_is_caught_without_false_positives():
    """The figures of the closing note: spellings published / tried, ordinary texts refused / tried."""
    from pii_corpus import NORMAL, SPELLINGS

    from generator.records.personal_data import find_personal_data

    published = [text for text, code in SPELLINGS if code not in [c for c, _ in find_personal_data(text)]]
    refused = [text for text in NORMAL if find_personal_data(text)]
    print(f"published {len(published)}/{len(SPELLINGS)}, false positives {len(refused)}/{len(NORMAL)}")
    assert published == [] and refused == []


def test_a_phone_number_in_a_source_url_is_refused(project):
    profile = project / "data" / "profiles" / "nguyen-van-a.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + 'sources:\n  - title: "Báo tỉnh"\n'
                       '    url: "https://baotinh.example/bai-viet?sdt=0912%20345%20678&muc=1"\n', encoding="utf-8")
    result = validate(project)
    assert result.returncode != 0 and "0912 345 678" in result.stderr and "nguyen-van-a.yaml" in result.stderr


def test_a_personal_mailbox_as_a_consultation_contact_is_refused(tmp_path):
    project = make_project(tmp_path, ROOT / "data")
    path = project / "data" / "consultations" / "htx-tan-phu-huan-chuong-lao-dong-2026.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("thiduakhenthuong@hoa-an.example",
                                                             "nguyenvana1980@gmail.com"), encoding="utf-8")
    result = validate(project)
    assert result.returncode != 0 and "nguyenvana1980@gmail.com" in result.stderr, result.stderr[-2000:]


def test_the_importer_stops_on_personal_data_in_the_cells_it_read(tmp_path):
    sheet = tmp_path / "danh-sach.csv"
    sheet.write_text("STT,Họ và tên,Chức vụ,Thành tích\n1,Nguyễn Văn A,Giáo viên,\"Tận tụy, ĐT 0912 345 678\"\n",
                     encoding="utf-8")
    result = run_cli("import", str(sheet), "--data", str(ROOT / "data"), cwd=tmp_path)
    assert result.returncode != 0 and result.stdout == ""  # nothing printed for a decision file
    assert "danh-sach.csv!D2: «Thành tích» chứa số điện thoại «0912 345 678»" in result.stderr, result.stderr
    assert "chưa ghi gì" in result.stderr and "Traceback" not in result.stderr
