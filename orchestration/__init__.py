"""Digital China Warehouse: the Dagster code location and the pure-Python logic behind it."""
