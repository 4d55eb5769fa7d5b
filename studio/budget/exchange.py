"""Exchange rates as the producer enters them, with dates.

Rule (applied everywhere): the rate used is the latest one effective on or before the date asked
for, or with no date the latest entered (budgets are planned ahead at the rates the producer
expects); a missing direct rate is taken as the inverse of the opposite one; the converted amount is
rounded half-up to the target currency's minor unit.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import ExchangeRate
from studio.money import Money


class RateTable:
    def __init__(self, rates: list[ExchangeRate]):
        self._rates = sorted(rates, key=lambda r: r.effective_date, reverse=True)

    @classmethod
    def for_production(cls, session: Session, production_id: int) -> RateTable:
        return cls(list(session.exec(select(ExchangeRate).where(ExchangeRate.production_id == production_id))))

    def rate(self, source: str, target: str, on: date | None = None) -> Decimal:
        if source == target:
            return Decimal(1)
        for rate in self._rates:
            if on is not None and rate.effective_date > on:
                continue
            if (rate.from_currency, rate.to_currency) == (source, target):
                return rate.rate
            if (rate.from_currency, rate.to_currency) == (target, source):
                return Decimal(1) / rate.rate
        raise InvalidInput(
            _("no exchange rate from {source} to {target}: add one in the budget's currencies").format(
                source=source, target=target
            )
        )

    def convert(self, money: Money, target: str, on: date | None = None) -> Money:
        return Money(money.amount * self.rate(money.currency, target, on), target)
