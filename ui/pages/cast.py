"""Cast: the casting view (roles and who plays them), performers with their details and calendars, deals."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from studio import operations
from studio.errors import UserError
from studio.languages import entered_languages
from studio.listings import cast_rows, pay_preset_rows, performer_rows
from studio.models.enums import RateBasis, UnionStatus
from studio.user_files import UnreadableFile, read_user_file
from ui import labels
from ui.i18n import chinese, money_text, shown_name
from ui.pages.base import Page
from ui.pay_presets import PayPresetsDialog
from ui.people_lists import PeopleLists
from ui.performer_days import PerformerDaysPanel
from ui.record_details import RecordDetails
from ui.record_form import FormField, RecordForm, with_none
from ui.table import Column, name_columns, remove_rows

MAX_PHOTO_BYTES = 20 * 1024 * 1024

PERFORMER_MIME = "application/x-cliffhanger-performer"


class CastPage(Page):
    key = "cast"
    reading_actions = frozenset({"exportCast"})
    stale_on = frozenset({"performer", "cast_assignment", "character"})

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.performer_choices: list[tuple[int | None, str]] = []
        self.preset_choices: list[tuple[int | None, str]] = []
        self._loading = False  # a reload re-selects rows: only the user's picks move the performer selection
        self.roles = self.table(self._role_columns())
        self.roles.view.setObjectName("rolesTable")
        self.roles.accept_drops(PERFORMER_MIME, lambda row, ids: self.cast(row, ids[0]))
        self.performers = self.table(self._performer_columns())
        self.performers.view.setObjectName("performersTable")
        self.performers.enable_drag(PERFORMER_MIME)
        self.deal = RecordForm(workspace, "cast_assignment", self._deal_fields(), self)
        self.deal_box = QGroupBox(self.tr("Deal"), self)
        QVBoxLayout(self.deal_box).addWidget(self.deal)
        self.photo = QLabel(self)
        self.photo.setObjectName("performerPhoto")
        self.photo.setFixedHeight(120)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.deal.refused.connect(self.show_refusal)
        self.roles.view.selectionModel().selectionChanged.connect(self._role_picked)
        self.performers.view.selectionModel().selectionChanged.connect(self._performer_selected)

        self.photo_button = QPushButton(self.tr("Choose photo…"), self)
        self.photo_button.setObjectName("choosePhoto")
        self.photo_button.clicked.connect(self.choose_photo)
        photo_row = QWidget(self)
        photo_layout = QHBoxLayout(photo_row)
        photo_layout.setContentsMargins(0, 0, 0, 0)
        photo_layout.addWidget(self.photo, 1)
        photo_layout.addWidget(self.photo_button)
        self.record = RecordDetails(
            workspace, "performer", self._performer_fields(), "performer_id", self, above_form=photo_row
        )
        self.record.refused.connect(self.show_refusal)
        self.details, self.calendar = self.record.form, self.record.calendar
        self.performer_days = PerformerDaysPanel(workspace, self)
        self.performer_days.refused.connect(self.show_refusal)
        self.record.addTab(self.performer_days, self.tr("Travel, rehearsals, fittings"))
        left = self.splitter("castRolesSplitter", Qt.Orientation.Vertical, self.roles, self.deal_box)
        right = self.splitter("castPerformersSplitter", Qt.Orientation.Vertical, self.performers, self.record)
        self.layout_.addWidget(self._toolbar())
        main = self.splitter("castSplitter", Qt.Orientation.Horizontal, left, right)
        main.setSizes([640, 440])
        self.layout_.addWidget(main, 1)

    def _role_columns(self) -> list[Column]:
        return [
            Column(
                "cast_number",
                self.tr("Cast ID"),
                source=("character", "id", "cast_number"),
                editable=True,
                align_right=True,
            ),
            *name_columns(self.tr("Character"), "character", keys=("character", "character_zh")),
            Column(
                "performer",
                self.tr("Performer"),
                source=("cast_assignment", "deal_id", "performer_id"),
                editable=True,
                display=lambda name: name or self.tr("not cast"),
                choices=lambda: self.performer_choices,
                choice_key="performer_id",
                commit=self.cast,
                warn=lambda row: row["performer_id"] is None and not row["background"],
            ),
            Column("scenes", self.tr("Scenes"), align_right=True),
            # A background role's players, for the call sheet's counts and the day's pay: "?" until known.
            Column(
                "headcount",
                self.tr("Headcount"),
                source=("character", "id", "headcount"),
                editable=True,
                align_right=True,
                empty="?",
                warn=lambda row: row["headcount"] is None,
            ),
            Column("union", self.tr("Union"), display=labels.union_status),
            Column("rate", self.tr("Rate"), display=money_text, align_right=True, money=True),
        ]

    def _performer_columns(self) -> list[Column]:
        return [
            *name_columns(self.tr("Performer"), "performer", fields=("legal_name", "name_zh")),
            Column("roles_zh" if chinese() else "roles", self.tr("Roles")),
            Column("speaks", self.tr("Speaks"), display=labels.speaks),
            Column("union", self.tr("Union"), display=labels.union_status),
            Column("phone", self.tr("Phone"), source=("performer", "id", "phone"), editable=True, free_text=True),
            Column("email", self.tr("Email"), source=("performer", "id", "email"), editable=True, free_text=True),
            Column("agent", self.tr("Agent"), source=("performer", "id", "agent_name"), editable=True, free_text=True),
        ]

    def _performer_fields(self) -> list[FormField]:
        return [
            FormField("legal_name", self.tr("Legal name")),
            FormField("professional_name", self.tr("Professional name")),
            FormField("name_zh", self.tr("Name in Chinese")),
            FormField(
                "union_status",
                self.tr("Union"),
                "choice",
                lambda: labels.choices_of([u.value for u in UnionStatus], labels.union_status),
            ),
            FormField("phone", self.tr("Phone"), placeholder="+1 310 555 0100"),
            FormField("email", self.tr("Email"), placeholder="name@example.com"),
            FormField(
                "languages",
                self.tr("Languages"),
                placeholder=self.tr("e.g. English, Mandarin"),
                shown=labels.languages,
                entered=entered_languages,
            ),
            FormField("agent_name", self.tr("Agent / manager")),
            FormField("agent_phone", self.tr("Agent phone")),
            FormField("agent_email", self.tr("Agent email")),
            FormField("photo_path", self.tr("Photo file")),
            FormField("date_of_birth", self.tr("Date of birth (minors)"), placeholder="YYYY-MM-DD"),
            # Their own durations before their first scene on a call sheet (empty: the production's).
            FormField("pickup_minutes", self.tr("Pickup (minutes)"), placeholder=self.tr("as the production")),
            FormField("makeup_minutes", self.tr("Hair & makeup (minutes)"), placeholder=self.tr("as the production")),
            FormField("wardrobe_minutes", self.tr("Wardrobe (minutes)"), placeholder=self.tr("as the production")),
            FormField("notes", self.tr("Notes"), "notes"),
        ]

    def _deal_fields(self) -> list[FormField]:
        return [
            FormField("rate", self.tr("Rate"), money=True),
            FormField(
                "rate_basis",
                self.tr("Rate basis"),
                "choice",
                lambda: labels.choices_of([b.value for b in RateBasis], labels.rate_basis),
                money=True,
            ),
            FormField("currency", self.tr("Currency"), placeholder="USD", money=True),
            FormField("guaranteed_days", self.tr("Guaranteed days")),
            FormField("overtime_rule_id", self.tr("Overtime"), "choice", lambda: self.preset_choices, money=True),
            FormField("per_diem", self.tr("Per diem"), money=True),
            FormField("travel_notes", self.tr("Travel"), "notes", placeholder=self.tr("flights, hotel, ground")),
        ]

    def _load_presets(self, production_id: int) -> None:
        self.buttons["payPresets"].setVisible(self.workspace.sees_money)
        if not self.workspace.sees_money:  # pay rules are for producers, like rates
            self.preset_choices = []
            return
        presets = self.workspace.read(pay_preset_rows, production_id)
        self.preset_choices = with_none(
            [(row["id"], labels.pay_preset_name(row["name"])) for row in presets], self.tr("No overtime")
        )

    def _toolbar(self) -> QToolBar:
        lists = PeopleLists(self, "cast")
        bar = self.toolbar(
            [
                ("addPerformer", self.tr("Add performer"), self.add_performer),
                ("removePerformer", self.tr("Remove performer"), self.remove_performers),
                ("payPresets", self.tr("Pay presets…"), self.edit_pay_presets),
                ("importCast", self.tr("Import list…"), lists.choose_and_import),
                ("exportCast", self.tr("Export list…"), lists.export),
                ("numberCast", self.tr("Number cast by scenes"), self.number_by_scenes),
            ]
        )
        self.buttons["numberCast"].setToolTip(
            self.tr("Cast IDs 1, 2, 3… by number of scenes: 1 is the role in the most scenes")
        )
        self.uncast_only = QCheckBox(self.tr("Uncast roles only"), self)
        self.uncast_only.setObjectName("uncastOnly")
        self.uncast_only.toggled.connect(self._filter_roles)
        self.add_spacer(bar)
        bar.addWidget(self.uncast_only)
        return bar

    def load(self, production_id: int) -> None:
        roles = self.workspace.read(cast_rows, production_id)
        performers = self.workspace.read(performer_rows, production_id)
        for role in roles:  # who plays it, as the interface names people (the performers table has both names)
            role["performer"] = shown_name(role["performer"], role["performer_zh"])
            role["character_shown"] = shown_name(role["character"], role["character_zh"])
        names = [(row["id"], shown_name(row["name"], row["name_zh"])) for row in performers]
        self.performer_choices = with_none(names, self.tr("not cast"))
        self._load_presets(production_id)
        self._loading = True
        try:
            self.roles.set_rows(roles)
            self.performers.set_rows(performers)
            if not self.roles.selected_rows() and roles:
                self.roles.select_ids([roles[0]["id"]])
        finally:
            self._loading = False
        if not self.performers.selected_rows():
            self._role_picked()
        else:
            self._show_deal()
        self._performer_selected()
        uncast = sum(1 for row in roles if row["performer_id"] is None and not row["background"])
        text = self.tr("%n character(s)", "", len(roles)) + " · " + self.tr("%n performer(s)", "", len(performers))
        if uncast:
            text += " · " + self.tr("%n not cast yet", "", uncast)
        self.summary.setText(text)

    def cast(self, role: dict, performer_id: int | None) -> None:
        """Cast a performer in a role (from the picker or a drop); None takes the performer out."""
        try:
            if performer_id is None:
                if role["deal_id"] is not None:
                    label = self.tr("Uncast %1").replace("%1", role["character_shown"])
                    seen = role["versions"].get("cast_assignment")  # the deal as shown: a colleague's later save wins
                    remove_rows(self.workspace, "cast_assignment", [(role["deal_id"], seen)], label)
                return
            label = self.tr("Cast %1").replace("%1", role["character_shown"])
            seen = role["versions"].get("cast_assignment")  # the deal it replaces, as shown
            self.workspace.apply(operations.cast, role["id"], performer_id, seen, label=label)
        except UserError as error:
            self.show_refusal(str(error))

    def add_performer(self) -> None:
        values = {"legal_name": self.tr("New performer")}
        self.add_and_edit(self.performers, self.record, "performer", values, "legal_name", self.tr("Add performer"))

    def remove_performers(self) -> None:
        self.remove_selected(self.performers, "performer")

    def edit_pay_presets(self) -> None:
        PayPresetsDialog(self.workspace, self).exec()
        self._load_presets(self.workspace.production_id)
        self.deal.show_record(self.deal.row_id)

    def choose_photo(self) -> None:
        if self.details.row_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose photo"), str(Path.home()), self.tr("Images (*.jpg *.jpeg *.png *.webp)")
        )
        if path:
            self.details.commit("photo_path", path)
            self._performer_selected()

    def number_by_scenes(self) -> None:
        try:
            production_id = self.workspace.production_id
            self.workspace.apply(
                operations.number_cast_by_scenes, production_id, label=self.tr("Number cast by scenes")
            )
        except UserError as error:
            self.show_refusal(str(error))

    def _filter_roles(self, only_uncast: bool) -> None:
        self.roles.proxy.set_predicate(
            (lambda row: row["performer_id"] is None and not row["background"]) if only_uncast else None
        )

    def _selected_role(self) -> dict | None:
        rows = self.roles.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _role_picked(self) -> None:
        """The user chose a role: show its deal, and its performer beside it."""
        role = self._selected_role()
        if role and role["performer_id"] is not None and not self._loading:
            self.performers.select_ids([role["performer_id"]])
            self.performers.scroll_to_selection()
        self._show_deal()

    def _show_deal(self) -> None:
        role = self._selected_role()
        self.deal.show_record(role["deal_id"] if role else None)
        if role is None:
            self.deal_box.setTitle(self.tr("Deal"))
        elif role["deal_id"] is None:
            self.deal_box.setTitle(self.tr("Deal for %1: cast the role first").replace("%1", role["character_shown"]))
        else:
            self.deal_box.setTitle(
                self.tr("Deal for %1 (%2)").replace("%1", role["character_shown"]).replace("%2", role["performer"])
            )

    def _performer_selected(self) -> None:
        performer_id = self.selected_id(self.performers)
        self.record.show_record(performer_id)
        self.performer_days.show_owner(performer_id)
        photo = self.details.stored.get("photo_path") if performer_id else ""
        pixmap = photo_pixmap(Path(photo)) if photo else QPixmap()
        self.photo.setVisible(not pixmap.isNull())
        self.photo_button.setEnabled(performer_id is not None and not self.workspace.read_only)
        if not pixmap.isNull():
            self.photo.setPixmap(pixmap.scaledToHeight(120, Qt.TransformationMode.SmoothTransformation))


def photo_pixmap(path: Path) -> QPixmap:
    """A performer's photo, read as any file a person names is (a regular file, within its limit: a
    pipe or a device named as a photo must not freeze the window); empty if it cannot be read."""
    pixmap = QPixmap()
    with contextlib.suppress(UnreadableFile):  # a photo moved or unreadable is simply not shown
        pixmap.loadFromData(read_user_file(path, MAX_PHOTO_BYTES))
    return pixmap
