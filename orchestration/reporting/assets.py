"""Publication assets, downstream of every mart."""

import dagster as dg

from ..ingestion.resources import WarehouseResource
from ..settings import exports_dir
from ..transformation.assets import warehouse_dbt_models
from .exports import export_marts

MART_KEYS = [key for key, group in warehouse_dbt_models.group_names_by_key.items() if group == "marts"]


@dg.asset(deps=MART_KEYS, group_name="publication", kinds={"parquet", "csv"},
          description="Parquet and CSV exports of every mart into warehouse/exports/.")
def mart_exports(warehouse: WarehouseResource) -> dg.MaterializeResult:
    directory = exports_dir()
    with warehouse.connect(read_only=True) as con:
        counts = export_marts(con, directory)
    return dg.MaterializeResult(metadata={"directory": dg.MetadataValue.path(str(directory)),
                                          "tables": len(counts), "rows": dg.MetadataValue.json(counts)})
