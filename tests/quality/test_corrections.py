"""sources/corrections.yml: loading, validation, and the loud failure of an obsolete entry."""
from pathlib import Path

import pandas as pd
import pytest

from orchestration.corrections import (CorrectionsError, ObsoleteCorrectionError, corrections_frame,
                                       load_corrections)
from orchestration.indicators.curated import read_curated_sheet

ROOT = Path(__file__).resolve().parents[2]
ENTRY = """corrections:
  - id: C2022-99
    edition_year: 2022
    indicator_key: big_data_industry_size
    ref_year: 2022
    value_as_stated: 157000000
    corrected_value: 1570000000000
    reason: unit slip
    evidence: ["a citation"]
"""


def _frames(value: float) -> dict[str, pd.DataFrame]:
    return {"curated_facts": pd.DataFrame([{"indicator_key": "big_data_industry_size", "ref_year": 2022,
                                            "value": value}])}


def test_entry_loads_with_its_line(tmp_path):
    path = tmp_path / "corrections.yml"
    path.write_text(ENTRY, encoding="utf-8")
    (c,) = load_corrections(path)
    assert (c.id, c.edition_year, c.value_as_stated, c.corrected_value, c.line) == (
        "C2022-99", 2022, 157000000.0, 1570000000000.0, 2)
    frame = corrections_frame(2022, _frames(1.57e8), [c])
    assert frame.loc[0, "correction_id"] == "C2022-99" and frame.loc[0, "corrected_value"] == 1.57e12
    assert corrections_frame(2021, _frames(1.57e8), [c]).empty  # another edition: not its correction


def test_obsolete_entry_fails_loudly_naming_it(tmp_path):
    path = tmp_path / "corrections.yml"
    path.write_text(ENTRY, encoding="utf-8")
    corrections = load_corrections(path)
    with pytest.raises(ObsoleteCorrectionError, match=r"C2022-99.*source was fixed, remove the correction"):
        corrections_frame(2022, _frames(1.57e12), corrections)  # the sheet now states the right value


@pytest.mark.parametrize("broken, message", [
    (ENTRY.replace("    reason: unit slip\n", ""), "missing reason"),
    (ENTRY.replace("ref_year: 2022", "ref_year: soon"), "ref_year must be a year"),
    (ENTRY.replace("value_as_stated: 157000000", "value_as_stated: 1.57亿"), "value_as_stated must be a number"),
    (ENTRY + "    colour: red\n", "unknown key"),
    (ENTRY + ENTRY.split("corrections:\n")[1], "duplicate correction id"),
])
def test_malformed_entries_are_rejected(tmp_path, broken, message):
    path = tmp_path / "corrections.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(CorrectionsError, match=message):
        load_corrections(path)


def test_no_file_means_no_corrections(tmp_path):
    assert load_corrections(tmp_path / "corrections.yml") == []


def test_every_entry_of_the_project_is_still_needed():
    """Each correction's value as stated still appears in its edition's curated sheet (else the build fails)."""
    corrections = load_corrections(ROOT / "sources" / "corrections.yml")
    assert {c.id for c in corrections} >= {"C2022-01", "C2018-01"}
    for c in corrections:
        sheet = ROOT / "sources" / "curated" / f"digital_china_{c.edition_year}_curated.yml"
        frames = read_curated_sheet(sheet)
        assert len(corrections_frame(c.edition_year, frames, [c])) == 1
