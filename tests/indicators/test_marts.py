"""The national indicator marts (issue 4), on the warehouse the real pipeline built (`query` fixture),
plus one small warehouse built here by dbt from hand-made raw rows for the rules the real sources do
not exercise yet (an edition with both a full text and a curated sheet, statements that disagree).

Expected figures are those the 2021 full text and the curated sheets of sources/curated/ state; they are
written out here on purpose (a test must not read the inputs it checks).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.conftest import ROOT

DBT_PROJECT = ROOT / "dbt_project"
INDICATOR_MARTS = ("dim_indicator", "fct_indicator_observations", "fct_indicator_vintages",
                   "mart_indicator_series", "mart_indicator_series_wide", "fct_survey_results", "dim_edition")

TRILLION, HUNDRED_MILLION, TEN_THOUSAND = 1e12, 1e8, 1e4

# indicator -> {ref_year: (best value, edition the best value comes from, best source kind)}
SERIES = {
    "digital_economy_size": {           # 数字经济规模, yuan
        2017: (27.2 * TRILLION, 2021, "full_text"),   # 2021 text: 从27.2万亿元增至45.5万亿元
        2018: (31.3 * TRILLION, 2018, "curated"),
        2019: (35.8 * TRILLION, 2019, "curated"),     # 数字经济增加值规模
        2021: (45.5 * TRILLION, 2021, "full_text"),
        2022: (50.2 * TRILLION, 2022, "curated"),
    },
    "internet_users": {                 # 网民规模, count
        2017: (7.72 * HUNDRED_MILLION, 2021, "full_text"),  # 2021 text: 从7.72亿增长到10.32亿
        2018: (8.29 * HUNDRED_MILLION, 2018, "curated"),
        2020: (9.89 * HUNDRED_MILLION, 2020, "curated"),
        2021: (10.32 * HUNDRED_MILLION, 2021, "full_text"),
        2022: (10.67 * HUNDRED_MILLION, 2022, "curated"),
    },
    "internet_penetration_rate": {      # 互联网普及率, percent
        2017: (55.8, 2021, "full_text"),               # 2021 text: 从55.8%提升至73%
        2018: (59.6, 2018, "curated"),
        2020: (70.4, 2020, "curated"),
        2021: (73.0, 2021, "full_text"),
        2022: (75.6, 2022, "curated"),
    },
    "fiveg_base_stations": {            # 5G基站, count
        2019: (13 * TEN_THOUSAND, 2019, "curated"),
        2020: (71.8 * TEN_THOUSAND, 2020, "curated"),
        2021: (142.5 * TEN_THOUSAND, 2021, "full_text"),   # 2021 text: 我国已建成142.5万个5G基站
        2022: (231.2 * TEN_THOUSAND, 2022, "curated"),
    },
}
# (indicator, ref_year) -> every edition's vintage {edition: value}, where more than one edition states it
VINTAGES = {
    ("digital_economy_size", 2017): {2017: 27.2 * TRILLION, 2021: 27.2 * TRILLION},
}


def _close(a, b) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


# --- the series (the "done when") -------------------------------------------------------------

@pytest.mark.parametrize("indicator", sorted(SERIES))
def test_series_gives_every_edition_best_value(query, indicator):
    rows = query("select ref_year, best_value, best_edition_year, best_source_kind, latest_value, first_value, "
                 "first_edition_year, n_editions, spread, source_kinds, best_qualifier "
                 "from marts.mart_indicator_series where indicator_key = ? order by ref_year", [indicator])
    got = {r[0]: r[1:] for r in rows}
    print(f"\n{indicator}: " + "; ".join(f"{y}={v[0]:g} ({v[1]} {v[2]})" for y, v in got.items()))
    for year, (value, edition, source_kind) in SERIES[indicator].items():
        assert year in got, f"{indicator} {year}: no value in mart_indicator_series"
        best, best_edition, best_kind, latest, first, first_edition, n_editions, spread, kinds, qualifier = got[year]
        assert _close(best, value), (indicator, year, best, value)
        assert (best_edition, best_kind, qualifier) == (edition, source_kind, "exact"), (indicator, year)
        assert _close(latest, best)  # the latest edition wins across editions
        assert first_edition <= best_edition and n_editions >= 1 and spread >= 0
        assert best_kind in kinds.split(",")


def test_vintages_keep_every_edition(query):
    for (indicator, year), expected in VINTAGES.items():
        rows = query("select edition_year, value, source_kind, previous_edition_year, change_abs "
                     "from marts.fct_indicator_vintages where indicator_key = ? and ref_year = ? "
                     "order by edition_year", [indicator, year])
        assert {r[0] for r in rows} >= set(expected), (indicator, year, rows)
        by_edition = {r[0]: r for r in rows}
        for edition, value in expected.items():
            assert _close(by_edition[edition][1], value)
        (first, *later) = [by_edition[e] for e in sorted(expected)]
        assert first[3] is None or first[3] < first[0]
        for row in later:
            assert row[3] is not None and _close(row[4], row[1] - by_edition[row[3]][1])
        series = query("select first_edition_year, latest_edition_year, n_editions, source_kinds "
                       "from marts.mart_indicator_series where series_id = ?", [f"{indicator}|{year}"])
        assert series[0][0] == min(expected) and series[0][1] == max(expected) and series[0][2] >= len(expected)
    # every edition of the four series appears as a vintage somewhere
    editions = {r[0] for r in query(
        "select distinct edition_year from marts.fct_indicator_vintages where indicator_key in (?, ?, ?, ?)",
        sorted(SERIES))}
    assert editions >= {edition for series in SERIES.values() for _, edition, _ in series.values()}


def test_series_match_the_vintages_and_the_wide_view(query):
    mismatched = query("""
        select s.series_id from marts.mart_indicator_series s
        join marts.fct_indicator_vintages v
          on v.indicator_key = s.indicator_key and v.ref_year = s.ref_year and v.is_latest_vintage
        where v.value is distinct from s.best_value or v.edition_year <> s.best_edition_year""")
    assert mismatched == []
    n_editions = query("""
        select s.series_id from marts.mart_indicator_series s
        where s.n_editions <> (select count(*) from marts.fct_indicator_vintages v
                               where v.indicator_key = s.indicator_key and v.ref_year = s.ref_year)""")
    assert n_editions == []
    wide = query("select value_2017, value_2018, value_2021, value_2022 from marts.mart_indicator_series_wide "
                 "where indicator_key = 'internet_users'")
    assert len(wide) == 1
    expected = SERIES["internet_users"]
    for got, year in zip(wide[0], (2017, 2018, 2021, 2022)):
        assert _close(got, expected[year][0])
    keys = query("select count(*), count(distinct indicator_key) from marts.mart_indicator_series_wide")[0]
    assert keys[0] == keys[1] == query("select count(distinct indicator_key) from marts.mart_indicator_series")[0][0]


# --- observations and provenance -----------------------------------------------------------------------

def test_observations_keep_provenance_and_the_value_as_stated(query):
    rows = query("select source_kind, count(*), count(quote), count(citation), count(value_as_stated), "
                 "count(*) filter (where observation_id like case source_kind when 'full_text' then 'S%' else 'C%' end) "
                 "from marts.fct_indicator_observations group by source_kind")
    by_kind = {r[0]: r[1:] for r in rows}
    assert "full_text" in by_kind
    n, quotes, _, stated, ids = by_kind["full_text"]
    assert quotes == stated == ids == n
    if "curated" in by_kind:
        n, _, citations, stated, ids = by_kind["curated"]
        assert citations == stated == ids == n
    # the curated sheets are kept exactly as the coverage states them, errors included (2018: 农村网民规模 2.22亿"元")
    curated_2018 = query("select value_as_stated, unit_as_stated from marts.fct_indicator_observations "
                         "where edition_year = 2018 and indicator_key = 'rural_internet_users'")
    if by_kind.get("curated"):
        assert curated_2018 and _close(curated_2018[0][0], 2.22e8) and curated_2018[0][1] == "元"
    # every full-text statement with a key is an observation, and nothing else is
    assert query("select count(*) from marts.fct_statements where indicator_key is not null")[0][0] == \
        query("select count(*) from marts.fct_indicator_observations where source_kind = 'full_text'")[0][0]


def test_dim_indicator_and_dim_edition(query):
    n, distinct, observed = query("select count(*), count(distinct indicator_key), "
                                  "count(*) filter (where n_observations > 0) from marts.dim_indicator")[0]
    assert n == distinct >= 120 and observed > 0
    row = query("select name_zh, name_en, unit, kind, is_cumulative, n_editions from marts.dim_indicator "
                "where indicator_key = 'fiveg_base_stations'")[0]
    assert row[:5] == ("5G基站数", "5G base stations", "count", "level", True) and row[5] >= 1
    edition = query("select title_en, source_kinds, best_source_kind, indicator_count from marts.dim_edition "
                    "where edition_year = 2021")[0]
    assert edition[0] == "Digital China Development Report (2021)"
    assert "full_text" in edition[1] and edition[2] == "full_text" and edition[3] > 50


def test_coverage_of_the_2021_statements(query):
    keyed, total = query("select count(indicator_key), count(*) from marts.fct_statements where edition_year = 2021")[0]
    print(f"\ncoverage of the 2021 statements by indicator_key: {keyed}/{total} = {keyed / total:.1%}")
    observations = query("select count(*) from marts.fct_indicator_observations "
                         "where edition_year = 2021 and source_kind = 'full_text'")[0][0]
    assert observations == keyed
    assert total > 300 and keyed / total > 0.5


# --- the survey appendix ------------------------------------------------------------------------------

def test_survey_results_of_2021(query):
    rows = query("select topic, statement, respondent_group, percent, qualifier, sample_size, line, quote "
                 "from marts.fct_survey_results where edition_year = 2021")
    assert len(rows) >= 20
    assert {r[5] for r in rows} == {409574}  # 收到有效样本409574份
    groups = {(r[2], r[3]) for r in rows if "城市和农村网民" in r[1]}
    assert groups == {("urban", 92.4), ("rural", 91.4)}  # 分别为92.4%和91.4%
    by_percent = {r[3]: r for r in rows if r[2] == "all" and r[4] == "exact"}
    assert by_percent[98.7][0] == "互联网应用广泛融入群众生活"
    assert "网上的有害信息已经被有效打击" in by_percent[79.3][1]
    assert by_percent[72.8][2] == "all"  # 未成年人 is what is asked about, not who answers
    assert {r[0] for r in rows} >= {"互联网应用广泛融入群众生活", "网络基础设施覆盖提升群众体验",
                                    "数字技术提高公共服务质量", "网络综合治理营造安全清朗的网络环境"}
    assert all(0 <= r[3] <= 100 and r[6] > 600 for r in rows)
    over = [r for r in rows if r[4] == "over"]
    assert over and all(("超过" in r[7]) or ("以上" in r[7]) or ("超" in r[7]) for r in over)


# --- re-running the build changes no row --------------------------------------------------------------

def _mart_hashes(db: Path) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        tables = [r[0] for r in con.execute("select table_name from information_schema.tables "
                                            "where table_schema = 'marts' order by 1").fetchall()]
        hashes = {}
        for table in tables:
            rows = sorted(r[0] for r in con.execute(
                f"select md5(cast(t as varchar)) from marts.{table} as t").fetchall())
            hashes[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        return hashes


def _dbt_build(db: Path, work: Path, *args: str) -> subprocess.CompletedProcess:
    dbt = Path(sys.executable).parent / "dbt"
    env = {**os.environ, "DCW_WAREHOUSE": str(db), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    return subprocess.run([str(dbt), "build", "--profiles-dir", str(DBT_PROJECT), "--project-dir", str(DBT_PROJECT),
                           "--target-path", str(work / "target"), "--log-path", str(work / "logs"), *args],
                          cwd=DBT_PROJECT, env=env, capture_output=True, text=True, timeout=900)


def test_rerunning_dbt_changes_no_row(built_warehouse, tmp_path):
    copy = tmp_path / "copy.duckdb"
    shutil.copy2(built_warehouse, copy)
    before = _mart_hashes(copy)
    assert set(INDICATOR_MARTS) <= set(before)
    done = _dbt_build(copy, tmp_path)
    assert done.returncode == 0, done.stdout[-3000:]
    after = _mart_hashes(copy)
    # every mart of the first build, row for row (a model added to the project since then is not a change)
    changed = [t for t in before if before[t] != after.get(t)]
    assert not changed, f"marts whose rows changed on a second dbt build: {changed}"
    print(f"\n{len(before)} marts unchanged by a second dbt build")


# --- the collapsing rules, on a warehouse built here from hand-made raw rows --------------------------

def _statement(no, ref_year, value, qualifier="exact", line=None, key="internet_users", unit="count"):
    return {"statement_no": no, "edition_year": 2030, "source_file": "t2030.txt", "sha256": "a" * 64,
            "line": line or no, "char_start": 10 * no, "char_end": 10 * no + 4, "section": "第一篇",
            "subject": "网民规模", "value": value, "unit": unit, "qualifier": qualifier, "kind": "level",
            "ref_year": ref_year, "indicator_key": key, "quote": f"网民规模达{value}"}


def _curated(line, ref_year, value, edition=2030, key="internet_users", qualifier="exact"):
    return {"edition_year": edition, "ref_year": ref_year, "indicator_zh": "网民规模", "indicator_key": key,
            "value_text": f"{value}人", "value": value, "unit": "count", "unit_as_stated": "人",
            "qualifier": qualifier, "kind": "level", "citation": "https://example.org/a",
            "source_file": f"curated/c{edition}.yml", "sha256": "b" * 64, "source_line": line}


def _document(edition, kind, file, sha):
    return {"edition_year": edition, "source_file": file, "sha256": sha, "source_kind": kind, "format": "txt",
            "encoding": "utf-8", "size_bytes": 1, "title": f"数字中国发展报告（{edition}年）", "publisher": "国家互联网信息办公室",
            "published": f"{edition + 1}-01-01", "statement_count": 1}


@pytest.fixture(scope="module")
def small_warehouse(tmp_path_factory) -> Path:
    from orchestration.ingestion.raw_schema import replace_edition_rows

    work = tmp_path_factory.mktemp("small")
    db = work / "small.duckdb"
    with duckdb.connect(str(db)) as con:
        # edition 2029: a curated sheet only
        replace_edition_rows(con, 2029, {
            "documents": pd.DataFrame([_document(2029, "curated", "curated/c2029.yml", "b" * 64)]),
            "curated_facts": pd.DataFrame([_curated(5, 2023, 9.0e8, edition=2029), _curated(9, 2024, 9.5e8, edition=2029)]),
        })
        # edition 2030: a full text and a curated sheet
        replace_edition_rows(con, 2030, {
            "documents": pd.DataFrame([_document(2030, "full_text", "t2030.txt", "a" * 64),
                                       _document(2030, "curated", "curated/c2030.yml", "b" * 64)]),
            "statements": pd.DataFrame([
                _statement(1, 2024, 9.6e8, qualifier="over"),   # 超过9.6亿: a bound, loses to the exact one
                _statement(2, 2024, 9.62e8),                    # exact full text: the 2030 vintage of 2024
                _statement(3, 2025, 1.0e9),                     # 10亿 and 10.4亿: disagree beyond rounding
                _statement(4, 2025, 1.04e9),
                _statement(5, 2025, 1.04e9),                    # stated twice: the value chosen
                _statement(6, 2023, 9.04e8),                    # 9.04亿 vs the curated 9.0亿: rounding, no disagreement
                _statement(7, 2023, 9.0e8),
                _statement(8, 2025, 75.0, key="internet_penetration_rate", unit="percent"),
            ]),
            "curated_facts": pd.DataFrame([_curated(12, 2025, 1.1e9), _curated(20, 2024, 9.62e8)]),
        })
    done = _dbt_build(db, work, "--select", "+mart_indicator_series_wide", "+fct_indicator_observations",
                      "+fct_survey_results", "+dim_edition", "--indirect-selection", "cautious")
    assert done.returncode == 0, done.stdout[-3000:]
    return db


def _small(db: Path, sql: str, params=None):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def test_full_text_wins_over_curated_and_exact_over_qualified(small_warehouse):
    rows = _small(small_warehouse, "select ref_year, value, source_kind, qualifier, n_statements, source_kinds, "
                  "statements_disagree, observation_id from marts.fct_indicator_vintages "
                  "where indicator_key = 'internet_users' and edition_year = 2030 order by ref_year")
    by_year = {r[0]: r[1:] for r in rows}
    assert by_year[2024][:5] == (9.62e8, "full_text", "exact", 3, "curated,full_text")
    assert by_year[2025][:3] == (1.04e9, "full_text", "exact")  # not the curated 11亿, the value stated twice
    assert by_year[2025][5] is True       # 10亿 / 10.4亿 / 11亿 differ beyond rounding
    assert by_year[2024][5] is False      # 9.62亿 (twice) and the bound 超过9.6亿
    assert by_year[2023][5] is False      # 9.0亿 and 9.04亿 agree at the coarser precision
    assert by_year[2024][6] == "S2030-aaaaaaaa-0002"
    curated_ids = {r[0] for r in _small(small_warehouse, "select observation_id from marts.fct_indicator_observations "
                                                         "where source_kind = 'curated'")}
    assert curated_ids == {"C2029-bbbbbbbb-5", "C2029-bbbbbbbb-9", "C2030-bbbbbbbb-12", "C2030-bbbbbbbb-20"}


def test_series_take_the_latest_edition_and_keep_the_first(small_warehouse):
    rows = _small(small_warehouse, "select ref_year, best_value, best_edition_year, best_source_kind, first_value, "
                  "first_edition_year, n_editions, spread, source_kinds from marts.mart_indicator_series "
                  "where indicator_key = 'internet_users' order by ref_year")
    by_year = {r[0]: r[1:] for r in rows}
    assert by_year[2024] == (9.62e8, 2030, "full_text", 9.5e8, 2029, 2, pytest.approx(0.12e8), "curated,full_text")
    assert by_year[2023][:6] == (9.04e8, 2030, "full_text", 9.0e8, 2029, 2)
    vintage = _small(small_warehouse, "select previous_edition_year, previous_value, change_abs, change_rel "
                     "from marts.fct_indicator_vintages where vintage_id = 'internet_users|2024|2030'")[0]
    assert vintage[:2] == (2029, 9.5e8) and vintage[2] == pytest.approx(0.12e8)
    assert vintage[3] == pytest.approx(0.12 / 9.5)
    wide = _small(small_warehouse, "select value_2022, value_2023, value_2024, value_2025, n_ref_years_outside_range "
                  "from marts.mart_indicator_series_wide where indicator_key = 'internet_users'")
    assert wide == [(None, 9.04e8, 9.62e8, 1.04e9, 0)]
    editions = _small(small_warehouse, "select edition_year, source_kinds, best_source_kind from marts.dim_edition "
                      "order by 1")
    assert editions == [(2029, "curated", "curated"), (2030, "curated,full_text", "full_text")]
