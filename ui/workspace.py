"""The open database, the production in view and the undo stack, shared by every page.

Every change goes through here: a studio operation (studio.operations) runs in one transaction and
returns its Changes; the workspace puts them on the undo stack as one step and announces them once,
on `changed`, so each view decides from them what to redraw.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack

from studio.changes import Changes, Step, combined, remember, run_steps
from studio.errors import ChangedElsewhere, OpenElsewhere, UserError
from studio.operations import SCHEDULE_KINDS, schedule_lines_plan, store_schedule_lines
from studio.productions import list_productions
from studio.scripts.importer import ImportResult, import_outline
from studio.scripts.outline import Outline
from studio.storage.backups import restore_backup
from studio.storage.change_watch import ChangeWatch
from studio.storage.db import Database, open_database, sqlite_path, to_url
from studio.storage.instance_lock import InstanceLock
from studio.storage.snapshots import can_snapshot, discard_snapshot, restore_snapshot, take_snapshot
from ui.background import run_quietly
from ui.commands import ChangeCommand, SnapshotCommand

T = TypeVar("T")
WATCH_MILLISECONDS = 2000
# What a change of the schedule changes in the budget is stored this long after the last such change:
# it takes working the whole board out (0.1 s on the demo, a second on 1,200 strips), so a run of drags
# or typed cells is followed once, and off the GUI thread.
FOLLOW_MILLISECONDS = 1000
Snapshots = tuple[Path, Path] | None  # before and after an operation, when the database can snapshot


class Workspace(QObject):
    # The production in view is another one (or none: the database was closed, or opened anew).
    productionChanged = Signal()
    # A studio.changes.Changes: what one step saved here (an operation, its undo or redo) changed.
    changed = Signal(object)
    operationFailed = Signal(str)  # an undo or redo that could not be carried out, and why
    opened = Signal()  # a database was opened (or reopened after a restore)
    # Someone else (a colleague on the server, another window, the command line) saved: views reload.
    changedElsewhere = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.database: Database | None = None
        self.production_id: int | None = None
        self._lock: InstanceLock | None = None
        self._lock_path: Path | None = None
        self._previous_production: int | None = None
        self._step: list[Changes] | None = None  # the changes of the step being made (`one_step`)
        self._left: dict[str, dict[int, int | None]] = {}  # the versions our own changes left rows at
        self._session: Any = None  # its transaction's session
        self._watch: ChangeWatch | None = None
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_MILLISECONDS)
        self.watch_timer.timeout.connect(self.look_for_changes)
        self._following: int | None = None  # the production whose schedule changed, till the budget follows
        self._schedule_changes = 0  # how many changes of the schedule were made here (a plan made before one is stale)
        self._planning = False  # a plan of what follows is being worked out off the GUI thread
        self.follow_timer = QTimer(self)
        self.follow_timer.setSingleShot(True)
        self.follow_timer.setInterval(FOLLOW_MILLISECONDS)
        self.follow_timer.timeout.connect(self.store_what_follows)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(100)  # an import step holds two snapshots of the file

    def open(self, path_or_url: str, *, create: bool = False, read_only: bool = False) -> None:
        """Open a database (raises studio.errors.UserError); keeps the old one if that fails.

        A file opened for editing is locked against other Cliffhanger windows (OpenElsewhere)."""
        path = sqlite_path(to_url(path_or_url))
        lock = self._lock if self._lock is not None and self._lock_path == path else None
        if path is not None and not read_only and lock is None:
            lock = InstanceLock(path)
            if not lock.acquire():
                message = self.tr("%1 is open in another Cliffhanger window; you can open it read-only here")
                raise OpenElsewhere(message.replace("%1", str(path)))
        try:
            database = open_database(path_or_url, create=create, read_only=read_only)
        except Exception:
            if lock is not None and lock is not self._lock:
                lock.release()
            raise
        # Let go of the old one quietly: the views hear once, of the new one.
        self._let_go(keep_lock=lock is not None and lock is self._lock)  # reopened after a restore: kept
        self.database = database
        self._lock, self._lock_path = lock, path
        self._watch = ChangeWatch(database)
        self.watch_timer.start()
        productions = self.read(list_productions)
        self.production_id = productions[0].id if productions else None
        self._previous_production = None
        self.productionChanged.emit()
        self.opened.emit()

    @property
    def read_only(self) -> bool:
        return self.database is not None and self.database.read_only

    @property
    def sees_money(self) -> bool:
        """False for a login the server keeps rates and budgets from: the views leave money out."""
        return self.database is None or self.database.sees_money

    def close(self, *, keep_lock: bool = False) -> None:
        """Let go of the database; every view empties and the undo history goes with it."""
        if self._let_go(keep_lock=keep_lock):
            self.productionChanged.emit()

    def _let_go(self, *, keep_lock: bool) -> bool:
        """Release the lock (unless kept), the database and its undo history; False if none was open."""
        if self._planning or self.follow_timer.isActive():  # what a change made still follows, before it goes
            QThreadPool.globalInstance().waitForDone()
            self.follow_timer.stop()
            self._store_what_follows(self._following, self._schedule_changes, None)
        self._schedule_changes += 1  # a plan still to arrive was for this database: it is dropped
        if self._lock is not None and not keep_lock:
            self._lock.release()
            self._lock = self._lock_path = None
        if self.database is None:
            return False
        self.watch_timer.stop()
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self.database.close()
        self.database = None
        self.production_id = None
        self.undo_stack.clear()
        self._left = {}
        return True

    def restore_backup(self, database_path: Path, backup: Path) -> Path | None:
        """Put a backup in a database file's place and open it; returns where the old state was kept.

        The open database is closed first but its lock kept, so no other window slips in between."""
        if self.database is not None and self.database.path == database_path:
            read_only = self.database.read_only
            self.close(keep_lock=True)
        else:
            read_only = False
        if self._lock_path != database_path:
            self.close()
            lock = InstanceLock(database_path)
            if not lock.acquire():
                message = self.tr("%1 is open in another Cliffhanger window; close it there first")
                raise OpenElsewhere(message.replace("%1", str(database_path)))
            self._lock, self._lock_path = lock, database_path
        try:
            kept = restore_backup(database_path, backup)
        except UserError:
            with contextlib.suppress(UserError):
                self.open(str(database_path), read_only=read_only)
            raise
        self.open(str(database_path), read_only=read_only)
        return kept

    def look_for_changes(self) -> None:
        """Every few seconds, and when the window comes back to the front: reload what others saved."""
        if self._watch is None or self._step is not None or not self._watch.look():
            return
        productions = [p.id for p in self.read(list_productions)]
        if self.production_id not in productions:
            self.set_production(productions[0] if productions else None)
        self.changedElsewhere.emit()

    def set_production(self, production_id: int | None) -> None:
        if production_id != self.production_id:
            self._previous_production, self.production_id = self.production_id, production_id
            self.productionChanged.emit()

    def read(self, query: Callable[..., T], *args: Any) -> T:
        """Run a read-only studio query: query(session, *args)."""
        assert self.database is not None
        with self.database.reading() as session:
            return query(session, *args)

    def write(self, operation: Callable[..., T], *args: Any) -> T:
        """Run a studio operation in one transaction: operation(session, *args) (inside `one_step`, in
        the step's transaction); nothing goes on the undo stack. Refused because someone else saved
        first, the views reload."""
        assert self.database is not None
        if self._step is not None:
            return operation(self._session, *args)
        try:
            with self.database.transaction() as session:
                return operation(session, *args)
        except ChangedElsewhere:
            self.changedElsewhere.emit()  # refused for a colleague's save: the views show theirs
            raise

    def apply(self, operation: Callable[..., Changes], *args: Any, label: str) -> Changes:
        """Run a studio operation (studio.operations: operation(session, *args) -> Changes) in one
        transaction, put it on the undo stack as one step named `label` and announce what it changed.
        Refused (UserError), nothing is saved, pushed or announced. Inside `one_step`, it is part of that
        step: saved, pushed and announced with it."""
        changes = self.write(operation, *args)
        if self._step is not None:
            self._step.append(changes)
        else:
            self._done(changes, label)
        return changes

    @contextmanager
    def one_step(self, label: str) -> Iterator[None]:
        """Several operations made as one: one transaction (all saved, or none), one undo step (whose undo
        and redo are one transaction each too) and one announcement, once they are saved."""
        if self._step is not None:  # within a step already: part of it
            yield
            return
        assert self.database is not None
        step: list[Changes] = []
        try:
            with self.database.transaction() as session:
                self._step, self._session = step, session
                try:
                    yield
                finally:
                    self._step = self._session = None
        except BaseException as error:
            self.productionChanged.emit()  # what views showed of the step may not have been saved: they reload
            if isinstance(error, ChangedElsewhere):
                self.changedElsewhere.emit()  # refused for a colleague's save: the views show theirs
            raise
        self._done(combined(step), label)

    def _done(self, changes: Changes, label: str) -> None:
        if changes.undo:
            self.undo_stack.push(ChangeCommand(self._run_again, changes, label))
        self._announce(changes)

    def _run_again(self, steps: tuple[Step, ...]) -> Changes | None:
        """Undo or redo a step, in one transaction; what that changed (whose undo is the way back), or None
        if it was refused (the data changed under it, the disk is full): the person is told why."""
        try:
            changes = self.write(run_steps, steps, self._left)
        except UserError as error:
            self.operationFailed.emit(str(error))
            return None
        self._announce(changes)
        return changes

    def _announce(self, changes: Changes) -> None:
        if not changes:
            return
        remember(self._left, changes)  # not someone else's change: our undo of an older step is made from it
        self.changed.emit(changes)
        if changes.touches(SCHEDULE_KINDS) and not self.read_only and self.production_id is not None:
            self._following = self.production_id
            self._schedule_changes += 1
            self.follow_timer.start()
        if changes.touches({"production"}):
            self._show_production_of(changes)

    def _show_production_of(self, changes: Changes) -> None:
        """A production made (or put back) is shown; when the one shown goes, the one shown before it."""
        touched = changes.rows.get("production", {})
        made = [row_id for row_id, version in touched.items() if version is not None and row_id != self.production_id]
        productions = [p.id for p in self.read(list_productions)]
        if made and made[-1] in productions:
            self.set_production(made[-1])
        elif self.production_id not in productions:
            before = self._previous_production
            self.set_production(before if before in productions else (productions[0] if productions else None))

    def store_what_follows(self) -> None:
        """Store what the last changes of the schedule changed in the budget (studio.operations.
        store_schedule_lines): worked out off the GUI thread, then stored in a transaction of its own,
        unless the schedule changed again meanwhile (that change is followed in turn). Not a step to
        undo: undoing the schedule's change is followed too."""
        production_id, made = self._following, self._schedule_changes
        if self.database is None or self.read_only or production_id is None or self._planning:
            if self._planning:
                self.follow_timer.start()  # after the plan under way
            return
        self._planning = True
        run_quietly(
            lambda: self.read(schedule_lines_plan, production_id),
            lambda plan: self._store_what_follows(production_id, made, plan),
            self._plan_failed,
        )

    def _store_what_follows(self, production_id: int | None, made: int, plan) -> None:
        self._planning = False
        if self.database is None or self.read_only or production_id is None or made != self._schedule_changes:
            return
        try:
            changes = self.write(store_schedule_lines, production_id, plan)
        except UserError:
            return  # a colleague saved first: their window follows their change
        self._announce(changes)

    def _plan_failed(self, error: Exception) -> None:
        self._planning = False
        if not isinstance(error, UserError):
            sys.excepthook(type(error), error, error.__traceback__)

    def import_script(self, outline: Outline, **options) -> tuple[ImportResult, Snapshots]:
        """Import a script in one transaction (safe on a worker thread); return the result and, on
        SQLite, the snapshots from before and after that make it undoable."""
        return self.snapshotted(import_outline, outline, **options)

    def snapshotted(self, operation: Callable[..., T], *args: Any, **options: Any) -> tuple[T, Snapshots]:
        """Run a large operation in one transaction (safe on a worker thread); return its result and, on
        SQLite, whole-database snapshots from before and after it, which make it one undo step.

        The "before" snapshot is taken while this transaction holds the write lock, so no other
        program's change can slip in between it and the operation (and be lost by an undo).
        """
        database = self.database
        assert database is not None
        before = None
        try:
            with database.transaction() as session:
                session.connection()  # BEGIN IMMEDIATE: the write lock is ours from here
                before = take_snapshot(database) if can_snapshot(database) else None
                result = operation(session, *args, **options)
        except Exception:
            discard_snapshot(before)
            raise
        return result, (before, take_snapshot(database)) if before is not None else None

    def snapshotted_done(self, snapshots: Snapshots, label: str, changes: Changes) -> None:
        """After a snapshotted operation (GUI thread): one undo step, where the database can snapshot, and
        what it changed announced."""
        if snapshots is not None:
            self.undo_stack.push(SnapshotCommand(self._put_back_snapshot, *snapshots, label))
        self._announce(changes)

    def imported(self, result: ImportResult, snapshots: Snapshots, label: str) -> None:
        """After an import (GUI thread): make it undoable and show the production it went into."""
        self.snapshotted_done(snapshots, label, Changes(everything=True))
        self.set_production(result.production_id)

    def _put_back_snapshot(self, snapshot: Path) -> bool:
        try:
            self.restore(snapshot)
        except UserError as error:
            self.operationFailed.emit(str(error))
            return False
        return True

    def restore(self, snapshot: Path) -> None:
        """Put the whole database back as a snapshot holds it; every view reloads."""
        assert self.database is not None
        restore_snapshot(self.database, snapshot)
        productions = [p.id for p in self.read(list_productions)]
        if self.production_id not in productions:
            self.set_production(productions[0] if productions else None)
        self._announce(Changes(everything=True))
