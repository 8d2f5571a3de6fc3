"""Great Expectations suites (expectations/*.yml) run as Dagster asset checks, with Data Docs."""
