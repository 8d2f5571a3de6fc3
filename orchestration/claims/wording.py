"""Figures written the way the reports write them (万, 亿, 万亿; %), for the explanations."""
from __future__ import annotations

import math

_MONEY = {"yuan": "元", "usd": "美元"}
_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
_SUFFIX = {"percent": "%", "percentage_points": " 个百分点", "times": " 倍", "per_10k_population": " per 10 000 people",
           "ZB": " ZB", "EB": " EB", "EFLOPS": " EFLOPS", "GB_per_user_month": " GB/户·月", "rank": ""}


def _digits(x: float, significant: int) -> str:
    if x == 0 or not math.isfinite(x):
        return "0" if x == 0 else str(x)
    decimals = max(0, significant - 1 - int(math.floor(math.log10(abs(x)))))
    text = f"{x:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def figure(value: float | None, unit: str, significant: int = 4) -> str:
    """13.7264 percent -> "13.73%"; 1.34237e12 yuan -> "1.342万亿元"; 707000 count -> "70.7万"."""
    if value is None:
        return "?"
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞"
    if unit in _MONEY or unit == "count":
        for scale, word in _SCALES:
            if abs(value) >= scale:
                return _digits(value / scale, significant) + word + _MONEY.get(unit, "")
        return _digits(value, significant) + _MONEY.get(unit, "")
    return _digits(value, significant) + _SUFFIX.get(unit, f" {unit}" if unit else "")


def interval(lo: float, hi: float, unit: str, significant: int = 4) -> str:
    if math.isinf(hi) and hi > 0:
        return f"at least {figure(lo, unit, significant)}"
    if math.isinf(lo) and lo < 0:
        return f"at most {figure(hi, unit, significant)}"
    return f"{figure(lo, unit, significant)}–{figure(hi, unit, significant)}"


def signed(value: float, unit: str, significant: int = 4) -> str:
    text = figure(value, unit, significant)
    return text if value < 0 else "+" + text
