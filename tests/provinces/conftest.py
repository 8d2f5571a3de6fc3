"""Shared inputs of the province tests: the pipeline's copy of the 2021 full text (sources/)."""
from __future__ import annotations

import pytest

from orchestration.settings import PROJECT_ROOT

REPORT_2021 = "digital_china_development_report_2021.txt"


@pytest.fixture(scope="session")
def text_2021() -> str:
    return (PROJECT_ROOT / "sources" / REPORT_2021).read_text(encoding="utf-8")
