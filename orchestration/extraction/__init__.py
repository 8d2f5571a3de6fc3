"""The extraction engine: read a report file and find every quantitative statement in it.

Pure Python (no Dagster, no DuckDB). See docs/architecture.md for the contract.
"""
from .reading import Document, SourceFileError, read_document
from .sections import Section, extract_sections
from .statements import STATEMENT_COLUMNS, Statement, extract_statements
from .vocabulary import KINDS, QUALIFIERS, UNITS

__all__ = ["Document", "SourceFileError", "read_document", "Section", "extract_sections", "Statement",
           "STATEMENT_COLUMNS", "extract_statements", "UNITS", "QUALIFIERS", "KINDS"]
