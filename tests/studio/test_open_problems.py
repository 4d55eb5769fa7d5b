"""What can go wrong with a database file — damaged, locked, read-only, a full disk, open in another
window — is one clear error naming the way forward, and changes nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from studio.errors import DatabaseDamaged, DatabaseInUse, DatabaseProblem, DatabaseReadOnly, DiskFull
from studio.productions import list_productions
from studio.storage.change_watch import ChangeWatch
from studio.storage.db import open_database
from studio.storage.instance_lock import InstanceLock
from tests.disks import fill, locked_by_another_program, read_only_copy, small_disk
from tests.studio.test_backups import damage


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_file_is_named_damaged_and_left_as_it_is(demo_path):
    damage(demo_path)
    before = digest(demo_path)
    with pytest.raises(DatabaseDamaged, match="is damaged; restore one of its backups"):
        open_database(demo_path)
    assert digest(demo_path) == before


def test_a_file_whose_header_is_broken_is_damaged_too(demo_path):
    data = bytearray(demo_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page
    demo_path.write_bytes(bytes(data))
    with pytest.raises(DatabaseDamaged):
        open_database(demo_path)


def test_a_read_only_file_is_refused_for_editing_and_opens_read_only(demo_path, tmp_path):
    with read_only_copy(demo_path, tmp_path / "ro") as path:
        before = sorted(os.listdir(path.parent)), digest(path)
        with pytest.raises(DatabaseReadOnly, match="read-only. Open it read-only, or copy it"):
            open_database(path)
        database = open_database(path, read_only=True)
        with database.session() as session:
            assert [p.title for p in list_productions(session)] == ["The Contract Bride"]
        with pytest.raises(DatabaseReadOnly, match="open read-only: nothing can be changed"), database.transaction():
            pass
        assert not ChangeWatch(database).look()  # nothing to watch, and no failure for trying
        database.close()
        assert (sorted(os.listdir(path.parent)), digest(path)) == before


def test_read_only_never_writes_even_where_it_could(demo_path):
    database = open_database(demo_path, read_only=True)
    with database.session() as session, pytest.raises(Exception, match="readonly"):
        session.execute(text("UPDATE production SET title = 'x'"))
    database.close()
    open_database(demo_path).close()  # still an ordinary database afterwards


def titles(database) -> list[str]:
    with database.session() as session:
        return [production.title for production in list_productions(session)]


def retitled(database, title: str) -> None:
    with database.transaction() as session:
        session.execute(text("UPDATE production SET title = :title"), {"title": title})


def test_reading_in_a_folder_that_could_be_written_leaves_nothing_beside_the_file(demo_path):
    """SQLite's reading of a file in WAL mode makes its -wal and -shm, which a reader never removed."""
    before = sorted(os.listdir(demo_path.parent)), digest(demo_path)
    for _ in range(2):
        database = open_database(demo_path, read_only=True)
        assert titles(database) == ["The Contract Bride"]
        database.close()
        assert (sorted(os.listdir(demo_path.parent)), digest(demo_path)) == before
    database = open_database(demo_path, read_only=True)  # a writer that comes and goes meanwhile
    writer = open_database(demo_path)
    retitled(writer, "Written while read")
    writer.close()
    assert titles(database) == ["Written while read"]
    database.close()
    assert sorted(os.listdir(demo_path.parent)) == before[0]


def test_reading_beside_a_writer_sees_its_commits_and_leaves_it_its_log(demo_path):
    writer = open_database(demo_path)
    retitled(writer, "Before the reader")
    reader = open_database(demo_path, read_only=True)
    assert titles(reader) == ["Before the reader"]
    retitled(writer, "While reading")
    assert titles(reader) == ["While reading"]
    reader.close()
    retitled(writer, "After the reader")  # its -wal and -shm were its own: kept
    assert titles(writer) == ["After the reader"]
    writer.close()
    assert sorted(os.listdir(demo_path.parent)) == [demo_path.name]
    reader = open_database(demo_path, read_only=True)
    assert titles(reader) == ["After the reader"]
    reader.close()


def test_an_older_database_cannot_be_opened_read_only(demo_path):
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0006'")
    with pytest.raises(DatabaseReadOnly, match="must be updated"):
        open_database(demo_path, read_only=True)


def test_a_full_disk_refuses_the_edit_and_keeps_the_data(demo_path, tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "demo.sqlite"
        shutil.copyfile(demo_path, path)
        database = open_database(path)
        filler = fill(disk)
        with pytest.raises(DiskFull, match="is full, so nothing was changed"), database.transaction() as session:
            session.execute(text("UPDATE scene SET synopsis = hex(randomblob(2000))"))
        filler.unlink()
        with database.session() as session:
            assert session.execute(text("SELECT count(*) FROM scene WHERE length(synopsis) = 4000")).scalar() == 0
        database.close()
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_file_another_program_holds_locked_is_named_in_use(demo_path, monkeypatch):
    monkeypatch.setattr("studio.storage.db.BUSY_TIMEOUT_MS", 300)  # the wait for a lock, shortened
    with locked_by_another_program(demo_path), pytest.raises(DatabaseInUse, match="in use by another program"):
        open_database(demo_path)
    open_database(demo_path).close()


def test_one_window_at_a_time_holds_a_file_for_editing(demo_path):
    first, second = InstanceLock(demo_path), InstanceLock(demo_path)
    assert first.acquire()
    assert not second.acquire()
    assert first.path.read_text().startswith(f"{os.getpid()} ")
    first.release()
    assert second.acquire()
    second.release()


def test_a_crashed_window_leaves_no_lock_behind(demo_path):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from studio.storage.instance_lock import InstanceLock; "
            "lock = InstanceLock(Path(sys.argv[1])); assert lock.acquire(); print('held', flush=True); time.sleep(60)",
            str(demo_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    assert not InstanceLock(demo_path).acquire()
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    lock = InstanceLock(demo_path)
    deadline = time.monotonic() + 5
    while not lock.acquire() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert lock.acquire()
    lock.release()


def test_an_emptied_or_overwritten_database_with_backups_is_damaged_not_new(demo_path):
    from studio.storage.backups import take_backup

    take_backup(demo_path, "manual")
    for ruin in (b"", b"a letter that was saved over the database"):
        demo_path.write_bytes(ruin)
        with pytest.raises(DatabaseDamaged):
            open_database(demo_path)
        assert demo_path.read_bytes() == ruin


def test_a_file_moved_while_open_saves_nothing_and_says_so(demo_path):
    database = open_database(demo_path)
    demo_path.rename(demo_path.with_name("moved.sqlite"))
    with pytest.raises(DatabaseProblem, match="moved or deleted while open"), database.transaction() as session:
        session.execute(text("UPDATE production SET title = 'lost'"))
    database.close()


def test_text_that_is_not_utf8_reads_with_a_replacement_character(demo_path):
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE scene SET synopsis = CAST(X'43686c6fc3a9ff' AS TEXT) WHERE id = 1")
    database = open_database(demo_path)
    with database.session() as session:
        assert session.execute(text("SELECT synopsis FROM scene WHERE id = 1")).scalar() == "Chlo\u00e9\ufffd"
    database.close()


def test_a_file_on_a_full_disk_is_refused_for_editing_and_opens_read_only(demo_path, tmp_path):
    with small_disk(tmp_path / "full") as disk:
        path = disk / "demo.sqlite"
        shutil.copyfile(demo_path, path)
        fill(disk)
        with pytest.raises(DiskFull, match="is full: free some space, or open it read-only"):
            open_database(path)
        database = open_database(path, read_only=True)
        with database.session() as session:
            assert [p.title for p in list_productions(session)] == ["The Contract Bride"]
        database.close()
