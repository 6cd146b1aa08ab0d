"""The command line's own words (``commands/arguments.py``): argparse's errors in Vietnamese, the quoting hint."""

from __future__ import annotations

import pytest

from generator.commands import arguments


@pytest.mark.parametrize("message, said", [
    ("the following arguments are required: tệp", "thiếu tệp"),
    ("unrecognized arguments: 45 da ky.pdf", "không hiểu phần «45 da ky.pdf» của lệnh"),
    ("argument --lang: invalid choice: 'fr' (choose from 'vi', 'en')",
     "--lang: không có lựa chọn 'fr' — chọn một trong: 'vi', 'en'"),
    ("argument {validate,build}: invalid choice: 'buidl' (choose from 'validate', 'build')",
     "không có lệnh 'buidl' — chọn một trong: 'validate', 'build'"),
    ("argument --port: invalid int value: 'abc'", "--port: giá trị 'abc' không hợp lệ"),
    ("argument --site-dir: expected one argument", "--site-dir: cần một giá trị sau tùy chọn này"),
    ("something of our own", "something of our own"),
])
def test_argparse_errors_in_vietnamese(message, said):
    assert arguments.translate(message) == said


def test_the_quoting_hint_rebuilds_the_split_file_name():
    argv = ["import", "QD", "45", "da", "ky.pdf", "--decision", "d.yaml"]
    assert arguments.quoting_hint(argv, ["45", "da", "ky.pdf"], "vi") == (
        'Tên tệp có dấu cách phải đặt trong ngoặc kép, ví dụ: "QD 45 da ky.pdf" (hoặc đổi tên tệp, bỏ dấu cách)')
    # the word before is an option's value: the leftovers alone are the name
    assert "\"QD 45.pdf\"" in arguments.quoting_hint(["validate", "--lang", "en", "QD", "45.pdf"], ["QD", "45.pdf"], "en")
    assert arguments.quoting_hint(["build", "--bogus"], ["--bogus"], "vi") == ""  # an unknown option, not a name
    assert arguments.quoting_hint(["validate", "x"], ["x"], "vi") == ""  # no space: nothing to quote


def test_the_language_comes_from_the_command_line_then_the_environment(monkeypatch):
    monkeypatch.setenv("BANGVANG_LANG", "en")
    assert arguments.language(["build"]) == "en"
    assert arguments.language(["build", "--lang", "vi"]) == "vi"
    monkeypatch.delenv("BANGVANG_LANG")
    assert arguments.language(["build", "--lang=en"]) == "en" and arguments.language(["build"]) == "vi"
