"""The benchmark runs end to end at a tiny scale (its real runs are documented, not tested)."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.bench]


def test_benchmark_runs_at_tiny_scale(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator.dev.bench", "--years", "1", "--scale", "0.01",
                             "--out", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = json.loads((tmp_path / "bench.json").read_text("utf-8"))
    assert rows[0]["decisions"] == 20 and rows[0]["pages"] > 20
    queries = rows[0]["queries"]
    assert len(queries) == 16 and {"tên hiếm", "họ phổ biến", "họ tên phổ biến", "số quyết định",
                                   "đơn vị"} <= {q["query"] for q in queries}
    for q in queries:  # pasted, typed key by key, and both under Slow 4G
        for m in (q, q["typed"], q["slow_pasted"], q["slow_typed"]):
            assert m["ms"] > 0 and m["kb_gzip"] > 0 and m["files"] > 0
    assert "| năm | truy vấn |" in result.stdout
    # the anchors: the same records as Markdown, built by MkDocs + Material and by Hugo in the same run
    row = rows[0]
    assert row["mkdocs_pages"] >= row["decisions"] and row["hugo_pages"] >= row["decisions"]
    assert row["mkdocs_s"] > 0 and row["hugo_s"] > 0
    assert row["cold_vs_mkdocs"] == round(row["cold_s"] / row["mkdocs_s"], 2)  # from the figures printed beside it
    assert row["cold_vs_hugo"] == round(row["cold_s"] / row["hugo_s"], 1)
    assert "| năm | Bảng Vàng lạnh (s) | MkDocs + Material (s · trang) | Hugo (s · trang)" in result.stdout
    # each change reports the record pages it rendered: some, never the whole site
    for key in ("rebuild", "correction", "registry"):
        assert 0 < row[f"{key}_pages"] < row["pages"], (key, row)


def test_a_search_still_busy_at_the_limit_is_reported_not_fatal():
    from generator.dev import bench

    done = {"ms": 120, "kb_gzip": 9.0, "files": 7, "aborted": 0, "status": "Tìm thấy 7 kết quả cho «nguyen»."}
    stuck = {**done, "unfinished": ["chi-muc/d/3.json"]}
    row = {"years": 1, "decisions": 20, "recipients": 190, "profiles": 2, "pages": 60, "cold_s": 1.0, "peak_mb": 100,
           "rebuild_s": 1.0, "decision_html_kb_median": 20.0, "decision_html_kb_max": 30.0, "mb": 1.0,
           "search_index_mb": 0.1,
           "queries": [{"query": "họ phổ biến", "text": "nguyen", **done, "typed": done, "slow_pasted": stuck,
                        "slow_typed": done}]}
    line = next(x for x in bench.report([row]).splitlines() if "`nguyen`" in x)
    cells = [c.strip() for c in line.strip("|").split("|")]
    assert cells[3:] == ["120 ms · 9.0 KB · 7", "120 ms · 9.0 KB · 7",
                         "120 ms · 9.0 KB · 7 · **chưa xong sau 60 s**", "120 ms · 9.0 KB · 7"]
