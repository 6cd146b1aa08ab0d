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
from search_client import SHIFT, TOP, rank_of, word_order
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


def test_word_order_of_long_names_sharing_the_last_position():
    masks = [1 << min(i, 7) for i in range(12)]  # a 12-word name typed in full: words 8–12 share position 7
    cases = [masks, masks[3:], masks[:9], masks[::-1], [0x80, 0x80], [0x80, 0x40], [0x40, 0x80, 0x80]]
    js = _run(_functions("lowestBitAbove", "wordOrder") + "\nfunction main(m) { return wordOrder(m, m.length); }", cases)
    assert js == [word_order(c) for c in cases] == [2, 2, 2, 0, 2, 0, 2]


def _rank_script() -> str:
    source = (ROOT / "site_templates/assets/search.js").read_text(encoding="utf-8")
    shift = re.search(r"var SHIFT = (\d+);", source).group(1)
    return (f"var SHIFT = {shift};\n" + _functions("rankOf", "lowestBitAbove", "wordOrder", "rank")
            + "\nvar TOP = rankOf(99, 2, 99, 99);\n")


def test_rank_of_agrees_with_the_python_reading():
    cases = [[tw, order, ex, dia] for tw in (0, 1, 9, 10, 15, 16, 30, 40) for order in (0, 1, 2)
             for ex in (0, 10, 30) for dia in (0, 15, 30)]
    js = _run(_functions("rankOf") + "\nfunction main(c) { return rankOf(c[0], c[1], c[2], c[3]); }", cases)
    assert js == [rank_of(*c) for c in cases]
    assert max(js) == TOP and TOP * SHIFT + 6 * 4096 * 4096 < 2**53


@pytest.mark.parametrize("words", [1, 9, 10, 11, 15, 16, 20, 30])
def test_a_name_of_any_length_typed_in_full_keeps_its_document_number(words):
    """The bug of issue 19: a name of 10 words or more made the rank key negative, and the browser asked
    for row file -20479. Every word found in the title, each at its own position (the 8th on share one)."""
    ids = [5, 4096 * 4096 * 3 + 17, 4096 * 4096 * 6 - 1]  # a profile, a recipient, the last number there is
    script = _rank_script() + """
function main(c) {
  var nw = c.words, ids = Int32Array.from(c.ids), lists = [], at = [];
  for (var k = 0; k < nw; k++) {
    var bit = 1 << Math.min(k, 7);
    lists.push({ tm: new Int32Array(ids.length).fill(bit), em: new Int32Array(ids.length).fill(bit),
                 xm: new Int32Array(ids.length), fl: new Uint8Array(ids.length) });
    at.push(Int32Array.from(ids.map(function (_, i) { return i; })));
  }
  var query = []; for (var q = 0; q < nw; q++) query.push({ fold: "w" + q, form: "w" + q, marked: false });
  var r = rank(query, lists, { ids: ids, at: at });
  return { ids: Array.from(r.ids), tiers: Array.from(r.tiers), titled: r.titled(ids[1]) };
}"""
    [out] = _run(script, [{"words": words, "ids": ids}])
    assert out["ids"] == ids
    assert out["tiers"] == [TOP - rank_of(words, 2, words, 0)] * 3 and min(out["tiers"]) >= 0
    assert out["titled"] == (1 << min(words, 31)) - 1
