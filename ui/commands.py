"""Undo commands: each calls a studio operation one way on redo and the other way on undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from studio.edits import FieldChange
from studio.productions import ProductionDetails, create_production, delete_production

if TYPE_CHECKING:
    from ui.workspace import Workspace


class EditFieldCommand(QUndoCommand):
    """One inline edit, already applied when pushed (so a refused value never reaches the stack)."""

    def __init__(self, workspace: Workspace, change: FieldChange, label: str):
        super().__init__(label)
        self.workspace = workspace
        self.change = change
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.workspace.apply_field(self.change, self.change.new)

    def undo(self) -> None:
        self.workspace.apply_field(self.change, self.change.old)


class CreateProductionCommand(QUndoCommand):
    """A new production; undo deletes it, redo recreates it under the same id."""

    def __init__(self, workspace: Workspace, details: ProductionDetails, label: str):
        super().__init__(label)
        self.workspace = workspace
        self.details = details
        self.production_id: int | None = None
        self.previous_production_id = workspace.production_id

    def redo(self) -> None:
        production = self.workspace.write(create_production, self.details, self.production_id)
        self.production_id = production.id
        self.workspace.productionsChanged.emit()
        self.workspace.set_production(self.production_id)

    def undo(self) -> None:
        self.workspace.write(delete_production, self.production_id)
        self.workspace.productionsChanged.emit()
        self.workspace.set_production(self.previous_production_id)
