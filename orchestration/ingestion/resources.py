"""The DuckDB warehouse as a Dagster resource: one short-lived connection per step, closed on exit,
because DuckDB allows one writer process and dbt opens the file right after us."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import dagster as dg
import duckdb

from ..settings import warehouse_path


class WarehouseResource(dg.ConfigurableResource):
    """`path` empty means the current DCW_WAREHOUSE (read at use time, so a build can redirect it)."""

    path: str = ""

    def database(self) -> Path:
        return Path(self.path).resolve() if self.path else warehouse_path()

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        db = self.database()
        db.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(db), read_only=read_only)
        try:
            yield con
        finally:
            con.close()
