"""What a printed figure says about the true value: the interval its last printed digit and its
qualifier allow. docs/how-claims-are-judged.md states the same rules for readers.

h is half a unit of the last printed digit ("12.4%" -> 0.05, "36.5万" -> 500, "2.4万亿" -> 5e10).

A claim's stated value (what the report asserts):
  exact          [v - h, v + h]                 "12.4%" is anything that prints as 12.4
  over           [v, +inf)                      超过/突破/逾/以上/余/多: at least v
  near           [v - d, v + h]                 近/接近/将近: just below v, d = max(2h, 5 % of v)
  approx         [v - d, v + d]                 约/左右/上下: either side, d = max(2h, 5 % of v)
  under          (-inf, v]                      不足/不到/低于/以内/以下: at most v
  reach          [v - h, +inf)                  达到/达 a round figure (at most two significant
                                                digits: 80%, 1.3万亿, 三分之一): at least v. 达到 a
                                                precise figure (达到 61.7%) stays exact.
An input (a figure a claim is recomputed from) keeps a finite box, so that a recomputed range exists:
  exact [v - h, v + h]; over [v, v + 2h]; under [v - 2h, v]; near and approx as above.
The best estimate of an input is the printed value itself.
"""
from __future__ import annotations

import math
import re

INF = math.inf
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_SCALE_POWERS = (0, 3, 4, 7, 8, 11, 12)  # 1, 千, 万, 千万, 亿, 千亿, 万亿
QUALIFIERS = ("exact", "over", "near", "approx", "under")
_RELATIVE = 0.05  # how far 近 / 约 reach, as a share of the figure


def printed_half_unit(value: float, text: str | None) -> float | None:
    """Half a unit of the last printed digit of `value` as written in `text` ("36.5 万个" -> 500): the
    number of the text equal to the value up to a scale word's power of ten. None when none matches
    (三分之一, 八成). The same rule as the SQL macro printed_half_unit (macros/precision.sql)."""
    found = []
    for token in _NUMBER.findall(text or ""):
        number = float(token)
        if number <= 0 or value / number <= 0:
            continue
        power = math.log10(value / number)
        if abs(power - round(power)) < 1e-6 and round(power) in _SCALE_POWERS:
            decimals = len(token.split(".")[1]) if "." in token else 0
            found.append(0.5 * 10 ** (round(power) - decimals))
    return min(found) if found else None


def guessed_half_unit(value: float) -> float:
    """No digits to read: half a unit of the value's last decimal (up to 2), as macros/precision.sql."""
    return 0.5 if value == round(value) else 0.05 if value * 10 == round(value * 10) else 0.005


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
