"""The analyst's door: read-only SQL on the published warehouse (`dcw sql`), and the documented schema
(`dcw tables`, `dcw describe`) read from dbt's manifest. Pure Python over DuckDB: no Dagster, no dbt."""
from .catalog import TableDescription, TableInfo, describe_table, find_manifest, list_tables, load_manifest
from .sql import (FORMATS, QueryError, WarehouseMissingError, format_result, open_warehouse, repl, run_query,
                  split_statements)

__all__ = ["FORMATS", "QueryError", "TableDescription", "TableInfo", "WarehouseMissingError", "describe_table",
           "find_manifest", "format_result", "list_tables", "load_manifest", "open_warehouse", "repl", "run_query",
           "split_statements"]
