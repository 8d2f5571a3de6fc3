"""The dbt nodes a build can keep from the warehouse it copies instead of building them again.

A build works on a copy of the published warehouse (operations/build.py). If the dbt project is the
one that built that warehouse, some nodes would come out of dbt exactly as they already are:
- nodes that read no source (the seeds, the models built from seeds only, and their tests): all their
  inputs are files of the project;
- views: a view is its SQL, and it shows the rows its tables hold now by itself. Its tests still run.
Every table downstream of the raw tables is built again (the build has just re-ingested them), with its
tests. This is what "adding one edition" needs; the kept nodes cost ~1 s of dbt's per-node overhead.

"The one that built that warehouse" is a fingerprint the build records in the warehouse (schema `meta`)
once dbt has succeeded: the project's files, dbt's and its adapter's versions, and the columns of the
raw tables. Anything else (a changed file, a first build, an older warehouse without the record, a
kept relation missing from the copy) builds every node.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
from dataclasses import dataclass, field
from typing import Any, Mapping

STATE_SCHEMA = "meta"
STATE_TABLE = "dbt_project_state"
RAW_SCHEMA = "raw"


@dataclass(frozen=True)
class Reuse:
    """`kept`: models, seeds and views left as they are; `tests_kept`: tests not run again, because
    nothing they read changes. `reason`: why nothing is kept, when nothing is."""

    kept: frozenset[str] = frozenset()
    tests_kept: frozenset[str] = frozenset()
    reason: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.kept)

    def describe(self) -> str:
        if not self.kept:
            return f"dbt builds every node ({self.reason})"
        parts = ", ".join(f"{n} {kind}s" for kind, n in sorted(self.counts.items()))
        return (f"dbt keeps {len(self.kept)} nodes unchanged since the last build ({parts}) and "
                f"{len(self.tests_kept)} of their tests; every table downstream of the raw tables is rebuilt")


def fingerprint(project_files_digest: str, raw_columns: list[tuple[str, str, str]]) -> str:
    """What the kept nodes were built from: the project's files, the dbt versions, the raw tables' columns."""
    digest = hashlib.sha256(project_files_digest.encode())
    for package in ("dbt-core", "dbt-duckdb", "duckdb"):
        digest.update(f"{package}=={importlib.metadata.version(package)}".encode())
    for column in raw_columns:
        digest.update(repr(column).encode())
    return digest.hexdigest()


def raw_columns(con) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in con.execute(
        "select table_name, column_name, data_type from information_schema.columns "
        "where table_catalog = current_database() and table_schema = ? order by table_name, ordinal_position",
        [RAW_SCHEMA]).fetchall()]


def recorded_fingerprint(con) -> str | None:
    exists = con.execute("select count(*) from information_schema.tables where table_catalog = current_database() "
                         "and table_schema = ? and table_name = ?", [STATE_SCHEMA, STATE_TABLE]).fetchone()[0]
    if not exists:
        return None
    row = con.execute(f"select fingerprint from {STATE_SCHEMA}.{STATE_TABLE}").fetchone()
    return row[0] if row else None


def record_fingerprint(con, value: str) -> None:
    """Written into the build's copy after dbt succeeded: it is published with the tables it describes."""
    con.execute(f"create schema if not exists {STATE_SCHEMA}")
    con.execute(f"create or replace table {STATE_SCHEMA}.{STATE_TABLE} (fingerprint varchar not null)")
    con.execute(f"insert into {STATE_SCHEMA}.{STATE_TABLE} values (?)", [value])


def existing_relations(con) -> set[tuple[str, str]]:
    return {(s.lower(), t.lower()) for s, t in con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_catalog = current_database()").fetchall()}


def _descendants(manifest: Mapping[str, Any], roots) -> set[str]:
    seen: set[str] = set()
    frontier = list(roots)
    while frontier:
        for child in manifest["child_map"].get(frontier.pop(), []):
            if child not in seen:
                seen.add(child)
                frontier.append(child)
    return seen


def plan_reuse(manifest: Mapping[str, Any], current: str, recorded: str | None,
               relations: set[tuple[str, str]]) -> Reuse:
    """The nodes to keep, given the manifest, the fingerprint now and the one recorded in the copy."""
    if recorded is None:
        return Reuse(reason="the warehouse has no record of the project that built it")
    if recorded != current:
        return Reuse(reason="the dbt project, dbt or the raw tables changed since the last build")
    fed_by_sources = _descendants(manifest, manifest["sources"])
    nodes = manifest["nodes"]
    kept, tests_kept, counts = set(), set(), {}
    for unique_id, node in nodes.items():
        kind = node["resource_type"]
        if kind == "test":
            if unique_id not in fed_by_sources:
                tests_kept.add(unique_id)
            continue
        if kind not in ("model", "seed"):
            continue
        view = kind == "model" and node["config"].get("materialized") == "view"
        if unique_id in fed_by_sources and not view:
            continue
        relation = (str(node["schema"]).lower(), str(node.get("alias") or node["name"]).lower())
        if relation not in relations:
            return Reuse(reason=f"{relation[0]}.{relation[1]} is missing from the warehouse")
        kept.add(unique_id)
        label = "view" if view else kind
        counts[label] = counts.get(label, 0) + 1
    return Reuse(frozenset(kept), frozenset(tests_kept), counts=counts)
