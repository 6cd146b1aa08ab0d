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
