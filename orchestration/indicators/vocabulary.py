"""Vocabularies of the indicator catalogue and the mapping of units *as stated* to them.

The catalogue (``dbt_project/seeds/indicators.csv``) uses the unit vocabulary of the answer key
(``count, yuan, usd, percent, …``) plus two additions the curated editions need:

* ``nm``    – a semiconductor process node in nanometres (2017 edition: 28纳米 量产工艺).
* ``years`` – a number of years (2019 edition: 全球创新指数排名连续上升 4年).

Values are always normalised (万 = 1e4, 亿 = 1e8 …) before they reach this module, so a stated unit
such as 亿元 or 万个 maps to the base unit (``yuan``, ``count``).
"""

from __future__ import annotations

import unicodedata

UNITS: frozenset[str] = frozenset(
    {
        "count", "yuan", "usd", "percent", "percentage_points", "rank", "times", "ZB", "EB", "EFLOPS",
        "GB_per_user_month", "per_10k_population", "km", "TEU", "kWh", "ratio", "hours", "m",
        # additions of this catalogue (documented above)
        "nm", "years",
    }
)
KINDS: frozenset[str] = frozenset({"level", "share", "growth", "cagr", "multiple", "increment", "rank"})
TOPICS: frozenset[str] = frozenset(
    {
        "infrastructure", "data resources", "technology", "economy", "government", "society", "culture",
        "ecology", "governance", "security", "international", "survey",
    }
)
QUALIFIERS: frozenset[str] = frozenset({"exact", "over", "near", "approx", "under"})

# Units as the editions / press coverage state them -> catalogue unit. Keys are NFKC-normalised.
_COUNT_WORDS = (
    "个", "户", "人", "人次", "次", "件", "件次", "项", "家", "所", "台", "套", "台套", "台(套)", "份", "部", "类",
    "种", "条", "款", "座", "张", "名", "门", "篇", "笔", "辆", "处", "架", "块", "批次", "万", "亿", "万亿",
)
_MULTIPLIERS = ("", "十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿", "百亿", "千亿", "万亿")

STATED_UNITS: dict[str, str] = {}
for _w in _COUNT_WORDS:
    for _m in _MULTIPLIERS:
        STATED_UNITS[_m + _w] = "count"
for _m in _MULTIPLIERS:
    STATED_UNITS[_m + "元"] = "yuan"
    STATED_UNITS[_m + "元人民币"] = "yuan"
    STATED_UNITS[_m + "美元"] = "usd"
    STATED_UNITS[_m + "千瓦时"] = "kWh"
    STATED_UNITS[_m + "公里"] = "km"
STATED_UNITS.update(
    {
        "%": "percent", "percent": "percent", "百分比": "percent",
        "个百分点": "percentage_points", "百分点": "percentage_points", "pp": "percentage_points",
        "位": "rank", "第": "rank", "名次": "rank", "个名次": "rank", "位次": "rank",
        "倍": "times",
        "纳米": "nm", "nm": "nm",
        "年": "years",
        "小时": "hours", "h": "hours",
        "米": "m",
        "teu": "TEU", "万teu": "TEU",
        "kwh": "kWh", "度": "kWh",
        "km": "km",
        "zb": "ZB", "eb": "EB",
        "eflops": "EFLOPS",
        "gb/户·月": "GB_per_user_month", "gb/户月": "GB_per_user_month",
    }
)
# the vocabulary itself is accepted as is
STATED_UNITS.update({u.lower(): u for u in UNITS})


def normalise_unit(unit: str | None) -> str | None:
    """Map a unit (vocabulary value or unit as stated, e.g. ``亿元``, ``%``, ``个百分点``) to the
    catalogue vocabulary; ``None`` when unknown or empty."""
    if unit is None:
        return None
    text = unicodedata.normalize("NFKC", str(unit)).strip()
    if not text:
        return None
    if text in UNITS:
        return text
    text = "".join(text.split()).lower()
    return STATED_UNITS.get(text)


# What a catalogue name may add after the words of the measure ("处置账号" + "数").
NAME_SUFFIXES = frozenset({"", "数", "数量", "总数", "条数", "件数", "个数", "人数", "量", "规模"})

_QUALIFIER_WORDS = {
    "exact": "exact", "": "exact", "达": "exact", "达到": "exact", "为": "exact",
    "over": "over", "超": "over", "超过": "over", "逾": "over", "以上": "over", "余": "over", "多": "over",
    "突破": "over", "上百": "over", "多于": "over",
    "near": "near", "近": "near", "接近": "near", "将近": "near",
    "approx": "approx", "约": "approx", "左右": "approx", "大约": "approx",
    "under": "under", "以内": "under", "不足": "under", "低于": "under", "优于": "under", "不到": "under",
}


def normalise_qualifier(qualifier: str | None) -> str | None:
    """Map a qualifier (vocabulary or the Chinese word) to exact/over/near/approx/under; None if unknown."""
    text = unicodedata.normalize("NFKC", "" if qualifier is None else str(qualifier)).strip().lower()
    return _QUALIFIER_WORDS.get(text)
