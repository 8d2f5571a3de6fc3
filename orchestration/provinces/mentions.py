"""Every place a report names one of the 31 provinces, outside the published ranking lists.

Names of non-province areas (新疆生产建设兵团, 香港 …) are matched as whole names first so they never
yield a province mention (新疆生产建设兵团 is not a mention of 新疆).
"""
from __future__ import annotations

import bisect
from typing import Callable

import pandas as pd

from ._text import LineIndex, quote, sentence_spans
from .names import find_province_names
from .rankings import ranking_list_spans

COLUMNS = [
    "edition_year", "province_code", "province_as_written", "section", "line", "char_start",
    "char_end", "sentence", "source_file",
]


def find_province_mentions(text: str, edition_year: int, source_file: str,
                           section_of: Callable[[int], str | None] | None = None) -> pd.DataFrame:
    """One row per province name in `text` that is not part of a ranking list (repeats of a list,
    such as the summary's copy of the overall result, are lists too and are skipped).

    `section_of(line)` names the section holding a 1-based line; without it `section` is None.
    `sentence` is the 。-delimited sentence around the mention as written (line breaks removed).
    """
    lines = LineIndex(text)
    lists = sorted(ranking_list_spans(text))
    list_starts = [s for s, _ in lists]
    sentences = sentence_spans(text)
    sentence_starts = [s for s, _ in sentences]
    rows = []
    for start, end, code, written in find_province_names(text):
        k = bisect.bisect_right(list_starts, start) - 1
        if k >= 0 and start < lists[k][1]:
            continue
        j = bisect.bisect_right(sentence_starts, start) - 1
        s_start, s_end = sentences[j] if j >= 0 and start < sentences[j][1] else (start, end)
        line = lines.line(start)
        rows.append({
            "edition_year": int(edition_year), "province_code": code, "province_as_written": written,
            "section": section_of(line) if section_of else None, "line": line,
            "char_start": start, "char_end": end, "sentence": quote(text, s_start, s_end),
            "source_file": source_file,
        })
    return pd.DataFrame(rows, columns=COLUMNS)
