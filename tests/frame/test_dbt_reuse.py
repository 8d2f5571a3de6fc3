"""Which dbt nodes a build keeps from the warehouse it copies (transformation/reuse.py), on small manifests.

The graph: a source feeds a staging view, the view feeds a mart table; a seed feeds a dimension table that
reads no source; the mart also refs the dimension. Each model has a test; one test spans mart and dimension."""
import duckdb

from orchestration.transformation import reuse

P = "p."


def _node(kind: str, name: str, materialized: str | None = None, schema: str = "s") -> dict:
    return {"resource_type": kind, "name": name, "alias": name, "schema": schema,
            "config": {"materialized": materialized} if materialized else {}}


MANIFEST = {
    "sources": {"source.p.raw.statements": {}},
    "nodes": {
        "seed.p.provinces": _node("seed", "provinces", "seed", "reference"),
        "model.p.stg_statements": _node("model", "stg_statements", "view", "staging"),
        "model.p.dim_province": _node("model", "dim_province", "table", "marts"),
        "model.p.fct_statements": _node("model", "fct_statements", "table", "marts"),
        "test.p.unique_dim_province": _node("test", "unique_dim_province"),
        "test.p.not_null_stg_statements": _node("test", "not_null_stg_statements"),
        "test.p.not_null_fct_statements": _node("test", "not_null_fct_statements"),
        "test.p.relationships_fct_dim": _node("test", "relationships_fct_dim"),
    },
    "child_map": {
        "source.p.raw.statements": ["model.p.stg_statements"],
        "model.p.stg_statements": ["model.p.fct_statements", "test.p.not_null_stg_statements"],
        "seed.p.provinces": ["model.p.dim_province"],
        "model.p.dim_province": ["model.p.fct_statements", "test.p.unique_dim_province",
                                 "test.p.relationships_fct_dim"],
        "model.p.fct_statements": ["test.p.not_null_fct_statements", "test.p.relationships_fct_dim"],
    },
}
RELATIONS = {("reference", "provinces"), ("staging", "stg_statements"), ("marts", "dim_province"),
             ("marts", "fct_statements")}


def test_an_unchanged_project_keeps_seeds_seed_only_models_and_views():
    plan = reuse.plan_reuse(MANIFEST, "f1", "f1", RELATIONS)
    assert plan.kept == {"seed.p.provinces", "model.p.dim_province", "model.p.stg_statements"}
    # the dimension's own test reads nothing new; the view's test and every test of the mart run again
    assert plan.tests_kept == {"test.p.unique_dim_province"}
    assert plan.counts == {"seed": 1, "model": 1, "view": 1}
    assert "keeps 3 nodes" in plan.describe()


def test_tables_downstream_of_a_source_are_never_kept():
    plan = reuse.plan_reuse(MANIFEST, "f1", "f1", RELATIONS)
    assert "model.p.fct_statements" not in plan.kept
    assert not {"test.p.not_null_fct_statements", "test.p.relationships_fct_dim"} & plan.tests_kept


def test_a_changed_project_or_no_record_builds_everything():
    for recorded, why in (("f0", "changed"), (None, "no record")):
        plan = reuse.plan_reuse(MANIFEST, "f1", recorded, RELATIONS)
        assert not plan and not plan.kept and not plan.tests_kept
        assert why in plan.describe()


def test_a_kept_relation_missing_from_the_warehouse_builds_everything():
    plan = reuse.plan_reuse(MANIFEST, "f1", "f1", RELATIONS - {("marts", "dim_province")})
    assert not plan
    assert "marts.dim_province is missing" in plan.describe()


def test_the_fingerprint_follows_the_project_and_the_raw_columns():
    columns = [("statements", "edition_year", "INTEGER"), ("statements", "value", "DOUBLE")]
    same = reuse.fingerprint("files-1", columns)
    assert reuse.fingerprint("files-1", list(columns)) == same
    assert reuse.fingerprint("files-2", columns) != same
    assert reuse.fingerprint("files-1", columns + [("statements", "unit", "VARCHAR")]) != same


def test_the_fingerprint_is_recorded_in_the_warehouse_and_read_back(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("create schema raw")
        con.execute("create table raw.statements (edition_year integer, value double)")
        assert reuse.recorded_fingerprint(con) is None
        now = reuse.fingerprint("files", reuse.raw_columns(con))
        reuse.record_fingerprint(con, now)
        reuse.record_fingerprint(con, now)  # a second build replaces it: still one row
        assert reuse.recorded_fingerprint(con) == now
        assert con.execute("select count(*) from meta.dbt_project_state").fetchone()[0] == 1
        con.execute("alter table raw.statements add column unit varchar")
        assert reuse.fingerprint("files", reuse.raw_columns(con)) != now
        assert ("raw", "statements") in reuse.existing_relations(con)
