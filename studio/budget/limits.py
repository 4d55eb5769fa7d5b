"""Edits that would make a budget figure too large are refused, before anything is saved.

Every line, fringe, account, group, total and cost-report figure must stay within studio.money's limit
(15 significant digits in minor units: all a spreadsheet's number holds exactly, so the app, the JSON and
the workbook agree to the cent). A typed amount is checked by its rule (validation.amount); what is
worked out (a formula over globals × multiplier × rate, converted at a rate of exchange, summed) can only
be checked by working the budget out. So an edit of anything the budget is worked out from is made in a
savepoint, the budget worked out again — in the production's currency and in each currency its rates
convert to, as the budget can be seen in any of them — and if a figure is beyond the limit that was not
before, the savepoint is rolled back and the edit refused, naming the figure (a global that many
formulas use names the first line and how many more). A budget already beyond the limit (stored before
this rule) is no reason to refuse an edit that makes it no worse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlmodel import Session, select

from studio.budget.calculation import Problem
from studio.budget.cost_report import cost_entries, cost_report
from studio.budget.schedule_links import schedule_links
from studio.budget.totals import _budget_with_links
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import BudgetAccount, Character, ExchangeRate, Production
from studio.withheld import withholds_money

T = TypeVar("T")
EVERY = None
# What the budget is worked out from: each entity, and its fields that count (EVERY: all of them).
WATCHED: dict[str, frozenset[str] | None] = {
    "budget_line": frozenset(
        {"amount_entry", "unit", "multiplier", "rate", "currency", "payee", "fringe_codes", "account_id"}
    ),
    "budget_global": frozenset({"value_entry", "name"}),
    "fringe": frozenset({"kind", "percent", "flat_amount", "cap", "currency", "applies_to"}),
    "exchange_rate": EVERY,
    "budget_account": frozenset({"percent", "account_group"}),
    "cost_entry": frozenset({"account_id", "entry_date", "amount", "currency"}),
    "production": frozenset({"reporting_currency", "company_move_cost"}),
    "cast_assignment": frozenset({"rate", "per_diem", "currency", "rate_basis", "guaranteed_days"}),
    "crew_member": frozenset({"rate", "currency", "rate_basis"}),
    "location": frozenset({"fee_per_day", "fee_currency"}),
    "overtime_rule": EVERY,
}


def watched(entity: str, fields: Any) -> bool:
    """Whether editing these fields of this entity can change a budget figure."""
    if entity not in WATCHED:
        return False
    chosen = WATCHED[entity]
    return chosen is EVERY or any(field in chosen for field in fields)


def production_of(session: Session, entity: str, values: Any) -> int:
    """The production a row (or a new row's owner columns, as a dict) belongs to."""
    get = values.get if isinstance(values, dict) else lambda name: getattr(values, name, None)
    if entity == "production":
        return get("id")
    if get("production_id") is not None:
        return get("production_id")
    if get("account_id") is not None:
        return session.get(BudgetAccount, get("account_id")).production_id
    return session.get(Character, get("character_id")).production_id


def within_limits(session: Session, production_id: int, apply: Callable[[], T]) -> T:
    """Run an edit (`apply`) and keep it only if it leaves no new budget figure beyond the limit."""
    if withholds_money(session):
        # A crew login reads no money and no budget table, so it changes neither: at most a deal's
        # guaranteed days, and 366 days × the largest rate (validation.MAX_AMOUNT) is far within the limit.
        return apply()
    savepoint = session.begin_nested()
    try:
        result = apply()
        after = too_large(session, production_id)
    except BaseException:
        if savepoint.is_active:
            savepoint.rollback()
        raise
    if not after:
        savepoint.commit()
        return result
    savepoint.rollback()
    before = {_key(currency, problem) for currency, problem in too_large(session, production_id)}
    new = [(currency, problem) for currency, problem in after if _key(currency, problem) not in before]
    if new:
        message = _("this change would make a figure too large: {problem}").format(problem=new[0][1])
        if len(new) > 1:
            message = _("{message} (and {count} more)").format(message=message, count=len(new) - 1)
        raise InvalidInput(message)
    return apply()  # the budget was already this far beyond the limit: the edit makes it no worse


def too_large(session: Session, production_id: int) -> list[tuple[str, Problem]]:
    """Every figure beyond the limit, in the production's currency and each one its rates convert to."""
    session.flush()
    production = session.get(Production, production_id)
    rates = session.exec(select(ExchangeRate).where(ExchangeRate.production_id == production_id))
    currencies = dict.fromkeys([production.reporting_currency or production.base_currency])
    for rate in rates:
        currencies.update(dict.fromkeys([rate.from_currency, rate.to_currency]))
    entries, links = cost_entries(session, production_id), schedule_links(session, production_id)
    found = []
    for currency in currencies:
        current = _budget_with_links(session, production_id, links, currency)
        report = cost_report(current, entries)
        found += [(currency, problem) for problem in report.problems if problem.too_large]
    return found


def _key(currency: str, problem: Problem) -> tuple:
    return (currency, problem.entity, problem.row_id, problem.where)
