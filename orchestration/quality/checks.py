"""One Dagster asset check per Great Expectations suite in expectations/.

Severity `error` suites guard the pipeline's own integrity (keys, nulls, references, row counts): they
block, so a broken build stops before anything downstream runs. Severity `warn` suites find
inconsistencies in the *reports*: they are findings to show, never a crash.
"""

import json

import dagster as dg

from ..ingestion.resources import WarehouseResource
from ..settings import data_docs_dir
from . import worker
from .suites import SuiteSpec, load_suites


def _read_frame(warehouse: WarehouseResource, spec: SuiteSpec):
    query = f"select * from {spec.table}" + (f" where {spec.where}" if spec.where else "")
    with warehouse.connect(read_only=True) as con:
        return con.execute(query).df()


# Columns a finding row is shown with in a warn check's metadata (the ones the table has, in this order).
FINDING_COLUMNS = ("finding_id", "claim_id", "check_name", "subject", "indicator_key", "edition_year", "ref_year",
                   "status", "stated", "stated_value", "recomputed", "recomputed_value", "tolerance", "explanation",
                   "provenance")
MAX_FINDINGS = 50


def _failing_rows(warehouse: WarehouseResource, spec: SuiteSpec, failed: list[dict]) -> list[dict]:
    """The rows behind a warn suite's failures, read back from the table: each finding with its stated and
    recomputed values and provenance. Only set-membership expectations name rows this way."""
    rows: list[dict] = []
    for failure in failed:
        kwargs = failure.get("kwargs") or {}
        column, values = kwargs.get("column"), kwargs.get("value_set")
        if failure.get("expectation") != "expect_column_values_to_be_in_set" or not column or not values:
            continue
        with warehouse.connect(read_only=True) as con:
            present = [d[0] for d in con.execute(f"select * from {spec.table} limit 0").description]
            cols = [c for c in FINDING_COLUMNS if c in present] or present
            where = f"({spec.where}) and " if spec.where else ""
            frame = con.execute(
                f"select {', '.join(cols)} from {spec.table} where {where}"
                f"({column} is null or {column} not in (select unnest(?::varchar[]))) "
                f"order by {', '.join(cols[:3])} limit {MAX_FINDINGS}", [list(map(str, values))]).df()
        rows.extend(json.loads(frame.to_json(orient="records", force_ascii=False)))
    return rows


def _check_for(spec: SuiteSpec) -> dg.AssetChecksDefinition:
    blocking = spec.severity == "error"

    @dg.asset_check(asset=dg.AssetKey(spec.asset), name=spec.name, blocking=blocking,
                    description=f"{spec.description} (Great Expectations suite expectations/{spec.file})")
    def _gx_check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        frame = _read_frame(warehouse, spec)
        docs = data_docs_dir()
        outcome = worker.validate(docs, spec, frame)
        extra = {}
        if not blocking and not outcome.success:
            findings = _failing_rows(warehouse, spec, outcome.failed)
            extra = {"findings_count": len(findings), "findings": dg.MetadataValue.json(findings)}
        return dg.AssetCheckResult(
            passed=outcome.success,
            severity=dg.AssetCheckSeverity.ERROR if blocking else dg.AssetCheckSeverity.WARN,
            metadata={
                "suite": spec.name,
                "table": spec.table,
                "rows": outcome.rows,
                "evaluated": outcome.evaluated,
                "failed_expectations": len(outcome.failed),
                "failures": dg.MetadataValue.json(json.loads(json.dumps(outcome.failed, default=str))),
                "data_docs": dg.MetadataValue.path(str(docs / "index.html")),
                **extra,
            },
        )

    return _gx_check


def gx_asset_checks() -> list[dg.AssetChecksDefinition]:
    return [_check_for(spec) for spec in load_suites()]
