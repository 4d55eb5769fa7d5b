"""Pay presets: overtime rules and union figures (SAG-AFTRA Verticals…) the producer keeps up to date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
)

from studio.listings import pay_preset_rows
from studio.productions import missing_pay_presets
from ui.record_form import FormField, RecordForm
from ui.table import Column, RecordTable, RecordTableModel
from ui.workspace import Workspace


class PayPresetsDialog(QDialog):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("payPresetsDialog")
        self.setWindowTitle(self.tr("Pay presets"))
        self.resize(900, 560)
        self.workspace = workspace
        self.presets = RecordTable(
            RecordTableModel(
                workspace,
                [Column("name", self.tr("Preset"), source=("overtime_rule", "id", "name"), editable=True)],
                self,
            ),
            self,
        )
        self.presets.search.hide()
        self.form = RecordForm(
            workspace,
            "overtime_rule",
            [
                FormField("name", self.tr("Name")),
                FormField("first_threshold_hours", self.tr("Overtime after (hours)")),
                FormField("first_factor", self.tr("Overtime rate (×)")),
                FormField("second_threshold_hours", self.tr("Double time after (hours)")),
                FormField("second_factor", self.tr("Double time rate (×)")),
                FormField("increment_minutes", self.tr("Counted in steps of (minutes)")),
                FormField("day_minimum", self.tr("Day minimum")),
                FormField("week_minimum", self.tr("Week minimum")),
                FormField("currency", self.tr("Currency")),
                FormField("pension_health_percent", self.tr("Pension & health (%)")),
                FormField("notes", self.tr("Notes"), "notes"),
            ],
            self,
        )
        self.presets.model.editRefused.connect(self._refused)
        self.form.refused.connect(self._refused)
        self.presets.view.selectionModel().selectionChanged.connect(self._selected)
        note = QLabel(
            self.tr("Union minimums change every contract year: check these figures against the agreement in force."),
            self,
        )
        note.setWordWrap(True)
        add = QPushButton(self.tr("Add preset"), self)
        add.clicked.connect(self.add_preset)
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(self.remove_presets)
        standard = QPushButton(self.tr("Add missing standard presets"), self)
        standard.setObjectName("standardPresets")
        standard.clicked.connect(self.add_standard)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (add, remove, standard):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.presets)
        splitter.addWidget(self.form)
        splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.reload()
        self.presets.select_ids([self.presets.model.rows[0]["id"]] if self.presets.model.rows else [])

    def reload(self) -> None:
        self.presets.set_rows(self.workspace.read(pay_preset_rows, self.workspace.production_id))
        self._selected()

    def _selected(self) -> None:
        rows = self.presets.selected_rows()
        self.form.show_record(rows[0]["id"] if len(rows) == 1 else None)

    def add_preset(self) -> None:
        values = {"name": self.tr("New preset"), "first_threshold_hours": "8", "first_factor": "1.5"}
        preset_id = self.workspace.add_row(
            "overtime_rule", {"production_id": self.workspace.production_id}, values, self.tr("Add pay preset")
        )
        self.reload()
        self.presets.select_ids([preset_id])

    def remove_presets(self) -> None:
        for row in self.presets.selected_rows():
            self.workspace.remove_row("overtime_rule", row["id"], self.tr("Remove %1").replace("%1", row["name"]))
        self.reload()

    def add_standard(self) -> None:
        owner = {"production_id": self.workspace.production_id}
        missing = self.workspace.read(missing_pay_presets, self.workspace.production_id)
        stack = self.workspace.undo_stack
        stack.beginMacro(self.tr("Add standard pay presets"))
        for preset in missing:
            self.workspace.add_row("overtime_rule", owner, preset, self.tr("Add pay preset"))
        stack.endMacro()
        self.reload()
        QMessageBox.information(self, self.tr("Pay presets"), self.tr("%n preset(s) added.", "", len(missing)))

    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Not saved"), message)
