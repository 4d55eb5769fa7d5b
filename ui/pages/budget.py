"""Budget: the top sheet with drill-down to accounts and lines, globals, fringes, currencies, the cost
report with its actuals, versions and charts.

What the schedule changed in the budget's linked lines (cast days, crew days, location days) is stored
after the change (Workspace.store_what_follows); the page says what changed when it next loads, and
only reads.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QInputDialog,
    QLabel,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from studio import operations
from studio.budget.cost_report import cost_entries, cost_report, spend_by_day
from studio.budget.inputs import account_order
from studio.budget.listings import (
    actual_rows,
    cost_report_rows,
    fringe_rows,
    global_rows,
    rate_rows,
)
from studio.budget.schedule_links import shown_description
from studio.budget.totals import current_budget
from studio.changes import Changes
from studio.errors import UserError
from studio.models.enums import CostStatus, FringeKind, FringeScope
from studio.money import Money
from studio.operations import SCHEDULE_KINDS
from ui import labels
from ui.budget_charts import BudgetCharts
from ui.budget_cost_tab import CostReportTab
from ui.budget_tree import KEYS, BudgetDelegate, BudgetTreeModel
from ui.budget_versions import VersionsTab
from ui.i18n import babel_locale, day_text, money_text, number_text, shown_name
from ui.pages.base import Page
from ui.table import Column, remove_rows, seen

BUDGET_ENTITIES = frozenset({"budget_global", "fringe", "budget_account", "exchange_rate", "cost_entry"})


class BudgetPage(Page):
    key = "budget"
    reading_actions = frozenset({"exportBudget"})
    stale_on = BUDGET_ENTITIES | SCHEDULE_KINDS | {"budget_line"}

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.current = None
        self.notes: tuple[str, ...] = ()  # what the schedule changed in the budget, to say when next loaded
        self.account_choices: list[tuple[int, str]] = []
        self.model = BudgetTreeModel(workspace, self)
        self.model.editRefused.connect(self.show_refusal)
        self.model.totalsChanged.connect(self._show_summary)
        self.changes = QLabel(self)
        self.changes.setObjectName("scheduleChanges")
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.RichText)
        self.changes.linkActivated.connect(lambda _link: self.changes.hide())
        self.changes.setStyleSheet("background: #fff4d6; padding: 4px;")
        self.changes.hide()
        self.layout_.addWidget(self.changes)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("budgetTabs")
        self.tabs.addTab(self._budget_tab(), self.tr("Budget"))
        self.tabs.addTab(self._globals_tab(), self.tr("Globals"))
        self.tabs.addTab(self._fringes_tab(), self.tr("Fringes"))
        self.tabs.addTab(self._currencies_tab(), self.tr("Currencies"))
        self.cost_tab = CostReportTab(self)
        self.report, self.actuals = self.cost_tab.report, self.cost_tab.actuals
        self.tabs.addTab(self.cost_tab, self.tr("Cost report"))
        self.versions_tab = VersionsTab(workspace, self.table, self)
        self.versions_tab.refused.connect(self.show_refusal)
        self.versions_tab.told.connect(self.tell)
        self.tabs.addTab(self.versions_tab, self.tr("Versions"))
        self.charts = BudgetCharts(self)
        self.tabs.addTab(self.charts, self.tr("Charts"))
        self.layout_.addWidget(self.tabs, 1)

    # The tabs

    def _budget_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = self.toolbar(
            [
                ("addLine", self.tr("Add line"), self.add_line),
                ("removeLine", self.tr("Remove line"), self.remove_line),
                ("addAccount", self.tr("Add account"), self.add_account),
                ("removeAccount", self.tr("Remove account"), self.remove_account),
                ("saveVersion", self.tr("Save version…"), self.save_version),
                ("exportBudget", self.tr("Export to Excel…"), self.export_budget),
            ]
        )
        self.add_spacer(bar)
        bar.addWidget(QLabel(self.tr("Report in "), bar))
        self.currency = QComboBox(bar)
        self.currency.setObjectName("reportCurrency")
        self.currency.activated.connect(self._currency_chosen)
        bar.addWidget(self.currency)
        layout.addWidget(bar)
        self.tree = QTreeView(tab)
        self.tree.setObjectName("budgetTree")
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(BudgetDelegate(self.model, self.tree))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tree.header().setStretchLastSection(True)
        layout.addWidget(self.tree, 1)
        return tab

    def _globals_tab(self) -> QWidget:
        self.globals = self.table(
            [
                Column("name", self.tr("Name"), source=("budget_global", "id", "name"), editable=True),
                Column(
                    "entry",
                    self.tr("Number or formula"),
                    source=("budget_global", "id", "value_entry"),
                    editable=True,
                    warn=lambda row: bool(row["problem"]),
                ),
                Column("value", self.tr("Value"), display=number_text, align_right=True),
                Column(
                    "description",
                    self.tr("Description"),
                    source=("budget_global", "id", "description"),
                    editable=True,
                    display=shown_description,  # the schedule's own, in the user's language
                ),
                Column("problem", self.tr("Problem"), warn=lambda row: True),
            ]
        )
        self.globals.view.setObjectName("globalsTable")
        return self._tab(
            self.globals,
            [
                ("addGlobal", self.tr("Add global"), self.add_global),
                ("removeGlobal", self.tr("Remove global"), lambda: self.remove_selected(self.globals, "budget_global")),
            ],
        )

    def _fringes_tab(self) -> QWidget:
        kinds = labels.choices_of([k.value for k in FringeKind], labels.fringe_kind)
        scopes = labels.choices_of([s.value for s in FringeScope], labels.fringe_scope)
        self.fringes = self.table(
            [
                Column("code", self.tr("Code"), source=("fringe", "id", "code"), editable=True),
                Column(
                    "name", self.tr("Name"), source=("fringe", "id", "name"), editable=True, display=labels.fringe_name
                ),
                Column(
                    "kind_label",
                    self.tr("Kind"),
                    source=("fringe", "id", "kind"),
                    editable=True,
                    choices=lambda: kinds,
                    choice_key="kind",
                ),
                Column(
                    "percent",
                    self.tr("Percent"),
                    source=("fringe", "id", "percent"),
                    editable=True,
                    display=number_text,
                    align_right=True,
                ),
                Column(
                    "flat",
                    self.tr("Flat amount"),
                    source=("fringe", "id", "flat_amount"),
                    editable=True,
                    display=money_text,
                    align_right=True,
                ),
                Column(
                    "cap",
                    self.tr("Cap per person"),
                    source=("fringe", "id", "cap"),
                    editable=True,
                    display=money_text,
                    align_right=True,
                ),
                Column("currency", self.tr("Currency"), source=("fringe", "id", "currency"), editable=True),
                Column(
                    "scope_label",
                    self.tr("Goes on"),
                    source=("fringe", "id", "applies_to"),
                    editable=True,
                    choices=lambda: scopes,
                    choice_key="applies_to",
                ),
                Column("total", self.tr("Total"), display=money_text, align_right=True),
            ]
        )
        self.fringes.view.setObjectName("fringesTable")
        return self._tab(
            self.fringes,
            [
                ("addFringe", self.tr("Add fringe"), self.add_fringe),
                ("removeFringe", self.tr("Remove fringe"), lambda: self.remove_selected(self.fringes, "fringe")),
            ],
        )

    def _currencies_tab(self) -> QWidget:
        self.rates = self.table(
            [
                Column(
                    "from_currency",
                    self.tr("1 unit of"),
                    source=("exchange_rate", "id", "from_currency"),
                    editable=True,
                ),
                Column(
                    "rate",
                    self.tr("is worth"),
                    source=("exchange_rate", "id", "rate"),
                    editable=True,
                    display=lambda rate: f"{rate.normalize():f}",
                    align_right=True,
                ),
                Column("to_currency", self.tr("of"), source=("exchange_rate", "id", "to_currency"), editable=True),
                Column(
                    "effective_date",
                    self.tr("from"),
                    source=("exchange_rate", "id", "effective_date"),
                    editable=True,
                    display=day_text,
                ),
            ]
        )
        self.rates.view.setObjectName("ratesTable")
        rule = QLabel(
            self.tr(
                "Budget lines use the latest rate; actuals the rate in effect on their date. A missing rate is the "
                "inverse of the opposite one. Converted amounts are rounded half-up to the cent, once per line."
            ),
            self,
        )
        rule.setWordWrap(True)
        tab = self._tab(
            self.rates,
            [
                ("addRate", self.tr("Add rate"), self.add_rate),
                ("removeRate", self.tr("Remove rate"), lambda: self.remove_selected(self.rates, "exchange_rate")),
            ],
        )
        tab.layout().addWidget(rule)
        return tab

    def _tab(self, table, actions) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar(actions))
        if table is not None:
            layout.addWidget(table, 1)
        return tab

    # Loading

    def load(self, production_id: int) -> None:
        current = self.workspace.read(current_budget, production_id)  # the schedule's figures, stored or not
        notes, self.notes = self.notes, ()
        if notes:
            shown = "\n".join(notes[:8])
            more = len(notes) - 8
            if more > 0:
                shown += "\n" + self.tr("and %n more", "", more)
            text = self.tr("The schedule changed the budget:") + "\n" + shown
            dismiss = self.tr("Dismiss")
            self.changes.setText(html.escape(text).replace("\n", "<br>") + f' <a href="dismiss">{dismiss}</a>')
            self.changes.show()
        report = cost_report(current, self.workspace.read(cost_entries, production_id))
        self.current = current
        shown = {line.source: (line.shown, line.shown_payee) for line in current.links.lines}
        self.model.load(current.inputs, current.calculation, shown)
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))
        self._size_columns()
        accounts = {a.id: f"{a.code} {shown_name(a.name, a.name_zh)}" for a in current.inputs.accounts}
        self.account_choices = list(accounts.items())
        self.globals.set_rows(global_rows(current))
        self.fringes.set_rows(
            [
                {
                    **row,
                    "kind_label": labels.fringe_kind(row["kind"]),
                    "scope_label": labels.fringe_scope(row["applies_to"]),
                }
                for row in self.workspace.read(fringe_rows, production_id, current.calculation)
            ]
        )
        self.rates.set_rows(self.workspace.read(rate_rows, production_id))
        self.report.set_rows(cost_report_rows(report))
        self.actuals.set_rows(
            [{**row, "status_label": labels.cost_status(row["status"])} for row in actual_rows(report, accounts)]
        )
        self.versions_tab.load(production_id)
        self._load_currencies(current)
        self.charts.show_budget(current, report, spend_by_day(current, report, current.links))

    def _size_columns(self) -> None:
        """Widths from samples of what the columns hold (measuring every row of a long budget is slow)."""
        metrics = self.tree.fontMetrics()
        samples = {
            "name": "Daniel Hayes as #1 ETHAN (9 work, 0 hold)",
            "report": "CN¥3,917,135.05",
            "amount": "SHOOT_DAYS + 3",
            "unit": "Episodes",
            "multiplier": "1,000",
            "rate": "$1,800.00",
            "currency": "Currency",
            "fringes": "FICA-SS, MEDICARE, FUTA",
            "payee": "Daniel Hayes",
            "total": "$16,200.00",
        }
        for column, key in enumerate(KEYS):
            if key in samples:
                self.tree.setColumnWidth(column, metrics.horizontalAdvance(samples[key]) + 24)

    def _load_currencies(self, current) -> None:
        codes = {current.inputs.currency, current.inputs.base_currency}
        codes |= {line.currency for line in current.inputs.lines}
        self.currency.clear()
        for code in sorted(codes):
            self.currency.addItem(code, code)
        self.currency.setCurrentIndex(self.currency.findData(current.inputs.currency))

    def _show_summary(self) -> None:
        calculation = self.model.calculation
        if calculation is None:
            return
        if calculation.grand is None:
            first = calculation.problems[0]
            text = self.tr("No total: %n problem(s). First: %1", "", len(calculation.problems)).replace(
                "%1", str(first)
            )
        else:
            text = self.tr("Grand total %1 · above the line %2 · below the line %3").replace(
                "%1", money_text(Money(calculation.grand, calculation.currency))
            )
            text = text.replace(
                "%2", money_text(Money(calculation.groups.get("ATL", Decimal(0)), calculation.currency))
            )
            text = text.replace(
                "%3", money_text(Money(calculation.groups.get("BTL", Decimal(0)), calculation.currency))
            )
            if self.model.previewing:
                text = self.tr("While typing: %1").replace("%1", text)
        self.summary.setText(text)

    def redraw(self, changes: Changes) -> None:
        """Lines edited (here, or by undo and redo) are patched in the tree, which works the budget out
        again in memory; anything else the budget is worked out from reloads it."""
        self.notes += changes.notes
        lines_edited = changes.kinds == {"budget_line"} and changes.only_edits and self.current is not None
        if lines_edited and all([self.model.apply_change(change) for change in changes.fields]):
            return
        super().redraw(changes)

    # Actions

    def _selected_line(self):
        index = self.tree.currentIndex()
        node = self.model.node(index) if index.isValid() else None
        return node

    def add_line(self) -> None:
        node = self._selected_line()
        if node is None or node.kind == "group":
            self.tell(self.tr("Choose the account to add the line to."))
            return
        account_id = node.key if node.kind == "account" else self.model.line(node.key).account_id
        production = self.window().current_production()
        values = {"description": self.tr("New line"), "currency": production.base_currency, "rate": "0"}
        owner = {"account_id": account_id}
        changes = self.workspace.apply(operations.add, "budget_line", owner, values, label=self.tr("Add line"))
        self.refresh()
        index = self.model.index_of_line(min(changes.ids("budget_line")))
        self.tree.setCurrentIndex(index)
        self.tree.edit(index)

    def remove_line(self) -> None:
        node = self._selected_line()
        if node is None or node.kind != "line":
            self.tell(self.tr("Choose the line to remove."))
            return
        line = self.model.line(node.key)
        label = self.tr("Remove %1").replace("%1", line.description)
        remove_rows(self.workspace, "budget_line", [(line.id, line.version)], label)  # as the tree showed it

    def add_account(self) -> None:
        """A new account in the chart, right after the one selected (or the selected line's)."""
        node = self._selected_line()
        if node is None or node.kind not in ("account", "line"):
            self.tell(self.tr("Choose the account the new one goes after."))
            return
        after = self.model.account(node.key if node.kind == "account" else self.model.line(node.key).account_id)
        taken = {account.code for account in self.model.inputs.accounts}
        code = int(after.code) + 10 if after.code.isdigit() else 1
        while str(code) in taken:
            code += 1
        order = self.workspace.read(account_order, after.id)
        values = {"code": str(code), "name": self.tr("New account"), "account_group": after.group, "sort_order": order}
        try:
            owner = {"production_id": self.workspace.production_id}
            changes = self.workspace.apply(
                operations.add, "budget_account", owner, values, label=self.tr("Add account")
            )
        except UserError as error:
            self.show_refusal(str(error))
            return
        self.refresh()
        index = self.model.index_of_account(min(changes.ids("budget_account")))
        self.tree.setCurrentIndex(index)
        self.tree.edit(index)

    def remove_account(self) -> None:
        node = self._selected_line()
        if node is None or node.kind != "account":
            self.tell(self.tr("Choose the account to remove."))
            return
        account = self.model.account(node.key)
        actuals = any(row["account_id"] == account.id for row in self.actuals.model.rows)
        if node.children or actuals:
            self.show_refusal(
                self.tr("%1 still has lines or actuals: move or remove them first.").replace("%1", account.code)
            )
            return
        label = self.tr("Remove %1").replace("%1", account.code)
        remove_rows(self.workspace, "budget_account", [(account.id, account.version)], label)  # as the tree showed it

    def add_global(self) -> None:
        self._add(
            self.globals, "budget_global", {"name": _free("NEW_", self.globals, "name"), "value_entry": "1"}, "name"
        )

    def add_fringe(self) -> None:
        production = self.window().current_production()
        code = _free("NEW", self.fringes, "code")
        values = {"code": code, "name": self.tr("New fringe"), "currency": production.base_currency, "percent": "0"}
        self._add(self.fringes, "fringe", values, "code")

    def add_rate(self) -> None:
        production = self.window().current_production()
        other = "CNY" if production.base_currency != "CNY" else "USD"
        values = {
            "from_currency": other,
            "to_currency": production.base_currency,
            "rate": "1",
            "effective_date": date.today(),
        }
        self._add(self.rates, "exchange_rate", values, "rate")

    def add_actual(self) -> None:
        production = self.window().current_production()
        if not self.account_choices:
            return
        values = {
            "account_id": self.account_choices[0][0],
            "entry_date": date.today(),
            "amount": "0",
            "currency": production.base_currency,
            "status": CostStatus.COMMITTED.value,
        }
        self._add(self.actuals, "cost_entry", values, "vendor")

    def _add(self, table, entity: str, values: dict, field: str) -> None:
        try:
            owner = {"production_id": self.workspace.production_id}
            changes = self.workspace.apply(operations.add, entity, owner, values, label=self.tr("Add"))
        except UserError as error:
            self.show_refusal(str(error))
            return
        self.refresh()
        table.select_ids(list(changes.ids(entity)))

    def remove_selected(self, table, entity: str) -> None:
        """Remove the rows selected in one of the page's tables."""
        rows = table.selected_rows()
        if rows:
            row = rows[0]
            name = row.get("name") or row.get("code") or row.get("vendor") or row.get("from_currency") or ""
            label = self.tr("Remove %1").replace("%1", str(name))
            remove_rows(self.workspace, entity, [(row["id"], seen(row, entity)) for row in rows], label)

    def _currency_chosen(self) -> None:
        code = self.currency.currentData()
        if code and self.current is not None and code != self.current.inputs.currency:
            try:
                self.workspace.apply(
                    operations.edit,
                    "production",
                    self.workspace.production_id,
                    {"reporting_currency": code},
                    self.current.inputs.production_version,  # as the page loaded it
                    label=self.tr("Report currency"),
                )
            except UserError as error:
                self.show_refusal(str(error))

    def save_version(self) -> None:
        name, accepted = QInputDialog.getText(self, self.tr("Save version"), self.tr("Name of this version:"))
        if accepted:
            self.save_named_version(name)

    def save_named_version(self, name: str) -> None:
        self.versions_tab.save(name)

    def export_budget(self) -> None:
        from studio.exports.budget_xlsx import write_budget

        production = self.window().current_production()
        language = "en+zh" if babel_locale().startswith("zh") else "en"
        self.export_file(
            self.tr("Export budget"),
            f"{production.title} budget.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
            lambda session, production_id, path: write_budget(session, production_id, path, None, language),
        )


def _free(prefix: str, table, key: str) -> str:
    """The first of prefix1, prefix2… that no row of the table has under `key`."""
    taken = {row[key] for row in table.model.rows}
    return next(f"{prefix}{n}" for n in range(1, len(taken) + 2) if f"{prefix}{n}" not in taken)
