"""Call sheets: pick a shoot day, fill in what the schedule does not know (calls, meals, weather,
notes), and watch the PDF follow; export one day or every day in English, Chinese or both."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QMenu,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio import operations, temperatures
from studio.callsheet import call_sheet, call_sheet_id
from studio.errors import UserError
from studio.exports.callsheet_words import SheetWords
from studio.listings import call_sheet_rows, call_time_rows
from studio.sending.recipients import outdated
from ui.i18n import babel_locale, chinese, day_text, shown_name
from ui.lazy import on_first_call
from ui.pages.base import Page
from ui.pdf_preview import PdfPreview
from ui.record_form import FormField, RecordForm
from ui.table import Column

NAMES_LISTED = 8  # of those holding an outdated sheet, named in the summary (all in its tooltip)

write_call_sheet = on_first_call("studio.exports.callsheet_pdf", "write_call_sheet")  # reportlab
write_call_sheets = on_first_call("studio.exports.callsheet_pdf", "write_call_sheets")
write_pdf = on_first_call("studio.exports.callsheet_pdf", "write_pdf")
sheet_file_name = on_first_call("studio.exports.callsheet_pdf", "file_name")
write_sides = on_first_call("studio.exports.sides_pdf", "write_sides")
day_sides = on_first_call("studio.exports.sides_pdf", "day_sides")
sides_file_name = on_first_call("studio.exports.sides_pdf", "sides_file_name")
# Mail builds PDFs: its dialogs load reportlab, so they are imported when first opened.
SendDialog = on_first_call("ui.send_dialog", "SendDialog")
MailSettingsDialog = on_first_call("ui.mail_settings", "MailSettingsDialog")
PREVIEW_DELAY_MS = 250  # several edits in a row rewrite the preview once


def _clock(value) -> str:
    return value.strftime("%H:%M") if value else ""


class CallSheetsPage(Page):
    key = "callsheets"
    reading_actions = frozenset({"exportDay", "exportAll", "exportSides"})
    # Everything a call sheet shows: its own details, the schedule, the people and the places.
    stale_on = frozenset(
        {
            "call_sheet",
            "call_time",
            "shoot_day",
            "strip",
            "scene",
            "location",
            "location_drive",
            "film_set",
            "crew_member",
            "department",
            "performer",
            "cast_assignment",
            "availability",
            "performer_day",
            "production",
        }
    )

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.summary.setWordWrap(True)  # the names of those holding an outdated sheet never widen the window
        self.sheets = self.table(
            [
                Column("day_number", self.tr("Day"), align_right=True),
                Column("date", self.tr("Date"), display=day_text),
                Column("crew_call", self.tr("Crew call")),
                Column("shooting_call", self.tr("Shooting call"), display=_clock),
                Column("weather", self.tr("Weather"), free_text=True),
            ]
        )
        self.sheets.view.setObjectName("callSheetDays")
        self.sheets.view.selectionModel().selectionChanged.connect(self._selected)
        self.form = RecordForm(workspace, "call_sheet", self._fields(), self)
        self.form.refused.connect(self.show_refusal)
        self.people = self.table(self._time_columns())
        self.people.view.setObjectName("callTimes")
        self.details = QTabWidget(self)
        self.details.addTab(self.form, self.tr("Day"))
        self.details.addTab(self.people, self.tr("People"))
        self.language = QComboBox(self)
        self.language.setObjectName("callSheetLanguage")
        for code, label in (("en", self.tr("English")), ("zh", self.tr("Chinese")), ("en+zh", self.tr("Both"))):
            self.language.addItem(label, code)
        # A producer working in Chinese most likely hands the sheet to a mixed crew: both languages.
        self.language.setCurrentIndex(self.language.findData("en+zh" if babel_locale().startswith("zh") else "en"))
        self.cast_version = QCheckBox(self.tr("Cast version (no crew phones)"), self)
        self.preview = PdfPreview(self)
        self.preview.setObjectName("callSheetPreview")
        self._preview_folder = tempfile.TemporaryDirectory(prefix="cliffhanger-preview-")  # removed with the page
        self.preview_file = Path(self._preview_folder.name) / "call-sheet.pdf"
        self.sheets_shown = 0  # how many times a sheet was gathered and shown (a reload shows it once)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(PREVIEW_DELAY_MS)
        self.refresh_timer.timeout.connect(self.show_sheet)
        self.language.currentIndexChanged.connect(self.refresh_timer.start)
        self.cast_version.toggled.connect(self.refresh_timer.start)
        bar = self.toolbar(
            [
                ("exportDay", self.tr("Export this day…"), self.export_day),
                ("exportAll", self.tr("Export all days…"), self.export_all),
                ("exportSides", self.tr("Sides…"), lambda: self.export_sides("shooting")),
                ("sendDay", self.tr("Send…"), self.send_day),
                ("mailSettings", self.tr("Mail settings…"), self.mail_settings),
            ]
        )
        self._sides_menu(bar)
        self.add_spacer(bar)
        bar.addWidget(self.language)
        bar.addWidget(self.cast_version)
        self.layout_.addWidget(bar)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.sheets, 1)
        column.addWidget(self.details, 2)
        split = self.splitter("callSheetSplitter", Qt.Orientation.Horizontal, left, self.preview)
        split.setSizes([440, 560])
        self.layout_.addWidget(split, 1)

    def _fields(self) -> list[FormField]:
        time_hint = self.tr("e.g. 07:00")
        return [
            FormField("crew_call", self.tr("Crew call"), placeholder=self.tr("from the schedule")),
            FormField("shooting_call", self.tr("Shooting call"), placeholder=self.tr("an hour after crew call")),
            FormField("breakfast", self.tr("Breakfast"), placeholder=time_hint),
            FormField("lunch", self.tr("Lunch"), placeholder=time_hint),
            FormField("dinner", self.tr("Dinner"), placeholder=time_hint),
            FormField("background_call", self.tr("Background call"), placeholder=time_hint),
            FormField("weather_summary", self.tr("Weather"), placeholder=self.tr("as forecast, e.g. Sunny")),
            FormField("temperature_high", self.tr("High (°F)")),  # until set_temperature_unit
            FormField("temperature_low", self.tr("Low (°F)")),
            FormField("rain_chance_percent", self.tr("Chance of rain (%)")),
            FormField("safety_notes", self.tr("Safety notes"), kind="notes"),
            FormField("general_notes", self.tr("Notes"), kind="notes"),
            FormField("department_notes", self.tr("Department notes"), kind="notes"),
            FormField("walkie_channels", self.tr("Walkie channels"), kind="notes"),
        ]

    def set_temperature_unit(self, unit: str) -> None:
        """Temperatures read and typed in °C or °F ("C", "F"); stored in °F either way (studio.temperatures)."""
        self.temperature_unit = unit
        labels = {
            "temperature_high": self.tr("High (°C)") if unit == "C" else self.tr("High (°F)"),
            "temperature_low": self.tr("Low (°C)") if unit == "C" else self.tr("Low (°F)"),
        }
        for name, label in labels.items():
            self.form.relabel(
                name,
                label,
                shown=lambda value, unit=unit: temperatures.shown(value, unit),
                entered=lambda text, unit=unit: temperatures.entered(text, unit),
            )

    def _time_columns(self) -> list[Column]:
        def person_column(key: str, header: str) -> Column:
            return Column(
                key,
                header,
                editable=True,
                commit=lambda row, value: self.set_time(row, key, value),
                free_text=key == "remarks",
            )

        return [
            Column("who_zh" if chinese() else "who", self.tr("Who")),
            Column("status", self.tr("DOOD")),
            person_column("pickup", self.tr("Pickup")),
            person_column("makeup", self.tr("Hair & makeup")),
            person_column("wardrobe", self.tr("Wardrobe")),
            person_column("on_set", self.tr("On set / call")),
            person_column("remarks", self.tr("Remarks")),
            Column("role_zh" if chinese() else "role", self.tr("Role or position")),
        ]

    def load(self, production_id: int) -> None:
        shown = self.sheets_shown
        rows = self.workspace.read(call_sheet_rows, production_id)
        self.sheets.set_rows(rows)  # the selection kept, or made below, shows the day's sheet
        self.summary.setText(self.tr("%n shoot day(s)", "", len(rows)))
        if rows and not self.sheets.selected_rows():
            self.sheets.select_ids([rows[0]["id"]])
        if self.sheets_shown == shown:  # no selection change came to show it
            self.show_sheet()

    def shoot_day_id(self) -> int | None:
        return self.selected_id(self.sheets)

    def _selected(self, *_) -> None:
        day_id = self.shoot_day_id()
        # Every shoot day has a call sheet to fill in; an empty one is made when the day is first opened
        # (read-only, a day never opened before shows its sheet as the schedule has it).
        make = self.workspace.read if self.workspace.read_only else self.workspace.write
        try:
            sheet_id = make(call_sheet_id, day_id, not self.workspace.read_only) if day_id is not None else None
        except UserError as error:
            self.show_refusal(str(error))
            sheet_id = None
        self.form.show_record(sheet_id)
        self.show_sheet()

    def set_time(self, row: dict, field: str, value: str) -> None:
        """One person's time on this day: the first one entered makes their call-time row (undoing it
        brings the defaults back), later ones edit it."""
        label = self.tr("Edit call time")
        if "crew_member_id" in row["owner"] and field in ("pickup", "makeup", "wardrobe"):
            self.show_refusal(self.tr("Crew have one call time: enter it under On set / call."))
            return
        try:
            if row["call_time_id"] is not None:  # from the version the table shows: a colleague's later save wins
                seen = row["versions"].get("call_time")
                args = ("call_time", row["call_time_id"], {field: value}, seen)
                changes = self.workspace.apply(operations.edit, *args, label=label)
                version = changes.version("call_time", row["call_time_id"])
                if version is not None:  # our own save, before the table reloads
                    row["versions"]["call_time"] = version
            else:
                owner = {"call_sheet_id": self.form.row_id, **row["owner"]}
                self.workspace.apply(operations.add, "call_time", owner, {field: value}, label=label)
        except UserError as error:
            self.show_refusal(str(error))

    def show_sheet(self) -> None:
        """The day's sheet, gathered once: its people's times in the table, its PDF in the preview."""
        self.refresh_timer.stop()
        self.sheets_shown += 1
        day_id = self.shoot_day_id()
        if day_id is None or self.workspace.database is None:
            self.people.set_rows([])
            self.preview.clear()
            return
        production_id = self.workspace.production_id
        lang, cast_version = self.language.currentData(), self.cast_version.isChecked()
        try:
            sheet = self.workspace.read(call_sheet, production_id, day_id, cast_version)
            self.people.set_rows(self.workspace.read(call_time_rows, sheet))
            write_pdf(sheet, SheetWords(lang), self.preview_file)
        except UserError as error:
            self.preview.clear()
            self.show_refusal(str(error))
            return
        self.preview.show_pdf(self.preview_file)
        self.show_outdated(self.workspace.read(outdated, production_id, day_id))

    def show_outdated(self, held: list) -> None:
        """The days, and who holds an outdated call sheet for this one (send them the change)."""
        text = self.tr("%n shoot day(s)", "", len(self.sheets.model.rows))
        names = [shown_name(person.name, person.name_zh) for person in held]
        if held:
            listed = ", ".join(names[:NAMES_LISTED])
            if len(names) > NAMES_LISTED:
                listed += " " + self.tr("and %n more", "", len(names) - NAMES_LISTED)
            text += " · " + self.tr("%n hold(s) an outdated call sheet: %1", "", len(held)).replace("%1", listed)
        self.summary.setText(text)
        self.summary.setToolTip("\n".join(names))

    def export_day(self) -> None:
        day_id = self.shoot_day_id()
        if day_id is None:
            self.tell(self.tr("Pick a shoot day first"))
            return
        lang, cast_version = self.language.currentData(), self.cast_version.isChecked()
        sheet = self.workspace.read(call_sheet, self.workspace.production_id, day_id, cast_version)
        self.export_file(
            self.tr("Export Call Sheet"),
            sheet_file_name(sheet, lang),
            self.tr("PDF (*.pdf)"),
            lambda session, production_id, path: write_call_sheet(
                session, production_id, day_id, path, lang, cast_version
            ),
        )

    def _sides_menu(self, bar) -> None:
        """Sides… writes the shooting script's; its menu also offers the original's, or both side by side."""
        menu = QMenu(self)
        for name, text, script in (
            ("sidesShooting", self.tr("Shooting script…"), "shooting"),
            ("sidesOriginal", self.tr("Original…"), "original"),
            ("sidesBoth", self.tr("Original and shooting script side by side…"), "both"),
        ):
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _checked=False, script=script: self.export_sides(script))
        named = menu.addAction(self.tr("Shooting script with a person's name across each page…"))
        named.setObjectName("sidesNamed")
        named.triggered.connect(self.export_named_sides)
        self.buttons["exportSides"].setMenu(menu)
        bar.widgetForAction(self.buttons["exportSides"]).setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)

    def export_sides(self, script: str, watermark: str = "") -> None:
        """The day's scenes as script pages, in the sheet's language: the shooting script's (`script`), the
        original's, or both side by side; `watermark`: a person's name across each page (a leaked page
        says whose it was)."""
        day_id = self.shoot_day_id()
        if day_id is None:
            self.tell(self.tr("Pick a shoot day first"))
            return
        lang = self.language.currentData()
        sides = self.workspace.read(day_sides, self.workspace.production_id, day_id)
        suggested = sides_file_name(sides, lang, script)
        if watermark:
            suggested = f"{suggested.removesuffix('.pdf')} - {watermark}.pdf"
        self.export_file(
            self.tr("Export Sides"),
            suggested,
            self.tr("PDF (*.pdf)"),
            lambda session, production_id, path: write_sides(
                session, production_id, day_id, path, lang, watermark, script=script
            ),
        )

    def export_named_sides(self) -> None:
        """The shooting script's sides for one person, their name across each page."""
        name, given = QInputDialog.getText(
            self, self.tr("Sides for one person"), self.tr("Their name, written across each page:")
        )
        if given and name.strip():
            self.export_sides("shooting", name.strip())

    def send_day(self) -> None:
        """Each person on the day their call sheet by mail, previewed first."""
        day_id = self.shoot_day_id()
        if day_id is None:
            self.tell(self.tr("Pick a shoot day first"))
            return
        try:
            SendDialog(self.workspace, day_id, self).exec()
        except UserError as error:
            self.show_refusal(str(error))

    def mail_settings(self) -> None:
        if MailSettingsDialog(self.workspace, self).exec():
            self.show_sheet()  # the cast's durations may have changed their calls

    def export_all(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export Every Day's Call Sheet"), str(Path.home()))
        if folder:
            self.write_all(Path(folder))

    def write_all(self, folder: Path) -> None:
        production_id = self.workspace.production_id
        lang, cast_version = self.language.currentData(), self.cast_version.isChecked()
        self.run_task(
            self.tr("Writing call sheets…"),
            lambda: self.workspace.read(write_call_sheets, production_id, folder, lang, cast_version),
            lambda written: self.tell(
                self.tr("Wrote %n call sheet(s) in %1", "", len(written)).replace("%1", str(folder))
            ),
        )
