"""File → Import Script: preview, import, undo and redo, revisions, refusals."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from shiboken6 import isValid

from benchmarks.long_scripts import series_zh
from studio.productions import list_productions
from studio.scripts.script_files import read_outline
from tests.fixture_files import REAL
from tests.fixture_files import SAMPLE_ZH as SAMPLE
from ui import script_import
from ui.background import wait_for_background_work
from ui.script_import import ImportHost, ScriptImport
from ui.workspace import Workspace


def scene_count(path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("select count(*) from scene").fetchone()[0]


def previewed(qtbot, window, paths):
    """Import `paths`: the dialog, once it shows what importing them would do."""
    dialog = window.script_import.import_files(paths)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    return dialog


def test_import_into_an_empty_database_then_undo_and_redo(window, tmp_path, qtbot):
    database = tmp_path / "mine.sqlite"
    assert window.databases.open(str(database), create=True)
    dialog = previewed(qtbot, window, [SAMPLE])
    assert "3 episodes · 9 scenes · 8 sets" in dialog.summary.text()
    assert dialog.character_table.rowCount() == 8
    dialog.import_button.click()
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
    previewed(qtbot, window, [SAMPLE]).import_button.click()
    qtbot.waitUntil(lambda: window.page("script").scenes.model.rowCount() == 9, timeout=10000)
    text = SAMPLE.read_text(encoding="utf-8").replace("伊森：你是克洛伊？", "伊森：你就是克洛伊？")
    revised = tmp_path / "revised.txt"
    revised.write_text(text[: text.index("3-3 日 内")], encoding="utf-8")

    dialog = previewed(qtbot, window, [revised])
    assert dialog.changes.text() == "Revision Blue: 0 new, 1 changed, 1 omitted, 7 unchanged"
    assert dialog.into_current.isChecked()
    dialog.import_button.click()
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
    previewed(qtbot, window, [SAMPLE]).reject()
    assert scene_count(database) == 0 and window.workspace.undo_stack.count() == 0


def test_a_bad_file_is_explained_and_nothing_changes(window, tmp_path, qtbot):
    database = tmp_path / "mine.sqlite"
    assert window.databases.open(str(database), create=True)
    bad = tmp_path / "letter.txt"
    bad.write_text("亲爱的制片人：\n这不是剧本。\n", encoding="utf-8")
    dialog = window.script_import.import_files([bad])
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "errorMessage") is not None, timeout=10000)
    (message,) = window.findChildren(QMessageBox, "errorMessage")
    assert "no scene headings" in message.text()
    qtbot.waitUntil(lambda: not isValid(dialog))  # the dialog closed: the message is all that is left
    assert scene_count(database) == 0


@pytest.fixture
def held_reading(monkeypatch):
    """The real reading of the files, held until the test lets it go; records the thread it ran on."""
    release, threads = threading.Event(), []

    def read(paths):
        threads.append(threading.current_thread())
        assert release.wait(30)
        return read_outline(paths)

    monkeypatch.setattr(script_import, "read_outline", read)
    return release, threads


def test_a_long_script_is_read_and_previewed_off_the_gui_thread(window, tmp_path, qtbot, held_reading):
    release, threads = held_reading
    assert window.databases.open(str(tmp_path / "mine.sqlite"), create=True)
    series = tmp_path / "series.txt"
    series.write_text(series_zh(), encoding="utf-8")

    dialog = window.script_import.import_files([series])
    # Shown at once, saying it is working, nothing to import yet; the reading runs on another thread.
    assert dialog.isVisible() and dialog.busy.isVisible() and dialog.activity.text() == "Reading the script…"
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    release.set()

    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=60000)
    assert not dialog.busy.isVisible()
    scenes = dialog.scene_table.rowCount()
    assert "100 episodes" in dialog.summary.text() and 550 <= scenes <= 650
    assert dialog.changes.text() == f"Revision White: {scenes} new, 0 changed, 0 omitted, 0 unchanged"


def test_cancelling_while_the_script_is_read_shows_nothing_and_changes_nothing(window, tmp_path, qtbot, held_reading):
    release, threads = held_reading
    database = tmp_path / "mine.sqlite"
    assert window.databases.open(str(database), create=True)
    dialog = window.script_import.import_files([SAMPLE])
    qtbot.waitUntil(lambda: bool(threads))
    dialog.reject()  # Cancel, while the reading is still under way
    qtbot.waitUntil(lambda: not isValid(dialog))
    release.set()
    wait_for_background_work()
    QApplication.processEvents()  # what the worker found comes back, to a dialog no longer there
    assert window.findChild(QMessageBox, "errorMessage") is None
    assert scene_count(database) == 0 and window.workspace.undo_stack.count() == 0
    assert window.workspace.read(list_productions) == []


def test_choosing_a_new_production_previews_again_in_the_background(window, tmp_path, qtbot):
    assert window.databases.open(str(tmp_path / "mine.sqlite"), create=True)
    previewed(qtbot, window, [SAMPLE]).import_button.click()
    qtbot.waitUntil(lambda: window.page("script").scenes.model.rowCount() == 9, timeout=10000)

    dialog = previewed(qtbot, window, [SAMPLE])
    assert dialog.changes.text() == "Revision White: 0 new, 0 changed, 0 omitted, 9 unchanged"
    dialog.into_new.setChecked(True)
    assert dialog.activity.text() == "Comparing with the stored script…" and not dialog.import_button.isEnabled()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    assert dialog.changes.text() == "Revision White: 9 new, 0 changed, 0 omitted, 0 unchanged"
    dialog.reject()
    assert len(window.workspace.read(list_productions)) == 1


def test_the_import_needs_only_its_host(qtbot, tmp_path):
    """No main window: a parent for the dialogs, the workspace, and what the host is asked for."""
    parent = QWidget()
    qtbot.addWidget(parent)
    workspace = Workspace(parent)
    workspace.open(str(tmp_path / "mine.sqlite"), create=True)
    errors, told = [], []
    host = ImportHost(
        parent,
        workspace,
        open_database=lambda: True,
        current_production=lambda: None,
        show_error=lambda title, message: errors.append(message),
        show_imported=told.append,
    )
    dialog = ScriptImport(host).import_files([SAMPLE])
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=10000)
    assert told == ["Imported revision White: 9 new, 0 changed, 0 omitted"] and errors == []
    assert [p.title for p in workspace.read(list_productions)] == ["契约新娘"]
    workspace.close()


def test_the_preview_lists_what_the_script_does_not_say(window, tmp_path, qtbot):
    assert window.databases.open(str(tmp_path / "mine.sqlite"), create=True)
    dialog = previewed(qtbot, window, [REAL / "en-time-notes.fountain"])
    table = dialog.guess_table
    rows = [(table.item(row, 0).text(), table.item(row, 1).text()) for row in range(table.rowCount())]
    assert ("30", "no INT/EXT (内/外) in the heading: taken as INT") in rows
    assert ("4", "DR. BENNETT, DR BENNETT, DR.  BENNETT are taken as one character: DR. BENNETT") in rows
    assert dialog.tabs.tabText(dialog.tabs.indexOf(table)) == f"To check ({len(rows)})"


def test_the_preview_shows_a_groups_count(window, tmp_path, qtbot):
    assert window.databases.open(str(tmp_path / "mine.sqlite"), create=True)
    table = previewed(qtbot, window, [REAL / "zh-groups.txt"]).character_table
    speaks = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert (speaks["保安2名"], speaks["宾客若干"], speaks["顾辰"]) == ("Background ×2", "Background", "Yes")


def test_an_original_is_previewed_with_its_pairs_to_confirm_then_imported_beside_the_script(window, tmp_path, qtbot):
    from tests.scripts.test_alignment import ADAPTATION, ORIGINAL
    from tests.scripts.test_two_scripts import EPISODE_3

    database = tmp_path / "mine.sqlite"
    (tmp_path / "adaptation.fountain").write_text(ADAPTATION, encoding="utf-8")
    (tmp_path / "original.txt").write_text(ORIGINAL + EPISODE_3, encoding="utf-8")  # episode 3 not yet adapted
    assert window.databases.open(str(database), create=True)
    first = previewed(qtbot, window, [tmp_path / "adaptation.fountain"])
    assert not first.tabs.isTabVisible(first.tabs.indexOf(first.pairs))  # one script: nothing to pair
    assert first.as_shooting.isChecked()  # a new show's first script is the one it shoots
    first.import_button.click()
    qtbot.waitUntil(lambda: window.page("script").scenes.model.rowCount() == 7, timeout=10000)

    dialog = previewed(qtbot, window, [tmp_path / "original.txt"])
    # A Chinese script read for a show written in English: offered, and previewed, as its original (one
    # click on Import revised the English script with it)
    assert dialog.as_original.isChecked()
    qtbot.waitUntil(lambda: dialog.tabs.isTabVisible(dialog.tabs.indexOf(dialog.pairs)), timeout=10000)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    assert (
        dialog.tabs.tabText(dialog.tabs.indexOf(dialog.pairs)) == "Pairs (1 to confirm, 4 to check)"
    )  # the four "To check:" lines in it
    rows = [
        tuple(dialog.pair_table.item(row, column).text() for column in range(4))
        for row in range(dialog.pair_table.rowCount())
    ]
    # Each pair judged by its two headings (set, where, when) and how alike the scenes are
    assert ("2-2  日 外 咖啡馆", "2-4  EXT. COFFEE SHOP - DAY", "moved, 89% alike", "To confirm") in rows
    assert ("1-4  夜 内 酒吧", "—", "cut in adaptation", "") in rows
    assert ("—", "2-2  EXT. MALIBU BEACH - DAY", "added in adaptation", "") in rows
    assert ("3-1  日 内 总裁办公室", "—", "not yet adapted", "") in rows
    assert "苏晚 ↔ SOPHIE" in dialog.alignment_notes.text()
    with sqlite3.connect(database) as connection:  # previewed, nothing stored
        assert connection.execute("select count(*) from original_scene").fetchone()[0] == 0
    connection.close()

    dialog.import_button.click()
    page = window.page("script")
    qtbot.waitUntil(lambda: bool(page.adaptations), timeout=10000)
    assert scene_count(database) == 7  # the scenes stay the shooting script's
    with sqlite3.connect(database) as connection:
        assert connection.execute("select count(*) from original_scene").fetchone()[0] == 9
    connection.close()
    window.undo_action.trigger()
    with sqlite3.connect(database) as connection:
        assert connection.execute("select count(*) from original_scene").fetchone()[0] == 0
    connection.close()


def test_the_script_page_shows_a_scenes_notes_apart_from_its_text(window, tmp_path, qtbot):
    assert window.databases.open(str(tmp_path / "mine.sqlite"), create=True)
    previewed(qtbot, window, [REAL / "en-notes-boneyard.fountain"]).import_button.click()
    page = window.page("script")
    qtbot.waitUntil(lambda: page.scenes.model.rowCount() == 3, timeout=10000)
    numbers = {row["heading"]: row["id"] for row in page.scenes.model.rows}

    page.show_scene(numbers["EXT. PRECINCT - PARKING LOT - CONTINUOUS"])
    assert page.scene_notes.isVisibleTo(page)
    assert page.scene_notes.toPlainText().startswith(
        "[[Location: the lot must allow a night shoot\nwith rain towers.]]"
    )
    assert page.scene_notes.toPlainText().endswith(
        "/* INT. ROSA'S APARTMENT - NIGHT\n\nShe pours a drink she won't finish.\n\nROSA\nNot tonight. */"
    )
    assert "rain towers" not in page.scene_text.toPlainText()

    page.show_scene(numbers["INT. DINER - DAWN"])
    assert not page.scene_notes.isVisibleTo(page) and page.scene_notes.toPlainText() == ""
