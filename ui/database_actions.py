"""Where the window's data lives: opening a file or a server, the demo, recent files, a copy of the
database, restoring a backup, and the way forward when a database will not open (read-only, a backup,
another try). The window gives it a parent for its dialogs, the workspace, the settings and two ways
to speak (an error box, a status-bar message); it knows nothing else of the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget
from sqlalchemy.engine import make_url

from studio.demo_stamp import demo_changes, demo_is_current
from studio.errors import DatabaseMissing, LoginRefused, OpenElsewhere, UserError
from studio.exports.files import write_atomically
from studio.paths import default_database_path, demo_database_path
from studio.storage.db import backup_sqlite, sqlite_path, to_url
from studio.storage.instance_lock import InstanceLock
from studio.storage.passwords import (
    may_need_password,
    remember_password,
    remembered_password,
    with_password,
    without_password,
)
from ui.background import wait_for_background_work
from ui.connect_dialog import ConnectDialog
from ui.open_problems import way_forward_box
from ui.restore_dialog import RestoreDialog
from ui.settings import AppSettings
from ui.workspace import Workspace


class DatabaseActions(QObject):
    def __init__(
        self,
        parent: QWidget,
        workspace: Workspace,
        settings: AppSettings,
        *,
        show_error: Callable[[str, str], None],
        tell: Callable[[str, int], None],
    ):
        super().__init__(parent)
        self.parent_widget = parent
        self.workspace = workspace
        self.settings = settings
        self.show_error = show_error
        self.tell = tell  # a message in the status bar, for so many milliseconds
        self.new_database_action = self._action(
            self.tr("&New Database…"), self.new_database, QKeySequence.StandardKey.New
        )
        self.open_database_action = self._action(
            self.tr("&Open Database…"), self.choose_database, QKeySequence.StandardKey.Open
        )
        self.connect_action = self._action(self.tr("Connect to &Server…"), lambda: self.connect_to_server())
        self.open_demo_action = self._action(self.tr("Open the &Demo Production"), self.open_demo)
        self.reset_demo_action = self._action(self.tr("Reset the Demo Production…"), self.reset_demo)
        self.export_copy_action = self._action(self.tr("Copy of the &Database…"), self.save_copy)
        self.restore_action = self._action(self.tr("&Restore from Backup…"), lambda: self.choose_backup())

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self.parent_widget)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def add_recent_menu(self, menu: QMenu) -> QMenu:
        """File → Open Recent, filled as it opens."""
        recent_menu = menu.addMenu(self.tr("Open &Recent"))
        recent_menu.aboutToShow.connect(lambda: self._fill_recent_menu(recent_menu))
        return recent_menu

    def _fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        recent = self.settings.recent_databases()
        for path in recent:
            menu.addAction(path, lambda p=path: self.open(p))
        if not recent:
            menu.addAction(self.tr("No recent databases")).setEnabled(False)

    def offer_what_the_database_allows(self) -> None:
        """A copy of a file; a restore only where the window may write (a read-only window, which
        another has open or whose folder is read-only, must not swap the file)."""
        database = self.workspace.database
        has_file = database is not None and database.path is not None
        self.export_copy_action.setEnabled(has_file)
        self.restore_action.setEnabled(has_file and not self.workspace.read_only)

    # --- opening ------------------------------------------------------------------------------

    def open(self, path_or_url: str, *, create: bool = False, read_only: bool = False) -> bool:
        """Open a database; on failure say why, offer the way forward, and keep what was open. A server
        whose password is not in the keyring asks for it (Connect to Server, filled in)."""
        asked = path_or_url
        if may_need_password(path_or_url):
            path_or_url = with_password(path_or_url, remembered_password(path_or_url))
        try:
            self.workspace.open(path_or_url, create=create, read_only=read_only)
        except LoginRefused:
            self.connect_to_server(asked)
            return False
        except UserError as error:
            self._offer_way_forward(path_or_url, error, create=create)
            if isinstance(error, DatabaseMissing):
                self.settings.forget_database(path_or_url)
            return False
        self.settings.remember_database(without_password(path_or_url))
        return True

    def open_default(self) -> bool:
        """The usual database (made if missing)."""
        return self.open(str(default_database_path()), create=True)

    def ensure_open(self) -> bool:
        """A database to work in: the one open, else the usual one."""
        return self.workspace.database is not None or self.open_default()

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("New database"), str(Path.home() / "production.sqlite"), self._file_filter()
        )
        if path:
            if Path(path).exists():
                self.show_error(self.tr("Cannot create the database"), self.tr("That file already exists."))
                return
            self.open(path, create=True)

    def choose_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget, self.tr("Open database"), str(Path.home()), self._file_filter()
        )
        if path:
            self.open(path)

    def _file_filter(self) -> str:
        return self.tr("Cliffhanger database (*.sqlite *.db);;All files (*)")

    def connect_to_server(self, url: str | None = None) -> None:
        dialog = ConnectDialog(self.parent_widget, url)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._connect(dialog.url(), dialog.remember.isChecked()))
        dialog.open()

    def _connect(self, url: str, remember: bool) -> None:
        if not self.open(url):
            return
        password = make_url(url).password
        if remember and password and not remember_password(url, password):
            self.tell(self.tr("There is no system keyring here: the password will be asked for each time."), 15000)

    def _offer_way_forward(self, path_or_url: str, error: UserError, *, create: bool = False) -> None:
        database_path = sqlite_path(to_url(path_or_url))
        way_forward_box(
            self.parent_widget,
            error,
            database_path,
            open_read_only=lambda: self.open(path_or_url, read_only=True),
            restore=lambda: self.choose_backup(database_path),
            try_again=lambda: self.open(path_or_url, create=create),
        ).open()

    # --- the demo -----------------------------------------------------------------------------

    def open_demo(self) -> bool:
        """Open the demo production as it was left; it is written when missing, or when it is an older
        edition nobody has changed."""
        path = demo_database_path()
        if path.exists() and (demo_is_current(path) or demo_changes(path) is not None):
            return self.open(str(path))
        return self._write_and_open_demo(path)

    def reset_demo(self) -> bool:
        """Write a fresh demo production and open it, after asking if the file holds work of the user's."""
        path = demo_database_path()
        changes = demo_changes(path) if path.exists() else None
        if changes:
            question = self.tr(
                "The demo file holds work the demo did not write: %1.\n\nReplace it with a fresh demo? "
                "The file as it is now is kept as a backup (File → Restore from Backup)."
            ).replace("%1", "; ".join(changes))
            answer = QMessageBox.question(self.parent_widget, self.tr("Reset the Demo Production"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self._write_and_open_demo(path)

    def _write_and_open_demo(self, path: Path) -> bool:
        """Never under another window that has the demo open."""
        if self.workspace.database is not None and self.workspace.database.path == path:
            self.workspace.close()
        probe = InstanceLock(path)
        if not probe.acquire():
            message = self.tr("The demo production is open in another Cliffhanger window.")
            self._offer_way_forward(str(path), OpenElsewhere(message))
            return False
        probe.release()
        from studio.demo import write_demo  # only to write it: a start on the demo as left does without

        try:
            write_demo(path, force=True)
        except UserError as error:
            self.show_error(self.tr("Cannot create the demo production"), str(error))
            return False
        return self.open(str(path))

    # --- copies and backups -------------------------------------------------------------------

    def save_copy(self) -> None:
        """File → Export → Copy of the Database: the open file as it is now, under another name."""
        database = self.workspace.database
        if database is None or database.path is None:
            return
        target, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            self.tr("Save a copy of the database"),
            str(database.path.with_name("copy.sqlite")),
            self._file_filter(),
        )
        if not target:
            return
        try:  # a temporary file beside the target, synced and renamed into place, like every export
            write_atomically(Path(target), lambda path: backup_sqlite(database, path))
        except UserError as error:
            self.show_error(self.tr("Cannot save the copy"), str(error))
            return
        self.tell(self.tr("Saved a copy to %1").replace("%1", target), 5000)

    def choose_backup(self, database_path: Path | None = None) -> None:
        """Restore from Backup…: of the open database, or of one that would not open (damaged)."""
        database = self.workspace.database
        database_path = database_path or (database.path if database is not None else None)
        if database_path is None:
            return
        dialog = RestoreDialog(database_path, self.parent_widget)
        dialog.accepted.connect(lambda: self._restore(database_path, dialog.chosen()))
        dialog.open()

    def _restore(self, database_path: Path, backup: Path | None) -> None:
        if backup is None:
            return
        wait_for_background_work()  # a backup being taken reads the file about to be replaced
        try:
            kept = self.workspace.restore_backup(database_path, backup)
        except UserError as error:
            self.show_error(self.tr("Cannot restore the backup"), str(error))
            return
        self.settings.remember_database(str(database_path))
        message = self.tr("Restored %1. The database as it was is kept in %2.").replace("%1", backup.name)
        self.tell(message.replace("%2", str(kept)), 15000)
