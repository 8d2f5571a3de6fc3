from __future__ import annotations

import hashlib
import re
import shutil

import pytest
import yaml

from orchestration.indicators.curated import (
    FACT_COLUMNS,
    RANKING_COLUMNS,
    CuratedSheetError,
    infer_kind,
    read_curated_sheet,
)

from .conftest import CURATED_DIR, DATA, read_csv

EDITIONS = (2017, 2018, 2019, 2020, 2022)


def sheet(year: int):
    return CURATED_DIR / f"digital_china_{year}_curated.yml"


def test_one_sheet_per_edition():
    for year in EDITIONS:
        assert sheet(year).exists()
    years = {int(r["edition_year"]) for r in read_csv(DATA / "curated_facts.csv")}
    assert years <= set(EDITIONS)  # no 2021 rows: 2021 has the full text only


def test_metadata():
    titles = {2017: "数字中国建设发展报告（2017年）", 2019: "数字中国建设发展进程报告（2019年）",
              2020: "数字中国发展报告（2020年）"}
    for year in EDITIONS:
        data = yaml.safe_load(sheet(year).read_text(encoding="utf-8"))
        assert data["edition_year"] == year
        assert data["publisher"].startswith("国家互联网信息办公室")
        assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", str(data["published"]))
        if year in titles:
            assert data["title"] == titles[year]


def test_columns(curated_tables):
    assert list(curated_tables["curated_facts"].columns) == FACT_COLUMNS
    assert list(curated_tables["curated_rankings"].columns) == RANKING_COLUMNS


def test_every_fact_row_is_present_as_stated(curated_tables):
    facts = curated_tables["curated_facts"]
    expected = read_csv(DATA / "curated_facts.csv")
    assert len(facts) == len(expected)
    got = {
        (r.edition_year, r.ref_year, r.indicator_zh, r.value_text): r for r in facts.itertuples(index=False)
    }
    for row in expected:
        key = (int(row["edition_year"]), int(row["ref_year"]), row["indicator_zh"], row["value_text"])
        assert key in got, key
        fact = got[key]
        assert fact.value == pytest.approx(float(row["value"]), rel=1e-12)
        assert fact.unit_as_stated == row["unit"]
        assert fact.qualifier == row["qualifier"]
        assert fact.citation == row["source_urls"]


def test_every_ranking_row_is_present(curated_tables):
    ranks = curated_tables["curated_rankings"]
    expected = read_csv(DATA / "curated_rankings.csv")
    assert len(ranks) == len(expected)
    got = {(r.edition_year, r.dimension_zh, r.list_kind, r.position, r.province_as_written): r.citation
           for r in ranks.itertuples(index=False)}
    for row in expected:
        key = (int(row["edition_year"]), row["dimension_zh"], row["list_kind"], int(row["rank"]), row["province"])
        assert got.get(key) == row["source_urls"], key


def test_every_curated_fact_maps_to_an_indicator(curated_tables, catalogue):
    facts = curated_tables["curated_facts"]
    unmapped = facts[facts["indicator_key"].isna()]
    assert unmapped.empty, unmapped[["edition_year", "indicator_zh", "unit"]].to_string()
    assert set(facts["indicator_key"]) <= set(catalogue.keys())


def test_units_are_normalised_and_errors_kept(curated_tables, catalogue):
    facts = curated_tables["curated_facts"]
    assert facts["unit"].notna().all()
    # the 2018 coverage gives 农村网民规模 in 元: kept as stated, key assigned, unit flagged
    rural = facts[(facts.edition_year == 2018) & (facts.indicator_zh == "农村网民规模")].iloc[0]
    assert (rural.unit, rural.unit_as_stated, rural.indicator_key, rural.unit_fits) == (
        "yuan", "元", "rural_internet_users", False)
    # the 2022 coverage's 大数据产业规模 of 1.57亿元 is kept as stated
    big = facts[(facts.edition_year == 2022) & (facts.indicator_zh == "大数据产业规模")].iloc[0]
    assert big.value == 1.57e8 and big.indicator_key == "big_data_industry_size"
    fitting = facts[facts.unit_fits]
    assert all(catalogue[k].unit == u for k, u in zip(fitting.indicator_key, fitting.unit))
    assert facts.unit_fits.sum() == len(facts) - 1


def test_series_across_editions(curated_tables):
    facts = curated_tables["curated_facts"]
    series = facts[facts.indicator_key == "digital_economy_size"].set_index("edition_year")["value"]
    assert sorted(series.index) == [2017, 2018, 2019, 2022]
    assert set(facts[facts.indicator_key == "fiveg_base_stations"].edition_year) == {2019, 2020, 2022}
    assert set(facts[facts.indicator_key == "internet_users"].edition_year) == {2018, 2020, 2022}
    growth = facts[facts.indicator_zh == "数字经济规模同比增长率"].iloc[0]
    assert growth.indicator_key == "digital_economy_growth_rate" and growth.kind == "growth"


def test_source_line_points_at_the_entry(curated_tables):
    facts = curated_tables["curated_facts"]
    lines = {}
    for row in facts.itertuples(index=False):
        path = CURATED_DIR.parent.parent / row.source_file
        lines.setdefault(path, path.read_text(encoding="utf-8").splitlines())
        text = lines[path][row.source_line - 1]
        assert text.strip().startswith("- ref_year:"), (row.source_file, row.source_line)
        assert f"indicator_zh: \"{row.indicator_zh}\"" in lines[path][row.source_line]
    assert set(facts.source_file) == {f"sources/curated/digital_china_{y}_curated.yml" for y in EDITIONS}


def test_sha256_checked(tmp_path):
    path = sheet(2019)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert len(read_curated_sheet(path, digest)["curated_facts"]) == 18
    with pytest.raises(CuratedSheetError, match="sha256"):
        read_curated_sheet(path, "0" * 64)


@pytest.mark.parametrize(
    "indicator_zh, unit, stated, kind",
    [
        ("数字经济规模同比增长率", "percent", "%", "growth"),
        ("数字经济规模占GDP比重", "percent", "%", "share"),
        ("数字经济对GDP增长的贡献率", "percent", "%", "share"),
        ("年均复合增长率", "percent", "%", "cagr"),
        ("全球创新指数排名上升名次", "rank", "个名次", "increment"),
        ("全球创新指数排名", "rank", "位", "rank"),
        ("平均网络速率较2015年提升倍数", "times", "倍", "multiple"),
        ("新增5G基站", "count", "个", "increment"),
        ("5G基站", "count", "个", "level"),
    ],
)
def test_infer_kind(indicator_zh, unit, stated, kind):
    assert infer_kind(indicator_zh, unit, stated) == kind


def _broken(tmp_path, year, mutate, name=None):
    data = yaml.safe_load(sheet(year).read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / (name or f"digital_china_{year}_curated.yml")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d["facts"][1].update(colour="red"), r"facts\[1\] .*unknown key\(s\) colour"),
        (lambda d: d["facts"][2].update(citations=[]), r"facts\[2\] .*citations"),
        (lambda d: d["facts"][2].pop("citations"), r"facts\[2\] .*missing citations"),
        (lambda d: d["facts"][0].update(value="lots"), r"facts\[0\] .*value must be a number"),
        (lambda d: d["facts"][0].update(unit="furlong"), r"unknown unit"),
        (lambda d: d["facts"][0].update(qualifier="maybe"), r"unknown qualifier"),
        (lambda d: d["facts"][0].update(ref_year=2031), r"ref_year 2031"),
        (lambda d: d.update(edition_year=2017), r"edition_year 2017 does not match the file name"),
        (lambda d: d.update(editor="x"), r"unknown key\(s\) editor"),
        (lambda d: d.pop("title"), r"missing title"),
        (lambda d: d.update(facts=[]), r"facts must be a non-empty list"),
        (lambda d: d["rankings"][0].update(list_kind="best_of"), r"rankings\[0\].*list_kind"),
        (lambda d: d["rankings"][0].update(rank=0), r"rankings\[0\].*rank must be >= 1"),
        (lambda d: d["rankings"][3].pop("citations"), r"rankings\[3\].*missing citations"),
    ],
)
def test_bad_sheets_raise_naming_file_and_entry(tmp_path, mutate, message):
    path = _broken(tmp_path, 2018, mutate)
    with pytest.raises(CuratedSheetError, match=message) as info:
        read_curated_sheet(path)
    assert str(path) in str(info.value)


def test_wrong_edition_year_against_manifest(tmp_path):
    path = tmp_path / "sheet.yml"
    shutil.copy(sheet(2020), path)
    assert read_curated_sheet(path, edition_year=2020)["curated_facts"].edition_year.eq(2020).all()
    with pytest.raises(CuratedSheetError, match="manifest says 2021"):
        read_curated_sheet(path, edition_year=2021)


def test_not_yaml(tmp_path):
    path = tmp_path / "digital_china_2018_curated.yml"
    path.write_text("facts: [\n", encoding="utf-8")
    with pytest.raises(CuratedSheetError, match="YAML"):
        read_curated_sheet(path)
    with pytest.raises(CuratedSheetError, match="cannot read"):
        read_curated_sheet(tmp_path / "missing_2018.yml")
