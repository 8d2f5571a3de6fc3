"""Published ranking lists in a report's full text.

The reports print a result as a list of provinces in a sentence, e.g.
  浙江、北京、上海…等地区数字化综合发展水平位居全国前 10 名。
  北京、上海、浙江…等 10 个省（市）位列各省（区、市）数字基础设施建设水平全国前 10 名。
Matching is general (no list or province is special-cased); it runs on the whitespace-free view of
each sentence so page breaks and spaces inside a list do not matter.

A list is identified by edition x dimension. When a report prints the same list twice (the 2021
summary, 摘要, repeats the overall result of 第三篇), one row set is kept: the first printing in the
body (after the table of contents, 目录), or the first printing when there is no table of contents.
The lines of the other printings are recorded in `repeated_at_lines` of the kept rows; a repeat
that disagrees (other provinces or order) raises RankingConflictError rather than picking one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from ._text import Compact, LineIndex, compact, quote, sentence_spans
from .dimensions import dimension_key
from .names import load_catalogue, normalise_province

COLUMNS = [
    "edition_year", "dimension_zh", "dimension_key", "list_kind", "position", "province_as_written",
    "province_code", "announced_length", "counted_length", "source_kind", "source_file", "line",
    "char_start", "char_end", "quote", "citation", "repeated_at_lines",
]

# Nullable integers: curated rows have no character offsets and may have no announced length.
INT_COLUMNS = ["edition_year", "position", "announced_length", "counted_length", "line", "char_start",
               "char_end"]


def typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The ranking columns in order, integers as nullable Int64 (same dtypes for every source kind)."""
    frame = frame.reindex(columns=COLUMNS)
    for col in INT_COLUMNS:
        frame[col] = pd.array(frame[col], dtype="Int64")
    return frame


_NUM = r"\d+|[零〇一二两三四五六七八九十]+"
_SEP = "、，,。；;：:等"
_TOKEN = rf"[^{_SEP}]{{1,20}}"
_LIST = re.compile(
    rf"(?P<items>{_TOKEN}(?:、{_TOKEN})+)等"
    rf"(?:(?P<count>{_NUM})个)?"
    rf"(?P<rest>[^。；;，,]{{0,60}}?)"
    rf"前(?P<top>{_NUM})(?:名|位|强)"
)
_RANK_VERB = re.compile("位列|位居|排名|排在|进入|跻身")
_GROUP = re.compile(r"^(?:省[（(]区、市[）)]|省[（(]市[）)]|省区市|省市|省份|地区|省)")
_LEAD = re.compile(r"^(?:位列|位居|排名|排在|进入|跻身)?(?:各省[（(]区、市[）)]|各地区|全国)?")
_TAIL = re.compile(r"(?:位列|位居|排名|排在|进入|跻身)?(?:全国)?$")
_CONJ = re.compile("和|及|与")
_TOC = re.compile(r"^\s*目\s*录\s*$", re.M)


class RankingConflictError(ValueError):
    """The same edition x dimension list is printed twice with different contents."""


def _number(s: str | None) -> int | None:
    if not s:
        return None
    if s.isdigit():
        return int(s)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    if "十" in s:  # 十, 十二, 二十, 二十一
        tens, _, ones = s.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(s)


@dataclass
class ListOccurrence:
    """A printed list before normalisation: items are (start, end, as_written) in the original text."""

    sentence: tuple[int, int]
    items: list[tuple[int, int, str]]
    dimension_zh: str
    count: int | None
    top: int | None

    @property
    def span(self) -> tuple[int, int]:
        return self.items[0][0], self.items[-1][1]


def _dimension(rest: str) -> str:
    rest = _GROUP.sub("", rest)
    rest = _LEAD.sub("", rest)
    return _TAIL.sub("", rest)


def _items(view: Compact, m: re.Match) -> list[tuple[int, int, str]]:
    """Split the matched list into names; the first token may carry words before the list
    ("结果显示浙江"): keep its longest suffix that is a known name, if any."""
    cat = load_catalogue()
    known = set(cat.variants) | set(cat.non_provinces)
    out, pos = [], m.start("items")
    for n, token in enumerate(m.group("items").split("、")):
        parts, p = [], pos
        pieces = [token] if token in known else _CONJ.split(token)
        for piece in pieces:
            offset = token.index(piece, p - pos)
            parts.append((pos + offset, piece))
            p = pos + offset + len(piece)
        if n == 0 and parts[0][1] not in known:
            start, piece = parts[0]
            for k in range(1, len(piece)):
                if piece[k:] in known:
                    parts[0] = (start + k, piece[k:])
                    break
        for start, piece in parts:
            if piece:
                s, e = view.span(start, start + len(piece))
                out.append((s, e, piece))
        pos += len(token) + 1
    return out


def find_list_occurrences(text: str) -> list[ListOccurrence]:
    """Every ranking list printed in `text`, in text order, repeats included."""
    found = []
    for s, e in sentence_spans(text):
        view = compact(text, s, e)
        for m in _LIST.finditer(view.text):
            if not _RANK_VERB.search(m.group("rest")):  # "…等15个地区开展试点" is no ranking
                continue
            found.append(ListOccurrence(
                sentence=(s, e), items=_items(view, m), dimension_zh=_dimension(m.group("rest")),
                count=_number(m.group("count")), top=_number(m.group("top")),
            ))
    return found


def _rows(occ: ListOccurrence, text: str, lines: LineIndex, edition_year: int,
          source_file: str) -> list[dict]:
    key = dimension_key(edition_year, occ.dimension_zh)
    sentence = quote(text, *occ.sentence)
    rows = []
    for i, (s, e, written) in enumerate(occ.items, start=1):
        line = lines.line(s)
        where = f"{source_file} line {line}, list {occ.dimension_zh!r} position {i}"
        rows.append({
            "edition_year": int(edition_year), "dimension_zh": occ.dimension_zh, "dimension_key": key,
            "list_kind": "top_n_list", "position": i, "province_as_written": written,
            "province_code": normalise_province(written, source=where),
            "announced_length": occ.count if occ.count is not None else occ.top,
            "counted_length": len(occ.items), "source_kind": "full_text", "source_file": source_file,
            "line": line, "char_start": s, "char_end": e, "quote": sentence, "citation": None,
            "repeated_at_lines": None,
        })
    return rows


def extract_rankings(text: str, edition_year: int, source_file: str) -> pd.DataFrame:
    """One row per province per published list (see the module docstring for repeats).

    Raises UnknownProvinceError (naming the name, file, line and list) for a listed name outside the
    31, and RankingConflictError when two printings of one list disagree.
    """
    lines = LineIndex(text)
    toc = _TOC.search(text)
    body_start = toc.end() if toc else 0
    groups: dict[str, list[list[dict]]] = {}
    for occ in find_list_occurrences(text):
        rows = _rows(occ, text, lines, edition_year, source_file)
        ident = rows[0]["dimension_key"] or rows[0]["dimension_zh"]
        groups.setdefault(ident, []).append(rows)
    out: list[dict] = []
    for ident, printings in groups.items():
        in_body = [p for p in printings if p[0]["char_start"] >= body_start]
        kept = (in_body or printings)[0]
        codes = [r["province_code"] for r in kept]
        others = [p for p in printings if p is not kept]
        for other in others:
            if [r["province_code"] for r in other] != codes:
                raise RankingConflictError(
                    f"{source_file}: list {ident!r} is printed at line {kept[0]['line']} as {codes} "
                    f"and at line {other[0]['line']} as {[r['province_code'] for r in other]}")
        if others:
            repeated = ",".join(str(p[0]["line"]) for p in others)
            for r in kept:
                r["repeated_at_lines"] = repeated
        out.extend(kept)
    frame = typed(pd.DataFrame(out, columns=COLUMNS))
    return frame.sort_values(["char_start"], kind="stable").reset_index(drop=True)


def ranking_list_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every printed list (repeats included), for the mention finder to skip."""
    return [occ.span for occ in find_list_occurrences(text)]
