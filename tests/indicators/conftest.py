from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
CURATED_DIR = ROOT / "sources" / "curated"
GOLD = ROOT / "tests" / "data" / "gold_2021_visible.csv"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def catalogue():
    from orchestration.indicators import load_catalogue

    return load_catalogue()


@pytest.fixture(scope="session")
def gold_rows():
    return read_csv(GOLD)


@pytest.fixture(scope="session")
def curated_tables():
    import pandas as pd

    from orchestration.indicators.curated import read_curated_sheet

    tables = [read_curated_sheet(p) for p in sorted(CURATED_DIR.glob("digital_china_*_curated.yml"))]
    return {
        name: pd.concat([t[name] for t in tables], ignore_index=True)
        for name in ("curated_facts", "curated_rankings")
    }
