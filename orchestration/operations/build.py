"""The whole build, as `dcw build` (and `make run`) runs it, through the real Dagster definitions.

Safety, in order:
1. One build at a time: a file lock beside the warehouse; a second build says who holds it and waits.
2. Readers never see half a build: the build works on a copy in warehouse/.build/ and, at the end,
   swaps the finished file (and its exports, docs, dashboard) into place with os.replace. An analyst
   connected to the old file keeps reading it; a build killed at any point leaves the old one intact.
3. Bad input fails only its edition: the copy still holds that edition's previous rows (its partition
   rolled back), every other edition is rebuilt, and the build reports the failure.
4. A broken pipeline (a blocking check fails, dbt fails) publishes nothing.

Test hook: DCW_TEST_PAUSE="stage:seconds" (stages: `copied` = the build copy exists, nothing ingested
yet; `built` = the copy is complete, just before the swap) makes the build write
warehouse/.build/paused-<stage> and sleep there, so a test can SIGKILL it at a known point. Unset (as
always outside the tests) it does nothing.
"""
from __future__ import annotations

import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from filelock import FileLock, Timeout

from ..settings import DBT_PROJECT_DIR, WAREHOUSE_ENV, build_copy_path, quiet_third_parties, warehouse_path
from ..transformation import standby

PUBLISHED_ARTEFACTS = ("exports", "data_docs", "dbt_docs", "dashboard")
PAUSE_ENV = "DCW_TEST_PAUSE"


class BuildLockedError(RuntimeError):
    """Another build holds the warehouse lock for longer than we were willing to wait."""


@dataclass
class EditionOutcome:
    edition_year: int
    ok: bool
    error: str | None = None
    rows: dict[str, int] = field(default_factory=dict)


@dataclass
class BuildReport:
    warehouse: Path
    editions: list[EditionOutcome]
    marts_ok: bool
    published: bool
    checks: list[dict]  # {"asset", "name", "passed", "severity"}
    mart_rows: dict[str, int]
    seconds: float
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.published and self.marts_ok and all(e.ok for e in self.editions)


@contextmanager
def warehouse_lock(target: Path, wait_seconds: float, say: Callable[[str], None]) -> Iterator[None]:
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.parent / ".build.lock"
    lock = FileLock(str(lock_path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        holder = _lock_holder(target)
        say(f"another build is writing {target.name} ({holder}); waiting up to {wait_seconds:.0f} s for it to finish")
        try:
            lock.acquire(timeout=wait_seconds)
        except Timeout as exc:
            raise BuildLockedError(f"{target}: another build ({holder}) still holds {lock_path} after "
                                   f"{wait_seconds:.0f} s; try again when it has finished") from exc
    owner = target.parent / ".build.owner"
    try:
        owner.write_text(f"pid {os.getpid()} since {time.strftime('%H:%M:%S')}")
        yield
    finally:
        owner.unlink(missing_ok=True)
        lock.release()


def _lock_holder(target: Path, patience: float = 2.0) -> str:
    """Who holds the lock, from the note its holder writes just after taking it (give it a moment)."""
    owner = target.parent / ".build.owner"
    deadline = time.monotonic() + patience
    while True:
        try:
            note = owner.read_text()
        except FileNotFoundError:
            note = ""
        if note or time.monotonic() > deadline:
            return note or "a process that has not said who it is"
        time.sleep(0.05)


def _test_pause(stage: str, work_db: Path) -> None:
    """The test-only hook described in the module docstring."""
    wanted = os.environ.get(PAUSE_ENV, "")
    name, _, seconds = wanted.partition(":")
    if not wanted or name != stage:
        return
    (work_db.parent / f"paused-{stage}").write_text(str(os.getpid()))
    time.sleep(float(seconds or 60))


def _prepare_workdir(target: Path, keep_existing: bool) -> Path:
    """A private copy of the published warehouse to build into (leftovers of a killed build go). A killed
    build's dbt dies with it (transformation/launcher.py), so nothing else opens this copy."""
    work_db = build_copy_path(target)
    if work_db.parent.exists():
        shutil.rmtree(work_db.parent)
    work_db.parent.mkdir(parents=True)
    if keep_existing and target.exists():
        shutil.copy2(target, work_db)
    return work_db


def _publish(work_db: Path, target: Path) -> None:
    """Swap the built file into place atomically, then the artefacts beside it."""
    for name in PUBLISHED_ARTEFACTS:
        new = work_db.parent / name
        if not new.exists():
            continue
        old = target.parent / name
        trash = target.parent / f".old-{name}"
        if trash.exists():
            shutil.rmtree(trash)
        if old.exists():
            os.replace(old, trash)
        os.replace(new, old)
        shutil.rmtree(trash, ignore_errors=True)
    os.replace(work_db, target)  # the atomic step readers care about
    shutil.rmtree(work_db.parent, ignore_errors=True)


_warmed: dict[Path, standby.Standby] = {}


def warm_up(target: Path | None = None) -> None:
    """Start the build's helper processes now, before the caller's own work (`dcw add-edition` records the
    file first): the dbt standby (~3.5 s to import dbt and parse) and the Great Expectations worker (~1.8 s
    of CPU to import GX) then use the core the caller leaves idle. build() calls it too (starting only what is
    not running yet) and takes them over; a caller that ends without building leaves them to die with its
    process."""
    from ..quality import worker
    from ..quality.suites import load_suites
    from ..settings import data_docs_dir

    target = Path(target or warehouse_path()).resolve()
    if target not in _warmed:
        started = standby.start(DBT_PROJECT_DIR, log_path=target.parent / "logs" / "dbt_standby.log",
                                env={**os.environ, WAREHOUSE_ENV: str(build_copy_path(target))})
        if started is not None:
            _warmed[target] = started
    worker.start(prepare_for=(data_docs_dir(), load_suites()))


def build(editions: list[int] | None = None, *, target: Path | None = None, wait_seconds: float = 900,
          say: Callable[[str], None] = print, record_runs: bool = False, rebuild_all: bool = False) -> BuildReport:
    """Ingest the given editions (default: every edition in the manifest), then build the marts,
    run the checks and publish. Editions not named keep their rows from the published warehouse; dbt nodes
    unchanged since the last build are kept too (transformation/reuse.py) unless `rebuild_all`."""
    quiet_third_parties()
    target = Path(target or warehouse_path()).resolve()
    started = time.perf_counter()
    with warehouse_lock(target, wait_seconds, say):
        previous = os.environ.get(WAREHOUSE_ENV)
        os.environ[WAREHOUSE_ENV] = str(build_copy_path(target))
        dbt_standby = None
        try:
            # the dbt standby imports and parses the project, the GX worker imports GX and sets up the
            # suites, each in its own process, while this one imports Dagster, ingests and runs dbt; both
            # start first (or earlier, if the caller warmed up), to be ready when the marts are built
            warm_up(target)
            dbt_standby = _warmed.pop(target, None)
            work_db = _prepare_workdir(target, keep_existing=True)
            _test_pause("copied", work_db)
            from .runner import run_pipeline  # imports Dagster and the definitions

            outcome = run_pipeline(editions, say=say, record_runs=record_runs, rebuild_all=rebuild_all,
                                   log_path=target.parent / "logs" / "dbt_build.log")
        finally:
            if dbt_standby is not None:
                dbt_standby.stop()
            if previous is None:
                os.environ.pop(WAREHOUSE_ENV, None)
            else:
                os.environ[WAREHOUSE_ENV] = previous
        published = False
        if outcome.marts_ok:
            _test_pause("built", work_db)
            _publish(work_db, target)
            published = True
        else:
            shutil.rmtree(work_db.parent, ignore_errors=True)
    return BuildReport(warehouse=target, editions=outcome.editions, marts_ok=outcome.marts_ok,
                       published=published, checks=outcome.checks, mart_rows=outcome.mart_rows,
                       seconds=time.perf_counter() - started, error=outcome.error)
