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
    assert any(name.startswith("unique_") for name in checks)  # dbt tests as asset checks
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
