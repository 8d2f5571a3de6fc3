"""Dagster: the raw tables of each edition (partitioned assets) and the DuckDB resource."""
