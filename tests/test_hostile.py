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
    from conftest import ROOT
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
    assert "2025-03-01: Gỡ theo đề nghị của cá nhân" in files["du-lieu/nguoi-nhan.csv"].decode("utf-8-sig")


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
