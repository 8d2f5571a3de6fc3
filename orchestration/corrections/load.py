"""sources/corrections.yml: every correction names the edition, the indicator, the reference year, the value
as the source states it, the corrected value, the reason and the evidence.

A correction is data about a source: it is applied in dbt (int_indicator_observations__corrected), never by
editing the source. When the source no longer states `value_as_stated` (it was fixed, or the figure moved),
the correction is obsolete and loading the edition fails loudly, naming the entry: the entry must go.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import yaml_io

CORRECTIONS_FILE = "corrections.yml"
REQUIRED = ("id", "edition_year", "indicator_key", "ref_year", "value_as_stated", "corrected_value", "reason",
            "evidence")
OPTIONAL = ("corrected_unit", "note")
COLUMNS = ["edition_year", "correction_id", "indicator_key", "ref_year", "value_as_stated", "corrected_value",
           "corrected_unit", "reason", "evidence", "source_file", "line"]


class CorrectionsError(ValueError):
    """corrections.yml is malformed; the message names the entry."""


class ObsoleteCorrectionError(CorrectionsError):
    """The source no longer states the value a correction fixes: the correction must be removed."""


@dataclass(frozen=True)
class Correction:
    id: str
    edition_year: int
    indicator_key: str
    ref_year: int
    value_as_stated: float
    corrected_value: float
    reason: str
    evidence: tuple[str, ...]
    corrected_unit: str | None = None
    line: int | None = None


def _number(entry: dict, key: str, where: str) -> float:
    value = entry[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(float(value)):
        raise CorrectionsError(f"{where}: {key} must be a number, found {value!r}")
    return float(value)


def _year(entry: dict, key: str, where: str) -> int:
    value = entry[key]
    if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2100:
        raise CorrectionsError(f"{where}: {key} must be a year, found {value!r}")
    return value


def load_corrections(path: Path) -> list[Correction]:
    """Every entry of corrections.yml, validated (a missing file means no corrections)."""
    path = Path(path)
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    doc = yaml_io.safe_load(text) or {}
    entries = doc.get("corrections") if isinstance(doc, dict) else None
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise CorrectionsError(f"{path.name}: 'corrections' must be a list")
    root = yaml_io.compose(text)
    lines = []
    for key, node in root.value:
        if key.value == "corrections":
            lines = [item.start_mark.line + 1 for item in node.value]
    found: list[Correction] = []
    for i, entry in enumerate(entries):
        where = f"{path.name} entry {i + 1}" + (f" ({entry.get('id')})" if isinstance(entry, dict) else "")
        if not isinstance(entry, dict):
            raise CorrectionsError(f"{where}: must be a mapping")
        unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
        if unknown:
            raise CorrectionsError(f"{where}: unknown key(s) {', '.join(unknown)}")
        missing = [k for k in REQUIRED if entry.get(k) in (None, "", [])]
        if missing:
            raise CorrectionsError(f"{where}: missing {', '.join(missing)}")
        evidence = entry["evidence"]
        evidence = (evidence,) if isinstance(evidence, str) else tuple(str(e) for e in evidence)
        found.append(Correction(
            id=str(entry["id"]), edition_year=_year(entry, "edition_year", where),
            indicator_key=str(entry["indicator_key"]), ref_year=_year(entry, "ref_year", where),
            value_as_stated=_number(entry, "value_as_stated", where),
            corrected_value=_number(entry, "corrected_value", where), reason=str(entry["reason"]).strip(),
            evidence=evidence, corrected_unit=entry.get("corrected_unit"),
            line=lines[i] if i < len(lines) else None))
    ids = [c.id for c in found]
    dupes = sorted({x for x in ids if ids.count(x) > 1})
    if dupes:
        raise CorrectionsError(f"{path.name}: duplicate correction id(s) {', '.join(dupes)}")
    return found


def _states(frames: dict[str, pd.DataFrame], c: Correction) -> bool:
    """Does the edition's source still state c.value_as_stated for the indicator and year?"""
    for table in ("statements", "curated_facts"):
        frame = frames.get(table)
        if frame is None or frame.empty or "indicator_key" not in frame:
            continue
        rows = frame[(frame["indicator_key"] == c.indicator_key) & (frame["ref_year"] == c.ref_year)]
        for value in rows["value"]:
            if value is not None and math.isclose(float(value), c.value_as_stated, rel_tol=1e-9, abs_tol=1e-12):
                return True
    return False


def corrections_frame(edition_year: int, frames: dict[str, pd.DataFrame], corrections: list[Correction],
                      source_file: str = CORRECTIONS_FILE) -> pd.DataFrame:
    """The edition's corrections as rows of raw.corrections; an obsolete entry raises ObsoleteCorrectionError."""
    rows = []
    for c in corrections:
        if c.edition_year != edition_year:
            continue
        if not _states(frames, c):
            raise ObsoleteCorrectionError(
                f"{source_file}: correction {c.id!r} (line {c.line}) says edition {c.edition_year} states "
                f"{c.indicator_key} = {c.value_as_stated:g} for {c.ref_year}, but the source no longer does: "
                f"the source was fixed, remove the correction")
        rows.append({"edition_year": edition_year, "correction_id": c.id, "indicator_key": c.indicator_key,
                     "ref_year": c.ref_year, "value_as_stated": c.value_as_stated,
                     "corrected_value": c.corrected_value, "corrected_unit": c.corrected_unit, "reason": c.reason,
                     "evidence": " | ".join(c.evidence), "source_file": source_file, "line": c.line})
    return pd.DataFrame(rows, columns=COLUMNS)
