"""Numbers as written in Chinese prose: Arabic figures with scale words (12.8 万, 2 千亿), Chinese
numerals (三千万, 十二), fractions in words (三分之一, 八成, 一半), ordinals (第 9 位, 第二), units.

`find_figures` tokenises a (normalised) paragraph into candidate figures; whether a candidate is a
statement is decided with its context in `statements.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import COUNTERS, MAGNITUDE, QUALIFIER_INFIX, UNIT_WORDS

CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
            "九": 9}
CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def chinese_to_number(s: str) -> float | None:
    """三千万 -> 3e7, 十二 -> 12, 百万 -> 1e6, 一万四千亿 -> 1.4e12; None if `s` is not a numeral."""
    total, section, number = 0.0, 0.0, 0.0
    seen = False
    for ch in s:
        if ch in CN_DIGIT:
            number = CN_DIGIT[ch]
            seen = True
        elif ch in CN_UNIT:
            section += (number or 1) * CN_UNIT[ch]
            number, seen = 0, True
        elif ch == "万":
            total += (section + number) * 1e4
            section, number, seen = 0, 0, True
        elif ch == "亿":
            total = (total + section + number) * 1e8
            section, number, seen = 0, 0, True
        else:
            return None
    return (total + section + number) if seen else None


def arabic_to_number(s: str) -> float:
    return float(s.replace(",", ""))


def clean(value: float | None) -> float | None:
    """Drop binary noise of scaling (1.1 * 1e8 = 110000000.00000001)."""
    return None if value is None else float(f"{value:.12g}")


def magnitude_of(mag: str | None) -> float:
    """The product of scale words: 万亿 -> 1e12, 千亿 -> 1e11, 千万 -> 1e7."""
    factor = 1.0
    for ch in mag or "":
        factor *= MAGNITUDE[ch]
    return factor


def _alternation(words) -> str:
    latin = sorted((w for w in words if re.search(r"[A-Za-z]", w)), key=len, reverse=True)
    other = sorted((w for w in words if not re.search(r"[A-Za-z]", w)), key=len, reverse=True)
    parts = [re.escape(w) for w in other]
    if latin:
        parts.insert(0, "(?i:" + "|".join(re.escape(w) for w in latin) + r")(?![A-Za-z])")
    return "(?:" + "|".join(parts) + ")"


_UNITS = _alternation(list(UNIT_WORDS) + list(COUNTERS))
_NUM = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CN = r"[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*"
_SP = r"[ \t]*"
_MAG = r"(?:[十百千]?(?:万亿|亿亿|亿|万)|千(?![兆瓦米])|百(?![兆分]))"

FIGURE_RE = re.compile(
    # ordinals: 第 9 位, 第二 (a rank only in a ranking context; else a name: 第三次, 第十四个五年规划)
    rf"(?P<ord>第){_SP}(?P<ordn>{_NUM}|{_CN}){_SP}(?P<ordu>位|名)?"
    r"|(?P<top>首位|榜首)"
    r"|(?P<big>(?:全球|世界)(?:最大|最多))"
    # "前 10 名", "前 50": the size of a list; "图 3", "表1所示": a figure or table number. Never statements.
    rf"|(?P<front>前|[图表]){_SP}(?:{_NUM}|{_CN}){_SP}(?:名|位|强)?"
    # fractions in words
    rf"|百分之(?P<pct>{_NUM}|{_CN})"
    r"|(?P<fd>[一二三四五六七八九十]+)分之(?P<fn>[一二三四五六七八九十]+)"
    r"|(?P<half>一半)"
    r"|(?P<cheng>[一二三四五六七八九])成(?![为立功果本熟长交员就绩效型品了])"
    # Arabic figures, optionally a range, a scale word and a unit
    rf"|(?<![0-9A-Za-z._/:\\-])(?P<num>{_NUM})(?:{_SP}(?P<sep>[-~]|至|到){_SP}(?P<num2>{_NUM}))?"
    rf"{_SP}(?P<mid1>[余多])?{_SP}(?P<mag>{_MAG})?(?P<mid2>[余多])?{_SP}(?P<unit>{_UNITS})?"
    # Chinese numerals
    rf"|(?<![第数几上每前成千百])(?P<cn>{_CN})(?P<cmid>[余多])?{_SP}(?P<cunit>{_UNITS})"
)


@dataclass
class Figure:
    start: int
    end: int
    value: float | None
    value2: float | None = None   # the upper end of a range
    unit: str | None = None       # vocabulary unit, None when no unit is written
    unit_word: str = ""
    magnitude: bool = False
    infix: str | None = None      # qualifier written inside the figure (余, 多)
    form: str = "arabic"          # arabic | chinese | fraction | ordinal | top | biggest | front
    ordinal_unit: str = ""        # 位/名 after an ordinal
    integer: bool = False

    @property
    def is_range(self) -> bool:
        return self.value2 is not None


_UNIT_LOOKUP = {surface.lower(): value for surface, value in UNIT_WORDS.items()}


def _unit_of(word: str | None) -> tuple[str | None, float]:
    if not word:
        return None, 1.0
    return _UNIT_LOOKUP.get(word.lower(), ("count", 1.0))


def find_figures(text: str) -> list[Figure]:
    """Every candidate figure of a normalised text, in order. Names, dates and list sizes are kept
    as candidates of their own form so that the numbers inside them are never read as figures."""
    figures = []
    for m in FIGURE_RE.finditer(text):
        start = m.start()
        end = m.end()
        while end > start and text[end - 1] in " \t":
            end -= 1
        g = m.group
        if g("ord"):
            n = g("ordn")
            value = arabic_to_number(n) if n[0].isdigit() else chinese_to_number(n)
            figures.append(Figure(start, end, value, form="ordinal", ordinal_unit=g("ordu") or "", unit="rank"))
        elif g("top"):
            figures.append(Figure(start, end, 1.0, form="top", unit="rank"))
        elif g("big"):
            figures.append(Figure(start, end, 1.0, form="biggest", unit="rank"))
        elif g("front"):
            figures.append(Figure(start, end, None, form="front"))
        elif g("pct"):
            n = g("pct")
            value = arabic_to_number(n) if n[0].isdigit() else chinese_to_number(n)
            figures.append(Figure(start, end, value, unit="percent", form="fraction"))
        elif g("fd"):
            d, n = chinese_to_number(g("fd")), chinese_to_number(g("fn"))
            value = round(n / d * 100, 2) if d else None
            figures.append(Figure(start, end, value, unit="percent", form="fraction"))
        elif g("half"):
            figures.append(Figure(start, end, 50.0, unit="percent", form="fraction"))
        elif g("cheng"):
            figures.append(Figure(start, end, CN_DIGIT[g("cheng")] * 10.0, unit="percent", form="fraction"))
        elif g("num"):
            figures.append(_arabic(m, start, end))
        elif g("cn"):
            value = chinese_to_number(g("cn"))
            unit, factor = _unit_of(g("cunit"))
            if value is None:
                continue
            figures.append(Figure(start, end, clean(value * factor), unit=unit, unit_word=g("cunit") or "",
                                  infix=QUALIFIER_INFIX.get(g("cmid") or ""), form="chinese",
                                  magnitude=bool(re.search("[万亿]", g("cn")))))
    return figures


def _arabic(m: re.Match, start: int, end: int) -> Figure:
    g = m.group
    unit, factor = _unit_of(g("unit"))
    scale = magnitude_of(g("mag")) * factor
    value = arabic_to_number(g("num")) * scale
    value2 = arabic_to_number(g("num2")) * scale if g("num2") else None
    mid = g("mid1") or g("mid2") or ""
    integer = "." not in g("num") and not g("mag") and not g("num2")
    return Figure(start, end, clean(value), clean(value2), unit=unit, unit_word=g("unit") or "", magnitude=bool(g("mag")),
                  infix=QUALIFIER_INFIX.get(mid), form="arabic", integer=integer)
