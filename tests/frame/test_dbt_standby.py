"""The standby dbt (orchestration/transformation/standby.py): parsed ahead of time, it runs the launcher's
command with the launcher's output and exit code; when it cannot, the launcher runs dbt itself."""
import os
import shutil
import subprocess
import sys
import time

import pytest

from orchestration.settings import DBT_PROJECT_DIR
from orchestration.transformation import standby

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the standby is Linux-only")

# what the launcher does, in a process of its own: its stdout is the command's output
_LAUNCH = "import sys; from orchestration.transformation.standby import request; sys.exit(request(sys.argv[1], sys.argv[2:]))"


@pytest.fixture(autouse=True)
def _private_dbt_folders(tmp_path, monkeypatch):
    """dbt's commands here write their target and logs under tmp_path, not into dbt_project/ where a build
    running at the same time (the suite runs on two workers) reads the manifest and the partial parse."""
    target = tmp_path / "dbt_target"
    target.mkdir()
    state = DBT_PROJECT_DIR / "target" / "partial_parse.msgpack"
    if state.exists():
        shutil.copy2(state, target)  # no full re-parse
    monkeypatch.setenv("DBT_TARGET_PATH", str(target))
    monkeypatch.setenv("DBT_LOG_PATH", str(tmp_path / "dbt_logs"))


def _launch(address, *argv, env=None):
    return subprocess.run([sys.executable, "-c", _LAUNCH, address, "dbt", *argv], capture_output=True, text=True,
                          timeout=300, cwd=DBT_PROJECT_DIR, env=env or os.environ)


def test_the_standby_runs_the_command_with_the_callers_output_and_exit_code(tmp_path, monkeypatch):
    monkeypatch.setenv("DCW_WAREHOUSE", str(tmp_path / "warehouse.duckdb"))
    log = tmp_path / "standby.log"
    dbt = standby.start(DBT_PROJECT_DIR, log_path=log)
    try:
        assert os.environ[standby.STANDBY_ENV] == dbt.address
        done = _launch(dbt.address, "ls", "--resource-type", "seed", "--output", "name", "--quiet")
        assert done.returncode == 0, done.stdout + done.stderr
        assert "indicators" in done.stdout.split()  # a seed of the project, listed by the standby's dbt
        assert dbt.process.wait(timeout=60) == 0  # one command per standby
    finally:
        dbt.stop()
    assert standby.STANDBY_ENV not in os.environ
    text = log.read_text()
    assert "parsed in" in text and "ran `dbt ls --resource-type seed" in text and "exit 0" in text


def test_the_warehouse_is_free_as_soon_as_the_command_has_answered(tmp_path, monkeypatch):
    import duckdb

    warehouse = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("DCW_WAREHOUSE", str(warehouse))
    dbt = standby.start(DBT_PROJECT_DIR, log_path=tmp_path / "standby.log")
    try:
        done = _launch(dbt.address, "seed", "--select", "provinces")
        assert done.returncode == 0, done.stdout + done.stderr
        with duckdb.connect(str(warehouse)) as con:  # read-write: no other process may hold the file
            assert con.execute("select count(*) from reference.provinces").fetchone()[0] == 31
    finally:
        dbt.stop()


def test_a_failing_command_gives_the_exit_code_and_message_of_plain_dbt(tmp_path, monkeypatch):
    monkeypatch.setenv("DCW_WAREHOUSE", str(tmp_path / "warehouse.duckdb"))
    command = ("run-operation", "no_such_macro_anywhere")
    dbt = standby.start(DBT_PROJECT_DIR, log_path=tmp_path / "standby.log")  # it parses while plain dbt runs
    try:
        plain = subprocess.run([sys.executable, "-m", "dbt.cli.main", *command], capture_output=True, text=True,
                               timeout=300, cwd=DBT_PROJECT_DIR)
        done = _launch(dbt.address, *command)
    finally:
        dbt.stop()
    assert plain.returncode == done.returncode == 2
    assert "no_such_macro_anywhere" in plain.stdout and "no_such_macro_anywhere" in done.stdout


def test_without_a_parsed_project_the_caller_is_told_to_run_dbt_itself(tmp_path):
    log = tmp_path / "standby.log"
    dbt = standby.start(tmp_path, log_path=log)  # no dbt_project.yml here
    try:
        assert _ask(dbt.address) == "None"
    finally:
        dbt.stop()
    assert "could not parse the project" in log.read_text()


def test_no_standby_listening_means_no_answer(tmp_path):
    dbt = standby.start(tmp_path, log_path=tmp_path / "standby.log")
    dbt.stop()  # gone before anyone asked
    deadline = time.monotonic() + 10
    while dbt.process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _ask(dbt.address) == "None"


def _ask(address: str) -> str:
    """request()'s answer, printed by a process of its own (its fds 1 and 2 go to the standby)."""
    code = f"from orchestration.transformation.standby import request; print(request({address!r}, ['dbt', '--version']))"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout.strip()
