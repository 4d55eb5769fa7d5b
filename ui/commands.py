"""Undo commands: each calls a studio operation one way on redo and the other way on undo.

A command is pushed only after its operation has succeeded once. If undoing or redoing it later
fails (the data changed under it, the disk is full), nothing is half-done: the operation's
transaction rolled back, the command leaves the stack, and the workspace says why.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from studio.breakdown import Tag
from studio.edits import FieldChange
from studio.errors import UserError
from studio.productions import ProductionDetails, create_production, delete_production
from studio.records import Removal
from studio.schedule.strips import Placement
from studio.storage.snapshots import discard_snapshot

if TYPE_CHECKING:
    from ui.workspace import Workspace


class AppliedCommand(QUndoCommand):
    """A command whose first redo already happened when it was pushed."""

    def __init__(self, workspace: Workspace, label: str):
        super().__init__(label)
        self.workspace = workspace
        self._skip_first_redo = True

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        self._attempt(self.apply)

    def undo(self) -> None:
        self._attempt(self.revert)

    def _attempt(self, step: Callable[[], None]) -> None:
        try:
            step()
        except UserError as error:
            self.setObsolete(True)
            self.workspace.operationFailed.emit(str(error))

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class StepCommand(AppliedCommand):
    """Several commands made as one step (Workspace.one_step): undone and redone in one transaction."""

    def __init__(self, workspace: Workspace, commands: list[AppliedCommand], label: str):
        super().__init__(workspace, label)
        self.commands = commands

    def apply(self) -> None:
        with self.workspace.together():
            for command in self.commands:
                command.apply()

    def revert(self) -> None:
        with self.workspace.together():
            for command in reversed(self.commands):
                command.revert()


class EditFieldsCommand(AppliedCommand):
    """Fields of one row edited together (one cell, or a details dialog)."""

    def __init__(self, workspace: Workspace, changes: list[FieldChange], label: str):
        super().__init__(workspace, label)
        self.changes = changes

    def apply(self) -> None:
        self.workspace.restore_fields(self.changes, to_new=True)

    def revert(self) -> None:
        self.workspace.restore_fields(self.changes, to_new=False)


class CreateProductionCommand(AppliedCommand):
    """A new production; undo deletes it, redo recreates it under the same id."""

    def __init__(
        self, workspace: Workspace, details: ProductionDetails, production_id: int, previous: int | None, label: str
    ):
        super().__init__(workspace, label)
        self.details = details
        self.production_id = production_id
        self.previous_production_id = previous

    def apply(self) -> None:
        self.workspace.write(create_production, self.details, self.production_id)
        self.workspace.productionsChanged.emit()
        self.workspace.set_production(self.production_id)

    def revert(self) -> None:
        self.workspace.write(delete_production, self.production_id)
        self.workspace.productionsChanged.emit()
        self.workspace.set_production(self.previous_production_id)


class SnapshotCommand(AppliedCommand):
    """An operation too large to reverse row by row: undo and redo restore whole-database snapshots."""

    def __init__(self, workspace: Workspace, before: Path, after: Path, label: str):
        super().__init__(workspace, label)
        self.before, self.after = before, after
        weakref.finalize(self, discard_snapshot, before)
        weakref.finalize(self, discard_snapshot, after)

    def apply(self) -> None:
        self.workspace.restore(self.after)

    def revert(self) -> None:
        self.workspace.restore(self.before)


class TagCommand(AppliedCommand):
    """An element tagged in (or taken out of) a scene."""

    def __init__(self, workspace: Workspace, tag: Tag, added: bool, label: str):
        super().__init__(workspace, label)
        self.tag, self.added = tag, added

    def apply(self) -> None:
        self.workspace.apply_tag(self.tag, present=self.added)

    def revert(self) -> None:
        self.workspace.apply_tag(self.tag, present=not self.added)


class RowCommand(AppliedCommand):
    """A row added (undo removes it) or removed (undo puts it back, with all that went with it)."""

    def __init__(self, workspace: Workspace, entity: str, row_id: int, removal: Removal | None, label: str):
        super().__init__(workspace, label)
        self.entity, self.row_id, self.removal = entity, row_id, removal
        self.added = removal is None

    def apply(self) -> None:
        self._set_present(self.added)

    def revert(self) -> None:
        self._set_present(not self.added)

    def _set_present(self, present: bool) -> None:
        if present:
            self.workspace.put_back(self.removal)
        else:
            self.removal = self.workspace.take_out(self.entity, self.row_id)


class PlacementCommand(AppliedCommand):
    """Strips moved (a drag, or a whole optimized schedule): undo puts each back where it was, and redo
    where the move put it, each only from the version the last of them left (`Placement.version`): a
    strip a colleague has moved since stays where they put it."""

    def __init__(self, workspace: Workspace, previous: list[Placement], label: str):
        super().__init__(workspace, label)
        self.other = previous

    def apply(self) -> None:
        self._swap()

    def revert(self) -> None:
        self._swap()

    def _swap(self) -> None:
        self.other = self.workspace.place_strips(self.other)


class LockCommand(AppliedCommand):
    """Strips locked or unlocked; undo and redo are made only from the versions the last change left
    (a strip someone else has saved since keeps their change)."""

    def __init__(self, workspace: Workspace, versions: dict[int, int], locked: bool, label: str):
        super().__init__(workspace, label)
        self.versions, self.locked = versions, locked

    def apply(self) -> None:
        self.versions = self.workspace.set_locks(self.versions, self.locked)

    def revert(self) -> None:
        self.versions = self.workspace.set_locks(self.versions, not self.locked)
