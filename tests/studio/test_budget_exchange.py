"""The RateTable rule (studio/exchange.py): latest rate on or before a date, inverse to 8 places."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.errors import InvalidInput
from studio.exchange import RateTable, inverse_rate
from studio.models import ExchangeRate
from studio.money import Money

D = Decimal


def rate(rate_id: int, source: str, target: str, value: str, day: str) -> ExchangeRate:
    return ExchangeRate(
        id=rate_id,
        production_id=1,
        from_currency=source,
        to_currency=target,
        rate=D(value),
        effective_date=date.fromisoformat(day),
    )


DEMO_RATES = [rate(1, "CNY", "USD", "0.1389", "2027-01-04"), rate(2, "CNY", "USD", "0.1392", "2027-01-10")]


def test_the_same_currency_is_one():
    used = RateTable([]).lookup("USD", "USD")
    assert used.rate == D(1) and used.entry is None and not used.inverse


def test_the_rate_effective_on_the_date_asked_for():
    table = RateTable(DEMO_RATES)
    assert table.rate("CNY", "USD", date(2027, 1, 4)) == D("0.1389")  # its first day
    assert table.rate("CNY", "USD", date(2027, 1, 9)) == D("0.1389")
    assert table.rate("CNY", "USD", date(2027, 1, 10)) == D("0.1392")
    assert table.rate("CNY", "USD", date(2027, 3, 1)) == D("0.1392")
    with pytest.raises(InvalidInput, match="no exchange rate from CNY to USD"):
        table.rate("CNY", "USD", date(2027, 1, 3))  # before any rate


def test_without_a_date_the_latest_rate_is_used_and_dated_lookups_are_not_spoiled_by_it():
    table = RateTable(DEMO_RATES[::-1])
    assert table.lookup("CNY", "USD").entry.id == 2
    assert table.rate("CNY", "USD") == D("0.1392")
    assert table.rate("CNY", "USD", date(2027, 1, 5)) == D("0.1389")  # after an undated lookup
    assert table.rate("USD", "CNY") == D("7.18390805")
    assert table.rate("USD", "CNY", date(2027, 1, 5)) == D("7.19942405")


def test_the_inverse_of_the_opposite_rate_rounded_half_up_to_eight_places():
    used = RateTable(DEMO_RATES).lookup("USD", "CNY", date(2027, 1, 5))
    # 1 / 0.1389 = 7.1994240460… → 7.19942405
    assert used.rate == D("7.19942405") and used.inverse and used.entry.id == 1
    assert inverse_rate(D("0.1392")) == D("7.18390805")  # 7.1839080459… → …05
    assert inverse_rate(D(8)) == D("0.12500000")
    assert inverse_rate(D(3)) == D("0.33333333")
    assert inverse_rate(D("1.5")) == D("0.66666667")  # 0.666666666… rounds up


def test_no_rate_either_way_is_refused_with_a_message():
    with pytest.raises(InvalidInput, match="no exchange rate from EUR to USD: add one in the budget's currencies"):
        RateTable(DEMO_RATES).rate("EUR", "USD")


def test_convert_multiplies_and_money_rounds_half_up():
    table = RateTable(DEMO_RATES)
    # 1000.05 CNY × 0.1389 = 138.906945 → 138.91
    assert table.convert(Money(D("1000.05"), "CNY"), "USD", date(2027, 1, 5)) == Money(D("138.91"), "USD")


def test_the_latest_entry_wins_between_two_directions_on_different_dates():
    table = RateTable([rate(1, "USD", "CNY", "7.20", "2027-01-01"), rate(2, "CNY", "USD", "0.1392", "2027-01-10")])
    assert table.rate("USD", "CNY", date(2027, 1, 5)) == D("7.20")
    assert table.rate("CNY", "USD", date(2027, 1, 5)) == inverse_rate(D("7.20")) == D("0.13888889")


def test_on_the_same_date_the_direct_rate_wins_whatever_order_they_were_entered_in():
    direct, opposite = rate(1, "USD", "CNY", "7.20", "2027-01-10"), rate(2, "CNY", "USD", "0.1392", "2027-01-10")
    for entries in ([direct, opposite], [opposite, direct]):
        assert RateTable(entries).rate("USD", "CNY") == D("7.20")
        assert RateTable(entries).rate("CNY", "USD") == D("0.1392")
    swapped = rate(1, "CNY", "USD", "0.1392", "2027-01-10"), rate(2, "USD", "CNY", "7.20", "2027-01-10")
    assert RateTable(list(swapped)).rate("USD", "CNY", date(2027, 1, 10)) == D("7.20")


@given(st.decimals(min_value=D("0.00000001"), max_value=1_000_000, places=8))
def test_random_rates_inverse_is_one_over_rounded_half_up(value):
    table = RateTable([rate(1, "CNY", "USD", f"{value}", "2027-01-04")])
    expected = (D(1) / value).quantize(D("0.00000001"), rounding=ROUND_HALF_UP)
    assert table.rate("USD", "CNY") == expected
    assert table.rate("CNY", "USD") == value
