"""The budget's cost report: per account, the budget, what is paid and committed, what is left to
complete, the total at completion and the variance; under it the actuals it is worked out from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from studio.models.enums import CostStatus
from ui import labels
from ui.i18n import chinese, day_text, money_text
from ui.table import Column


class CostReportTab(QWidget):
    def __init__(self, page):
        """`page`: the budget page, whose tables, toolbar and splitter these are (so it empties, refuses and
        greys them as its others), and whose actions add and remove actuals."""
        super().__init__(page)
        statuses = labels.choices_of([s.value for s in CostStatus], labels.cost_status)
        money = {"display": money_text, "align_right": True}
        self.report = page.table(
            [
                Column("account_zh" if chinese() else "account", self.tr("Account")),
                Column("budget", self.tr("Budget"), **money),
                Column("paid", self.tr("Paid"), **money),
                Column("committed", self.tr("Committed"), **money),
                Column("to_complete", self.tr("To complete"), **money),
                Column("at_completion", self.tr("At completion"), **money),
                Column("variance", self.tr("Variance"), warn=lambda row: row["over"], **money),
            ]
        )
        self.report.view.setObjectName("costReportTable")
        self.actuals = page.table(
            [
                Column(
                    "entry_date",
                    self.tr("Date"),
                    source=("cost_entry", "id", "entry_date"),
                    editable=True,
                    display=day_text,
                ),
                Column(
                    "account",
                    self.tr("Account"),
                    source=("cost_entry", "id", "account_id"),
                    editable=True,
                    choices=lambda: page.account_choices,
                    choice_key="account_id",
                ),
                Column(
                    "vendor", self.tr("Vendor"), source=("cost_entry", "id", "vendor"), editable=True, free_text=True
                ),
                Column(
                    "description",
                    self.tr("Description"),
                    source=("cost_entry", "id", "description"),
                    editable=True,
                    free_text=True,
                ),
                Column("amount", self.tr("Amount"), source=("cost_entry", "id", "amount"), editable=True, **money),
                Column(
                    "status_label",
                    self.tr("Status"),
                    source=("cost_entry", "id", "status"),
                    editable=True,
                    choices=lambda: statuses,
                    choice_key="status",
                ),
                Column(
                    "reference",
                    self.tr("Reference"),
                    source=("cost_entry", "id", "reference"),
                    editable=True,
                    free_text=True,
                ),
                Column("converted", self.tr("In report currency"), **money),
            ]
        )
        self.actuals.view.setObjectName("actualsTable")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = page.toolbar(
            [
                ("addActual", self.tr("Add actual"), page.add_actual),
                ("removeActual", self.tr("Remove actual"), lambda: page.remove_selected(self.actuals, "cost_entry")),
            ]
        )
        layout.addWidget(bar)
        layout.addWidget(page.splitter("costSplitter", Qt.Orientation.Vertical, self.report, self.actuals), 1)
