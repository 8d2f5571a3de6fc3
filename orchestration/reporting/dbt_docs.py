"""The dbt docs of the warehouse: one self-contained page beside the Data Docs, in
warehouse/dbt_docs/index.html: every model, seed and source with its description, columns, types, tests
and lineage. It opens from the file system, with no server and no network.

`dbt docs generate --static` would cost 10-20 s here (a second dbt process that re-parses, compiles every
node and queries the catalog). The page needs only what we already have: the manifest the build parsed
(dbt_project/target/manifest.json) and the catalog, i.e. the columns and types of every relation, which
DuckDB's information_schema gives in milliseconds. So the page is assembled here exactly as dbt's
`--static` does it: dbt's own index.html with the manifest and catalog inlined.

The manifest and catalog are kept beside the page (manifest.json, catalog.json): `dcw tables` and `dcw
describe` read their descriptions from there, so they describe the published file.
"""
from __future__ import annotations

import json
import shutil
import time
from importlib import resources
from pathlib import Path

import dagster as dg
import duckdb

from ..settings import dbt_docs_dir, warehouse_path
from ..transformation.assets import warehouse_dbt_models
from ..transformation.project import dbt_project

MART_KEYS = [key for key, group in warehouse_dbt_models.group_names_by_key.items() if group == "marts"]
_RELATIONS = ("model", "seed", "snapshot")


class DbtDocsError(RuntimeError):
    pass


def build_catalog(con: duckdb.DuckDBPyConnection, manifest: dict) -> dict:
    """dbt's catalog.json (v1) for every model, seed and source of the manifest found in the database."""
    columns: dict[tuple[str, str], dict] = {}
    kinds = dict(((s, t), k) for s, t, k in con.execute(
        "select table_schema, table_name, table_type from information_schema.tables").fetchall())
    for schema, table, name, dtype, position in con.execute(
            "select table_schema, table_name, column_name, data_type, ordinal_position "
            "from information_schema.columns order by table_schema, table_name, ordinal_position").fetchall():
        columns.setdefault((schema, table), {})[name] = {"type": dtype, "index": position, "name": name,
                                                         "comment": None}

    def entry(node: dict, identifier: str) -> dict | None:
        key = (node["schema"], identifier)
        if key not in columns:
            return None
        return {"metadata": {"type": kinds.get(key, "BASE TABLE"), "schema": node["schema"], "name": identifier,
                             "database": node.get("database"), "comment": None, "owner": None},
                "columns": columns[key], "stats": {}, "unique_id": node["unique_id"]}

    nodes = {uid: e for uid, n in manifest.get("nodes", {}).items() if n.get("resource_type") in _RELATIONS
             if (e := entry(n, n.get("alias") or n["name"])) is not None}
    sources = {uid: e for uid, s in manifest.get("sources", {}).items()
               if (e := entry(s, s.get("identifier") or s["name"])) is not None}
    meta = manifest.get("metadata", {})
    return {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/catalog/v1.json",
                         "dbt_version": meta.get("dbt_version"), "generated_at": meta.get("generated_at"),
                         "invocation_id": meta.get("invocation_id"), "env": {}},
            "nodes": nodes, "sources": sources, "errors": None}


def write_static_docs(con: duckdb.DuckDBPyConnection, manifest_path: Path, out_dir: Path) -> dict:
    """Write index.html (dbt's static docs page), manifest.json and catalog.json into out_dir."""
    started = time.perf_counter()
    if not manifest_path.exists():
        raise DbtDocsError(f"{manifest_path}: no dbt manifest (run `dcw prepare`)")
    manifest_text = manifest_path.read_text(encoding="utf-8")
    manifest = json.loads(manifest_text)
    catalog = build_catalog(con, manifest)
    catalog_text = json.dumps(catalog, ensure_ascii=False)
    template = resources.files("dbt.task.docs").joinpath("index.html").read_text(encoding="utf-8")
    if '"MANIFEST.JSON INLINE DATA"' not in template:
        raise DbtDocsError("dbt's docs template has no inline-data placeholder (dbt version changed?)")
    page = (template.replace('"MANIFEST.JSON INLINE DATA"', manifest_text)
            .replace('"CATALOG.JSON INLINE DATA"', catalog_text))
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    (out_dir / "index.html").write_text(page, encoding="utf-8")
    (out_dir / "manifest.json").write_text(manifest_text, encoding="utf-8")
    (out_dir / "catalog.json").write_text(catalog_text, encoding="utf-8")
    return {"seconds": round(time.perf_counter() - started, 2), "nodes": len(catalog["nodes"]),
            "sources": len(catalog["sources"])}


@dg.asset(deps=MART_KEYS, group_name="publication", kinds={"dbt", "html"},
          description="dbt docs: one self-contained page, warehouse/dbt_docs/index.html, with every model, "
                      "column, test and the lineage (dbt's static docs page, assembled in-process).")
def dbt_docs() -> dg.MaterializeResult:
    out_dir = dbt_docs_dir()
    with duckdb.connect(str(warehouse_path()), read_only=True) as con:
        info = write_static_docs(con, dbt_project.manifest_path, out_dir)
    return dg.MaterializeResult(metadata={
        "page": dg.MetadataValue.path(str(out_dir / "index.html")), "seconds": info["seconds"],
        "relations": info["nodes"], "sources": info["sources"]})
