"""The budget's versions: the ones saved, and two of them (or one and the budget now) side by side."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.budget.listings import comparison_rows, version_rows
from studio.budget.versions import CURRENT, approve_version, compare_versions, save_version
from studio.errors import UserError
from ui.i18n import chinese, day_text, money_text
from ui.table import Column, RecordTable


class VersionsTab(QWidget):
    refused = Signal(str)  # why a version was not saved or compared
    told = Signal(str)  # what was done, for the status bar

    def __init__(self, workspace, make_table: Callable[[list[Column]], RecordTable], parent=None):
        """`make_table`: the page's own (Page.table), so the page empties and refuses in them as in its others."""
        super().__init__(parent)
        self.workspace = workspace
        self.versions = make_table(
            [
                Column("name", self.tr("Version")),
                Column("created_at", self.tr("Saved"), display=_saved_text),
                Column("approved", self.tr("Approved"), display=lambda approved: "✓" if approved else ""),
            ]
        )
        self.versions.view.setObjectName("versionsTable")
        money = {"display": money_text, "align_right": True}
        self.comparison = make_table(
            [
                Column("account_zh" if chinese() else "account", self.tr("Account")),
                Column("left", self.tr("Left"), **money),
                Column("right", self.tr("Right"), **money),
                Column("difference", self.tr("Difference"), **money),
            ]
        )
        self.comparison.view.setObjectName("comparisonTable")
        self.left, self.right = QComboBox(self), QComboBox(self)
        self.left.setObjectName("compareLeft")
        self.right.setObjectName("compareRight")
        approve = QPushButton(self.tr("Make it the approved budget"), self)
        approve.setObjectName("approveVersion")
        approve.setToolTip(self.tr("The estimated final cost is measured against the approved budget"))
        approve.clicked.connect(self.approve)
        compare = QPushButton(self.tr("Compare"), self)
        compare.setObjectName("compareVersions")
        compare.clicked.connect(self.compare)
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("Compare"), self), self.left, QLabel(self.tr("with"), self), self.right, compare):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.versions, 1)
        layout.addWidget(approve, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(row)
        layout.addWidget(self.comparison, 2)

    def load(self, production_id: int) -> None:
        rows = self.workspace.read(version_rows, production_id)
        self.versions.set_rows(rows)
        for combo, default in ((self.left, rows[-1]["id"] if rows else CURRENT), (self.right, CURRENT)):
            chosen = combo.currentData() if combo.count() else default
            combo.clear()
            for row in rows:
                combo.addItem(row["name"], row["id"])
            combo.addItem(self.tr("Now"), CURRENT)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def save(self, name: str) -> None:
        try:
            self.workspace.write(save_version, self.workspace.production_id, name)
        except UserError as error:
            self.refused.emit(str(error))
            return
        self.load(self.workspace.production_id)
        self.told.emit(self.tr("Saved version %1").replace("%1", name))

    def approve(self) -> None:
        chosen = self.versions.selected_rows()
        if not chosen:
            self.refused.emit(self.tr("Choose the version to approve"))
            return
        try:
            self.workspace.write(approve_version, self.workspace.production_id, chosen[0]["id"])
        except UserError as error:
            self.refused.emit(str(error))
            return
        self.load(self.workspace.production_id)
        self.told.emit(self.tr("%1 is the approved budget").replace("%1", chosen[0]["name"]))

    def compare(self) -> None:
        left, right = self.left.currentData(), self.right.currentData()
        try:
            comparison = self.workspace.read(compare_versions, self.workspace.production_id, left, right)
        except UserError as error:
            self.refused.emit(str(error))
            return
        columns = self.comparison.model.columns
        columns[1].header, columns[2].header = comparison.left_name, comparison.right_name
        self.comparison.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 2)
        self.comparison.set_rows(comparison_rows(comparison))


def _saved_text(moment) -> str:
    local = moment.astimezone()
    return day_text(local.date()) + local.strftime(" %H:%M")
