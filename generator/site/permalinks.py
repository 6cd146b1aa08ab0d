"""Links that never break: the manifest of every page address ever published, and redirects.

``published-urls.txt`` (committed beside mkdocs.yml) lists every page URL a build has published.
A later build in which one of them has neither a page nor a redirect in ``data/redirects.yaml``
fails, naming the URL. Redirect pages are plain HTML (meta refresh + canonical link), so they
work on any static host.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from generator.records.entries import Records
from generator.records.problems import Problem
from generator.site import urls
from generator.site.outputs import OutputFile, RenderedSite
from generator.site.structured_data import script_json

MANIFEST = "published-urls.txt"
HEADER = ("# Mọi địa chỉ trang đã được công bố. Tệp do `./bangvang build` cập nhật — hãy commit cùng dữ liệu.\n"
          "# Một địa chỉ ở đây mà không còn trang phải có chuyển hướng trong data/redirects.yaml.\n")


def read_manifest(path: Path) -> list[str]:
    if not path.is_file():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def manifest_text(urls: set[str]) -> str:
    return HEADER + "".join(f"{u or '/'}\n" for u in sorted(urls))


def redirect_page(target_url: str, site_url: str, depth: int) -> bytes:
    """A static redirect that keeps the reader's #anchor (a recipient's line): a script replaces the address
    with the target plus the current fragment; without scripts, the meta refresh still reaches the page."""
    relative = "../" * depth + target_url
    absolute = (site_url or "/") + target_url
    return (f'<!doctype html>\n<html lang="vi"><head><meta charset="utf-8"><title>Trang đã chuyển</title>\n'
            f'<meta name="robots" content="noindex"><link rel="canonical" href="{html.escape(absolute)}">\n'
            f"<script>location.replace({script_json(relative)} + location.hash)</script>\n"
            f'<meta http-equiv="refresh" content="0; url={html.escape(relative)}"></head>\n'
            f'<body><p>Trang này đã chuyển tới <a href="{html.escape(relative)}">{html.escape(absolute)}</a>.</p>'
            f"</body></html>\n").encode("utf-8")


def _aliases(site: RenderedSite, old: str, new: str, pages: set[str], site_url: str) -> list[OutputFile]:
    """The files published under a moved page (its CSV, JSON and print view) at the old address too: data files
    as copies (a static host cannot redirect them), pages as redirects."""
    out = []
    for f in list(site.files):
        if not f.path.startswith(new) or f.path == f"{new}index.html":
            continue
        rest = f.path[len(new):]
        if rest.endswith("index.html") and f"{new}{rest[:-len('index.html')]}" in pages:
            continue  # a page of its own, with its own address
        target = f"{old}{rest}"
        if rest.endswith("index.html"):
            url = f"{new}{rest[:-len('index.html')]}"
            out.append(OutputFile(target, content=redirect_page(url, site_url, target.count("/"))))
        else:
            out.append(replace(f, path=target))
    return out


def apply(site: RenderedSite, records: Records, manifest_path: Path, shown_manifest: str,
          site_url: str, hand_written: set[str] = frozenset()) -> tuple[list[Problem], str]:
    """Add redirect pages to ``site``; return problems and the manifest's new text.

    ``hand_written`` are the URLs of the pages in content/, published too. URLs the site retracts
    (withdrawn profiles: their address holds the person's name) leave the manifest instead of
    needing a redirect."""
    problems: list[Problem] = []
    pages = {p.url for p in site.pages} | set(hand_written)
    file_paths = {f.path for f in site.files}
    redirected = set()
    for redirect in records.redirects:
        old, new = redirect.model.old, redirect.model.new
        clash = next((old[:i] for i in range(len(old)) if old[i] == "/" and old[:i] in file_paths), None)
        if clash:
            problems.append(Problem(redirect.path, redirect.line("old"), "redirect_onto_file",
                                    {"old": old, "file": clash}))
            continue
        if old in pages:
            problems.append(Problem(redirect.path, redirect.line("old"), "redirect_shadows_page", {"old": old}))
            continue
        if new not in pages:
            problems.append(Problem(redirect.path, redirect.line("new"), "redirect_target_missing",
                                    {"old": old, "new": new}))
            continue
        redirected.add(old)
        site.files.append(OutputFile(f"{old}index.html", content=redirect_page(new, site_url, old.count("/"))))
        site.files.extend(_aliases(site, old, new, pages, site_url))
    published = [u for u in read_manifest(manifest_path) if u not in site.retracted]
    lines = manifest_path.read_text(encoding="utf-8").splitlines() if manifest_path.is_file() else []
    for url in published:
        key = "" if url == "/" else url
        if key in pages or key in redirected:
            continue
        fallback = next((f for f in urls.derived_fallback(key) if f in pages), None)
        if fallback is not None:  # a derived page (statistics) that no longer exists: to its nearest parent
            redirected.add(key)
            site.files.append(OutputFile(f"{key}index.html", content=redirect_page(fallback, site_url, key.count("/"))))
            continue
        problems.append(Problem(shown_manifest, lines.index(url) + 1, "url_removed", {"url": key or "/"}))
    return problems, manifest_text(pages | redirected | {("" if u == "/" else u) for u in published})
