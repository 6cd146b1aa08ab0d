"""The browser and Python fold text the same way: search.js's ``fold`` (run in Node.js) against
``generator.text.fold`` on every string of the sample data and on a generated set of hard cases."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import unicodedata

import pytest
import yaml

from conftest import ROOT
from generator.text import fold

NODE = shutil.which("node")


def _js_fold_source() -> str:
    source = (ROOT / "site_templates/assets/search.js").read_text(encoding="utf-8")
    match = re.search(r"function fold\(s\) \{.*?\n  \}", source, re.S)
    assert match, "search.js has no fold(s) function"
    return match.group(0)


def _sample_strings() -> list[str]:
    out: list[str] = []

    def walk(value):
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in sorted((ROOT / "data").rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "data").rglob("*.md")):
        out.extend(path.read_text(encoding="utf-8").splitlines())
    return out


# Vietnamese in NFC and NFD, Latin supplements, Greek, Cyrillic, combining marks of several blocks,
# letters whose case mapping is special (ß, İ, ı, ǅ, ẞ), full-width forms, digits and punctuation.
_ALPHABET = ("aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
             "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
             "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
             "çñøåæœßİıǅẞðÐɖƉ" "αβγΔΩάέ" "абвгдЁёЙй" "０１２ＡＢａｂ" "0123456789 -/.,()«»"
             "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b\u1dc4\u20d7\ufe20\u0483\u05b0\u0e31")


def _generated(n: int = 3000) -> list[str]:
    rng = random.Random(20261125)
    strings = ["".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 24))) for _ in range(n)]
    return strings + [unicodedata.normalize("NFD", s) for s in strings[:500]]


@pytest.mark.skipif(NODE is None, reason="needs Node.js (installed by make test)")
def test_javascript_and_python_fold_agree():
    strings = _sample_strings() + _generated()
    assert len(strings) > 4000
    script = _js_fold_source() + "\nconst input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n" \
        "process.stdout.write(JSON.stringify(input.map(fold)));\n"
    result = subprocess.run([NODE, "-e", script], input=json.dumps(strings), capture_output=True, text=True,
                            timeout=60, check=True)
    js = json.loads(result.stdout)
    differing = [(s, js_value, fold(s)) for s, js_value in zip(strings, js) if js_value != fold(s)]
    assert differing == []
