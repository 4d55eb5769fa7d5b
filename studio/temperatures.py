"""Temperatures: a call sheet stores them in whole °F (as US forecasts give them); people read and type
them in °C or °F.

Converting a whole °C to °F and rounding loses nothing that matters: 1 °C is 1.8 °F, so the °F stored is
within 0.5 °F (0.28 °C) of the exact value and converts back to the very °C typed. Whole °F typed are
stored as they are. Only a value read in the other unit than it was typed in is rounded, never stored.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from studio.edit_rules import whole_number
from studio.validation import normalized_text

# What the call sheet accepts (studio.edits), in °F and the same span in whole °C.
LOWEST_F, HIGHEST_F = -80, 140
LOWEST_C, HIGHEST_C = -62, 60


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def celsius(fahrenheit: int) -> int:
    """Whole °F in whole °C, rounded half away from zero."""
    return _whole((Decimal(fahrenheit) - 32) * 5 / 9)


def fahrenheit(celsius_degrees: int) -> int:
    """Whole °C in whole °F, rounded half away from zero."""
    return _whole(Decimal(celsius_degrees) * 9 / 5 + 32)


def shown(fahrenheit_degrees: int | None, unit: str) -> str:
    """A stored temperature as a number to read or edit in `unit` ("C" or "F"); "" for none."""
    if fahrenheit_degrees is None:
        return ""
    return str(celsius(fahrenheit_degrees) if unit == "C" else fahrenheit_degrees)


def entered(value: Any, unit: str) -> Any:
    """What a person typed in `unit` ("21", "21°C", "７０℉"), as the whole °F to store (None for nothing); a °C
    that is not a whole number in range is refused here, in °C (studio.errors.InvalidInput); °F go on to
    the field's own rule."""
    text = _without_unit(value, unit)
    if unit != "C":
        return text
    degrees = whole_number(LOWEST_C, HIGHEST_C)(text)
    return None if degrees is None else fahrenheit(degrees)


def _without_unit(value: Any, unit: str) -> Any:
    if not isinstance(value, str):
        return value
    text = normalized_text(value)  # ℃ and ℉ become °C and °F, full-width digits ASCII
    return text.removesuffix(f"°{unit}").removesuffix("°").strip()
