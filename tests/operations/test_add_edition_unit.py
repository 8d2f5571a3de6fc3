"""dcw add-edition's refusals and its manifest edit (no build: the e2e tests build)."""
import shutil

import pytest

from orchestration.editions import load_manifest
from orchestration.editions.manifest import ManifestEntry, sha256_of
from orchestration.extraction import SourceFileError
from orchestration.operations.add_edition import AddEditionError, add_edition, upsert_entry
from tests.conftest import REPORT_2021, SOURCES


@pytest.fixture
def sources(tmp_path):
    copy = tmp_path / "sources"
    shutil.copytree(SOURCES, copy)
    return copy


def test_the_manifest_edit_keeps_comments_and_other_entries_byte_for_byte(sources):
    text = (sources / "manifest.yml").read_text(encoding="utf-8")
    entry = ManifestEntry(2023, "数字中国发展报告（2023年）", "国家互联网信息办公室", "2024-05-23",
                          "digital_china_development_report_2023.txt", "ab" * 32, "full_text")
    new = upsert_entry(text, entry)
    assert new.startswith(text)  # appended after the last entry: nothing before it moved
    (sources / "manifest.yml").write_text(new, encoding="utf-8")
    loaded = {(e.edition_year, e.kind): e for e in load_manifest(sources)}
    assert loaded[(2023, "full_text")] == entry
    replaced = upsert_entry(new, ManifestEntry(**{**entry.__dict__, "sha256": "cd" * 32}))
    assert replaced == new.replace("ab" * 32, "cd" * 32)


def test_a_different_file_for_an_existing_edition_is_refused_without_replace(sources, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text(REPORT_2021.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in sources.rglob("*") if p.is_file()}
    with pytest.raises(AddEditionError, match="already has a full_text file.*--replace"):
        add_edition(other, 2021, sources)
    assert {p: p.read_bytes() for p in sources.rglob("*") if p.is_file()} == before
    entry = add_edition(other, 2021, sources, replace=True)
    assert entry.sha256 == sha256_of(other) and (sources / entry.file).read_bytes() == other.read_bytes()
    assert entry.title == "数字中国发展报告（2021年）" and entry.published == "2022-08-02"  # kept from the old entry


_TEXT = REPORT_2021.read_text(encoding="utf-8")


@pytest.mark.parametrize("content, edition, problem", [
    (b"", 2024, "empty"),
    (_TEXT[: len(_TEXT) // 2].encode("utf-8"), 2021, "truncated"),
    (_TEXT.encode("utf-8"), 2024, "names the 2021 edition, not 2024"),
])
def test_a_bad_file_is_refused_before_it_reaches_sources(sources, tmp_path, content, edition, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    before = {p: p.read_bytes() for p in sources.rglob("*") if p.is_file()}
    with pytest.raises(SourceFileError, match=problem):
        add_edition(bad, edition, sources, replace=True)
    assert {p: p.read_bytes() for p in sources.rglob("*") if p.is_file()} == before
