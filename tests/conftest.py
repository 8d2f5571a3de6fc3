"""Shared fixtures. The expensive one, `built_warehouse`, runs the real build (Dagster + dbt + Great
Expectations) once per test run into a temporary folder (shared by the xdist workers of `make test`); tests
then query its DuckDB file."""
from __future__ import annotations

import os
import pickle
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
REPORT_2021 = SOURCES / "digital_china_development_report_2021.txt"

os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
# Tests use an ephemeral Dagster instance, never the developer's .dagster/ history.
os.environ.pop("DAGSTER_HOME", None)


@contextmanager
def environment(sources: Path, db: Path):
    """Point the pipeline at another sources folder and warehouse file for the duration."""
    saved = {k: os.environ.get(k) for k in ("DCW_SOURCES", "DCW_WAREHOUSE")}
    os.environ.update({"DCW_SOURCES": str(sources), "DCW_WAREHOUSE": str(db)})
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def built_warehouse(tmp_path_factory) -> Path:
    """The whole warehouse built from a copy of sources/ by `dcw build`'s code path. `make test` runs two
    xdist workers: the first to ask builds it into the run's shared temporary folder, under a file lock,
    and the other reuses it (tests only read it, or copy it first)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return _build_into(tmp_path_factory.mktemp("built"))
    from filelock import FileLock

    root = tmp_path_factory.getbasetemp().parent / "built"
    saved = root / "build_report.pickle"
    with FileLock(str(root) + ".lock"):
        if saved.exists():
            db, report = pickle.loads(saved.read_bytes())
            _BUILD_REPORTS[db] = report
            return db
        db = _build_into(root)
        saved.write_bytes(pickle.dumps((db, _BUILD_REPORTS[db])))
        return db


def _build_into(root: Path) -> Path:
    from orchestration.operations.build import build

    if root.exists():  # an earlier worker's failed attempt
        shutil.rmtree(root)
    root.mkdir(parents=True)
    sources = root / "sources"
    shutil.copytree(SOURCES, sources)
    db = root / "warehouse" / "digital_china.duckdb"
    with environment(sources, db):
        report = build(say=lambda _msg: None)
    assert report.published, report.error
    assert all(e.ok for e in report.editions), [e.error for e in report.editions if not e.ok]
    _BUILD_REPORTS[db] = report
    return db


_BUILD_REPORTS: dict = {}


@pytest.fixture(scope="session")
def build_report(built_warehouse):
    """What the session build reported (editions, checks, mart row counts)."""
    return _BUILD_REPORTS[built_warehouse]


@pytest.fixture
def query(built_warehouse):
    import duckdb

    def run(sql: str, params=None):
        with duckdb.connect(str(built_warehouse), read_only=True) as con:
            return con.execute(sql, params or []).fetchall()

    return run
