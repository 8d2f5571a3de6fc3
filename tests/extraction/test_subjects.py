"""Subjects of statements whose measure is named outside their own figure phrase (invented sentences)."""
from __future__ import annotations

from orchestration.indicators import match_indicator


def test_change_without_subject_takes_the_topic_of_the_clause_before(extract):
    _, st = extract("云服务产业规模稳步增长，从 2018 年的 120 亿元增长至 2022 年的 350 亿元。\n")
    assert [s.value for s in st] == [12e9, 35e9]
    assert {s.subject for s in st} == {"云服务产业规模"}


def test_both_ends_of_a_change_share_the_phrase_before_from(extract):
    _, st = extract("2018年到2022年，全省智慧平台由 6 个增至 30 个。\n")
    assert [s.value for s in st] == [6, 30]
    assert len({s.subject for s in st}) == 1 and st[0].subject.endswith("智慧平台")


def test_respective_change_pairs_subjects_in_order(extract):
    _, st = extract("甲类覆盖率、乙类普及率分别由 10.5%、20.5% 上升至 30.5%、40.5%。\n")
    assert [(s.subject, s.value) for s in st] == [("甲类覆盖率", 10.5), ("乙类普及率", 20.5),
                                                  ("甲类覆盖率", 30.5), ("乙类普及率", 40.5)]


def test_cagr_carries_the_measure_of_its_sentence(extract):
    _, st = extract("2018年到2022年，全省数字经济规模从 2 万亿元增至 3 万亿元，年均复合增长率达 10.7%。\n")
    cagr = st[-1]
    assert cagr.kind == "cagr" and cagr.subject.endswith("数字经济规模年均复合增长率")
    assert match_indicator(cagr.subject, cagr.unit, cagr.kind) == "digital_economy_cagr"


def test_share_within_a_whole_is_the_share_of_the_subject_before(extract):
    _, st = extract("共建共享的5G基站达 10 万个，在5G基站中占 40.5%。\n")
    share = st[-1]
    assert share.subject == "共建共享的5G基站占5G基站比重"
    assert match_indicator(share.subject, share.unit, share.kind) == "fiveg_shared_base_stations_share"


def test_respective_list_joined_by_and_pairs_items_in_order(extract):
    _, st = extract("城市和乡村居民满意度分别为 80.5%、70.5%。\n")
    assert [(s.subject, s.value) for s in st] == [("城市居民满意度", 80.5), ("乡村居民满意度", 70.5)]


def test_growths_after_a_respective_list_pair_with_its_items(extract):
    _, st = extract("甲平台、乙平台用户规模分别达 4.5 亿、2.5 亿，同比分别增长 30.5%、20.5%。\n")
    assert [s.subject for s in st] == ["甲平台用户规模", "乙平台用户规模"] * 2


def test_second_item_of_a_figure_list_is_its_own_subject(extract):
    _, st = extract("2021年，清理甲类信息 20 亿条、账号 3 亿个。\n")
    assert [s.subject for s in st][-1] == "账号"


def test_percent_before_a_noun_phrase_measures_it(extract):
    _, st = extract("校园建设稳步推进，86.5% 的学校实现了教学设备全覆盖。\n")
    assert st[0].subject == "学校实现了教学设备全覆盖"


def _keyed(tmp_path, text):
    from orchestration.extraction import extract_statements, read_document

    path = tmp_path / "keyed.txt"
    path.write_text(text, encoding="utf-8")
    return extract_statements(read_document(path), 2022, match_indicator)


def test_words_before_de_modify_the_counted_noun(tmp_path):
    st = _keyed(tmp_path, "改造加快推进，网民使用频度较高的 150 款移动应用程序全部完成改造。\n")
    assert st[0].indicator_key == "top_apps_supporting_ipv6"
    assert "较高的移动应用程序" in st[0].subject  # not 网民: 网民 only modifies what is counted


def test_a_list_item_takes_the_campaign_of_its_sentence(tmp_path):
    st = _keyed(tmp_path, "开展摄像头偷窥黑色产业链专项整治，处置违规信息 2 万余条、账号 300 余个。\n")
    assert st[-1].indicator_key == "webcam_voyeurism_accounts_handled"


def test_a_bracketed_measure_word_does_not_hide_the_counted_noun(extract):
    _, st = extract("全市 3.5 万处甲类设施和 2.5 万件（套）乙类藏品完成登记。\n")
    assert st[-1].subject == "乙类藏品"


def test_items_already_naming_a_measure_borrow_no_head():
    from orchestration.extraction.context import split_subjects

    assert split_subjects("数量和应用规模", 2) == ["数量", "应用规模"]
    assert split_subjects("甲村、乙村通宽带率", 2) == ["甲村通宽带率", "乙村通宽带率"]


def test_coordinated_modifiers_borrow_the_head_from_the_category_noun():
    from orchestration.extraction.context import split_subjects

    assert split_subjects("人工智能、数字通信领域专利数量", 2) == ["人工智能领域专利数量", "数字通信领域专利数量"]


def test_respective_figures_pair_with_a_list_named_in_a_figureless_clause(extract):
    _, st = extract("今年增速最快的领域分别是甲方法和乙技术，分别同比增长 50.5% 和 20.5%。\n")
    assert [(s.subject, s.value) for s in st] == [("甲方法", 50.5), ("乙技术", 20.5)]


def test_a_measure_takes_the_entity_named_in_an_earlier_clause(tmp_path):
    st = _keyed(tmp_path, "平台推出“防疫健康码”，全面实行扫码通行，累计使用人数超 3 亿，访问量超 50 亿次。\n")
    assert [s.indicator_key for s in st] == ["health_code_cumulative_users", "health_code_cumulative_visits"]


def test_a_word_buried_in_an_earlier_clause_does_not_name_the_measure(tmp_path):
    st = _keyed(tmp_path, "网民数量稳步增长，平台功能不断完善，访问人次达 5 亿。\n")
    assert st[-1].indicator_key is None


def test_a_second_measure_belongs_to_the_entity_of_the_first(tmp_path):
    st = _keyed(tmp_path, "各地“健康码”累计使用人数超 3 亿，累计访问量超 50 亿次。\n")
    assert [s.indicator_key for s in st] == ["health_code_cumulative_users", "health_code_cumulative_visits"]


def test_one_of_several_subjects_sharing_a_figure_is_not_read_from_its_siblings(tmp_path):
    st = _keyed(tmp_path, "平台课程数量达 5 万门，数量和应用规模均居世界第一。\n")
    ranks = [s for s in st if s.kind == "rank"]
    assert [s.subject for s in ranks] == ["数量", "应用规模"]
    assert ranks[0].indicator_key != ranks[1].indicator_key


def test_a_comma_inside_parentheses_does_not_end_the_clause(tmp_path):
    from orchestration.extraction.text import Boundaries

    text = "甲部门在 9 省（区，市）开展金融数据综合应用试点，成效明显。"
    assert Boundaries(text).clause(text.index("开展")) == (0, text.index("成效"))
    st = _keyed(tmp_path, text + "\n")
    assert st[0].indicator_key == "pboc_financial_data_pilot_provinces"
    assert st[0].subject == "开展金融数据综合应用试点"


def test_a_rank_after_a_share_ranks_the_measure_of_the_sentence(extract):
    _, st = extract("2018年到2022年，全省云存储量从 1.5ZB 增长至 3.5ZB，全球占比 8.5%，位居世界第三。\n")
    assert st[-1].kind == "rank" and st[-1].subject.endswith("云存储量")


def test_a_rank_after_a_named_share_ranks_its_measure(tmp_path):
    st = _keyed(tmp_path, "本年数据产量全球占比 10.5%，居全球第三。\n")
    assert st[-1].subject.endswith("数据产量") and st[-1].indicator_key == "data_production_global_rank"


def test_a_share_of_the_total_is_the_share_of_the_measure_before(extract):
    _, st = extract("其中，甲类机房机架规模为 300 万架，占比达到总量的 70.5%。\n")
    assert st[-1].subject == "甲类机房机架规模占比"


def test_a_total_in_a_world_share_is_the_counted_noun_before(tmp_path):
    st = _keyed(tmp_path, "本国今年建成 20 万个 5G 基站，总量占全球 40% 以上。\n")
    assert st[-1].subject == "5G 基站全球占比"
    assert st[-1].indicator_key == "fiveg_base_stations_global_share"


def test_a_bare_measure_head_takes_up_the_measure_of_the_sentence_it_heads(tmp_path):
    st = _keyed(tmp_path, "全年上线慕课数量达 3.5 万门，注册用户达 2 亿，数量和应用规模均居世界第二。\n")
    ranks = [s for s in st if s.kind == "rank"]
    assert [s.indicator_key for s in ranks] == ["mooc_count_global_rank", "mooc_usage_global_rank"]
    assert ranks[0].subject.endswith("上线慕课数量")


def test_a_generic_counted_noun_is_keyed_by_the_measure_its_sentence_names(tmp_path):
    st = _keyed(tmp_path, "委员会完成检举举报平台升级，覆盖省市县三级机构，已有 5 万家单位、10 万名工作人员接入使用。\n")
    assert st[0].subject == "单位" and st[0].indicator_key == "discipline_reporting_platform_units"
    assert st[1].indicator_key is None  # 工作人员 heads no name the sentence qualifies


def test_both_ends_of_a_shortened_time_are_the_values_before_and_after(tmp_path):
    st = _keyed(tmp_path, "新平台上线后，集装箱单证平均办理时间由 3 天缩短至 6 小时。\n")
    assert [(s.value, s.indicator_key) for s in st] == [(72, "container_document_processing_time_before"),
                                                       (6, "container_document_processing_time_after")]


def test_figures_listed_before_their_shared_measure_take_their_own_items(extract):
    _, st = extract("新版影像实现覆盖全省 5 米、城区优于 0.5 米分辨率的更新。\n")
    assert [(s.subject, s.value) for s in st] == [("覆盖全省分辨率", 5), ("城区分辨率", 0.5)]


def test_a_list_of_figures_without_a_measure_after_keeps_its_subjects(extract):
    _, st = extract("东部地区增长 8.5%、西部地区增长 6.5%。\n")
    assert [s.subject for s in st] == ["东部地区", "西部地区"]


def test_a_count_of_a_noun_behind_an_attributive_with_figures_is_of_that_noun(tmp_path):
    st = _keyed(tmp_path, "今年完成 3 版覆盖全省 5 米、城区优于 0.5 米分辨率的数字正射影像，服务各地。\n")
    assert st[0].value == 3 and st[0].indicator_key == "dom_editions_completed"
    assert st[0].subject.endswith("数字正射影像")


def test_percentages_of_listed_nouns_share_the_predicate_of_the_last(extract):
    _, st = extract("今年，95%的市、60%的县和 40%的乡镇开通了数据服务平台。\n")
    assert [s.subject for s in st] == ["市开通了数据服务平台", "县开通了数据服务平台", "乡镇开通了数据服务平台"]


def test_a_single_percentage_of_a_noun_keeps_its_own_predicate(extract):
    _, st = extract("校园建设稳步推进，90.5% 的学校开通了数据服务平台，60.5% 的教师参加培训。\n")
    assert [s.subject for s in st] == ["学校开通了数据服务平台", "教师参加培训"]
