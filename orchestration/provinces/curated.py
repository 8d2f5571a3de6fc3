"""Curated rankings (from press coverage, sources/curated/*.yml) as rows beside the extracted ones.

Input columns: edition_year, dimension_zh, list_kind, position, province_as_written, citation,
source_file, source_line (the shared CSV's names rank / province / source_urls are accepted too), and
optionally announced_length when a sheet states N.

list_kind: top_n_list (a published top-N in printed order), single_province_rank (one province's own
rank from local news), rank_among_overall_top10 (a rank among the overall top ten only).

announced_length: the sheet's own value when given; otherwise 10 for a top_n_list of ten rows (press
reports of "前10名"), and null for a top_n_list of another length: the press printed only a top 5 of
some 2018 dimensions, and calling those "top 10" would make every unlisted province look outside
the top ten when it may be 6th (福建 is 6th in 2018 产业数字化 by another article). Null for other kinds.
"""
from __future__ import annotations

import pandas as pd

from .dimensions import dimension_key
from .names import normalise_province
from .rankings import typed

LIST_KINDS = {"top_n_list", "single_province_rank", "rank_among_overall_top10"}
_ALIASES = {"rank": "position", "province": "province_as_written", "source_urls": "citation"}
DEFAULT_TOP_N = 10


def curated_rankings_to_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Normalise a curated rankings frame into the columns of extract_rankings (source_kind 'curated').

    Raises UnknownProvinceError (naming the sheet and line) for a province outside the 31 and
    ValueError for an unknown list_kind.
    """
    df = frame.rename(columns={k: v for k, v in _ALIASES.items() if v not in frame.columns}).copy()
    for col in ("citation", "source_file", "source_line", "announced_length"):
        if col not in df.columns:
            df[col] = None
    df = df.reset_index(drop=True)
    bad = set(df["list_kind"]) - LIST_KINDS
    if bad:
        raise ValueError(f"curated rankings: unknown list_kind {sorted(bad)} (known: {sorted(LIST_KINDS)})")
    df["edition_year"] = df["edition_year"].astype(int)
    df["position"] = df["position"].astype(int)
    df["dimension_key"] = [dimension_key(y, d) for y, d in zip(df["edition_year"], df["dimension_zh"])]

    def where(row) -> str:
        sheet = row.source_file if isinstance(row.source_file, str) and row.source_file else "curated sheet"
        line = f" line {int(row.source_line)}" if pd.notna(row.source_line) else ""
        return f"{sheet}{line}, {row.edition_year} {row.dimension_zh} {row.list_kind}"

    df["province_code"] = [normalise_province(r.province_as_written, source=where(r))
                           for r in df.itertuples(index=False)]
    # A list is edition x dimension x kind; the dimension key when known, else the printed name.
    ident = df["dimension_key"].fillna("zh:" + df["dimension_zh"].astype(str))
    is_list = df["list_kind"].eq("top_n_list")
    counts = df[is_list].groupby([df["edition_year"], ident]).size()
    counted = [counts.get((y, i)) if lst else None
               for y, i, lst in zip(df["edition_year"], ident, is_list)]
    stated = pd.to_numeric(df["announced_length"], errors="coerce")
    announced = [s if pd.notna(s) else (DEFAULT_TOP_N if lst and c == DEFAULT_TOP_N else None)
                 for s, lst, c in zip(stated, is_list, counted)]
    out = pd.DataFrame({
        "edition_year": df["edition_year"], "dimension_zh": df["dimension_zh"],
        "dimension_key": df["dimension_key"], "list_kind": df["list_kind"], "position": df["position"],
        "province_as_written": df["province_as_written"], "province_code": df["province_code"],
        "announced_length": announced, "counted_length": counted, "source_kind": "curated",
        "source_file": df["source_file"], "line": pd.to_numeric(df["source_line"], errors="coerce"),
        "char_start": None, "char_end": None, "quote": None, "citation": df["citation"],
        "repeated_at_lines": None,
    })
    return typed(out)
