"""Backups beside the database: consistent copies, rotation, what each holds, and restoring one."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text

from studio.errors import DatabaseProblem
from studio.storage.backups import (
    KEEP_DAYS,
    KEEP_RECENT,
    backup_folder,
    is_backed_up,
    list_backups,
    restore_backup,
    take_backup,
)
from studio.storage.db import open_database


def rename_production(path, title):
    database = open_database(path)
    try:
        with database.transaction() as session:
            session.execute(text("UPDATE production SET title = :title"), {"title": title})
    finally:
        database.close()


def title_of(path):
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT title FROM production").fetchone()[0]
    finally:
        connection.close()


def test_a_backup_is_a_whole_database_in_the_folder_beside_it_and_says_what_it_holds(demo_path):
    beside = sorted(p.name for p in demo_path.parent.iterdir())
    backup = take_backup(demo_path, "open")
    # reading the file for the copy left no -wal and -shm beside it, where it had none
    assert sorted(p.name for p in demo_path.parent.iterdir()) == sorted([*beside, "demo.sqlite backups"])
    assert backup.path.parent == demo_path.parent / "demo.sqlite backups"
    assert backup.reason == "open" and backup.size == backup.path.stat().st_size
    [production] = backup.contents()
    assert (production.title, production.episodes, production.scenes) == ("The Contract Bride", 80, 482)
    assert sorted(p.name for p in backup_folder(demo_path).iterdir()) == [backup.path.name]  # no -wal, -shm
    connection = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_a_backup_holds_what_was_committed_while_another_connection_writes(demo_path):
    rename_production(demo_path, "Committed Title")
    writer = sqlite3.connect(demo_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE production SET title = 'Not committed'")
    try:
        backup = take_backup(demo_path, "editing")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert title_of(backup.path) == "Committed Title"


def test_backups_are_listed_newest_first_and_the_newest_says_whether_it_is_up_to_date(demo_path):
    assert list_backups(demo_path) == [] and not is_backed_up(demo_path)
    first = take_backup(demo_path, "open", now=datetime(2026, 11, 20, 9, 0))
    second = take_backup(demo_path, "manual", now=datetime(2026, 11, 20, 9, 5))
    assert [b.path for b in list_backups(demo_path)] == [second.path, first.path]
    assert is_backed_up(demo_path)
    rename_production(demo_path, "Changed since")
    changed = demo_path.stat().st_mtime  # closing wrote the WAL back into the file
    os.utime(second.path, (changed - 10, changed - 10))
    assert not is_backed_up(demo_path)


def test_rotation_keeps_the_newest_and_one_a_day_for_a_week(demo_path):
    start = datetime(2026, 11, 1, 8, 0)
    taken = [start + timedelta(days=day, hours=hour) for day in range(20) for hour in range(3)]
    for moment in taken:
        take_backup(demo_path, "editing", now=moment)
    kept = [backup.taken_at for backup in list_backups(demo_path)]
    newest_first = sorted(taken, reverse=True)
    assert kept[:KEEP_RECENT] == newest_first[:KEEP_RECENT]  # days 19, 18, 17 and the last of day 16
    last_day = start + timedelta(days=19)
    week = [last_day - timedelta(days=back) for back in range(KEEP_DAYS + 1)]  # days 12 to 19
    assert kept[KEEP_RECENT:] == [
        day.replace(hour=10) for day in week if day.replace(hour=10) not in kept[:KEEP_RECENT]
    ]
    assert len(kept) == KEEP_RECENT + 4


def test_restoring_puts_the_backup_back_and_keeps_the_state_it_replaced(demo_path):
    backup = take_backup(demo_path, "open")
    rename_production(demo_path, "Edited after the backup")
    kept = restore_backup(demo_path, backup.path)
    assert title_of(demo_path) == "The Contract Bride"
    assert title_of(kept) == "Edited after the backup"
    assert kept in [b.path for b in list_backups(demo_path)] and "before-restore" in kept.name
    database = open_database(demo_path)  # opens, passes its check, and takes writes again
    database.close()
    restore_backup(demo_path, kept)
    assert title_of(demo_path) == "Edited after the backup"


def test_a_damaged_database_is_moved_aside_and_the_backup_takes_its_place(demo_path):
    backup = take_backup(demo_path, "open")
    damage(demo_path)
    kept = restore_backup(demo_path, backup.path)
    assert kept.name.startswith("demo.damaged-") and kept.parent == demo_path.parent
    assert title_of(demo_path) == "The Contract Bride"
    open_database(demo_path).close()


def test_a_damaged_backup_is_refused_and_the_database_is_left_alone(demo_path):
    backup = take_backup(demo_path, "open")
    damage(backup.path)
    before = demo_path.read_bytes()
    with pytest.raises(DatabaseProblem, match="is damaged"):
        restore_backup(demo_path, backup.path)
    assert demo_path.read_bytes() == before
    assert len(list_backups(demo_path)) == 1


def test_an_unreadable_backup_lists_without_contents(demo_path):
    backup = take_backup(demo_path, "open")
    backup.path.write_bytes(b"garbage")
    assert list_backups(demo_path)[0].contents() is None


def test_a_backup_that_cannot_be_written_is_one_clear_error_and_leaves_no_partial_file(demo_path):
    backup_folder(demo_path).write_text("a file where the folder should be")
    with pytest.raises(DatabaseProblem, match="cannot back up"):
        take_backup(demo_path, "open")
    assert sorted(p.name for p in demo_path.parent.iterdir()) == ["demo.sqlite", "demo.sqlite backups"]


def damage(path):
    """Overwrite a few pages in the middle with noise, as a bad sector or a crashed copy would."""
    for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    data[8192 : 8192 + 8192] = os.urandom(8192)
    path.write_bytes(bytes(data))


def test_a_damaged_database_is_never_backed_up_so_its_good_backups_survive_the_rotation(demo_path):
    good = take_backup(demo_path, "manual")
    damage(demo_path)
    for _ in range(KEEP_RECENT + 2):
        with pytest.raises(DatabaseProblem, match="damaged, so it was not backed up"):
            take_backup(demo_path, "editing")
    assert [b.path for b in list_backups(demo_path)] == [good.path]


def test_only_a_sound_cliffhanger_database_is_restored(demo_path, tmp_path):
    before = demo_path.read_bytes()
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text)")
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    for wrong in (other, empty):
        with pytest.raises(DatabaseProblem, match="damaged or is not a Cliffhanger database"):
            restore_backup(demo_path, wrong)
    with pytest.raises(DatabaseProblem, match="the database itself"):
        restore_backup(demo_path, demo_path)
    assert demo_path.read_bytes() == before and list_backups(demo_path) == []


def test_two_databases_of_one_name_keep_their_own_backups(demo_path):
    other = demo_path.with_suffix(".db")
    other.write_bytes(demo_path.read_bytes())
    take_backup(demo_path, "manual")
    assert list_backups(other) == []


def test_a_backup_gives_up_on_a_file_another_program_keeps_locked(demo_path, monkeypatch):
    monkeypatch.setattr("studio.storage.db.BUSY_TIMEOUT_MS", 300)  # the wait for a lock, shortened
    from tests.disks import locked_by_another_program

    with locked_by_another_program(demo_path), pytest.raises(DatabaseProblem, match="cannot back up .*locked"):
        take_backup(demo_path, "open")
