"""Property-based tests: arbitrary text never crashes the extractor; offsets point at the figure."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchestration.extraction import KINDS, QUALIFIERS, UNITS, extract_sections, extract_statements, read_document

_PIECES = st.sampled_from([
    "截至", "2021年底", "年", "，", "。", "、", "：", "（", "）", "《", "》", "“", "”", "\n", "\n\n", " ", "**", "第",
    "前", "近", "超过", "约", "余", "多", "以上", "左右", "以内", "分别", "均", "由", "从", "增长至", "比上年", "同比增长",
    "万", "亿", "千", "万亿", "个", "家", "户", "%", "％", "个百分点", "倍", "元", "美元", "ZB", "第二", "位居世界", "三分之一",
    "八成", "一半", "十二", "三千万", "5G", "ipv6", "3-5", "1,234", "１２３", "12.5", "0", "99", "一、", "（一）", "图1",
    "目 录", ".....", "\t12", "¹", "网民规模", "基站", "行政村", "达", "是2017年的", "以来", "评估", "省（区、市）",
])
_TEXT = st.one_of(st.lists(_PIECES, max_size=60).map("".join), st.text(max_size=300))


def _write(text: str) -> Path:
    handle = tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False)
    handle.write(text.encode("utf-8"))
    handle.close()
    return Path(handle.name)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_arbitrary_text_never_crashes_and_offsets_hold(text):
    if not text.strip():
        return
    path = _write(text)
    try:
        document = read_document(path)
    except Exception as exc:  # only the documented error is allowed
        from orchestration.extraction import SourceFileError

        assert isinstance(exc, SourceFileError)
        return
    finally:
        path.unlink()
    extract_sections(document)
    for s in extract_statements(document, 2022):
        figure = document.text[s.char_start:s.char_end]
        assert figure and s.char_start < s.char_end
        assert re.search(r"[0-9０-９一二两三四五六七八九十百千首榜最半]", figure), figure
        assert 1 <= s.line <= len(document.lines)
        assert document.text.count("\n", 0, s.char_start) + 1 == s.line
        assert s.unit in UNITS and s.qualifier in QUALIFIERS and s.kind in KINDS
        assert s.quote


@settings(max_examples=200, deadline=None)
@given(subject=st.sampled_from(["网民规模", "基站总数", "平台用户", "企业数量"]),
       verb=st.sampled_from(["达", "达到", "为", ""]),
       number=st.decimals(min_value=1, max_value=9999, places=2).map(lambda d: format(d.normalize(), "f")),
       scale=st.sampled_from([("", 1), ("万", 1e4), ("亿", 1e8), ("万亿", 1e12)]),
       unit=st.sampled_from([("个", "count"), ("户", "count"), ("元", "yuan"), ("%", "percent")]),
       space=st.sampled_from(["", " "]))
def test_generated_sentence_value_and_span(subject, verb, number, scale, unit, space):
    if unit[1] == "percent":
        scale = ("", 1)
    figure = f"{number}{space}{scale[0]}{unit[0]}"
    path = _write(f"前言\n\n{subject}{verb}{space}{figure}。\n")
    try:
        statements = extract_statements(read_document(path), 2022)
    finally:
        path.unlink()
    assert len(statements) == 1
    s = statements[0]
    assert abs(s.value - float(number) * scale[1]) <= 1e-6 * max(1, s.value)
    assert s.unit == unit[1] and s.line == 3 and s.ref_year == 2022
    assert path.name not in s.quote
    text = f"前言\n\n{subject}{verb}{space}{figure}。\n"
    assert text[s.char_start:s.char_end] == figure
