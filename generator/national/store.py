"""The row store: every loaded site's decisions and recipient lines in one DuckDB database.

A site is loaded in one transaction and checked against its own published figures before it is committed:
a package that does not load whole, or that disagrees with the site's pages, leaves nothing behind.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from generator.site.exports import DECISION_COLUMNS, RECIPIENT_COLUMNS, Column

TABLES = {"quyet-dinh": ("quyet_dinh", DECISION_COLUMNS), "nguoi-nhan": ("nguoi_nhan", RECIPIENT_COLUMNS)}
_SQL_TYPES = {"integer": "BIGINT", "date": "DATE", "string": "VARCHAR", "boolean": "VARCHAR"}


class LoadError(Exception):
    """A package that passed validation but could not be loaded whole, or disagrees with its pages."""


def column_names(columns: list[Column]) -> list[str]:
    """SQL names: the JSON key; a second column of the same key (its Vietnamese label) gets ``_nhan``."""
    seen: set[str] = set()
    out = []
    for c in columns:
        out.append(c.key + "_nhan" if c.key in seen else c.key)
        seen.add(c.key)
    return out


def _sql_type(column: Column) -> str:
    return "VARCHAR" if column.shown else _SQL_TYPES[column.type]


def connect(path: Path | str = ":memory:") -> duckdb.DuckDBPyConnection:
    """A store with empty tables (an existing file is started anew)."""
    if str(path) != ":memory:":
        Path(path).unlink(missing_ok=True)
        Path(f"{path}.wal").unlink(missing_ok=True)  # left by a build that was killed
    db = duckdb.connect(str(path))
    db.execute("CREATE TABLE tinh (province VARCHAR PRIMARY KEY, name VARCHAR, homepage VARCHAR)")
    for table, columns in TABLES.values():
        cols = ", ".join(f"{n} {_sql_type(c)}" for n, c in zip(column_names(columns), columns))
        db.execute(f"CREATE TABLE {table} (province VARCHAR, {cols})")
    return db


def load(db, province: str, name: str, homepage: str, package_path: Path, figures) -> dict[str, int]:
    """Load one validated package; return its row counts by table. ``figures`` (a ``Published``) are the
    site's own figures, which the rows must agree with."""
    package = json.loads(package_path.read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    db.execute("BEGIN TRANSACTION")
    try:
        db.execute("INSERT INTO tinh VALUES (?, ?, ?)", [province, name, homepage])
        for resource_name, (table, columns) in TABLES.items():
            paths = resources[resource_name]["path"]
            files = [str(package_path.parent / p) for p in (paths if isinstance(paths, list) else [paths])]
            names = column_names(columns)
            select = ", ".join(_cast(n, c) for n, c in zip(names, columns))
            db.execute(f"INSERT INTO {table} SELECT ?, {select} FROM read_csv(?, header = true, all_varchar = true, "
                       f"names = ?, compression = 'gzip', union_by_name = false)", [province, files, names])
        _check_against_pages(db, province, figures)
    except (duckdb.Error, LoadError) as exc:
        db.execute("ROLLBACK")
        raise LoadError(str(exc).splitlines()[0]) from exc
    db.execute("COMMIT")
    return {table: db.execute(f"SELECT count(*) FROM {table} WHERE province = ?", [province]).fetchone()[0]
            for table, _ in TABLES.values()}


def _cast(name: str, column: Column) -> str:
    sql_type = _sql_type(column)
    return f"CAST(NULLIF({name}, '') AS {sql_type})" if sql_type != "VARCHAR" else name


def _check_against_pages(db, province: str, figures) -> None:
    """Each year's decisions in the package are the decisions the site's pages count (in force and revoked),
    and each year's recipient lines are the lines its decisions list."""
    rows = db.execute(
        "SELECT d.year, d.n, d.lines, coalesce(r.n, 0) FROM (SELECT year, count(*) n, sum(recipients) lines "
        "FROM quyet_dinh WHERE province = $p GROUP BY year) d LEFT JOIN (SELECT year, count(*) n FROM nguoi_nhan "
        "WHERE province = $p GROUP BY year) r USING (year) ORDER BY d.year", {"p": province}).fetchall()
    for year, decisions, lines, loaded in rows:
        published = figures.get(f"year.{year}.decisions") + figures.get(f"year.{year}.decisions_revoked")
        if decisions != published:
            raise LoadError(f"năm {year}: gói dữ liệu có {decisions} quyết định, trang của tỉnh công bố {published}")
        if lines != loaded:
            raise LoadError(f"năm {year}: các quyết định nêu {lines} dòng, tệp người nhận có {loaded} dòng")


def memory(db) -> dict[str, int]:
    """What the store holds: bytes in DuckDB's memory (its buffer manager) and on disk, and its rows."""
    in_memory = db.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()").fetchone()[0]
    db.execute("CHECKPOINT")
    blocks = db.execute("SELECT total_blocks * block_size FROM pragma_database_size()").fetchone()[0]
    rows = db.execute("SELECT count(*) FROM nguoi_nhan").fetchone()[0]
    return {"memory_bytes": int(in_memory), "file_bytes": int(blocks or 0), "rows": int(rows)}
