"""search.js splits a query into words (folded, and as written) exactly as the index builder splits titles
(``search_index.word_forms``): its ``words`` run in Node.js against Python on the sample's strings and on
generated hard cases; and its word-order rule agrees with the Python reading (``search_client``)."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from generator.site.search_index import word_forms
from search_client import word_order
from test_fold_parity import _generated, _sample_strings

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="needs Node.js (installed by make test)")


def _functions(*names: str) -> str:
    source = (ROOT / "site_templates/assets/search.js").read_text(encoding="utf-8")
    out = []
    for name in names:
        match = re.search(r"  function " + name + r"\(.*?\n  \}", source, re.S)
        assert match, f"search.js has no {name}()"
        out.append(match.group(0))
    return "\n".join(out)


def _run(script: str, data) -> list:
    result = subprocess.run([NODE, "-e", script + "\nconst input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
                             "process.stdout.write(JSON.stringify(input.map(main)));\n"],
                            input=json.dumps(data), capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout)


def test_query_words_as_written_agree_with_the_index():
    strings = _sample_strings() + _generated() + ["Xuân Dục", "NGUYỄN  thị", "1234/QĐ-UBND", "Thuỳ Thùy"]
    js = _run(_functions("fold", "tokens", "words") + "\nfunction main(s) { return words(s).map(w => [w.fold, w.form]); }",
              strings)
    differing = [(s, j, [list(p) for p in word_forms(s)]) for s, j in zip(strings, js)
                 if j != [list(p) for p in word_forms(s)]]
    assert differing == []


def test_word_order_agrees_with_the_python_reading():
    masks = [1, 2, 4, 8, 3, 6, 0x100, 0x200, 0x300, 0x101, 0x80, 0xC0]
    cases = [list(c) for n in (1, 2, 3) for c in itertools.product(masks, repeat=n)]
    js = _run(_functions("lowestBitAbove", "wordOrder") + "\nfunction main(m) { return wordOrder(m, m.length); }", cases)
    assert js == [word_order(c) for c in cases]
    assert word_order([1, 2]) == 2 and word_order([1, 4]) == 1 and word_order([2, 1]) == 0
    assert word_order([0x100, 0x200]) == 2 and word_order([0x1, 0x200]) == 0  # one field at a time


def test_text_numbers_read_back_in_javascript():
    from generator.site.search_index import text_numbers

    values = [0, 1, 44, 45, 46, 89, 90, 2024, 2025, 91_124, 91_125, 123_456_789, 2**31 - 1]
    script = _functions("textReader") + """
function main(text) { const at = {i: 0}, next = textReader(text, at), out = [];
  while (at.i < text.length) out.push(next()); return out; }"""
    assert _run(script, [text_numbers(values)]) == [values]
