"""The dbt docs of the warehouse: one self-contained page (`dbt docs generate --static`) beside the Data
Docs, in warehouse/dbt_docs/index.html: every model, seed and source with its description, columns,
types, tests and lineage. It opens from the file system, with no server and no network.

The manifest and catalog it was generated from are kept beside it (manifest.json, catalog.json): `dcw
tables` and `dcw describe` read their descriptions from there, so they describe the published file.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import dagster as dg

from ..settings import DBT_PROJECT_DIR, dbt_docs_dir, quiet_third_parties, warehouse_path
from ..transformation.assets import warehouse_dbt_models

MART_KEYS = [key for key, group in warehouse_dbt_models.group_names_by_key.items() if group == "marts"]
#: the files dbt's docs depend on; their content (and the warehouse's file name) keys the cache
_PROJECT_INPUTS = ("dbt_project.yml", "profiles.yml", "models", "seeds", "macros", "tests", "snapshots")
CACHE_DIR = DBT_PROJECT_DIR / "target" / "dbt_docs_cache"
OUTPUTS = ("index.html", "manifest.json", "catalog.json")


class DbtDocsError(RuntimeError):
    pass


def project_fingerprint(project_dir: Path = DBT_PROJECT_DIR, warehouse: Path | None = None) -> str:
    """SHA-256 of every file the docs are generated from, plus the warehouse's file name (the database
    name in the docs). The same fingerprint means the same docs page."""
    digest = hashlib.sha256()
    for entry in _PROJECT_INPUTS:
        path = project_dir / entry
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.exists():
                digest.update(str(f.relative_to(project_dir)).encode())
                digest.update(f.read_bytes())
    digest.update((warehouse.name if warehouse else "").encode())
    return digest.hexdigest()


def _dbt_executable() -> str:
    local = Path(sys.executable).parent / "dbt"
    return str(local) if local.exists() else (shutil.which("dbt") or "dbt")


def generate_dbt_docs(warehouse: Path, out_dir: Path, *, project_dir: Path = DBT_PROJECT_DIR,
                      cache_dir: Path | None = CACHE_DIR) -> dict:
    """Run `dbt docs generate --static` against the DuckDB file `warehouse` and write index.html (the
    static page), manifest.json and catalog.json into out_dir.

    dbt takes 10-20 s here (a parse, a compile of every node, the catalog queries), so the result is kept
    in cache_dir under the project's fingerprint and reused while the dbt project and the warehouse's name
    are unchanged: the catalog holds names and types only (DuckDB gives dbt no table statistics), so
    new rows never change the page. cache_dir=None always regenerates.
    Returns {"seconds", "cached", "fingerprint", "nodes"}."""
    quiet_third_parties()
    started = time.perf_counter()
    key = project_fingerprint(project_dir, warehouse)
    cached = cache_dir / key if cache_dir is not None else None
    hit = False
    if cached is not None and all((cached / name).exists() for name in OUTPUTS):
        try:
            _copy_outputs(cached, out_dir)
            hit = True
        except OSError:  # another build pruned it meanwhile: generate
            hit = False
    if not hit:
        _run_dbt_docs(warehouse, out_dir, project_dir)
        if cached is not None:
            _store(out_dir, cached)
    manifest = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    nodes = sum(1 for n in manifest.get("nodes", {}).values() if n.get("resource_type") in ("model", "seed"))
    return {"seconds": round(time.perf_counter() - started, 2), "cached": hit, "fingerprint": key,
            "nodes": nodes}


def _run_dbt_docs(warehouse: Path, out_dir: Path, project_dir: Path) -> None:
    scratch_parent = project_dir / "target"
    scratch_parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dbt_docs-", dir=scratch_parent) as scratch:
        target = Path(scratch)
        partial = scratch_parent / "partial_parse.msgpack"
        if partial.exists():  # dbt re-parses only what changed (when the profile's path matches)
            shutil.copy2(partial, target / partial.name)
        env = {**os.environ, "DCW_WAREHOUSE": str(warehouse)}
        proc = subprocess.run(
            [_dbt_executable(), "docs", "generate", "--static", "--project-dir", str(project_dir),
             "--profiles-dir", str(project_dir), "--target-path", str(target), "--log-path", str(target),
             "--no-use-colors", "--quiet"],
            cwd=project_dir, env=env, capture_output=True, text=True)
        if proc.returncode != 0 or not (target / "static_index.html").exists():
            raise DbtDocsError(f"dbt docs generate failed (exit {proc.returncode}): "
                               f"{(proc.stdout + proc.stderr).strip()[-2000:]}")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        out_dir.mkdir(parents=True)
        shutil.copy2(target / "static_index.html", out_dir / "index.html")
        for name in ("manifest.json", "catalog.json"):
            shutil.copy2(target / name, out_dir / name)


def _store(out_dir: Path, cached: Path) -> None:
    """Put the page in the cache (rename into place: concurrent builds never see half an entry) and drop
    older generations, so the cache holds one page."""
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=".tmp-", dir=cached.parent))
    try:
        for name in OUTPUTS:
            shutil.copy2(out_dir / name, partial / name)
        os.rename(partial, cached)
    except OSError:  # another build stored the same key first
        shutil.rmtree(partial, ignore_errors=True)
    for old in cached.parent.iterdir():
        if old.name != cached.name and not old.name.startswith(".tmp-"):
            shutil.rmtree(old, ignore_errors=True)


def _copy_outputs(source: Path, out_dir: Path) -> None:
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    for name in OUTPUTS:
        shutil.copy2(source / name, out_dir / name)


@dg.asset(deps=MART_KEYS, group_name="publication", kinds={"dbt", "html"},
          description="dbt docs (`dbt docs generate --static`): one self-contained page, "
                      "warehouse/dbt_docs/index.html, with every model, column, test and the lineage.")
def dbt_docs() -> dg.MaterializeResult:
    out_dir = dbt_docs_dir()
    info = generate_dbt_docs(warehouse_path(), out_dir)
    return dg.MaterializeResult(metadata={
        "page": dg.MetadataValue.path(str(out_dir / "index.html")),
        "seconds": info["seconds"], "reused_unchanged_docs": info["cached"], "nodes": info["nodes"],
        "project_fingerprint": info["fingerprint"]})
