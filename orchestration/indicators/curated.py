"""Reader of the curated fact sheets (``sources/curated/digital_china_<year>_curated.yml``).

A curated sheet holds what press coverage reported of an edition whose full text is not at hand:
edition metadata, ``facts`` (one entry per reference year × indicator × value, kept exactly as the
coverage states it) and ``rankings`` (provincial evaluation results). The reader validates strictly
and returns the raw tables ``curated_facts`` and ``curated_rankings``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from pathlib import Path

import pandas as pd
import yaml

from orchestration import yaml_io
from orchestration.indicators.matching import get_matcher
from orchestration.indicators.vocabulary import normalise_qualifier, normalise_unit

TOP_KEYS_REQUIRED = ("edition_year", "title", "publisher", "facts")
TOP_KEYS_OPTIONAL = ("published", "note", "rankings")
FACT_KEYS_REQUIRED = ("ref_year", "indicator_zh", "value_text", "value", "unit", "qualifier", "citations")
FACT_KEYS_OPTIONAL = ("kind", "note")
RANKING_KEYS_REQUIRED = ("dimension_zh", "list_kind", "rank", "province", "citations")
RANKING_KEYS_OPTIONAL = ("note",)
LIST_KINDS = ("top_n_list", "single_province_rank", "rank_among_overall_top10")
KIND_VALUES = ("level", "share", "growth", "cagr", "multiple", "increment", "rank")

FACT_COLUMNS = [
    "edition_year", "ref_year", "indicator_zh", "indicator_key", "value_text", "value", "unit",
    "unit_as_stated", "unit_fits", "qualifier", "kind", "citation", "source_file", "source_line",
]
RANKING_COLUMNS = [
    "edition_year", "dimension_zh", "list_kind", "position", "province_as_written", "citation",
    "source_file", "source_line",
]
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")

# wording -> kind, checked in this order (the first rule that applies wins)
_CAGR_WORDS = ("年均", "复合", "两年平均")
_GROWTH_WORDS = ("增长", "增速", "增幅", "提升", "提高", "下降", "压缩", "减少", "降低")
_INCREMENT_WORDS = ("新增", "净增")


class CuratedSheetError(ValueError):
    """A curated sheet is malformed; the message names the file and the entry."""


def infer_kind(indicator_zh: str, unit: str | None, unit_as_stated: str | None = None) -> str:
    """Kind of a curated figure from its wording and unit (no figure is special-cased)."""
    text = indicator_zh or ""
    stated = (unit_as_stated or "").strip()
    if unit == "rank":
        return "increment" if ("名次" in stated or "上升" in text or "提升" in text) else "rank"
    if unit == "times":
        return "multiple"
    if unit == "percentage_points":
        return "increment"
    if unit == "percent":
        if any(w in text for w in _CAGR_WORDS):
            return "cagr"
        if "贡献率" in text:  # a share of growth, not a growth rate
            return "share"
        if any(w in text for w in _GROWTH_WORDS):
            return "growth"
        return "share"
    if any(w in text for w in _INCREMENT_WORDS):
        return "increment"
    return "level"


def _source_file(path: Path) -> str:
    parts = path.parts
    if "sources" in parts:
        idx = len(parts) - 1 - parts[::-1].index("sources")
        return "/".join(parts[idx:])
    return path.name


def _entry_lines(text: str, section: str) -> list[int]:
    """1-based line of each entry of a top-level sequence, from the YAML node tree."""
    root = yaml_io.compose(text)
    if not isinstance(root, yaml.MappingNode):
        return []
    for key_node, value_node in root.value:
        if getattr(key_node, "value", None) == section and isinstance(value_node, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value_node.value]
    return []


def _check_keys(entry, required, optional, where: str) -> None:
    if not isinstance(entry, dict):
        raise CuratedSheetError(f"{where}: an entry must be a mapping, found {type(entry).__name__}")
    unknown = sorted(set(map(str, entry)) - set(required) - set(optional))
    if unknown:
        raise CuratedSheetError(f"{where}: unknown key(s) {', '.join(unknown)}")
    missing = [k for k in required if k not in entry or entry[k] is None or entry[k] == ""]
    if missing:
        raise CuratedSheetError(f"{where}: missing {', '.join(missing)}")


def _citations(entry, where: str) -> str:
    cites = entry.get("citations")
    if isinstance(cites, str):
        cites = [cites]
    if not isinstance(cites, list) or not cites or any(not isinstance(c, str) or not c.strip() for c in cites):
        raise CuratedSheetError(f"{where}: citations must be a non-empty list of sources")
    return " ".join(c.strip() for c in cites)


def _int(value, what: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CuratedSheetError(f"{where}: {what} must be an integer, found {value!r}")
    return value


def read_curated_sheet(path, sha256: str | None = None, edition_year: int | None = None) -> dict[str, pd.DataFrame]:
    """Read and validate one curated sheet.

    ``sha256``: expected checksum of the file (from the manifest); ``None`` skips the check.
    ``edition_year``: expected edition (from the manifest); the year in the file name is checked too.
    Returns ``{"curated_facts": DataFrame, "curated_rankings": DataFrame}``; raises
    :class:`CuratedSheetError` naming the file and the entry on any problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CuratedSheetError(f"{path}: cannot read the curated sheet: {exc}") from exc
    if sha256 is not None and hashlib.sha256(raw).hexdigest() != sha256.lower():
        raise CuratedSheetError(f"{path}: sha256 {hashlib.sha256(raw).hexdigest()} differs from the manifest's {sha256}")
    try:
        text = raw.decode("utf-8-sig")
        data = yaml_io.safe_load(text)
        fact_lines = _entry_lines(text, "facts")
        ranking_lines = _entry_lines(text, "rankings")
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CuratedSheetError(f"{path}: not a readable YAML file: {exc}") from exc
    if not isinstance(data, dict):
        raise CuratedSheetError(f"{path}: the sheet must be a mapping with {', '.join(TOP_KEYS_REQUIRED)}")
    _check_keys(data, TOP_KEYS_REQUIRED, TOP_KEYS_OPTIONAL, f"{path}")
    year = _int(data["edition_year"], "edition_year", f"{path}")
    if edition_year is not None and year != int(edition_year):
        raise CuratedSheetError(f"{path}: edition_year {year} but the manifest says {edition_year}")
    names = _YEAR_IN_NAME.findall(path.name)
    if names and int(names[0]) != year:
        raise CuratedSheetError(f"{path}: edition_year {year} does not match the file name")
    published = data.get("published")
    if published is not None and not isinstance(published, (str, dt.date)):
        raise CuratedSheetError(f"{path}: published must be a date or a YYYY-MM string")
    if not isinstance(data["facts"], list) or not data["facts"]:
        raise CuratedSheetError(f"{path}: facts must be a non-empty list")
    rankings = data.get("rankings") or []
    if not isinstance(rankings, list):
        raise CuratedSheetError(f"{path}: rankings must be a list")

    matcher = get_matcher()
    source_file = _source_file(path)
    fact_rows = []
    for n, entry in enumerate(data["facts"]):
        line = fact_lines[n] if n < len(fact_lines) else None
        label = entry.get("indicator_zh") if isinstance(entry, dict) else None
        where = f"{path}:{line} (facts[{n}] {label or ''})".rstrip()
        _check_keys(entry, FACT_KEYS_REQUIRED, FACT_KEYS_OPTIONAL, where)
        ref_year = _int(entry["ref_year"], "ref_year", where)
        if not 1990 <= ref_year <= year:
            raise CuratedSheetError(f"{where}: ref_year {ref_year} outside 1990..{year} (edition {year})")
        value = entry["value"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise CuratedSheetError(f"{where}: value must be a number, found {value!r}")
        stated_unit = str(entry["unit"])
        unit = normalise_unit(stated_unit)
        if unit is None:
            raise CuratedSheetError(f"{where}: unknown unit {stated_unit!r}")
        qualifier = normalise_qualifier(entry["qualifier"])
        if qualifier is None:
            raise CuratedSheetError(f"{where}: unknown qualifier {entry['qualifier']!r}")
        indicator_zh = str(entry["indicator_zh"]).strip()
        kind = entry.get("kind") or infer_kind(indicator_zh, unit, stated_unit)
        if kind not in KIND_VALUES:
            raise CuratedSheetError(f"{where}: unknown kind {kind!r}")
        found = matcher.match(indicator_zh, unit, kind)
        if found is None:  # keep the row's key even when the stated unit is wrong: checks compare units
            found = matcher.match(indicator_zh, unit, kind, require_unit=False)
        fact_rows.append(
            {
                "edition_year": year, "ref_year": ref_year, "indicator_zh": indicator_zh,
                "indicator_key": found.indicator_key if found else None,
                "value_text": str(entry["value_text"]), "value": float(value), "unit": unit,
                "unit_as_stated": stated_unit, "unit_fits": bool(found and found.unit_fits),
                "qualifier": qualifier, "kind": kind, "citation": _citations(entry, where),
                "source_file": source_file, "source_line": line,
            }
        )
    ranking_rows = []
    for n, entry in enumerate(rankings):
        line = ranking_lines[n] if n < len(ranking_lines) else None
        where = f"{path}:{line} (rankings[{n}])"
        _check_keys(entry, RANKING_KEYS_REQUIRED, RANKING_KEYS_OPTIONAL, where)
        if entry["list_kind"] not in LIST_KINDS:
            raise CuratedSheetError(f"{where}: list_kind must be one of {', '.join(LIST_KINDS)}")
        position = _int(entry["rank"], "rank", where)
        if position < 1:
            raise CuratedSheetError(f"{where}: rank must be >= 1")
        ranking_rows.append(
            {
                "edition_year": year, "dimension_zh": str(entry["dimension_zh"]).strip(),
                "list_kind": entry["list_kind"], "position": position,
                "province_as_written": str(entry["province"]).strip(), "citation": _citations(entry, where),
                "source_file": source_file, "source_line": line,
            }
        )
    facts = pd.DataFrame(fact_rows, columns=FACT_COLUMNS)
    facts = facts.astype({"edition_year": "int64", "ref_year": "int64", "value": "float64", "source_line": "int64"})
    ranks = pd.DataFrame(ranking_rows, columns=RANKING_COLUMNS)
    ranks = ranks.astype({"edition_year": "int64", "position": "int64", "source_line": "int64"})
    return {"curated_facts": facts, "curated_rankings": ranks}
