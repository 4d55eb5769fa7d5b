"""The original and its pairing are kept like every other table: backed up and restored whole, and
kept apart from a production deleted beside them."""

from __future__ import annotations

import sqlite3

from studio.storage.backups import restore_backup, take_backup


def counts(path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as connection:
        found = tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("original_scene", "scene_adaptation", "script_revision")
        )
    connection.close()
    return found


def test_a_backup_holds_the_original_and_its_pairing_and_restoring_puts_them_back(demo_path):
    held = counts(demo_path)
    assert held[0] > 480 and held[1] > 480 and held[2] == 2  # the original's White and Blue
    backup = take_backup(demo_path, "open")
    with sqlite3.connect(demo_path) as connection:
        connection.execute("DELETE FROM scene_adaptation")
        connection.execute("DELETE FROM original_scene")
    connection.close()
    assert counts(demo_path)[:2] == (0, 0)
    restore_backup(demo_path, backup.path)
    assert counts(demo_path) == held
    with sqlite3.connect(demo_path) as connection:
        approved = connection.execute(
            "SELECT count(*) FROM scene_adaptation WHERE status = 'APPROVED' AND approved_original != ''"
        ).fetchone()[0]
    connection.close()
    assert approved > 300


def test_deleting_the_production_takes_its_original_and_pairing_with_it(demo_path):
    with sqlite3.connect(demo_path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM production")
    connection.close()
    assert counts(demo_path) == (0, 0, 0)
