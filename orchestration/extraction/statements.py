"""extract_statements: every quantitative statement of a document, with its provenance.

The pipeline per prose paragraph (lines joined across page breaks): candidate figures
(numbers.find_figures) -> keep those that are statements (not names, dates, list sizes, scopes)
-> unit, qualifier, kind, reference year, subject from the clause and sentence (context.py) ->
one Statement per subject sharing the figure and per end of a range.
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, fields

from . import context as ctx
from .numbers import Figure, find_figures
from .sections import SectionIndex, extract_sections, line_kinds
from .text import Boundaries, LineIndex, Paragraph, bracket_spans, build_paragraphs, inside
from .vocabulary import MEASURE_HEADS, PER_10K_CUES, PROVINCE_COUNT_TAIL, RATIO_SUBJECTS, SCOPE_CUES, SUM_CUES


@dataclass
class Statement:
    edition_year: int
    source_file: str
    line: int
    char_start: int
    char_end: int
    section: str
    subject: str
    value: float
    unit: str
    qualifier: str
    kind: str
    ref_year: int | None
    indicator_key: str | None
    quote: str


STATEMENT_COLUMNS = tuple(f.name for f in fields(Statement))

_CJK_NEXT = re.compile(r"[\u4e00-\u9fff]")
_SUPERLATIVE = re.compile(r"最[\u4e00-\u9fff]{1,3}的[ \t]*$")
# "16个行业小类实现营业收入 N 亿元": a count that only delimits the subject of another figure.
_DELIMITING = re.compile(r"^[^，。；：\d]{1,16}?(?:实现|完成)")
_RATIO_VERB = re.compile(r"(?:达到|达|为|是|降低到|降低至|降至|降到|下降到|下降至|提升到|提升至|保持在|保持)[ \t]*"
                         r"(?:约|近|接近)?[ \t]*$")
_YEAR_LIKE_UNITS = ("版", "届")
_BARE_CAGR = re.compile(r"^(?:近[ \t]*\d+[ \t]*年|年均|复合|平均|每年|两年|增长率|增长|增速|增幅)+$")
_DIGIT = re.compile(r"\d")
_CHANGE_ONLY = re.compile(r"^(?:同比|比上年|较上年|两年平均|年均|名义|实际|增速|增幅)+[^\u4e00-\u9fff]{0,3}$")


def extract_statements(document, edition_year: int, match_indicator=None) -> list[Statement]:
    text = document.text
    kinds = line_kinds(document.lines)
    sections = SectionIndex(extract_sections(document, kinds))
    lines = LineIndex(text)
    out: list[Statement] = []
    match_indicator = _keyer(match_indicator)
    for paragraph in build_paragraphs(text, kinds):
        if paragraph.kind != "prose":
            continue
        out.extend(_paragraph_statements(document, paragraph, edition_year, sections, lines, match_indicator))
    return out


def _keyer(match_indicator):
    """The indicator matcher as (subject, unit, kind, sentence, head_only, head_noun, change_start); the
    sentence and the flags are passed to a matcher that takes ``context`` and the flag parameters."""
    if match_indicator is None:
        return None
    try:
        parameters = inspect.signature(match_indicator).parameters
    except (TypeError, ValueError):
        parameters = {}

    def keyer(subject, unit, kind, context, head_only=False, head_noun=False, change_start=False):
        if head_noun and "head_noun" not in parameters:
            return None
        extra = {name: value for name, value in (("context", context), ("head_only", head_only),
                                                 ("head_noun", head_noun), ("change_start", change_start))
                 if name in parameters}
        return match_indicator(subject, unit, kind, **extra)

    return keyer


def _accept(p: str, f: Figure, clause: tuple[int, int], section: str, brackets) -> Figure | None:
    """The figure if it is a statement (unit resolved), else None."""
    cs, ce = clause
    prefix = p[cs:f.start]
    if inside(brackets, f.start) or f.value is None:
        return None
    nxt = p[f.end:f.end + 1]
    if f.form == "front":
        return None
    if f.form == "ordinal":
        if f.ordinal_unit:
            return f
        return f if ctx.rank_context(prefix) and not _CJK_NEXT.match(nxt) else None
    if f.form == "top":
        return f if ctx.rank_context(prefix) else None
    if f.form == "biggest":
        return f if prefix.rstrip(" \t").endswith("保持") else None
    if f.form == "fraction":
        return f
    if _SUPERLATIVE.search(prefix):
        return None
    if f.form == "chinese":
        # Single Chinese digits before a measure word describe (三家企业, 两个体系); only larger
        # numerals or scale words are figures (十二个, 三千万人, 近百万条).
        if f.unit is None or (f.value < 10 and not f.magnitude):
            return None
        return _scope_checked(p, f, prefix, section)
    # Arabic
    if f.unit is None and not f.magnitude:
        if any(word in prefix for word in RATIO_SUBJECTS) and _RATIO_VERB.search(prefix):
            f.unit = "ratio"
            return f
        return None
    if f.unit_word in _YEAR_LIKE_UNITS and (not f.integer or 1900 <= f.value <= 2100 or nxt == "本"):
        return None  # "2021版", "3.0 版本": an edition or a version, not a count
    if f.unit is None:
        f.unit = "count"
    if f.unit == "count" and not f.magnitude and _DELIMITING.match(p[f.end:ce]) and \
            any(g.isdigit() for g in p[f.end:ce]):
        return None
    return _scope_checked(p, f, prefix, section)


def _scope_checked(p: str, f: Figure, prefix: str, section: str) -> Figure | None:
    """A count of provinces is the evaluation's own scope in an evaluation/survey context."""
    if f.unit == "count" and p[f.end:f.end + 8].startswith(PROVINCE_COUNT_TAIL) or \
            (f.unit_word == "省" or f.unit_word == "个" and p[f.end:f.end + 1] == "省"):
        sentence_words = prefix + p[f.end:f.end + 30]
        if any(cue in section for cue in SCOPE_CUES) or any(cue in sentence_words for cue in SCOPE_CUES):
            return None
    if f.unit == "count" and any(cue in prefix for cue in PER_10K_CUES):
        f.unit = "per_10k_population"
    return f


def _paragraph_statements(document, paragraph: Paragraph, edition_year, sections, lines, match_indicator):
    p = paragraph.text
    bounds = Boundaries(p)
    brackets = bracket_spans(p)
    first_line = paragraph.first_line
    section = sections.path_of(first_line)
    accepted: list[tuple[Figure, tuple[int, int]]] = []
    for f in find_figures(p):
        clause = bounds.clause(f.start)
        line_section = sections.path_of(lines.line_of(paragraph.to_original(f.start)))
        kept = _accept(p, f, clause, line_section or section, brackets)
        if kept is not None:
            accepted.append((kept, clause))
    if not accepted:
        return []
    starts = [f.start for f, _ in accepted]
    _lend_money_units(p, accepted)
    results: list[Statement] = []
    events_cache: dict[tuple[int, int], list] = {}
    previous: tuple[Figure, str, tuple[int, int], int | None] | None = None
    last_subject = ""
    previous_subject = ""
    said: list[str] = []  # the subjects stated so far in the sentence
    previous_sentence = None
    last_items: list[str] = []  # the subjects of the last 分别 list ("A、B、C分别达 …")
    topics: dict[tuple[int, int], str] = {}  # sentence -> the last measure stated as a level in it
    for f, clause in accepted:
        cs, ce = clause
        sentence = bounds.sentence(f.start)
        if sentence not in events_cache:
            events_cache[sentence] = ctx.year_events(p, sentence[0], sentence[1], lambda i: inside(brackets, i))
        prefix = p[cs:f.start]
        from_at = ctx.from_marker(p, clause, f.start, f.end, starts) if f.unit != "rank" or True else None
        ref_year = ctx.resolve_year(events_cache[sentence], f.start, from_at, edition_year)
        inherited = None
        if previous and previous[2] == clause and ctx.continues_list(p, previous[0].end, f.start):
            inherited = previous[1]
        kind = ctx.kind_of(f.unit, prefix, inherited)
        qualifier = "exact" if f.is_range else ctx.qualifier_of(p, cs, f.start, f.end, f.infix)
        counted = f.unit == "count" and bool(f.unit_word)
        subject = ctx.subject_of(p, clause, f.start, f.end, counted)
        if previous_sentence != sentence:
            previous_subject, said = "", []
        before = ctx.phrase_before(p, cs, f.start)
        mine = [s for s in starts if cs <= s < ce]
        later = [s for s in mine if s > f.start]
        earlier = [g for g, other in accepted if other == clause and g.end <= f.start]
        if earlier and _DIGIT.search(subject):
            # "清理信息 N 亿条、账号 M 亿个": the list item before this figure
            subject = ctx.list_item(p, cs, earlier[-1].end, f.start) or subject
        if not counted and len(mine) > 1:
            # "覆盖全国 2 米、重点区域优于 1 米分辨率": the measure after the list, with this figure's item
            figures = [(g.start, g.end, g.unit) for g, other in accepted if other == clause]
            subject = ctx.measure_after_list(p, clause, figures, len(earlier)) or subject
        if f.unit == "percent" and p[f.end:ce].lstrip(" \t").startswith("的") and \
                (not before or _DIGIT.search(before)):
            # "86.2% 的学校实现了…": the figure qualifies the noun phrase after it
            subject = ctx.noun_after_of(p, f.end, ce, later[0] if later else ce) or subject
            if later and subject:
                # "100%的省份、84%的地级市、69%的县建立…": each listed noun takes the predicate of the last
                ends = [g.end for g, other in accepted if other == clause and g.start >= f.start]
                subject += ctx.shared_predicate(p, ends, ce)
        respective = _respective_subject(p, clause, f.start, mine,
                                         _sentence_respective_list(p, bounds, sentence, clause) or last_items)
        if respective:
            subject = respective
        # "X 从 A 增长至 B": both ends measure X, the phrase before 从/由.
        change_at = from_at
        if change_at is None and previous and previous[2] == clause and previous[3] is not None:
            change_at = previous[3]
        if change_at is not None:
            subject = _change_subject(p, bounds, sentence, clause, change_at) or subject
            subject = _respective_item(p, subject, clause, change_at, starts, f.start)
        if kind == "cagr" and _BARE_CAGR.match(subject):
            # "年均复合增长率达 13.6%": the CAGR of the measure the sentence is about.
            topic = topics.get(sentence) or last_subject
            if topic and not _BARE_CAGR.match(topic):
                subject = topic + subject
        elif kind == "share":
            subject = ctx.share_of_whole(prefix, last_subject) or ctx.share_within(subject, last_subject)
        if not subject or kind in ("growth", "cagr", "increment", "rank") and _CHANGE_ONLY.match(subject):
            # "同比增长 9%" measures the subject of the clause before
            if kind == "rank":
                subject = ctx.ranked_measure(last_subject, topics.get(sentence)) or subject
            else:
                subject = last_subject or subject
        last_subject = subject
        items = _respective_list(p, clause)
        if items:
            last_items = items
        if kind == "level" and f.unit not in ("percent", "rank") and subject:
            topics[sentence] = subject
        n = 1
        if not f.is_range and not any(cue in p[cs:ce] for cue in SUM_CUES if cue != "分别") and "分别" not in p[cs:ce]:
            n = ctx.shared_count(p, sentence, bounds.clause_starts, clause, f.start)
            # A rate of several listed subjects ("A、B通宽带率达 100%"); not a growth of one named
            # category ("计算机、通信和其他电子设备制造业增加值增长 N%").
            if n == 1 and f.unit == "percent" and kind == "share" and sum(1 for s in starts if cs <= s < ce) == 1:
                n = ctx.listed_subject_count(prefix)
        subjects = ctx.split_subjects(subject, n) if n > 1 else [subject]
        values = [f.value, f.value2] if f.is_range else [f.value]
        char_start, char_end = paragraph.to_original(f.start), paragraph.to_original_end(f.end)
        line = lines.line_of(char_start)
        quote = _quote(document.text, paragraph, clause, lines, line)
        for subj in subjects:
            for value in values:
                key = None
                if match_indicator:
                    context = p[sentence[0]:f.start]
                    start = from_at is not None  # "由 2 天压缩至 4 小时": 2 天 is the value before
                    key = match_indicator(subj, f.unit, kind, context, change_start=start)
                    if key is None:
                        # the measure may be named around the subject: try wider phrases of the clause
                        for wider, head_only in _wider_subjects(p, bounds, sentence, clause, f, subj, before, later,
                                                                topics.get(sentence), previous_subject, len(mine),
                                                                len(subjects) > 1, said):
                            key = match_indicator(wider, f.unit, kind, context, head_only, change_start=start)
                            if key:
                                subj = wider
                                break
                    if key is None:
                        # "7.8 万家单位": a generic noun heading the name of a measure the sentence names
                        key = match_indicator(subj, f.unit, kind, context, head_noun=True, change_start=start)
                results.append(Statement(
                    edition_year=edition_year, source_file=document.path, line=line, char_start=char_start,
                    char_end=char_end, section=sections.path_of(line), subject=subj, value=value, unit=f.unit,
                    qualifier=qualifier, kind=kind, ref_year=ref_year, indicator_key=key, quote=quote))
        previous = (f, kind, clause, change_at)
        previous_subject = subjects[-1] if subjects else previous_subject
        said.extend(subjects)
        previous_sentence = sentence
    return results


def _change_subject(p: str, bounds: Boundaries, sentence: tuple[int, int], clause: tuple[int, int],
                    change_at: int) -> str:
    """The measure of a "从 A 增长至 B" change: the phrase before 从/由 in its clause, else the topic
    of an earlier clause of the sentence ("大数据产业规模快速增长，从 … 增长至 …")."""
    cs, _ = clause
    subject = ctx.phrase_before(p, cs, change_at)
    if subject:
        return subject
    ss, _ = sentence
    starts = [s for s in bounds.clause_starts if ss <= s < cs]
    ends = starts[1:] + [cs]
    for lo, hi in reversed(list(zip(starts, ends))):
        topic = ctx.clause_topic(p, lo, hi)
        if topic:
            return topic
    return ""


def _respective_item(p: str, subject: str, clause: tuple[int, int], change_at: int, starts: list[int],
                     start: int) -> str:
    """"A、B分别由 a、b 上升至 c、d": each end's figures pair with the listed subjects in order."""
    cs, ce = clause
    if "分别" not in p[cs:ce] or "、" not in subject:
        return subject
    items = [item for item in subject.split("、") if item.strip()]
    mine = [s for s in starts if change_at <= s < ce]
    if len(items) < 2 or len(mine) != 2 * len(items) or start not in mine:
        return subject
    return items[mine.index(start) % len(items)]


def _lend_money_units(p: str, accepted) -> None:
    """"从 29 万亿增长至 42 万亿元": a bare scaled number takes the currency of the next figure in
    its clause."""
    for i, (f, clause) in enumerate(accepted):
        if f.unit == "count" and f.magnitude and not f.unit_word:
            for g, other in accepted[i + 1:]:
                if other != clause:
                    break
                if g.unit in ("yuan", "usd"):
                    f.unit = g.unit
                    break
                if g.unit_word:
                    break


def _quote(text: str, paragraph: Paragraph, clause: tuple[int, int], lines: LineIndex, line: int) -> str:
    """The clause as written, cut to the line that holds the figure."""
    cs, ce = clause
    p = paragraph.text
    while ce > cs and p[ce - 1] in "，。；：,;:！？!? \t":
        ce -= 1
    start, end = paragraph.to_original(cs), paragraph.to_original_end(ce)
    ls, le = lines.bounds(line, text)
    quote = text[max(start, ls):min(end, le)].strip(" \t\u3000*")
    return quote or text[ls:le].strip()


def _respective_list(p: str, clause: tuple[int, int]) -> list[str]:
    """The subjects a 分别 clause lists: "A、B、C用户规模分别达 …" or "…分别是 A 和 B"."""
    cs, ce = clause
    at = p.find("分别", cs, ce)
    if at < 0:
        return []
    items = ctx.respective_items(ctx.phrase_before(p, cs, at))
    if items:
        return items
    m = re.match(r"分别(?:是|为)[ \t]*([^，。；：\d]+)", p[at:ce])
    if m:
        parts = [x.strip(" \t") for x in re.split(r"、|和|与|及", m.group(1)) if x.strip(" \t")]
        return parts if len(parts) > 1 else []
    return []


def _sentence_respective_list(p: str, bounds: Boundaries, sentence: tuple[int, int], clause: tuple[int, int]):
    """The subjects of the nearest 分别 list in an earlier clause of the sentence, whether or not that
    clause states a figure ("增长最快的领域分别是 A 和 B，分别同比增长 a 和 b")."""
    ss, _ = sentence
    cs, _ = clause
    earlier = [c for c in bounds.clause_starts if ss <= c < cs]
    for lo, hi in reversed(list(zip(earlier, earlier[1:] + [cs]))):
        items = _respective_list(p, (lo, hi))
        if items:
            return items
    return []


def _respective_subject(p: str, clause: tuple[int, int], start: int, mine: list[int], last_items: list[str]) -> str:
    """"A、B、C用户规模分别达 x、y、z": the item paired with this figure; "同比分别增长 a、b、c" after
    such a list pairs with the items of that list."""
    cs, ce = clause
    at = p.find("分别", cs, ce)
    if at < 0 or start < at:
        return ""
    figures = [s for s in mine if s > at]
    if start not in figures:
        return ""
    head = ctx.phrase_before(p, cs, at)
    items = ctx.respective_items(head)
    if not items and (not head or _CHANGE_ONLY.match(head) or _BARE_CAGR.match(head)):
        items = last_items
    if len(items) != len(figures):
        return ""
    return items[figures.index(start)]


def _entities(previous_subject: str) -> list[str]:
    """"…健康码累计使用人数超 9 亿，访问量超 N 次": the second measure belongs to the entity of the first;
    the entity is a start of the previous subject, tried longest first (only a match heading the
    phrase counts)."""
    return [previous_subject[:n] for n in range(len(previous_subject) - 1, 1, -1)]


def _wider_subjects(p: str, bounds: Boundaries, sentence: tuple[int, int], clause: tuple[int, int], f: Figure,
                    subject: str, before: str, later: list[int], topic: str | None, previous_subject: str,
                    figures_in_clause: int, shared: bool = False, said: tuple[str, ...] = ()):
    """Wider phrases naming the measure of a figure, tried in turn when its subject matches no
    indicator: for a bare measure head (数量), the measure of the sentence it heads; the clause
    before the figure with only verbs trimmed ("全年累计访问量"), the noun after the figure (past an
    attributive phrase holding figures, its head noun) with the rest of its clause ("300个城市启动
    千兆光纤宽带网络建设"), the phrase before with it, the figure-less clause before in the sentence with the subject ("推行跨省异地电子缴税，已在
    N 个地区试点"), the sentence topic or the previous subject of the sentence before the subject
    ("全球占比" of 数据产量), and, for a clause with one figure, the clause without its numbers.
    A subject that is one of several sharing the figure ("数量和应用规模均居世界第一") is not widened
    within its own clause: that clause names the other subjects too."""
    cs, ce = clause
    head = ctx.attributive_head(p, f.end, ce) if f.unit == "count" and f.unit_word else ""
    after = head or ctx.noun_after_of(p, f.end, ce, later[0] if later else ce)
    raw = ctx.trim_trailing(p[cs:f.start])
    if f.unit_word and after and ctx.is_attributive(p[cs:f.start]):
        # "使用频度较高的 200 款移动应用程序": the words before 的 modify the counted noun, they are
        # not the measure; only the whole noun phrase names it.
        raw, before = raw + "的" + subject, ""
    if shared:
        raw, before, figures_in_clause = "", "", 0
    ss, _ = sentence
    earlier = [c for c in bounds.clause_starts if ss <= c < cs]
    # the figure-less clauses before in the sentence, nearest first; beyond the clause just before,
    # only an alias heading the phrase counts ("…推出“防疫健康码”，…，访问量超 N 次")
    clauses = [p[lo:hi].strip(" \t，。；：,;:") for lo, hi in zip(earlier, earlier[1:] + [cs])][::-1]
    figureless = [(text, n > 0) for n, text in enumerate(clauses) if text and not _DIGIT.search(text)]
    # "慕课数量超过 4 万门，…，数量和应用规模均居世界第一": a bare measure head takes up the nearest
    # measure of the sentence it heads
    anaphora = [named for named in reversed(said) if subject in MEASURE_HEADS and named.endswith(subject)]
    seen = {subject}
    for wider, head_only in (*((named, False) for named in anaphora[:1]),
                             (raw if not _DIGIT.search(raw) else "", False), (after, False),
                             (before + after if before and not _DIGIT.search(before) else "", False),
                             *((text + subject, head_only) for text, head_only in figureless),
                             *((entity + subject, True) for entity in _entities(previous_subject)),
                             ((topic or "") + subject if topic else "", False),
                             (previous_subject + subject if previous_subject else "", False),
                             (ctx.strip_figures(p[cs:ce]) if figures_in_clause == 1 else "", False)):
        if wider and wider not in seen:
            seen.add(wider)
            yield wider, head_only
