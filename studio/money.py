"""Money: an exact Decimal amount in a currency.

Amounts are stored as integer minor units (cents, fen, yen) beside an ISO 4217 code and surfaced as
`Money`. Rounding happens once, half-up to the currency's minor unit; every layer uses this module's
`round_to_currency` so the app, the JSON and the spreadsheet agree to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from babel.numbers import get_currency_precision, list_currencies

from studio.errors import InvalidInput
from studio.i18n import _

# The one limit on any amount of money, typed or worked out (a rate, a fee, a budget line, a total): at most
# 15 significant digits in minor units, all a spreadsheet's number holds exactly (beyond, LibreOffice and
# Excel round and would disagree with the app). It is stricter than what a 64-bit money column stores
# (STORABLE_MINOR, on SQLite and PostgreSQL alike), so whatever passes it can be stored on any database.
SIGNIFICANT_DIGITS = 15
STORABLE_MINOR = 2**63 - 1
MAX_MINOR = 10**SIGNIFICANT_DIGITS - 1
assert MAX_MINOR < STORABLE_MINOR


@cache
def known_currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def check_currency(code: str) -> str:
    """Return the upper-case ISO code, or raise InvalidInput for an unknown one."""
    normalized = (code or "").strip().upper()
    if normalized not in known_currencies():
        raise InvalidInput(
            _("unknown currency code {code} (expected an ISO 4217 code such as USD)").format(code=repr(code))
        )
    return normalized


@cache
def minor_unit_digits(currency: str) -> int:
    return get_currency_precision(check_currency(currency))


@cache
def largest_amount(currency: str) -> Decimal:
    """The largest amount of money in this currency anything may hold: MAX_MINOR of its minor unit."""
    return Decimal(MAX_MINOR).scaleb(-minor_unit_digits(currency))


def within_limit(amount: Decimal, currency: str) -> bool:
    """Whether an amount (rounded to its minor unit) has at most SIGNIFICANT_DIGITS digits in minor units."""
    return abs(amount) <= largest_amount(currency)


def beyond_limit_message(amount: Decimal, currency: str) -> str:
    """Why an amount is refused: it, and the largest allowed, both as a person reads them."""
    return _(
        "{amount} {currency} is more than any amount may be ({limit} {currency}: {digits} significant digits)"
    ).format(amount=f"{amount:,}", currency=currency, limit=f"{largest_amount(currency):,}", digits=SIGNIFICANT_DIGITS)


def round_to_currency(amount: Decimal, currency: str) -> Decimal:
    """Half-up to the currency's minor unit: the project's one rounding rule."""
    quantum = Decimal(1).scaleb(-minor_unit_digits(currency))
    return amount.quantize(quantum, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if isinstance(self.amount, float):
            raise TypeError("money never passes through float")
        object.__setattr__(self, "currency", check_currency(self.currency))
        object.__setattr__(self, "amount", round_to_currency(Decimal(self.amount), self.currency))

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        return cls(Decimal(minor).scaleb(-minor_unit_digits(currency)), currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    @property
    def minor(self) -> int:
        return int(self.amount.scaleb(minor_unit_digits(self.currency)))

    def __add__(self, other: Money) -> Money:
        self._same_currency(other)
        return Money(self.amount + other.amount, self.currency)

    def times(self, factor: Decimal | int) -> Money:
        """Multiply by an exact factor, rounding the product once."""
        if isinstance(factor, float):
            raise TypeError("money never passes through float")
        return Money(self.amount * Decimal(factor), self.currency)

    def to_json(self) -> dict[str, str]:
        return {"amount": str(self.amount), "currency": self.currency}

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    def _same_currency(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency} without an exchange rate")
