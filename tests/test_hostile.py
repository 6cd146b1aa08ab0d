"""Hostile and broken input: every case is a clear problem or inert output, never a crash."""

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.catalog.gate import Publication
from generator.records.load import MAX_FILE_BYTES
from generator.text import slugify, sort_key

DECISION = "decisions/2024/12-qd-ubnd.yaml"


def assert_clean_problems(tree):
    outcome = pipeline.check(tree.data, tree.root)
    for problem in outcome.problems:
        text = problem.format()
        assert text.startswith(f"{problem.path}:{problem.line}: ") and problem.line >= 1
    return outcome


yaml_fragments = st.sampled_from([
    "number: ", "date: ", "recipients:\n  - ", "kind: individual\n", "name: ", "&a ", "*a ", "[", "]", "{", "}",
    "- ", ": ", "'", '"', "\n", "  ", "\t", "!!python/object:os.system ", "!!binary ", "<<: ", "? ", "|", ">",
    "null", "~", "no", "2024-06-17", "1.170.000", "0x1F", "…", "Đ", "\ufeff", "\x00", "#", "%YAML 1.1\n---\n", "---\n",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(yaml_fragments | st.text(max_size=20), max_size=40))
def test_arbitrary_yaml_never_crashes(tree, parts):
    (tree.data / DECISION).write_text("".join(parts), encoding="utf-8", errors="surrogatepass") \
        if all("\ud800" > ch or ch > "\udfff" for ch in "".join(parts)) else None
    assert_clean_problems(tree)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(tree, data):
    (tree.data / DECISION).write_bytes(data)
    assert_clean_problems(tree)


def test_python_tags_are_not_executed(tree, tmp_path):
    marker = tmp_path / "pwned"
    tree.write(DECISION, f"!!python/object/apply:os.system ['touch {marker}']\n")
    outcome = assert_clean_problems(tree)
    assert not marker.exists()
    assert [p.code for p in outcome.problems][:1] == ["yaml_tag"]


def test_gigantic_file_is_refused_before_parsing(tree):
    with open(tree.data / DECISION, "wb") as f:
        f.write(b"reason: \"" + b"a" * (MAX_FILE_BYTES + 10) + b"\"\n")
    assert [(p.code, p.line) for p in pipeline.check(tree.data, tree.root).problems] == [("file_too_large", 1)]


def test_nfc_and_nfd_names_compare_sort_and_slug_equal(tree):
    nfd = unicodedata.normalize("NFD", "Trần Thị Bé")
    assert slugify(nfd) == slugify("Trần Thị Bé") and sort_key(nfd) == sort_key("Trần Thị Bé")
    tree.replace(DECISION, '    name: "Trần Thị B"', f'    name: "{nfd}"')
    catalog = pipeline.check(tree.data, tree.root).catalog
    decision = next(d for d in catalog.decisions if d.slug == "12-qd-ubnd")
    assert decision.model.recipients[1].name == "Trần Thị Bé"  # stored in NFC
    assert decision.recipient_ids[1] == "tran-thi-be"


@pytest.mark.parametrize("name", ["quyết định.yaml", "12 qd ubnd.yaml", "12-QD-UBND.yaml"])
def test_file_names_with_spaces_or_vietnamese_letters(tree, name):
    (tree.data / DECISION).rename(tree.data / "decisions/2024" / name)
    codes = [p.code for p in assert_clean_problems(tree).problems]
    assert codes == ["file_name_not_slug"]


@pytest.mark.parametrize("path", ["/etc/passwd", "../../secret.pdf", "attachments/../../x.pdf", "C:\\\\x.pdf"])
def test_attachment_paths_that_escape_data(tree, path):
    tree.replace(DECISION, "movement: phong-trao-a",
                 f"movement: phong-trao-a\nattachment:\n  path: \"{path}\"\n  sha256: \"{'a' * 64}\"")
    assert [p.code for p in assert_clean_problems(tree).problems] == ["file_outside_data"]


def test_photo_with_a_script_scheme_or_svg_is_refused(tree):
    tree.write("profiles/photos/evil.svg", "<svg onload='alert(1)'/>")
    tree.replace("profiles/nguyen-van-a.yaml", "profiles/photos/nguyen-van-a.png", "profiles/photos/evil.svg")
    assert [p.code for p in assert_clean_problems(tree).problems] == ["file_wrong_type"]
    tree.replace("profiles/nguyen-van-a.yaml", "profiles/photos/evil.svg", "javascript:alert(1)")
    assert [p.code for p in assert_clean_problems(tree).problems] == ["file_missing"]


def test_source_links_must_be_http(tree):
    text = tree.read("profiles/nguyen-van-a.yaml") + "sources:\n  - title: \"x\"\n    url: \"javascript:alert(1)\"\n"
    tree.write("profiles/nguyen-van-a.yaml", text)
    codes = [p.code for p in assert_clean_problems(tree).problems]
    assert "bad_pattern_url" in codes and set(codes) <= {"bad_pattern_url", "unknown_profile"}


def test_withdrawn_person_leaves_pages_search_and_exports_but_the_decision_stays(tree):
    from conftest import ROOT, bulk_rows
    from generator.site.render import render_site

    tree.replace(DECISION, '    name: "Trần Thị B"', '    name: "Trần Thị B"\n    withdrawn:\n      date: 2025-03-01\n'
                 '      note: "Gỡ theo đề nghị của cá nhân (đơn ngày 20/02/2025)"')
    tree.replace("profiles/nguyen-van-a.yaml", "tags:", "withdrawn:\n  date: 2025-03-02\n  note: \"Gỡ theo đề nghị\"\ntags:")
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.ok, [str(p) for p in outcome.problems]
    site = render_site(Publication(outcome.catalog), ROOT / "site_templates")
    pages = {p.url: p.html for p in site.pages}
    decision = pages["quyet-dinh/2024/12-qd-ubnd/"]
    assert "Trần Thị B" not in decision and "Gỡ theo đề nghị của cá nhân" in decision
    assert 'id="nguoi-nhan-da-go-2"' in decision  # a neutral anchor: nothing derived from the name
    assert "tran-thi-b" not in decision
    # a withdrawn profile has no page: its address holds the name, so it is retracted, not redirected
    assert "guong-dien-hinh/nguyen-van-a/" not in pages and "guong-dien-hinh/nguyen-van-a/" in site.retracted
    files = {f.path: f.data() for f in site.files}
    assert "anh/guong-dien-hinh/nguyen-van-a.png" not in files
    every_file = b"".join(files.values()).decode("utf-8", "replace") + "".join(pages.values())
    assert "Trần Thị B" not in every_file and "Thầy giáo vùng khó khăn" not in every_file
    assert "tran-thi-b" not in every_file and "guong-dien-hinh/nguyen-van-a" not in every_file
    assert "2025-03-01: Gỡ theo đề nghị của cá nhân (đơn ngày 20/02/2025)" in {
        r["Ghi chú gỡ khỏi công bố"] for r in bulk_rows(files, "nguoi-nhan", "csv")}


def test_published_photos_lose_their_metadata(tree):
    from conftest import ROOT
    from generator.records import images
    from generator.site.render import render_site

    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    exif = b"Exif\x00\x00GPSLatitude 10.2345 N; GPSLongitude 106.3755 E"
    app1 = b"\xff\xe1" + (len(exif) + 2).to_bytes(2, "big") + exif
    jpeg = b"\xff\xd8" + app0 + app1 + b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + b"\x12\x34" + b"\xff\xd9"
    tree.write("profiles/photos/anh.jpg", jpeg)
    tree.replace("profiles/nguyen-van-a.yaml", "profiles/photos/nguyen-van-a.png", "profiles/photos/anh.jpg")
    outcome = pipeline.check(tree.data, tree.root)
    assert outcome.ok, [str(p) for p in outcome.problems]
    published = {f.path: f.data() for f in render_site(Publication(outcome.catalog), ROOT / "site_templates").files}
    photo = published["anh/guong-dien-hinh/nguyen-van-a.jpg"]
    assert b"GPS" not in photo and photo.startswith(b"\xff\xd8" + app0) and photo.endswith(b"\x12\x34\xff\xd9")
    png = (tree.data / "profiles/photos/nguyen-van-a.png").read_bytes()
    tagged = png[:33] + b"\x00\x00\x00\x0atEXtGPS\x0010.23N" + b"\x00\x00\x00\x00" + png[33:]
    assert b"GPS" not in images.strip_metadata(tagged) and images.strip_metadata(tagged) == png


def test_html_disguised_as_a_photo_is_refused(tree):
    tree.write("profiles/photos/nguyen-van-a.png", "<html><script>alert(1)</script></html>")
    assert [p.code for p in assert_clean_problems(tree).problems] == ["image_corrupt"]


# --- limits before parsing -------------------------------------------------------------------------

DEEP = {
    "flow": "[" * 30000 + "]" * 30000,
    "mappings": "{a: " * 30000 + "}" * 30000,
    "block sequences": "- " * 30000 + "x",
    "complex keys": "? " * 30000 + "x",
    "mixed": "x:\n" + "".join(" " * i + "- [{a: [\n" for i in range(0, 2000, 2)),
}


@pytest.mark.parametrize("kind", list(DEEP))
def test_deep_yaml_is_refused_before_the_parser_can_crash(tree, kind):
    """libyaml composes recursively in C: this input killed ``validate`` with SIGSEGV."""
    import os
    import subprocess
    import sys
    import time

    from conftest import ROOT

    tree.write(DECISION, DEEP[kind])
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", "validate"], cwd=tree.root, capture_output=True,
                            text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT), "BANGVANG_TODAY": "2026-11-25"})
    assert time.perf_counter() - start < 30
    assert result.returncode == 1, result.stderr[-2000:]  # a clean "invalid", not -11 (SIGSEGV)
    line = 14 if kind == "mixed" else 1
    assert f"data/{DECISION}:{line}: cấu trúc lồng quá sâu (trên 40 cấp) — dùng cấu trúc phẳng như trong mẫu" \
        in result.stderr
    assert "Traceback" not in result.stderr


def test_depth_prescan_ignores_brackets_in_text(tree):
    story = "story: |\n" + "".join(f"  {'[' * 50} dòng {i}\n" for i in range(3)) + \
            'summary: "' + "[" * 60 + '"\n' + "tags: ['[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[']\n"
    text = tree.read("profiles/nguyen-van-a.yaml").replace('summary: "Thầy giáo vùng khó khăn."\n', "")
    tree.write("profiles/nguyen-van-a.yaml", text.replace("tags: [\"giáo dục\"]\n", "") + story)
    (tree.data / "profiles" / "nguyen-van-a.md").unlink()
    assert tree.problems() == []


def test_recursion_in_the_converter_is_a_problem(tree, monkeypatch):
    from generator.records import load

    monkeypatch.setattr(load, "nesting_exceeds", lambda text, limit: None)  # the converter's own guard
    tree.write(DECISION, "x: " + "[" * 60 + "]" * 60 + "\n")
    assert tree.codes() == [(f"data/{DECISION}", 1, "too_deep")]


# --- stories -----------------------------------------------------------------------------------------

STORY = "profiles/nguyen-van-a.md"


def test_story_with_400_nested_list_levels_is_a_problem(tree):
    text = "Mở đầu.\n\n" + "".join("    " * level + "- mục\n" for level in range(400))
    tree.write(STORY, text)
    assert tree.problems() == [
        f"data/{STORY}:1: câu chuyện quá dài ({len(text.encode())} byte, tối đa 204800) — rút gọn câu chuyện hoặc bỏ "
        "bớt phần phụ",
        f"data/{STORY}:23: danh sách hoặc trích dẫn lồng quá sâu (trên 20 cấp) — chỉ lồng vài cấp; viết các ý thành "
        "danh sách phẳng"]
    tree.write(STORY, "".join("\t" * level + "- mục\n" for level in range(30)))
    assert tree.codes() == [(f"data/{STORY}", 21, "story_too_deep")]


def test_story_with_deep_quotes_in_the_yaml_field_is_a_problem(tree):
    (tree.data / STORY).unlink()
    tree.replace("profiles/nguyen-van-a.yaml", "tags:", 'story: "' + "> " * 30 + 'x"\ntags:')
    assert tree.codes() == [("data/profiles/nguyen-van-a.yaml", 10, "story_too_deep")]


def test_story_over_the_size_limit_is_a_problem(tree):
    from generator.records.story import MAX_STORY_BYTES

    text = "Đoạn văn.\n\n" * (MAX_STORY_BYTES // 10)
    tree.write(STORY, text)
    size = len(text.encode("utf-8"))
    assert tree.problems() == [f"data/{STORY}:1: câu chuyện quá dài ({size} byte, tối đa {MAX_STORY_BYTES}) — rút gọn "
                               "câu chuyện hoặc bỏ bớt phần phụ"]


@pytest.mark.parametrize("text", [
    "[" * 16000, "[]" * 8000, "<" * 16000, "<a " * 5000, "![" * 8000, "[x](" * 4000, "[a][" * 4000, "\\*" * 8000,
    "*a*" * 5000, "&amp;" * 3000, "a  \n" * 4000, "<http://" * 2000, "[^" * 8000, "**a" * 5000,
])
def test_pathological_markdown_renders_quickly(text):
    import time

    from generator.site.markdown_safe import render_markdown

    start = time.perf_counter()
    html = str(render_markdown(text))
    assert time.perf_counter() - start < 1.0
    assert "<script" not in html


def test_deep_story_renders_without_recursion():
    from generator.site.markdown_safe import render_markdown

    html = str(render_markdown("".join("    " * level + "- mục\n" for level in range(400)) + "> " * 1000 + "x"))
    assert html.count("<ul>") <= 21 and "mục" in html


def test_defused_markdown_keeps_ordinary_markup():
    from generator.site.markdown_safe import render_markdown

    html = str(render_markdown("Xem [bài báo](https://baochi.vn/a_(b)) và [x] <b>đậm</b> a < b `[0] <i>` \\*"))
    assert html == ('<p>Xem <a href="https://baochi.vn/a_(b)" rel="noopener noreferrer nofollow">bài báo</a> và [x] '
                    "<b>đậm</b> a &lt; b <code>[0] &lt;i&gt;</code> *</p>")
