"""Pay presets: overtime rules and union figures (SAG-AFTRA Verticals…) the producer keeps up to date."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from studio import operations, vocabulary
from studio.listings import pay_preset_rows
from studio.productions import missing_pay_presets
from ui import labels
from ui.record_form import FormField
from ui.row_list_dialog import RowListDialog
from ui.table import Column
from ui.workspace import Workspace


class PayPresetsDialog(RowListDialog):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(
            workspace,
            "overtime_rule",
            [
                Column(
                    "name",
                    self.tr("Preset"),
                    source=("overtime_rule", "id", "name"),
                    editable=True,
                    display=labels.pay_preset_name,  # the standard ones in the user's language
                )
            ],
            pay_preset_rows,
            lambda: {"name": self.tr("New preset"), "first_threshold_hours": "8", "first_factor": "1.5"},
            [
                FormField(
                    "name",
                    self.tr("Name"),
                    shown=labels.pay_preset_name,
                    entered=lambda text: vocabulary.from_chinese("pay_presets", text),
                ),
                FormField("first_threshold_hours", self.tr("Overtime after (hours)")),
                FormField("first_factor", self.tr("Overtime rate (×)")),
                FormField("second_threshold_hours", self.tr("Double time after (hours)")),
                FormField("second_factor", self.tr("Double time rate (×)")),
                FormField("increment_minutes", self.tr("Counted in steps of (minutes)")),
                FormField("day_minimum", self.tr("Day minimum")),
                FormField("week_minimum", self.tr("Week minimum")),
                FormField("currency", self.tr("Currency")),
                FormField("pension_health_percent", self.tr("Pension & health (%)")),
                FormField("meal_interval_minutes", self.tr("Meal due within (minutes)")),
                FormField("meal_penalty_step_minutes", self.tr("Meal penalty for each (minutes late)")),
                FormField("meal_penalty_first", self.tr("First meal penalty")),
                FormField("meal_penalty_second", self.tr("Second meal penalty")),
                FormField("meal_penalty_later", self.tr("Each later meal penalty")),
                FormField("rest_hours", self.tr("Rest between days (hours)")),
                FormField("forced_call_days", self.tr("Forced call (days' pay)")),
                FormField(
                    "notes",
                    self.tr("Notes"),
                    "notes",
                    shown=labels.pay_preset_notes,
                    entered=lambda text: vocabulary.from_chinese("pay_preset_notes", text),
                ),
            ],
            parent,
        )
        self.setObjectName("payPresetsDialog")
        self.setWindowTitle(self.tr("Pay presets"))
        self.resize(900, 560)
        self.show_note(
            self.tr("Union minimums change every contract year: check these figures against the agreement in force.")
        )
        self.add_button(self.tr("Add missing standard presets"), self.add_standard, "standardPresets")

    def add_standard(self) -> None:
        owner = {"production_id": self.workspace.production_id}
        missing = self.workspace.read(missing_pay_presets, self.workspace.production_id)
        with self.workspace.one_step(self.tr("Add standard pay presets")):
            for preset in missing:
                self.workspace.apply(operations.add, "overtime_rule", owner, preset, label=self.tr("Add pay preset"))
        self.reload()
        QMessageBox.information(self, self.tr("Pay presets"), self.tr("%n preset(s) added.", "", len(missing)))
