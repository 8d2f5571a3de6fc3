"""Score extracted statements against an answer key (fact rows with line, value, ref_year, ...).

Matching is on (line, value, ref_year), one key row to at most one statement. Used by the tests
and by bench/evaluate_extraction.py; it never special-cases anything, it only counts.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Score:
    matched: list = field(default_factory=list)      # (key row, statement)
    missed: list = field(default_factory=list)       # key rows
    unmatched: list = field(default_factory=list)    # statements
    hidden_capacity_used: int = 0
    hidden_rows: int = 0
    outside_gaps: list = field(default_factory=list)  # unmatched statements no hidden row can explain

    @property
    def recall(self) -> float:
        total = len(self.matched) + len(self.missed)
        return len(self.matched) / total if total else 0.0

    @property
    def qualifier_accuracy(self) -> float:
        ok = sum(1 for row, s in self.matched if row["qualifier"] == s.qualifier)
        return ok / len(self.matched) if self.matched else 0.0

    @property
    def kind_accuracy(self) -> float:
        ok = sum(1 for row, s in self.matched if row["kind"] == s.kind)
        return ok / len(self.matched) if self.matched else 0.0

    @property
    def precision_estimate(self) -> float:
        """Matched statements plus unmatched ones that fit a gap of the (partial) key where hidden
        rows must lie, over all statements. Unmatched statements outside any gap are false positives."""
        total = len(self.matched) + len(self.unmatched)
        return (len(self.matched) + self.hidden_capacity_used) / total if total else 0.0

    @property
    def false_positives(self) -> int:
        return len(self.unmatched) - self.hidden_capacity_used


def read_key(path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        row["line"] = int(row["line"])
        row["value"] = float(row["value"])
        row["ref_year"] = int(row["ref_year"]) if row["ref_year"] else None
    return rows


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.006, 1e-9 * max(abs(a), abs(b)))


def score(statements, key_rows: list[dict]) -> Score:
    result = Score()
    pool = list(statements)
    used = [False] * len(pool)
    by_line: dict[int, list[int]] = {}
    for i, s in enumerate(pool):
        by_line.setdefault(s.line, []).append(i)
    for row in key_rows:
        hit = None
        for i in by_line.get(row["line"], []):
            if not used[i] and _same(pool[i].value, row["value"]) and pool[i].ref_year == row["ref_year"]:
                hit = i
                break
        if hit is None:
            result.missed.append(row)
        else:
            used[hit] = True
            result.matched.append((row, pool[hit]))
    result.unmatched = [s for i, s in enumerate(pool) if not used[i]]
    _fill_hidden_gaps(result, key_rows)
    return result


def _fill_hidden_gaps(result: Score, key_rows: list[dict]) -> None:
    """Key ids run in text order (F0001, F0002, ...); a gap of k ids between two visible rows on lines
    a..b holds k hidden rows on lines a..b. Count how many unmatched statements those gaps can hold."""
    numbered = []
    for row in key_rows:
        m = re.search(r"(\d+)$", row.get("fact_id", ""))
        if m:
            numbered.append((int(m.group(1)), row["line"]))
    if not numbered:
        return
    numbered.sort()
    gaps = []  # (first line, last line, capacity)
    previous_id, previous_line = 0, 1
    for fid, line in numbered:
        if fid - previous_id > 1:
            gaps.append([previous_line, line, fid - previous_id - 1])
        previous_id, previous_line = fid, line
    gaps.append([previous_line, 10 ** 9, 0])  # rows after the last visible id are unknown: no credit
    result.hidden_rows = sum(g[2] for g in gaps)
    for s in sorted(result.unmatched, key=lambda s: s.line):
        for gap in gaps:
            if gap[0] <= s.line <= gap[1] and gap[2] > 0:
                gap[2] -= 1
                result.hidden_capacity_used += 1
                break
        else:
            result.outside_gaps.append(s)


def default_key_path() -> Path:
    return Path(__file__).resolve().parents[2] / "tests" / "data" / "gold_2021_visible.csv"


@dataclass
class KeyAgreement:
    """Indicator keys of the statements matched to answer-key rows (on line, value, ref_year)."""
    same: list = field(default_factory=list)       # (key row, statement)
    none: list = field(default_factory=list)       # matched, statement has no key
    different: list = field(default_factory=list)  # matched, statement has another key
    statements: int = 0
    keyed: int = 0                                 # statements with a key (all, matched or not)

    @property
    def matched(self) -> int:
        return len(self.same) + len(self.none) + len(self.different)

    def rate(self, part: list) -> float:
        return len(part) / self.matched if self.matched else 0.0

    @property
    def coverage(self) -> float:
        return self.keyed / self.statements if self.statements else 0.0


def key_agreement(statements, key_rows: list[dict]) -> KeyAgreement:
    result = score(statements, key_rows)
    out = KeyAgreement(statements=len(statements), keyed=sum(1 for s in statements if s.indicator_key))
    for row, s in result.matched:
        if s.indicator_key == row["indicator_key"]:
            out.same.append((row, s))
        elif not s.indicator_key:
            out.none.append((row, s))
        else:
            out.different.append((row, s))
    return out
