"""Automatic backups while a database file is open for editing: one on opening (unless the newest
backup is already up to date) and one every few minutes while edits are being made, each taken on a
worker thread so the window never waits for it."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer, Signal

from studio.errors import UserError
from studio.storage.backups import Backup, is_backed_up, take_backup
from ui.background import run_quietly
from ui.workspace import Workspace


class BackupKeeper(QObject):
    backedUp = Signal(object)  # a studio.storage.backups.Backup
    failed = Signal(str)

    def __init__(self, workspace: Workspace, minutes: float, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.edited = False
        self.running = False
        self.pending: str | None = None  # asked for while one was being taken
        self.timer = QTimer(self)
        self.timer.setInterval(round(minutes * 60_000))
        self.timer.timeout.connect(self._every_few_minutes)
        workspace.opened.connect(self._opened)
        workspace.undo_stack.indexChanged.connect(self._mark_edited)

    def _database_path(self):
        database = self.workspace.database
        return database.path if database is not None and not database.read_only else None

    def _opened(self) -> None:
        self.edited = False
        path = self._database_path()
        if path is None:
            self.timer.stop()
            return
        self.timer.start()
        if not is_backed_up(path):
            self.back_up("open")

    def _mark_edited(self) -> None:
        self.edited = True

    def _every_few_minutes(self) -> None:
        if self.edited:
            self.back_up("editing")

    def back_up(self, reason: str) -> None:
        """Take a backup on a worker thread: now, or when the one being taken is done."""
        path = self._database_path()
        if path is None:
            return
        if self.running:
            self.pending = reason
            return
        self.running = True
        self.edited = False
        run_quietly(lambda: take_backup(path, reason), self._done, self._failed)

    def _done(self, backup: Backup) -> None:
        self.running = False
        self.backedUp.emit(backup)
        if self.pending is not None:
            reason, self.pending = self.pending, None
            self.back_up(reason)

    def _failed(self, error: Exception) -> None:
        self.running = False
        self.edited = True  # try again at the next turn
        if not isinstance(error, UserError):
            sys.excepthook(type(error), error, error.__traceback__)
            return
        self.failed.emit(str(error))
