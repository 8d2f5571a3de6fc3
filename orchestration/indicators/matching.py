"""Map a statement's subject + unit + kind to an indicator key of the catalogue.

Rules (all data-driven: the wordings live in the catalogue's ``aliases``):

1. The subject is normalised (NFKC so full-width becomes half-width, spaces and punctuation dropped,
   latin lower-cased, noise words such as 我国/累计/截至 and a leading 全国 removed); aliases are
   normalised the same way when the catalogue is indexed.
2. Every alias contained in the subject is a hit. A hit lying inside a longer hit is shadowed
   ("农村网络零售额" hides "网络零售额"), so a measure is never read as a more general one.
3. A hit is kept only if the statement's unit is the indicator's unit and its kind fits the
   indicator's kind (a growth rate of X is not X: "数字经济规模" in percent/growth maps to the
   growth-rate indicator, never to the level in yuan).
4. The subject equal to an alias wins; otherwise the longest alias, then an exact kind over a
   compatible one, then the earliest position, then catalogue order.
5. With the sentence before the figure as context, an indicator whose catalogue name ends in the
   matched wording (its head) and whose other name words the sentence repeats takes over ("处置账号" in a sentence about 摄像头偷窥
   is the account count of that crackdown, not of another campaign).
6. For a wider phrase built around a subject, only an alias that ends the phrase may count
   (``head_only``): in Chinese the head noun ends the noun phrase, a word buried before it modifies it.
7. A bare generic noun matching no alias ("7.8 万家单位") is read as the head of an indicator name
   ("检举举报平台使用单位数") when the sentence repeats 4+ characters of that name's qualifier and
   no other name headed by the noun is named as closely.
8. The start of a change ("由 2 天压缩至 4 小时") is the value before it: where the catalogue keeps a
   measure as two indicators whose names differ only in a closing 前/后 (before/after), the start
   takes the 前 one.

Nothing matched -> ``None`` (the statement keeps a null key; nothing is dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orchestration.indicators.catalogue import Catalogue, load_catalogue
from orchestration.indicators.normalise import alias_forms, normalise_subject, subject_forms
from orchestration.indicators.vocabulary import NAME_SUFFIXES, normalise_unit

# statement kind -> indicator kinds it may be read as, besides its own kind
_COMPATIBLE_KINDS: dict[str, frozenset[str]] = {
    "level": frozenset({"share", "rank", "multiple"}),
    "share": frozenset({"level"}),
    "growth": frozenset({"cagr"}),
    "cagr": frozenset({"growth"}),
    "multiple": frozenset(),
    "increment": frozenset(),
    "rank": frozenset(),
}
# units for which a mismatch of level/share etc. is only a labelling question
_KIND_LOOSE_UNITS = {
    "share": {"percent"},
    "level": {"percent", "rank", "times"},
    "rank": {"rank"},
    "multiple": {"times"},
    "growth": {"percent"},
    "cagr": {"percent"},
}


def kind_fit(statement_kind: str | None, indicator_kind: str, unit: str) -> int:
    """2 = same kind, 1 = compatible kind for this unit, 0 = does not fit.
    An unknown statement kind fits any kind (weakly)."""
    if not statement_kind:
        return 1
    if statement_kind == indicator_kind:
        return 2
    if indicator_kind in _COMPATIBLE_KINDS.get(statement_kind, ()) and unit in _KIND_LOOSE_UNITS.get(
        indicator_kind, ()
    ):
        return 1
    if unit == "percentage_points" and indicator_kind == "increment":
        return 1  # a change in percentage points is an increment, whatever the statement called it
    return 0


@dataclass(frozen=True)
class Match:
    indicator_key: str
    alias: str  # the normalised alias that matched
    exact: bool  # the whole (normalised) subject is the alias
    kind_fit: int
    unit_fits: bool


class Matcher:
    """Precomputed alias index over one catalogue."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.order = {key: n for n, key in enumerate(catalogue.indicators)}
        self.index: dict[str, list[str]] = {}
        for indicator in catalogue.indicators.values():
            for alias in indicator.aliases:
                for form in alias_forms(alias):
                    keys = self.index.setdefault(form, [])
                    if indicator.key not in keys:
                        keys.append(indicator.key)
        self.max_len = max((len(form) for form in self.index), default=0)
        self.names = {key: alias_forms(i.name_zh)[0] if alias_forms(i.name_zh) else "" for key, i in
                      catalogue.indicators.items()}
        self.by_name = {name: key for key, name in self.names.items() if name}

    def _hits(self, text: str) -> list[tuple[int, int, str]]:
        hits = []
        n = len(text)
        for start in range(n):
            for end in range(min(n, start + self.max_len), start, -1):
                if text[start:end] in self.index:
                    hits.append((start, end, text[start:end]))
        # drop hits lying inside a longer hit
        return [
            (s, e, a)
            for (s, e, a) in hits
            if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) for (s2, e2, _) in hits)
        ]

    def candidates(self, subject: str | None, unit: str | None, kind: str | None, *, require_unit: bool = True,
                   head_only: bool = False):
        unit = normalise_unit(unit)
        if require_unit and unit is None:
            return []
        found: dict[str, tuple] = {}
        for form in subject_forms(subject):
            for start, end, alias in self._hits(form):
                if head_only and end != len(form):
                    continue  # rule 6: the alias must end the phrase (its head)
                exact = start == 0 and end == len(form)
                for key in self.index[alias]:
                    indicator = self.catalogue.indicators[key]
                    unit_fits = unit == indicator.unit
                    if require_unit and not unit_fits:
                        continue
                    fit = kind_fit(kind, indicator.kind, indicator.unit)
                    if not fit:
                        continue
                    score = (exact, end - start, unit_fits, fit, -start, -self.order[key])
                    if key not in found or score > found[key][0]:
                        found[key] = (score, Match(key, alias, exact, fit, unit_fits))
        return [m for _, m in sorted(found.values(), key=lambda item: item[0], reverse=True)]

    def match(self, subject: str | None, unit: str | None, kind: str | None, *, require_unit: bool = True,
              head_only: bool = False):
        found = self.candidates(subject, unit, kind, require_unit=require_unit, head_only=head_only)
        return found[0] if found else None

    def in_context(self, found: Match, unit: str | None, kind: str | None, context: str) -> str:
        """Rule 5: the key of ``found`` unless another indicator whose catalogue name ends in the same
        wording is named more closely by the sentence. Names say what qualifies a shared wording
        ("摄像头偷窥黑产治理处置账号数" vs "2021年“清朗”行动处置账号数"): the indicator whose
        qualifier shares the longest run of Chinese characters (2 at least) with the sentence wins.
        A wording that is the whole name of the match (网民规模) is not open to qualification."""
        unit = normalise_unit(unit)
        text = normalise_subject(context)
        if not text or found.alias == self.names[found.indicator_key]:
            return found.indicator_key  # the wording is the whole name: nothing qualifies it
        best, evidence = found.indicator_key, context_evidence(self.names[found.indicator_key], found.alias, text)
        for key, name in self.names.items():
            indicator = self.catalogue.indicators[key]
            if key == found.indicator_key or not heads_name(name, found.alias) or indicator.unit != unit or \
                    not kind_fit(kind, indicator.kind, indicator.unit):
                continue
            score = context_evidence(name, found.alias, text)
            if score >= 2 and score > evidence:
                best, evidence = key, score
        return best

    def before_change(self, key: str) -> str:
        """Rule 8: the indicator of the value before a change, when the catalogue has one."""
        name = self.names[key]
        if not name.endswith("后"):
            return key
        return self.by_name.get(name[:-1] + "前", key)

    def headed(self, subject: str | None, unit: str | None, kind: str | None, context: str) -> str | None:
        """Rule 7: the indicator a bare head noun stands for in its sentence, or None."""
        unit, head, text = normalise_unit(unit), normalise_subject(subject), normalise_subject(context)
        if not head or not text:
            return None
        scores = []
        for key, name in self.names.items():
            indicator = self.catalogue.indicators[key]
            if heads_name(name, head) and indicator.unit == unit and kind_fit(kind, indicator.kind, indicator.unit):
                scores.append((context_evidence(name, head, text), key))
        scores.sort(reverse=True)
        if not scores or scores[0][0] < _HEAD_EVIDENCE or len(scores) > 1 and scores[1][0] == scores[0][0]:
            return None
        return scores[0][1]


# rule 7: a generic noun says little by itself, the sentence must repeat a word pair of the qualifier
_HEAD_EVIDENCE = 4
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def heads_name(name: str, alias: str) -> bool:
    """The wording ends the name, a measure suffix aside ("…处置账号数" is headed by 处置账号; in
    "参与首批绿电交易的市场主体数" 绿电交易 only qualifies 市场主体)."""
    at = name.rfind(alias) if alias else -1
    return at >= 0 and name[at + len(alias):] in NAME_SUFFIXES


def context_evidence(name: str, alias: str, context: str) -> int:
    """The longest run of Chinese characters shared by ``context`` and the words of ``name`` other
    than ``alias`` (what qualifies the wording in the name)."""
    best = 0
    for part in name.split(alias, 1) if alias and alias in name else [name]:
        for run in _CJK_RUN.findall(part):
            n = len(run)
            for size in range(min(n, len(context)), best, -1):
                if any(run[i:i + size] in context for i in range(n - size + 1)):
                    best = size
                    break
    return best


@lru_cache(maxsize=4)
def _matcher_for(path: str) -> Matcher:
    return Matcher(load_catalogue(path))


def get_matcher() -> Matcher:
    catalogue = load_catalogue()
    return _matcher_for(str(catalogue.path))


@lru_cache(maxsize=65536)
def match_indicator(subject: str, unit: str, kind: str, context: str = "", head_only: bool = False,
                    head_noun: bool = False, change_start: bool = False) -> str | None:
    """Indicator key for a statement's subject, unit and kind; ``None`` when nothing fits.

    ``unit`` may be a vocabulary unit (``count``, ``percent`` …) or a unit as stated (``亿元``, ``%``);
    ``kind`` is one of level/share/growth/cagr/multiple/increment/rank (empty: any kind).
    ``context`` (the sentence of the statement) chooses among indicators sharing the wording;
    ``head_only`` accepts only an alias that ends the subject (the head of a wider phrase);
    ``head_noun`` reads the subject only as the head noun of a name the context qualifies (rule 7);
    ``change_start`` marks the first value of a "由 X 至 Y" change (rule 8)."""
    matcher = get_matcher()
    if head_noun:
        key = matcher.headed(subject, unit, kind, context)
    else:
        found = matcher.match(subject, unit, kind, head_only=head_only)
        if not found:
            return None
        key = matcher.in_context(found, unit, kind, context) if context else found.indicator_key
    return matcher.before_change(key) if key and change_start else key


def match_indicator_by_name(subject: str, kind: str | None = None) -> str | None:
    """Indicator key for a subject whatever its unit (used to keep a wrongly stated unit visible:
    the row gets its key and the unit mismatch is left for the consistency checks)."""
    found = get_matcher().match(subject, None, kind, require_unit=False)
    return found.indicator_key if found else None
