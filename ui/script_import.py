"""File → Import Script: the dialog shows at once while the files are read and compared with the stored
script off the GUI thread; then importing runs in one transaction, as one undoable step where the
database allows it. The flow knows only its `ImportHost`, not the window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from studio.errors import UserError
from studio.models import Production
from studio.scripts.importer import ImportResult, preview_import
from studio.scripts.original import likely_side
from studio.scripts.outline import Outline
from studio.scripts.script_files import read_outline
from ui.background import run_in_background, run_quietly
from ui.import_dialog import ImportDialog
from ui.labels import revision_color
from ui.workspace import Workspace


@dataclass(frozen=True)
class ImportHost:
    """What the import needs of the window, and no more."""

    parent: QWidget  # of its dialogs
    workspace: Workspace
    open_database: Callable[[], bool]  # a database to import into: the open one, else the usual one
    current_production: Callable[[], Production | None]
    show_error: Callable[[str, str], None]
    show_imported: Callable[[str], None]  # the script page, with this message in the status bar


@dataclass
class _Review:
    """One import being reviewed: its files, its dialog and what was read. One worker at a time: the
    dialog offers no other choice while it shows that it is working."""

    paths: list[Path]
    dialog: ImportDialog
    production_id: int | None  # the production shown when it began: revised, unless a new one is chosen
    outline: Outline | None = None
    fingerprint: str = ""
    closed: bool = False  # cancelled or closed: what the worker finds afterwards is not shown

    def options(self, fingerprint: str, new_production: bool, side: str) -> dict:
        """The import's arguments (`import_outline`'s, `preview_import`'s) beside the outline."""
        return {
            "side": side,
            "production_id": None if new_production else self.production_id,
            "new_production": new_production,
            "source_name": ", ".join(path.name for path in self.paths),
            "source_sha256": fingerprint,
        }


class ScriptImport(QObject):
    def __init__(self, host: ImportHost):
        super().__init__(host.parent)
        self.host = host

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.host.parent,
            self.tr("Import script"),
            str(Path.home()),
            self.tr("Scripts (*.fountain *.spmd *.fdx *.txt *.docx);;All files (*)"),
        )
        if files:
            self.import_files([Path(name) for name in files])

    def import_files(self, paths: list[Path]) -> ImportDialog | None:
        """Show the import dialog at once, and read the files and preview the import in the background."""
        if not self.host.open_database():
            return None
        production = self.host.current_production()
        title = production.display_title() if production is not None else None
        dialog = ImportDialog(self.host.parent, [path.name for path in paths], title)
        review = _Review(paths, dialog, production.id if production is not None else None)
        dialog.targetChanged.connect(lambda new_production: self._preview(review, new_production))
        dialog.accepted.connect(lambda: self._import(review, dialog.new_production))
        dialog.finished.connect(lambda _result: self._close(review))
        dialog.open()
        self._read(review)
        return dialog

    def _read(self, review: _Review) -> None:
        new_production = review.dialog.new_production
        production_id = None if new_production else review.production_id
        review.dialog.working(self.tr("Reading the script…"))

        def work() -> tuple[Outline, str, str, ImportResult | None]:
            outline, fingerprint = read_outline(review.paths)
            # The side offered first: a Chinese script read for a show shot in English is its original.
            side = self.host.workspace.read(lambda session: likely_side(session, production_id, outline))
            # Cancelled while reading: no preview, whose transaction would hold the file's write lock.
            options = review.options(fingerprint, new_production, side)
            preview = None if review.closed else self._preview_of(outline, options)
            return outline, fingerprint, side, preview

        def done(outcome: tuple[Outline, str, str, ImportResult | None]) -> None:
            if review.closed:
                return
            review.outline, review.fingerprint, side, preview = outcome
            review.dialog.offer_side(side)
            review.dialog.show_outline(review.outline)
            review.dialog.show_preview(preview)

        run_quietly(work, done, lambda error: self._failed(review, error))

    def _preview(self, review: _Review, new_production: bool) -> None:
        """What importing into the production now chosen would do, worked out afresh."""
        outline = review.outline
        assert outline is not None  # the choice is offered once the script is read
        review.dialog.working(self.tr("Comparing with the stored script…"))

        def done(preview: ImportResult) -> None:
            if not review.closed:
                review.dialog.show_preview(preview)

        options = review.options(review.fingerprint, new_production, review.dialog.side)
        run_quietly(lambda: self._preview_of(outline, options), done, lambda error: self._failed(review, error))

    def _preview_of(self, outline: Outline, options: dict) -> ImportResult:
        """On a worker thread: the import made in a transaction that is rolled back."""
        return self.host.workspace.read(lambda session: preview_import(session, outline, **options))

    def _close(self, review: _Review) -> None:
        review.closed = True
        review.dialog.deleteLater()

    def _failed(self, review: _Review, error: Exception) -> None:
        if review.closed:
            return
        review.dialog.reject()
        self._import_failed(error)

    def _import(self, review: _Review, new_production: bool) -> None:
        outline, options = review.outline, review.options(review.fingerprint, new_production, review.dialog.side)
        assert outline is not None
        label = self.tr("Import %1").replace("%1", options["source_name"])
        run_in_background(
            self.host.parent,
            self.tr("Importing…"),
            lambda: self.host.workspace.import_script(outline, **options),
            lambda outcome: self._imported(*outcome, label),
            self._import_failed,
        )

    def _imported(self, result, snapshots, label: str) -> None:
        self.host.workspace.imported(result, snapshots, label)
        self.host.show_imported(
            self.tr("Imported revision %1: %2 new, %3 changed, %4 omitted")
            .replace("%1", revision_color(result.revision))
            .replace("%2", str(len(result.added)))
            .replace("%3", str(len(result.changed)))
            .replace("%4", str(len(result.omitted)))
        )
        if snapshots is None:
            self.host.show_error(
                self.tr("Imported"), self.tr("This import cannot be undone: the database is on a server.")
            )

    def _import_failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            self.host.show_error(self.tr("Cannot import the script"), str(error))
        else:
            sys.excepthook(type(error), error, error.__traceback__)
