"""The raw tables of one edition: parse its files (full text and/or curated sheet) and replace its
rows in every raw table at once. Bad input fails this edition only; the others keep their rows."""

import dagster as dg

from ..editions import entries_for_edition, load_manifest, parse_edition
from ..settings import sources_dir
from .partitions import edition_partitions
from .raw_schema import raw_table_descriptions, raw_tables, replace_edition_rows
from .resources import WarehouseResource

RAW_GROUP = "raw"


def raw_asset_key(table: str) -> dg.AssetKey:
    return dg.AssetKey(["raw", table])


@dg.multi_asset(
    specs=[dg.AssetSpec(raw_asset_key(t), description=d, group_name=RAW_GROUP, kinds={"python", "duckdb"})
           for t, d in raw_table_descriptions().items()],
    partitions_def=edition_partitions,
    can_subset=False,
)
def raw_edition_tables(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    edition_year = int(context.partition_key)
    sources = sources_dir()
    entries = entries_for_edition(load_manifest(sources), edition_year)
    frames = parse_edition(edition_year, entries, sources)
    with warehouse.connect() as con:
        counts = replace_edition_rows(con, edition_year, frames)
    files = ", ".join(f"{e.file} ({e.kind}, sha256 {e.sha256[:12]})" for e in entries)
    context.log.info(f"edition {edition_year}: {files}: " + ", ".join(f"{t}={n}" for t, n in counts.items()))
    for table in raw_tables():
        yield dg.MaterializeResult(
            asset_key=raw_asset_key(table),
            metadata={"edition_year": edition_year, "rows": counts[table], "files": files},
        )
