"""An incremental build is byte for byte the site a full build of the same files makes.

The sample project is built once, then edited in rounds — a decision added, a name corrected, a registry
renamed, a decision deleted and another renamed, an award revoked, a person withdrawn, a template
changed — and built again in place after each round. After each round a copy of the project as it was
before that build is built from nothing (``--full``, a new site directory), and both sites must hold
the same files with the same bytes, and the same URL manifest. Which decisions and lines are edited is
drawn at random (the seed is printed; ``BANGVANG_EDIT_SEED`` replays a run).
"""

from __future__ import annotations

import filecmp
import json
import os
import random
import re
import shutil
from pathlib import Path

from conftest import ROOT, TODAY, make_project, run_cli
from generator.dev.bench import change_a_name

SEED = int(os.environ.get("BANGVANG_EDIT_SEED") or random.SystemRandom().randrange(1 << 30))


def tree_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def decisions(project: Path) -> list[Path]:
    return sorted((project / "data" / "decisions").rglob("*.yaml"))


def plain_decisions(project: Path) -> list[Path]:
    """Decisions no other record points at (by number or by id), with named recipients (safe to delete, rename
    or revoke)."""
    everything = "\n".join(p.read_text(encoding="utf-8") for p in (project / "data").rglob("*.yaml"))
    out = []
    for path in decisions(project):
        text = path.read_text(encoding="utf-8")
        number = re.search(r'^number: "([^"]+)"', text, re.M)
        referred = everything.count(f"{path.parent.name}/{path.stem}")  # by id, e.g. a consultation's outcome
        if not number or everything.count(number.group(1)) != 1 or referred or "status:" in text or "revoked:" in text:
            continue
        if "\n  - kind: individual\n    name: " in text and "corrects:" not in text and "withdrawn:" not in text:
            out.append(path)
    return out


def add_decision(project: Path, rng: random.Random) -> str:
    source = rng.choice(plain_decisions(project))
    text = source.read_text(encoding="utf-8")
    number = re.search(r'^number: "([^"/]+)/', text, re.M).group(1)
    new_number = str(9000 + rng.randrange(900))
    text = text.replace(f'number: "{number}/', f'number: "{new_number}/', 1)
    target = source.with_name(source.name.replace(number, new_number, 1))
    target.write_text(text, encoding="utf-8")
    return f"added {target.name} (from {source.name})"


def correct_name(project: Path, rng: random.Random) -> str:
    path = rng.choice(plain_decisions(project))
    return f"renamed {change_a_name(path, '    ', ' Hòa', rng.choice)!r} in {path.name}"


def rename_unit(project: Path, rng: random.Random) -> str:
    return f"unit {change_a_name(project / 'data' / 'registries' / 'units.yaml', '  ', ' (mới)', rng.choice)!r} renamed"


def delete_and_rename(project: Path, rng: random.Random) -> str:
    first, second = rng.sample(plain_decisions(project), 2)
    first.unlink()
    second.rename(second.with_name(second.stem + "-ban-chinh-thuc.yaml"))
    year = second.parent.name  # the published addresses go on, as the build requires
    with open(project / "data" / "redirects.yaml", "a", encoding="utf-8") as redirects:
        redirects.write(f"- old: quyet-dinh/{first.parent.name}/{first.stem}/\n  new: quyet-dinh/\n"
                        f"- old: quyet-dinh/{year}/{second.stem}/\n  new: quyet-dinh/{year}/{second.stem}-ban-chinh-thuc/\n")
    return f"deleted {first.name}, renamed {second.name}"


def add_to_first_person(path: Path, block: str) -> None:
    """Insert ``block`` (YAML at the depth of a line's fields) after the name of the decision's first person."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(\n  - kind: individual\n(?:    .*\n)*?    name: "[^"]+")', lambda m: m.group(1) + block, text, 1)
    path.write_text(text, encoding="utf-8")


def revoke_line(project: Path, rng: random.Random) -> str:
    path = rng.choice(plain_decisions(project))
    # dated today: after any decision of the sample, never in the future
    add_to_first_person(path, f'\n    revoked:\n      decision_number: "77/QĐ-UBND"\n      date: {TODAY}\n'
                              f'      reason: "Thành tích kê khai không đúng"')
    return f"a line of {path.name} revoked"


def withdraw_person(project: Path, rng: random.Random) -> str:
    path = rng.choice(plain_decisions(project))
    add_to_first_person(path, f'\n    withdrawn:\n      date: {TODAY}\n      note: "Gỡ theo đề nghị của cá nhân"')
    return f"a person of {path.name} withdrawn"


def change_template(project: Path, rng: random.Random) -> str:
    path = project / "site_templates" / "decision.html"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\n{# edited #}<p class=\"bv-note\">Đã đối chiếu với bản gốc.</p>\n", encoding="utf-8")
    return "decision template changed"


ROUNDS = [(add_decision, correct_name, rename_unit), (delete_and_rename, revoke_line, withdraw_person),
          (change_template,)]


def build(project: Path, *extra: str) -> str:
    result = run_cli("build", *extra, cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_incremental_build_equals_full_build(tmp_path):
    print(f"BANGVANG_EDIT_SEED={SEED}")
    rng = random.Random(SEED)
    project = make_project(tmp_path, ROOT / "data")
    assert (project / "site_templates" / "decision.html").exists()
    first = build(project)
    assert "xóa 0 tệp" in first
    state = json.loads((project / "site.state.json").read_text(encoding="utf-8"))
    assert len(state["files"]) == len(tree_of(project / "site"))  # the state lists every published file

    again = build(project)  # nothing changed: nothing is written
    assert "ghi 0 tệp mới hoặc đã đổi, xóa 0 tệp" in again, again

    for number, edits in enumerate(ROUNDS):
        done = [edit(project, rng) for edit in edits]
        cold = tmp_path / f"cold-{number}"
        shutil.copytree(project, cold, ignore=shutil.ignore_patterns("site", "site.*"))
        written = int(re.search(r"ghi (\d+) tệp", build(project)).group(1))
        build(cold, "--full")
        incremental, full = tree_of(project / "site"), tree_of(cold / "site")
        assert sorted(incremental) == sorted(full), (done, set(incremental) ^ set(full))
        differ = [path for path in full if incremental[path] != full[path]]
        assert not differ, (done, differ[:10])
        assert 0 < written < len(full) / 2, (done, written)  # only what the edits touched was written
        assert filecmp.cmp(project / "published-urls.txt", cold / "published-urls.txt", shallow=False), done


def test_a_page_changed_by_hand_in_the_site_is_written_again(tmp_path):
    project = make_project(tmp_path, ROOT / "data")
    build(project)
    page = next((project / "site" / "quyet-dinh").rglob("index.html"))
    original = page.read_bytes()
    page.write_bytes(original.replace(b"</body>", b"<script>alert(1)</script></body>"))
    stray = project / "site" / "ghi-tay.html"
    stray.write_text("không thuộc trang", encoding="utf-8")
    out = build(project)
    assert page.read_bytes() == original and not stray.exists(), out
    assert "xóa 1 tệp" in out


def test_a_killed_update_leaves_no_state_and_the_next_build_replaces_the_site(tmp_path):
    project = make_project(tmp_path, ROOT / "data")
    build(project)
    (project / "site.state.json").unlink()  # what a build killed while moving files leaves
    (project / "site" / "quyet-dinh" / "index.html").write_text("nửa chừng", encoding="utf-8")
    out = build(project)
    assert "xóa 0 tệp" in out  # a whole new site, swapped in
    assert "nửa chừng" not in (project / "site" / "quyet-dinh" / "index.html").read_text(encoding="utf-8")


def test_an_allowance_taken_back_reads_unchanged_pages_again(tmp_path):
    """A file passes the personal-data check under the allowed texts of the build that wrote it. When a
    person takes an allowance back, pages whose bytes did not change but hold that text must be read
    again and stop the build (here the text comes from a template, which validation does not read)."""
    phone = "0912 345 678"
    project = make_project(tmp_path, ROOT / "data")
    path = plain_decisions(project)[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('reason: "', f'pii_allow: ["{phone}"]\nreason: "', 1), encoding="utf-8")
    template = project / "site_templates" / "decision.html"
    template.write_text(template.read_text(encoding="utf-8") + f"\n<p>Đường dây nóng {phone}</p>\n",
                        encoding="utf-8")
    build(project)
    path.write_text(text, encoding="utf-8")  # the allowance taken back; the template unchanged
    result = run_cli("build", cwd=project)
    assert result.returncode != 0 and phone in result.stderr, result.stdout + result.stderr


def test_compressed_files_do_not_depend_on_how_their_text_was_written():
    """A full build writes a bulk file through the personal-data check, an incremental one straight: the
    same text cut in other pieces must compress to the same bytes (deflate alone does not)."""
    import gzip
    import io

    from generator.engine.writer import compressed

    text = bytes(random.Random(1).choice(b"abc ,\n0123456789") for _ in range(300_000))
    outputs = set()
    for piece in (1, 7, 1000, 1 << 16, len(text)):
        buffer = io.BytesIO()
        with compressed(buffer) as stream:
            for at in range(0, len(text), piece):
                stream.write(text[at:at + piece])
        outputs.add(buffer.getvalue())
    assert len(outputs) == 1 and gzip.decompress(outputs.pop()) == text


def test_site_changes_lists_what_a_deploy_uploads_and_deletes(tmp_path):
    from generator.engine import site_state

    state = {"format": site_state.FORMAT, "scan": "k", "files": {"a/index.html": [3, "aa", 1], "b.json": [2, "bb", 1],
                                                                   "c.csv": [1, "cc", 1]}}
    old = tmp_path / "deployed.json"
    old.write_text(json.dumps(state), encoding="utf-8")
    state["files"] = {"a/index.html": [3, "aa", 5], "b.json": [2, "b2", 1], "d/index.html": [4, "dd", 1]}
    new = tmp_path / "site.state.json"
    new.write_text(json.dumps(state), encoding="utf-8")
    result = run_cli("site-changes", str(old), str(new), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["+ b.json", "+ d/index.html", "- c.csv"]
    assert "2 tệp cần tải lên, 1 tệp cần xóa, 1 tệp giữ nguyên" in result.stderr
    missing = run_cli("site-changes", str(tmp_path / "none.json"), str(new), cwd=tmp_path)
    assert missing.returncode != 0 and "none.json" in missing.stderr and "Traceback" not in missing.stderr
