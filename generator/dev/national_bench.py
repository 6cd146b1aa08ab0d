"""Benchmark of the national view: N synthetic provinces, built, validated, loaded, indexed and searched.

Building N whole province sites is far slower than what is measured here, so each province's *published
output* is synthesised directly, in the published format: the per-year gzip CSV and JSON files written by
``site/exports.py``'s own writers and columns, its ``datapackage.json`` from ``exports.datapackage``, and the
few pages whose figures the national view reads (with the keys of ``catalog/counts.py``; the figures are
the synthesised rows' own numbers). Then ``national.build.build`` runs as ``bangvang national`` does.

    python -m generator.dev.national_bench --provinces 34 --rows 2000
"""

from __future__ import annotations

import argparse
import gzip
import random
import resource
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from generator.dev.synthetic import BENCH_AUTHORITIES, PLACES, bench_name
from generator.national import search as national_search
from generator.national.build import build
from generator.site import exports, urls

FORMS = [("bang-khen-cap-tinh", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, thành phố", "ministry_province"),
         ("giay-khen-giam-doc-so", "Giấy khen của Giám đốc sở", "grassroots"),
         ("giay-khen-chu-tich-ubnd-xa", "Giấy khen của Chủ tịch Ủy ban nhân dân xã", "grassroots")]
ROWS_PER_DECISION = 10
YEARS = (2024, 2025)
QUERIES = ["nguyen van anh", "Trần Thị Hương", "Đặng", "truong tieu hoc tan phu", "le duc", "Phạm Thị Lan",
           "giay khen", "hoang minh", "vo thi thu", "bui", "Bùi Bích Cường", "nguyen", "Nguyễn Thị Hư*"]


def _page(figures: dict[str, int], shares: list[tuple[str, str]] = ()) -> str:
    spans = "".join(f'<span data-bv-figure="{k}">{v}</span>' for k, v in figures.items())
    for key, of in shares:
        spans += (f'<dl><dt>{of}</dt><dd><span data-bv-share="{key}">–</span> <span class="bv-share-of">của '
                  f'<span data-bv-figure="{key.split("/")[1]}">{figures[key.split("/")[1]]}</span> {of}</span></dd></dl>')
    return f"<!doctype html><html lang=vi><body>{spans}</body></html>"


def write_province(root: Path, index: int, rows: int) -> int:
    """One province's published output with ``rows`` recipient lines over ``YEARS``; returns lines written."""
    rng = random.Random(index)
    name = f"tỉnh Thử Nghiệm {index:02d}"
    base = f"https://bangvang-{index:02d}.example/"
    per_year = rows // len(YEARS)
    decisions_by_year, lines_by_year, figures = {}, {}, {}
    women, forms_count = {}, {}
    for year in YEARS:
        decisions, lines = [], []
        for d in range(max(1, per_year // ROWS_PER_DECISION)):
            form_id, form, level = FORMS[d % len(FORMS)]
            aid, authority, *_ = BENCH_AUTHORITIES[d % len(BENCH_AUTHORITIES)]
            slug = f"{d + 1}-qd-{aid}"
            decision_id = f"{year}/{slug}"
            count = min(ROWS_PER_DECISION, per_year - len(lines)) if d < per_year // ROWS_PER_DECISION - 1 else \
                per_year - len(lines)
            date = f"{year}-{1 + d % 12:02d}-{1 + d % 28:02d}"
            decisions.append({
                "decision_id": decision_id, "url": base + urls.decision(year, slug), "number": f"{d + 1}/QĐ",
                "date": date, "date_kind": "signed", "date_precision": "day", "year": year, "authority_id": aid,
                "authority": authority, "title": "Về việc tặng thưởng", "award_form_id": form_id, "award_form": form,
                "level": level, "method": "regular", "reason": "Thành tích xuất sắc", "legal_basis": "",
                "status": "in_force", "recipients": count, "declared_total": count})
            for n in range(count):
                person, gender = bench_name(rng)
                women[year] = women.get(year, 0) + (gender == "female")
                lines.append({
                    "decision_id": decision_id, "decision_number": f"{d + 1}/QĐ", "date": date, "year": year,
                    "recipient_id": f"r{n + 1}", "url": base + urls.recipient_link(year, slug, f"r{n + 1}"),
                    "number": n + 1, "kind": "individual", "name": person, "position": "Giáo viên",
                    "unit": f"Trường Tiểu học {rng.choice(PLACES)}", "category": "direct_worker", "gender": gender,
                    "enterprise": False, "achievement": f"Hoàn thành xuất sắc nhiệm vụ năm {year}",
                    "award_form_id": form_id, "award_form": form, "authority_id": aid, "authority": authority,
                    "revoked": False})
            forms_count[(year, form_id)] = forms_count.get((year, form_id), 0) + count
        decisions_by_year[year], lines_by_year[year] = decisions, lines
    site = root / f"tinh-{index:02d}"
    for year in YEARS:
        for kind, items, columns in (("quyet-dinh", decisions_by_year[year], exports.DECISION_COLUMNS),
                                     ("nguoi-nhan", lines_by_year[year], exports.RECIPIENT_COLUMNS)):
            for fmt in ("csv", "json"):
                path = site / exports.bulk_path(year, kind, fmt)
                path.parent.mkdir(parents=True, exist_ok=True)
                with gzip.open(path, "wb", compresslevel=6) as stream:
                    if fmt == "csv":
                        exports.write_csv(stream, items, columns)
                    else:
                        exports.write_json_list(stream, items)
    package = exports.datapackage({"name": "CC-BY-4.0"}, f"Bảng Vàng {name}", base, list(YEARS))
    (site / exports.DATA_DIR / "datapackage.json").write_bytes(exports.to_json(package))
    # the pages whose figures the national view reads, stating the synthesised rows' own numbers
    total = sum(len(v) for v in lines_by_year.values())
    pages = {"": {"all.decisions": sum(len(v) for v in decisions_by_year.values()), "all.awards": total,
                  "all.awards.individual": total},
             "quyet-dinh/": {f"year.{y}.{k}": len(v) for y in YEARS
                             for k, v in (("decisions", decisions_by_year[y]), ("awards", lines_by_year[y]))},
             "hinh-thuc-khen-thuong/": {f"form.{f}.awards": sum(forms_count.get((y, f), 0) for y in YEARS)
                                        for f, *_ in FORMS},
             "ve-du-lieu/": {"all.decisions_revoked": 0, "all.awards_revoked": 0}}
    for scope, years in [("tat-ca", YEARS), *((str(y), (y,)) for y in YEARS)]:
        count = sum(len(lines_by_year[y]) for y in years)
        female = sum(women.get(y, 0) for y in years)
        figures = {f"stats.{scope}.total": count, f"stats.{scope}.gender.female": female,
                   f"stats.{scope}.gender.male": count - female, f"stats.{scope}.gender.total": count}
        share = (f"stats.{scope}.gender.female/stats.{scope}.gender.total", "lượt khen cá nhân có tên trong danh sách")
        pages[urls.statistics(scope)] = (figures, [share])
    for path, content in pages.items():
        figures_, shares = content if isinstance(content, tuple) else (content, [])
        target = site / path / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_page(figures_, shares), encoding="utf-8")
    return total


def run(provinces: int, rows: int, keep: Path | None = None) -> dict:
    """Synthesise, build, search; return the measurements."""
    root = Path(tempfile.mkdtemp(prefix="national-bench-")) if keep is None else keep
    started = time.perf_counter()
    written = sum(write_province(root, i + 1, rows) for i in range(provinces))
    synthesis = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    result = build([str(root / f"tinh-{i + 1:02d}") for i in range(provinces)], root / "out", root / "work")
    total, cpu = time.perf_counter() - started, time.process_time() - cpu
    assert not result.missing, [p.problems for p in result.missing]
    db = sqlite3.connect(root / "out" / national_search.DB_NAME)
    latencies = []
    for _ in range(3):
        for query in QUERIES:
            t = time.perf_counter()
            national_search.search(db, query)
            latencies.append((time.perf_counter() - t) * 1000)
    out = {"provinces": provinces, "rows": written, "synthesis_s": synthesis, "build_s": total, "build_cpu_s": cpu, **result.timings,
           **{f"store_{k}": v for k, v in result.memory.items()}, "search_db_bytes": result.search["bytes"],
           "search_p50_ms": statistics.median(latencies), "search_max_ms": max(latencies),
           "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}
    if keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return out


def search_at_scale(rows: int, keep: Path | None = None) -> dict:
    """Search latency over ``rows`` synthetic lines written straight into the search database (the national
    build's last step), for the full national scale without building the rest. With ``keep``, the database
    is kept there and a database already there is queried again, not rebuilt."""
    rng = random.Random(1)
    root = keep or Path(tempfile.mkdtemp(prefix="national-search-"))
    root.mkdir(parents=True, exist_ok=True)

    def batches():
        for start in range(0, rows, national_search.BATCH):
            batch = []
            for i in range(start, min(rows, start + national_search.BATCH)):
                person, _ = bench_name(rng)
                province = i * 34 // rows + 1
                batch.append((f"tỉnh Thử Nghiệm {province:02d}", f"tinh-{province:02d}", person, "Giáo viên",
                               f"Trường Tiểu học {PLACES[i % len(PLACES)]} {i % 7 + 1}", FORMS[i % 3][1], f"{i // 10}/QĐ",
                               "2025-01-01", 2025, f"https://bangvang-{province:02d}.example/quyet-dinh/2025/{i // 10}-qd/#r{i % 10}"))
            yield batch

    started, cpu = time.perf_counter(), time.process_time()
    if keep and (root / national_search.DB_NAME).exists():
        written = sqlite3.connect(root / national_search.DB_NAME).execute("SELECT max(rowid) FROM khen_thuong").fetchone()[0]
    else:
        written = national_search.write(root / national_search.DB_NAME, batches())
    built, cpu = time.perf_counter() - started, time.process_time() - cpu
    db = sqlite3.connect(root / national_search.DB_NAME)
    latencies = {}
    for query in QUERIES:
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            national_search.search(db, query)
            runs.append((time.perf_counter() - t) * 1000)
        latencies[query] = statistics.median(runs)
    through = datasette_latencies(root)
    size = (root / national_search.DB_NAME).stat().st_size
    if keep is None:
        shutil.rmtree(root, ignore_errors=True)
    return {"search_rows": written, "search_build_s": built, "search_build_cpu_s": cpu, "search_db_bytes": size,
            "search_p50_ms": statistics.median(latencies.values()), "search_worst_ms": max(latencies.values()),
            "search_worst_query": max(latencies, key=latencies.get),
            **{f"ms «{q}»": round(ms, 2) for q, ms in latencies.items()},
            **{f"Datasette ms «{q}»": round(ms, 2) for q, ms in through.items()}}


def datasette_latencies(root: Path) -> dict[str, float]:
    """The canned query through Datasette (its ASGI client: routing, the fold plugin, JSON; no network),
    median of three per query, after one warm-up request."""
    import asyncio
    import json

    from datasette.app import Datasette

    national_search.write_datasette_files(root)
    ds = Datasette([str(root / national_search.DB_NAME)], metadata=json.loads((root / "datasette.json").read_text()),
                   plugins_dir=str(root / "plugins"))

    async def measure() -> dict[str, float]:
        await ds.client.get("/tim-kiem/tim_kiem.json?q=warm")
        out = {}
        for query in QUERIES:
            runs = []
            for _ in range(3):
                t = time.perf_counter()
                response = await ds.client.get("/tim-kiem/tim_kiem.json", params={"q": query, "_shape": "array"})
                runs.append((time.perf_counter() - t) * 1000)
                assert response.status_code == 200, response.text[:300]
            out[query] = statistics.median(runs)
        return out

    return asyncio.run(measure())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--rows", type=int, default=2000, help="recipient lines per province")
    parser.add_argument("--search-rows", type=int, default=0,
                        help="measure only search latency, over this many lines written straight into the index")
    parser.add_argument("--keep", type=Path, help="with --search-rows: keep (and reuse) the search database here")
    args = parser.parse_args(argv)
    m = search_at_scale(args.search_rows, args.keep) if args.search_rows else run(args.provinces, args.rows)
    for key, value in m.items():
        print(f"{key:>22}: {value:,.3f}" if isinstance(value, float) else
              f"{key:>22}: {value:,}" if isinstance(value, int) else f"{key:>22}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
