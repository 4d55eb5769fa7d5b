"""Checks for what people type: phone numbers, email addresses, amounts, dates, places on the map.

Each check returns the cleaned value or raises InvalidInput with a message a producer can act on;
the same checks guard inline edits, forms and CSV imports, so nothing invalid is ever stored.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.numbers import get_currency_symbol

from studio.errors import InvalidInput
from studio.i18n import _
from studio.money import beyond_limit_message, check_currency, minor_unit_digits, within_limit

# Larger than any day, week or flat fee a micro-drama pays in any currency; a bigger number is a typo
# (a phone number pasted into the rate column, a missing decimal point). Any amount must also be within
# studio.money's one limit (MAX_MINOR: 15 significant digits), the same on every database.
MAX_AMOUNT = Decimal(10_000_000)

_PHONE_CHARACTERS = re.compile(r"\+?[0-9 ()./-]+(?:\s*(?:ext\.?|x|#)\s*[0-9]{1,6})?", re.IGNORECASE)
_EXTENSION = re.compile(r"(?:ext\.?|x|#)\s*[0-9]+$", re.IGNORECASE)
# One address: a dot-atom's characters before the @ (letters of any script among them), a domain of
# labels after it; never a comma, a space, quotes or brackets, which would make it two addresses or none.
_EMAIL = re.compile(r"[\w!#$%&'*+/=?^`{|}~.-]+@(?:[\w-]+\.)+[^\W\d_]{2,}")
_AMOUNT = re.compile(r"[0-9]{1,3}(?:[, ][0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]*)?|\.[0-9]+")


def normalized_text(value: object) -> str:
    """Full-width digits and signs (＋８６ １３８…) become ASCII; runs of spaces become one."""
    return " ".join(unicodedata.normalize("NFKC", str(value or "")).split())


def phone(value: object) -> str:
    """An optional phone number: digits with the usual separators, 7 to 15 digits, an optional extension."""
    text = normalized_text(value)
    if not text:
        return ""
    digits = re.sub(r"[^0-9]", "", _EXTENSION.sub("", text))
    if not _PHONE_CHARACTERS.fullmatch(text) or not 7 <= len(digits) <= 15:
        raise InvalidInput(
            _("{value} is not a phone number (expected digits such as +1 310 555 0100 or +86 138 0013 8000)").format(
                value=repr(text)
            )
        )
    return text


def email(value: object) -> str:
    """An optional email address, stored in the case it was typed."""
    text = normalized_text(value)
    if not text:
        return ""
    if len(text) > 200 or not _EMAIL.fullmatch(text) or ".." in text or text[:1] in "=+-@":
        raise InvalidInput(_("{value} is not an email address (expected name@example.com)").format(value=repr(text)))
    return text


_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_HOST = re.compile(rf"(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})*")


def host_name(value: object) -> str:
    """An optional server's name (smtp.example.com) or IPv4 address."""
    text = normalized_text(value)
    if text and not _HOST.fullmatch(text):
        raise InvalidInput(
            _("{value} is not a server's name (expected e.g. smtp.example.com)").format(value=repr(text))
        )
    return text


def amount(value: object, currency: str) -> Decimal | None:
    """An optional amount of money in `currency`: not negative, not absurd, no finer than its minor unit.

    Thousands separators ("1,200.50") and the currency's own code or symbol ("$450", "3500 CNY") are
    accepted; another currency's is refused rather than silently read as this one. The number is
    never read through float.
    """
    text = str(value) if isinstance(value, Decimal) else normalized_text(value)
    if not text:
        return None
    number_text, marker = _split_marker(text)
    if marker and marker.upper() not in _markers(currency):
        raise InvalidInput(
            _("{value} is not in {currency}: enter the amount in {currency}, or change the currency").format(
                value=repr(text), currency=currency
            )
        )
    if number_text.startswith("-") and _AMOUNT.fullmatch(number_text[1:]):
        raise InvalidInput(_("{value} is negative: amounts cannot be below zero").format(value=repr(text)))
    if not _AMOUNT.fullmatch(number_text):
        raise InvalidInput(
            _("{value} is not an amount (expected a number such as 450 or 1,200.50)").format(value=repr(text))
        )
    number = Decimal(number_text.replace(",", "").replace(" ", ""))
    if not within_limit(number, currency):
        raise InvalidInput(beyond_limit_message(number, currency))
    if number > MAX_AMOUNT:
        raise InvalidInput(
            _("{value} is more than {limit}: check the amount").format(value=repr(text), limit=f"{MAX_AMOUNT:,}")
        )
    digits = minor_unit_digits(currency)
    if number != number.quantize(Decimal(1).scaleb(-digits)):
        raise InvalidInput(
            _("{value} has more decimal places than {currency} allows ({digits})").format(
                value=repr(text), currency=currency, digits=digits
            )
        )
    return number


_MARKER = re.compile(r"^([^\d\s.,()=+@-]*)\s*(.*?)\s*([^\d\s.,()=+@-]*)$")


def _split_marker(text: str) -> tuple[str, str]:
    """ "US$ 1,200" → ("1,200", "US$"); "3500 CNY" → ("3500", "CNY"); at most one marker."""
    match = _MARKER.match(text)
    prefix, number, suffix = match.groups()
    if (prefix and suffix) or not number:
        return text, ""  # not an amount; the number check says so
    return number, prefix or suffix


@cache
def _markers(code: str) -> frozenset[str]:
    """The ways an amount in this currency may be labelled: its code and its symbols in the app's locales."""
    symbols = {get_currency_symbol(code, locale=locale) for locale in ("en_US", "en_GB", "zh_CN")}
    symbols |= {name for name, alias in CURRENCY_ALIASES.items() if alias == code}
    return frozenset(marker.upper() for marker in {code, *symbols})


# What producers write for a currency besides its ISO code.
CURRENCY_ALIASES = {
    "RMB": "CNY",
    "人民币": "CNY",
    "元": "CNY",
    "美元": "USD",
    "美金": "USD",
    "欧元": "EUR",
    "日元": "JPY",
    "港币": "HKD",
    "英镑": "GBP",
}


def currency(value: object) -> str:
    text = normalized_text(value)
    return check_currency(CURRENCY_ALIASES.get(text.upper(), CURRENCY_ALIASES.get(text, text)))


def timezone(value: object) -> str:
    name = normalized_text(value)
    if not name:
        raise InvalidInput(_("a time zone is needed: times on call sheets are local (such as America/Los_Angeles)"))
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput(
            _("unknown time zone {name} (expected a name such as America/Los_Angeles)").format(name=repr(name))
        ) from None
    return name


def latitude(value: object) -> Decimal | None:
    return _coordinate(value, 90, _("latitude"))


def longitude(value: object) -> Decimal | None:
    return _coordinate(value, 180, _("longitude"))


def _coordinate(value: object, limit: int, what: str) -> Decimal | None:
    text = normalized_text(value)
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or abs(number) > limit:
        raise InvalidInput(
            _("{value} is not a {what} (expected a number from -{limit} to {limit})").format(
                value=repr(text), what=what, limit=limit
            )
        )
    return number.quantize(Decimal("0.0000001"))


# Dates a production plans with; anything outside is a typo (1927 for 2027), not a booking.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        day = value
    else:
        text = normalized_text(value)
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(_("{value} is not a date (expected YYYY-MM-DD)").format(value=repr(text))) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise InvalidInput(
            _("{value} is outside {first}–{last}: check the year").format(
                value=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR
            )
        )
    return day


_CLOCK = re.compile(r"([0-9]{1,2})(?:[:.h]([0-9]{2}))?\s*(am|pm|a|p)?", re.IGNORECASE)
_MILITARY = re.compile(r"([0-2][0-9])([0-5][0-9])")  # 0630, as American call sheets write it
_CHINESE_HALF_DAY = {"凌晨": "am", "早上": "am", "上午": "am", "中午": "pm", "下午": "pm", "晚上": "pm"}


def time_of_day(value: object) -> dt.time | None:
    """An optional time of day: 07:30, 7.30, 7h30, 0730; 7:30 pm, 下午7:30, 下午7点半 and 19点30 alike."""
    if isinstance(value, dt.time):  # a stored time coming back (undo)
        return value.replace(second=0, microsecond=0)
    typed = normalized_text(value)
    text = typed.replace("：", ":").replace(" ", "")
    if not text:
        return None
    text = re.sub(r"([ap])\.m\.?", r"\1m", text, flags=re.IGNORECASE)  # 7:30 a.m.
    midnight_words = any(word in text for word in ("晚上12", "凌晨12"))  # 晚上12点 is midnight, not noon
    for word, mark in _CHINESE_HALF_DAY.items():
        if word in text:
            text = text.replace(word, "") + mark
    text = re.sub(r"[点時时](半|30分?)", ":30", text)
    text = re.sub(r"[点時时]([0-9]{1,2})分?", lambda m: f":{int(m.group(1)):02d}", text)
    text = re.sub(r"[点時时]", "", text)
    military = _MILITARY.fullmatch(text)
    match = _CLOCK.fullmatch(f"{military.group(1)}:{military.group(2)}" if military else text)
    hour, minute = (int(match.group(1)), int(match.group(2) or 0)) if match else (99, 0)
    suffix = (match.group(3) or "").lower()[:1] if match else ""
    if suffix and 1 <= hour <= 12:
        hour = hour % 12 + (12 if suffix == "p" else 0)
    elif suffix and not (suffix == "p" and hour > 12):  # 下午19点: the hour already says afternoon
        hour = 99
    if midnight_words and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise InvalidInput(
            _("{value} is not a time of day (expected hours and minutes, such as 07:30)").format(value=repr(typed))
        )
    return dt.time(hour, minute)


def date_range(start: object, end: object) -> tuple[dt.date, dt.date]:
    first, last = date(start), date(end)
    if last < first:
        raise InvalidInput(
            _("the end date {end} is before the start date {start}").format(end=last.isoformat(), start=first)
        )
    return first, last


def not_formula(text: str) -> str:
    """Refuse text a spreadsheet would run as a formula (=cmd|…, @SUM…, +A1…): it can only be an attack."""
    if text[:1] in ("=", "@", "\t", "\r") or (text[:1] in ("+", "-") and not _PHONE_CHARACTERS.fullmatch(text)):
        raise InvalidInput(
            _("{value} looks like a spreadsheet formula, which is not accepted").format(value=repr(text))
        )
    return text


def choice(value: object, allowed: list[str], what: str) -> str:
    text = normalized_text(value).upper()
    if text not in allowed:
        raise InvalidInput(
            _("{value} is not a {what} (expected one of {allowed})").format(
                value=repr(normalized_text(value)), what=what, allowed=", ".join(allowed)
            )
        )
    return text
