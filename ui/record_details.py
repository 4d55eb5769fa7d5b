"""A person's or a place's details beside their table: the details form and the "Unavailable" calendar."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.availability import AvailabilityPanel
from ui.record_form import FormField, RecordForm
from ui.workspace import Workspace


class RecordDetails(QTabWidget):
    refused = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        entity: str,
        fields: list[FormField],
        owner_column: str,
        parent=None,
        above_form: QWidget | None = None,
    ):
        super().__init__(parent)
        self.form = RecordForm(workspace, entity, fields, self)
        self.calendar = AvailabilityPanel(workspace, owner_column, self)
        for part in (self.form, self.calendar):
            part.refused.connect(self.refused)
        details = self.form
        if above_form is not None:  # e.g. the performer's photo
            details = QWidget(self)
            layout = QVBoxLayout(details)
            layout.addWidget(above_form)
            layout.addWidget(self.form)
        self.addTab(details, self.tr("Details"))
        self.addTab(self.calendar, self.tr("Unavailable"))

    def show_record(self, row_id: int | None) -> None:
        self.form.show_record(row_id)
        self.calendar.show_owner(row_id)

    def edit(self, field: str) -> None:
        """Bring the form forward with `field` selected, ready to type over (a row just added)."""
        self.setCurrentIndex(0)
        self.form.editors[field].setFocus()
        self.form.editors[field].selectAll()
