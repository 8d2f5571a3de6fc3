"""Is a report complete? A pure check that finds a full text cut short (a download that stopped, a
copy that ran out of disk), before its half-set of figures replaces a complete edition.

Two signals, strongest first:
1. The table of contents (lines "heading ..... page", with dot leaders or a tab before the page
   number) lists headings; in a complete report they appear again, in order, in the body after the
   contents. When the last headings of the contents never appear, the body stops early.
   A heading in the middle that is spelt differently is tolerated: only a missing *tail* counts.
2. The text stops in the middle of a sentence: its last paragraph (glued to the open paragraphs before
   it, since page breaks split sentences) is prose -- 30+ characters, or 20+ with a comma -- that ends
   without closing punctuation. This catches a cut after the last contents heading, or before the
   contents. Figure captions ("图8 …") and short headings are not sentences and never trigger it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..extraction import SourceFileError


class TruncatedReportError(SourceFileError):
    """The report stops before its end; the message names the file, the last heading found and what is missing."""


# "一、党的十九大以来数字中国建设取得显著成就.....	1", "(二) 数据资源价值加快释放.....	3",
# "(一) “互联网+教育”推动优质教育资源共享	27": the heading, dot leaders and/or a tab, the page number.
_TOC_LINE = re.compile(r"^\s*(?P<title>\S.*?\S)\s*(?:[.．…·⋯]{2,}\s*|[.．…·⋯]?\t\s*)(?P<page>\d{1,4})\s*$")
_TOC_HEADINGS = re.compile(r"^\s*目\s*录\s*$")
_KEEP = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")  # what a heading is compared on
_CLOSING = tuple("。！？!?…；;：:”’」』）)】》.")
MIN_TOC_ENTRIES = 3
MIN_SENTENCE_CHARS = 30
_CAPTION = re.compile(r"^(图|表|附图|附表)\s*\d")


@dataclass(frozen=True)
class TocEntry:
    title: str
    page: int
    line: int  # 1-based line in the text


def _key(text: str) -> str:
    """A heading as compared: only CJK ideographs, letters and digits (no spaces, punctuation, dots)."""
    return "".join(_KEEP.findall(text))


def table_of_contents(text: str) -> list[TocEntry]:
    """The entries of the table of contents: the longest run of contents lines (blank lines and part
    titles such as "第二篇" may sit between them). Empty if the text has no contents of 3+ entries."""
    lines = text.split("\n")
    best: list[TocEntry] = []
    run: list[TocEntry] = []
    for number, line in enumerate(lines, start=1):
        found = _TOC_LINE.match(line)
        if found and _key(found.group("title")):
            run.append(TocEntry(found.group("title").strip(), int(found.group("page")), number))
            continue
        # inside a contents block: blank lines, "第二篇", "目 录" do not end it; two prose lines do
        if run and (not line.strip() or len(line.strip()) <= 8 or _TOC_HEADINGS.match(line)):
            continue
        if run:  # a prose line ends the block
            if len(run) > len(best):
                best = run
            run = []
    if len(run) > len(best):
        best = run
    return best if len(best) >= MIN_TOC_ENTRIES else []


def check_complete(text: str, name: str) -> None:
    """Raise TruncatedReportError (naming `name`) if the text stops before its end; return None if it looks whole."""
    toc = table_of_contents(text)
    if toc:
        _check_against_contents(text, name, toc)
    _check_last_sentence(text, name)


def _check_against_contents(text: str, name: str, toc: list[TocEntry]) -> None:
    lines = text.split("\n")
    body_lines = lines[toc[-1].line:]  # everything after the last contents line
    body = _key("\n".join(body_lines))
    position = 0
    last_found: TocEntry | None = None
    missing_tail: list[TocEntry] = []
    for entry in toc:
        at = body.find(_key(entry.title), position)
        if at < 0:
            missing_tail.append(entry)
            continue
        position = at + len(_key(entry.title))
        last_found = entry
        missing_tail = []  # a later heading was found: earlier misses were spelling variants
    if not missing_tail:
        return
    shown = "; ".join(f"“{e.title}” (p. {e.page})" for e in missing_tail[:3])
    more = f" and {len(missing_tail) - 3} more" if len(missing_tail) > 3 else ""
    after = f"the last heading found is “{last_found.title}” (p. {last_found.page})" if last_found else \
        "none of its headings appears after the contents"
    raise TruncatedReportError(
        f"{name}: the report is truncated: its table of contents lists {len(toc)} headings, {after}, "
        f"but {len(missing_tail)} never appear in the text: {shown}{more}; the text ends at line "
        f"{len(lines)} with “{_tail(text)}”")


def _check_last_sentence(text: str, name: str) -> None:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    if not paragraphs or paragraphs[-1].endswith(_CLOSING):
        return
    # A page break splits sentences over paragraphs: glue the open paragraphs before the last one.
    last = paragraphs[-1]
    if _is_caption(last):
        return
    for previous in reversed(paragraphs[:-1]):
        if previous.endswith(_CLOSING) or _is_caption(previous) or len(last) >= MIN_SENTENCE_CHARS:
            break
        last = previous + last
    if not (("，" in last and len(last) >= 20) or len(last) >= MIN_SENTENCE_CHARS):
        return
    raise TruncatedReportError(
        f"{name}: the report is truncated: it stops in the middle of a sentence, without closing "
        f"punctuation: “{_tail(text)}”")


def _is_caption(paragraph: str) -> bool:
    return bool(_CAPTION.match(paragraph)) and "\n" not in paragraph and len(paragraph) < 60


def _tail(text: str, width: int = 30) -> str:
    tail = text.rstrip()[-width:].replace("\n", " ")
    return ("…" if len(text.rstrip()) > width else "") + tail
