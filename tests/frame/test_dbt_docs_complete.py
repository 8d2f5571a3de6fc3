"""Every model, seed and source of the built warehouse is described in YAML, and so is each of its columns.

The columns are the ones the build actually wrote (information_schema of the built DuckDB file), not the ones
the YAML lists: a column added to a model's SQL without a description fails here. The descriptions come from
dbt_project/target/manifest.json, which the build regenerates whenever the dbt project changes.
"""
from __future__ import annotations

import json

import duckdb
import pytest

from tests.conftest import ROOT

MANIFEST = ROOT / "dbt_project" / "target" / "manifest.json"
KINDS = ("model", "seed", "source")


@pytest.fixture(scope="module")
def documented(built_warehouse):
    """(resource type, schema, relation) -> (node description, {column: description}) from the manifest."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    nodes = list(manifest["nodes"].values()) + list(manifest["sources"].values())
    out = {}
    for node in nodes:
        if node["resource_type"] not in KINDS:
            continue
        relation = node.get("identifier") if node["resource_type"] == "source" else (node.get("alias") or node["name"])
        out[(node["resource_type"], node["schema"], relation)] = (
            node.get("description") or "",
            {name: col.get("description") or "" for name, col in node["columns"].items()},
        )
    return out


@pytest.fixture(scope="module")
def built_columns(built_warehouse):
    """(schema, relation) -> [columns] as the build wrote them."""
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        rows = con.execute(
            "select table_schema, table_name, column_name from information_schema.columns "
            "order by table_schema, table_name, ordinal_position").fetchall()
    out: dict = {}
    for schema, table, column in rows:
        out.setdefault((schema, table), []).append(column)
    return out


def test_every_kind_of_node_is_checked(documented, built_columns):
    for kind in KINDS:
        built = [key for key in documented if key[0] == kind and key[1:] in built_columns]
        assert built, f"no {kind} of the manifest is in the built warehouse"


def test_every_model_seed_and_source_is_described(documented, built_columns):
    undescribed = sorted(f"{kind} {schema}.{name}" for (kind, schema, name), (description, _) in documented.items()
                         if (schema, name) in built_columns and not description.strip())
    assert not undescribed, "no description in YAML: " + ", ".join(undescribed)


def test_every_built_column_is_described(documented, built_columns):
    missing = []
    for (kind, schema, name), (_, columns) in sorted(documented.items()):
        for column in built_columns.get((schema, name), []):
            if not columns.get(column, "").strip():
                missing.append(f"{kind} {schema}.{name}.{column}")
    assert not missing, f"{len(missing)} columns without a YAML description: " + ", ".join(missing)


def test_no_documented_column_is_missing_from_the_warehouse(documented, built_columns):
    stale = []
    for (kind, schema, name), (_, columns) in sorted(documented.items()):
        if (schema, name) in built_columns:
            stale += [f"{kind} {schema}.{name}.{c}" for c in columns if c not in built_columns[(schema, name)]]
    assert not stale, "described in YAML but not built: " + ", ".join(stale)


def test_every_built_relation_is_in_the_manifest(documented, built_columns):
    known = {key[1:] for key in documented}
    unknown = sorted(f"{s}.{t}" for s, t in built_columns
                     if s in ("staging", "intermediate", "marts", "reference") and (s, t) not in known)
    assert not unknown, "built but unknown to dbt (so undocumented): " + ", ".join(unknown)


def test_no_description_is_cut_short_by_yaml():
    """In a flow mapping ({name: x, description: a, b}) an unquoted comma ends the description and makes
    the rest a key of its own: every column entry may hold only the keys dbt knows."""
    import yaml

    known = {"name", "description", "data_tests", "tests", "data_type", "meta", "quote", "config", "constraints",
             "tags", "granularity"}
    cut = []
    for path in sorted((ROOT / "dbt_project" / "models").rglob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in doc.get("models", []) + [t for s in doc.get("sources", []) for t in s.get("tables", [])]:
            cut += [f"{path.name}: {entry['name']}.{column.get('name')} has {sorted(set(column) - known)}"
                    for column in entry.get("columns", []) if set(column) - known]
    assert not cut, "\n".join(cut)
