"""The schedule and the sensor, evaluated with Dagster's own test contexts (no build runs here)."""
import json
import shutil

import dagster as dg
import pytest

from orchestration.definitions import defs
from orchestration.editions.manifest import sha256_of
from orchestration.operations.add_edition import upsert_entry
from orchestration.editions.manifest import ManifestEntry
from tests.conftest import SOURCES

JOB = "publish_editions"


@pytest.fixture
def sources(tmp_path, monkeypatch):
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES, copy)
    monkeypatch.setenv("DCW_SOURCES", str(copy))
    monkeypatch.setenv("DCW_WAREHOUSE", str(tmp_path / "warehouse" / "digital_china.duckdb"))
    return copy


def _editions(request):
    return request.run_config["ops"]["build_and_publish"]["config"]["editions"]


def test_the_yearly_tick_requests_the_newest_edition_with_a_valid_config(sources):
    schedule = defs.resolve_schedule_def("yearly_newest_edition")
    assert schedule.cron_schedule == "0 6 1 9 *" and schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    result = schedule.evaluate_tick(dg.build_schedule_context())
    (request,) = result.run_requests
    assert _editions(request) == [2022]
    assert schedule.job_name == JOB
    dg.validate_run_config(defs.resolve_job_def(JOB), request.run_config)


def test_the_cron_is_configurable(monkeypatch):
    from orchestration.operations.schedules import yearly_schedule

    monkeypatch.setenv("DCW_SCHEDULE_CRON", "30 2 15 6 *")
    assert yearly_schedule().cron_schedule == "30 2 15 6 *"


def test_a_broken_manifest_skips_the_tick_saying_why(sources):
    (sources / "manifest.yml").write_text("editions: [", encoding="utf-8")
    result = defs.resolve_schedule_def("yearly_newest_edition").evaluate_tick(dg.build_schedule_context())
    assert not result.run_requests and "not valid YAML" in result.skip_message


def _tick(cursor=None):
    sensor = defs.resolve_sensor_def("new_edition_sensor")
    return sensor.evaluate_tick(dg.build_sensor_context(cursor=cursor, definitions=defs))


def test_the_sensor_notices_a_new_edition_a_changed_file_and_a_changed_manifest(sources):
    sensor = defs.resolve_sensor_def("new_edition_sensor")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING and sensor.job_name == JOB
    first = _tick()  # no warehouse yet: everything is new
    assert _editions(first.run_requests[0]) == [2017, 2018, 2019, 2020, 2021, 2022]
    assert first.dynamic_partitions_requests[0].partition_keys == ["2017", "2018", "2019", "2020", "2021", "2022"]
    dg.validate_run_config(defs.resolve_job_def(JOB), first.run_requests[0].run_config)

    quiet = _tick(first.cursor)
    assert not quiet.run_requests and "unchanged" in quiet.skip_message

    # a new report dropped in sources/ but not yet in the manifest: named, not built
    new = sources / "digital_china_development_report_2023.txt"
    new.write_text(SOURCES.joinpath("digital_china_development_report_2021.txt").read_text(encoding="utf-8")
                   .replace("2021年）", "2023年）"), encoding="utf-8")
    waiting = _tick(first.cursor)
    assert not waiting.run_requests and "digital_china_development_report_2023.txt" in waiting.skip_message

    # ... recorded in the manifest: requested, partition added
    manifest = sources / "manifest.yml"
    manifest.write_text(upsert_entry(manifest.read_text(encoding="utf-8"), ManifestEntry(
        2023, "数字中国发展报告（2023年）", "国家互联网信息办公室", None, new.name, sha256_of(new), "full_text")),
        encoding="utf-8")
    added = _tick(first.cursor)
    assert _editions(added.run_requests[0]) == [2023]
    assert added.dynamic_partitions_requests[0].partition_keys == ["2023"]
    assert "2023 new" in added.run_requests[0].tags["dcw/trigger"]

    # a file changed on disk without the manifest: requested (the build then reports the checksum)
    sheet = sources / "curated" / "digital_china_2018_curated.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    changed = _tick(added.cursor)
    assert _editions(changed.run_requests[0]) == [2018]

    # an edition removed from the manifest: a marts-only run, its partition deleted
    text = manifest.read_text(encoding="utf-8")
    start = text.index("  - edition_year: 2017")
    end = text.index("  - edition_year: 2018")
    manifest.write_text(text[:start] + text[end:], encoding="utf-8")
    removed = _tick(changed.cursor)
    assert _editions(removed.run_requests[0]) == []
    assert [type(r).__name__ for r in removed.dynamic_partitions_requests] == ["DeleteDynamicPartitionsRequest"]

    # the shared corrections file: every edition
    (sources / "corrections.yml").write_text((sources / "corrections.yml").read_text(encoding="utf-8") + "\n",
                                             encoding="utf-8")
    shared = _tick(removed.cursor)
    assert _editions(shared.run_requests[0]) == [2018, 2019, 2020, 2021, 2022, 2023]
    assert json.loads(shared.cursor)["shared"] != json.loads(removed.cursor)["shared"]


def test_a_first_tick_over_an_up_to_date_warehouse_requests_nothing(sources, tmp_path):
    import duckdb

    from orchestration.editions import load_manifest
    from orchestration.operations.sensors import evaluate

    db = tmp_path / "wh.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema raw; create table raw.documents (edition_year integer, source_file varchar, "
                    "sha256 varchar)")
        for e in load_manifest(sources):
            con.execute("insert into raw.documents values (?, ?, ?)", [e.edition_year, e.file, e.sha256])
    assert isinstance(evaluate(None, sources, db), dg.SkipReason)
    with duckdb.connect(str(db)) as con:
        con.execute("update raw.documents set sha256 = 'old' where edition_year = 2020")
    assert _editions(evaluate(None, sources, db).run_requests[0]) == [2020]
