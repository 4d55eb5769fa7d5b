"""Script: episodes, their scenes, and the text of the scene selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QInputDialog, QMessageBox, QPlainTextEdit

from studio import operations
from studio.adaptation import original_choices, script_page_adaptation
from studio.changes import Changes
from studio.errors import UserError
from studio.formatting import format_eighths
from studio.listings import category_rows, episode_rows, scene_element_rows, scene_rows
from studio.models.enums import RevisionState
from studio.summary import original_counts
from ui import labels
from ui.adaptation_panel import AdaptationForm, OriginalView
from ui.i18n import chinese
from ui.lazy import on_first_call
from ui.pages.base import Page
from ui.scene_breakdown import SceneElementsList, SceneTextView
from ui.table import Column, name_columns

write_bilingual_script = on_first_call("studio.exports.script_pdf", "write_bilingual_script")  # reportlab
bilingual_script_file_name = on_first_call("studio.exports.script_pdf", "bilingual_script_file_name")
TAGS = frozenset({"scene_element", "breakdown_element"})  # what the scene's tags are made of


class ScriptPage(Page):
    key = "script"
    stale_on = frozenset({"character"})
    reading_actions = frozenset({"exportBilingual"})

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.episodes = self.table(
            [
                Column("number", self.tr("Episode"), align_right=True),
                Column("scenes", self.tr("Scenes"), align_right=True),
                # Of its scenes' adaptations, beside their count: within the narrow pane's first columns.
                Column("approved", self.tr("Approved"), align_right=True),
                Column("eighths", self.tr("Pages"), display=format_eighths, align_right=True),
                Column("shots", self.tr("Shots"), align_right=True),
                *name_columns(self.tr("Title"), "episode", keys=("title", "title_zh"), fields=("title", "title_zh")),
            ]
        )
        self.scenes = self.table(
            [
                Column("number", self.tr("Scene"), whole=True),
                # What the page is for when adapting: beside the scene, in view at 1280 px (hidden without an
                # original, which leaves a shooting script alone as it was).
                Column("adaptation", self.tr("Adaptation"), display=labels.adaptation_status, whole=True),
                Column("int_ext", self.tr("I/E"), display=labels.int_ext),
                Column(
                    "set_zh" if chinese() else "set",
                    self.tr("Set"),
                    source=("film_set", "set_id", "name_zh" if chinese() else "name"),
                    fallback_key="set",
                ),
                Column("time_of_day", self.tr("D/N"), display=labels.time_of_day),
                Column("eighths", self.tr("Pages"), display=format_eighths, align_right=True),
                # A scene with many (ETHAN, CHLOE, DR. OKAFOR, NURSE KIM…) elided, all of them in its tooltip.
                Column("characters_zh" if chinese() else "characters", self.tr("Characters"), widest=240),
                Column("revision", self.tr("Revision"), display=labels.revision_state, whole=True),
                Column(
                    "shots", self.tr("Shots"), source=("scene", "scene_id", "shots"), editable=True, align_right=True
                ),
                Column(
                    "synopsis",
                    self.tr("Synopsis"),
                    source=("scene", "scene_id", "synopsis"),
                    editable=True,
                    free_text=True,
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
        # The original a show was adapted from, beside the scene's text, when the production has one.
        self.adaptations: dict[int, dict] = {}
        self.original = OriginalView(self)
        self.adaptation = AdaptationForm(self)
        self.adaptation.edited.connect(self._edit_adaptation)
        self.adaptation.pairRequested.connect(self._pair_by_hand)
        self.not_approved = QCheckBox(self.tr("Not yet approved"), self)
        self.not_approved.setObjectName("notYetApproved")
        self.not_approved.toggled.connect(self._filter_scenes)
        self.to_confirm = QCheckBox(self.tr("To confirm"), self)
        self.to_confirm.setObjectName("toConfirm")
        self.to_confirm.setToolTip(self.tr("Pairs the alignment was not sure of, and originals changed since approval"))
        self.to_confirm.toggled.connect(self._filter_scenes)
        script_font = QFont()
        script_font.setFamilies(["Courier Prime", "Courier New", "Courier", "Noto Sans Mono CJK SC", "monospace"])
        script_font.setStyleHint(QFont.StyleHint.Monospace)
        self.scene_text.setFont(script_font)
        self.scene_notes.setFont(script_font)
        texts = self.splitter("scriptTextsSplitter", Qt.Orientation.Horizontal, self.original, self.scene_text)
        right = self.splitter(
            "scriptRightSplitter",
            Qt.Orientation.Vertical,
            self.scenes,
            texts,
            self.scene_notes,
            self.adaptation,
            self.scene_elements,
        )
        for index, stretch in enumerate(
            (3, 2, 1, 0, 1)
        ):  # scenes, texts, the writer's notes, the adaptation's form, tags
            right.setStretchFactor(index, stretch)
        main = self.splitter("scriptSplitter", Qt.Orientation.Horizontal, self.episodes, right)
        main.setStretchFactor(1, 3)
        self.exports = self.toolbar(
            [("exportBilingual", self.tr("Bilingual Script (PDF)…"), self.export_bilingual_script)]
        )
        filters = QHBoxLayout()
        filters.addWidget(self.not_approved)
        filters.addWidget(self.to_confirm)
        filters.addStretch(1)
        filters.addWidget(self.exports)
        self.layout_.addLayout(filters)
        self.layout_.addWidget(main)
        self.episodes.view.selectionModel().selectionChanged.connect(self._filter_scenes)
        self.scenes.view.selectionModel().currentRowChanged.connect(self._show_scene)

    def redraw(self, changes: Changes) -> None:
        super().redraw(changes)
        shots = any(change.entity == "scene" and change.field == "shots" for change in changes.fields)
        if self._stale or not (shots or changes.touches({"scene_adaptation"})):
            return
        production_id = self.workspace.production_id
        episodes = self.workspace.read(episode_rows, production_id) if shots else self.episodes.model.rows  # totals
        scenes = [row for row in self.scenes.model.rows if row["scene_id"] is not None]
        self._set_rows(production_id, scenes, episodes)
        current = self.scenes.view.currentIndex()
        if current.isValid():
            self._show_adaptation()
        else:  # the row shown is gone (an original cut, now paired): its text and notes with it
            self._show_scene(current, None)

    def load(self, production_id: int) -> None:
        self.scene_text.categories = self.workspace.read(category_rows, production_id)
        self.scene_text.editable = self.scene_elements.editable = not self.workspace.read_only
        episodes = self.workspace.read(episode_rows, production_id)
        scenes = self.workspace.read(scene_rows, production_id)
        for row in scenes:
            row["scene_id"] = row["id"]  # what the scene's own cells edit; a cut original's row has none
        self._set_rows(production_id, scenes, episodes)
        if scenes:
            self.scenes.view.setCurrentIndex(self.scenes.proxy.index(0, 0))
        live = [scene for scene in scenes if scene["revision"] != RevisionState.OMITTED.value]
        text = (
            self.tr("%n episode(s)", "", sum(row["id"] is not None for row in episodes))
            + " · "
            + self.tr("%n scene(s)", "", len(live))
            + " · "
            + self.tr("%1 pages").replace("%1", format_eighths(sum(scene["eighths"] for scene in live)))
        )
        if len(live) < len(scenes):
            text += " · " + self.tr("%n omitted", "", len(scenes) - len(live))
        original = self.workspace.read(original_counts, production_id) if not scenes else None
        if original and original["scenes"]:  # the original came first: it is in, with nothing to pair yet
            waiting = self.tr("Original: %1 episodes, %2 scenes; import the shooting script to pair them")
            text += " · " + waiting.replace("%1", str(original["episodes"])).replace("%2", str(original["scenes"]))
        self.summary.setText(text)

    def _set_rows(self, production_id: int, scenes: list[dict], episodes: list[dict]) -> None:
        """The episodes and scenes shown with their adaptation: filled in before the tables take them, whose
        first rows size the columns (an Approved column sized without its counts cut them off)."""
        scenes = self._load_adaptations(production_id, scenes, episodes)
        self.episodes.set_rows(episodes)
        self.scenes.set_rows(scenes)
        for table, key in ((self.scenes, "adaptation"), (self.episodes, "approved")):
            column = next(n for n, c in enumerate(table.model.columns) if c.key == key)
            table.view.setColumnHidden(column, not self.adaptations)  # after set_rows, which shows every column

    def _load_adaptations(self, production_id: int, scenes: list[dict], episodes: list[dict]) -> list[dict]:
        """Each scene's adaptation into its row (the Adaptation column and the filter read it), and how many
        of each episode's are approved; the original's side shown only for a production that has one.
        Returns the scenes' rows with the original's scenes cut in adaptation among them, in script order."""
        adaptation = self.workspace.read(script_page_adaptation, production_id)
        self.adaptations, progress = adaptation.rows, adaptation.episodes
        scenes = self._with_cut(adaptation.cut, scenes)
        approved: dict[int | None, list[bool]] = {}  # per episode, its shooting scenes' approval
        for row in scenes:
            adaptation = self.adaptations.get(row["id"])
            row["adaptation"] = adaptation["shown_status"] if adaptation else ""
            row["approved"] = adaptation is None or adaptation["approved"]
            row["to_confirm"] = adaptation is not None and (
                not adaptation["confirmed"] or adaptation["original_changed"]
            )
            if row["scene_id"] is not None and row["revision"] != RevisionState.OMITTED.value:
                approved.setdefault(row["episode"], []).append(row["approved"])
        episodes[:] = [row for row in episodes if row["id"] is not None]  # the original's own: made again below
        for row in episodes:  # of the scenes the Scenes column counts: the shooting script's
            done = approved.get(row["number"], [])
            row["approved"] = f"{sum(done)}/{len(done)}" if self.adaptations else ""
        shown = {row["number"] for row in episodes}
        episodes += [
            self._original_only(number, done["not_yet_adapted"])
            for number, done in progress.items()
            if number is not None and number not in shown and done["not_yet_adapted"]
        ]
        for widget in (self.original, self.adaptation, self.not_approved, self.to_confirm, self.exports):
            widget.setVisible(bool(self.adaptations))
        return scenes

    def _original_only(self, number: int, scenes: int) -> dict:
        """An episode of the original the shooting script does not reach yet: listed, read-only (no id)."""
        said = self.tr("Not yet adapted · scenes in the original: %1").replace("%1", str(scenes))
        return {
            "id": None,
            "versions": {},
            "number": number,
            "title": said,
            "title_zh": said,
            "scenes": 0,
            "eighths": 0,
            "shots": None,
            "approved": "—",
        }

    def _with_cut(self, cut: list[dict], scenes: list[dict]) -> list[dict]:
        """The original's scenes cut in adaptation (`cut`), each after the shooting scene it follows."""
        after: dict[int | None, list[dict]] = {}
        for row in cut:
            row["number"] = self.tr("Original %1").replace("%1", row["number"])
            after.setdefault(row["after"], []).append(row)
        merged = list(after.get(None, []))
        for row in scenes:
            merged += [row, *after.get(row["id"], [])]
        return merged

    def export_bilingual_script(self) -> None:
        """The original and its adaptation side by side, scene by scene, as `export script --bilingual`."""
        self.export_file(
            self.tr("Export Bilingual Script"),
            self.workspace.read(bilingual_script_file_name, self.workspace.production_id),
            self.tr("PDF documents (*.pdf)"),
            lambda session, production_id, path: write_bilingual_script(session, production_id, path, "en+zh"),
        )

    def _filter_scenes(self) -> None:
        chosen = {row["number"] for row in self.episodes.selected_rows()}
        pending, doubtful = self.not_approved.isChecked(), self.to_confirm.isChecked()
        if not chosen and not pending and not doubtful:
            self.scenes.proxy.set_predicate(None)
            return
        self.scenes.proxy.set_predicate(
            lambda row: (
                (not chosen or row["episode"] in chosen)
                and not (pending and row["approved"])
                and (not doubtful or row["to_confirm"])
            )
        )

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
            self._show_adaptation()
            return
        self.current_scene = self.scenes.model.rows[self.scenes.proxy.mapToSource(current).row()]
        row = self.current_scene
        cut = row["scene_id"] is None
        self.scene_text.editable = self.scene_elements.editable = not (self.workspace.read_only or cut)
        if row["revision"] == "NOT_YET_ADAPTED":
            self.scene_text.setPlainText(self.tr("Not yet adapted: the shooting script does not reach this episode"))
        elif cut:
            self.scene_text.setPlainText(self.tr("Cut in adaptation: no scene of the shooting script adapts it"))
        else:
            self.scene_text.setPlainText(f"{row['number']}  {row['heading']}\n\n{row['text']}")
        self.scene_notes.setPlainText(row["notes"])
        self.scene_notes.setVisible(bool(row["notes"]))
        self._show_elements()
        self._show_adaptation()

    def _show_adaptation(self) -> None:
        row = self.adaptations.get(self.current_scene["id"]) if self.current_scene else None
        self.original.show_row(row)
        self.adaptation.show_row(row, not self.workspace.read_only)

    def _pair_by_hand(self) -> None:
        """Pair the scene with another original scene, or with none (added in adaptation); taking another
        scene's original offers to swap the two scenes' originals or to leave the other scene unpaired."""
        scene = self.current_scene
        originals = [
            choice
            for choice in self.workspace.read(original_choices, self.workspace.production_id)
            if choice["scene_id"] != scene["scene_id"]
        ]
        choices = [self.tr("None: added in adaptation")] + [self._choice(original) for original in originals]
        question = self.tr("The original scene that scene %1 adapts:").replace("%1", scene["number"])
        chosen, ok = QInputDialog.getItem(self, self.tr("Pair with an original scene"), question, choices, 0, False)
        if not ok:
            return
        original = originals[choices.index(chosen) - 1] if chosen != choices[0] else None
        swap = original is not None and original["scene_id"] is not None and self._swap(scene, original)
        if swap is None:
            return
        label = self.tr("Pair scene %1 by hand").replace("%1", scene["number"])
        if swap:
            label = self.tr("Swap the originals of scenes %1 and %2")
            label = label.replace("%1", scene["number"]).replace("%2", original["scene_number"])
        try:
            args = (self.workspace.production_id, scene["scene_id"], original and original["id"], swap)
            self.workspace.apply(operations.pair_scene, *args, label=label)
        except UserError as error:
            self.show_refusal(str(error))

    def _choice(self, original: dict) -> str:
        text = f"{original['number']}  {original['heading']}"
        if original["scene_id"] is None:
            return text
        return text + self.tr(" · paired with scene %1").replace("%1", original["scene_number"])

    def _swap(self, scene: dict, original: dict) -> bool | None:
        """Asked when the original chosen is another scene's: swap (True), leave that scene unpaired (False),
        or cancel (None). A scene added in adaptation has no original to swap."""
        mine = self.adaptations[scene["id"]]["original_number"]
        other = original["scene_number"]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Pair with an original scene"), "", parent=self)
        if mine:
            text = self.tr("Original %1 is scene %2's. Swap, so that scene %2 adapts original %3 instead?")
            box.setText(text.replace("%1", original["number"]).replace("%2", other).replace("%3", mine))
            swap = box.addButton(self.tr("Swap"), QMessageBox.ButtonRole.AcceptRole)
        else:
            text = self.tr("Original %1 is scene %2's: scene %2 will be left unpaired.")
            box.setText(text.replace("%1", original["number"]).replace("%2", other))
            swap = None
        leave = box.addButton(self.tr("Leave scene %1 unpaired").replace("%1", other), QMessageBox.ButtonRole.NoRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(swap or leave)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is swap and swap is not None else False if clicked is leave else None

    def _edit_adaptation(self, field: str, value) -> None:
        row = self.adaptations[self.current_scene["id"]]
        label = self.tr("Edit the adaptation of scene %1")
        if field == "approved_original":
            label = self.tr("Mark scene %1 as reviewed")
        label = label.replace("%1", self.current_scene["number"])
        try:
            if field == "confirmed":  # and the names' map proposed again from one more sure pair
                args = (self.workspace.production_id, row["id"], row["version"])
                self.workspace.apply(operations.confirm_pairing, *args, label=label)
                return
            args = ("scene_adaptation", row["id"], {field: value}, row["version"])
            self.workspace.apply(operations.edit, *args, label=label)
        except UserError as error:
            self.show_refusal(str(error))

    def _show_elements(self) -> None:
        if self.current_scene is None or self.workspace.database is None:
            return
        scene_id = self.current_scene["scene_id"]
        elements = self.workspace.read(scene_element_rows, scene_id) if scene_id is not None else []
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
