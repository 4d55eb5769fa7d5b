"""A table of studio rows: sortable, searchable, and editable in place through the undo stack.

RecordTableModel is a thin Qt adapter over a list of row dicts (studio.listings); edits go through
Workspace.apply and come back in the Changes it announces (Workspace.changed), so undo and redo update
the cell wherever it is shown.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio import operations
from studio.changes import Changes, FieldChange
from studio.errors import UserError
from studio.money import Money
from ui.i18n import chinese
from ui.workspace import Workspace

ROOT = QModelIndex()
FALLBACK_GREY = "#777777"


@dataclass
class Column:
    key: str
    header: str
    # Where the value is stored: (entity, row key holding that entity's id, field). Cells with a
    # source follow edits of that field made anywhere; `editable` lets the user edit it here.
    source: tuple[str, str, str] | None = None
    editable: bool = False
    display: Callable[[Any], str] | None = None
    align_right: bool = False
    color_key: str | None = None
    # A cell picked from a list (a set's location, a role's performer): `choices()` gives (value, label)
    # pairs, `choice_key` the row key holding the current value; `commit(row, value)`, when given,
    # replaces the plain field edit (casting is more than setting a field).
    choices: Callable[[], list[tuple[Any, str]]] | None = None
    choice_key: str | None = None
    commit: Callable[[dict[str, Any], Any], None] | None = None
    # Rows for which this cell is shown as a warning (an uncast role).
    warn: Callable[[dict[str, Any]], bool] | None = None
    money: bool = False  # hidden from a login that may not read rates (the rows hold None)
    # A Chinese name with nothing entered yet shows the row's `fallback_key` (the English name), in grey;
    # editing starts from empty.
    fallback_key: str | None = None
    # The English original beside its Chinese name, on purpose (in a Chinese interface).
    original: bool = False
    swatch: bool = False  # a colour (#rrggbb) shown as a swatch, not as its code
    free_text: bool = False  # what people type (notes, addresses, vendors), shown as typed in any language
    # The most a column takes when first fitted to its cells: what is longer is elided, whole in its tooltip.
    widest: int = 320
    # Short cells every one of which should read whole (a scene's number, its status): fitted to all the rows,
    # not only the first 50 that fit the others (an "Original 68-2" far down was elided).
    whole: bool = False
    empty: str = ""  # what a cell with no value shows ("?": not known yet)


def name_columns(
    header: str,
    entity: str,
    *,
    id_key: str = "id",
    keys: tuple[str, str] = ("name", "name_zh"),
    fields: tuple[str, str] = ("name", "name_zh"),
    **options,
) -> list[Column]:
    """A row's name and its Chinese name, both editable. In a Chinese interface the Chinese one comes first
    under `header` (the English one shown where there is none yet), then the English one; in English the
    other way round. `options` go to the first column."""
    key, key_zh = keys
    field, field_zh = fields
    if chinese():
        return [
            Column(key_zh, header, source=(entity, id_key, field_zh), editable=True, fallback_key=key, **options),
            Column(
                key,
                QCoreApplication.translate("RecordTable", "English name"),
                source=(entity, id_key, field),
                editable=True,
                original=True,
            ),
        ]
    return [
        Column(key, header, source=(entity, id_key, field), editable=True, **options),
        Column(
            key_zh,
            QCoreApplication.translate("RecordTable", "Chinese name"),
            source=(entity, id_key, field_zh),
            editable=True,
        ),
    ]


def seen(row: dict[str, Any], entity: str) -> int | None:
    """The version of a row's `entity` as the table shows it (an edit or removal of it made after a
    colleague's save is refused); None where the listing gives none."""
    return row.get("versions", {}).get(entity)


def remove_rows(workspace: Workspace, entity: str, rows: list[tuple[int, int | None]], label: str) -> None:
    """Rows (id, version as the view showed it: None, as they are now) removed as one undo step, named
    `label` when it is one row: if someone else has saved any of them since, none goes (ChangedElsewhere)."""
    if rows:
        label = (
            label if len(rows) == 1 else QCoreApplication.translate("RecordTable", "Remove %n row(s)", "", len(rows))
        )
        ids, seen = tuple(row_id for row_id, _ in rows), {entity: dict(rows)}
        workspace.apply(operations.remove, entity, ids, seen, label=label)


class RecordTableModel(QAbstractTableModel):
    editRefused = Signal(str)

    def __init__(self, workspace: Workspace, columns: list[Column], parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        self._search_texts: dict[int, str] = {}
        # Drag and drop of rows between tables: rows dragged carry `drag_key` under `drag_type`;
        # a row dropped on calls `on_drop(row, ids)`.
        self.drag_type: str | None = None
        self.drag_key = "id"
        self.drop_type: str | None = None
        self.on_drop: Callable[[dict[str, Any], list[int]], None] | None = None
        workspace.changed.connect(self._apply_changes)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._search_texts: dict[int, str] = {}
        self.endResetModel()

    def search_text(self, row_number: int) -> str:
        """Everything the row shows, case-folded: what the search field matches."""
        row = self.rows[row_number]
        text = self._search_texts.get(id(row))
        if text is None:
            shown = []
            for column in self.columns:
                value = row.get(column.key)
                if not value and column.fallback_key:
                    value = row.get(column.fallback_key)
                if value is not None:
                    shown.append(column.display(value) if column.display else str(value))
            text = self._search_texts[id(row)] = " ".join(" ".join(shown).casefold().split())
        return text

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key, fallback = self.columns[column].key, self.columns[column].fallback_key
        self.layoutAboutToBeChanged.emit()
        before = list(self.rows)
        self.rows.sort(
            key=lambda row: _sort_key(row.get(key) or (row.get(fallback) if fallback else row.get(key))),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        position = {id(row): number for number, row in enumerate(self.rows)}
        for index in self.persistentIndexList():
            self.changePersistentIndex(index, self.index(position[id(before[index.row()])], index.column()))
        self.layoutChanged.emit()

    def row(self, index: QModelIndex) -> dict[str, Any]:
        return self.rows[index.row()]

    def is_free_text(self, index: QModelIndex) -> bool:
        """Whether the cell shows text as people typed it (never translated), or words the app has names for."""
        column = self.columns[index.column()]
        return column.free_text or column.original

    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        column = self.columns[index.column()]
        value = self.rows[index.row()].get(column.key)
        if column.swatch and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole):
            return QColor(value) if role == Qt.ItemDataRole.DecorationRole and value else None
        if column.fallback_key and not value and role != Qt.ItemDataRole.EditRole:
            fallback = self.rows[index.row()].get(column.fallback_key)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return "" if fallback is None else str(fallback)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(FALLBACK_GREY)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if value is None:
                return column.empty
            return column.display(value) if column.display else str(value)
        if role == Qt.ItemDataRole.EditRole:
            if column.choice_key:
                return self.rows[index.row()].get(column.choice_key)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column.color_key:
            return QColor(self.rows[index.row()][column.color_key])
        if role == Qt.ItemDataRole.ForegroundRole and column.warn and column.warn(self.rows[index.row()]):
            return QColor("#b3261e")
        return None

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if self.workspace.read_only:
            return flags
        column = self.columns[index.column()]
        row = self.rows[index.row()]
        editable_here = column.commit or (column.source and row.get(column.source[1]) is not None)
        if column.editable and editable_here:
            flags |= Qt.ItemFlag.ItemIsEditable
        if self.drag_type:  # dragging a row drops it somewhere to change something (casting)
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        if self.drop_type:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [kind for kind in (self.drag_type, self.drop_type) if kind]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 - Qt API
        ids = sorted({self.rows[index.row()][self.drag_key] for index in indexes})
        data = QMimeData()
        data.setData(self.drag_type, QByteArray(json.dumps(ids).encode()))
        return data

    def supportedDropActions(self):  # noqa: N802 - Qt API
        return Qt.DropAction.CopyAction

    def supportedDragActions(self):  # noqa: N802 - Qt API
        return Qt.DropAction.CopyAction

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802 - Qt API
        return bool(self.drop_type and data.hasFormat(self.drop_type) and parent.isValid())

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802 - Qt API
        if not self.canDropMimeData(data, action, row, column, parent) or self.on_drop is None:
            return False
        try:
            ids = [int(value) for value in json.loads(bytes(data.data(self.drop_type)).decode())]
        except (ValueError, TypeError):
            return False  # not a drag from this app
        if not ids:
            return False
        self.on_drop(self.rows[parent.row()], ids)
        return True

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        column = self.columns[index.column()]
        if role != Qt.ItemDataRole.EditRole or not column.editable or (column.source is None and not column.commit):
            return False
        row = self.rows[index.row()]
        try:
            if column.commit:
                column.commit(row, value)
            else:
                entity, id_key, field = column.source
                label = self.tr("Edit %1").replace("%1", column.header)
                args = (entity, row[id_key], {field: value}, seen(row, entity))
                self.workspace.apply(operations.edit, *args, label=label)
        except UserError as error:
            self.editRefused.emit(str(error))
            return False
        return True

    def _apply_changes(self, changes: Changes) -> None:
        """Cells showing a field edited are redrawn at once, and rows keep the versions changes left."""
        for kind, versions in changes.rows.items():
            self._note_versions(kind, versions)
        for change in changes.fields:
            self._apply_change(change)

    def _apply_change(self, change: FieldChange) -> None:
        for column_number, column in enumerate(self.columns):
            if column.source is None or (column.source[0], column.source[2]) != (change.entity, change.field):
                continue
            for row_number, row in enumerate(self.rows):
                if row.get(column.source[1]) == change.row_id:
                    if column.choice_key:
                        row[column.choice_key] = change.new
                        row[column.key] = dict(column.choices()).get(change.new, "")
                    else:
                        row[column.key] = change.new
                    self._search_texts.pop(id(row), None)
                    cell = self.index(row_number, column_number)
                    self.dataChanged.emit(cell, cell)

    def _note_versions(self, entity: str, versions: dict[int, int | None]) -> None:
        """Rows' new versions after a change made here, so that our next edit of one is not taken for one
        made from an outdated view."""
        keys = {column.source[1] for column in self.columns if column.source and column.source[0] == entity}
        if not keys:
            return  # no column here shows that kind of row
        for row in self.rows:
            seen_versions = row.get("versions", {})
            if entity not in seen_versions:
                continue
            for key in keys:
                version = versions.get(row.get(key))
                if version is not None:
                    seen_versions[entity] = version


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down list for cells whose column has choices."""

    def __init__(self, model: RecordTableModel, parent=None):
        super().__init__(parent)
        self.model = model

    def _column(self, index: QModelIndex) -> Column:
        return self.model.columns[index.column()]

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        column = self._column(index)
        if column.swatch:  # a colour is picked, not typed: the dialog opens once the view leaves editing
            source = QPersistentModelIndex(index)
            QTimer.singleShot(0, lambda: self._pick_colour(parent, source))
            return None
        if column.choices is None:
            return super().createEditor(parent, option, index)
        editor = QComboBox(parent)
        for value, label in column.choices():
            editor.addItem(label, value)
        return editor

    def _pick_colour(self, parent, index: QPersistentModelIndex) -> None:
        if not index.isValid():
            return
        current = QColor(str(index.data(Qt.ItemDataRole.EditRole) or "#ffffff"))
        chosen = QColorDialog.getColor(current, parent.window(), self.tr("Colour"))
        if chosen.isValid() and index.isValid() and chosen.name() != current.name():
            index.model().setData(QModelIndex(index), chosen.name(), Qt.ItemDataRole.EditRole)

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt API
        if not isinstance(editor, QComboBox):
            super().setEditorData(editor, index)
            return
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt API
        if not isinstance(editor, QComboBox):
            super().setModelData(editor, model, index)
            return
        if editor.currentData() != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _sort_key(value: Any) -> tuple[int, Any]:
    """Numbers before text, each in its own order, so a column of mixed values still sorts."""
    if isinstance(value, bool) or value is None:
        return (1, "" if value is None else str(value))
    if isinstance(value, Money):
        # Amounts in different currencies do not compare: group by currency, then by amount.
        return (1, f"{value.currency} {value.minor + 10**15:020d}")
    if isinstance(value, int | float | Decimal):
        return (0, value)
    return (1, str(value))


class RowFilterProxy(QSortFilterProxyModel):
    """Text search over every column, plus an optional predicate on the row.

    Sorting is handed to the source model, which sorts its row list in Python once, instead of Qt
    asking Python for two values per comparison (2,000 rows: ~3 ms instead of ~130 ms). Search
    matches each row's shown text, joined and case-folded once.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.predicate: Callable[[dict[str, Any]], bool] | None = None
        self.needle = ""
        self.sort_column, self.sort_order = -1, Qt.SortOrder.AscendingOrder

    def set_predicate(self, predicate: Callable[[dict[str, Any]], bool] | None) -> None:
        self.beginFilterChange()
        self.predicate = predicate
        self.endFilterChange()

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = " ".join(text.casefold().split())
        self.endFilterChange()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        if column >= 0:
            self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 - Qt API
        model: RecordTableModel = self.sourceModel()
        if self.predicate is not None and not self.predicate(model.rows[source_row]):
            return False
        return not self.needle or self.needle in model.search_text(source_row)


class RecordTable(QWidget):
    """A search field over a sortable table view."""

    def __init__(self, model: RecordTableModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(ChoiceDelegate(model, self.view))
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        # Columns fit the rows in view and 50 more, not 1,000 (Qt's default): fitting the script page's
        # 482 scenes asked for every cell 8 times, a third of the time the window took to open the demo.
        self.view.horizontalHeader().setResizeContentsPrecision(50)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show new rows, keeping the selection and scroll position when the same rows are still there."""
        selected = [row.get("id") for row in self.selected_rows()]
        scroll = self.view.verticalScrollBar().value()
        first_load = not self.model.rows
        self.model.set_rows(rows)
        for number, column in enumerate(self.model.columns):
            self.view.setColumnHidden(number, column.money and not self.model.workspace.sees_money)
        if self.proxy.sort_column >= 0:
            self.model.sort(self.proxy.sort_column, self.proxy.sort_order)
        if first_load:
            self.view.resizeColumnsToContents()
            header = self.view.horizontalHeader()
            for number, column in enumerate(self.model.columns):
                size = min(header.sectionSize(number), column.widest)
                if column.whole and self.proxy.rowCount():
                    size = max(size, self._widest_cell(number))
                header.resizeSection(number, size)
        if selected:
            self.select_ids(selected)
        self.view.verticalScrollBar().setValue(scroll)

    def _widest_cell(self, column: int) -> int:
        """The width the column's widest cell asks for, measured once per distinct text (cheap for all rows)."""
        metrics = self.view.fontMetrics()
        rows = {}
        for row in range(self.proxy.rowCount()):
            rows.setdefault(self.proxy.index(row, column).data() or "", row)
        widest = max(rows, key=metrics.horizontalAdvance)
        grid = 1 if self.view.showGrid() else 0
        return self.view.sizeHintForIndex(self.proxy.index(rows[widest], column)).width() + grid

    def select_ids(self, ids: list[Any]) -> None:
        wanted = set(ids)
        selection = QItemSelection()
        for number, row in enumerate(self.model.rows):
            if row.get("id") in wanted:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                if index.isValid():
                    selection.select(index, index.siblingAtColumn(self.model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().select(selection, flags)
        if not selection.isEmpty():
            self.view.selectionModel().setCurrentIndex(
                selection.indexes()[0], QItemSelectionModel.SelectionFlag.NoUpdate
            )

    def scroll_to_selection(self) -> None:
        current = self.view.selectionModel().currentIndex()
        if current.isValid():
            self.view.scrollTo(current)

    def enable_drag(self, mime_type: str, key: str = "id") -> None:
        self.model.drag_type, self.model.drag_key = mime_type, key
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def accept_drops(self, mime_type: str, on_drop: Callable[[dict[str, Any], list[int]], None]) -> None:
        self.model.drop_type, self.model.on_drop = mime_type, on_drop
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def selected_rows(self) -> list[dict[str, Any]]:
        indexes = self.view.selectionModel().selectedRows()
        return [self.model.rows[self.proxy.mapToSource(index).row()] for index in indexes]
