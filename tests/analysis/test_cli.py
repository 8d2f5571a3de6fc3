"""`dcw sql`, `dcw tables`, `dcw describe` on a small hand-made warehouse (fast, no Dagster), plus the
same commands on the real build (the `built_warehouse` fixture)."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from orchestration.analysis import format_result, open_warehouse, run_query, split_statements
from orchestration.analysis.catalog import describe_table, find_manifest, list_tables, load_manifest, one_line
from orchestration.analysis.sql import QueryError, Result, WarehouseMissingError
from orchestration.cli import main

ROOT = Path(__file__).resolve().parents[2]

MANIFEST = {
    "nodes": {
        "model.dcw.dim_edition": {
            "resource_type": "model", "name": "dim_edition", "alias": "dim_edition", "schema": "marts",
            "unique_id": "model.dcw.dim_edition",
            "description": "One row per edition of the report, with the files it was built from. Second sentence.",
            "columns": {"edition_year": {"description": "The edition (report year)."},
                        "title": {"description": "The edition's title (Chinese)."}}},
        "seed.dcw.provinces": {
            "resource_type": "seed", "name": "provinces", "alias": "provinces", "schema": "reference",
            "unique_id": "seed.dcw.provinces", "description": "The 31 provinces.",
            "columns": {"name_zh": {"description": "Short Chinese name."}}},
        "test.dcw.unique_x": {"resource_type": "test", "name": "unique_x", "schema": "marts"},
    },
    "sources": {
        "source.dcw.reports.documents": {
            "resource_type": "source", "name": "documents", "identifier": "documents", "schema": "raw",
            "unique_id": "source.dcw.reports.documents", "description": "One row per source file.",
            "columns": {}}},
}


@pytest.fixture
def small_warehouse(tmp_path, monkeypatch) -> Path:
    """marts.dim_edition (2 rows), reference.provinces (1 row), raw.documents, and a manifest beside it."""
    db = tmp_path / "warehouse" / "digital_china.duckdb"
    db.parent.mkdir()
    with duckdb.connect(str(db)) as con:
        con.execute("""
            create schema marts; create schema reference; create schema raw;
            create table marts.dim_edition (edition_year integer, title varchar, size_yuan double, published date);
            insert into marts.dim_edition values
              (2021, '数字中国发展报告（2021年）', 45500000000000.0, date '2022-08-02'),
              (2022, '数字中国发展报告（2022年）', null, null);
            create table reference.provinces (province_code varchar, name_zh varchar, name_en varchar);
            insert into reference.provinces values ('510000', '四川', 'Sichuan');
            create table raw.documents (edition_year integer, source_file varchar);
        """)
    (db.parent / "dbt_docs").mkdir()
    (db.parent / "dbt_docs" / "manifest.json").write_text(json.dumps(MANIFEST), encoding="utf-8")
    monkeypatch.setenv("DCW_WAREHOUSE", str(db))
    return db


def dcw(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# ---------------------------------------------------------------------------------------------- dcw sql

def test_sql_table_format_is_the_default(small_warehouse, capsys):
    code, out, err = dcw(capsys, "sql", "select edition_year, title, size_yuan from marts.dim_edition order by 1")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["edition_year", "title", "size_yuan"]
    assert "45500000000000" in out  # no exponent noise
    assert "NULL" in lines[3]
    assert lines[-1] == "(2 rows)"


def test_sql_bare_names_resolve_to_marts_first(small_warehouse, capsys):
    code, out, _ = dcw(capsys, "sql", "select name_en from provinces join dim_edition on true where edition_year = 2021")
    assert code == 0 and "Sichuan" in out


def test_sql_csv(small_warehouse, capsys):
    code, out, _ = dcw(capsys, "sql", "select edition_year, title, size_yuan, published from marts.dim_edition "
                                      "order by 1", "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["edition_year", "title", "size_yuan", "published"]
    assert rows[1] == ["2021", "数字中国发展报告（2021年）", "45500000000000", "2022-08-02"]
    assert rows[2] == ["2022", "数字中国发展报告（2022年）", "", ""]


def test_sql_json(small_warehouse, capsys):
    code, out, _ = dcw(capsys, "sql", "select * from marts.dim_edition order by 1", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data[0] == {"edition_year": 2021, "title": "数字中国发展报告（2021年）", "size_yuan": 45500000000000.0,
                       "published": "2022-08-02"}
    assert data[1]["size_yuan"] is None


def test_sql_markdown(small_warehouse, capsys):
    code, out, _ = dcw(capsys, "sql", "select edition_year, title from marts.dim_edition order by 1",
                       "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("|") and "edition_year" in lines[0] and "title" in lines[0]
    assert set(lines[1]) <= {"|", "-", ":"}
    assert "| 数字中国发展报告（2021年） |" in lines[2]


def test_sql_from_a_file(small_warehouse, capsys, tmp_path):
    query = tmp_path / "q.sql"
    query.write_text("-- How many editions?\nselect count(*) as editions from marts.dim_edition;\n", encoding="utf-8")
    code, out, _ = dcw(capsys, "sql", "--file", str(query), "--format", "csv")
    assert code == 0 and out.splitlines() == ["editions", "2"]


def test_sql_table_output_is_capped_and_says_so(small_warehouse, capsys):
    code, out, _ = dcw(capsys, "sql", "select range as n from range(50)", "--max-rows", "10")
    assert code == 0
    assert out.splitlines()[-1] == "(50 rows, the first 10 shown: use --format csv or json for all)"


def test_sql_error_is_reported_not_raised(small_warehouse, capsys):
    code, out, err = dcw(capsys, "sql", "select nope from marts.dim_edition")
    assert code == 1 and out == ""
    assert err.startswith("dcw sql: ") and "nope" in err


def test_sql_is_read_only(small_warehouse, capsys):
    code, _, err = dcw(capsys, "sql", "insert into marts.dim_edition values (2023, 'x', 1, null)")
    assert code == 1
    assert "read-only: INSERT is not allowed" in err and "make run" in err
    code, _, err = dcw(capsys, "sql", "drop table marts.dim_edition")
    assert code == 1 and "read-only: DROP is not allowed" in err
    with duckdb.connect(str(small_warehouse), read_only=True) as con:
        assert con.execute("select count(*) from marts.dim_edition").fetchone()[0] == 2


def test_missing_warehouse_says_run_make_run(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DCW_WAREHOUSE", str(tmp_path / "nothing" / "digital_china.duckdb"))
    for argv in (["sql", "select 1"], ["tables"], ["describe", "dim_edition"], ["sql"]):
        code, out, err = dcw(capsys, *argv)
        assert code == 2 and out == ""
        assert "no warehouse at" in err and "run `make run` first" in err
    assert not (tmp_path / "nothing").exists()  # nothing was created on the way


def test_open_warehouse_missing_raises(tmp_path):
    with pytest.raises(WarehouseMissingError, match="make run"):
        open_warehouse(tmp_path / "x.duckdb")


# ---------------------------------------------------------------------------------------------- the REPL

def test_repl_reads_statements_from_stdin(small_warehouse, capsys, monkeypatch):
    script = """select count(*) as n
  from marts.dim_edition;
.tables
select 'a;b' as s; select 2 as two;
-- a comment on its own
.describe dim_edition
.format csv
select edition_year from marts.dim_edition order by 1;
select 42 as last
"""
    monkeypatch.setattr(sys, "stdin", io.StringIO(script))
    code, out, err = dcw(capsys, "sql")
    assert code == 0, err
    assert err == ""
    assert "dcw>" not in out  # no prompt when stdin is not a terminal
    assert "(1 row)" in out
    assert "a;b" in out  # a ; inside quotes does not end the statement
    assert "marts.dim_edition" in out and "reference.provinces" in out  # .tables
    assert "The edition (report year)." in out  # .describe
    assert "edition_year\n2021\n2022" in out  # .format csv
    assert out.rstrip().endswith("last\n42")  # the last statement runs without its ;


def test_repl_keeps_going_after_an_error_and_exits_1(small_warehouse, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("select nope;\ninsert into marts.dim_edition values (1,'x',1,null);\n"
                                                  "select 7 as seven;\n.quit\nselect 8 as eight;\n"))
    code, out, err = dcw(capsys, "sql")
    assert code == 1
    assert "nope" in err and "read-only" in err
    assert "seven" in out and "eight" not in out  # .quit stops reading


def test_repl_through_a_real_pipe(small_warehouse):
    """The console script as an analyst runs it: SQL piped into `dcw sql`."""
    proc = subprocess.run([sys.executable, "-m", "orchestration.cli", "sql", "--format", "csv"],
                          input="select name_zh, name_en\nfrom reference.provinces;\n", text=True,
                          capture_output=True, cwd=ROOT, env={**os.environ, "DCW_WAREHOUSE": str(small_warehouse)},
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["name_zh,name_en", "四川,Sichuan"]


def test_split_statements():
    assert split_statements("select 1; select ';' as x;\nselect 3") == (["select 1", "select ';' as x"], "\nselect 3")
    assert split_statements("select 'it''s; fine' as x; -- done; really\n") == (
        ["select 'it''s; fine' as x"], " -- done; really\n")
    assert split_statements("select /* ; */ 1 as \"a;b\";") == (['select /* ; */ 1 as "a;b"'], "")
    assert split_statements("-- only a comment;\n") == ([], "-- only a comment;\n")


# ---------------------------------------------------------------------------------------------- tables, describe

def test_tables_lists_marts_and_reference_with_rows_and_one_line(small_warehouse, capsys):
    code, out, _ = dcw(capsys, "tables")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["table", "rows", "description"]
    body = {line.split()[0]: line for line in lines[2:]}
    assert set(body) == {"marts.dim_edition", "reference.provinces"}  # raw is not an analyst's table
    assert body["marts.dim_edition"].split()[1] == "2"
    assert body["marts.dim_edition"].endswith("One row per edition of the report, with the files it was built from.")
    assert body["reference.provinces"].endswith("The 31 provinces.")


def test_tables_all_and_json(small_warehouse, capsys):
    code, out, _ = dcw(capsys, "tables", "--all", "--format", "json")
    assert code == 0
    rows = {r["table"]: r for r in json.loads(out)}
    assert rows["raw.documents"] == {"table": "raw.documents", "rows": 0, "description": "One row per source file."}


def test_describe_columns_types_descriptions(small_warehouse, capsys):
    code, out, _ = dcw(capsys, "describe", "dim_edition")
    assert code == 0
    assert out.splitlines()[0] == "marts.dim_edition (table, 2 rows)"
    assert "One row per edition of the report" in out
    columns = {line.split()[0]: line for line in out.splitlines() if line.split() and line.split()[0] in
               ("edition_year", "title", "size_yuan", "published")}
    assert columns["edition_year"].split()[1] == "INTEGER" and columns["edition_year"].endswith("The edition (report year).")
    assert columns["published"].split()[1] == "DATE"
    code, out, _ = dcw(capsys, "describe", "reference.provinces", "--format", "csv")
    assert out.splitlines() == ["column,type,description", "province_code,VARCHAR,", "name_zh,VARCHAR,Short Chinese name.",
                                "name_en,VARCHAR,"]


def test_describe_unknown_table_suggests(small_warehouse, capsys):
    code, _, err = dcw(capsys, "describe", "dim_editon")
    assert code == 1
    assert "no table 'dim_editon'" in err and "dim_edition" in err and "dcw tables" in err


def test_manifest_found_beside_the_warehouse_first(small_warehouse, tmp_path):
    assert find_manifest(small_warehouse, project_dir=tmp_path / "no_project") == \
        small_warehouse.parent / "dbt_docs" / "manifest.json"
    docs = load_manifest(find_manifest(small_warehouse))
    assert docs[("marts", "dim_edition")]["columns"]["title"] == "The edition's title (Chinese)."
    assert ("marts", "unique_x") not in docs  # tests are not tables
    assert load_manifest(tmp_path / "absent.json") == {}


def test_catalog_functions_without_manifest(small_warehouse):
    with open_warehouse(small_warehouse) as con:
        tables = list_tables(con, {})
        assert [(t.schema, t.name, t.rows) for t in tables] == [("marts", "dim_edition", 2),
                                                                ("reference", "provinces", 1)]
        assert tables[0].description == "(no description in the dbt YAML)"
        d = describe_table(con, {}, "provinces")
        assert [c.name for c in d.columns] == ["province_code", "name_zh", "name_en"]


def test_one_line():
    assert one_line("First sentence. Second.") == "First sentence."
    assert one_line("一句话。第二句。") == "一句话。"
    assert one_line("x" * 200).endswith("…") and len(one_line("x" * 200)) == 110
    assert one_line("") == "(no description in the dbt YAML)"


def test_format_result_rejects_unknown_format():
    with pytest.raises(ValueError, match="table, csv, json, markdown"):
        format_result(Result(["a"], [(1,)]), "xml")


def test_run_query_statement_without_result(small_warehouse):
    with open_warehouse(small_warehouse) as con:
        assert run_query(con, "set threads = 1").is_empty_statement
        with pytest.raises(QueryError, match="read-only"):
            run_query(con, "create table marts.x (a integer)")


# ---------------------------------------------------------------------------------------------- the real build

def test_commands_on_the_built_warehouse(built_warehouse, monkeypatch, capsys):
    monkeypatch.setenv("DCW_WAREHOUSE", str(built_warehouse))
    docs_dir = built_warehouse.parent / "dbt_docs"
    assert (docs_dir / "index.html").stat().st_size > 100_000  # the self-contained dbt docs page
    assert (docs_dir / "manifest.json").exists() and (docs_dir / "catalog.json").exists()

    code, out, _ = dcw(capsys, "tables", "--format", "json")
    assert code == 0
    tables = {r["table"]: r for r in json.loads(out)}
    assert "marts.dim_edition" in tables and "marts.fct_statements" in tables
    assert tables["marts.dim_edition"]["description"].startswith("One row per edition")
    assert all(t.startswith(("marts.", "reference.")) for t in tables)
    assert tables["marts.fct_statements"]["rows"] > 100

    code, out, _ = dcw(capsys, "describe", "fct_statements", "--format", "json")
    columns = {c["column"]: c for c in json.loads(out)}
    assert columns["quote"]["description"] == "The clause as written."
    assert columns["edition_year"]["type"] == "INTEGER"
    assert all(c["description"] for c in columns.values()), [c for c in columns.values() if not c["description"]]

    code, out, _ = dcw(capsys, "sql", "select count(*) as n from marts.dim_edition where edition_year = 2021",
                       "--format", "csv")
    assert code == 0 and out.splitlines() == ["n", "1"]
