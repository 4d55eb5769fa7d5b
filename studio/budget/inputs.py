"""Reading a production's budget out of the database, as the plain values calculation.py works on."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import select
from sqlmodel import Session

from studio.budget.calculation import Account, BudgetInputs, FringeRule, Global, Line
from studio.budget.line_fields import line_of
from studio.exchange import RateTable
from studio.models import BudgetAccount, BudgetGlobal, BudgetLine, BudgetLineFringe, Fringe, Production
from studio.money import Money, check_currency


def load_inputs(session: Session, production_id: int, currency: str | None = None) -> BudgetInputs:
    """The budget as stored, in `currency` (default: the production's reporting currency)."""
    production = session.get(Production, production_id)
    accounts = [
        Account(row.id, row.code, row.name, row.name_zh, row.account_group, row.holds_fringes, row.percent, row.version)
        for row in _rows(session, BudgetAccount, BudgetAccount.production_id == production_id)
    ]
    return BudgetInputs(
        currency=check_currency(currency or production.reporting_currency or production.base_currency),
        base_currency=production.base_currency,
        accounts=accounts,
        lines=_lines(session, [a.id for a in accounts]),
        fringes=[_fringe(row) for row in _rows(session, Fringe, Fringe.production_id == production_id)],
        globals=[
            Global(row.id, row.name, row.value, row.formula, row.source, row.description, row.version)
            for row in _rows(session, BudgetGlobal, BudgetGlobal.production_id == production_id)
        ],
        rates=RateTable.for_production(session, production_id),
        production_version=production.version,
    )


def _rows(session: Session, model, condition) -> list:
    order = (model.sort_order, model.id) if hasattr(model, "sort_order") else (model.id,)
    return list(session.execute(select(model).where(condition).order_by(*order)).scalars())


def _fringe(row: Fringe) -> FringeRule:
    def amount(minor: int | None) -> Decimal | None:
        return None if minor is None else Money.from_minor(minor, row.currency).amount

    return FringeRule(
        row.id,
        row.code,
        row.name,
        row.kind,
        row.percent,
        amount(row.flat_minor),
        amount(row.cap_minor),
        row.currency,
        row.applies_to,
    )


def _lines(session: Session, account_ids: list[int]) -> list[Line]:
    if not account_ids:
        return []
    table = BudgetLine.__table__
    fringes: dict[int, list[int]] = defaultdict(list)
    links = BudgetLineFringe.__table__
    for line_id, fringe_id in session.execute(
        select(links.c.line_id, links.c.fringe_id)
        .join(table, table.c.id == links.c.line_id)
        .where(table.c.account_id.in_(account_ids))
        .order_by(links.c.fringe_id)
    ):
        fringes[line_id].append(fringe_id)
    rows = session.execute(select(table).where(table.c.account_id.in_(account_ids))).mappings()
    return [line_of(row, tuple(fringes.get(row["id"], ()))) for row in rows]


def account_order(session: Session, account_id: int) -> int:
    """The place in the chart of an account (one added with the same place sorts right after it)."""
    return session.get(BudgetAccount, account_id).sort_order
