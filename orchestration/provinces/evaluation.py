"""The evaluation system of an edition: its 表N …评价指标体系 (level-1 indicators, level-2 indicators,
key elements), read from the full text where the table arrives as tab-separated lines.

A level-1 cell is written once; the rows below it leave the first column empty. An indicator marked
（参考） — or named by the table's note (注：…) as not counted (不计入) — is reference only: in_score False.
"""
from __future__ import annotations

import re

import pandas as pd

from .dimensions import dimension_key

COLUMNS = [
    "edition_year", "table_number", "table_title", "level1_position", "level1_zh", "level1_as_written",
    "level2_position", "level2_zh", "key_elements_zh", "in_score", "score_note", "dimension_key",
    "source_file", "line", "char_start", "char_end",
]

_TITLE = re.compile(r"^\s*表\s*(?P<number>\d+)\s*(?P<title>\S.*?)\s*$")
_REFERENCE = re.compile(r"[（(]\s*参考\s*[）)]")
_MARKS = re.compile(r"\[\s*\*\s*\]|\*|[（(]\s*参考\s*[）)]|\s+")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def _tables(lines: list[str]):
    """(title_index, header_index) of every indicator table: a 表N title followed by a tabbed header
    naming 一级指标 and 二级指标."""
    for i, line in enumerate(lines):
        if not _TITLE.match(line):
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        if j < len(lines) and "\t" in lines[j] and "一级指标" in lines[j] and "二级指标" in lines[j]:
            yield i, j


def extract_evaluation_system(text: str, edition_year: int, source_file: str) -> pd.DataFrame:
    """One row per level-2 indicator of every evaluation table in `text` (empty frame if none)."""
    lines = text.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    rows: list[dict] = []
    for title_i, header_i in _tables(lines):
        m = _TITLE.match(lines[title_i])
        header = _cells(lines[header_i])
        col1, col2 = header.index("一级指标"), header.index("二级指标")
        col3 = next((k for k, h in enumerate(header) if "要素" in h or "说明" in h), None)
        body, note = [], ""
        k = header_i + 1
        while k < len(lines):
            line = lines[k]
            if not line.strip():  # blank lines (page breaks) may sit inside the table
                k += 1
                continue
            if "\t" not in line:
                if line.strip().startswith("注"):
                    note = line.strip()
                break
            body.append(k)
            k += 1
        level1 = written = None
        in_score, score_note = True, None
        l1_pos = l2_pos = 0
        for k in body:
            cells = _cells(lines[k]) + [""] * 3
            if cells[col1]:
                written = cells[col1]
                level1 = _MARKS.sub("", written)
                reference = bool(_REFERENCE.search(written)) or (
                    level1 in note and "不计入" in note)
                in_score = not reference
                score_note = note if reference and note else ("参考" if reference else None)
                l1_pos, l2_pos = l1_pos + 1, 0
            if level1 is None:
                raise ValueError(f"{source_file} line {k + 1}: a table row before any level-1 indicator")
            l2_pos += 1
            rows.append({
                "edition_year": int(edition_year), "table_number": int(m["number"]),
                "table_title": m["title"], "level1_position": l1_pos, "level1_zh": level1,
                "level1_as_written": written, "level2_position": l2_pos, "level2_zh": cells[col2],
                "key_elements_zh": cells[col3] if col3 is not None else None, "in_score": in_score,
                "score_note": score_note, "dimension_key": dimension_key(edition_year, level1),
                "source_file": source_file, "line": k + 1,
                "char_start": starts[k], "char_end": starts[k] + len(lines[k]),
            })
    return pd.DataFrame(rows, columns=COLUMNS)
