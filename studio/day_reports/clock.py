"""A reported day's clock: minutes after the shoot date's midnight, written as production reports write
them, past 24:00 after midnight (a wrap at half past one the next morning is 25:30, or 01:30+1)."""

from __future__ import annotations

import re
from typing import NamedTuple

from studio import validation
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models.day_report import LAST_MINUTE

DAY = 24 * 60
_PAST_MIDNIGHT = re.compile(r"(2[4-9]|[3-9][0-9])[:.h]([0-5][0-9])")  # beyond 47:59: refused, as off the clock
_NEXT_DAY = re.compile(r"(.*?)\s*\+\s*1")


class Span(NamedTuple):
    """A meal: when it started and ended."""

    start: int
    end: int

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def __str__(self) -> str:
        return f"{clock(self.start)}–{clock(self.end)}"


def clock(minutes: int | None) -> str:
    """07:00, 25:30; "" for none."""
    if minutes is None:
        return ""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def duration(minutes: int) -> str:
    """A length of time as h:mm (12:42)."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def clock_minutes(value: object) -> int | None:
    """A time on the day's clock: 07:30 (and every way validation.time_of_day reads one), 25:30 or
    01:30+1 after midnight; a stored number of minutes as it is."""
    if value is None or isinstance(value, int):
        minutes = value
    else:
        text = validation.normalized_text(value).replace("：", ":").replace(" ", "")
        if not text:
            return None
        next_day = _NEXT_DAY.fullmatch(text)
        past = _PAST_MIDNIGHT.fullmatch(text)
        if past:
            minutes = int(past.group(1)) * 60 + int(past.group(2))
        else:
            time = validation.time_of_day(next_day.group(1) if next_day else text)
            if time is None:  # "+1" alone
                raise InvalidInput(
                    _("{value} is not a time of day (expected hours and minutes, such as 07:30)").format(
                        value=repr(text)
                    )
                )
            minutes = time.hour * 60 + time.minute + (DAY if next_day else 0)
    if minutes is not None and not 0 <= minutes <= LAST_MINUTE:
        raise InvalidInput(
            _("{value} is not a time on the day's clock (00:00 to 47:59)").format(value=repr(clock(minutes)))
        )
    return minutes


def span(value: object) -> Span | None:
    """A meal typed as 13:00-13:30 (or 13:00–13:30, 13:00 to 13:30); a stored span as it is; none for ""."""
    if value is None or isinstance(value, Span):
        return value
    if isinstance(value, tuple):
        return Span(*(clock_minutes(part) for part in value))
    text = validation.normalized_text(value)
    if not text:
        return None
    parts = re.split(r"\s*(?:–|—|-|~|to|至|到)\s*", text)
    if len(parts) != 2 or not all(parts):
        raise InvalidInput(_("{value} is not a meal's start and end (expected 13:00-13:30)").format(value=repr(text)))
    start, end = clock_minutes(parts[0]), clock_minutes(parts[1])
    if end <= start:
        raise InvalidInput(
            _("the meal ends ({end}) before it starts ({start})").format(end=clock(end), start=clock(start))
        )
    return Span(start, end)
