"""Wordings of quantitative statements, in sentences written for these tests (not from a report)."""
from __future__ import annotations

import pytest


def values(statements):
    return [s.value for s in statements]


def one(statements):
    assert len(statements) == 1, [(s.value, s.unit, s.subject) for s in statements]
    return statements[0]


def test_spaces_between_digits_and_chinese_and_span(extract):
    doc, st = extract("截至 2023 年底，全市已建成 12.5 万个 充电桩。\n")
    s = one(st)
    assert (s.value, s.unit, s.kind, s.qualifier, s.ref_year) == (125000, "count", "level", "exact", 2023)
    assert doc.text[s.char_start:s.char_end] == "12.5 万个"
    assert s.line == 1 and "12.5 万个" in s.quote
    assert "充电桩" in s.subject


def test_sentence_cut_by_page_break_keeps_line_and_offsets(extract):
    text = "全省固定宽带用户规模\n\n达 1.2 亿户，同比增长 8.5%。\n"
    doc, st = extract(text, edition=2022)
    assert values(st) == [120000000, 8.5]
    users, growth = st
    assert users.line == 3 and doc.text[users.char_start:users.char_end] == "1.2 亿户"
    assert "用户规模" in users.subject
    assert growth.kind == "growth" and growth.unit == "percent" and growth.ref_year == 2022
    assert users.quote.startswith("达 1.2 亿户")


def test_footnote_between_page_break_is_skipped(extract):
    text = "全国数据中心机架规模超\n\n¹ 不含港澳台地区\n\n过 300 万架。\n"
    doc, st = extract(text)
    s = one(st)
    assert s.value == 3e6 and s.line == 5


def test_markdown_bold_and_headings(extract):
    text = "# 第一篇\n\n## 一、总体情况\n\n**二是产业规模扩大。**软件业收入达 8.2 万亿元。\n"
    doc, st = extract(text, name="r.md")
    s = one(st)
    assert (s.value, s.unit) == (8.2e12, "yuan")
    assert s.section == "第一篇 › 一、总体情况"
    assert doc.format == "md"


def test_table_of_contents_and_captions_yield_nothing(extract):
    text = ("目 录\n\n一、总体情况.....3\n(一) 网络设施.....5\n二、产业发展\t9\n\n"
            "一、总体情况\n\n图 3 2018-2022 年用户规模\n\n来源：某研究院\n\n"
            "用户规模达 9 亿人。\n")
    doc, st = extract(text)
    assert values(st) == [9e8]
    assert st[0].section == "一、总体情况"


def test_full_width_digits_and_percent(extract):
    doc, st = extract("移动用户数达到３．５亿户，４Ｇ用户占比６５％。\n")
    assert values(st) == [3.5e8, 65]
    assert doc.text[st[0].char_start:st[0].char_end] == "３．５亿户"


def test_lowercase_latin_names_are_not_figures(extract):
    doc, st = extract("5g基站达到 200 万个，ipv6 活跃用户 7 亿，支持4k视频。\n")
    assert values(st) == [2e6, 7e8]


def test_thousands_separator(extract):
    doc, st = extract("参与试点的企业数量达 1,234 家。\n")
    assert one(st).value == 1234


@pytest.mark.parametrize("sentence, value", [
    ("全国共有三千万名志愿者参与活动。", 3e7),
    ("十二个城市开展试点。", 12),
    ("累计收到留言近百万条。", 1e6),
])
def test_chinese_numerals(extract, sentence, value):
    doc, st = extract(sentence + "\n")
    assert one(st).value == value


def test_small_chinese_numerals_and_names_are_not_statements(extract):
    text = ("三家企业和两个平台参与，推进“十四五”规划和党的十九大精神，第三次普查、五级联动、"
            "前 20 名地区、系统 3.0 版本上线，拨打 12345 热线，2022 年 5 月发布，1:50万地图，图 2 所示。\n")
    doc, st = extract(text)
    assert st == []


def test_units_in_words(extract):
    doc, st = extract("全国数据总量达到 8.1 泽字节，存储容量 300 艾字节，发电量 12 亿千瓦时，新建道路 450 公里。\n")
    assert [(s.value, s.unit) for s in st] == [(8.1, "ZB"), (300, "EB"), (1.2e9, "kWh"), (450, "km")]


def test_range_gives_min_and_max(extract):
    doc, st = extract("处理效率提升 2-4 倍。\n")
    assert [(s.value, s.unit, s.kind) for s in st] == [(2, "times", "multiple"), (4, "times", "multiple")]
    assert all(doc.text[s.char_start:s.char_end] == "2-4 倍" for s in st)


def test_several_subjects_share_one_figure(extract):
    doc, st = extract("城市、农村学校联网率达 100%，县城通光纤、通5G比例均超过 95%。\n")
    assert values(st) == [100, 100, 95, 95]
    assert {s.qualifier for s in st[2:]} == {"over"}
    assert len({s.subject for s in st[:2]}) == 2


def test_shared_figure_with_counted_group(extract):
    doc, st = extract("以上四类服务使用最多，满意度均超过 85%。\n")
    assert values(st) == [85] * 4


def test_from_to_with_years(extract):
    doc, st = extract("网民规模从2018年的8.3亿增长至2022年的10.7亿。\n")
    assert [(s.value, s.ref_year) for s in st] == [(8.3e8, 2018), (10.7e8, 2022)]


def test_year_span_and_from_to(extract):
    doc, st = extract("2018 年到 2022 年，省级开放平台由 10 个增至 30 个，年均复合增长率达 31.6%。\n")
    assert [(s.value, s.ref_year, s.kind) for s in st] == [(10, 2018, "level"), (30, 2022, "level"),
                                                           (31.6, 2022, "cagr")]


def test_from_to_without_year_has_no_year_for_the_start(extract):
    doc, st = extract("审批时间由 5 天压缩至 8 小时以内。\n", edition=2022)
    assert [(s.value, s.unit, s.ref_year, s.qualifier) for s in st] == [
        (120, "hours", None, "exact"), (8, "hours", 2022, "under")]


def test_growth_against_base_year_and_previous_year(extract):
    doc, st = extract("2022 年，软件收入比 2018 年提升 45%，同比增长 9.1%，占比 12%。\n", edition=2022)
    assert [(s.value, s.kind, s.ref_year) for s in st] == [(45, "growth", 2022), (9.1, "growth", 2022),
                                                           (12, "share", 2022)]


def test_since_year_refers_to_edition_year(extract):
    doc, st = extract("2020年以来，累计处置违规账号 3.2 亿个。\n", edition=2022)
    assert one(st).ref_year == 2022


def test_ranks(extract):
    doc, st = extract("算力规模位居全球第三，电子政务指数全球排名第 12 位，进入第一梯队，专利总量全球第二，"
                      "连续三年居世界首位，第二批试点启动。\n")
    assert [(s.value, s.unit, s.kind) for s in st] == [(3, "rank", "rank"), (12, "rank", "rank"),
                                                       (2, "rank", "rank"), (1, "rank", "rank")]


def test_multiple_and_increment(extract):
    doc, st = extract("2022 年流量是 2018 年的 2.5 倍。全年新增 5G 基站 80 万个，占比提高 3.1 个百分点。\n",
                      edition=2022)
    assert [(s.value, s.unit, s.kind, s.ref_year) for s in st] == [
        (2.5, "times", "multiple", 2022), (8e5, "count", "increment", 2022),
        (3.1, "percentage_points", "increment", 2022)]


@pytest.mark.parametrize("sentence, qualifier", [
    ("用户超过 5 亿人。", "over"), ("用户近 5 亿人。", "near"), ("用户约 5 亿人。", "approx"),
    ("用户 5 亿人以上。", "over"), ("用户 5 亿余人。", "over"), ("用户 5 亿人左右。", "approx"),
    ("用户不足 5 亿人。", "under"), ("用户突破 5 亿人。", "over"), ("用户 5 亿人。", "exact"),
])
def test_qualifiers(extract, sentence, qualifier):
    doc, st = extract(sentence + "\n")
    assert one(st).qualifier == qualifier


def test_fractions_in_words(extract):
    doc, st = extract("全球占比超过四分之一，超八成企业上云，时限压缩一半。\n")
    assert [(s.value, s.unit) for s in st] == [(25, "percent"), (80, "percent"), (50, "percent")]
    assert st[2].kind == "growth"


def test_evaluation_scope_is_not_a_statement(extract):
    text = ("一、各地区发展评价\n\n本次评估覆盖 31 个省（区、市）的发展水平。\n\n"
            "二、政务服务\n\n全国 31 个省（区、市）均已接入平台。\n")
    doc, st = extract(text)
    assert [(s.value, s.line) for s in st] == [(31, 7)]


def test_ratio_subject(extract):
    doc, st = extract("新建数据中心 PUE 降低到 1.3 左右。\n")
    s = one(st)
    assert (s.value, s.unit, s.qualifier) == (1.3, "ratio", "approx")


def test_per_10k_population(extract):
    doc, st = extract("每万人拥有 5G 基站数达到 18.5 个。\n")
    assert one(st).unit == "per_10k_population"


def test_indicator_matcher_is_called(extract, tmp_path):
    from orchestration.extraction import extract_statements, read_document

    path = tmp_path / "m.txt"
    path.write_text("网民规模达 10 亿。\n", encoding="utf-8")
    calls = []
    st = extract_statements(read_document(path), 2022, lambda subject, unit, kind: calls.append(
        (subject, unit, kind)) or "internet_users")
    assert st[0].indicator_key == "internet_users" and calls == [("网民规模", "count", "level")]


def test_statement_columns_order():
    from orchestration.extraction import STATEMENT_COLUMNS

    assert STATEMENT_COLUMNS == ("edition_year", "source_file", "line", "char_start", "char_end", "section",
                                 "subject", "value", "unit", "qualifier", "kind", "ref_year", "indicator_key",
                                 "quote")
