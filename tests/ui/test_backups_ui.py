"""Backups in the window: taken on opening and while editing without stopping anyone, restored from
a dialog; a file that cannot be edited (open elsewhere, damaged) offers the way forward."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from studio import operations
from studio.storage.backups import list_backups, take_backup
from studio.storage.instance_lock import InstanceLock
from tests.studio.test_backups import damage
from tests.ui.driving import query, show
from ui.main_window import MainWindow
from ui.restore_dialog import RestoreDialog


def rename(window, title):
    window.workspace.apply(operations.edit, "production", 1, {"title": title}, label="rename")


def wait_for_backups(qtbot, path, count):
    qtbot.waitUntil(lambda: len(list_backups(path)) == count, timeout=10000)
    return list_backups(path)


def test_opening_backs_up_once_in_the_background_and_the_status_bar_says_so(demo_window, demo_path, qtbot):
    [backup] = wait_for_backups(qtbot, demo_path, 1)
    assert backup.reason == "open"
    qtbot.waitUntil(lambda: demo_window.backup_status.text().startswith("Backed up"))
    assert demo_window.backup_status.toolTip() == str(backup.path)
    demo_window.workspace.close()
    assert demo_window.databases.open(str(demo_path))  # nothing changed since: no second backup
    demo_window.statusBar()  # let the open's work finish
    qtbot.wait(200)
    assert len(list_backups(demo_path)) == 1


def test_editing_backs_up_every_few_minutes_only_when_something_changed(qtbot, settings, demo_path):
    settings.qsettings.setValue("backupMinutes", 0.005)  # 0.3 s, for the test
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.databases.open(str(demo_path))
    wait_for_backups(qtbot, demo_path, 1)
    qtbot.wait(800)
    assert len(list_backups(demo_path)) == 1  # the timer ran, nothing was edited
    rename(window, "Edited Title")
    newest = wait_for_backups(qtbot, demo_path, 2)[0]
    assert newest.reason == "editing" and newest.contents()[0].title == "Edited Title"
    window.workspace.close()


def test_back_up_now_and_restore_from_the_dialog(demo_window, demo_path, qtbot):
    wait_for_backups(qtbot, demo_path, 1)
    rename(demo_window, "Before the accident")
    demo_window.backup_now_action.trigger()
    manual = wait_for_backups(qtbot, demo_path, 2)[0]
    assert manual.reason == "manual"
    rename(demo_window, "The accident")
    demo_window.databases.restore_action.trigger()
    dialog = demo_window.findChild(RestoreDialog, "restoreDialog")
    assert dialog.table.rowCount() == 2
    assert "The Contract Bride: 80 episodes, 482 scenes" in dialog.table.item(1, 3).text()
    assert dialog.table.item(0, 1).text() == "by hand"
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert query(demo_path, "select title from production") == [("Before the accident",)]
    assert demo_window.production_switcher.currentText().startswith("Before the accident")
    assert "Restored" in demo_window.statusBar().currentMessage()
    assert not demo_window.workspace.undo_stack.canUndo()
    assert not InstanceLock(demo_path).acquire()  # the window still holds the restored file
    kept = [b for b in list_backups(demo_path) if b.reason == "before-restore"]
    assert [b.contents()[0].title for b in kept] == ["The accident"]


def test_a_second_window_on_the_same_file_is_offered_read_only(demo_window, demo_path, qtbot, settings):
    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    assert not second.databases.open(str(demo_path))
    box = second.findChild(QMessageBox, "openProblem")
    assert "is open in another Cliffhanger window" in box.text()
    read_only = next(b for b in box.findChildren(QPushButton) if b.text() == "Open Read-Only")
    read_only.click()
    assert second.workspace.read_only
    assert second.windowTitle().endswith("read-only") and second.read_only_status.isVisibleTo(second)
    assert not second.backup_now_action.isEnabled()
    assert not second.databases.restore_action.isEnabled()  # never swap the file under the window editing it
    crew = show(second, "crew").crew
    assert not crew.model.flags(crew.model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    for key in ("schedule", "budget", "callsheets"):  # pages that store what they derive, on opening
        show(second, key)
    assert second.findChild(QMessageBox, "refusal") is None
    rename(demo_window, "Changed in the first window")
    try:
        rename(second, "Changed in the second")
    except Exception as error:  # noqa: BLE001 - the refusal is what is tested
        assert "open read-only: nothing can be changed" in str(error)
    else:
        raise AssertionError("a read-only window saved an edit")
    assert query(demo_path, "select title from production") == [("Changed in the first window",)]
    second.workspace.close()


def test_a_damaged_file_offers_its_backups(window, demo_path, qtbot):
    take_backup(demo_path, "manual")
    damage(demo_path)
    assert not window.databases.open(str(demo_path))
    box = window.findChild(QMessageBox, "openProblem")
    assert "is damaged" in box.text()
    next(b for b in box.findChildren(QPushButton) if b.text() == "Restore from Backup…").click()
    dialog = window.findChild(RestoreDialog, "restoreDialog")
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert window.workspace.database is not None and window.workspace.database.path == demo_path
    assert window.page("script").scenes.model.rowCount() > 400
