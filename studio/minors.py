"""Performers under 18: how long they may work and be at the place of work on a shoot day, by their age
that day.

The limits are data (resources/templates/minor_hours.json: California's, as commonly summarised from the
Labor Code): per age band, the minutes of work (in front of the camera and rehearsing) and the minutes
at the place of work (work, rest, meals and school) a day; for every age, the hours of the day they may
work in (05:00 to 22:00). The school-day limits apply: a shoot day does
not say whether school is out, and the longer summer hours are the exception a producer checks. A
studio teacher is on set whenever a minor is.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass

from studio.day_sheet import CastCall, MinorOnSet
from studio.i18n import _
from studio.resources import load_json

ADULT_MONTHS = 18 * 12


@dataclass(frozen=True)
class MinorLimits:
    age_months: int
    work_minutes: int
    on_set_minutes: int
    earliest: int  # minutes after midnight
    latest: int
    jurisdiction: str
    jurisdiction_zh: str


def age_in_months(born: dt.date, on: dt.date) -> int:
    """Whole months of age on a date (a birthday counts on its day; 29 February on 28 February in other years)."""
    months = (on.year - born.year) * 12 + on.month - born.month
    return months - 1 if on.day < born.day and not _end_of_month(on, born) else months


def _end_of_month(on: dt.date, born: dt.date) -> bool:
    """A birthday on a day the month does not have (the 31st, 29 February) falls on the month's last day."""
    return (on + dt.timedelta(days=1)).month != on.month and born.day > on.day


def limits_on(born: dt.date | None, on: dt.date) -> MinorLimits | None:
    """A performer's limits on a date; None for an adult or a date of birth not known."""
    if born is None:
        return None
    months = age_in_months(born, on)
    rules = _rules()
    band = next((band for band in rules["bands"] if months < band["under_months"]), None)
    if band is None or months < 0:
        return None
    return MinorLimits(
        months,
        band["work_minutes"],
        band["on_set_minutes"],
        rules["earliest_minute"],
        rules["latest_minute"],
        rules["jurisdiction"],
        rules["jurisdiction_zh"],
    )


def minors_working(cast: list[CastCall], performers: dict, on: dt.date) -> list[MinorOnSet]:
    """The performers a call sheet calls to set (`performers`: by id) who are under 18 on its date."""
    found = []
    for line in cast:
        performer = performers[line.performer_id]
        limits = limits_on(performer.date_of_birth, on) if line.on_set is not None else None
        if limits is not None:
            name = performer.billed_name
            found.append(
                MinorOnSet(name, performer.name_zh, limits.age_months, limits.work_minutes, limits.on_set_minutes)
            )
    return found


@functools.cache
def _rules() -> dict:
    return load_json("templates/minor_hours.json")


def age_words(months: int, _: Callable[[str], str] = _) -> str:
    """age 7; age 18 months under two (`_`: the translator of a document's language)."""
    if months >= 24:
        return _("age {years}").format(years=months // 12)
    if months == 1:
        return _("age 1 month")
    return _("age {months} months").format(months=months) if months else _("a newborn")
