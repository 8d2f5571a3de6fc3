"""Headings, the table of contents, and the section tree of a report.

Levels: 1 = part (第一篇, 摘要, 附件), 2 = chapter (一、), 3 = section (（一）). Markdown '#' marks are
accepted in front of any of them. The table of contents (dot leaders, page numbers) is not a
section and holds no statements.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .text import classify_line

CN_DIGITS = "零〇一二两三四五六七八九十百"
_MD = r"^\s*(?:#{1,6}\s*)?(?:\*\*)?\s*"
_LEVEL1 = re.compile(_MD + r"(第[" + CN_DIGITS + r"\d]+[篇部分章]|摘\s*要|前\s*言|引\s*言|附\s*件|附\s*录|结\s*语)"
                     r"(?:[\s:：].{0,40})?\s*(?:\*\*)?\s*$")
_LEVEL2 = re.compile(_MD + r"[" + CN_DIGITS + r"]{1,3}\s*[、.．]\s*\S.{0,60}$")
_LEVEL3 = re.compile(_MD + r"[（(]\s*[" + CN_DIGITS + r"]{1,3}\s*[）)]\s*\S.{0,60}$")
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s+(\S.{0,80})$")
# A table-of-contents entry: dot leaders or a tab, then a page number at the end of the line.
_TOC_ENTRY = re.compile(r"(?:\.{2,}|…{1,}|·{3,}|\t)\s*\d{1,4}\s*$")
_TOC_TITLE = re.compile(r"^\s*(?:#{1,6}\s*)?目\s*录\s*$")
_ENDS_SENTENCE = re.compile(r"[。；;！？!?]\s*(?:\*\*)?\s*$")


@dataclass
class Section:
    path: str
    title: str
    level: int
    line_start: int
    line_end: int


def heading_level(line: str) -> int:
    """1, 2 or 3 for a heading line, 0 otherwise. Headings are short and do not end a sentence."""
    if len(line.strip()) > 70 or _ENDS_SENTENCE.search(line) or _TOC_ENTRY.search(line):
        return 0
    for level, pattern in ((1, _LEVEL1), (2, _LEVEL2), (3, _LEVEL3)):
        if pattern.match(line):
            return level
    md = _MD_HEADING.match(line)
    if md and not re.search(r"[，,]", md.group(2)):
        return min(len(md.group(1)), 3)
    return 0


def is_toc_entry(line: str) -> bool:
    return bool(_TOC_ENTRY.search(line)) and len(line.strip()) < 90


def line_kinds(lines: list[str]) -> list[str]:
    """One kind per line: blank, toc, heading, caption, noise or prose. Lines between a 目录 title and
    the first prose paragraph after it are all TOC (its part titles have no page numbers)."""
    kinds = [classify_line(line, heading_level, is_toc_entry) for line in lines]
    in_toc = False
    for i, line in enumerate(lines):
        if _TOC_TITLE.match(line):
            in_toc = True
            kinds[i] = "toc"
            continue
        if in_toc:
            # The contents end at the first prose line, or at a chapter/section heading with no page
            # number (part titles such as 第一篇 appear in the contents without one).
            if kinds[i] in ("prose", "caption") or kinds[i] == "heading" and heading_level(line) > 1:
                in_toc = False
                if kinds[i] == "heading":
                    # the part title just before the first real chapter heading is real too
                    j = i - 1
                    while j > 0 and kinds[j] == "blank":
                        j -= 1
                    if kinds[j] == "toc" and heading_level(lines[j]) == 1:
                        kinds[j] = "heading"
            elif kinds[i] != "blank":
                kinds[i] = "toc"
    return kinds


def _clean_title(line: str) -> str:
    title = re.sub(r"^\s*#{1,6}\s*", "", line.strip())
    return title.replace("**", "").strip()


def extract_sections(document, kinds: list[str] | None = None) -> list[Section]:
    """The heading tree of the document, in order. `path` joins the titles with " › "."""
    lines = document.lines
    kinds = kinds if kinds is not None else line_kinds(lines)
    found: list[Section] = []
    stack: list[Section] = []
    toc_starts = []
    for number, (line, kind) in enumerate(zip(lines, kinds), start=1):
        if _TOC_TITLE.match(line):
            # The table of contents closes every open section; it belongs to none.
            toc_starts.append(number)
            stack.clear()
            continue
        if kind != "heading":
            continue
        level = heading_level(line)
        title = _clean_title(line)
        while stack and stack[-1].level >= level:
            stack.pop()
        path = " › ".join([s.title for s in stack] + [title])
        section = Section(path=path, title=title, level=level, line_start=number, line_end=len(lines))
        found.append(section)
        stack.append(section)
    # A section ends where the next section of the same or a higher level starts.
    for i, section in enumerate(found):
        for later in found[i + 1:]:
            if later.level <= section.level:
                section.line_end = later.line_start - 1
                break
        for toc in toc_starts:
            if section.line_start < toc <= section.line_end:
                section.line_end = toc - 1
    return found


class SectionIndex:
    """The section path of a line (innermost section holding it; "" before the first heading)."""

    def __init__(self, sections: list[Section]):
        self.sections = sections
        self.starts = [s.line_start for s in sections]

    def path_of(self, line: int) -> str:
        from bisect import bisect_right

        i = bisect_right(self.starts, line) - 1
        while i >= 0:
            s = self.sections[i]
            if s.line_start <= line <= s.line_end:
                return s.path
            i -= 1
        return ""
