"""Cast: characters, the performers cast in them, and their day rates."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton

from studio.errors import UserError
from studio.listings import cast_rows
from ui import labels
from ui.i18n import money_text
from ui.pages.base import Page
from ui.table import Column


class CastPage(Page):
    key = "cast"

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.cast = self.table(
            [
                Column(
                    "cast_number",
                    self.tr("Cast ID"),
                    source=("character", "id", "cast_number"),
                    editable=True,
                    align_right=True,
                ),
                Column("character", self.tr("Character"), source=("character", "id", "name"), editable=True),
                Column("character_zh", self.tr("Chinese name"), source=("character", "id", "name_zh"), editable=True),
                Column(
                    "performer", self.tr("Performer"), source=("performer", "performer_id", "legal_name"), editable=True
                ),
                Column(
                    "performer_zh",
                    self.tr("Performer (Chinese)"),
                    source=("performer", "performer_id", "name_zh"),
                    editable=True,
                ),
                Column("union", self.tr("Union"), display=labels.union_status),
                Column("rate", self.tr("Day rate"), display=money_text, align_right=True),
                Column("scenes", self.tr("Scenes"), align_right=True),
            ]
        )
        self.number_button = QPushButton(self.tr("Number cast by scenes"), self)
        self.number_button.setObjectName("numberCast")
        self.number_button.setToolTip(
            self.tr("Cast IDs 1, 2, 3… by number of scenes: 1 is the role in the most scenes")
        )
        self.number_button.clicked.connect(self.number_by_scenes)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.number_button)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.cast)

    def number_by_scenes(self) -> None:
        try:
            self.workspace.renumber_cast(self.tr("Number cast by scenes"))
        except UserError as error:
            self.show_refusal(str(error))

    def title(self) -> str:
        return self.tr("Cast")

    def load(self, production_id: int) -> None:
        rows = self.workspace.read(cast_rows, production_id)
        self.cast.set_rows(rows)
        uncast = sum(1 for row in rows if row["performer_id"] is None)
        text = self.tr("%n character(s)", "", len(rows))
        if uncast:
            text += " · " + self.tr("%n not cast yet", "", uncast)
        self.summary.setText(text)
