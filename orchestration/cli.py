"""`dcw`: the warehouse's command line. Subcommands import only what they need (Dagster and Great
Expectations are slow to import; `dcw extract` needs neither)."""
from __future__ import annotations

import argparse
import gc
import sys

from .imports import collector_paused
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
    statements = extract_statements(document, args.edition, match_indicator)
    if args.claims:
        return _print_claims(document, statements, args.format)
    rows = [asdict(s) for s in statements]
    if args.format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(STATEMENT_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: ("" if r[c] is None else r[c]) for c in STATEMENT_COLUMNS} for r in rows)
    else:
        for r in rows:
            sys.stdout.write(json.dumps({c: r[c] for c in STATEMENT_COLUMNS}, ensure_ascii=False) + "\n")
    return 0


CLAIM_COLUMNS = ("line", "rule", "status", "explanation", "quote")


def _print_claims(document, statements, output_format: str) -> int:
    """The claims the file's paragraphs make with their own figures, and their verdicts."""
    import csv
    import json

    from .claims.paragraph import judge_paragraphs

    rows = [{"line": c.relation.line, "rule": c.relation.rule, "status": c.verdict.status,
             "explanation": c.verdict.explanation, "quote": c.relation.quote}
            for c in judge_paragraphs(document, statements)]
    if output_format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(CLAIM_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


def _build(args) -> int:
    return _run_build(args.edition or None, record_runs=args.record_runs, rebuild_all=args.rebuild_all)


def _add_edition(args) -> int:
    from pathlib import Path

    from .operations.build import warm_up

    with collector_paused():
        warm_up()  # the build's helpers start on the other core while the file is checked and recorded
        from .editions.manifest import ManifestError
        from .extraction import SourceFileError
        from .operations.add_edition import AddEditionError, add_edition
        from .settings import sources_dir

        try:
            entry = add_edition(Path(args.file), args.edition, sources_dir(), title=args.title,
                                published=args.published, publisher=args.publisher, kind=args.kind,
                                replace=args.replace)
        except (AddEditionError, SourceFileError, ManifestError) as exc:
            print(f"dcw add-edition: refused, sources/ unchanged: {exc}", file=sys.stderr)
            return 2
        from .operations import runner  # noqa: F401 - Dagster and the definitions (see collector_paused)
    print(f"dcw add-edition: sources/{entry.file} recorded for edition {entry.edition_year} ({entry.kind}, "
          f"sha256 {entry.sha256[:12]}…); building edition {entry.edition_year} and the marts")
    return _run_build([entry.edition_year])


def _backfill(args) -> int:
    return _run_build(None, record_runs=args.record_runs, rebuild_all=args.rebuild_all)


def _run_build(editions, record_runs: bool = False, rebuild_all: bool = False) -> int:
    with collector_paused():
        from .operations.build import build, warm_up

        warm_up()
        from .operations import runner  # noqa: F401 - Dagster and the definitions, imported here (see above)
        from .reporting.summary import format_summary

    report = build(editions, record_runs=record_runs, rebuild_all=rebuild_all)
    print(format_summary(report))
    # A build leaves millions of objects (Dagster, dbt's manifest) that the process frees as it ends; the
    # interpreter's last garbage collection over them held the exit up by ~0.9 s after the summary.
    gc.freeze()
    return 0 if report.ok else 1


def _prepare(args) -> int:
    import compileall
    from pathlib import Path

    # importing the project parses it when its files changed since the last parse (project.prepare)
    from .transformation.project import prepare

    if args.force:
        prepare(force=True)
    # and the package's bytecode, written now even where PYTHONDONTWRITEBYTECODE is set (every process of a
    # build would otherwise compile the modules it imports, each time)
    compileall.compile_dir(Path(__file__).resolve().parent, quiet=1)
    return 0


# --- the analyst's door: dcw sql / tables / describe (orchestration/analysis/) -----------------------------

def _analysis_connection():
    """The published warehouse, read-only; None (after saying why) when there is none."""
    from .analysis import QueryError, WarehouseMissingError, open_warehouse
    from .settings import warehouse_path

    try:
        return open_warehouse(warehouse_path())
    except (WarehouseMissingError, QueryError) as exc:
        print(f"dcw: {exc}", file=sys.stderr)
        return None


def _emit(text: str) -> None:
    """Print an answer; a reader that stops early (`dcw sql … | head`) is not an error."""
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _analysis_docs():
    from .analysis import find_manifest, load_manifest
    from .settings import warehouse_path

    return load_manifest(find_manifest(warehouse_path()))


def _sql(args) -> int:
    from .analysis import QueryError, format_result, repl, run_query
    from .analysis.catalog import describe_table, format_description, format_tables, list_tables
    from .settings import warehouse_path

    query = args.query
    if args.file:
        query = open(args.file, encoding="utf-8").read()
    con = _analysis_connection()
    if con is None:
        return 2
    with con:
        if query is None or query == "-" and sys.stdin.isatty():
            import duckdb

            docs = _analysis_docs()
            return repl(con, fmt=args.format,
                        banner=f"{warehouse_path()} (read-only, DuckDB {duckdb.__version__}). "
                               f"End statements with ;  .tables  .describe TABLE  .help  .quit",
                        tables=lambda: format_tables(list_tables(con, docs)),
                        describe=lambda name: format_description(describe_table(con, docs, name)))
        if query == "-":
            query = sys.stdin.read()
        try:
            result = run_query(con, query)
        except QueryError as exc:
            print(f"dcw sql: {exc}", file=sys.stderr)
            return 1
        if not result.is_empty_statement:
            _emit(format_result(result, args.format, max_rows=args.max_rows))
    return 0


def _tables(args) -> int:
    from .analysis.catalog import format_tables, list_tables

    con = _analysis_connection()
    if con is None:
        return 2
    with con:
        _emit(format_tables(list_tables(con, _analysis_docs(), None if args.all else ("marts", "reference")),
                            args.format))
    return 0


def _describe(args) -> int:
    from .analysis.catalog import describe_table, format_description

    con = _analysis_connection()
    if con is None:
        return 2
    with con:
        try:
            description = describe_table(con, _analysis_docs(), args.table)
        except LookupError as exc:
            print(f"dcw describe: {exc.args[0]}", file=sys.stderr)
            return 1
        _emit(format_description(description, args.format))
    return 0


def _add_analysis_commands(sub) -> None:
    formats = ["table", "csv", "json", "markdown"]
    p = sub.add_parser("sql", help="query the warehouse read-only (no query: an interactive shell)",
                       description="Run SQL on the published warehouse, opened read-only. Without a query, "
                                   "read statements ending in ; from stdin (an interactive shell on a terminal).")
    p.add_argument("query", nargs="?", help="the SQL to run ('-': read it from stdin)")
    p.add_argument("-f", "--file", help="run the SQL in this file (e.g. docs/queries/*.sql)")
    p.add_argument("--format", choices=formats, default="table")
    p.add_argument("--max-rows", type=int, default=1000, help="table/markdown: rows shown (default 1000)")
    p.set_defaults(func=_sql)

    p = sub.add_parser("tables", help="the marts and reference tables, one line each, with row counts")
    p.add_argument("--all", action="store_true", help="every schema (raw, staging, intermediate too)")
    p.add_argument("--format", choices=formats, default="table")
    p.set_defaults(func=_tables)

    p = sub.add_parser("describe", help="a table's columns, types and descriptions (from the dbt docs)")
    p.add_argument("table", help="a table name (dim_edition) or schema.table (reference.provinces)")
    p.add_argument("--format", choices=formats, default="table")
    p.set_defaults(func=_describe)


def main(argv: list[str] | None = None) -> int:
    quiet_third_parties()
    parser = argparse.ArgumentParser(prog="dcw", description="Digital China Warehouse")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="print the quantitative statements of one report file")
    p.add_argument("file")
    p.add_argument("--edition", type=int, required=True, help="the edition (report year)")
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv")
    p.add_argument("--claims", action="store_true",
                   help="print the claims the paragraphs make with their own figures, judged, instead")
    p.set_defaults(func=_extract)

    p = sub.add_parser("build", help="build the warehouse from sources/ (every edition, dbt, checks, docs)")
    p.add_argument("--edition", type=int, action="append", help="only re-ingest this edition (repeatable)")
    p.add_argument("--record-runs", action="store_true",
                   help="keep the runs in DAGSTER_HOME's history for the UI (costs ~15 s)")
    p.add_argument("--rebuild-all", action="store_true",
                   help="build every dbt node, also those unchanged since the last build (seeds, views)")
    p.set_defaults(func=_build)

    p = sub.add_parser("add-edition", help="put a report file into sources/, record it in the manifest, build it")
    p.add_argument("file")
    p.add_argument("--edition", type=int, required=True, help="the edition (report year)")
    p.add_argument("--title", help="default: the existing entry's, else 数字中国发展报告（YEAR年）")
    p.add_argument("--published", help="publication date, e.g. 2023-05-23")
    p.add_argument("--publisher", help="default: 国家互联网信息办公室")
    p.add_argument("--kind", choices=["full_text", "curated"], default="full_text")
    p.add_argument("--replace", action="store_true", help="replace this edition's file of the same kind")
    p.set_defaults(func=_add_edition)

    p = sub.add_parser("backfill", help="rebuild every edition of the manifest in one run (= dcw build)")
    p.add_argument("--record-runs", action="store_true", help="keep the runs in DAGSTER_HOME's history")
    p.add_argument("--rebuild-all", action="store_true",
                   help="build every dbt node, also those unchanged since the last build (seeds, views)")
    p.set_defaults(func=_backfill)

    p = sub.add_parser("prepare", help="parse the dbt project if it changed (writes dbt_project/target/manifest.json) "
                                       "and byte-compile the package")
    p.add_argument("--force", action="store_true", help="parse it even if nothing changed")
    p.set_defaults(func=_prepare)

    _add_analysis_commands(sub)

    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
