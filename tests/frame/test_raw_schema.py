"""Raw tables: created from the documented schema; an edition's rows replaced in one transaction."""
import duckdb
import pandas as pd
import pytest

from orchestration.ingestion.raw_schema import RawSchemaError, raw_tables, replace_edition_rows


def _statement(edition, value, line=1):
    return {"statement_no": line, "edition_year": edition, "source_file": "f.txt", "sha256": "a" * 64,
            "line": line, "char_start": 0, "char_end": 3, "section": "一", "subject": "网民规模", "value": value,
            "unit": "count", "qualifier": "exact", "kind": "level", "ref_year": edition, "indicator_key": None,
            "quote": "网民规模达"}


def test_every_documented_table_is_created_with_its_columns():
    con = duckdb.connect()
    replace_edition_rows(con, 2021, {})
    for table, columns in raw_tables().items():
        got = [r[0] for r in con.execute(f"describe raw.{table}").fetchall()]
        assert got == [c for c, _ in columns]


def test_replacing_an_edition_is_idempotent_and_leaves_others_alone():
    con = duckdb.connect()
    replace_edition_rows(con, 2020, {"statements": pd.DataFrame([_statement(2020, 1.0)])})
    frame = pd.DataFrame([_statement(2021, 2.0, 1), _statement(2021, 3.0, 2)])
    replace_edition_rows(con, 2021, {"statements": frame})
    replace_edition_rows(con, 2021, {"statements": frame})
    rows = con.execute("select edition_year, count(*) from raw.statements group by 1 order by 1").fetchall()
    assert rows == [(2020, 1), (2021, 2)]


def test_a_failing_write_rolls_the_edition_back():
    con = duckdb.connect()
    replace_edition_rows(con, 2021, {"statements": pd.DataFrame([_statement(2021, 2.0)])})
    bad = pd.DataFrame([{**_statement(2021, 5.0), "line": "not a number"}])
    with pytest.raises(duckdb.Error):
        replace_edition_rows(con, 2021, {"statements": bad})
    assert con.execute("select value from raw.statements").fetchall() == [(2.0,)]


def test_undocumented_columns_are_a_pipeline_error():
    con = duckdb.connect()
    with pytest.raises(RawSchemaError, match="not documented"):
        replace_edition_rows(con, 2021, {"statements": pd.DataFrame([{**_statement(2021, 1.0), "oops": 1}])})
