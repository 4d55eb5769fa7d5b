from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from studio import validation
from studio.errors import InvalidInput


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("(310) 555-0100", "(310) 555-0100"),
        ("+86 138 0013 8000", "+86 138 0013 8000"),
        ("＋８６ １３８００１３８０００", "+86 13800138000"),
        ("  +1 213.555.0140  ext 12 ", "+1 213.555.0140 ext 12"),
        ("", ""),
    ],
)
def test_phone_numbers_are_accepted_and_tidied(typed, stored):
    assert validation.phone(typed) == stored


@pytest.mark.parametrize("typed", ["call me", "12345", "+1 310 555 0100 0000 0000", "310-555-01OO", "1+2345678"])
def test_text_that_is_not_a_phone_number_is_refused(typed):
    with pytest.raises(InvalidInput, match="not a phone number"):
        validation.phone(typed)


@pytest.mark.parametrize("typed", ["ming.li@example.com", "Casting+LA@Example.co.uk", "李明@例子.中国"])
def test_email_addresses_are_accepted(typed):
    assert validation.email(typed) == typed


@pytest.mark.parametrize(
    "typed",
    [
        "ming.li",
        "a@b",
        "a b@example.com",
        "a@@example.com",
        "a..b@example.com",
        "bob,alice@example.com",  # two addresses to a mail server
        "x@example.com>, y@example.org",
        '"quoted"@example.com',
        "a@exa mple.com",
        "a@example.c0m",
    ],
)
def test_text_that_is_not_an_email_address_is_refused(typed):
    with pytest.raises(InvalidInput, match="not an email address"):
        validation.email(typed)


@pytest.mark.parametrize(
    ("typed", "currency", "amount"),
    [
        ("450", "USD", Decimal("450")),
        ("1,200.50", "USD", Decimal("1200.50")),
        ("$ 1,200.50", "USD", Decimal("1200.50")),
        ("3500 CNY", "CNY", Decimal("3500")),
        ("120000", "JPY", Decimal("120000")),
        ("0", "USD", Decimal("0")),
        ("", "USD", None),
    ],
)
def test_amounts_are_read_exactly(typed, currency, amount):
    assert validation.amount(typed, currency) == amount


@pytest.mark.parametrize(
    ("typed", "currency", "message"),
    [
        ("-450", "USD", "negative"),
        ("abc", "USD", "not an amount"),
        ("1e9", "USD", "not an amount"),
        ("3105550100", "USD", "more than"),
        ("450.505", "USD", "more decimal places than USD"),
        ("120000.5", "JPY", "more decimal places than JPY"),
        ("12.5.0", "USD", "not an amount"),
    ],
)
def test_negative_absurd_and_malformed_amounts_are_refused(typed, currency, message):
    with pytest.raises(InvalidInput, match=message):
        validation.amount(typed, currency)


def test_dates_and_ranges():
    assert validation.date_range("2027-01-11", "2027-01-12") == (dt.date(2027, 1, 11), dt.date(2027, 1, 12))
    with pytest.raises(InvalidInput, match="before the start date"):
        validation.date_range("2027-01-12", "2027-01-11")
    with pytest.raises(InvalidInput, match="not a date"):
        validation.date("2027-02-30")
    with pytest.raises(InvalidInput, match="check the year"):
        validation.date_range("1927-01-11", "2999-01-12")


def test_coordinates_and_time_zones():
    assert validation.latitude("34.0511") == Decimal("34.0511000")
    with pytest.raises(InvalidInput, match="not a latitude"):
        validation.latitude("134")
    with pytest.raises(InvalidInput, match="not a longitude"):
        validation.longitude("west")
    assert validation.timezone("Europe/Berlin") == "Europe/Berlin"
    with pytest.raises(InvalidInput, match="unknown time zone"):
        validation.timezone("Pacific Time")


@pytest.mark.parametrize("text", ['=cmd|" /C calc"!A0', "@SUM(A1)", "+A1+B1", "-2+3", "\t=1"])
def test_formula_like_text_is_refused(text):
    with pytest.raises(InvalidInput, match="spreadsheet formula"):
        validation.not_formula(text)


def test_phone_numbers_and_names_are_not_mistaken_for_formulas():
    assert validation.not_formula("+1 310 555 0100") == "+1 310 555 0100"
    assert validation.not_formula("Zhang Wei") == "Zhang Wei"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7:30", dt.time(7, 30)),
        ("7.30", dt.time(7, 30)),
        ("0630", dt.time(6, 30)),
        ("7:30 pm", dt.time(19, 30)),
        ("12am", dt.time(0, 0)),
        ("１９：３０", dt.time(19, 30)),
        ("下午6点", dt.time(18, 0)),
        ("下午6点半", dt.time(18, 30)),
        ("18点30", dt.time(18, 30)),
        ("6:30 下午", dt.time(18, 30)),
        ("早上7点15分", dt.time(7, 15)),
        ("晚上12点", dt.time(0, 0)),
        (dt.time(7, 30), dt.time(7, 30)),  # a stored time, as undo hands it back
        ("7:30 a.m.", dt.time(7, 30)),
        ("1:30 P.M.", dt.time(13, 30)),
        ("", None),
    ],
)
def test_times_of_day_as_producers_type_them(typed, expected):
    assert validation.time_of_day(typed) == expected


@pytest.mark.parametrize("typed", ["25:00", "7:75", "730", "soon", "=NOW()"])
def test_impossible_times_are_refused_quoting_what_was_typed(typed):
    with pytest.raises(InvalidInput, match="is not a time of day") as refused:
        validation.time_of_day(typed)
    assert repr(typed) in str(refused.value)
