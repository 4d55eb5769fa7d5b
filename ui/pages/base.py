"""A sidebar page: loads its rows when first shown and again when the production changes, and decides
from what each change changed (studio.changes.Changes) what to redraw."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from studio import operations
from studio.changes import Changes
from studio.errors import UserError
from ui.background import run_in_background
from ui.table import Column, RecordTable, RecordTableModel, remove_rows, seen
from ui.workspace import Workspace


class Page(QWidget):
    key = ""
    # Kinds of rows whose changes alter what this page derives from them (e.g. names joined into a
    # list, element counts): a change of one reloads the page (now if shown, else when next shown).
    stale_on: frozenset[str] = frozenset()
    reading_actions: frozenset[str] = frozenset()  # toolbar actions that change nothing (exports)

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self._stale = True
        self._pending: Changes | None = None  # changes announced since this turn of the event loop began
        self._refusal: QMessageBox | None = None
        self._outcome: QMessageBox | None = None
        self.buttons: dict[str, QAction] = {}
        self.summary = QLabel(self)
        self.summary.setObjectName("pageSummary")
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.summary)
        self.tables: list[RecordTable] = []
        workspace.productionChanged.connect(self.mark_stale)
        workspace.changed.connect(self._changed)
        workspace.changedElsewhere.connect(self._changed_elsewhere)

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible() or self.workspace.production_id is None:
            self.refresh()

    def _changed(self, changes: Changes) -> None:
        # Redrawn on the next event-loop turn, from every change made until then: the change may come
        # from inside one of this page's own models (a cell being committed), and several cost one redraw.
        if self._pending is None:
            self._pending = changes
            QTimer.singleShot(0, self._redraw_pending)
        else:
            self._pending = self._pending.then(changes)

    def _redraw_pending(self) -> None:
        changes, self._pending = self._pending, None
        if changes is not None:
            self.redraw(changes)

    def redraw(self, changes: Changes) -> None:
        """Show what `changes` changed: here, a reload (now if shown, else when next shown) when they touch
        a kind of row the page derives what it shows from (`stale_on`)."""
        if changes.touches(self.stale_on):
            self._stale = True
            self._refresh_if_stale()

    def _changed_elsewhere(self) -> None:
        self._stale = True
        QTimer.singleShot(0, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        self._redraw_pending()  # changes made just before it is shown are shown at once
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        for name, action in self.buttons.items():  # a read-only window offers no change it would refuse
            action.setEnabled(name in self.reading_actions or not self.workspace.read_only)
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

    def toolbar(self, actions: list[tuple[str, str, Callable[[], None]]]) -> QToolBar:
        """The page's actions (object name, text, slot), kept in self.buttons by object name; on a
        narrow window the ones that do not fit move into the toolbar's overflow menu."""
        bar = QToolBar(self)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name, text, slot in actions:
            action = bar.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.buttons[name] = action
        return bar

    def add_spacer(self, bar: QToolBar) -> None:
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)

    @staticmethod
    def selected_id(table: RecordTable) -> int | None:
        """The id of the one row selected (None for none or several)."""
        rows = table.selected_rows()
        return rows[0]["id"] if len(rows) == 1 else None

    def add_and_edit(
        self, table: RecordTable, details, entity: str, values: dict[str, Any], field: str, label: str
    ) -> None:
        """Add a row of the production, select it and put the cursor in its first field."""
        owner = {"production_id": self.workspace.production_id}
        changes = self.workspace.apply(operations.add, entity, owner, values, label=label)
        self.refresh()
        table.select_ids(list(changes.ids(entity)))
        details.edit(field)

    def remove_selected(self, table: RecordTable, entity: str) -> None:
        rows = table.selected_rows()
        if rows:
            label = self.tr("Remove %1").replace("%1", rows[0]["name"])
            remove_rows(self.workspace, entity, [(row["id"], seen(row, entity)) for row in rows], label)

    def splitter(self, name: str, orientation, *widgets: QWidget) -> QSplitter:
        splitter = QSplitter(orientation, self)
        splitter.setObjectName(name)
        splitter.setChildrenCollapsible(False)
        for widget in widgets:
            splitter.addWidget(widget)
        return splitter

    def run_task(self, label: str, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """Slow work off the GUI thread; a refusal is explained, a fault goes to the crash handler."""
        run_in_background(self, label, work, on_done, self._task_failed)

    def _task_failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            self.show_refusal(str(error))
        else:
            sys.excepthook(type(error), error, error.__traceback__)

    def export_file(self, title: str, suggested_name: str, file_filter: str, writer: Callable[..., Path]) -> None:
        """Ask where to save, then write `writer(session, production_id, path)` in the background."""
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / suggested_name), file_filter)
        if not path:
            return
        production_id = self.workspace.production_id
        self.run_task(
            self.tr("Writing %1…").replace("%1", Path(path).name),
            lambda: self.workspace.read(writer, production_id, Path(path)),
            lambda written: self.tell(self.tr("Wrote %1").replace("%1", str(written))),
        )

    def tell(self, message: str) -> None:
        self.window().statusBar().showMessage(message, 15000)

    def show_refusal(self, message: str) -> None:
        """Say why something was not saved; one box per page, showing the latest reason."""
        if self._refusal is None:
            self._refusal = self._box(QMessageBox.Icon.Warning, self.tr("Not saved"), "refusal")
        self._refusal.setText(message)
        self._refusal.open()

    def show_outcome(self, title: str, message: str) -> None:
        """Say what a long task did, in a box that stays until read (a status line would cut it short and
        go); the status bar says it too. One box per page, showing the latest."""
        if self._outcome is None:
            self._outcome = self._box(QMessageBox.Icon.Information, "", "outcome")
        self._outcome.setWindowTitle(title)
        self._outcome.setText(message)
        self._outcome.open()
        self.tell(message)

    def _box(self, icon: QMessageBox.Icon, title: str, name: str) -> QMessageBox:
        box = QMessageBox(icon, title, "", QMessageBox.StandardButton.Ok, self)
        box.setObjectName(name)
        return box
