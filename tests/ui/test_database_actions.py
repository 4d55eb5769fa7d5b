"""Where the data lives, handled apart from the window: File → Open Recent, opening and forgetting."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ui.database_actions import DatabaseActions
from ui.workspace import Workspace


def test_open_recent_offers_what_was_opened_and_forgets_a_file_that_is_gone(qtbot, settings, demo_path, tmp_path):
    """No main window: a parent for the dialogs, the workspace, the settings and two ways to speak."""
    parent = QWidget()
    qtbot.addWidget(parent)
    workspace = Workspace(parent)
    errors, told = [], []
    databases = DatabaseActions(
        parent, workspace, settings, show_error=lambda title, message: errors.append(message), tell=told.append
    )
    recent = databases.add_recent_menu(QMenu(parent))
    assert databases.open(str(demo_path))
    workspace.close()

    recent.aboutToShow.emit()
    (opened,) = recent.actions()
    assert opened.text() == str(demo_path)
    opened.trigger()
    assert workspace.database is not None and workspace.database.path == demo_path

    gone = tmp_path / "gone.sqlite"
    settings.remember_database(str(gone))
    assert not databases.open(str(gone))
    assert parent.findChild(QMessageBox, "openProblem") is not None  # why, said once
    assert workspace.database.path == demo_path  # what was open stays open
    recent.aboutToShow.emit()
    assert [action.text() for action in recent.actions()] == [str(demo_path)]
    assert errors == told == []
    workspace.close()
