"""Importing a library as it is without one of its optional dependencies: the dependency is masked (a
`None` in sys.modules makes an import of it fail, per the import system's documentation) while the
library is imported, then visible again. Used where a process never needs what the library would set up
with that dependency: dagster-dbt without dbt-core (transformation/integration.py), Great Expectations
without SQLAlchemy (quality/worker.py)."""
from __future__ import annotations

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
