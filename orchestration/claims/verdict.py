"""The verdict on one claim: recompute it from the figures it rests on and say whether it holds.

  holds              the best estimate (the formula on the printed inputs) lies in the stated interval
  marginal           it does not, but some rounding of the inputs reaches the stated interval: the
                     verdict says which input must lie where, and what share of the inputs' rounding
                     box reaches it
  fails              no rounding of the report's own figures reaches the stated value
  restated           as fails, but an input comes from another edition: that edition's figure for the
                     year differs from the one this claim implies (reported as `implied`)
  external_mismatch  as fails, but an input comes from outside statistics (NBS): the claim disagrees
                     with them, not with itself
  cannot_check       an input is not stated anywhere the rule looks (named), or the formula is undefined

Neither restated nor external_mismatch says the report contradicts itself. See bounds.py for the
intervals and docs/how-claims-are-judged.md for the rules in prose.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field, replace
from typing import Mapping

from . import wording
from .bounds import input_interval, rule_of, stated_interval
from .formulas import FORMULAS

STATUSES = ("holds", "marginal", "fails", "restated", "external_mismatch", "cannot_check")
ORIGINS = ("same_edition", "other_edition", "reference")
_BOX_POINTS = 4096
_QUALIFIER_WORDS = {"over": "超过", "near": "近", "approx": "约", "under": "不足"}
_ALL_QUALIFIER_WORDS = ("超", "突破", "逾", "以上", "余", "多", "近", "约", "左右", "不足", "不到", "低于", "以内")  # evaluations of the rounding box for the share that reaches the claim


@dataclass(frozen=True)
class Figure:
    """An input as printed. value None: the rule needs it but nothing states it (label names it)."""
    role: str
    label: str
    value: float | None
    half_unit: float = 0.0
    qualifier: str = "exact"
    unit: str = ""
    origin: str = "same_edition"
    source: str = ""
    printed: str = ""

    @property
    def box(self) -> tuple[float, float]:
        return input_interval(self.value, self.half_unit, self.qualifier)

    def shown(self) -> str:
        text = self.printed or wording.figure(self.value, self.unit)
        word = _QUALIFIER_WORDS.get(self.qualifier)
        if word and not any(w in text for w in _ALL_QUALIFIER_WORDS):
            text = word + text  # the span of a figure leaves out the qualifier before it (超过 85%)
        return f"{self.label} {text}" + (f" ({self.source})" if self.source else "")


@dataclass(frozen=True)
class Claim:
    formula: str
    stated: float
    half_unit: float
    qualifier: str
    unit: str
    inputs: tuple[Figure, ...]
    params: Mapping[str, float] = field(default_factory=dict)
    reach: bool = False
    label: str = ""
    printed: str = ""


@dataclass(frozen=True)
class Verdict:
    status: str
    best: float | None = None
    recomputed_lo: float | None = None
    recomputed_hi: float | None = None
    stated_lo: float | None = None
    stated_hi: float | None = None
    rule: str = ""
    rescue: str | None = None
    box_share: float | None = None
    implied: str | None = None
    explanation: str = ""


def judge(claim: Claim) -> Verdict:
    rule = rule_of(claim.qualifier, claim.reach, claim.stated, claim.half_unit)
    lo, hi = stated_interval(claim.stated, claim.half_unit, claim.qualifier, claim.reach)
    base = Verdict("cannot_check", stated_lo=lo, stated_hi=hi, rule=rule)
    missing = [f.label for f in claim.inputs if f.value is None]
    if missing or not claim.inputs:
        return replace(base, explanation="Cannot check: " + ("missing " + ", ".join(missing) if missing
                                                              else "the rule found no inputs") + ".")
    if claim.formula == "share_of_count":
        return _judge_share_of_count(claim, base)
    f = _evaluator(claim)
    best = f(tuple(x.value for x in claim.inputs))
    corners = [f(c) for c in itertools.product(*(x.box for x in claim.inputs))]
    if best is None or any(c is None for c in corners):
        return replace(base, explanation="Cannot check: the inputs cannot be combined (a zero or negative base).")
    r_lo, r_hi = min(corners), max(corners)
    verdict = replace(base, best=best, recomputed_lo=r_lo, recomputed_hi=r_hi)
    if lo <= best <= hi:
        status = "holds"
    elif r_hi >= lo and r_lo <= hi:
        status = "marginal"
        verdict = replace(verdict, rescue=_rescue(claim, f, lo, hi), box_share=_box_share(claim, f, lo, hi))
    else:
        origins = {x.origin for x in claim.inputs}
        status = ("restated" if "other_edition" in origins else
                  "external_mismatch" if "reference" in origins else "fails")
        if status != "fails":
            verdict = replace(verdict, implied=_implied(claim, f, status))
    verdict = replace(verdict, status=status)
    return replace(verdict, explanation=explain(claim, verdict))


def _evaluator(claim: Claim):
    formula = FORMULAS[claim.formula]
    roles = [x.role for x in claim.inputs]
    params = dict(claim.params)

    def f(values) -> float | None:
        try:
            return formula.compute(dict(zip(roles, values)), params)
        except (ZeroDivisionError, OverflowError, ValueError):
            return None
    return f


def _centre(claim: Claim) -> list[float]:
    return [x.value for x in claim.inputs]


def _solve(g, lo: float, hi: float, target: float, rising: bool) -> float:
    """x in [lo, hi] with g(x) = target, g monotone (rising or falling), by bisection."""
    for _ in range(80):
        mid = (lo + hi) / 2
        v = g(mid)
        if v is None:
            return mid
        if (v < target) == rising:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _reaching_range(g, a: float, b: float, s_lo: float, s_hi: float):
    """The sub-interval of [a, b] where g (monotone) lies in [s_lo, s_hi], or None."""
    ga, gb = g(a), g(b)
    if ga is None or gb is None:
        return None
    rising = gb >= ga
    low_end, high_end = (ga, gb) if rising else (gb, ga)
    if high_end < s_lo or low_end > s_hi:
        return None
    x1, x2 = a, b
    if rising:
        if ga < s_lo:
            x1 = _solve(g, a, b, s_lo, True)
        if gb > s_hi:
            x2 = _solve(g, a, b, s_hi, True)
    else:
        if ga > s_hi:
            x1 = _solve(g, a, b, s_hi, False)
        if gb < s_lo:
            x2 = _solve(g, a, b, s_lo, False)
    return x1, x2


def _rescue(claim: Claim, f, s_lo: float, s_hi: float) -> str:
    """Which input, alone, must lie where for the claim to hold; else the corner that reaches it."""
    centre = _centre(claim)
    needs = []
    for i, x in enumerate(claim.inputs):
        a, b = x.box
        if a == b:
            continue

        def g(v, i=i):
            values = list(centre)
            values[i] = v
            return f(values)
        found = _reaching_range(g, a, b, s_lo, s_hi)
        if found is None:
            continue
        x1, x2 = found
        share = (x2 - x1) / (b - a)
        low, high = wording.figure(x1, x.unit, 5), wording.figure(x2, x.unit, 5)
        bound = (f"≥ {low}" if x2 >= b - 1e-12 * abs(b) else f"≤ {high}" if x1 <= a + 1e-12 * abs(a) else
                 f"≈ {low}" if low == high else f"between {low} and {high}")
        needs.append(f"needs {x.label} {bound} (printed {x.printed or wording.figure(x.value, x.unit)}, "
                     f"which allows {wording.interval(a, b, x.unit, 5)}: {_percent(share)} of that range)")
    if needs:
        return "; or ".join(needs)
    # no input alone: every input at the end of its range that moves the result towards the claim
    target = s_lo if f(centre) < s_lo else s_hi
    ends = []
    for i, x in enumerate(claim.inputs):
        a, b = x.box
        values = list(centre)
        values[i] = b
        up = f(values)
        toward_high = (up is not None and up > f(centre)) == (target >= f(centre))
        ends.append((x, b if toward_high else a))
    return "needs every input at the end of its rounding that favours the claim: " + ", ".join(
        f"{x.label} at {wording.figure(v, x.unit, 5)}" for x, v in ends)


def _percent(share: float) -> str:
    return "under 1%" if 0 < share < 0.005 else f"{share:.0%}"


def _box_share(claim: Claim, f, s_lo: float, s_hi: float) -> float:
    """Share of a regular grid over the inputs' rounding box whose recomputed value reaches the claim."""
    boxes = [x.box for x in claim.inputs]
    k = max(2, int(round(_BOX_POINTS ** (1 / len(boxes)))))
    axes = [[a + (b - a) * (j + 0.5) / k for j in range(k)] if b > a else [a] for a, b in boxes]
    total = hits = 0
    for point in itertools.product(*axes):
        v = f(point)
        total += 1
        hits += v is not None and s_lo <= v <= s_hi
    return hits / total if total else 0.0


def _implied(claim: Claim, f, status: str) -> str | None:
    """The value the claim implies for the input that comes from another edition (restated) or from
    outside statistics (external_mismatch), the others as printed."""
    origin = "other_edition" if status == "restated" else "reference"
    centre = _centre(claim)
    out = []
    for i, x in enumerate(claim.inputs):
        if x.origin != origin or not x.value:
            continue

        def g(v, i=i):
            values = list(centre)
            values[i] = v
            return f(values)
        lo, hi = (x.value / 100, x.value * 100) if x.value > 0 else (x.value * 100, x.value / 100)
        glo, ghi = g(lo), g(hi)
        if glo is None or ghi is None or not min(glo, ghi) <= claim.stated <= max(glo, ghi):
            continue
        v = _solve(g, lo, hi, claim.stated, ghi >= glo)
        out.append(f"{x.label} {wording.figure(v, x.unit)} (stated: {x.printed or wording.figure(x.value, x.unit)}"
                   + (f", {x.source}" if x.source else "") + ")")
    return "; ".join(out) or None


def _judge_share_of_count(claim: Claim, base: Verdict) -> Verdict:
    """"N 家企业中 X% 是…": is there a whole number k of the N items with 100·k/N in the stated interval?"""
    (count,) = claim.inputs
    lo, hi = base.stated_lo, base.stated_hi
    c_lo, c_hi = count.box
    candidates = range(max(1, math.ceil(c_lo - 1e-9)), math.floor(c_hi + 1e-9) + 1)
    n0 = round(count.value)
    best_k = min(range(n0 + 1), key=lambda k: abs(100 * k / n0 - claim.stated)) if n0 > 0 else 0
    best = 100 * best_k / n0 if n0 > 0 else None
    verdict = replace(base, best=best, recomputed_lo=0.0, recomputed_hi=100.0)
    if best is not None and lo <= best <= hi:
        status = "holds"
    elif any(lo <= 100 * k / n <= hi for n in candidates for k in range(n + 1)):
        status = "marginal"
        verdict = replace(verdict, rescue=f"needs a count other than {count.printed or n0} within its rounding")
    else:
        status = "fails"
    verdict = replace(verdict, status=status)
    if best is None:
        return replace(verdict, status="cannot_check", explanation="Cannot check: the count is zero.")
    return replace(verdict, explanation=(
        f"Stated {claim.printed or wording.figure(claim.stated, claim.unit)} of {count.shown()}: "
        f"{best_k} of {n0} is {wording.figure(best, 'percent')}"
        + (", the nearest whole number of items, prints as the stated share." if status == "holds" else
           ": no whole number of the items prints as the stated share.")))


# claims a paragraph states in words (relations.py): no statement holds them, so they read differently
_IN_WORDS = {
    "ordering": lambda c: f"Stated in words that {c.inputs[0].shown()} is at least {c.inputs[1].shown()}",
    "shares_within_whole": lambda c: ("Stated as shares of one whole, which together can be at most 100%: "
                                      + ", ".join(x.shown() for x in c.inputs)),
}


def explain(claim: Claim, v: Verdict) -> str:
    """One sentence a journalist can read."""
    stated = claim.printed or wording.figure(claim.stated, claim.unit)
    title = FORMULAS[claim.formula].title
    if claim.label in _IN_WORDS:
        head = f"{_IN_WORDS[claim.label](claim)}; the {title} is {wording.figure(v.best, claim.unit)}"
        stated = "the wording"
    else:
        inputs = ", ".join(x.shown() for x in claim.inputs)
        head = f"Stated {stated}; the {title} recomputed from {inputs} is {wording.figure(v.best, claim.unit)}"
    if v.status == "holds":
        return head + (", which agrees at the printed precision." if stated != "the wording" else
                       ", which agrees with the wording.")
    if v.status == "marginal":
        share = _percent(v.box_share) if v.box_share else "under 1%"
        return (head + f", which does not agree with {stated} at the printed precision; only the rounding of the "
                f"inputs reaches it: {v.rescue} ({share} of the inputs' rounding box reaches it).")
    reach = (f"no rounding of the inputs reaches it (they allow "
             f"{wording.interval(v.recomputed_lo, v.recomputed_hi, claim.unit)})")
    if v.status == "fails":
        return head + f": {reach}. The report's own figures contradict each other."
    if v.status == "restated":
        return (head + f": {reach}. The claim implies {v.implied or 'another value for the earlier figure'}: "
                "the other edition's figure was restated, not a contradiction within this report.")
    return (head + f": {reach}. The claim implies {v.implied or 'another outside figure'}: it disagrees with "
            "the outside statistics (their vintage or definition), not with itself.")
