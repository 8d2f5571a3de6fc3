"""`make bench`: every benchmark, then one summary table against the targets of issue 8.

    python bench/run_all.py [--no-tests] [--n 50 200]

Runs bench/bench_extraction.py (if present), bench/bench_build.py, bench/bench_scale.py and (unless
--no-tests) times the test suite as `make test` runs it; each writes or feeds bench/out/*.json, and
bench/out/summary.json holds the table. Takes ~10 minutes on 2 cores.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import ROOT, bench_env, machine, measure, remove, scratch, table, verdict, write_json  # noqa: E402

BENCH = ROOT / "bench"
_MBPS = re.compile(r"^extract_statements\s+([\d.]+) ms.*?([\d.]+) MB/s")
TARGET_TEST_S = 300.0
TARGET_MBPS = 1.0


def _run(script: str, *args: str) -> int:
    print(f"\n== {script} {' '.join(args)}", flush=True)
    return subprocess.call([sys.executable, str(BENCH / script), *args], cwd=ROOT)


def extraction() -> dict | None:
    script = BENCH / "bench_extraction.py"
    if not script.exists():
        return None
    print("\n== bench_extraction.py", flush=True)
    out = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True)
    print(out.stdout + out.stderr, end="")
    for line in out.stdout.splitlines():
        m = _MBPS.match(line)
        if m:
            return {"extract_ms": float(m.group(1)), "mb_per_s": float(m.group(2))}
    return None


def tests() -> dict:
    print("\n== make test (python -m pytest), timed", flush=True)
    work = scratch("tests")
    try:
        env = bench_env(work / "unused.duckdb", dagster_home=work / "dagster")
        env.pop("DCW_WAREHOUSE")
        m = measure([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], env)
    finally:
        remove(work)
    tail = [line for _, line in m.lines if re.search(r"\d+ (passed|failed)", line)]
    print(tail[-1] if tail else m.output()[-2000:])
    return {**m.summary(), "result": tail[-1] if tail else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-tests", action="store_true", help="do not time the test suite")
    ap.add_argument("--n", nargs="+", default=["50", "200"], help="synthetic corpus sizes")
    args = ap.parse_args()

    ext = extraction()
    _run("bench_build.py")
    _run("bench_scale.py", "--n", *args.n)
    test = None if args.no_tests else tests()

    import json

    build = json.loads((ROOT / "bench/out/build.json").read_text()) if (ROOT / "bench/out/build.json").exists() else {}
    scale = json.loads((ROOT / "bench/out/scale.json").read_text()) if (ROOT / "bench/out/scale.json").exists() else {}
    rows = []
    if ext:
        rows.append(["extraction, 2021 edition (one core)", f"{ext['mb_per_s']:.2f} MB/s ({ext['extract_ms']:.0f} ms)",
                     ">= 1 MB/s", verdict(ext["mb_per_s"], TARGET_MBPS, higher_is_better=True)])
    if build:
        cold, add = build["cold_build"], build["add_edition"]

        def spread(key: str) -> str:
            walls = build.get(key) or []
            return f", {min(walls):.1f}–{max(walls):.1f} s over {len(walls)} runs" if len(walls) > 1 else ""

        rows.append(["make run, venv installed, cold warehouse",
                     f"{cold['wall_s']:.1f} s median (cpu {cold['cpu_s']:.0f} s{spread('cold_build_walls_s')})",
                     "<= 20 s", verdict(cold["wall_s"], 20)])
        rows.append(["add one edition to a built warehouse",
                     f"{add['wall_s']:.1f} s median (cpu {add['cpu_s']:.0f} s{spread('add_edition_walls_s')})",
                     "<= 10 s", verdict(add["wall_s"], 10)])
        rows.append(["peak RSS of the build", f"{build['peak_rss_mb']:.0f} MB", "-", ""])
    runs = {r["n_synthetic"]: r for r in scale.get("runs", [])}
    for n, r in sorted(runs.items()):
        target, ok = ("-", "")
        if n == 200:
            target = "<= 300 s, <= 2048 MB"
            ok = "met" if r["wall_s"] <= 300 and r["peak_rss_mb"] <= 2048 else "MISSED"
        rows.append([f"{n} synthetic editions + 2021, full pipeline",
                     f"{r['wall_s']:.0f} s, {r['peak_rss_mb']:.0f} MB, {r['seconds_per_edition']:.2f} s/edition"
                     + ("" if r["returncode"] == 0 else f" (exit {r['returncode']})"), target, ok])
    growth = scale.get("growth_50_to_200")
    if growth:
        g = growth["seconds_per_edition"]
        within = growth.get("ingest_last_vs_first_quarter_n200")
        rows.append(["time per edition, N=50 -> N=200",
                     f"x{g:.2f} whole build, x{growth['ingest_s_per_edition']:.2f} ingestion"
                     + (f"; x{within:.2f} last vs first quarter of N=200" if within else ""),
                     "not growing", verdict(within if within else g, 1.10)])
    if test:
        rows.append(["make test after installation", f"{test['wall_s']:.0f} s ({test['result']})", "<= 300 s",
                     verdict(test["wall_s"], TARGET_TEST_S)])
    info = machine()
    write_json("summary", {"rows": rows, "extraction": ext, "tests": test})
    print("\n== summary\n")
    print(table(rows, ["measure", "measured", "target", ""]))
    print(f"\nmachine: {info.get('cpus')} cores ({info.get('cpu', '?')}), {info.get('memory_gb', '?')} GB, Python "
          f"{info['python']}; load average at the end {info.get('load_average_1m', '?')}; calibration workload "
          f"{info['calibration_ms']} ms (bench/_harness.py: calibration_ms; lower is faster)")


if __name__ == "__main__":
    main()
