"""Agreement of the statements' indicator keys with the 2021 answer key (visible half).

    python bench/evaluate_indicator_keys.py [report.txt] [key.csv] [--edition 2021] [--quiet]

Statements are matched to key rows on (line, value, ref_year) as in bench/evaluate_extraction.py;
among matched rows it counts the same key / no key / a different key and lists every miss, then the
overall coverage (statements with a key / all statements).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.extraction import extract_statements, read_document  # noqa: E402
from orchestration.extraction.evaluation import default_key_path, key_agreement, read_key  # noqa: E402
from orchestration.indicators import match_indicator  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?", default=str(ROOT / "sources" / "digital_china_development_report_2021.txt"))
    parser.add_argument("key", nargs="?", default=str(default_key_path()))
    parser.add_argument("--edition", type=int, default=2021)
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args(argv)

    document = read_document(args.report)
    statements = extract_statements(document, args.edition, match_indicator)
    key = read_key(args.key)
    a = key_agreement(statements, key)
    print(f"key rows (visible)        {len(key)}, matched to a statement {a.matched}")
    print(f"same key                  {len(a.same)}  ({a.rate(a.same):.1%})")
    print(f"no key                    {len(a.none)}  ({a.rate(a.none):.1%})")
    print(f"different key             {len(a.different)}  ({a.rate(a.different):.1%})")
    print(f"coverage (all statements) {a.keyed}/{a.statements}  ({a.coverage:.1%})")
    if args.quiet:
        return 0
    for title, rows in (("no key", a.none), ("different key", a.different)):
        print(f"\n-- {title}: line | subject | unit kind | expected -> got")
        for row, s in rows:
            print(f"  l{s.line} | {s.subject} | {s.unit} {s.kind} | {row['indicator_key']} -> {s.indicator_key}"
                  f"   [{row['indicator_zh']}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
