"""Editions: the manifest of source files and the parsing of one edition into raw tables."""
from .manifest import ManifestEntry, ManifestError, load_manifest, entries_for_edition, validate_entry
from .parse import parse_edition

__all__ = ["ManifestEntry", "ManifestError", "load_manifest", "entries_for_edition", "validate_entry",
           "parse_edition"]
