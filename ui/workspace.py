"""The open database, the production in view and the undo stack, shared by every page.

Every change goes through here: a studio operation runs in one transaction, then a signal says what
changed so each view refreshes only itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from studio.breakdown import Tag, remove_tag, renumber_cast, retag_scene, tag_scene, untag_scene
from studio.casting import cast_role
from studio.edits import FieldChange, put_back, set_fields
from studio.errors import ChangedElsewhere, OpenElsewhere, UserError
from studio.productions import ProductionDetails, create_production, list_productions
from studio.records import Removal, add_row, remove_row, restore
from studio.schedule.strips import Placement, add_banner, apply_placements, move_strips, place_all, set_locked
from studio.scripts.importer import ImportResult, import_outline
from studio.scripts.outline import Outline
from studio.storage.backups import restore_backup
from studio.storage.change_watch import ChangeWatch
from studio.storage.db import Database, open_database, sqlite_path, to_url
from studio.storage.instance_lock import InstanceLock
from studio.storage.snapshots import can_snapshot, discard_snapshot, restore_snapshot, take_snapshot
from ui.commands import (
    CreateProductionCommand,
    EditFieldsCommand,
    LockCommand,
    PlacementCommand,
    RowCommand,
    SnapshotCommand,
    StepCommand,
    TagCommand,
)

T = TypeVar("T")
WATCH_MILLISECONDS = 2000


@dataclass
class _Step:
    """Changes being made as one: their transaction, their undo commands and the signals held back."""

    commands: list[QUndoCommand]
    session: Any = None
    signals: list[tuple[Any, tuple]] = field(default_factory=list)


Snapshots = tuple[Path, Path] | None  # before and after an operation, when the database can snapshot


class Workspace(QObject):
    productionChanged = Signal()
    productionsChanged = Signal()
    fieldChanged = Signal(object)  # a studio.edits.FieldChange
    entitiesChanged = Signal(object)  # names of the kinds of rows that changed, e.g. {"breakdown"}
    operationFailed = Signal(str)  # an undo or redo that could not be carried out, and why
    # Strips dragged on the board: the board redraws itself in memory; pages not in view reload when shown.
    stripsMoved = Signal()
    opened = Signal()  # a database was opened (or reopened after a restore)
    # Someone else (a colleague on the server, another window, the command line) saved: views reload.
    changedElsewhere = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.database: Database | None = None
        self.production_id: int | None = None
        self._lock: InstanceLock | None = None
        self._lock_path: Path | None = None
        self._step: _Step | None = None
        self._watch: ChangeWatch | None = None
        self.watch_timer = QTimer(self)
        self.watch_timer.setInterval(WATCH_MILLISECONDS)
        self.watch_timer.timeout.connect(self.look_for_changes)
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
        self.productionsChanged.emit()
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
            self.productionsChanged.emit()
            self.productionChanged.emit()

    def _let_go(self, *, keep_lock: bool) -> bool:
        """Release the lock (unless kept), the database and its undo history; False if none was open."""
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
            self.production_id = productions[0] if productions else None
            self.productionChanged.emit()
        self.productionsChanged.emit()
        self.changedElsewhere.emit()

    def set_production(self, production_id: int | None) -> None:
        if production_id != self.production_id:
            self.production_id = production_id
            self.productionChanged.emit()

    def read(self, query: Callable[..., T], *args: Any) -> T:
        """Run a read-only studio query: query(session, *args)."""
        assert self.database is not None
        with self.database.reading() as session:
            return query(session, *args)

    def write(self, operation: Callable[..., T], *args: Any) -> T:
        """Run a studio operation in one transaction: operation(session, *args) (inside `one_step`, in
        the step's transaction). Refused because someone else saved first, the views reload."""
        assert self.database is not None
        if self._step is not None:
            return operation(self._step.session, *args)
        try:
            with self.database.transaction() as session:
                return operation(session, *args)
        except ChangedElsewhere:
            self.changedElsewhere.emit()  # refused for a colleague's save: the views show theirs
            raise

    @contextmanager
    def one_step(self, label: str) -> Iterator[None]:
        """Several changes made as one: one transaction (all saved, or none) and one undo step, whose
        undo and redo are one transaction each too. Views hear of the changes once they are saved."""
        commands: list[QUndoCommand] = []
        with self.together(commands):
            yield
        if len(commands) == 1:
            self.undo_stack.push(commands[0])
        elif commands:
            self.undo_stack.push(StepCommand(self, commands, label))

    @contextmanager
    def together(self, commands: list[QUndoCommand] | None = None) -> Iterator[None]:
        """Every write inside in one transaction; commands pushed meanwhile are collected in `commands`."""
        if self._step is not None:  # within a step already: part of it
            yield
            return
        assert self.database is not None
        step = _Step(commands if commands is not None else [])
        try:
            with self.database.transaction() as session:
                step.session = session
                self._step = step
                try:
                    yield
                finally:
                    self._step = None
        except BaseException as error:
            self.productionChanged.emit()  # what views were told may not have been saved: they reload
            if isinstance(error, ChangedElsewhere):
                self.changedElsewhere.emit()  # refused for a colleague's save: the views show theirs
            raise
        for signal, arguments in step.signals:
            signal.emit(*arguments)

    def _push(self, command: QUndoCommand) -> None:
        if self._step is not None:
            self._step.commands.append(command)
        else:
            self.undo_stack.push(command)

    def _emit(self, signal, *arguments: Any) -> None:
        if self._step is not None:
            self._step.signals.append((signal, arguments))
        else:
            signal.emit(*arguments)

    def edit_fields(
        self, entity: str, row_id: int, values: dict[str, Any], label: str, seen_version: int | None = None
    ) -> list[FieldChange]:
        """Apply an edit and put it on the undo stack as one step (raises InvalidInput, storing nothing).

        With the row's version as the view showed it, an edit made after someone else saved the row is
        refused (ChangedElsewhere) and the views reload with their change."""
        changes = self.write(set_fields, entity, row_id, values, seen_version)
        if changes:
            self._push(EditFieldsCommand(self, changes, label))
            self._announce(changes)
        return changes

    def restore_fields(self, changes: list[FieldChange], *, to_new: bool) -> None:
        """Undo or redo an edit: put every field back to its old (or new) value in one transaction."""
        self._announce(self.write(lambda session: put_back(session, changes, to_new=to_new)))

    def add_production(self, details: ProductionDetails, label: str) -> int:
        production_id = self.write(create_production, details).id
        previous = self.production_id
        self._push(CreateProductionCommand(self, details, production_id, previous, label))
        self._emit(self.productionsChanged)
        self.set_production(production_id)
        return production_id

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

    def push_snapshots(self, snapshots: Snapshots, label: str) -> None:
        if snapshots is not None:
            self._push(SnapshotCommand(self, *snapshots, label))

    def imported(self, result: ImportResult, snapshots: Snapshots, label: str) -> None:
        """After an import (GUI thread): make it undoable and show the production it went into."""
        self.push_snapshots(snapshots, label)
        self.production_id = None
        self._emit(self.productionsChanged)
        self.set_production(result.production_id)

    def restore(self, snapshot: Path) -> None:
        """Put the whole database back as a snapshot holds it; every view reloads."""
        assert self.database is not None
        restore_snapshot(self.database, snapshot)
        productions = [p.id for p in self.read(list_productions)]
        current = self.production_id if self.production_id in productions else (productions[0] if productions else None)
        self.production_id = None
        self._emit(self.productionsChanged)
        self.set_production(current)

    def tag_scene(self, scene_id: int, category_id: int, name: str, label: str) -> None:
        tag = self.write(tag_scene, scene_id, category_id, name)
        self._push(TagCommand(self, tag, True, label))
        self._emit(self.entitiesChanged, {"breakdown"})

    def remove_tag(self, scene_id: int, element_id: int, label: str) -> None:
        tag = self.write(remove_tag, scene_id, element_id)
        self._push(TagCommand(self, tag, False, label))
        self._emit(self.entitiesChanged, {"breakdown"})

    def apply_tag(self, tag: Tag, *, present: bool) -> None:
        self.write(retag_scene if present else untag_scene, tag)
        self._emit(self.entitiesChanged, {"breakdown"})

    def renumber_cast(self, label: str) -> int:
        """Cast IDs by number of scenes, as one undo step; returns how many IDs changed."""
        return len(self.run_edits(renumber_cast, label))

    def run_edits(self, operation: Callable[..., list[FieldChange]], label: str) -> list[FieldChange]:
        """An operation on the production that edits fields (renumbering), as one undo step."""
        changes = self.write(operation, self.production_id)
        if changes:
            self._push(EditFieldsCommand(self, changes, label))
            self._announce(changes)
        return changes

    def add_row(self, entity: str, owner: dict[str, int], values: dict[str, Any], label: str) -> int:
        """Add a row (a performer, an unavailable date…) as one undo step; return its id."""
        row_id = self.write(add_row, entity, owner, values)
        self._push(RowCommand(self, entity, row_id, None, label))
        self._emit(self.entitiesChanged, {entity})
        return row_id

    def remove_row(self, entity: str, row_id: int, label: str, seen_version: int | None = None) -> None:
        """Remove a row and what goes with it, as one undo step that puts it all back; with the row's
        version as the view showed it, a row someone else has saved since stays (ChangedElsewhere)."""
        removal = self.write(remove_row, entity, row_id, seen_version)
        self._push(RowCommand(self, entity, row_id, removal, label))
        self._emit(self.entitiesChanged, removal.tables)

    def take_out(self, entity: str, row_id: int) -> Removal:
        removal = self.write(remove_row, entity, row_id)
        self._emit(self.entitiesChanged, removal.tables)
        return removal

    def put_back(self, removal: Removal) -> None:
        self.write(restore, removal)
        self._emit(self.entitiesChanged, removal.tables)

    def remove_rows(self, entity: str, rows: list[tuple[int, str] | tuple[int, str, int | None]]) -> None:
        """Remove several rows as one step (one transaction, one undo step); `rows`: (id, label, version
        as the view showed it); if someone else has saved any of them since, none goes (ChangedElsewhere).
        A row given without a version is removed as it is now."""
        if not rows:
            return
        label = rows[0][1] if len(rows) == 1 else self.tr("Remove %n row(s)", "", len(rows))
        with self.one_step(label):
            for row_id, row_label, *seen_version in rows:
                self.remove_row(entity, row_id, row_label, seen_version[0] if seen_version else None)

    def cast_role(self, character_id: int, performer_id: int, label: str) -> None:
        """Cast a performer in a role (a new deal, replacing the last performer's), as one undo step."""
        with self.one_step(label):
            casting = self.write(cast_role, character_id, performer_id)
            if casting.added_deal_id is None:
                return
            if casting.replaced is not None:
                deal_id = casting.replaced.row[1]["id"]
                self._push(RowCommand(self, "cast_assignment", deal_id, casting.replaced, label))
            self._push(RowCommand(self, "cast_assignment", casting.added_deal_id, None, label))
            self._emit(self.entitiesChanged, {"cast_assignment"})

    def move_strips(
        self,
        strip_ids: list[int],
        day_id: int | None,
        position: int,
        label: str,
        seen_versions: dict[int, int] | None = None,
    ) -> list[Placement]:
        """Move strips on the board (or to the boneyard) as one undo step; `seen_versions`: the strips'
        versions as the board showed them (a strip a colleague has moved since stays where they put it:
        ChangedElsewhere). Returns where the strips it moved were (each is one version newer now)."""
        previous = self.write(move_strips, self.production_id, strip_ids, day_id, position, seen_versions)
        if previous:
            self._push(PlacementCommand(self, previous, label))
            self._emit(self.stripsMoved)
        return previous

    def place_all(
        self, placement: dict[int | None, list[int]], label: str, seen_versions: dict[int, int] | None = None
    ) -> None:
        """A whole schedule (optimized, or days sorted) as one undo step; `seen_versions`: the strips'
        versions on the board it was made from (a colleague's move since is kept: ChangedElsewhere)."""
        previous = self.write(place_all, self.production_id, placement, seen_versions)
        if previous:
            self._push(PlacementCommand(self, previous, label))
            self._emit(self.entitiesChanged, {"strip"})

    def add_banner(self, day_id: int | None, position: int, text: str, label: str) -> None:
        strip_id = self.write(add_banner, self.production_id, day_id, position, text)
        self._push(RowCommand(self, "strip", strip_id, None, label))
        self._emit(self.entitiesChanged, {"strip"})

    def place_strips(self, placements: list[Placement]) -> list[Placement]:
        """Put strips back where they were (undo/redo of a move or a schedule), each only from the version
        the move left it at (a strip a colleague has moved since stays: ChangedElsewhere); return what
        they replaced, with the versions this left."""
        previous = self.write(apply_placements, self.production_id, placements)
        self._emit(self.entitiesChanged, {"strip"})
        return previous

    def lock_strips(
        self, strip_ids: list[int], locked: bool, label: str, seen_versions: dict[int, int] | None = None
    ) -> None:
        """Lock or unlock strips as one undo step; `seen_versions`: as the board showed them (a strip a
        colleague has saved since keeps their change: ChangedElsewhere)."""
        changed = self.write(set_locked, strip_ids, locked, seen_versions)
        if changed:
            self._push(LockCommand(self, changed, locked, label))
            self._emit(self.entitiesChanged, {"strip"})

    def set_locks(self, versions: dict[int, int], locked: bool) -> dict[int, int]:
        """Undo or redo a lock: only from the versions it left (`versions`); returns the new ones."""
        changed = self.write(set_locked, list(versions), locked, versions)
        self._emit(self.entitiesChanged, {"strip"})
        return changed

    def _announce(self, changes: list[FieldChange]) -> None:
        for change in changes:
            self._emit(self.fieldChanged, change)
        self._emit(self.entitiesChanged, {change.entity for change in changes})
        if any(change.entity == "production" for change in changes):
            self._emit(self.productionsChanged)
