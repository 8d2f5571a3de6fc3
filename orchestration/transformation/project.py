"""The dbt project and its manifest. `@dbt_assets` needs target/manifest.json at import time: a fresh
clone has none, so it is parsed on first import (and by `dcw prepare`, which `make ui` runs)."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from ..settings import DBT_PROJECT_DIR, quiet_third_parties, warehouse_path

quiet_third_parties()
# dagster-dbt looks for `dbt` on PATH; `.venv/bin/dcw` may run without the venv activated.
if shutil.which("dbt") is None:
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
# dbt runs in a subprocess with cwd=dbt_project: hand it the same absolute warehouse path.
os.environ.setdefault("DCW_WAREHOUSE", str(warehouse_path()))

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def prepare(force: bool = False) -> None:
    if force or not dbt_project.manifest_path.exists():
        dbt_project.preparer.prepare(dbt_project)


dbt_project.prepare_if_dev()
prepare()
