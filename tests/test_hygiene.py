"""Text hygiene: control, bidirectional and invisible characters removed at load with a warning, messages
that print data safely, look-alike letters in names warned, look-alike decision numbers compared as one."""

import pytest

from generator import pipeline
from generator.records import hygiene
from generator.records.problems import Problem

DECISION = "decisions/2024/12-qd-ubnd.yaml"
SHOWN = "data/decisions/2024/12-qd-ubnd.yaml"
HINT = "xóa các ký tự này trong tệp (thường do sao chép từ trang web hoặc Word)"


def recipients(tree):
    outcome = pipeline.check(tree.data, tree.root)
    decision = next(d for d in outcome.catalog.decisions if d.slug == "12-qd-ubnd")
    return outcome, decision.model.recipients


def test_terminal_escapes_in_a_name_are_removed_and_never_printed(tree):
    fake = "\\e[2J\\e[H\\e[32mDữ liệu hợp lệ\\e[0m"  # clears the screen, prints a green "valid"
    tree.replace(DECISION, '    name: "Nguyễn Văn A"', f'    name: "Nguyễn Văn A{fake}"')
    outcome, people = recipients(tree)
    assert people[0].name == "Nguyễn Văn A[2J[H[32mDữ liệu hợp lệ[0m"
    assert [p.format() for p in outcome.problems] == [
        f"{SHOWN}:16: cảnh báo: dòng 1 (Nguyễn Văn A[2J[H[32mDữ liệu hợp lệ[0m): «name» chứa ký tự điều khiển (U+001B); đã xóa khi đọc — {HINT}"]


@pytest.mark.parametrize("char", ["\\x1b", "\\a", "\\0", "\\x7f", "\\x85", "\\u202e", "\\u2066", "\\u200f", "\\u061c",
                                  "\\u2028", "\\r"])
def test_control_and_bidi_characters_are_removed_with_a_warning(tree, char):
    tree.replace(DECISION, 'title: "Về việc tặng Bằng khen"', f'title: "Về việc {char}tặng Bằng khen"')
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.ok
    decision = next(d for d in outcome.catalog.decisions if d.slug == "12-qd-ubnd")
    assert decision.model.title == "Về việc tặng Bằng khen"
    assert [(p.line, p.code, p.severity.value) for p in outcome.problems] == [(2, "control_chars", "warning")]


def test_zero_width_characters_are_removed_with_a_warning_so_search_finds_the_name(tree):
    tree.replace(DECISION, '    name: "Trần Thị B"', '    name: "Trần\\u200b Thị\\ufeff B\\u200d"')
    outcome, people = recipients(tree)
    assert people[1].name == "Trần Thị B"
    assert [p.format() for p in outcome.problems] == [
        f"{SHOWN}:25: cảnh báo: dòng 2 (Trần Thị B): «name» chứa ký tự vô hình (U+200B, U+200D, U+FEFF); đã xóa khi đọc "
        f"— {HINT}"]


def test_keys_are_cleaned_too(tree):
    tree.replace(DECISION, "reason:", '"reason\\u200b":')
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.ok and [(p.line, p.code) for p in outcome.problems] == [(12, "invisible_chars")]


def test_story_file_is_cleaned_with_a_warning_at_its_line(tree):
    tree.write("profiles/nguyen-van-a.md", "Dòng một.\n\nDòng \u202ehai\x1b[31m.\n")
    outcome = pipeline.check(tree.data, tree.root)
    assert [p.format() for p in outcome.problems] == [
        "data/profiles/nguyen-van-a.md:3: cảnh báo: «story» chứa ký tự điều khiển (U+001B, U+202E); đã xóa khi đọc "
        f"— {HINT}"]
    assert outcome.catalog.profiles["nguyen-van-a"].story_markdown == "Dòng một.\n\nDòng hai[31m.\n"


def test_windows_line_ends_in_a_story_are_not_control_characters(tree):
    tree.write("profiles/nguyen-van-a.md", "Dòng một.\r\n\r\nDòng hai.\r\n".encode("utf-8"))
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.problems == [] and outcome.catalog.profiles["nguyen-van-a"].story_markdown == \
        "Dòng một.\n\nDòng hai.\n"


def test_a_message_never_contains_escape_sequences():
    problem = Problem("data/decisions/2024/\x1b[2J.yaml", 3, "duplicate_key", {"key": "a\x1b]0;pwned\x07\u202eb\nc"})
    text = problem.format()
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text and "\n" not in text
    assert text == ("data/decisions/2024/\\x1b[2J.yaml:3: trường «a\\x1b]0;pwned\\x07\\u202eb\\nc» xuất hiện hai "
                    "lần — giữ một dòng «a\\x1b]0;pwned\\x07\\u202eb\\nc:» và xóa dòng còn lại")
    assert hygiene.visible("\udcff x\u200b") == "\\udcff x\\u200b"  # undecodable file names too


def test_cli_output_has_no_escape_sequences(tree):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    tree.replace(DECISION, '    name: "Nguyễn Văn A"', '    name: "\\e[2J\\e[32mvalid\\e[0m"')
    tree.replace(DECISION, 'reason: "Đã có thành tích xuất sắc"', 'reason: "\\e[2J"\nreason: "x"')
    result = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=tree.root, capture_output=True,
                            text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "BANGVANG_TODAY": "2026-11-25"})
    assert result.returncode == 1 and "\x1b" not in result.stderr + result.stdout


@pytest.mark.parametrize("name, chars", [
    ("Nguyễn Vаn A", "а (U+0430)"),  # Cyrillic a
    ("Трần Thị B", "Т (U+0422), р (U+0440)"),
    ("Lê Văn Ϲ", None),  # U+03F9 Greek lunate sigma: Greek block
])
def test_names_mixing_latin_with_look_alike_letters_are_warned(tree, name, chars):
    tree.replace(DECISION, '    name: "Trần Thị B"', f'    name: "{name}"')
    outcome = pipeline.check(tree.data, tree.root)
    warned = [p for p in outcome.problems if p.code == "mixed_script"]
    assert len(warned) == 1 and warned[0].line == 25 and not warned[0].is_error
    if chars:
        script = "Kirin"
        assert warned[0].format() == (f"{SHOWN}:25: cảnh báo: dòng 2 ({name}): «name» «{name}» trộn chữ Latinh với chữ "
                                      f"{script} trông giống nhau: {chars} — gõ lại bằng bộ gõ tiếng Việt; chữ "
                                      f"{script} làm tìm kiếm và sắp xếp sai")


@pytest.mark.parametrize("where, old, new, line", [
    ("profiles/nguyen-van-a.yaml", 'name: "Nguyễn Văn A"', 'name: "Nguyễn Vаn A"', 1),
    (DECISION, '  name: "Lê Văn C"', '  name: "Lê Vаn C"', 6),
    ("registries/units.yaml", 'name: "Trường Tiểu học A"', 'name: "Trường Tiểu họс A"', 2),
    ("registries/authorities.yaml", 'short_name: "UBND tỉnh"', 'short_name: "UВND tỉnh"', 3),
])
def test_mixed_script_in_every_kind_of_name(tree, where, old, new, line):
    tree.replace(where, old, new)
    outcome = pipeline.check(tree.data, tree.root)
    assert [(p.path, p.line, p.code) for p in outcome.problems] == [(f"data/{where}", line, "mixed_script")]


def test_plain_vietnamese_and_foreign_names_are_not_warned():
    assert hygiene.mixed_script("Nguyễn Thị Ánh Tuyết") is None
    assert hygiene.mixed_script("Иван Петров") is None  # wholly Cyrillic: a foreign name, not a look-alike
    assert hygiene.mixed_script("Ông Đỗ Ðức") is None  # U+00D0 is Latin


@pytest.mark.parametrize("number", ["9001/QĐ-UBND", "9001/QÐ-UBND", "9001/QĐ\u2010UBND", "9001/QĐ\u2212UBND",
                                    "9001/QĐ-UBND\u200b", "9001 / QĐ - UBND", "９００１／QĐ－UBND", "9001/QĐ-UВND",
                                    "9001/qđ-ubnd"])
def test_look_alike_decision_numbers_are_one_number(number):
    assert hygiene.number_key(number) == hygiene.number_key("9001/QĐ-UBND")


def test_look_alike_decision_numbers_collide_as_duplicates(tree):
    base = tree.read(DECISION)
    variants = {"9001-qd-ubnd-a": "9001/QĐ-UBND", "9001-qd-ubnd-b": "9001/QÐ-UBND",
                "9001-qd-ubnd-c": "9001/QĐ\u2010UBND", "9001-qd-ubnd-d": "9001/QĐ-UBND\u200b"}
    for stem, number in variants.items():
        tree.write(f"decisions/2024/{stem}.yaml", base.replace('"12/QĐ-UBND"', f'"{number}"'))
    outcome = pipeline.check(tree.data, tree.root)
    duplicates = sorted(p.path for p in outcome.problems if p.code == "duplicate_decision_number")
    assert duplicates == [f"data/decisions/2024/9001-qd-ubnd-{x}.yaml" for x in "bcd"]
    first = next(p for p in outcome.problems if p.code == "duplicate_decision_number")
    assert first.format().endswith("đã có ở data/decisions/2024/9001-qd-ubnd-a.yaml:1 — kiểm tra lại số; nếu là hai "
                                   "văn bản khác nhau thì một trong hai số bị sai")
    lookalikes = sorted((p.path, p.params["chars"]) for p in outcome.problems if p.code == "number_lookalike")
    assert lookalikes == [("data/decisions/2024/9001-qd-ubnd-b.yaml", "Ð (U+00D0)"),
                          ("data/decisions/2024/9001-qd-ubnd-c.yaml", "‐ (U+2010)")]


def test_clean_text_fast_path_returns_the_same_string():
    text = "Nguyễn Văn A"
    assert hygiene.clean_text(text).text is text
