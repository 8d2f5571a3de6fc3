"""Claims a paragraph makes with its own figures: the relations between statements of one sentence
(or paragraph) that can be recomputed without any other source. Pure Python: no Dagster, no DuckDB.

find_relations(document, statements) reads the paragraphs of a full text and returns one Relation
per claim found; the judge (orchestration.claims.verdict) recomputes each one. reached_statements()
names the statements whose figure is stated as reached (达到/达 X), which the judge may read as "at least X".

Rules and the roles of their inputs (stable names):
  share_points_from_growth  claim: the change of a share in 个百分点 ("占比较上年提高 d 个百分点") stated after
                            the part's growth and its share of a named whole. part_growth (g1), whole_growth
                            (g2: a growth statement of the paragraph whose naming words end with the whole's
                            name), share (s); params direction +1 (提高/上升…) or −1 (下降/降低/减少/回落…).
                            The whole's growth not stated: missing "<whole>的增速".
  increment_growth          claim: "新增 N …，总数增长 X %". increment (N), level (L): the largest level of the
                            same unit and measure word stated before the increment in the sentence (a total is
                            the largest of its parts). No level: missing.
  share_of_count            claim: the share in "N 家…中，…占比 X %" / "在 N 个…中，有 X %…". count (N).
  parts_sum                 claim: a total followed in its sentence by 其中/包括/分别 and ≥ 2 parts of the
                            same unit and measure word, one role part per part. A 其中 list need not be
                            exhaustive: unless the total names as many categories as there are parts
                            ("省级和城市的…") or a part is the rest (其余/其他), stated = the total, qualifier
                            under (the parts cannot exceed it); else stated None (the total, as claimed).
  shares_within_whole       no claim (stated 100, qualifier under: the sum is at most 100): "其中 A、B、C 的
                            占比分别达 a %、b %、c %" (or after "在…中，"), one role share per share.
  share_of_part_whole       claim: "占比达到总量的 X %" / "占 W 的 X %" / "在 W 中占 X %" after a part level P
                            whose whole W is stated before it. part (P), whole (W).
  ordering                  no claim (stated 0, qualifier over: first − second ≥ 0): "A 最高 a …其次/次之 B b",
                            "最快的…分别 a、b、c" (one relation per adjacent pair), "A（a）高于 B（b）", "A 为 a，
                            高于 B 的 b", "A（a）比 B（b）高". first, second (最低/低于/比…低: swapped, so that
                            first is always the larger).
  points_difference         claim: "A …a %，高出/高于/比 B 高/低于 B d 个百分点". minuend (a, the percentage just
                            before), subtrahend (b: a percentage of the same kind named by B in the paragraph,
                            usually not stated: missing "<B>的增速"); params direction −1 for 低于/慢于/比 B 低.
Inputs always carry value, printed and char span; statement_no is None only for a figure no statement
holds (a bracketed figure, a group size). A relation's line/char span/quote are those of the claim's sentence
(no claim: the sentences from the first input to the last), the quote cut to the claim's line and ≤ 200 chars.

Deliberately not read:
  * "分别 a %、b %" of a 比例 (or 渗透率…) of different activities ("能够网上缴费、问诊、求职的比例分别达
    …"): one person does several, so the shares are not exclusive parts of one whole; only 占比/比重/份额 of
    one whole just stated (其中 / 在…中) is summed.
  * shares of a whole named in the list ("甲、乙两省占地区生产总值的比重分别为"): each item's own whole.
  * differences with a time base ("比上年高 2 个百分点"): a change, not a comparison of two figures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from orchestration.extraction.context import phrase_before, respective_items
from orchestration.indicators.normalise import normalise_subject

from ._sentences import (AMOUNT, COMPARE, DIFF_AFTER, DIFF_THAN, DOWN, GENERIC_WHOLE, GROUP, LIST_GAP, OF_TOTAL, PCT,
                         PP, RATE_END, SHARE_CHANGE, SUPERLATIVE, THAN_TAIL, TIME_BASE, TOTAL_WORDS, Fig, Para,
                         is_level, near, nearest, paragraphs, plain, reached, suffix, whole_named)

# rule -> formula the judge applies (orchestration/claims/formulas.py)
RULES = {
    "share_points_from_growth": "share_points_change",  # 占比提高 d 个百分点 from part +g1 %, whole +g2 %, share s
    "increment_growth": "increment_growth",             # 新增 N …, 增长 X %: N / (level - N)
    "share_of_count": "share_of_count",                  # N 家…中, X % 是…: some whole k/N prints as X
    "parts_sum": "sum",                                  # 共 193 个, 其中 20 个 + 173 个
    "shares_within_whole": "sum",                        # 其中 A、B、C 占比分别 a %、b %、c %: sum ≤ 100
    "share_of_part_whole": "share",                      # part P of whole W, 占比 X %
    "ordering": "difference",                            # A 最高 (a) …, 其次 B (b): a ≥ b
    "points_difference": "difference",                   # A 比 B 高 d 个百分点: a − b = d
}


@dataclass(frozen=True)
class RelationInput:
    """One figure a relation is recomputed from: a statement of the same paragraph (statement_no, the
    1-based position in the list given to find_relations), or, where no statement holds it, a figure
    read from the text itself (value, printed, char_start/char_end in document.text)."""
    role: str
    label: str
    statement_no: int | None = None
    value: float | None = None
    printed: str | None = None
    char_start: int | None = None
    char_end: int | None = None


@dataclass(frozen=True)
class Relation:
    rule: str
    claim_statement_no: int | None
    inputs: tuple[RelationInput, ...]
    line: int
    char_start: int
    char_end: int
    quote: str
    missing: tuple[str, ...] = ()
    params: tuple[tuple[str, float], ...] = ()
    stated: float | None = None
    stated_qualifier: str | None = None
    description: str = field(default="")

    @property
    def formula(self) -> str:
        return RULES[self.rule]


def find_relations(document, statements) -> list[Relation]:
    """Every relation of the document's prose paragraphs, in text order."""
    found: dict[tuple, Relation] = {}
    for para in paragraphs(document, statements):
        for rule in (_share_points, _increment_growth, _share_of_count, _parts_sum, _shares_within_whole,
                     _share_of_part_whole, _ordering, _points_difference):
            for relation in rule(para):
                key = (relation.rule, relation.claim_statement_no, relation.inputs, relation.missing)
                found.setdefault(key, relation)
    return sorted(found.values(), key=lambda r: (r.char_start, r.line, r.rule, r.claim_statement_no or 0))


def reached_statements(document, statements) -> set[int]:
    """statement_nos whose figure the verb 达到/达 governs in its clause: "达 X", "分别达 a、b", "占比达到
    总量的 X %" (a few words ending in 的 between, for a percentage only)."""
    out: set[int] = set()
    for para in paragraphs(document, statements):
        for fig in para.figs:
            if reached(para, fig):
                out.update(fig.nos)
    return out


# --- helpers ---------------------------------------------------------------------------------------
def _input(para: Para, role: str, fig: Fig, label: str | None = None) -> RelationInput:
    """label: what the figure measures (the statement's subject, else the words before it in its clause)."""
    if not label and not fig.subject:  # "甲省增速最快，达 20.1%": the words naming it, across clauses
        before = para.previous(fig)
        lo = before.end if before else para.sentence(fig.start)[0]
        label = re.sub(r"[，,；;：:]+", " ", phrase_before(para.text, lo, fig.start)).strip()
    label = label or fig.subject or fig.printed
    return RelationInput(role=role, label=label, statement_no=fig.no,
                         value=fig.value, printed=fig.printed, char_start=fig.char_start, char_end=fig.char_end)


def _make(para: Para, rule: str, claim: Fig | None, inputs: list[tuple], description: str = "",
          **fields) -> Relation:
    """inputs: (role, figure) or (role, figure, label)."""
    involved = [x[1] for x in inputs] or [claim]
    line, start, end, quote = para.locate(claim or involved[0], involved, claim is not None)
    return Relation(rule=rule, claim_statement_no=claim.no if claim else None,
                    inputs=tuple(_input(para, *x) for x in inputs), line=line, char_start=start,
                    char_end=end, quote=quote, description=description, **fields)


# --- the rules -------------------------------------------------------------------------------------
def _share_points(para: Para):
    for claim in para.figs:
        m = SHARE_CHANGE.search(para.prefix(claim)) if plain(claim, PP) else None
        share = para.previous(claim) if m else None
        if not plain(share, PCT, kinds=("share",)) or not near(para, share, claim):
            continue
        whole, part_growth = whole_named(para.prefix(share)), para.previous(share)
        if not whole or whole in GENERIC_WHOLE or not plain(part_growth, PCT, kinds=("growth",)):
            continue
        growths = [g for g in para.figs if g is not part_growth and plain(g, PCT, kinds=("growth",))
                   and g.ref_year == part_growth.ref_year and para.names(g, whole)]
        whole_growth = nearest(growths, claim)
        inputs = [("part_growth", part_growth), ("share", share)] + [("whole_growth", g) for g in [whole_growth] if g]
        yield _make(para, "share_points_from_growth", claim, inputs,
                    missing=() if whole_growth else (f"{whole}的增速",),
                    params=(("direction", -1 if m["verb"] in DOWN else 1),),
                    description=f"{share.printed} of {whole}, part +{part_growth.printed}: {claim.printed}")


def _increment_growth(para: Para):
    for claim in para.figs:
        increment = para.previous(claim) if plain(claim, PCT, kinds=("growth",)) else None
        if increment is None or increment.kind != "increment" or increment.unit in (PCT, PP) or \
                increment.is_range or not near(para, increment, claim):
            continue
        # the growth is of the total ("总数增长 30%") or of what was added, not of another measure
        own = phrase_before(para.text, max(para.clause(claim.start)[0], increment.end), claim.start)
        named = normalise_subject(increment.subject + para.prefix(increment))
        if own and not own.endswith(TOTAL_WORDS) and normalise_subject(own) not in named:
            continue
        ss = para.sentence(increment.start)[0]
        levels = [f for f in para.figs_in(ss, increment.start)
                  if is_level(f) and f.unit == increment.unit and f.counter == increment.counter]
        level = max(levels, key=lambda f: f.value, default=None)
        yield _make(para, "increment_growth", claim, [("increment", increment)] + [("level", f) for f in [level] if f],
                    missing=() if level else (f"{increment.subject}总数",),
                    description=f"{increment.printed} added, growth {claim.printed}")


def _share_of_count(para: Para):
    for m in GROUP.finditer(para.text):
        count = next((f for f in para.text_figures() if f.start == m.start("num")), None)
        after = para.figs_in(m.end(), para.sentence(m.start())[1])
        share = after[0] if after else None
        if count is None or count.unit != "count" or not plain(share, PCT, kinds=("share",)):
            continue
        prefix = para.prefix(share)
        whole = whole_named(prefix)
        if (whole and whole not in ("其", "其中", "总数")) or AMOUNT.search(prefix) or \
                para.clause(share.start)[0] > para.clause(m.end())[1]:
            continue
        yield _make(para, "share_of_count", share, [("count", count, m["noun"].strip(" \t"))],
                    description=f"{share.printed} of {count.printed}{m['noun']}")


def _parts_sum(para: Para):
    for total in para.figs:
        if not is_level(total):
            continue
        after = para.figs_in(total.end, para.sentence(total.start)[1])
        cue = re.search(r"其中|包括|分别", para.text[total.end:after[0].start]) if after else None
        # the cue right after the total: in its clause or at the start of the next one
        if not cue or para.clause(total.end + cue.start())[0] > para.clause(total.start)[1]:
            continue
        parts = []
        for f in after:
            if not (is_level(f) and f.unit == total.unit and f.counter == total.counter):
                break
            parts.append(f)
        if len(parts) < 2:
            continue
        # a 其中 list need not be exhaustive: the parts sum to the total only when the total names as many
        # categories ("省级和城市的…") or a part is the rest (其他/其余); else they only cannot exceed it
        named = respective_items(total.subject) or \
            respective_items(phrase_before(para.text, para.clause(total.start)[0], total.start))
        rest = any(re.search(r"其他|其它|其余|剩余", para.text[a.end:b.start]) for a, b in zip(parts, parts[1:]))
        whole = len(named) == len(parts) or rest
        yield _make(para, "parts_sum", total, [("part", f) for f in parts],
                    stated=None if whole else total.value, stated_qualifier=None if whole else "under",
                    description=f"{total.printed} {'=' if whole else '≥'} " + " + ".join(f.printed for f in parts))


def _shares_within_whole(para: Para):
    for cs in para.bounds.clause_starts:
        ce = para.clause(cs)[1]
        at = para.text.find("分别", cs, ce)
        figs = para.figs_in(at, ce) if at >= 0 else []
        head = para.text[cs:at]
        if len(figs) < 2 or not all(plain(f, PCT, kinds=("share",)) for f in figs) or \
                not all(LIST_GAP.match(para.text[a.end:b.start]) for a, b in zip(figs, figs[1:])):
            continue
        if not re.search(r"占比|比重|份额", head) or re.search(r"比例|各自|各[类个项]|增速|增长|提高|下降|较|\d", head):
            continue
        # the parts of a whole just stated ("…13.99亿户，其中…", "在全部终端中，…"); a whole named per item
        # ("甲、乙两省占地区生产总值的比重分别为") is each item's own
        within = para.starts_with(cs, "其中") or re.search(r"中[ \t]*[，,]?[ \t]*$", para.text[max(0, cs - 3):cs])
        if whole_named(head) or not within:
            continue
        items = respective_items(phrase_before(para.text, cs, at))
        if items and len(items) != len(figs):
            continue
        yield _make(para, "shares_within_whole", None, [("share", f) for f in figs], stated=100.0,
                    stated_qualifier="under", description=" + ".join(f.printed for f in figs) + " ≤ 100 %")


def _share_of_part_whole(para: Para):
    for share in para.figs:
        if not plain(share, PCT, kinds=("share",)):
            continue
        prefix = para.prefix(share)
        generic = bool(OF_TOTAL.search(prefix))
        named = "" if generic else whole_named(prefix)
        part = para.previous(share) if generic or named else None
        if not is_level(part) or not near(para, part, share):
            continue
        ss, _ = para.sentence(part.start)
        same = lambda f: is_level(f) and f.unit == part.unit and f.counter == part.counter  # noqa: E731
        wholes = [f for f in para.figs_in(ss, part.start) if same(f)]
        if not wholes and ss > 0 and para.starts_with(ss, "其中"):  # "…520万架。其中，…420万架，占比…"
            wholes = [f for f in para.figs_in(para.sentence(ss - 1)[0], ss) if same(f)]
        wholes = [f for f in wholes if (suffix(f.subject, part.subject) >= 2 if generic else para.names(f, named))]
        if wholes:
            yield _make(para, "share_of_part_whole", share, [("part", part), ("whole", wholes[-1])],
                        description=f"{part.printed} of {wholes[-1].printed} = {share.printed}")


def _ordered(para: Para, first: Fig, second: Fig, low: bool, how: str) -> Relation:
    if low:
        first, second = second, first
    return _make(para, "ordering", None, [("first", first), ("second", second)], stated=0.0,
                 stated_qualifier="over", description=f"{first.printed} ≥ {second.printed} ({how})")


def _ordering(para: Para):
    text = para.text
    for m in SUPERLATIVE.finditer(text):
        low = m["w"] in ("低", "少", "小", "慢")
        se = para.sentence(m.start())[1]
        listed = para.respective_figures(m.end(), se) if m["of"] else []
        if listed:  # "增长最快的 2 个领域分别是 A 和 B，分别同比增长 a 和 b": descending pairs
            for a, b in zip(listed, listed[1:]):
                yield _ordered(para, a, b, low, f"最{m['w']}…分别")
            continue
        # "A 使用率最高，超过 a …。其次为 B，… b": the figure after the superlative, then the one after 其次
        after = para.figs_in(m.end(), se)
        first = after[0] if after else None
        then = re.compile(r"其次|次之").search(text, first.end) if first else None
        nxt = then.start() if then else -1
        # 其次/次之 in the sentence of the first figure or the next one, no figure between
        if nxt < 0 or para.clause(first.start)[0] > para.clause(m.end())[1] or para.figs_in(first.end, nxt) \
                or para.sentence(nxt)[0] > se:
            continue
        later = para.figs_in(nxt, para.sentence(nxt)[1])
        if later and plain(first, later[0].unit) and plain(later[0], first.unit):
            yield _ordered(para, first, later[0], low, f"最{m['w']}…{then.group()}")
    yield from _comparisons(para)


def _comparisons(para: Para):
    """"A（a）高于 B（b）", "A 为 a，高于 B 的 b", "A（a）比 B（b）高": no difference stated."""
    text, figs = para.text, para.text_figures()
    for m in COMPARE.finditer(text):
        ss, _ = para.sentence(m.start())
        cs, ce = para.clause(m.start())
        before = [f for f in figs if ss <= f.start and f.end <= m.start()]
        after = [f for f in figs if m.end() <= f.start < ce]
        if not before or not after or before[-1].unit != after[0].unit or before[-1].unit in (PP, "rank"):
            continue
        first, second = before[-1], after[0]
        gap = text[first.end:m.start()]
        # the first figure just before the comparison word: in its clause or the clause before
        if re.search(r"\d|[；。]", gap) or len(gap) > 12 or \
                para.clause(first.start)[0] < (para.clause_before(m.start()) or (cs,))[0]:
            continue
        if m.group() == "比":
            tail = THAN_TAIL.match(text, second.end)
            ok = re.fullmatch(r"[^，。；：\d（(]{1,20}[（(][ \t]*", text[m.end():second.start]) and tail
            low = bool(tail) and tail["v"] in DOWN
        else:
            ok = re.fullmatch(r"[^，。；：\d（(]{1,20}(?:[（(]|的)[ \t]*", text[m.end():second.start])
            low = m.group() in DOWN
        if ok and not any(f.unit == PP for f in para.figs_in(second.end, ce)):
            yield _ordered(para, first, second, low, m.group())


def _points_difference(para: Para):
    for claim in para.figs:
        prefix = para.prefix(claim) if plain(claim, PP) else ""
        m = DIFF_AFTER.search(prefix) or DIFF_THAN.search(prefix)
        base = m["b"].strip(" \t的") if m else ""
        minuend = para.previous(claim) if base and not TIME_BASE.search(base) else None
        if not plain(minuend, PCT, kinds=("growth", "cagr", "share")) or not near(para, minuend, claim):
            continue
        core = re.sub(r"的?(?:平均)?(?:水平|增速|增幅|增长率|速度)$", "", base)
        found = [f for f in para.figs if f is not minuend and plain(f, PCT, kinds=(minuend.kind,))
                 and f.ref_year == minuend.ref_year and len(normalise_subject(core)) >= 3 and para.names(f, core)]
        subtrahend = nearest(found, claim)
        rate = re.search(r"[\u4e00-\u9fff]{0,2}率$|占比$|比重$|比例$", minuend.subject)
        average = re.search(r"两年平均|年均复合|年均|平均", para.prefix(minuend))
        measure = {"growth": "增速", "cagr": (average.group() if average else "平均") + "增速"}.get(minuend.kind) or \
            (rate.group() if rate else "比例")
        label = base if base.endswith(RATE_END) else f"{base}的{measure}"
        yield _make(para, "points_difference", claim,
                    [("minuend", minuend)] + [("subtrahend", f) for f in [subtrahend] if f],
                    missing=() if subtrahend else (label,),
                    params=(("direction", -1 if m["verb"] in DOWN else 1),),
                    description=f"{minuend.printed} vs {base}: {claim.printed}")
