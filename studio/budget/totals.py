"""Budget totals: each detail line is amount × multiplier × rate, rounded once in its own currency,
then converted to the report currency (see exchange.py for the conversion rule).

Fringes and schedule-linked lines join these totals in the budget capability.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from studio.budget.exchange import RateTable
from studio.models import BudgetAccount, BudgetGlobal, BudgetLine, Production
from studio.money import Money


@dataclass(frozen=True)
class AccountTotal:
    code: str
    name: str
    name_zh: str
    group: str
    total: Money

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "name_zh": self.name_zh,
            "group": self.group,
            **self.total.to_json(),
        }


@dataclass(frozen=True)
class BudgetTotal:
    total: Money
    by_account: list[AccountTotal]


def line_total(line: BudgetLine, globals_by_id: dict[int, BudgetGlobal]) -> Money:
    amount = globals_by_id[line.amount_global_id].value if line.amount_global_id else line.amount
    return line.rate.times(amount * line.multiplier)


def budget_total(session: Session, production: Production, currency: str | None = None) -> BudgetTotal:
    target = currency or production.base_currency
    rates = RateTable.for_production(session, production.id)
    globals_by_id = {
        g.id: g for g in session.exec(select(BudgetGlobal).where(BudgetGlobal.production_id == production.id))
    }
    accounts = list(
        session.exec(
            select(BudgetAccount).where(BudgetAccount.production_id == production.id).order_by(BudgetAccount.sort_order)
        )
    )
    lines_by_account: dict[int, list[BudgetLine]] = {}
    account_ids = [a.id for a in accounts]
    for line in session.exec(select(BudgetLine).where(BudgetLine.account_id.in_(account_ids))):
        lines_by_account.setdefault(line.account_id, []).append(line)

    by_account = []
    grand = Money.zero(target)
    for account in accounts:
        subtotal = Money.zero(target)
        for line in lines_by_account.get(account.id, []):
            subtotal = subtotal + rates.convert(line_total(line, globals_by_id), target)
        by_account.append(AccountTotal(account.code, account.name, account.name_zh, account.account_group, subtotal))
        grand = grand + subtotal
    return BudgetTotal(grand, by_account)
