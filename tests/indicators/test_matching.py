"""Matching on wordings written for these tests (not quotes of the report)."""

from __future__ import annotations


import pytest

from orchestration.indicators import match_indicator, match_indicator_by_name, normalise_subject


@pytest.mark.parametrize(
    "subject, unit, kind, expected",
    [
        # variants of one measure
        ("5G基站", "count", "level", "fiveg_base_stations"),
        ("5G基站数", "count", "level", "fiveg_base_stations"),
        ("开通5G基站", "count", "level", "fiveg_base_stations"),
        ("全国5G基站总数", "count", "level", "fiveg_base_stations"),
        ("网民规模", "count", "level", "internet_users"),
        ("我国网民", "count", "level", "internet_users"),
        ("上网人数", "count", "level", "internet_users"),
        ("移动物联网终端用户", "count", "level", "cellular_iot_users"),
        ("蜂窝物联网终端用户", "count", "level", "cellular_iot_users"),
        ("数字经济总量", "yuan", "level", "digital_economy_size"),
        ("数字经济增加值规模", "yuan", "level", "digital_economy_size"),
        ("网上零售额", "yuan", "level", "online_retail_sales"),
        ("网络零售额", "yuan", "level", "online_retail_sales"),
        # noise words, full-width characters, spaces, latin case
        ("截至年底我国累计建成 5G 基站", "count", "level", "fiveg_base_stations"),
        ("５Ｇ基站", "count", "level", "fiveg_base_stations"),
        ("ＩＰｖ６ 活跃 用户数", "count", "level", "ipv6_active_users"),
        ("ipv6活跃用户", "count", "level", "ipv6_active_users"),
        ("“防疫健康码”累计使用人数", "count", "level", "health_code_cumulative_users"),
        ("网络视频（含短视频）用户规模", "count", "level", "online_video_users"),
        # units as stated are accepted
        ("5G基站", "万个", "level", "fiveg_base_stations"),
        ("数字经济规模", "万亿元", "level", "digital_economy_size"),
        ("互联网普及率", "%", "share", "internet_penetration_rate"),
        # a longer, more specific alias wins over a general one
        ("农村网络零售额", "yuan", "level", "rural_online_retail_sales"),
        ("农村地区互联网普及率", "percent", "share", "rural_internet_penetration_rate"),
        ("农村网民规模", "count", "level", "rural_internet_users"),
        ("4K超高清频道", "count", "level", "uhd_4k_tv_channels"),
        ("不可移动文物", "count", "level", "immovable_cultural_relics_registered"),
        # kind decides between measures sharing a wording
        ("数字经济规模", "percent", "growth", "digital_economy_growth_rate"),
        ("数字经济规模", "percent", "cagr", "digital_economy_cagr"),
        ("数字经济规模", "percent", "share", "digital_economy_gdp_share"),
        ("数字经济规模", "rank", "rank", "digital_economy_global_rank"),
        ("5G基站", "count", "increment", "fiveg_base_stations_added"),
        ("5G基站", "percent", "share", "fiveg_base_stations_global_share"),
        ("农村网络零售额", "percent", "growth", "rural_online_retail_sales_yoy_growth"),
        ("农村网络零售额", "times", "multiple", "rural_online_retail_sales_multiple_vs_2017"),
        ("算力规模", "EFLOPS", "level", "compute_power_capacity"),
        ("算力规模", "rank", "rank", "compute_power_global_rank"),
        ("大型以上数据中心机架规模占比", "percent", "share", "large_data_center_rack_share"),
        ("可数字化交付服务贸易进出口总额", "rank", "rank", "digitally_deliverable_services_trade_global_rank"),
        ("城乡地区互联网普及率差异", "percentage_points", "increment", "urban_rural_internet_penetration_gap_change"),
        # a rank stated as a level still reads as the rank
        ("电子政务发展指数排名", "rank", "level", "egov_development_index_global_rank"),
    ],
)
def test_matches(subject, unit, kind, expected):
    assert match_indicator(subject, unit, kind) == expected


@pytest.mark.parametrize(
    "subject, unit, kind",
    [
        ("5G基站", "yuan", "level"),  # unit does not fit
        ("网民规模", "percent", "share"),  # a share of users is not the users
        ("互联网普及率", "count", "level"),
        ("数字经济规模", "count", "level"),
        ("新增5G基站", "count", "level"),  # an addition is not the stock
        ("农村网民规模", "yuan", "level"),  # the 2018 coverage's wrong unit does not fit
        ("5G基站", None, "level"),  # no unit, no match
        ("月球基地数", "count", "level"),  # nothing in the catalogue
        ("", "count", "level"),
        ("我国", "count", "level"),
        ("数字经济规模", "percent", "rank"),
        ("互联网普及率", "percent", "growth"),  # a change of a share is not the share
    ],
)
def test_no_match(subject, unit, kind):
    assert match_indicator(subject, unit, kind) is None


def test_shadowing_keeps_specific_measures_apart():
    # "5G基站覆盖有限" is a survey opinion: it must not be read as the 5G base stations' share
    assert match_indicator("认为5G基站覆盖有限的网民", "percent", "share") == "survey_5g_limited_coverage_share"
    # the rural growth rate must not fall back to the national one
    assert match_indicator("农村网上零售额增长", "percent", "growth") == "rural_online_retail_sales_yoy_growth"


def test_name_only_match_keeps_a_wrong_unit_visible():
    assert match_indicator_by_name("农村网民规模", "level") == "rural_internet_users"
    assert match_indicator_by_name("月球基地数", "level") is None


def test_normalise_subject():
    assert normalise_subject("  我国 ＩＰｖ６ 活跃用户数 ") == "ipv6活跃用户数"
    assert normalise_subject("全国农村网络零售额") == "农村网络零售额"
    assert normalise_subject("全国服务") == "全国服务"  # a leading noise word stays when little is left


def test_head_only_accepts_an_alias_ending_the_phrase():
    assert match_indicator("平台推出健康码使用人数", "count", "level", head_only=True) == "health_code_cumulative_users"
    assert match_indicator("我国网民使用较多的移动应用", "count", "level") == "internet_users"
    assert match_indicator("我国网民使用较多的移动应用", "count", "level", head_only=True) is None
