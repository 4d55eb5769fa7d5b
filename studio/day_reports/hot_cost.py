"""A day's hot cost: what it cost as reported against what it was planned to cost, the same night.

Both are priced the same way (`price_day`): each worker's day under their deal and pay preset
(studio.day_reports.pay) — the pay in its category (cast, crew, background), overtime and penalties
(meals, forced calls) each in their own — each location paid for at its fee and each company move at the
production's cost. The plan's rests are counted from the plan of the day before, the actual ones from
the day as it happened (studio.day_reports.summary), so a forced call the plan already had is no
variance. Each charge is converted into the production's base currency at the rate of the day's date
and rounded once. A worker without a rate is paid nothing here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from studio.day_reports.facts import DayFacts
from studio.day_reports.pay import DayPay, Deal, day_pay
from studio.exchange import RateTable
from studio.money import Money
from studio.schedule.drives import Drives

CATEGORIES = ("cast", "crew", "background", "locations", "company_moves", "overtime", "penalties")
PAY, OVERTIME, PENALTY = "pay", "overtime", "penalty"
ZERO = Decimal(0)


@dataclass(frozen=True)
class Prices:
    """What the production pays, read once (studio.day_reports.reading.load_prices)."""

    currency: str  # the base currency
    deals: dict[tuple[str, int], Deal]  # (kind, id) → the deal
    fees: dict[int, Money]  # location → its fee per day
    move_cost: Money
    rates: RateTable
    drives: Drives | None = None  # what driving between two locations costs, in the base currency


@dataclass(frozen=True)
class Charge:
    kind: str  # cast, crew, background, location, moves
    who: int | None  # the performer, crew member, background role or location
    part: str  # pay, overtime, penalty
    amount: Money  # in its own currency
    base: Decimal  # in the base currency at the day's rate

    @property
    def category(self) -> str:
        if self.part == OVERTIME:
            return "overtime"
        if self.part == PENALTY:
            return "penalties"
        return {"location": "locations", "moves": "company_moves"}.get(self.kind, self.kind)


@dataclass(frozen=True)
class DayCost:
    currency: str
    charges: tuple[Charge, ...]
    pay: dict[tuple[str, int], DayPay] = field(default_factory=dict)  # each worker's day, in their currency

    def by_category(self) -> dict[str, Decimal]:
        totals = dict.fromkeys(CATEGORIES, ZERO)
        for charge in self.charges:
            totals[charge.category] += charge.base
        return totals

    @property
    def total(self) -> Decimal:
        return sum((charge.base for charge in self.charges), ZERO)


def price_day(facts: DayFacts, prices: Prices, rests: dict[tuple[str, int], int] | None = None) -> DayCost:
    """What a day costs: its workers (`rests`: each one's minutes of rest before the call, when known),
    its locations and its company moves (each at the production's cost, and its drive at the driving cost)."""
    rests = rests or {}
    charges: list[Charge] = []
    pays: dict[tuple[str, int], DayPay] = {}

    def charge(kind: str, who: int | None, part: str, amount: Decimal, currency: str, count: int = 1) -> None:
        if amount:
            money = Money(amount * count, currency)
            base = prices.rates.convert(money, prices.currency, facts.date).amount
            charges.append(Charge(kind, who, part, money, base))

    for worker in facts.workers:
        deal = prices.deals.get(worker.key)
        if deal is None:
            continue
        pay = pays[worker.key] = day_pay(deal, worker.shift, rests.get(worker.key))
        charge(worker.kind, worker.id, PAY, pay.base, deal.currency, worker.count)
        charge(worker.kind, worker.id, OVERTIME, pay.overtime, deal.currency, worker.count)
        charge(worker.kind, worker.id, PENALTY, pay.penalties, deal.currency, worker.count)
    for location in facts.locations:
        fee = prices.fees.get(location)
        if fee is not None:
            charge("location", location, PAY, fee.amount, fee.currency)
    charge("moves", None, PAY, prices.move_cost.amount, prices.move_cost.currency, facts.moves)
    if prices.drives is not None:
        driving = sum((prices.drives.of(a, b).cost for a, b in facts.drives), Decimal(0))
        charge("moves", None, PAY, driving, prices.currency)
    return DayCost(prices.currency, tuple(charges), pays)


@dataclass(frozen=True)
class HotCost:
    """A reported day's cost against its plan, by category, in the base currency."""

    date: dt.date
    planned: DayCost
    actual: DayCost

    def rows(self) -> list[tuple[str, Decimal, Decimal, Decimal]]:
        """(category, planned, actual, actual − planned) for each category, then the total ("total")."""
        planned, actual = self.planned.by_category(), self.actual.by_category()
        rows = [(name, planned[name], actual[name], actual[name] - planned[name]) for name in CATEGORIES]
        total_planned, total_actual = self.planned.total, self.actual.total
        return [*rows, ("total", total_planned, total_actual, total_actual - total_planned)]

    @property
    def variance(self) -> Decimal:
        return self.actual.total - self.planned.total
