"""The verdict on every judgement of int_claims__to_judge: one row per judge_id × variant, computed by
orchestration.claims (pure Python, unit-tested without dbt). Plain rows in and out: pandas is not
imported (it would cost dbt ~0.8 s)."""


def model(dbt, session):
    dbt.config(materialized="table")
    from orchestration.claims.rows import INPUT_COLUMNS, judge_rows, select_sql

    relation = dbt.ref("int_claims__to_judge").select(", ".join(INPUT_COLUMNS))
    rows = [dict(zip(INPUT_COLUMNS, row)) for row in relation.fetchall()]
    verdicts = judge_rows(rows)
    return session.sql(select_sql(), params={"verdicts": verdicts}) if verdicts else session.sql(select_sql(empty=True))
