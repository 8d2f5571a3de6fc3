"""The operations tests build for real (Dagster + dbt + Great Expectations), so builds are shared:

* `base_warehouse`: every edition of sources/, the session's build (tests/conftest.py), the starting point;
* `template`: that warehouse after `dcw add-edition --replace` of a revised 2021 text (one paragraph
  more; the add-edition test runs it with an analyst's read-only connection open), and the content
  hash of every table;
Each later test copies the template folder and re-ingests only what it needs.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest


WAREHOUSE_NAME = "digital_china.duckdb"


def copy_folder(src: Path, dst: Path) -> tuple[Path, Path]:
    """Copy a test root (sources/ + warehouse/) and return (sources, db) of the copy."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".build", ".build.lock", ".build.owner"))
    return dst / "sources", dst / "warehouse" / WAREHOUSE_NAME


@pytest.fixture(scope="session")
def base_warehouse(built_warehouse) -> Path:
    """The session's build of every edition of sources/ (tests/conftest.py): a root folder holding
    sources/ and warehouse/. Read only: every test copies it first."""
    return built_warehouse.parent.parent
