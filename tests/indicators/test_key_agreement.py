"""Indicator keys the extractor gives the 2021 statements, against the visible answer key.

Statements are matched to key rows on (line, value, ref_year); among matched rows, the share with
the key's indicator_key and the share with another key are held at the level reached (the hidden
half of the key is measured the same way, so the rules must be general)."""
from __future__ import annotations

from pathlib import Path

import pytest

from orchestration.extraction import extract_statements, read_document
from orchestration.extraction.evaluation import default_key_path, key_agreement, read_key
from orchestration.indicators import match_indicator

REPORT = Path(__file__).resolve().parents[2] / "sources" / "digital_china_development_report_2021.txt"


@pytest.fixture(scope="module")
def agreement():
    statements = extract_statements(read_document(REPORT), 2021, match_indicator)
    return key_agreement(statements, read_key(default_key_path()))


def test_every_key_row_is_matched(agreement):
    assert agreement.matched == 240


def test_same_key_on_most_matched_rows(agreement):
    misses = [(s.line, s.subject, row["indicator_key"], s.indicator_key) for row, s in agreement.none + agreement.different]
    print(f"\nsame {len(agreement.same)}, none {len(agreement.none)}, different {len(agreement.different)}")
    assert agreement.rate(agreement.same) >= 0.99, misses


def test_few_rows_get_another_key(agreement):
    assert agreement.rate(agreement.different) <= 0.005, [
        (s.line, s.subject, row["indicator_key"], s.indicator_key) for row, s in agreement.different]


def test_coverage_of_all_statements(agreement):
    assert agreement.coverage >= 0.99
