"""dagster-dbt's CLI resource, as this project runs dbt (through the launcher, see launcher.py)."""
from __future__ import annotations

import importlib.metadata
from functools import cached_property

from packaging.version import Version

from .integration import DbtCliResource


class WarehouseDbtResource(DbtCliResource):
    """Two fixed costs of dagster-dbt's resource, paid in series before every dbt command, removed:
    - it runs `dbt --version` in a subprocess (~2 s; dbt also asks PyPI for its latest version) to learn
      the version of the dbt in this very environment, which the installed package states (and which tells
      dagster-dbt to read dbt-core's events, although this process does not import dbt-core: integration.py);
    - it opens a dbt adapter in this process (~4 s) only to serve `fetch_row_counts` /
      `fetch_column_metadata`, which this project does not call (without an adapter they fail loudly)."""

    @cached_property
    def _cli_version(self) -> Version:
        return Version(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):  # noqa: ARG002 - same signature as dagster-dbt's
        return None


def dbt_resource() -> DbtCliResource:
    from .launcher import dbt_launcher
    from .project import dbt_project

    return WarehouseDbtResource(project_dir=dbt_project, profiles_dir=str(dbt_project.profiles_dir),
                                dbt_executable=str(dbt_launcher(dbt_project.project_dir / "target")))
