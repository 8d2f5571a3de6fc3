"""Every dbt seed, model and test as a Dagster asset or asset check, downstream of the raw tables.

dbt runs once per build (not once per model): the fixed cost of starting dbt dominates on data this
small. The marts aggregate all editions, so the dbt assets are not partitioned: they depend on every
edition partition of the raw tables.
"""

import os
from typing import AbstractSet, Any, Mapping

import dagster as dg

from .integration import DagsterDbtTranslator, DbtCliResource, dbt_assets
from .launcher import BUILD_PID_ENV
from .pipes import DrainedPipe
from .project import dbt_project, keep_partial_parse, prune_old_invocations


class WarehouseTranslator(DagsterDbtTranslator):
    """source reports.statements (schema raw) -> raw/statements (the ingestion asset); a model -> its bare name, grouped by layer."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey(["raw", dbt_resource_props["name"]])  # = ingestion.assets.raw_asset_key
        return dg.AssetKey(dbt_resource_props["name"])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        fqn = dbt_resource_props.get("fqn", [])
        return fqn[1] if len(fqn) > 2 else "marts"


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project,
            dagster_dbt_translator=WarehouseTranslator())
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    # Two outputs nobody reads, ~1.5 s of dbt's time: its debug log file (~5 MB; every event reaches Dagster
    # and warehouse/logs/dbt_build.log anyway) and the JSON artifacts (the manifest Dagster uses is
    # target/manifest.json from `prepare`; per-node results are in the build log and the asset checks).
    os.environ[BUILD_PID_ENV] = str(os.getpid())  # dbt exits at once if this process is already gone
    invocation = dbt.cli(["build", "--log-level-file", "warn", "--no-write-json"], context=context)
    invocation.process.stdout = DrainedPipe(invocation.process.stdout)
    yield from invocation.stream()
    keep_partial_parse(invocation.target_path)
    prune_old_invocations(keep=invocation.target_path)


def dbt_manifest() -> Mapping[str, Any]:
    """The manifest the dbt assets were made from (dagster-dbt keeps it loaded)."""
    return next(iter(warehouse_dbt_models.specs)).metadata["dagster_dbt/manifest"].manifest


def dbt_keys(unique_ids: AbstractSet[str]) -> tuple[set[dg.AssetKey], set[dg.AssetCheckKey]]:
    """The Dagster asset keys and check keys of these dbt nodes."""
    def node(spec) -> str:
        return (spec.metadata or {}).get("dagster_dbt/unique_id")

    return ({s.key for s in warehouse_dbt_models.specs if node(s) in unique_ids},
            {c.key for c in warehouse_dbt_models.check_specs if node(c) in unique_ids})
