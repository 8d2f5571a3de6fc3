"""`dcw add-edition FILE --edition YEAR`: put a report file into sources/, record it in the manifest,
then build that edition (and the marts) with `build([YEAR])`.

The manifest is edited as text, conservatively: its header comments and every other entry stay byte
for byte; only the entry of this edition and kind is replaced (or a new one inserted in year order).
The file is checked before anything is touched (readable, title names this edition, not truncated),
so a bad file never reaches sources/.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import yaml

from .. import yaml_io
from ..editions.manifest import KINDS, MANIFEST_NAME, ManifestEntry, load_manifest, sha256_of

DEFAULT_PUBLISHER = "国家互联网信息办公室"
_ENTRY_START = re.compile(r"^(\s*)-\s")


class AddEditionError(ValueError):
    """Refused: the message says which file and why (nothing in sources/ was changed)."""


def destination_name(source: Path, edition_year: int, kind: str) -> str:
    suffix = source.suffix.lower() or ".txt"
    if kind == "curated":
        return f"curated/digital_china_{edition_year}_curated{suffix}"
    return f"digital_china_development_report_{edition_year}{suffix}"


def render_entry(entry: ManifestEntry, indent: str = "  ") -> str:
    fields = {"edition_year": entry.edition_year, "title": entry.title, "publisher": entry.publisher,
              "published": entry.published, "file": entry.file, "sha256": entry.sha256, "kind": entry.kind}
    lines = []
    for i, (key, value) in enumerate((k, v) for k, v in fields.items() if v is not None):
        text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip()
        if text.endswith("\n..."):
            text = text[:-4].strip()
        if key == "published":
            text = '"' + str(value).replace('"', '\\"') + '"'  # a date stays a string
        lines.append(f"{indent}{'- ' if i == 0 else '  '}{key}: {text}")
    return "\n".join(lines) + "\n"


def upsert_entry(manifest_text: str, entry: ManifestEntry) -> str:
    """The manifest text with `entry` replacing the one of the same edition and kind, or inserted
    before the first entry of a later edition (else at the end). Everything else is kept as is."""
    lines = manifest_text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(r"^editions:\s*(#.*)?$", line)), None)
    if start is None:
        raise AddEditionError(f"{MANIFEST_NAME}: no top-level 'editions:' list to add to")
    blocks: list[tuple[int, int]] = []  # [first line, end line) of each entry
    indent = "  "
    for i in range(start + 1, len(lines)):
        found = _ENTRY_START.match(lines[i])
        if found:
            if blocks:
                blocks[-1] = (blocks[-1][0], i)
            blocks.append((i, len(lines)))
            indent = found.group(1)
        elif lines[i].strip() and not lines[i].startswith((" ", "\t", "#")):
            if blocks:
                blocks[-1] = (blocks[-1][0], i)
            break
    # trailing blank lines or comments after the last entry stay outside it
    if blocks:
        first, end = blocks[-1]
        while end > first + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        blocks[-1] = (first, end)
    new_block = render_entry(entry, indent)
    insert_at = None
    for first, end in blocks:
        parsed = (yaml_io.safe_load("editions:\n" + "".join(lines[first:end])) or {}).get("editions") or [{}]
        item = parsed[0] if isinstance(parsed[0], dict) else {}
        year, kind = int(item.get("edition_year", 0) or 0), item.get("kind")
        if year == entry.edition_year and kind == entry.kind:
            return "".join(lines[:first]) + new_block + "".join(lines[end:])
        if insert_at is None and year > entry.edition_year:
            insert_at = first
    if insert_at is None:
        insert_at = blocks[-1][1] if blocks else start + 1
    before = "".join(lines[:insert_at])
    if before and not before.endswith("\n"):
        before += "\n"
    return before + new_block + "".join(lines[insert_at:])


def _check_file(path: Path, entry: ManifestEntry) -> None:
    """The same checks the build makes, before the file is copied (SourceFileError naming the file)."""
    if entry.kind != "full_text":
        return
    from ..editions.integrity import check_complete
    from ..editions.parse import EditionMismatchError, title_edition_year
    from ..extraction import read_document

    document = read_document(path)
    stated = title_edition_year(document)
    if stated is not None and stated != entry.edition_year:
        raise EditionMismatchError(f"{path}: the report's title names the {stated} edition, not {entry.edition_year}")
    check_complete(document.text, str(path))


def add_edition(file: Path, edition_year: int, sources: Path, *, title: str | None = None,
                published: str | None = None, publisher: str | None = None, kind: str = "full_text",
                replace: bool = False) -> ManifestEntry:
    """Copy `file` into `sources` and record it in the manifest; returns the entry. Raises
    AddEditionError / SourceFileError / ManifestError (nothing changed) when it refuses."""
    file = Path(file).resolve()
    sources = Path(sources).resolve()
    if kind not in KINDS:
        raise AddEditionError(f"--kind {kind!r} is not one of {', '.join(KINDS)}")
    if not file.is_file():
        raise AddEditionError(f"{file}: file not found")
    manifest_path = sources / MANIFEST_NAME
    entries = load_manifest(sources)
    digest = sha256_of(file)
    existing = [e for e in entries if e.edition_year == edition_year and e.kind == kind]
    inside = sources in file.parents
    relative = str(file.relative_to(sources)) if inside else destination_name(file, edition_year, kind)
    if existing and existing[0].sha256 != digest and not replace:
        raise AddEditionError(
            f"{file}: edition {edition_year} already has a {kind} file, {existing[0].file} (sha256 "
            f"{existing[0].sha256[:12]}…), and this one differs (sha256 {digest[:12]}…); pass --replace to replace it")
    target = sources / relative
    if not inside and target.exists() and sha256_of(target) != digest and not replace and not (
            existing and existing[0].file == relative):
        raise AddEditionError(f"{file}: {target} exists with other content; pass --replace to overwrite it")
    old = existing[0] if existing else None
    entry = ManifestEntry(
        edition_year=edition_year, kind=kind, file=relative, sha256=digest,
        title=title or (old.title if old else f"数字中国发展报告（{edition_year}年）"),
        publisher=publisher or (old.publisher if old else DEFAULT_PUBLISHER),
        published=published or (old.published if old else None))
    _check_file(file, entry)
    new_text = upsert_entry(manifest_path.read_text(encoding="utf-8"), entry)
    # the new manifest must load and hold exactly this entry for the edition and kind
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, MANIFEST_NAME).write_text(new_text, encoding="utf-8")
        check = [e for e in load_manifest(Path(tmp)) if e.edition_year == edition_year and e.kind == kind]
        if check != [entry]:
            raise AddEditionError(f"{manifest_path}: could not record the entry (got {check})")
    if not inside:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        shutil.copyfile(file, partial)
        if sha256_of(partial) != digest:
            partial.unlink()
            raise AddEditionError(f"{file}: the copy to {target} does not have the file's checksum")
        os.replace(partial, target)
    staged = manifest_path.with_name(f".{MANIFEST_NAME}.partial")
    staged.write_text(new_text, encoding="utf-8")
    os.replace(staged, manifest_path)
    return entry
