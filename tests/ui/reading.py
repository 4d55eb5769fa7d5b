"""Reading the window as a person sees it: every text shown on each page (labels, buttons, tabs, menus,
combo boxes, table headers and cells, lists, charts) and every value in a field, and what of it is
English that has a Chinese translation (a source string of the catalogues, a stored vocabulary value with
a Chinese label, a language's name, a name with a Chinese name stored beside it: in a field, where a name
is what was typed, only the words the app translates)."""

from __future__ import annotations

import re
import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QToolBar,
    QToolButton,
    QTreeView,
    QWidget,
)

from studio import i18n as studio_i18n
from studio import vocabulary
from studio.models import enums
from studio.resources import load_json
from ui.i18n import TRANSLATIONS_DIR

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{[a-z_]+\}")
SEPARATORS = re.compile(r"\s*(?:[,，;；·–—:：()（）/\n]|\s{2,})\s*")
MNEMONIC = re.compile(r"&(?=[^&\s])")
CELL_ROWS = 120  # rows read from each table: what a screen or two shows, and every vocabulary in the demo


def latin_only(text: str) -> bool:
    return bool(LATIN.search(text)) and not CJK.search(text)


@dataclass
class Translatable:
    """English with a Chinese translation available: texts shown whole or between separators (catalogue
    sources, the usual positions, departments, fringes, revision colours), and words that may stand
    anywhere in a text (the script's codes, names with a Chinese name stored beside them)."""

    texts: dict[str, str] = field(default_factory=dict)  # English → its Chinese
    words: dict[str, str] = field(default_factory=dict)

    def found_in(self, text: str, *, names: bool = True) -> list[str]:
        """The translatable English in a shown text (empty when it reads as it should). `names=False` for
        a value in a field, where a name is what was typed: only whole words the app translates count."""
        text = MNEMONIC.sub("", text).strip()
        parts = {text, *(part for part in SEPARATORS.split(text) if part)}
        found = []
        for part in parts:
            if not latin_only(part):
                continue
            if part in self.texts or part.rstrip("…") in self.texts or (names and part in self.words):
                found.append(part)
                continue
            if not names:
                continue
            tokens = part.split()
            for size in range(1, min(len(tokens), 8) + 1):  # names and codes inside a longer text
                for start in range(len(tokens) - size + 1):
                    words = " ".join(tokens[start : start + size])
                    if words in self.words:
                        found.append(words)
        return sorted(set(found))


def translatable(database: Path) -> Translatable:
    """Everything the Chinese interface could show in Chinese, from the catalogues and the demo database."""
    result = Translatable()
    for message in ET.parse(TRANSLATIONS_DIR / "cliffhanger_zh_CN.ts").iter("message"):
        source, translation = message.findtext("source") or "", message.find("translation")
        text = translation.text or ""
        if not PLACEHOLDER.search(source) and latin_only(MNEMONIC.sub("", source)) and CJK.search(text):
            result.texts[MNEMONIC.sub("", source)] = text
    with studio_i18n.catalogue_path("zh_CN").open("rb") as handle:
        for message in read_po(handle):
            source = message.id if isinstance(message.id, str) else ""
            if source and not PLACEHOLDER.search(source) and latin_only(source) and CJK.search(message.string or ""):
                result.texts[source] = message.string
    for vocabulary_enum in (enums.IntExt, enums.TimeOfDay, enums.RevisionState, enums.UnionStatus, enums.RateBasis):
        result.words.update({value.value: value.value for value in vocabulary_enum if value.value})
    for enum in (enums.ShootDayKind, enums.AccountGroup, enums.LineUnit, enums.CostStatus, enums.FringeKind):
        result.texts.update({value.value: value.value for value in enum})
    for kind in ("positions", "departments", "revision_colors"):
        for entry in load_json("templates/chinese_words.json")[kind]:
            result.texts[entry["name"]] = entry["name_zh"]
    for template, key in (("fringe_presets", "fringes"), ("pay_presets", "presets")):
        for entry in load_json(f"templates/{template}.json")[key]:
            result.texts[entry["name"]] = entry["name_zh"]
            if "notes_zh" in entry:
                result.texts[entry["notes"]] = entry["notes_zh"]
    english, chinese = Locale("en").languages, Locale.parse("zh_CN").languages
    result.texts.update({english[code]: chinese[code] for code in english.keys() & chinese.keys()})
    names = {
        "location": ("name", "name_zh"),
        "film_set": ("name", "name_zh"),
        "character": ("name", "name_zh"),
        "performer": ("legal_name", "name_zh"),
        "crew_member": ("name", "name_zh"),
        "department": ("name", "name_zh"),
        "breakdown_category": ("name", "name_zh"),
        "breakdown_element": ("name", "name_zh"),
        "budget_account": ("name", "name_zh"),
        "episode": ("title", "title_zh"),
    }
    with sqlite3.connect(database) as connection:
        for table, (name, name_zh) in names.items():
            for english, chinese in connection.execute(f"SELECT {name}, {name_zh} FROM {table}"):  # noqa: S608
                if english and chinese and chinese != english and latin_only(english):
                    result.words[english] = chinese
    assert vocabulary.chinese("positions", "Director") == "导演"
    return result


@dataclass
class Reading:
    """What was read: (where, text) for every text shown and every value in a field, and the widgets it
    came from."""

    texts: list[tuple[str, str]] = field(default_factory=list)
    values: list[tuple[str, str]] = field(default_factory=list)
    widgets: int = 0
    kinds: set[str] = field(default_factory=set)

    def english(self, wanted: Translatable) -> list[tuple[str, str, list[str]]]:
        """What was read in English that has a translation: (where, text, the English in it)."""
        shown = [(where, text, wanted.found_in(text)) for where, text in self.texts]
        typed = [(where, text, wanted.found_in(text, names=False)) for where, text in self.values]
        return [(where, text, found) for where, text, found in shown + typed if found]

    def add(self, where: str, kind: str, text) -> None:
        if text is not None and str(text):
            self.texts.append((where, str(text)))
            self.kinds.add(kind)


def shown_in(widget: QWidget, top: QWidget) -> bool:
    """Shown, or shown when its tab is chosen: nothing between it and `top` is hidden, except pages of a
    stack (a tab widget's other tabs)."""
    while widget is not None and widget is not top:
        parent = widget.parentWidget()
        if widget.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        widget = parent
    return True


def read_menu(menu: QMenu, where: str, reading: Reading) -> None:
    reading.widgets += 1
    reading.add(where, "menu", menu.title())
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        native = action.property("nativeName")  # a language named in itself beside its translation: on purpose
        reading.add(where, "menu", action.text().replace(f" ({native})", "") if native else action.text())
        if action.menu() is not None:
            read_menu(action.menu(), where, reading)


def read_widget(top: QWidget, where: str, reading: Reading) -> None:
    """Every text shown in `top` and the widgets in it."""
    for widget in [top, *top.findChildren(QWidget)]:
        if not shown_in(widget, top) or isinstance(widget, QMenu):
            continue
        reading.widgets += 1
        if isinstance(widget, QLabel):
            reading.add(where, "label", widget.text())
        elif isinstance(widget, QAbstractButton):
            reading.add(where, "button", widget.text())
            if isinstance(widget, QToolButton) and widget.menu() is not None:
                read_menu(widget.menu(), where, reading)
        elif isinstance(widget, QGroupBox):
            reading.add(where, "group", widget.title())
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                reading.add(where, "tab", widget.tabText(index))
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                reading.add(where, "combo", widget.itemText(index))
        elif isinstance(widget, QLineEdit) and not widget.text():
            reading.add(where, "hint", widget.placeholderText() if widget.isEnabled() else "")
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            value = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
            reading.values.append((f"{where}: {widget.objectName() or type(widget).__name__}", value))
            reading.kinds.add("value")
        elif isinstance(widget, QToolBar):
            for action in widget.actions():
                if action.isVisible() and not action.isSeparator():
                    reading.add(where, "button", action.text())
        elif isinstance(widget, QHeaderView):
            model = widget.model()
            for section in range(widget.count()):
                if not widget.isSectionHidden(section):
                    reading.add(where, "header", model.headerData(section, widget.orientation()))
        elif isinstance(widget, QAbstractItemView):
            read_cells(widget, where, reading)
        elif isinstance(widget, QChartView):
            read_chart(widget, where, reading)


def read_cells(view: QAbstractItemView, where: str, reading: Reading) -> None:
    """The cells a person reads: every column shown, the first rows (all of a tree, expanded)."""
    model = view.model()
    source = model.sourceModel() if hasattr(model, "sourceModel") else model
    try:
        count = model.columnCount(QModelIndex())
    except TypeError:  # a list model: one column
        count = 1
    columns = [
        column for column in range(count) if not (hasattr(view, "isColumnHidden") and view.isColumnHidden(column))
    ]
    if isinstance(view, QTreeView):
        view.expandAll()

    free_text = getattr(source, "is_free_text", lambda index: False)
    mapped = model.mapToSource if hasattr(model, "mapToSource") else (lambda index: index)
    name = view.objectName() or type(view).__name__

    def visit(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), CELL_ROWS)):
            for column in columns:
                index = model.index(row, column, parent)
                if free_text(mapped(index)):
                    continue  # what people typed, in whatever language they typed it
                header = model.headerData(column, Qt.Orientation.Horizontal) if count > 1 else ""
                reading.add(f"{where}: {name} {header}", "cell", model.data(index, Qt.ItemDataRole.DisplayRole))
            first = model.index(row, 0, parent)
            if isinstance(view, QTreeView) and depth < 4 and model.rowCount(first):
                visit(first, depth + 1)

    visit(QModelIndex(), 0)


def read_chart(view: QChartView, where: str, reading: Reading) -> None:
    chart = view.chart()
    reading.add(where, "chart", chart.title())
    for marker in chart.legend().markers():
        reading.add(where, "chart", marker.label())
    for axis in chart.axes():
        if isinstance(axis, QBarCategoryAxis):
            for category in axis.categories():
                reading.add(where, "chart", category)
