"""Budget: currencies and rates, chart of accounts, detail lines, fringes, globals, actuals, versions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from studio.models.base import checked, money_property, parent_fk, production_fk
from studio.models.enums import AccountGroup, CostStatus, FringeKind, LineUnit
from studio.models.types import ExactDecimal, UTCDateTime, utc_now

QUANTITY = ExactDecimal(4)
RATE_OF_EXCHANGE = ExactDecimal(8)
PERCENT = ExactDecimal(4)


class Currency(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=3)
    name: str = Field(default="", max_length=80)
    symbol: str = Field(default="", max_length=8)


class ExchangeRate(SQLModel, table=True):
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


class BudgetAccount(SQLModel, table=True):
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


class BudgetGlobal(SQLModel, table=True):
    """A named value (shoot days, episodes, OT allowance) that detail lines can use."""

    __tablename__ = "budget_global"
    __table_args__ = (UniqueConstraint("production_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    name: str = Field(max_length=60)
    value: Decimal = Field(sa_type=QUANTITY)
    description: str = Field(default="", max_length=200)


class Fringe(SQLModel, table=True):
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
    flat_minor: int | None = Field(default=None)
    currency: str = Field(default="USD", max_length=3)
    cap_minor: int | None = Field(default=None)

    flat_amount = money_property("flat_minor", "currency")
    cap = money_property("cap_minor", "currency")


class BudgetLine(SQLModel, table=True):
    """description × amount × units × rate, in a currency; `source` names a schedule link."""

    __tablename__ = "budget_line"
    id: int | None = Field(default=None, primary_key=True)
    account_id: int = parent_fk("budget_account")
    sort_order: int = Field(default=0)
    description: str = Field(max_length=400)
    amount: Decimal = Field(default=Decimal(1), sa_type=QUANTITY)
    amount_global_id: int | None = parent_fk("budget_global", nullable=True, on_delete="SET NULL")
    unit: str = Field(default=LineUnit.FLAT.value, max_length=8)
    multiplier: Decimal = Field(default=Decimal(1), sa_type=QUANTITY)
    rate_minor: int = Field(default=0)
    currency: str = Field(default="USD", max_length=3)
    source: str = Field(default="", max_length=80)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))

    rate = money_property("rate_minor", "currency")


class BudgetLineFringe(SQLModel, table=True):
    __tablename__ = "budget_line_fringe"
    line_id: int = Field(foreign_key="budget_line.id", ondelete="CASCADE", primary_key=True)
    fringe_id: int = Field(foreign_key="fringe.id", ondelete="CASCADE", primary_key=True, index=True)


class CostEntry(SQLModel, table=True):
    """An actual: money spent or committed against an account."""

    __tablename__ = "cost_entry"
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    account_id: int = Field(foreign_key="budget_account.id", index=True)
    entry_date: dt.date
    vendor: str = Field(default="", max_length=200)
    description: str = Field(default="", max_length=400)
    amount_minor: int
    currency: str = Field(default="USD", max_length=3)
    status: str = Field(default=CostStatus.COMMITTED.value, max_length=10)
    reference: str = Field(default="", max_length=120)

    amount = money_property("amount_minor", "currency")


class BudgetVersion(SQLModel, table=True):
    """A named, frozen copy of the budget (its lines as JSON) for side-by-side comparison."""

    __tablename__ = "budget_version"
    __table_args__ = (UniqueConstraint("production_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    production_id: int = production_fk()
    name: str = Field(max_length=120)
    created_at: dt.datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    snapshot: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
