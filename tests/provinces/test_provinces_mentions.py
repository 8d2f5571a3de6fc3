"""Every place the 2021 report names a province outside its ranking lists."""
from __future__ import annotations

from orchestration.provinces.mentions import find_province_mentions
from orchestration.provinces.rankings import ranking_list_spans


def test_sichuan_is_mentioned_on_lines_441_and_584_outside_the_lists(text_2021):
    df = find_province_mentions(text_2021, 2021, "r.txt", section_of=lambda line: f"s{line // 100}")
    sc = df[df["province_code"] == "510000"]
    assert list(sc["line"]) == [441, 584]
    assert sc["sentence"].iloc[0] == "上海、浙江、四川等地加快打通智慧城市治理各条线，积极探索“一网管全城”。"
    assert sc["sentence"].iloc[1].startswith("四川聚力发展“芯屏存端软智网”等核心产业")
    assert list(sc["section"]) == ["s4", "s5"]
    for r in df.itertuples():
        assert "".join(text_2021[r.char_start:r.char_end].split()) == r.province_as_written
        assert r.province_as_written in r.sentence


def test_list_names_the_corps_and_hong_kong_are_not_mentions(text_2021):
    df = find_province_mentions(text_2021, 2021, "r.txt")
    for s, e in ranking_list_spans(text_2021):  # the eight lists and the summary's repeat
        assert not ((df["char_start"] >= s) & (df["char_start"] < e)).any()
    assert text_2021.count("新疆生产建设兵团") == 4 and "650000" not in set(df["province_code"])
    assert "香港" in text_2021 and "香港" not in set(df["province_as_written"])
    assert df["section"].isna().all()
    # a page break inside a paragraph is joined in the sentence: "江苏\n\n推动提升…" (582/584)
    js = df[(df["province_code"] == "320000") & (df["line"] == 582)]
    assert js["sentence"].iloc[0].startswith("江苏推动提升数字江苏整体水平")
