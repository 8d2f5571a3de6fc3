"""PURE Python: province names, ranking lists, the evaluation system (表1) and province mentions.

No Dagster, no DuckDB: the ingestion layer turns these frames into raw tables.
"""
from .curated import curated_rankings_to_rows
from .evaluation import extract_evaluation_system
from .mentions import find_province_mentions
from .names import UnknownProvinceError, find_province_names, normalise_province
from .rankings import extract_rankings

__all__ = ["UnknownProvinceError", "find_province_names", "normalise_province", "extract_rankings",
           "extract_evaluation_system", "find_province_mentions", "curated_rankings_to_rows"]
