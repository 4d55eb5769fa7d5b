"""Crash harness: kill real processes (SIGKILL) at random moments while they write, then check the files.

Run by hand from the project folder (plain Python, never imports Qt; Linux: fork, /proc):

    .venv/bin/python -m tests.crash.harness --kills 300 --seed 1234      # prints a JSON summary
    .venv/bin/python -m tests.crash.harness --kills 40 --only budget_edits --keep /tmp/crash

The exit status is 0 when every kill left a sound database holding whole operations and every export
under its final name whole; 1 otherwise (the summary's `failures` say what, and the crashed files are
kept in the work folder's failures/; --keep keeps the folder). --seed makes the kill moments
reproducible up to the machine's timing (a random seed is printed otherwise); the kill count also comes
from CLIFFHANGER_KILLS.

How it works. The parent imports the studio modules once, runs each operation once itself (so that the
children forked from it start warm, like the app after its first operation), and never holds a database
connection or a thread when it forks (both are checked). For each scenario an uninterrupted run in a
child records the allowed states: the content's fingerprint before, and after each commit. Each kill:
1. copies the scenario's starting database (and, for an export, writes an older export at the final name);
2. forks a child that opens the database itself and runs the operation through the code the command
   line and the GUI use (studio.cli.run_*; Workspace.write/edit_fields/import_script/restore/place_all
   reproduced without Qt). SQLAlchemy events and an audit hook in the child write a byte to a pipe when
   a transaction begins (b), writes its first row (w), starts to commit (c) and has committed (C), and
   when an export's scratch file is made (m) and renamed into place (n);
3. half the kills: sleeps a random delay in [0, 1.2 × the operation's duration, fork to end]; the other
   half are aimed: wait for the child to start a write (its w or m on the pipe), then a random delay
   within 1.2 × that write's length; then SIGKILL, reap;
4. checks: a fresh sqlite3 connection on a copy of the crashed files (it recovers the write-ahead log)
   passes PRAGMA integrity_check and foreign_key_check; studio.db.open_database opens the crashed file
   itself and lists the productions; the content's fingerprint (every table's rows in primary-key order,
   timestamp columns left out) is an allowed state: "the first k transactions and none of the k+1st"
   passes, anything else is a partial operation. The optimizer is not deterministic, so its child also
   sends the fingerprint of what it is about to commit. Exports: the final name holds the old file byte
   for byte, or a complete new one (PDF: ends with %%EOF, PDFium opens it, same pages; xlsx: openpyxl
   loads it) equal to an uninterrupted export but for its creation time and PDF id.
Where a kill landed: before (no transaction yet), open (a transaction open, nothing written in it),
write (rows written, not committed; an export's scratch file being written), commit (committing),
between (two transactions of a sequence), after (all committed, closing), done (the child had ended).
Two controls, deliberately unsafe and reported apart, show that the checks catch what they look for:
a schedule applied in two transactions declared as one, an export written in place.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import os
import pickle
import random
import re
import select
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = Path(os.environ.get("CLIFFHANGER_SAMPLES", ROOT.parent / "shared" / "samples"))
DEFAULT_KILLS = 110
CONTROL_KILLS = 10  # kills of each deliberately unsafe control operation, on top of the others
AIMED_SHARE = 0.5  # kills whose moment is drawn from the writes seen in a timed run, not the whole run
OPTIMIZER_SECONDS = 5.0  # `schedule auto --time-limit`: shorter limits often find no schedule at all on the demo

# Where the kill landed, from the child's markers (see Child)
BEFORE, OPEN, WRITE, COMMIT, BETWEEN, AFTER, DONE = "before", "open", "write", "commit", "between", "after", "done"
DURING_A_WRITE = (WRITE, COMMIT)


# ---------------------------------------------------------------------------------------------------
# Fingerprints


def timestamp_columns() -> set[tuple[str, str]]:
    """(table, column) pairs that hold the moment something happened: they differ run to run."""
    from sqlmodel import SQLModel

    import studio.models  # noqa: F401  (registers every table)
    from studio.models.types import UTCDateTime

    return {
        (table.name, column.name)
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, UTCDateTime) or column.name.endswith("_at")
    }


SKIPPED: set[tuple[str, str]] = set()  # filled by main()


def fingerprint(connection: sqlite3.Connection) -> tuple[str, dict[str, str]]:
    """A digest of the whole content (and of each table): rows in primary-key order, timestamps left out."""
    whole = hashlib.sha256()
    tables = {}
    schema = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    whole.update(repr(schema).encode())
    for (name,) in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall():
        info = connection.execute(f'PRAGMA table_info("{name}")').fetchall()
        kept = [row[1] for row in info if (name, row[1]) not in SKIPPED]
        keys = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]] or kept
        columns = ", ".join(f'"{column}"' for column in kept)
        order = ", ".join(f'"{column}"' for column in keys)
        digest = hashlib.sha256()
        count = 0
        for row in connection.execute(f'SELECT {columns} FROM "{name}" ORDER BY {order}'):
            digest.update(repr(row).encode())
            count += 1
        tables[name] = f"{count}:{digest.hexdigest()[:16]}"
        whole.update(f"{name}={tables[name]};".encode())
    return whole.hexdigest(), tables


def file_fingerprint(path: Path) -> tuple[str, dict[str, str]]:
    connection = sqlite3.connect(path)
    try:
        return fingerprint(connection)
    finally:
        connection.close()


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_database(source: Path, target: Path) -> None:
    """Copy a database no process has open (with its write-ahead log, if one was left)."""
    remove_database(target)
    shutil.copyfile(source, target)
    if Path(f"{source}-wal").exists():
        shutil.copyfile(f"{source}-wal", f"{target}-wal")


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

    @classmethod
    def mark(cls, code: bytes) -> None:
        if cls.timeline is not None:
            cls.timeline.append((time.monotonic() - cls.hook_seconds, code[:1].decode()))
        if cls.fd is not None:
            os.write(cls.fd, code)


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


def landed(markers: list[str], commits_expected: int) -> str:
    """Where in the operation the kill landed."""
    if "d" in markers:
        return DONE
    state, commits = BEFORE, 0
    for code in markers:
        if code == "b":
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


# ---------------------------------------------------------------------------------------------------
# Operations, each as the command line or the GUI runs it (in the child; `db` is the database file)


def _namespace(db: Path, **values) -> argparse.Namespace:
    return argparse.Namespace(db=str(db), **values)


def op_cli_import(db: Path, script: Path, production: int | None = None) -> None:
    """`cliffhanger import-script FILE --db DB [--production N]`: into the (first) production, as a revision."""
    from studio.cli import run_import_script

    run_import_script(_namespace(db, files=[script], format="auto", color=None, json=True, production=production))


def op_gui_import(db: Path, outline, fingerprint_: str, source: str, production_id: int | None = None) -> None:
    """File → Import Script: Workspace.import_script → Workspace.snapshotted (ui/workspace.py) without
    Qt: the write lock, a snapshot, the import in the same transaction, a snapshot after."""
    from studio.db import open_database
    from studio.scripts.importer import import_outline
    from studio.snapshots import discard_snapshot, take_snapshot

    database = open_database(db)
    try:
        before = None
        try:
            with database.transaction() as session:
                session.connection()
                before = take_snapshot(database)
                import_outline(
                    session,
                    outline,
                    production_id=production_id,
                    new_production=production_id is None,
                    source_name=source,
                    source_sha256=fingerprint_,
                )
        except Exception:
            discard_snapshot(before)
            raise
        take_snapshot(database)
    finally:
        database.close()


def op_undo_import(db: Path, snapshot: Path) -> None:
    """Edit → Undo of an import: Workspace.restore → restore_snapshot, the snapshot copied back into the
    live database through SQLite's backup API; then the productions are listed again."""
    from studio.db import open_database
    from studio.productions import list_productions
    from studio.snapshots import restore_snapshot

    database = open_database(db)
    try:
        Child.mark(b"b")  # it writes outside SQLAlchemy's events: say when, as they would
        Child.mark(b"w")
        restore_snapshot(database, snapshot)
        Child.mark(b"c")
        Child.mark(b"C")
        with database.session() as session:
            list_productions(session)
    finally:
        database.close()


def op_place(db: Path, placement: dict) -> None:
    """The Optimize dialog's result applied: Workspace.place_all → write(place_all, …)."""
    from studio.db import open_database
    from studio.schedule.strips import place_all

    database = open_database(db)
    try:
        with database.transaction() as session:
            place_all(session, 1, placement)
    finally:
        database.close()


def op_schedule_auto(db: Path) -> None:
    """`cliffhanger schedule auto --time-limit N`: optimize and apply in one transaction."""
    from studio.cli import run_schedule
    from studio.errors import UserError

    try:
        run_schedule(_namespace(db, days=None, time_limit=OPTIMIZER_SECONDS, json=True))
    except UserError:  # no schedule found in the time: nothing changed, which the check also sees
        Child.mark(b"u")


BUDGET_EDITS = [
    ("budget_line", 87, {"rate": "2500000"}),
    ("budget_line", 88, {"multiplier": "2"}),
    ("budget_line", 91, {"description": "Set dressing purchases and rentals"}),
    ("budget_line", 89, {"amount_entry": "SHOOT_DAYS + 4"}),
    ("budget_global", 3, {"value_entry": "2.5"}),
    ("budget_line", 101, {"rate": "5200", "payee": "Sterling Mutual", "notes": "quote of 12 Jan"}),
    ("budget_line", 102, {"fringe_codes": "FICA-SS, MEDICARE"}),
    ("budget_line", 90, {"multiplier": "12", "description": "Background performers (12 a day)"}),
]


def op_budget_edits(db: Path) -> None:
    """Budget cells typed one after another: each Workspace.edit_fields → write(set_fields, …)."""
    from studio.db import open_database
    from studio.edits import set_fields

    database = open_database(db)
    try:
        for entity, row_id, values in BUDGET_EDITS:
            with database.transaction() as session:
                set_fields(session, entity, row_id, values)
    finally:
        database.close()


def op_strips_then_budget(db: Path) -> None:
    """A day's strips dragged to the boneyard (Workspace.move_strips), the budget page loading (it stores
    what the schedule changed: read current_budget, then write(store_plan)), another day's strips
    dragged, then `cliffhanger budget sync`."""
    from studio.budget.schedule_links import store_plan
    from studio.budget.totals import current_budget
    from studio.cli import run_budget
    from studio.db import open_database
    from studio.schedule.strips import current_placements, move_strips

    database = open_database(db)
    try:
        with database.session() as session:
            placement = current_placements(session, 1)
        days = sorted(day for day in placement if day is not None)
        with database.transaction() as session:
            move_strips(session, 1, placement[days[1]], None, 0)
        with database.session() as session:
            plan = current_budget(session, 1).plan
        if plan:
            with database.transaction() as session:
                store_plan(session, 1, plan)
        with database.transaction() as session:
            move_strips(session, 1, placement[days[2]], None, 0)
    finally:
        database.close()
    run_budget(_namespace(db, action="sync", json=True))


def op_export(db: Path, document: str, out: Path) -> None:
    """`cliffhanger export …`: read in one session, write beside the final name, rename into place."""
    from studio.cli import run_export

    options = {
        "budget": {"currency": None, "document_lang": "en"},
        "callsheet": {"day": "1", "document_lang": "en+zh", "cast_version": False},
        "dood": {"document_lang": "en"},
    }[document]
    run_export(_namespace(db, document=document, out=out, **options))


def op_control_two_commits(db: Path, placement: dict) -> None:
    """CONTROL, not the app: a schedule applied in two transactions (half the days, a pause, the rest),
    declared as one operation. Kills between the two commits must be reported as partial operations."""
    from studio.db import open_database
    from studio.schedule.strips import place_all

    days = [day for day in placement if day is not None]
    database = open_database(db)
    try:
        with database.transaction() as session:
            place_all(session, 1, {day: placement[day] for day in days[: len(days) // 2]})
        time.sleep(0.1)
        with database.transaction() as session:
            place_all(session, 1, placement)
    finally:
        database.close()


def op_control_export_in_place(db: Path, target: Path, data: bytes) -> None:
    """CONTROL, not the app: an export written straight under its final name, a piece at a time. Kills
    while it writes must be reported as bad exports."""
    from studio.db import open_database

    open_database(db).close()
    with target.open("wb") as stream:
        for start in range(0, len(data), 4096):
            stream.write(data[start : start + 4096])
            stream.flush()
            time.sleep(0.003)


# ---------------------------------------------------------------------------------------------------
# Scenarios


@dataclass
class Scenario:
    name: str
    group: str
    start: Path  # the database it starts from
    operation: Callable[[Path], None]
    deterministic: bool = True  # else its result is learnt from the child before it commits (the optimizer)
    allowed: list[str] = field(default_factory=list)  # fingerprints: before, then after each commit
    duration: float = 1.0  # seconds from fork to end, in the reference run
    windows: list[tuple[float, float]] = field(default_factory=list)  # when it writes (write_windows)
    end: Path | None = None  # the database the reference run left
    export: str | None = None  # the export's file name, for export scenarios
    old_bytes: bytes = b""
    new_bytes: bytes = b""  # one uninterrupted export (its creation time differs from the next one's)
    new_normalized: bytes = b""
    pages: int = 0
    control: bool = False  # a deliberately unsafe operation: the checks must catch it

    @property
    def commits(self) -> int:
        return len(self.allowed) - 1 if self.deterministic else 1


def quietly(operation: Callable[[], object]) -> None:
    with open(os.devnull, "w") as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            operation()
        finally:
            sys.stdout = stdout


def prepare(scenario: Scenario, work_dir: Path) -> None:
    """Run the operation once in this process (on a copy), so that every child forked from here on starts
    as warm as the app after its first operation (modules loaded, mappers configured, fonts read); then
    run it to its end in a child on another copy, recording the state after each commit, when it wrote,
    and how long it took from fork to end, the clock the kills' delays are drawn on."""
    db, temp = work_dir / f"reference-{scenario.name}.sqlite", work_dir / "tmp"
    for child in (False, True):
        copy_database(scenario.start, db)
        shutil.rmtree(temp, ignore_errors=True)
        temp.mkdir()
        shutil.rmtree(work_dir / "exports", ignore_errors=True)
        (work_dir / "exports").mkdir()
        if not child:
            tempfile.tempdir = str(temp)
            try:
                quietly(lambda: scenario.operation(db))
            finally:
                tempfile.tempdir = None
    start_state = file_fingerprint(db)[0]
    began = time.monotonic()

    def work():
        tempfile.tempdir = str(temp)
        Child.database, Child.record_states, Child.timeline = db, True, []
        scenario.operation(db)
        ended = time.monotonic() - Child.hook_seconds
        return Child.states, [(moment - began, code) for moment, code in Child.timeline], ended - began

    (states, timeline, duration), _report, _seconds = run_to_end(work)
    scenario.allowed = [start_state, *states]
    if file_fingerprint(db)[0] != scenario.allowed[-1]:  # written outside a SQLAlchemy transaction
        scenario.allowed.append(file_fingerprint(db)[0])
    scenario.duration = duration
    scenario.windows = write_windows(timeline, bool(scenario.export))
    scenario.end = db


def revised_script(original: Path, target: Path) -> Path:
    """The sample with dialogue changed, a scene added and a scene dropped (a revision to re-import)."""
    text = original.read_text(encoding="utf-8")
    replacements = [
        ("Then find me a wife who reads contracts.", "Then find me a wife who reads the fine print."),
        ("Depends who's asking. And who's paying.", "Depends who's asking. And how much."),
        ("Sorry. I signed an exclusive.", "Sorry. My contract has an exclusivity clause."),
    ]
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    elevator = re.search(r"INT\. STERLING TOWER - ELEVATOR - DAY #3-2#.*?(?=INT\. STERLING TOWER - LOBBY)", text, re.S)
    assert elevator, "the elevator scene"
    text = text.replace(elevator.group(0), "")
    added = (
        "EXT. STERLING MANSION - DRIVEWAY - NIGHT #2-4#\n\n"
        "Ethan walks Chloe to the car. Neither speaks.\n\n"
        "CHLOE\nYou didn't have to do that.\n\n"
        "ETHAN\nIt's in the contract.\n\n"
    )
    text = text.replace("# Episode 3", added + "# Episode 3")
    target.write_text(text, encoding="utf-8")
    return target


def build_scenarios(work_dir: Path, log: Callable[[str], None]) -> list[Scenario]:
    from studio.demo import write_demo
    from studio.scripts.importer import read_outline

    started = time.perf_counter()
    demo = work_dir / "demo.sqlite"
    run_to_end(lambda: write_demo(demo, force=True))
    placement, optimizer_seconds = optimized_placement(demo, work_dir)
    log(f"demo written, optimizer's schedule found ({time.perf_counter() - started:.1f} s)")

    fountain, chinese = SAMPLES / "contract-bride.fountain", SAMPLES / "contract-bride.zh.txt"
    revised = revised_script(fountain, work_dir / "contract-bride-blue.fountain")
    outline, digest = read_outline([fountain])
    revised_outline, revised_digest = read_outline([revised])

    import_new = Scenario("import_new", "import", demo, lambda db: op_gui_import(db, outline, digest, fountain.name))
    import_cli = Scenario("import_revision_cli", "import", demo, lambda db: op_cli_import(db, chinese))
    prepare(import_new, work_dir)
    prepare(import_cli, work_dir)
    imported = work_dir / "imported.sqlite"  # the demo and the Fountain sample as production 2
    copy_database(import_new.end, imported)
    snapshot = work_dir / "snapshot-before-import.sqlite"  # as Workspace.snapshotted takes it
    run_to_end(lambda: take_snapshot_of(demo, snapshot))
    undo = Scenario("undo_import", "import", imported, lambda db: op_undo_import(db, snapshot))
    reimport = Scenario(
        "reimport_revision",
        "reimport",
        imported,
        lambda db: op_gui_import(db, revised_outline, revised_digest, revised.name, production_id=2),
    )
    reimport_cli = Scenario("reimport_revision_cli", "reimport", imported, lambda db: op_cli_import(db, revised, 2))
    place = Scenario("place_optimized", "schedule", demo, lambda db: op_place(db, placement))
    edits = Scenario("budget_edits", "budget", demo, op_budget_edits)
    moves = Scenario("strips_then_budget_sync", "budget", demo, op_strips_then_budget)
    for scenario in (undo, reimport, reimport_cli, place, edits, moves):
        prepare(scenario, work_dir)
    assert undo.allowed == [import_new.allowed[1], import_new.allowed[0]], "undo puts the demo back"
    assert edits.commits == len(BUDGET_EDITS) and len(set(edits.allowed)) == len(edits.allowed), edits.allowed
    assert len(set(moves.allowed)) == len(moves.allowed) == 5, moves.allowed
    for scenario in (import_new, import_cli, reimport, reimport_cli, place, undo):
        assert scenario.commits == 1 and len(set(scenario.allowed)) == 2, (scenario.name, scenario.allowed)

    auto = Scenario("schedule_auto", "schedule", demo, op_schedule_auto, deterministic=False)
    auto.allowed, auto.duration = [file_fingerprint(demo)[0]], optimizer_seconds

    exports = [
        export_scenario(document, suffix, demo, moves.end, work_dir)
        for document, suffix in (("budget", "xlsx"), ("callsheet", "pdf"), ("dood", "xlsx"))
    ]
    controls = build_controls(demo, placement, exports[0], work_dir)
    log(f"scenarios ready ({time.perf_counter() - started:.1f} s)")
    return [import_new, import_cli, undo, reimport, reimport_cli, place, auto, edits, moves, *exports, *controls]


def take_snapshot_of(db: Path, snapshot: Path) -> None:
    from studio.db import open_database
    from studio.snapshots import take_snapshot

    database = open_database(db)
    try:
        shutil.move(take_snapshot(database), snapshot)
    finally:
        database.close()


def build_controls(demo: Path, placement: dict, export: Scenario, work_dir: Path) -> list[Scenario]:
    """Two deliberately unsafe operations, so a run shows that its checks catch what they look for."""
    two_commits = Scenario(
        "control_two_commits", "control", demo, lambda db: op_control_two_commits(db, placement), control=True
    )
    prepare(two_commits, work_dir)
    assert len(set(two_commits.allowed)) == 3, "the control's first commit must change something"
    two_commits.allowed = [two_commits.allowed[0], two_commits.allowed[-1]]  # declared as one operation
    new_bytes = export.new_bytes
    target = work_dir / "exports" / export.export
    in_place = Scenario(
        "control_export_in_place",
        "control",
        demo,
        lambda db: op_control_export_in_place(db, target, new_bytes),
        export=export.export,
        control=True,
    )
    in_place.old_bytes, in_place.new_normalized = export.old_bytes, export.new_normalized
    prepare(in_place, work_dir)
    in_place.windows = []  # no scratch file to mark the write: its kills are drawn over the whole run
    return [two_commits, in_place]


def optimized_placement(demo: Path, work_dir: Path) -> tuple[dict, float]:
    """The optimizer's schedule for the demo (a short search), as the Optimize dialog gets it (the
    quick script-order packing if the search finds none), and how long `schedule auto` takes."""
    db = work_dir / "optimizer.sqlite"
    copy_database(demo, db)

    def work():
        from studio.db import open_database
        from studio.errors import UserError
        from studio.schedule.auto import board_for_scheduling
        from studio.schedule.optimizer import optimize
        from studio.schedule.packing import baseline_placement
        from studio.schedule.strips import current_placements

        database = open_database(db)
        try:
            with database.session() as session:
                board, _added = board_for_scheduling(session, 1)
                current = current_placements(session, 1)
            try:
                placement = optimize(board, OPTIMIZER_SECONDS).placement
            except UserError:
                placement = None
            if placement is None or {day: ids for day, ids in placement.items() if ids} == current:
                placement = baseline_placement(board)  # the short search kept the board's schedule
            return placement
        finally:
            database.close()

    placement, _report, seconds = run_to_end(work)
    return placement, seconds


def normalized_export(data: bytes, suffix: str) -> bytes:
    """The export without what changes every time it is written (its creation time, the PDF's id)."""
    if suffix == "pdf":
        data = re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", rb"/\1 ()", data)
        return re.sub(rb"/ID\s*\[<[0-9a-fA-F]+><[0-9a-fA-F]+>\]", rb"/ID []", data)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return b"".join(
            name.encode() + b"\0" + package.read(name) for name in package.namelist() if name != "docProps/core.xml"
        )


def export_scenario(document: str, suffix: str, demo: Path, older: Path, work_dir: Path) -> Scenario:
    """Writing an export over an older one of the same name (made here from another state of the data)."""
    name = f"{document}.{suffix}"
    target = work_dir / "exports" / name
    scenario = Scenario(
        f"export_{document}_{suffix}", "export", demo, lambda db: op_export(db, document, target), export=name
    )
    prepare(scenario, work_dir)
    new_bytes = scenario.new_bytes = target.read_bytes()
    old = work_dir / "reference-exports" / name
    old.parent.mkdir(exist_ok=True)
    quietly(lambda: op_export(older, document, old))
    scenario.old_bytes = old.read_bytes()
    scenario.new_normalized = normalized_export(new_bytes, suffix)
    assert scenario.new_normalized != normalized_export(scenario.old_bytes, suffix), f"the old {name} must differ"
    problem = export_problem(new_bytes, suffix) or export_problem(scenario.old_bytes, suffix)
    assert problem is None, problem
    if suffix == "pdf":
        scenario.pages = pdf_pages(new_bytes)
    return scenario


def pdf_pages(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def export_problem(data: bytes, suffix: str) -> str | None:
    """Why these bytes are not a complete document, or None."""
    try:
        if suffix == "pdf":
            if not data.rstrip().endswith(b"%%EOF"):
                return "the PDF does not end with %%EOF"
            pdf_pages(data)
        else:
            import openpyxl

            openpyxl.load_workbook(io.BytesIO(data)).close()
    except Exception as error:  # any failure to read it back is the finding
        return f"{type(error).__name__}: {error}"
    return None


# ---------------------------------------------------------------------------------------------------
# Checks after a kill


def check_database(db: Path, aside: Path) -> tuple[list[str], str | None, dict[str, str]]:
    """(problems, the content's fingerprint, per table) of a database a killed process left."""
    problems = []
    remove_database(aside)
    shutil.copyfile(db, aside)
    if Path(f"{db}-wal").exists():
        shutil.copyfile(f"{db}-wal", f"{aside}-wal")
    digest, tables = None, {}
    try:
        connection = sqlite3.connect(aside)
        try:
            integrity = connection.execute("PRAGMA integrity_check").fetchall()
            if integrity != [("ok",)]:
                problems.append(f"integrity_check: {integrity[:5]}")
            foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
            if foreign:
                problems.append(f"foreign_key_check: {foreign[:5]}")
            digest, tables = fingerprint(connection)
        finally:
            connection.close()
    except sqlite3.Error as error:
        problems.append(f"sqlite3: {error}")
    from studio.db import open_database
    from studio.productions import list_productions

    try:  # the app itself, on the crashed files (it recovers the write-ahead log)
        database = open_database(db)
        try:
            with database.session() as session:
                if not list_productions(session):
                    problems.append("open_database: no production listed")
        finally:
            database.close()
    except Exception as error:
        problems.append(f"open_database: {type(error).__name__}: {error}")
    return problems, digest, tables


@dataclass
class Tally:
    kills: int = 0
    aimed: int = 0
    landed: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)  # none, some (of a sequence) or all of the operation
    corrupt: int = 0
    partial: int = 0
    bad_exports: int = 0
    child_errors: int = 0
    leftover_temp_files: int = 0

    def to_json(self) -> dict:
        return {
            "kills": self.kills,
            "aimed_at_a_write": self.aimed,
            "landed": dict(sorted(self.landed.items())),
            "during_a_write": sum(self.landed[key] for key in DURING_A_WRITE),
            "states": dict(sorted(self.states.items())),
            "outcomes": dict(sorted(self.outcomes.items())),
            "corrupt": self.corrupt,
            "partial": self.partial,
            "bad_exports": self.bad_exports,
            "child_errors": self.child_errors,
            "leftover_temp_files": self.leftover_temp_files,
        }


def kill_once(
    scenario: Scenario, number: int, rng: random.Random, work_dir: Path, tally: Tally, failures: list
) -> None:
    db = work_dir / "kill.sqlite"
    copy_database(scenario.start, db)
    temp = work_dir / "tmp"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    out_dir = work_dir / "exports"
    target = None
    if scenario.export:
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir()
        target = out_dir / scenario.export
        target.write_bytes(scenario.old_bytes)

    def work():
        tempfile.tempdir = str(temp)  # snapshots and scratch files stay in the work folder
        Child.send_pending = not scenario.deterministic
        scenario.operation(db)

    started = time.monotonic()
    pid, fd = fork(work, log=work_dir / "child.log")
    if scenario.windows and rng.random() < AIMED_SHARE:
        # Aimed: wait for the child to start the j-th write (its marker on the pipe), then kill it a
        # random moment later, within 1.2 × that write's length in the timed run
        lengths = [end - start for start, end in scenario.windows]
        j = rng.choices(range(len(lengths)), weights=[max(length, 1e-4) for length in lengths])[0]
        offset = rng.uniform(0, 1.2 * lengths[j])
        received = wait_for_marker(fd, "m" if scenario.export else "w", j + 1, started + 10 * scenario.duration + 5)
        time.sleep(offset)
        tally.aimed += 1
        delay = time.monotonic() - started
    else:
        received = b""
        delay = rng.uniform(0, 1.2 * scenario.duration)
        time.sleep(max(0.0, started + delay - time.monotonic()))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    report = parse_report(received + read_all(fd))
    tally.kills += 1
    if report.error is not None:
        tally.child_errors += 1
        failures.append({"kill": number, "scenario": scenario.name, "child_error": report.error[-2000:]})
    markers, pending = [code for code in report.markers if code != "u"], report.pending
    where = landed(markers, scenario.commits if scenario.deterministic else 1)
    failure: dict = {}

    problems, digest, tables = check_database(db, work_dir / "check.sqlite")
    if problems:
        tally.corrupt += 1
        failure["corrupt"] = problems
    allowed = scenario.allowed + pending
    if digest is not None and digest not in allowed:
        tally.partial += 1
        start_tables = file_fingerprint(scenario.start)[1]
        failure["partial"] = {
            "tables_changed_from_start": sorted(name for name in tables if tables[name] != start_tables.get(name)),
            "markers": "".join(markers),
        }
    elif digest is not None:
        index = scenario.allowed.index(digest) if digest in scenario.allowed else len(scenario.allowed)  # pending
        tally.states[f"{scenario.name}:{index if index < len(scenario.allowed) else 'pending'}"] += 1
        if not scenario.export:
            tally.outcomes["none" if index == 0 else "all" if index >= len(scenario.allowed) - 1 else "some"] += 1

    if target is not None:
        scratch = [path for path in out_dir.iterdir() if path != target]
        tally.leftover_temp_files += len(scratch)
        problem = None
        suffix = target.suffix[1:]
        if not target.exists():
            problem = "the final name holds nothing"
            state = "missing"
        else:
            data = target.read_bytes()
            if data == scenario.old_bytes:
                state = "old"
            else:
                state = "new"
                problem = export_problem(data, suffix)
                if problem is None and normalized_export(data, suffix) != scenario.new_normalized:
                    problem = "neither the old file nor the new one"
                if problem is None and suffix == "pdf" and pdf_pages(data) != scenario.pages:
                    problem = "the new PDF has the wrong number of pages"
        if problem:
            tally.bad_exports += 1
            failure["bad_export"] = problem
        tally.states[f"{scenario.name}:{state}"] += 1
        tally.outcomes["none" if state == "old" else "all" if state == "new" and not problem else "bad"] += 1
        # the file's own moments: a scratch file beside it means the kill landed while it was written
        where = DONE if "d" in markers else (WRITE if scratch else (AFTER if state == "new" else where))
    tally.leftover_temp_files += sum(1 for _ in temp.iterdir())
    tally.landed[where] += 1
    if failure:
        kept = work_dir / "failures" / f"kill-{number}-{scenario.name}"
        kept.mkdir(parents=True, exist_ok=True)
        for path in work_dir.glob("check.sqlite*"):
            shutil.copy(path, kept / path.name)
        if target is not None and target.exists():
            shutil.copy(target, kept / target.name)
        failures.append({"kill": number, "scenario": scenario.name, "delay": round(delay, 3), **failure})


# ---------------------------------------------------------------------------------------------------


GROUP_SHARES = {"import": 0.2, "reimport": 0.16, "schedule": 0.18, "budget": 0.22, "export": 0.24}


def plan_kills(scenarios: list[Scenario], total: int, rng: random.Random, everything: bool = True) -> list[Scenario]:
    """Each group its share of the kills, split evenly between its scenarios; the optimizer's runs
    (seconds each) only a few. For a chosen few scenarios (--only): as many kills each."""
    if not everything:
        return [scenarios[index % len(scenarios)] for index in range(total)]
    plan = [s for s in scenarios if s.control for _ in range(CONTROL_KILLS)]
    for group, share in GROUP_SHARES.items():
        members = [s for s in scenarios if s.group == group]
        count = round(total * share)
        if group == "schedule":
            auto = [s for s in members if s.name == "schedule_auto"]
            few = max(2, round(total * 0.03))
            plan += auto * few
            members = [s for s in members if s.name != "schedule_auto"]
            count -= few
        plan += [members[index % len(members)] for index in range(count)]
    while len(plan) < total + CONTROL_KILLS * sum(s.control for s in scenarios):
        plan.append(rng.choice([s for s in scenarios if s.name != "schedule_auto" and not s.control]))
    rng.shuffle(plan)
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=int(os.environ.get("CLIFFHANGER_KILLS", DEFAULT_KILLS)))
    parser.add_argument("--seed", type=int, default=None, help="default: a random one (printed)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--only", help="comma-separated scenario names")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    rng = random.Random(seed)

    def log(text: str) -> None:
        print(f"[crash harness] {text}", file=sys.stderr, flush=True)

    log(f"seed {seed}, {args.kills} kills")
    started = time.perf_counter()
    # Everything a child needs, imported once here (never Qt)
    import openpyxl  # noqa: F401
    import pypdfium2  # noqa: F401

    import studio.budget.totals  # noqa: F401
    import studio.cli  # noqa: F401
    import studio.exports.budget_xlsx  # noqa: F401
    import studio.exports.callsheet_pdf  # noqa: F401
    import studio.exports.dood  # noqa: F401
    import studio.exports.dood_xlsx  # noqa: F401
    import studio.schedule.auto  # noqa: F401
    import studio.scripts.importer  # noqa: F401
    import studio.snapshots  # noqa: F401

    assert "PySide6" not in sys.modules
    SKIPPED.update(timestamp_columns())
    install_markers()

    work_dir = args.keep or Path(tempfile.mkdtemp(prefix="cliffhanger-crash-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    scenarios = build_scenarios(work_dir, log)
    if args.only:
        wanted = set(args.only.split(","))
        scenarios = [s for s in scenarios if s.name in wanted]
    setup = time.perf_counter() - started

    tallies = {s.name: Tally() for s in scenarios}
    failures: list[dict] = []
    plan = plan_kills(scenarios, args.kills, rng, everything=not args.only)
    for number, scenario in enumerate(plan, start=1):
        kill_once(scenario, number, rng, work_dir, tallies[scenario.name], failures)
        if number % 25 == 0:
            log(f"{number} kills, {time.perf_counter() - started:.0f} s")

    real = [s for s in scenarios if not s.control]
    totals = Tally()
    for scenario in real:
        tally = tallies[scenario.name]
        totals.kills += tally.kills
        totals.aimed += tally.aimed
        totals.landed.update(tally.landed)
        totals.outcomes.update(tally.outcomes)
        for name in ("corrupt", "partial", "bad_exports", "child_errors", "leftover_temp_files"):
            setattr(totals, name, getattr(totals, name) + getattr(tally, name))
    groups: dict[str, dict] = {}
    for scenario in real:
        group = groups.setdefault(scenario.group, {"kills": 0, "during_a_write": 0})
        tally = tallies[scenario.name].to_json()
        group["kills"] += tally["kills"]
        group["during_a_write"] += tally["during_a_write"]
    summary = {
        "seed": seed,
        "kills": totals.kills,
        "groups": groups,
        "aimed_at_a_write": totals.aimed,
        "landed": dict(sorted(totals.landed.items())),
        "during_a_write": sum(totals.landed[key] for key in DURING_A_WRITE),
        "outcomes": dict(sorted(totals.outcomes.items())),
        "corrupt": totals.corrupt,
        "partial": totals.partial,
        "bad_exports": totals.bad_exports,
        "child_errors": totals.child_errors,
        "leftover_temp_files": totals.leftover_temp_files,
        "setup_seconds": round(setup, 1),
        "elapsed_seconds": round(time.perf_counter() - started, 1),
        "scenarios": {
            s.name: {
                "group": s.group,
                **tallies[s.name].to_json(),
                "commits": s.commits,
                "seconds": round(s.duration, 3),
            }
            for s in real
        },
        "controls": {s.name: tallies[s.name].to_json() for s in scenarios if s.control},
        "timestamp_columns_ignored": sorted(f"{table}.{column}" for table, column in SKIPPED),
        "failures": [f for f in failures if not f["scenario"].startswith("control_")][:20],
        "work_dir": str(work_dir),
    }
    print(json.dumps(summary, indent=2))
    ok = not (totals.corrupt or totals.partial or totals.bad_exports or totals.child_errors)
    if ok and args.keep is None:
        shutil.rmtree(work_dir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
