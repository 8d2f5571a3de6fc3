"""Great Expectations validates in a worker process (orchestration/quality/worker.py): real GX, real frames."""
import os
import signal

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
    outcome = worker.validate(tmp_path / "docs", SPEC, pd.DataFrame({"id": [1], "status": ["holds"]}))
    assert outcome.success
    assert pid not in worker.start()._processes  # noqa: SLF001


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
