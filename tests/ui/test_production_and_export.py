"""Production details (one undo step for the whole dialog), the dialog's refusals, the database copy."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ui.production_dialog import ProductionDialog


def answer_dialog(fill) -> None:
    """Fill the modal dialog the next action opens, on the event loop's next turn."""

    def act():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        fill(dialog)

    QTimer.singleShot(0, act)


def test_production_details_edit_is_one_undoable_step(demo_window, demo_path):
    def fill(dialog):
        dialog.title.setText("The Contract Bride (US cut)")
        dialog.company.setText("Redline Shorts International")
        dialog.accept()

    answer_dialog(fill)
    demo_window.details_action.trigger()
    with sqlite3.connect(demo_path) as connection:
        assert connection.execute("select title, company from production").fetchone() == (
            "The Contract Bride (US cut)",
            "Redline Shorts International",
        )
    assert demo_window.production_switcher.currentText() == "The Contract Bride (US cut) / 契约新娘"
    assert demo_window.workspace.undo_stack.count() == 1

    demo_window.undo_action.trigger()
    with sqlite3.connect(demo_path) as connection:
        assert connection.execute("select title, company from production").fetchone() == (
            "The Contract Bride",
            "Redline Shorts LLC",
        )
    assert "The Contract Bride / 契约新娘" in demo_window.windowTitle()


def test_the_dialog_keeps_itself_open_and_explains_bad_input(qtbot):
    dialog = ProductionDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Night Shift")
    dialog.currency.setCurrentText("DOLLARS")
    dialog.accept()
    assert dialog.isVisible() and "unknown currency" in dialog.error.text()
    dialog.currency.setCurrentText("EUR")
    dialog.hq_timezone.setCurrentText("Beijing time")
    dialog.accept()
    assert dialog.isVisible() and "unknown time zone" in dialog.error.text()
    dialog.hq_timezone.setCurrentText("Asia/Shanghai")
    dialog.accept()
    assert not dialog.isVisible() and dialog.details().validated().base_currency == "EUR"


def test_export_a_copy_of_the_database(demo_window, tmp_path, monkeypatch):
    target = tmp_path / "for-the-line-producer.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    demo_window.databases.export_copy_action.trigger()
    with sqlite3.connect(target) as copy:
        assert copy.execute("select count(*) from scene").fetchone()[0] > 400
        assert copy.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_the_app_can_start_on_a_chosen_production(window, demo_path):
    from studio import operations
    from studio.cli import build_parser
    from studio.productions import ProductionDetails
    from ui.app import open_start_database

    assert window.databases.open(str(demo_path))
    made = window.workspace.apply(operations.create_production, ProductionDetails("Second Series"), label="new")
    (second,) = made.ids("production")
    window.workspace.close()

    open_start_database(window, build_parser().parse_args(["--db", str(demo_path), "--production", "1"]))
    assert window.workspace.production_id == 1
    open_start_database(window, build_parser().parse_args(["--db", str(demo_path), "--production", str(second)]))
    assert window.production_switcher.currentText() == "Second Series"
    open_start_database(window, build_parser().parse_args(["--db", str(demo_path), "--production", "77"]))
    box = window.findChild(QMessageBox, "errorMessage")
    assert box is not None and "no production with id 77" in box.text()
