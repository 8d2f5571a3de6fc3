"""The truncation detector (pure): the real 2021 text passes; cut anywhere in its body it is caught."""
import random

import pytest

from orchestration.editions.integrity import TruncatedReportError, check_complete, table_of_contents
from orchestration.extraction import SourceFileError
from tests.conftest import REPORT_2021

TEXT = REPORT_2021.read_text(encoding="utf-8")


def test_the_complete_report_passes_and_its_contents_are_found():
    toc = table_of_contents(TEXT)
    assert len(toc) > 50 and toc[0].title.startswith("一、") and toc[-1].page == 56
    check_complete(TEXT, "report.txt")
    check_complete(TEXT + "\n\n图9 结语\n", "report.txt")  # ending on a caption is not a cut


def test_the_report_cut_at_half_names_the_file_the_last_heading_and_what_is_missing():
    with pytest.raises(TruncatedReportError) as err:
        check_complete(TEXT[: len(TEXT) // 2], "digital_china_development_report_2021.txt")
    message = str(err.value)
    assert isinstance(err.value, SourceFileError)
    assert message.startswith("digital_china_development_report_2021.txt: the report is truncated")
    assert "the last heading found is “(六) 电子政务推动行政服务能力不断增强” (p. 26)" in message
    assert "“八、数字社会建设提升群众获得感幸福感安全感” (p. 27)" in message and "never appear" in message


def test_a_cut_after_the_last_contents_heading_is_caught_by_the_open_sentence():
    cut = TEXT[: int(len(TEXT) * 0.99)]
    with pytest.raises(TruncatedReportError, match="stops in the middle of a sentence"):
        check_complete(cut, "r.txt")


def test_random_cuts_are_caught():
    """Generated inputs: 200 cuts at random offsets. Cuts that end exactly at a sentence or caption in the
    annex (after the last contents heading) look complete and cannot be told apart; allow a few."""
    rng = random.Random(7)
    missed = []
    for _ in range(200):
        at = rng.randint(200, len(TEXT) - 50)
        try:
            check_complete(TEXT[:at], "r.txt")
            missed.append(at)
        except TruncatedReportError:
            pass
    assert len(missed) <= 10, missed


def test_a_text_without_contents_that_ends_cleanly_passes():
    check_complete("数字中国发展报告（2030年）\n\n一、总体情况\n\n全年数字经济规模达到 60 万亿元，同比增长 8%。\n", "x.txt")
    with pytest.raises(TruncatedReportError):
        check_complete("数字中国发展报告（2030年）\n\n一、总体情况\n\n全年数字经济规模达到 60 万亿元，同比增长 8%，其中数字产业化规模达到",
                       "x.txt")
