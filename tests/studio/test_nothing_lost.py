"""Nothing lost when files are replaced or made: a restore beside other programs writing to the same file,
and every command that makes a database file killed at each of its steps. Real processes, real files.

The process-heavy parts run in tests/studio/nothing_lost_processes.py (a subprocess, so fork and SIGKILL
stay out of pytest's process). CLIFFHANGER_AUDIT_RUNS sets how many restores run beside an importer
(default 10, about 20 s; the audit's profile is 100: CLIFFHANGER_AUDIT_RUNS=100).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from studio.errors import DatabaseInUse
from studio.storage.backups import list_backups, restore_backup, take_backup
from studio.storage.db import open_database
from studio.storage.snapshots import restore_snapshot, take_snapshot
from tests.studio.test_backups import title_of

ROOT = Path(__file__).resolve().parents[2]
RUNS = int(os.environ.get("CLIFFHANGER_AUDIT_RUNS", 10))

forks = pytest.mark.skipif(
    not hasattr(os, "fork") or not Path("/proc/self/fd").is_dir(), reason="needs fork and /proc (Linux)"
)


def processes(*arguments: str, timeout: float) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "tests.studio.nothing_lost_processes", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.stdout.strip(), result.stderr[-3000:]
    return json.loads(result.stdout)


@forks
def test_a_restore_beside_another_process_importing_never_loses_its_rows(demo_template, tmp_path):
    summary = processes(
        "concurrent",
        "--runs",
        str(RUNS),
        "--work",
        str(tmp_path),
        "--demo",
        str(demo_template),
        timeout=120 + 10 * RUNS,
    )
    assert summary["runs"] == RUNS
    assert summary["lost"] == [], json.dumps(summary, indent=2)[:5000]
    # the runs let the restore go at every moment of the import, so both orders happened
    assert sum(summary["outcomes"].values()) == RUNS


@forks
@pytest.mark.parametrize("command", ["copy-database", "import-script", "restore", "demo"])
def test_a_command_killed_at_any_step_leaves_no_half_made_file(command, demo_template, tmp_path):
    """The demo the scenarios start from is the session's: the `demo` scenario's whole runs must make
    exactly that file (less its timestamps), as the demo command writes it."""
    summary = processes("kills", "--only", command, "--work", str(tmp_path), "--demo", str(demo_template), timeout=600)
    assert summary["failures"] == [], json.dumps(summary["failures"], indent=2)[:5000]
    scenario = summary["scenarios"][command]
    assert scenario["killed"] >= scenario["file_steps_chosen"] >= 1 and scenario["killed"] >= 3, scenario


# ---------------------------------------------------------------------------------------------------
# Another program's transaction and lock: a holder in a process of its own, told when to let go

HOLDER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=0)
if sys.argv[2] == "exclusive":
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("PRAGMA locking_mode=EXCLUSIVE")
    connection.execute("BEGIN EXCLUSIVE")
else:
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE production SET title = 'Saved by another program'")
print("holding", flush=True)
sys.stdin.readline()
connection.execute("COMMIT" if sys.argv[2] == "commit" else "ROLLBACK")
connection.close()
print("done", flush=True)
"""


class Holder:
    def __init__(self, database: Path, how: str):
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(database), how], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout.readline().strip() == "holding"

    def let_go(self) -> None:
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "done"
        self.process.wait(timeout=60)

    def __enter__(self):
        return self

    def __exit__(self, *_):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def test_a_restore_waits_for_another_programs_write_and_keeps_what_it_committed(demo_path):
    backup = take_backup(demo_path, "manual")
    with Holder(demo_path, "commit") as holder:
        outcome = {}
        restoring = threading.Thread(
            target=lambda: outcome.update(kept=restore_backup(demo_path, backup.path, wait_seconds=120))
        )
        restoring.start()
        holder.let_go()  # the restore cannot take the write lock before this commit
        restoring.join()
    assert title_of(demo_path) == "The Contract Bride"
    assert title_of(outcome["kept"]) == "Saved by another program"


def test_a_restore_that_cannot_wait_long_enough_is_refused_and_the_other_programs_commit_stays(demo_path):
    backup = take_backup(demo_path, "manual")
    with Holder(demo_path, "commit") as holder:
        with pytest.raises(DatabaseInUse, match="in use by another program"):
            restore_backup(demo_path, backup.path, wait_seconds=0.2)
        holder.let_go()
    assert title_of(demo_path) == "Saved by another program"
    assert [b.reason for b in list_backups(demo_path)] == ["manual"]


def test_undoing_an_import_keeps_what_another_program_saved_since(demo_path):
    """Edit → Undo of an import copied its snapshot over the file: what the command line had saved since
    (a cast list imported, here a new title) was then in neither the file nor anywhere else."""
    database = open_database(demo_path)
    before = take_snapshot(database)
    with database.transaction() as session:  # the import
        session.execute(text("UPDATE scene SET synopsis = 'Imported' WHERE id = 1"))
    with Holder(demo_path, "commit") as holder:
        undoing = threading.Thread(target=restore_snapshot, args=(database, before))
        undoing.start()
        holder.let_go()  # its commit lands before the undo takes the write lock, or the undo waits for it
        undoing.join()
    database.close()
    assert title_of(demo_path) == "The Contract Bride" and synopsis_of(demo_path) != "Imported"
    (kept,) = [backup.path for backup in list_backups(demo_path) if backup.reason == "before-undo"]
    assert title_of(kept) == "Saved by another program" and synopsis_of(kept) == "Imported"


def synopsis_of(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT synopsis FROM scene WHERE id = 1").fetchone()[0]


def test_a_file_another_program_holds_locked_is_in_use_not_damaged_and_is_left_untouched(demo_path):
    backup = take_backup(demo_path, "manual")
    with Holder(demo_path, "exclusive") as holder:
        before = {path.name: path.read_bytes() for path in demo_path.parent.iterdir() if path.is_file()}
        with pytest.raises(DatabaseInUse, match="in use by another program"):
            restore_backup(demo_path, backup.path, wait_seconds=0.2)
        after = {path.name: path.read_bytes() for path in demo_path.parent.iterdir() if path.is_file()}
        holder.let_go()
    assert after == before  # nothing moved aside as damaged, nothing written
    assert [b.reason for b in list_backups(demo_path)] == ["manual"]


def test_restoring_from_the_command_line_beside_a_locked_file_says_in_use(demo_path):
    from tests.command_line import assert_one_clear_line, run

    backup = take_backup(demo_path, "manual")
    with Holder(demo_path, "exclusive") as holder:
        assert_one_clear_line(run("restore", str(backup.path), "--db", str(demo_path)), "in use by another program")
        holder.let_go()
    assert not list(demo_path.parent.glob("*damaged*"))


def test_restoring_an_old_backup_the_rotation_would_drop_still_restores_it(demo_path):
    from datetime import datetime, timedelta

    oldest = take_backup(demo_path, "manual", now=datetime.now() - timedelta(days=30))
    for minutes in range(9):  # with it, the ten the rotation keeps; the state a restore keeps is an eleventh
        take_backup(demo_path, "editing", now=datetime.now() - timedelta(minutes=60 - minutes))
    kept = restore_backup(demo_path, oldest.path)
    assert kept is not None and title_of(demo_path) == "The Contract Bride"


def test_what_killed_commands_left_is_removed_by_the_next_holder_of_the_files_lock(demo_path):
    from studio.storage.backups import backup_folder
    from studio.storage.instance_lock import InstanceLock

    folder = backup_folder(demo_path)
    folder.mkdir()
    ours = [
        demo_path.with_name(".demo.sqlite.restoring"),
        demo_path.with_name(".demo.sqlite.restoring-wal"),
        demo_path.with_name(".demo.sqlite.0123456789ab.partial"),
        demo_path.with_name(".demo.sqlite.0123456789ab.partial-journal"),
        folder / ".demo-20260101-090000-000000-before-restore.sqlite.partial",
    ]
    not_ours = [
        demo_path.with_name(".demo.sqlite.x.0123456789ab.partial"),  # another file's
        demo_path.with_name("notes.partial"),
        folder / ".demo-20260101-090000-000000-manual.sqlite.partial",  # `backup` may still be writing it
    ]
    for path in ours + not_ours:
        path.write_bytes(b"half")
    lock = InstanceLock(demo_path)
    assert lock.acquire()
    lock.release()
    assert [path for path in ours if path.exists()] == []
    assert all(path.exists() for path in not_ours)
    old = folder / ".demo-20260101-090000-000000-manual.sqlite.partial"
    os.utime(old, (0, 0))  # a backup half-written long ago was killed
    assert lock.acquire()
    lock.release()
    assert not old.exists()


def test_a_refused_import_into_a_new_file_leaves_nothing(tmp_path):
    from tests.command_line import run

    script = tmp_path / "script.fountain"
    script.write_text("INT. ROOM - DAY\n\nNothing.\n")
    target = tmp_path / "new" / "imported.sqlite"
    result = run("import-script", str(script), "--db", str(target), "--production", "7")
    assert result.returncode != 0
    assert not target.exists()
    assert sorted(p.name for p in target.parent.iterdir()) == []
