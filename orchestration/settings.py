"""Where things are. Every path the warehouse uses is decided here, from environment variables.

DCW_WAREHOUSE  the DuckDB file (default warehouse/digital_china.duckdb); its folder also holds the
               exports, the Data Docs, the dbt docs and the dashboard.
DCW_SOURCES    the sources folder with manifest.yml (default sources/).
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "digital_china.duckdb"

WAREHOUSE_ENV = "DCW_WAREHOUSE"
SOURCES_ENV = "DCW_SOURCES"


def warehouse_path() -> Path:
    """The DuckDB file the pipeline reads and writes (read at call time: builds redirect it)."""
    return Path(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE).resolve()


def build_copy_path(target: Path) -> Path:
    """Where a build writes before it publishes (operations/build.py): the same path for every build of a
    warehouse, because dbt re-parses the whole project whenever its profile (this path) changes."""
    return target.parent / ".build" / target.name


def sources_dir() -> Path:
    return Path(os.environ.get(SOURCES_ENV) or PROJECT_ROOT / "sources").resolve()


def artefacts_dir() -> Path:
    """Exports, docs and dashboard sit beside the DuckDB file they describe."""
    return warehouse_path().parent


def exports_dir() -> Path:
    return artefacts_dir() / "exports"


def data_docs_dir() -> Path:
    return artefacts_dir() / "data_docs"


def dbt_docs_dir() -> Path:
    return artefacts_dir() / "dbt_docs"


def dashboard_dir() -> Path:
    return artefacts_dir() / "dashboard"


def quiet_third_parties() -> None:
    """No telemetry: nothing may touch the network at run or test time."""
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
