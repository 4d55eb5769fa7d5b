"""The budget's tables as rows for the app: globals, fringes, exchange rates, actuals, cost report, versions."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session, select

from studio.budget.calculation import Calculation
from studio.budget.cost_report import CostReport
from studio.budget.totals import CurrentBudget
from studio.budget.versions import Comparison, list_versions
from studio.models import ExchangeRate, Fringe
from studio.models.budget import entry_of
from studio.money import Money

Row = dict


def global_rows(current: CurrentBudget) -> list[Row]:
    calculation = current.calculation
    rows = []
    for item in sorted(current.inputs.globals, key=lambda g: g.name):
        problem = calculation.problem_of("budget_global", item.id)
        rows.append(
            {
                "id": item.id,
                "versions": {"budget_global": item.version},
                "name": item.name,
                "entry": entry_of(item.value, item.formula),
                "value": calculation.globals.get(item.name),
                "description": item.description,
                "linked": bool(item.source),
                "problem": problem.message if problem else "",
            }
        )
    return rows


def fringe_rows(session: Session, production_id: int, calculation: Calculation) -> list[Row]:
    fringes = session.exec(select(Fringe).where(Fringe.production_id == production_id).order_by(Fringe.id))
    return [
        {
            "id": fringe.id,
            "versions": {"fringe": fringe.version},
            "code": fringe.code,
            "name": fringe.name,
            "kind": fringe.kind,
            "percent": fringe.percent,
            "flat": fringe.flat_amount,
            "cap": fringe.cap,
            "currency": fringe.currency,
            "applies_to": fringe.applies_to,
            "total": Money(calculation.fringes.get(fringe.id, Decimal(0)), calculation.currency),
        }
        for fringe in fringes
    ]


def rate_rows(session: Session, production_id: int) -> list[Row]:
    rates = session.exec(
        select(ExchangeRate)
        .where(ExchangeRate.production_id == production_id)
        .order_by(ExchangeRate.effective_date.desc(), ExchangeRate.from_currency)
    )
    return [
        {
            "id": rate.id,
            "versions": {"exchange_rate": rate.version},
            "from_currency": rate.from_currency,
            "to_currency": rate.to_currency,
            "rate": rate.rate,
            "effective_date": rate.effective_date,
        }
        for rate in rates
    ]


def actual_rows(report: CostReport, accounts: dict[int, str]) -> list[Row]:
    converted = {item.entry.id: item.converted for item in report.entries}
    rows = []
    for item in report.entries:
        entry = item.entry
        rows.append(
            {
                "id": entry.id,
                "versions": {"cost_entry": entry.version},
                "entry_date": entry.entry_date,
                "account_id": entry.account_id,
                "account": accounts.get(entry.account_id, ""),
                "vendor": entry.vendor,
                "description": entry.description,
                "amount": entry.amount,
                "status": entry.status,
                "reference": entry.reference,
                "converted": Money(converted[entry.id], report.currency),
            }
        )
    return rows


def cost_report_rows(report: CostReport) -> list[Row]:
    def money(amount: Decimal) -> Money:
        return Money(amount, report.currency)

    rows = []
    for line in [*report.lines, report.total]:
        if line.account_id is not None and not (line.budget or line.paid or line.committed):
            continue
        rows.append(
            {
                "id": line.account_id,
                "account": f"{line.code} {line.name}".strip(),
                "account_zh": f"{line.code} {line.name_zh or line.name}".strip(),
                "budget": money(line.budget),
                "paid": money(line.paid),
                "committed": money(line.committed),
                "to_complete": money(line.to_complete),
                "at_completion": money(line.at_completion),
                "variance": money(line.variance),
                "over": line.variance < 0,
            }
        )
    return rows


def version_rows(session: Session, production_id: int) -> list[Row]:
    return [
        {"id": version.id, "name": version.name, "created_at": version.created_at, "approved": version.approved}
        for version in list_versions(session, production_id)
    ]


def comparison_rows(comparison: Comparison) -> list[Row]:
    def money(amount: Decimal | None) -> Money | None:
        return None if amount is None else Money(amount, comparison.currency)

    rows = [
        {
            "account": f"{account.code} {account.name}",
            "account_zh": f"{account.code} {account.name_zh or account.name}",
            "left": money(account.left),
            "right": money(account.right),
            "difference": money(account.difference),
        }
        for account in comparison.accounts
        if account.left or account.right
    ]
    rows.append(
        {
            "account": "",
            "account_zh": "",
            "left": money(comparison.left_total),
            "right": money(comparison.right_total),
            "difference": money(comparison.right_total - comparison.left_total),
        }
    )
    return rows
