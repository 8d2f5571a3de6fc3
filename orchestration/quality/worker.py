"""Great Expectations runs in a worker process of its own.

Importing GX costs ~3 s of CPU (every expectation class; ~1.8 s as `import_great_expectations` does it).
Inside the build process that time was taken from Dagster, which handles dbt's events on the same
interpreter lock while dbt runs, so it lengthened the build by as much. A spawned worker imports GX on
the other core while the build imports Dagster and ingests the editions; the checks then send it the
frames they read from DuckDB.

One worker per process, started by `start()` (the build calls it first thing; a check run from the UI
starts it on first use) and reused by every check and build of the process; in it, one GX context per
Data Docs folder (`suites.runner_for`). A worker that dies is replaced once; if the new one dies too, the
check fails with a pipeline error naming the cause.
"""
from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..imports import collector_paused, deferred, masked
from .suites import SuiteOutcome, SuiteSpec, build_pending_docs, runner_for

_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()
_defer_docs = False
_renders: list = []  # Data Docs renders started by render_deferred_docs() inside docs_deferred()


class ValidationWorkerError(RuntimeError):
    """The Great Expectations worker process died twice in a row."""


# -- in the worker ------------------------------------------------------------------------------------

def _exit_with_parent(parent: int) -> None:
    """A worker holds both ends of its task pipe, so it never sees its parent vanish (a build killed with
    SIGKILL): it would idle on forever. Leave once the parent is gone."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


def _import_great_expectations() -> None:
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), name="parent-watch", daemon=True).start()
    # nothing waits for this import until the marts are built: let the build's own start-up and the
    # standby dbt (transformation/standby.py) have the cores first
    os.nice(10)
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    with collector_paused():  # GX's modules are here for the life of the worker
        import_great_expectations()


def import_great_expectations() -> None:
    """GX as this worker uses it, for ~1.5 s of CPU less than a plain import (~3 s):
    - GX's SQL data sources are not used (the frames come from DuckDB, validated by the pandas engine),
      and SQLAlchemy is one of GX's optional extras: GX is imported as it is without them (~0.25 s).
      The mask is lifted at once; it only decides what GX sets up.
    - scipy.stats and altair are imported at the top of a few expectation and metric modules (KL
      divergence, KS tests) but used only inside their functions: deferred, they load on first use,
      which none of our suites makes (~1.2 s)."""
    with masked("sqlalchemy"), deferred("scipy.stats", "altair"):
        import great_expectations  # noqa: F401 - the point is to pay for the import now


def _ready() -> bool:
    return True


def _validate(docs_dir: str, spec: SuiteSpec, frame, defer_docs: bool) -> SuiteOutcome:
    try:
        return runner_for(docs_dir).validate(spec, frame, defer_docs=defer_docs)
    finally:
        del frame
        _release_memory()


def _release_memory() -> None:
    """Give the copies GX made of a large frame back to the system before the next frame arrives (glibc
    keeps freed memory otherwise; at 200 editions the worker held ~1 GB)."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


def _render_docs() -> list[str]:
    return [str(page) for page in build_pending_docs()]


def _prepare(docs_dir: str, specs: list[SuiteSpec]) -> None:
    """The GX context and every suite's validation definition, made while the worker would otherwise wait
    for dbt."""
    runner = runner_for(docs_dir)
    for spec in specs:
        runner.validation_definition(spec)


# -- in the build process -----------------------------------------------------------------------------

def start(prepare_for: tuple[Path, list[SuiteSpec]] | None = None) -> ProcessPoolExecutor:
    """The worker of this process, spawned now if there is none (it imports GX as it starts). With
    `prepare_for` (docs folder, suites), it also sets up their validation definitions as soon as it can."""
    global _pool
    with _lock:
        if _pool is None:
            # spawn, not fork: the build process has threads (Dagster's, dbt's stdout reader)
            _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_import_great_expectations)
            with _main_module_hidden():
                _pool.submit(_ready)  # the pool spawns its one process on the first task
        if prepare_for is not None:
            docs_dir, specs = prepare_for
            _pool.submit(_prepare, str(docs_dir), list(specs))  # a failure here shows again in the checks
        return _pool


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """A spawned process re-runs the parent's main script unless it is hidden: a script that calls
    build() without an `if __name__ == "__main__"` guard would build again inside the worker. The
    worker needs nothing from it (everything it runs is imported by module name)."""
    main = sys.modules.get("__main__")
    saved = {name: getattr(main, name) for name in ("__file__", "__spec__") if hasattr(main, name)}
    try:
        for name in saved:
            setattr(main, name, None)
        yield
    finally:
        for name, value in saved.items():
            setattr(main, name, value)


def _discard(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def _call(function, *args):
    cause: BaseException | None = None
    for _attempt in range(2):
        pool = start()
        try:
            return pool.submit(function, *args).result()
        except BrokenProcessPool as exc:
            cause = exc
            _discard(pool)
    raise ValidationWorkerError(f"the Great Expectations worker process died twice: {cause}") from cause


def validate(docs_dir: Path, spec: SuiteSpec, frame) -> SuiteOutcome:
    """Validate `frame` against `spec` in the worker; its Data Docs go to `docs_dir` (now, or at the end of
    `docs_deferred()`)."""
    return _call(_validate, str(docs_dir), spec, frame, _defer_docs)


def validate_each(docs_dir: Path, work: Iterable[tuple[SuiteSpec, Callable[[], object]]]) -> Iterator[SuiteOutcome]:
    """`validate` for each (suite, read its frame), in order, with the next frame read while the worker
    validates the current one (at most two frames alive: at 200 editions they are large)."""
    pending: Future | None = None
    pending_args: tuple | None = None
    for spec, read_frame in work:
        args = (str(docs_dir), spec, read_frame(), _defer_docs)
        submitted = _submit(args)
        if pending is not None:
            yield _outcome(pending, pending_args)
        pending, pending_args = submitted, args
    if pending is not None:
        yield _outcome(pending, pending_args)


def _submit(args: tuple) -> Future | None:
    try:
        return start().submit(_validate, *args)
    except BrokenProcessPool:  # _outcome retries it in a new worker
        return None


def _outcome(future: Future | None, args: tuple) -> SuiteOutcome:
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            pass  # _call replaces the broken worker and validates once more
    return _call(_validate, *args)


def render_deferred_docs() -> None:
    """Inside docs_deferred(): start rendering the Data Docs of what was validated so far, in the worker;
    docs_deferred waits for it at its end. Outside: nothing (each validation rendered its own pages)."""
    if _defer_docs:
        _renders.append(start().submit(_render_docs))


@contextmanager
def docs_deferred() -> Iterator[list[Path]]:
    """Validate every suite first, then render the Data Docs once (re-rendering every page after each
    suite cost ~0.5 s a suite). Yields the list that receives the rendered index pages."""
    global _defer_docs
    pages: list[Path] = []
    _defer_docs = True
    _renders.clear()
    try:
        yield pages
    finally:
        _defer_docs = False
    started, _renders[:] = list(_renders), []
    try:  # the render render_deferred_docs() started, or one now
        rendered = [page for render in started for page in render.result()] if started else _call(_render_docs)
    except BrokenProcessPool:  # the worker died while rendering: once more in a new one
        rendered = _call(_render_docs)
    pages.extend(Path(p) for p in rendered)


@atexit.register
def _stop() -> None:
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
