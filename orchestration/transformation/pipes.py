"""Read dbt's event stream in a thread, so dbt never waits for Dagster.

dagster-dbt reads dbt's JSON log lines from a pipe and turns each finished node into Dagster events as
it goes. Handling those events costs Dagster more than dbt takes to run the node; a pipe holds only
64 KB (~40 lines), so dbt soon blocked on writing its log and the two ran in series. Draining the pipe
into an unbounded queue lets dbt run at its own pace on one core while Dagster catches up on the other.
"""
from __future__ import annotations

import queue
import threading
from typing import IO, Iterator


class DrainedPipe:
    """Stands in for `Popen.stdout`: iterating yields the lines the thread has read, in order."""

    def __init__(self, pipe: IO[bytes]):
        self._pipe = pipe
        self._lines: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self.closed = False
        threading.Thread(target=self._drain, name="dbt-stdout", daemon=True).start()

    def _drain(self) -> None:
        try:
            for line in self._pipe:
                self._lines.put(line)
        finally:
            self._lines.put(None)

    def __iter__(self) -> Iterator[bytes]:
        while (line := self._lines.get()) is not None:
            yield line

    def __enter__(self) -> "DrainedPipe":
        return self

    def __exit__(self, *exc_info) -> None:
        self._pipe.close()
        self.closed = True
