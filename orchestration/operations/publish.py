"""The job the schedule and the sensor launch: `build(editions)` inside a Dagster run.

Why not let them launch the asset jobs directly? Those write to the DuckDB file named by
DCW_WAREHOUSE, i.e. the published warehouse, in place: an analyst's open connection would make the run
fail, a second run would race it, and a failure would leave half a build. `build()` takes the lock,
works on a copy and publishes atomically, and inside it runs the same asset jobs (`ingest_edition` for
each edition partition, then `build_marts`) on the same Dagster instance, so the UI shows the
partitions and marts materialized by the scheduled run, in order: raw first, marts after.
"""
from typing import Optional

import dagster as dg  # no `from __future__ import annotations`: Dagster reads the config annotation


class PublishConfig(dg.Config):
    editions: Optional[list[int]] = None  # None: every edition of the manifest; []: only the marts


# The op and the job need different names: Dagster refuses a job whose graph shares its op's name.
@dg.op(name="build_and_publish", description="Re-ingest the editions, rebuild marts and checks, publish atomically (dcw build).")
def publish_editions(context: dg.OpExecutionContext, config: PublishConfig) -> None:
    from ..reporting.summary import format_summary
    from .build import build

    report = build(config.editions, say=context.log.info, record_runs=True)  # the UI shows these runs
    summary = format_summary(report)
    context.log.info(summary)
    if not report.ok:
        failed = "; ".join(f"{e.edition_year}: {e.error}" for e in report.editions if not e.ok)
        raise dg.Failure(description=f"build finished with errors: {failed or report.error}",
                         metadata={"summary": dg.MetadataValue.md(f"```\n{summary}\n```"),
                                   "published": report.published})


@dg.job(name="publish_editions", executor_def=dg.in_process_executor, tags={"dcw/kind": "build"},
        description="dcw build from Dagster: lock, build copy, ingest the editions, marts, checks, atomic publish.")
def publish_editions_job():
    publish_editions()
