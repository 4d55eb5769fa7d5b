"""The open database, the production in view and the undo stack, shared by every page.

Every change goes through here: a studio operation runs in one transaction, then a signal says what
changed so each view refreshes only itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlmodel import Session

from studio.db import Database, open_database
from studio.edits import FieldChange, set_field
from studio.productions import list_productions
from ui.commands import EditFieldCommand

T = TypeVar("T")


class Workspace(QObject):
    databaseChanged = Signal()
    productionChanged = Signal()
    productionsChanged = Signal()
    fieldChanged = Signal(object)  # a studio.edits.FieldChange

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.database: Database | None = None
        self.production_id: int | None = None
        self.undo_stack = QUndoStack(self)

    def open(self, path_or_url: str, *, create: bool = False) -> None:
        """Open a database (raises studio.errors.UserError); keeps the old one if that fails."""
        database = open_database(path_or_url, create=create)
        if self.database is not None:
            self.database.close()
        self.database = database
        self.undo_stack.clear()
        productions = self.read(list_productions)
        self.production_id = productions[0].id if productions else None
        self.databaseChanged.emit()
        self.productionsChanged.emit()
        self.productionChanged.emit()

    def close(self) -> None:
        if self.database is not None:
            self.database.close()
            self.database = None

    def set_production(self, production_id: int | None) -> None:
        if production_id != self.production_id:
            self.production_id = production_id
            self.productionChanged.emit()

    def read(self, query: Callable[..., T], *args: Any) -> T:
        """Run a read-only studio query: query(session, *args)."""
        assert self.database is not None
        with self.database.session() as session:
            return query(session, *args)

    def write(self, operation: Callable[..., T], *args: Any) -> T:
        """Run a studio operation in one transaction: operation(session, *args)."""
        assert self.database is not None
        with self.database.transaction() as session:
            return operation(session, *args)

    def edit_field(self, entity: str, row_id: int, field: str, value: Any, label: str) -> FieldChange:
        """Apply an inline edit and put it on the undo stack (raises InvalidInput, storing nothing)."""
        change = self.write(set_field, entity, row_id, field, value)
        if change.old != change.new:
            self.undo_stack.push(EditFieldCommand(self, change, label))
            self.announce(change)
        return change

    def apply_field(self, change: FieldChange, value: Any) -> None:
        """Set a field to a known-good value (undo/redo) and tell the views."""
        applied = self.write(set_field, change.entity, change.row_id, change.field, value)
        self.announce(applied)

    def announce(self, change: FieldChange) -> None:
        self.fieldChanged.emit(change)
        if change.entity == "production":
            self.productionsChanged.emit()

    def session(self) -> Session:
        assert self.database is not None
        return self.database.session()
