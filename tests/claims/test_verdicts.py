"""The judge on made-up claims (figures invented for these tests, not a report's)."""
from __future__ import annotations

import math

import duckdb
import pytest

from orchestration.claims.bounds import input_interval, is_round, stated_interval
from orchestration.claims.rows import INPUT_COLUMNS, OUTPUT_COLUMNS, judge_rows, select_sql
from orchestration.claims.verdict import Claim, Figure, judge

YI = 1e8


def level(role, label, value, half_unit, **kw):
    return Figure(role, label, value, half_unit, unit=kw.pop("unit", "yuan"), **kw)


def cagr(stated, qualifier="exact", later=0.5e12, later_h=0.05e12, earlier=2000 * YI, earlier_h=0.5 * YI):
    # 产业规模 from 2000亿元 (2018) to 0.5万亿元 (2022): 4 years
    return Claim("cagr", stated, 0.5 if stated == round(stated) else 0.05, qualifier, "percent",
                 (level("a", "产业规模 2022", later, later_h, printed="0.5万亿元"),
                  level("b", "产业规模 2018", earlier, earlier_h, printed="2000亿元")), {"years": 4})


# --- bounds ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("qualifier, reach, expected", [
    ("exact", False, (79.5, 80.5)),
    ("over", False, (80, math.inf)),        # 超过 80%: at least 80
    ("under", False, (-math.inf, 80)),      # 不足 80%: at most 80
    ("near", False, (76, 80.5)),            # 近 80%: just below, 5 % of 80
    ("approx", False, (76, 84)),            # 约 80%: either side
    ("exact", True, (79.5, math.inf)),      # 达到 80% (round): at least
])
def test_stated_intervals_by_qualifier(qualifier, reach, expected):
    assert stated_interval(80, 0.5, qualifier, reach) == pytest.approx(expected)


def test_reach_reads_only_a_round_figure_as_a_lower_bound():
    assert is_round(80, 0.5) and is_round(1.3e12, 0.05e12) and is_round(2.5, 0.05)
    assert not is_round(58.9, 0.05) and not is_round(13.6, 0.05) and not is_round(90.5, 0.05)
    assert stated_interval(58.9, 0.05, "exact", reach=True) == pytest.approx((58.85, 58.95))


def test_input_boxes_are_finite():
    assert input_interval(3e4, 0.5e4, "over") == (3e4, 4e4)      # 超过 3 万: up to the next printed unit
    assert input_interval(3e4, 0.5e4, "under") == (2e4, 3e4)
    assert input_interval(142.5, 0.05, "exact") == pytest.approx((142.45, 142.55))


# --- the six statuses --------------------------------------------------------------------------------
def test_best_estimate_agreeing_at_printed_precision_holds():
    v = judge(cagr(25.7))  # (5000 / 2000) ** (1/4) - 1 = 25.74 %
    assert v.status == "holds" and v.best == pytest.approx(25.743, abs=1e-3)
    assert "agrees at the printed precision" in v.explanation


def test_a_corner_of_the_rounding_box_is_not_enough_to_hold():
    """超过 26 %: the best estimate is 25.74 %, only a later level near the top of its rounding reaches 26."""
    v = judge(cagr(26, "over"))
    assert v.status == "marginal"
    # 2000亿 × 1.26⁴ = 5040.9亿: the later level must be at least that (0.5万亿 allows 4500–5500亿)
    assert "needs 产业规模 2022 ≥ 5040.9亿元" in v.rescue
    assert "4500亿元–5500亿元" in v.rescue and "46% of that range" in v.rescue
    assert 0.3 < v.box_share < 0.6
    assert v.recomputed_lo < 26 <= v.recomputed_hi


def test_marginal_needing_both_inputs_names_the_corner():
    # 27.2 -> 45.5 over 4 years: 13.73 %; stated 13.6 % needs both ends at the edges of their rounding
    claim = Claim("cagr", 13.6, 0.05, "exact", "percent",
                  (level("a", "规模 2021", 45.5e12, 0.05e12), level("b", "规模 2017", 27.2e12, 0.05e12)), {"years": 4})
    v = judge(claim)
    assert v.status == "marginal" and v.rescue.startswith("needs every input at the end of its rounding")
    assert "规模 2021 at 45.45万亿元" in v.rescue and "规模 2017 at 27.25万亿元" in v.rescue
    assert "under 1%" in v.explanation or v.box_share < 0.05


def test_no_overlap_with_own_figures_fails():
    """A share 12.0 % now, the part +15.0 %, the whole +10.0 %: the share rose 0.52 points, not 3.0."""
    claim = Claim("share_points_change", 3.0, 0.05, "exact", "percentage_points",
                  (Figure("part_growth", "甲类收入增速", 15.0, 0.05, unit="percent"),
                   Figure("whole_growth", "乙类收入增速", 10.0, 0.05, unit="percent"),
                   Figure("share", "甲类占乙类比重", 12.0, 0.05, unit="percent")), {"direction": 1})
    v = judge(claim)
    assert v.status == "fails" and v.best == pytest.approx(12 - 12 * 1.10 / 1.15)
    assert "contradict each other" in v.explanation


def test_a_decrease_in_points_is_signed():
    claim = Claim("share_points_change", 0.6, 0.05, "exact", "percentage_points",
                  (Figure("part_growth", "甲", 5.0, 0.05, unit="percent"),
                   Figure("whole_growth", "乙", 10.0, 0.05, unit="percent"),
                   Figure("share", "比重", 12.0, 0.05, unit="percent")), {"direction": -1})
    assert judge(claim).status == "holds"  # 12 − 12·1.10/1.05 = −0.57 points: "下降 0.6 个百分点"


def test_disagreement_with_another_edition_is_a_restatement_with_the_implied_value():
    # 新增 40.0 万个: 150.0 万 (this edition) − 100.0 万 (the previous edition's stock) = 50.0 万
    claim = Claim("increment", 40e4, 0.05e4, "exact", "count",
                  (level("a", "站点 2022", 150e4, 0.05e4, unit="count"),
                   level("b", "站点 2021", 100e4, 0.05e4, unit="count", origin="other_edition",
                         source="the 2021 edition", printed="100.0万个")))
    v = judge(claim)
    assert v.status == "restated" and "站点 2021 110万" in v.implied and "the 2021 edition" in v.implied
    assert "restated, not a contradiction" in v.explanation


def test_disagreement_with_outside_statistics_is_an_external_mismatch():
    claim = Claim("share", 60.0, 0.05, "exact", "percent",
                  (level("a", "用户 2022", 8.0e8, 0.005e8, unit="count"),
                   level("b", "年末人口 2022", 14.0e8, 0.00005e8, unit="count", origin="reference",
                         source="统计公报 (first published)")))
    v = judge(claim)  # 8.0 / 14.0 = 57.1 %
    assert v.status == "external_mismatch" and "年末人口 2022 13.33亿" in v.implied
    assert "outside statistics" in v.explanation


def test_a_missing_input_cannot_be_checked_and_is_named():
    claim = Claim("growth", 12.0, 0.05, "exact", "percent",
                  (level("a", "收入 2022", 5e11, 0.5e8), level("b", "收入 2021", None, 0.0)))
    v = judge(claim)
    assert v.status == "cannot_check" and "missing 收入 2021" in v.explanation


def test_a_zero_base_cannot_be_checked():
    v = judge(Claim("growth", 12.0, 0.05, "exact", "percent", (level("a", "x", 5.0, 0.5), level("b", "y", 0.0, 0.0))))
    assert v.status == "cannot_check" and "cannot be combined" in v.explanation


# --- the paragraph rules' formulas -------------------------------------------------------------------
def test_growth_implied_by_an_increase_against_the_level():
    # 新增 30 个, 总数 130 个, "增长超过 25%": 30 / 100 = 30 %
    claim = Claim("increment_growth", 25, 0.5, "over", "percent",
                  (Figure("increment", "新增", 30, 0.5, unit="count"), Figure("level", "总数", 130, 0.5, unit="count")))
    assert judge(claim).status == "holds"
    claim = Claim("increment_growth", 40, 0.5, "over", "percent", claim.inputs)
    assert judge(claim).status == "fails"


def test_a_percentage_of_a_count_of_items():
    def share_of(n, stated, half=0.5):
        return judge(Claim("share_of_count", stated, half, "exact", "percent",
                           (Figure("count", "企业", n, 0.5, unit="count", printed=f"{n}家"),)))
    assert share_of(40, 35).status == "holds"      # 14 of 40
    v = share_of(7, 50)                            # 3/7 = 42.9 %, 4/7 = 57.1 %: no whole number of 7 is 50 %
    assert v.status == "fails" and "no whole number" in v.explanation
    assert share_of(7, 42.9, 0.05).status == "holds"


def test_parts_against_their_total():
    parts = (Figure("part_1", "省级", 30, 0.5, unit="count"), Figure("part_2", "城市", 120, 0.5, unit="count"))
    assert judge(Claim("sum", 150, 0.5, "exact", "count", parts)).status == "holds"
    assert judge(Claim("sum", 160, 0.5, "exact", "count", parts)).status == "fails"


def test_component_shares_under_one_hundred():
    shares = tuple(Figure(f"share_{i}", n, v, 0.05, unit="percent") for i, (n, v) in
                   enumerate((("甲", 40.0), ("乙", 35.0), ("丙", 24.0)), start=1))
    assert judge(Claim("sum", 100, 0.0, "under", "percent", shares)).status == "holds"
    more = shares + (Figure("share_4", "丁", 5.0, 0.05, unit="percent"),)
    assert judge(Claim("sum", 100, 0.0, "under", "percent", more)).status == "fails"


@pytest.mark.parametrize("first, second, status", [((88.0, "over"), (84.3, "exact"), "holds"),
                                                   ((80.0, "exact"), (84.3, "exact"), "fails"),
                                                   ((84.0, "over"), (84.3, "exact"), "marginal")])
def test_an_ordering_stated_in_words(first, second, status):
    """"A 最高 … 其次为 B": first minus second at least 0."""
    claim = Claim("difference", 0.0, 0.0, "over", "percent",
                  (Figure("a", "A", first[0], 0.5 if first[1] == "over" else 0.05, first[1], unit="percent"),
                   Figure("b", "B", second[0], 0.05, second[1], unit="percent")))
    assert judge(claim).status == status


def test_per_capita():
    claim = Claim("per_capita", 12.1, 0.05, "exact", "per_10k_population",
                  (level("a", "设施", 170e4, 0.05e4, unit="count"), level("b", "人口", 14.1e8, 0.05e8, unit="count")),
                  {"scale": 10000})
    assert judge(claim).status == "holds"  # 170万 / 14.1亿 × 10 000 = 12.06


# --- the rows the dbt model passes ---------------------------------------------------------------------
def _rows(judge_id, variant, formula, stated, inputs, **claim):
    base = dict.fromkeys(INPUT_COLUMNS)
    base.update({"judge_id": judge_id, "variant": variant, "formula": formula, "stated": stated,
                 "stated_half_unit": 0.5, "qualifier": "exact", "reach": False, "unit": "count", **claim})
    return [{**base, "input_no": n, "role": role, "input_label": role, "input_value": value, "input_half_unit": 0.5,
             "input_unit": "count", "input_origin": "same_edition"} for n, (role, value) in enumerate(inputs, start=1)]


def test_judge_rows_groups_by_judgement_and_variant_and_maps_roles():
    rows = (_rows("S1:relation", "corrected", "sum", 150, [("part", 30), ("part", 120)])
            + _rows("S1:relation", "as_stated", "sum", 150, [("part", 30), ("part", 110)])
            + _rows("S2:relation", "corrected", "share", 25, [("part", 30), ("whole", 120)], unit="percent"))
    out = {(r["judge_id"], r["variant"]): r for r in judge_rows(reversed(rows))}
    assert out[("S1:relation", "corrected")]["status"] == "holds"       # both parts summed, not one
    assert out[("S1:relation", "as_stated")]["status"] == "fails"
    assert out[("S2:relation", "corrected")]["best_estimate"] == pytest.approx(25.0)


def test_verdict_rows_become_a_typed_duckdb_relation_with_null_for_an_unbounded_end():
    rows = _rows("S9:rule", "corrected", "growth", 10, [("a", 220), ("b", 200)], qualifier="over", unit="percent")
    verdicts = judge_rows(rows)
    assert verdicts[0]["stated_hi"] is None and verdicts[0]["stated_lo"] == 10
    con = duckdb.connect()
    relation = con.sql(select_sql(), params={"verdicts": verdicts})
    assert relation.columns == [name for name, _ in OUTPUT_COLUMNS]
    assert relation.fetchall()[0][2] == "holds"
    assert con.sql(select_sql(empty=True)).columns == relation.columns
