"""Read-only SQL on the published warehouse: open it, run a query, format the answer, and a small REPL.

The warehouse is always opened with `read_only=True`: an analyst can never change it by accident (the
data change through sources/ and a rebuild), and a build publishing a new file with `os.replace` never
waits for a reader.
"""
from __future__ import annotations

import csv
import io
import json
import math
import sys
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, TextIO

import duckdb

FORMATS = ("table", "csv", "json", "markdown")
#: table and markdown output stop after this many rows (csv and json print everything)
DEFAULT_MAX_ROWS = 1000
#: schemas searched for a bare table name, in order (queries in docs/queries/ name the schema anyway)
SEARCH_PATH = ("marts", "reference", "intermediate", "staging", "raw", "main")


class WarehouseMissingError(FileNotFoundError):
    """There is no DuckDB file where settings.warehouse_path() points."""


class QueryError(RuntimeError):
    """A statement failed; the message says why in the analyst's terms."""


@dataclass
class Result:
    columns: list[str]
    rows: list[tuple]

    @property
    def is_empty_statement(self) -> bool:
        """A statement that returns no result set (SET, PRAGMA without output, …)."""
        return not self.columns or (self.columns == ["Success"] and not self.rows)


def open_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    """Connect read-only to the DuckDB file, or explain how to get one."""
    path = Path(path)
    if not path.exists():
        raise WarehouseMissingError(
            f"no warehouse at {path}: run `make run` first (it builds the warehouse from sources/), "
            f"or point DCW_WAREHOUSE at an existing DuckDB file")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise QueryError(f"cannot open {path} read-only: {exc}") from exc
    # bare names resolve like `dcw describe` does: marts first (`select * from dim_edition` works)
    present = {r[0] for r in con.execute("select schema_name from information_schema.schemata "
                                         "where catalog_name = current_database()").fetchall()}
    path_schemas = [s for s in SEARCH_PATH if s in present]
    if path_schemas:
        con.execute(f"set search_path = '{','.join(path_schemas)}'")
    return con


def _explain(exc: duckdb.Error, sql: str) -> str:
    message = str(exc).strip()
    if "read-only" in message or "read_only" in message:
        verb = sql.strip().split(None, 1)[0].upper() if sql.strip() else "this statement"
        return (f"the warehouse is opened read-only: {verb} is not allowed. The data change through sources/ "
                f"and a rebuild (`make run`); to experiment, copy the file or "
                f"`CREATE TEMP TABLE` … in an in-memory database. ({message.splitlines()[0]})")
    return message


def run_query(con: duckdb.DuckDBPyConnection, sql: str) -> Result:
    """Execute one statement (or several: the last one's result is returned)."""
    try:
        cursor = con.execute(sql)
        if cursor.description is None:
            return Result([], [])
        return Result([d[0] for d in cursor.description], cursor.fetchall())
    except duckdb.Error as exc:
        raise QueryError(_explain(exc, sql)) from exc


# ---------------------------------------------------------------------------------------------- formatting

def _plain(value: Any) -> Any:
    """A value as JSON can hold it (dates as ISO strings, decimals as numbers, NaN as null)."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    if isinstance(value, (str, int, bool)):
        return value
    return str(value)


def _cell(value: Any) -> Any:
    """A value for a text table: floats without exponent noise (1e13 prints as 10000000000000), NULL visible."""
    if value is None:
        return "NULL"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return format(value, ".15g") if abs(value) < 1e16 else format(value, ".6g")
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return value


def format_result(result: Result, fmt: str = "table", max_rows: int | None = DEFAULT_MAX_ROWS,
                  footer: bool = True) -> str:
    """The result in one of FORMATS. Table and markdown stop after max_rows rows and say so; the table
    format ends with the row count (footer=False leaves it out)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    columns, rows = result.columns, result.rows
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if v is None else _cell(v) if isinstance(v, float) else _plain(v) for v in row])
        return out.getvalue().rstrip("\n")
    if fmt == "json":
        return json.dumps([dict(zip(columns, (_plain(v) for v in row))) for row in rows], ensure_ascii=False,
                          indent=1)
    from tabulate import tabulate

    _wide_characters()
    shown = rows if max_rows is None else rows[:max_rows]
    cells = [[_cell(v) for v in row] for row in shown]
    # numbers are numbers (right-aligned); strings that look like numbers (province codes) stay strings
    numeric = [all(isinstance(r[i], (int, float, Decimal)) and not isinstance(r[i], bool)
                   for r in shown if r[i] is not None) and any(r[i] is not None for r in shown)
               for i in range(len(columns))]
    align = ["right" if n else "left" for n in numeric]
    text = tabulate(cells, headers=columns, tablefmt="github" if fmt == "markdown" else "simple",
                    disable_numparse=True, colalign=align if columns and shown else None)
    if fmt == "markdown":
        if len(shown) < len(rows):
            text += f"\n\n*{len(rows):,} rows, the first {len(shown):,} shown*"
        return text
    if not footer and len(shown) == len(rows):
        return text
    note = f"({len(rows):,} row{'s' if len(rows) != 1 else ''}"
    if len(shown) < len(rows):
        note += f", the first {len(shown):,} shown: use --format csv or json for all"
    return f"{text}\n{note})"


class _EastAsianWidth:
    """Stand-in for the optional `wcwidth` package (not in the pinned set): a CJK character takes two
    terminal columns, so tables of Chinese names line up."""

    @staticmethod
    def wcswidth(text: str) -> int:
        import unicodedata

        return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
                   for ch in str(text))

    wcwidth = wcswidth


def _wide_characters() -> None:
    import tabulate as tabulate_module

    if getattr(tabulate_module, "wcwidth", None) is None:
        tabulate_module.wcwidth = _EastAsianWidth()
        tabulate_module.WIDE_CHARS_MODE = True


# ---------------------------------------------------------------------------------------------- statements

def split_statements(text: str) -> tuple[list[str], str]:
    """Split SQL text into complete statements (each ended by a `;` outside quotes and comments) and the
    unfinished remainder. Quotes: '…' (with '' escapes), "…" identifiers; comments: -- and /* */."""
    statements, start, i, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if c in ("'", '"'):
            j = i + 1
            while j < n:
                if text[j] == c:
                    if j + 1 < n and text[j + 1] == c:  # doubled quote = escaped
                        j += 2
                        continue
                    break
                j += 1
            i = j + 1
            continue
        if c == "-" and text.startswith("--", i):
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c == "/" and text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = n if j < 0 else j + 2
            continue
        if c == ";":
            statement = text[start:i].strip()
            if _has_code(statement):
                statements.append(statement)
            start = i + 1
        i += 1
    return statements, text[start:]


def _has_code(sql: str) -> bool:
    """False for text that holds only whitespace and comments."""
    for line in sql.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("--"):
            return True
    return False


# ---------------------------------------------------------------------------------------------- the REPL

HELP = """End a statement with ; (it may span lines).
  .tables            the marts and reference tables, with row counts and descriptions
  .describe TABLE    the columns of a table, their types and descriptions
  .format FORMAT     table, csv, json or markdown
  .help              this text
  .quit              leave (Ctrl-D too)"""


def repl(con: duckdb.DuckDBPyConnection, *, fmt: str = "table", interactive: bool | None = None,
         out: TextIO | None = None, err: TextIO | None = None, banner: str = "",
         tables: Callable[[], str] | None = None, describe: Callable[[str], str] | None = None) -> int:
    """Read statements ending in `;` from stdin (input(): works on a terminal and on a pipe) and print
    each answer. Returns 0, or 1 when a statement failed and stdin is not a terminal (scripts notice)."""
    out = out or sys.stdout
    err = err or sys.stderr
    if interactive is None:
        interactive = sys.stdin.isatty()
    if interactive:
        try:
            import readline  # noqa: F401  (line editing and history for input())
        except ImportError:  # pragma: no cover
            pass
        if banner:
            print(banner, file=out)
    failed = False
    buffer = ""

    def execute(statement: str) -> None:
        nonlocal failed
        try:
            result = run_query(con, statement)
        except QueryError as exc:
            failed = True
            print(f"Error: {exc}", file=err)
            return
        if not result.is_empty_statement:
            print(format_result(result, fmt), file=out)

    while True:
        prompt = ("...> " if _has_code(buffer) else "dcw> ") if interactive else ""
        try:
            line = input(prompt)
        except EOFError:
            if interactive:
                print(file=out)
            break
        except KeyboardInterrupt:  # pragma: no cover (a terminal only)
            print("^C", file=out)
            buffer = ""
            continue
        if not _has_code(buffer) and line.strip().startswith("."):
            buffer = ""
            command, _, argument = line.strip().partition(" ")
            argument = argument.strip().rstrip(";").strip()
            if command in (".quit", ".exit", ".q"):
                break
            if command == ".help":
                print(HELP, file=out)
            elif command == ".tables" and tables is not None:
                print(tables(), file=out)
            elif command == ".describe" and describe is not None and argument:
                try:
                    print(describe(argument), file=out)
                except LookupError as exc:
                    failed = True
                    print(f"Error: {exc.args[0]}", file=err)
            elif command == ".format" and argument in FORMATS:
                fmt = argument
            else:
                failed = True
                print(f"Error: unknown command {line.strip()!r} (.help lists the commands)", file=err)
            continue
        buffer += line + "\n"
        statements, buffer = split_statements(buffer)
        for statement in statements:
            execute(statement)
    if _has_code(buffer):  # a last statement without its `;` (common at the end of a piped file)
        execute(buffer.strip())
    return 1 if failed and not interactive else 0
