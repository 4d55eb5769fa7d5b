"""File → Import Script: read the files off the GUI thread, preview what importing them would change,
then import in one transaction, as one undoable step where the database allows it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from studio.errors import UserError
from studio.scripts.importer import preview_import, read_outline
from ui.background import run_in_background
from ui.import_dialog import ImportDialog
from ui.labels import revision_color

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ScriptImport(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.window,
            self.tr("Import script"),
            str(Path.home()),
            self.tr("Scripts (*.fountain *.spmd *.fdx *.txt *.docx);;All files (*)"),
        )
        if files:
            self.import_files([Path(name) for name in files])

    def import_files(self, paths: list[Path]) -> None:
        """Read the files in the background, show what importing them would do, then import."""
        if not self.window.databases.ensure_open():
            return
        run_in_background(
            self.window,
            self.tr("Reading the script…"),
            lambda: read_outline(paths),
            lambda outcome: self._review_import(paths, *outcome),
            self._import_failed,
        )

    def _review_import(self, paths: list[Path], outline, fingerprint: str) -> None:
        production = self.window.current_production()
        options = {"source_name": ", ".join(path.name for path in paths), "source_sha256": fingerprint}

        def preview(new_production: bool):
            target = None if new_production or production is None else production.id
            return self.window.workspace.read(
                lambda session: preview_import(
                    session, outline, production_id=target, new_production=new_production, **options
                )
            )

        try:
            current = production.display_title() if production else None
            dialog = ImportDialog(self.window, [p.name for p in paths], outline, current, preview)
        except UserError as error:
            self.window.show_error(self.tr("Cannot import the script"), str(error))
            return
        if not dialog.exec():
            return
        target = None if dialog.new_production or production is None else production.id
        label = self.tr("Import %1").replace("%1", options["source_name"])
        run_in_background(
            self.window,
            self.tr("Importing…"),
            lambda: self.window.workspace.import_script(
                outline, production_id=target, new_production=dialog.new_production, **options
            ),
            lambda outcome: self._imported(*outcome, label),
            self._import_failed,
        )

    def _imported(self, result, snapshots, label: str) -> None:
        self.window.workspace.imported(result, snapshots, label)
        self.window.show_page(0)
        self.window.statusBar().showMessage(
            self.tr("Imported revision %1: %2 new, %3 changed, %4 omitted")
            .replace("%1", revision_color(result.revision))
            .replace("%2", str(len(result.added)))
            .replace("%3", str(len(result.changed)))
            .replace("%4", str(len(result.omitted))),
            15000,
        )
        if snapshots is None:
            self.window.show_error(
                self.tr("Imported"), self.tr("This import cannot be undone: the database is on a server.")
            )

    def _import_failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            self.window.show_error(self.tr("Cannot import the script"), str(error))
        else:
            sys.excepthook(type(error), error, error.__traceback__)
