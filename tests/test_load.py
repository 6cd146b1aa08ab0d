import pytest

from generator.records.load import MAX_NODES


DECISION = "decisions/2024/12-qd-ubnd.yaml"
SHOWN = "data/decisions/2024/12-qd-ubnd.yaml"


def test_valid_fixture_has_no_problems(tree):
    assert tree.problems() == []


def test_yaml_syntax_error_names_the_line(tree):
    tree.replace(DECISION, "method: regular", "method: regular: x")
    problems = tree.problems()
    assert len(problems) == 1
    assert problems[0].startswith(f"{SHOWN}:11: lỗi cú pháp YAML: dấu hai chấm «:» không được đặt ở đây")
    assert "thụt lề" in problems[0]


def test_duplicate_key_is_reported(tree):
    tree.replace(DECISION, 'reason: "Đã có thành tích xuất sắc"', 'reason: "A"\nreason: "B"')
    assert f"{SHOWN}:13: trường «reason» xuất hiện hai lần — giữ một dòng «reason:» và xóa dòng còn lại" in tree.problems()


def test_not_utf8_file(tree):
    tree.write(DECISION, "number: \"12/QĐ-UBND\"\nreason: \"Thành tích\"\n".encode("cp1258", "replace"))
    problems = tree.problems()
    assert problems == [f"{SHOWN}:1: tệp không phải mã UTF-8 — lưu lại tệp với bảng mã UTF-8 "
                        "(trong trình soạn thảo: Save with encoding → UTF-8)"]


def test_bom_and_nfd_text_are_accepted(tree):
    import unicodedata

    text = tree.read(DECISION)
    tree.write(DECISION, ("\ufeff" + unicodedata.normalize("NFD", text)).encode("utf-8"))
    assert tree.problems() == []


def test_alias_bomb_is_stopped(tree):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]")
    tree.write(DECISION, "\n".join(lines) + "\n")
    problems = tree.problems()
    assert len(problems) == 1
    assert f"quá nhiều phần tử (trên {MAX_NODES})" in problems[0]


def test_deep_nesting_is_stopped(tree):
    tree.write(DECISION, "x: " + "[" * 60 + "]" * 60 + "\n")
    assert tree.codes() == [(SHOWN, 1, "too_deep")]


def test_empty_file(tree):
    tree.write(DECISION, "# chỉ có chú thích\n")
    assert tree.codes() == [(SHOWN, 1, "empty_file")]


def _nested(depth: int, kind: int):
    value = "x"
    for level in range(depth):
        value = [value] if (level + kind) % 3 else {"k": value}
    return value


@pytest.mark.parametrize("style", ["block", "flow"])
@pytest.mark.parametrize("kind", [0, 1, 2])
def test_depth_prescan_agrees_with_the_structure(style, kind):
    import yaml

    from generator.records.load import MAX_DEPTH, nesting_exceeds

    for depth in (5, 20, MAX_DEPTH - 5):
        text = yaml.safe_dump({"a": _nested(depth, kind)}, default_flow_style=style == "flow", width=10**6)
        assert nesting_exceeds(text, MAX_DEPTH) is None, (depth, text[:200])
    for depth in (MAX_DEPTH + 5, 300):
        text = yaml.safe_dump({"a": _nested(depth, kind)}, default_flow_style=style == "flow", width=10**6)
        assert nesting_exceeds(text, MAX_DEPTH) is not None, depth


def test_too_deep_is_reported_before_parsing(tree):
    tree.write(DECISION, "recipients:\n  - name: x\n    more: " + "[" * 45 + "]" * 45 + "\n")
    assert tree.codes() == [(SHOWN, 3, "too_deep")]
