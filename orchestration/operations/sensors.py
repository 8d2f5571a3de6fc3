"""The new-edition sensor: notices a new or changed source file or manifest entry and rebuilds that
edition (and the marts), through the same `publish_editions` job as the schedule.

State, per edition: a digest of its manifest entries (file, kind, recorded sha256, title, publisher,
published) together with the sha256 each listed file really has on disk. The cursor keeps the digests
of the last tick; an edition whose digest changed (or that is new) is requested, and its dynamic
partition added. sources/corrections.yml (applied to every edition at ingestion) is a shared input:
when it changes, every edition is rebuilt. An edition that left the manifest gets a marts-only run (the build prunes its rows)
and its partition is deleted. A file in sources/ that no entry lists is not an input yet: the tick
says so ("run dcw add-edition") and requests nothing.

First tick (no cursor): the baseline is the published warehouse itself (raw.documents: which file and
checksum each edition was built from), so starting the daemon over an up-to-date warehouse builds nothing.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import dagster as dg

from ..editions.manifest import MANIFEST_NAME, ManifestError, load_manifest, sha256_of
from ..ingestion.partitions import EDITION_PARTITIONS_NAME
from ..settings import sources_dir, warehouse_path
from .publish import publish_editions_job

SENSOR_INTERVAL_SECONDS = 30
SHARED_INPUTS = ("corrections.yml",)  # files of sources/ that every edition's ingestion reads
REPORT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf")


def _actual_sha(root: Path, file: str) -> str:
    path = (root / file).resolve()
    if path != root and root not in path.parents:
        return "outside-sources"
    return sha256_of(path) if path.is_file() else "missing"


def source_state(sources: Path) -> tuple[dict[str, str], dict[str, set[tuple[str, str]]], list[str]]:
    """({edition: digest}, {edition: {(file, actual sha256)}}, [files in sources/ no entry lists]).
    Raises ManifestError if the manifest cannot be read."""
    root = Path(sources).resolve()
    entries = load_manifest(root)
    parts: dict[str, list] = {}
    files: dict[str, set[tuple[str, str]]] = {}
    for e in entries:
        actual = _actual_sha(root, e.file)
        parts.setdefault(e.partition_key, []).append(
            [e.file, e.kind, e.sha256, actual, e.title, e.publisher, e.published or ""])
        files.setdefault(e.partition_key, set()).add((e.file, actual if actual == e.sha256 else f"{e.sha256}!"))
    digests = {year: hashlib.sha256(json.dumps(sorted(p), ensure_ascii=False).encode()).hexdigest()
               for year, p in parts.items()}
    listed = {(root / e.file).resolve() for e in entries}
    unlisted = sorted(str(p.relative_to(root)) for p in root.rglob("*")
                      if p.is_file() and p.name != MANIFEST_NAME and not any(part.startswith(".") for part in
                                                                          p.relative_to(root).parts)
                      and p.resolve() not in listed and p.suffix.lower() in REPORT_SUFFIXES
                      and not p.name.lower().startswith("readme"))
    return digests, files, unlisted


def shared_digest(sources: Path) -> str:
    parts = [[name, sha256_of(Path(sources) / name) if (Path(sources) / name).is_file() else "absent"]
             for name in SHARED_INPUTS]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def published_files(db: Path) -> dict[str, set[tuple[str, str]]] | None:
    """{edition: {(file, sha256)}} the published warehouse was built from; None if it cannot be read."""
    if not db.exists():
        return {}
    import duckdb

    try:
        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute("select edition_year, source_file, sha256 from raw.documents").fetchall()
    except duckdb.Error:
        return None
    out: dict[str, set[tuple[str, str]]] = {}
    for year, file, sha in rows:
        out.setdefault(str(year), set()).add((file, sha))
    return out


def evaluate(cursor: str | None, sources: Path, db: Path):
    """The pure core of the sensor (no Dagster context): SensorResult or SkipReason."""
    try:
        digests, files, unlisted = source_state(sources)
    except ManifestError as exc:
        return dg.SkipReason(f"cannot read the manifest, nothing requested until it is fixed: {exc}")
    shared = shared_digest(sources)
    shared_changed = False
    if cursor:
        state = json.loads(cursor)
        previous = state.get("editions", {})
        shared_changed = state.get("shared") not in (None, shared)
        changed = sorted(y for y, d in digests.items() if previous.get(y) != d or shared_changed)
        removed = sorted(set(previous) - set(digests))
        known = set(previous)
    else:
        built = published_files(db)
        if built is None:
            return dg.SkipReason(f"{db} is locked by a writer; will look again")
        changed = sorted(y for y in digests if built.get(y) != files[y])
        removed = sorted(set(built) - set(digests))
        known = set(built)
    new_cursor = json.dumps({"editions": digests, "shared": shared}, sort_keys=True)
    note = (f"; not in the manifest, so not built: {', '.join(unlisted)} (record with `dcw add-edition FILE "
            f"--edition YEAR`)") if unlisted else ""
    if not changed and not removed:
        return dg.SkipReason(f"sources unchanged ({len(digests)} editions){note}")
    editions = [int(y) for y in changed]
    what = ", ".join(([f"{', '.join(SHARED_INPUTS)} changed"] if shared_changed else []) +
                     [f"{y} new" if y not in known else f"{y} changed" for y in changed] +
                     [f"{y} removed" for y in removed])
    request = dg.RunRequest(
        run_key=hashlib.sha256(new_cursor.encode()).hexdigest()[:20],
        run_config={"ops": {"build_and_publish": {"config": {"editions": editions}}}},
        tags={"dcw/editions": ",".join(changed) or "none", "dcw/trigger": f"sources changed: {what}"},
    )
    partitions = []
    if changed:
        partitions.append(dg.AddDynamicPartitionsRequest(EDITION_PARTITIONS_NAME, changed))
    if removed:
        partitions.append(dg.DeleteDynamicPartitionsRequest(EDITION_PARTITIONS_NAME, removed))
    return dg.SensorResult(run_requests=[request], dynamic_partitions_requests=partitions, cursor=new_cursor)


@dg.sensor(name="new_edition_sensor", job=publish_editions_job, minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
           default_status=dg.DefaultSensorStatus.RUNNING,
           description="A new or changed file in sources/ or a changed manifest entry: rebuild that edition.")
def new_edition_sensor(context: dg.SensorEvaluationContext):
    result = evaluate(context.cursor, sources_dir(), warehouse_path())
    if isinstance(result, dg.SkipReason):
        context.log.info(result.skip_message)
    return result
