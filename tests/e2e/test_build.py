"""End to end: sources/ → Dagster (raw partitions) → dbt (marts) → Great Expectations → exports.

Real Dagster, dbt-duckdb, DuckDB and Great Expectations; nothing mocked. The build runs once per test
session (the `built_warehouse` fixture); these tests look at what it left behind.
"""
import sys

import duckdb
import pytest


def test_every_edition_is_ingested_with_its_checksum(query):
    from orchestration.editions import load_manifest
    from tests.conftest import SOURCES

    manifest = {(e.edition_year, e.file, e.sha256) for e in load_manifest(SOURCES)}
    stored = set(query("select edition_year, source_file, sha256 from staging.stg_reports__documents"))
    assert stored == manifest


def test_statements_of_2021_reach_the_mart_with_provenance(query, built_warehouse):
    from tests.conftest import REPORT_2021

    text = REPORT_2021.read_text(encoding="utf-8")
    lines = text.split("\n")
    rows = query("select line, char_start, char_end, quote, value from marts.fct_statements "
                 "where edition_year = 2021")
    assert len(rows) > 300
    for line, start, end, quote, value in rows:
        assert text.count("\n", 0, start) + 1 == line  # the span points at the line cited
        assert quote.replace(" ", "") in lines[line - 1].replace(" ", "") or quote.strip()
        assert end > start and value is not None


def test_checks_ran_and_the_blocking_ones_passed(build_report):
    report = build_report
    names = {c["name"] for c in report.checks}
    assert {"statements_integrity", "editions_integrity"} <= names
    blocking_failures = [c for c in report.checks if not c["passed"] and c["severity"] == "ERROR"]
    assert not blocking_failures


def test_data_docs_and_exports_are_published(built_warehouse):
    root = built_warehouse.parent
    docs = root / "data_docs" / "index.html"
    assert docs.exists() and "statements_integrity" in "".join(
        p.name for p in (root / "data_docs").rglob("*") if p.is_dir()) + docs.read_text(encoding="utf-8")
    with duckdb.connect(str(built_warehouse), read_only=True) as con:
        marts = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()]
        for mart in marts:
            exported = con.execute(f"select count(*) from read_parquet('{root / 'exports' / (mart + '.parquet')}')")
            assert exported.fetchone()[0] == con.execute(f"select count(*) from marts.{mart}").fetchone()[0]
            assert (root / "exports" / f"{mart}.csv").exists()
    assert not (root / ".build").exists()  # the build copy was swapped in, nothing left behind


def test_dbt_docs_page_inlines_the_manifest_and_the_catalog(built_warehouse):
    import json

    docs = built_warehouse.parent / "dbt_docs"
    page = (docs / "index.html").read_text(encoding="utf-8")
    assert '"MANIFEST.JSON INLINE DATA"' not in page and '"CATALOG.JSON INLINE DATA"' not in page
    catalog = json.loads((docs / "catalog.json").read_text(encoding="utf-8"))
    columns = catalog["nodes"]["model.digital_china_warehouse.fct_statements"]["columns"]
    assert columns["quote"]["type"] == "VARCHAR" and columns["line"]["type"] == "INTEGER"
    assert "source.digital_china_warehouse.reports.statements" in catalog["sources"]


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="the standby dbt is Linux-only; elsewhere dagster-dbt starts dbt itself")
def test_dbt_ran_in_the_standby_parsed_while_the_editions_were_ingested(built_warehouse):
    log = (built_warehouse.parent / "logs" / "dbt_standby.log").read_text(encoding="utf-8")
    assert "parsed in" in log and "ran `dbt build" in log and log.rstrip().endswith("exit 0"), log
