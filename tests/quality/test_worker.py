"""Great Expectations validates in a worker process (orchestration/quality/worker.py): real GX, real frames."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from orchestration.quality import worker
from orchestration.quality.suites import SuiteSpec

SPEC = SuiteSpec(
    name="worker_probe", description="probe", table="marts.probe", asset="probe", severity="error", file="probe.yml",
    expectations=({"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "id"}, "meta": {}},
                  {"type": "expect_column_values_to_be_in_set",
                   "kwargs": {"column": "status", "value_set": ["holds", "fails"]}, "meta": {}}))


def test_a_frame_is_validated_in_the_worker_and_failures_are_named(tmp_path):
    good = worker.validate(tmp_path / "docs", SPEC, pd.DataFrame({"id": [1, 2], "status": ["holds", "fails"]}))
    assert good.success and good.evaluated == 2 and good.rows == 2 and good.failed == []
    bad = worker.validate(tmp_path / "docs", SPEC, pd.DataFrame({"id": [1, None], "status": ["holds", "maybe"]}))
    assert not bad.success
    assert {f["expectation"] for f in bad.failed} == {"expect_column_values_to_not_be_null",
                                                      "expect_column_values_to_be_in_set"}
    assert (tmp_path / "docs" / "index.html").exists()  # not deferred: the pages are rendered at once


def test_deferred_docs_render_once_at_the_end(tmp_path):
    docs = tmp_path / "deferred"
    with worker.docs_deferred() as pages:
        worker.validate(docs, SPEC, pd.DataFrame({"id": [1], "status": ["holds"]}))
        assert not (docs / "index.html").exists()
    assert docs / "index.html" in pages and (docs / "index.html").exists()


def test_a_dead_worker_is_replaced(tmp_path):
    pool = worker.start()
    pool.submit(int).result()  # make sure its process is up
    (pid,) = list(pool._processes)  # noqa: SLF001 - the test kills the worker on purpose
    os.kill(pid, signal.SIGKILL)
    frame = pd.DataFrame({"id": [1], "status": ["holds"]})
    outcomes = list(worker.validate_each(tmp_path / "docs", [(SPEC, lambda: frame), (SPEC, lambda: frame)]))
    assert [o.success for o in outcomes] == [True, True]
    assert worker.validate(tmp_path / "docs", SPEC, frame).success
    assert pid not in worker.start()._processes  # noqa: SLF001


def test_validate_each_reads_ahead_and_keeps_the_order(tmp_path):
    frames = {"good": pd.DataFrame({"id": [1, 2], "status": ["holds", "fails"]}),
              "bad": pd.DataFrame({"id": [None], "status": ["maybe"]}),
              "also_good": pd.DataFrame({"id": [3], "status": ["holds"]})}
    specs = [SuiteSpec(**{**SPEC.__dict__, "name": name}) for name in frames]
    reads: list[str] = []
    outcomes = worker.validate_each(tmp_path / "docs", ((spec, lambda spec=spec: reads.append(spec.name)
                                                         or frames[spec.name]) for spec in specs))
    first = next(outcomes)
    assert reads == ["good", "bad"]  # the second frame was read before the first outcome came back
    rest = list(outcomes)
    assert [o.suite.name for o in [first, *rest]] == ["good", "bad", "also_good"]
    assert [o.success for o in [first, *rest]] == [True, False, True]
    assert [o.rows for o in [first, *rest]] == [2, 1, 1]


def test_a_worker_that_keeps_dying_is_a_clear_pipeline_error(monkeypatch):
    def always_broken(*_args):
        from concurrent.futures.process import BrokenProcessPool
        raise BrokenProcessPool("killed")

    class Broken:
        def submit(self, *_args):
            return type("F", (), {"result": always_broken})()

        def shutdown(self, **_kwargs):
            pass

    monkeypatch.setattr(worker, "start", lambda: Broken())
    with pytest.raises(worker.ValidationWorkerError, match="died twice"):
        worker.validate("unused", SPEC, pd.DataFrame({"id": [1], "status": ["holds"]}))


def test_a_failing_error_suite_blocks_what_is_downstream_and_a_warn_suite_does_not(tmp_path, monkeypatch):
    """Real Dagster, real GX (in the worker), real DuckDB: the wiring of orchestration/quality/checks.py."""
    import dagster as dg
    import duckdb

    from orchestration.ingestion.resources import WarehouseResource
    from orchestration.quality import checks

    db = tmp_path / "w.duckdb"
    monkeypatch.setenv("DCW_WAREHOUSE", str(db))  # the Data Docs go beside it
    with duckdb.connect(str(db)) as con:
        con.execute("create schema marts; create table marts.probe as select * from (values (1, 'holds'), "
                    "(null, 'fails')) t(id, status)")
    integrity = SuiteSpec(name="probe_integrity", description="ids", table="marts.probe", asset="probe",
                          severity="error", file="probe.yml", expectations=SPEC.expectations[:1])
    findings = SuiteSpec(name="probe_findings", description="claims hold", table="marts.probe", asset="probe",
                         severity="warn", file="probe.yml", expectations=(
                             {"type": "expect_column_values_to_be_in_set",
                              "kwargs": {"column": "status", "value_set": ["holds"]}, "meta": {}},))

    @dg.asset(name="probe")
    def probe():
        return None

    @dg.asset(deps=[probe])
    def downstream():
        return None

    def run(suites):
        monkeypatch.setattr(checks, "load_suites", lambda: suites)
        return dg.materialize([probe, downstream, *checks.gx_asset_checks()], raise_on_error=False,
                              resources={"warehouse": WarehouseResource(path=str(db))})

    blocked = run([integrity, findings])
    evaluations = {e.check_name: e for e in blocked.get_asset_check_evaluations()}
    assert not evaluations["probe_integrity"].passed
    assert evaluations["probe_integrity"].severity == dg.AssetCheckSeverity.ERROR
    assert not evaluations["probe_findings"].passed  # the finding is reported too ...
    assert evaluations["probe_findings"].metadata["findings_count"].value == 1  # ... with the row behind it
    assert not blocked.success
    assert [m.asset_key for m in blocked.get_asset_materialization_events()] == [dg.AssetKey("probe")]

    shown = run([findings])  # a finding about a report is shown, and the run goes on
    assert shown.success
    assert {m.asset_key for m in shown.get_asset_materialization_events()} == {dg.AssetKey("probe"),
                                                                              dg.AssetKey("downstream")}


def test_a_script_without_a_main_guard_is_not_run_again_in_the_worker(tmp_path):
    """multiprocessing's spawn re-runs the parent's main script in the child unless it is hidden."""
    import subprocess
    import sys

    from tests.conftest import ROOT

    script = tmp_path / "unguarded.py"
    script.write_text(
        "import pandas as pd\n"
        "from orchestration.quality import worker\n"
        "from tests.quality.test_worker import SPEC\n"
        f"outcome = worker.validate({str(tmp_path / 'docs')!r}, SPEC, pd.DataFrame({{'id': [1], 'status': ['holds']}}))\n"
        "print('validated', outcome.success)\n")
    done = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["validated True"]


def test_the_worker_leaves_when_its_build_is_killed(tmp_path):
    """A build killed with SIGKILL must not leave its GX worker behind."""
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT

    script = tmp_path / "parent.py"
    script.write_text("import time\nfrom orchestration.quality import worker\n"
                      "pool = worker.start()\npool.submit(int).result()\n"
                      "print(list(pool._processes)[0], flush=True)\ntime.sleep(600)\n")
    parent = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    child = int(parent.stdout.readline())
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.2)
    assert not _alive(child)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as status:
            return "zombie" not in status.read()
    except FileNotFoundError:
        return False


def test_a_check_reads_only_the_columns_its_suite_names():
    from orchestration.quality.suites import columns_of

    assert columns_of(SPEC) == ["id", "status"]
    counts_rows = SuiteSpec(name="n", description="", table="t", asset="a", severity="error", file="f",
                            expectations=({"type": "expect_table_row_count_to_be_between",
                                           "kwargs": {"min_value": 1}, "meta": {}},))
    assert columns_of(counts_rows) == []
    pair = SuiteSpec(name="p", description="", table="t", asset="a", severity="error", file="f", expectations=(
        {"type": "expect_column_pair_values_a_to_be_greater_than_b", "kwargs": {"column_A": "x", "column_B": "y"}},
        {"type": "expect_compound_columns_to_be_unique", "kwargs": {"column_list": ["y", "z"]}}))
    assert columns_of(pair) == ["x", "y", "z"]


def test_an_expectation_that_needs_a_deferred_module_still_validates(tmp_path):
    """The worker imports GX with scipy.stats deferred (worker.import_great_expectations); the KL divergence
    expectation calls scipy.stats.entropy, which loads it then."""
    kl = SuiteSpec(**{**SPEC.__dict__, "name": "kl_probe", "expectations": (
        {"type": "expect_column_kl_divergence_to_be_less_than",
         "kwargs": {"column": "status", "threshold": 0.1,
                    "partition_object": {"values": ["holds", "fails"], "weights": [0.5, 0.5]}}, "meta": {}},)})
    assert worker.validate(tmp_path / "docs", kl, pd.DataFrame({"status": ["holds", "fails"] * 5})).success
    skewed = worker.validate(tmp_path / "docs", kl, pd.DataFrame({"status": ["holds"] * 9 + ["fails"]}))
    assert not skewed.success
    assert skewed.failed[0]["observed_value"] == pytest.approx(0.368, abs=1e-3)  # KL(observed 0.9/0.1 ‖ expected 0.5/0.5)


def test_the_worker_imports_gx_without_running_scipy_stats():
    probe = ("import sys; from orchestration.quality.worker import import_great_expectations as i; i(); "
             "print('great_expectations' in sys.modules, 'scipy.stats._stats_py' in sys.modules, "
             "'altair.vegalite' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.split() == ["True", "False", "False"]
