"""The manifest: structure, per-entry validation against the disk, one file per edition and kind."""
import hashlib
import shutil

import pytest

from orchestration.editions.manifest import (ManifestError, entries_for_edition, load_manifest, sha256_of,
                                             validate_entry)
from tests.conftest import SOURCES


def test_the_embedded_manifest_matches_its_files():
    entries = load_manifest(SOURCES)
    assert 2021 in {e.edition_year for e in entries}
    for entry in entries:
        path = validate_entry(entry, SOURCES)
        assert sha256_of(path) == entry.sha256
        assert entry.kind in ("full_text", "curated")
        assert entry.title and entry.publisher


def _manifest(tmp_path, body: str):
    (tmp_path / "manifest.yml").write_text(body, encoding="utf-8")
    return tmp_path


def _entry(file="a.txt", year=2021, kind="full_text", sha="0" * 64):
    return (f"  - {{edition_year: {year}, title: t, publisher: p, file: {file}, sha256: '{sha}', "
            f"kind: {kind}}}\n")


def test_checksum_mismatch_names_the_file(tmp_path):
    (tmp_path / "a.txt").write_text("数字中国", encoding="utf-8")
    (entry,) = load_manifest(_manifest(tmp_path, "editions:\n" + _entry()))
    with pytest.raises(ManifestError, match=r"a\.txt.*checksum mismatch"):
        validate_entry(entry, tmp_path)


def test_path_outside_sources_is_refused(tmp_path):
    outside = tmp_path.parent / "outside.txt"
    outside.write_text("x", encoding="utf-8")
    sha = hashlib.sha256(b"x").hexdigest()
    (entry,) = load_manifest(_manifest(tmp_path, "editions:\n" + _entry(file="../outside.txt", sha=sha)))
    with pytest.raises(ManifestError, match="outside sources"):
        validate_entry(entry, tmp_path)


def test_missing_file_and_unknown_kind(tmp_path):
    entries = load_manifest(_manifest(tmp_path, "editions:\n" + _entry(file="nope.txt") +
                                      _entry(file="b.txt", year=2020, kind="scan")))
    with pytest.raises(ManifestError, match="nope.txt.*not found"):
        validate_entry(entries[1], tmp_path)
    with pytest.raises(ManifestError, match="kind 'scan'"):
        validate_entry(entries[0], tmp_path)


def test_two_files_of_one_kind_for_one_edition(tmp_path):
    entries = load_manifest(_manifest(tmp_path, "editions:\n" + _entry(file="a.txt") + _entry(file="b.txt")))
    with pytest.raises(ManifestError, match="edition 2021 has 2 full_text files"):
        entries_for_edition(entries, 2021)
    both = load_manifest(_manifest(tmp_path, "editions:\n" + _entry(file="a.txt") +
                                   _entry(file="a.yml", kind="curated")))
    assert len(entries_for_edition(both, 2021)) == 2  # a full text and a curated sheet may coexist


def test_malformed_manifest(tmp_path):
    with pytest.raises(ManifestError, match="not valid YAML"):
        load_manifest(_manifest(tmp_path, "editions: [\n"))
    with pytest.raises(ManifestError, match="lacks sha256"):
        load_manifest(_manifest(tmp_path, "editions:\n  - {edition_year: 2021, title: t, publisher: p, "
                                          "file: a.txt, kind: full_text}\n"))
