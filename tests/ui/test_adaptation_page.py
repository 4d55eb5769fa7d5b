"""The Script page with the demo's Chinese original: a scene's original beside its adaptation, its status
and notes edited (undoably) there, the scenes not yet approved filtered, a pairing confirmed, a changed
original flagged."""

from __future__ import annotations

import contextlib
import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from tests.command_line import run
from tests.pdf_text import pdf_text
from tests.scripts.test_alignment import ADAPTATION, ORIGINAL
from tests.ui.driving import last_refusal, query, show, window_on
from ui.i18n import install_translators


def select_scene(page, number: str) -> None:
    row = next(n for n, scene in enumerate(page.scenes.model.rows) if scene["number"] == number)
    page.scenes.view.setCurrentIndex(page.scenes.proxy.mapFromSource(page.scenes.model.index(row, 0)))


def adaptation_of(path, number: str) -> tuple:
    return query(
        path,
        "SELECT a.status, a.cultural_note, a.confirmed, a.approved_original != '' FROM scene_adaptation a"
        " JOIN scene s ON s.id = a.scene_id WHERE s.number = ?",
        number,
    )[0]


def test_a_scenes_original_is_beside_it_and_its_status_and_notes_are_edited_and_undone(qtbot, demo_path):
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    select_scene(page, "75-1")
    assert page.original.isVisible() and page.original.title.text() == "Original 75-1"
    assert "人物：" in page.original.text.toPlainText()
    assert adaptation_of(demo_path, "75-1")[0] == "TRANSLATED"

    form = page.adaptation
    form.status.setCurrentIndex(form.status.findData("APPROVED"))
    form.status.activated.emit(form.status.currentIndex())
    qtbot.waitUntil(lambda: adaptation_of(demo_path, "75-1")[:1] == ("APPROVED",))
    assert adaptation_of(demo_path, "75-1")[3] == 1  # the original's words kept as approved
    qtbot.waitUntil(lambda: form.row["status"] == "APPROVED")  # the page shows the row as now stored
    form.cultural_note.setText("The proposal on one knee stays: it plays the same in LA.")
    form.cultural_note.editingFinished.emit()
    assert adaptation_of(demo_path, "75-1")[1].startswith("The proposal on one knee")

    episode = next(row for row in page.episodes.model.rows if row["number"] == 75)
    waiting = query(demo_path, "SELECT count(*) FROM scene WHERE number LIKE '75-%'")[0][0]
    qtbot.waitUntil(lambda: episode["approved"] == f"1/{waiting}")  # of the episode's scenes, now approved

    window.workspace.undo_stack.undo()
    window.workspace.undo_stack.undo()
    assert adaptation_of(demo_path, "75-1") == ("TRANSLATED", "", 1, 0)
    qtbot.waitUntil(lambda: form.status.currentData() == "TRANSLATED" and form.cultural_note.text() == "")


def test_not_yet_approved_shows_only_the_scenes_whose_adaptation_is_not_approved(qtbot, demo_path):
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    page.not_approved.setChecked(True)
    shown = {page.scenes.proxy.index(row, 0).data() for row in range(page.scenes.proxy.rowCount())}
    waiting = {
        number
        for (number,) in query(
            demo_path,
            "SELECT s.number FROM scene_adaptation a JOIN scene s ON s.id = a.scene_id WHERE a.status != 'APPROVED'",
        )
    }
    assert waiting < shown  # and the two approved scenes whose original changed since, and those added
    assert {"5-2", "40-3"} <= shown and "1-1" not in shown
    page.not_approved.setChecked(False)
    assert page.scenes.proxy.rowCount() == len(page.scenes.model.rows)


def doubt(path, number: str) -> None:
    """The scene's pair left unconfirmed, as the alignment leaves a pair it is not sure of."""
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE scene_adaptation SET confirmed = 0 WHERE scene_id = (SELECT id FROM scene WHERE number = ?)",
            (number,),
        )
        connection.execute("UPDATE character SET name_zh = '' WHERE name = 'ETHAN'")  # not yet mapped
    connection.close()


def test_a_changed_original_is_flagged_and_a_doubtful_pairing_confirmed(qtbot, demo_path):
    doubt(demo_path, "2-1")
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    select_scene(page, "5-2")
    assert page.adaptation.flag.text() == "The original changed since this was approved"
    assert not page.adaptation.confirm.isVisibleTo(page)
    select_scene(page, "2-1")
    assert "to confirm" in page.adaptation.flag.text() and page.adaptation.confirm.isVisibleTo(page)
    page.adaptation.confirm.click()
    assert adaptation_of(demo_path, "2-1")[2] == 1
    qtbot.waitUntil(lambda: not page.adaptation.confirm.isVisibleTo(page))
    # the names' map proposed again from the sure pairs: ETHAN is 顾景深 in them; undone with the confirmation
    ethan = "SELECT name_zh FROM character WHERE name = 'ETHAN'"
    assert query(demo_path, ethan) == [("顾景深",)]
    window.workspace.undo_stack.undo()
    assert query(demo_path, ethan) == [("",)] and adaptation_of(demo_path, "2-1")[2] == 0


def test_a_production_without_an_original_shows_no_adaptation(qtbot, tmp_path):
    from tests.command_line import run
    from tests.fixture_files import SAMPLE_FOUNTAIN

    db = tmp_path / "show.sqlite"
    assert run("import-script", str(SAMPLE_FOUNTAIN), "--db", str(db)).returncode == 0
    window = window_on(qtbot, db)
    page = show(window, "script")
    assert not page.original.isVisibleTo(page) and not page.not_approved.isVisibleTo(page)
    assert not page.exports.isVisibleTo(page)  # no bilingual script to export


def pairing(path) -> list[tuple]:
    return query(
        path,
        "SELECT s.number, o.number, a.status, a.confirmed FROM scene_adaptation a"
        " LEFT JOIN scene s ON s.id = a.scene_id LEFT JOIN original_scene o ON o.id = a.original_scene_id"
        " ORDER BY s.number, o.number",
    )


def test_a_scene_paired_by_hand_and_unpaired_and_both_undone(qtbot, demo_path, monkeypatch):
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    before = pairing(demo_path)
    assert ("6-1", None, "APPROVED", 1) in before and (None, "3-3", "APPROVED", 1) in before

    def choose(_parent, _title, _question, choices, *_args):
        wanted = answers.pop(0)
        return next(choice for choice in choices if choice.startswith(wanted)), True

    answers = ["3-3 ", "None"]
    monkeypatch.setattr("ui.pages.script.QInputDialog.getItem", choose)
    select_scene(page, "6-1")  # added in adaptation: paired with the original's cut 3-3
    page.adaptation.pair.click()
    select_scene(page, "1-1")  # and 1-1 unpaired
    page.adaptation.pair.click()
    after = pairing(demo_path)
    assert ("6-1", "3-3", "APPROVED", 1) in after and (None, "3-3", "APPROVED", 1) not in after
    assert ("1-1", None, "APPROVED", 1) in after and (None, "1-1", "NOT_STARTED", 1) in after
    qtbot.waitUntil(lambda: page.original.title.text() == "Original: none (added in adaptation)")

    window.workspace.undo_stack.undo()
    window.workspace.undo_stack.undo()
    assert pairing(demo_path) == before
    window.workspace.undo_stack.redo()
    assert ("6-1", "3-3", "APPROVED", 1) in pairing(demo_path)


CUT = (  # an original scene's adaptation, cut: no shooting scene
    "SELECT a.status, a.cultural_note FROM scene_adaptation a JOIN original_scene o ON o.id = a.original_scene_id"
    " WHERE o.number = ? AND a.scene_id IS NULL"
)


def cut_adaptation(path, number: str) -> tuple:
    return query(path, CUT, number)[0]


def test_a_scene_cut_in_adaptation_is_listed_in_its_place_and_its_notes_edited_and_undone(qtbot, demo_path):
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    numbers = [row["number"] for row in page.scenes.model.rows]
    cut = query(
        demo_path,
        "SELECT o.number FROM scene_adaptation a JOIN original_scene o ON o.id = a.original_scene_id"
        " WHERE a.scene_id IS NULL",
    )
    assert {f"Original {number}" for (number,) in cut} <= set(numbers)
    place = numbers.index("Original 3-3")  # the slap, cut: after 3-2, whose original comes before it
    assert numbers[place - 1] == "3-2" and page.scenes.model.rows[place]["episode"] == 3
    model = page.scenes.model
    column = {column.key: n for n, column in enumerate(model.columns)}
    assert model.index(place, column["revision"]).data() == "Cut in adaptation"
    assert "CHLOE" in model.rows[place]["characters"] and "苏晚" in model.rows[place]["characters_zh"]

    select_scene(page, "Original 3-3")
    assert page.original.title.text() == "Original 3-3" and "耳光" in page.original.text.toPlainText()
    assert page.scene_text.toPlainText().startswith("Cut in adaptation") and not page.scene_text.editable
    assert not page.adaptation.pair.isVisibleTo(page) and page.adaptation.isEnabled()
    assert page.adaptation.cultural_note.text().startswith("The slap plays as abuse")
    assert not model.flags(model.index(place, column["shots"])) & Qt.ItemFlag.ItemIsEditable

    before = cut_adaptation(demo_path, "3-3")
    form = page.adaptation
    form.status.setCurrentIndex(form.status.findData("ADAPTED"))
    form.status.activated.emit(form.status.currentIndex())
    qtbot.waitUntil(lambda: form.row["status"] == "ADAPTED")
    form.cultural_note.setText("Cut: a slap reads as abuse here.")
    form.cultural_note.editingFinished.emit()
    assert cut_adaptation(demo_path, "3-3") == ("ADAPTED", "Cut: a slap reads as abuse here.")
    window.workspace.undo_stack.undo()
    window.workspace.undo_stack.undo()
    assert cut_adaptation(demo_path, "3-3") == before
    qtbot.waitUntil(lambda: form.cultural_note.text() == before[1])

    page.not_approved.setChecked(True)  # approved up to episode 60 in the demo, cut scenes too
    shown = {page.scenes.proxy.index(row, 0).data() for row in range(page.scenes.proxy.rowCount())}
    assert {number for number in shown if number.startswith("Original")} == {"Original 68-2"}


def answer(monkeypatch, button_text: str) -> list[str]:
    """The question about another scene's original answered by clicking the button so named; returns the
    buttons it offered once asked."""
    offered: list[str] = []

    def click(box):
        offered.extend(button.text() for button in box.buttons())
        next(button for button in box.buttons() if button.text() == button_text).click()
        return 0

    monkeypatch.setattr("ui.pages.script.QMessageBox.exec", click)
    return offered


def test_pairing_with_another_scenes_original_swaps_or_leaves_it_unpaired_in_one_undo_step(
    qtbot, demo_path, monkeypatch
):
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    before = pairing(demo_path)
    assert ("2-1", "2-1", "APPROVED", 1) in before and ("2-2", "2-2", "APPROVED", 1) in before
    monkeypatch.setattr(
        "ui.pages.script.QInputDialog.getItem",
        lambda _parent, _title, _question, choices, *_args: (
            next(choice for choice in choices if choice.startswith("2-2 ")),
            True,
        ),
    )
    answer(monkeypatch, "Swap")
    select_scene(page, "2-1")
    page.adaptation.pair.click()
    swapped = pairing(demo_path)
    assert ("2-1", "2-2", "APPROVED", 1) in swapped and ("2-2", "2-1", "APPROVED", 1) in swapped
    assert len(swapped) == len(before)
    assert window.workspace.undo_stack.undoText() == "Swap the originals of scenes 2-1 and 2-2"
    window.workspace.undo_stack.undo()
    assert pairing(demo_path) == before

    answer(monkeypatch, "Leave scene 2-2 unpaired")
    page.adaptation.pair.click()
    left = pairing(demo_path)
    assert ("2-1", "2-2", "APPROVED", 1) in left and ("2-2", None, "APPROVED", 1) in left
    assert (None, "2-1", "NOT_STARTED", 1) in left  # 2-1's old original, alone
    window.workspace.undo_stack.undo()
    assert pairing(demo_path) == before

    answer(monkeypatch, "Cancel")
    page.adaptation.pair.click()
    assert pairing(demo_path) == before and not window.workspace.undo_stack.canUndo()

    offered = answer(monkeypatch, "Leave scene 2-2 unpaired")
    select_scene(page, "6-1")  # added in adaptation: no original of its own to give 2-2 in exchange
    page.adaptation.pair.click()
    assert "Swap" not in offered and "Cancel" in offered
    assert ("6-1", "2-2", "APPROVED", 1) in pairing(demo_path) and ("2-2", None, "APPROVED", 1) in pairing(demo_path)


def test_an_original_imported_first_is_said_on_the_script_page_and_in_the_title(qtbot, tmp_path):
    from tests.command_line import run
    from tests.scripts.test_alignment import ORIGINAL

    original, db = tmp_path / "original.txt", tmp_path / "show.sqlite"
    original.write_text(ORIGINAL, encoding="utf-8")
    assert run("import-script", str(original), "--side", "original", "--db", str(db)).returncode == 0
    window = window_on(qtbot, db)
    page = show(window, "script")
    assert page.summary.text().endswith("Original: 2 episodes, 7 scenes; import the shooting script to pair them")
    assert "Untitled / 契约总裁" in window.windowTitle()


def two_scripts(tmp_path, original: str = ORIGINAL):
    """A show of the test scripts: the English shooting script, then its Chinese original."""
    db = tmp_path / "show.sqlite"
    (tmp_path / "original.txt").write_text(original, encoding="utf-8")
    (tmp_path / "adaptation.fountain").write_text(ADAPTATION, encoding="utf-8")
    assert run("import-script", str(tmp_path / "adaptation.fountain"), "--db", str(db)).returncode == 0
    assert run("import-script", str(tmp_path / "original.txt"), "--db", str(db), "--side", "original").returncode == 0
    return db


def test_an_unfinished_adaptations_later_episodes_are_not_yet_adapted_not_cut(qtbot, tmp_path):
    from tests.scripts.test_two_scripts import EPISODE_3

    page = show(window_on(qtbot, two_scripts(tmp_path, ORIGINAL + EPISODE_3)), "script")
    model = page.scenes.model
    column = next(n for n, column in enumerate(model.columns) if column.key == "revision")
    shown = {row["number"]: model.index(n, column).data() for n, row in enumerate(model.rows)}
    assert shown["Original 1-4"] == "Cut in adaptation"  # the bar, skipped inside the adapted episodes
    assert shown["Original 3-1"] == shown["Original 3-2"] == "Not yet adapted"
    select_scene(page, "Original 3-1")
    assert page.scene_text.toPlainText().startswith("Not yet adapted")


def test_each_episodes_approved_counts_its_scenes_and_the_originals_own_episodes_are_listed(qtbot, tmp_path):
    from tests.scripts.test_two_scripts import EPISODE_3

    page = show(window_on(qtbot, two_scripts(tmp_path, ORIGINAL + EPISODE_3)), "script")
    model = page.episodes.model
    cells = {row["number"]: (row["scenes"], row["approved"]) for row in model.rows}
    assert cells[1] == (3, "0/3")  # the original's 1-4, cut, is not one of its scenes
    assert cells[3] == (0, "—")  # only in the original: listed, not yet adapted
    third = next(n for n, row in enumerate(model.rows) if row["number"] == 3)
    title = next(n for n, column in enumerate(model.columns) if column.key == "title")
    assert model.index(third, title).data() == "Not yet adapted · scenes in the original: 2"
    assert not model.flags(model.index(third, title)) & Qt.ItemFlag.ItemIsEditable  # no episode to edit
    assert page.summary.text().startswith("2 episodes")
    page.episodes.view.selectRow(page.episodes.proxy.mapFromSource(model.index(third, 0)).row())
    shown = {page.scenes.proxy.index(n, 0).data() for n in range(page.scenes.proxy.rowCount())}
    assert shown == {"Original 3-1", "Original 3-2"}


def test_a_cut_originals_row_paired_since_leaves_nothing_of_it_shown(qtbot, demo_path, monkeypatch):
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    monkeypatch.setattr(
        "ui.pages.script.QInputDialog.getItem",
        lambda _parent, _title, _question, choices, *_args: (next(c for c in choices if c.startswith("3-3 ")), True),
    )
    select_scene(page, "6-1")  # added in adaptation, paired with the original's cut 3-3
    page.adaptation.pair.click()
    window.workspace.undo_stack.undo()
    qtbot.waitUntil(lambda: any(row["number"] == "Original 3-3" for row in page.scenes.model.rows))
    select_scene(page, "Original 3-3")
    assert page.scene_text.toPlainText().startswith("Cut in adaptation")
    window.workspace.undo_stack.redo()  # 3-3 is 6-1's again: its row of its own is gone
    qtbot.waitUntil(lambda: all(row["number"] != "Original 3-3" for row in page.scenes.model.rows))
    assert page.scene_text.toPlainText() == "" and page.original.title.text() == ""
    assert page.current_scene is None and not page.adaptation.isEnabled()


def test_a_changed_original_is_marked_as_reviewed_beside_its_flag_and_undone(qtbot, demo_path):
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    select_scene(page, "5-2")  # approved, then its original changed
    form = page.adaptation
    assert form.reviewed.isVisibleTo(page) and "original changed" in form.flag.text()
    fingerprint = (
        "SELECT approved_original FROM scene_adaptation WHERE scene_id = (SELECT id FROM scene WHERE number = ?)"
    )
    before = query(demo_path, fingerprint, "5-2")
    form.reviewed.click()
    assert query(demo_path, fingerprint, "5-2") != before and adaptation_of(demo_path, "5-2")[0] == "APPROVED"
    qtbot.waitUntil(lambda: form.flag.text() == "" and not form.reviewed.isVisibleTo(page))
    assert window.workspace.undo_stack.undoText() == "Mark scene 5-2 as reviewed"
    window.workspace.undo_stack.undo()
    assert query(demo_path, fingerprint, "5-2") == before
    qtbot.waitUntil(lambda: form.reviewed.isVisibleTo(page))
    select_scene(page, "75-1")  # translated: nothing to review
    assert not form.reviewed.isVisibleTo(page)


def test_a_changed_original_shows_what_changed_since_approval(qtbot, demo_path):
    page = show(window_on(qtbot, demo_path), "script")
    select_scene(page, "5-2")  # approved, then the revision added a line to its original
    view = page.original
    assert view.changes.isVisibleTo(page) and "changes since approval" in view.title.text()
    lines = view.text.toPlainText().split("\n")
    changed = [line for line in lines if line[:1] in "−+"]
    assert changed == ["+ （补一句）我只给你一次机会。"]  # the line the revision added, alone marked
    assert len(view.text.extraSelections()) == 1
    assert view.text.textCursor().block().text() == changed[0]  # scrolled to it
    view.changes.setChecked(False)  # the original as it is now, unmarked
    assert view.text.toPlainText().endswith("我只给你一次机会。") and not view.text.extraSelections()
    select_scene(page, "75-1")  # nothing changed since approval: nothing to show
    assert not view.changes.isVisibleTo(page) and not view.text.extraSelections()


def test_the_import_preview_names_the_approved_scenes_a_revised_original_flags(qtbot, tmp_path):
    from studio import operations
    from studio.storage.db import open_database

    db = two_scripts(tmp_path)
    database = open_database(str(db))
    with database.transaction() as session:
        for (adaptation_id,) in query(db, "SELECT id FROM scene_adaptation WHERE original_scene_id IN (1, 2)"):
            operations.edit(session, "scene_adaptation", adaptation_id, {"status": "APPROVED"})
    database.close()
    revised = tmp_path / "original.txt"  # 1-1's words revised; 1-2 approved, left alone
    revised.write_text(ORIGINAL.replace("签了它，", "签了它吧，"), encoding="utf-8")
    window = window_on(qtbot, db)
    dialog = window.script_import.import_files([revised])
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    assert dialog.changes.text().endswith("Approved, to be flagged as the original changed since: 1-1 (original 1-1)")
    dialog.reject()


def test_to_confirm_shows_only_doubtful_pairs_and_changed_originals(qtbot, demo_path):
    doubt(demo_path, "2-1")
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    page.to_confirm.setChecked(True)
    shown = {page.scenes.proxy.index(row, 0).data() for row in range(page.scenes.proxy.rowCount())}
    assert shown == {"2-1", "5-2", "40-3"}  # the doubtful pair, and the two approved originals changed since
    page.not_approved.setChecked(True)  # both: what is to confirm and not approved (2-1 is approved)
    shown = {page.scenes.proxy.index(row, 0).data() for row in range(page.scenes.proxy.rowCount())}
    assert shown == {"5-2", "40-3"}
    page.to_confirm.setChecked(False)
    page.not_approved.setChecked(False)
    assert page.scenes.proxy.rowCount() == len(page.scenes.model.rows)


def test_the_bilingual_script_is_exported_from_the_page_and_a_wrong_file_refused(qtbot, tmp_path, monkeypatch):
    window = window_on(qtbot, two_scripts(tmp_path))
    page = show(window, "script")
    action = page.buttons["exportBilingual"]
    target, wrong = tmp_path / "script.pdf", tmp_path / "script.txt"
    chosen, suggested = iter([target, wrong]), []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _parent, _title, name, *args, **kwargs: (suggested.append(name), str(next(chosen)), "")[1:],
    )
    action.trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert suggested[0].endswith("/The Contract CEO - bilingual script.pdf")  # under the show's title, as other exports
    text = pdf_text(target, "-layout")
    assert any("日 内 总裁办公室" in line and "INT. CEO'S OFFICE - DAY" in line for line in text.splitlines())
    action.trigger()
    qtbot.waitUntil(lambda: last_refusal(window) is not None, timeout=10000)
    assert "choose a file ending in .pdf" in last_refusal(window).text() and not wrong.exists()


@contextlib.contextmanager
def script_page_in(qtbot, qapp, path, language: str):
    """The Script page of a 1280×800 window on `path`, in `language` (English again after)."""
    install_translators(qapp, language)
    try:
        window = window_on(qtbot, path)
        window.resize(1280, 800)
        yield show(window, "script")
    finally:
        install_translators(qapp, "en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_episodes_approved_column_is_in_view_whole(qtbot, demo_path, qapp, language):
    with script_page_in(qtbot, qapp, demo_path, language) as page:
        qtbot.waitUntil(lambda: page.episodes.view.viewport().width() > 0)
        view = page.episodes.view
        column = next(n for n, c in enumerate(page.episodes.model.columns) if c.key == "approved")
        needed = max(view.sizeHintForColumn(column), view.horizontalHeader().sectionSizeHint(column))
        assert view.columnWidth(column) >= needed  # its heading and its counts (e.g. 7/8) whole
        assert view.columnViewportPosition(column) + view.columnWidth(column) <= view.viewport().width()


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_scenes_adaptation_column_is_in_view_and_a_cut_rows_cells_read_whole(qtbot, demo_path, qapp, language):
    with script_page_in(qtbot, qapp, demo_path, language) as page:
        view, model = page.scenes.view, page.scenes.model
        qtbot.waitUntil(lambda: view.viewport().width() > 0)
        column = {c.key: n for n, c in enumerate(model.columns)}
        adaptation = column["adaptation"]
        assert view.columnViewportPosition(adaptation) + view.columnWidth(adaptation) <= view.viewport().width()
        cut = [n for n, row in enumerate(model.rows) if row["scene_id"] is None]  # Original 3-3 … 68-2
        for key in ("number", "revision", "adaptation"):  # none elided, far down the script too
            needed = max(view.sizeHintForIndex(page.scenes.proxy.index(row, column[key])).width() for row in cut)
            assert view.columnWidth(column[key]) >= needed, key
