"""Production Report: pick a shoot day, start its report at wrap (prefilled as the day was planned), then
correct it — the unit's times, each person's, the scenes' outcomes, notes — and watch each person's
overtime and penalties and the day's hot cost follow each edit; post its labour to the budget, export it.

The reports are read once (studio.day_reports.summary.DayReports) and a day is worked out again from its
own rows after each edit of a report; a change to what they are priced by reads them again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox, QTabWidget

from studio import operations
from studio.changes import Changes
from studio.day_reports.clock import Span, clock, duration
from studio.day_reports.facts import BACKGROUND, CAST, CREW
from studio.day_reports.listings import (
    hot_cost_rows,
    note_rows,
    people_rows,
    scene_rows,
    scenes_to_add,
    shoot_day_rows,
    unit_rows,
)
from studio.day_reports.postings import NOT_POSTED, POSTED, Accounts, current_accounts, post_days, posting_state
from studio.day_reports.replan import Replan, preview_replan
from studio.day_reports.starting import start_day_report, today_where_shot
from studio.day_reports.summary import DayReports, DaySummary, ahead_or_behind
from studio.errors import UserError
from studio.formatting import format_eighths
from studio.models.enums import DelayReason, ReportNoteKind, SceneOutcome
from studio.money import Money
from ui.i18n import babel_locale, chinese, day_text, money_text, sentences
from ui.lazy import on_first_call
from ui.optimize_dialog import OptimizeDialog, meals_text
from ui.pages.base import Page
from ui.table import Column, remove_rows, seen

write_dpr = on_first_call("studio.exports.dpr", "write_dpr")  # reportlab, openpyxl
REPLAN_SECONDS = 10  # as `schedule replan` searches by default
REPORT_KINDS = frozenset({"day_report", "day_report_time", "day_report_scene", "day_report_note"})


def _span(value) -> str:
    return str(Span(*value)) if value else ""


def _minutes(value) -> str:
    return duration(value) if value else ""


class ProductionReportPage(Page):
    key = "reports"
    reading_actions = frozenset({"exportPdf", "exportXlsx"})
    # What a day's report is priced by and planned from, besides the reports themselves.
    stale_on = REPORT_KINDS | frozenset(
        {
            "shoot_day",
            "cast_assignment",
            "crew_member",
            "department",
            "performer",
            "character",
            "overtime_rule",
            "location",
            "exchange_rate",
            "production",
        }
    )

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.reports: DayReports | None = None
        # The budget's accounts a day's labour posts to, worked out once (60 ms on the larger production,
        # twelve times a day's summary) until something besides a report changes: an edit of a report
        # changes what it posts, not where.
        self.accounts: Accounts | None = None
        self.shown: DaySummary | None = None
        self.days = self.table(
            [
                Column("day_number", self.tr("Day"), align_right=True),
                Column("date", self.tr("Date"), display=day_text),
                Column("reported", self.tr("Reported"), display=lambda done: self.tr("Yes") if done else ""),
            ]
        )
        self.days.view.setObjectName("reportDays")
        self.days.view.selectionModel().selectionChanged.connect(lambda *_: self.show_day())
        self.unit = self.table(self._unit_columns())
        self.unit.view.setObjectName("reportUnit")
        self.people = self.table(self._people_columns())
        self.people.view.setObjectName("reportPeople")
        self.scenes = self.table(self._scene_columns())
        self.scenes.view.setObjectName("reportScenes")
        self.notes = self.table(self._note_columns())
        self.notes.view.setObjectName("reportNotes")
        self.hot_cost = self.table(self._hot_cost_columns())
        self.hot_cost.view.setObjectName("reportHotCost")
        self.details = QTabWidget(self)
        for table, title in (
            (self.unit, self.tr("Times")),
            (self.people, self.tr("People")),
            (self.scenes, self.tr("Scenes")),
            (self.notes, self.tr("Notes")),
            (self.hot_cost, self.tr("Hot cost")),
        ):
            self.details.addTab(table, title)
        self.language = QComboBox(self)
        self.language.setObjectName("reportLanguage")
        for code, label in (("en", self.tr("English")), ("zh", self.tr("Chinese")), ("en+zh", self.tr("Both"))):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(self.language.findData("en+zh" if babel_locale().startswith("zh") else "en"))
        bar = self.toolbar(
            [
                ("startReport", self.tr("Start the report"), self.start_report),
                ("addNote", self.tr("Add a note"), self.add_note),
                ("addScene", self.tr("Add a scene shot…"), self.add_scene),
                ("removeRow", self.tr("Remove"), self.remove_row),
                ("postDay", self.tr("Post to the budget"), self.post_day),
                ("replan", self.tr("Re-plan the remaining days…"), self.replan),
                ("exportPdf", self.tr("Export PDF…"), lambda: self.export("pdf")),
                ("exportXlsx", self.tr("Export workbook…"), lambda: self.export("xlsx")),
            ]
        )
        self.add_spacer(bar)
        bar.addWidget(self.language)
        self.layout_.addWidget(bar)
        split = self.splitter("reportSplitter", Qt.Orientation.Horizontal, self.days, self.details)
        split.setSizes([220, 780])
        self.layout_.addWidget(split, 1)

    # Columns.

    def _clock_column(self, entity: str, key: str, header: str) -> Column:
        return Column(key, header, source=(entity, "id", key), editable=True, display=clock)

    def _meal_column(self, entity: str, key: str, header: str) -> Column:
        return Column(key, header, source=(entity, "id", key), editable=True, display=_span)

    @staticmethod
    def _choice_column(entity: str, field: str, header: str, choices) -> Column:
        """A field picked from a list, shown by its label (the row's `<field>_label`)."""
        return Column(
            f"{field}_label", header, source=(entity, "id", field), editable=True, choices=choices, choice_key=field
        )

    def _unit_columns(self) -> list[Column]:
        return [
            self._clock_column("day_report", "crew_call", self.tr("Crew call")),
            self._clock_column("day_report", "shooting_call", self.tr("Shooting call")),
            self._clock_column("day_report", "first_shot", self.tr("First shot")),
            self._meal_column("day_report", "lunch", self.tr("Lunch")),
            self._clock_column("day_report", "first_shot_after_lunch", self.tr("First shot after lunch")),
            self._meal_column("day_report", "second_meal", self.tr("Second meal")),
            self._clock_column("day_report", "camera_wrap", self.tr("Camera wrap")),
            self._clock_column("day_report", "last_out", self.tr("Last person out")),
            Column("notes", self.tr("Notes"), source=("day_report", "id", "notes"), editable=True, free_text=True),
        ]

    def _people_columns(self) -> list[Column]:
        kinds = {CAST: self.tr("Cast"), CREW: self.tr("Crew"), BACKGROUND: self.tr("Background")}
        entity = "day_report_time"
        return [
            Column("name_zh" if chinese() else "name", self.tr("Name")),
            Column("kind", self.tr("Kind"), display=lambda kind: kinds.get(kind, self.tr("Department"))),
            Column("detail_zh" if chinese() else "detail", self.tr("Role or position")),
            Column("count", self.tr("Count"), source=(entity, "id", "count"), editable=True, align_right=True),
            self._clock_column(entity, "call", self.tr("Call")),
            self._clock_column(entity, "makeup", self.tr("Makeup")),
            self._clock_column(entity, "on_set", self.tr("On set")),
            self._meal_column(entity, "first_meal", self.tr("First meal")),
            self._meal_column(entity, "second_meal", self.tr("Second meal")),
            self._clock_column(entity, "wrap", self.tr("Wrap")),
            self._clock_column(entity, "out", self.tr("Out")),
            Column(
                "travel_minutes",
                self.tr("Travel (minutes)"),
                source=(entity, "id", "travel_minutes"),
                editable=True,
                align_right=True,
            ),
            Column("hours", self.tr("Hours"), align_right=True),
            Column("overtime_hours", self.tr("Overtime hours"), align_right=True),
            Column("late_meals", self.tr("Late meals"), align_right=True, display=lambda n: str(n or "")),
            Column("rest", self.tr("Rest"), align_right=True),
            Column("overtime", self.tr("Overtime"), display=money_text, align_right=True, money=True),
            Column("penalties", self.tr("Penalties"), display=money_text, align_right=True, money=True),
            Column("remarks", self.tr("Remarks"), source=(entity, "id", "remarks"), editable=True, free_text=True),
        ]

    def _outcomes(self) -> list[tuple[str, str]]:
        return [
            (SceneOutcome.COMPLETED.value, self.tr("Completed")),
            (SceneOutcome.PARTIAL.value, self.tr("Partly shot")),
            (SceneOutcome.NOT_SHOT.value, self.tr("Not shot")),
        ]

    def _scene_columns(self) -> list[Column]:
        entity = "day_report_scene"
        return [
            Column("number", self.tr("Scene")),
            Column("set_zh" if chinese() else "set", self.tr("Set")),
            Column("pages", self.tr("Pages"), align_right=True),
            Column("planned", self.tr("Planned"), display=lambda planned: "" if planned else self.tr("Added")),
            self._choice_column(entity, "outcome", self.tr("Outcome"), self._outcomes),
            Column(
                "eighths_shot",
                self.tr("Pages shot (part)"),
                source=(entity, "id", "eighths_shot"),
                editable=True,
                align_right=True,
                display=lambda eighths: format_eighths(eighths) if eighths else "",
            ),
            Column(
                "screen_seconds",
                self.tr("Screen time"),
                source=(entity, "id", "screen_seconds"),
                editable=True,
                display=lambda seconds: duration(seconds) if seconds is not None else "",
            ),
            Column("setups", self.tr("Setups"), source=(entity, "id", "setups"), editable=True, align_right=True),
            Column("remarks", self.tr("Remarks"), source=(entity, "id", "remarks"), editable=True, free_text=True),
        ]

    def _note_columns(self) -> list[Column]:
        entity = "day_report_note"
        self.note_kinds = [
            (ReportNoteKind.DELAY.value, self.tr("Delay")),
            (ReportNoteKind.INCIDENT.value, self.tr("Incident")),
            (ReportNoteKind.DEPARTMENT.value, self.tr("Department")),
        ]
        self.delay_reasons = [
            ("", ""),
            (DelayReason.WEATHER.value, self.tr("Weather")),
            (DelayReason.TALENT.value, self.tr("Talent")),
            (DelayReason.EQUIPMENT.value, self.tr("Equipment")),
            (DelayReason.LOCATION.value, self.tr("Location")),
            (DelayReason.OTHER.value, self.tr("Other")),
        ]
        return [
            self._choice_column(entity, "kind", self.tr("Kind"), lambda: self.note_kinds),
            self._choice_column(entity, "reason", self.tr("Reason"), lambda: self.delay_reasons),
            Column("minutes", self.tr("Time lost"), source=(entity, "id", "minutes"), editable=True, display=_minutes),
            Column("department_zh" if chinese() else "department", self.tr("Department")),
            Column("text", self.tr("Note"), source=(entity, "id", "text"), editable=True, free_text=True),
        ]

    def _hot_cost_columns(self) -> list[Column]:
        names = {
            "cast": self.tr("Cast"),
            "crew": self.tr("Crew"),
            "background": self.tr("Background"),
            "locations": self.tr("Locations"),
            "company_moves": self.tr("Company moves"),
            "overtime": self.tr("Overtime"),
            "penalties": self.tr("Penalties"),
            "total": self.tr("Total"),
        }
        return [
            Column("category", self.tr("Hot cost"), display=lambda name: names[name]),
            Column("planned", self.tr("Planned"), display=money_text, align_right=True, money=True),
            Column("actual", self.tr("Actual"), display=money_text, align_right=True, money=True),
            Column("variance", self.tr("Variance"), display=money_text, align_right=True, money=True),
        ]

    # Loading and redrawing.

    def load(self, production_id: int) -> None:
        self.reports, self.accounts = self.workspace.read(DayReports, production_id), None
        rows = self.workspace.read(shoot_day_rows, production_id)
        self.days.set_rows(rows)
        if rows and not self.days.selected_rows():
            reported = [row["id"] for row in rows if row["reported"]]
            self.days.select_ids([reported[-1] if reported else rows[0]["id"]])  # the last day reported
        self.show_day()

    def redraw(self, changes: Changes) -> None:
        """An edit of a report works the day out again from its rows; anything else it is priced or
        planned by reads the reports again; anything but a report may move the budget's accounts."""
        if changes.everything or changes.kinds - REPORT_KINDS:
            self.accounts = None
        if changes.touches(self.stale_on - REPORT_KINDS) or self.reports is None:
            super().redraw(changes)
        elif changes.touches(REPORT_KINDS):
            self.show_day()

    def shoot_day_id(self) -> int | None:
        return self.selected_id(self.days)

    def show_day(self) -> None:
        day_id = self.shoot_day_id()
        summary = None
        if day_id is not None and self.reports is not None:
            summary = self.workspace.read(self.reports.summary, day_id)
        self.shown = summary
        not_shot = self._not_shot_yet(day_id)
        startable = summary is None and day_id is not None and not not_shot and not self.workspace.read_only
        self.buttons["startReport"].setEnabled(startable)
        self.buttons["startReport"].setToolTip(
            self.tr("Its report can be started on %1, at wrap.").replace("%1", not_shot) if not_shot else ""
        )
        for name in ("addNote", "addScene", "removeRow", "postDay"):
            self.buttons[name].setEnabled(summary is not None and not self.workspace.read_only)
        for name in ("exportPdf", "exportXlsx"):
            self.buttons[name].setEnabled(summary is not None)
        reported = any(row["reported"] for row in self.days.model.rows)
        self.buttons["replan"].setEnabled(reported and not self.workspace.read_only)
        if summary is None:
            for table in (self.unit, self.people, self.scenes, self.notes, self.hot_cost):
                table.set_rows([])
            text = self.tr("Not reported yet: start its report at wrap.") if day_id else ""
            if not_shot:
                text = self.tr("Not shot yet: its report can be started on %1, at wrap.").replace("%1", not_shot)
            self.summary.setText(text)
            return
        outcomes = dict(self._outcomes())
        scenes = [{**row, "outcome_label": outcomes[row["outcome"]]} for row in scene_rows(summary)]
        notes = note_rows(summary)
        kinds = dict(self._note_columns()[0].choices())
        reasons = dict(self._note_columns()[1].choices())
        notes = [
            {**row, "kind_label": kinds[row["kind"]], "reason_label": reasons.get(row["reason"], "")} for row in notes
        ]
        self.unit.set_rows(unit_rows(summary))
        self.people.set_rows(people_rows(summary))
        self.scenes.set_rows(scenes)
        self.notes.set_rows(notes)
        self.hot_cost.set_rows(hot_cost_rows(summary))
        if self.accounts is None:
            self.accounts = self.workspace.read(current_accounts, self.workspace.production_id)
        production_id, actual = self.workspace.production_id, summary.hot.actual
        posted = self.workspace.read(posting_state, production_id, day_id, actual, self.accounts)
        self.summary.setText(self._summary_text(summary) + " · " + self._posted_text(posted))

    def _posted_text(self, state: str) -> str:
        """Whether the day's labour is in the budget's actuals (`postings.posting_state`)."""
        if state == POSTED:
            return self.tr("posted to the budget")
        if state == NOT_POSTED:
            return self.tr("not posted to the budget yet")
        return self.tr("posted to the budget, but changed since: post it again")

    def _not_shot_yet(self, day_id: int | None) -> str:
        """The day's date, shown, when it is still to come where the production shoots; else ""."""
        row = next((row for row in self.days.model.rows if row["id"] == day_id), None)
        if row is None or row["date"] <= self.today():
            return ""
        return day_text(row["date"])

    def today(self) -> dt.date:
        return self.workspace.read(today_where_shot, self.workspace.production_id)

    def _summary_text(self, summary: DaySummary) -> str:
        shot, total = summary.shot, hot_cost_rows(summary)[-1]
        return (
            self.tr("%1 of %2 scenes completed, %3 partly shot, %4 not shot, %5 added")
            .replace("%1", str(shot.completed))
            .replace("%2", str(shot.planned))
            .replace("%3", str(shot.partial))
            .replace("%4", str(shot.not_shot))
            .replace("%5", str(shot.added))
            + " · "
            + self.tr("hot cost %1 against %2 planned")
            .replace("%1", money_text(total["actual"]))
            .replace("%2", money_text(total["planned"]))
            + " · "
            + ahead_or_behind(summary.standing.ahead_eighths)
            + "".join(f"\n⚠ {problem}" for problem in summary.minors())
        )

    # Actions.

    def start_report(self) -> None:
        day_id = self.shoot_day_id()
        if day_id is None:
            return
        try:
            self.workspace.apply(start_day_report, day_id, self.today(), label=self.tr("Start the report"))
        except UserError as error:
            self.show_refusal(str(error))
            return
        self.mark_stale()

    def add_note(self) -> None:
        if self.shown is None:
            return
        owner = {"report_id": self.shown.day.report_id}
        values = {"kind": ReportNoteKind.DELAY.value, "text": self.tr("New note")}
        self.workspace.apply(operations.add, "day_report_note", owner, values, label=self.tr("Add a note"))

    def add_scene(self) -> None:
        """A scene shot that was not planned for the day, chosen from the script's (one undo step)."""
        if self.shown is None:
            return
        report_id = self.shown.day.report_id
        scenes = self.workspace.read(scenes_to_add, report_id, self.workspace.production_id)
        set_key = "set_zh" if chinese() else "set"
        labels = [f"{scene['number']}  {scene[set_key] or scene['set']}".rstrip() for scene in scenes]
        if not labels:
            self.tell(self.tr("Every scene of the script is on this report."))
            return
        title = self.tr("Add a scene shot")
        label, ok = QInputDialog.getItem(self, title, self.tr("Scene shot on this day:"), labels, 0, False)
        if not ok:
            return
        values = {"scene_id": scenes[labels.index(label)]["id"]}
        try:
            self.workspace.apply(operations.add, "day_report_scene", {"report_id": report_id}, values, label=title)
        except UserError as error:
            self.show_refusal(str(error))

    def remove_row(self) -> None:
        """The selected notes, or scenes added on the day, removed (one undo step); a planned scene stays
        on its day's report, marked not shot."""
        if self.details.currentWidget() is self.notes:
            table, entity = self.notes, "day_report_note"
        elif self.details.currentWidget() is self.scenes:
            table, entity = self.scenes, "day_report_scene"
        else:
            self.show_refusal(self.tr("Choose the notes, or scenes added on the day, to remove."))
            return
        rows = table.selected_rows()
        if any(row.get("planned") for row in rows):
            self.show_refusal(self.tr("A scene planned for the day stays on its report: mark it not shot instead."))
            return
        remove_rows(self.workspace, entity, [(row["id"], seen(row, entity)) for row in rows], self.tr("Remove"))

    def post_day(self) -> None:
        if self.shown is None:
            return
        production_id, day_id = self.workspace.production_id, self.shown.day.shoot_day_id
        try:
            count = self.workspace.write(post_days, production_id, [day_id])
        except UserError as error:
            self.show_refusal(str(error))
            return
        self.tell(self.tr("Posted %n actual(s) to the budget", "", count))
        self.show_day()  # the actuals are no report's rows: its posted state is read again here

    def replan(self) -> None:
        """The days after the last reported re-planned with the scenes left unshot; what the slip costs is
        shown before it is stored, as one undo step."""
        numbers = [row["day_number"] for row in self.days.model.rows]
        reported = [row["day_number"] for row in self.days.model.rows if row["reported"]]
        title = self.tr("Re-plan the remaining days")
        if not reported or max(reported) >= max(numbers):
            self.show_refusal(self.tr("Re-planning needs a reported day and a day after it to plan."))
            return
        first, ok = QInputDialog.getInt(
            self, title, self.tr("Re-plan from day:"), max(reported) + 1, max(reported) + 1, max(numbers)
        )
        if not ok:
            return
        database, production_id = self.workspace.database, self.workspace.production_id

        def search(progress, cancelled) -> Replan:
            return preview_replan(database, production_id, first, REPLAN_SECONDS, progress, cancelled)

        looking = self.tr(
            "Looking for the cheapest schedule of the days from day %1 on: the costs below are theirs alone; the "
            "whole shoot's follows."
        ).replace("%1", str(first))
        dialog = OptimizeDialog(None, REPLAN_SECONDS, self, search=search, title=title, looking=looking)
        dialog.exec()
        if dialog.error is not None:
            self._task_failed(dialog.error)
            return
        plan = dialog.result
        if plan is None:
            return
        answer = QMessageBox.question(self, title, self._replan_text(plan, first))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.workspace.apply(operations.apply_replan, production_id, plan, label=title)
        except UserError as error:
            self.show_refusal(str(error))
            return
        self.tell(self.tr("Re-planned from day %1").replace("%1", str(first)))

    def _replan_text(self, plan: Replan, first: int) -> str:
        slip, improvement = plan.slip, plan.improvement
        currency = plan.after.currency
        if slip.saves:
            words = self.tr(
                "From day %1: %2 scene(s) left unshot are scheduled again. The whole schedule would cost %3. "
                "The slip saves %4: %5 cast work days, %6 hold days, %7 location days, %8 shoot day(s) added."
            )
        else:
            words = self.tr(
                "From day %1: %2 scene(s) left unshot are scheduled again. The whole schedule would cost %3. "
                "The slip costs %4: %5 cast work days, %6 hold days, %7 location days, %8 shoot day(s) added."
            )
        text = (
            words.replace("%1", str(first))
            .replace("%2", str(len(plan.unshot)))
            .replace("%3", money_text(Money(plan.after.total, currency)))
            .replace("%4", money_text(slip.size))
            .replace("%5", f"{slip.cast_work_days:+d}")
            .replace("%6", f"{slip.cast_hold_days:+d}")
            .replace("%7", f"{slip.location_days:+d}")
            .replace("%8", str(plan.days_added))
        )
        saved = conflicts = days = ""
        if plan.days_added:
            days = self.tr("The days added cost %1 in the budget, in the slip's cost.").replace(
                "%1", money_text(Money(plan.days_cost, currency))
            )
        if improvement.amount.amount > 0:
            saved = self.tr(
                "Placing the remaining days again also saves %1, as it would with every scene shot."
            ).replace("%1", money_text(improvement.amount))
        if plan.result.conflicts:
            conflicts = self.tr("%n conflict(s) remain: see the schedule.", "", plan.result.conflicts)
        text = sentences(text, days, saved, conflicts, *meals_text(plan.meals))
        return text + "\n\n" + self.tr("Store this schedule?")

    def export(self, suffix: str) -> None:
        if self.shown is None:
            return
        day_id, lang = self.shown.day.shoot_day_id, self.language.currentData()
        name = f"Day {self.shown.day.number:02d} - production report.{suffix}"
        file_filter = self.tr("PDF (*.pdf)") if suffix == "pdf" else self.tr("Excel workbook (*.xlsx)")

        def writer(session, production_id: int, path: Path) -> Path:
            return write_dpr(session, production_id, day_id, path, lang)

        self.export_file(self.tr("Export the production report"), name, file_filter, writer)
