"""What the words around a figure say about it: its reference year, qualifier, kind, subject, and how
many subjects share it. Functions take the paragraph text and offsets; none reads a whole document.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .vocabulary import (CAGR_CUES, CATEGORY_NOUNS, CHANGE_VERBS, INCREMENT_CUES, MEASURE_HEADS, QUALIFIER_PREFIX,
                         QUALIFIER_SUFFIX, RANK_REGIONS, RANK_VERBS)

# --- reference years ------------------------------------------------------------------------------
_Y = r"(?:19|20)\d{2}"
YEAR_RE = re.compile(rf"(?P<y1>{_Y})[ \t]*年?[ \t]*(?:[-~]|至|到)[ \t]*(?P<y2>{_Y})[ \t]*年(?!代)"
                     rf"|(?P<y>{_Y})[ \t]*年(?!代)")
# A year after these words is a base of comparison (比 2017 年提升 60%), not the year of the figure.
_BASE_BEFORE = re.compile(r"(?:比|较|与|同|相比|相较|对比|是|为|超过|高于|低于)[ \t]*$")
# "2019年以来": the figure runs up to the report year.
_SINCE_AFTER = re.compile(r"[ \t]*(?:底|末)?[ \t]*(?:以来|至今|起)")


@dataclass
class YearEvent:
    end: int          # offset after the year expression
    start: int
    year: int | None  # the year a figure after it refers to (None: the edition year)
    first: int | None = None  # the first year of a range (for "从 X 增长至 Y")


def year_events(text: str, lo: int, hi: int, masked) -> list[YearEvent]:
    """Year expressions of text[lo:hi] (a sentence) that set the reference year of later figures."""
    events = []
    for m in YEAR_RE.finditer(text, lo, hi):
        if masked(m.start()):
            continue
        if m.group("y1"):
            events.append(YearEvent(m.end(), m.start(), int(m.group("y2")), int(m.group("y1"))))
            continue
        if _BASE_BEFORE.search(text, max(lo, m.start() - 4), m.start()):
            continue
        if _SINCE_AFTER.match(text, m.end()):
            events.append(YearEvent(m.end(), m.start(), None))
            continue
        events.append(YearEvent(m.end(), m.start(), int(m.group("y"))))
    return events


_FROM = re.compile(r"(?:从|由)")
_TO = re.compile(r"(?:至|到)")


def year_mask(text: str, lo: int, hi: int) -> str:
    """text[lo:hi] with year expressions blanked (so 到 in "2017 年到 2021 年" is not a "to")."""
    part = list(text[lo:hi])
    for m in YEAR_RE.finditer(text, lo, hi):
        for i in range(m.start() - lo, m.end() - lo):
            part[i] = "Y"
    return "".join(part)


def from_marker(text: str, clause: tuple[int, int], start: int, end: int, figure_starts: list[int]) -> int | None:
    """Offset of the 从/由 that makes this figure the start of a "从 X 增长至 Y" change, else None."""
    cs, ce = clause
    before = year_mask(text, cs, start)
    markers = list(_FROM.finditer(before))
    if not markers:
        return None
    marker = markers[-1]
    if _TO.search(before, marker.end()) or len(before) - marker.end() > 30:
        return None
    after = year_mask(text, end, ce)
    to = _TO.search(after)
    if not to:
        return None
    # A figure must follow the 至/到 ("从“出生”到“退休养老”等9个" has none before 到).
    if not any(end + to.end() <= s < ce for s in figure_starts):
        return None
    return cs + marker.start()


def resolve_year(events: list[YearEvent], start: int, from_at: int | None, edition_year: int) -> int | None:
    """The reference year of a figure at `start` given the year expressions before it."""
    ends = [e.end for e in events]
    i = bisect_right(ends, start) - 1
    if from_at is not None:
        # An explicit year between 从 and the figure ("从 2017 年的 4700 亿元") wins; else a range start.
        if i >= 0 and events[i].start >= from_at and events[i].first is None:
            return events[i].year
        j = i
        while j >= 0:
            if events[j].first is not None:
                return events[j].first
            j -= 1
        return None
    if i < 0:
        return edition_year
    return events[i].year if events[i].year is not None else edition_year


# --- qualifiers -----------------------------------------------------------------------------------
_PREFIX_TRIM = " \t*"


def qualifier_of(text: str, clause_start: int, start: int, end: int, infix: str | None) -> str:
    before = text[max(clause_start, start - 6):start].rstrip(_PREFIX_TRIM)
    for word, qualifier in QUALIFIER_PREFIX:
        if before.endswith(word):
            return qualifier
    if infix:
        return infix
    after = text[end:end + 6].lstrip(_PREFIX_TRIM)
    for word, qualifier in QUALIFIER_SUFFIX:
        if after.startswith(word):
            return qualifier
    return "exact"


# --- kinds ----------------------------------------------------------------------------------------
_QUAL_WORDS = "|".join(re.escape(w) for w, _ in QUALIFIER_PREFIX)
_CHANGE_END = re.compile(r"(?:" + "|".join(re.escape(v) for v in sorted(CHANGE_VERBS, key=len, reverse=True)) +
                         r")[ \t]*(?:了)?[ \t]*(?:分别)?[ \t]*(?:" + _QUAL_WORDS + r")?[ \t*]*$")
_LIST_GAP = re.compile(r"^[ \t]*(?:、|和|及|与|以及|或)[ \t]*$")


def kind_of(unit: str, prefix: str, inherited: str | None) -> str:
    """prefix: the clause text before the figure. inherited: kind of the figure this one continues
    in a list ("分别增长 35.7%、38.7%")."""
    if unit == "rank":
        return "rank"
    if unit == "times":
        return "multiple"
    if unit == "percentage_points":
        return "increment"
    if inherited:
        return inherited
    if unit == "percent":
        if any(cue in prefix for cue in CAGR_CUES):
            return "cagr"
        if _CHANGE_END.search(prefix):
            return "growth"
        return "share"
    if any(cue in prefix for cue in INCREMENT_CUES) or _CHANGE_END.search(prefix):
        return "increment"
    return "level"


def continues_list(text: str, previous_end: int, start: int) -> bool:
    return bool(_LIST_GAP.match(text[previous_end:start]))


# --- ranks ----------------------------------------------------------------------------------------
# "位居世界第二", "排名第二", or a bare "全球第二" (the region alone makes the ordinal a rank).
_RANK_CONTEXT = re.compile(r"(?:(?:" + "|".join(RANK_VERBS) + r")[ \t]*(?:" + "|".join(RANK_REGIONS) + r")?|(?:" +
                           "|".join(RANK_REGIONS) + r"))[ \t]*(?:的)?[ \t]*$")


def rank_context(prefix: str) -> bool:
    return bool(_RANK_CONTEXT.search(prefix))


# --- subjects -------------------------------------------------------------------------------------
_LEAD = re.compile(r"^[ \t*]*(?:(?:截至|截止|到)?[ \t]*(?:\d{4}[ \t]*年(?:[ \t]*\d{1,2}[ \t]*月)?(?:底|末|份)?)?[ \t]*"
                   r"(?:其中|同时|此外|另外|目前|当前|特别是|我国|全国|全年|累计)?[ \t]*)+")
_TRAIL = re.compile(r"(?:[ \t*]*(?:已|(?<!平)均|都|分别|共|累计|首次|持续|进一步|稳步|合计|总计|了|的|达到了|达到|达|为|是|有|"
                    r"超过了|超过|突破|超|逾|近|接近|约|增长至|增长到|增至|增长|提升至|提升到|提升|上升至|上升到|上升|"
                    r"提高到|提高至|提高|下降到|下降至|下降|降低到|降低至|降低|降至|压缩至|压缩|缩小|扩大|从|由|位居|位列|"
                    r"居|排名|蝉联|稳居|比上年末|比上年|同比|较上年同期|较上年|比[ \t]*\d{4}[ \t]*年|占|全球|世界|"
                    r"\d{4}[ \t]*年的?))+[ \t*]*$")
_OBJECT_CUT = re.compile(r"[，。；：、（(]|启动|实现|开通|签署|建立|设立|参与|进入|开展|完成|发布|入选|上线|接入|使用|获得|"
                         r"认为|对|通过|提供|的能力")


# "1.08 亿件（套）": a bracketed alternative of the measure word, not the start of the noun.
_UNIT_NOTE = re.compile(r"^[ \t]*[（(][^（）()。；]{1,3}[）)]")


# "4 版覆盖全国 2 米、…分辨率的数字正射影像": an attributive phrase holding figures stands between the
# measure word and the counted noun, the head after its last 的
_ATTRIBUTIVE = re.compile(r"^(?![ \t]*的)[^，。；：]*\d[^，。；：]*的(?P<head>[^的，。；：\d]+?)[ \t]*[，。；：,;:]?$")


def attributive_head(text: str, end: int, ce: int) -> str:
    """The noun a count is of when an attributive phrase with figures comes between ("数字正射影像"), else ""."""
    m = _ATTRIBUTIVE.match(_UNIT_NOTE.sub("", text[end:ce], count=1))
    if not m:
        return ""
    head = m.group("head").strip(" \t*")
    cut = _OBJECT_CUT.search(head)
    return head[:cut.start()] if cut else head


def subject_of(text: str, clause: tuple[int, int], start: int, end: int, counted: bool) -> str:
    """The phrase a figure measures, as written: the clause text before it with time phrases, verbs
    and qualifiers trimmed; for a count that is the object of its clause ("建成 12.8 万个 5G 基站")
    the noun after the measure word."""
    cs, ce = clause
    after = _UNIT_NOTE.sub("", text[end:ce], count=1)
    after = after.lstrip(" \t的")
    noun_after = ""
    if after and not after[0] in "，。；：、,;:":
        cut = _OBJECT_CUT.search(after)
        noun_after = after[:cut.start() if cut else 16][:16].strip(" \t*")
    before = phrase_before(text, cs, start)
    if counted and noun_after:
        return attributive_head(text, end, ce) or noun_after
    return before[-30:] or noun_after


def phrase_before(text: str, lo: int, hi: int) -> str:
    """text[lo:hi] with leading time phrases and trailing verbs/qualifiers trimmed."""
    before = _LEAD.sub("", text[lo:hi], count=1)
    return _TRAIL.sub("", before).strip(" \t*“”\"")


# "大数据产业规模快速增长": a clause that names a measure and only says it changes.
_TREND_TAIL = re.compile(r"(?:快速|迅速|高速|持续|稳步|稳定|大幅|显著|明显|不断|加快|逐步|进一步|较快)*[ \t]*"
                         r"(?:增长|提升|提高|上升|扩大|壮大|发展|增加)[ \t]*$")


def clause_topic(text: str, lo: int, hi: int) -> str:
    """The measure a figure-less clause is about ("大数据产业规模快速增长，" -> 大数据产业规模); "" if
    the clause is not "<measure><trend verb>" (a time phrase only, or a clause with figures)."""
    part = text[lo:hi].rstrip("，。；：,;: \t")
    if any(ch.isdigit() for ch in _LEAD.sub("", part, count=1)):
        return ""
    part = _LEAD.sub("", part, count=1)
    m = _TREND_TAIL.search(part)
    if not m:
        return ""
    return _TRAIL.sub("", part[:m.start()]).strip(" \t*“”\"")


# "在5G基站中占58.9%": the share of the subject before it within a whole.
_WITHIN = re.compile(r"^在[ \t]*(?P<whole>[^，。；：]{1,20}?)[ \t]*(?:当中|之中|中|里)[ \t]*(?:的)?[ \t]*(?:占比|比重)?$")


def share_within(subject: str, previous_subject: str) -> str:
    """"在X中占 N%" measures the previous subject's share of X: "<previous>占X比重"."""
    m = _WITHIN.match(subject)
    if not m or not previous_subject:
        return subject
    return f"{previous_subject}占{m.group('whole')}比重"


# "占比达到总量的 80%", "总量占全球 60%": the share of the measure stated before, in its own total
# or in a region's.
_OF_WHOLE = re.compile(r"^(?:总量|总数|总规模|规模|数量)?[ \t]*(?:占比|占)[ \t]*(?:达到|达|为|超过)?[ \t]*"
                       r"(?P<whole>总量|总数|总规模|全部|全球|世界)[ \t]*(?:的)?[ \t]*(?:比重|比例|份额)?"
                       r"[ \t]*(?:达到|达|为|超过|约|近|接近)?[ \t]*$")


def share_of_whole(prefix: str, previous_subject: str) -> str:
    """"<previous>占比" (share of its total) or "<previous>全球占比"; "" if the prefix is not one."""
    m = _OF_WHOLE.match(_LEAD.sub("", prefix, count=1).strip(" \t*"))
    if not m or not previous_subject:
        return ""
    whole = m.group("whole")
    return previous_subject + ("占比" if whole.startswith("总") or whole == "全部" else whole + "占比")


# "全球占比 9.9%，位居世界第二": the rank is the measure's, not its share's.
_SHARE_WORDS = re.compile(r"(?:全球|世界)?(?:占比|比重|份额)$")


def ranked_measure(previous_subject: str, topic: str | None) -> str:
    """The measure a rank after a share ranks: the share's measure, else the sentence's topic."""
    if not _SHARE_WORDS.search(previous_subject):
        return previous_subject
    return _SHARE_WORDS.sub("", previous_subject) or topic or previous_subject


# --- several subjects sharing one figure ----------------------------------------------------------
_SHARED = re.compile(r"(?<![平人年户日月])均(?!值|衡|等|匀)")
_COUNTED_GROUP = re.compile(r"(?:以上|上述|这|前述)[ \t]*([一二三四五六七八九十两]|\d+)[ \t]*(?:类|个|项|种|家|方面|大)")
_QUOTED = re.compile(r"(?:“[^“”]{1,30}”[、，]?[ \t]*){2,}")


def _count_items(span: str) -> int:
    """Items enumerated in a span: 以上三类, a run of quoted names, or a 、/和 list."""
    from .numbers import chinese_to_number

    m = _COUNTED_GROUP.search(span)
    if m:
        n = m.group(1)
        return int(n) if n.isdigit() else int(chinese_to_number(n) or 0)
    q = None
    for q in _QUOTED.finditer(span):
        pass
    if q:
        return q.group(0).count("“")
    # a 、 list ends in 和/与/及 optionally: "A、B和C"
    items = span.count("、") + 1
    if re.search(r"[\u4e00-\u9fffA-Za-z0-9](?:和|与|及)[\u4e00-\u9fffA-Za-z0-9]", span.split("、")[-1]):
        items += 1
    return items


def shared_count(text: str, sentence: tuple[int, int], clause_starts: list[int], clause: tuple[int, int],
                 start: int) -> int:
    """How many subjects share the figure: 均 after an enumeration ("A、B 比例均超过 99%") or one
    percentage after a 、 list of subjects with no 等/分别/共 ("行政村、贫困村通宽带率达 100%")."""
    cs, _ = clause
    prefix = text[cs:start]
    if _SHARED.search(prefix[-8:]):
        n = _count_items(prefix)
        if n > 1:
            return n
        # the enumeration is in an earlier clause of the sentence
        ss, _ = sentence
        i = bisect_right(clause_starts, cs) - 1
        while i > 0 and clause_starts[i - 1] >= ss:
            n = _count_items(text[clause_starts[i - 1]:clause_starts[i]])
            if n > 1:
                return n
            i -= 1
        return 1
    return 1


def listed_subject_count(prefix: str) -> int:
    """A 、-list of subjects before a single percentage (no 等, 分别, 共 …)."""
    if "、" not in prefix or re.search(r"等|分别|共|合计|总计|其他|其它|\d", prefix):
        return 1
    return prefix.count("、") + 1


def split_subjects(subject: str, n: int) -> list[str]:
    """n subjects for a shared figure: the 、/和 items, the last item's tail lent to shorter ones
    ("行政村、贫困村通宽带率" -> 行政村通宽带率, 贫困村通宽带率)."""
    parts = [p for p in re.split(r"、|和|与|及", subject) if p.strip()]
    if len(parts) != n:
        return [subject] * n
    last = parts[-1]
    out = []
    for p in parts[:-1]:
        out.append(p + _shared_tail(p, last))
    return out + [last]


def _shared_tail(item: str, last: str) -> str:
    """The head an item borrows from the last item of its list: none when the item names a measure
    itself ("数量和应用规模"); from the category noun of the last item on ("计算机技术、数字通信领域
    PCT 国际专利申请数量"); else the last item past the item's length (行政村、贫困村通宽带率)."""
    if item.rstrip(" \t").endswith(MEASURE_HEADS) or last.startswith(item) or len(item) >= len(last):
        return ""
    at = min((last.find(word) for word in CATEGORY_NOUNS if last.find(word) > 0), default=-1)
    if at > 0:
        return last[at:]
    return last[len(item):]


# --- alternative subjects -------------------------------------------------------------------------
_DIGIT = re.compile(r"\d")
_ITEM_SEP = re.compile(r"[、，,]|和|及|与")


def list_item(text: str, lo: int, previous_end: int, start: int) -> str:
    """"清理信息 N 亿条、账号 M 亿个": the item of the list before this figure ("账号"), the words
    between the separator after the previous figure and this figure; "" when there is none."""
    m = _ITEM_SEP.search(text, previous_end, start)
    if not m or _DIGIT.search(text, m.end(), start):
        return ""
    return phrase_before(text, m.end(), start)


def noun_after_of(text: str, end: int, ce: int, stop: int) -> str:
    """"86.2% 的学校实现了多媒体教学设备全覆盖": the words after a figure up to the next figure
    (``stop``) or the clause end, a separator before the next figure dropped."""
    after = _UNIT_NOTE.sub("", text[end:min(ce, stop)], count=1).lstrip(" \t的")
    if stop < ce:
        after = re.sub(r"(?:[、，,]|和|及|与|以及)[ \t]*$", "", after.rstrip(" \t"))
    return after.strip(" \t*“”\"。；：，,;:")


_PERCENT_OF = re.compile(r"[ \t]*的")


def shared_predicate(text: str, ends: list[int], ce: int) -> str:
    """"100%的省份、84%的地级市、69%的县建立…平台": the predicate after the last noun of a list of
    "N% 的 <noun>" items, which every item shares; ``ends`` are the ends of this figure and the later
    ones of its clause. "" when the figures do not form such a list or the last noun has no predicate."""
    for end, following in zip(ends, ends[1:]):
        gap = text[end:following]
        if not _PERCENT_OF.match(gap) or not re.search(r"(?:、|和|及|与)[ \t]*[\d.]+[ \t]*%$", gap):
            return ""
    if not _PERCENT_OF.match(text, ends[-1]):
        return ""
    last = noun_after_of(text, ends[-1], ce, ce)
    verb = _OBJECT_CUT.search(last)
    if not verb or verb.start() == 0 or not re.match(r"[\u4e00-\u9fff]", verb.group()):
        return ""
    return last[verb.start():]


def strip_figures(text: str) -> str:
    """A clause with its numbers (and their measure words) removed, for a last-resort match."""
    return re.sub(r"[\d.]+[ \t]*(?:万亿|亿|万|千)?[ \t]*(?:余|多)?", "", text).strip(" \t*，。；：")


def respective_items(subject: str) -> list[str]:
    """"在线办公、在线医疗、网上外卖用户规模" or "城市和农村网民满意度" -> one subject per item,
    the last item's tail lent to the shorter ones (the items of a 分别 list)."""
    parts = [part for part in re.split(r"、|和|与|及", subject) if part.strip()]
    if len(parts) < 2:
        return []
    return split_subjects(subject, len(parts))


def is_attributive(prefix: str) -> bool:
    """"…较高的 200 款": the words before a figure end in 的, so they modify what the figure counts."""
    return prefix.rstrip(" \t*").endswith("的")


def trim_trailing(text: str) -> str:
    """text with only its trailing verbs/qualifiers trimmed (time phrases and 全年/累计 kept)."""
    return _TRAIL.sub("", text).strip(" \t*“”\"")


# --- figures listed before the measure they share ------------------------------------------------
_LIST_JOIN = re.compile(r"[ \t]*(?:、|和|与|及|以及)")
# "…1 米分辨率的": the measure right after the last figure of the list, before 的 or the clause end
_SHARED_MEASURE = re.compile(r"^[ \t]*(?P<measure>(?:(?!的)[\u4e00-\u9fff]){1,6}?)[ \t]*(?:的|$)")
_QUALIFIER_END = re.compile(r"(?:" + "|".join(re.escape(w) for w, _ in QUALIFIER_PREFIX) + r")[ \t]*$")


def measure_after_list(text: str, clause: tuple[int, int], figures: list[tuple[int, int, str]], index: int) -> str:
    """"覆盖全国 2 米、重点区域优于 1 米分辨率的…": figures of one unit joined by 、/和 and followed by
    the measure they share; each figure's subject is its own item ("覆盖全国") with that measure.
    ``figures`` are the (start, end, unit) of the clause's figures in order; "" when the figure at
    ``index`` is not in such a list."""
    cs, ce = clause

    def joined(i: int) -> bool:
        (_, end, unit), (start, _, next_unit) = figures[i], figures[i + 1]
        return unit == next_unit and bool(_LIST_JOIN.match(text, end, start))

    lo = hi = index
    while lo > 0 and joined(lo - 1):
        lo -= 1
    while hi + 1 < len(figures) and joined(hi):
        hi += 1
    m = _SHARED_MEASURE.match(text[figures[hi][1]:ce])
    if lo == hi or not m or not m.group("measure").endswith(MEASURE_HEADS):
        return ""
    start = figures[index][0]
    if index > lo:  # the item starts after the 、 that ends the item before
        item_start = _LIST_JOIN.match(text, figures[index - 1][1], start).end()
    else:
        item_start = figures[index - 1][1] if index > 0 else cs
    item = _QUALIFIER_END.sub("", phrase_before(text, item_start, start)).strip(" \t")
    verbs = list(_OBJECT_CUT.finditer(item))
    if verbs:  # "实现覆盖全国 2 米": the first item starts after the verb governing the list
        item = item[verbs[-1].end():].strip(" \t")
    return item + m.group("measure") if item and not _DIGIT.search(item) else ""
