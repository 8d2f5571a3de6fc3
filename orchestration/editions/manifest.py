"""The manifest (sources/manifest.yml): which file holds which edition, with its checksum.

Structural problems (unreadable YAML, a missing field) fail the whole manifest; problems of one entry
(missing file, wrong checksum, a path outside sources/) fail only that edition, at build time, so
that the other editions build and keep their data.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import yaml_io

MANIFEST_NAME = "manifest.yml"
KINDS = ("full_text", "curated")
REQUIRED = ("edition_year", "title", "publisher", "file", "sha256", "kind")


class ManifestError(ValueError):
    """The manifest, or one of its entries, disagrees with the files: the message names both."""


@dataclass(frozen=True)
class ManifestEntry:
    edition_year: int
    title: str
    publisher: str
    published: str | None
    file: str  # relative to the sources folder
    sha256: str
    kind: str
    note: str | None = None

    @property
    def partition_key(self) -> str:
        return str(self.edition_year)


def load_manifest(sources: Path) -> list[ManifestEntry]:
    path = Path(sources) / MANIFEST_NAME
    if not path.is_file():
        raise ManifestError(f"{path}: manifest not found")
    try:
        doc = yaml_io.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: not valid YAML ({exc})") from exc
    raw_entries = doc.get("editions") if isinstance(doc, dict) else None
    if not isinstance(raw_entries, list):
        raise ManifestError(f"{path}: expected a list under 'editions:'")
    entries = [_entry(path, i, raw) for i, raw in enumerate(raw_entries, start=1)]
    return sorted(entries, key=lambda e: (e.edition_year, e.kind, e.file))


def _entry(path: Path, number: int, raw: object) -> ManifestEntry:
    if not isinstance(raw, dict):
        raise ManifestError(f"{path}: entry {number} is not a mapping")
    missing = [k for k in REQUIRED if raw.get(k) in (None, "")]
    if missing:
        raise ManifestError(f"{path}: entry {number} lacks {', '.join(missing)}")
    try:
        year = int(raw["edition_year"])
    except (TypeError, ValueError) as exc:
        raise ManifestError(f"{path}: entry {number}: edition_year {raw['edition_year']!r} is not a year") from exc
    published = raw.get("published")
    if isinstance(published, (dt.date, dt.datetime)):
        published = published.isoformat()
    return ManifestEntry(
        edition_year=year, title=str(raw["title"]), publisher=str(raw["publisher"]),
        published=None if published is None else str(published), file=str(raw["file"]),
        sha256=str(raw["sha256"]).lower(), kind=str(raw["kind"]), note=raw.get("note"),
    )


def edition_years(entries: list[ManifestEntry]) -> list[int]:
    return sorted({e.edition_year for e in entries})


def entries_for_edition(entries: list[ManifestEntry], edition_year: int) -> list[ManifestEntry]:
    """The entries of one edition; two files of the same kind for one edition is an error."""
    mine = [e for e in entries if e.edition_year == edition_year]
    if not mine:
        raise ManifestError(f"{MANIFEST_NAME}: no entry for edition {edition_year}")
    for kind in KINDS:
        same = [e.file for e in mine if e.kind == kind]
        if len(same) > 1:
            raise ManifestError(
                f"{MANIFEST_NAME}: edition {edition_year} has {len(same)} {kind} files ({', '.join(same)}); "
                "keep one per edition and kind")
    return mine


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def validate_entry(entry: ManifestEntry, sources: Path) -> Path:
    """Check one entry against the disk; return the file's resolved path."""
    root = Path(sources).resolve()
    where = f"{MANIFEST_NAME} (edition {entry.edition_year}, {entry.file})"
    if entry.kind not in KINDS:
        raise ManifestError(f"{where}: kind {entry.kind!r} is not one of {', '.join(KINDS)}")
    path = (root / entry.file).resolve()
    if path != root and root not in path.parents:
        raise ManifestError(f"{where}: path points outside sources/ ({path})")
    if not path.is_file():
        raise ManifestError(f"{where}: file not found at {path}")
    actual = sha256_of(path)
    if actual != entry.sha256:
        raise ManifestError(
            f"{where}: checksum mismatch: the manifest says sha256 {entry.sha256[:12]}…, the file has "
            f"{actual[:12]}… (was the file replaced? run `dcw add-edition` to record a new file)")
    return path
