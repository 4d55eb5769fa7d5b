"""Undo commands. A command is pushed only after what it records has been done once.

`ChangeCommand` holds what undoes a step (studio.changes: an operation and its arguments, with the
versions the step left); undoing runs it, which returns what undoes that: the redo. `SnapshotCommand`
puts a whole-database snapshot back, for an operation too large to reverse row by row (an import). If
undoing or redoing fails later (the data changed under it, the disk is full), nothing is half-done: the
transaction rolled back, the person was told why, and the command leaves the stack.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QUndoCommand

from studio.changes import Changes, Step
from studio.storage.snapshots import discard_snapshot


class _DoneCommand(QUndoCommand):
    """A command pushed once its step is done: the first redo (on push) does nothing."""

    def __init__(self, label: str):
        super().__init__(label)
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self.redo_again()

    def redo_again(self) -> None:
        raise NotImplementedError


class ChangeCommand(_DoneCommand):
    """A step made: undo and redo each run the steps the last run left (`run` returns None if refused)."""

    def __init__(self, run: Callable[[tuple[Step, ...]], Changes | None], changes: Changes, label: str):
        super().__init__(label)
        self._run, self._next = run, changes.undo

    def undo(self) -> None:
        self._turn()

    def redo_again(self) -> None:
        self._turn()

    def _turn(self) -> None:
        changes = self._run(self._next)
        if changes is None:
            self.setObsolete(True)
        else:
            self._next = changes.undo


class SnapshotCommand(_DoneCommand):
    """Undo puts back the snapshot from before the operation, redo the one from after (`put_back` returns
    False if refused)."""

    def __init__(self, put_back: Callable[[Path], bool], before: Path, after: Path, label: str):
        super().__init__(label)
        self._put_back, self.before, self.after = put_back, before, after
        weakref.finalize(self, discard_snapshot, before)
        weakref.finalize(self, discard_snapshot, after)

    def redo_again(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)

    def _put(self, snapshot: Path) -> None:
        if not self._put_back(snapshot):
            self.setObsolete(True)
