"""One Dagster asset check per Great Expectations suite in expectations/.

Severity `error` suites guard the pipeline's own integrity (keys, nulls, references, row counts): they
block, so a broken build stops before anything downstream runs. Severity `warn` suites find
inconsistencies in the *reports*: they are findings to show, never a crash.
"""

import json
from pathlib import Path

import dagster as dg

from ..ingestion.resources import WarehouseResource
from ..settings import data_docs_dir
from . import worker
from .suites import SuiteOutcome, SuiteSpec, columns_of, load_suites


def _read_frame(con, spec: SuiteSpec):
    """The columns the suite reads (one, if it only counts rows), with the suite's filter."""
    columns = columns_of(spec) or [con.execute(f"select * from {spec.table} limit 0").description[0][0]]
    selected = ", ".join(f'"{c}"' for c in columns)
    return con.execute(f"select {selected} from {spec.table}" + (f" where {spec.where}" if spec.where else "")).df()


# Columns a finding row is shown with in a warn check's metadata (the ones the table has, in this order).
FINDING_COLUMNS = ("finding_id", "claim_id", "check_name", "subject", "indicator_key", "edition_year", "ref_year",
                   "status", "stated", "stated_value", "recomputed", "recomputed_value", "tolerance", "explanation",
                   "provenance")
MAX_FINDINGS = 50


def _failing_rows(con, spec: SuiteSpec, failed: list[dict]) -> list[dict]:
    """The rows behind a warn suite's failures, read back from the table: each finding with its stated and
    recomputed values and provenance. Only set-membership expectations name rows this way."""
    rows: list[dict] = []
    for failure in failed:
        kwargs = failure.get("kwargs") or {}
        column, values = kwargs.get("column"), kwargs.get("value_set")
        if failure.get("expectation") != "expect_column_values_to_be_in_set" or not column or not values:
            continue
        present = [d[0] for d in con.execute(f"select * from {spec.table} limit 0").description]
        cols = [c for c in FINDING_COLUMNS if c in present] or present
        where = f"({spec.where}) and " if spec.where else ""
        frame = con.execute(
            f"select {', '.join(cols)} from {spec.table} where {where}"
            f"({column} is null or {column} not in (select unnest(?::varchar[]))) "
            f"order by {', '.join(cols[:3])} limit {MAX_FINDINGS}", [list(map(str, values))]).df()
        rows.extend(json.loads(frame.to_json(orient="records", force_ascii=False)))
    return rows


def _spec_of(suite: SuiteSpec) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(name=suite.name, asset=dg.AssetKey(suite.asset), blocking=suite.severity == "error",
                             description=f"{suite.description} (Great Expectations suite expectations/{suite.file})")


def _result(con, suite: SuiteSpec, outcome: SuiteOutcome, docs: Path) -> dg.AssetCheckResult:
    blocking = suite.severity == "error"
    extra = {}
    if not blocking and not outcome.success:
        findings = _failing_rows(con, suite, outcome.failed)
        extra = {"findings_count": len(findings), "findings": dg.MetadataValue.json(findings)}
    return dg.AssetCheckResult(
        asset_key=dg.AssetKey(suite.asset),
        check_name=suite.name,
        passed=outcome.success,
        severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
        metadata={
            "suite": suite.name,
            "table": suite.table,
            "rows": outcome.rows,
            "evaluated": outcome.evaluated,
            "failed_expectations": len(outcome.failed),
            "failures": dg.MetadataValue.json(json.loads(json.dumps(outcome.failed, default=str))),
            "data_docs": dg.MetadataValue.path(str(docs / "index.html")),
            **extra,
        },
    )


def gx_asset_checks() -> list[dg.AssetChecksDefinition]:
    """Every suite is its own asset check (on its table's asset), all run by one step with one read-only
    DuckDB connection. The step reads the next frame while the GX worker validates the current one; no
    more than two at a time: at 200 editions the frames are large."""
    suites = load_suites()

    @dg.multi_asset_check(specs=[_spec_of(s) for s in suites], name="great_expectations_suites", can_subset=True)
    def great_expectations_suites(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource):
        selected = {key.name for key in context.selected_asset_check_keys}
        chosen = [s for s in suites if s.name in selected]
        docs = data_docs_dir()
        with warehouse.connect(read_only=True) as con:
            frames = ((suite, lambda suite=suite: _read_frame(con, suite)) for suite in chosen)
            for outcome in worker.validate_each(docs, frames):
                yield _result(con, outcome.suite, outcome, docs)
        worker.render_deferred_docs()  # in the worker, while the publication assets run

    return [great_expectations_suites]
