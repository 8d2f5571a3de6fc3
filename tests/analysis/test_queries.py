"""Every question in docs/queries/ runs against the built warehouse and its answer is asserted.

A .sql file without an entry in ANSWERS fails: a question is only documented once its answer is checked.
The figures asserted are the ones the sources state (the 2021 full text and the curated sheets); where a
mart's logic is still growing (claims, findings), the assertion is on what must hold whatever it finds.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

import duckdb
import pytest

QUERIES = Path(__file__).resolve().parents[2] / "docs" / "queries"


def rows_as_dicts(db: Path, sql: str) -> list[dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        cursor = con.execute(sql)
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]


# ---------------------------------------------------------------------------------------------- answers

def digital_economy(rows):
    by = {(r["ref_year"], r["edition_year"]): r for r in rows}
    # the size (万亿元) and GDP share (%) every edition states, each edition's vintage on its own row
    expected = {(2017, 2017): (27.2, 32.9), (2017, 2021): (27.2, 32.9), (2018, 2018): (31.3, 34.8),
                (2019, 2019): (35.8, 36.2), (2021, 2021): (45.5, 39.8), (2022, 2022): (50.2, 41.5)}
    for key, (size, share) in expected.items():
        assert key in by, f"no vintage {key}"
        assert by[key]["size_trillion_yuan"] == pytest.approx(size), key
        assert by[key]["gdp_share_percent"] == pytest.approx(share), key
    assert by[(2021, 2021)]["source_kind"] == "full_text" and by[(2017, 2017)]["source_kind"] == "curated"
    sizes = [r["size_trillion_yuan"] for r in sorted(rows, key=lambda r: r["ref_year"]) if r["size_trillion_yuan"]]
    assert sizes == sorted(sizes)  # the digital economy grows every year


def restated(rows):
    by = {(r["indicator_key"], r["ref_year"], r["restating_edition"]): r for r in rows}
    # the 2021 edition restates 2017's size and GDP share, exactly as the 2017 edition gave them
    for key in ("digital_economy_size", "digital_economy_gdp_share"):
        r = by[(key, 2017, 2021)]
        assert r["previous_edition_year"] == 2017 and r["change_abs"] == 0 and r["outcome"] == "unchanged"
    assert all(r["previous_edition_year"] < r["restating_edition"] for r in rows)
    assert all(r["change_abs"] == pytest.approx(r["value"] - r["previous_value"]) for r in rows)


def top_ten_every_edition(rows):
    # overall lists: 2018 and 2020 (信息化发展水平, press), 2021 (report), 2022 (press)
    assert {r["province_short_name_zh"] for r in rows} == {"北京", "浙江", "广东", "上海", "江苏", "天津", "福建",
                                                          "山东", "湖北"}
    beijing = next(r for r in rows if r["province_name_en"] == "Beijing")
    assert beijing["positions"] == "2018: 1; 2020: 1; 2021: 2; 2022: 2"
    assert rows[0]["province_name_en"] == "Beijing"  # best mean position


def failing_claims_2021(rows):
    by_status = {}
    for r in rows:
        by_status.setdefault(r["status"], []).append(r)
    # the report's own figures: cloud services +21.2 %, IT services +20.0 %, share 12.9 % cannot have risen 4.6 points
    (fails,) = by_status["fails"]
    assert fails["method"] == "share_points_from_growth" and fails["stated_value"] == 4.6
    assert fails["recomputed_value"] == pytest.approx(12.9 - 12.9 * 1.200 / 1.212, abs=1e-3)
    # 新增5G基站65.4万个 against 142.5万 − 71.8万 (the 2020 edition): the 2020 stock was restated (77.1万 implied)
    increment = [r for r in by_status["restated"] if r["subject"] == "新增5G基站数"]
    assert len(increment) == 1 and increment[0]["line"] == 287 and "65.4万" in increment[0]["quote"]
    assert increment[0]["recomputed_value"] == pytest.approx(707000) and "77.1万" in increment[0]["implied"]
    # the 4700亿 → 1.3万亿 CAGR "超过30%" needs the 2021 level at 1.3424万亿 or more
    assert any("≥ 1.3424万亿元" in (r["rescue"] or "") for r in by_status["marginal"])
    assert all(r["rescue"] for r in by_status["marginal"]) and all(r["implied"] for r in by_status["restated"])
    assert [r["status"] for r in rows] == sorted((r["status"] for r in rows),
                                                 key=["fails", "marginal", "restated", "external_mismatch"].index)


def statements_5g(rows):
    full_text = [r for r in rows if r["source_kind"] == "full_text"]
    curated = [r for r in rows if r["source_kind"] == "curated"]
    assert len(full_text) >= 12 and len(curated) >= 5
    assert all("5G" in (r["subject"] or "") + (r["text"] or "") or (r["indicator_key"] or "").startswith("fiveg")
               for r in rows)
    stations = {(r["edition_year"], r["value"]) for r in rows if r["indicator_key"] == "fiveg_base_stations"}
    assert {(2019, 130000), (2020, 718000), (2021, 1425000), (2022, 2312000)} <= stations
    assert any(r["value"] == 355000000 and r["indicator_key"] == "fiveg_users" for r in full_text)
    assert all(r["provenance"] for r in rows)


def sichuan_2021(rows):
    assert all(r["province_as_written"] in ("四川", "四川省") for r in rows)
    lists = [r for r in rows if r["mention_kind"] == "ranking_list"]
    text = [r for r in rows if r["mention_kind"] == "text"]
    # 四川 is in six of the eight 2021 lists (overall, infrastructure, innovation, economy, government, security)
    assert len(lists) == 6
    assert any("芯屏存端软智网" in r["sentence"] for r in text)
    assert any("一网管全城" in r["sentence"] for r in text)
    assert [r["line"] for r in rows] == sorted(r["line"] for r in rows)


def series_gaps(rows):
    by = {r["indicator_key"]: r for r in rows}
    # no edition in the warehouse states the 2020 digital economy, nor 2019's internet users
    assert by["digital_economy_size"]["missing_years"] == "2020"
    assert by["digital_economy_gdp_share"]["missing_years"] == "2020"
    assert by["internet_users"]["missing_years"] == "2019"
    assert "fiveg_base_stations" not in by  # 2019-2022, every year
    for r in rows:
        missing = [int(y) for y in r["missing_years"].split(",")]
        assert all(r["first_year"] < y < r["last_year"] for y in missing)
        assert r["n_years"] + len(missing) == r["last_year"] - r["first_year"] + 1


def headline_series(rows):
    best = {(r["indicator_key"], r["ref_year"]): r for r in rows}
    assert best[("fiveg_base_stations", 2021)]["best_value"] == 1425000
    assert best[("fiveg_base_stations", 2022)]["best_value"] == 2312000
    assert best[("internet_users", 2021)]["best_value"] == 1032000000
    assert best[("internet_penetration_rate", 2021)]["best_value"] == pytest.approx(73.0)
    assert best[("digital_economy_size", 2022)]["best_value"] == pytest.approx(50.2e12)
    two = best[("digital_economy_size", 2017)]
    assert two["n_editions"] == 2 and two["best_edition_year"] == 2021 and two["spread"] == 0
    assert "2017: " in two["vintage_values"] and "2021: " in two["vintage_values"]
    assert {r["indicator_key"] for r in rows} == {"fiveg_base_stations", "internet_users", "internet_penetration_rate",
                                                   "digital_economy_size", "digital_economy_gdp_share"}


def overall_rank_changes(rows):
    # never across evaluation systems: info_overall (2017-2020) and digital_overall (2021-) are not compared
    assert {r["dimension_key"] for r in rows} <= {"info_overall", "digital_overall"}
    assert all((r["previous_edition_year"] < 2021) == (r["dimension_key"] == "info_overall") for r in rows)
    by = {(r["province_name_en"], r["edition_year"]): r for r in rows}
    assert by[("Fujian", 2022)]["previous_position"] == 8 and by[("Fujian", 2022)]["position"] == 6
    assert by[("Fujian", 2022)]["position_change"] == 2  # moved up two places
    assert by[("Zhejiang", 2020)]["position_change"] == 3  # 5th in 2018, 2nd in 2020
    assert all(r["position_change"] == r["previous_position"] - r["position"] for r in rows)


def most_lists_2021(rows):
    top = [r["province_name_en"] for r in rows if r["lists_appeared_in"] == 8]
    assert sorted(top) == ["Beijing", "Guangdong", "Shanghai", "Zhejiang"]  # in all eight lists
    assert all(r["lists_published"] == 8 for r in rows)
    assert sum(r["lists_appeared_in"] for r in rows) == 80  # eight lists of ten
    chongqing = next(r for r in rows if r["province_name_en"] == "Chongqing")
    assert chongqing["overall_status"] == "not in the published top 10" and chongqing["lists_appeared_in"] == 3


def editions(rows):
    assert [r["edition_year"] for r in rows] == [2017, 2018, 2019, 2020, 2021, 2022]
    by = {r["edition_year"]: r for r in rows}
    assert by[2021]["has_full_text"] and not by[2021]["has_curated_sheet"]
    assert all(r["has_curated_sheet"] for y, r in by.items() if y != 2021)
    assert by[2021]["title"] == "数字中国发展报告（2021年）"
    assert all(r["title_en"] and re.search(r"Digital China", r["title_en"]) for r in rows)  # both languages
    assert by[2021]["statement_count"] > 400


def consistency_by_edition(rows):
    assert {r["edition_year"] for r in rows} == {2017, 2018, 2019, 2020, 2021, 2022}
    for r in rows:
        assert sum(r[s] for s in ("holds", "marginal", "fails", "restated", "external_mismatch", "corrected",
                                  "cannot_check")) == r["checks"]
    by = {r["edition_year"]: r for r in rows}
    assert by[2021]["fails"] >= 1 and by[2021]["restated"] >= 1  # the share change; the 5G increment
    assert by[2020]["external_mismatch"] >= 1  # CNNIC's 70.4 % against NBS population
    assert sum(r["corrected"] for r in rows) >= 1  # the press coverage's unit slip, fixed by corrections.yml


def corrections(rows):
    by = {r["correction_id"]: r for r in rows}
    slip = by["C2022-01"]  # 大数据产业规模 "1.57亿元" where 1.57万亿元 is meant
    assert slip["indicator_key"] == "big_data_industry_size" and slip["edition_year"] == 2022
    assert slip["value_as_stated"] == 157000000 and slip["value"] == 1570000000000
    assert slip["value_text"] == "1.57亿元"
    assert all(r["correction_reason"] for r in rows)


def survey_urban_rural(rows):
    infra = [r for r in rows if r["urban_percent"] == pytest.approx(92.4)]
    assert len(infra) == 1 and infra[0]["rural_percent"] == pytest.approx(91.4)
    assert infra[0]["gap_points"] == pytest.approx(1.0)
    assert infra[0]["sample_size"] and infra[0]["sample_size"] > 100000


def edition_disagrees(rows):
    assert all(r["n_statements"] >= 2 and r["min_stated_value"] < r["max_stated_value"] for r in rows)
    assert all(r["statements"] for r in rows)
    keys = {r["indicator_key"] for r in rows}
    assert "digital_economy_size" not in keys and "fiveg_base_stations" not in keys  # headline figures agree


def bilingual(rows):
    assert [r["province"] for r in rows] == ["Zhejiang", "Guangdong", "Beijing", "Shanghai", "Guizhou", "Sichuan",
                                             "Shandong", "Hubei", "Jiangsu", "Fujian"]
    assert [r["province_zh"] for r in rows][:3] == ["浙江", "广东", "北京"]
    assert {r["dimension_zh"] for r in rows} == {"数字政府建设水平"}
    assert all(r["dimension"] for r in rows)


ANSWERS: dict[str, Callable[[list[dict]], None]] = {
    "01_digital_economy_size_and_gdp_share.sql": digital_economy,
    "02_restated_figures.sql": restated,
    "03_overall_top_ten_every_edition.sql": top_ten_every_edition,
    "04_failing_claims_2021.sql": failing_claims_2021,
    "05_statements_about_5g.sql": statements_5g,
    "06_what_2021_says_about_sichuan.sql": sichuan_2021,
    "07_series_with_gaps.sql": series_gaps,
    "08_headline_series.sql": headline_series,
    "09_overall_rank_changes.sql": overall_rank_changes,
    "10_provinces_in_most_2021_lists.sql": most_lists_2021,
    "11_editions_and_sources.sql": editions,
    "12_consistency_by_edition.sql": consistency_by_edition,
    "13_corrections_applied.sql": corrections,
    "14_survey_urban_rural.sql": survey_urban_rural,
    "15_edition_disagrees_with_itself.sql": edition_disagrees,
    "16_bilingual_dimension_lookup.sql": bilingual,
}

QUERY_FILES = sorted(p.name for p in QUERIES.glob("*.sql"))


def test_there_are_at_least_twelve_questions():
    assert len(QUERY_FILES) >= 12


@pytest.mark.parametrize("name", QUERY_FILES)
def test_query_states_its_question(name):
    text = (QUERIES / name).read_text(encoding="utf-8")
    assert text.startswith("-- Question: "), f"{name}: the first line states the question"
    assert re.search(r"\bmarts\.\w+", text), f"{name}: answers from the marts (schema-qualified)"


@pytest.mark.parametrize("name", QUERY_FILES)
def test_query_answer(name, built_warehouse):
    assert name in ANSWERS, f"docs/queries/{name} has no asserted answer in tests/analysis/test_queries.py"
    rows = rows_as_dicts(built_warehouse, (QUERIES / name).read_text(encoding="utf-8"))
    assert rows, f"{name}: no rows"
    ANSWERS[name](rows)


def test_every_answer_has_its_query():
    assert sorted(ANSWERS) == QUERY_FILES
