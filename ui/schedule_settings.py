"""Schedule → Settings: the production's day limits, how long scenes and moves take, what a move costs,
how its drives are worked out (roads, speed, cost an hour, minutes typed for a pair of locations), when
days call, when a performer is dropped, and the base city whose sun times (and place on the map) a
location without coordinates takes. Each change is checked, saved and undoable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from studio import operations
from studio.errors import ChangedElsewhere, UserError
from studio.models import Production
from ui.drive_table import DriveTable
from ui.spin_boxes import whole_number_box
from ui.workspace import Workspace


class ScheduleSettingsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("scheduleSettings")
        self.setWindowTitle(self.tr("Schedule settings"))
        self.workspace = workspace
        production = workspace.read(lambda session: session.get(Production, workspace.production_id))
        self.version = production.version  # as shown: a save after a colleague's is refused, not written over
        form = QFormLayout()
        self.pages = whole_number_box(self, 1, 50, production.max_eighths_per_day // 8, self.tr(" pages"))
        self.pages.valueChanged.connect(lambda pages: self.save("max_eighths_per_day", pages * 8))
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(1, 24)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue(production.max_minutes_per_day / 60)
        self.hours.setKeyboardTracking(False)
        self.hours.valueChanged.connect(lambda hours: self.save("max_minutes_per_day", round(hours * 60)))
        self.per_page = whole_number_box(self, 1, 240, production.minutes_per_page, self.tr(" min"))
        self.per_page.valueChanged.connect(lambda minutes: self.save("minutes_per_page", minutes))
        self.setup = whole_number_box(self, 0, 120, production.setup_minutes_per_scene, self.tr(" min"))
        self.setup.valueChanged.connect(lambda minutes: self.save("setup_minutes_per_scene", minutes))
        self.move_time = whole_number_box(self, 0, 600, production.company_move_minutes, self.tr(" min"))
        self.move_time.valueChanged.connect(lambda minutes: self.save("company_move_minutes", minutes))
        self.move_cost = QLineEdit(str(production.company_move_cost.amount), self)
        self.move_cost.editingFinished.connect(lambda: self.save("company_move_cost", self.move_cost.text()))
        self.roads = whole_number_box(self, 100, 500, production.road_percent, self.tr(" % of the straight line"))
        self.roads.valueChanged.connect(lambda percent: self.save("road_percent", percent))
        self.speed = whole_number_box(self, 1, 200, production.drive_speed_kmh, self.tr(" km/h"))
        self.speed.valueChanged.connect(lambda speed: self.save("drive_speed_kmh", speed))
        self.drive_cost = QLineEdit(str(production.drive_cost_per_hour.amount), self)
        self.drive_cost.editingFinished.connect(lambda: self.save("drive_cost_per_hour", self.drive_cost.text()))
        self.drives = DriveTable(workspace, self)
        self.drives.refused.connect(lambda message: self.parent().show_refusal(message))
        self.crew_call = QTimeEdit(QTime(production.default_crew_call.hour, production.default_crew_call.minute), self)
        self.crew_call.setDisplayFormat("HH:mm")
        self.crew_call.setKeyboardTracking(False)
        self.crew_call.timeChanged.connect(lambda time: self.save("default_crew_call", time.toString("HH:mm")))
        self.drop_gap = whole_number_box(self, 1, 365, production.drop_pickup_min_gap_days, self.tr(" days"))
        self.drop_gap.valueChanged.connect(lambda days: self.save("drop_pickup_min_gap_days", days))
        # Typed freely, saved when left: the city's name and its coordinates.
        self.typed = {
            "base_city": QLineEdit(self),
            "base_latitude": QLineEdit(self),
            "base_longitude": QLineEdit(self),
        }
        self.typed["base_city"].setPlaceholderText(self.tr("e.g. Los Angeles"))
        self.typed["base_latitude"].setPlaceholderText(self.tr("e.g. 34.0522"))
        self.typed["base_longitude"].setPlaceholderText(self.tr("e.g. -118.2437"))
        self.typed["base_city"].setToolTip(
            self.tr("A location without coordinates takes its sunrise, sunset and dusk from the base city")
        )
        for field, editor in self.typed.items():
            editor.editingFinished.connect(lambda field=field, editor=editor: self._typed(field, editor))
        self._show_typed(production)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("Most pages a day"), self.pages),
            (self.tr("Most hours from call to wrap"), self.hours),
            (self.tr("Minutes a page takes"), self.per_page),
            (self.tr("Set-up time per scene"), self.setup),
            (self.tr("Company move: wrapping and setting up again"), self.move_time),
            (self.tr("Company move costs (%1)").replace("%1", production.base_currency), self.move_cost),
            (self.tr("Roads between locations"), self.roads),
            (self.tr("Average driving speed"), self.speed),
            (self.tr("Driving costs an hour (%1)").replace("%1", production.base_currency), self.drive_cost),
            (self.tr("Earliest crew call"), self.crew_call),
            (self.tr("Drop a performer across a gap of at least"), self.drop_gap),
            (self.tr("Base city"), self.typed["base_city"]),
            (self.tr("Base city latitude"), self.typed["base_latitude"]),
            (self.tr("Base city longitude"), self.typed["base_longitude"]),
        ]
        for label, editor in rows:
            form.addRow(label, editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Drives typed for a pair of locations (they win over the map)"), self))
        layout.addWidget(self.drives)
        layout.addWidget(buttons)

    def save(self, field: str, value: Any) -> None:
        label = self.tr("Schedule settings")
        try:
            production_id = self.workspace.production_id
            args = ("production", production_id, {field: value}, self.version)
            changes = self.workspace.apply(operations.edit, *args, label=label)
        except UserError as error:
            production = self.workspace.read(lambda session: session.get(Production, self.workspace.production_id))
            if isinstance(error, ChangedElsewhere):  # the colleague's settings, and their version
                self.show_settings(production)
            self.move_cost.setText(str(production.company_move_cost.amount))  # the fields typed freely
            self.drive_cost.setText(str(production.drive_cost_per_hour.amount))
            self._show_typed(production)
            self.parent().show_refusal(str(error))
            return
        if changes.version("production", production_id) is not None:
            self.version = changes.version("production", production_id)  # our own save

    def _typed(self, field: str, editor: QLineEdit) -> None:
        if editor.isModified():  # left without a change: nothing to save
            editor.setModified(False)
            self.save(field, editor.text())

    def _show_typed(self, production: Production) -> None:
        for field, editor in self.typed.items():
            value = getattr(production, field)
            editor.setText("" if value is None else str(value))
            editor.setModified(False)

    def show_settings(self, production: Production) -> None:
        """Show the production's settings as stored (without saving them again)."""
        self.version = production.version
        self._show_typed(production)
        values = [
            (self.pages, production.max_eighths_per_day // 8),
            (self.hours, production.max_minutes_per_day / 60),
            (self.per_page, production.minutes_per_page),
            (self.setup, production.setup_minutes_per_scene),
            (self.move_time, production.company_move_minutes),
            (self.roads, production.road_percent),
            (self.speed, production.drive_speed_kmh),
            (self.crew_call, QTime(production.default_crew_call.hour, production.default_crew_call.minute)),
            (self.drop_gap, production.drop_pickup_min_gap_days),
        ]
        for editor, value in values:
            editor.blockSignals(True)
            if isinstance(editor, QTimeEdit):
                editor.setTime(value)
            else:
                editor.setValue(value)
            editor.blockSignals(False)
