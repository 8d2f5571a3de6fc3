"""End to end, with real Dagster, dbt and Great Expectations: add-edition with an analyst reading,
bad input (each failing its edition only, nothing else changed), idempotence, SIGKILL mid-build,
two builds at once. Every "nothing changed" is asserted by the content hash of every table."""
from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from orchestration.editions.manifest import sha256_of
from tests.conftest import REPORT_2021, ROOT, environment
from tests.operations.conftest import WAREHOUSE_NAME, copy_folder
from tests.operations.helpers import (binary_bytes, run_env, scanned_pdf, start_build, table_hashes,
                                      undecidable_bytes)

TEXT_2021 = REPORT_2021.read_text(encoding="utf-8")

# The revised 2021 text: the report plus one closing paragraph with one more figure.
REVISED_2021 = TEXT_2021.rstrip("\n") + "\n\n附记：2021年，全国在用数据中心机架总规模超过 520 万标准机架。\n"

READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = lambda: con.execute("select count(*) from raw.statements where edition_year = 2021").fetchone()[0]
print("before", count(), flush=True)
sys.stdin.readline()  # the build runs meanwhile
print("after", count(), flush=True)
"""


@pytest.fixture(scope="session")
def template(base_warehouse, tmp_path_factory):
    """`dcw add-edition --replace` of the revised 2021 text onto the built warehouse, while an analyst reads."""
    from orchestration.cli import main

    root = tmp_path_factory.mktemp("template") / "root"
    sources, db = copy_folder(base_warehouse, root)
    revised = root / "revised_2021.txt"
    revised.write_text(REVISED_2021, encoding="utf-8")
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    word, before = reader.stdout.readline().split()
    old_inode = db.stat().st_ino
    with environment(sources, db):
        refused = main(["add-edition", str(revised), "--edition", "2021"])  # differs from the recorded file
        code = main(["add-edition", str(revised), "--edition", "2021", "--replace"])
    word, after = reader.communicate("go\n", timeout=60)[0].split()
    assert (refused, code) == (2, 0)
    with duckdb.connect(str(db), read_only=True) as con:
        now = con.execute("select count(*) from raw.statements where edition_year = 2021").fetchone()[0]
    return {"root": root, "sources": sources, "db": db, "hashes": table_hashes(db), "old_inode": old_inode,
            "counts": (int(before), int(after), now)}


def test_add_edition_builds_it_while_an_analyst_reads_the_old_file(template):
    sources, db = template["sources"], template["db"]
    assert (sources / "digital_china_development_report_2021.txt").read_text(encoding="utf-8") == REVISED_2021
    manifest = (sources / "manifest.yml").read_text(encoding="utf-8")
    assert manifest.startswith("# The inputs of the warehouse")  # the header comment is kept
    assert sha256_of(sources / "digital_china_development_report_2021.txt") in manifest
    assert sha256_of(REPORT_2021) not in manifest
    before, after, now = template["counts"]
    assert before > 300 and after == before  # the open connection kept reading the old file ...
    assert db.stat().st_ino != template["old_inode"]  # ... while the build swapped in a new one,
    assert now > before  # which a new connection reads: the revised text's extra figure is in
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from raw.statements where edition_year = 2021 and quote like "
                           "'%520%'").fetchone()[0] >= 1


# ---- bad input: every case at once, each in its own edition, in one build -------------------------------

def _entry(year, file, sha, kind="full_text"):
    return (f"  - edition_year: {year}\n    title: 数字中国发展报告（{year}年）\n    publisher: 测试\n"
            f"    file: {file}\n    sha256: {sha}\n    kind: {kind}\n")


def _bad_sources(sources: Path, outside: Path) -> dict[int, tuple[str, str]]:
    """Write the bad inputs; returns {edition: (file named in the error, problem words)}."""
    manifest = sources / "manifest.yml"
    text = manifest.read_text(encoding="utf-8")
    cases: dict[int, tuple[str, str]] = {}

    def add(year, name, data: bytes | None, problem, sha=None, kind="full_text"):
        nonlocal text
        if data is not None:
            (sources / name).write_bytes(data)
        text += _entry(year, name, sha or sha256_of(sources / name), kind)
        cases[year] = (Path(name).name, problem)

    add(2031, "empty_2031.txt", b"", "empty file")
    add(2032, "binary_2032.txt", binary_bytes(), "binary file")
    scanned_pdf(sources / "scanned_2033.pdf")
    add(2033, "scanned_2033.pdf", None, "no text layer")
    add(2034, "mixed_encoding_2034.txt", undecidable_bytes(TEXT_2021), "undecidable encoding")
    add(2035, "report_2035.txt", TEXT_2021.encode("utf-8"), "names the 2021 edition, but the manifest lists it as edition 2035")
    (sources / "a_2036.txt").write_bytes(TEXT_2021.replace("2021年）", "2036年）", 1).encode("utf-8"))
    add(2036, "a_2036.txt", None, "has 2 full_text files")
    (sources / "b_2036.txt").write_bytes((sources / "a_2036.txt").read_bytes())
    text += _entry(2036, "b_2036.txt", sha256_of(sources / "b_2036.txt"))
    add(2037, "report_2037.txt", TEXT_2021.replace("2021年）", "2037年）", 1).encode("utf-8"), "checksum mismatch",
        sha="0" * 64)
    outside.write_bytes(TEXT_2021.replace("2021年）", "2038年）", 1).encode("utf-8"))
    text += _entry(2038, os.path.relpath(outside, sources), sha256_of(outside))
    cases[2038] = (outside.name, "path points outside sources/")
    # the 2021 file replaced by the same report cut at half its length (manifest updated to match)
    report = sources / "digital_china_development_report_2021.txt"
    report.chmod(0o644)
    report.write_bytes(TEXT_2021[: len(TEXT_2021) // 2].encode("utf-8"))
    text = text.replace(_recorded_2021(text), sha256_of(report))
    cases[2021] = (report.name, "truncated")
    manifest.write_text(text, encoding="utf-8")
    return cases


def _recorded_2021(manifest_text: str) -> str:
    import yaml

    (entry,) = [e for e in yaml.safe_load(manifest_text)["editions"]
                if e["edition_year"] == 2021 and e["kind"] == "full_text"]
    return entry["sha256"]


@pytest.fixture(scope="session")
def bad_build(template, tmp_path_factory):
    from orchestration.operations.build import build

    root = tmp_path_factory.mktemp("bad") / "root"
    sources, db = copy_folder(template["root"], root)
    cases = _bad_sources(sources, root / "outside_2038.txt")
    messages = []
    with environment(sources, db):
        report = build(sorted(cases) + [2020, 2022], say=messages.append)  # 2020, 2022: good, re-ingested
    return {"report": report, "cases": cases, "db": db, "messages": messages}


BAD_CASES = {2031: "empty file", 2032: "binary file", 2033: "PDF without a text layer",
             2034: "undecidable encoding", 2035: "edition year disagrees with the manifest",
             2036: "two files for one edition", 2037: "checksum does not match", 2038: "path outside sources/",
             2021: "report truncated halfway"}


@pytest.mark.parametrize("edition", list(BAD_CASES), ids=list(BAD_CASES.values()))
def test_bad_input_fails_its_edition_with_a_clear_error(bad_build, edition):
    outcome = {e.edition_year: e for e in bad_build["report"].editions}[edition]
    file, problem = bad_build["cases"][edition]
    assert not outcome.ok
    assert file in outcome.error and problem in outcome.error, outcome.error
    assert any(f"edition {edition}: FAILED, previous rows kept" in m and file in m for m in bad_build["messages"])


def test_bad_input_changes_no_other_data(bad_build, template):
    report = bad_build["report"]
    assert report.published and report.marts_ok, report.error
    assert {e.edition_year for e in report.editions if e.ok} == {2020, 2022}  # the good ones still ran
    assert table_hashes(bad_build["db"]) == template["hashes"]  # 2021 kept its rows; nothing else moved


def test_rebuilding_partitions_gives_identical_tables(bad_build, template):
    """2020 and 2022 were ingested a second time and the marts rebuilt: every table hashes the same."""
    assert table_hashes(bad_build["db"]) == template["hashes"]


def test_a_build_that_keeps_unchanged_dbt_nodes_matches_a_full_rebuild(bad_build, template, tmp_path_factory):
    """The builds above kept the seeds, seed-only models and views (transformation/reuse.py); building every
    node from scratch on the same sources gives the very same tables."""
    from orchestration.operations.build import build

    assert any(m.startswith("dbt keeps ") for m in bad_build["messages"]), bad_build["messages"]
    root = tmp_path_factory.mktemp("full") / "root"
    sources, db = copy_folder(template["root"], root)
    messages = []
    with environment(sources, db):
        report = build([], say=messages.append, rebuild_all=True)  # the same raw rows, every dbt node rebuilt
    assert report.ok, report.error
    assert "dbt builds every node (asked to rebuild every node)" in messages
    assert table_hashes(db) == template["hashes"]


# ---- crash safety and concurrency -----------------------------------------------------------------------

def _wait_for(path: Path, proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, f"the build ended before {path.name} appeared"
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.05)


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def crashed(template, tmp_path_factory):
    """Three builds SIGKILLed: holding the lock with the copy made (test hook DCW_TEST_PAUSE, see build.py),
    while it writes the raw tables (DuckDB's WAL of the copy appears), while dbt writes the marts."""
    root = tmp_path_factory.mktemp("crash") / "root"
    sources, db = copy_folder(template["root"], root)
    before = _file_hash(db)
    work = db.parent / ".build"
    kills = []

    def kill(proc, stage):
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills.append((stage, proc.returncode, _file_hash(db)))

    proc = start_build(sources, db, [2021], log=root / "kill1.log", DCW_TEST_PAUSE="copied:120")
    _wait_for(work / "paused-copied", proc)
    kill(proc, "lock held, copy made")
    proc = start_build(sources, db, [2021], log=root / "kill2.log")
    _wait_for(work / (WAREHOUSE_NAME + ".wal"), proc)
    kill(proc, "writing the raw tables")
    proc = start_build(sources, db, [2021])
    for line in proc.stdout:  # "edition 2021: ingested (...)": the marts run (dbt) starts now
        if line.startswith("edition 2021: ingested"):
            break
    time.sleep(3)
    assert proc.poll() is None
    kill(proc, "dbt writing the marts")
    proc.stdout.close()
    return {"sources": sources, "db": db, "before": before, "kills": kills}


def test_a_killed_build_leaves_the_published_warehouse_byte_identical(crashed, template):
    for stage, code, after in crashed["kills"]:
        assert code == -signal.SIGKILL, stage
        assert after == crashed["before"], stage
    assert table_hashes(crashed["db"]) == template["hashes"]


def test_two_builds_at_once_serialise_and_the_next_build_after_a_kill_succeeds(crashed, template):
    sources, db = crashed["sources"], crashed["db"]
    assert (db.parent / ".build").exists()  # the killed build's leftovers
    logs = [db.parent.parent / "first.log", db.parent.parent / "second.log"]
    first = start_build(sources, db, [2021], log=logs[0])
    second = start_build(sources, db, [2021], log=logs[1])
    for proc in (first, second):
        try:
            proc.wait(timeout=1200)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    outputs = [log.read_text(encoding="utf-8") for log in logs]
    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    waited = [o for o in outputs if "another build is writing digital_china.duckdb" in o]
    assert len(waited) == 1, outputs  # exactly one waited, and was told so
    assert "waiting up to" in waited[0] and "pid" in waited[0]
    assert table_hashes(db) == template["hashes"]  # same partition built twice more: identical
    assert not (db.parent / ".build").exists()
