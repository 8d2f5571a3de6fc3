"""What a printed figure says about the true value: the interval its last printed digit and its
qualifier allow. docs/how-claims-are-judged.md states the same rules for readers.

h is half a unit of the last printed digit ("13.6%" -> 0.05, "142.5万" -> 500, "1.3万亿" -> 5e10).

A claim's stated value (what the report asserts):
  exact          [v - h, v + h]                 "13.6%" is anything that prints as 13.6
  over           [v, +inf)                      超过/突破/逾/以上/余/多: at least v
  near           [v - d, v + h]                 近/接近/将近: just below v, d = max(2h, 5 % of v)
  approx         [v - d, v + d]                 约/左右/上下: either side, d = max(2h, 5 % of v)
  under          (-inf, v]                      不足/不到/低于/以内/以下: at most v
  reach          [v - h, +inf)                  达到/达 a round figure (at most two significant
                                                digits: 80%, 1.3万亿, 三分之一): at least v. 达到 a
                                                precise figure (达到 58.9%) stays exact.
An input (a figure a claim is recomputed from) keeps a finite box, so that a recomputed range exists:
  exact [v - h, v + h]; over [v, v + 2h]; under [v - 2h, v]; near and approx as above.
The best estimate of an input is the printed value itself.
"""
from __future__ import annotations

import math

INF = math.inf
QUALIFIERS = ("exact", "over", "near", "approx", "under")
_RELATIVE = 0.05  # how far 近 / 约 reach, as a share of the figure


def _spread(value: float, half_unit: float) -> float:
    return max(2 * half_unit, _RELATIVE * abs(value))


def is_round(value: float, half_unit: float) -> bool:
    """At most two significant printed digits: "80%", "30%", "1.3万亿", "2.5倍" (and fractions
    written in words, whose precision is guessed)."""
    if half_unit <= 0:
        return False
    mantissa = round(abs(value) / (2 * half_unit))
    return len(str(mantissa).rstrip("0")) <= 2


def stated_interval(value: float, half_unit: float, qualifier: str, reach: bool = False) -> tuple[float, float]:
    if qualifier == "over":
        return value, INF
    if qualifier == "under":
        return -INF, value
    if qualifier == "near":
        return value - _spread(value, half_unit), value + half_unit
    if qualifier == "approx":
        d = _spread(value, half_unit)
        return value - d, value + d
    if reach and is_round(value, half_unit):
        return value - half_unit, INF
    return value - half_unit, value + half_unit


def input_interval(value: float, half_unit: float, qualifier: str) -> tuple[float, float]:
    if qualifier == "over":
        return value, value + 2 * half_unit
    if qualifier == "under":
        return value - 2 * half_unit, value
    if qualifier in ("near", "approx"):
        return stated_interval(value, half_unit, qualifier)
    return value - half_unit, value + half_unit


def rule_of(qualifier: str, reach: bool, value: float, half_unit: float) -> str:
    """The name of the rule stated_interval applied (for the explanation)."""
    if qualifier == "exact" and reach and is_round(value, half_unit):
        return "reach"
    return qualifier
