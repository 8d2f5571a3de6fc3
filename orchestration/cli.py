"""`dcw`: the warehouse's command line. Subcommands import only what they need (Dagster and Great
Expectations are slow to import; `dcw extract` needs neither)."""
from __future__ import annotations

import argparse
import sys

from .settings import quiet_third_parties


def _extract(args) -> int:
    import csv
    import json
    from dataclasses import asdict

    from .extraction import STATEMENT_COLUMNS, SourceFileError, extract_statements, read_document
    from .indicators import match_indicator

    try:
        document = read_document(args.file)
    except SourceFileError as exc:
        print(f"dcw extract: {exc}", file=sys.stderr)
        return 2
    rows = [asdict(s) for s in extract_statements(document, args.edition, match_indicator)]
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(STATEMENT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: ("" if r[c] is None else r[c]) for c in STATEMENT_COLUMNS} for r in rows)
    else:
        for r in rows:
            sys.stdout.write(json.dumps({c: r[c] for c in STATEMENT_COLUMNS}, ensure_ascii=False) + "\n")
    return 0


def _build(args) -> int:
    from .operations.build import build
    from .reporting.summary import format_summary

    report = build(args.edition or None)
    print(format_summary(report))
    return 0 if report.ok else 1


def _prepare(args) -> int:
    from .transformation.project import prepare

    prepare(force=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    quiet_third_parties()
    parser = argparse.ArgumentParser(prog="dcw", description="Digital China Warehouse")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the quantitative statements of one report file")
    p.add_argument("file")
    p.add_argument("--edition", type=int, required=True, help="the edition (report year)")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.set_defaults(func=_extract)

    p = sub.add_parser("build", help="build the warehouse from sources/ (every edition, dbt, checks, docs)")
    p.add_argument("--edition", type=int, action="append", help="only re-ingest this edition (repeatable)")
    p.set_defaults(func=_build)

    p = sub.add_parser("prepare", help="parse the dbt project (writes dbt_project/target/manifest.json)")
    p.set_defaults(func=_prepare)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
