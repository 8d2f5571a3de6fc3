"""表1 数字中国发展评价指标体系 of the 2021 edition, parsed from the text."""
from __future__ import annotations

from orchestration.provinces.evaluation import extract_evaluation_system


def test_2021_table_has_eight_level1_and_26_level2_indicators(text_2021):
    df = extract_evaluation_system(text_2021, 2021, "r.txt")
    # read in 表1 (lines 543-570): 7 scored level-1 indicators + 网民评价 (参考)
    per_level1 = df.groupby("level1_zh", sort=False).size()
    assert list(per_level1.index) == ["数字基础设施", "数字技术创新", "数字经济", "数字政府", "数字社会",
                                      "网络安全", "数字化发展环境", "网民评价"]
    assert list(per_level1) == [2, 2, 2, 3, 6, 4, 3, 4]
    assert len(df) == 26 and df["in_score"].sum() == 22
    assert set(df["table_number"]) == {1} and set(df["table_title"]) == {"数字中国发展评价指标体系"}
    assert (df["line"].min(), df["line"].max()) == (544, 570)
    assert df["dimension_key"].notna().all()
    assert list(df["level2_position"][:2]) == [1, 2]


def test_reference_indicator_is_marked_out_of_the_score(text_2021):
    df = extract_evaluation_system(text_2021, 2021, "r.txt")
    ref = df[~df["in_score"]]
    assert set(ref["level1_zh"]) == {"网民评价"} and set(ref["level1_as_written"]) == {"网民评价 [*] (参考)"}
    assert ref["score_note"].str.contains("不计入综合得分").all()
    assert set(ref["dimension_key"]) == {"netizen_evaluation"}
    first = df.iloc[0]
    assert (first.level2_zh, first.line) == ("网络基础设施普及水平", 544)
    assert first.key_elements_zh.startswith("5G 用户普及情况")


def test_a_text_without_the_table_gives_an_empty_frame():
    df = extract_evaluation_system("表2 各省数据\n\n正文。", 2021, "r.txt")
    assert df.empty and "level1_zh" in df.columns
