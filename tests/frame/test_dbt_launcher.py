"""The dbt launcher (orchestration/transformation/launcher.py) runs the venv's dbt, and only for a live build."""
import os
import subprocess
import sys

import pytest

from orchestration.transformation import standby
from orchestration.transformation.launcher import BUILD_PID_ENV, dbt_launcher


def test_the_launcher_runs_dbt(tmp_path):
    done = subprocess.run([str(dbt_launcher(tmp_path)), "--help"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, BUILD_PID_ENV: str(os.getpid())})
    assert done.returncode == 0 and "Usage: " in done.stdout


def test_dbt_does_not_start_for_a_build_that_is_gone(tmp_path):
    done = subprocess.run([str(dbt_launcher(tmp_path)), "--help"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, BUILD_PID_ENV: "1"})  # not its parent: the build has stopped
    assert done.returncode == 1 and "already stopped" in done.stderr


def test_the_launcher_is_rewritten_only_when_it_changes(tmp_path):
    first = dbt_launcher(tmp_path)
    stamp = first.stat().st_mtime_ns
    assert dbt_launcher(tmp_path).stat().st_mtime_ns == stamp
    first.write_text("#!/bin/sh\n")
    assert "PR_SET_PDEATHSIG" in dbt_launcher(tmp_path).read_text()


def test_the_launcher_runs_dbt_itself_when_no_standby_listens(tmp_path):
    env = {**os.environ, BUILD_PID_ENV: str(os.getpid()), standby.STANDBY_ENV: "dcw-dbt-nobody-listens"}
    done = subprocess.run([str(dbt_launcher(tmp_path)), "--help"], capture_output=True, text=True, timeout=120,
                          env=env)
    assert done.returncode == 0 and "Usage: " in done.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the standby dbt is Linux-only")
def test_the_launcher_runs_dbt_itself_when_the_standby_could_not_parse(tmp_path):
    (tmp_path / "no-project").mkdir()
    unparsed = standby.start(tmp_path / "no-project", log_path=tmp_path / "standby.log")  # cannot parse: refuses
    try:
        env = {**os.environ, BUILD_PID_ENV: str(os.getpid()), standby.STANDBY_ENV: unparsed.address}
        done = subprocess.run([str(dbt_launcher(tmp_path)), "--help"], capture_output=True, text=True, timeout=120,
                              env=env)
    finally:
        unparsed.stop()
    assert done.returncode == 0 and "Usage: " in done.stdout
    assert "could not parse the project" in (tmp_path / "standby.log").read_text()
