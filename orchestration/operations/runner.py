"""Run the Dagster jobs in this process against the warehouse named by DCW_WAREHOUSE.

In-process on purpose: the multiprocess executor re-imports the code location for every step (4–10 s
each here) and would let two steps open the single-writer DuckDB file at once.
"""
from __future__ import annotations

from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import dagster as dg

from ..definitions import defs
from ..editions import load_manifest
from ..editions.manifest import edition_years
from ..ingestion.partitions import EDITION_PARTITIONS_NAME
from ..ingestion.raw_schema import RAW_SCHEMA, ensure_raw_tables, raw_tables
from ..ingestion.resources import WarehouseResource
from ..reporting.exports import MART_SCHEMA, mart_tables
from ..settings import sources_dir
from .build import EditionOutcome


@dataclass
class PipelineOutcome:
    editions: list[EditionOutcome]
    marts_ok: bool
    checks: list[dict]
    mart_rows: dict[str, int]
    error: str | None = None


_FAST_SQLITE = False


def _fast_run_history() -> None:
    """Dagster's SQLite run history opens, commits and closes a connection for every event (a build of
    the embedded sources stores ~4 000 events); with SQLite's default `synchronous=FULL` each of those
    waits for an fsync (4–15 ms here), which made the event log the largest cost of a build (~50 s).
    `synchronous=OFF` keeps every write and the file consistent after a crash of the process; only an OS
    crash or power loss in the middle of a build could damage the run history (never the warehouse).
    Only Dagster opens SQLite through SQLAlchemy in a build process."""
    global _FAST_SQLITE
    if _FAST_SQLITE:
        return
    import sqlite3

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    def _no_fsync(dbapi_connection, _record) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.execute("PRAGMA synchronous=OFF")

    event.listen(Engine, "connect", _no_fsync)
    _FAST_SQLITE = True


def dagster_instance(record_runs: bool = False) -> dg.DagsterInstance:
    """An in-memory instance by default: a build stores ~4 000 events, and Dagster's SQLite run history
    costs ~15 s of a 40 s build for them. With record_runs (the scheduled and sensor-launched builds,
    `dcw build --record-runs`) and DAGSTER_HOME set, the runs go into the history the UI shows."""
    import os
    from pathlib import Path

    home = os.environ.get("DAGSTER_HOME")
    if not (home and record_runs):
        return dg.DagsterInstance.ephemeral()
    _fast_run_history()
    config = Path(home) / "dagster.yaml"
    if not config.exists():
        Path(home).mkdir(parents=True, exist_ok=True)
        config.write_text("telemetry:\n  enabled: false\n")
    return dg.DagsterInstance.get()


# The build prints its own summary; Dagster's step log stays in the run history (make ui shows it).
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def _failure_message(result) -> str:
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            err = event.step_failure_data.error
            while err.cause is not None and err.message.startswith("dagster."):
                err = err.cause
            return err.message.strip()
    return "the run failed (see the Dagster log)"


@contextmanager
def _stdout_to(log_path: Path | None):
    if log_path is None:
        yield
        return
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w", encoding="utf-8") as log, redirect_stdout(log):
        yield


def _prewarm_great_expectations() -> None:
    """Importing Great Expectations costs ~3-5 s; do it in a thread while dbt's subprocess works, so the
    first asset check finds it imported."""
    import threading

    def _import() -> None:
        try:
            import great_expectations  # noqa: F401
        except Exception:  # the check itself will report a broken install
            pass

    threading.Thread(target=_import, name="prewarm-gx", daemon=True).start()


def run_pipeline(editions: list[int] | None, say: Callable[[str], None] = print,
                 record_runs: bool = False, log_path: Path | None = None) -> PipelineOutcome:
    instance = dagster_instance(record_runs)
    manifest = load_manifest(sources_dir())
    known = edition_years(manifest)
    wanted = known if editions is None else sorted(set(editions))
    missing = sorted(set(wanted) - set(known))
    if missing:
        raise ValueError(f"edition(s) {missing} are not in {sources_dir() / 'manifest.yml'}")
    instance.add_dynamic_partitions(EDITION_PARTITIONS_NAME,
                                    [str(y) for y in known if not instance.has_dynamic_partition(
                                        EDITION_PARTITIONS_NAME, str(y))])

    warehouse = WarehouseResource()
    with warehouse.connect() as con:
        ensure_raw_tables(con)
        _prune_editions_not_in_manifest(con, known, say)

    ingest = defs.resolve_job_def("ingest_edition")
    outcomes = []
    for year in wanted:
        result = ingest.execute_in_process(partition_key=str(year), instance=instance, raise_on_error=False,
                                        run_config=QUIET)
        if result.success:
            rows = {}
            for mat in result.asset_materializations_for_node(ingest.nodes_in_topological_order[0].name):
                rows[mat.asset_key.path[-1]] = int(mat.metadata["rows"].value)
            outcomes.append(EditionOutcome(year, True, rows=rows))
            say(f"edition {year}: ingested ({', '.join(f'{t} {n}' for t, n in rows.items() if n)})")
        else:
            message = _failure_message(result)
            outcomes.append(EditionOutcome(year, False, error=message))
            say(f"edition {year}: FAILED, previous rows kept: {message}")

    from ..quality.suites import SuiteRunner, build_pending_docs

    _prewarm_great_expectations()
    SuiteRunner.defer_docs = True  # every suite validates, then the Data Docs render once
    try:
        # dagster-dbt echoes every dbt event to stdout: keep it in a log file, not on the build's screen
        with _stdout_to(log_path):
            marts = defs.resolve_job_def("build_marts").execute_in_process(instance=instance, raise_on_error=False,
                                                                              run_config=QUIET)
    finally:
        SuiteRunner.defer_docs = False
    build_pending_docs()
    checks = [{"asset": e.asset_key.to_user_string(), "name": e.check_name, "passed": e.passed,
               "severity": e.severity.value} for e in marts.get_asset_check_evaluations()]
    mart_rows: dict[str, int] = {}
    if marts.success:  # after a failure dbt's subprocess may still hold the file
        with warehouse.connect(read_only=True) as con:
            mart_rows = {t: con.execute(f"select count(*) from {MART_SCHEMA}.{t}").fetchone()[0]
                         for t in mart_tables(con)}
    return PipelineOutcome(outcomes, marts.success, checks, mart_rows,
                           error=None if marts.success else _failure_message(marts))


def _prune_editions_not_in_manifest(con, known: list[int], say) -> None:
    """An edition removed from the manifest leaves the warehouse too."""
    for table in raw_tables():
        gone = con.execute(f"select distinct edition_year from {RAW_SCHEMA}.{table} where edition_year not in "
                           f"(select unnest(?::integer[]))", [known]).fetchall()
        if gone:
            con.execute(f"delete from {RAW_SCHEMA}.{table} where edition_year not in (select unnest(?::integer[]))",
                        [known])
            say(f"raw.{table}: removed editions {[g[0] for g in gone]} (no longer in the manifest)")
