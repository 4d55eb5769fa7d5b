"""A sidebar page: loads its rows when first shown and again when the production changes."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from ui.table import Column, RecordTable, RecordTableModel
from ui.workspace import Workspace


class Page(QWidget):
    key = ""
    # Kinds of rows whose changes alter what this page derives from them (e.g. names joined into a
    # list, element counts): a change of one reloads the page (now if shown, else when next shown).
    stale_on: frozenset[str] = frozenset()

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self._stale = True
        self.summary = QLabel(self)
        self.summary.setObjectName("pageSummary")
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.summary)
        self.tables: list[RecordTable] = []
        workspace.productionChanged.connect(self.mark_stale)
        workspace.entitiesChanged.connect(lambda entities: self.stale_on & entities and self.mark_stale())

    def title(self) -> str:
        raise NotImplementedError

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible() or self.workspace.production_id is None:
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        if self.workspace.database is None or self.workspace.production_id is None:
            for table in self.tables:
                table.set_rows([])
            self.summary.clear()
            return
        self.load(self.workspace.production_id)

    def load(self, production_id: int) -> None:
        raise NotImplementedError

    def table(self, columns: list[Column]) -> RecordTable:
        table = RecordTable(RecordTableModel(self.workspace, columns, self), self)
        table.model.editRefused.connect(self.show_refusal)
        self.tables.append(table)
        return table

    def splitter(self, name: str, orientation, *widgets: QWidget) -> QSplitter:
        splitter = QSplitter(orientation, self)
        splitter.setObjectName(name)
        splitter.setChildrenCollapsible(False)
        for widget in widgets:
            splitter.addWidget(widget)
        return splitter

    def show_refusal(self, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not saved"), message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("refusal")
        box.open()
