"""The original and its pairing are kept like every other table: backed up and restored whole, and
kept apart from a production deleted beside them."""

from __future__ import annotations

import sqlite3

import pytest
from sqlmodel import select

from studio import operations
from studio.adaptation import REVIEWED, side_by_side
from studio.changes import run_steps
from studio.errors import InvalidInput
from studio.models import Scene, SceneAdaptation
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


def test_a_changed_original_marked_as_reviewed_stays_approved_and_undoes(demo):
    """5-2 was approved before its original changed; 75-1 is translated, not approved."""

    def row_of(session, number: str) -> SceneAdaptation:
        return session.exec(select(SceneAdaptation).join(Scene).where(Scene.number == number)).one()

    def changed(session, number: str) -> bool:
        return next(p for p in side_by_side(session, 1) if p.scene and p.scene.number == number).original_changed

    with demo.transaction() as session:
        assert changed(session, "5-2")
        reviewed = operations.edit(
            session, "scene_adaptation", row_of(session, "5-2").id, {"approved_original": REVIEWED}
        )
        assert not changed(session, "5-2") and row_of(session, "5-2").status == "APPROVED"
        for value, number in ((REVIEWED, "75-1"), ("not a fingerprint", "5-2")):
            before = row_of(session, number).approved_original
            with pytest.raises(InvalidInput):
                operations.edit(session, "scene_adaptation", row_of(session, number).id, {"approved_original": value})
            assert row_of(session, number).approved_original == before
        run_steps(session, reviewed.undo)
        assert changed(session, "5-2")
