from decimal import Decimal

import pytest

from studio.errors import InvalidInput
from studio.money import Money, round_to_currency


def test_rounds_half_up_to_the_currency_minor_unit():
    assert round_to_currency(Decimal("0.125"), "USD") == Decimal("0.13")
    assert round_to_currency(Decimal("-0.125"), "USD") == Decimal("-0.13")
    assert round_to_currency(Decimal("100.5"), "JPY") == Decimal("101")


def test_money_round_trips_through_minor_units():
    assert Money(Decimal("1234.56"), "usd").minor == 123456
    assert Money.from_minor(123456, "USD") == Money(Decimal("1234.56"), "USD")
    assert Money.from_minor(500, "JPY").amount == Decimal("500")


def test_money_refuses_floats_and_unknown_currencies():
    with pytest.raises(TypeError):
        Money(0.1, "USD")
    with pytest.raises(InvalidInput, match="unknown currency"):
        Money(Decimal(1), "XYZ")


def test_money_does_not_mix_currencies():
    with pytest.raises(ValueError, match="exchange rate"):
        Money(Decimal(1), "USD") + Money(Decimal(1), "CNY")


def test_multiplication_rounds_once():
    assert Money(Decimal("333.33"), "USD").times(Decimal("1.5")) == Money(Decimal("500.00"), "USD")
    assert Money(Decimal("0.01"), "USD").times(Decimal("0.5")).amount == Decimal("0.01")
