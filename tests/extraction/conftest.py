"""Shared helpers of the extraction tests: write a text to a temporary file and read it back."""
from __future__ import annotations

import pytest

from orchestration.extraction import extract_statements, read_document
from orchestration.settings import PROJECT_ROOT

REPORT_2021 = PROJECT_ROOT / "sources" / "digital_china_development_report_2021.txt"
GOLD_2021 = PROJECT_ROOT / "tests" / "data" / "gold_2021_visible.csv"


@pytest.fixture
def extract(tmp_path):
    """extract("text", edition=2022) -> (document, statements) for a UTF-8 .txt file."""
    counter = {"n": 0}

    def run(text: str, edition: int = 2022, name: str | None = None, encoding: str = "utf-8"):
        counter["n"] += 1
        path = tmp_path / (name or f"doc{counter['n']}.txt")
        path.write_bytes(text.encode(encoding))
        document = read_document(path)
        return document, extract_statements(document, edition)

    return run


@pytest.fixture(scope="session")
def report_2021():
    return read_document(REPORT_2021)
