"""The documented schema: which tables the warehouse holds, what each one and each column means.

Descriptions come from the dbt YAML, read through dbt's manifest (target/manifest.json): the build copies
the manifest it documented next to the dbt docs (warehouse/dbt_docs/manifest.json), so the descriptions
match the published file; the project's own target/manifest.json is the fallback. Types and row counts
come from the DuckDB file itself.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..settings import DBT_PROJECT_DIR

#: what `dcw tables` lists: the marts and the reference seeds (dimension lookups)
ANALYST_SCHEMAS = ("marts", "reference")
#: the order a bare table name is looked up in
SEARCH_ORDER = ("marts", "reference", "intermediate", "staging", "raw")
NO_DESCRIPTION = "(no description in the dbt YAML)"


@dataclass
class TableInfo:
    schema: str
    name: str
    kind: str  # table or view
    rows: int
    description: str


@dataclass
class ColumnInfo:
    name: str
    type: str
    description: str


@dataclass
class TableDescription:
    schema: str
    name: str
    kind: str
    rows: int
    description: str
    resource: str | None  # the dbt unique_id (model.…, seed.…, source.…), if dbt knows the table
    columns: list[ColumnInfo] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------- the manifest

def find_manifest(warehouse: Path | None = None, project_dir: Path = DBT_PROJECT_DIR) -> Path | None:
    """The manifest describing this warehouse: the one published beside it, else the dbt project's."""
    candidates = []
    if warehouse is not None:
        candidates.append(Path(warehouse).parent / "dbt_docs" / "manifest.json")
    candidates.append(Path(project_dir) / "target" / "manifest.json")
    return next((p for p in candidates if p.exists()), None)


def load_manifest(path: Path | None) -> dict[tuple[str, str], dict]:
    """(schema, relation name) -> {"description", "columns": {column: description}, "unique_id"} for every
    model, seed, snapshot and source the manifest knows. An absent or unreadable manifest gives {}."""
    if path is None or not Path(path).exists():
        return {}
    try:
        manifest = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    index: dict[tuple[str, str], dict] = {}
    nodes = list(manifest.get("nodes", {}).values()) + list(manifest.get("sources", {}).values())
    for node in nodes:
        if node.get("resource_type") not in ("model", "seed", "snapshot", "source"):
            continue
        relation = node.get("identifier") if node["resource_type"] == "source" else node.get("alias")
        relation = relation or node.get("name")
        index[(str(node.get("schema", "")).lower(), str(relation).lower())] = {
            "description": (node.get("description") or "").strip(),
            "columns": {str(name).lower(): (col.get("description") or "").strip()
                        for name, col in (node.get("columns") or {}).items()},
            "unique_id": node.get("unique_id"),
        }
    return index


def one_line(text: str, width: int = 110) -> str:
    """The first sentence (or line) of a description, cut to width characters."""
    text = " ".join((text or "").split())
    if not text:
        return NO_DESCRIPTION
    for stop in (". ", "。"):
        cut = text.find(stop)
        if 0 < cut < width:
            text = text[:cut + 1].rstrip()
            break
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


# ---------------------------------------------------------------------------------------------- the tables

def _relations(con: duckdb.DuckDBPyConnection, schemas: tuple[str, ...] | None) -> list[tuple[str, str, str]]:
    sql = ("select table_schema, table_name, table_type from information_schema.tables "
           "where table_catalog = current_database()")
    params: list = []
    if schemas is not None:
        sql += " and table_schema in (select unnest(?::varchar[]))"
        params.append(list(schemas))
    rows = con.execute(sql, params).fetchall()
    order = {s: i for i, s in enumerate(SEARCH_ORDER)}
    rows.sort(key=lambda r: (order.get(r[0], len(order)), r[0], r[1]))
    return [(s, t, "view" if kind == "VIEW" else "table") for s, t, kind in rows]


def _count(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> int:
    return con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]


def list_tables(con: duckdb.DuckDBPyConnection, docs: dict[tuple[str, str], dict],
                schemas: tuple[str, ...] | None = ANALYST_SCHEMAS) -> list[TableInfo]:
    """Every table of the given schemas (None: all) with its row count and one line of description."""
    return [TableInfo(schema, table, kind, _count(con, schema, table),
                      one_line(docs.get((schema.lower(), table.lower()), {}).get("description", "")))
            for schema, table, kind in _relations(con, schemas)]


def resolve_table(con: duckdb.DuckDBPyConnection, name: str) -> tuple[str, str, str]:
    """`schema.table` or a bare table name (looked up in marts, reference, intermediate, staging, raw)."""
    relations = _relations(con, None)
    wanted = name.strip().strip('"').lower()
    for schema, table, kind in relations:
        if wanted in (f"{schema}.{table}".lower(), table.lower()):
            return schema, table, kind
    names = [f"{s}.{t}" for s, t, _ in relations] + [t for _, t, _ in relations]
    close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise LookupError(f"no table {name!r} in the warehouse{hint} (`dcw tables` lists them)")


def describe_table(con: duckdb.DuckDBPyConnection, docs: dict[tuple[str, str], dict],
                   name: str) -> TableDescription:
    """The table's description and its columns with types (from DuckDB) and descriptions (from dbt)."""
    schema, table, kind = resolve_table(con, name)
    doc = docs.get((schema.lower(), table.lower()), {})
    column_docs = doc.get("columns", {})
    columns = [ColumnInfo(c, t, column_docs.get(c.lower()) or "") for c, t in con.execute(
        "select column_name, data_type from information_schema.columns where table_catalog = current_database() "
        "and table_schema = ? and table_name = ? order by ordinal_position", [schema, table]).fetchall()]
    return TableDescription(schema, table, kind, _count(con, schema, table), doc.get("description") or NO_DESCRIPTION,
                            doc.get("unique_id"), columns)


# ---------------------------------------------------------------------------------------------- as text

def format_tables(tables: list[TableInfo], fmt: str = "table") -> str:
    from .sql import Result, format_result

    return format_result(Result(["table", "rows", "description"],
                                [(f"{t.schema}.{t.name}", t.rows, t.description) for t in tables]), fmt,
                         max_rows=None, footer=False)


def format_description(d: TableDescription, fmt: str = "table") -> str:
    from .sql import Result, format_result

    columns = format_result(Result(["column", "type", "description"],
                                   [(c.name, c.type, c.description) for c in d.columns]), fmt, max_rows=None,
                           footer=False)
    if fmt in ("csv", "json"):
        return columns
    head = f"{d.schema}.{d.name} ({d.kind}, {d.rows:,} row{'' if d.rows == 1 else 's'})"
    if fmt == "markdown":
        return f"### {head}\n\n{d.description}\n\n{columns}"
    return f"{head}\n{d.description}\n\n{columns}"
