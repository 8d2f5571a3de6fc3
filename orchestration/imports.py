"""Paying less for a library's import when a process never uses part of what it sets up.

- `masked`: the library is imported as it is without one of its optional dependencies. The dependency is
  masked (a `None` in sys.modules makes an import of it fail, per the import system's documentation)
  while the library is imported, then visible again. dagster-dbt without dbt-core
  (transformation/integration.py), Great Expectations without SQLAlchemy (quality/worker.py).
- `deferred`: modules the library imports at its top but uses only inside functions are created lazily
  (the standard library's `importlib.util.LazyLoader`): their code runs on first attribute access, so a
  process that never calls those functions never pays for them, and one that does gets the real module.
  Great Expectations and scipy.stats/altair (quality/worker.py).
- `collector_paused`: no garbage collection while a process imports what it keeps for its whole life
  (the build's Dagster, the standby's dbt and manifest, the worker's GX): such imports create millions of
  objects and next to no garbage, and collecting over them cost ~0.35 s (the build), ~0.25 s (dbt) and
  ~0.5 s (GX). What was imported is then frozen, so no later collection walks it again, during the run or
  at exit.
"""
from __future__ import annotations

import gc
import importlib.abc
import importlib.util
import sys
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def masked(module: str) -> Iterator[None]:
    saved = sys.modules.get(module)
    sys.modules[module] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if saved is None:
            sys.modules.pop(module, None)
        else:
            sys.modules[module] = saved


class _DeferringFinder(importlib.abc.MetaPathFinder):
    """Finds the named modules through the other finders and wraps their loaders in a LazyLoader."""

    def __init__(self, modules: frozenset[str]) -> None:
        self.modules = modules

    def find_spec(self, name, path, target=None):
        if name not in self.modules:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        else:
            return None
        # a namespace package or a loader of the old protocol cannot be deferred: import it as it is
        if spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


@contextmanager
def deferred(*modules: str) -> Iterator[None]:
    """The named modules, when first imported inside the block, are created lazily. A module already
    imported stays as it is. LazyLoader is not thread-safe before Python 3.12: use this where one thread
    imports."""
    finder = _DeferringFinder(frozenset(modules))
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


@contextmanager
def collector_paused() -> Iterator[None]:
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()
