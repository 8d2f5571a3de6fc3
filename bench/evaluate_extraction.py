"""Recall, precision, qualifier and kind accuracy of the extractor on the 2021 answer key (visible half).

    python bench/evaluate_extraction.py [report.txt] [key.csv] [--edition 2021] [--quiet]

Lists the key rows it misses and the statements that match no key row (each marked "gap" when it
lies where hidden key rows must be, "FP" otherwise).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.extraction import extract_statements, read_document  # noqa: E402
from orchestration.extraction.evaluation import default_key_path, read_key, score  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", default=str(ROOT / "sources" / "digital_china_development_report_2021.txt"))
    parser.add_argument("key", nargs="?", default=str(default_key_path()))
    parser.add_argument("--edition", type=int, default=2021)
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args(argv)

    document = read_document(args.report)
    statements = extract_statements(document, args.edition)
    key = read_key(args.key)
    result = score(statements, key)
    print(f"statements extracted      {len(statements)}")
    print(f"key rows (visible)        {len(key)}  (hidden rows inferred from id gaps: {result.hidden_rows})")
    print(f"recall (visible)          {result.recall:.1%}  ({len(result.matched)}/{len(key)})")
    print(f"precision (estimate)      {result.precision_estimate:.1%}  "
          f"(unmatched {len(result.unmatched)}, of which fit hidden gaps {result.hidden_capacity_used}, "
          f"false positives {result.false_positives})")
    print(f"qualifier accuracy        {result.qualifier_accuracy:.1%}")
    print(f"kind accuracy             {result.kind_accuracy:.1%}")
    carry = sum(1 for s in statements if s.line and s.quote and
                document.text[s.char_start:s.char_end].strip())
    print(f"carry line/span/quote     {carry}/{len(statements)}")
    if args.quiet:
        return 0
    print("\n-- missed key rows")
    for row in result.missed:
        print(f"  {row['fact_id']} l{row['line']} {row['value']:g} {row['ref_year']} {row['unit']} "
              f"{row['kind']} | {row['quote'][:60]}")
    print("\n-- wrong qualifier / kind among matched")
    for row, s in result.matched:
        if row["qualifier"] != s.qualifier or row["kind"] != s.kind:
            print(f"  {row['fact_id']} l{row['line']} {row['value']:g}: key {row['qualifier']}/{row['kind']}"
                  f" got {s.qualifier}/{s.kind} | {s.quote[:50]}")
    print("\n-- false positives (unmatched, and no gap of the key where a hidden row could be)")
    for s in result.outside_gaps:
        print(f"  l{s.line} {document.text[s.char_start:s.char_end]!r} = {s.value:g} {s.unit} | {s.quote[:60]}")
    print("\n-- unmatched statements")
    matched_lines = {row["line"] for row in key}
    for s in result.unmatched:
        figure = document.text[s.char_start:s.char_end]
        where = "key-line" if s.line in matched_lines else "other"
        print(f"  l{s.line} [{where}] {figure!r} = {s.value:g} {s.unit} {s.qualifier} {s.kind} {s.ref_year}"
              f" | {s.subject[:20]} | {s.quote[:50]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
