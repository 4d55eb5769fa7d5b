"""Budget: the chart of accounts with each account's total in the production's base currency."""

from __future__ import annotations

from studio.listings import budget_rows
from ui import labels
from ui.i18n import money_text
from ui.pages.base import Page
from ui.table import Column


class BudgetPage(Page):
    key = "budget"

    def __init__(self, workspace, parent=None):
        super().__init__(workspace, parent)
        self.accounts = self.table(
            [
                Column("code", self.tr("Account")),
                Column("name", self.tr("Description")),
                Column("name_zh", self.tr("Chinese description")),
                Column("group", self.tr("Group"), display=labels.account_group),
                Column("total", self.tr("Total"), display=money_text, align_right=True),
            ]
        )
        self.layout_.addWidget(self.accounts)

    def title(self) -> str:
        return self.tr("Budget")

    def load(self, production_id: int) -> None:
        rows, total = self.workspace.read(budget_rows, production_id)
        self.accounts.set_rows(rows)
        self.summary.setText(self.tr("Budget total: %1").replace("%1", money_text(total)))
