"""Ranking lists extracted from the full text: the 2021 edition prints eight lists of ten."""
from __future__ import annotations

import pytest

from orchestration.provinces.names import UnknownProvinceError, load_catalogue
from orchestration.provinces.rankings import RankingConflictError, extract_rankings
from tests.provinces.printed_lists import PRINTED_2021

REPORT_2021 = "digital_china_development_report_2021.txt"


@pytest.fixture(scope="module")
def rankings_2021(text_2021):
    return extract_rankings(text_2021, 2021, REPORT_2021)


def test_2021_gives_eight_lists_of_ten_exactly_as_printed(rankings_2021):
    df = rankings_2021
    assert len(df) == 80
    assert list(df.groupby("dimension_key", sort=False).size()) == [10] * 8
    assert set(df["province_code"]) <= set(load_catalogue().provinces["province_code"])
    for key, (name_zh, line, printed) in PRINTED_2021.items():
        lst = df[df["dimension_key"] == key].sort_values("position")
        assert list(lst["province_as_written"]) == printed.split(), key
        assert list(lst["position"]) == list(range(1, 11))
        assert lst["province_code"].is_unique
        assert set(lst["dimension_zh"]) == {name_zh}
        assert set(lst["line"]) == {line}
        assert set(lst["announced_length"]) == {10} and set(lst["counted_length"]) == {10}
    assert set(df["source_kind"]) == {"full_text"} and set(df["source_file"]) == {REPORT_2021}


def test_offsets_point_at_the_names_and_quotes_are_the_sentences(rankings_2021, text_2021):
    for r in rankings_2021.itertuples():
        assert text_2021[r.char_start:r.char_end] == r.province_as_written
        assert r.province_as_written in r.quote and r.quote.endswith("名。")
    overall = rankings_2021[rankings_2021["dimension_key"] == "digital_overall"]
    assert overall["quote"].iloc[0].startswith("综合评价结果显示，浙江、北京")


def test_summary_repeat_of_the_overall_list_is_recorded_not_counted_twice(rankings_2021):
    # 摘要 (line 29) repeats the overall list of 第三篇 (line 580): the body printing is kept and the
    # summary's line is recorded on its rows; no other list is printed twice.
    overall = rankings_2021[rankings_2021["dimension_key"] == "digital_overall"]
    assert set(overall["line"]) == {580} and set(overall["repeated_at_lines"]) == {"29"}
    others = rankings_2021[rankings_2021["dimension_key"] != "digital_overall"]
    assert others["repeated_at_lines"].isna().all()


LIST = "{names}等 3 个省（市）位列各省（区、市）数字政府建设水平全国前 3 名。"


def test_a_list_cut_by_a_page_break_and_spaces_is_read_whole():
    # page breaks cut long paragraph lines anywhere, even inside a name (北|京)
    lead = ("各地区深入推进数字政府建设，协同推进线上创新和线下机制流程优化重塑，"
            "加快提升“一网通办”“跨省通办”水平，推进公共数据共享开放。")
    text = "标题\n\n" + lead + "评价显示，浙 江、北\n\n京、上海" + LIST.format(names="") + "\n"
    df = extract_rankings(text, 2021, "t.txt")
    assert list(df["province_code"]) == ["330000", "110000", "310000"]
    assert list(df["province_as_written"]) == ["浙江", "北京", "上海"]
    assert list(df["line"]) == [3, 3, 5]  # 北京 starts on line 3, 上海 after the page break
    assert text[df["char_start"][1]:df["char_end"][1]] == "北\n\n京"
    assert df["dimension_key"].unique().tolist() == ["digital_government"]


def test_a_short_line_ending_in_a_list_comma_is_not_taken_for_a_heading():
    text = "第三篇\n\n江苏、\n\n浙江、广东" + LIST.format(names="")
    df = extract_rankings(text, 2021, "t.txt")
    assert list(df["province_as_written"]) == ["江苏", "浙江", "广东"] and list(df["line"]) == [3, 5, 5]


@pytest.mark.parametrize("bad, kind", [("新疆生产建设兵团", "xpcc"), ("香港", "special_administrative"),
                                       ("浙红", None)])
def test_a_name_outside_the_31_in_a_list_is_rejected_with_a_clear_message(bad, kind):
    text = "前言\n\n" + LIST.format(names=f"浙江、{bad}、上海") + "\n"
    with pytest.raises(UnknownProvinceError) as err:
        extract_rankings(text, 2021, "t.txt")
    message = str(err.value)
    assert bad in message and "t.txt line 3" in message and "position 2" in message
    if kind:
        assert kind in message


def test_wordings_without_a_ranking_are_not_lists_and_chinese_numerals_are_read():
    text = ("上海、浙江、四川等地加快打通智慧城市治理各条线。江苏、安徽、重庆、江西等15个地区开展省级试点示范。"
            "综合评价结果显示，北京、广东等地区数字化综合发展水平位居全国前十名。")
    df = extract_rankings(text, 2022, "t.txt")
    assert list(df["province_as_written"]) == ["北京", "广东"]
    # announced 10 (前十名), printed 2: both are kept so that the data tests can compare them
    assert list(df["announced_length"]) == [10, 10] and list(df["counted_length"]) == [2, 2]
    assert df["dimension_key"].unique().tolist() == ["digital_overall"]


def test_without_a_table_of_contents_the_first_printing_is_kept_and_disagreeing_repeats_fail():
    one = LIST.format(names="浙江、北京、上海")
    df = extract_rankings(one + "\n\n正文。\n\n" + one, 2021, "t.txt")
    assert len(df) == 3 and set(df["line"]) == {1} and set(df["repeated_at_lines"]) == {"5"}
    other = LIST.format(names="北京、浙江、上海")
    with pytest.raises(RankingConflictError, match="printed at line 1"):
        extract_rankings(one + "\n\n" + other, 2021, "t.txt")


def test_a_dimension_the_seed_does_not_know_keeps_its_rows_with_a_null_key():
    text = LIST.format(names="浙江、北京、上海").replace("数字政府", "数字文化")
    df = extract_rankings(text, 2021, "t.txt")
    assert len(df) == 3 and df["dimension_key"].isna().all()
    assert set(df["dimension_zh"]) == {"数字文化建设水平"}
