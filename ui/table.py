"""A table of studio rows: sortable, searchable, and editable in place through the undo stack.

RecordTableModel is a thin Qt adapter over a list of row dicts (studio.listings); edits go to
Workspace.edit_field and come back through Workspace.fieldChanged, so undo/redo update the cell
wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from studio.edits import FieldChange
from studio.errors import UserError
from studio.money import Money
from ui.workspace import Workspace

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROOT = QModelIndex()


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


class RecordTableModel(QAbstractTableModel):
    editRefused = Signal(str)

    def __init__(self, workspace: Workspace, columns: list[Column], parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.columns = columns
        self.rows: list[dict[str, Any]] = []
        workspace.fieldChanged.connect(self._apply_change)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row(self, index: QModelIndex) -> dict[str, Any]:
        return self.rows[index.row()]

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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if value is None:
                return ""
            return column.display(value) if column.display else str(value)
        if role == Qt.ItemDataRole.EditRole:
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            return _sort_key(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column.color_key:
            return QColor(self.rows[index.row()][column.color_key])
        return None

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        column = self.columns[index.column()]
        if column.editable and column.source and self.rows[index.row()].get(column.source[1]) is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        column = self.columns[index.column()]
        if role != Qt.ItemDataRole.EditRole or not column.editable or column.source is None:
            return False
        entity, id_key, field = column.source
        row_id = self.rows[index.row()][id_key]
        label = self.tr("Edit %1").replace("%1", column.header)
        try:
            self.workspace.edit_fields(entity, row_id, {field: value}, label)
        except UserError as error:
            self.editRefused.emit(str(error))
            return False
        return True

    def _apply_change(self, change: FieldChange) -> None:
        for column_number, column in enumerate(self.columns):
            if column.source is None or (column.source[0], column.source[2]) != (change.entity, change.field):
                continue
            for row_number, row in enumerate(self.rows):
                if row.get(column.source[1]) == change.row_id:
                    row[column.key] = change.new
                    cell = self.index(row_number, column_number)
                    self.dataChanged.emit(cell, cell)


def _sort_key(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Money):
        # Amounts in different currencies do not compare: group by currency, then by amount.
        return f"{value.currency} {value.minor + 10**15:020d}"
    if isinstance(value, int | float | str):
        return value
    return str(value)


class RowFilterProxy(QSortFilterProxyModel):
    """Text search over every column, plus an optional predicate on the row."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.predicate: Callable[[dict[str, Any]], bool] | None = None
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def set_predicate(self, predicate: Callable[[dict[str, Any]], bool] | None) -> None:
        self.beginFilterChange()
        self.predicate = predicate
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 - Qt API
        model: RecordTableModel = self.sourceModel()
        if self.predicate is not None and not self.predicate(model.rows[source_row]):
            return False
        return super().filterAcceptsRow(source_row, source_parent)


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
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.resizeSection(column, min(header.sectionSize(column), 320))

    def selected_rows(self) -> list[dict[str, Any]]:
        indexes = self.view.selectionModel().selectedRows()
        return [self.model.rows[self.proxy.mapToSource(index).row()] for index in indexes]
