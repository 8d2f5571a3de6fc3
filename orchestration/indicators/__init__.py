"""Indicator catalogue, subject -> indicator matching and curated fact sheets (pure Python)."""

from orchestration.indicators.catalogue import (
    Catalogue,
    CatalogueError,
    Indicator,
    catalogue_path,
    load_catalogue,
    parse_catalogue,
)
from orchestration.indicators.matching import Matcher, match_indicator, match_indicator_by_name
from orchestration.indicators.normalise import normalise_subject
from orchestration.indicators.vocabulary import KINDS, QUALIFIERS, TOPICS, UNITS, normalise_qualifier, normalise_unit


def __getattr__(name):  # the curated reader needs pandas + yaml: import it lazily
    if name in {"read_curated_sheet", "CuratedSheetError", "infer_kind"}:
        from orchestration.indicators import curated

        return getattr(curated, name)
    raise AttributeError(name)


__all__ = [
    "Catalogue", "CatalogueError", "Indicator", "KINDS", "Matcher", "QUALIFIERS", "TOPICS", "UNITS",
    "CuratedSheetError", "catalogue_path", "infer_kind", "load_catalogue", "match_indicator",
    "match_indicator_by_name", "normalise_qualifier", "normalise_subject", "normalise_unit",
    "parse_catalogue", "read_curated_sheet",
]
