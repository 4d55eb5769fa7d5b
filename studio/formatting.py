"""How numbers, money and page lengths read to a person, per locale (babel)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from studio.i18n import _
from studio.money import Money


def format_eighths(eighths: int) -> str:
    """Page length as producers write it: 11 → "1 3/8", 8 → "1", 3 → "3/8"."""
    pages, rest = divmod(eighths, 8)
    if rest == 0:
        return str(pages)
    return f"{pages} {rest}/8" if pages else f"{rest}/8"


def format_money(money: Money | None, locale: str) -> str:
    if money is None:
        return ""
    return format_currency(money.amount, money.currency, locale=locale)


def format_number(number: Decimal | None, locale: str) -> str:
    """A quantity as the locale writes it, with every decimal it has (1,234.5; 0.125)."""
    if number is None:
        return ""
    places = max(0, -number.normalize().as_tuple().exponent)
    return format_decimal(number, format="#,##0." + "#" * places if places else "#,##0", locale=locale)


def format_day(day: date, locale: str) -> str:
    return format_date(day, format="medium", locale=locale)


def format_weekday(day: date, locale: str) -> str:
    return format_date(day, format="EEE", locale=locale)


def over_or_under(over: Decimal) -> str:
    """ "1,250.00 over", "300.00 under" or "as planned": a variance said with its sense, `over` being how much
    more it costs (a hot cost's actual less its plan; a final cost's at completion less its budget)."""
    if not over:
        return _("as planned")
    return (_("{amount} over") if over > 0 else _("{amount} under")).format(amount=abs(over))
