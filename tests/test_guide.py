"""The clerk's guide: commands that work as written, and a page of every validation message with its fix."""

from __future__ import annotations

import re
from pathlib import Path

from generator.records.messages import MESSAGES
from generator.site.sections.messages_guide import template_text

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "content" / "huong-dan-dang-quyet-dinh.md"


def _command_lines(markdown: str) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", markdown, re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_every_command_of_the_guide_runs_without_an_activated_environment():
    lines = _command_lines(GUIDE.read_text(encoding="utf-8"))
    assert len(lines) >= 6
    for line in lines:
        assert line.startswith(("./bangvang ", "git ")), line
    for page in (ROOT / "content").rglob("*.md"):
        assert "python -m generator" not in page.read_text(encoding="utf-8"), page


def test_the_guide_explains_windows_corrections_revocation_and_undo():
    text = GUIDE.read_text(encoding="utf-8")
    for must in ("bangvang.bat", "git revert", "corrections:", "revocation:", "withdrawn:",
                 "thong-bao-kiem-tra-du-lieu/index.md", "hinh-thuc-khen-thuong/index.md"):
        assert must in text, must


def test_a_message_template_reads_with_ellipses_for_the_values_it_fills_in():
    assert template_text("«{field}» ({title}) không phải ngày hợp lệ: {value}") == "«…» (…) không phải ngày hợp lệ: …"
    assert template_text("có phải {successors:or}?") == "có phải …?"


def test_the_messages_page_lists_every_message_with_its_fix(sample_site):
    page = (sample_site / "thong-bao-kiem-tra-du-lieu" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="ma-([a-z0-9-]+)"><td data-label="Thông báo">(.*?)</td><td data-label="Cách sửa">(.*?)</td>',
                      page)
    assert [code for code, _, _ in rows] == [code.replace("_", "-") for code in MESSAGES]
    for code, message, hint in rows:
        assert message and not re.search(r"\{\w+(:\w+)?\}", message + hint), code
    assert "Thông báo kiểm tra dữ liệu" in (sample_site / "huong-dan-dang-quyet-dinh" / "index.html").read_text("utf-8")


def test_literal_braces_of_a_template_stay_and_fields_become_ellipses():
    assert template_text("kiểm tra {{% … %}} ở {line}") == "kiểm tra {% … %} ở …"
