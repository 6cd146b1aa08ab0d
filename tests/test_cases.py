"""One data-driven case per problem code: ``tests/cases/*.yaml``, and meta-tests that every code has one.

A case is a fresh copy of the minimal project, a few edits that break it the way a clerk would, and the
exact messages expected. Case format (``tests/cases/<code>.yaml``; a second case of the same code is
``<code>--<variant>.yaml``)::

    # What this case shows, in one line.
    code: unknown_authority # the problem code the case raises: a key of generator/records/messages.py
    stage: validate         # validate: pipeline.check(data/)
                            # build:    pipeline.run with the project's mkdocs.yml, content/ and site_templates/
                            #           (templates rendered, published-urls.txt and redirects checked)
                            # publish:  build, then the site engine writes the site, as `bangvang build` does;
                            #           what the engine refuses is logged as an error line (Vietnamese only,
                            #           so no expect_en); marked slow, as it builds a whole site
    edits:                  # applied in order to the copy; every path is relative to the project root, which
                            # holds data/ (from tests/fixtures/minimal/data) and, for build and publish,
                            # mkdocs.yml, content/ and site_templates/ (from the repository root)
      - file: data/decisions/2024/12-qd-ubnd.yaml
        replace: ["authority: ubnd-tinh", "authority: ubnd-tinhh"]   # the first text must occur exactly once
      - file: data/redirects.yaml      # create or overwrite (missing directories are created);
        write: |                       # `encoding: cp1258` saves the text in another encoding
          - old: cu/
            new: khong-co/
      - file: data/profiles/nguyen-van-a.md
        append: "Đoạn văn.\\n"          # add text at the end, `times: N` times (default once)
      - symlink: data/decisions/2025   # a symbolic link to `to`: absolute, or relative to the
        to: ../../ngoai/2025           # link's own directory as with `ln -s`
      - fifo: data/decisions/2024/x.yaml                # a named pipe (FIFO)
      - mkdir: data/attachments/2024                    # a directory (and its parents)
      - remove: data/profiles/nguyen-van-a.md           # a file, a link or a whole directory
      - rename: data/decisions/2024/12-qd-ubnd.yaml     # move a file or directory
        to: data/decisions/2024/quyet-dinh-12.yaml
      - chmod: data/decisions/2024/12-qd-ubnd.yaml      # permission bits, in octal. Root reads any file, so
        mode: "000"                                     # when the tests run as root the stage runs in a child
                                                        # process without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
    expect:                 # every problem of `code`, formatted in Vietnamese exactly as printed
      - "data/decisions/2024/12-qd-ubnd.yaml:4: không có cơ quan mã «ubnd-tinhh» trong danh mục — …"
    expect_en:              # optional: the same problems in English (``--lang en``)
      - "data/decisions/2024/12-qd-ubnd.yaml:4: no authority with id “ubnd-tinhh” in the registry — …"
    others: []              # optional: codes of other problems the case may also produce

YAML double-quoted strings take escapes (``"\\u200b"``), so invisible characters stay readable in a case.
The date is pinned to 2026-11-25 (``BANGVANG_TODAY``, tests/conftest.py).

Each case asserts that the problems of ``code`` are exactly ``expect`` (and ``expect_en``), that no problem
of a code outside ``{code} ∪ others`` appears, and that every ``{param}`` of every message it produces is
filled from the problem's parameters with a non-empty value, in both languages (a missing parameter would
print as nothing, an empty one as ``«»``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import pickle
import re
import shutil
import string
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT
from generator import pipeline
from generator.records.messages import MESSAGES
from generator.records.problems import Problem

CASES = Path(__file__).resolve().parent / "cases"
STAGES = ("validate", "build", "publish")
CASE_KEYS = {"code", "stage", "edits", "expect", "expect_en", "others"}
EDIT_KINDS = ("file", "symlink", "fifo", "mkdir", "remove", "rename", "chmod")
FILE_ACTIONS = ("replace", "write", "append")
# filled by render_message: did_you_mean from the optional "suggestion", successor_note from the optional "successor",
# source_note from the optional "source"
COMPUTED_PARAMS = {"did_you_mean", "successor_note", "source_note", "dated_vi", "day_vi", "dated_en", "day_en"}
PLACEHOLDER = re.compile(r"\{[A-Za-z_]\w*\}")


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


@dataclass
class Case:
    path: Path
    code: str
    stage: str
    edits: list[dict]
    expect: list[str]
    expect_en: list[str] | None = None
    others: set[str] = field(default_factory=set)


def load_case(path: Path) -> Case:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name}: a case is a mapping"
    unknown = set(data) - CASE_KEYS
    assert not unknown, f"{path.name}: unknown keys {sorted(unknown)}"
    stage = data.get("stage", "validate")
    assert stage in STAGES, f"{path.name}: stage must be one of {STAGES}"
    expect = data.get("expect")
    assert isinstance(expect, list) and expect and all(isinstance(e, str) for e in expect), \
        f"{path.name}: expect must be a non-empty list of messages"
    expect_en = data.get("expect_en")
    assert expect_en is None or (isinstance(expect_en, list) and len(expect_en) == len(expect)), \
        f"{path.name}: expect_en must list the same problems as expect"
    assert expect_en is None or stage != "publish", f"{path.name}: the engine writes its errors in Vietnamese only"
    return Case(path, data["code"], stage, data.get("edits") or [], expect, expect_en, set(data.get("others") or []))


# --- the project and its edits -------------------------------------------------------------------


def make_copy(tmp_path: Path, stage: str) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal" / "data", project / "data")
    if stage != "validate":
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        for name in ("content", "site_templates"):
            shutil.copytree(ROOT / name, project / name)
    return project


def _inside(project: Path, rel: str) -> Path:
    assert not Path(rel).is_absolute() and ".." not in Path(rel).parts, f"edit path must stay in the project: {rel}"
    return project / rel


def apply_edit(project: Path, edit: dict) -> None:
    kinds = [k for k in EDIT_KINDS if k in edit]
    assert len(kinds) == 1, f"an edit names exactly one of {EDIT_KINDS}: {edit}"
    kind = kinds[0]
    path = _inside(project, edit[kind])
    if kind == "file":
        actions = [a for a in FILE_ACTIONS if a in edit]
        assert len(actions) == 1, f"a file edit has exactly one of {FILE_ACTIONS}: {edit}"
        if "replace" in edit:
            old, new = edit["replace"]
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, f"{old!r} must occur exactly once in {edit['file']}"
            path.write_text(text.replace(old, new), encoding="utf-8")
        elif "write" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(edit["write"].encode(edit.get("encoding", "utf-8")))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "ab") as handle:
                handle.write(edit["append"].encode("utf-8") * int(edit.get("times", 1)))
    elif kind == "symlink":
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(edit["to"], path)
    elif kind == "fifo":
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)
    elif kind == "mkdir":
        path.mkdir(parents=True, exist_ok=True)
    elif kind == "remove":
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    elif kind == "rename":
        target = _inside(project, edit["to"])
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
    elif kind == "chmod":
        os.chmod(path, int(str(edit["mode"]), 8))


# --- running a stage -----------------------------------------------------------------------------


@dataclass
class Result:
    problems: list[Problem]
    engine_errors: list[str] = field(default_factory=list)  # publish: what the engine logged as errors
    engine_failed: bool = False


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_stage(project: Path, stage: str) -> Result:
    if stage == "validate":
        return Result(pipeline.check(project / "data", project).problems)
    from generator.engine.config import read_project

    config = project / "mkdocs.yml"
    p = read_project(config)
    outcome = pipeline.run(p.data_dir, p.templates_dir, p.root, p.options, p.content_dir)
    result = Result(outcome.problems)
    if stage == "publish" and outcome.ok:
        from generator.engine.build import BuildError, publish

        errors = _Errors()
        logging.getLogger().addHandler(errors)
        try:
            publish(config, outcome, project / "site", project / "published-urls.txt")
        except BuildError:
            result.engine_failed = True
        finally:
            logging.getLogger().removeHandler(errors)
        result.engine_errors = errors.messages
    return result


CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _drop_read_override() -> None:
    """Leave this process (uid 0) subject to file permission bits, as any clerk's account is."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3: two 32-bit words
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    keep = ~((1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH)) & 0xFFFFFFFF
    data[0].effective &= keep
    data[0].permitted &= keep
    data[0].inheritable &= keep
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")


def run_without_read_override(project: Path, stage: str) -> Result:
    """``run_stage`` in a forked child that root's file-reading capabilities were taken from."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(read_end)
            _drop_read_override()
            payload = pickle.dumps(("ok", run_stage(project, stage)))
        except BaseException:  # noqa: BLE001 - sent to the parent, which fails the test with it
            payload = pickle.dumps(("error", traceback.format_exc()))
            code = 1
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as received:
        status, value = pickle.loads(received.read())
    os.waitpid(pid, 0)
    assert status == "ok", f"the stage failed in the child process:\n{value}"
    return value


def run_case(case: Case, tmp_path: Path) -> Result:
    project = make_copy(tmp_path, case.stage)
    for edit in case.edits:
        apply_edit(project, edit)
    locked = [project / edit["chmod"] for edit in case.edits if "chmod" in edit]
    try:
        if locked and os.geteuid() == 0:
            return run_without_read_override(project, case.stage)
        return run_stage(project, case.stage)
    finally:
        for path in locked:  # so that the temporary directory can be removed by any account
            os.chmod(path, 0o700)


# --- checks --------------------------------------------------------------------------------------


def template_fields(code: str, lang: str) -> set[str]:
    return {name for text in MESSAGES[code][lang] for _, name, _, _ in string.Formatter().parse(text)
            if name is not None}


def unfilled(problem: Problem) -> list[str]:
    """What a message of ``problem`` would leave unfilled: template fields missing from its params or empty
    (``«»`` in the text), or a ``{name}`` left in the printed text."""
    out = []
    for lang in ("vi", "en"):
        fields = template_fields(problem.code, lang) - COMPUTED_PARAMS
        out += [f"{lang}: no parameter «{name}»" for name in sorted(fields - set(problem.params))]
        out += [f"{lang}: empty parameter «{name}»" for name in sorted(fields & set(problem.params))
                if str(problem.params[name]).strip() == ""]
        out += [f"{lang}: left in the text: {m}" for m in PLACEHOLDER.findall(problem.format(lang))]
    return out


def engine_message_pattern(code: str) -> re.Pattern[str]:
    """A printed Vietnamese message of ``code``, any location and any parameter values."""
    message, hint = MESSAGES[code]["vi"]
    parts = []
    for literal, name, _, _ in string.Formatter().parse(f"{message} — {hint}"):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(".*?")
    return re.compile(r".+:\d+: " + "".join(parts))


def _params() -> list:
    """One test per case file; a publish case builds a whole site with the engine, so it is ``slow``."""
    out = []
    for path in case_files():
        stage = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("stage")
        out.append(pytest.param(path, id=path.stem, marks=[pytest.mark.slow] if stage == "publish" else []))
    return out


@pytest.mark.parametrize("path", _params())
def test_case(path, tmp_path):
    case = load_case(path)
    result = run_case(case, tmp_path)
    printed = [p.format() for p in result.problems if p.code == case.code]
    if case.stage == "publish":
        pattern = engine_message_pattern(case.code)
        assert all(pattern.fullmatch(m) for m in result.engine_errors), result.engine_errors
        assert result.engine_failed or not result.engine_errors
        printed += result.engine_errors
    stray = [p.format() for p in result.problems if p.code not in case.others | {case.code}]
    assert stray == [], "problems of codes the case does not expect"
    assert printed == case.expect
    if case.expect_en is not None:
        assert [p.format("en") for p in result.problems if p.code == case.code] == case.expect_en
    for problem in result.problems:
        assert unfilled(problem) == [], problem.format()
    for text in result.engine_errors:
        assert PLACEHOLDER.findall(text) == [], text


# --- meta-tests ----------------------------------------------------------------------------------


def test_every_code_has_a_case():
    covered = {load_case(p).code for p in case_files()}
    assert sorted(set(MESSAGES) - covered) == []


def test_every_case_names_a_known_code_in_its_file_name():
    for path in case_files():
        case = load_case(path)
        assert case.code in MESSAGES, path.name
        assert path.stem.split("--")[0] == case.code, path.name
        assert case.others <= set(MESSAGES), path.name
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: starts with a one-line comment"


def test_every_message_has_vietnamese_and_english():
    for code, entry in MESSAGES.items():
        assert set(entry) == {"vi", "en"}, code
        for lang in ("vi", "en"):
            message, hint = entry[lang]
            assert isinstance(message, str) and message and isinstance(hint, str) and hint, (code, lang)
            template_fields(code, lang)  # both parse as format strings
