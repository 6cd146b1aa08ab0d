"""Safe reads: no link below the root, no FIFO or device, no NUL, nothing outside the root — each refused
with ``path:line: message — hint``, quickly, and nothing of the target ever read."""

import contextlib
import os
import signal

import pytest

from generator import pipeline
from generator.records import files

DECISION = "decisions/2024/12-qd-ubnd.yaml"
SHOWN = "data/decisions/2024/12-qd-ubnd.yaml"
LINK_HINT = "sao chép tệp thật vào data/ thay cho symlink"


@contextlib.contextmanager
def deadline(seconds: int):
    """Fail instead of hanging: a FIFO opened for reading blocks until a writer comes."""
    def expire(signum, frame):
        raise TimeoutError("hung")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def secret(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir(exist_ok=True)
    target = outside / "secret.txt"
    target.write_text("TOKEN=s3cr3t\n", encoding="utf-8")
    return target


def everything_printed(outcome) -> str:
    return "\n".join(p.format() for p in outcome.problems)


# --- the helper itself ---------------------------------------------------------------------------


def test_reads_a_regular_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b.txt").write_bytes(b"ok")
    assert files.open_bytes(tmp_path, "a/b.txt") == b"ok"


@pytest.mark.parametrize("rel, code", [
    ("../x.txt", "file_outside_data"), ("/etc/passwd", "file_outside_data"), ("a\\b.txt", "file_outside_data"),
    ("C:x.txt", "file_outside_data"), ("a/../../x.txt", "file_outside_data"), ("a\x00b.txt", "path_bad_char"),
    ("a\u202eb.txt", "path_bad_char"), ("nothing.txt", "file_missing"), ("", "file_missing"),
])
def test_paths_refused_before_any_access(tmp_path, rel, code):
    result = files.open_bytes(tmp_path, rel)
    assert isinstance(result, files.Refusal) and result.code == code


def test_link_as_the_file_or_as_a_directory_on_the_way_is_refused(tmp_path):
    target = secret(tmp_path)
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "link.txt").symlink_to(target)
    (root / "dir").symlink_to(target.parent)
    for rel in ("sub/link.txt", "dir/secret.txt"):
        result = files.open_bytes(root, rel)
        assert isinstance(result, files.Refusal) and result.code == "symlink_refused", rel
    # the root itself may be a link (a data/ directory mounted elsewhere)
    (tmp_path / "root-link").symlink_to(root)
    (root / "plain.txt").write_bytes(b"ok")
    assert files.open_bytes(tmp_path / "root-link", "plain.txt") == b"ok"


def test_fifo_is_refused_without_being_opened(tmp_path):
    os.mkfifo(tmp_path / "x.yaml")
    with deadline(5):
        result = files.open_bytes(tmp_path, "x.yaml")
    assert isinstance(result, files.Refusal) and result.code == "not_regular_file"
    assert result.problem("data/x.yaml").format() == (
        "data/x.yaml:1: «x.yaml» là ống dẫn FIFO, không phải tệp thông thường, nên không được đọc — xóa nó hoặc "
        "thay bằng tệp thật")


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 11)
    result = files.open_bytes(tmp_path, "big.txt", max_bytes=10)
    assert isinstance(result, files.Refusal) and result.code == "file_too_large"


def test_read_text_file_for_content_pages(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "gioi-thieu.md").write_bytes("\ufeff# Giới thiệu\r\nBảng Vàng\r\n".encode("utf-8"))
    (content / "bi-mat.md").symlink_to(secret(tmp_path))
    text, problems = files.read_text_file(content, "gioi-thieu.md")
    assert text == "# Giới thiệu\nBảng Vàng\n" and problems == []
    text, problems = files.read_text_file(content, "bi-mat.md")
    assert text is None
    assert [p.format() for p in problems] == [
        "content/bi-mat.md:1: đường dẫn «bi-mat.md» đi qua liên kết tượng trưng (symlink) nên không được đọc — "
        "thay symlink bằng bản sao của tệp thật"]


def test_scan_tree_reports_links_and_special_files_in_content_and_templates(tmp_path):
    project = tmp_path / "project"
    (project / "content" / "huong-dan").mkdir(parents=True)
    (project / "site_templates").mkdir()
    (project / "content" / "gioi-thieu.md").write_text("# Giới thiệu\n", encoding="utf-8")
    (project / "content" / "bi-mat.md").symlink_to("/etc/passwd")
    (project / "content" / "huong-dan" / "thu-muc").symlink_to(tmp_path)
    (project / "site_templates" / "home.html").symlink_to(secret(tmp_path))
    os.mkfifo(project / "site_templates" / "base.html")
    with deadline(5):
        problems = files.scan_tree(project / "content", project) + files.scan_tree(project / "site_templates", project)
    assert [p.format() for p in problems] == [
        "content/bi-mat.md:1: là liên kết tượng trưng (symlink), không được dùng để tạo trang — thay symlink bằng "
        "bản sao của tệp hoặc thư mục thật",
        "content/huong-dan/thu-muc:1: là liên kết tượng trưng (symlink), không được dùng để tạo trang — thay "
        "symlink bằng bản sao của tệp hoặc thư mục thật",
        "site_templates/base.html:1: «base.html» là ống dẫn FIFO, không phải tệp thông thường, nên không được đọc "
        "— xóa nó hoặc thay bằng tệp thật",
        "site_templates/home.html:1: là liên kết tượng trưng (symlink), không được dùng để tạo trang — thay "
        "symlink bằng bản sao của tệp hoặc thư mục thật",
    ]
    assert files.scan_tree(project / "missing", project) == []


# --- through the loader --------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["/etc/passwd", "outside"])
def test_symlinked_story_is_refused(tree, tmp_path, target):
    story = tree.data / "profiles" / "nguyen-van-a.md"
    story.unlink()
    story.symlink_to(secret(tmp_path) if target == "outside" else target)
    outcome = pipeline.check(tree.data, tree.root)
    assert [p.format() for p in outcome.problems] == [
        f"data/profiles/nguyen-van-a.md:1: tệp là liên kết tượng trưng (symlink) — {LINK_HINT}"]
    assert "s3cr3t" not in everything_printed(outcome) and "root:" not in everything_printed(outcome)


def test_story_that_is_a_fifo_is_refused_quickly(tree):
    story = tree.data / "profiles" / "nguyen-van-a.md"
    story.unlink()
    os.mkfifo(story)
    with deadline(10):
        problems = tree.problems()
    assert problems == ["data/profiles/nguyen-van-a.md:1: «profiles/nguyen-van-a.md» là ống dẫn FIFO, không phải "
                        "tệp thông thường, nên không được đọc — xóa nó hoặc thay bằng tệp thật"]


def test_symlinked_registry_is_refused(tree, tmp_path):
    units = tree.data / "registries" / "units.yaml"
    copy = tmp_path / "units.yaml"
    copy.write_bytes(units.read_bytes())
    units.unlink()
    units.symlink_to(copy)
    assert f"data/registries/units.yaml:1: tệp là liên kết tượng trưng (symlink) — {LINK_HINT}" in tree.problems()


def test_registry_directory_that_is_a_link_is_refused(tree, tmp_path):
    registries = tree.data / "registries"
    registries.rename(tmp_path / "elsewhere")
    registries.symlink_to(tmp_path / "elsewhere")
    problems = tree.problems()
    assert ("data/registries/authorities.yaml:1: đường dẫn «registries/authorities.yaml» đi qua liên kết tượng "
            "trưng (symlink) nên không được đọc — thay symlink bằng bản sao của tệp thật") in problems


def test_symlinked_decision_directory_is_reported(tree, tmp_path):
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "14-qd-ubnd.yaml").write_text(tree.read(DECISION).replace("12/QĐ", "14/QĐ"), "utf-8")
    (tree.data / "decisions" / "2025").symlink_to(tmp_path / "more")
    assert tree.problems() == ["data/decisions/2025:1: thư mục là liên kết tượng trưng (symlink); các tệp trong "
                               "đó không được đọc — thay symlink bằng thư mục thật"]


def test_fifo_named_like_a_record_is_refused_quickly(tree):
    os.mkfifo(tree.data / "decisions" / "2024" / "x.yaml")
    with deadline(10):
        problems = tree.problems()
    assert problems == ["data/decisions/2024/x.yaml:1: «decisions/2024/x.yaml» là ống dẫn FIFO, không phải tệp "
                        "thông thường, nên không được đọc — xóa nó hoặc thay bằng tệp thật"]


def test_nul_in_an_attachment_path_is_a_message_not_a_traceback(tree):
    tree.replace(DECISION, "movement: phong-trao-a",
                 'movement: phong-trao-a\nattachment:\n  path: "attachments/12\\0.pdf"\n  sha256: "' + "a" * 64 + '"')
    assert tree.problems() == [
        f"{SHOWN}:15: cảnh báo: «attachment.path» chứa ký tự điều khiển (U+0000); đã xóa khi đọc — xóa các ký tự "
        "này trong tệp (thường do sao chép từ trang web hoặc Word)",
        f"{SHOWN}:15: không tìm thấy tệp «attachments/12.pdf» — kiểm tra tên tệp (phân biệt chữ hoa/thường) và "
        "đường dẫn tính từ data/",
    ]


def test_attachment_through_a_linked_directory_is_refused(tree, tmp_path):
    (tmp_path / "scans").mkdir()
    (tmp_path / "scans" / "12.pdf").write_bytes(b"%PDF secret")
    (tree.data / "attachments").symlink_to(tmp_path / "scans")
    tree.replace(DECISION, "movement: phong-trao-a",
                 "movement: phong-trao-a\nattachment:\n  path: attachments/12.pdf\n  sha256: " + "a" * 64)
    assert tree.codes() == [(SHOWN, 15, "symlink_refused")]


def test_photo_that_is_a_fifo_is_refused_quickly(tree):
    photo = tree.data / "profiles" / "photos" / "nguyen-van-a.png"
    photo.unlink()
    os.mkfifo(photo)
    with deadline(10):
        assert tree.codes() == [("data/profiles/nguyen-van-a.yaml", 6, "not_regular_file")]
