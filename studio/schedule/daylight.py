"""Sunrise, sunset, dusk and dawn for a place and date, in the place's own time zone (astral).

Night scenes start at dusk (civil twilight's end), day scenes finish by sunset, and a night of exteriors
wraps by the next civil dawn (civil twilight's start). Where the sun does not
set or rise that day (far north or south), or the place has no coordinates, there are no sun times:
callers say so rather than guess.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from astral import Observer
from astral.sun import sun


@dataclass(frozen=True)
class SunTimes:
    sunrise: dt.datetime
    sunset: dt.datetime
    dusk: dt.datetime
    dawn: dt.datetime

    def minutes(self, date: dt.date) -> tuple[int, int]:
        """(sunset, dusk) in minutes after the local midnight that starts `date`."""
        midnight = dt.datetime.combine(date, dt.time(0), tzinfo=self.sunset.tzinfo)
        sunset, dusk = _minutes_since(midnight, self.sunset), _minutes_since(midnight, self.dusk)
        # Far north in summer astral gives the dusk of the small hours: it is dark after midnight.
        return sunset, dusk + 24 * 60 if dusk < sunset else dusk

    def dawn_after(self, date: dt.date) -> int:
        """This dawn in minutes after the local midnight that starts `date`, the day before (25:00 past it)."""
        midnight = dt.datetime.combine(date, dt.time(0), tzinfo=self.dawn.tzinfo)
        return _minutes_since(midnight, self.dawn)


def _minutes_since(start: dt.datetime, moment: dt.datetime) -> int:
    return round((moment - start).total_seconds() / 60)


def zone_or_none(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def sun_times(
    date: dt.date, latitude: Decimal | float | None, longitude: Decimal | float | None, timezone: str
) -> SunTimes | None:
    """The day's sun times at a place, or None without coordinates, a known time zone, or a sunset."""
    zone = zone_or_none(timezone)
    if latitude is None or longitude is None or zone is None:
        return None
    try:
        times = sun(Observer(float(latitude), float(longitude)), date=date, tzinfo=zone)
    except ValueError:  # the sun stays up, or down, all day
        return None
    return SunTimes(times["sunrise"], times["sunset"], times["dusk"], times["dawn"])
