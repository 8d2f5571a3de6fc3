"""Does a full-text figure's unit fit what it measures? A count of users or people (用户, 网民, 人数) stated
in 次 or 人次 or in money does not. The rules are data: dbt_project/seeds/unit_fit_rules.csv."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from ..settings import DBT_PROJECT_DIR

RULES_FILE = DBT_PROJECT_DIR / "seeds" / "unit_fit_rules.csv"
_COUNTER = re.compile(r"([\u4e00-\u9fff]+)$")
_SCALE = re.compile(r"^[十百千万亿]+")


@dataclass(frozen=True)
class UnitFitRule:
    measure_cue: str
    misfit_counter: str | None
    misfit_unit: str | None
    reason: str


@lru_cache(maxsize=1)
def unit_fit_rules() -> tuple[UnitFitRule, ...]:
    with open(RULES_FILE, encoding="utf-8", newline="") as f:
        return tuple(UnitFitRule(r["measure_cue"], r["misfit_counter"] or None, r["misfit_unit"] or None, r["reason"])
                     for r in csv.DictReader(f))


def counter_of(figure_text: str) -> str:
    """The measure word a figure is counted in: "4.82亿次" -> 次, "949.60 万人次" -> 人次."""
    found = _COUNTER.search(figure_text.strip())
    return _SCALE.sub("", found.group(1)) if found else ""


def unit_fit(subject: str, figure_text: str, unit: str) -> tuple[bool, str] | None:
    """(fits, why) for a statement whose subject names people or users; None where no rule applies."""
    rules = [r for r in unit_fit_rules() if r.measure_cue in (subject or "")]
    if not rules or unit not in ("count", "yuan", "usd"):
        return None
    counter = counter_of(figure_text)
    broken = [r.reason for r in rules if (r.misfit_counter and r.misfit_counter == counter)
              or (r.misfit_unit and r.misfit_unit == unit)]
    return (False, " ".join(sorted(set(broken)))) if broken else (True, "the unit fits the measure")
