"""Recall, precision, qualifier and kind accuracy of the extractor on the 2021 answer key (visible half).

    python bench/evaluate_extraction.py [report.txt] [key.csv] [--edition 2021] [--quiet]

Lists the key rows it misses and the statements that match no key row (each marked "gap" when it
lies where hidden key rows must be, "FP" otherwise).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _answer_key import parse_arguments, statements_and_key  # noqa: E402

from orchestration.extraction.evaluation import score  # noqa: E402


def main(argv=None) -> int:
    args = parse_arguments(__doc__.splitlines()[0], argv)
    document, statements, key = statements_and_key(args)
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
