"""The original and its pairing are kept like every other table: backed up and restored whole, and
kept apart from a production deleted beside them."""

from __future__ import annotations

import sqlite3

import pytest
from sqlmodel import select

from studio import operations
from studio.adaptation import REVIEWED, approved_words, fingerprint, script_page_adaptation, side_by_side
from studio.changes import run_steps
from studio.errors import InvalidInput
from studio.models import OriginalScene, Scene, SceneAdaptation
from studio.storage.backups import restore_backup, take_backup


def counts(path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as connection:
        found = tuple(
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("original_scene", "scene_adaptation", "script_revision")
        )
    connection.close()
    return found


def row_of(session, number: str) -> SceneAdaptation:
    """The pair of the shooting scene numbered `number`."""
    return session.exec(select(SceneAdaptation).join(Scene).where(Scene.number == number)).one()


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

    def changed(session, number: str) -> bool:
        return next(p for p in side_by_side(session, 1) if p.scene and p.scene.number == number).original_changed

    with demo.transaction() as session:
        assert changed(session, "5-2")
        as_approved = row_of(session, "5-2").approved_text
        reviewed = operations.edit(
            session, "scene_adaptation", row_of(session, "5-2").id, {"approved_original": REVIEWED}
        )
        assert not changed(session, "5-2") and row_of(session, "5-2").status == "APPROVED"
        now = approved_words(session.get(OriginalScene, row_of(session, "5-2").original_scene_id))
        assert row_of(session, "5-2").approved_text == now != as_approved  # the words reviewed kept
        for value, number in ((REVIEWED, "75-1"), ("not a fingerprint", "5-2")):
            before = row_of(session, number).approved_original
            with pytest.raises(InvalidInput):
                operations.edit(session, "scene_adaptation", row_of(session, number).id, {"approved_original": value})
            assert row_of(session, number).approved_original == before
        run_steps(session, reviewed.undo)
        assert changed(session, "5-2") and row_of(session, "5-2").approved_text == as_approved


def test_undoing_a_status_puts_back_the_words_approved_not_the_originals_now(demo):
    """Approving 75-1 keeps its original's words, undone to none; un-approving 5-2, approved before its
    original changed, undone to the fingerprint and words it had (still flagged, not silently reviewed)."""

    def approval(session, number: str) -> tuple[str, str, str]:
        row = row_of(session, number)
        return row.status, row.approved_original, row.approved_text

    with demo.transaction() as session:
        translated, flagged = approval(session, "75-1"), approval(session, "5-2")
        assert translated[1:] == ("", "") and fingerprint(*flagged[2].split("\n", 1)) == flagged[1]
        approved = operations.edit(session, "scene_adaptation", row_of(session, "75-1").id, {"status": "APPROVED"})
        original = session.get(OriginalScene, row_of(session, "75-1").original_scene_id)
        assert approval(session, "75-1")[2] == approved_words(original)
        run_steps(session, approved.undo)
        assert approval(session, "75-1") == translated
        adapted = operations.edit(session, "scene_adaptation", row_of(session, "5-2").id, {"status": "ADAPTED"})
        assert approval(session, "5-2") == ("ADAPTED", "", "")
        redo = run_steps(session, adapted.undo)
        assert approval(session, "5-2") == flagged
        run_steps(session, redo.undo)
        assert approval(session, "5-2") == ("ADAPTED", "", "")
        with pytest.raises(InvalidInput):  # words that are not those of the fingerprint kept
            operations.edit(session, "scene_adaptation", row_of(session, "75-1").id, {"approved_text": "x\ny"})


def test_a_file_from_before_the_words_were_kept_keeps_its_approvals_without_them(demo_path):
    """0020 gives every pair '' (words not kept): an approval stays one, flagged as before, its words not
    shown; the table's changes are counted on the way down and up (SQLite's batch mode re-creates it)."""
    from studio.storage.db import open_database
    from tests.migrated import downgraded

    def pairs() -> list[tuple]:
        with sqlite3.connect(demo_path) as connection:
            rows = connection.execute("SELECT id, status, approved_original FROM scene_adaptation ORDER BY id")
            found = rows.fetchall()
        connection.close()
        return found

    def counted() -> set[str]:
        with sqlite3.connect(demo_path) as connection:
            names = connection.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'scene_adaptation'")
            found = {name for (name,) in names if name.endswith("_counted")}
        connection.close()
        return found

    before = pairs()
    downgraded(demo_path, "0019")
    assert pairs() == before and len(counted()) == 3
    database = open_database(demo_path)  # upgraded
    with database.reading() as session:
        assert set(session.exec(select(SceneAdaptation.approved_text))) == {""}
        assert [p.scene.number for p in side_by_side(session, 1) if p.original_changed] == ["5-2", "40-3"]
        assert script_page_adaptation(session, 1).rows[row_of(session, "5-2").scene_id]["approved_text"] is None
    database.close()
    assert pairs() == before and len(counted()) == 3
