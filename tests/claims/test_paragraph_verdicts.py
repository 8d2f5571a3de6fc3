"""From a sentence to a verdict: made-up paragraphs (not a report's), read, extracted, their claims found and
judged in Python (orchestration.claims.paragraph), as `dcw extract --claims` does."""
from __future__ import annotations

import re

import duckdb
import pytest

from orchestration.claims.bounds import printed_half_unit
from orchestration.claims.paragraph import judge_paragraphs
from orchestration.claims.units import counter_of, unit_fit
from orchestration.extraction import extract_statements, read_document
from orchestration.indicators import match_indicator
from orchestration.settings import DBT_PROJECT_DIR


@pytest.fixture
def verdicts(tmp_path):
    def run(text: str) -> dict[str, list]:
        path = tmp_path / "report.txt"
        path.write_text(text, encoding="utf-8")
        document = read_document(path)
        out: dict[str, list] = {}
        for claim in judge_paragraphs(document, extract_statements(document, 2022, match_indicator)):
            out.setdefault(claim.relation.rule, []).append(claim.verdict)
        return out
    return run


def test_a_share_that_rose_more_than_its_growth_allows_fails(verdicts):
    found = verdicts("甲类收入同比增长 8.0%。其中，乙类服务收入 500 亿元，同比增长 10.0%，占甲类收入的 20.0%，"
                     "占比较上年提高 3.5 个百分点。\n")
    (v,) = found["share_points_from_growth"]
    # 20.0 − 20.0 × 1.08 / 1.10 = +0.36 points, not +3.5
    assert v.status == "fails" and v.best == pytest.approx(0.3636, abs=1e-3)
    assert "contradict each other" in v.explanation


def test_a_share_change_that_the_growth_rates_give_holds(verdicts):
    found = verdicts("甲类收入同比增长 8.0%。其中，乙类服务收入 500 亿元，同比增长 10.0%，占甲类收入的 20.0%，"
                     "占比较上年提高 0.4 个百分点。\n")
    (v,) = found["share_points_from_growth"]
    assert v.status == "holds"


def test_growth_against_the_level_after_an_increase(verdicts):
    found = verdicts("截至2022年底，全省共有 130 个开放平台，与上年相比新增 30 个平台，总数增长超过 25%。\n")
    (v,) = found["increment_growth"]
    assert v.status == "holds" and v.best == pytest.approx(30.0)  # 30 / (130 − 30)
    found = verdicts("截至2022年底，全省共有 130 个开放平台，与上年相比新增 30 个平台，总数增长超过 40%。\n")
    assert found["increment_growth"][0].status == "fails"


def test_a_percentage_of_a_count_of_items(verdicts):
    assert verdicts("首批 40 家入选企业中，软件类企业占比 35%。\n")["share_of_count"][0].status == "holds"
    v = verdicts("首批 7 家入选企业中，软件类企业占比 50%。\n")["share_of_count"][0]
    assert v.status == "fails"  # 3 of 7 is 42.9 %, 4 of 7 is 57.1 %


def test_parts_against_their_total(verdicts):
    text = "全省已有 150 个省级和市级的平台上线，其中省级平台 30 个，市级平台 {} 个。\n"
    assert verdicts(text.format(120))["parts_sum"][0].status == "holds"
    assert verdicts(text.format(130))["parts_sum"][0].status == "fails"


def test_shares_of_one_whole_cannot_pass_one_hundred(verdicts):
    text = "全省物联网终端用户 5 亿户，其中应用于智慧城市、智能制造和智慧农业的终端用户占比分别达{}。\n"
    assert verdicts(text.format("40.1%、35.2%、14.3%"))["shares_within_whole"][0].status == "holds"
    assert verdicts(text.format("60.1%、35.2%、14.3%"))["shares_within_whole"][0].status == "fails"


def test_a_share_reached_with_a_round_figure_reads_as_at_least(verdicts):
    text = "全省在用机架规模达到 250 万架。其中，大型机架规模为 210 万架，占比达到总量的{}。\n"
    assert verdicts(text.format("80%"))["share_of_part_whole"][0].status == "holds"    # 84 %, at least 80 %
    assert verdicts(text.format("86%"))["share_of_part_whole"][0].status == "fails"    # 84 % is not 86 %
    assert verdicts(text.format("84.3%"))["share_of_part_whole"][0].status == "marginal"  # 84.0 %; 83.6–84.4 %


def test_an_ordering_stated_in_words(verdicts):
    text = "其中，扫码乘车使用率最高，{} 的受访者使用过该功能。其次为实时公交查询，使用率为 72.5%。\n"
    assert verdicts(text.format("80.2%"))["ordering"][0].status == "holds"
    assert verdicts(text.format("70.2%"))["ordering"][0].status == "fails"


def test_a_difference_whose_base_is_not_stated_names_it(verdicts):
    found = verdicts("信息服务收入同比增长 15.0%，高出全行业平均水平 3.2 个百分点。\n")
    (v,) = found["points_difference"]
    assert v.status == "cannot_check" and "全行业平均水平" in v.explanation


def test_users_counted_in_times_do_not_fit():
    assert counter_of("4.5 亿次") == "次" and counter_of("949.6 万人次") == "人次" and counter_of("3 亿户") == "户"
    assert unit_fit("新媒体平台用户量", "3.2亿次", "count")[0] is False
    assert unit_fit("平台注册用户", "3.2亿户", "count") == (True, "the unit fits the measure")
    assert unit_fit("在线学习人数", "5000万人次", "count")[0] is False
    assert unit_fit("网民规模", "10亿元", "yuan")[0] is False
    assert unit_fit("平台累计访问量", "30亿次", "count") is None  # visits: no rule applies


def test_the_sql_macro_and_python_read_the_same_precision():
    """macros/precision.sql and bounds.printed_half_unit state one rule twice: they must agree."""
    macro = (DBT_PROJECT_DIR / "macros" / "precision.sql").read_text(encoding="utf-8")
    body = re.search(r"macro printed_half_unit\(value, text\) -%\}(.*?)\{%- endmacro", macro, re.S).group(1)
    cases = [(1425000, "142.5 万个"), (4.7e11, "4700 亿元"), (13.6, "13.6%"), (1.3e12, "1.3 万亿元"),
             (33.33, "三分之一"), (520e4, "超过 520 万标准机架"), (20.0, "同比增长 20.0%")]
    con = duckdb.connect()
    for value, text in cases:
        sql = "select " + body.replace("{{ value }}", repr(float(value))).replace("{{ text }}", "?")
        (from_sql,) = con.execute(sql, [text]).fetchall()[0]
        assert from_sql == printed_half_unit(value, text), (value, text)


def test_dcw_extract_claims_prints_each_claim_with_its_verdict(tmp_path, capsys):
    from orchestration.cli import main

    path = tmp_path / "report.txt"
    path.write_text("首批 7 家入选企业中，软件类企业占比 50%。全省已有 150 个省级和市级的平台上线，其中省级平台 30 个，"
                    "市级平台 120 个。\n", encoding="utf-8")
    assert main(["extract", str(path), "--edition", "2022", "--claims", "--format", "jsonl"]) == 0
    import json

    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {(r["rule"], r["status"]) for r in rows} == {("share_of_count", "fails"), ("parts_sum", "holds")}
    assert all(r["line"] == 1 and r["explanation"] for r in rows)
