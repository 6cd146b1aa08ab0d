"""The engine's log lines in Vietnamese (``commands/engine_log.py``)."""

from __future__ import annotations

import logging

import pytest

from generator.commands import engine_log


def _record(name: str, level: int, message: str) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, message, None, None)


@pytest.mark.parametrize("name, level, message, shown", [
    ("properdocs.commands.build", logging.INFO, "Cleaning site directory", None),
    ("properdocs.commands.build", logging.INFO, "Building documentation to directory: /x/site.tmp-1", None),
    ("properdocs.commands.build", logging.INFO, "Documentation built in 0.83 seconds",
     "Bộ dựng trang chạy xong trong 0,83 giây."),
    ("mkdocs.livereload", logging.INFO, "[15:34:20] Serving on http://127.0.0.1:8000/",
     "[15:34:20] Trang xem trước: http://127.0.0.1:8000/ — mở địa chỉ này trong trình duyệt; dừng bằng Ctrl+C."),
    ("mkdocs.livereload", logging.INFO, "[15:34:31] Detected file changes",
     "[15:34:31] Có tệp vừa thay đổi — đang xây dựng lại…"),
    ("properdocs.commands.build", logging.INFO, "Something new in the engine", None),
    ("properdocs.structure.pages", logging.WARNING, "Doc file 'a.md' contains a link 'b.md', but the target 'b.md' is "
     "not found among documentation files.", "cảnh báo: trang a.md có liên kết «b.md» tới b.md, nhưng không có trang "
     "này trong content/ — sửa hoặc bỏ liên kết"),
    ("properdocs.plugins.bangvang", logging.WARNING, "data/x.yaml:3: cảnh báo: …", "data/x.yaml:3: cảnh báo: …"),
])
def test_the_engines_lines_in_vietnamese(name, level, message, shown):
    assert engine_log.vietnamese(_record(name, level, message)) == shown


def test_an_unknown_engine_warning_is_shown_under_a_vietnamese_line():
    shown = engine_log.vietnamese(_record("properdocs.x", logging.WARNING, "Theme thing is deprecated"))
    first, original = shown.split("\n")
    assert first.startswith("cảnh báo của bộ dựng trang (MkDocs), nguyên văn tiếng Anh ở dòng dưới")
    assert original == "    Theme thing is deprecated"


def test_english_keeps_the_engines_words():
    handler = engine_log.EngineLogHandler("en")
    assert handler.format(_record("properdocs.commands.build", logging.INFO, "Cleaning site directory")) == \
        "INFO    -  Cleaning site directory"
    assert engine_log.translate("Aborted with a BuildError!") == "lỗi: bộ dựng trang dừng vì lỗi ở các dòng trên"
