"""The province marts as the real build leaves them (tests/conftest.py builds the warehouse once per session).

The expected lists are read by hand: 2021 from the report's text (第三篇, lines 580-618), 2018, 2020 and 2022
from the press coverage the curated sheets cite (sources/curated/).
"""
from __future__ import annotations

import pytest

from tests.provinces.printed_lists import PRINTED_2021


# The overall top ten of every edition that publishes one (2017 and 2019: no overall list is known).
OVERALL_TOP_TEN = {
    2018: ("info_overall", "curated", "北京 广东 江苏 上海 浙江 福建 天津 重庆 湖北 山东"),
    2020: ("info_overall", "curated", "北京 浙江 上海 广东 江苏 天津 山东 湖北 四川 福建"),
    2021: ("digital_overall", "full_text", "浙江 北京 上海 广东 江苏 山东 天津 福建 湖北 四川"),
    2022: ("digital_overall", "curated", "浙江 北京 广东 江苏 上海 福建 山东 天津 重庆 湖北"),
}


def test_the_31_provinces_with_english_and_chinese_side_by_side(query):
    rows = query("select province_code, name_zh, short_name_zh, name_en, province_type, type_zh, region, region_zh "
                 "from marts.dim_province order by province_code")
    assert len(rows) == 31 and len({r[0] for r in rows}) == 31
    assert ("450000", "广西壮族自治区", "广西", "Guangxi", "autonomous_region", "自治区", "west", "西部") in rows
    assert ("500000", "重庆市", "重庆", "Chongqing", "municipality", "直辖市", "west", "西部") in rows
    # 新疆生产建设兵团 is a recognised name, but of no province: never folded into 新疆
    (xpcc,) = query("select province_code, is_province, area_kind from marts.dim_province_name_variant "
                    "where variant = '新疆生产建设兵团'")
    assert xpcc == (None, False, "xpcc")


def test_the_2021_lists_come_out_exactly_as_printed(query):
    rows = query("""
        select dimension_key, dimension_zh, position, province_as_written, province_code, line,
               announced_length, counted_length, source_kind, quote, sha256
        from marts.fct_province_rankings
        where edition_year = 2021
        order by dimension_key, position""")
    assert len(rows) == 80
    got: dict[str, list] = {}
    for key, name_zh, position, written, code, line, announced, counted, kind, quote, sha in rows:
        got.setdefault(key, []).append(written)
        assert (name_zh, line) == PRINTED_2021[key][:2], key
        assert position == len(got[key])  # positions 1..10 in printed order
        assert announced == 10 and counted == 10 and kind == "full_text"
        assert written in quote and len(sha) == 64
    assert {k: " ".join(v) for k, v in got.items()} == {k: v[2] for k, v in PRINTED_2021.items()}


def test_the_curated_lists_sit_beside_the_extracted_ones(query):
    kinds = dict(((y, k, s), n) for y, k, s, n in query("""
        select edition_year, list_kind, source_kind, count(*) from marts.fct_province_rankings
        group by all"""))
    assert kinds[(2021, "top_n_list", "full_text")] == 80
    assert kinds[(2018, "top_n_list", "curated")] == 20  # overall top ten + two press top fives
    assert kinds[(2020, "top_n_list", "curated")] == 10
    assert kinds[(2022, "top_n_list", "curated")] == 10
    # 重庆 2022: in the curated top ten and, from local news, its own rank: two rows, one key each
    chongqing = query("""select list_kind, position from marts.fct_province_rankings
                         where edition_year = 2022 and province_code = '500000' order by list_kind""")
    assert chongqing == [("single_province_rank", 9), ("top_n_list", 9)]
    (uncited,) = query("select count(*) from marts.fct_province_rankings "
                       "where source_kind = 'curated' and citation is null")[0]
    assert uncited == 0


@pytest.mark.parametrize("edition", sorted(OVERALL_TOP_TEN))
def test_the_overall_top_ten_of_every_edition_with_a_list(query, edition):
    key, source_kind, printed = OVERALL_TOP_TEN[edition]
    rows = query("""
        select r.province_short_name_zh, r.source_kind, r.announced_length, r.counted_length
        from marts.fct_province_rankings as r
        where r.edition_year = ? and r.dimension_key = ? and r.list_kind = 'top_n_list'
        order by r.position""", [edition, key])
    assert " ".join(r[0] for r in rows) == printed
    assert {r[1:] for r in rows} == {(source_kind, 10, 10)}
    # the scorecard agrees, province by province
    card = query("""select province_short_name_zh from marts.mart_province_scorecard
                    where edition_year = ? and overall_position is not null order by overall_position""",
                 [edition])
    assert " ".join(r[0] for r in card) == printed


def test_editions_with_an_overall_list_are_exactly_those_in_the_scorecard(query):
    editions = [r[0] for r in query("select distinct edition_year from marts.mart_province_scorecard order by 1")]
    assert editions == sorted(OVERALL_TOP_TEN)
    per_edition = query("select edition_year, count(*) from marts.mart_province_scorecard group by 1 order by 1")
    assert per_edition == [(y, 31) for y in sorted(OVERALL_TOP_TEN)]


def test_the_scorecard_never_invents_a_rank(query):
    # every overall position in the scorecard is a published position of that province, nothing more
    invented = query("""
        select s.province_code, s.edition_year, s.overall_position
        from marts.mart_province_scorecard as s
        left join marts.fct_province_rankings as r
          on r.edition_year = s.edition_year and r.dimension_key = s.overall_dimension_key
         and r.province_code = s.province_code and r.list_kind = 'top_n_list' and r.position = s.overall_position
        where s.overall_position is not null and r.province_code is null""")
    assert invented == []
    unlisted = query("""select overall_status_code, overall_status, count(*) from marts.mart_province_scorecard
                        where overall_position is null group by all""")
    assert unlisted == [("not_in_published_top_n", "not in the published top 10", 4 * 21)]
    (xizang,) = query("""select overall_position, overall_status, lists_appeared_in, dimension_positions
                         from marts.mart_province_scorecard where province_code = '540000' and edition_year = 2021""")
    assert xizang == (None, "not in the published top 10", 0, None)


def test_the_scorecard_lists_the_dimensions_with_positions(query):
    (sichuan,) = query("""
        select overall_position, overall_status, dimension_positions, dimension_lists_count, lists_appeared_in,
               lists_published
        from marts.mart_province_scorecard where province_short_name_zh = '四川' and edition_year = 2021""")
    # 四川 2021: overall 10th; in 5 of the 7 dimension lists, named as in 表1 and in 表1's order
    assert sichuan == (10, "position 10 in the published top 10",
                       "数字基础设施 10; 数字技术创新 8; 数字经济 9; 数字政府 6; 网络安全 6", 5, 6, 8)


def test_what_the_report_says_about_sichuan_is_one_query(query):
    rows = query("""
        select mention_kind, line, section, sentence
        from marts.fct_province_mentions
        where edition_year = 2021 and province_short_name_zh = '四川'
        order by line""")
    text = [r for r in rows if r[0] == "text"]
    lists = [r for r in rows if r[0] == "ranking_list"]
    # the running text (441: smart-city governance; 584: the 芯屏存端软智网 industries) and six printed lists
    assert [r[1] for r in text] == [441, 584]
    assert text[1][3].startswith("四川聚力发展“芯屏存端软智网”")
    assert [r[1] for r in lists] == [580, 592, 596, 600, 606, 614]
    assert all("四川" in r[3] for r in rows)
    assert all(r[2] for r in rows), "every mention has its section"


def test_rank_history_compares_the_same_dimension_key_only(query):
    # 福建: 8th in 2021, 6th in 2022 (digital_overall in both): up two places
    (fujian,) = query("""
        select previous_edition_year, previous_position, position, position_change, change_status
        from marts.mart_province_rank_history
        where province_code = '350000' and dimension_key = 'digital_overall' and edition_year = 2022""")
    assert fujian == (2021, 8, 6, 2, "compared")
    # 浙江 first in both editions: no change
    (zhejiang,) = query("""select position_change from marts.mart_province_rank_history
                           where province_code = '330000' and dimension_key = 'digital_overall'
                             and edition_year = 2022""")
    assert zhejiang == (0,)
    # 2021 is the first digital_overall: no change against 2020's info_overall (another evaluation)
    (first,) = query("""select previous_edition_year, position_change, change_status, change_reason
                        from marts.mart_province_rank_history
                        where province_code = '350000' and dimension_key = 'digital_overall' and edition_year = 2021""")
    assert first[:3] == (None, None, "no_earlier_edition") and "info_overall" in first[3]
    # 四川: 10th in 2021, not in the 2022 top ten: no change is invented
    (sichuan,) = query("""select position, position_change, change_status, change_reason
                          from marts.mart_province_rank_history
                          where province_code = '510000' and dimension_key = 'digital_overall' and edition_year = 2022""")
    assert sichuan == (None, None, "not_ranked_this_edition", "not in the published top 10 of 2022")


def test_evaluation_dimensions_carry_what_table_1_says(query):
    rows = {r[0]: r[1:] for r in query("""
        select dimension_key, level, in_score, in_score_source, short_name_zh, table_level1_position
        from marts.dim_evaluation_dimension where edition_year = 2021""")}
    assert len(rows) == 9  # the overall result, seven scored dimensions, 网民评价
    assert rows["digital_government"] == ("dimension", True, "report_table", "数字政府", 4)
    assert rows["netizen_evaluation"] == ("dimension", False, "report_table", "网民评价", 8)
    assert rows["digital_overall"][:2] == ("overall", True)
