"""Screenshots of a built site, as a reader sees it: ``python -m generator.dev.screenshots SITE OUT PATH…``.

Serves SITE on 127.0.0.1, opens each page in Debian's headless Chromium (Playwright) at 1366 px and at
390 px (a phone, device scale 2), and writes full-page PNGs to OUT. Used for the guide's pictures and
to look at every change before it is published.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import threading
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]
SIZES = {"desktop": {"viewport": {"width": 1366, "height": 900}},
         "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True,
                   "has_touch": True}}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A loopback static server for ``site``; returns it and its base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def shoot(site: Path, out: Path, paths: list[str], sizes: list[str], full_page: bool = True,
          element: str = "") -> list[Path]:
    """Write one PNG per page and size (of one element, when a CSS selector is given); returns the files."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    httpd, base = serve(site)
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                        args=CHROMIUM_ARGS)
            for size in sizes:
                context = browser.new_context(locale="vi-VN", **SIZES[size])
                page = context.new_page()
                for path in paths:
                    page.goto(base + path.lstrip("/"), wait_until="networkidle")
                    name = (path.strip("/").replace("/", "_").replace("#", "--").replace("?", "_") or "home")
                    target = out / f"{name}.{size}.png"
                    if element:
                        page.locator(element).first.screenshot(path=str(target))
                    else:
                        page.screenshot(path=str(target), full_page=full_page)
                    written.append(target)
                context.close()
            browser.close()
    finally:
        httpd.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--size", action="append", choices=sorted(SIZES), help="desktop, phone (default: both)")
    parser.add_argument("--viewport-only", action="store_true", help="only the first screen, not the full page")
    parser.add_argument("--element", default="", help="CSS selector: shoot only the first element it matches")
    args = parser.parse_args(argv)
    for path in shoot(args.site, args.out, args.paths, args.size or ["desktop", "phone"], not args.viewport_only,
                      args.element):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
