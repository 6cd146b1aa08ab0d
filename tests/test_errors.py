"""One case per user error outside records: ``tests/error_cases/<code>.yaml``, run through the real command line.

A user error (``generator.records.problems.UserError``) is a code of ``messages.USER_ERRORS`` with its params;
``cli.main`` prints it once, as ``path:line: message — hint`` in ``--lang``, and exits non-zero without a
traceback. Each case runs ``main()`` twice (Vietnamese, then ``--lang en``) on a fresh project and checks the
exit status and the last line of stderr. Case format (``<code>.yaml``; a second case of a code is
``<code>--<variant>.yaml``)::

    # What this case shows, in one line.
    code: signing_date_future   # a key of USER_ERRORS
    project: minimal            # none: an empty directory; minimal: tests/fixtures/minimal/data as data/;
                                # site: minimal plus mkdocs.yml, content/ and site_templates/ (test_cases.make_copy)
    edits: []                   # as in tests/cases (test_cases.apply_edit); also `copy: <path in tests/>` with `to`,
                                # and `zip: <path>` with `members` (name → text, or [text, times]): a spreadsheet's parts
    argv: [new, decision, --date, "2026-11-26", --data, data]   # run in the project directory
    exit: 1                     # the exit status
    expect: "…"                 # the last line of stderr, in Vietnamese
    expect_en: "…"              # the same with --lang en
    env: {}                     # optional: environment variables set for the run
    patch: {}                   # optional: module attributes set for the run ("{project}" in a string value
                                # becomes the project's path; a string naming a path becomes a Path)
    hide: []                    # optional: modules that cannot be imported during the run
    lock: site.lock             # optional: a file the run finds locked (flock) by another build
    logged: true                # optional: the engine logs lines before the error (else it is the only line)
    listed: true                # optional: the error is one of a list of problems, printed before their count
                                # (an import's rows): `expect` is one line of stderr, not the last

``{project}``, ``{checkout}`` (the Bảng Vàng checkout) and ``{checkout_parent}`` in argv, expect and patch values
are replaced by those paths. Edits with ``chmod`` run the command in a child process without root's
capability to read and write any file (``test_cases.run_without_read_override``), as a clerk's account is.
"""

from __future__ import annotations

import fcntl
import importlib
import io
import os
import pickle
import re
import shutil
import sys
import traceback
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from generator.commands import cli
from generator.engine import bundled
from generator.records.messages import MESSAGES, USER_ERRORS
from test_cases import PLACEHOLDER, _drop_read_override, apply_edit, make_copy

CASES = Path(__file__).resolve().parent / "error_cases"
CASE_KEYS = {"code", "project", "edits", "argv", "exit", "expect", "expect_en", "env", "patch", "hide", "lock", "logged",
             "listed"}
PROJECTS = ("none", "minimal", "site")


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


def load_case(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(case, dict), f"{path.name}: a case is a mapping"
    assert set(case) <= CASE_KEYS, f"{path.name}: unknown keys {sorted(set(case) - CASE_KEYS)}"
    assert {"code", "argv", "exit", "expect", "expect_en"} <= set(case), f"{path.name}: a key is missing"
    assert case.get("project", "minimal") in PROJECTS, f"{path.name}: project is one of {PROJECTS}"
    return case


def _fill(text: str, project: Path) -> str:
    return (text.replace("{project}", str(project)).replace("{checkout_parent}", str(bundled.CHECKOUT.parent))
            .replace("{checkout}", str(bundled.CHECKOUT)))


def make_project(case: dict, tmp_path: Path) -> Path:
    kind = case.get("project", "minimal")
    if kind == "none":
        project = tmp_path / "project"
        project.mkdir(parents=True)
    else:
        project = make_copy(tmp_path, "validate" if kind == "minimal" else "build")
    for edit in case.get("edits") or []:
        if "copy" in edit:
            source = (Path(__file__).parent / edit["copy"]).resolve()
            assert Path(__file__).parent in source.parents, f"copy only from tests/: {edit}"
            (project / edit["to"]).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, project / edit["to"])
        elif "zip" in edit:
            with zipfile.ZipFile(project / edit["zip"], "w", zipfile.ZIP_DEFLATED) as archive:
                for name, text in edit["members"].items():  # a list [text, n]: the text n times
                    archive.writestr(name, text if isinstance(text, str) else text[0] * text[1])
        else:
            apply_edit(project, edit)
    return project


def _run_main(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        status = cli.main(argv)
    return status, err.getvalue()


def _run_in_child(argv: list[str]) -> tuple[int, str]:
    """``_run_main`` in a forked child that root's file capabilities were taken from."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            _drop_read_override()
            payload = pickle.dumps(_run_main(argv))
        except BaseException:  # noqa: BLE001 - sent to the parent, which fails the test with it
            payload = pickle.dumps((-1, traceback.format_exc()))
        with os.fdopen(write_end, "wb") as out:
            out.write(payload)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as received:
        result = pickle.loads(received.read())
    os.waitpid(pid, 0)
    return result


def run_case(case: dict, project: Path, lang: str, monkeypatch) -> tuple[int, str]:
    """Run the case's command in ``project`` with ``--lang lang``: (exit status, stderr)."""
    monkeypatch.chdir(project)
    for name, value in (case.get("env") or {}).items():
        monkeypatch.setenv(name, value)
    for target, value in (case.get("patch") or {}).items():
        module, _, attribute = target.rpartition(".")
        if isinstance(value, str) and "{" in value:
            value = Path(_fill(value, project))
        monkeypatch.setattr(importlib.import_module(module), attribute, tuple(value) if isinstance(value, list) else value)
    for name in case.get("hide") or []:
        monkeypatch.setitem(sys.modules, name, None)
    argv = [_fill(str(word), project) for word in case["argv"]] + ["--lang", lang]
    held = None
    if case.get("lock"):
        held = open(project / case["lock"], "a+")
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        locked = any("chmod" in edit for edit in case.get("edits") or [])
        return (_run_in_child if locked and os.geteuid() == 0 else _run_main)(argv)
    finally:
        if held:
            held.close()


def _restore_permissions(project: Path, case: dict) -> None:
    for edit in case.get("edits") or []:
        if "chmod" in edit:
            os.chmod(project / edit["chmod"], 0o700)


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_error_case(path, tmp_path):
    case = load_case(path)
    for lang, key in (("vi", "expect"), ("en", "expect_en")):
        project = make_project(case, tmp_path / lang)
        try:
            with pytest.MonkeyPatch.context() as monkeypatch:  # undone after each run (the fixture's are kept)
                status, stderr = run_case(case, project, lang, monkeypatch)
        finally:
            _restore_permissions(project, case)
        assert "Traceback" not in stderr, stderr
        lines = stderr.rstrip("\n").splitlines()
        assert case.get("logged") or case.get("listed") or len(lines) == 1, stderr
        expected = _fill(case[key], project)
        line = expected if case.get("listed") and expected in lines else lines[-1] if lines else ""
        assert (status, line) == (case["exit"], expected), stderr
        assert PLACEHOLDER.findall(line) == [] and "«»" not in line and "“”" not in line, line


# --- meta-tests ----------------------------------------------------------------------------------


def test_every_user_error_has_a_case():
    covered = {load_case(p)["code"] for p in case_files()}
    assert sorted(set(USER_ERRORS) - covered) == []


def test_every_case_names_a_user_error_in_its_file_name():
    for path in case_files():
        case = load_case(path)
        assert case["code"] in USER_ERRORS, path.name
        assert path.stem.split("--")[0] == case["code"], path.name
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: starts with a one-line comment"


def test_every_user_error_has_vietnamese_and_english_and_its_own_code():
    assert set(USER_ERRORS).isdisjoint(MESSAGES)
    for code, entry in USER_ERRORS.items():
        assert set(entry) == {"vi", "en"}, code
        for lang in ("vi", "en"):
            message, hint = entry[lang]
            assert isinstance(message, str) and message and isinstance(hint, str) and hint, (code, lang)
            assert [t.format_map(_Any()) for t in (message, hint)], (code, lang)  # both parse as format strings


class _Any(dict):
    """Any field of a template: a value that formats with any spec."""

    def __missing__(self, key):
        return _Value()


class _Value:
    def __format__(self, spec):
        return "x"


def test_no_user_error_is_printed_outside_the_cli_edge():
    """Commands raise user errors; only ``cli.main`` prints them (no ``print(str(exc))`` of an error)."""
    for module in ("commands/cli.py", "commands/scaffold.py", "commands/new_site.py", "commands/importer.py",
                   "commands/admin_page.py", "engine/config.py", "engine/bundled.py"):
        text = (ROOT / "generator" / module).read_text(encoding="utf-8")
        assert not re.search(r"print\((f?\"[^\"]*\{)?(str\()?exc\b(?!\.format\()", text), module


def test_a_user_error_keeps_its_code_place_and_params_through_pickle():
    """A build's child process sends its error to the parent pickled: nothing of it is lost."""
    from generator.commands.importer import ReadError

    error = pickle.loads(pickle.dumps(ReadError("sheet_missing", "ds.xlsx", 0, wanted="Trang 2", names="Danh sách")))
    assert type(error) is ReadError and error.format("en") == "ds.xlsx: no sheet “Trang 2” — the file's sheets: Danh sách"


def test_the_error_classes_exit_with_the_clis_statuses():
    from generator.engine.build import BuildError
    from generator.records.problems import UsageError, UserError

    assert (UserError.exit_status, BuildError.exit_status, UsageError.exit_status) == (
        cli.EXIT_INVALID, cli.EXIT_BUILD_FAILED, cli.EXIT_USAGE)
