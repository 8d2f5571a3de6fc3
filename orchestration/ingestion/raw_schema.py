"""The raw tables' DDL, read from the dbt sources file that documents them (one metadata source).

Writing an edition is idempotent: within one transaction, every raw table loses that edition's rows
and receives the new ones. A failure anywhere rolls the whole edition back.
"""
from __future__ import annotations

from functools import lru_cache

import duckdb
import pandas as pd

from .. import yaml_io
from ..settings import DBT_PROJECT_DIR

SOURCES_FILE = DBT_PROJECT_DIR / "models" / "staging" / "_sources.yml"
RAW_SCHEMA = "raw"


class RawSchemaError(RuntimeError):
    """The pipeline produced a frame that does not fit its raw table: a bug, not bad input."""


@lru_cache(maxsize=1)
def _raw_source() -> dict:
    """Read once per process, so the asset specs and the DDL always agree."""
    doc = yaml_io.safe_load(SOURCES_FILE.read_text(encoding="utf-8"))
    (raw,) = [s for s in doc["sources"] if s.get("schema") == RAW_SCHEMA]
    return raw


def raw_tables() -> dict[str, tuple[tuple[str, str], ...]]:
    """{table: ((column, duckdb type), ...)} in the documented order."""
    return {t["name"]: tuple((c["name"], c["data_type"]) for c in t["columns"]) for t in _raw_source()["tables"]}


def raw_table_descriptions() -> dict[str, str]:
    return {t["name"]: t.get("description", "") for t in _raw_source()["tables"]}


def ensure_raw_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create the raw tables, and add to a warehouse built by an earlier version the columns documented
    since (null until its editions are ingested again: every build ingests them)."""
    con.execute(f"create schema if not exists {RAW_SCHEMA}")
    present: dict[str, set[str]] = {}
    for table, column in con.execute("select table_name, column_name from information_schema.columns "
                                     "where table_schema = ?", [RAW_SCHEMA]).fetchall():
        present.setdefault(table, set()).add(column)
    for table, columns in raw_tables().items():
        if table not in present:
            cols = ", ".join(f'"{name}" {dtype}' for name, dtype in columns)
            con.execute(f"create table if not exists {RAW_SCHEMA}.{table} ({cols})")
            continue
        for name, dtype in columns:
            if name not in present[table]:
                con.execute(f'alter table {RAW_SCHEMA}.{table} add column "{name}" {dtype}')


def conform(table: str, frame: pd.DataFrame | None) -> pd.DataFrame:
    """Order the frame's columns as documented; a column nobody documented is a pipeline bug."""
    columns = [name for name, _ in raw_tables()[table]]
    if frame is None or frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    extra = sorted(set(frame.columns) - set(columns))
    if extra:
        raise RawSchemaError(f"raw.{table}: columns {extra} are not documented in {SOURCES_FILE.name}")
    return frame.reindex(columns=columns)


def replace_edition_rows(con: duckdb.DuckDBPyConnection, edition_year: int,
                         frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Delete the edition's rows from every raw table and insert the new ones, in one transaction."""
    unknown = sorted(set(frames) - set(raw_tables()))
    if unknown:
        raise RawSchemaError(f"no raw table for {unknown}: document it in {SOURCES_FILE.name}")
    ensure_raw_tables(con)
    counts: dict[str, int] = {}
    con.execute("begin transaction")
    try:
        for table, columns in raw_tables().items():
            con.execute(f"delete from {RAW_SCHEMA}.{table} where edition_year = ?", [edition_year])
            frame = conform(table, frames.get(table))
            counts[table] = len(frame)
            if len(frame):
                con.register("_edition_rows", frame)
                casts = ", ".join(f'cast("{n}" as {t}) as "{n}"' for n, t in columns)
                con.execute(f"insert into {RAW_SCHEMA}.{table} select {casts} from _edition_rows")
                con.unregister("_edition_rows")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return counts
