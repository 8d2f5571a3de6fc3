"""Load the suites of expectations/ and validate pandas frames read from DuckDB with Great Expectations.

GX's SQL path does not work on DuckDB (its SQLAlchemy engine loses the rows), so frames are read with
DuckDB and validated with the pandas engine. One ephemeral GX context per process: importing GX costs
~2-3 s, validating a frame ~0.05 s. Data Docs go to a file site beside the warehouse.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

from .. import yaml_io
from ..settings import EXPECTATIONS_DIR

SEVERITIES = ("error", "warn")


class SuiteDefinitionError(ValueError):
    """A suite file is malformed or names an expectation GX does not know."""


@dataclass(frozen=True)
class SuiteSpec:
    name: str
    description: str
    table: str  # schema.table in DuckDB
    asset: str  # the Dagster asset key (a dbt model's name)
    severity: str
    expectations: tuple[dict, ...]
    file: str
    where: str | None = None  # optional SQL filter when reading the table


@dataclass
class SuiteOutcome:
    suite: SuiteSpec
    success: bool
    evaluated: int
    failed: list[dict] = field(default_factory=list)
    rows: int = 0


_COLUMN_ARGUMENTS = ("column", "column_A", "column_B")


def columns_of(spec: SuiteSpec) -> list[str]:
    """The columns a suite's expectations read, in first-use order (table-level expectations, such as row
    counts, read none). Checks read only these: a whole table of quotes and provenance, pickled to the GX
    worker and copied by GX, cost ~1 GB at 200 editions."""
    columns: list[str] = []
    for expectation in spec.expectations:
        kwargs = expectation.get("kwargs") or {}
        named = [kwargs[k] for k in _COLUMN_ARGUMENTS if k in kwargs] + list(kwargs.get("column_list") or [])
        columns += [c for c in named if c not in columns]
    return columns


def load_suites(directory: Path = EXPECTATIONS_DIR) -> list[SuiteSpec]:
    specs = []
    for path in sorted(Path(directory).glob("*.yml")):
        doc = yaml_io.safe_load(path.read_text(encoding="utf-8")) or {}
        missing = [k for k in ("name", "table", "asset", "severity", "expectations") if k not in doc]
        if missing:
            raise SuiteDefinitionError(f"{path.name}: missing {', '.join(missing)}")
        if doc["severity"] not in SEVERITIES:
            raise SuiteDefinitionError(f"{path.name}: severity must be one of {SEVERITIES}")
        exps = tuple({"type": e["type"], "kwargs": e.get("kwargs", {}), "meta": e.get("meta", {})}
                     for e in doc["expectations"])
        specs.append(SuiteSpec(name=doc["name"], description=doc.get("description", ""), table=doc["table"],
                               asset=doc["asset"], severity=doc["severity"], expectations=exps,
                               file=path.name, where=doc.get("where")))
    names = [s.name for s in specs]
    if len(names) != len(set(names)):
        raise SuiteDefinitionError(f"duplicate suite names in {directory}: {names}")
    return specs


# BASIC gives what a check reports (unexpected_count, partial_unexpected_list, observed_value) and what the
# Data Docs show of a failure (sample unexpected values); SUMMARY's extra per-value counts and row indexes
# cost ~0.2 s of a build's ~0.9 s of validation.
RESULT_FORMAT = {"result_format": "BASIC", "partial_unexpected_count": 10}


class SuiteRunner:
    """One GX context for a process (the GX worker, see worker.py); one validation definition per suite,
    run directly: a checkpoint around it would only add its freshness checks and serialisation (~0.15 s a
    build), as the suites have no actions (the Data Docs are rendered by `build_docs`)."""

    def __init__(self, docs_dir: Path):
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        import great_expectations as gx  # slow import: only when a check actually runs
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self._gx = gx
        self.docs_dir = Path(docs_dir)
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.context.add_data_docs_site(site_name="warehouse", site_config={
            "class_name": "SiteBuilder",
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(self.docs_dir)},
        })
        self._source = self.context.data_sources.add_pandas("warehouse_frames")
        self._definitions: dict[str, object] = {}
        self._pending_docs = False

    def validation_definition(self, spec: SuiteSpec):
        if spec.name in self._definitions:
            return self._definitions[spec.name]
        gx = self._gx
        suite = gx.ExpectationSuite(name=spec.name, expectations=list(spec.expectations),
                                    meta={"description": spec.description, "severity": spec.severity,
                                          "table": spec.table})
        if len(suite.expectations) != len(spec.expectations):
            raise SuiteDefinitionError(f"{spec.file}: GX rejected some expectations (see the log)")
        suite = self.context.suites.add(suite)
        batch = self._source.add_dataframe_asset(spec.name).add_batch_definition_whole_dataframe("whole")  # one asset per suite: several suites may read one table
        definition = self.context.validation_definitions.add(
            gx.ValidationDefinition(name=f"{spec.name}_validation", data=batch, suite=suite))
        self._definitions[spec.name] = definition
        return definition

    def validate(self, spec: SuiteSpec, frame, defer_docs: bool = False) -> SuiteOutcome:
        """With defer_docs (a build validating every suite), the Data Docs wait for `build_docs`; a check
        run on its own (the UI, a sensor) renders its pages at once (re-rendering every page after each
        suite cost ~0.5 s a suite)."""
        from great_expectations.core.run_identifier import RunIdentifier
        from great_expectations.data_context.types.resource_identifiers import (ExpectationSuiteIdentifier,
                                                                                ValidationResultIdentifier)

        run_id = RunIdentifier(run_time=datetime.now(timezone.utc))
        vr = self.validation_definition(spec).run(batch_parameters={"dataframe": frame},
                                                  result_format=RESULT_FORMAT, run_id=run_id)
        if defer_docs:
            self._pending_docs = True
        else:  # this suite's pages and the index only
            identifier = ValidationResultIdentifier(
                expectation_suite_identifier=ExpectationSuiteIdentifier(name=spec.name), run_id=run_id,
                batch_identifier=vr.batch_id)
            self.context.build_data_docs(site_names=["warehouse"], resource_identifiers=[identifier])
        failed = [{"expectation": r.expectation_config.type, "kwargs": dict(r.expectation_config.kwargs),
                   "unexpected_count": r.result.get("unexpected_count"),
                   "partial_unexpected_list": r.result.get("partial_unexpected_list"),
                   "observed_value": r.result.get("observed_value"),
                   "exception": (r.exception_info or {}).get("exception_message")}
                  for r in vr.results if not r.success]
        return SuiteOutcome(suite=spec, success=bool(vr.success), failed=failed, rows=len(frame),
                            evaluated=int(vr.statistics["evaluated_expectations"]))

    def index_page(self) -> Path:
        return self.docs_dir / "index.html"

    def build_docs(self) -> Path | None:
        """Render the Data Docs once for every suite validated since the last call (a build defers
        rendering to here, see `defer_docs`)."""
        if not self._pending_docs:
            return None
        self.context.build_data_docs(site_names=["warehouse"])
        self._pending_docs = False
        return self.index_page()


@lru_cache(maxsize=4)
def runner_for(docs_dir: str) -> SuiteRunner:
    runner = SuiteRunner(Path(docs_dir))
    _RUNNERS.append(runner)
    return runner


_RUNNERS: list[SuiteRunner] = []


def build_pending_docs() -> list[Path]:
    """Render the Data Docs of every runner of this process that validated suites with docs deferred."""
    return [page for page in (r.build_docs() for r in _RUNNERS) if page is not None]
