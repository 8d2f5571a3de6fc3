"""The project's own generic dbt tests catch what they are for (real dbt against a copy of the built warehouse)."""
import os
import shutil
import subprocess
import sys

import duckdb

from tests.conftest import ROOT

DBT_PROJECT = ROOT / "dbt_project"


def _dbt_test(db, target, select: str) -> subprocess.CompletedProcess:
    target.mkdir(exist_ok=True)
    shutil.copy2(DBT_PROJECT / "target" / "partial_parse.msgpack", target)  # no full re-parse
    env = {**os.environ, "DCW_WAREHOUSE": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    dbt = os.path.join(os.path.dirname(sys.executable), "dbt")
    return subprocess.run([dbt, "test", "--select", select, "--target-path", str(target),
                           "--project-dir", str(DBT_PROJECT), "--profiles-dir", str(DBT_PROJECT)],
                          env=env, capture_output=True, text=True, timeout=300)


def test_column_rules_name_each_broken_rule_column_and_value(built_warehouse, tmp_path):
    """The session build ran every column_rules test and they passed (tests/e2e); broken on purpose, two
    models' tests return one row per broken rule: the rule, the column(s), an offending value, the count."""
    db = tmp_path / "copy.duckdb"
    shutil.copy2(built_warehouse, db)
    with duckdb.connect(str(db)) as con:
        first, second = [r[0] for r in con.execute(
            "select statement_id from marts.fct_statements order by statement_id limit 2").fetchall()]
        con.execute("update marts.fct_statements set edition_year = null where statement_id in "
                    "(select statement_id from marts.fct_statements order by statement_id limit 3)")
        con.execute("update marts.fct_statements set statement_id = ? where statement_id = ?", [first, second])
        a, b, c = con.execute("select ranking_id, province_code from marts.fct_province_rankings "
                              "where list_kind = 'top_n_list' order by ranking_id limit 3").fetchall()
        con.execute("update marts.fct_province_rankings set province_code = '999999' where ranking_id = ?", [a[0]])
        con.execute("update marts.fct_province_rankings set position = 0 where ranking_id = ?", [b[0]])
        con.execute("update marts.fct_province_rankings set province_code = ? where ranking_id = ?", [b[1], c[0]])
        key = con.execute("select concat_ws(' | ', edition_year, dimension_key, list_kind, province_code) "
                          "from marts.fct_province_rankings where ranking_id = ?", [c[0]]).fetchone()[0]
    broken = _dbt_test(db, tmp_path / "target", "test_name:column_rules,fct_statements "
                                                 "test_name:column_rules,fct_province_rankings")
    assert broken.returncode == 1
    assert "Got 2 results" in broken.stdout and "Got 4 results" in broken.stdout

    def rows(pattern: str) -> dict:
        sql = next((tmp_path / "target" / "compiled").rglob(pattern)).read_text()
        with duckdb.connect(str(db), read_only=True) as con:
            return {row[:3]: row[3] for row in con.execute(sql).fetchall()}

    assert rows("column_rules_fct_statements*.sql") == {("not_null", "edition_year", None): 3,
                                                        ("unique", "statement_id", first): 2}
    assert rows("column_rules_fct_province_rank*.sql") == {
        ("references dim_province", "province_code", "999999"): 1,
        ("province_codes", "province_code", "999999"): 1,
        ("expression", "position >= 1", None): 1,
        ("unique_together", "edition_year, dimension_key, list_kind, province_code", key): 2,
    }
