"""``bangvang national``: build the national view from many sites' open data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.records.problems import UsageError

EXIT_OK, EXIT_NOTHING = 0, 1


def add_parser(sub) -> argparse.ArgumentParser:
    """Add the ``national`` command to the CLI's subparsers; return its parser."""
    p = sub.add_parser("national", help="xây dựng trang toàn quốc từ dữ liệu mở (datapackage.json) của nhiều trang")
    p.add_argument("sources", nargs="*", help="thư mục trang đã xây dựng, tệp datapackage.json, hoặc địa chỉ http(s)")
    p.add_argument("--sources", dest="sources_file", help="tệp liệt kê nguồn, mỗi dòng một nguồn (# là chú thích)")
    p.add_argument("--out", default="site-national", help="thư mục xuất (mặc định: site-national/)")
    p.add_argument("--work", default=".national-cache", help="thư mục tạm cho các gói tải về (mặc định: .national-cache/)")
    p.add_argument("--search-url", default="",
                   help="địa chỉ truy vấn tìm kiếm của Datasette (…/tim-kiem/tim_kiem) cho ô tìm kiếm")
    p.set_defaults(func=cmd_national)
    return p


def cmd_national(args) -> int:
    """Build; print each missing site with its reasons; fail only when no site could be loaded."""
    from generator.national import sources
    from generator.national.build import build

    given = list(args.sources)
    if args.sources_file:
        try:
            given += sources.read_sources(Path(args.sources_file))
        except OSError as exc:
            raise UsageError("national_sources_unreadable", args.sources_file, error=exc.strerror or exc) from None
    if not given:
        raise UsageError("national_no_sources")
    result = build(given, Path(args.out), Path(args.work), args.search_url)
    for p in result.missing:
        print(f"{p.given}: THIẾU — không nạp", file=sys.stderr)
        for problem in p.problems:
            print(f"  {problem}", file=sys.stderr)
    rows = sum(p.rows.get("nguoi_nhan", 0) for p in result.loaded)
    t = result.timings
    print(f"Đã xây dựng trang toàn quốc vào {args.out}: {len(result.loaded)} nơi đã nạp ({rows} dòng), "
          f"{len(result.missing)} nơi thiếu; đọc {t['read']:.1f} s, kiểm tra {t['validate']:.1f} s, "
          f"nạp {t['load']:.1f} s, trang {t['render']:.1f} s, chỉ mục tìm kiếm {t['search_index']:.1f} s.")
    return EXIT_OK if result.loaded else EXIT_NOTHING
