"""Benchmark: a synthetic province of N years, built and searched as a user would.

    python -m generator.dev.bench --years 10          # or: make bench YEARS=10

Prints (and writes to ``<out>/bench.json``): a cold build (``--full``), then incremental builds after adding
one decision, correcting one name and renaming one unit of the registry (seconds and files written each), the
peak proportional memory (PSS) of the whole process tree, HTML size of decision pages, total site size and
file count, and for sixteen queries — pasted,
and typed key by key 150 ms apart; on a fast network and under Chromium's Slow 4G emulation (150 ms
latency, 1.6 Mbps) — the bytes a browser downloads for the whole query from a gzip-serving HTTP/1.1
host, the number of files, and the time from the last keystroke to the first rendered result in
headless Chromium (a cold browser cache each time). ``--reuse`` measures an already built project
again (for instance one built by an earlier version). A search still busy after SEARCH_LIMIT_MS is
reported as unfinished, with the requests still open then, and the run goes on. A benchmark, not a test:
nothing asserts a target.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import http.server
import json
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from generator.dev import anchors
from generator.dev.synthetic import write_province
from generator.text import fold

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _tree_pss_kb(root_pid: int) -> int:
    """Proportional set size of a process and all its descendants (Linux ``smaps_rollup``), in KiB: shared
    pages counted once across the tree, so forked writers are not counted twice."""
    children: dict[int, list[int]] = collections.defaultdict(list)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            children[int(stat.rsplit(")", 1)[1].split()[1])].append(int(entry))
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def _build(project: Path, *args: str) -> tuple[float, int, str]:
    """Run the real CLI build; return (seconds, peak PSS in MB of the whole process tree, output)."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", "--timings", *args], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "BANGVANG_TODAY": "2030-01-01", "PYTHONPATH": str(ROOT)})
    peak = 0
    sampler_done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not sampler_done.wait(0.25):
            peak = max(peak, _tree_pss_kb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    sampler_done.set()
    sampler.join()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"build failed:\n{stderr[-3000:]}")
    return seconds, peak // 1024, stdout + "".join(line + "\n" for line in stderr.splitlines()
                                                   if re.match(r"\s+[\d.]+ s  |\s+\d+    record pages rendered", line))


def _written(output: str) -> int:
    found = re.search(r"ghi (\d+) tệp", output)
    return int(found.group(1)) if found else -1


def _rendered(output: str) -> int:
    """How many record pages the build rendered (the others were kept: their inputs did not change)."""
    found = re.search(r"(\d+)    record pages rendered", output)
    return int(found.group(1)) if found else -1


def change_a_name(path: Path, indent: str, suffix: str, choose=lambda names: names[0]) -> str:
    """Append ``suffix`` to one ``name:`` written at ``indent`` in the YAML file at ``path`` (the first, or
    the one ``choose`` picks from all of them); return the name as it was. Used by the tests too."""
    text = path.read_text(encoding="utf-8")
    name = choose(re.findall(rf'^{indent}name: "([^"]+)"$', text, re.M))
    path.write_text(text.replace(f'{indent}name: "{name}"', f'{indent}name: "{name}{suffix}"', 1), encoding="utf-8")
    return name


def _correct_a_name(project: Path) -> None:
    """A correction: one recipient's name in an existing decision spelled differently."""
    change_a_name(sorted((sorted((project / "data" / "decisions").iterdir())[0]).glob("*.yaml"))[0], "    ", " Đính")


def _rename_a_unit(project: Path) -> None:
    """A registry change: one unit renamed (every page and file naming it changes)."""
    change_a_name(project / "data" / "registries" / "units.yaml", "  ", " (mới)")


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
    """The fixed set of 16 queries, some drawn from the generated data: names as people type them (with and
    without diacritics, whole or in part), a common surname, a rare name, decision numbers, a unit."""
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
    loose_number = " ".join(re.findall(r"[0-9A-Za-z]+", fold(first_decision)))  # "1/QĐ-S02" → "1 qd s02"
    return [("tên hiếm", rare), ("họ phổ biến", "nguyen"), ("họ tên phổ biến", common),
            ("số quyết định", first_decision), ("số quyết định gõ tắt", loose_number),
            ("đơn vị", "Trường Tiểu học Tân Phú"), ("họ và tên đệm", "nguyen thi"), ("họ và tên đệm", "nguyen van"),
            ("họ tên không dấu", "pham thi ngoc"), ("họ tên không dấu", "hoang thanh khoa"),
            ("họ tên không dấu", "tran hong loc"), ("họ tên có dấu", "Nguyễn Thị Hương"),
            ("họ tên có dấu", "Đặng Hữu Phúc"), ("tên riêng", "huong"), ("tên đệm và tên", "ngoc anh"),
            ("chức vụ và đơn vị", "bac si tram y te")]


COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".atom", ".csv"}


class _GzipServer(http.server.ThreadingHTTPServer):
    """A static host as sites are served: HTTP/1.1 (keep-alive, so Chromium opens at most six connections),
    gzip for text types; ``sent`` records (path, bytes of the body) of every response."""

    daemon_threads = True

    def __init__(self, site: Path):
        self.site = site
        self.sent: list[tuple[str, int]] = []
        self.gzipped: dict[Path, bytes] = {}
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _GzipHandler)

    def handle_error(self, request, client_address):
        """A browser that gives a request up closes its connection: not an error of the benchmark."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _GzipHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        server: _GzipServer = self.server  # type: ignore[assignment]
        rel = urllib.parse.unquote(self.path.split("?", 1)[0].split("#", 1)[0]).lstrip("/")
        path = (server.site / rel).resolve()
        if path.is_dir():
            path = path / "index.html"
        if server.site.resolve() not in path.parents or not path.is_file():
            body, kind, encoding = b"not found", "text/plain", None
            self.send_response(404)
        else:
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            body, encoding = path.read_bytes(), None
            if path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
                with server.lock:
                    if path not in server.gzipped:
                        server.gzipped[path] = gzip.compress(body, 6)
                body, encoding = server.gzipped[path], "gzip"
            self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            return
        with server.lock:
            server.sent.append((rel, len(body)))


# Chromium DevTools' network emulation, as in its "Slow 4G" preset: 150 ms latency, 1.6 Mbps down.
SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
KEY_GAP_MS = 150  # typing key by key
SEARCH_LIMIT_MS = 60_000  # a search still busy after this is reported as unfinished

_TYPE_AND_TIME = """async ([q, gap]) => {
    const root = document.querySelector('[data-bv-search]');
    const input = document.getElementById('bv-q');
    const list = document.getElementById('bv-results');
    const status = document.getElementById('bv-status');
    const want = '«' + q.trim() + '»';
    const done = () => status.textContent.includes(want) && (list.children.length > 0 || !/^Tìm thấy/.test(status.textContent));
    input.focus();
    let last = 0;
    for (let i = gap ? 1 : q.length; i <= q.length; i++) {
      input.value = q.slice(0, i);
      input.dispatchEvent(new Event('input', {bubbles: true}));
      last = performance.now();
      if (i < q.length) await new Promise(r => setTimeout(r, gap));
    }
    return await new Promise(resolve => {
      const obs = new MutationObserver(() => {
        if (done()) { obs.disconnect(); resolve(performance.now() - last); }
      });
      obs.observe(root, {childList: true, subtree: true, characterData: true});
      setTimeout(() => { obs.disconnect(); resolve(-1); }, 30000);
    });
}"""


def _wait_until_quiet(server: _GzipServer, quiet_s: float = 0.6, limit_s: float = 30.0) -> None:
    """Until the host has sent nothing for ``quiet_s`` seconds (Playwright's "networkidle" is reached once
    per page load and would not wait for downloads that start after the first result)."""
    deadline = time.monotonic() + limit_s
    count, since = len(server.sent), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        if len(server.sent) != count:
            count, since = len(server.sent), time.monotonic()
        elif time.monotonic() - since >= quiet_s:
            return


def _measure_once(browser, server: _GzipServer, base: str, query: str, typed: bool, slow: bool) -> dict:
    """One query in a fresh browser (cold cache): bytes and requests from the first keystroke until the
    network is idle, and ms from the last keystroke to the first result shown."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "tim-kiem/")
    page.wait_for_load_state("networkidle")
    if slow:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    aborted: list[str] = []
    open_requests: dict[object, str] = {}
    page.on("request", lambda r: open_requests.__setitem__(r, r.url))
    page.on("requestfinished", lambda r: open_requests.pop(r, None))
    page.on("requestfailed", lambda r: (aborted.append(r.url), open_requests.pop(r, None)))
    start = len(server.sent)
    elapsed = page.evaluate(_TYPE_AND_TIME, [query, KEY_GAP_MS if typed else 0])
    unfinished: list[str] | None = None
    try:
        page.wait_for_function("document.querySelector('[data-bv-search]').getAttribute('aria-busy') === null",
                               timeout=SEARCH_LIMIT_MS)
    except PlaywrightTimeoutError:  # reported, not fatal: the other measurements still stand
        unfinished = sorted(url.split("/tim-kiem/", 1)[-1] for url in open_requests.values())
    _wait_until_quiet(server)  # the rest of the query's downloads (the count, the rest of the first page)
    status = page.inner_text("#bv-status")
    context.close()
    sent = [(path, size) for path, size in server.sent[start:] if path.startswith("tim-kiem/")]  # not the favicon
    row = {"ms": round(elapsed), "kb_gzip": round(sum(b for _, b in sent) / 1024, 1), "files": len(sent),
           "aborted": len(aborted), "status": status}
    if unfinished is not None:
        row["unfinished"] = unfinished  # still busy after SEARCH_LIMIT_MS: the requests still open then
    return row


def _measure_queries(site: Path, queries: list[tuple[str, str]]) -> list[dict]:
    """Each query pasted and typed key by key, on a fast network and under Slow 4G, through a gzip host."""
    from playwright.sync_api import sync_playwright

    server = _GzipServer(site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for label, query in queries:
                pasted = _measure_once(browser, server, base, query, False, False)
                row = {"query": label, "text": query, **pasted,
                       "typed": _measure_once(browser, server, base, query, True, False),
                       "slow_pasted": _measure_once(browser, server, base, query, False, True),
                       "slow_typed": _measure_once(browser, server, base, query, True, True)}
                rows.append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)
            browser.close()
    finally:
        server.shutdown()
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
    parser.add_argument("--no-anchors", action="store_true",
                        help="skip the anchors (the same records as Markdown, built by MkDocs + Material and Hugo)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="cold builds of ours and of each anchor, interleaved (medians reported)")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the projects already built under --out again (no generation, no build)")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    results = []
    for years in args.years:
        project = out / f"province-{years}y"
        if args.reuse:
            row = json.loads((project / "bench-build.json").read_text(encoding="utf-8"))
        else:
            project, counts = _project(out, years, args.scale)
            row = {"years": years, **counts, "peak_mb": 0}
            colds = []
            if not args.no_anchors:
                markdown = out / f"markdown-{years}y"  # the records read once, as Markdown, for both anchors
                shutil.rmtree(markdown, ignore_errors=True)
                anchors.write_markdown(project / "data", markdown)
                anchors.prepare_mkdocs(markdown, out / f"mkdocs-{years}y")
                anchors.prepare_hugo(markdown, out / f"hugo-{years}y")
                mkdocs_s, hugo_s = [], []
            for _ in range(args.rounds):  # interleaved, so the ratios come from one run on one machine state
                cold, peak, output = _build(project, "--full")
                print(output, file=sys.stderr)
                colds.append(cold)
                row["peak_mb"] = max(row["peak_mb"], peak)
                if not args.no_anchors:
                    mkdocs_s.append(anchors.build_mkdocs(out / f"mkdocs-{years}y"))
                    hugo_s.append(anchors.build_hugo(out / f"hugo-{years}y"))
            row["cold_s"] = round(statistics.median(colds), 1)
            if not args.no_anchors:
                row.update({"mkdocs_s": round(statistics.median(mkdocs_s), 2),
                            "hugo_s": round(statistics.median(hugo_s), 3),
                            "mkdocs_pages": anchors.output_pages(out / f"mkdocs-{years}y", "site"),
                            "hugo_pages": anchors.output_pages(out / f"hugo-{years}y", "public")})
                row.update({"cold_vs_mkdocs": round(row["cold_s"] / row["mkdocs_s"], 2),
                            "cold_vs_hugo": round(row["cold_s"] / row["hugo_s"], 1)})
            for key, edit in (("rebuild", _add_one_decision), ("correction", _correct_a_name),
                              ("registry", _rename_a_unit)):
                edit(project)
                seconds, memory, output = _build(project)
                print(output, file=sys.stderr)
                row.update({f"{key}_s": round(seconds, 1), f"{key}_files": _written(output),
                            f"{key}_pages": _rendered(output)})
                row["peak_mb"] = max(row["peak_mb"], memory)
            row.update(_site_figures(project / "site"))
            (project / "bench-build.json").write_text(json.dumps(row, ensure_ascii=False), encoding="utf-8")
        if not args.no_browser:
            row["queries"] = _measure_queries(project / "site", _queries(project))
        results.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    (out / "bench.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print()
    print(report(results))
    return 0


def _change(row: dict, key: str) -> str:
    """«seconds · files written · pages rendered» of one change (rows of older runs lack the pages)."""
    return " · ".join(str(row[k]) for k in (f"{key}_s", f"{key}_files", f"{key}_pages") if k in row)


def report(results: list[dict]) -> str:
    """The results as Markdown tables (the docs carry a copy)."""
    lines = ["| năm | quyết định | lượt khen | trang | tệp | cả trang (MB) | build lạnh (s) "
             "| +1 QĐ (s · tệp ghi · trang dựng lại) | đính chính (s · tệp · trang) | đổi danh mục (s · tệp · trang) "
             "| PSS cả cây tiến trình (MB) "
             "| HTML trang QĐ trung vị / lớn nhất (KB) | chỉ mục tìm kiếm (MB) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['years']} | {r['decisions']} | {r['recipients']} | {r['pages']} | {r.get('files', '')} "
                     f"| {r['mb']} | {r['cold_s']} | {_change(r, 'rebuild')} | {_change(r, 'correction')} "
                     f"| {_change(r, 'registry')} | {r['peak_mb']} "
                     f"| {r['decision_html_kb_median']} / {r['decision_html_kb_max']} | {r['search_index_mb']} |")
    if any("mkdocs_s" in r for r in results):
        lines += ["", "Mốc so sánh: cùng bản ghi viết thành trang Markdown, xây dựng lạnh bằng MkDocs + Material và Hugo, "
                  "xen kẽ trong cùng một lần chạy (tỉ số = Bảng Vàng ÷ mốc; < 1 là nhanh hơn).", "",
                  "| năm | Bảng Vàng lạnh (s) | MkDocs + Material (s · trang) | Hugo (s · trang) "
                  "| tỉ số với MkDocs | tỉ số với Hugo |", "|---:|---:|---:|---:|---:|---:|"]
        for r in results:
            if "mkdocs_s" in r:
                lines.append(f"| {r['years']} | {r['cold_s']} | {r['mkdocs_s']} · {r['mkdocs_pages']} "
                             f"| {r['hugo_s']} · {r['hugo_pages']} | {r['cold_vs_mkdocs']} | {r['cold_vs_hugo']} |")
    if any("queries" in r for r in results):
        lines += ["", "Tìm kiếm: kết quả đầu tiên (ms sau phím cuối) · tải về (KB gzip, cả truy vấn) · số tệp; "
                  f"gõ từng phím cách {KEY_GAP_MS} ms; Slow 4G: trễ {SLOW_4G['latency']} ms, 1,6 Mbps.", "",
                  "| năm | truy vấn | chuỗi | dán | gõ từng phím | Slow 4G, dán | Slow 4G, gõ từng phím |",
                  "|---:|---|---|---|---|---|---|"]
        for r in results:
            for q in r.get("queries", []):
                cells = [f"{m['ms']} ms · {m['kb_gzip']} KB · {m['files']}"
                         + (f" · **chưa xong sau {SEARCH_LIMIT_MS // 1000} s**" if "unfinished" in m else "")
                         for m in (q, q["typed"], q["slow_pasted"], q["slow_typed"])]
                lines.append(f"| {r['years']} | {q['query']} | `{q['text']}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
