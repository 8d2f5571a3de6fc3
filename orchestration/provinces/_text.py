"""Text helpers shared by the province extractors: a whitespace-free view with offsets back into the
original text, line numbers, and sentence spans.

Reports reach us as text cut into pages: a sentence (or a province name, or a number) can be split by
"\n\n" at a page break, and figures are often padded with spaces ("前 10 名"). Matching runs on the
compact view; every position handed back is an offset into the original text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_WS = re.compile(r"\s+")  # str \s covers \u3000 (ideographic space) and \xa0 too
SENTENCE_END = "。！？!?"
_CLOSERS = "”’」』）)】"
# A line this short that does not end a sentence is a heading, a title or a table row, not a
# paragraph cut by a page break (page-break fragments are lines of a paragraph, far longer).
SHORT_LINE = 60
_CONTINUES = "、，,"  # no heading ends with these: the line goes on after the break


def strip_ws(text: str) -> str:
    return _WS.sub("", text)


@dataclass(frozen=True)
class Compact:
    """`text` without whitespace; `offsets[i]` is the original index of `text[i]`."""

    text: str
    offsets: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the compact slice [start, end)."""
        return self.offsets[start], self.offsets[end - 1] + 1


def compact(text: str, start: int = 0, end: int | None = None) -> Compact:
    end = len(text) if end is None else end
    chars, offsets = [], []
    for i in range(start, end):
        c = text[i]
        if not c.isspace():
            chars.append(c)
            offsets.append(i)
    return Compact("".join(chars), offsets)


class LineIndex:
    """1-based line number of an offset."""

    def __init__(self, text: str):
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]


def quote(text: str, start: int, end: int) -> str:
    """The sentence as written, with line breaks (page breaks) taken out; spaces are kept."""
    return re.sub(r"[\r\n]+", "", text[start:end]).strip()


def _block_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph-like blocks: consecutive lines joined across page breaks.

    A line break ends a block when the line before it is complete (ends a sentence), short
    (heading, title), or a table row (holds a tab), or when the next line is a table row.
    """
    blocks: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    prev_body, prev_tab = "", False
    pos = 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        pos = e + 1
        body = raw.strip()
        if not body:
            continue
        tab = "\t" in raw
        if cur is not None and (
            prev_body[-1] in SENTENCE_END + "；;：:" + _CLOSERS
            or (len(prev_body) < SHORT_LINE and prev_body[-1] not in _CONTINUES)
            or prev_tab
            or tab
        ):
            blocks.append(cur)
            cur = None
        cur = (s, e) if cur is None else (cur[0], e)
        prev_body, prev_tab = body, tab
    if cur is not None:
        blocks.append(cur)
    return blocks


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence: blocks split after 。！？ (closing quotes stay with it)."""
    out: list[tuple[int, int]] = []
    for bs, be in _block_spans(text):
        start = bs
        i = bs
        while i < be:
            if text[i] in SENTENCE_END:
                j = i + 1
                while j < be and text[j] in _CLOSERS:
                    j += 1
                out.append((start, j))
                start, i = j, j
                continue
            i += 1
        if text[start:be].strip():
            out.append((start, be))
    # trim surrounding whitespace so spans start and end on text
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed
