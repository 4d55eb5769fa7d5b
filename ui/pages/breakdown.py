"""Breakdown: the production's categories (names and colours editable) and the elements in each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from studio.listings import category_rows, element_rows
from ui.i18n import chinese
from ui.lazy import on_first_call
from ui.pages.base import Page
from ui.table import Column, name_columns

write_breakdown_sheets = on_first_call("studio.exports.breakdown_pdf", "write_breakdown_sheets")  # reportlab
write_element_report = on_first_call("studio.exports.breakdown_pdf", "write_element_report")


class BreakdownPage(Page):
    key = "breakdown"
    stale_on = frozenset({"scene_element", "character", "breakdown_element"})

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.categories = self.table(
            [
                *name_columns(self.tr("Category"), "breakdown_category", color_key="color"),
                Column(
                    "color", self.tr("Colour"), source=("breakdown_category", "id", "color"), editable=True, swatch=True
                ),
                Column("elements", self.tr("Elements"), align_right=True),
            ]
        )
        self.elements = self.table(
            [
                Column(
                    "category_zh" if chinese() else "category",
                    self.tr("Category"),
                    color_key="color",
                    fallback_key="category",
                ),
                *name_columns(self.tr("Element"), "breakdown_element"),
                Column("scenes", self.tr("Scenes"), align_right=True),
            ]
        )
        self.export_sheets = QPushButton(self.tr("Export breakdown sheets…"), self)
        self.export_sheets.setObjectName("exportSheets")
        self.export_report = QPushButton(self.tr("Export element report…"), self)
        self.export_report.setObjectName("exportReport")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_sheets)
        buttons.addWidget(self.export_report)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(
            self.splitter("breakdownSplitter", Qt.Orientation.Horizontal, self.categories, self.elements)
        )
        self.categories.view.selectionModel().selectionChanged.connect(self._filter_elements)
        self.export_sheets.clicked.connect(lambda: self.export_pdf(write_breakdown_sheets, "breakdown-sheets.pdf"))
        self.export_report.clicked.connect(lambda: self.export_pdf(write_element_report, "breakdown-elements.pdf"))

    def load(self, production_id: int) -> None:
        elements = self.workspace.read(element_rows, production_id)
        categories = self.workspace.read(category_rows, production_id)
        for category in categories:
            category["elements"] = sum(1 for element in elements if element["category_id"] == category["id"])
        self.categories.set_rows(categories)
        self.elements.set_rows(elements)
        self.summary.setText(self.tr("%n element(s)", "", len(elements)))

    def export_pdf(self, writer, suggested_name: str) -> None:
        self.export_file(self.tr("Export PDF"), suggested_name, self.tr("PDF documents (*.pdf)"), writer)

    def _filter_elements(self) -> None:
        chosen = {row["id"] for row in self.categories.selected_rows()}
        self.elements.proxy.set_predicate((lambda row: row["category_id"] in chosen) if chosen else None)
