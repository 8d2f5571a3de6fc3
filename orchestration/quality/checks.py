"""One Dagster asset check per Great Expectations suite in expectations/.

Severity `error` suites guard the pipeline's own integrity (keys, nulls, references, row counts): they
block, so a broken build stops before anything downstream runs. Severity `warn` suites find
inconsistencies in the *reports*: they are findings to show, never a crash.
"""

import json

import dagster as dg

from ..ingestion.resources import WarehouseResource
from ..settings import data_docs_dir
from .suites import SuiteSpec, load_suites, runner_for


def _read_frame(warehouse: WarehouseResource, spec: SuiteSpec):
    query = f"select * from {spec.table}" + (f" where {spec.where}" if spec.where else "")
    with warehouse.connect(read_only=True) as con:
        return con.execute(query).df()


def _check_for(spec: SuiteSpec) -> dg.AssetChecksDefinition:
    blocking = spec.severity == "error"

    @dg.asset_check(asset=dg.AssetKey(spec.asset), name=spec.name, blocking=blocking,
                    description=f"{spec.description} (Great Expectations suite expectations/{spec.file})")
    def _gx_check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        frame = _read_frame(warehouse, spec)
        runner = runner_for(str(data_docs_dir()))
        outcome = runner.validate(spec, frame)
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
                "data_docs": dg.MetadataValue.path(str(runner.index_page())),
            },
        )

    return _gx_check


def gx_asset_checks() -> list[dg.AssetChecksDefinition]:
    return [_check_for(spec) for spec in load_suites()]
