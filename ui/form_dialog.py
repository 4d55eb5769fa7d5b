"""What small entry dialogs share: their fields in a form, with OK and Cancel under them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QPushButton, QWidget


def date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    """A date field with a calendar to pick from, written as ISO dates are (2027-01-11)."""
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def literal(label: str) -> str:
    """A label shown as written: a form's label takes `&` for a shortcut mark (Hair & makeup read
    "Hair _makeup")."""
    return label.replace("&", "&&")


def form_with_buttons(dialog: QDialog, rows: list[tuple[str, QWidget]]) -> QFormLayout:
    """The dialog's layout: a labelled row per field, then OK (accept) and Cancel (reject)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    for label, field in rows:
        form.addRow(literal(label), field)
    form.addRow(buttons)
    return form


def add_and_remove_buttons(
    parent: QWidget, add: tuple[str, str, Callable[[], None]], remove: tuple[str, str, Callable[[], None]]
) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """An Add… and a Remove button, each (text, object name, slot), left-aligned in a row."""
    row = QHBoxLayout()
    buttons = []
    for text, name, slot in (add, remove):
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        buttons.append(button)
    row.addStretch(1)
    return row, buttons[0], buttons[1]
