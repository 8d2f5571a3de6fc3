"""Helpers of the operations tests: content hashes of a warehouse, bad input files, subprocess builds."""
from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import ROOT

SYSTEM_SCHEMAS = ("information_schema", "pg_catalog")


def table_hashes(db: Path) -> dict[str, str]:
    """{schema.table: sha256 of its rows in a total order} for every table and view of the warehouse
    (raw, staging, intermediate, marts, seeds): equal hashes = equal content."""
    with duckdb.connect(str(db), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables where table_catalog = current_database() "
            f"and table_schema not in {SYSTEM_SCHEMAS} order by 1, 2").fetchall()
        out = {}
        for schema, table in tables:
            rows = con.execute(f'select * from "{schema}"."{table}" order by all').fetchall()
            columns = [d[0] for d in con.description]
            digest = hashlib.sha256(repr(columns).encode())
            for row in rows:
                digest.update(repr(row).encode())
            out[f"{schema}.{table}"] = f"{len(rows)}:{digest.hexdigest()[:16]}"
        return out


def undecidable_bytes(text: str) -> bytes:
    """Half the text in UTF-8, the other half in GB18030: no single encoding decodes it."""
    half = len(text) // 2
    return text[:half].encode("utf-8") + text[half:].encode("gb18030")


def binary_bytes(size: int = 8192) -> bytes:
    return random.Random(2021).randbytes(size)


def scanned_pdf(path: Path) -> None:
    """A PDF page with only shapes (what a scan without OCR looks like): no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for page in range(2):
        for i in range(12):
            c.rect(60 + 10 * i, 700 - 40 * i, 300 - 15 * i, 25, fill=i % 2)
        c.circle(300, 200, 80 + page * 10)
        c.showPage()
    c.save()


def run_env(sources: Path, db: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}
    env.update({"DCW_SOURCES": str(sources), "DCW_WAREHOUSE": str(db), "PYTHONPATH": str(ROOT),
                "PYTHONUNBUFFERED": "1"}, **extra)
    return env


def start_build(sources: Path, db: Path, editions: list[int] | None, log: Path | None = None,
                **extra: str) -> subprocess.Popen:
    """`dcw build [--edition Y ...]` in a subprocess, stderr merged into stdout: a pipe (.stdout), or the
    file `log` (needed when nobody reads the pipe: dbt's output would fill it and block the build)."""
    args = [sys.executable, "-m", "orchestration.cli", "build"]
    for year in editions or []:
        args += ["--edition", str(year)]
    out = open(log, "w", encoding="utf-8") if log else subprocess.PIPE
    try:
        return subprocess.Popen(args, cwd=ROOT, env=run_env(sources, db, **extra), stdout=out,
                                stderr=subprocess.STDOUT, text=True)
    finally:
        if log:
            out.close()
