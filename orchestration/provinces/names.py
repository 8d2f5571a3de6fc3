"""The 31 provinces and every way a report writes them.

The judgements live in the seeds (dbt_project/seeds/): provinces.csv, province_name_variants.csv and
non_province_areas.csv. 新疆生产建设兵团, 香港, 澳门 and 台湾 are recognised on purpose so that they are
rejected by name instead of being read as a province (新疆生产建设兵团 is not 新疆).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from orchestration.settings import DBT_PROJECT_DIR

from ._text import compact, strip_ws

SEEDS_DIR = DBT_PROJECT_DIR / "seeds"


class UnknownProvinceError(ValueError):
    """A name that is not one of the 31 provinces (a non-province area, a typo, anything else)."""

    def __init__(self, name: str, source: str | None = None, kind: str | None = None):
        self.name, self.source, self.kind = name, source, kind
        where = f" (in {source})" if source else ""
        if kind:
            why = f"it is a {kind} area, not one of the 31 provinces"
        else:
            why = "it is not a name of any of the 31 provinces (see province_name_variants.csv)"
        super().__init__(f"unknown province name {name!r}{where}: {why}")


@dataclass(frozen=True)
class Catalogue:
    provinces: pd.DataFrame          # provinces.csv, province_code as str
    variants: dict[str, str]         # written form -> province_code
    non_provinces: dict[str, str]    # written form -> kind
    english: dict[str, str]          # lower-case English name -> province_code
    pattern: re.Pattern              # every known form, longest first


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


@lru_cache(maxsize=None)
def load_catalogue(seeds_dir: str | None = None) -> Catalogue:
    """Read the three seeds once (per folder) and check they agree with each other."""
    root = Path(seeds_dir) if seeds_dir else SEEDS_DIR
    provinces = _read(root / "provinces.csv")
    variants_df = _read(root / "province_name_variants.csv")
    areas = _read(root / "non_province_areas.csv")
    codes = set(provinces["province_code"])
    if len(codes) != 31 or len(provinces) != 31:
        raise ValueError(f"{root / 'provinces.csv'}: expected 31 distinct provinces, got {len(codes)}")
    variants: dict[str, str] = {}
    for row in variants_df.itertuples(index=False):
        v = strip_ws(row.variant)
        if row.province_code not in codes:
            raise ValueError(f"province_name_variants.csv: {v!r} maps to unknown code {row.province_code}")
        if variants.get(v, row.province_code) != row.province_code:
            raise ValueError(f"province_name_variants.csv: {v!r} maps to two provinces")
        variants[v] = row.province_code
    for row in provinces.itertuples(index=False):  # full and short names always count
        variants.setdefault(row.name_zh, row.province_code)
        variants.setdefault(row.short_name_zh, row.province_code)
    non_provinces = {strip_ws(r.name): r.kind for r in areas.itertuples(index=False)}
    clash = set(non_provinces) & set(variants)
    if clash:
        raise ValueError(f"names both province and non-province area: {sorted(clash)}")
    forms = sorted(set(variants) | set(non_provinces), key=lambda s: (-len(s), s))
    pattern = re.compile("|".join(re.escape(f) for f in forms))
    english = {r.name_en.lower(): r.province_code for r in provinces.itertuples(index=False)}
    return Catalogue(provinces, variants, non_provinces, english, pattern)


def normalise_province(name: str, source: str | None = None) -> str:
    """The six-digit code of a province name as written (any variant; spaces and line breaks inside
    the name are ignored; the English name or the code itself are accepted too).

    Raises UnknownProvinceError naming `name` and `source` for anything outside the 31.
    """
    cat = load_catalogue()
    key = strip_ws(str(name))
    if key in cat.variants:
        return cat.variants[key]
    if key in cat.non_provinces:
        raise UnknownProvinceError(key, source, cat.non_provinces[key])
    if key in set(cat.provinces["province_code"]):
        return key
    code = cat.english.get(" ".join(str(name).split()).lower())
    if code:
        return code
    raise UnknownProvinceError(str(name), source)


def non_province_kind(name: str) -> str | None:
    """The kind of a recognised non-province area (e.g. 'xpcc'), else None."""
    return load_catalogue().non_provinces.get(strip_ws(name))


def find_area_names(text: str) -> list[tuple[int, int, str | None, str, str | None]]:
    """Every province or non-province area name in `text`: (start, end, code, as_written, kind).

    Longest form first at each position, scanning left to right, so 新疆生产建设兵团 is one match
    (code None, kind 'xpcc') and never 新疆, and 内蒙古自治区 is one match. Whitespace inside a name
    (page break, padding) is skipped; `as_written` is the name without it, `text[start:end]` spans it.
    """
    cat = load_catalogue()
    view = compact(text)
    out = []
    for m in cat.pattern.finditer(view.text):
        start, end = view.span(m.start(), m.end())
        form = m.group()
        out.append((start, end, cat.variants.get(form), form, cat.non_provinces.get(form)))
    return out


def find_province_names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, province_code, as_written) of every name of one of the 31 in `text`."""
    return [(s, e, code, w) for s, e, code, w, _ in find_area_names(text) if code is not None]


def province_table() -> pd.DataFrame:
    return load_catalogue().provinces.copy()
