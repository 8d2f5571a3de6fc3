"""Dagster: the dbt project (staging → intermediate → marts) as assets downstream of the raw tables."""
