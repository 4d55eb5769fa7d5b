"""File → Import Script: preview, import, undo and redo, revisions, refusals."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.fixture_files import SAMPLE_ZH as SAMPLE


def scene_count(path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("select count(*) from scene").fetchone()[0]


def import_and_answer(qtbot, window, paths, answer):
    """Import `paths`; `answer(dialog)` sees the preview dialog and accepts or rejects it."""
    seen = {}

    def respond():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "importDialog":
            QTimer.singleShot(20, respond)
            return
        seen["dialog"] = dialog
        answer(dialog)

    QTimer.singleShot(0, respond)
    window.script_import.import_files(paths)
    qtbot.waitUntil(lambda: "dialog" in seen, timeout=10000)
    return seen["dialog"]


def test_import_into_an_empty_database_then_undo_and_redo(window, tmp_path, qtbot):
    database = tmp_path / "mine.sqlite"
    assert window.databases.open(str(database), create=True)
    dialog = import_and_answer(qtbot, window, [SAMPLE], lambda d: d.accept())
    assert "3 episodes · 9 scenes · 8 sets" in dialog.summary.text()
    assert dialog.character_table.rowCount() == 8
    qtbot.waitUntil(lambda: window.production_switcher.count() == 1, timeout=10000)
    assert window.production_switcher.currentText() == "契约新娘"
    assert window.page("script").scenes.model.rowCount() == 9 == scene_count(database)

    window.undo_action.trigger()
    assert scene_count(database) == 0
    assert window.stack.currentWidget() is window.welcome
    window.redo_action.trigger()
    assert scene_count(database) == 9
    assert window.page("script").scenes.model.rowCount() == 9


def test_a_revision_is_previewed_and_marked_on_the_script_page(window, tmp_path, qtbot):
    assert window.databases.open(str(tmp_path / "mine.sqlite"), create=True)
    import_and_answer(qtbot, window, [SAMPLE], lambda d: d.accept())
    qtbot.waitUntil(lambda: window.page("script").scenes.model.rowCount() == 9, timeout=10000)
    text = SAMPLE.read_text(encoding="utf-8").replace("伊森：你是克洛伊？", "伊森：你就是克洛伊？")
    revised = tmp_path / "revised.txt"
    revised.write_text(text[: text.index("3-3 日 内")], encoding="utf-8")

    dialog = import_and_answer(qtbot, window, [revised], lambda d: d.accept())
    assert dialog.changes.text() == "Revision Blue: 0 new, 1 changed, 1 omitted, 7 unchanged"
    assert dialog.into_current.isChecked()
    qtbot.waitUntil(
        lambda: {r["number"]: r["revision"] for r in window.page("script").scenes.model.rows}.get("3-3") == "OMITTED",
        timeout=10000,
    )
    states = {r["number"]: r["revision"] for r in window.page("script").scenes.model.rows}
    assert states["1-2"] == "CHANGED" and states["1-1"] == "UNCHANGED"
    assert "1 omitted" in window.page("script").summary.text()


def test_cancelling_the_preview_changes_nothing(window, tmp_path, qtbot):
    database = tmp_path / "mine.sqlite"
    assert window.databases.open(str(database), create=True)
    import_and_answer(qtbot, window, [SAMPLE], lambda d: d.reject())
    qtbot.wait(100)
    assert scene_count(database) == 0 and window.workspace.undo_stack.count() == 0


def test_a_bad_file_is_explained_and_nothing_changes(window, tmp_path, qtbot):
    database = tmp_path / "mine.sqlite"
    assert window.databases.open(str(database), create=True)
    bad = tmp_path / "letter.txt"
    bad.write_text("亲爱的制片人：\n这不是剧本。\n", encoding="utf-8")
    window.script_import.import_files([bad])
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None, timeout=10000)
    assert "no scene headings" in window.findChild(QMessageBox, "errorMessage").text()
    assert scene_count(database) == 0
