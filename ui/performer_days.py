"""A performer's travel, rehearsal and fitting days (Day Out of Days shows them as T, R, F): a list edited
in place, with Add and Remove; every change is one undo step."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio import operations
from studio.errors import UserError
from studio.listings import performer_day_rows, shoot_day_rows
from studio.models.enums import PerformerDayKind, ShootDayKind
from ui.form_dialog import add_and_remove_buttons, date_edit, form_with_buttons
from ui.i18n import day_text
from ui.table import Column, RecordTable, RecordTableModel, remove_rows, seen
from ui.workspace import Workspace


class PerformerDaysPanel(QWidget):
    """The selected performer's travel, rehearsal and fitting days."""

    refused = Signal(str)

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.performer_id: int | None = None
        self.table = RecordTable(
            RecordTableModel(
                workspace,
                [
                    Column(
                        "day", self.tr("Date"), source=("performer_day", "id", "day"), editable=True, display=day_text
                    ),
                    Column(
                        "kind_label",
                        self.tr("Called for"),
                        source=("performer_day", "id", "kind"),
                        editable=True,
                        choices=self.kind_choices,
                        choice_key="kind",
                    ),
                    Column(
                        "notes",
                        self.tr("Notes"),
                        source=("performer_day", "id", "notes"),
                        editable=True,
                        free_text=True,
                    ),
                ],
                self,
            ),
            self,
        )
        self.table.view.setObjectName("performerDays")
        self.table.search.hide()
        self.table.model.editRefused.connect(self.refused)
        buttons, self.add_button, self.remove_button = add_and_remove_buttons(
            self,
            (self.tr("Add day…"), "addPerformerDay", self.ask_day),
            (self.tr("Remove"), "removePerformerDay", self.remove_selected),
        )
        self.add_button.setToolTip(self.tr("A day this performer travels, rehearses or has a fitting"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        workspace.changed.connect(lambda changes: changes.touches({"performer_day"}) and self.reload())
        workspace.changedElsewhere.connect(self.reload)  # a colleague's save (or ours refused for it)
        self.show_owner(None)

    def kind_label(self, kind: str) -> str:
        return {
            PerformerDayKind.TRAVEL.value: self.tr("Travel"),
            PerformerDayKind.REHEARSAL.value: self.tr("Rehearsal"),
            PerformerDayKind.FITTING.value: self.tr("Fitting"),
        }.get(kind, kind)

    def kind_choices(self) -> list[tuple[str, str]]:
        return [(kind.value, self.kind_label(kind.value)) for kind in PerformerDayKind]

    def show_owner(self, performer_id: int | None) -> None:
        self.performer_id = performer_id
        self.setEnabled(performer_id is not None)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not self.workspace.read_only)
        self.reload()

    def reload(self) -> None:
        rows = []
        if self.performer_id is not None and self.workspace.database is not None:
            rows = self.workspace.read(performer_day_rows, self.performer_id)
        for row in rows:
            row["kind_label"] = self.kind_label(row["kind"])
        self.table.set_rows(rows)

    def suggested_date(self) -> dt.date:
        """The day before the first shoot day (a travel day), unless taken; else the day after the last entry."""
        taken = {row["day"] for row in self.table.model.rows}
        days = []
        if self.workspace.production_id is not None:
            days = self.workspace.read(shoot_day_rows, self.workspace.production_id)
        shooting = [row["date"] for row in days if row["kind"] == ShootDayKind.SHOOT.value]
        if shooting and min(shooting) - dt.timedelta(days=1) not in taken:
            return min(shooting) - dt.timedelta(days=1)
        if taken:
            return max(taken) + dt.timedelta(days=1)
        return dt.date.today()

    def ask_day(self) -> None:
        if self.performer_id is None:
            return
        dialog = PerformerDayDialog(self, self.suggested_date(), self.kind_choices())
        if dialog.exec():
            self.add_day(*dialog.values())

    def add_day(self, day: dt.date, kind: str, notes: str = "") -> None:
        values = {"day": day, "kind": kind, "notes": notes}
        try:
            label = {
                PerformerDayKind.TRAVEL.value: self.tr("Add travel day"),
                PerformerDayKind.REHEARSAL.value: self.tr("Add rehearsal"),
                PerformerDayKind.FITTING.value: self.tr("Add fitting"),
            }.get(kind, self.tr("Add day"))
            owner = {"performer_id": self.performer_id}
            self.workspace.apply(operations.add, "performer_day", owner, values, label=label)
        except UserError as error:
            self.refused.emit(str(error))

    def remove_selected(self) -> None:
        label = self.tr("Remove travel, rehearsal or fitting day")
        try:
            rows = self.table.selected_rows()
            remove_rows(
                self.workspace, "performer_day", [(row["id"], seen(row, "performer_day")) for row in rows], label
            )
        except UserError as error:
            self.refused.emit(str(error))


class PerformerDayDialog(QDialog):
    def __init__(self, parent: QWidget, day: dt.date, kinds: list[tuple[str, str]]):
        super().__init__(parent)
        self.setObjectName("performerDayDialog")
        self.setWindowTitle(self.tr("Travel, rehearsal or fitting"))
        self.day = date_edit(self, day)
        self.kind = QComboBox(self)
        for value, label in kinds:
            self.kind.addItem(label, value)
        self.notes = QLineEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setPlaceholderText(self.tr("e.g. flight CA 983, 10:40 from Shanghai"))
        form_with_buttons(
            self, [(self.tr("Date"), self.day), (self.tr("Called for"), self.kind), (self.tr("Notes"), self.notes)]
        )
        self.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> tuple[dt.date, str, str]:
        return self.day.date().toPython(), self.kind.currentData(), self.notes.text()
