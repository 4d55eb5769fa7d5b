"""Breakdown: the elements tagged in scenes, by category."""

from __future__ import annotations

from studio.listings import element_rows
from ui.pages.base import Page
from ui.table import Column


class BreakdownPage(Page):
    key = "breakdown"

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.elements = self.table(
            [
                Column("category", self.tr("Category"), color_key="color"),
                Column("name", self.tr("Element"), source=("breakdown_element", "id", "name"), editable=True),
                Column(
                    "name_zh", self.tr("Chinese name"), source=("breakdown_element", "id", "name_zh"), editable=True
                ),
                Column("scenes", self.tr("Scenes"), align_right=True),
            ]
        )
        self.layout_.addWidget(self.elements)

    def title(self) -> str:
        return self.tr("Breakdown")

    def load(self, production_id: int) -> None:
        rows = self.workspace.read(element_rows, production_id)
        self.elements.set_rows(rows)
        self.summary.setText(self.tr("%n element(s)", "", len(rows)))
