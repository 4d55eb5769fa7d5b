"""Schedule → Settings' drives typed for a pair of locations: a small table (from, to, minutes typed,
minutes the map gives) with a row to add one and a button to remove those selected. The minutes are
edited in place; every change is checked, saved and undoable."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlmodel import select

from studio import operations
from studio.drive_times import drive_rows
from studio.errors import UserError
from studio.models import Location
from ui.i18n import shown_name
from ui.spin_boxes import whole_number_box
from ui.table import Column, RecordTable, RecordTableModel, remove_rows, seen
from ui.workspace import Workspace


class DriveTable(QWidget):
    refused = Signal(str)

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("typedDrives")
        self.workspace = workspace
        columns = [
            Column("from_shown", self.tr("From")),
            Column("to_shown", self.tr("To")),
            Column(
                "minutes",
                self.tr("Minutes typed"),
                source=("location_drive", "id", "minutes"),
                editable=not workspace.read_only,
                align_right=True,
            ),
            Column("mapped", self.tr("From the map"), display=self._mapped, align_right=True),
        ]
        self.table = RecordTable(RecordTableModel(workspace, columns, self), self)
        self.table.search.hide()
        self.table.model.editRefused.connect(self.refused)
        self.first, self.second = QComboBox(self), QComboBox(self)
        self.first.setObjectName("driveFrom")
        self.second.setObjectName("driveTo")
        self.minutes = whole_number_box(self, 0, 600, 30, self.tr(" min"))
        self.minutes.setKeyboardTracking(True)
        self.add_button = QPushButton(self.tr("Type a drive"), self)
        self.add_button.setObjectName("addDrive")
        self.add_button.clicked.connect(self.add_drive)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("removeDrive")
        self.remove_button.clicked.connect(self.remove_selected)
        adding = QHBoxLayout()
        for widget in (self.first, QLabel("↔", self), self.second, self.minutes, self.add_button, self.remove_button):
            adding.addWidget(widget)
        adding.addStretch(1)
        for button in (self.add_button, self.remove_button):
            button.setEnabled(not workspace.read_only)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(adding)
        layout.addWidget(self.table)
        workspace.changed.connect(lambda changes: changes.touches({"location_drive", "location"}) and self.reload())
        workspace.changedElsewhere.connect(self.reload)
        self.reload()

    def _mapped(self, minutes: int | None) -> str:
        return "—" if minutes is None else self.tr("%1 min").replace("%1", str(minutes))

    def reload(self) -> None:
        production_id = self.workspace.production_id
        locations = self.workspace.read(
            lambda session: session.exec(
                select(Location).where(Location.production_id == production_id).order_by(Location.name)
            ).all()
        )
        for box in (self.first, self.second):
            chosen = box.currentData()
            box.clear()
            for location in locations:
                box.addItem(shown_name(location.name, location.name_zh), location.id)
            if chosen is not None and box.findData(chosen) >= 0:
                box.setCurrentIndex(box.findData(chosen))
        if self.second.currentIndex() == self.first.currentIndex() and self.second.count() > 1:
            self.second.setCurrentIndex(1)
        rows = self.workspace.read(drive_rows, production_id)
        for row in rows:
            row["from_shown"] = shown_name(row["from"], row["from_zh"])
            row["to_shown"] = shown_name(row["to"], row["to_zh"])
        self.table.set_rows(rows)

    def add_drive(self) -> None:
        values = {
            "from_location_id": self.first.currentData(),
            "to_location_id": self.second.currentData(),
            "minutes": self.minutes.value(),
        }
        owner = {"production_id": self.workspace.production_id}
        try:
            self.workspace.apply(operations.add, "location_drive", owner, values, label=self.tr("Type a drive"))
        except UserError as error:
            self.refused.emit(str(error))

    def remove_selected(self) -> None:
        rows = [(row["id"], seen(row, "location_drive")) for row in self.table.selected_rows()]
        try:
            remove_rows(self.workspace, "location_drive", rows, self.tr("Remove a typed drive"))
        except UserError as error:
            self.refused.emit(str(error))
