"""Benchmark: a synthetic province of N years, built and searched as a user would.

    python -m generator.dev.bench --years 10          # or: make bench YEARS=10

Prints (and writes to ``<out>/bench.json``): cold build time and peak memory, rebuild time after
adding one decision, HTML size of decision pages, total site size, and for five queries the bytes a
browser downloads (gzip, as a static host serves them) and the time from the last keystroke to the
first rendered result in headless Chromium. A benchmark, not a test: nothing here asserts a target.
"""

from __future__ import annotations

import argparse
import collections
import functools
import gzip
import http.server
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from generator.dev.synthetic import write_province

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _build(project: Path) -> tuple[float, int, str]:
    """Run the real CLI build; return (seconds, peak RSS in MB of the build process, output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "BANGVANG_TODAY": "2030-01-01"})
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-3000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) // 1024, result.stdout


def _project(out: Path, years: int, scale: float = 1.0) -> tuple[Path, dict]:
    project = out / f"province-{years}y"
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    for name in ("content", "site_templates"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    counts = write_province(project / "data", years, decisions_per_year=max(1, int(2000 * scale)),
                            rows_per_year=max(1, int(20_000 * scale)), profiles_per_year=max(1, int(200 * scale)))
    return project, counts


def _add_one_decision(project: Path) -> None:
    year_dir = sorted((project / "data" / "decisions").iterdir())[-1]
    (year_dir / "99999-qd-ubnd-moi.yaml").write_text(
        'number: "99999/QĐ-UBND"\ndate: ' + year_dir.name + '-12-30\nauthority: ubnd-tinh\n'
        'award_form: bang-khen-cap-tinh\nmethod: ad_hoc\nreason: "Thành tích đột xuất"\nrecipients:\n'
        '  - kind: individual\n    name: "Phan Thị Mới"\n    unit: dv-0001\n    category: direct_worker\n',
        encoding="utf-8")


def _queries(project: Path) -> list[tuple[str, str]]:
    """The fixed query set, drawn from the generated data."""
    names = collections.Counter()
    first_decision = None
    for path in sorted((project / "data" / "decisions").rglob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith('    name: "'):
                names[line[11:-1]] += 1
            elif first_decision is None and line.startswith('number: "'):
                first_decision = line[9:-1]
    rare = next(n for n, k in sorted(names.items()) if k == 1)
    common = names.most_common(1)[0][0]
    unit = "Trường Tiểu học Tân Phú"
    return [("tên hiếm", rare), ("họ phổ biến", "nguyen"), ("họ tên phổ biến", common),
            ("số quyết định", first_decision), ("đơn vị", unit)]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _measure_queries(site: Path, queries: list[tuple[str, str]]) -> list[dict]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/tim-kiem/"
    rows = []
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for label, query in queries:
                best = None
                for _ in range(2):  # the second run has a warm server (and a cold browser cache)
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(base)
                    page.wait_for_load_state("networkidle")
                    fetched: list[str] = []
                    page.on("requestfinished", lambda r: fetched.append(r.url))
                    elapsed = page.evaluate("""q => new Promise(resolve => {
                        const list = document.getElementById('bv-results');
                        const input = document.getElementById('bv-q');
                        const t0 = performance.now();
                        const obs = new MutationObserver(() => {
                          if (list.children.length) { obs.disconnect(); resolve(performance.now() - t0); }
                        });
                        obs.observe(list, {childList: true});
                        input.value = q;
                        input.dispatchEvent(new Event('input', {bubbles: true}));
                        setTimeout(() => resolve(-1), 30000);
                    })""", query)
                    page.wait_for_load_state("networkidle")
                    status = page.inner_text("#bv-status")
                    context.close()
                    gz = sum(len(gzip.compress((site / u.split("://", 1)[1].split("/", 1)[1].split("?")[0]).read_bytes(), 6))
                             for u in set(fetched))
                    raw = sum((site / u.split("://", 1)[1].split("/", 1)[1].split("?")[0]).stat().st_size for u in set(fetched))
                    best = {"query": label, "text": query, "ms": round(elapsed), "kb_gzip": round(gz / 1024, 1),
                            "kb_raw": round(raw / 1024, 1), "files": len(set(fetched)), "status": status}
                rows.append(best)
            browser.close()
    finally:
        httpd.shutdown()
    return rows


def _site_figures(site: Path) -> dict:
    files = [p for p in site.rglob("*") if p.is_file()]
    decision_pages = [p for p in (site / "quyet-dinh").glob("*/*/index.html")]
    sizes = [p.stat().st_size for p in decision_pages]
    return {"files": len(files), "mb": round(sum(p.stat().st_size for p in files) / 1e6, 1),
            "pages": sum(1 for p in files if p.name == "index.html"),
            "decision_html_kb_median": round(statistics.median(sizes) / 1024, 1),
            "decision_html_kb_max": round(max(sizes) / 1024, 1),
            "search_index_mb": round(sum(p.stat().st_size for p in (site / "tim-kiem").rglob("*") if p.is_file()) / 1e6, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.dev.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, nargs="+", default=[1])
    parser.add_argument("--out", default=".bench")
    parser.add_argument("--no-browser", action="store_true", help="skip the query measurements")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the realistic yearly volume (CI proves the benchmark works with 0.01)")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    results = []
    for years in args.years:
        project, counts = _project(out, years, args.scale)
        cold, peak, _ = _build(project)
        _add_one_decision(project)
        rebuild, rebuild_peak, _ = _build(project)
        row = {"years": years, **counts, "cold_s": round(cold, 1), "peak_mb": peak, "rebuild_s": round(rebuild, 1),
               **_site_figures(project / "site")}
        if not args.no_browser:
            row["queries"] = _measure_queries(project / "site", _queries(project))
        results.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    (out / "bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print()
    print(report(results))
    return 0


def report(results: list[dict]) -> str:
    """The results as Markdown tables (the docs carry a copy)."""
    lines = ["| năm | quyết định | lượt khen | hồ sơ | trang | build lạnh (s) | RAM đỉnh (MB) | build lại +1 QĐ (s) "
             "| HTML trang QĐ trung vị / lớn nhất (KB) | cả trang (MB) | chỉ mục tìm kiếm (MB) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['years']} | {r['decisions']} | {r['recipients']} | {r['profiles']} | {r['pages']} | {r['cold_s']} "
                     f"| {r['peak_mb']} | {r['rebuild_s']} | {r['decision_html_kb_median']} / {r['decision_html_kb_max']} "
                     f"| {r['mb']} | {r['search_index_mb']} |")
    if any("queries" in r for r in results):
        lines += ["", "| năm | truy vấn | chuỗi | kết quả đầu (ms) | tải về gzip (KB) | tệp |", "|---:|---|---|---:|---:|---:|"]
        for r in results:
            for q in r.get("queries", []):
                lines.append(f"| {r['years']} | {q['query']} | `{q['text']}` | {q['ms']} | {q['kb_gzip']} | {q['files']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
