"""The "Unavailable" calendar of one performer, crew member or location: dates with their reasons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio import operations
from studio.errors import UserError
from studio.listings import availability_rows
from ui.form_dialog import add_and_remove_buttons, date_edit, form_with_buttons
from ui.i18n import day_text
from ui.table import Column, RecordTable, RecordTableModel, remove_rows, seen
from ui.workspace import Workspace

UNAVAILABLE = QColor("#f4c7c3")


class AvailabilityPanel(QWidget):
    """A calendar marking unavailable days over the list of ranges; add and remove are undoable."""

    refused = Signal(str)

    def __init__(self, workspace: Workspace, owner_column: str, parent=None):
        super().__init__(parent)
        self.workspace, self.owner_column = workspace, owner_column
        self.owner_id: int | None = None
        self.marked: list[QDate] = []
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("availabilityCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.ranges = RecordTable(
            RecordTableModel(
                workspace,
                [
                    Column(
                        "start",
                        self.tr("From"),
                        source=("availability", "id", "start_date"),
                        editable=True,
                        display=day_text,
                    ),
                    Column(
                        "end", self.tr("To"), source=("availability", "id", "end_date"), editable=True, display=day_text
                    ),
                    Column("days", self.tr("Days"), align_right=True),
                    Column(
                        "reason",
                        self.tr("Reason"),
                        source=("availability", "id", "reason"),
                        editable=True,
                        free_text=True,
                    ),
                ],
                self,
            ),
            self,
        )
        self.ranges.search.hide()
        self.ranges.model.editRefused.connect(self.refused)
        buttons, self.add_button, self.remove_button = add_and_remove_buttons(
            self,
            (self.tr("Add unavailable dates…"), "addUnavailable", self.ask_dates),
            (self.tr("Remove"), "removeUnavailable", self.remove_selected),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)
        layout.addLayout(buttons)
        layout.addWidget(self.ranges)
        workspace.changed.connect(lambda changes: changes.touches({"availability"}) and self.reload())
        workspace.changedElsewhere.connect(self.reload)  # a colleague's save (or ours refused for it)
        self.show_owner(None)

    def show_owner(self, owner_id: int | None) -> None:
        self.owner_id = owner_id
        self.setEnabled(owner_id is not None)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not self.workspace.read_only)
        self.reload()

    def reload(self) -> None:
        rows = []
        if self.owner_id is not None and self.workspace.database is not None:
            rows = self.workspace.read(availability_rows, self.owner_column, self.owner_id)
        self.ranges.set_rows(rows)
        self._mark_calendar(rows)

    def _mark_calendar(self, rows) -> None:
        for day in self.marked:
            self.calendar.setDateTextFormat(day, QTextCharFormat())
        self.marked = []
        marked = QTextCharFormat()
        marked.setBackground(QBrush(UNAVAILABLE))
        for row in rows:
            day = row["start"]
            while day <= row["end"] and len(self.marked) < 1000:
                date = QDate(day.year, day.month, day.day)
                self.calendar.setDateTextFormat(date, marked)
                self.marked.append(date)
                day += dt.timedelta(days=1)
        if rows:
            first = rows[0]["start"]
            self.calendar.setCurrentPage(first.year, first.month)

    def ask_dates(self) -> None:
        selected = self.calendar.selectedDate().toPython()
        dialog = UnavailableDialog(self, selected)
        if dialog.exec():
            self.add_dates(*dialog.values())

    def add_dates(self, start: dt.date, end: dt.date, reason: str) -> None:
        values = {"start_date": start, "end_date": end, "reason": reason}
        try:
            label = self.tr("Add unavailable dates")
            owner = {self.owner_column: self.owner_id}
            self.workspace.apply(operations.add, "availability", owner, values, label=label)
        except UserError as error:
            self.refused.emit(str(error))

    def remove_selected(self) -> None:
        label = self.tr("Remove unavailable dates")
        rows = self.ranges.selected_rows()
        try:
            remove_rows(self.workspace, "availability", [(row["id"], seen(row, "availability")) for row in rows], label)
        except UserError as error:
            self.refused.emit(str(error))


class UnavailableDialog(QDialog):
    def __init__(self, parent: QWidget, day: dt.date):
        super().__init__(parent)
        self.setObjectName("unavailableDialog")
        self.setWindowTitle(self.tr("Unavailable"))
        self.start, self.end = date_edit(self, day), date_edit(self, day)
        self.start.dateChanged.connect(lambda date: self.end.date() < date and self.end.setDate(date))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("e.g. prior booking, travel, family event"))
        form_with_buttons(
            self, [(self.tr("From"), self.start), (self.tr("To"), self.end), (self.tr("Reason"), self.reason)]
        )
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> tuple[dt.date, dt.date, str]:
        return self.start.date().toPython(), self.end.date().toPython(), self.reason.text()
