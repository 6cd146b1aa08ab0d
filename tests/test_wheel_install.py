"""Bảng Vàng installed from its wheel (not editable) into a fresh environment builds the sample byte for byte.

Proves the package data complete — the vendored theme, its hidden ``.icons/`` directory, its licence — and
that no ``mkdocs-material`` is needed: the environment gets only ``requirements.txt`` (with its hashes) and the
wheel. Downloads nothing when pip's cache already holds the pinned packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, TODAY
from generator.dev.vendor_theme import VENDORED, files_of
from test_theme_manifest import MANIFEST, differences, read_manifest, site_manifest

pytestmark = pytest.mark.slow


def run(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=900, env=env)
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result


def build_wheel(tmp_path: Path) -> Path:
    """The project's wheel, built from a copy of its sources (setuptools writes build files beside them)."""
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(ROOT / "pyproject.toml", source)
    shutil.copytree(ROOT / "generator", source / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--disable-pip-version-check",
        "-w", tmp_path / "wheel", source, cwd=tmp_path)
    return next((tmp_path / "wheel").glob("bangvang-*.whl"))


def test_the_installed_wheel_builds_the_sample_of_the_manifest(tmp_path):
    wheel = build_wheel(tmp_path)
    theme = VENDORED.relative_to(ROOT).as_posix()
    packed = set(zipfile.ZipFile(wheel).namelist())
    assert {f"{theme}/{name}" for name in files_of(VENDORED) if "__pycache__" not in name} <= packed
    assert {"generator/theme/LICENSE", "generator/theme/UPSTREAM.md"} <= packed

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    pip = [python, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    run(*pip, "--require-hashes", "-r", ROOT / "requirements.txt", cwd=tmp_path)
    run(*pip, "--no-deps", wheel, cwd=tmp_path)

    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["BANGVANG_TODAY"] = TODAY
    where = run(python, "-c", "import generator, importlib.util; print(generator.__file__); "
                "print(importlib.util.find_spec('material'))", cwd=tmp_path, env=env).stdout.splitlines()
    assert Path(where[0]).is_relative_to(venv), f"generator imported from {where[0]}, not the installed wheel"
    assert where[1] == "None", "mkdocs-material is installed"
    # the checkout's own sample (its git history dates the records), built by the installed package
    run(python, "-m", "generator", "build", "--config", ROOT / "mkdocs.yml", "--site-dir", tmp_path / "site",
        cwd=tmp_path, env=env)
    found = differences(read_manifest(MANIFEST.read_text(encoding="utf-8")), site_manifest(tmp_path / "site"))
    assert found == {"missing": [], "not in manifest": [], "changed": []}
