from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from orchestration.indicators import KINDS, TOPICS, UNITS, CatalogueError, parse_catalogue
from orchestration.indicators.catalogue import COLUMNS, DEFAULT_PATH

from .conftest import ROOT


def test_catalogue_size_and_columns(catalogue):
    assert len(catalogue) >= 120
    with DEFAULT_PATH.open(encoding="utf-8") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS
    frame = catalogue.to_frame()
    assert list(frame.columns) == list(COLUMNS)
    assert frame["indicator_key"].is_unique


def test_vocabularies(catalogue):
    for ind in catalogue.indicators.values():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", ind.key), ind.key
        assert ind.unit in UNITS and ind.kind in KINDS and ind.topic in TOPICS, ind.key
        assert ind.name_zh and ind.name_en and ind.description and ind.aliases
    assert {i.topic for i in catalogue.indicators.values()} == set(TOPICS)
    assert {"nm", "years"} <= UNITS  # additions, documented in vocabulary.py


def test_answer_key_measures_are_in_the_catalogue(catalogue, gold_rows):
    for row in gold_rows:
        ind = catalogue[row["indicator_key"]]
        assert (ind.unit, ind.kind, ind.name_zh) == (row["unit"], row["kind"], row["indicator_zh"]), row["fact_id"]


def test_measures_stated_more_than_once_are_covered(catalogue, gold_rows):
    from collections import Counter

    repeated = [k for k, n in Counter(r["indicator_key"] for r in gold_rows).items() if n > 1]
    assert repeated and all(k in catalogue for k in repeated)


def test_core_series_exist(catalogue):
    for key in ("digital_economy_size", "internet_users", "internet_penetration_rate", "fiveg_base_stations"):
        assert key in catalogue
    assert catalogue["fiveg_base_stations"].is_cumulative
    assert not catalogue["internet_penetration_rate"].is_cumulative


def _write(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "indicators.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


GOOD = ["widgets", "小部件", "Widgets", "count", "level", "economy", "false", "小部件|部件数", "Widgets made."]


def test_a_valid_small_catalogue(tmp_path):
    cat = parse_catalogue(_write(tmp_path, [GOOD]))
    assert cat.keys() == ["widgets"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({3: "furlongs"}, "unit 'furlongs'"),
        ({4: "mood"}, "kind 'mood'"),
        ({5: "sport"}, "topic 'sport'"),
        ({6: "yes"}, "is_cumulative"),
        ({0: "Widgets Made"}, "snake_case"),
        ({4: "share"}, "kind share cannot have unit count"),
        ({7: ""}, "empty alias"),
        ({2: ""}, "empty name_en"),
    ],
)
def test_invalid_rows_are_rejected(tmp_path, change, message):
    row = list(GOOD)
    for idx, value in change.items():
        row[idx] = value
    with pytest.raises(CatalogueError, match=re.escape(message)):
        parse_catalogue(_write(tmp_path, [row]))


def test_duplicate_key_rejected(tmp_path):
    with pytest.raises(CatalogueError, match="duplicate indicator_key 'widgets'"):
        parse_catalogue(_write(tmp_path, [GOOD, GOOD]))


def test_alias_claimed_twice_with_same_unit_and_kind_rejected(tmp_path):
    other = ["gadgets", "小工具", "Gadgets", "count", "level", "economy", "false", "小工具|部件数", "Gadgets."]
    with pytest.raises(CatalogueError, match="already claimed by widgets"):
        parse_catalogue(_write(tmp_path, [GOOD, other]))
    # the same wording for a different unit+kind is how a growth rate shares its measure's name
    growth = ["widgets_growth", "小部件增长", "Widgets growth", "percent", "growth", "economy", "false",
              "小部件|部件数", "Growth."]
    assert len(parse_catalogue(_write(tmp_path, [GOOD, growth]))) == 2


def test_alias_collision_after_normalisation_rejected(tmp_path):
    other = ["gadgets", "小工具", "Gadgets", "count", "level", "economy", "false", "我国 部件数", "Gadgets."]
    with pytest.raises(CatalogueError, match="already claimed"):
        parse_catalogue(_write(tmp_path, [GOOD, other]))


def test_bad_header_rejected(tmp_path):
    path = tmp_path / "indicators.csv"
    path.write_text("key,name\nx,y\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="header"):
        parse_catalogue(path)


def test_no_literal_report_figures_in_code():
    for path in (ROOT / "orchestration" / "indicators").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for figure in ("142.5", "10.32", "45.5", "3.55", "39.8", "65.4", "6.08"):
            assert figure not in text, (path, figure)
