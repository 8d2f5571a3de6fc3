"""Agreement of the statements' indicator keys with the 2021 answer key (visible half).

    python bench/evaluate_indicator_keys.py [report.txt] [key.csv] [--edition 2021] [--quiet]

Statements are matched to key rows on (line, value, ref_year) as in bench/evaluate_extraction.py;
among matched rows it counts the same key / no key / a different key and lists every miss, then the
overall coverage (statements with a key / all statements).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _answer_key import parse_arguments, statements_and_key  # noqa: E402

from orchestration.extraction.evaluation import key_agreement  # noqa: E402
from orchestration.indicators import match_indicator  # noqa: E402


def main(argv=None) -> int:
    args = parse_arguments(__doc__.splitlines()[0], argv)
    _document, statements, key = statements_and_key(args, match_indicator)
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
