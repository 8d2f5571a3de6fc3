"""What both answer-key evaluations share: their arguments, and the report's statements beside the key.

    python bench/evaluate_extraction.py | bench/evaluate_indicator_keys.py [report.txt] [key.csv]
                                           [--edition 2021] [--quiet]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.extraction import extract_statements, read_document  # noqa: E402
from orchestration.extraction.evaluation import default_key_path, read_key  # noqa: E402


def parse_arguments(description: str, argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("report", nargs="?", default=str(ROOT / "sources" / "digital_china_development_report_2021.txt"))
    parser.add_argument("key", nargs="?", default=str(default_key_path()))
    parser.add_argument("--edition", type=int, default=2021)
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    return parser.parse_args(argv)


def statements_and_key(args: argparse.Namespace, matcher=None):
    """(document, its statements, the key rows) for the report and key the arguments name."""
    document = read_document(args.report)
    statements = extract_statements(document, args.edition, matcher) if matcher else \
        extract_statements(document, args.edition)
    return document, statements, read_key(args.key)
