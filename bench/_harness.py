"""Shared helpers of the bench scripts: run a command in a subprocess and measure it.

Wall time, CPU time (user + sys of the process and every descendant it waited for: dbt, if it runs in
a subprocess) and peak RSS (the largest single process of the tree, from getrusage(RUSAGE_CHILDREN) in
a wrapper process, so each measurement is isolated from the others). Every line the command prints is
time-stamped on arrival, so a script can time the phases of a build from its output.
"""
from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
VENV_BIN = ROOT / ".venv" / "bin"

# Runs the command given as JSON in argv[1], forwards its output, then writes its rusage to argv[2].
_WRAPPER = r"""
import json, os, resource, subprocess, sys, threading

# Peak memory of the whole process tree (the build spawns dbt and a Great Expectations worker): the sum of
# the resident sets of the command and its descendants, sampled every 0.1 s from /proc.
PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root):
    parents = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                parents[int(pid)] = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            pass
    tree, frontier = {root}, [root]
    while frontier:
        frontier = [p for p, parent in parents.items() if parent in frontier and p not in tree]
        tree.update(frontier)
    parts = []
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm") as fh:
                rss = int(fh.read().split()[1]) * PAGE
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                words = fh.read().split(b"\0")
            parts.append((rss, " ".join(w.decode(errors="replace").rsplit("/", 1)[-1] for w in words[:3])[:60]))
        except (OSError, IndexError, ValueError):
            pass
    return sum(rss for rss, _ in parts), parts


proc = subprocess.Popen(json.loads(sys.argv[1]))
peak = [0, []]
done = threading.Event()


def sample():
    while not done.wait(0.1):
        total, parts = tree_rss(proc.pid)
        if total > peak[0]:
            peak[:] = [total, parts]


threading.Thread(target=sample, daemon=True).start()
proc.wait()
done.set()
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print("peak memory of the process tree: " + " + ".join(f"{cmd} {rss // 2**20} MB" for rss, cmd in sorted(peak[1], reverse=True)), flush=True)
with open(sys.argv[2], "w") as fh:
    json.dump({"returncode": proc.returncode, "maxrss_kb": max(ru.ru_maxrss, peak[0] // 1024),
               "user": ru.ru_utime, "sys": ru.ru_stime}, fh)
"""


@dataclass
class Measured:
    command: list[str]
    returncode: int
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    lines: list[tuple[float, str]] = field(default_factory=list)  # (seconds since start, line)

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def output(self) -> str:
        return "\n".join(line for _, line in self.lines)

    def summary(self) -> dict:
        d = asdict(self)
        d.pop("lines")
        return d


def dcw_command(*args: str) -> list[str]:
    """`dcw ARGS` as `make run` calls it (the console script), or through the module if the venv has
    no console script (the checkout is on PYTHONPATH either way)."""
    script = VENV_BIN / "dcw"
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "orchestration.cli", *args]


def bench_env(warehouse: Path, sources: Path | None = None, dagster_home: Path | None = None) -> dict:
    """The environment of `make run` (Makefile exports), pointed at a private warehouse."""
    env = dict(os.environ)
    env.update({"DCW_WAREHOUSE": str(warehouse), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DO_NOT_TRACK": "1",
                "GX_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
                "DAGSTER_HOME": str(dagster_home or warehouse.parent / ".dagster")})
    if sources is not None:
        env["DCW_SOURCES"] = str(sources)
    else:
        env.pop("DCW_SOURCES", None)
    Path(env["DAGSTER_HOME"]).mkdir(parents=True, exist_ok=True)
    return env


def measure(command: list[str], env: dict, echo: bool = False, cwd: Path = ROOT) -> Measured:
    fd, usage_file = tempfile.mkstemp(prefix="dcw-bench-rusage-", suffix=".json")
    os.close(fd)
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, json.dumps(command), usage_file], cwd=cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines = []
    assert proc.stdout is not None
    for line in proc.stdout:
        lines.append((time.perf_counter() - started, line.rstrip("\n")))
        if echo:
            print("    | " + line.rstrip("\n"), flush=True)
    proc.wait()
    wall = time.perf_counter() - started
    raw = Path(usage_file).read_text()
    os.unlink(usage_file)
    usage = json.loads(raw) if raw else {"returncode": proc.returncode, "maxrss_kb": 0, "user": 0, "sys": 0}
    return Measured(command=command, returncode=usage["returncode"], wall_s=wall,
                    cpu_s=usage["user"] + usage["sys"], peak_rss_mb=usage["maxrss_kb"] / 1024, lines=lines)


_NOT_COPIED = {".venv", ".git", "warehouse", ".dagster", "out", "target", "logs", "__pycache__", ".pytest_cache",
               "dbt_packages", ".hypothesis"}


def project_copy(dest: Path) -> Path:
    """A private copy of the project (code, dbt project, seeds, expectations, sources; no venv, no
    warehouse, no git), to run the pipeline with bench-only seed rows without touching the checkout."""
    shutil.copytree(ROOT, dest, ignore=lambda d, names: [n for n in names if n in _NOT_COPIED])
    return dest


def module_command(project: Path, *args: str) -> tuple[list[str], dict]:
    """`dcw ARGS` run from a project copy (the console script would import the checkout)."""
    return [sys.executable, "-m", "orchestration.cli", *args], {"PYTHONPATH": str(project)}


def scratch(prefix: str) -> Path:
    """A private scratch folder (removed by the caller)."""
    return Path(tempfile.mkdtemp(prefix=f"dcw-bench-{prefix}-"))


def remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


_CALIBRATION_TEXT = "".join(f"第{i}项指标达到{i * 7 % 1000 / 10}万亿元，同比增长{i % 97 / 10}%，占比为{i % 89}%。"
                            for i in range(3000))  # made-up figures, not a report's
_CALIBRATION_SOURCE = "\n".join(f"def f{i}(x):\n    return [y * {i} for y in x if y % 3]" for i in range(400))


def calibration_ms(rounds: int = 5) -> float:
    """CPU milliseconds of a fixed single-threaded Python workload (regex scanning, dict and string work,
    compiling source, as the pipeline does), median of `rounds`. This VM's speed drifts by up to a third
    within a day: a build figure read beside this number tells the machine's slowness from the code's.
    ~95-100 ms on the build machine in a quiet spell (2026-11-27)."""
    import re
    import statistics

    pattern = re.compile(r"(\d+(?:\.\d+)?)(万亿元|%)")
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(4):
            totals: dict[str, float] = {}
            for value, unit in pattern.findall(_CALIBRATION_TEXT):
                totals[unit] = totals.get(unit, 0.0) + float(value)
            sorted(_CALIBRATION_TEXT.split("，"))
            compile(_CALIBRATION_SOURCE, "<calibration>", "exec")
        times.append(time.process_time() - start)
    return round(statistics.median(times) * 1000, 1)


def machine() -> dict:
    """What the figures were measured on, how busy it was, and how fast it ran just then."""
    info = {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "calibration_ms": calibration_ms()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        info["memory_gb"] = round(int(mem) / 1024 / 1024, 1)
    except OSError:
        pass
    try:
        info["load_average_1m"] = round(os.getloadavg()[0], 2)
    except OSError:
        pass
    return info


def write_json(name: str, payload: dict) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    payload = {"measured_at": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": machine(), **payload}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = lambda r: "  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip()  # noqa: E731
    return "\n".join([fmt(header), fmt(["-" * w for w in widths]), *map(fmt, rows)])


def verdict(value: float, limit: float, higher_is_better: bool = False) -> str:
    ok = value >= limit if higher_is_better else value <= limit
    return "met" if ok else "MISSED"
