"""The indicator catalogue: ``dbt_project/seeds/indicators.csv``, loaded once and validated.

The same file is dbt's ``dim_indicator`` seed, so every judgement about a measure (its unit, its
kind, the wordings the editions use for it) lives there and nowhere in code.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from orchestration.indicators.normalise import alias_forms
from orchestration.indicators.vocabulary import KINDS, TOPICS, UNITS

COLUMNS = (
    "indicator_key", "name_zh", "name_en", "unit", "kind", "topic", "is_cumulative", "aliases", "description",
)
ALIAS_SEPARATOR = "|"
_KEY_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
# which units a kind may carry (kind -> allowed units); kinds not listed accept any unit
_KIND_UNITS = {
    "share": {"percent"},
    "growth": {"percent"},
    "cagr": {"percent"},
    "multiple": {"times"},
    "rank": {"rank"},
}

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "indicators.csv"
ENV_VAR = "DCW_INDICATOR_CATALOGUE"


class CatalogueError(ValueError):
    """The catalogue file is malformed; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Indicator:
    key: str
    name_zh: str
    name_en: str
    unit: str
    kind: str
    topic: str
    is_cumulative: bool
    aliases: tuple[str, ...]
    description: str
    line: int


@dataclass(frozen=True)
class Catalogue:
    path: Path
    indicators: dict[str, Indicator]

    def __len__(self) -> int:
        return len(self.indicators)

    def __contains__(self, key: object) -> bool:
        return key in self.indicators

    def __getitem__(self, key: str) -> Indicator:
        return self.indicators[key]

    def keys(self) -> list[str]:
        return list(self.indicators)

    def to_frame(self):
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "indicator_key": i.key, "name_zh": i.name_zh, "name_en": i.name_en, "unit": i.unit,
                    "kind": i.kind, "topic": i.topic, "is_cumulative": i.is_cumulative,
                    "aliases": ALIAS_SEPARATOR.join(i.aliases), "description": i.description,
                }
                for i in self.indicators.values()
            ],
            columns=list(COLUMNS),
        )


def catalogue_path() -> Path:
    override = os.environ.get(ENV_VAR)
    return Path(override) if override else DEFAULT_PATH


def parse_catalogue(path: Path | str) -> Catalogue:
    """Read and validate a catalogue file (no caching). Raises :class:`CatalogueError`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: cannot read the indicator catalogue: {exc}") from exc
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise CatalogueError(f"{path}: header must be {','.join(COLUMNS)}, found {reader.fieldnames}")
    problems: list[str] = []
    indicators: dict[str, Indicator] = {}
    claimed: dict[tuple[str, str, str], tuple[str, str]] = {}  # (alias form, unit, kind) -> (key, alias)
    for row in reader:
        line = reader.line_num
        where = f"{path}:{line}"
        if None in row or any(v is None for v in row.values()):
            problems.append(f"{where}: wrong number of fields")
            continue
        row = {k: v.strip() for k, v in row.items()}
        key = row["indicator_key"]
        if not _KEY_RE.match(key):
            problems.append(f"{where}: indicator_key {key!r} is not snake_case")
        if key in indicators:
            problems.append(f"{where}: duplicate indicator_key {key!r} (first on line {indicators[key].line})")
        for column in ("name_zh", "name_en", "description"):
            if not row[column]:
                problems.append(f"{where}: {key}: empty {column}")
        unit, kind, topic = row["unit"], row["kind"], row["topic"]
        if unit not in UNITS:
            problems.append(f"{where}: {key}: unit {unit!r} not in the vocabulary")
        if kind not in KINDS:
            problems.append(f"{where}: {key}: kind {kind!r} not in the vocabulary")
        elif kind in _KIND_UNITS and unit not in _KIND_UNITS[kind]:
            problems.append(f"{where}: {key}: kind {kind} cannot have unit {unit}")
        if topic not in TOPICS:
            problems.append(f"{where}: {key}: topic {topic!r} not in the vocabulary")
        if row["is_cumulative"] not in ("true", "false"):
            problems.append(f"{where}: {key}: is_cumulative must be true or false")
        aliases = tuple(a.strip() for a in row["aliases"].split(ALIAS_SEPARATOR))
        if not row["aliases"] or any(not a for a in aliases):
            problems.append(f"{where}: {key}: empty alias")
            aliases = tuple(a for a in aliases if a)
        if len(set(aliases)) != len(aliases):
            problems.append(f"{where}: {key}: repeated alias")
        for alias in aliases:
            forms = alias_forms(alias)
            if not forms:
                problems.append(f"{where}: {key}: alias {alias!r} is empty once normalised")
            for form in forms:
                other = claimed.get((form, unit, kind))
                if other and other[0] != key:
                    problems.append(
                        f"{where}: {key}: alias {alias!r} already claimed by {other[0]} ({other[1]!r}) "
                        f"with the same unit {unit} and kind {kind}"
                    )
                else:
                    claimed[(form, unit, kind)] = (key, alias)
        indicators.setdefault(
            key,
            Indicator(
                key=key, name_zh=row["name_zh"], name_en=row["name_en"], unit=unit, kind=kind, topic=topic,
                is_cumulative=row["is_cumulative"] == "true", aliases=aliases,
                description=row["description"], line=line,
            ),
        )
    if problems:
        raise CatalogueError(f"{path}: {len(problems)} problem(s):\n" + "\n".join(problems))
    if not indicators:
        raise CatalogueError(f"{path}: the catalogue is empty")
    return Catalogue(path=path, indicators=indicators)


@lru_cache(maxsize=4)
def _load(path: str) -> Catalogue:
    return parse_catalogue(path)


def load_catalogue(path: Path | str | None = None) -> Catalogue:
    """The validated catalogue, read once per path (``DCW_INDICATOR_CATALOGUE`` overrides the default)."""
    return _load(str(Path(path) if path is not None else catalogue_path()))
