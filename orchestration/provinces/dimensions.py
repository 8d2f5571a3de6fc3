"""Evaluation dimensions per edition (dbt_project/seeds/evaluation_dimensions.csv).

A dimension belongs to an edition: the same words in two editions may mean different evaluations, so
a key is looked up by (edition_year, name as printed). `other_names_zh` ('|'-separated) holds the other
printed forms of the same dimension (the 表1 level-1 name, another article's wording).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from ._text import strip_ws
from .names import SEEDS_DIR


@lru_cache(maxsize=None)
def load_dimensions(seeds_dir: str | None = None) -> pd.DataFrame:
    root = Path(seeds_dir) if seeds_dir else SEEDS_DIR
    frame = pd.read_csv(root / "evaluation_dimensions.csv", dtype=str, keep_default_na=False)
    frame["edition_year"] = frame["edition_year"].astype(int)
    dupes = frame[frame.duplicated(["edition_year", "dimension_key"], keep=False)]
    if not dupes.empty:
        raise ValueError(f"evaluation_dimensions.csv: duplicate edition x key {dupes.values.tolist()}")
    return frame


@lru_cache(maxsize=None)
def _index() -> dict[tuple[int, str], str]:
    index: dict[tuple[int, str], str] = {}
    for row in load_dimensions().itertuples(index=False):
        names = [row.name_zh] + [n for n in row.other_names_zh.split("|") if n.strip()]
        for name in names:
            key = (row.edition_year, strip_ws(name))
            if index.get(key, row.dimension_key) != row.dimension_key:
                raise ValueError(f"evaluation_dimensions.csv: {key} names two dimensions")
            index[key] = row.dimension_key
    return index


def dimension_key(edition_year: int, name_zh: str | None) -> str | None:
    """The dimension key of a name as printed in that edition, None when the seed does not know it
    (the row is kept; the dbt relationship test on dimension_key reports it)."""
    if not name_zh:
        return None
    return _index().get((int(edition_year), strip_ws(name_zh)))
