"""The built sample, file by file, against a committed manifest of SHA-256 digests.

``tests/golden/site-manifest.txt`` (``<sha256>  <path>`` a line, sorted by path) was first made by a build
with the ``mkdocs-material`` 9.8.2 package; the vendored theme (``generator/theme/bangvang_material``) must
give the same bytes, so every change of the published site — theme, templates, sample data — is deliberate.
After an intended change: ``make manifest`` (``UPDATE_GOLDEN=1 pytest tests/test_theme_manifest.py``; ``make
golden`` runs it too), then read the manifest's diff in git.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

MANIFEST = Path(__file__).resolve().parent / "golden" / "site-manifest.txt"


def site_manifest(site: Path) -> dict[str, str]:
    """``{path: sha256}`` of every file under ``site`` (paths relative, with ``/``)."""
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in site.rglob("*") if path.is_file()}


def manifest_text(digests: dict[str, str]) -> str:
    """The manifest file's text: ``<sha256>  <path>`` lines sorted by path (the format of ``sha256sum``)."""
    return "".join(f"{digests[path]}  {path}\n" for path in sorted(digests))


def read_manifest(text: str) -> dict[str, str]:
    """Parse a manifest written by ``manifest_text``."""
    digests = {}
    for line in text.splitlines():
        digest, _, path = line.partition("  ")
        digests[path] = digest
    return digests


def differences(expected: dict[str, str], actual: dict[str, str]) -> dict[str, list[str]]:
    """Paths missing from the site, not in the manifest, and present in both with other bytes."""
    return {
        "missing": sorted(set(expected) - set(actual)),
        "not in manifest": sorted(set(actual) - set(expected)),
        "changed": sorted(path for path in set(expected) & set(actual) if expected[path] != actual[path]),
    }


def test_manifest_lists_every_file_sorted_and_names_each_kind_of_difference(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.css").write_bytes(b"x")
    (tmp_path / "a.html").write_bytes(b"")
    text = manifest_text(site_manifest(tmp_path))
    assert text == (f"{hashlib.sha256(b'').hexdigest()}  a.html\n"
                    f"{hashlib.sha256(b'x').hexdigest()}  b/x.css\n")
    assert read_manifest(text) == site_manifest(tmp_path)
    changed = {**read_manifest(text), "b/x.css": "0" * 64, "gone.js": "1" * 64}
    del changed["a.html"]
    assert differences(changed, site_manifest(tmp_path)) == {
        "missing": ["gone.js"], "not in manifest": ["a.html"], "changed": ["b/x.css"]}


@pytest.mark.slow
def test_sample_site_is_byte_identical_to_the_manifest(sample_site):
    actual = site_manifest(sample_site)
    if os.environ.get("UPDATE_GOLDEN"):
        MANIFEST.write_text(manifest_text(actual), encoding="utf-8")
    assert MANIFEST.exists(), f"missing {MANIFEST}: run `make manifest`"
    found = differences(read_manifest(MANIFEST.read_text(encoding="utf-8")), actual)
    assert found == {"missing": [], "not in manifest": [], "changed": []}, (
        f"the built sample differs from {MANIFEST.name}; `make manifest` if intended")
