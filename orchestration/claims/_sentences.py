"""The plumbing of relations.py: the prose paragraphs of a document (joined across page breaks exactly as
the extractor joins them) with the figures they hold, looked up by sentence and clause.

A Fig is one figure as written: the statements the extractor made of it (a figure shared by several
subjects gives several statements on one span: the first one stands for all), or a figure read from the
text where no statement holds it (in brackets, or the size of a group: statement_no None).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from orchestration.extraction.numbers import find_figures
from orchestration.extraction.sections import line_kinds
from orchestration.extraction.text import Boundaries, LineIndex, build_paragraphs
from orchestration.indicators.normalise import normalise_subject

MAX_QUOTE = 200
_NOT_COUNTER = re.compile(r"[\d.,，\s]|余|多|万|亿|千|百|十|[约近超逾]")
_QUOTE_TRIM = " \t\u3000*，。；：,;:"
LIST_GAP = re.compile(r"^[ \t]*(?:、|和|及|与|以及)[ \t]*$")


@dataclass(frozen=True)
class Fig:
    no: int | None          # 1-based statement_no, None when read from the text
    start: int              # offsets in the paragraph text
    end: int
    value: float
    unit: str
    kind: str
    qualifier: str
    subject: str
    printed: str            # document.text[char_start:char_end]
    char_start: int
    char_end: int
    ref_year: int | None = None
    is_range: bool = False
    nos: tuple[int, ...] = ()  # every statement on the span (shared subjects, the ends of a range)

    @property
    def counter(self) -> str:
        """The measure word as written ("193个" -> 个, "420万架" -> 架; "" for a bare number or a unit)."""
        return _NOT_COUNTER.sub("", self.printed)


class Para:
    """One prose paragraph: its (normalised) text, sentences, clauses and figures in order."""

    def __init__(self, document, paragraph, lines: LineIndex, figs: list[Fig]):
        self.document, self.paragraph, self.lines = document, paragraph, lines
        self.text = paragraph.text
        self.bounds = Boundaries(self.text)
        self.figs = sorted(figs, key=lambda f: f.start)
        self._text_figs: list[Fig] | None = None

    # --- spans ------------------------------------------------------------------------------------
    def sentence(self, pos: int) -> tuple[int, int]:
        return self.bounds.sentence(pos)

    def clause(self, pos: int) -> tuple[int, int]:
        return self.bounds.clause(pos)

    def clause_before(self, pos: int) -> tuple[int, int] | None:
        """The clause before the one holding pos, if it is in the same sentence."""
        cs, _ = self.clause(pos)
        if cs == 0 or self.sentence(cs - 1)[0] != self.sentence(pos)[0]:
            return None
        return self.clause(cs - 1)

    def prefix(self, fig: Fig) -> str:
        """The clause text before a figure."""
        return self.text[self.clause(fig.start)[0]:fig.start]

    def figs_in(self, lo: int, hi: int) -> list[Fig]:
        return [f for f in self.figs if lo <= f.start < hi]

    def previous(self, fig: Fig) -> Fig | None:
        """The figure just before `fig` in its sentence."""
        earlier = self.figs_in(self.sentence(fig.start)[0], fig.start)
        return earlier[-1] if earlier else None

    def naming(self, fig: Fig) -> str:
        """The words that name what a figure measures: from the figure before it in the sentence (or the
        sentence start) to the figure ("甲类收入保持较快增长，乙类服务收入增速领先，同比增长")."""
        before = self.previous(fig)
        return self.text[before.end if before else self.sentence(fig.start)[0]:fig.start]

    def names(self, fig: Fig, name: str) -> bool:
        """Whether the words naming `fig` end with `name` (normalised), only measure words after it: the
        growth of 乙类服务收入 is "乙类服务收入增速领先，同比增长", not "…收入中的丙类收入增长"."""
        wanted = normalise_subject(name)
        if len(wanted) < 2:
            return False
        for text in (self.naming(fig), fig.subject):
            said = normalise_subject(text)
            at = said.rfind(wanted)
            if at >= 0 and not re.search(r"的|中|之", said[at + len(wanted):]) and len(said) - at - len(wanted) <= 12:
                return True
        return False

    def respective_figures(self, lo: int, hi: int) -> list[Fig]:
        """The figures of the first 分别 clause holding figures in text[lo:hi], no figure before it: ≥ 2 of
        one unit joined by 、/和 ("分别同比增长 a 和 b"); else []."""
        at = self.text.find("分别", lo, hi)
        while at >= 0 and not self.figs_in(at, self.clause(at)[1]):
            at = self.text.find("分别", self.clause(at)[1], hi)
        figs = self.figs_in(at, self.clause(at)[1]) if at >= 0 else []
        if at < 0 or self.figs_in(lo, at) or len(figs) < 2 or len({f.unit for f in figs}) > 1 or \
                any(f.is_range for f in figs) or not all(LIST_GAP.match(self.text[a.end:b.start])
                                                         for a, b in zip(figs, figs[1:])):
            return []
        return figs

    def text_figures(self) -> list[Fig]:
        """Every figure of the paragraph read from the text (statement or not) with a value and a unit."""
        if self._text_figs is None:
            self._text_figs = []
            for f in find_figures(self.text):
                if f.value is None or f.unit is None or f.is_range or f.form not in ("arabic", "chinese", "fraction"):
                    continue
                held = next((g for g in self.figs if g.start == f.start), None)
                self._text_figs.append(held or self._read(f.start, f.end, f.value, f.unit))
        return self._text_figs

    def _read(self, start: int, end: int, value: float, unit: str) -> Fig:
        cs, ce = self.paragraph.to_original(start), self.paragraph.to_original_end(end)
        return Fig(None, start, end, value, unit, "", "exact", "", self.document.text[cs:ce], cs, ce)

    def starts_with(self, lo: int, pattern: str) -> bool:
        return bool(re.match(r"[ \t*]*(?:" + pattern + ")", self.text[lo:]))

    # --- output -----------------------------------------------------------------------------------
    def line_of(self, fig: Fig) -> int:
        return self.lines.line_of(fig.char_start)

    def locate(self, anchor: Fig, involved: list[Fig], claimed: bool) -> tuple[int, int, int, str]:
        """(line, char_start, char_end, quote): the sentence holding the claim (`anchor`), or, for a
        relation with no claim statement, the sentences from the first figure involved to the last. The
        quote is cut to the anchor's line (a page break) and, when long, to the clauses involved."""
        figs = [anchor] if claimed else [anchor, *involved]
        lo = min(self.sentence(f.start)[0] for f in figs)
        hi = max(self.sentence(f.start)[1] for f in figs)
        start, end = self._original(lo, hi)
        line = self.line_of(anchor)
        quote = self._cut(start, end, line)
        if len(quote) > MAX_QUOTE:
            inside = [f for f in [anchor, *involved] if lo <= f.start < hi]
            quote = self._cut(*self._original(min(self.clause(f.start)[0] for f in inside),
                                              max(self.clause(f.start)[1] for f in inside)), line)
        if len(quote) > MAX_QUOTE:
            at = max(0, quote.find(anchor.printed))
            cut = max(0, min(at - MAX_QUOTE // 2, len(quote) - MAX_QUOTE))
            quote = quote[cut:cut + MAX_QUOTE]
        return line, start, end, quote

    def _original(self, lo: int, hi: int) -> tuple[int, int]:
        while hi > lo and self.text[hi - 1] in _QUOTE_TRIM:
            hi -= 1
        while lo < hi and self.text[lo] in _QUOTE_TRIM:
            lo += 1
        return self.paragraph.to_original(lo), self.paragraph.to_original_end(hi)

    def _cut(self, start: int, end: int, line: int) -> str:
        ls, le = self.lines.bounds(line, self.document.text)
        return self.document.text[max(start, ls):min(end, le)].strip(_QUOTE_TRIM)


def paragraphs(document, statements) -> list[Para]:
    """The prose paragraphs, each with the figures of its statements (statement_no = 1-based index)."""
    text = document.text
    lines = LineIndex(text)
    prose = [p for p in build_paragraphs(text, line_kinds(document.lines)) if p.kind == "prose"]
    segments = sorted((orig, orig + length, i, joined) for i, p in enumerate(prose)
                      for joined, orig, length in p.segments)
    seg_starts = [s[0] for s in segments]
    spans: dict[tuple[int, int], list] = {}  # (paragraph, start) -> [(no, statement)]
    for no, s in enumerate(statements, start=1):
        k = bisect_right(seg_starts, s.char_start) - 1
        if k < 0 or not segments[k][0] <= s.char_start < segments[k][1]:
            continue
        orig, _end, i, joined = segments[k]
        spans.setdefault((i, joined + s.char_start - orig), []).append((no, s))
    figs: dict[int, list[Fig]] = {}
    for (i, start), held in spans.items():
        no, s = held[0]
        figs.setdefault(i, []).append(Fig(
            no, start, start + s.char_end - s.char_start, s.value, s.unit, s.kind, s.qualifier, s.subject,
            text[s.char_start:s.char_end], s.char_start, s.char_end, s.ref_year,
            is_range=len({x.value for _, x in held}) > 1, nos=tuple(n for n, _ in held)))
    return [Para(document, paragraph, lines, figs.get(i, [])) for i, paragraph in enumerate(prose)]


# --- wording: the words the rules of relations.py read -------------------------------------------
PCT, PP = "percent", "percentage_points"
# words stating a fall, a lower figure or a lower rate (direction −1, or the lower figure second)
DOWN = ("下降", "降低", "减少", "回落", "缩小", "下滑", "低于", "小于", "少于", "慢于", "落后", "落后于", "低", "少", "小", "慢")
# a name that already names a rate ("工业增加值两年平均增速"): a missing input is labelled by it alone
RATE_END = ("增速", "增幅", "增长率", "比例", "比重", "占比", "率")
# "占比较上年同期提高": the share's own change (the clause before a 个百分点 figure), a clause of its own right after the share ("比重为 20%，较上年提高 1.5 个百分点")
SHARE_CHANGE = re.compile(r"(?:(?:占比|比重|份额)|^)[ \t]*(?:(?:较|比)[ \t]*(?:上年|去年|上一年)(?:同期|末|底)?)?[ \t]*"
                          r"(?P<verb>提高|上升|增加|提升|扩大|下降|降低|减少|回落|缩小|下滑)了?[ \t]*$")
# "占乙类收入的", "在乙类收入中占": the whole a share is of (the clause before the share)
WHOLE_OF = re.compile(r"(?:占(?!比)[ \t]*(?P<w>[^，。；：\d占、]{2,24}?)|在[ \t]*(?P<w2>[^，。；：\d]{2,24}?)[ \t]*"
                      r"(?:之中|当中|中)[ \t]*占)[ \t]*的?[ \t]*(?:比重|比例|份额)?[ \t]*的?[ \t]*"
                      r"(?:为|达到|达|约|超过|接近|近)?[ \t]*$")
# "占比达到总量的": a share of the total of the measure itself
GENERIC_WHOLE = ("总量", "总数", "总规模", "全部", "总体", "整体")
OF_TOTAL = re.compile(r"占比?[ \t]*(?:达到|达|为|超过|约|近)?[ \t]*(?:" + "|".join(GENERIC_WHOLE) + r")[ \t]*的?[ \t]*"
                      r"(?:比重|比例|份额)?[ \t]*(?:达到|达|为|超过|约|近|接近)?[ \t]*$")
# "总数增长 30%": the growth of a total
TOTAL_WORDS = ("总数", "总量", "数量", "规模", "总规模")
# "81 家上市公司中，": a group of counted items a share is taken in (not 其中, 集中, 心中)
GROUP = re.compile(r"(?P<num>\d+(?:,\d{3})*)[ \t]*(?:万|亿)?[ \t]*(?:家|个|所|座|项|款|名|位|人|户|种|类|条)"
                   r"(?P<noun>[^，。；：、\d“”]{1,16}?)(?<![其集空心期])(?:当中|之中|中)"
                   r"(?=[ \t]*(?:[，,：]|有|约有|共有|超过|近))")
# words of a share that is not a share of the group's items (a revenue share among 81 companies)
AMOUNT = re.compile(r"收入|营收|营业|规模|产值|金额|投入|销售|利润|资产|市值|产量|流量|额")
# "使用率最高", "增长最快的": not 最大限度, 最高人民法院
SUPERLATIVE = re.compile(r"最(?:为)?(?P<w>高|多|大|快|广|强|普遍|常用|低|少|小|慢)(?!限度|程度|化|值|人民|法院|检察)"
                         r"(?P<of>[ \t]*的)?")
COMPARE = re.compile(r"高于|大于|多于|快于|低于|小于|少于|慢于|比")
# "比 B（b）高": the adjective closing a 比 comparison
THAN_TAIL = re.compile(r"[ \t]*[）)]?[ \t]*(?:还|更|略|明显|显著)?[ \t]*(?P<v>高|多|大|快|低|少|小|慢)(?!于)")
# "高出 B", "低于 B" / "比 B 高" right before a 个百分点 figure; B is what the subject is compared with
DIFF_AFTER = re.compile(r"(?P<verb>高出|高于|快于|领先于|领先|低于|慢于|落后于|落后)[ \t]*(?P<b>[^，。；：、\d]{1,30}?)"
                        r"[ \t]*了?[ \t]*$")
DIFF_THAN = re.compile(r"比[ \t]*(?P<b>[^，。；：、\d]{1,30}?)[ \t]*(?<![提降减])(?P<verb>高出|高|快|多出|多|低|慢|少)了?[ \t]*$")
# a B that is a time ("比上年", "较上年同期"): a change over time, not a comparison of two figures
TIME_BASE = re.compile(r"上年|去年|前年|同期|上一年|上半年|年初|年末|年底|以前|此前|过去|往年|上月|上季|较")
# "达 X", "达到了 X", "分别达 a、b", "达到总量的 X" (not 发达, 到达, 表达…)
REACH = re.compile(r"(?<![发表到传下抵送直通转雷])达(?:到)?了?[ \t]*(?:约|近|接近|超过|逾)?[ \t]*(?P<of>[^，。；：、\d#]{1,8}的)?"
                   r"[ \t]*(?:#[ \t]*(?:、|和|及|与)[ \t]*)*$")


# --- small tests on figures -----------------------------------------------------------------------
def plain(fig: Fig | None, *units: str, kinds: tuple[str, ...] = ()) -> bool:
    """A single figure (not a range) of one of the units (and kinds)."""
    return fig is not None and not fig.is_range and fig.unit in units and (not kinds or fig.kind in kinds)


def is_level(fig: Fig | None) -> bool:
    return fig is not None and not fig.is_range and fig.kind == "level" and fig.unit not in (PCT, PP, "rank")


def near(para: Para, earlier: Fig, later: Fig) -> bool:
    """`earlier` is in the clause of `later` or in the clause just before it."""
    return para.clause(earlier.start) in (para.clause(later.start), para.clause_before(later.start))


def whole_named(prefix: str) -> str:
    m = WHOLE_OF.search(prefix)
    return (m["w"] or m["w2"]).strip(" \t的") if m else ""


def nearest(figs: list[Fig], to: Fig) -> Fig | None:
    """The figure nearest before `to`, else nearest after."""
    return min(figs, key=lambda f: (f.start > to.start, abs(f.start - to.start)), default=None)


def suffix(a: str, b: str) -> int:
    a, b = normalise_subject(a), normalise_subject(b)
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def reached(para: Para, fig: Fig) -> bool:
    """达到/达 governs the figure in its clause (earlier figures of a list after the verb read as '#')."""
    cs, _ = para.clause(fig.start)
    pieces, at = [], cs
    for earlier in para.figs_in(cs, fig.start):
        pieces += [para.text[at:earlier.start], "#"]
        at = earlier.end
    m = REACH.search("".join(pieces) + para.text[at:fig.start])
    return bool(m) and (not m["of"] or fig.unit == PCT)
