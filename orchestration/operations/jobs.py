"""Two jobs, because an edition partition and the all-edition marts cannot share one partitioning:
`ingest_edition` parses one edition into the raw tables; `build_marts` runs dbt, the checks and the
publication assets (exports, docs, dashboard) over every edition."""
import dagster as dg

from ..ingestion.assets import raw_edition_tables
from ..ingestion.partitions import edition_partitions

RAW = dg.AssetSelection.assets(raw_edition_tables)

ingest_edition_job = dg.define_asset_job(
    "ingest_edition", selection=RAW, partitions_def=edition_partitions,
    description="Parse one edition's files into the raw tables (replacing that edition's rows).")

build_marts_job = dg.define_asset_job(
    "build_marts", selection=dg.AssetSelection.all() - RAW,
    description="dbt seeds, models and tests, the Great Expectations suites, exports, docs and dashboard.")
