"""Exchange rates as the producer enters them, with dates.

The conversion rule, applied the same in the app, the JSON and the spreadsheet:
- The rate used is the latest one effective on or before the date asked for (an actual's date); a
  budget line has no date, so it uses the latest rate entered (budgets are planned at the rates the
  producer expects).
- A missing direct rate is the inverse of the opposite one, rounded half-up to 8 decimal places.
- A converted amount is rounded half-up to the target currency's minor unit, once per line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session, select

from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import ExchangeRate
from studio.money import Money

RATE_PLACES = 8


@dataclass(frozen=True)
class RateUsed:
    """The rate from one currency to another, and the entry it comes from (None: the same currency)."""

    rate: Decimal
    entry: ExchangeRate | None = None
    inverse: bool = False


SAME = RateUsed(Decimal(1))


def inverse_rate(rate: Decimal) -> Decimal:
    return (Decimal(1) / rate).quantize(Decimal(1).scaleb(-RATE_PLACES), rounding=ROUND_HALF_UP)


class RateTable:
    def __init__(self, rates: list[ExchangeRate]):
        self._rates = sorted(rates, key=lambda r: (r.effective_date, r.id or 0), reverse=True)
        self._latest: dict[tuple[str, str], RateUsed] = {}

    @classmethod
    def for_production(cls, session: Session, production_id: int) -> RateTable:
        return cls(list(session.exec(select(ExchangeRate).where(ExchangeRate.production_id == production_id))))

    @property
    def entries(self) -> list[ExchangeRate]:
        return list(self._rates)

    def lookup(self, source: str, target: str, on: date | None = None) -> RateUsed:
        if source == target:
            return SAME
        if on is None and (source, target) in self._latest:
            return self._latest[source, target]
        used = None
        for entry in self._rates:
            if on is not None and entry.effective_date > on:
                continue
            if used is not None and entry.effective_date < used.entry.effective_date:
                break
            if (entry.from_currency, entry.to_currency) == (source, target):
                used = RateUsed(entry.rate, entry)
                break  # a direct rate wins over an inverse of the same date
            if used is None and (entry.from_currency, entry.to_currency) == (target, source):
                used = RateUsed(inverse_rate(entry.rate), entry, inverse=True)
        if used is None:
            raise InvalidInput(
                _("no exchange rate from {source} to {target}: add one in the budget's currencies").format(
                    source=source, target=target
                )
            )
        if on is None:
            self._latest[source, target] = used
        return used

    def rate(self, source: str, target: str, on: date | None = None) -> Decimal:
        return self.lookup(source, target, on).rate

    def convert(self, money: Money, target: str, on: date | None = None) -> Money:
        return Money(money.amount * self.rate(money.currency, target, on), target)
