"""What small entry dialogs share: their fields in a form, with OK and Cancel under them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QWidget


def date_edit(parent: QWidget, day: dt.date) -> QDateEdit:
    """A date field with a calendar to pick from, written as ISO dates are (2027-01-11)."""
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def form_with_buttons(dialog: QDialog, rows: list[tuple[str, QWidget]]) -> QFormLayout:
    """The dialog's layout: a labelled row per field, then OK (accept) and Cancel (reject)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form = QFormLayout(dialog)
    for label, field in rows:
        form.addRow(label, field)
    form.addRow(buttons)
    return form
