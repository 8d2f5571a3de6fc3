"""The one Definitions object of the code location: `dagster dev -m orchestration.definitions`."""
import dagster as dg

from .ingestion.assets import raw_edition_tables
from .ingestion.resources import WarehouseResource
from .operations.jobs import build_marts_job, ingest_edition_job
from .operations.publish import publish_editions_job
from .operations.schedules import yearly_schedule
from .operations.sensors import new_edition_sensor
from .quality.checks import gx_asset_checks
from .reporting.assets import mart_exports
from .reporting.dashboard_assets import data_quality_dashboard
from .reporting.dbt_docs import dbt_docs
from .transformation.assets import warehouse_dbt_models
from .transformation.resources import dbt_resource

defs = dg.Definitions(
    assets=[raw_edition_tables, warehouse_dbt_models, mart_exports, dbt_docs, data_quality_dashboard],
    asset_checks=gx_asset_checks(),
    jobs=[ingest_edition_job, build_marts_job, publish_editions_job],
    schedules=[yearly_schedule()],
    sensors=[new_edition_sensor],
    resources={"warehouse": WarehouseResource(), "dbt": dbt_resource()},
    # One process, one DuckDB writer at a time; the multiprocess executor re-imports the code location per step.
    executor=dg.in_process_executor,
)
