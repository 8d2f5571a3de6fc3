"""The dbt project and its manifest. `@dbt_assets` needs target/manifest.json at import time: a fresh
clone has none, and a manifest older than the models would map dbt's results onto the wrong assets.
So the project is re-parsed whenever its files change (a fingerprint of them is kept beside the
manifest), and only then: parsing costs ~4 s."""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from pathlib import Path

from ..settings import DBT_PROJECT_DIR, WAREHOUSE_ENV, build_copy_path, quiet_third_parties, warehouse_path
from .integration import DagsterDbtProjectPreparer, DbtProject

quiet_third_parties()
# dagster-dbt looks for `dbt` on PATH; `.venv/bin/dcw` may run without the venv activated.
if shutil.which("dbt") is None:
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
# dbt runs in a subprocess with cwd=dbt_project: hand it the same absolute warehouse path.
os.environ.setdefault("DCW_WAREHOUSE", str(warehouse_path()))


class _Preparer(DagsterDbtProjectPreparer):
    """dagster-dbt's preparer (`dbt parse`), through this project's resource: dagster-dbt's own would try to
    open a dbt adapter in this process, which does not import dbt-core (integration.py)."""

    def _prepare_manifest(self, project: DbtProject) -> None:
        from .resources import WarehouseDbtResource

        WarehouseDbtResource(project_dir=project).cli(self._prepare_project_cli_args,
                                                      target_path=project.target_path).wait()
        self._invalidate_seeds_in_partial_parse(project)


dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
FINGERPRINT = DBT_PROJECT_DIR / "target" / "dcw_project_fingerprint.txt"
_PARSED_FOLDERS = ("models", "seeds", "macros", "tests", "snapshots", "analyses")


def project_fingerprint() -> str:
    digest = hashlib.sha256()
    files = [DBT_PROJECT_DIR / "dbt_project.yml", DBT_PROJECT_DIR / "profiles.yml"]
    for folder in _PARSED_FOLDERS:
        files += sorted(p for p in (DBT_PROJECT_DIR / folder).rglob("*") if p.is_file())
    for path in files:
        if path.exists():
            digest.update(str(path.relative_to(DBT_PROJECT_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def keep_partial_parse(invocation_target: Path) -> None:
    """dagster-dbt seeds each invocation with target/partial_parse.msgpack, but dbt discards it (and parses
    the whole project, ~3 s) when the profile differs, i.e. when the warehouse path differs from the one
    it was parsed with. Keep the state of the last build, whose path the next build most likely shares."""
    state = invocation_target / "partial_parse.msgpack"
    if state.exists():
        staged = DBT_PROJECT_DIR / "target" / f".partial_parse.{os.getpid()}"
        shutil.copy2(state, staged)
        os.replace(staged, DBT_PROJECT_DIR / "target" / "partial_parse.msgpack")


def prune_old_invocations(keep: Path, older_than_seconds: float = 3600) -> None:
    """dagster-dbt gives every dbt invocation its own folder under target/ (~9 MB: manifest, compiled SQL,
    run results). Keep the newest and any younger than an hour (another build may be using it); drop the rest."""
    cutoff = time.time() - older_than_seconds
    for folder in keep.parent.glob(f"{keep.name.split('-')[0]}-*"):
        if folder != keep and folder.is_dir() and folder.stat().st_mtime < cutoff:
            shutil.rmtree(folder, ignore_errors=True)


def prepare(force: bool = False) -> None:
    fingerprint = project_fingerprint()
    fresh = (dbt_project.manifest_path.exists() and FINGERPRINT.exists()
             and FINGERPRINT.read_text() == fingerprint)
    if force or not fresh:
        # parse with the warehouse path the builds will give dbt, so that their partial parse holds
        target = warehouse_path()
        parsed_for = target if target.parent.name == ".build" else build_copy_path(target)
        saved = os.environ.get(WAREHOUSE_ENV)
        os.environ[WAREHOUSE_ENV] = str(parsed_for)
        try:
            _Preparer().prepare(dbt_project)
        finally:
            os.environ[WAREHOUSE_ENV] = saved if saved is not None else str(target)
        FINGERPRINT.write_text(fingerprint)


# (not dbt_project.prepare_if_dev(): under `dagster dev` it parses at every load; prepare() parses on change)
prepare()
