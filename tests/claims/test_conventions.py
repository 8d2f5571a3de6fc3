"""The publisher conventions of seeds/publisher_conventions.csv, each held to its reason: the convention must
reproduce what the publisher printed from the editions' own figures and the reference seed, and the
alternative it rules out must not."""
from __future__ import annotations

import csv
from functools import lru_cache

import pytest

from orchestration.extraction import extract_statements, read_document
from orchestration.indicators import match_indicator

from orchestration.claims.verdict import Claim, Figure, judge
from orchestration.indicators.curated import read_curated_sheet
from orchestration.settings import DBT_PROJECT_DIR, PROJECT_ROOT

SEEDS = DBT_PROJECT_DIR / "seeds"
CURATED = PROJECT_ROOT / "sources" / "curated"


def _csv(name: str) -> list[dict]:
    with open(SEEDS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _reference(measure: str, year: int, vintage: str = "first_published") -> Figure:
    (row,) = [r for r in _csv("reference_national_statistics.csv")
              if (r["measure_key"], int(r["ref_year"]), r["vintage_key"]) == (measure, year, vintage)]
    return Figure("b", f"{measure} {year}", float(row["value"]), float(row["half_unit"]), unit=row["unit"],
                  origin="reference")


@lru_cache(maxsize=None)
def _full_text_2021():
    document = read_document(PROJECT_ROOT / "sources" / "digital_china_development_report_2021.txt")
    return document, extract_statements(document, 2021, match_indicator)


def _fact(edition: int, key: str, year: int):
    """A figure as an edition states it: the 2021 full text, or a curated sheet."""
    if edition == 2021:
        document, statements = _full_text_2021()
        s = next(s for s in statements if (s.indicator_key, s.ref_year) == (key, year))
        return s.value, document.text[s.char_start:s.char_end]
    facts = read_curated_sheet(CURATED / f"digital_china_{edition}_curated.yml")["curated_facts"]
    row = facts[(facts.indicator_key == key) & (facts.ref_year == year)].iloc[0]
    return float(row.value), row.value_text


def _share(edition: int, part_key: str, claim_key: str, year: int, denominator: Figure, half_unit: float):
    part, printed = _fact(edition, part_key, year)
    stated, _ = _fact(edition, claim_key, year)
    return judge(Claim("share", stated, 0.05, "exact", "percent",
                       (Figure("a", part_key, part, half_unit, unit="count", printed=printed), denominator)))


def test_every_convention_names_a_claim_rule_input_and_a_vintage_of_the_seed_with_a_reason():
    rules = {r["claim_indicator_key"]: r for r in _csv("claim_rules.csv")}
    vintages = {(r["measure_key"], r["vintage_key"]) for r in _csv("reference_national_statistics.csv")}
    conventions = _csv("publisher_conventions.csv")
    assert conventions
    for c in conventions:
        rule = rules[c["claim_indicator_key"]]
        assert rule[f"input_{c['input_slot']}_key"] == "ref:" + c["measure_key"], c
        assert (c["measure_key"], c["vintage_key"]) in vintages, c
        assert len(c["reason"]) > 80 and c["publisher"], c


@pytest.mark.parametrize("edition, year", [(2021, 2017), (2018, 2018)])
def test_cnnic_divides_by_the_previous_year_end_population(edition, year):
    # internet users over NBS population, as two editions state them: the year before gives CNNIC's rate
    previous = _share(edition, "internet_users", "internet_penetration_rate", year,
                      _reference("population", year - 1), 0.005e8)
    same = _share(edition, "internet_users", "internet_penetration_rate", year,
                  _reference("population", year), 0.005e8)
    assert previous.status == "holds", previous.explanation
    assert same.status not in ("holds", "marginal"), same.explanation


def test_caict_divides_by_gdp_as_first_published():
    first = _share(2018, "digital_economy_size", "digital_economy_gdp_share", 2018, _reference("gdp", 2018), 0.05e12)
    revised = _share(2018, "digital_economy_size", "digital_economy_gdp_share", 2018,
                     _reference("gdp", 2018, "final"), 0.05e12)
    assert first.status == "holds" and first.best == pytest.approx(34.77, abs=0.01)
    assert revised.status == "external_mismatch" and revised.best == pytest.approx(34.05, abs=0.01)
