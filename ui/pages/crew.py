"""Crew: who works on the production, by department, with the languages they speak."""

from __future__ import annotations

from studio.listings import crew_rows
from ui.i18n import babel_locale, money_text
from ui.pages.base import Page
from ui.table import Column


class CrewPage(Page):
    key = "crew"

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        department_key = "department_zh" if babel_locale().startswith("zh") else "department"
        self.crew = self.table(
            [
                Column(department_key, self.tr("Department")),
                Column("position", self.tr("Position"), source=("crew_member", "id", "position"), editable=True),
                Column("name", self.tr("Name"), source=("crew_member", "id", "name"), editable=True),
                Column("name_zh", self.tr("Chinese name"), source=("crew_member", "id", "name_zh"), editable=True),
                Column("languages", self.tr("Languages")),
                Column("phone", self.tr("Phone")),
                Column("email", self.tr("Email")),
                Column("rate", self.tr("Rate"), display=money_text, align_right=True),
            ]
        )
        self.layout_.addWidget(self.crew)

    def title(self) -> str:
        return self.tr("Crew")

    def load(self, production_id: int) -> None:
        rows = self.workspace.read(crew_rows, production_id)
        self.crew.set_rows(rows)
        mandarin = sum(1 for row in rows if "Mandarin" in row["languages"])
        self.summary.setText(
            self.tr("%n crew member(s)", "", len(rows)) + " · " + self.tr("%n speak(s) Mandarin", "", mandarin)
        )
