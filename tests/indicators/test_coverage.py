"""How much of the visible 2021 answer key the catalogue maps to the right key."""

from __future__ import annotations

import re

from orchestration.indicators import match_indicator

_MULT = {"万亿": 1e12, "千亿": 1e11, "千万": 1e7, "亿": 1e8, "万": 1e4, "": 1}
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万亿|千亿|千万|亿|万)?")
_SEP = re.compile(r"[，,；;。：:、]")


def quote_subjects(quote: str, value: float) -> list[str]:
    """Crude subjects of the figure in a quote: the words before it in its clause, the words after
    it, both; the whole quote when the figure is written in words."""
    for m in _NUMBER.finditer(quote):
        if abs(float(m.group(1)) * _MULT[m.group(2) or ""] - value) <= 1e-6 * max(1.0, abs(value)):
            before = _SEP.split(quote[: m.start()])[-1]
            after = _SEP.split(quote[m.end():])[0]
            return [before, after, before + after]
    return [quote]


def quote_match(row) -> str | None:
    for subject in quote_subjects(row["quote"], float(row["value"])):
        key = match_indicator(subject, row["unit"], row["kind"])
        if key:
            return key
    return None


def test_label_coverage(gold_rows):
    hits = sum(match_indicator(r["indicator_zh"], r["unit"], r["kind"]) == r["indicator_key"] for r in gold_rows)
    print(f"\nanswer-key labels mapped to their key: {hits}/{len(gold_rows)}")
    assert hits == len(gold_rows)


def test_quote_subject_coverage(gold_rows):
    hits = sum(quote_match(r) == r["indicator_key"] for r in gold_rows)
    wrong = sum(quote_match(r) not in (None, r["indicator_key"]) for r in gold_rows)
    print(f"\nquote subjects mapped to their key: {hits}/{len(gold_rows)} ({hits / len(gold_rows):.1%}); "
          f"to another key: {wrong}")
    assert hits / len(gold_rows) >= 0.70
