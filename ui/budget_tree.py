"""The budget as a tree: account groups (the top sheet) → accounts → detail lines, with inline editing.

The model keeps the budget's inputs and its calculation in memory. An edit goes through the workspace
(one undoable step); when it comes back, the line is patched in memory (studio.budget.line_fields) and
the budget recalculated, so totals follow at once without reading the database again. While a number is
being typed, `preview` recalculates with the typed value and shows those totals until the edit is
committed or cancelled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate

from studio import operations
from studio.budget.calculation import BudgetInputs, Calculation, Line, calculate
from studio.budget.line_fields import TYPED, patch, previewed, text_of
from studio.changes import FieldChange
from studio.errors import UserError
from studio.models.enums import AccountGroup, LineUnit
from studio.money import Money
from ui import labels
from ui.i18n import babel_locale, money_text, number_text

ROOT = QModelIndex()
GROUP_ORDER = [group.value for group in AccountGroup]
PROBLEM = QColor("#fde2e1")
LINKED = QColor("#5a6b7d")

# Columns: (key, the line field edited there or None)
COLUMNS = [
    ("name", "description"),
    ("report", None),
    ("amount", "amount_entry"),
    ("unit", "unit"),
    ("multiplier", "multiplier"),
    ("rate", "rate"),
    ("currency", "currency"),
    ("fringes", "fringe_codes"),
    ("payee", "payee"),
    ("total", None),
    ("notes", "notes"),
]
KEYS = [key for key, _ in COLUMNS]
FIELD_OF = dict(COLUMNS)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


@dataclass
class Node:
    kind: str  # "group", "account", "line"
    key: Any  # the group's name, the account's id, the line's id
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class BudgetTreeModel(QAbstractItemModel):
    editRefused = Signal(str)
    totalsChanged = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.inputs: BudgetInputs | None = None
        self.calculation: Calculation | None = None
        self.previewing = False
        self._root = Node("root", None)
        self._lines: dict[int, Node] = {}
        self._line_by_id: dict[int, Line] = {}
        self._accounts_by_id = {}
        self.shown_descriptions: dict[str, tuple[str, str]] = {}
        self.headers = {
            "name": self.tr("Account / line"),
            "amount": self.tr("Amount"),
            "unit": self.tr("Unit"),
            "multiplier": self.tr("×"),
            "rate": self.tr("Rate"),
            "currency": self.tr("Currency"),
            "fringes": self.tr("Fringes"),
            "payee": self.tr("Payee"),
            "total": self.tr("Total"),
            "report": self.tr("In report currency"),
            "notes": self.tr("Notes"),
        }

    # Loading and recalculating

    def load(
        self, inputs: BudgetInputs, calculation: Calculation, shown: dict[str, tuple[str, str]] | None = None
    ) -> None:
        """`shown`: the schedule-linked lines' description and payee in the user's language, by source."""
        self.beginResetModel()
        self.inputs, self.calculation = inputs, calculation
        self.shown_descriptions = shown or {}
        self._accounts_by_id = {account.id: account for account in inputs.accounts}
        self._line_by_id = {line.id: line for line in inputs.lines}
        self._root = Node("root", None)
        self._lines = {}
        groups: dict[str, Node] = {}
        accounts: dict[int, Node] = {}
        for account in inputs.accounts:
            group = groups.get(account.group)
            if group is None:
                group = groups[account.group] = Node("group", account.group, self._root)
            accounts[account.id] = Node("account", account.id, group)
            group.children.append(accounts[account.id])
        for line in inputs.ordered_lines():
            node = Node("line", line.id, accounts[line.account_id])
            accounts[line.account_id].children.append(node)
            self._lines[line.id] = node
        self._root.children = sorted(groups.values(), key=lambda g: GROUP_ORDER.index(g.key))
        self._root.children.append(Node("grand", None, self._root))
        self.endResetModel()
        self.totalsChanged.emit()

    def recalculate(self) -> None:
        self.calculation = calculate(self.inputs)
        self._totals_changed()

    def apply_change(self, change: FieldChange) -> bool:
        """Follow a line edited (here, or by undo and redo) and recalculate; False if it needs a reload (a
        line moved to another account moves in the tree)."""
        if change.field == "account_id" or not patch(self.inputs, change):
            return False
        self._line_by_id = {line.id: line for line in self.inputs.lines}
        self.recalculate()
        node = self._lines[change.row_id]
        self.dataChanged.emit(self.index(node.row(), 0, self.parent_index(node)), self._last(node))
        return True

    def preview(self, index: QModelIndex, text: str) -> None:
        """Totals as if `text` were committed in the cell being edited (shown until the edit ends)."""
        node = self.node(index)
        field_name = COLUMNS[index.column()][1]
        inputs = previewed(self.inputs, node.key, field_name, text) if node.kind == "line" and field_name else None
        if inputs is None:
            return
        self.previewing = True
        self.calculation = calculate(inputs)
        self._totals_changed()

    def end_preview(self) -> None:
        if self.previewing:
            self.previewing = False
            self.recalculate()

    def _totals_changed(self) -> None:
        total = KEYS.index("report")
        for group in self._root.children:
            top = self.index(group.row(), total, ROOT)
            self.dataChanged.emit(top, self.index(group.row(), len(COLUMNS) - 1, ROOT))
            group_index = self.index(group.row(), 0, ROOT)
            self.dataChanged.emit(group_index, group_index)
            for account in group.children:
                account_index = self.index(account.row(), 0, group_index)
                self.dataChanged.emit(
                    self.index(account.row(), total, group_index),
                    self.index(account.row(), len(COLUMNS) - 1, group_index),
                )
                if account.children:
                    self.dataChanged.emit(
                        self.index(0, total, account_index),
                        self.index(len(account.children) - 1, len(COLUMNS) - 1, account_index),
                    )
        self.totalsChanged.emit()

    # Lookups

    def node(self, index: QModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def account(self, account_id: int):
        return self._accounts_by_id[account_id]

    def line(self, line_id: int) -> Line | None:
        return self._line_by_id.get(line_id)

    def parent_index(self, node: Node) -> QModelIndex:
        parent = node.parent
        if parent is None or parent is self._root:
            return ROOT
        return self.createIndex(parent.row(), 0, parent)

    def index_of_line(self, line_id: int) -> QModelIndex:
        node = self._lines.get(line_id)
        return ROOT if node is None else self.createIndex(node.row(), 0, node)

    def index_of_account(self, account_id: int) -> QModelIndex:
        for group in self._root.children:
            for account in group.children:
                if account.key == account_id:
                    return self.createIndex(account.row(), 0, account)
        return ROOT

    def _last(self, node: Node) -> QModelIndex:
        return self.index(node.row(), len(COLUMNS) - 1, self.parent_index(node))

    # Qt model

    def index(self, row: int, column: int, parent=ROOT) -> QModelIndex:
        node = self.node(parent)
        if not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index=ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        return self.parent_index(self.node(index))

    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt API
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt API
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            text = self.headers[KEYS[section]]
            if KEYS[section] == "report" and self.calculation is not None:
                return self.tr("Total %1").replace("%1", self.calculation.currency)
            return text
        return None

    def is_free_text(self, index: QModelIndex) -> bool:
        """A line's description, payee and notes as the producer typed them (the schedule's lines excepted)."""
        node = self.node(index)
        line = self.line(node.key) if node.kind == "line" else None
        return line is not None and not line.source and KEYS[index.column()] in ("name", "payee", "notes")

    def flags(self, index: QModelIndex):
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.workspace.read_only:
            return flags
        node = self.node(index)
        field_name = COLUMNS[index.column()][1]
        if node.kind == "line" and field_name is not None:
            line = self.line(node.key)
            if line is not None and (not line.source or field_name in ("fringe_codes", "notes")):
                flags |= Qt.ItemFlag.ItemIsEditable
        elif node.kind == "account" and self._account_field(node, index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    @staticmethod
    def _account_field_of_name() -> str:
        """The name the producer reads (and edits): the Chinese one in a Chinese interface."""
        return "name_zh" if babel_locale().startswith("zh") else "name"

    def _account_field(self, node: Node, column: int) -> str | None:
        """An account's name is edited in the first column; a totals account's percent in the amount's."""
        key = KEYS[column]
        if key == "name":
            return self._account_field_of_name()
        if key == "amount" and self._accounts_by_id[node.key].group == AccountGroup.TOTALS.value:
            return "percent"
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.inputs is None:
            return None
        node, key = self.node(index), KEYS[index.column()]
        if node.kind == "line":
            return self._line_data(self.line(node.key), key, role)
        if role == Qt.ItemDataRole.FontRole:  # totals rows: groups, accounts, the grand total
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "report":
            return RIGHT
        if node.kind == "account":
            return self._account_data(self._accounts_by_id[node.key], key, role)
        if node.kind == "grand":
            return self._grand_data(key, role)
        return self._group_data(node.key, key, role)

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 - Qt API
        node = self.node(index)
        entity, field_name = "budget_line", COLUMNS[index.column()][1]
        if node.kind == "account":
            entity, field_name = "budget_account", self._account_field(node, index.column())
        elif node.kind != "line":
            return False
        if role != Qt.ItemDataRole.EditRole or field_name is None:
            return False
        if self.workspace.database is None:  # an editor closed with the database
            return False
        self.end_preview()
        label = self.tr("Edit %1").replace("%1", self.headers[KEYS[index.column()]])
        seen = self.line(node.key).version if node.kind == "line" else self.account(node.key).version
        try:
            self.workspace.apply(operations.edit, entity, node.key, {field_name: value}, seen, label=label)
        except UserError as error:
            self.editRefused.emit(str(error))
            return False
        return True

    def _line_data(self, line: Line | None, key: str, role):
        if line is None:
            return None
        problem = self.calculation.problem_of("budget_line", line.id)
        result = self.calculation.lines.get(line.id)
        if role == Qt.ItemDataRole.BackgroundRole and problem is not None:
            return QBrush(PROBLEM)
        if role == Qt.ItemDataRole.ForegroundRole and line.source and key in ("name", "amount", "rate"):
            return QBrush(LINKED)
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem is not None:
                return problem.message
            if line.source:
                return self.tr("Follows the schedule: its amount and rate change when the schedule does.")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("amount", "multiplier", "rate", "total", "report"):
            return RIGHT
        if role == Qt.ItemDataRole.EditRole:
            return text_of(self.inputs, line, FIELD_OF[key]) if FIELD_OF[key] else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        shown = self.shown_descriptions.get(line.source) if line.source else None
        if key == "name":
            return shown[0] if shown else line.description
        if key == "amount":
            return line.formula or number_text(line.amount)
        if key == "unit":
            return labels.line_unit(line.unit)
        if key == "multiplier":
            return number_text(line.multiplier)
        if key == "rate":
            return money_text(Money(line.rate, line.currency))
        if key == "currency":
            return line.currency
        if key == "fringes":
            return text_of(self.inputs, line, "fringe_codes")
        if key == "payee":
            return shown[1] if shown else line.payee
        if key == "total":
            return "" if result is None else money_text(Money(result.total, line.currency))
        if key == "report":
            return (
                self.tr("problem") if result is None else money_text(Money(result.converted, self.calculation.currency))
            )
        if key == "notes":
            return line.notes
        return None

    def _account_data(self, account, key: str, role):
        if role == Qt.ItemDataRole.EditRole:
            if key == "amount":
                return "" if account.percent is None else f"{account.percent.normalize():f}"
            return getattr(account, self._account_field_of_name()) if key == "name" else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "amount" and account.group == AccountGroup.TOTALS.value:
            return f"{number_text(account.percent or Decimal(0))}%"
        if key == "name":
            chinese = babel_locale().startswith("zh") and account.name_zh
            name = f"{account.code} {account.name_zh if chinese else account.name}"
            if account.percent is not None and account.group == AccountGroup.TOTALS.value:
                name += f" ({number_text(account.percent)}%)"
            return name
        if key == "report":
            return money_text(Money(self.calculation.accounts.get(account.id, Decimal(0)), self.calculation.currency))
        if key == "fringes" and account.id in self.calculation.account_fringes:
            return self.tr("fringes %1").replace(
                "%1", money_text(Money(self.calculation.account_fringes[account.id], self.calculation.currency))
            )
        return None

    def _group_data(self, group: str, key: str, role):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "name":
            return labels.account_group(group)
        if key == "report":
            return money_text(Money(self.calculation.groups.get(group, Decimal(0)), self.calculation.currency))
        return None

    def _grand_data(self, key: str, role):
        if role == Qt.ItemDataRole.ToolTipRole and self.calculation.grand is None and key == "report":
            return str(self.calculation.problems[0])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "name":
            return self.tr("Grand total")
        if key == "report":
            if self.calculation.grand is None:
                return self.tr("%n problem(s)", "", len(self.calculation.problems))
            return money_text(Money(self.calculation.grand, self.calculation.currency))
        return None


class BudgetDelegate(QStyledItemDelegate):
    """Edits a line's cell: a list of units, else a text field whose numbers preview the totals as typed."""

    def __init__(self, model: BudgetTreeModel, parent=None):
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        if KEYS[index.column()] == "unit":
            editor = QComboBox(parent)
            for unit in LineUnit:
                editor.addItem(labels.line_unit(unit.value), unit.value)
            return editor
        editor = QLineEdit(parent)
        if COLUMNS[index.column()][1] in TYPED:
            editor.textEdited.connect(lambda text, index=index: self.model.preview(index, text))
        editor.destroyed.connect(self.model.end_preview)
        return editor

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt API
        # Qt refreshes an open editor whenever its row's data changes, as the preview's totals do:
        # what the producer is typing must stay.
        if editor.property("filled"):
            return
        editor.setProperty("filled", True)
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        else:
            editor.setText(str(value or ""))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt API
        value = editor.currentData() if isinstance(editor, QComboBox) else editor.text()
        model.setData(index, value, Qt.ItemDataRole.EditRole)
