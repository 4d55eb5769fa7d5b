"""Budget: currencies and rates, chart of accounts, detail lines, fringes, globals, actuals, versions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import BigInteger, Column, Text, UniqueConstraint
from sqlalchemy.orm import object_session
from sqlmodel import Field, select

from studio.models.base import Versioned, checked, filled, money_property, parent_fk, production_fk
from studio.models.enums import AccountGroup, CostStatus, FringeKind, LineUnit
from studio.models.types import ExactDecimal, UTCDateTime, utc_now

QUANTITY = ExactDecimal(4)
RATE_OF_EXCHANGE = ExactDecimal(8)
PERCENT = ExactDecimal(4)


def entry_of(number: Decimal, formula: str) -> str:
    """A quantity as the producer types it and reads it: its formula, else its number (no trailing zeros)."""
    return formula or f"{number.normalize():f}"


class Currency(Versioned, table=True):
    code: str = Field(primary_key=True, max_length=3)
    name: str = Field(default="", max_length=80)
    symbol: str = Field(default="", max_length=8)


class ExchangeRate(Versioned, table=True):
    """1 unit of from_currency = rate units of to_currency, from effective_date on."""

    __tablename__ = "exchange_rate"
    __table_args__ = (
        checked("rate > 0"),
        UniqueConstraint("production_id", "from_currency", "to_currency", "effective_date"),
    )
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    from_currency: str = Field(foreign_key="currency.code", max_length=3)
    to_currency: str = Field(foreign_key="currency.code", max_length=3)
    rate: Decimal = Field(sa_type=RATE_OF_EXCHANGE)
    effective_date: dt.date


class BudgetAccount(Versioned, table=True):
    __tablename__ = "budget_account"
    __table_args__ = (UniqueConstraint("production_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    code: str = Field(max_length=12)
    name: str = Field(max_length=200)
    name_zh: str = Field(default="", max_length=200)
    account_group: str = Field(default=AccountGroup.BELOW_THE_LINE.value, max_length=8)
    parent_id: int | None = parent_fk("budget_account", nullable=True)
    sort_order: int = Field(default=0)
    # A fringe account (1900 ATL Fringes…) collects the fringes of its group's lines.
    holds_fringes: bool = filled(False)
    # A totals account (contingency, overhead) is this percent of the budget above the totals.
    percent: Decimal | None = Field(default=None, sa_type=PERCENT)


class BudgetGlobal(Versioned, table=True):
    """A named value (shoot days, episodes, OT hours) that detail lines can use: a number, a formula over
    other globals, or (`source`) a figure the production keeps up to date, such as its shoot days."""

    __tablename__ = "budget_global"
    __table_args__ = (UniqueConstraint("production_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    name: str = Field(max_length=60)
    value: Decimal = Field(default=Decimal(0), sa_type=QUANTITY)
    formula: str = filled("", max_length=200)
    source: str = filled("", max_length=40)
    description: str = Field(default="", max_length=200)

    @property
    def value_entry(self) -> str:
        """The value as the producer types it: the formula, else the number."""
        return entry_of(self.value, self.formula)


class Fringe(Versioned, table=True):
    __table_args__ = (
        checked("percent >= 0"),
        checked("flat_minor >= 0"),
        checked("cap_minor >= 0"),
        UniqueConstraint("production_id", "code"),
    )
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    code: str = Field(max_length=20)
    name: str = Field(max_length=120)
    kind: str = Field(default=FringeKind.PERCENT.value, max_length=8)
    percent: Decimal | None = Field(default=None, sa_type=PERCENT)
    flat_minor: int | None = Field(default=None, sa_type=BigInteger)
    currency: str = Field(default="USD", max_length=3)
    # the wage base per person: no fringe on pay above it
    cap_minor: int | None = Field(default=None, sa_type=BigInteger)
    # Which lines the budget's schedule-linked lines get it on: "" none, "wages" all cast and crew pay,
    # "union" union performers' pay (pension & health).
    applies_to: str = filled("", max_length=8)

    flat_amount = money_property("flat_minor", "currency")
    cap = money_property("cap_minor", "currency")


class BudgetLine(Versioned, table=True):
    """description: amount (of units: days, weeks…) × multiplier × rate, in the line's currency.

    The amount is a number, or a formula over globals (`amount_formula`, e.g. "SHOOT_DAYS * 2").
    `source` names a schedule link ("cast:12"): the schedule then keeps the amount and rate up to date.
    `payee` names the person paid, so that fringe caps apply per person across their lines.
    """

    __tablename__ = "budget_line"
    id: int | None = Field(default=None, primary_key=True)
    account_id: int = parent_fk("budget_account")
    sort_order: int = Field(default=0)
    description: str = Field(max_length=400)
    amount: Decimal = Field(default=Decimal(1), sa_type=QUANTITY)
    amount_formula: str = filled("", max_length=200)
    unit: str = Field(default=LineUnit.FLAT.value, max_length=8)
    multiplier: Decimal = Field(default=Decimal(1), sa_type=QUANTITY)
    rate_minor: int = Field(default=0, sa_type=BigInteger)
    currency: str = Field(default="USD", max_length=3)
    source: str = Field(default="", max_length=80)
    payee: str = filled("", max_length=200)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))

    rate = money_property("rate_minor", "currency")

    @property
    def amount_entry(self) -> str:
        """The amount as the producer types it: the formula, else the number."""
        return entry_of(self.amount, self.amount_formula)

    @property
    def fringe_codes(self) -> str:
        """The codes of the fringes on the line ("FICA-SS, FUTA")."""
        session = object_session(self)
        if session is None or self.id is None:
            return ""
        codes = session.exec(
            select(Fringe.code)
            .join(BudgetLineFringe, BudgetLineFringe.fringe_id == Fringe.id)
            .where(BudgetLineFringe.line_id == self.id)
            .order_by(Fringe.id)
        )
        return ", ".join(codes)


class BudgetLineFringe(Versioned, table=True):
    __tablename__ = "budget_line_fringe"
    line_id: int = Field(foreign_key="budget_line.id", ondelete="CASCADE", primary_key=True)
    fringe_id: int = Field(foreign_key="fringe.id", ondelete="CASCADE", primary_key=True, index=True)


class CostEntry(Versioned, table=True):
    """An actual: money spent or committed against an account."""

    __tablename__ = "cost_entry"
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    account_id: int = Field(foreign_key="budget_account.id", index=True)
    entry_date: dt.date
    vendor: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=400)
    amount_minor: int = Field(sa_type=BigInteger)
    currency: str = Field(default="USD", max_length=3)
    status: str = Field(default=CostStatus.COMMITTED.value, max_length=10)
    reference: str = Field(default="", max_length=120)

    amount = money_property("amount_minor", "currency")


class BudgetVersion(Versioned, table=True):
    """A named, frozen copy of the budget (its lines as JSON) for side-by-side comparison. The newest one
    `approved` is the budget the estimated final cost is measured against, while the budget itself follows
    the schedule (studio.day_reports.final_cost)."""

    __tablename__ = "budget_version"
    __table_args__ = (UniqueConstraint("production_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    name: str = Field(max_length=120)
    created_at: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    snapshot: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    approved: bool = filled(False)
