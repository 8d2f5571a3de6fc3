"""Every dbt seed, model and test as a Dagster asset or asset check, downstream of the raw tables.

dbt runs once per build (not once per model): the fixed cost of starting dbt dominates on data this
small. The marts aggregate all editions, so the dbt assets are not partitioned: they depend on every
edition partition of the raw tables.
"""

from typing import Any, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from .project import dbt_project


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
    yield from dbt.cli(["build"], context=context).stream()


def dbt_resource() -> DbtCliResource:
    return DbtCliResource(project_dir=dbt_project, profiles_dir=str(dbt_project.profiles_dir))
