"""dagster-dbt, imported without dbt-core: the Dagster process never runs dbt itself.

dbt runs in its own process: the standby (standby.py) or, without one, the launcher (launcher.py). The
Dagster process only reads dbt's manifest and its JSON events. dagster-dbt supports that setup, for dbt
Fusion or for dbt-core installed in another environment: when `dbt.version` cannot be imported, it reads
the manifest's nodes as JSON instead of loading dbt's selection engine, and uses its own stand-ins for
dbt's status enums. Importing dbt-core for those (dbt's graph, networkx, adapters) cost every build
~2 s on one core, in series before ingestion could start.

So dagster-dbt is imported here with `dbt.version` masked for the duration of the import
(orchestration/imports.py); dbt itself stays importable in this process. The events are still read as
dbt-core's, because the resource reports dbt-core's version (resources.py). tests/frame/test_definitions.py
checks that the asset graph is the same either way.
"""
from __future__ import annotations

import sys

from ..imports import masked


def _import_dagster_dbt_without_dbt_core() -> None:
    if "dagster_dbt" in sys.modules:  # already imported (e.g. by a test): its mode is set
        return
    with masked("dbt.version"):
        import dagster_dbt  # noqa: F401


_import_dagster_dbt_without_dbt_core()

from dagster_dbt import (DagsterDbtProjectPreparer, DagsterDbtTranslator, DbtCliResource, DbtProject,  # noqa: E402
                         dbt_assets)

__all__ = ["DagsterDbtProjectPreparer", "DagsterDbtTranslator", "DbtCliResource", "DbtProject", "dbt_assets"]
