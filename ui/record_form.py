"""A details form for one row: every field the table has no room for, each edit one undo step.

Fields commit when the user leaves them (or picks from a list); a refused value is explained and the
field shows what is stored again. Undo and redo update the form wherever the change came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from studio import operations
from studio.changes import Changes
from studio.edits import EDITABLE
from studio.errors import ChangedElsewhere, UserError
from studio.money import Money
from ui.form_dialog import literal
from ui.workspace import Workspace


@dataclass
class FormField:
    name: str
    label: str
    kind: str = "text"  # text, notes or choice
    choices: Callable[[], list[tuple[Any, str]]] | None = None
    placeholder: str = ""
    money: bool = False  # hidden from a login that may not read rates, and never read for it
    # A value shown otherwise than it is stored (temperatures in other units, standard words and languages
    # in Chinese): the text shown for the stored value, and the value to store for the text typed (may
    # raise UserError).
    shown: Callable[[Any], str] | None = None
    entered: Callable[[str], Any] | None = None


class NotesEdit(QPlainTextEdit):
    """Multi-line text that commits when the user leaves it, like a line edit."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().focusOutEvent(event)
        self.editingFinished.emit()


def field_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return str(value.amount)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


class RecordForm(QScrollArea):
    refused = Signal(str)

    def __init__(self, workspace: Workspace, entity: str, fields: list[FormField], parent=None):
        super().__init__(parent)
        self.setObjectName(f"{entity}Form")
        self.workspace, self.entity, self.fields = workspace, entity, {f.name: f for f in fields}
        self.row_id: int | None = None
        self.stored: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}
        body = QWidget(self)
        self.form_layout = layout = QFormLayout()
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        column = QVBoxLayout(body)  # the rows at the top, however tall the form is (a few, for the crew)
        column.addLayout(layout)
        column.addStretch(1)
        for spec in fields:
            editor = self._editor(spec)
            editor.setObjectName(spec.name)
            self.editors[spec.name] = editor
            layout.addRow(literal(spec.label), editor)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.show_record(None)
        workspace.changed.connect(self._follow)

    def _editor(self, spec: FormField) -> QWidget:
        if spec.kind == "choice":
            editor = QComboBox(self)
            editor.activated.connect(lambda _=None, name=spec.name: self.commit(name, editor.currentData()))
            return editor
        editor = NotesEdit(self) if spec.kind == "notes" else QLineEdit(self)
        if spec.kind == "notes":
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(64)
            editor.editingFinished.connect(lambda name=spec.name: self.commit(name, editor.toPlainText()))
        else:
            editor.editingFinished.connect(lambda name=spec.name: self.commit(name, editor.text()))
        return editor

    def show_record(self, row_id: int | None) -> None:
        """Show one row's fields (None: an empty, disabled form)."""
        self.row_id = row_id
        model = EDITABLE[self.entity][0]
        self.stored = {}
        self.version = None  # the row's, as shown: an edit after a colleague's save is refused
        shown = self._shown_fields()
        if row_id is not None and self.workspace.database is not None:
            row = self.workspace.read(lambda session: session.get(model, row_id))
            if row is None:
                self.row_id = None
            else:
                self.stored = {name: getattr(row, name) for name in shown}
                self.version = row.version
        enabled = self.row_id is not None
        self.widget().setEnabled(enabled)
        for name, spec in self.fields.items():
            editor = self.editors[name]
            self.form_layout.setRowVisible(editor, name in shown)
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                # A hint in an empty, disabled form would read as data.
                editor.setPlaceholderText(spec.placeholder if enabled and not self.workspace.read_only else "")
                editor.setReadOnly(self.workspace.read_only)  # still selectable, to copy a phone number
            else:
                editor.setEnabled(not self.workspace.read_only)
            self._show(name)

    def _shown_fields(self) -> list[str]:
        sees_money = self.workspace.sees_money
        return [name for name, spec in self.fields.items() if sees_money or not spec.money]

    def commit(self, name: str, value: Any) -> None:
        if self.row_id is None:
            return
        current, spec = self.stored.get(name), self.fields[name]
        if value == current or (isinstance(value, str) and value.strip() == self._text(name, current)):
            return
        label = self.tr("Edit %1").replace("%1", spec.label)
        try:
            if spec.entered is not None:
                value = spec.entered(value)
                if value == current:  # "21°C" typed over 21: the same stored °F
                    self._show(name)
                    return
            args = (self.entity, self.row_id, {name: value}, self.version)
            self.workspace.apply(operations.edit, *args, label=label)
        except UserError as error:
            if isinstance(error, ChangedElsewhere):
                self.show_record(self.row_id)  # the colleague's change
            self._show(name)
            self.refused.emit(str(error))

    def _follow(self, changes: Changes) -> None:
        if self.row_id in changes.ids(self.entity):
            self.show_record(self.row_id)  # all fields: a currency change re-states the amounts

    def _show(self, name: str) -> None:
        editor, value = self.editors[name], self.stored.get(name)
        if isinstance(editor, QComboBox):
            editor.blockSignals(True)
            editor.clear()
            for data, label in self.fields[name].choices():
                editor.addItem(label, data)
            if self.row_id is None:
                editor.setCurrentIndex(-1)
            else:
                editor.setCurrentIndex(max(editor.findData(value), 0))
            editor.blockSignals(False)
        elif isinstance(editor, QPlainTextEdit):
            if editor.toPlainText() != self._text(name, value):
                editor.setPlainText(self._text(name, value))
        else:
            editor.setText(self._text(name, value))
            editor.setCursorPosition(0)

    def _text(self, name: str, value: Any) -> str:
        shown = self.fields[name].shown
        return shown(value) if shown is not None and value is not None else field_text(value)

    def relabel(self, name: str, label: str, **changes) -> None:
        """Give a field another label (and `shown`/`entered`), showing its value again: e.g. °C for °F."""
        spec = self.fields[name]
        spec.label = label
        for key, value in changes.items():
            setattr(spec, key, value)
        self.form_layout.labelForField(self.editors[name]).setText(literal(label))
        self._show(name)


def with_none(choices: list[tuple[Any, str]], label: str) -> list[tuple[Any, str]]:
    """A list to pick from that starts with "none"."""
    return [(None, label), *choices]
