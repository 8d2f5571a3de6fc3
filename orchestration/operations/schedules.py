"""The yearly schedule: after the release season, rebuild the newest edition and everything downstream.

One tick = one run of `publish_editions` for the newest edition in the manifest (see publish.py for why
it goes through `build()`): its partition of the raw tables is re-ingested, then the marts, checks,
exports and docs are rebuilt over every edition and the warehouse is swapped in atomically.
The cron is DCW_SCHEDULE_CRON (default "0 6 1 9 *": 1 September, 06:00; editions appear in spring and
summer), in DCW_SCHEDULE_TIMEZONE (default Asia/Shanghai). Read when the code location loads.
"""
from __future__ import annotations

import os

import dagster as dg

from ..editions.manifest import ManifestError, edition_years, load_manifest
from ..settings import sources_dir
from .publish import publish_editions_job

SCHEDULE_CRON_ENV = "DCW_SCHEDULE_CRON"
SCHEDULE_TZ_ENV = "DCW_SCHEDULE_TIMEZONE"
DEFAULT_CRON = "0 6 1 9 *"
DEFAULT_TZ = "Asia/Shanghai"


def newest_edition_request(context: dg.ScheduleEvaluationContext):
    try:
        years = edition_years(load_manifest(sources_dir()))
    except ManifestError as exc:
        return dg.SkipReason(f"cannot read the manifest: {exc}")
    if not years:
        return dg.SkipReason(f"{sources_dir() / 'manifest.yml'} lists no edition")
    newest = years[-1]
    return dg.RunRequest(
        run_config={"ops": {"build_and_publish": {"config": {"editions": [newest]}}}},
        tags={"dcw/editions": str(newest), "dcw/trigger": "yearly schedule"},
    )


def yearly_schedule(cron: str | None = None) -> dg.ScheduleDefinition:
    return dg.ScheduleDefinition(
        name="yearly_newest_edition",
        cron_schedule=cron or os.environ.get(SCHEDULE_CRON_ENV) or DEFAULT_CRON,
        execution_timezone=os.environ.get(SCHEDULE_TZ_ENV) or DEFAULT_TZ,
        job=publish_editions_job,
        execution_fn=newest_edition_request,
        default_status=dg.DefaultScheduleStatus.RUNNING,
        description="Every year after the release season: re-ingest the newest edition, rebuild the marts, publish.",
    )
