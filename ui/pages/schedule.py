"""Schedule: the stripboard, its conflicts and Day Out of Days, the shoot days, and the optimizer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio import operations
from studio.changes import Changes
from studio.errors import UserError
from studio.exports.dood import write_dood
from studio.formatting import format_eighths, format_weekday
from studio.listings import shoot_day_rows
from studio.models.enums import ShootDayKind
from studio.money import Money
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.auto import days_needed
from studio.schedule.board import Board, StripCard
from studio.schedule.board_loading import load_board
from studio.schedule.dood import WORK, DayOutOfDays
from studio.schedule.packing import shooting_order
from studio.schedule.strips import next_free_date
from studio.schedule.timeline import clock, hours
from ui import labels
from ui.i18n import babel_locale, day_text, money_text, shown_name
from ui.lazy import on_first_call
from ui.optimize_dialog import OptimizeDialog, result_text
from ui.pages.base import Page
from ui.schedule_settings import ScheduleSettingsDialog
from ui.stripboard import BoardRow, StripBoardModel, StripBoardView
from ui.table import Column, seen

write_shoot_calendar = on_first_call("studio.exports.calendar_ics", "write_shoot_calendar")  # icalendar
write_shooting_schedule = on_first_call("studio.exports.schedule_pdf", "write_shooting_schedule")  # reportlab
CODE_COLOURS = {"H": "#ffe0a3", "D": "#e0e0e0", "T": "#b9d7f5", "R": "#dccbf2", "F": "#f7cde2"}
WORK_COLOUR = "#b7e4b7"


class SchedulePage(Page):
    key = "schedule"
    reading_actions = frozenset({"exportSchedule"})
    stale_on = frozenset(
        {
            "strip",
            "shoot_day",
            "scene",
            "cast_assignment",
            "availability",
            "performer_day",
            "location",
            "location_drive",  # a drive typed for a pair of locations: the moves' minutes and cost
            "film_set",
            "call_sheet",  # a crew call entered there moves the day's clock
            "call_time",  # a performer's typed call, their durations and pay preset: the overtime and meals
            "performer",
            "overtime_rule",
            "production",
        }
    )

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.board: Board | None = None
        self.model = StripBoardModel(self._describe_day, self._describe_boneyard, self._describe_sun, self)
        self.model.moveRequested.connect(self.move)
        self.view = StripBoardView(self)
        self.view.setModel(self.model)
        self.view.doubleClicked.connect(self._open_scene)
        self.conflicts = QListWidget(self)
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts.itemActivated.connect(self._show_conflict)
        self.dood = QTableWidget(self)
        self.dood.setObjectName("dayOutOfDays")
        self.dood.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self._dood_shape: tuple | None = None  # the dates and cast the table shows, and its cells' values
        self._dood_cells: list[list] = []
        self.days = self.table(
            [
                Column("day_number", self.tr("Day"), align_right=True),
                Column("date", self.tr("Date"), display=day_text),
                Column("weekday", self.tr("Weekday")),
                Column("kind", self.tr("Kind"), display=labels.shoot_day_kind),
                Column("unit", self.tr("Unit"), source=("shoot_day", "id", "unit"), editable=True, align_right=True),
                Column("scenes", self.tr("Scenes"), align_right=True),
                Column("eighths", self.tr("Pages"), display=format_eighths, align_right=True),
                Column("notes", self.tr("Notes"), source=("shoot_day", "id", "notes"), editable=True, free_text=True),
            ]
        )
        days_tab = QWidget(self)
        days_layout = QVBoxLayout(days_tab)
        days_layout.setContentsMargins(0, 0, 0, 0)
        days_bar = QToolBar(days_tab)
        for name, text, slot in (
            ("addDay", self.tr("Add shoot day"), self.add_day),
            ("dayOff", self.tr("Day off / shoot day"), self.toggle_day_off),
            ("removeDay", self.tr("Remove day"), self.remove_days),
        ):
            action = days_bar.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
            self.buttons[name] = action
        days_layout.addWidget(days_bar)
        days_layout.addWidget(self.days)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        self.tabs.addTab(self.dood, self.tr("Day Out of Days"))
        self.tabs.addTab(days_tab, self.tr("Shoot days"))
        self.layout_.addWidget(self._toolbar())
        main = self.splitter("scheduleSplitter", Qt.Orientation.Horizontal, self.view, self.tabs)
        main.setSizes([620, 460])
        self.layout_.addWidget(main, 1)

    def _toolbar(self):
        bar = self.toolbar(
            [
                ("optimize", self.tr("Optimize…"), self.optimize),
                ("lockStrips", self.tr("Lock"), lambda: self.lock(True)),
                ("unlockStrips", self.tr("Unlock"), lambda: self.lock(False)),
                ("toBoneyard", self.tr("To boneyard"), self.to_boneyard),
                ("addBanner", self.tr("Add banner…"), self.ask_banner),
                ("stripColour", self.tr("Colour…"), self.choose_colour),
                ("sortByLocation", self.tr("Sort by location"), lambda: self.sort_days(by_location=True)),
                ("sortByScene", self.tr("Sort by scene"), lambda: self.sort_days(by_location=False)),
                ("scheduleSettings", self.tr("Settings…"), self.edit_settings),
                ("exportSchedule", self.tr("Export"), lambda: self.export_schedule("full")),
            ]
        )
        self._export_menu(bar)
        self.buttons["optimize"].setToolTip(
            self.tr("Put every scene on a day at the lowest cost: cast days, location days and company moves")
        )
        self.add_spacer(bar)
        self.search = QLineEdit(self)
        self.search.setObjectName("stripFilter")
        self.search.setPlaceholderText(self.tr("Filter: scene, set, location, episode E12, cast ID #3…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.time_filter = QComboBox(self)
        self.time_filter.setObjectName("timeFilter")
        for label, night in ((self.tr("Day and night"), None), (self.tr("Day"), False), (self.tr("Night"), True)):
            self.time_filter.addItem(label, night)
        self.time_filter.currentIndexChanged.connect(self._filter)
        bar.addWidget(self.search)
        bar.addWidget(self.time_filter)
        return bar

    def _export_menu(self, bar: QToolBar) -> None:
        """Export ▾: the documents a shoot runs on, headed in English and Chinese (a crew login may too)."""
        menu = QMenu(self)
        for name, text, slot in (
            ("exportSchedulePdf", self.tr("Shooting schedule (PDF)…"), lambda: self.export_schedule("full")),
            ("exportOneLiner", self.tr("One-liner (PDF)…"), lambda: self.export_schedule("one-liner")),
            ("exportDood", self.tr("Day Out of Days (Excel or PDF)…"), self.export_dood),
            ("exportCalendar", self.tr("Shoot calendar (.ics)…"), self.export_calendar),
        ):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(slot)
        self.buttons["exportSchedule"].setMenu(menu)
        bar.widgetForAction(self.buttons["exportSchedule"]).setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def export_schedule(self, report: str) -> None:
        name = "shooting-schedule.pdf" if report == "full" else "one-liner.pdf"
        self.export_file(
            self.tr("Export Schedule"),
            name,
            self.tr("PDF documents (*.pdf)"),
            lambda session, production_id, path: write_shooting_schedule(session, production_id, path, report, "en+zh"),
        )

    def export_dood(self) -> None:
        self.export_file(
            self.tr("Export Day Out of Days"),
            "day-out-of-days.xlsx",
            self.tr("Excel workbooks (*.xlsx);;PDF documents (*.pdf)"),
            lambda session, production_id, path: write_dood(session, production_id, path, "en+zh"),
        )

    def export_calendar(self) -> None:
        self.export_file(
            self.tr("Export Shoot Calendar"), "shoot-calendar.ics", self.tr("Calendars (*.ics)"), write_shoot_calendar
        )

    def load(self, production_id: int) -> None:
        self.view.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if self.workspace.read_only
            else QAbstractItemView.DragDropMode.DragDrop
        )
        self.show_board(self.workspace.read(load_board, production_id))
        rows = self.workspace.read(shoot_day_rows, production_id)
        for row in rows:
            row["weekday"] = format_weekday(row["date"], babel_locale())
        self.days.set_rows(rows)

    def show_board(self, board: Board) -> None:
        """Everything derived from the board: strips and day breaks, conflicts, Day Out of Days, cost."""
        self.board = board
        analysis = BoardAnalysis(board, self.model.analysis)  # after a drag, the days it left are kept
        conflicts, cost = analysis.conflicts, analysis.cost
        scroll = self.view.verticalScrollBar().value()
        self.model.set_board(analysis)
        self.view.verticalScrollBar().setValue(scroll)
        self._show_conflicts(conflicts)
        self._show_dood(analysis.dood)
        parts = [
            self.tr("%n shoot day(s)", "", len(board.days)),
            self.tr("%n scene(s) scheduled", "", cost.scheduled_scenes),
        ]
        if board.priced:
            parts.append(
                self.tr(
                    "cost %1: cast %2, overtime and penalties %4, locations %3, %n company move(s) %5",
                    "",
                    cost.company_moves,
                )
                .replace("%5", money_text(Money(cost.moves, board.currency)))
                .replace("%1", money_text(Money(cost.total, board.currency)))
                .replace("%2", money_text(Money(cost.cast, board.currency)))
                .replace("%3", money_text(Money(cost.locations, board.currency)))
                .replace("%4", money_text(Money(cost.labour, board.currency)))
            )
        else:
            parts.append(self.tr("%n company move(s)", "", cost.company_moves))
        parts.append(self.tr("%n conflict(s)", "", len(conflicts)))
        self.summary.setText(" · ".join(parts))

    def _describe_day(self, row: BoardRow) -> str:
        totals, day, times = row.totals, row.day, row.times
        parts = [self.tr("Day %1 · %2").replace("%1", str(day.number)).replace("%2", day_text(day.date))]
        if row.warnings:  # first after the date, so a narrow board still shows it
            parts.append("⚠ " + self.tr("%n conflict(s)", "", row.warnings))
        if times is not None and totals.scenes:  # then the day's clock, before what a narrow board may cut
            parts.append(f"{clock(times.call)}–{clock(times.wrap)} ({hours(times.length)} h)")
        parts += [
            self.tr("%1 pages · %n set(s)", "", totals.sets).replace("%1", format_eighths(totals.eighths)),
            self.tr("%n company move(s)", "", totals.moves),
        ]
        if totals.driving:
            parts[-1] += " " + self.tr("(%1 min driving)").replace("%1", str(totals.driving))
        return " · ".join(parts)

    def _describe_sun(self, row: BoardRow) -> str:
        """Sunset and dark on the day, and where they are from when no location says."""
        board, day = self.model.board, row.day
        text = self.tr("Sunset %1 · dark %2").replace("%1", clock(day.sunset)).replace("%2", clock(day.dusk))
        if not board.sun_known:
            return text + " " + self.tr("(assumed: no location has coordinates and no base city is set)")
        if board.sun_city:
            where = self.tr("(%1, the base city: no location has coordinates)")
            return text + " " + where.replace("%1", board.sun_city)
        return text

    def _describe_boneyard(self, count: int) -> str:
        return self.tr("Boneyard (not scheduled): %n scene(s)", "", count)

    def _show_conflicts(self, conflicts) -> None:
        """The list's items are kept and rewritten: a wrapped list built anew is laid out anew, which cost
        more than the rest of a drag."""
        while self.conflicts.count() > len(conflicts):
            self.conflicts.takeItem(self.conflicts.count() - 1)
        for row, conflict in enumerate(conflicts):
            item = self.conflicts.item(row) or QListWidgetItem(self.conflicts)
            if item.text() != conflict.message:
                item.setText(conflict.message)
            if item.data(Qt.ItemDataRole.UserRole) != list(conflict.strip_ids):
                item.setData(Qt.ItemDataRole.UserRole, list(conflict.strip_ids))
        title = self.tr("Conflicts (%1)").replace("%1", str(len(conflicts)))
        if self.tabs.tabText(0) != title:  # the same title set again lays the tab bar out again
            self.tabs.setTabText(0, title)

    def _show_conflict(self, item: QListWidgetItem) -> None:
        wanted = set(item.data(Qt.ItemDataRole.UserRole))
        rows = [r for r, row in enumerate(self.model.rows) if row.kind == "strip" and row.strip.id in wanted]
        if rows:
            self.view.clearSelection()
            for r in rows:
                self.view.selectionModel().select(self.model.index(r), self.view.selectionModel().SelectionFlag.Select)
            self.view.scrollTo(self.model.index(rows[0]))

    def _show_dood(self, dood: DayOutOfDays) -> None:
        """Codes by date (shoot dates, and the dates of travel, rehearsals and fittings: T, R, F) and totals;
        paid counts every day called or held. Over the same dates and cast (a drag), only the cells that
        changed are written again: the whole table and its column widths cost more than the drag."""
        from studio.exports.dood import legend  # here: the exports load when first used
        from studio.i18n import _ as in_user_language

        meanings = dict(legend(in_user_language))
        shape = (dood.dates, [row.performer_id for row in dood.rows])
        rebuilt = shape != self._dood_shape
        if rebuilt:
            self._dood_shape, self._dood_cells = shape, []
            totals = [self.tr("Work"), self.tr("Hold"), self.tr("Travel"), self.tr("Rehearsal"), self.tr("Fitting")]
            totals.append(self.tr("Paid"))
            headers = [self.tr("ID"), self.tr("Cast")] + [day_text(date) for date in dood.dates] + totals
            self.dood.clear()
            self.dood.setColumnCount(len(headers))
            self.dood.setHorizontalHeaderLabels(headers)
            for c, date in enumerate(dood.dates, start=2):
                if date not in dood.shooting:
                    self.dood.horizontalHeaderItem(c).setToolTip(self.tr("Not a shoot day"))
            self.dood.setRowCount(len(dood.rows))
        cells = []
        for r, row in enumerate(dood.rows):
            counts = [row.work, row.hold, row.travel, row.rehearsal, row.fitting, row.paid]
            values = [",".join(map(str, row.cast_numbers)), shown_name(row.name, row.name_zh), *row.codes, *counts]
            shown = self._dood_cells[r] if not rebuilt else [None] * len(values)
            for c, value in enumerate(values):
                if value != shown[c]:
                    self.dood.setItem(r, c, _dood_item(value, 2 <= c < 2 + len(dood.dates), meanings))
            cells.append(values)
        self._dood_cells = cells
        if rebuilt:
            self.dood.resizeColumnsToContents()

    def add_day(self) -> None:
        """A shoot day after the last one (unit 1), numbered in order; one undo step."""
        production_id = self.workspace.production_id
        date = self.workspace.read(next_free_date, production_id)
        label = self.tr("Add shoot day")
        with self._one_step(label):
            self.workspace.apply(
                operations.add, "shoot_day", {"production_id": production_id}, {"shoot_date": date}, label=label
            )
            self.workspace.apply(operations.number_shoot_days, production_id, label=label)

    def toggle_day_off(self) -> None:
        """Selected shoot days become days off and days off shoot days; strips on a day off wait in the
        boneyard until it shoots again."""
        label = self.tr("Day off / shoot day")
        with self._one_step(label):
            for row in self.days.selected_rows():
                kind = ShootDayKind.OFF.value if row["kind"] == ShootDayKind.SHOOT.value else ShootDayKind.SHOOT.value
                args = ("shoot_day", row["id"], {"kind": kind}, seen(row, "shoot_day"))
                self.workspace.apply(operations.edit, *args, label=label)
            self.workspace.apply(operations.number_shoot_days, self.workspace.production_id, label=label)

    def remove_days(self) -> None:
        label = self.tr("Remove day")
        rows = self.days.selected_rows()
        with self._one_step(label):
            ids, shown = tuple(row["id"] for row in rows), {row["id"]: seen(row, "shoot_day") for row in rows}
            self.workspace.apply(operations.remove, "shoot_day", ids, {"shoot_day": shown}, label=label)
            self.workspace.apply(operations.number_shoot_days, self.workspace.production_id, label=label)

    @contextmanager
    def _one_step(self, label: str) -> Iterator[None]:
        try:
            with self.workspace.one_step(label):
                yield
        except UserError as error:
            self.show_refusal(str(error))

    def move(self, strip_ids: list[int], day_id: int | None, position: int) -> None:
        """A drag: saved as one undo step; the board is recomputed in memory (no reload)."""
        label = self.tr("Move %n strip(s)", "", len(strip_ids))
        strips = self.board.strips if self.board is not None else {}
        seen = {"strip": {s: strips[s].version for s in strip_ids if s in strips}}
        production_id = self.workspace.production_id
        try:
            moved = self.workspace.apply(
                operations.move_strips, production_id, strip_ids, day_id, position, seen, label=label
            )
        except UserError as error:
            self.show_refusal(str(error))
            return
        for strip_id, version in moved.rows.get("strip", {}).items():  # our own save: the board keeps up
            if strip_id in strips:
                strips[strip_id] = replace(strips[strip_id], version=version)
        self.show_board(self.board.moved(strip_ids, day_id, position))

    def redraw(self, changes: Changes) -> None:
        """A move made here is on the board already (its strips at the versions it left); anything else the
        board is made from reloads it."""
        strips = self.board.strips if self.board is not None else {}
        placed = changes.kinds == {"strip"} and not changes.everything and not changes.fields
        if placed and all(i in strips and strips[i].version == v for i, v in changes.rows["strip"].items()):
            return
        super().redraw(changes)

    def to_boneyard(self) -> None:
        strips = self.view.selected_strips()
        if strips:
            self.move([s.id for s in strips], None, 0)

    def lock(self, locked: bool) -> None:
        strips = self.view.selected_strips()
        if strips:
            label = self.tr("Lock strips") if locked else self.tr("Unlock strips")
            seen = {"strip": {s.id: s.version for s in strips}}  # as the board shows them
            with self._one_step(label):
                self.workspace.apply(operations.lock_strips, tuple(s.id for s in strips), locked, seen, label=label)

    def sort_days(self, by_location: bool) -> None:
        """Reorder the days of the selected strips (all days when none is selected): by location in
        shooting order (day scenes, then nights), or by scene in script order. One undo step."""
        if self.board is None:
            return
        day_of = self.board.day_of()
        days = {day_of[s.id] for s in self.view.selected_strips()} or {day.id for day in self.board.days}
        placement = {}
        for day_id in days:
            strips = self.board.day_strips(day_id)
            banners = [s.id for s in strips if s.is_banner]
            scenes = [s for s in strips if not s.is_banner]
            ordered = shooting_order(scenes) if by_location else sorted(scenes, key=lambda s: s.sort_order)
            placement[day_id] = banners + [s.id for s in ordered]
        label = self.tr("Sort by location") if by_location else self.tr("Sort by scene")
        try:  # from the board as shown: a colleague's move since is kept
            self._place_all(placement, label, self.board)
        except UserError as error:
            self.show_refusal(str(error))

    def choose_colour(self) -> None:
        """Give the selected strips a colour of the producer's choosing (Cancel: back to the standard)."""
        strips = self.view.selected_strips()
        if not strips:
            return
        chosen = QColorDialog.getColor(QColor(strips[0].color or "#ffffff"), self, self.tr("Strip colour"))
        value = chosen.name() if chosen.isValid() else ""
        self.set_colour([s.id for s in strips], value)

    def set_colour(self, strip_ids: list[int], value: str) -> None:
        label = self.tr("Strip colour")
        strips = self.board.strips if self.board is not None else {}
        with self._one_step(label):
            for strip_id in strip_ids:
                seen_version = strips[strip_id].version if strip_id in strips else None  # as the board shows it
                self.workspace.apply(operations.edit, "strip", strip_id, {"color": value}, seen_version, label=label)

    def ask_banner(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Add banner"), self.tr("Banner text (e.g. LUNCH, COMPANY MOVE):"))
        if not ok or not text.strip():
            return
        selected = self.view.selected_strips()
        day_id = None
        position = 0
        if selected and self.board is not None:
            day_id = self.board.day_of().get(selected[0].id)
            position = self.board.placement.get(day_id, []).index(selected[0].id)
        elif self.board is not None and self.board.days:
            day_id = self.board.days[0].id
        production_id = self.workspace.production_id
        self.workspace.apply(operations.add_banner, production_id, day_id, position, text, label=self.tr("Add banner"))

    def optimize(self) -> None:
        if self.board is None or (not self.board.days and not self._add_days_to_optimize()):
            return
        limit, ok = QInputDialog.getInt(
            self, self.tr("Optimize the schedule"), self.tr("Search for up to (seconds):"), 30, 5, 600
        )
        if not ok:
            return
        board = self.board  # what the schedule is made from (the page may reload meanwhile)
        dialog = OptimizeDialog(board, limit, self)
        dialog.exec()
        if dialog.error is not None:
            self._task_failed(dialog.error)
            return
        if dialog.result is not None:
            self.apply_schedule(dialog.result, board)

    def _add_days_to_optimize(self) -> bool:
        """A board with no shoot days: offer to add as many as the script needs, as one undo step."""
        needed = days_needed(self.board)
        question = self.tr(
            "The schedule has no shoot days yet. The script needs at least %1 at the production's pages a day.\n\n"
            "Add how many shoot days, from the day after the last one?"
        ).replace("%1", str(needed))
        count, ok = QInputDialog.getInt(self, self.tr("Optimize the schedule"), question, needed, 1, 366)
        if not ok:
            return False
        label = self.tr("Add shoot days")
        production_id = self.workspace.production_id
        with self._one_step(label):
            first = self.workspace.read(next_free_date, production_id)
            for offset in range(count):
                values = {"shoot_date": first + dt.timedelta(days=offset)}
                self.workspace.apply(operations.add, "shoot_day", {"production_id": production_id}, values, label=label)
            self.workspace.apply(operations.number_shoot_days, production_id, label=label)
        self.refresh()
        return bool(self.board and self.board.days)

    def edit_settings(self) -> None:
        ScheduleSettingsDialog(self.workspace, self).exec()

    def apply_schedule(self, result, board: Board | None = None) -> None:
        """Put the optimizer's schedule in place, and the typed meals it moved with the days' calls; made
        from `board`, a strip someone else has moved since, or a sheet's meal or crew call typed since,
        stays as they left it and nothing is placed (ChangedElsewhere). Nothing is placed either when the
        board's own schedule was the best found."""
        if result.improved:
            production_id, label = self.workspace.production_id, self.tr("Optimize the schedule")
            try:
                self.workspace.apply(
                    operations.place_optimized, production_id, result.placement, result.meals, _seen(board), label=label
                )
            except UserError as error:
                self.show_refusal(str(error))
                return
        self.show_outcome(self.tr("Optimize the schedule"), result_text(result))

    def _place_all(self, placement: dict, label: str, board: Board | None) -> None:
        """Every strip named in `placement` in its day and order, from `board` (a strip someone else has
        moved since stays where they put it and nothing is placed: ChangedElsewhere)."""
        self.workspace.apply(operations.place_all, self.workspace.production_id, placement, _seen(board), label=label)

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        night = self.time_filter.currentData()
        if not words and night is None:
            self.model.set_filter(None)
            return

        def shown(strip: StripCard) -> bool:
            if night is not None and strip.is_night != night:
                return False
            return all(_matches(strip, word, self.board) for word in words)

        self.model.set_filter(shown)

    def _open_scene(self, index) -> None:
        row: BoardRow = self.model.rows[index.row()]
        if row.kind != "strip" or row.strip.is_banner:
            return
        window = self.window()
        window.show_page(window.page_keys.index("script"))
        window.page("script").show_scene(row.strip.scene_id)


def _dood_item(value, is_code: bool, meanings: dict[str, str]) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    if is_code and value:
        colour = WORK_COLOUR if value in WORK else CODE_COLOURS.get(value, "#ffffff")
        item.setBackground(QColor(colour))
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        item.setToolTip(meanings.get(value, ""))  # the industry's codes, explained in the user's language
    return item


def _matches(strip: StripCard, word: str, board: Board) -> bool:
    if word.startswith("#") and word[1:].isdigit():
        return int(word[1:]) in strip.cast_numbers
    if word.startswith("e") and word[1:].isdigit():
        return strip.episode == int(word[1:])
    names = " ".join(f"{board.cast[p].name} {board.cast[p].name_zh}" for p in strip.cast)
    place = board.places.get(strip.location_id)
    place_zh = place.name_zh if place is not None else ""
    haystack = (
        f"{strip.number} {strip.set_name} {strip.set_name_zh} {strip.location} {place_zh} {strip.heading} {names}"
    ).casefold()
    return word in haystack


def _seen(board: Board | None) -> dict | None:
    """The board's strips at the versions it shows (None: no board, placed whatever they are now)."""
    return {"strip": {s.id: s.version for s in board.strips.values()}} if board is not None else None
