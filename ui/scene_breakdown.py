"""Breaking a scene down where it is read: select words in the script, tag them under a category;
tagged elements are listed under the text and highlighted in their category's colour."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMenu, QPlainTextEdit

from ui.i18n import shown_name


class ElementHighlighter(QSyntaxHighlighter):
    """Marks every occurrence of a tagged element's name, in a light tint of its category colour."""

    def __init__(self, document):
        super().__init__(document)
        self.rules: list[tuple[re.Pattern, QTextCharFormat]] = []

    def set_elements(self, elements: list[dict]) -> None:
        self.rules = []
        names = [(name, element) for element in elements for name in (element["name"], element.get("name_zh")) if name]
        for name, element in sorted(names, key=lambda pair: -len(pair[0])):  # in an English or a Chinese script
            text_format = QTextCharFormat()
            text_format.setBackground(QColor(element["color"]).lighter(160))
            text_format.setFontWeight(QFont.Weight.DemiBold)
            self.rules.append((re.compile(re.escape(name), re.IGNORECASE), text_format))
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        for pattern, text_format in self.rules:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), text_format)


class SceneTextView(QPlainTextEdit):
    """The scene's text, read-only; its context menu tags the selected words."""

    tagRequested = Signal(int, str)  # category id, the selected text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.categories: list[dict] = []
        self.editable = True  # False in a read-only window: no tagging
        self.highlighter = ElementHighlighter(self.document())

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt API
        menu = self.createStandardContextMenu()
        selected = self.textCursor().selectedText().strip()
        if selected and self.categories and self.editable:
            menu.addSeparator()
            menu.addMenu(self.tag_menu(selected, menu))
        menu.exec(event.globalPos())

    def tag_menu(self, selected: str, parent) -> QMenu:
        """Tag “words” as ▸ the production's categories (in the interface's language)."""
        shown = selected if len(selected) <= 30 else selected[:29] + "…"
        tag_menu = QMenu(self.tr("Tag “%1” as").replace("%1", shown), parent)
        tag_menu.setObjectName("tagMenu")
        for category in self.categories:
            if category["key"] in ("cast", "background"):
                continue  # cast and background come from the scene's characters
            action = tag_menu.addAction(shown_name(category["name"], category["name_zh"]))
            action.setData(category["id"])
            action.triggered.connect(lambda _=False, cid=category["id"]: self.tagRequested.emit(cid, selected))
        return tag_menu


class SceneElementsList(QListWidget):
    """The elements tagged in the scene, by category; the context menu takes one out."""

    removeRequested = Signal(int)  # element id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.editable = True  # False in a read-only window: no removing
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def set_elements(self, elements: list[dict]) -> None:
        self.clear()
        for element in elements:
            category = shown_name(element["category"], element["category_zh"])
            item = QListWidgetItem(f"{category}: {shown_name(element['name'], element['name_zh'])}")
            item.setData(Qt.ItemDataRole.UserRole, element["id"])
            item.setData(Qt.ItemDataRole.DecorationRole, QColor(element["color"]))
            self.addItem(item)

    def _menu(self, position) -> None:
        item = self.itemAt(position)
        if item is None or not self.editable:
            return
        menu = QMenu(self)
        menu.addAction(
            self.tr("Remove from this scene"),
            lambda: self.removeRequested.emit(item.data(Qt.ItemDataRole.UserRole)),
        )
        menu.exec(self.viewport().mapToGlobal(position))
