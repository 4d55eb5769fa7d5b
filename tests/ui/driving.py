"""Driving the window as a person would, and reading the database file behind it."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QLineEdit, QMessageBox

from ui.main_window import MainWindow
from ui.settings import AppSettings


def query(path, sql, *args):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql, args).fetchall()


def window_on(qtbot, path_or_url):
    """A main window, shown, on a database file or server."""
    window = MainWindow(AppSettings.ephemeral())
    qtbot.addWidget(window)
    window.show()
    assert window.databases.open(str(path_or_url))
    return window


def show(window, key):
    window.show_page(window.page_keys.index(key))
    return window.page(key)


def last_refusal(window) -> QMessageBox | None:
    boxes = window.findChildren(QMessageBox, "refusal")
    return boxes[-1] if boxes else None


def commit_line(form, field, text):
    editor: QLineEdit = form.editors[field]
    editor.setText(text)
    editor.editingFinished.emit()
