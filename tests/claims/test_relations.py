"""Relations between the figures of a paragraph, on sentences written for these tests (not from a report)."""
from __future__ import annotations

import pytest

from orchestration.claims.relations import RULES, find_relations, reached_statements
from orchestration.extraction import extract_statements, read_document
from orchestration.indicators import match_indicator


@pytest.fixture
def read(tmp_path):
    """read("text") -> (document, statements, relations)."""
    counter = {"n": 0}

    def run(text: str):
        counter["n"] += 1
        path = tmp_path / f"doc{counter['n']}.txt"
        path.write_text(text, encoding="utf-8")
        document = read_document(path)
        statements = extract_statements(document, 2022, match_indicator)
        return document, statements, find_relations(document, statements)

    return run


def only(relations, rule):
    found = [r for r in relations if r.rule == rule]
    assert len(found) == 1, [(r.rule, r.quote) for r in relations]
    return found[0]


def none_of(relations, rule):
    assert not [r for r in relations if r.rule == rule], [(r.rule, r.quote) for r in relations]


def claim(statements, relation):
    return statements[relation.claim_statement_no - 1]


def test_every_rule_has_a_formula():
    assert set(RULES) == {"share_points_from_growth", "increment_growth", "share_of_count", "parts_sum",
                          "shares_within_whole", "share_of_part_whole", "ordering", "points_difference"}


# --- share_points_from_growth -------------------------------------------------------------------
def test_share_points_from_growth_with_the_whole_growth_stated_earlier(read):
    doc, st, rel = read("乙类收入同比增长 8.0%，增速保持平稳。其中，甲类服务收入 500 亿元，同比增长 10.0%，"
                        "占乙类收入的 20.0%，占比较上年提高 1.5 个百分点。\n")
    r = only(rel, "share_points_from_growth")
    assert claim(st, r).value == 1.5 and claim(st, r).unit == "percentage_points"
    assert {i.role: i.printed for i in r.inputs} == {"part_growth": "10.0%", "whole_growth": "8.0%", "share": "20.0%"}
    assert all(i.statement_no for i in r.inputs)
    assert r.params == (("direction", 1),) and r.missing == () and r.formula == "share_points_change"
    assert r.line == 1 and r.quote.startswith("其中，甲类服务收入") and r.quote.endswith("1.5 个百分点")
    assert doc.text[r.char_start:r.char_end] == r.quote


def test_share_points_from_growth_names_the_missing_whole_growth(read):
    _, _, rel = read("其中，甲类服务收入 500 亿元，同比增长 10.0%，占乙类收入的 20.0%，比重较上年下降 0.5 个百分点。\n")
    r = only(rel, "share_points_from_growth")
    assert [i.role for i in r.inputs] == ["part_growth", "share"]
    assert r.missing == ("乙类收入的增速",) and r.params == (("direction", -1),)


def test_share_points_from_growth_takes_no_growth_of_a_part_of_the_whole(read):
    # "乙类收入中的丙类收入" grows by 8 %: that is not the growth of 乙类收入
    _, _, rel = read("乙类收入中的丙类收入同比增长 8.0%。甲类服务收入 500 亿元，同比增长 10.0%，"
                     "占乙类收入的 20.0%，占比较上年提高 1.5 个百分点。\n")
    assert only(rel, "share_points_from_growth").missing == ("乙类收入的增速",)


def test_share_points_from_growth_change_in_a_clause_of_its_own(read):
    _, _, rel = read("其中，甲类收入同比增长 10.0%，占乙类收入比重为 20.0%，较上年提高 1.5 个百分点。\n")
    r = only(rel, "share_points_from_growth")
    assert [i.value for i in r.inputs] == [10.0, 20.0] and r.missing == ("乙类收入的增速",)


@pytest.mark.parametrize("text", [
    "甲类服务收入同比增长 10.0%，占比较上年提高 1.5 个百分点。\n",                        # no share of a whole
    "甲类服务收入 500 亿元，占乙类收入的 20.0%，占比较上年提高 1.5 个百分点。\n",          # no growth of the part
    "甲类服务收入同比增长 10.0%，占乙类收入的 20.0%，用户数较上年增加 1.5 个百分点。\n",    # not the share's change
])
def test_share_points_from_growth_needs_share_part_growth_and_share_change(read, text):
    none_of(read(text)[2], "share_points_from_growth")


# --- increment_growth ---------------------------------------------------------------------------
def test_increment_growth_takes_the_largest_level_before_the_increment(read):
    _, st, rel = read("全省共建成 120 个创新中心，其中省级中心 40 个，市级中心 80 个，与上年相比新增 30 个中心，"
                      "总数增长 33%。\n")
    r = only(rel, "increment_growth")
    assert claim(st, r).value == 33
    assert {i.role: i.printed for i in r.inputs} == {"increment": "30 个", "level": "120 个"}


def test_increment_growth_without_a_level_is_missing_it(read):
    _, _, rel = read("今年新增 30 个创新中心，总数增长 33%。\n")
    r = only(rel, "increment_growth")
    assert [i.role for i in r.inputs] == ["increment"] and len(r.missing) == 1


@pytest.mark.parametrize("text", [
    "全省建成 120 个创新中心，新增用户 500 万户，营业收入增长 20%。\n",   # the growth of another measure
    "全省建成 120 个创新中心，营业收入同比增长 20%。\n",                  # no increment
])
def test_increment_growth_needs_the_growth_of_what_was_added(read, text):
    none_of(read(text)[2], "increment_growth")


def test_increment_growth_ignores_levels_of_another_measure_word(read):
    _, _, rel = read("全省入驻 500 家企业，新增 30 个中心，总数增长 33%。\n")
    assert only(rel, "increment_growth").missing


# --- share_of_count -----------------------------------------------------------------------------
def test_share_of_count_after_a_group(read):
    _, st, rel = read("首批 60 家入选企业中，制造类企业占比 35%。\n")
    r = only(rel, "share_of_count")
    assert claim(st, r).value == 35
    (count,) = r.inputs
    assert (count.role, count.value, count.printed, count.statement_no) == ("count", 60, "60 家", 1)


def test_share_of_count_with_you(read):
    _, st, rel = read("在 40 个试点城市中，有 25% 已建成数据平台。\n")
    r = only(rel, "share_of_count")
    assert claim(st, r).value == 25 and r.inputs[0].value == 40


@pytest.mark.parametrize("text", [
    "在 60 家入选企业中，营业收入占比 35% 的是制造类企业。\n",    # a share of revenue, not of the companies
    "在 60 家入选企业中，利润同比增长 35%。\n",                   # a growth
    "60 家入选企业集中，分布在东部的占 35%。\n",                   # 集中 is not "among"
    "全省 60 家入选企业，占全国的 35%。\n",                        # no 中: a share of another whole
])
def test_share_of_count_not_for_other_percentages(read, text):
    none_of(read(text)[2], "share_of_count")


# --- parts_sum ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "全省共有 150 个服务平台，其中省级平台 30 个，市级平台 120 个。\n",
    "全省 150 个服务平台投入运营，其中省级平台 30 个、市级平台 120 个。\n",
])
def test_parts_sum(read, text):
    _, st, rel = read(text)
    r = only(rel, "parts_sum")
    assert claim(st, r).value == 150 and r.formula == "sum"
    assert [(i.role, i.value) for i in r.inputs] == [("part", 30), ("part", 120)]
    # nothing says the parts are all of the platforms: they only cannot exceed the total
    assert (r.stated, r.stated_qualifier) == (150, "under")


@pytest.mark.parametrize("text", [
    "全省 150 个省级和市级服务平台上线运营，其中省级平台 30 个，市级平台 120 个。\n",   # two categories, two parts
    "全省共有 150 个服务平台，其中省级平台 30 个，其余 120 个为市级平台。\n",           # the rest
])
def test_parts_sum_exhaustive(read, text):
    r = only(read(text)[2], "parts_sum")
    assert [i.value for i in r.inputs] == [30, 120] and (r.stated, r.stated_qualifier) == (None, None)


def test_parts_sum_stops_at_another_kind_of_figure(read):
    _, _, rel = read("全省共有 150 个服务平台，其中省级平台 30 个，市级平台 120 个，比上年新增 20 个平台。\n")
    assert [i.value for i in only(rel, "parts_sum").inputs] == [30, 120]


@pytest.mark.parametrize("text", [
    "全省共有 150 个服务平台，接入 30 个部门，开通 120 个专区。\n",            # no 其中: unrelated counts
    "全省共有 150 个服务平台，其中省级平台 30 个，服务企业 120 家。\n",         # another measure word
    "全省共有 150 个服务平台。其中省级平台 30 个，市级平台 120 个。\n",         # not in the total's sentence
    "全省共有 150 个服务平台，其中省级平台收入增长 30%，市级平台收入增长 12%。\n",  # percentages
    "全省共有 150 个服务平台，上线 80 个应用，其中省级应用 30 个，市级应用 50 个。\n",  # 其中 follows another figure
    "全省共有企业 500 家，其中 100 家位于东部，超过 80 亿元的投资投向西部。\n",        # one part only
])
def test_parts_sum_is_conservative(read, text):
    _, st, rel = read(text)
    found = [r for r in rel if r.rule == "parts_sum"]
    assert all(claim(st, r).value != 150 for r in found), [r.quote for r in found]


# --- shares_within_whole ------------------------------------------------------------------------
def test_shares_within_whole(read):
    _, _, rel = read("全省物联网终端达 8 亿个，其中用于智慧农业、智慧物流和智慧医疗的终端占比分别达 30.5%、"
                     "20.1%、12.4%。\n")
    r = only(rel, "shares_within_whole")
    assert r.claim_statement_no is None and (r.stated, r.stated_qualifier) == (100.0, "under")
    assert [(i.role, i.value) for i in r.inputs] == [("share", 30.5), ("share", 20.1), ("share", 12.4)]


@pytest.mark.parametrize("text", [
    # 比例 of people doing different things: not exclusive parts of one whole
    "全省农村居民能够网上缴费、网上问诊和网上求职的比例分别达 60.2%、45.3% 和 30.1%。\n",
    # shares of different populations
    "全省 87% 的省级部门和 81% 的市级部门已接入平台。\n",
    # each item's own whole
    "甲、乙两省数字经济占地区生产总值的比重分别为 45.2%、40.1%。\n",
    # growths, not shares
    "其中甲类、乙类收入分别增长 45.2%、40.1%。\n",
])
def test_shares_within_whole_not_for_other_lists(read, text):
    none_of(read(text)[2], "shares_within_whole")


# --- share_of_part_whole ------------------------------------------------------------------------
def test_share_of_part_whole_across_a_qizhong_sentence(read):
    doc, st, rel = read("全省服务器规模达到 300 万台。其中，高性能服务器规模为 240 万台，占比达到总量的 80%。\n")
    r = only(rel, "share_of_part_whole")
    assert claim(st, r).value == 80
    assert {i.role: i.printed for i in r.inputs} == {"part": "240 万台", "whole": "300 万台"}
    assert r.quote == "其中，高性能服务器规模为 240 万台，占比达到总量的 80%"
    assert r.claim_statement_no in reached_statements(doc, st)


def test_share_of_part_whole_named_whole(read):
    _, _, rel = read("全省软件业收入 2500 亿元，其中信息服务收入 500 亿元，占软件业收入的 20%。\n")
    r = only(rel, "share_of_part_whole")
    assert {i.role: i.value for i in r.inputs} == {"part": 5e10, "whole": 2.5e11}


@pytest.mark.parametrize("text", [
    "甲类收入 500 亿元，乙类收入 300 亿元，占比 20%。\n",                                # no whole named
    "全省服务器规模达到 300 万台。高性能服务器规模为 240 万台，占比达到总量的 80%。\n",    # no 其中: another sentence
    "全省服务器投资达到 300 亿元。其中，高性能服务器 240 万台，占比达到总量的 80%。\n",    # another unit
    "全省信息服务收入 500 亿元，占软件业收入的 20%。\n",                                  # the whole is not stated
])
def test_share_of_part_whole_needs_both_levels(read, text):
    none_of(read(text)[2], "share_of_part_whole")


# --- ordering -----------------------------------------------------------------------------------
def test_ordering_superlative_then_qici(read):
    _, _, rel = read("从支付方式看，扫码支付使用率最高，超过 90% 的受访者使用过。其次为刷卡支付，"
                     "使用用户占受访者的 88.5%。\n")
    r = only(rel, "ordering")
    assert (r.claim_statement_no, r.stated, r.stated_qualifier) == (None, 0.0, "over")
    assert [(i.role, i.value) for i in r.inputs] == [("first", 90), ("second", 88.5)]
    assert r.formula == "difference"


@pytest.mark.parametrize("text, first, second", [
    ("甲省数字经济增速最快，达 20.1%，乙省次之，为 15.2%。\n", 20.1, 15.2),
    ("全省 5G 基站最多的城市是甲市，共有 3 万个。其次为乙市，有 2.1 万个。\n", 3e4, 2.1e4),
])
def test_ordering_superlative_then_second(read, text, first, second):
    r = only(read(text)[2], "ordering")
    assert [i.value for i in r.inputs] == [first, second] and all(i.label for i in r.inputs)


def test_ordering_lowest_puts_the_higher_figure_first(read):
    _, _, rel = read("甲类支付投诉率最低，仅为 1.2%。其次为乙类支付，投诉率为 1.5%。\n")
    assert [(i.role, i.value) for i in only(rel, "ordering").inputs] == [("first", 1.5), ("second", 1.2)]


def test_ordering_of_a_respective_list_after_a_superlative(read):
    _, _, rel = read("增速最高的 3 个行业分别是甲行业、乙行业和丙行业，分别同比增长 45.2%、30.1% 和 12.3%。\n")
    pairs = [[i.value for i in r.inputs] for r in rel if r.rule == "ordering"]
    assert pairs == [[45.2, 30.1], [30.1, 12.3]]


@pytest.mark.parametrize("text, first, second", [
    ("甲地区宽带普及率（92.1%）高于乙地区（85.3%）。\n", 92.1, 85.3),
    ("甲地区宽带普及率（80.1%）低于乙地区（85.3%）。\n", 85.3, 80.1),
    ("甲地区宽带普及率为 92.1%，高于乙地区的 85.3%。\n", 92.1, 85.3),
    ("甲地区宽带普及率（92.1%）比乙地区（85.3%）高。\n", 92.1, 85.3),
])
def test_ordering_stated_by_comparison(read, text, first, second):
    r = only(read(text)[2], "ordering")
    assert [(i.role, i.value) for i in r.inputs] == [("first", first), ("second", second)]


@pytest.mark.parametrize("text", [
    "甲行业、乙行业和丙行业分别同比增长 45.2%、30.1% 和 12.3%。\n",              # no order stated
    "扫码支付使用率最高，超过 90% 的受访者使用过。刷卡支付使用率为 88.5%。\n",     # no 其次
    "甲地区宽带普及率为 92.1%，高于乙地区 5.3 个百分点。\n",                      # a difference: points_difference
    "全省数据中心 PUE 低于 1.3，用户满意度为 90%。\n",                            # 低于 is a qualifier
    "甲地区增速最快，同比增长 12.1%，乙地区同比增长 8.3%。\n",                     # no 其次, no list
])
def test_no_ordering_without_words_ordering_two_figures(read, text):
    none_of(read(text)[2], "ordering")


# --- points_difference --------------------------------------------------------------------------
def test_points_difference_with_the_base_missing(read):
    _, st, rel = read("数字产业收入同比增长 18.0%，高出全省平均水平 3.2 个百分点。\n")
    r = only(rel, "points_difference")
    assert claim(st, r).value == 3.2
    assert [(i.role, i.printed) for i in r.inputs] == [("minuend", "18.0%")]
    assert r.missing == ("全省平均水平的增速",) and r.params == (("direction", 1),)


def test_points_difference_bi_gao_and_a_named_rate(read):
    _, _, rel = read("全省电子信息制造业增加值两年平均增长 12.5%，比规上工业两年平均增速高 4.1 个百分点。\n")
    r = only(rel, "points_difference")
    assert r.inputs[0].value == 12.5 and r.missing == ("规上工业两年平均增速",)


def test_points_difference_lower(read):
    _, _, rel = read("农村网络零售额同比增长 9.5%，低于城市网络零售额增速 1.2 个百分点。\n")
    assert only(rel, "points_difference").params == (("direction", -1),)


def test_points_difference_of_a_rate_names_the_rate(read):
    _, _, rel = read("全省农村互联网普及率为 57.6%，低于城市 23.7 个百分点。\n")
    r = only(rel, "points_difference")
    assert r.missing == ("城市的普及率",) and r.params == (("direction", -1),)


def test_points_difference_with_the_base_stated(read):
    _, _, rel = read("全省软件业收入同比增长 17.7%。其中，信息服务收入同比增长 20.0%，高出软件业收入 2.3 个百分点。\n")
    r = only(rel, "points_difference")
    assert {i.role: i.value for i in r.inputs} == {"minuend": 20.0, "subtrahend": 17.7} and not r.missing


@pytest.mark.parametrize("text", [
    "数字产业收入同比增长 18.0%，增速比上年高 3.2 个百分点。\n",          # a change over time
    "数字产业收入占比 18.0%，占比较上年提高 3.2 个百分点。\n",             # the same
    "数字产业收入同比增长 18.0%，比 2020 年提高 3.2 个百分点。\n",
    "数字产业收入 500 亿元，高出全省平均水平 3.2 个百分点。\n",            # no percentage before
])
def test_no_points_difference_against_a_time(read, text):
    none_of(read(text)[2], "points_difference")


# --- reached statements ------------------------------------------------------------------------
def reached(read, text):
    doc, st, _ = read(text)
    return {doc.text[st[n - 1].char_start:st[n - 1].char_end] for n in reached_statements(doc, st)}


@pytest.mark.parametrize("text, expected", [
    ("全省 5G 用户数达到 3.5 亿户。\n", {"3.5 亿户"}),
    ("全省 5G 用户数达 3.5 亿户，同比增长 20%。\n", {"3.5 亿户"}),
    ("其中甲、乙、丙类终端占比分别达 30%、20%、10%。\n", {"30%", "20%", "10%"}),
    ("高性能服务器占比达到总量的 80%。\n", {"80%"}),
    ("全省 5G 用户数为 3.5 亿户，普及率超过 60%。\n", set()),
    ("全省已与 30 个发达国家开展合作，达成合作项目 50 个。\n", set()),
    ("全省服务器达到国际先进水平，用户 5 亿户。\n", set()),
    ("全省达到标准的企业 300 家。\n", set()),
])
def test_reached_statements(read, text, expected):
    assert reached(read, text) == expected


# --- provenance --------------------------------------------------------------------------------
def test_relation_across_a_page_break_keeps_the_claims_line(read):
    doc, _, rel = read("首批 60 家入选企业\n\n12\n\n中，制造类企业占比 35%。\n")
    r = only(rel, "share_of_count")
    assert r.line == 5 and r.quote == "中，制造类企业占比 35%"
    assert r.inputs[0].value == 60 and doc.text[r.inputs[0].char_start:r.inputs[0].char_end] == "60 家"


def test_several_paragraphs_and_statement_numbers(read):
    _, _, rel = read("全省人口 1 亿人。\n\n首批 60 家入选企业中，制造类企业占比 35%。\n")
    r = only(rel, "share_of_count")
    assert r.claim_statement_no == 3 and r.inputs[0].statement_no == 2 and r.line == 3
