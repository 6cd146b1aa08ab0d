"""Live preview: data errors shown at the top of every page in the browser, gone once the file is fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import FIXTURES, ROOT, make_project

from generator.engine import dev_preview
from generator.records.problems import Problem


def test_the_box_lists_each_error_escaped_with_file_and_line():
    problems = [Problem("data/decisions/2024/12-qd-ubnd.yaml", 4, "symlink_refused", {"value": "<b>32/13</b>"})]
    box = dev_preview.problem_box(problems, showing_last_good=True)
    assert "Dữ liệu có 1 lỗi" in box and "<code>data/decisions/2024/12-qd-ubnd.yaml:4</code>" in box
    assert "<b>32/13</b>" not in box and "&lt;b&gt;32/13&lt;/b&gt;" in box
    assert "bản xây dựng tốt gần nhất" in box
    page = '<html><body class="x"><main>trang</main></body></html>'
    assert dev_preview.with_box(page, box) == f'<html><body class="x">{box}<main>trang</main></body></html>'
    assert dev_preview.with_box(page, "") == page


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, condition, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        text = _get(url)
        if text and condition(text):
            return text
        time.sleep(0.5)
    raise AssertionError(f"{url}: condition not met in {seconds} s; last page: {text[:500]!r}")


def test_serve_shows_data_errors_in_the_browser_and_recovers_when_they_are_fixed(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    record = next((project / "data" / "decisions").rglob("*.yaml"))
    good = record.read_text(encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BANGVANG_TODAY": "2026-11-25"}
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}/"
        first = _wait_for(base, lambda t: "</html>" in t)
        assert "bv-dev-problems" not in first

        record.write_text(good.replace("date: ", "date: 2024-13-45 #", 1), encoding="utf-8")
        broken = _wait_for(base, lambda t: "bv-dev-problems" in t)
        assert "chưa thể xuất bản" in broken and f"{record.relative_to(project).as_posix()}:" in broken
        assert "bản xây dựng tốt gần nhất" in broken

        record.write_text(good, encoding="utf-8")
        _wait_for(base, lambda t: "</html>" in t and "bv-dev-problems" not in t)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert b"Traceback" not in server.stderr.read()


def test_serve_renders_again_only_the_pages_a_saved_file_changed(tmp_path):
    """The preview keeps its record pages between saves: a changed decision renders that decision's pages, not
    the site (the engine empties its directory each time; ours links the kept pages back in)."""
    import re

    project = make_project(tmp_path, ROOT / "data")
    record = project / "data" / "decisions" / "2024" / "124-qd-ubnd.yaml"
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BANGVANG_TODAY": "2026-11-25"}
    log = tmp_path / "serve.log"
    with open(log, "wb") as sink:
        server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=sink)
    try:
        page = f"http://127.0.0.1:{port}/quyet-dinh/2024/124-qd-ubnd/"
        other = f"http://127.0.0.1:{port}/quyet-dinh/2024/1528-qd-sgddt/"
        before = _wait_for(page, lambda t: "</html>" in t)
        unchanged = _wait_for(other, lambda t: "</html>" in t)
        text = record.read_text(encoding="utf-8")
        reason = re.search(r'^reason: "([^"]+)"', text, re.M).group(1)
        record.write_text(text.replace(f'reason: "{reason}"', f'reason: "{reason} (đã đối chiếu)"', 1), encoding="utf-8")
        after = _wait_for(page, lambda t: "(đã đối chiếu)" in t)
        def served(text: str) -> str:  # without the live-reload script's build counters
            return re.sub(r"livereload\(\d+, \d+\)", "", text)

        assert served(after) != served(before) and served(_get(other)) == served(unchanged)
        rebuilds = re.findall(r"dựng lại (\d+) trang bản ghi và \d+ tệp dữ liệu; (\d+) trang giữ nguyên",
                              log.read_text(encoding="utf-8"))
        assert len(rebuilds) >= 2, log.read_text(encoding="utf-8")[-2000:]
        rendered, kept = map(int, rebuilds[-1])
        first = int(rebuilds[0][0])
        assert 0 < rendered < 50 < kept and first > 300, rebuilds
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Traceback" not in log.read_text(encoding="utf-8")
