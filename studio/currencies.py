"""The currencies a database knows: a row per ISO code used, named from babel's data."""

from __future__ import annotations

from babel.numbers import get_currency_name, get_currency_symbol
from sqlmodel import Session

from studio.models import Currency
from studio.money import check_currency


def ensure_currency(session: Session, code: str) -> str:
    """The upper-case code, with its row added if the database does not have it yet."""
    code = check_currency(code)
    pending = any(isinstance(row, Currency) and row.code == code for row in session.new)
    if not pending and session.get(Currency, code) is None:
        session.add(
            Currency(
                code=code,
                name=get_currency_name(code, locale="en"),
                symbol=get_currency_symbol(code, locale="en"),
            )
        )  # inserted at the next flush, before the rows that name it
    return code
