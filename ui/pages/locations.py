"""Locations (places a unit drives to), their details and calendars, and the script's sets mapped to them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studio.listings import location_rows, set_rows
from ui.i18n import money_text, shown_name
from ui.pages.base import Page
from ui.record_details import RecordDetails
from ui.record_form import FormField, with_none
from ui.table import Column, name_columns


class LocationsPage(Page):
    key = "locations"
    stale_on = frozenset({"location", "film_set"})

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.location_choices: list[tuple[int | None, str]] = []
        self.locations = self.table(
            [
                *name_columns(self.tr("Location"), "location"),
                Column(
                    "address", self.tr("Address"), source=("location", "id", "address"), editable=True, free_text=True
                ),
                Column(
                    "contact",
                    self.tr("Contact"),
                    source=("location", "id", "contact_name"),
                    editable=True,
                    free_text=True,
                ),
                Column(
                    "phone", self.tr("Phone"), source=("location", "id", "contact_phone"), editable=True, free_text=True
                ),
                Column("fee", self.tr("Fee per day"), display=money_text, align_right=True, money=True),
                Column("sets", self.tr("Sets"), align_right=True),
                Column("hospital", self.tr("Nearest hospital"), free_text=True),
            ]
        )
        self.locations.view.setObjectName("locationsTable")
        self.sets = self.table(
            [
                *name_columns(self.tr("Set"), "film_set"),
                Column(
                    "location",
                    self.tr("Location"),
                    source=("film_set", "id", "location_id"),
                    editable=True,
                    display=lambda name: name or self.tr("not mapped"),
                    choices=lambda: self.location_choices,
                    choice_key="location_id",
                    warn=lambda row: row["location_id"] is None,
                ),
                Column("scenes", self.tr("Scenes"), align_right=True),
            ]
        )
        self.sets.view.setObjectName("setsTable")
        self.record = RecordDetails(workspace, "location", self._fields(), "location_id", self)
        self.record.refused.connect(self.show_refusal)
        self.details, self.calendar = self.record.form, self.record.calendar
        self.locations.view.selectionModel().selectionChanged.connect(self._selected)
        lists = self.splitter("locationsSplitter", Qt.Orientation.Vertical, self.locations, self.sets)
        self.layout_.addWidget(
            self.toolbar(
                [
                    ("addLocation", self.tr("Add location"), self.add_location),
                    ("removeLocation", self.tr("Remove location"), self.remove_locations),
                ]
            )
        )
        main = self.splitter("locationsDetailSplitter", Qt.Orientation.Horizontal, lists, self.record)
        main.setSizes([640, 440])
        self.layout_.addWidget(main, 1)

    def _fields(self) -> list[FormField]:
        return [
            FormField("name", self.tr("Name")),
            FormField("name_zh", self.tr("Name in Chinese")),
            FormField("address", self.tr("Address")),
            FormField("latitude", self.tr("Latitude"), placeholder="34.0511"),
            FormField("longitude", self.tr("Longitude"), placeholder="-118.2545"),
            FormField("timezone", self.tr("Time zone"), placeholder="America/Los_Angeles"),
            FormField("contact_name", self.tr("Contact")),
            FormField("contact_phone", self.tr("Contact phone")),
            FormField("contact_email", self.tr("Contact email")),
            FormField("fee_per_day", self.tr("Fee per day"), money=True),
            FormField("fee_currency", self.tr("Currency"), money=True),
            FormField("parking", self.tr("Parking"), "notes"),
            FormField("basecamp", self.tr("Basecamp"), "notes"),
            FormField("hospital_name", self.tr("Nearest hospital")),
            FormField("hospital_address", self.tr("Hospital address")),
            FormField("hospital_phone", self.tr("Hospital phone")),
            FormField("permit_notes", self.tr("Permits"), "notes"),
            FormField("notes", self.tr("Notes"), "notes"),
        ]

    def load(self, production_id: int) -> None:
        locations = self.workspace.read(location_rows, production_id)
        sets = self.workspace.read(set_rows, production_id)
        names = [(row["id"], shown_name(row["name"], row["name_zh"])) for row in locations]
        self.location_choices = with_none(names, self.tr("not mapped"))
        for row in sets:  # the location each set is at, as the interface names places
            row["location"] = shown_name(row["location"], row["location_zh"])
        self.locations.set_rows(locations)
        self.sets.set_rows(sets)
        if not self.locations.selected_rows() and locations:
            self.locations.select_ids([locations[0]["id"]])
        self._selected()
        unmapped = sum(1 for row in sets if row["location_id"] is None)
        text = self.tr("%n location(s)", "", len(locations)) + " · " + self.tr("%n set(s)", "", len(sets))
        if unmapped:
            text += " · " + self.tr("%n set(s) not mapped to a location", "", unmapped)
        self.summary.setText(text)

    def add_location(self) -> None:
        production = self.window().current_production()
        values = {"name": self.tr("New location")}
        if production is not None:
            values |= {"timezone": production.shoot_timezone, "fee_currency": production.base_currency}
        self.add_and_edit(self.locations, self.record, "location", values, "name", self.tr("Add location"))

    def remove_locations(self) -> None:
        self.remove_selected(self.locations, "location")

    def _selected(self) -> None:
        self.record.show_record(self.selected_id(self.locations))
