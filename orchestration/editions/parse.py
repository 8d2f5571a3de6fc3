"""One edition in, one frame per raw table out. Pure: no Dagster, no DuckDB.

An edition may have a full text and a curated fact sheet; both are parsed and kept, each row
carrying its source file, checksum and kind.
"""
from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .integrity import check_complete
from ..claims.raw import claim_relation_rows
from ..claims.relations import find_relations, reached_statements
from ..claims.units import unit_fit
from .manifest import ManifestEntry, validate_entry
from ..corrections import CORRECTIONS_FILE, corrections_frame, load_corrections
from ..extraction import Document, SourceFileError, extract_sections, extract_statements, read_document
from ..indicators import match_indicator
from ..indicators.curated import read_curated_sheet
from ..provinces import curated_rankings_to_rows, extract_evaluation_system, extract_rankings, find_province_mentions

# "数字中国发展报告（2021年）", "数字中国建设发展进程报告（2019年）": the edition a text calls itself.
_TITLE_YEAR = re.compile(r"数字中国[\u4e00-\u9fff]{0,8}报告\s*[（(]\s*(\d{4})\s*年?\s*[)）]")


class EditionMismatchError(SourceFileError):
    """The file's own title names another edition than the manifest."""


def title_edition_year(document: Document) -> int | None:
    """The edition year the report's title states, from its first lines (None if it states none)."""
    head = "\n".join(document.text.splitlines()[:40])
    found = _TITLE_YEAR.search(head)
    return int(found.group(1)) if found else None


def parse_edition(edition_year: int, entries: list[ManifestEntry], sources: Path) -> dict[str, pd.DataFrame]:
    rows: dict[str, list[pd.DataFrame]] = {}
    for entry in entries:
        path = validate_entry(entry, sources)
        parsed = (_parse_full_text if entry.kind == "full_text" else _parse_curated)(entry, path)
        for table, frame in parsed.items():
            rows.setdefault(table, []).append(frame)
    frames = {t: pd.concat(fs, ignore_index=True) if len(fs) > 1 else fs[0] for t, fs in rows.items()}
    # sources/corrections.yml: the edition's corrections (an entry its source no longer supports fails here)
    frames["corrections"] = corrections_frame(edition_year, frames, load_corrections(Path(sources) / CORRECTIONS_FILE))
    return frames


def _parse_full_text(entry: ManifestEntry, path: Path) -> dict[str, pd.DataFrame]:
    document = read_document(path)
    stated = title_edition_year(document)
    if stated is not None and stated != entry.edition_year:
        raise EditionMismatchError(
            f"{entry.file}: the report's title names the {stated} edition, but the manifest lists it as "
            f"edition {entry.edition_year}")
    check_complete(document.text, entry.file)  # a report cut short must not replace a complete edition
    provenance = {"edition_year": entry.edition_year, "source_file": entry.file, "sha256": entry.sha256}

    sections = extract_sections(document)
    section_frame = pd.DataFrame(
        [{**provenance, "section_path": s.path, "title": s.title, "level": s.level,
          "line_start": s.line_start, "line_end": s.line_end} for s in sections])
    section_of = _section_lookup(sections)

    found = extract_statements(document, entry.edition_year, match_indicator)
    statements = pd.DataFrame([asdict(s) for s in found])
    if not statements.empty:
        statements["source_file"] = entry.file
        statements["sha256"] = entry.sha256
        statements.insert(0, "statement_no", range(1, len(statements) + 1))
        statements["figure_text"] = [document.text[s.char_start:s.char_end] for s in found]
        reached = reached_statements(document, found)
        statements["reach"] = [n in reached for n in range(1, len(found) + 1)]
        fits = [unit_fit(s.subject, text, s.unit) for s, text in zip(found, statements["figure_text"])]
        statements["unit_fits"] = [None if f is None else f[0] for f in fits]
        statements["unit_note"] = [None if f is None else f[1] for f in fits]
    relations = pd.DataFrame(claim_relation_rows(find_relations(document, found), provenance))

    text = document.text
    rankings = extract_rankings(text, entry.edition_year, entry.file)
    evaluation = extract_evaluation_system(text, entry.edition_year, entry.file)
    mentions = find_province_mentions(text, entry.edition_year, entry.file, section_of=section_of)
    for frame in (rankings, evaluation, mentions):
        frame["sha256"] = entry.sha256

    documents = pd.DataFrame([{
        **provenance, "source_kind": entry.kind, "format": document.format, "encoding": document.encoding,
        "size_bytes": document.size_bytes, "characters": len(text), "line_count": len(document.lines),
        "title": entry.title, "publisher": entry.publisher, "published": entry.published,
        "statement_count": len(statements),
    }])
    return {"documents": documents, "sections": section_frame, "statements": statements,
            "claim_relations": relations, "province_rankings": rankings, "evaluation_system": evaluation,
            "province_mentions": mentions}


def _parse_curated(entry: ManifestEntry, path: Path) -> dict[str, pd.DataFrame]:
    sheet = read_curated_sheet(path, entry.sha256)
    facts = sheet["curated_facts"]
    facts["source_file"] = entry.file
    facts["sha256"] = entry.sha256
    rankings = curated_rankings_to_rows(sheet["curated_rankings"])
    rankings["source_file"] = entry.file
    rankings["sha256"] = entry.sha256
    documents = pd.DataFrame([{
        "edition_year": entry.edition_year, "source_file": entry.file, "sha256": entry.sha256,
        "source_kind": entry.kind, "format": "yaml", "encoding": "utf-8", "size_bytes": path.stat().st_size,
        "characters": None, "line_count": None, "title": entry.title, "publisher": entry.publisher,
        "published": entry.published, "statement_count": len(facts),
    }])
    return {"documents": documents, "curated_facts": facts, "province_rankings": rankings}


def _section_lookup(sections):
    """line -> the innermost section holding it: paint outer sections first, inner ones over them."""
    innermost: dict[int, str] = {}
    for s in sorted(sections, key=lambda s: s.level):
        for line in range(s.line_start, s.line_end + 1):
            innermost[line] = s.path
    return innermost.get
