"""The one-screen summary printed at the end of a build."""
from __future__ import annotations

from ..settings import dashboard_dir, data_docs_dir, dbt_docs_dir, exports_dir


def format_summary(report) -> str:
    lines = ["", "=" * 72, "Digital China Warehouse: build " + ("succeeded" if report.ok else "FINISHED WITH ERRORS"),
             "=" * 72]
    lines.append(f"DuckDB file     {report.warehouse}" + ("" if report.published else "  (NOT updated)"))
    for label, path in (("Data Docs", data_docs_dir() / "index.html"), ("dbt docs", dbt_docs_dir() / "index.html"),
                        ("Dashboard", dashboard_dir() / "index.html"), ("Exports", exports_dir()),
                        ("dbt log", report.warehouse.parent / "logs" / "dbt_build.log")):
        if path.exists():
            lines.append(f"{label:<16}{path}")
    lines.append("")
    lines.append("Editions        " + ", ".join(
        f"{e.edition_year} ok" if e.ok else f"{e.edition_year} FAILED" for e in report.editions))
    for e in report.editions:
        if not e.ok:
            lines.append(f"  {e.edition_year}: {e.error}")
    if report.mart_rows:
        lines.append("")
        lines.append("Marts (rows)")
        width = max(len(t) for t in report.mart_rows)
        for table, rows in sorted(report.mart_rows.items()):
            lines.append(f"  {table:<{width}}  {rows:>8,}")
    passed = [c for c in report.checks if c["passed"]]
    failed = [c for c in report.checks if not c["passed"]]
    lines.append("")
    findings = sum(1 for c in failed if c["severity"] == "WARN")
    lines.append(f"Checks          {len(passed)} passed, {len(failed)} failed "
                 f"({findings} with findings about a report, {len(failed) - findings} pipeline errors)")
    for c in failed:
        kind = "finding about a report" if c["severity"] == "WARN" else "PIPELINE ERROR"
        lines.append(f"  {c['name']} on {c['asset']}: {kind}")
    if report.error:
        lines.append(f"Error           {report.error}")
    lines.append(f"Wall time       {report.seconds:.1f} s")
    return "\n".join(lines)
