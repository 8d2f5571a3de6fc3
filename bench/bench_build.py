"""The build's speed: `make run` with the venv installed, adding one edition, and peak memory.

1. cold build: `dcw build` (what `make run` runs) in a subprocess on a fresh DCW_WAREHOUSE and a fresh
   DAGSTER_HOME, over a copy of sources/ (so step 2 can add a file to it), from a private copy of the
   project whose evaluation_dimensions seed also knows the synthetic 2023 edition of step 2 (parsed by
   `dcw prepare` before, untimed, as after `make install`);
2. add one edition to that built warehouse: `dcw add-edition FILE --edition 2023` with a synthetic 2023
   edition (bench/synthetic_corpus.py); it records the file in the manifest and builds that edition and
   the marts;
3. peak RSS: the resident memory of each command's whole process tree (the build, dbt, the GX worker),
   summed and sampled every 0.1 s (bench/_harness.py).

Each of 1 and 2 runs `--repeat` times (default 3; every add-edition starts from the same built warehouse
and sources): the median is the figure, the range is printed beside it.

    python bench/bench_build.py [--echo] [--repeat 3]      # prints a table, writes bench/out/build.json
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (ROOT, bench_env, calibration_ms, machine, measure, module_command, project_copy, remove, scratch,  # noqa: E402
                      table, verdict, write_json)
from synthetic_corpus import (DEFAULT_SEED, extend_seeds, SOURCE_2021, growth_factors, province_names,  # noqa: E402
                              rewrite)

TARGET_RUN_S = 20.0
TARGET_ADD_S = 10.0
NEW_EDITION = 2023


def _median(runs: list) -> object:
    return sorted(runs, key=lambda m: m.wall_s)[len(runs) // 2]


def _spread(runs: list) -> str:
    walls = sorted(m.wall_s for m in runs)
    return f"{walls[0]:.1f}–{walls[-1]:.1f} s" if len(walls) > 1 else ""


def _checked(measured, what: str):
    if not measured.ok:
        print(measured.output()[-3000:])
        raise SystemExit(f"{what} failed (exit {measured.returncode})")
    return measured


def run(echo: bool = False, repeat: int = 3) -> dict:
    """Each figure is the median of `repeat` runs (this machine's speed drifts); the spread is printed too."""
    before = calibration_ms()
    print(f"calibration workload before the runs: {before} ms (after: in the machine line at the end)", flush=True)
    work = scratch("build")
    try:
        sources = work / "sources"
        shutil.copytree(ROOT / "sources", sources)
        # A private copy of the project whose evaluation_dimensions seed knows the synthetic edition (a real
        # new edition would need its rows too); the code is the checkout's.
        project = project_copy(work / "project")
        extend_seeds(project, [NEW_EDITION])
        warehouse = work / "warehouse"
        env = bench_env(warehouse / "digital_china.duckdb", sources=sources, dagster_home=work / "dagster")
        command, extra = module_command(project, "prepare")
        env.update(extra)
        print("dbt parse of the project copy (not timed; `make run` after installation finds it parsed) ...",
              flush=True)
        _checked(measure(command, env, cwd=project), "dcw prepare in the project copy")

        cold_runs = []
        for i in range(repeat):
            print(f"cold build {i + 1}/{repeat}: dcw build on an empty warehouse ...", flush=True)
            remove(warehouse)
            cold_runs.append(_checked(measure(module_command(project, "build")[0], env, echo=echo, cwd=project),
                                      "dcw build"))
        # the built warehouse and sources every add-edition run starts from
        shutil.copytree(warehouse, work / "warehouse.built")
        shutil.copytree(sources, work / "sources.built")

        new_file = work / f"digital_china_development_report_{NEW_EDITION}.txt"
        factor = growth_factors(NEW_EDITION - 2022, DEFAULT_SEED)[NEW_EDITION]
        new_file.write_text(rewrite(SOURCE_2021.read_text(encoding="utf-8"), NEW_EDITION, factor, DEFAULT_SEED,
                                    province_names()), encoding="utf-8")
        add_runs = []
        for i in range(repeat):
            print(f"add one edition {i + 1}/{repeat}: dcw add-edition (synthetic {NEW_EDITION}, "
                  f"{new_file.stat().st_size} bytes) ...", flush=True)
            for built, live in ((work / "warehouse.built", warehouse), (work / "sources.built", sources)):
                remove(live)
                shutil.copytree(built, live)
            add_runs.append(_checked(measure(module_command(project, "add-edition", str(new_file), "--edition",
                                                            str(NEW_EDITION))[0], env, echo=echo, cwd=project),
                                     "dcw add-edition"))
    finally:
        remove(work)

    cold, add = _median(cold_runs), _median(add_runs)
    peak = max(m.peak_rss_mb for m in cold_runs + add_runs)
    result = {
        "cold_build": cold.summary(),
        "add_edition": add.summary(),
        "cold_build_walls_s": [m.wall_s for m in cold_runs],
        "add_edition_walls_s": [m.wall_s for m in add_runs],
        "peak_rss_mb": peak,
        "targets": {"make_run_s": TARGET_RUN_S, "add_edition_s": TARGET_ADD_S},
        "calibration_before_ms": before,
    }
    path = write_json("build", result)
    rows = [
        ["make run (dcw build, cold warehouse)", f"{cold.wall_s:.1f} s", _spread(cold_runs), f"{cold.cpu_s:.1f} s",
         f"{max(m.peak_rss_mb for m in cold_runs):.0f} MB", f"<= {TARGET_RUN_S:.0f} s", verdict(cold.wall_s, TARGET_RUN_S)],
        [f"add one edition (dcw add-edition {NEW_EDITION})", f"{add.wall_s:.1f} s", _spread(add_runs), f"{add.cpu_s:.1f} s",
         f"{max(m.peak_rss_mb for m in add_runs):.0f} MB", f"<= {TARGET_ADD_S:.0f} s", verdict(add.wall_s, TARGET_ADD_S)],
    ]
    print()
    print(table(rows, ["build", f"wall (median of {repeat})", "range", "cpu", "peak RSS", "target", ""]))
    print(f"(machine: {machine()}; written to {path.relative_to(ROOT)})")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--echo", action="store_true", help="echo the build's output")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each measure (the median is reported)")
    args = ap.parse_args()
    run(echo=args.echo, repeat=args.repeat)


if __name__ == "__main__":
    main()
