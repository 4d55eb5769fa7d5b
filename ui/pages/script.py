"""Script: episodes, their scenes, and the text of the scene selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QPlainTextEdit

from studio import operations
from studio.changes import Changes
from studio.errors import UserError
from studio.formatting import format_eighths
from studio.listings import category_rows, episode_rows, scene_element_rows, scene_rows
from studio.models.enums import RevisionState
from ui import labels
from ui.i18n import chinese
from ui.pages.base import Page
from ui.scene_breakdown import SceneElementsList, SceneTextView
from ui.table import Column, name_columns

TAGS = frozenset({"scene_element", "breakdown_element"})  # what the scene's tags are made of


class ScriptPage(Page):
    key = "script"
    stale_on = frozenset({"character"})

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.episodes = self.table(
            [
                Column("number", self.tr("Episode"), align_right=True),
                Column("scenes", self.tr("Scenes"), align_right=True),
                Column("eighths", self.tr("Pages"), display=format_eighths, align_right=True),
                Column("shots", self.tr("Shots"), align_right=True),
                *name_columns(self.tr("Title"), "episode", keys=("title", "title_zh"), fields=("title", "title_zh")),
            ]
        )
        self.scenes = self.table(
            [
                Column("number", self.tr("Scene")),
                Column("int_ext", self.tr("I/E"), display=labels.int_ext),
                Column(
                    "set_zh" if chinese() else "set",
                    self.tr("Set"),
                    source=("film_set", "set_id", "name_zh" if chinese() else "name"),
                    fallback_key="set",
                ),
                Column("time_of_day", self.tr("D/N"), display=labels.time_of_day),
                Column("eighths", self.tr("Pages"), display=format_eighths, align_right=True),
                Column("characters_zh" if chinese() else "characters", self.tr("Characters")),
                Column("revision", self.tr("Revision"), display=labels.revision_state),
                Column("shots", self.tr("Shots"), source=("scene", "id", "shots"), editable=True, align_right=True),
                Column(
                    "synopsis", self.tr("Synopsis"), source=("scene", "id", "synopsis"), editable=True, free_text=True
                ),
            ]
        )
        self.scene_text = SceneTextView(self)
        self.scene_text.setObjectName("sceneText")
        self.scene_text.tagRequested.connect(self._tag)
        # The writer's notes and boneyard, apart from the text: they are no words to tag, to shoot or to send.
        self.scene_notes = QPlainTextEdit(self)
        self.scene_notes.setObjectName("sceneNotes")
        self.scene_notes.setReadOnly(True)
        self.scene_notes.setToolTip(self.tr("The writer's notes in this scene: never on sides or call sheets"))
        self.scene_notes.hide()
        self.scene_elements = SceneElementsList(self)
        self.scene_elements.setObjectName("sceneElements")
        self.scene_elements.setMaximumHeight(110)
        self.scene_elements.removeRequested.connect(self._remove_tag)
        self.current_scene: dict | None = None
        workspace.changed.connect(lambda changes: changes.touches(TAGS) and self._show_elements())
        script_font = QFont()
        script_font.setFamilies(["Courier Prime", "Courier New", "Courier", "Noto Sans Mono CJK SC", "monospace"])
        script_font.setStyleHint(QFont.StyleHint.Monospace)
        self.scene_text.setFont(script_font)
        self.scene_notes.setFont(script_font)
        right = self.splitter(
            "scriptRightSplitter",
            Qt.Orientation.Vertical,
            self.scenes,
            self.scene_text,
            self.scene_notes,
            self.scene_elements,
        )
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setStretchFactor(2, 1)
        main = self.splitter("scriptSplitter", Qt.Orientation.Horizontal, self.episodes, right)
        main.setStretchFactor(1, 3)
        self.layout_.addWidget(main)
        self.episodes.view.selectionModel().selectionChanged.connect(self._filter_scenes)
        self.scenes.view.selectionModel().currentRowChanged.connect(self._show_scene)

    def redraw(self, changes: Changes) -> None:
        super().redraw(changes)
        if any(change.entity == "scene" and change.field == "shots" for change in changes.fields):
            self.episodes.set_rows(self.workspace.read(episode_rows, self.workspace.production_id))  # their totals

    def load(self, production_id: int) -> None:
        self.scene_text.categories = self.workspace.read(category_rows, production_id)
        self.scene_text.editable = self.scene_elements.editable = not self.workspace.read_only
        episodes = self.workspace.read(episode_rows, production_id)
        scenes = self.workspace.read(scene_rows, production_id)
        self.episodes.set_rows(episodes)
        self.scenes.set_rows(scenes)
        if scenes:
            self.scenes.view.setCurrentIndex(self.scenes.proxy.index(0, 0))
        live = [scene for scene in scenes if scene["revision"] != RevisionState.OMITTED.value]
        text = (
            self.tr("%n episode(s)", "", len(episodes))
            + " · "
            + self.tr("%n scene(s)", "", len(live))
            + " · "
            + self.tr("%1 pages").replace("%1", format_eighths(sum(scene["eighths"] for scene in live)))
        )
        if len(live) < len(scenes):
            text += " · " + self.tr("%n omitted", "", len(scenes) - len(live))
        self.summary.setText(text)

    def _filter_scenes(self) -> None:
        chosen = {row["number"] for row in self.episodes.selected_rows()}
        self.scenes.proxy.set_predicate((lambda row: row["episode"] in chosen) if chosen else None)

    def show_scene(self, scene_id: int) -> None:
        """Select a scene (e.g. from a strip on the schedule) and show its text."""
        if self._stale:
            self.refresh()
        self.episodes.view.clearSelection()
        self.scenes.search.clear()
        self.scenes.select_ids([scene_id])
        self.scenes.scroll_to_selection()

    def _show_scene(self, current, _previous) -> None:
        if not current.isValid():
            self.current_scene = None
            self.scene_text.clear()
            self.scene_notes.clear()
            self.scene_notes.hide()
            self.scene_elements.clear()
            return
        self.current_scene = self.scenes.model.rows[self.scenes.proxy.mapToSource(current).row()]
        row = self.current_scene
        self.scene_text.setPlainText(f"{row['number']}  {row['heading']}\n\n{row['text']}")
        self.scene_notes.setPlainText(row["notes"])
        self.scene_notes.setVisible(bool(row["notes"]))
        self._show_elements()

    def _show_elements(self) -> None:
        if self.current_scene is None or self.workspace.database is None:
            return
        elements = self.workspace.read(scene_element_rows, self.current_scene["id"])
        self.scene_elements.set_elements(elements)
        self.scene_text.highlighter.set_elements(elements)

    def _tag(self, category_id: int, text: str) -> None:
        label = self.tr("Tag %1").replace("%1", text)
        try:
            self.workspace.apply(operations.tag, self.current_scene["id"], category_id, text, label=label)
        except UserError as error:
            self.show_refusal(str(error))

    def _remove_tag(self, element_id: int) -> None:
        try:
            args = (self.current_scene["id"], element_id)
            self.workspace.apply(operations.remove_tag, *args, label=self.tr("Remove tag"))
        except UserError as error:
            self.show_refusal(str(error))
