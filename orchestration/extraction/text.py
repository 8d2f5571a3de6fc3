"""Text plumbing: a length-preserving normalisation, the line index, and paragraphs joined across
page breaks with a map back to offsets in the original text.

Every transformation here keeps one character for one character, or records where each piece came
from, so a figure found in a joined paragraph still maps to `document.text[start:end]`.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Full-width digits, Latin letters and the few symbols that matter to numbers -> ASCII. One character
# to one character, so offsets are unchanged. Full-width comma/colon/parentheses stay: they are
# Chinese punctuation and the clause splitter knows them.
_FULLWIDTH = {0xFF10 + i: ord("0") + i for i in range(10)}
_FULLWIDTH.update({0xFF21 + i: ord("A") + i for i in range(26)})
_FULLWIDTH.update({0xFF41 + i: ord("a") + i for i in range(26)})
_FULLWIDTH.update({ord("％"): "%", ord("．"): ".", ord("＋"): "+", ord("－"): "-", ord("～"): "~", ord("／"): "/",
                   ord("\u3000"): " ", ord("\u00a0"): " ", ord("\u2014"): "-", ord("\u2013"): "-",
                   ord("\u2212"): "-", ord("\u2022"): "·", ord("\u30fb"): "·", ord("\uff0e"): "."})


_NEEDS_NORMALISING = re.compile("[" + "".join(chr(c) for c in _FULLWIDTH) + "]")


def normalise(text: str) -> str:
    """Same length as `text`; full-width digits/letters/percent become ASCII."""
    # translate() walks every character; most reports have no full-width digits at all.
    return text.translate(_FULLWIDTH) if _NEEDS_NORMALISING.search(text) else text


class LineIndex:
    """1-based line number of an offset (lines split on \\n, as sed counts)."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset)

    def bounds(self, line: int, text: str) -> tuple[int, int]:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(text)
        if end > start and text[end - 1] == "\r":
            end -= 1
        return start, end


@dataclass
class Paragraph:
    """Lines joined into one logical paragraph. `text` is the normalised joined text; `segments`
    holds (offset in joined text, offset in original, length) for each piece."""
    text: str
    segments: list
    first_line: int
    kind: str  # "prose", "heading", "caption", "toc"

    def __post_init__(self):
        self._starts = [s[0] for s in self.segments]

    def to_original(self, pos: int) -> int:
        i = max(0, bisect_right(self._starts, pos) - 1)
        joined_start, original_start, length = self.segments[i]
        return original_start + min(pos - joined_start, length)

    def to_original_end(self, pos: int) -> int:
        """Offset in the original of the end of a span ending at `pos` (exclusive)."""
        if pos <= 0:
            return self.to_original(0)
        return self.to_original(pos - 1) + 1


# Sentence-final punctuation: a line ending with one does not continue on the next line.
_TERMINAL = tuple("。！？!?；;：:”」』）)】")
_FOOTNOTE = re.compile(r"^\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")
_PAGE_NUMBER = re.compile(r"^\s*[-—–]?\s*\d{1,4}\s*[-—–]?\s*$")
_CAPTION = re.compile(r"^\s*(?:图|表|Figure|Table)\s*\d+[\s\S]{0,80}$|^\s*(?:数据)?来源[:：]|^\s*注[:：]|^\s*■")


def classify_line(line: str, is_heading, is_toc) -> str:
    if not line.strip():
        return "blank"
    if is_toc(line):
        return "toc"
    if is_heading(line):
        return "heading"
    if _CAPTION.match(line):
        return "caption"
    if _FOOTNOTE.match(line) or _PAGE_NUMBER.match(line):
        return "noise"
    return "prose"


def build_paragraphs(text: str, kinds: list[str]) -> list[Paragraph]:
    """Join prose lines into paragraphs. A prose line that does not end a sentence continues on the
    next prose line, even across blank lines, footnotes and page numbers (a page break)."""
    norm = normalise(text)
    index = LineIndex(text)
    paragraphs: list[Paragraph] = []
    current: list[tuple[int, int, int]] = []  # (line, start, end) in the original

    def flush():
        if current:
            segments, parts, pos = [], [], 0
            for _line, s, e in current:
                segments.append((pos, s, e - s))
                parts.append(norm[s:e])
                pos += e - s
            paragraphs.append(Paragraph("".join(parts), segments, current[0][0], "prose"))
            current.clear()

    for number, kind in enumerate(kinds, start=1):
        if kind in ("blank", "noise"):
            continue
        start, end = index.bounds(number, text)
        # Strip the line's own leading/trailing blanks (offsets follow).
        while start < end and text[start] in " \t\u3000\ufeff":
            start += 1
        while end > start and text[end - 1] in " \t\u3000\r":
            end -= 1
        if kind != "prose":
            flush()
            paragraphs.append(Paragraph(norm[start:end], [(0, start, end - start)], number, kind))
            continue
        if current and text[current[-1][1]:current[-1][2]].rstrip("*_ ")[-1:] in _TERMINAL:
            flush()
        current.append((number, start, end))
    flush()
    return paragraphs


# --- sentences and clauses ------------------------------------------------------------------------
_SENTENCE_END = re.compile(r"[。！？!?]+")
# Clause ends: Chinese comma/semicolon/colon; an ASCII comma only when it is not a thousands separator.
_CLAUSE_END = re.compile(r"[，；;：:。！？!?]|,(?!\d{3})")
# A comma inside short parentheses separates words of the aside ("14 省（区，市）"), not clauses.
_ASIDE = re.compile(r"[（(][^（()）。！？!?]{1,12}[）)]")


class Boundaries:
    """Sentence and clause spans of a paragraph text, looked up by offset."""

    def __init__(self, text: str):
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        asides = Spans([(m.start(), m.end()) for m in _ASIDE.finditer(text)])
        self.clause_starts = [0] + [m.end() for m in _CLAUSE_END.finditer(text) if m.start() not in asides]
        self.length = len(text)

    @staticmethod
    def _span(starts: list[int], pos: int, length: int) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        return starts[i], starts[i + 1] if i + 1 < len(starts) else length

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._span(self.sentence_starts, pos, self.length)

    def clause(self, pos: int) -> tuple[int, int]:
        return self._span(self.clause_starts, pos, self.length)


_BRACKETS = re.compile(r"[（(][^（()）]*[）)]|《[^《》]*》|〈[^〈〉]*〉")


def bracket_spans(text: str) -> Spans:
    """Spans of parentheses and title marks: figures inside them explain (1EB=1024PB) or name
    (《…2035年…》) something, they are not statements."""
    return Spans([(m.start(), m.end()) for m in _BRACKETS.finditer(text)])


class Spans:
    """Sorted, non-overlapping spans with a fast "is this offset strictly inside one" test."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] < pos < self.spans[i][1]


def inside(spans: "Spans", pos: int) -> bool:
    return pos in spans
