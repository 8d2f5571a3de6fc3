"""Run the Dagster jobs in this process against the warehouse named by DCW_WAREHOUSE.

In-process on purpose: the multiprocess executor re-imports the code location for every step (4–10 s
each here) and would let two steps open the single-writer DuckDB file at once.
"""
from __future__ import annotations

from contextlib import contextmanager, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import dagster as dg

from ..definitions import defs
from ..editions import load_manifest
from ..editions.manifest import edition_years
from ..ingestion.partitions import EDITION_PARTITIONS_NAME
from ..ingestion.raw_schema import RAW_SCHEMA, ensure_raw_tables, raw_tables
from ..ingestion.resources import WarehouseResource
from ..quality import worker as quality_worker
from ..reporting.exports import MART_SCHEMA, mart_tables
from ..settings import sources_dir
from ..transformation import reuse
from ..transformation.assets import dbt_keys, dbt_manifest
from ..transformation.project import project_fingerprint
from .build import EditionOutcome
from .instance import dagster_instance


@dataclass
class PipelineOutcome:
    editions: list[EditionOutcome]
    marts_ok: bool
    checks: list[dict]
    mart_rows: dict[str, int]
    error: str | None = None


# The build prints its own summary; Dagster's step log stays in the run history (make ui shows it).
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def _failure_message(result) -> str:
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data and event.step_failure_data.error:
            err = event.step_failure_data.error
            while err.cause is not None and err.message.startswith("dagster."):
                err = err.cause
            return err.message.strip()
    return "the run failed (see the Dagster log)"


@contextmanager
def _stdout_to(log_path: Path | None):
    if log_path is None:
        yield
        return
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w", encoding="utf-8") as log, redirect_stdout(log):
        yield


def run_pipeline(editions: list[int] | None, say: Callable[[str], None] = print,
                 record_runs: bool = False, log_path: Path | None = None, rebuild_all: bool = False) -> PipelineOutcome:
    instance = dagster_instance(record_runs)
    manifest = load_manifest(sources_dir())
    known = edition_years(manifest)
    wanted = known if editions is None else sorted(set(editions))
    missing = sorted(set(wanted) - set(known))
    if missing:
        raise ValueError(f"edition(s) {missing} are not in {sources_dir() / 'manifest.yml'}")
    instance.add_dynamic_partitions(EDITION_PARTITIONS_NAME,
                                    [str(y) for y in known if not instance.has_dynamic_partition(
                                        EDITION_PARTITIONS_NAME, str(y))])

    warehouse = WarehouseResource()
    with warehouse.connect() as con:
        ensure_raw_tables(con)
        _prune_editions_not_in_manifest(con, known, say)
        # what dbt can keep from the last build (ingestion changes rows, not tables or columns)
        current = reuse.fingerprint(project_fingerprint(), reuse.raw_columns(con))
        plan = (reuse.Reuse(reason="asked to rebuild every node") if rebuild_all else
                reuse.plan_reuse(dbt_manifest(), current, reuse.recorded_fingerprint(con),
                                 reuse.existing_relations(con)))

    ingest = defs.resolve_job_def("ingest_edition")
    outcomes = []
    for year in wanted:
        result = ingest.execute_in_process(partition_key=str(year), instance=instance, raise_on_error=False,
                                        run_config=QUIET)
        if result.success:
            rows = {}
            for mat in result.asset_materializations_for_node(ingest.nodes_in_topological_order[0].name):
                rows[mat.asset_key.path[-1]] = int(mat.metadata["rows"].value)
            outcomes.append(EditionOutcome(year, True, rows=rows))
            say(f"edition {year}: ingested ({', '.join(f'{t} {n}' for t, n in rows.items() if n)})")
        else:
            message = _failure_message(result)
            outcomes.append(EditionOutcome(year, False, error=message))
            say(f"edition {year}: FAILED, previous rows kept: {message}")

    say(plan.describe())
    # every suite validates, then the Data Docs render once; dagster-dbt echoes every dbt event to
    # stdout: keep it in a log file, not on the build's screen
    with quality_worker.docs_deferred(), _stdout_to(log_path):
        marts = _marts_job(plan).execute_in_process(instance=instance, raise_on_error=False, run_config=QUIET)
    checks = [{"asset": e.asset_key.to_user_string(), "name": e.check_name, "passed": e.passed,
               "severity": e.severity.value} for e in marts.get_asset_check_evaluations()]
    mart_rows: dict[str, int] = {}
    if marts.success:  # after a failure dbt's subprocess may still hold the file
        with warehouse.connect() as con:
            reuse.record_fingerprint(con, current)  # every node now stands as this project builds it
            mart_rows = {t: con.execute(f"select count(*) from {MART_SCHEMA}.{t}").fetchone()[0]
                         for t in mart_tables(con)}
    return PipelineOutcome(outcomes, marts.success, checks, mart_rows,
                           error=None if marts.success else _failure_message(marts))


def _marts_job(plan: reuse.Reuse) -> dg.JobDefinition:
    """`build_marts`, less the dbt nodes the plan keeps (and the checks of the tests it does not re-run)."""
    job = defs.resolve_job_def("build_marts")
    if not plan:
        return job
    kept_assets, kept_checks = dbt_keys(plan.kept | plan.tests_kept)
    return job.get_subset(asset_selection=set(job.asset_layer.executable_asset_keys) - kept_assets,
                          asset_check_selection=set(job.asset_layer.asset_graph.asset_check_keys) - kept_checks)


def _prune_editions_not_in_manifest(con, known: list[int], say) -> None:
    """An edition removed from the manifest leaves the warehouse too."""
    for table in raw_tables():
        gone = con.execute(f"select distinct edition_year from {RAW_SCHEMA}.{table} where edition_year not in "
                           f"(select unnest(?::integer[]))", [known]).fetchall()
        if gone:
            con.execute(f"delete from {RAW_SCHEMA}.{table} where edition_year not in (select unnest(?::integer[]))",
                        [known])
            say(f"raw.{table}: removed editions {[g[0] for g in gone]} (no longer in the manifest)")
