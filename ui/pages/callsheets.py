"""Call sheets: one per shoot day, with the day's calls and weather as entered."""

from __future__ import annotations

from studio.listings import call_sheet_rows
from ui.i18n import day_text
from ui.pages.base import Page
from ui.table import Column


def _clock(value) -> str:
    return value.strftime("%H:%M")


class CallSheetsPage(Page):
    key = "callsheets"

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.sheets = self.table(
            [
                Column("day_number", self.tr("Day"), align_right=True),
                Column("date", self.tr("Date"), display=day_text),
                Column("crew_call", self.tr("Crew call"), display=_clock),
                Column("shooting_call", self.tr("Shooting call"), display=_clock),
                Column("weather", self.tr("Weather")),
            ]
        )
        self.layout_.addWidget(self.sheets)

    def title(self) -> str:
        return self.tr("Call Sheets")

    def load(self, production_id: int) -> None:
        rows = self.workspace.read(call_sheet_rows, production_id)
        self.sheets.set_rows(rows)
        self.summary.setText(self.tr("%n shoot day(s)", "", len(rows)))
