"""A dialog over a short list of a production's rows (pay presets, departments): add, remove, edit; undoable."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from studio import operations
from studio.errors import ChangedElsewhere, UserError
from ui.record_form import FormField, RecordForm
from ui.table import Column, RecordTable, RecordTableModel, remove_rows, seen
from ui.workspace import Workspace


class RowListDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        entity: str,
        columns: list[Column],
        rows: Callable[..., list[dict[str, Any]]],
        new_row: Callable[[], dict[str, Any]],
        fields: list[FormField] | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self.workspace, self.entity, self.rows, self.new_row = workspace, entity, rows, new_row
        self.table = RecordTable(RecordTableModel(workspace, columns, self), self)
        self.table.search.hide()
        self.table.model.editRefused.connect(self.refuse)
        self.form = RecordForm(workspace, entity, fields, self) if fields else None
        if self.form:
            self.form.refused.connect(self.refuse)
        self.table.view.selectionModel().selectionChanged.connect(self._selected)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.buttons = QHBoxLayout()
        self.add_button(self.tr("Add"), self.add, "addRow")
        self.add_button(self.tr("Remove"), self.remove, "removeRow")
        self.buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        self.buttons.addWidget(close)
        body = QSplitter(Qt.Orientation.Horizontal, self)
        body.addWidget(self.table)
        if self.form:
            body.addWidget(self.form)
            body.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(body, 1)
        layout.addLayout(self.buttons)
        self.reload()
        if self.table.model.rows:
            self.table.select_ids([self.table.model.rows[0]["id"]])

    def add_button(self, text: str, slot: Callable[[], None], name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.buttons.insertWidget(max(self.buttons.count() - 2, 0), button)
        return button

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def reload(self) -> None:
        self.table.set_rows(self.workspace.read(self.rows, self.workspace.production_id))
        self._selected()

    def _selected(self) -> None:
        if self.form:
            rows = self.table.selected_rows()
            self.form.show_record(rows[0]["id"] if len(rows) == 1 else None)

    def add(self) -> None:
        owner = {"production_id": self.workspace.production_id}
        try:
            label = self.tr("Add to %1").replace("%1", self.windowTitle())
            changes = self.workspace.apply(operations.add, self.entity, owner, self.new_row(), label=label)
        except UserError as error:
            self.refuse(str(error))
            return
        self.reload()
        self.table.select_ids(list(changes.ids(self.entity)))

    def remove(self) -> None:
        rows = self.table.selected_rows()
        label = self.tr("Remove %1").replace("%1", rows[0]["name"]) if rows else ""
        try:
            remove_rows(self.workspace, self.entity, [(row["id"], seen(row, self.entity)) for row in rows], label)
        except ChangedElsewhere as error:
            self.reload()  # the colleague's change
            self.refuse(str(error))
            return
        self.reload()

    def refuse(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), message)
