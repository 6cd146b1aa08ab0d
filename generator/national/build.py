"""Build the national view: read every source, validate, load, read its figures, then render and index.

A source that cannot be read, whose package fails validation, or whose rows disagree with its own pages is
reported and shown as missing; nothing of it is loaded, and the others still publish."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.national import figures as fig, packages, render, search, sources, store
from generator.text import slugify

TITLE_SUFFIX = " — dữ liệu khen thưởng"


@dataclass
class Province:
    """One source and what became of it: loaded (``problems`` empty) or missing."""

    given: str
    slug: str = ""
    name: str = ""
    homepage: str = ""
    years: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    published: fig.Published = field(default_factory=fig.Published)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def loaded(self) -> bool:
        return not self.problems

    def link(self, path: str = "") -> str:
        """A permanent address on the province's own site."""
        return self.homepage + path


@dataclass
class Result:
    provinces: list[Province]
    timings: dict[str, float]
    memory: dict[str, int]  # the row store's, after loading
    search: dict[str, int] = field(default_factory=dict)

    @property
    def loaded(self) -> list[Province]:
        return [p for p in self.provinces if p.loaded]

    @property
    def missing(self) -> list[Province]:
        return [p for p in self.provinces if not p.loaded]


def build(given: list[str], out: Path, work: Path, search_url: str = "") -> Result:
    """Read ``given`` sources and write the national site into ``out`` (replaced only when complete); the
    row store is ``work/national.duckdb``."""
    timings = {"read": 0.0, "validate": 0.0, "load": 0.0}
    work.mkdir(parents=True, exist_ok=True)
    db = store.connect(work / "national.duckdb")
    try:  # closed on every path: an open DuckDB connection at exit is reported as a leak
        provinces = []
        for text in given:
            province = Province(text)
            provinces.append(province)
            _load_one(db, province, work, {p.slug for p in provinces if p is not province}, timings)
        result = Result(provinces, timings, store.memory(db))
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))  # renamed into place when complete
        try:
            started = time.perf_counter()
            render.write_site(result, db, staging, search_url)
            timings["render"] = time.perf_counter() - started
            started = time.perf_counter()
            result.search = search.build(db, staging)
            timings["search_index"] = time.perf_counter() - started
            if out.exists():
                shutil.rmtree(out)
            staging.rename(out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    finally:
        db.close()
    return result


def _load_one(db, province: Province, work: Path, taken: set[str], timings: dict[str, float]) -> None:
    """Fill ``province`` from its source, loading its rows, or record why it is missing."""
    started = time.perf_counter()
    try:
        src = sources.source(province.given)
        package = sources.package_json(src)
        province.name = _name(package, src)
        province.slug = _unique(slugify(province.name) or "tinh", taken)
        province.homepage = package.get("homepage") or (src.root if src.remote else "")
        province.years = _years(package)
        for page in fig.figure_pages(province.years):
            fig.read_page(src.read(page).decode("utf-8"), page or "index.html", province.published)
        package_path = sources.local_package(src, package, work)
    except (sources.SourceError, fig.FigureError, UnicodeDecodeError) as exc:
        province.problems.append(str(exc))
        province.slug = province.slug or _unique(slugify(province.given)[-40:] or "tinh", taken)
        return
    finally:
        timings["read"] += time.perf_counter() - started
    started = time.perf_counter()
    province.problems += packages.problems(package_path)
    timings["validate"] += time.perf_counter() - started
    if province.problems:
        return
    started = time.perf_counter()
    try:
        province.rows = store.load(db, province.slug, province.name, province.homepage, package_path,
                                   province.published)
    except store.LoadError as exc:
        province.problems.append(str(exc))
    timings["load"] += time.perf_counter() - started


def _name(package: dict, src) -> str:
    title = str(package.get("title") or src.given)
    return re.sub(r"^Bảng Vàng\s+", "", title.removesuffix(TITLE_SUFFIX)).strip()


def _years(package: dict) -> list[int]:
    years = set()
    for resource in package["resources"]:
        paths = resource.get("path")
        for path in paths if isinstance(paths, list) else [paths]:
            head = str(path).split("/", 1)[0]
            if head.isdigit():
                years.add(int(head))
    return sorted(years)


def _unique(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
