"""Every export writes a temporary file beside its target, syncs it, and renames it into place: a write that
fails midway (a full disk, a crash) leaves the older file whole under the name, nothing beside it, and the
user one clear sentence.

The failure is real, not mocked: each export runs in a process whose file size limit (RLIMIT_FSIZE) is
smaller than the document, with SIGXFSZ ignored, so a write past the limit fails with EFBIG just as a write
to a full disk fails with ENOSPC.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.errors import UserError
from studio.exports.files import write_atomically
from tests.command_line import run

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 1024  # bytes: less than the smallest export the demo gives (the cast list, 3 KB)
OLD = b"An older export, whole and readable.\n" * 200  # bigger than LIMIT: it must not matter
TOO_LARGE = os.strerror(errno.EFBIG)

# The file size limit, then main.py as `python main.py …` runs it.
LIMITED = """
import resource, runpy, signal, sys
limit = int(sys.argv.pop(1))
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as a full disk fails
sys.argv[0] = sys.argv[1]
del sys.argv[1]
runpy.run_path(sys.argv[0], run_name="__main__")
"""

# name: (the export command's arguments, the file written, whether --out is the folder it is written in)
EXPORTS = {
    "breakdown sheets": (("breakdown", "--report", "sheets"), "breakdown.pdf", False),
    "element report": (("breakdown", "--report", "elements"), "elements.pdf", False),
    "budget": (("budget",), "budget.xlsx", False),
    "call sheet": (("callsheet", "--day", "1"), "call-sheet.pdf", False),
    "every call sheet": (
        ("callsheet", "--day", "all"),
        "The Contract Bride - Day 01 - 2027-01-11 - call sheet (EN).pdf",
        True,
    ),
    "contact sheet pdf": (("contacts",), "contacts.pdf", False),
    "contact sheet xlsx": (("contacts",), "contacts.xlsx", False),
    "dood xlsx": (("dood",), "dood.xlsx", False),
    "dood pdf": (("dood",), "dood.pdf", False),
    "cast list csv": (("people", "--kind", "cast"), "cast.csv", False),
    "crew list csv": (("people", "--kind", "crew"), "crew.csv", False),
    "shooting schedule": (("schedule", "--report", "full"), "schedule.pdf", False),
    "one-line schedule": (("schedule", "--report", "one-liner"), "one-liner.pdf", False),
    "shoot calendar": (("schedule",), "shoot.ics", False),
}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")


@pytest.fixture
def held_demo(demo_path):
    """The demo, held open here so that its WAL index (-shm, 32 KB) exists: SQLite in the limited process
    then has nothing to grow, and only the export is over the limit."""
    connection = sqlite3.connect(demo_path)
    connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    yield demo_path
    connection.close()


def run_limited(*args: str, limit: int = LIMIT) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-c", LIMITED, str(limit), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


@pytest.mark.parametrize("kind", EXPORTS)
def test_an_export_that_fails_midway_leaves_the_older_file_whole(held_demo, tmp_path, kind):
    args, name, into_folder = EXPORTS[kind]
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / name
    target.write_bytes(OLD)
    out = folder if into_folder else target
    result = run_limited(str(ROOT / "main.py"), "export", *args, "--out", str(out), "--db", str(held_demo))
    # One clear sentence naming the file and why, exit 2, no traceback.
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0] == f"cliffhanger: cannot write {target.resolve()}: {TOO_LARGE}"
    assert "Traceback" not in result.stderr and result.stdout == ""
    # The older file is there byte for byte, and nothing beside it: no temporary file, no half document.
    assert target.read_bytes() == OLD
    assert sorted(os.listdir(folder)) == [name]


def test_a_database_copy_that_fails_midway_leaves_the_older_copy_whole(held_demo, tmp_path):
    """File → Export → Copy of the Database goes the same way (SQLite's backup into the temporary file)."""
    folder = tmp_path / "copies"
    folder.mkdir()
    target = folder / "copy.sqlite"
    target.write_bytes(OLD)
    script = tmp_path / "copy.py"
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from studio.storage.db import backup_sqlite, open_database\n"
        "from studio.errors import UserError\n"
        "from studio.exports.files import write_atomically\n"
        f"database = open_database({str(held_demo)!r})\n"
        "try:\n"
        f"    write_atomically(Path({str(target)!r}), lambda path: backup_sqlite(database, path))\n"
        "except UserError as error:\n"
        "    sys.exit(f'cliffhanger: {error}')\n",
        encoding="utf-8",
    )
    # The demo is 700 KB: 64 KB lets the copy start (SQLite's own files fit) and fail well before its end.
    result = run_limited(str(script), limit=64 * 1024)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot write a copy" in result.stderr
    assert target.read_bytes() == OLD
    assert sorted(os.listdir(folder)) == ["copy.sqlite"]


def test_a_write_is_synced_before_the_rename_and_the_rename_after(tmp_path, monkeypatch):
    """Durable, not only atomic: the new file's data reaches the disk before it takes the name, and the
    folder (which holds the name) is synced once it has."""
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(descriptor: int) -> None:
        events.append("sync folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "sync file")
        real_fsync(descriptor)

    def replace(source, destination) -> None:
        events.append("rename")
        real_replace(source, destination)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "report.csv"
    target.write_bytes(OLD)
    write_atomically(target, lambda path: path.write_text("new\n", encoding="utf-8"))
    expected = ["sync file", "rename"] + (["sync folder"] if os.name == "posix" else [])
    assert events == expected
    assert target.read_text(encoding="utf-8") == "new\n" and os.listdir(tmp_path) == ["report.csv"]


def test_a_writer_that_raises_leaves_the_older_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(OLD)

    def half_then_fail(path: Path) -> None:
        path.write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(UserError, match="cannot write .*budget.xlsx: the disk is full"):
        write_atomically(target, half_then_fail)
    assert target.read_bytes() == OLD and os.listdir(tmp_path) == ["budget.xlsx"]


def test_why_a_file_cannot_be_written_is_said_in_the_readers_language(demo_path, tmp_path):
    """The system's own words are English whatever the language: "No such file or directory" in a
    Chinese message. A path through a file, in Chinese and in English."""
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    target = blocker / "sheet.pdf"
    for lang, reason in (("zh_CN", "路径中有一部分不是文件夹"), ("en", "part of the path is not a folder")):
        result = run("--lang", lang, "export", "callsheet", "--db", str(demo_path), "--day", "1", "--out", str(target))
        assert result.returncode == 2 and result.stderr.strip().endswith(reason), result.stderr


def test_an_export_is_readable_by_everyone_the_umask_allows(tmp_path):
    """The temporary file is private (mkstemp); the export that replaces it is shared like any new file."""
    target = write_atomically(tmp_path / "shoot.ics", lambda path: path.write_bytes(b"BEGIN:VCALENDAR\r\n"))
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def test_temporary_files_a_killed_export_left_are_removed_once_stale(tmp_path):
    stale, fresh, other = (
        tmp_path / ".budget-k3j9x0_a.xlsx",
        tmp_path / ".budget-p0q1r2s3.xlsx",
        tmp_path / ".notes.xlsx",
    )
    for path in (stale, fresh, other):
        path.write_bytes(b"PK\x03\x04 half")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale, (hours_ago, hours_ago))
    os.utime(other, (hours_ago, hours_ago))
    write_atomically(tmp_path / "budget.xlsx", lambda path: path.write_bytes(b"whole"))
    assert sorted(os.listdir(tmp_path)) == [".budget-p0q1r2s3.xlsx", ".notes.xlsx", "budget.xlsx"]


def test_undo_snapshots_a_killed_app_left_are_removed_by_the_next_one(demo, tmp_path):
    from studio.paths import snapshot_dir
    from studio.storage.snapshots import take_snapshot

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = snapshot_dir() / f"process-{dead.stdout.strip()}"
    left.mkdir(parents=True)
    (left / "snapshot-x.sqlite").write_bytes(b"a database-sized file")
    mine = take_snapshot(demo)
    assert not left.exists()
    assert mine.parent == snapshot_dir() / f"process-{os.getpid()}"
    mine.unlink()
