"""Rule 5 of matching: the sentence chooses among indicators whose names end in the same wording
(sentences written for these tests)."""
from __future__ import annotations

from orchestration.indicators import match_indicator
from orchestration.indicators.matching import context_evidence, heads_name


def test_a_wording_heads_a_name_with_a_measure_suffix_only():
    assert heads_name("摄像头偷窥黑产治理处置账号数", "处置账号")
    assert heads_name("网民规模", "网民规模")
    assert not heads_name("参与首批绿电交易的市场主体数", "绿电交易")


def test_evidence_is_the_longest_shared_run_of_the_qualifier():
    assert context_evidence("摄像头偷窥黑产治理处置账号数", "处置账号", "开展摄像头偷窥整治处置信息") == 5
    assert context_evidence("2021年清朗行动处置账号数", "处置账号", "开展摄像头偷窥整治处置信息") == 0


def test_without_context_the_alias_decides():
    assert match_indicator("账号", "count", "level") == "illegal_accounts_cleaned_since_2019"


def test_the_campaign_named_in_the_sentence_owns_the_count():
    context = "本年开展摄像头偷窥黑色产业链专项整治，处置违规信息 2 万余条、"
    assert match_indicator("账号", "count", "level", context) == "webcam_voyeurism_accounts_handled"
    context = "今年开展多项“清朗”专项行动，"
    assert match_indicator("清理违法和不良信息", "count", "level", context) == "qinglang_illegal_info_cleaned_2021"
    assert match_indicator("处置账号", "count", "level", context) == "qinglang_accounts_handled_2021"


def test_a_sentence_without_the_qualifier_keeps_the_alias_match():
    context = "2019年以来，"
    assert match_indicator("清理违法和不良信息", "count", "level", context) == "illegal_info_cleaned_since_2019"


def test_a_whole_name_is_not_requalified_by_a_modifier_elsewhere():
    context = "农村地区互联网普及率提升至 60%，网民规模"
    assert match_indicator("网民规模", "count", "level", context) == "internet_users"


def test_a_bare_head_noun_takes_the_name_its_sentence_qualifies():
    context = "某委员会今年完成检举举报平台升级，实现 "
    assert match_indicator("单位", "count", "level", context, head_noun=True) == "discipline_reporting_platform_units"
    context = "各类隐私计算方案逐步成熟，"
    assert match_indicator("企业", "count", "level", context, head_noun=True) == "privacy_computing_vendors"


def test_a_bare_head_noun_without_a_qualifying_sentence_stays_unkeyed():
    assert match_indicator("单位", "count", "level", "今年各地积极推进，", head_noun=True) is None
    assert match_indicator("企业", "count", "level", "平台建设稳步推进，", head_noun=True) is None
    # two characters shared ("服务") are not enough
    assert match_indicator("企业", "count", "level", "各类服务不断完善，", head_noun=True) is None


def test_the_start_of_a_change_takes_the_indicator_of_the_value_before():
    subject = "集装箱单证平均办理时间"
    assert match_indicator(subject, "hours", "level", change_start=True) == "container_document_processing_time_before"
    assert match_indicator(subject, "hours", "level") == "container_document_processing_time_after"
    # a measure the catalogue keeps as one indicator is the same at both ends
    assert match_indicator("数据产量", "ZB", "level", change_start=True) == "data_production"
