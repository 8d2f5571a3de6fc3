"""Parquet and CSV copies of every mart, for spreadsheet users and other tools (DuckDB writes both
natively: no pyarrow needed)."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

MART_SCHEMA = "marts"


def mart_tables(con: duckdb.DuckDBPyConnection, schema: str = MART_SCHEMA) -> list[str]:
    rows = con.execute(
        "select table_name from information_schema.tables where table_schema = ? order by table_name",
        [schema]).fetchall()
    return [r[0] for r in rows]


def export_marts(con: duckdb.DuckDBPyConnection, directory: Path) -> dict[str, int]:
    """Rewrite directory/ with <mart>.parquet and <mart>.csv for every mart; return row counts."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    counts = {}
    for table in mart_tables(con):
        # order by every column: the files are byte-identical across rebuilds of the same data
        order = ", ".join(str(i) for i in range(1, len(con.execute(
            f"select * from {MART_SCHEMA}.{table} limit 0").description) + 1))
        query = f"select * from {MART_SCHEMA}.{table} order by {order}"
        con.execute(f"copy ({query}) to '{directory / (table + '.parquet')}' (format parquet)")
        con.execute(f"copy ({query}) to '{directory / (table + '.csv')}' (format csv, header true)")
        counts[table] = con.execute(f"select count(*) from {MART_SCHEMA}.{table}").fetchone()[0]
    return counts
