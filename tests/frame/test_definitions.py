"""The code location loads, with every part wired: raw edition assets, dbt models, GX checks, jobs."""
import dagster as dg


def test_definitions_load_with_every_part():
    from orchestration.definitions import defs

    repo = defs.get_repository_def()
    keys = {k.to_user_string() for k in repo.asset_graph.get_all_asset_keys()}
    assert {"raw/documents", "raw/statements", "raw/sections"} <= keys
    assert {"stg_reports__statements", "fct_statements", "dim_edition", "mart_exports"} <= keys
    checks = {c.name for c in repo.asset_graph.asset_check_keys}
    assert "statements_integrity" in checks  # a Great Expectations suite as an asset check
    assert any(name.startswith("column_rules_") for name in checks)  # dbt tests as asset checks
    assert {"ingest_edition", "build_marts"} <= {j.name for j in repo.get_all_jobs()}


def test_raw_assets_are_partitioned_by_edition_and_feed_dbt():
    from orchestration.definitions import defs

    graph = defs.get_repository_def().asset_graph
    raw = graph.get(dg.AssetKey(["raw", "statements"]))
    assert isinstance(raw.partitions_def, dg.DynamicPartitionsDefinition)
    assert raw.partitions_def.name == "edition"
    staging = graph.get(dg.AssetKey("stg_reports__statements"))
    assert dg.AssetKey(["raw", "statements"]) in staging.parent_keys
    assert dg.AssetKey("stg_reports__statements") in graph.get(dg.AssetKey("fct_statements")).parent_keys


def test_local_builds_use_the_in_process_executor():
    from orchestration.definitions import defs

    job = defs.resolve_job_def("build_marts")
    assert job.executor_def.name == "in_process"


_GRAPH_WITH_DBT_CORE = r"""
import json
import dagster_dbt  # imported before the project's integration module: dagster-dbt loads dbt-core
from orchestration.definitions import defs
from dagster_dbt import compat

graph = defs.get_repository_def().asset_graph
print(json.dumps({
    "dbt_core_in_dagster_dbt": compat.DBT_PYTHON_VERSION is not None,
    "assets": {k.to_user_string(): sorted(p.to_user_string() for p in graph.get(k).parent_keys)
               for k in graph.get_all_asset_keys()},
    "checks": sorted(c.to_user_string() for c in graph.asset_check_keys),
}))
"""


def _graph_with_dbt_core() -> dict:
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT

    done = subprocess.run([sys.executable, "-c", _GRAPH_WITH_DBT_CORE], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_dagster_dbt_without_dbt_core_sees_the_same_asset_graph():
    """transformation/integration.py imports dagster-dbt with dbt-core masked (dbt runs in its own process):
    it must map the manifest onto the very assets, dependencies and checks dbt-core's selection gives."""
    from dagster_dbt import compat

    from orchestration.definitions import defs

    graph = defs.get_repository_def().asset_graph
    masked = {"assets": {k.to_user_string(): sorted(p.to_user_string() for p in graph.get(k).parent_keys)
                         for k in graph.get_all_asset_keys()},
              "checks": sorted(c.to_user_string() for c in graph.asset_check_keys)}
    assert compat.DBT_PYTHON_VERSION is None  # this process imported dagster-dbt through integration.py
    loaded = _graph_with_dbt_core()
    assert loaded["dbt_core_in_dagster_dbt"]
    assert len(masked["assets"]) > 40 and len(masked["checks"]) > 30
    assert masked["assets"] == loaded["assets"]
    assert masked["checks"] == loaded["checks"]
