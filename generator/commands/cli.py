"""Command line: ``python -m generator validate|build|serve|new|import|attach|schema`` (also ``bangvang …``).

The CLI only wires stages together. It never prints a traceback for bad input: problems are
listed as ``path:line: message — hint`` and the exit status is non-zero. A user error outside records
(``problems.UserError``: a bad option, mkdocs.yml, a file to import) is raised where it is found and printed
here, once, in ``--lang``; anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import traceback
from collections import Counter
from pathlib import Path

from generator import pipeline
from generator.commands.arguments import language, parser_class
from generator.national import cli as national_cli

from generator.site import permalinks
from generator.records.hygiene import visible
from generator.records.messages import Both
from generator.records.problems import Problem, UsageError, UserError

# the exit statuses: a UserError exits with 1, a BuildError with 2, a UsageError with 64 (tests/test_errors.py)
EXIT_OK, EXIT_INVALID, EXIT_BUILD_FAILED, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 64, 70


def main(argv: list[str] | None = None) -> int:
    parser = _parser(language(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except UserError as exc:  # the one place a user error is printed
        print(exc.format(getattr(args, "lang", "vi")), file=sys.stderr)
        return exc.exit_status
    except Exception:  # noqa: BLE001 - a bug: said plainly, with the traceback to report
        print(BUG_MESSAGE[getattr(args, "lang", "vi")], file=sys.stderr)
        traceback.print_exc()
        return EXIT_BUG


BUG_MESSAGE = {
    "vi": "Lỗi nội bộ của Bảng Vàng (lỗi chương trình, không phải lỗi dữ liệu). Trang cũ được giữ nguyên. "
          "Hãy báo lỗi cho nhóm phát triển, kèm toàn bộ nội dung dưới đây:",
    "en": "Internal error in Bảng Vàng (a bug, not a data problem). The previous site is unchanged. "
          "Please report it with everything below:",
}


def _parser(lang: str = "vi") -> argparse.ArgumentParser:
    parser = parser_class(lang)(prog="bangvang", description="Bảng Vàng: dữ liệu khen thưởng → trang web công khai")
    sub = parser.add_subparsers(dest="command", metavar="{validate,build,serve,new,import,attach,hash,admin,schema,site-changes}",
                                title="lệnh" if lang == "vi" else "commands")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", default="mkdocs.yml", help="tệp cấu hình MkDocs (mặc định: mkdocs.yml)")
        p.add_argument("--data", default=None, help="thư mục dữ liệu (mặc định: theo cấu hình, thường là data/)")

    p = sub.add_parser("validate", help="kiểm tra toàn bộ dữ liệu, liệt kê mọi lỗi")
    common(p)
    p.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    p.add_argument("--all-warnings", action="store_true",
                   help="liệt kê cả cảnh báo ở các tệp bạn chưa sửa (mặc định: gộp thành một dòng khi dữ liệu "
                        "nằm trong kho git)")
    p.add_argument("--report", metavar="TỆP",
                   help="ghi thêm kết quả ra trang HTML, ví dụ quan-tri/kiem-tra.html: cán bộ sửa trên trình duyệt "
                        "xem được các thông báo mà không cần cửa sổ dòng lệnh (CI chạy)")
    p.set_defaults(func=cmd_validate)
    lang_option(p)

    p = sub.add_parser("build", help="kiểm tra dữ liệu rồi xây dựng trang vào site/")
    common(p)
    p.add_argument("--site-dir", default=None, help="thư mục xuất (mặc định: site/)")
    p.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    p.add_argument("--timings", action="store_true", help="in thời gian từng bước xây dựng")
    p.add_argument("--explain", action="store_true",
                   help="in từng trang, tệp dữ liệu được dựng lại (những trang khác giữ nguyên vì dữ liệu của chúng không đổi)")
    p.add_argument("--full", action="store_true",
                   help="xây dựng lại toàn bộ và thay cả thư mục site/ (mặc định: chỉ ghi các tệp mới hoặc đã đổi)")
    p.set_defaults(func=cmd_build)
    lang_option(p)

    p = sub.add_parser("serve", help="xem trước trực tiếp, tự tạo lại khi data/ hoặc site_templates/ thay đổi")
    common(p)
    p.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)")
    p.set_defaults(func=cmd_serve)
    lang_option(p)

    p = sub.add_parser("new", help="tạo tệp mẫu có chú thích cho quyết định, hồ sơ mới, hoặc một trang mới")
    new_sub = p.add_subparsers(dest="kind", required=True, metavar="{decision,profile,site}")
    d = new_sub.add_parser("decision", help="quyết định khen thưởng mới")
    d.add_argument("--number", help="số, ký hiệu, ví dụ 1234/QĐ-UBND (bỏ trống nếu không rõ số)")
    d.add_argument("--date", help="ngày ký YYYY-MM-DD")
    d.add_argument("--authority", help="mã cơ quan ban hành")
    d.add_argument("--award-form", help="mã hình thức khen thưởng")
    d.add_argument("--data", default="data", help="thư mục dữ liệu (mặc định: data/)")
    d.set_defaults(func=cmd_new)
    lang_option(d)
    pr = new_sub.add_parser("profile", help="hồ sơ gương điển hình mới")
    pr.add_argument("--name", help="họ và tên hoặc tên tập thể")
    pr.add_argument("--kind", dest="profile_kind", choices=["individual", "collective", "household"], default="individual",
                    help="cá nhân (individual, mặc định), tập thể (collective) hoặc hộ gia đình (household)")
    pr.add_argument("--data", default="data", help="thư mục dữ liệu (mặc định: data/)")
    pr.set_defaults(func=cmd_new)
    lang_option(pr)
    s = new_sub.add_parser("site", help="bắt đầu trang của tỉnh, đơn vị bạn trong một thư mục mới",
                           description="Tạo một trang mới (mkdocs.yml, data/ trống, content/) trong thư mục mới hoặc "
                                       "rỗng; thiếu giá trị nào thì hỏi khi chạy trên terminal.")
    s.add_argument("target", metavar="thư-mục", help="thư mục mới cho trang, ví dụ ../bangvang-tinh-lang-son")
    s.add_argument("--name", help="tên trang (site_name), ví dụ \"Bảng Vàng tỉnh Lạng Sơn\"")
    s.add_argument("--short-name", help="tỉnh hoặc đơn vị công bố, ví dụ \"tỉnh Lạng Sơn\"")
    s.add_argument("--site-url", help="địa chỉ công khai (http:// hoặc https://), ví dụ https://bangvang.langson.gov.vn/")
    s.add_argument("--description", help="mô tả trang (mặc định: «Công khai quyết định khen thưởng … của <tỉnh>»)")
    s.set_defaults(func=cmd_new_site)
    lang_option(s)

    p = sub.add_parser("import", help="nhập danh sách khen thưởng từ tệp Excel (.xlsx, .xls), .ods hoặc CSV")
    p.add_argument("file", metavar="tệp", help="tệp .xlsx, .xls, .ods, .csv hoặc .txt (Unicode text của Excel)")
    p.add_argument("--decision", help="tệp quyết định (data/decisions/…/….yaml) để ghi danh sách vào — nếu tệp đã có "
                                      "danh sách thì gộp: giữ các trường ghi tay, báo thêm/bỏ/sửa; "
                                      "không có thì in ra màn hình")
    p.add_argument("--sheet", help="tên trang tính (mặc định: trang đầu tiên không bị ẩn)")
    p.add_argument("--map", action="append", default=[], metavar="\"Tên cột=trường\"",
                   help="gán cột lạ cho một trường, ví dụ --map \"Nơi công tác=unit_text\"")
    p.add_argument("--category", default="direct_worker", help="đối tượng mặc định cho cá nhân (mặc định direct_worker)")
    p.add_argument("--legal-cash", action="store_true",
                   help="ghi tiền thưởng theo quy định vào các dòng không ghi tiền thưởng (mặc định chỉ gợi ý, "
                        "không ghi: tệp chỉ ghi số tiền quyết định nêu)")
    p.add_argument("--no-legal-cash", action="store_true", help="không tính cả gợi ý tiền thưởng theo quy định")
    p.add_argument("--data", default="data", help="thư mục dữ liệu (mặc định: data/)")
    p.set_defaults(func=cmd_import)
    lang_option(p)

    p = sub.add_parser("attach", help="gắn bản scan PDF đã ký vào một quyết định (chép tệp, ghi mã sha256)")
    p.add_argument("decision", metavar="tệp-quyết-định", help="tệp quyết định, ví dụ data/decisions/2025/123-qd-ubnd.yaml")
    p.add_argument("pdf", metavar="tệp-pdf", help="tệp PDF bản scan")
    p.add_argument("--data", default="data", help="thư mục dữ liệu (mặc định: data/)")
    p.set_defaults(func=cmd_attach)
    lang_option(p)

    p = sub.add_parser("hash", help="ghi mã sha256 cho bản scan chưa có mã (tải lên từ trang quản trị); CI chạy "
                                    "lệnh này trước khi kiểm tra")
    p.add_argument("--data", default="data", help="thư mục dữ liệu (mặc định: data/)")
    p.set_defaults(func=cmd_hash)
    lang_option(p)

    p = sub.add_parser("admin", help="tạo trang sửa dữ liệu trên trình duyệt (Decap CMS) vào thư mục quan-tri/")
    p.add_argument("--out", default="quan-tri", help="thư mục ghi (mặc định: quan-tri/, đặt cạnh site/ khi đăng)")
    p.add_argument("--backend", choices=["github", "gitlab", "gitea"],
                   help="nơi đặt kho git của trang; bỏ trống: decap-server trên máy này (127.0.0.1:8081)")
    p.add_argument("--repo", help="kho git của trang, ví dụ so-noi-vu/bangvang-tinh")
    p.add_argument("--base-url", help="địa chỉ máy chủ git của cơ quan (GitLab, Gitea/Forgejo tự cài)")
    p.add_argument("--branch", default="main", help="nhánh được đăng (mặc định: main)")
    p.add_argument("--port", type=int, default=8081, help="cổng của decap-server trên máy này (mặc định: 8081)")
    p.add_argument("--review", action="store_true",
                   help="duyệt trước khi đăng: thay đổi của cán bộ chờ người có quyền duyệt rồi mới được công bố")
    p.add_argument("--data", default="data", help="thư mục dữ liệu (mặc định: data/)")
    p.set_defaults(func=cmd_admin)
    lang_option(p)

    p = sub.add_parser("schema", help="ghi các tệp JSON Schema của dữ liệu")
    p.add_argument("--out", default="schema", help="thư mục ghi (mặc định: schema/)")
    p.set_defaults(func=cmd_schema)
    lang_option(p)

    p = sub.add_parser("site-changes", help="liệt kê tệp cần tải lên (+) và cần xóa (-) so với lần triển khai trước")
    p.add_argument("deployed", help="site.state.json của lần triển khai trước (giữ một bản sau mỗi lần triển khai)")
    p.add_argument("current", nargs="?", default="site.state.json", help="mặc định: site.state.json")
    p.set_defaults(func=cmd_site_changes)
    lang_option(p)
    lang_option(national_cli.add_parser(sub))
    return parser


def lang_option(p: argparse.ArgumentParser) -> None:
    """``--lang vi|en``: the language of the command's error messages (default ``BANGVANG_LANG``, else vi)."""
    p.add_argument("--lang", choices=["vi", "en"], default=os.environ.get("BANGVANG_LANG", "vi"),
                   help="ngôn ngữ thông báo lỗi: vi (mặc định) hoặc en")


# --- validate, build, serve ---------------------------------------------------------------------


def _project(args):
    """The project as mkdocs.yml describes it (the one reader of mkdocs.yml); ``--data`` overrides."""
    from generator.engine.config import read_project

    return read_project(Path(args.config), Path(args.data) if getattr(args, "data", None) else None)


def changed_files(root: Path) -> set[str] | None:
    """Files under ``root`` that differ from git's HEAD or are untracked, as paths relative to ``root`` (how
    problems name them); None when ``root`` is not in a git work tree with a commit, or git is missing."""
    def git(*args: str) -> list[str] | None:
        try:
            done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.splitlines() if done.returncode == 0 else None

    changed = git("-c", "core.quotePath=false", "diff", "--name-only", "--relative", "HEAD")
    untracked = git("-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard")
    if changed is None or untracked is None:
        return None
    return set(changed) | set(untracked)


def _by_code(problems: list[Problem], lang: str) -> str:
    """``lỗi: unknown_unit ×2; cảnh báo: cap_exceeded ×4`` — each kind of problem and how often it occurs."""
    parts = []
    for is_error, word in ((True, ("lỗi", "errors")), (False, ("cảnh báo", "warnings"))):
        counts = Counter(p.code for p in problems if p.is_error is is_error)
        if counts:
            listed = ", ".join(f"{code} ×{n}" for code, n in sorted(counts.items(), key=lambda c: (-c[1], c[0])))
            parts.append(f"{word[0] if lang == 'vi' else word[1]}: {listed}")
    return ("Theo loại — " if lang == "vi" else "By kind — ") + "; ".join(parts)


def _report(problems: list[Problem], lang: str, strict: bool = False, warnings_shown: bool = True,
            changed: set[str] | None = None, summary: bool = False) -> bool:
    """Print problems to stderr; True when the data may be published.

    With ``changed`` (the files the clerk changed, from git), warnings in other files are counted in one line
    instead of listed: they are old data, not this change. ``summary`` adds the count by kind of problem."""
    errors = [p for p in problems if p.is_error or strict]
    quiet = [] if strict or changed is None else [p for p in problems if not p.is_error and p.path not in changed]
    hidden = {id(p) for p in quiet}
    for problem in problems:
        if (problem.is_error or warnings_shown) and id(problem) not in hidden:
            print(problem.format(lang), file=sys.stderr)
    warnings = len(problems) - len([p for p in problems if p.is_error])
    if quiet and warnings_shown:
        files = len({p.path for p in quiet})
        print(f"(thêm {len(quiet)} cảnh báo ở {files} tệp bạn chưa sửa; xem hết bằng --all-warnings)" if lang == "vi"
              else f"({len(quiet)} more warnings in {files} files you did not change; list them with --all-warnings)",
              file=sys.stderr)
    if summary and problems:
        print(_by_code(problems, lang), file=sys.stderr)
    if errors:
        if lang == "vi":
            print(f"\n{len(errors)} lỗi, {warnings} cảnh báo — chưa thể xuất bản. Sửa các dòng trên rồi chạy lại.",
                  file=sys.stderr)
        else:
            print(f"\n{len(errors)} errors, {warnings} warnings — cannot publish. Fix the lines above and run again.",
                  file=sys.stderr)
        return False
    return True


def cmd_validate(args) -> int:
    project = _project(args)
    outcome = pipeline.check(project.data_dir, project.root, cache=True)
    changed = None if args.all_warnings else changed_files(project.root)
    valid = _report(outcome.problems, args.lang, args.strict, changed=changed, summary=True)
    if args.report:
        from generator.commands.admin_page import write_report

        with writing():
            write_report(Path(args.report), [p.format(args.lang) for p in outcome.problems], valid)
    if not valid:
        return EXIT_INVALID
    t = outcome.catalog.counts.all
    extra_vi = "".join([f", trong đó {t.awards_unnamed} không nêu tên" if t.awards_unnamed else "",
                        f"; {t.awards_revoked} lượt đã bị hủy bỏ" if t.awards_revoked else "",
                        f"; {t.rewards} lượt thưởng ngoài hình thức khen thưởng" if t.rewards else ""])
    extra_en = "".join([f", {t.awards_unnamed} of them unnamed" if t.awards_unnamed else "",
                        f"; {t.awards_revoked} revoked" if t.awards_revoked else "",
                        f"; {t.rewards} rewards outside the award forms" if t.rewards else ""])
    msg = (f"Dữ liệu hợp lệ: {t.decisions + t.decisions_revoked} quyết định ({t.decisions_revoked} đã hủy bỏ), "
           f"{t.awards} lượt khen thưởng được tính{extra_vi}; {t.rows} dòng trong các danh sách; "
           f"{len(outcome.catalog.profiles)} hồ sơ."
           if args.lang == "vi" else
           f"Data is valid: {t.decisions + t.decisions_revoked} decisions ({t.decisions_revoked} revoked), "
           f"{t.awards} awards counted{extra_en}; {t.rows} listed lines; {len(outcome.catalog.profiles)} profiles.")
    print(msg)
    return EXIT_OK


def _setup_logging(lang: str) -> None:
    """The engine's log lines in ``lang`` (``engine_log``)."""
    from generator.commands import engine_log

    engine_log.setup(lang)


def cmd_build(args) -> int:
    """Validate, render, build into a temporary directory, then swap it in: all or nothing."""
    from generator.engine.build import BuildError, publish
    from generator.site.background import ChildKilled

    _setup_logging(args.lang)
    project = _project(args)
    try:
        outcome = pipeline.run(project.data_dir, project.templates_dir, project.root, project.options,
                               project.content_dir, cache=not args.full)
    except ChildKilled as exc:
        raise BuildError("build_failed", detail=Both(str(exc), exc.english)) from exc
    # warnings are logged by the engine during the build (so --strict counts them there)
    if not _report(outcome.problems, args.lang, warnings_shown=False):
        return EXIT_INVALID
    site_dir = Path(args.site_dir) if args.site_dir else project.site_dir
    site_dir = site_dir if site_dir.is_absolute() else (Path.cwd() / site_dir)
    notices: list[str] = []
    try:
        with writing():  # the site directory's lock, where the site cannot be (a file in its way)
            written, deleted = publish(Path(args.config), outcome, site_dir, project.root / permalinks.MANIFEST,
                                       strict=args.strict, full=args.full, notices=notices,
                                       explain=args.explain)
    except BuildError as exc:
        if exc.code == "build_failed":
            exc.params["detail"] = _engine_words(str(exc.params["detail"]))
        raise
    for notice in notices:
        print(visible(notice), file=sys.stderr)
    pages = len(outcome.manifest.splitlines()) - len(permalinks.HEADER.splitlines())
    if args.timings:
        for stage, seconds in outcome.timings.items():
            print(f"{seconds:8.1f} s  {stage}", file=sys.stderr)
        print(f"{len(outcome.rendered):8d}    record pages rendered ({rendered_by_section(outcome.rendered)}); "
              f"{len(outcome.produced)} data files produced", file=sys.stderr)
    if args.explain:
        for path in outcome.rendered + outcome.produced:
            reads = ", ".join(outcome.reads.get(path, ()))
            print(f"dựng lại: {path}" + (f" — đọc: {reads}" if reads else "") if args.lang == "vi"
                  else f"rendered: {path}" + (f" — read: {reads}" if reads else ""), file=sys.stderr)
    print(f"Đã xây dựng {pages} trang vào {site_dir} (ghi {written} tệp mới hoặc đã đổi, xóa {deleted} tệp). "
          f"Mở {site_dir / 'index.html'} hoặc chạy: ./bangvang serve"
          if args.lang == "vi" else f"Built {pages} pages into {site_dir} ({written} files written, {deleted} deleted).")
    return EXIT_OK


def rendered_by_section(paths: list[str]) -> str:
    """``quyet-dinh 3, don-vi 2`` — how many outputs of each top-level section (most first)."""
    import collections

    counts = collections.Counter(path.split("/", 1)[0] for path in paths)
    return ", ".join(f"{section} {n}" for section, n in counts.most_common()) or "none"


def cmd_serve(args) -> int:
    project = _project(args)
    outcome = pipeline.check(project.data_dir, project.root, cache=True)
    if not _report(outcome.problems, args.lang):  # shown in the browser too, until fixed
        print("Trang xem trước vẫn chạy và hiện các lỗi này ở đầu mỗi trang; sửa rồi lưu tệp, trang tự tải lại."
              if args.lang == "vi" else "The preview runs anyway and shows these errors on every page.",
              file=sys.stderr)
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    from generator.engine.build import BuildError

    _setup_logging(args.lang)
    try:
        serve(config_file=str(args.config), dev_addr=args.addr, livereload=True)
    except MkDocsException as exc:
        raise BuildError("serve_failed", detail=_engine_words(str(exc))) from exc
    return EXIT_OK


def _engine_words(said: str) -> Both:
    """A message of the engine (in English) as a parameter: in Vietnamese when ``engine_log`` knows it."""
    from generator.commands.engine_log import translate

    vi = (translate(said) or "").removeprefix("lỗi: ")
    return Both(said if "\n" in vi or not vi else vi, said)  # an unknown message: the engine's own words


# --- new, schema ----------------------------------------------------------------------------------


@contextlib.contextmanager
def writing():
    """A command writing files the user named: an ``OSError`` (a read-only or full disk, a file where a directory
    must be) is a user error naming the file, not a bug."""
    try:
        yield
    except OSError as exc:
        raise UserError("write_failed", exc.filename or "", error=exc.strerror or exc) from exc


def cmd_new(args) -> int:
    from generator.commands import scaffold

    with writing():
        path = scaffold.create(args)
    note = (" Tiền thưởng (cash_vnd) đã điền theo mức quy định vào ngày ký — sửa nếu quyết định ghi khác."
            if "cash_vnd: " in path.read_text(encoding="utf-8").replace("# cash_vnd", "") else "")
    print(f"Đã tạo {path}. Điền các chỗ «…», rồi chạy: ./bangvang validate.{note}")
    return EXIT_OK


def cmd_new_site(args) -> int:
    """``new site <dir>``: a new site project; the next steps on stdout."""
    from generator.commands import new_site

    target = Path(args.target)
    settings = new_site.create_site(target, args.name, args.short_name, args.site_url, args.description)
    print(new_site.next_steps(target, settings), end="")
    return EXIT_OK


def cmd_import(args) -> int:
    from generator.commands import importer

    source = Path(args.file)
    if not source.is_file():
        raise UserError("import_no_file", source)
    if source.suffix.lower() not in importer.SUFFIXES:
        raise UserError("import_bad_suffix", source, suffix=source.suffix or source.name)
    mapping = _import_mapping(args.map, importer.MAP_FIELDS)
    if args.category not in importer.CATEGORY_WORDS:
        raise UsageError("import_bad_category", f"--category {args.category}", choices=list(importer.CATEGORY_WORDS))
    if args.decision and not Path(args.decision).is_file():
        raise UserError("import_no_decision", args.decision)
    sheet, rows = importer.read_rows(source, args.sheet)
    result = importer.import_rows(sheet, rows, mapping, args.category, importer.unit_lookup(Path(args.data)))
    prefix = "" if sheet == source.name else f"{source.name}: "  # a CSV's "sheet" is the file itself
    for notice in result.notices:
        print(f"{prefix}{notice}", file=sys.stderr)
    for problem in result.problems:
        print(f"{prefix}{problem.format(args.lang)}", file=sys.stderr)
    if result.problems:
        print(f"\n{len(result.problems)} dòng chưa đọc được — sửa tệp rồi nhập lại; chưa ghi gì." if args.lang == "vi"
              else f"\n{len(result.problems)} rows cannot be read — fix the file and import again; nothing was written.",
              file=sys.stderr)
        return EXIT_INVALID
    if not args.decision:
        sys.stdout.write(importer.to_yaml(result))
        return EXIT_OK
    importer.check_decision_target(Path(args.decision), Path(args.data))
    report = importer.write_into_decision(Path(args.decision), result,
                                          None if args.no_legal_cash else _registries_or_none(Path(args.data)),
                                          write_cash=args.legal_cash)
    guessed = (f"; {len(report.guessed)} đối tượng thống kê được đoán từ chức vụ, hãy kiểm tra các dòng có ghi chú"
               if report.guessed else "")
    for line in report.cash_lines():
        print(line, file=sys.stderr)
    if report.fresh:
        print(f"Đã ghi {len(report.recipients)} người, tập thể vào {args.decision}{guessed}. "
              "Chạy tiếp: ./bangvang validate")
    else:
        print(f"Đã cập nhật danh sách trong {args.decision}: " + "\n".join(report.lines(sheet)))
        print(f"Chạy tiếp: ./bangvang validate{guessed.replace(';', ' —', 1)}")
    return EXIT_OK


def _registries_or_none(data: Path):
    """The merged registries for the legal cash amounts, or None when they have errors (validate says which)."""
    from generator.records.load import load_registries
    from generator.records.problems import Severity
    from generator.records.validation import validate_registries_only

    records, problems = validate_registries_only(load_registries(data))
    return None if any(p.severity is Severity.ERROR for p in problems) else records


def _import_mapping(items: list[str], fields: tuple[str, ...]) -> dict[str, str]:
    """``--map "Tên cột=trường"`` options as a dict; ``UsageError`` when one is malformed."""
    mapping = {}
    for item in items:
        column, sep, target = item.partition("=")
        target = target.strip()
        if not sep or not column.strip():
            raise UsageError("import_bad_map", f"--map {item}")
        if target not in fields:
            raise UsageError("import_map_field", f"--map {item}", target=target, fields=list(fields))
        mapping[column.strip()] = target
    return mapping


def cmd_attach(args) -> int:
    from generator.commands import scaffold

    with writing():
        target = scaffold.attach(Path(args.decision), Path(args.pdf), Path(args.data))
    print(f"Đã chép bản scan vào {target} và ghi mã sha256 vào {args.decision}.")
    return EXIT_OK


def cmd_site_changes(args) -> int:
    """``site-changes deployed.json [site.state.json]``: what a deploy to object storage must upload and delete."""
    from generator.engine import site_state

    before, after = site_state.load_files(Path(args.deployed)), site_state.load_files(Path(args.current))
    upload, delete = site_state.changes(before, after)
    sys.stdout.write("".join(f"+ {path}\n" for path in upload) + "".join(f"- {path}\n" for path in delete))
    print(f"{len(upload)} tệp cần tải lên, {len(delete)} tệp cần xóa, {len(after) - len(upload)} tệp giữ nguyên.",
          file=sys.stderr)
    return EXIT_OK


def cmd_hash(args) -> int:
    """``hash``: the sha256 of every attached scan that has none yet."""
    from generator.commands import scaffold

    with writing():
        changed = scaffold.record_hashes(Path(args.data))
    for path in changed:
        print(f"Đã ghi mã sha256 của bản scan vào {path}.")
    if not changed:
        print("Mọi bản scan đã có mã sha256.")
    return EXIT_OK


def cmd_admin(args) -> int:
    """``admin``: the editing page (Decap CMS) with its config.yml generated from the schemas and registries."""
    from generator.commands import admin_page, scaffold
    from generator.engine import bundled

    records, _ = scaffold.merged_registries(Path(args.data))
    backend = admin_page.backend_settings(args.backend, args.repo, args.base_url, args.branch, args.port)
    with writing():
        count = admin_page.write_page(Path(args.out), records, bundled.CHECKOUT, backend, args.review)
    print(f"Đã ghi trang sửa dữ liệu vào {args.out}/ ({count} tệp). Cách đưa lên mạng hoặc dùng trên máy này: "
          "HUONG-DAN.md của Bảng Vàng, mục «Sửa dữ liệu trên trình duyệt».")
    return EXIT_OK


def cmd_schema(args) -> int:
    from generator.records.schema import record_schemas, schema_json

    out = Path(args.out)
    with writing():
        out.mkdir(parents=True, exist_ok=True)
        for name, schema in record_schemas().items():
            (out / f"{name}.schema.json").write_bytes(schema_json(schema))
    print(f"Đã ghi lược đồ vào {out}/")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
