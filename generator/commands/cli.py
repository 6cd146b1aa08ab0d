"""Command line: ``python -m generator validate|build|serve|new|schema`` (also ``bangvang …``).

The CLI only wires stages together. It never prints a traceback for bad input: problems are
listed as ``path:line: message — hint`` and the exit status is non-zero.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator import pipeline

from generator.site import permalinks
from generator.records.problems import Problem

EXIT_OK, EXIT_INVALID, EXIT_BUILD_FAILED, EXIT_USAGE = 0, 1, 2, 64


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bangvang", description="Bảng Vàng: dữ liệu khen thưởng → trang web công khai")
    sub = parser.add_subparsers(dest="command")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", default="mkdocs.yml", help="tệp cấu hình MkDocs (mặc định: mkdocs.yml)")
        p.add_argument("--data", default=None, help="thư mục dữ liệu (mặc định: theo cấu hình, thường là data/)")
        p.add_argument("--lang", choices=["vi", "en"], default=os.environ.get("BANGVANG_LANG", "vi"),
                       help="ngôn ngữ thông báo lỗi: vi (mặc định) hoặc en")

    p = sub.add_parser("validate", help="kiểm tra toàn bộ dữ liệu, liệt kê mọi lỗi")
    common(p)
    p.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("build", help="kiểm tra dữ liệu rồi xây dựng trang vào site/")
    common(p)
    p.add_argument("--site-dir", default=None, help="thư mục xuất (mặc định: site/)")
    p.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("serve", help="xem trước trực tiếp, tự tạo lại khi data/ hoặc site_templates/ thay đổi")
    common(p)
    p.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ:cổng (mặc định 127.0.0.1:8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("new", help="tạo tệp mẫu có chú thích cho quyết định hoặc hồ sơ mới")
    new_sub = p.add_subparsers(dest="kind", required=True)
    d = new_sub.add_parser("decision", help="quyết định khen thưởng mới")
    d.add_argument("--number", help="số, ký hiệu, ví dụ 1234/QĐ-UBND (bỏ trống nếu không rõ số)")
    d.add_argument("--date", help="ngày ký YYYY-MM-DD")
    d.add_argument("--authority", help="mã cơ quan ban hành")
    d.add_argument("--award-form", help="mã hình thức khen thưởng")
    d.add_argument("--data", default="data")
    d.set_defaults(func=cmd_new)
    pr = new_sub.add_parser("profile", help="hồ sơ gương điển hình mới")
    pr.add_argument("--name", help="họ và tên hoặc tên tập thể")
    pr.add_argument("--kind", dest="profile_kind", choices=["individual", "collective", "household"], default="individual")
    pr.add_argument("--data", default="data")
    pr.set_defaults(func=cmd_new)

    p = sub.add_parser("import", help="nhập danh sách khen thưởng từ tệp Excel (.xlsx, .xls), .ods hoặc CSV")
    p.add_argument("file", help="tệp .xlsx, .xls, .ods, .csv hoặc .txt (Unicode text của Excel)")
    p.add_argument("--decision", help="tệp quyết định (data/decisions/…/….yaml) để ghi danh sách vào — nếu tệp đã có "
                                      "danh sách thì gộp: giữ các trường ghi tay, báo thêm/bỏ/sửa; "
                                      "không có thì in ra màn hình")
    p.add_argument("--sheet", help="tên trang tính (mặc định: trang đầu tiên không bị ẩn)")
    p.add_argument("--map", action="append", default=[], metavar="\"Tên cột=trường\"",
                   help="gán cột lạ cho một trường, ví dụ --map \"Nơi công tác=unit_text\"")
    p.add_argument("--category", default="direct_worker", help="đối tượng mặc định cho cá nhân (mặc định direct_worker)")
    p.add_argument("--data", default="data")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("attach", help="gắn bản scan PDF đã ký vào một quyết định (chép tệp, ghi mã sha256)")
    p.add_argument("decision", help="tệp quyết định, ví dụ data/decisions/2025/123-qd-ubnd.yaml")
    p.add_argument("pdf", help="tệp PDF bản scan")
    p.add_argument("--data", default="data")
    p.set_defaults(func=cmd_attach)

    p = sub.add_parser("schema", help="ghi các tệp JSON Schema của dữ liệu")
    p.add_argument("--out", default="schema", help="thư mục ghi (mặc định: schema/)")
    p.set_defaults(func=cmd_schema)
    return parser


# --- validate -------------------------------------------------------------------------------------


def _project(args) -> tuple[Path, Path, Path, Path]:
    """(root, data_dir, templates_dir, content_dir) from the MkDocs config, without loading MkDocs."""
    config = Path(args.config)
    root = config.parent.resolve() if config.exists() else Path.cwd()
    data_dir, templates_dir, content_dir = "data", "site_templates", "content"
    if config.exists():
        data_dir, templates_dir, content_dir = _plugin_dirs(config, data_dir, templates_dir, content_dir)
    data = Path(args.data) if getattr(args, "data", None) else root / data_dir
    return root, data, root / templates_dir, root / content_dir


def _plugin_dirs(config: Path, data_dir: str, templates_dir: str, content_dir: str) -> tuple[str, str, str]:
    import yaml

    class _Loose(yaml.SafeLoader):
        pass

    _Loose.add_multi_constructor("!", lambda loader, suffix, node: None)
    _Loose.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        cfg = yaml.load(config.read_text(encoding="utf-8"), Loader=_Loose) or {}
    except (yaml.YAMLError, OSError):
        return data_dir, templates_dir, content_dir
    content_dir = cfg.get("docs_dir", content_dir) if isinstance(cfg, dict) else content_dir
    for plugin in cfg.get("plugins", []) or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("bangvang"), dict):
            opts = plugin["bangvang"]
            return opts.get("data_dir", data_dir), opts.get("templates_dir", templates_dir), content_dir
    return data_dir, templates_dir, content_dir


def _report(problems: list[Problem], lang: str, strict: bool = False) -> bool:
    """Print problems to stderr; True when the data may be published."""
    errors = [p for p in problems if p.is_error or strict]
    for problem in problems:
        print(problem.format(lang), file=sys.stderr)
    warnings = len(problems) - len([p for p in problems if p.is_error])
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
    root, data_dir, _, _ = _project(args)
    outcome = pipeline.check(data_dir, root)
    if not _report(outcome.problems, args.lang, args.strict):
        return EXIT_INVALID
    c = outcome.catalog
    assert c is not None
    recipients = sum(len(d.model.recipients) for d in c.decisions)
    msg = (f"Dữ liệu hợp lệ: {len(c.decisions)} quyết định, {recipients} lượt khen thưởng, {len(c.profiles)} hồ sơ."
           if args.lang == "vi" else
           f"Data is valid: {len(c.decisions)} decisions, {recipients} recipients, {len(c.profiles)} profiles.")
    print(msg)
    return EXIT_OK


# --- build ----------------------------------------------------------------------------------------


def _setup_logging() -> None:
    # Material prints its end-of-life notice on every build; the README covers the engine's future.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    logging.getLogger("mkdocs").setLevel(logging.INFO)


def cmd_build(args) -> int:
    """Validate, render, build into a temporary directory, then swap it in: all or nothing."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.engine.mkdocs_plugin import site_options

    _setup_logging()
    root, data_dir, templates_dir, content_dir = _project(args)
    try:
        config = load_config(config_file=str(args.config))
    except MkDocsException as exc:
        print(f"{args.config}: cấu hình không hợp lệ: {exc}", file=sys.stderr)
        return EXIT_INVALID
    outcome = pipeline.run(data_dir, templates_dir, root, site_options(config, config.plugins["bangvang"].config),
                           content_dir)
    if not _report(outcome.problems, args.lang, args.strict):
        return EXIT_INVALID
    site_dir = Path(args.site_dir) if args.site_dir else Path(config.site_dir)
    site_dir = site_dir if site_dir.is_absolute() else (Path.cwd() / site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"{site_dir.name}.tmp-", dir=site_dir.parent))
    try:
        config = load_config(config_file=str(args.config), site_dir=str(tmp))
        plugin = config.plugins["bangvang"]
        plugin.preloaded = outcome.site
        from mkdocs.commands.build import build

        build(config)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"Xây dựng trang thất bại: {exc}" if args.lang == "vi" else f"Build failed: {exc}", file=sys.stderr)
        print("site/ trước đó được giữ nguyên." if args.lang == "vi" else "The previous site/ is unchanged.",
              file=sys.stderr)
        return EXIT_BUILD_FAILED
    _swap_in(tmp, site_dir)
    (root / permalinks.MANIFEST).write_text(outcome.manifest, encoding="utf-8")
    pages = len(outcome.manifest.splitlines()) - len(permalinks.HEADER.splitlines())
    print(f"Đã xây dựng {pages} trang vào {site_dir}. Mở {site_dir / 'index.html'} hoặc chạy: python -m generator serve"
          if args.lang == "vi" else f"Built {pages} pages into {site_dir}.")
    return EXIT_OK


def _swap_in(new: Path, target: Path) -> None:
    """Replace ``target`` by ``new`` with two renames; the old tree is removed afterwards.

    Removing a large old site takes seconds; on POSIX it is left to a background ``rm`` so the new site
    is ready at once (leftovers of an interrupted removal are cleared by the next build)."""
    os.chmod(new, 0o755)
    for leftover in target.parent.glob(f"{target.name}.old-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    if target.exists():
        old = target.with_name(f"{target.name}.old-{os.getpid()}")
        target.rename(old)
        new.rename(target)
        if os.name == "posix" and shutil.which("rm"):
            subprocess.Popen(["rm", "-rf", str(old)], start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        else:
            shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(target)


# --- serve ----------------------------------------------------------------------------------------


def cmd_serve(args) -> int:
    root, data_dir, _, _ = _project(args)
    outcome = pipeline.check(data_dir, root)
    if not _report(outcome.problems, args.lang):
        return EXIT_INVALID
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    _setup_logging()
    try:
        serve(config_file=str(args.config), dev_addr=args.addr, livereload=True)
    except MkDocsException as exc:
        print(f"Không chạy được máy chủ xem trước: {exc}", file=sys.stderr)
        return EXIT_BUILD_FAILED
    return EXIT_OK


# --- new, schema ----------------------------------------------------------------------------------


def cmd_new(args) -> int:
    from generator.commands import scaffold

    try:
        path = scaffold.create(args)
    except scaffold.ScaffoldError as exc:
        print(f"{exc}", file=sys.stderr)
        return EXIT_INVALID
    print(f"Đã tạo {path}. Điền các chỗ «…», rồi chạy: python -m generator validate")
    return EXIT_OK


def cmd_import(args) -> int:
    from generator.commands import importer

    source = Path(args.file)
    if not source.is_file():
        print(f"{source}: không có tệp này", file=sys.stderr)
        return EXIT_INVALID
    if source.suffix.lower() not in importer.SUFFIXES:
        print(f"{source}: không nhập được tệp loại «{source.suffix or source.name}» — lưu danh sách thành .xlsx, "
              ".xls, .ods hoặc .csv rồi nhập lại", file=sys.stderr)
        return EXIT_INVALID
    mapping = _import_mapping(args.map, importer.FIELDS)
    if mapping is None:
        return EXIT_USAGE
    if args.category not in importer.CATEGORY_WORDS:
        print(f"--category {args.category}: không có đối tượng này; dùng một trong: {', '.join(importer.CATEGORY_WORDS)}",
              file=sys.stderr)
        return EXIT_USAGE
    if args.decision and not Path(args.decision).is_file():
        print(f"{args.decision}: không có tệp quyết định này — tạo trước bằng: python -m generator new decision",
              file=sys.stderr)
        return EXIT_INVALID
    try:
        sheet, rows = importer.read_rows(source, args.sheet)
    except importer.ReadError as exc:
        print(f"{source}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    result = importer.import_rows(sheet, rows, mapping, args.category, importer.unit_lookup(Path(args.data)))
    prefix = "" if sheet == source.name else f"{source.name}: "  # a CSV's "sheet" is the file itself
    for notice in result.notices:
        print(f"{prefix}{notice}", file=sys.stderr)
    for problem in result.problems:
        print(f"{prefix}{problem}", file=sys.stderr)
    if result.problems:
        print(f"\n{len(result.problems)} dòng chưa đọc được — sửa tệp rồi nhập lại; chưa ghi gì.", file=sys.stderr)
        return EXIT_INVALID
    if not args.decision:
        sys.stdout.write(importer.to_yaml(result))
        return EXIT_OK
    try:
        report = importer.write_into_decision(Path(args.decision), result)
    except importer.DecisionFileError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    guessed = (f"; {len(report.guessed)} đối tượng thống kê được đoán từ chức vụ, hãy kiểm tra các dòng có ghi chú"
               if report.guessed else "")
    if report.fresh:
        print(f"Đã ghi {len(report.recipients)} người, tập thể vào {args.decision}{guessed}. "
              "Chạy tiếp: python -m generator validate")
    else:
        print(f"Đã cập nhật danh sách trong {args.decision}: " + "\n".join(report.lines(sheet)))
        print(f"Chạy tiếp: python -m generator validate{guessed.replace(';', ' —', 1)}")
    return EXIT_OK


def _import_mapping(items: list[str], fields: tuple[str, ...]) -> dict[str, str] | None:
    """``--map "Tên cột=trường"`` options as a dict; None (after saying why) when one is malformed."""
    mapping = {}
    for item in items:
        column, sep, target = item.partition("=")
        target = target.strip()
        if not sep or not column.strip():
            print(f"--map {item}: viết theo dạng \"Tên cột=trường\", ví dụ --map \"Nơi công tác=unit_text\"",
                  file=sys.stderr)
            return None
        if target not in fields:
            print(f"--map {item}: trường «{target}» không có; dùng một trong: {', '.join(fields)}", file=sys.stderr)
            return None
        mapping[column.strip()] = target
    return mapping


def cmd_attach(args) -> int:
    from generator.commands import scaffold

    try:
        target = scaffold.attach(Path(args.decision), Path(args.pdf), Path(args.data))
    except scaffold.ScaffoldError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    print(f"Đã chép bản scan vào {target} và ghi mã sha256 vào {args.decision}.")
    return EXIT_OK


def cmd_schema(args) -> int:
    from generator.records.schema import record_schemas, schema_json

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, schema in record_schemas().items():
        (out / f"{name}.schema.json").write_bytes(schema_json(schema))
    print(f"Đã ghi lược đồ vào {out}/")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
