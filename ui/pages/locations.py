"""Locations (places a unit drives to) and the script's sets mapped to them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from studio.listings import location_rows, set_rows
from ui.i18n import money_text
from ui.pages.base import Page
from ui.table import Column


class LocationsPage(Page):
    key = "locations"

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.locations = self.table(
            [
                Column("name", self.tr("Location"), source=("location", "id", "name"), editable=True),
                Column("name_zh", self.tr("Chinese name"), source=("location", "id", "name_zh"), editable=True),
                Column("address", self.tr("Address"), source=("location", "id", "address"), editable=True),
                Column("fee", self.tr("Fee per day"), display=money_text, align_right=True),
                Column("sets", self.tr("Sets"), align_right=True),
                Column("hospital", self.tr("Nearest hospital")),
                Column("timezone", self.tr("Time zone")),
            ]
        )
        self.sets = self.table(
            [
                Column("name", self.tr("Set"), source=("film_set", "id", "name"), editable=True),
                Column("name_zh", self.tr("Chinese name"), source=("film_set", "id", "name_zh"), editable=True),
                Column("location", self.tr("Location"), source=("location", "location_id", "name")),
                Column("scenes", self.tr("Scenes"), align_right=True),
            ]
        )
        self.layout_.addWidget(self.splitter("locationsSplitter", Qt.Orientation.Vertical, self.locations, self.sets))

    def title(self) -> str:
        return self.tr("Locations")

    def load(self, production_id: int) -> None:
        locations = self.workspace.read(location_rows, production_id)
        sets = self.workspace.read(set_rows, production_id)
        self.locations.set_rows(locations)
        self.sets.set_rows(sets)
        self.summary.setText(
            self.tr("%n location(s)", "", len(locations)) + " · " + self.tr("%n set(s)", "", len(sets))
        )
