"""Saying why something was refused, from a dialog: a warning over it that does not block (one per dialog,
showing the latest reason), found by tests as the page's are (object name "refusal")."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def refuse(parent: QWidget, message: str) -> QMessageBox:
    box = parent.findChild(QMessageBox, "refusal")
    if box is None:
        box = QMessageBox(QMessageBox.Icon.Warning, parent.windowTitle(), "", QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("refusal")
    box.setText(message)
    box.open()
    return box
