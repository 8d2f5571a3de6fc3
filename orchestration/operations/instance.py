"""The Dagster instance a build runs on: in memory by default, the recorded run history on request."""
from __future__ import annotations

import threading
from contextlib import contextmanager

import dagster as dg
from dagster._core.storage.event_log import InMemoryEventLogStorage


class _HeldConnectionEventLogStorage(InMemoryEventLogStorage):
    """Dagster's in-memory event log opens a new SQLite connection and sets two pragmas for every
    statement (~3 600 times a build, ~1 s); keep one connection per thread instead, and remember which
    tables exist. Same tables, same queries, same lock."""

    def __init__(self, *args, **kwargs):
        self._per_thread = threading.local()
        self._tables: dict[str, bool] = {}
        super().__init__(*args, **kwargs)

    def has_table(self, table_name: str) -> bool:
        """Asked for every asset check event, and each time answered on a fresh connection; the schema
        of an in-memory store does not change once created."""
        if table_name not in self._tables:
            self._tables[table_name] = super().has_table(table_name)
        return self._tables[table_name]

    @contextmanager
    def _connect(self):
        with self._db_lock:
            conn = getattr(self._per_thread, "conn", None)
            if conn is None:
                conn = self._per_thread.conn = self._engine.connect()
            with conn.begin():
                yield conn


@contextmanager
def _unstamped():
    """Dagster stamps each new in-memory store with its schema's migration revision, for which alembic loads
    every migration script Dagster ships (~180 files, ~0.15 s of a build's start-up). A store created at the
    current schema and gone with the process is never migrated: skip the stamp while the stores are made."""
    from dagster._core.storage.event_log import in_memory as event_log_module
    from dagster._core.storage.runs import in_memory as run_module

    modules = (event_log_module, run_module)
    saved = [module.stamp_alembic_rev for module in modules]
    for module in modules:
        module.stamp_alembic_rev = lambda *_args, **_kwargs: None
    try:
        yield
    finally:
        for module, stamp in zip(modules, saved):
            module.stamp_alembic_rev = stamp


def _ephemeral_instance() -> dg.DagsterInstance:
    """`DagsterInstance.ephemeral()` with the event log above."""
    from dagster._core.instance import InstanceType
    from dagster._core.launcher.sync_in_memory_run_launcher import SyncInMemoryRunLauncher
    from dagster._core.run_coordinator import DefaultRunCoordinator
    from dagster._core.storage.noop_compute_log_manager import NoOpComputeLogManager
    from dagster._core.storage.root import TemporaryLocalArtifactStorage
    from dagster._core.storage.runs import InMemoryRunStorage

    with _unstamped():
        run_storage, event_storage = InMemoryRunStorage(), _HeldConnectionEventLogStorage()
    return dg.DagsterInstance(
        instance_type=InstanceType.EPHEMERAL,
        local_artifact_storage=TemporaryLocalArtifactStorage(),
        run_storage=run_storage,
        event_storage=event_storage,
        compute_log_manager=NoOpComputeLogManager(),
        run_coordinator=DefaultRunCoordinator(),
        run_launcher=SyncInMemoryRunLauncher(),
    )


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
        return _ephemeral_instance()
    _fast_run_history()
    config = Path(home) / "dagster.yaml"
    if not config.exists():
        Path(home).mkdir(parents=True, exist_ok=True)
        config.write_text("telemetry:\n  enabled: false\n")
    return dg.DagsterInstance.get()


