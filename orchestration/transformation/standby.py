"""A dbt that is ready before the build asks for it: imported and parsed while the build does other work.

Starting dbt costs ~3.4 s here before it runs a node (~2 s of imports, ~1.4 s loading and checking the
project), and the build used to pay it in series, after ingestion. `start()` launches a standby process at
the beginning of a build: it imports dbt and parses the project on the other core while the build imports
Dagster and ingests the editions, then waits. When dagster-dbt runs its `dbt build`, the launcher
(launcher.py) hands the standby its command line, environment, working folder and output, and the
standby runs that command in-process with the parsed manifest, the way dbt's docs describe for reusing a
manifest (docs.getdbt.com/reference/programmatic-invocations). dagster-dbt reads the same JSON events
from the same pipe and gets the same exit code, so nothing else changes.

One command per standby; the build stops it at the end. Without a standby (outside a build, not Linux,
or when it failed to parse), the launcher runs dbt as usual.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from ..imports import collector_paused

STANDBY_ENV = "DCW_DBT_STANDBY"
_ACCEPT_TIMEOUT_S = 3600.0
READY, UNAVAILABLE = b"S", b"E"


# -- in the build ------------------------------------------------------------------------------------

class Standby:
    """The build's handle on its standby: `stop()` it when the build ends, used or not."""

    def __init__(self, process: subprocess.Popen, address: str):
        self.process, self.address = process, address

    def stop(self) -> None:
        os.environ.pop(STANDBY_ENV, None)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start(project_dir: Path, log_path: Path | None = None, env: dict[str, str] | None = None) -> Standby | None:
    """Launch the standby (Linux only: it uses an abstract socket and PR_SET_PDEATHSIG) and tell the
    launcher where to find it, through this process's environment, which dagster-dbt passes on. `env`: the
    standby's environment if not this process's (the profile it parses with reads DCW_WAREHOUSE)."""
    if not sys.platform.startswith("linux"):
        return None
    address = f"dcw-dbt-{os.getpid()}-{secrets.token_hex(8)}"
    # bound here, before the standby exists: a launcher that comes early waits in the backlog
    try:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind("\0" + address)
        listener.listen(1)
    except OSError:  # no Unix sockets here (a sandbox): dagster-dbt starts dbt itself, as before
        return None
    if log_path:
        log_path.parent.mkdir(parents=True, exist_ok=True)
    output = open(log_path, "wb") if log_path else subprocess.DEVNULL  # noqa: SIM115 - handed to the child
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", f"from {__name__} import serve; serve({listener.fileno()}, {str(project_dir)!r}, "
                                   f"{os.getpid()})"],
            cwd=project_dir, env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
            pass_fds=[listener.fileno()])
    finally:
        listener.close()  # the standby's copy is the only one: when it ends, callers are refused
        if log_path:
            output.close()
    os.environ[STANDBY_ENV] = address
    return Standby(process, address)


# -- in the launcher ---------------------------------------------------------------------------------

def request(address: str, argv: list[str]) -> int | None:
    """Run `argv` in the standby with this process's environment, folder and output; its exit code, or
    None when no standby can take it (the caller then runs dbt itself)."""
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect("\0" + address)
    except OSError:
        return None
    with sock, sock.makefile("rb") as replies:
        message = json.dumps({"argv": argv, "env": dict(os.environ), "cwd": os.getcwd()}).encode()
        socket.send_fds(sock, [len(message).to_bytes(8, "big") + message], [1, 2])
        if replies.read(1) != READY:
            return None
        pid = int(replies.readline())
        forward = lambda signum, _frame: os.kill(pid, signal.SIGINT)  # noqa: E731 - dbt stops on SIGINT
        signal.signal(signal.SIGINT, forward)
        signal.signal(signal.SIGTERM, forward)
        code = replies.readline().strip()
    if not code:
        sys.stderr.write(f"dbt: the standby (pid {pid}) stopped before it finished the command\n")
        return 2
    return int(code)


# -- in the standby ------------------------------------------------------------------------------------

def serve(listener_fd: int, project_dir: str, build_pid: int) -> None:
    _die_with(build_pid)
    log = os.fdopen(os.dup(2), "w", buffering=1)  # the standby's log, whatever becomes of fd 2
    listener = socket.socket(fileno=listener_fd)
    started = time.perf_counter()
    with collector_paused():  # dbt and its manifest live as long as the process
        manifest = _parse(Path(project_dir), log)
    log.write(f"parsed in {time.perf_counter() - started:.1f} s\n" if manifest is not None else
              "could not parse the project: the launcher will run dbt itself\n")
    listener.settimeout(_ACCEPT_TIMEOUT_S)
    try:
        conn, _ = listener.accept()
    except socket.timeout:
        log.write("no dbt command came; leaving\n")
        return
    listener.close()
    with conn:
        conn.settimeout(None)
        request_, fds = _receive(conn)
        if manifest is None:
            for fd in fds:
                os.close(fd)
            conn.sendall(UNAVAILABLE)
            return
        conn.sendall(READY + f"{os.getpid()}\n".encode())
        began = time.perf_counter()
        code = _run(manifest, request_, fds, log)
        log.write(f"ran `dbt {' '.join(request_['argv'][1:])}` in {time.perf_counter() - began:.1f} s: exit {code}\n")
        conn.sendall(f"{code}\n".encode())


def _die_with(build_pid: int) -> None:
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):
        pass
    if os.getppid() != build_pid:
        sys.exit(0)


def _parse(project_dir: Path, log):
    """The project's manifest, parsed as the build's dbt would parse it (partial parse from the last
    build's state, which this parse then refreshes); None if dbt cannot parse it."""
    target = project_dir / "target"
    private = target / f"standby-{os.getpid()}"
    state = target / "partial_parse.msgpack"
    try:
        from dbt.cli.main import dbtRunner

        private.mkdir(parents=True, exist_ok=True)
        if state.exists():
            shutil.copy2(state, private / state.name)
        result = dbtRunner().invoke(["parse", "--quiet", "--no-write-json", "--project-dir", str(project_dir),
                                     "--profiles-dir", str(project_dir), "--target-path", str(private),
                                     "--log-path", str(private)])
        if not result.success:
            log.write(f"dbt parse failed: {result.exception}\n")
            return None
        fresh = private / state.name
        if fresh.exists():
            staged = target / f".partial_parse.{os.getpid()}"
            shutil.copy2(fresh, staged)
            os.replace(staged, state)
        return result.result
    except Exception as exc:  # noqa: BLE001 - the launcher falls back to plain dbt, which will say it again
        log.write(f"dbt parse failed: {exc!r}\n")
        return None
    finally:
        shutil.rmtree(private, ignore_errors=True)


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    data, fds, _flags, _addr = socket.recv_fds(conn, 1 << 20, 2)
    size = int.from_bytes(data[:8], "big")
    payload = data[8:]
    while len(payload) < size:
        chunk = conn.recv(size - len(payload))
        if not chunk:
            break
        payload += chunk
    return json.loads(payload), fds


def _run(manifest, request_: dict, fds: list[int], log) -> int:
    """The launcher's command, as the launcher would have run it: its environment, folder and output."""
    from dbt.cli.main import dbtRunner

    sys.stdout.flush()
    sys.stderr.flush()
    own = [os.dup(1), os.dup(2)]
    for fd, standard in zip(fds, (1, 2)):
        os.dup2(fd, standard)
        os.close(fd)
    os.environ.clear()
    os.environ.update(request_["env"])
    os.chdir(request_["cwd"])
    # dagster-dbt seeded the command's target folder with the previous parse state; this run parses
    # nothing, so that file would be taken for its own (project.keep_partial_parse) and undo our parse
    if os.environ.get("DBT_TARGET_PATH"):
        (Path(os.environ["DBT_TARGET_PATH"]) / "partial_parse.msgpack").unlink(missing_ok=True)
    try:
        result = dbtRunner(manifest=manifest).invoke(request_["argv"][1:])
        return 0 if result.success else (1 if result.exception is None else 2)  # dbt's own exit codes
    except BaseException as exc:  # noqa: BLE001 - KeyboardInterrupt included: the command failed
        log.write(f"dbt failed: {exc!r}\n")
        return 2
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        # let go of the caller's output now: dagster-dbt reads it until every writer has closed it, and
        # it would otherwise wait for this process to exit
        for fd, standard in zip(own, (1, 2)):
            os.dup2(fd, standard)
            os.close(fd)
        _close_warehouse()


def _close_warehouse() -> None:
    """dbt-duckdb keeps its database open until the process exits; close it before answering, so that the
    build, which goes on as soon as it has the answer, finds the warehouse free."""
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager as manager

        with manager._LOCK:
            if manager._ENV is not None:
                manager._ENV.close()
                manager._ENV = None
    except Exception:  # noqa: BLE001 - the process exits next anyway, which closes it too
        pass
