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

    python bench/bench_build.py [--echo]      # prints a table, writes bench/out/build.json
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (ROOT, bench_env, machine, measure, module_command, project_copy, remove, scratch,  # noqa: E402
                      table, verdict, write_json)
from synthetic_corpus import (DEFAULT_SEED, extend_seeds, SOURCE_2021, growth_factors, province_names,  # noqa: E402
                              rewrite)

TARGET_RUN_S = 20.0
TARGET_ADD_S = 10.0
NEW_EDITION = 2023


def run(echo: bool = False) -> dict:
    work = scratch("build")
    try:
        sources = work / "sources"
        shutil.copytree(ROOT / "sources", sources)
        # A private copy of the project whose evaluation_dimensions seed knows the synthetic edition (a real
        # new edition would need its rows too); the code is the checkout's.
        project = project_copy(work / "project")
        extend_seeds(project, [NEW_EDITION])
        env = bench_env(work / "warehouse" / "digital_china.duckdb", sources=sources, dagster_home=work / "dagster")
        command, extra = module_command(project, "prepare")
        env.update(extra)
        print("dbt parse of the project copy (not timed; `make run` after installation finds it parsed) ...",
              flush=True)
        prep = measure(command, env, cwd=project)
        if not prep.ok:
            print(prep.output()[-3000:])
            raise SystemExit("dcw prepare failed in the project copy")

        print("cold build: dcw build on an empty warehouse ...", flush=True)
        cold = measure(module_command(project, "build")[0], env, echo=echo, cwd=project)
        if not cold.ok:
            print(cold.output()[-3000:])
            raise SystemExit(f"dcw build failed (exit {cold.returncode})")

        new_file = work / f"digital_china_development_report_{NEW_EDITION}.txt"
        factor = growth_factors(NEW_EDITION - 2022, DEFAULT_SEED)[NEW_EDITION]
        new_file.write_text(rewrite(SOURCE_2021.read_text(encoding="utf-8"), NEW_EDITION, factor, DEFAULT_SEED,
                                    province_names()), encoding="utf-8")
        print(f"add one edition: dcw add-edition (synthetic {NEW_EDITION}, {new_file.stat().st_size} bytes) ...",
              flush=True)
        add = measure(module_command(project, "add-edition", str(new_file), "--edition", str(NEW_EDITION))[0], env,
                      echo=echo, cwd=project)
        if not add.ok:
            print(add.output()[-3000:])
            raise SystemExit(f"dcw add-edition failed (exit {add.returncode})")
    finally:
        remove(work)

    result = {
        "cold_build": cold.summary(),
        "add_edition": add.summary(),
        "peak_rss_mb": max(cold.peak_rss_mb, add.peak_rss_mb),
        "targets": {"make_run_s": TARGET_RUN_S, "add_edition_s": TARGET_ADD_S},
    }
    path = write_json("build", result)
    rows = [
        ["make run (dcw build, cold warehouse)", f"{cold.wall_s:.1f} s", f"{cold.cpu_s:.1f} s",
         f"{cold.peak_rss_mb:.0f} MB", f"<= {TARGET_RUN_S:.0f} s", verdict(cold.wall_s, TARGET_RUN_S)],
        [f"add one edition (dcw add-edition {NEW_EDITION})", f"{add.wall_s:.1f} s", f"{add.cpu_s:.1f} s",
         f"{add.peak_rss_mb:.0f} MB", f"<= {TARGET_ADD_S:.0f} s", verdict(add.wall_s, TARGET_ADD_S)],
    ]
    print()
    print(table(rows, ["build", "wall", "cpu", "peak RSS", "target", ""]))
    print(f"(machine: {machine()}; written to {path.relative_to(ROOT)})")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--echo", action="store_true", help="echo the build's output")
    run(echo=ap.parse_args().echo)


if __name__ == "__main__":
    main()
