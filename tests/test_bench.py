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
    assert {q["query"] for q in rows[0]["queries"]} == {"tên hiếm", "họ phổ biến", "họ tên phổ biến",
                                                         "số quyết định", "đơn vị"}
    assert all(q["ms"] > 0 and q["kb_gzip"] > 0 for q in rows[0]["queries"])
    assert "| năm | truy vấn |" in result.stdout
