"""The recomputations, one function per formula, over named inputs.

Every formula is monotone in each input over the range the inputs' boxes allow, so the extremes of a
recomputed value lie on corners of the box (verdict.py relies on it). A formula returns None where it
is undefined (a zero or negative base).

Roles: the claim rules of seeds/claim_rules.csv use a (the level, the part, the later value) and b
(the base, the whole, the earlier value); the paragraph rules of relations.py keep their own roles where
a formula needs more than two inputs (share_points_change, increment_growth, sum); rows.py maps the
others onto a and b.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping


@dataclass(frozen=True)
class Formula:
    name: str
    compute: Callable[[Mapping[str, float], Mapping[str, float]], float | None]
    title: str  # what the recomputed value is, for a reader


def _ratio(x: Mapping[str, float]) -> float | None:
    return x["a"] / x["b"] if x["b"] > 0 else None


def _growth(x, _p):
    r = _ratio(x)
    return None if r is None else (r - 1) * 100


def _cagr(x, p):
    r = _ratio(x)
    years = p.get("years") or 0
    if r is None or r <= 0 or years <= 0:
        return None
    return (r ** (1.0 / years) - 1) * 100


def _multiple(x, _p):
    return _ratio(x)


def _share(x, _p):
    r = _ratio(x)
    return None if r is None else r * 100


def _per_capita(x, p):
    r = _ratio(x)
    return None if r is None else r * p.get("scale", 1)


def _increment(x, _p):
    return x["a"] - x["b"]


def _share_points_change(x, p):
    """Part +g1 %, whole +g2 %, share s now: the share a year before was s·(1+g2)/(1+g1)."""
    g1, g2, s = x["part_growth"], x["whole_growth"], x["share"]
    if g1 <= -100 or g2 <= -100:
        return None
    return p.get("direction", 1) * (s - s * (1 + g2 / 100) / (1 + g1 / 100))


def _increment_growth(x, _p):
    """新增 N to a level L: growth N / (L - N)."""
    base = x["level"] - x["increment"]
    return x["increment"] / base * 100 if base > 0 else None


def _sum(x, _p):
    return sum(x.values())


def _difference(x, p):
    return p.get("direction", 1) * (x["a"] - x["b"])


FORMULAS = {f.name: f for f in (
    Formula("growth", _growth, "growth rate"),
    Formula("growth_since", _growth, "growth since the base year"),
    Formula("cagr", _cagr, "compound annual growth rate"),
    Formula("multiple", _multiple, "multiple"),
    Formula("share", _share, "share"),
    Formula("per_capita", _per_capita, "per-capita figure"),
    Formula("increment", _increment, "increase"),
    Formula("share_points_change", _share_points_change, "change of the share"),
    Formula("increment_growth", _increment_growth, "growth implied by the increase"),
    Formula("sum", _sum, "sum"),
    Formula("difference", _difference, "difference"),
    # a percentage of N items: judged by verdict.judge_share_of_count, not by interval arithmetic
    Formula("share_of_count", lambda x, p: None, "share of the items"),
)}


# the paragraph rules' roles (relations.py) where the formula reads a and b
_ROLES = {"share": {"part": "a", "whole": "b"},
          "difference": {"first": "a", "second": "b", "minuend": "a", "subtrahend": "b"}}


def formula_role(formula: str, role: str, input_no: int) -> str:
    """The name under which `formula` reads an input (the parts of a sum share one role name)."""
    if formula == "sum":
        return f"{role}_{input_no}"
    return _ROLES.get(formula, {}).get(role, role)
