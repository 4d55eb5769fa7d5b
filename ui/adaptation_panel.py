"""The Script page's adaptation of the selected scene: the original beside the shooting script's text,
the adaptation's status, the adapter's and cultural notes, and a pairing to confirm. Every edit is one
undoable `operations.edit` of the scene's `scene_adaptation` row, with the version the page showed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.adaptation import REVIEWED, changes_since_approval
from studio.models.enums import AdaptationStatus
from ui import labels

MARKS = {"": " ", "-": "−", "+": "+"}
CHANGE_COLORS = {"-": "#ffd7d5", "+": "#ccf0d4"}  # as approved only, now only: red and green, as diffs are


class OriginalView(QWidget):
    """The original scene's heading and text, read-only; one whose original changed since approval shows
    what changed (the words as approved struck out in red, those now in green), unless unticked."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.row: dict | None = None
        self.title = QLabel(self)
        self.title.setObjectName("originalTitle")
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setWordWrap(True)
        self.changes = QCheckBox(self.tr("Show changes since approval"), self)
        self.changes.setObjectName("originalChanges")
        self.changes.setChecked(True)
        self.changes.toggled.connect(lambda _checked: self.show_row(self.row))
        self.changes.hide()  # until a scene whose original changed is shown
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("originalText")
        self.text.setReadOnly(True)
        heading = QHBoxLayout()  # the box beside the title: the page no taller for it
        heading.addWidget(self.title, 1)
        heading.addWidget(self.changes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.text)

    def show_row(self, row: dict | None) -> None:
        self.row = row
        self.changes.setVisible(bool(row and row["original_changed"]))
        self.text.setExtraSelections([])
        if row is None or not row["original_number"]:
            self.title.setText(self.tr("Original: none (added in adaptation)") if row else "")
            self.text.clear()
            return
        self.title.setText(self.tr("Original %1").replace("%1", row["original_number"]))
        now = f"{row['original_heading']}\n\n{row['original_text']}"
        if not (row["original_changed"] and self.changes.isChecked()):
            self.text.setPlainText(now)
            return
        if row["approved_text"] is None:  # approved before the words approved were kept
            self.title.setText(
                self.tr("Original %1: the words as approved were not kept; as it is now").replace(
                    "%1", row["original_number"]
                )
            )
            self.text.setPlainText(now)
            return
        self.title.setText(
            self.tr("Original %1: changes since approval (− as approved, + now)").replace("%1", row["original_number"])
        )
        self._show_changes(changes_since_approval(f"{row['approved_heading']}\n\n{row['approved_text']}", now))

    def _show_changes(self, lines: list[tuple[str, str]]) -> None:
        """The lines marked and coloured, scrolled to the first change."""
        self.text.setPlainText("\n".join(f"{MARKS[mark]} {line}" for mark, line in lines))
        selections = []
        block = self.text.document().firstBlock()
        for mark, _line in lines:
            if mark:
                selection = QTextEdit.ExtraSelection()
                selection.format.setBackground(QColor(CHANGE_COLORS[mark]))
                selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.cursor = QTextCursor(block)
                selections.append(selection)
            block = block.next()
        self.text.setExtraSelections(selections)
        if selections:
            self.text.setTextCursor(selections[0].cursor)
            self.text.centerCursor()


class AdaptationForm(QWidget):
    """Status, notes and the pairing's confirmation; `edited` carries (field, value) to store."""

    edited = Signal(str, object)
    pairRequested = Signal()  # pair the scene by hand with another original scene, or none

    def __init__(self, parent=None):
        super().__init__(parent)
        self.row: dict | None = None
        self.status = QComboBox(self)
        self.status.setObjectName("adaptationStatus")
        for status in AdaptationStatus:
            self.status.addItem(labels.adaptation_status(status.value), status.value)
        self.status.activated.connect(lambda _index: self._edit("status", self.status.currentData()))
        self.flag = QLabel(self)
        self.flag.setObjectName("adaptationFlag")
        self.flag.setStyleSheet("color: #c62828;")
        self.flag.setWordWrap(True)
        self.confirm = QPushButton(self.tr("Confirm the pairing"), self)
        self.confirm.setObjectName("confirmPairing")
        self.confirm.clicked.connect(lambda: self._edit("confirmed", True))
        self.reviewed = QPushButton(self.tr("Mark as reviewed"), self)
        self.reviewed.setObjectName("markReviewed")
        self.reviewed.setToolTip(self.tr("The changed original is reviewed: the adaptation stays approved"))
        self.reviewed.clicked.connect(lambda: self._edit("approved_original", REVIEWED))
        self.pair = QPushButton(self.tr("Pair with…"), self)
        self.pair.setObjectName("pairByHand")
        self.pair.clicked.connect(self.pairRequested)
        self.adapter_note = self._note("adapterNote", self.tr("Adapter's note"), "adapter_note")
        self.cultural_note = self._note(
            "culturalNote", self.tr("Cultural note: what was changed and why"), "cultural_note"
        )
        # Two short rows, not one long one: the page must fit beside the sidebar in a narrow window.
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(QLabel(self.tr("Adaptation"), self))
        top.addWidget(self.status)
        top.addStretch(1)
        top.addWidget(self.pair)
        flagged = QHBoxLayout()
        flagged.setContentsMargins(0, 0, 0, 0)
        flagged.addWidget(self.flag, 1)
        flagged.addWidget(self.reviewed)
        flagged.addWidget(self.confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(flagged)
        layout.addWidget(self.adapter_note)
        layout.addWidget(self.cultural_note)

    def _note(self, name: str, placeholder: str, field: str) -> QLineEdit:
        note = QLineEdit(self)
        note.setObjectName(name)
        note.setPlaceholderText(placeholder)
        note.editingFinished.connect(lambda: self._edit(field, note.text()))
        return note

    def _edit(self, field: str, value) -> None:
        if self.row is not None and value != self.row.get(field):
            self.edited.emit(field, value)

    def show_row(self, row: dict | None, editable: bool) -> None:
        self.row = row
        self.setEnabled(row is not None and editable)
        if row is None:
            self.flag.clear()
            self.confirm.hide()
            self.reviewed.hide()
            for note in (self.adapter_note, self.cultural_note):
                note.clear()
            return
        self.status.setCurrentIndex(self.status.findData(row["status"]))
        flags = []
        if row["original_changed"]:
            flags.append(self.tr("The original changed since this was approved"))
        if not row["confirmed"]:
            flags.append(self.tr("Paired by the alignment: to confirm"))
        self.flag.setText(" · ".join(flags))
        self.confirm.setVisible(not row["confirmed"])
        self.reviewed.setVisible(row["original_changed"])
        self.pair.setVisible(not row["cut"])  # pairing starts from the shooting scene
        self.adapter_note.setText(row["adapter_note"])
        self.cultural_note.setText(row["cultural_note"])
