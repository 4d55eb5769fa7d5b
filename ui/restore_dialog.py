"""Restore from Backup…: the database's backups with their dates and what they hold; one is chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.storage.backups import Backup, list_backups


class RestoreDialog(QDialog):
    def __init__(self, database_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.database_path = database_path
        self.backups = list_backups(database_path)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Backups of %1, newest first. Restoring puts the chosen backup in the database's place; "
                "the database as it is now is kept as a backup first, so a restore can itself be undone."
            ).replace("%1", str(database_path)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.backups), 4, self)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Taken"), self.tr("Size"), self.tr("Holds")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, backup in enumerate(self.backups):
            for column, text in enumerate(self._cells(backup)):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        if not self.backups:
            layout.addWidget(QLabel(self.tr("There are no backups of this database yet."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(lambda: self.restore_button.setEnabled(self.chosen() is not None))
        self.table.doubleClicked.connect(self.accept)
        self.resize(820, 420)

    def _cells(self, backup: Backup) -> list[str]:
        locale = QLocale()
        contents = backup.contents()
        if contents is None:
            holds = self.tr("unreadable")
        elif not contents:
            holds = self.tr("no productions")
        else:
            holds = "; ".join(
                self.tr("%1: %n episode(s)", "", production.episodes).replace("%1", production.title)
                + ", "
                + self.tr("%n scene(s)", "", production.scenes)
                for production in contents
            )
        return [
            locale.toString(backup.taken_at.date(), QLocale.FormatType.ShortFormat)
            + " "
            + backup.taken_at.strftime("%H:%M:%S"),
            self._reason(backup.reason),
            locale.formattedDataSize(backup.size, 1),
            holds,
        ]

    def _reason(self, reason: str) -> str:
        return {
            "open": self.tr("on opening"),
            "editing": self.tr("while editing"),
            "manual": self.tr("by hand"),
            "before-restore": self.tr("before a restore"),
            "before-undo": self.tr("before an undo"),
            "replaced": self.tr("before it was replaced"),
        }[reason]

    def chosen(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()].path if rows else None
