"""Cast and crew lists in and out as CSV, from the Cast and Crew pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from studio.changes import Changes
from studio.people_csv import PeopleImport, export_people, import_people

if TYPE_CHECKING:
    from ui.pages.base import Page

# What an import of a cast or crew list writes (it is undone by a whole-database snapshot).
IMPORTED = Changes({kind: {} for kind in ("performer", "cast_assignment", "character", "crew_member", "department")})
SHOWN_MATCHES = 10  # in the box itself; all of them behind Show Details


class PeopleLists(QObject):
    def __init__(self, page: Page, kind: str):
        super().__init__(page)
        self.page, self.kind = page, kind

    def choose_and_import(self) -> None:
        """Choose a CSV file and import it in one transaction; one undo step where the database allows it."""
        title = self.tr("Import cast list") if self.kind == "cast" else self.tr("Import crew list")
        path, _ = QFileDialog.getOpenFileName(
            self.page, title, str(Path.home()), self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        workspace = self.page.workspace
        production_id, kind = workspace.production_id, self.kind
        label = self.tr("Import %1").replace("%1", path.name)

        def imported(outcome) -> None:
            result, snapshots = outcome
            workspace.snapshotted_done(snapshots, label, IMPORTED)
            self.page.tell(
                self.tr("%1: %2 added, %3 updated")
                .replace("%1", path.name)
                .replace("%2", str(result.added))
                .replace("%3", str(result.updated))
            )
            if result.chinese_name_matches:
                self.show_chinese_name_matches(label, result)

        self.page.run_task(
            self.tr("Importing %1…").replace("%1", path.name),
            lambda: workspace.snapshotted(import_people, production_id, path, kind),
            imported,
        )

    def show_chinese_name_matches(self, title: str, result: PeopleImport) -> None:
        """Rows written onto someone their name does not name: the producer checks they are that person."""
        matches = [str(match) for match in result.chinese_name_matches]
        box = QMessageBox(QMessageBox.Icon.Information, title, "", QMessageBox.StandardButton.Ok, self.page)
        box.setObjectName("chineseNameMatches")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setText(
            self.tr("%n row(s) taken as someone already in the production by the Chinese name:", "", len(matches))
        )
        shown = matches[:SHOWN_MATCHES]
        if len(matches) > SHOWN_MATCHES:
            shown.append(self.tr("(and %n more)", "", len(matches) - SHOWN_MATCHES))
            box.setDetailedText("\n".join(matches))
        box.setInformativeText("\n".join(shown))
        box.open()

    def export(self) -> None:
        kind = self.kind
        self.page.export_file(
            self.tr("Export cast list") if kind == "cast" else self.tr("Export crew list"),
            f"{kind}.csv",
            self.tr("CSV files (*.csv)"),
            lambda session, production_id, path: export_people(session, production_id, kind, path),
        )
