"""Scale: the full pipeline (ingestion, dbt, checks, docs, exports) on N synthetic editions + the real 2021.

For N in (50, 200): bench/synthetic_corpus.py writes N rewritten editions (2023 …) and the real 2021 file
into a scratch sources folder; `dcw build` runs on it in a subprocess (DCW_SOURCES = that folder, a fresh
DCW_WAREHOUSE), from a private copy of the project whose evaluation_dimensions seed knows the synthetic
editions (synthetic_corpus.extend_seeds; its dbt parse is done before, untimed). Printed per N: wall time, CPU time, peak RSS, time per edition, the time of the ingestion
phase per edition (from the time-stamped "edition YYYY: ingested" lines) and of the rest (dbt, checks,
docs, exports), and what the checks said. Then the growth of the time per edition from N=50 to N=200.

    python bench/bench_scale.py [--n 50 200] [--echo]    # writes bench/out/scale.json
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (ROOT, bench_env, calibration_ms, machine, measure, module_command, project_copy, remove, scratch,  # noqa: E402
                      table, verdict, write_json)
from synthetic_corpus import extend_seeds, write_corpus  # noqa: E402

TARGET_200_S = 300.0
TARGET_RSS_MB = 2048.0
_INGESTED = re.compile(r"^edition (\d{4}): (ingested|FAILED)")
_CHECKS = re.compile(r"^Checks\s+(\d+) passed, (\d+) failed")


def run_one(n: int, echo: bool = False) -> dict:
    work = scratch(f"scale{n}")
    try:
        sources = work / "sources"
        years = write_corpus(sources, n)
        size = sum(p.stat().st_size for p in sources.glob("*.txt"))
        project = project_copy(work / "project")
        extend_seeds(project, years)
        env = bench_env(work / "warehouse" / "digital_china.duckdb", sources=sources, dagster_home=work / "dagster")
        command, extra = module_command(project, "prepare")
        env.update(extra)
        print(f"N={n}: {len(years)} synthetic editions + 2021 ({size / 1e6:.1f} MB of text); dbt parse of the "
              "project copy (not timed) ...", flush=True)
        prep = measure(command, env, cwd=project)
        if not prep.ok:
            print(prep.output()[-3000:])
            raise SystemExit("dcw prepare failed in the project copy")
        print(f"N={n}: dcw build ...", flush=True)
        m = measure(module_command(project, "build")[0], env, echo=echo, cwd=project)
    finally:
        remove(work)
    stamps = [(t, line) for t, line in m.lines if _INGESTED.match(line)]
    failed = [line for _, line in stamps if "FAILED" in line]
    editions = n + 1
    per_edition = [b[0] - a[0] for a, b in zip(stamps, stamps[1:])]
    checks = next((_CHECKS.match(line).groups() for _, line in m.lines if _CHECKS.match(line)), (None, None))
    ingest_s = stamps[-1][0] - stamps[0][0] if len(stamps) > 1 else None
    result = {
        "n_synthetic": n, "editions": editions, "text_mb": round(size / 1e6, 2), **m.summary(),
        "seconds_per_edition": m.wall_s / editions,
        "ingest_phase_s": ingest_s,
        "ingest_s_per_edition": statistics.mean(per_edition) if per_edition else None,
        "ingest_s_per_edition_first_quarter": statistics.mean(per_edition[: max(1, len(per_edition) // 4)])
        if per_edition else None,
        "ingest_s_per_edition_last_quarter": statistics.mean(per_edition[-max(1, len(per_edition) // 4):])
        if per_edition else None,
        "before_first_edition_s": stamps[0][0] if stamps else None,
        "after_last_edition_s": m.wall_s - stamps[-1][0] if stamps else None,
        "editions_failed": failed,
        "checks_passed": None if checks[0] is None else int(checks[0]),
        "checks_failed": None if checks[1] is None else int(checks[1]),
        "summary_tail": [line for _, line in m.lines[-25:]],
    }
    if not m.ok:
        print("\n".join(result["summary_tail"]))
        print(f"N={n}: dcw build exited {m.returncode}")
    return result


def run(ns: list[int], echo: bool = False) -> dict:
    before = calibration_ms()
    print(f"calibration workload before the runs: {before} ms (after: in the machine line at the end)", flush=True)
    results = [run_one(n, echo) for n in ns]
    by_n = {r["n_synthetic"]: r for r in results}
    growth = None
    if 50 in by_n and 200 in by_n:
        a, b = by_n[50], by_n[200]
        growth = {
            "seconds_per_edition": b["seconds_per_edition"] / a["seconds_per_edition"],
            "ingest_s_per_edition": (b["ingest_s_per_edition"] / a["ingest_s_per_edition"]
                                     if a["ingest_s_per_edition"] and b["ingest_s_per_edition"] else None),
            "marginal_s_per_edition_50_to_200": (b["wall_s"] - a["wall_s"]) / (b["editions"] - a["editions"]),
            # editions 150-200 against editions 1-50 of the same N=200 run: immune to a change of machine load
            # between the two runs
            "ingest_last_vs_first_quarter_n200": (b["ingest_s_per_edition_last_quarter"]
                                                  / b["ingest_s_per_edition_first_quarter"]
                                                  if b["ingest_s_per_edition_first_quarter"] else None),
        }
    payload = {"runs": results, "growth_50_to_200": growth, "calibration_before_ms": before,
               "targets": {"n200_wall_s": TARGET_200_S, "n200_peak_rss_mb": TARGET_RSS_MB}}
    path = write_json("scale", payload)

    rows = []
    for r in results:
        rows.append([str(r["n_synthetic"]), str(r["editions"]), f"{r['wall_s']:.1f} s", f"{r['cpu_s']:.1f} s",
                     f"{r['peak_rss_mb']:.0f} MB", f"{r['seconds_per_edition']:.2f} s",
                     f"{r['ingest_s_per_edition']:.2f} s" if r["ingest_s_per_edition"] else "-",
                     f"{r['after_last_edition_s']:.1f} s" if r["after_last_edition_s"] is not None else "-",
                     f"{r['checks_passed']}/{(r['checks_passed'] or 0) + (r['checks_failed'] or 0)}"
                     if r["checks_passed"] is not None else "-",
                     "ok" if r["returncode"] == 0 else f"exit {r['returncode']}"])
    print()
    print(table(rows, ["N", "editions", "wall", "cpu", "peak RSS", "per edition", "ingest/edition",
                       "dbt+checks+docs", "checks passed", "build"]))
    if growth:
        print(f"time per edition N=50 -> N=200: x{growth['seconds_per_edition']:.2f} (whole build), "
              f"x{growth['ingest_s_per_edition']:.2f} (ingestion phase); marginal cost of an edition "
              f"{growth['marginal_s_per_edition_50_to_200']:.2f} s; within N=200, last quarter of the editions vs "
              f"first: x{growth['ingest_last_vs_first_quarter_n200'] or float('nan'):.2f}")
    if 200 in by_n:
        r = by_n[200]
        print(f"N=200 targets: wall {r['wall_s']:.0f} s <= {TARGET_200_S:.0f} s {verdict(r['wall_s'], TARGET_200_S)}; "
              f"peak RSS {r['peak_rss_mb']:.0f} MB <= {TARGET_RSS_MB:.0f} MB "
              f"{verdict(r['peak_rss_mb'], TARGET_RSS_MB)}")
    print(f"(machine: {machine()}; written to {path.relative_to(ROOT)})")
    return payload


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, nargs="+", default=[50, 200])
    ap.add_argument("--echo", action="store_true")
    args = ap.parse_args()
    run(args.n, echo=args.echo)


if __name__ == "__main__":
    main()
