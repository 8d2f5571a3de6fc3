"""The project's table and view materializations (dbt_project/macros/materializations.sql) replace a relation
inside one transaction: real dbt-duckdb on a scratch project that uses the same macro file."""
import json
import os
import shutil
import subprocess
import sys
import textwrap

from tests.conftest import ROOT

# Each step rewrites the models, runs dbt and reports what the warehouse then holds. One process for all
# steps: dbt's import is the slow part.
_DRIVER = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    import duckdb
    from dbt.cli.main import dbtRunner
    from orchestration.transformation.standby import _close_warehouse  # dbt-duckdb keeps the file open

    project, db = Path(sys.argv[1]), sys.argv[2]
    steps = json.loads(sys.argv[3])
    report = []
    for models, select in steps:
        for name, (materialized, sql) in models.items():
            (project / "models" / f"{name}.sql").write_text(
                "{{ config(materialized='%s') }}\\n%s\\n" % (materialized, sql))
        args = ["run", "--project-dir", str(project), "--profiles-dir", str(project), "--quiet"]
        ok = dbtRunner().invoke(args + (["--select", select] if select else [])).success
        _close_warehouse()
        with duckdb.connect(db, read_only=True) as con:
            kinds = dict(con.execute("select table_name, table_type from information_schema.tables "
                                     "where table_schema = 'main' order by 1").fetchall())
            values = {name: con.execute(f"select a from main.{name}").fetchall() for name in kinds}
        report.append({"ok": ok, "kinds": kinds, "values": values})
    print(json.dumps(report))
""")


def _run(tmp_path, steps) -> list[dict]:
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    (project / "macros").mkdir()
    shutil.copy2(ROOT / "dbt_project" / "macros" / "materializations.sql", project / "macros")
    (project / "dbt_project.yml").write_text("name: probe\nversion: '1.0.0'\nconfig-version: 2\nprofile: probe\n")
    db = tmp_path / "probe.duckdb"
    (project / "profiles.yml").write_text(
        f"probe:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: '{db}'\n      threads: 1\n")
    out = subprocess.run([sys.executable, "-c", _DRIVER, str(project), str(db), json.dumps(steps)],
                         capture_output=True, text=True, timeout=300, cwd=tmp_path,
                         env={**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_relations_are_replaced_in_place_and_a_failed_model_keeps_the_old_one(tmp_path):
    first, rebuilt, as_view, back_to_table, failed = _run(tmp_path, [
        [{"m": ["table", "select 1 as a"], "v": ["view", "select a + 10 as a from {{ ref('m') }}"]}, None],
        [{"m": ["table", "select 2 as a"]}, "m"],  # only the table: the view keeps reading it
        [{"m": ["view", "select 3 as a"]}, "m"],
        [{"m": ["table", "select 4 as a"]}, "m"],
        [{"m": ["table", "select error('the model fails') as a"]}, "m"],
    ])
    assert first == {"ok": True, "kinds": {"m": "BASE TABLE", "v": "VIEW"}, "values": {"m": [[1]], "v": [[11]]}}
    assert rebuilt["values"] == {"m": [[2]], "v": [[12]]}
    assert as_view["kinds"]["m"] == "VIEW" and as_view["values"]["m"] == [[3]]
    assert back_to_table["kinds"]["m"] == "BASE TABLE" and back_to_table["values"] == {"m": [[4]], "v": [[14]]}
    # the failed statement rolled back with its drop: the table of the last good run is still there
    assert failed == {"ok": False, "kinds": {"m": "BASE TABLE", "v": "VIEW"}, "values": {"m": [[4]], "v": [[14]]}}
