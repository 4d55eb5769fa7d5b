"""File → Import Script: what the script holds, and what importing it would change, before committing.

The dialog shows at once; what it shows is read and worked out off the GUI thread (`ui.script_import`),
so meanwhile it says what it is doing, offers no Import, and can be cancelled."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.adaptation import flagged_scene
from studio.formatting import format_eighths
from studio.models.enums import ScriptSide
from studio.scripts.groups import group_count
from studio.scripts.importer import ImportResult
from studio.scripts.outline import Outline, is_background
from ui.labels import revision_color, scene_heading

STATE_COLORS = {"added": "#2e7d32", "changed": "#ef6c00", "omitted": "#c62828"}


class ImportDialog(QDialog):
    targetChanged = Signal(bool)  # into a new production (True) or the current one; or the side changed

    def __init__(self, parent, files: list[str], current_production: str | None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import script"))
        self.outline: Outline | None = None
        self.new_production = current_production is None

        heading = QLabel(", ".join(files), self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        self.activity = QLabel(self)
        self.activity.setObjectName("importActivity")
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # no end known: Qt shows it as busy
        self.busy.setTextVisible(False)
        self.summary = QLabel(self)
        self.into_current = QRadioButton(self.tr("Revise %1").replace("%1", current_production or ""), self)
        self.into_new = QRadioButton(self.tr("Create a new production"), self)
        self.into_current.setVisible(current_production is not None)
        # Which of the show's two scripts this is: the shooting script (its scenes are scheduled) or the original.
        self.as_shooting = QRadioButton(self.tr("The shooting script"), self)
        self.as_original = QRadioButton(self.tr("The original it is adapted from (kept beside it, paired)"), self)
        self.as_original.setObjectName("importAsOriginal")
        for pair in ((self.into_current, self.into_new), (self.as_shooting, self.as_original)):
            group = QButtonGroup(self)  # two choices, each its own: radio buttons of one parent exclude each other
            for button in pair:
                group.addButton(button)
        (self.into_new if self.new_production else self.into_current).setChecked(True)
        self.as_shooting.setChecked(True)
        self.into_new.toggled.connect(self._target_changed)
        self.as_original.toggled.connect(self._target_changed)
        self.changes = QLabel(self)
        self.changes.setObjectName("importChanges")

        self.scene_table = self._table([self.tr("Scene"), self.tr("Heading"), self.tr("Pages"), self.tr("Import")])
        self.character_table = self._table([self.tr("Character"), self.tr("Speaks"), self.tr("Scenes")])
        self.guess_table = self._table([self.tr("Line"), self.tr("What the script does not say, taken to mean")])
        self.guess_table.setObjectName("importGuesses")
        self.pair_table = self._table(
            [self.tr("Original"), self.tr("Adaptation"), self.tr("Paired"), self.tr("Status")]
        )
        self.pair_table.setObjectName("importPairs")
        self.alignment_notes = QLabel(self)
        self.alignment_notes.setObjectName("importAlignmentNotes")
        self.alignment_notes.setWordWrap(True)
        self.pairs = QWidget(self)
        pairs_layout = QVBoxLayout(self.pairs)
        pairs_layout.addWidget(self.alignment_notes)
        pairs_layout.addWidget(self.pair_table)
        self.tabs = tabs = QTabWidget(self)
        tabs.addTab(self.scene_table, self.tr("Scenes", "tab listing the script's scenes"))
        tabs.addTab(self.character_table, self.tr("Characters"))
        tabs.addTab(self.guess_table, self.tr("To check"))
        tabs.addTab(self.pairs, self.tr("Pairs"))
        tabs.setTabVisible(tabs.indexOf(self.pairs), False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        widgets = (
            heading,
            self.activity,
            self.busy,
            self.summary,
            self.into_current,
            self.into_new,
            self.as_shooting,
            self.as_original,
            self.changes,
        )
        for widget in (*widgets, tabs, buttons):
            layout.addWidget(widget)
        self.resize(760, 560)

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def working(self, activity: str) -> None:
        """Say what is being worked out; nothing can be imported or chosen until it is shown."""
        self.activity.setText(activity)
        for widget in (self.activity, self.busy):
            widget.show()
        for widget in self._choices():
            widget.setEnabled(False)

    def _choices(self) -> tuple:
        return self.import_button, self.into_current, self.into_new, self.as_shooting, self.as_original

    @property
    def side(self) -> str:
        return (ScriptSide.ORIGINAL if self.as_original.isChecked() else ScriptSide.SHOOTING).value

    def offer_side(self, side: str) -> None:
        """Choose which of the show's two scripts this is, as worked out from the script (no new preview:
        the one shown next is of this side)."""
        button = self.as_original if side == ScriptSide.ORIGINAL.value else self.as_shooting
        blocked = self.as_original.blockSignals(True)
        button.setChecked(True)
        self.as_original.blockSignals(blocked)

    def _target_changed(self) -> None:
        self.new_production = self.into_new.isChecked()
        self.targetChanged.emit(self.new_production)

    def show_outline(self, outline: Outline) -> None:
        self.outline = outline
        scenes = outline.scenes
        characters = outline.characters()
        self.summary.setText(
            self.tr("%1 episodes · %2 scenes · %3 sets · %4 characters · %5 pages")
            .replace("%1", str(len(outline.episodes)))
            .replace("%2", str(len(scenes)))
            .replace("%3", str(len({s.set_name for s in scenes})))
            .replace("%4", str(len(characters)))
            .replace("%5", format_eighths(sum(s.eighths for s in scenes)))
        )
        self._fill_characters(outline, characters)
        self._fill_guesses(outline)

    def show_preview(self, preview: ImportResult) -> None:
        """What importing into the chosen production would do; Import is offered from here."""
        assert self.outline is not None
        self.changes.setText(
            self.tr("Revision %1: %2 new, %3 changed, %4 omitted, %5 unchanged")
            .replace("%1", revision_color(preview.revision))
            .replace("%2", str(len(preview.added)))
            .replace("%3", str(len(preview.changed)))
            .replace("%4", str(len(preview.omitted)))
            .replace("%5", str(len(self.outline.scenes) - len(preview.added) - len(preview.changed)))
        )
        if preview.flagged:  # an approved adaptation's original revised: it will be flagged for review
            self.changes.setText(
                self.changes.text()
                + "\n"
                + self.tr("Approved, to be flagged as the original changed since: %1").replace(
                    "%1", ", ".join(flagged_scene(pair) for pair in preview.flagged)
                )
            )
        self._fill_scenes(self.outline, preview)
        for widget in (self.activity, self.busy):
            widget.hide()
        for widget in self._choices():
            widget.setEnabled(True)
        self._fill_pairs(preview.alignment)

    def _fill_scenes(self, outline: Outline, preview: ImportResult) -> None:
        states = {number: "added" for number in preview.added} | {number: "changed" for number in preview.changed}
        labels = {"added": self.tr("New"), "changed": self.tr("Changed"), "omitted": self.tr("Omitted")}
        rows = [
            (
                s.number,
                scene_heading(s.int_ext, s.set_name, s.time_of_day),
                format_eighths(s.eighths),
                states.get(s.number, ""),
            )
            for s in outline.scenes
        ]
        rows += [(number, "", "", "omitted") for number in preview.omitted]
        self.scene_table.setRowCount(len(rows))
        for row, (number, heading, pages, state) in enumerate(rows):
            values = (number, heading, pages, labels.get(state, self.tr("Unchanged")))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if state:
                    item.setForeground(QBrush(QColor(STATE_COLORS[state])))
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.scene_table.setItem(row, column, item)

    def _fill_pairs(self, alignment: dict | None) -> None:
        """How the two scripts pair once this is imported, for confirmation before anything is stored: a
        pair the alignment is not sure of is marked (stored, but to confirm on the Script page), scenes cut
        and added in adaptation and those not yet adapted listed, the names it maps and what it found
        ambiguous said above."""
        index = self.tabs.indexOf(self.pairs)
        self.tabs.setTabVisible(index, alignment is not None)
        if alignment is None:
            return
        doubtful, to_check = len(alignment["doubtful"]), len(alignment["ambiguities"])
        self.tabs.setTabText(
            index,
            self.tr("Pairs (%1 to confirm, %2 to check)").replace("%1", str(doubtful)).replace("%2", str(to_check)),
        )
        ways = {
            "number": self.tr("same number"),
            "renumbered": self.tr("renumbered since paired"),
            "order": self.tr("in order"),
            "moved": self.tr("moved"),
            "hand": self.tr("by hand"),
        }
        rows = [
            (
                _scene(pair["original"], pair["original_heading"]),
                _scene(pair["shooting"], pair["shooting_heading"]),
                self.tr("%1, %2% alike")
                .replace("%1", ways.get(pair["by"], pair["by"]))
                .replace("%2", str(round(pair["score"] * 100))),
                pair["doubtful"],
            )
            for pair in alignment["pairs"]
        ]
        rows += [
            (_scene(s["number"], s["heading"]), "—", self.tr("cut in adaptation"), False)
            for s in alignment["original_only"]
        ]
        rows += [
            ("—", _scene(s["number"], s["heading"]), self.tr("added in adaptation"), False)
            for s in alignment["shooting_only"]
        ]
        rows += [
            (_scene(s["number"], s["heading"]), "—", self.tr("not yet adapted"), False)
            for s in alignment["not_yet_adapted"]
        ]
        self.pair_table.setRowCount(len(rows))
        for row, (original, adaptation, way, unsure) in enumerate(rows):
            status = self.tr("To confirm") if unsure else ""
            for column, value in enumerate((original, adaptation, way, status)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if unsure:
                    item.setForeground(QBrush(QColor(STATE_COLORS["changed"])))
                self.pair_table.setItem(row, column, item)
        header = self.pair_table.horizontalHeader()
        for column in (0, 1):  # the two scenes share the width; how and whether to confirm as wide as they say
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        names = [f"{name['original']} ↔ {name['adaptation']}" for name in alignment["names_mapped"]]
        notes = [self.tr("Names mapped: %1").replace("%1", ", ".join(names))] if names else []
        notes += [self.tr("To check: %1").replace("%1", message) for message in alignment["ambiguities"]]
        self.alignment_notes.setText("\n".join(notes))

    def _fill_characters(self, outline: Outline, characters: dict[str, bool]) -> None:
        counts: dict[str, int] = {}
        for scene in outline.scenes:
            for name in {*scene.speaking, *scene.listed}:
                counts[name] = counts.get(name, 0) + 1
        self.character_table.setRowCount(len(characters))
        for row, (name, speaks) in enumerate(sorted(characters.items(), key=lambda item: -counts.get(item[0], 0))):
            speaking = (
                self._background(name) if is_background(name) else self.tr("Yes") if speaks else self.tr("Silent")
            )
            for column, value in enumerate((name, speaking, str(counts.get(name, 0)))):
                self.character_table.setItem(row, column, QTableWidgetItem(value))

    def _background(self, name: str) -> str:
        count = group_count(name)
        return self.tr("Background ×%1").replace("%1", str(count)) if count else self.tr("Background")

    def _fill_guesses(self, outline: Outline) -> None:
        """What the importer decided for itself (a heading without a time, a cue read as a direction, a name
        merged), so the producer checks it before importing."""
        self.tabs.setTabText(
            self.tabs.indexOf(self.guess_table), self.tr("To check (%1)").replace("%1", str(len(outline.guesses)))
        )
        self.guess_table.setRowCount(len(outline.guesses))
        for row, guess in enumerate(outline.guesses):
            for column, value in enumerate((str(guess.line), guess.message)):
                self.guess_table.setItem(row, column, QTableWidgetItem(value))


def _scene(number: str, heading: str) -> str:
    """A scene of a pair as the preview shows it: its number and heading (its set, where, when)."""
    return f"{number}  {heading}" if heading and not heading.startswith(number) else heading or number
