"""`make ui` binds to 127.0.0.1 only, as documented; and `dagster dev` really serves these definitions there."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_the_ui_target_and_every_documented_command_bind_to_localhost():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"(?ms)^ui:.*?\n((?:\t.*\n)+)", makefile).group(1)
    dev = [line for line in recipe.splitlines() if "dagster dev" in line or "dg dev" in line]
    assert dev and all(re.search(r"(-h|--host)\s+127\.0\.0\.1\b", line) for line in dev), recipe
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for line in doc.read_text(encoding="utf-8").splitlines():
            if re.search(r"\b(dagster|dg) dev\b", line):
                assert "127.0.0.1" in line and "0.0.0.0" not in line, f"{doc.name}: {line}"
            if "make ui" in line:
                assert "0.0.0.0" not in line, f"{doc.name}: {line}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_ASSET_GRAPH_QUERY = """{ assetNodes { assetKey { path } dependencyKeys { path }
  assetChecksOrError { ... on AssetChecks { checks { name } } } } }"""


def _asset_graph(port: int, deadline: float) -> dict:
    """{asset: {"upstream": [...], "checks": [...]}} from the UI's GraphQL API (polled: the code location
    may still be loading when the server first answers)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", method="POST",
                                     data=json.dumps({"query": _ASSET_GRAPH_QUERY}).encode(),
                                     headers={"Content-Type": "application/json"})
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                nodes = json.loads(r.read())["data"]["assetNodes"]
            if nodes:
                graph = {}
                for n in nodes:
                    key = "/".join(n["assetKey"]["path"])
                    checks = (n.get("assetChecksOrError") or {}).get("checks") or []
                    graph[key] = {"upstream": ["/".join(d["path"]) for d in n["dependencyKeys"]],
                                  "checks": [c["name"] for c in checks]}
                return graph
        except (OSError, KeyError, TypeError):
            pass
        time.sleep(1)
    raise AssertionError("the UI never listed the asset graph")


def test_dagster_dev_serves_on_127_0_0_1_and_stops_cleanly(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items()}
    env.update({"DAGSTER_HOME": str(tmp_path), "PYTHONPATH": str(ROOT), "DCW_WAREHOUSE": str(tmp_path / "wh.duckdb")})
    (tmp_path / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    dagster = Path(sys.executable).with_name("dagster")
    proc = subprocess.Popen([str(dagster), "dev", "-m", "orchestration.definitions", "-h", "127.0.0.1", "-p", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        info = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2) as r:
                    info = json.loads(r.read())
                    break
            except OSError:
                time.sleep(0.5)
        assert info and info.get("dagster_webserver_version"), "dagster dev did not answer /server_info"
        graph = _asset_graph(port, deadline)
        # the asset graph with its lineage: raw edition tables → dbt models → publication, and the checks
        assert "stg_reports__statements" in graph["fct_statements"]["upstream"]
        assert "raw/statements" in graph["stg_reports__statements"]["upstream"]
        assert {"mart_exports", "data_quality_dashboard", "dbt_docs"} <= set(graph)
        assert "statements_integrity" in graph["fct_statements"]["checks"]  # a Great Expectations suite
        assert any(c.startswith("column_rules_") for c in graph["fct_statements"]["checks"])  # a dbt test
        # bound to the loopback address only: another local address of this machine is refused
        addresses = {a[4][0] for a in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
        for address in addresses:
            with socket.socket() as s:
                s.settimeout(1)
                assert s.connect_ex((address, port)) != 0, f"also listening on {address}"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # its own session: only what this test started
            proc.wait()
    assert proc.returncode is not None
