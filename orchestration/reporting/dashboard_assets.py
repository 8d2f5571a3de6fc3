"""The data-quality dashboard as a Dagster asset, downstream of the marts and the findings."""

import dagster as dg

from ..ingestion.resources import WarehouseResource
from ..settings import dashboard_dir
from .assets import MART_KEYS
from .dashboard import write_dashboard


@dg.asset(deps=MART_KEYS, group_name="publication", kinds={"html", "plotly"},
          description="warehouse/dashboard/index.html: per edition the checks that hold and fail, the findings with "
                      "their sentences, and the headline series with every edition's vintage (opens offline).")
def data_quality_dashboard(warehouse: WarehouseResource) -> dg.MaterializeResult:
    with warehouse.connect(read_only=True) as con:
        page = write_dashboard(con, dashboard_dir())
    return dg.MaterializeResult(metadata={"page": dg.MetadataValue.path(str(page)),
                                          "bytes": page.stat().st_size})
