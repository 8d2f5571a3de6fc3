"""Curated rankings of the other editions, normalised beside the extracted lists."""
from __future__ import annotations

import pandas as pd
import pytest

from orchestration.provinces.curated import curated_rankings_to_rows
from orchestration.provinces.names import UnknownProvinceError
from orchestration.provinces.rankings import COLUMNS, extract_rankings
from orchestration.settings import PROJECT_ROOT

# Overall top ten of every edition that has one, as printed (2021: report text, line 580;
# 2018, 2020, 2022: press coverage in tests/data/curated_rankings.csv).
OVERALL_TOP_TEN = {
    2018: "北京 广东 江苏 上海 浙江 福建 天津 重庆 湖北 山东",
    2020: "北京 浙江 上海 广东 江苏 天津 山东 湖北 四川 福建",
    2021: "浙江 北京 上海 广东 江苏 山东 天津 福建 湖北 四川",
    2022: "浙江 北京 广东 江苏 上海 福建 山东 天津 重庆 湖北",
}


@pytest.fixture(scope="module")
def curated():
    frame = pd.read_csv(PROJECT_ROOT / "tests" / "data" / "curated_rankings.csv", dtype=str)
    # the shape the curated sheets reader produces: position / province_as_written / citation
    frame = frame.rename(columns={"rank": "position", "province": "province_as_written",
                                  "source_urls": "citation"})
    frame["source_file"] = "curated_rankings.csv"
    frame["source_line"] = range(2, len(frame) + 2)
    return curated_rankings_to_rows(frame)


def test_overall_top_ten_of_every_edition_with_a_list(curated, text_2021):
    extracted = extract_rankings(text_2021, 2021, "r.txt")
    rows = pd.concat([curated, extracted], ignore_index=True)
    overall = rows[rows["list_kind"].eq("top_n_list")
                   & rows["dimension_key"].isin(["info_overall", "digital_overall"])]
    got = {int(y): " ".join(g.sort_values("position")["province_as_written"])
           for y, g in overall.groupby("edition_year")}
    assert got == OVERALL_TOP_TEN
    assert list(curated.columns) == COLUMNS and list(extracted.columns) == COLUMNS


def test_announced_length_is_10_for_ten_row_lists_and_null_for_the_press_top_fives(curated):
    lists = curated[curated["list_kind"] == "top_n_list"]
    summary = lists.groupby(["edition_year", "dimension_zh"])[["announced_length", "counted_length"]].first()
    assert summary.loc[(2018, "信息化发展水平")].tolist() == [10, 10]
    assert summary.loc[(2018, "产业数字化"), "counted_length"] == 5
    assert pd.isna(summary.loc[(2018, "产业数字化"), "announced_length"])
    singles = curated[curated["list_kind"] != "top_n_list"]
    assert singles["announced_length"].isna().all() and singles["counted_length"].isna().all()
    assert set(curated["source_kind"]) == {"curated"} and curated["province_code"].notna().all()
    assert curated["dimension_key"].notna().all()
    # the 2018 overall result is called 信息化发展评价指数 by one article: same dimension
    fz = curated[(curated["edition_year"] == 2018) & (curated["dimension_zh"] == "信息化发展评价指数")]
    assert set(fz["dimension_key"]) == {"info_overall"} and set(fz["line"]) == {29}


def test_an_explicit_announced_length_wins_and_unknown_names_are_rejected():
    frame = pd.DataFrame({
        "edition_year": [2018] * 2, "dimension_zh": ["产业数字化"] * 2, "list_kind": ["top_n_list"] * 2,
        "position": [1, 2], "province_as_written": ["浙江", "上海市"], "citation": ["u"] * 2,
        "source_file": ["s.yml"] * 2, "source_line": [3, 4], "announced_length": [5, 5],
    })
    rows = curated_rankings_to_rows(frame)
    assert list(rows["announced_length"]) == [5, 5] and list(rows["counted_length"]) == [2, 2]
    frame.loc[1, "province_as_written"] = "新疆生产建设兵团"
    with pytest.raises(UnknownProvinceError, match=r"新疆生产建设兵团.*s\.yml line 4"):
        curated_rankings_to_rows(frame)
    frame.loc[1, "list_kind"] = "top_ten"
    with pytest.raises(ValueError, match="unknown list_kind"):
        curated_rankings_to_rows(frame)
