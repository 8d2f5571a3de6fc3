"""The claims of the warehouse judged in bulk: rows of int_claims__to_judge in, one verdict row per
claim and variant out. Called by the dbt Python model int_claims__judged; plain Python, no pandas (the
model would pay ~0.8 s to import it), so that it can be tested without dbt.
"""
from __future__ import annotations

import math
from itertools import groupby
from typing import Iterable, Mapping

from .formulas import formula_role
from .verdict import Claim, Figure, Verdict, judge

# the columns of int_claims__to_judge the judge reads (one row per claim × variant × input)
INPUT_COLUMNS = (
    "judge_id", "variant", "formula", "claim_label", "stated", "stated_half_unit", "qualifier", "reach", "unit",
    "claim_printed", "years", "scale", "direction", "input_no", "role", "input_label", "input_value",
    "input_half_unit", "input_qualifier", "input_unit", "input_origin", "input_source", "input_printed",
)
# the verdict columns, with their DuckDB types (the model casts to these)
OUTPUT_COLUMNS = (
    ("judge_id", "varchar"), ("variant", "varchar"), ("status", "varchar"), ("best_estimate", "double"),
    ("recomputed_lo", "double"), ("recomputed_hi", "double"), ("stated_lo", "double"), ("stated_hi", "double"),
    ("bound_rule", "varchar"), ("rescue", "varchar"), ("box_share", "double"), ("implied", "varchar"),
    ("explanation", "varchar"),
)


def _claim(rows: list[Mapping]) -> Claim:
    first = rows[0]
    params = {k: float(first[k]) for k in ("years", "scale", "direction") if first.get(k) is not None}
    inputs = tuple(
        Figure(role=formula_role(first["formula"], r["role"], r["input_no"] or 0), label=r["input_label"] or r["role"], value=r["input_value"],
               half_unit=r["input_half_unit"] or 0.0, qualifier=r["input_qualifier"] or "exact",
               unit=r["input_unit"] or "", origin=r["input_origin"] or "same_edition",
               source=r["input_source"] or "", printed=r["input_printed"] or "")
        for r in sorted(rows, key=lambda r: r["input_no"] or 0) if r["role"] is not None)
    return Claim(formula=first["formula"], stated=first["stated"], half_unit=first["stated_half_unit"] or 0.0,
                 qualifier=first["qualifier"] or "exact", unit=first["unit"] or "", inputs=inputs,
                 params=params, reach=bool(first["reach"]), label=first["claim_label"] or "",
                 printed=first["claim_printed"] or "")


def _finite(x: float | None) -> float | None:
    return x if x is not None and math.isfinite(x) else None


def verdict_row(judge_id: str, variant: str, v: Verdict) -> dict:
    """An unbounded end of an interval is null (超过 X has no upper end)."""
    return {"judge_id": judge_id, "variant": variant, "status": v.status, "best_estimate": v.best,
            "recomputed_lo": v.recomputed_lo, "recomputed_hi": v.recomputed_hi,
            "stated_lo": _finite(v.stated_lo), "stated_hi": _finite(v.stated_hi), "bound_rule": v.rule,
            "rescue": v.rescue, "box_share": v.box_share, "implied": v.implied, "explanation": v.explanation}


def judge_rows(rows: Iterable[Mapping]) -> list[dict]:
    """Rows sorted or not; one verdict row per (judge_id, variant), in judge_id order."""
    key = lambda r: (r["judge_id"], r["variant"])  # noqa: E731
    out = []
    for (judge_id, variant), group in groupby(sorted(rows, key=key), key=key):
        out.append(verdict_row(judge_id, variant, judge(_claim(list(group)))))
    return out


def select_sql(parameter: str = "verdicts", empty: bool = False) -> str:
    """The SQL that turns the verdict rows (a list of dicts bound to $parameter) into a typed relation;
    empty=True: no rows, the same columns."""
    if empty:
        return "select " + ", ".join(f"cast(null as {dtype}) as {name}" for name, dtype in OUTPUT_COLUMNS) + " where false"
    casts = ", ".join(f"cast(v.{name} as {dtype}) as {name}" for name, dtype in OUTPUT_COLUMNS)
    return f"select {casts} from (select unnest(${parameter}) as v)"
