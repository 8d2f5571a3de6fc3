"""PURE Python: province names, ranking lists, the evaluation system (表1) and province mentions.

No Dagster, no DuckDB: the ingestion layer turns these frames into raw tables.
"""
from .names import UnknownProvinceError, find_province_names, normalise_province

__all__ = ["UnknownProvinceError", "find_province_names", "normalise_province"]
