"""Schedule: the production's shoot days and what is scheduled on each."""

from __future__ import annotations

from studio.formatting import format_eighths, format_weekday
from studio.listings import shoot_day_rows
from studio.models.enums import ShootDayKind
from ui import labels
from ui.i18n import babel_locale, day_text
from ui.pages.base import Page
from ui.table import Column


class SchedulePage(Page):
    key = "schedule"

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.days = self.table(
            [
                Column("day_number", self.tr("Day"), align_right=True),
                Column("date", self.tr("Date"), display=day_text),
                Column("weekday", self.tr("Weekday")),
                Column("kind", self.tr("Kind"), display=labels.shoot_day_kind),
                Column("unit", self.tr("Unit"), align_right=True),
                Column("scenes", self.tr("Scenes"), align_right=True),
                Column("eighths", self.tr("Pages"), display=format_eighths, align_right=True),
                Column("notes", self.tr("Notes")),
            ]
        )
        self.layout_.addWidget(self.days)

    def title(self) -> str:
        return self.tr("Schedule")

    def load(self, production_id: int) -> None:
        rows = self.workspace.read(shoot_day_rows, production_id)
        for row in rows:
            row["weekday"] = format_weekday(row["date"], babel_locale())
        self.days.set_rows(rows)
        shoot_days = sum(1 for row in rows if row["kind"] == ShootDayKind.SHOOT.value)
        scheduled = sum(row["scenes"] for row in rows)
        self.summary.setText(
            self.tr("%n shoot day(s)", "", shoot_days) + " · " + self.tr("%n scene(s) scheduled", "", scheduled)
        )
