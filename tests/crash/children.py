"""The child process a kill is aimed at: forked from the warm parent, it reports through a pipe
(SQLAlchemy events and an audit hook) when a transaction begins, writes, commits, and when an export's
scratch file is made and renamed, so the parent can tell where each kill landed.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.crash.inspection import file_fingerprint, fingerprint

# Where the kill landed, from the child's markers (see Child)
BEFORE, OPEN, WRITE, COMMIT, BETWEEN, AFTER, DONE = "before", "open", "write", "commit", "between", "after", "done"
DURING_A_WRITE = (WRITE, COMMIT)


# ---------------------------------------------------------------------------------------------------
# The child's markers: SQLAlchemy events write one byte to a pipe; the parent reads them after the kill.


class Child:
    fd: int | None = None  # the pipe to the parent
    database: Path | None = None
    record_states = False  # reference runs: fingerprint the database after each commit
    send_pending = False  # nondeterministic operations: send the fingerprint of what is about to be committed
    states: list[str] = []
    hook_seconds = 0.0
    wrote = False
    committing = False
    timeline: list[tuple[float, str]] | None = None  # reference runs: (time.monotonic() - hook_seconds, marker)
    hold: tuple[str, int] | None = None  # (marker, n): stop at its n-th, where the parent kills it

    @classmethod
    def mark(cls, code: bytes) -> None:
        if cls.timeline is not None:
            cls.timeline.append((time.monotonic() - cls.hook_seconds, code[:1].decode()))
        if cls.fd is not None:
            os.write(cls.fd, code)
        if cls.hold is not None and code[:1].decode() == cls.hold[0]:
            cls.hold = (cls.hold[0], cls.hold[1] - 1)
            while cls.hold[1] == 0:
                time.sleep(60)


def install_markers() -> None:
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

    def on_begin(_connection):
        Child.wrote = False
        Child.mark(b"b")

    def on_execute(_connection, _cursor, statement, _parameters, _context, _executemany):
        if not Child.wrote and statement.lstrip()[:7].upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            Child.wrote = True
            Child.mark(b"w")

    def on_commit(connection):
        if Child.send_pending and Child.wrote:
            started = time.perf_counter()
            digest, _tables = fingerprint(connection.connection.driver_connection)
            Child.hook_seconds += time.perf_counter() - started
            Child.mark(b"F" + digest.encode())
        Child.committing = True
        Child.mark(b"c")

    def on_rollback(_connection):
        Child.mark(b"r")

    def after_commit(_session):
        if not Child.committing:  # a savepoint released (set_field's begin_nested), not a commit
            return
        Child.committing = False
        Child.mark(b"C")
        if Child.record_states:
            started = time.perf_counter()
            Child.states.append(file_fingerprint(Child.database)[0])
            Child.hook_seconds += time.perf_counter() - started

    def on_audit(name, arguments):
        # an export's scratch file made beside the final name, and renamed into place (files.write_atomically)
        if name == "tempfile.mkstemp":
            Child.mark(b"m")
        elif name == "os.rename" and Child.fd is not None and str(arguments[1]).endswith((".pdf", ".xlsx")):
            Child.mark(b"n")

    sys.addaudithook(on_audit)
    event.listen(Engine, "begin", on_begin)
    event.listen(Engine, "before_cursor_execute", on_execute)
    event.listen(Engine, "commit", on_commit)
    event.listen(Engine, "rollback", on_rollback)
    event.listen(Session, "after_commit", after_commit)


@dataclass
class Report:
    """What a child wrote to its pipe: markers in order, fingerprints announced before a commit, the
    traceback if it failed, its pickled result if it finished."""

    markers: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    error: str | None = None
    result: bytes | None = None


def parse_report(data: bytes) -> Report:
    report, index = Report(), 0
    while index < len(data):
        code = data[index : index + 1].decode()
        if code == "F":
            report.pending.append(data[index + 1 : index + 65].decode())
            index += 65
        elif code == "E":
            report.error = data[index + 1 :].decode(errors="replace")
            break
        elif code == "R":
            report.result = data[index + 1 :]
            break
        else:
            report.markers.append(code)
            index += 1
    return report


def landed(markers: list[str], commits_expected: int, export: bool = False) -> str:
    """Where in the operation the kill landed (an export writes from its scratch file's making to its
    rename into place)."""
    if "d" in markers:
        return DONE
    state, commits = BEFORE, 0
    for code in markers:
        if export and code in "mn":
            state = WRITE if code == "m" else AFTER
        elif code == "b":
            state = OPEN
        elif code == "w" and state == OPEN:
            state = WRITE
        elif code == "c":
            state = COMMIT
        elif code == "C":
            commits += 1
            state = AFTER if commits >= commits_expected else BETWEEN
        elif code == "r" and state in (OPEN, WRITE):
            state = AFTER if commits >= commits_expected else (BETWEEN if commits else BEFORE)
    return state


def fork(work: Callable[[], object], log: Path | None = None) -> tuple[int, int]:
    """Start `work` in a child process; return its pid and the read end of its marker pipe. The child
    pickles what `work` returns after a b"R" marker, or b"E" and the traceback if it fails."""
    assert threading.active_count() == 1, "forking a process with threads"
    assert not open_database_files(), f"the parent holds {open_database_files()} open while it forks"
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        return pid, read_end
    # the child
    code = 0
    try:
        os.close(read_end)
        Child.fd = write_end
        target = os.open(log or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(target, 1)
        os.dup2(target, 2)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        result = work()
        payload = pickle.dumps(result)
        Child.mark(b"d")
        with os.fdopen(os.dup(write_end), "wb") as stream:
            stream.write(b"R" + payload)
    except BaseException:
        code = 1
        with contextlib.suppress(BaseException):
            Child.mark(b"E" + traceback.format_exc().encode(errors="replace"))
    finally:
        os._exit(code)


def open_database_files() -> list[str]:
    """SQLite files this process has open (Linux): the parent must hold none when it forks."""
    found = []
    for entry in Path("/proc/self/fd").iterdir() if Path("/proc/self/fd").exists() else []:
        try:
            target = os.readlink(entry)
        except OSError:
            continue
        if target.endswith((".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal")):
            found.append(target)
    return found


def wait_for_marker(fd: int, code: str, count: int, deadline: float) -> bytes:
    """Read the child's pipe until its `count`-th `code` marker (or its end, or the deadline); return
    what was read."""
    received = b""
    while (remaining := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            break
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        received += chunk
        if parse_report(received).markers.count(code) >= count:
            break
    return received


def write_windows(timeline: list[tuple[float, str]], export: bool) -> list[tuple[float, float]]:
    """When an operation writes: from a transaction's first row written to its commit's end (a
    database), from the scratch file's creation to its rename (an export); seconds after the fork."""
    opening, closing = ("m", ("n",)) if export else ("w", ("C", "r"))
    windows, start = [], None
    for moment, code in timeline:
        if code == opening and start is None:
            start = moment
        elif code in closing and start is not None:
            windows.append((start, moment))
            start = None
    return windows


def read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


class ChildFailed(RuntimeError):
    pass


def run_to_end(work: Callable[[], object]) -> tuple[object, Report, float]:
    """Run `work` in a child to its end: (its result, its report, seconds)."""
    started = time.perf_counter()
    pid, fd = fork(work)
    report = parse_report(read_all(fd))
    os.waitpid(pid, 0)
    seconds = time.perf_counter() - started
    if report.error is not None:
        raise ChildFailed(report.error)
    if report.result is None:
        raise ChildFailed(f"the child ended without a result: {report.markers}")
    return pickle.loads(report.result), report, seconds
