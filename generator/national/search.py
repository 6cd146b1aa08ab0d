"""National search: every loaded recipient line in SQLite with an FTS5 index over a folded column, for
Datasette to serve (``datasette tim-kiem.db --metadata datasette.json --plugins-dir plugins``).

SQLite's ``unicode61`` tokenizer strips most diacritics but keeps đ, so the indexed text is folded by
``generator.text.fold`` (the one fold of the province sites' search too) and so is every query
(``match_query``, registered in Datasette as the SQL function ``fold_query``)."""

from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from generator.text import fold

DB_NAME = "tim-kiem.db"
TABLE = "khen_thuong"
BATCH = 20_000
LIMIT = 50
_TOKEN = re.compile(r"[a-z0-9]+")
_fold = lru_cache(maxsize=100_000)(fold)  # names, units and forms repeat: each folded once

CANNED_SQL = (f"SELECT k.tinh, k.name, k.position, k.unit, k.award_form, k.decision_number, k.date, k.url "
              f"FROM {TABLE}_fts f JOIN {TABLE} k ON k.rowid = f.rowid "
              f"WHERE {TABLE}_fts MATCH fold_query(:q) ORDER BY f.rowid LIMIT {LIMIT}")

PLUGIN = '''"""Datasette plugin of the national view: the query fold of generator.national.search."""
from datasette import hookimpl

from generator.national.search import match_query


@hookimpl
def prepare_connection(conn):
    conn.create_function("fold_query", 1, match_query, deterministic=True)
'''


def match_query(text: str | None) -> str:
    """An FTS5 query from what a person typed: folded, every word required as a whole word ("Nguyễn Văn Đ" →
    ``"nguyen" "van" "d"``); a last word ending in ``*`` is a prefix ("Hươ*" → ``"huo"*``). Whole words by
    default: a prefix has to merge the lists of every word it starts, which at millions of rows is the slow
    query. Nothing searchable gives a query that matches nothing."""
    words = _TOKEN.findall(fold(text or ""))
    if not words:
        return '""'
    star = "*" if (text or "").rstrip().endswith("*") else ""
    return " ".join([*(f'"{w}"' for w in words[:-1]), f'"{words[-1]}"{star}'])


def build(duck, out_dir: Path) -> dict[str, int]:
    """Write the search database and Datasette's metadata and plugin into ``out_dir``; return its row count
    and size."""
    cursor = duck.execute("SELECT t.name, r.province, r.name, r.position, r.unit, r.award_form, r.decision_number, "
                          "CAST(r.date AS VARCHAR), r.year, r.url "
                          "FROM nguoi_nhan r JOIN tinh t USING (province) ORDER BY r.province, r.year, r.url")
    rows = write(out_dir / DB_NAME, iter(lambda: cursor.fetchmany(BATCH), []))
    write_datasette_files(out_dir)
    return {"rows": rows, "bytes": (out_dir / DB_NAME).stat().st_size}


def write(path: Path, batches: Iterable[list[tuple]]) -> int:
    """A new search database at ``path`` from batches of rows (tinh, province, name, position, unit,
    award_form, decision_number, date, year, url); returns the row count. The folded text indexed is
    the name, position, unit, award form, decision number and province name (the achievement, long and
    repetitive, is left out: it would double the index)."""
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.execute(f"CREATE TABLE {TABLE} (tinh TEXT, province TEXT, name TEXT, position TEXT, unit TEXT, "
               f"award_form TEXT, decision_number TEXT, date TEXT, year INTEGER, url TEXT)")
    db.execute(f"CREATE VIRTUAL TABLE {TABLE}_fts USING fts5(folded, content='', tokenize='unicode61', "
               f"detail='column')")
    rows = 0
    for batch in batches:
        db.executemany(f"INSERT INTO {TABLE} VALUES (?,?,?,?,?,?,?,?,?,?)", batch)
        db.executemany(f"INSERT INTO {TABLE}_fts (rowid, folded) VALUES (?, ?)",
                       ((rows + 1 + i, " ".join(_fold(v) for v in (r[2], r[3], r[4], r[5], r[6], r[0]) if v))
                        for i, r in enumerate(batch)))
        rows += len(batch)
    db.execute(f"INSERT INTO {TABLE}_fts ({TABLE}_fts) VALUES ('optimize')")
    db.commit()
    db.close()
    return rows


def write_datasette_files(out_dir: Path) -> None:
    """Datasette's metadata (``datasette.json``) and the fold plugin (``plugins/bangvang_fold.py``)."""
    (out_dir / "datasette.json").write_text(json.dumps(metadata(), ensure_ascii=False, indent=1), encoding="utf-8")
    (out_dir / "plugins").mkdir(exist_ok=True)
    (out_dir / "plugins" / "bangvang_fold.py").write_text(PLUGIN, encoding="utf-8")


def metadata() -> dict:
    """Datasette metadata: the one canned query people use, titled in Vietnamese."""
    return {"title": "Bảng Vàng toàn quốc — tìm kiếm",
            "databases": {"tim-kiem": {"queries": {"tim_kiem": {
                "title": "Tìm người, tập thể được khen thưởng trên cả nước", "sql": CANNED_SQL}}}}}


def search(db: sqlite3.Connection, text: str, limit: int = LIMIT) -> list[tuple]:
    """The canned query run directly (for the test and the benchmark): rows of (province name, name, position,
    unit, award form, decision number, date, url)."""
    sql = CANNED_SQL.replace("fold_query(:q)", ":q").replace(f"LIMIT {LIMIT}", f"LIMIT {int(limit)}")
    return db.execute(sql, {"q": match_query(text)}).fetchall()
