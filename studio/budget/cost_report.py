"""The cost report: for each account, the budget, what is paid and committed, the estimate to complete
and the variance; and the spend over the shoot days.

Actuals are converted at the rate effective on their own date (exchange.py). The estimate to complete
is what is left of the budget once paid and committed are taken out, never below zero; the estimate at
completion is paid + committed + to complete; the variance is budget - estimate at completion (below
zero: over budget). A figure beyond studio.money's limit (15 significant digits) is a problem naming it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session, select

from studio.budget.calculation import Problem, rounded
from studio.budget.schedule_links import Links
from studio.budget.totals import CurrentBudget
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import CostEntry
from studio.models.enums import CostStatus
from studio.money import Money, beyond_limit_message, within_limit


@dataclass(frozen=True)
class CostLine:
    account_id: int | None  # None: the total
    code: str
    name: str
    name_zh: str
    group: str
    budget: Decimal
    paid: Decimal
    committed: Decimal
    to_complete: Decimal  # an account's: what is left of its budget, never below zero; the total's: their sum

    @property
    def at_completion(self) -> Decimal:
        return self.paid + self.committed + self.to_complete

    @property
    def variance(self) -> Decimal:
        return self.budget - self.at_completion


@dataclass(frozen=True)
class ConvertedEntry:
    entry: CostEntry
    rate: Decimal
    converted: Decimal  # in the report currency


@dataclass(frozen=True)
class CostReport:
    currency: str
    lines: list[CostLine]
    total: CostLine
    entries: list[ConvertedEntry]
    problems: list[Problem]

    def to_json(self) -> dict:
        def row(line: CostLine) -> dict:
            money = {
                name: str(Money(getattr(line, name), self.currency).amount)
                for name in ("budget", "paid", "committed", "to_complete", "at_completion", "variance")
            }
            return {"code": line.code, "name": line.name, **money}

        return {"currency": self.currency, "total": row(self.total), "accounts": [row(line) for line in self.lines]}


def cost_entries(session: Session, production_id: int) -> list[CostEntry]:
    statement = select(CostEntry).where(CostEntry.production_id == production_id)
    return list(session.exec(statement.order_by(CostEntry.entry_date, CostEntry.id)))


def cost_report(current: CurrentBudget, entries: list[CostEntry]) -> CostReport:
    inputs, calculation = current.inputs, current.calculation
    currency = calculation.currency
    paid: dict[int, Decimal] = defaultdict(Decimal)
    committed: dict[int, Decimal] = defaultdict(Decimal)
    converted_entries, problems = [], []
    for entry in entries:
        try:
            rate = inputs.rates.rate(entry.currency, currency, entry.entry_date)
        except InvalidInput as error:
            where = f"{entry.entry_date.isoformat()} {entry.vendor or entry.description}".strip()
            problems.append(Problem("cost_entry", entry.id, where, str(error)))
            continue
        amount = rounded(entry.amount.amount * rate, currency)
        if not within_limit(amount, currency):
            where = f"{entry.entry_date.isoformat()} {entry.vendor or entry.description}".strip()
            problems.append(Problem("cost_entry", entry.id, where, beyond_limit_message(amount, currency), True))
            continue
        converted_entries.append(ConvertedEntry(entry, rate, amount))
        (paid if entry.status == CostStatus.PAID.value else committed)[entry.account_id] += amount
    lines = []
    for a in inputs.accounts:
        budget = calculation.accounts.get(a.id, Decimal(0))
        left = max(Decimal(0), budget - paid[a.id] - committed[a.id])
        lines.append(CostLine(a.id, a.code, a.name, a.name_zh, a.group, budget, paid[a.id], committed[a.id], left))

    def summed(name: str) -> Decimal:
        return sum((getattr(line, name) for line in lines), Decimal(0))

    total = CostLine(None, "", "", "", "", *(summed(n) for n in ("budget", "paid", "committed", "to_complete")))
    for line in [*lines, total]:
        for name in ("budget", "paid", "committed", "to_complete", "at_completion", "variance"):
            amount = getattr(line, name)
            if not within_limit(amount, currency):
                where = f"{line.code} {line.name}" if line.account_id else _("the cost report's total")
                problems.append(
                    Problem("budget_account", line.account_id or 0, where, beyond_limit_message(amount, currency), True)
                )
                break
    return CostReport(currency, lines, total, converted_entries, [*calculation.problems, *problems])


@dataclass(frozen=True)
class SpendDay:
    day: dt.date
    planned: Decimal  # the schedule-linked lines' cost on the day, in the report currency
    actual: Decimal  # paid and committed dated that day


def spend_by_day(current: CurrentBudget, report: CostReport, links: Links) -> list[SpendDay]:
    """Planned spend (the schedule's people and places, before fringes) and actuals, by date."""
    rates, currency = current.inputs.rates, report.currency
    planned: dict[dt.date, Decimal] = defaultdict(Decimal)
    for day, costs in links.daily.items():
        for amount, cost_currency in costs:
            planned[day] += rounded(amount * rates.rate(cost_currency, currency), currency)
    actual: dict[dt.date, Decimal] = defaultdict(Decimal)
    for entry in report.entries:
        actual[entry.entry.entry_date] += entry.converted
    return [SpendDay(day, planned[day], actual[day]) for day in sorted(set(planned) | set(actual))]
