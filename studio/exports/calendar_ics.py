"""The shoot days as an iCalendar file (RFC 5545, written with icalendar): one event per shoot day.

An event runs from the day's crew call to its wrap as the schedule's clock has them (the call sheet's
crew call when one is entered), in the production's shoot time zone: the times carry its TZID and the
file carries its rules (a VTIMEZONE), so a calendar anywhere shows the day when it happens. The call is
a time on that day's wall clock; the length is time worked, so the wrap is that long after the call
even when the clocks change that night (a 12-hour day called at 18:00 the evening before the clocks go
back wraps at 05:00, not 06:00). A day with no scenes yet lasts the production's longest day from its
call. Each event is named "Day N of M — title", placed at the day's main location (the one with the
most scenes, then the others in order) and described by its pages, scenes and sets. UIDs are stable
per production and shoot day, so importing the file again updates the events rather than adding
copies. Days off are not events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, Event, Timezone
from sqlmodel import Session, select

from studio.errors import UserError
from studio.exports.files import write_atomically
from studio.formatting import format_eighths
from studio.i18n import _
from studio.models import Location, Production
from studio.productions import get_production
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, Day
from studio.schedule.board_loading import load_board
from studio.schedule.costs import DayTotals
from studio.schedule.timeline import DayTimes

PRODID = "-//Cliffhanger//Shoot calendar//EN"
# Control characters iCalendar text may not hold (icalendar escapes line breaks and keeps a tab).
FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def write_shoot_calendar(session: Session, production_id: int, target: Path, now: dt.datetime | None = None) -> Path:
    """Write the production's shoot days as an iCalendar file (.ics)."""
    if target.suffix.lower() != ".ics":
        raise UserError(
            _("cannot write a shoot calendar as {name}: choose a file ending in .ics").format(name=target.name)
        )
    data = shoot_calendar(session, production_id, now or dt.datetime.now(dt.UTC)).to_ical()
    return write_atomically(target, lambda path: path.write_bytes(data))


def shoot_calendar(session: Session, production_id: int, now: dt.datetime) -> Calendar:
    production = get_production(session, production_id)
    board = load_board(session, production_id)
    if not board.days:
        raise UserError(_("the schedule has no shoot days yet: add shoot days first"))
    zone = shoot_zone(production)
    analysis = BoardAnalysis(board)
    places = {
        location.id: location
        for location in session.exec(select(Location).where(Location.production_id == production_id))
    }
    events = [shoot_day_event(board, day, production, zone, analysis, places, now) for day in board.days]
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", plain(production.display_title()))
    # The zone's rules over the days the calendar spans (a day either side), before the events using them.
    first = min(event.decoded("dtstart") for event in events).date() - dt.timedelta(days=1)
    last = max(event.decoded("dtend") for event in events).date() + dt.timedelta(days=1)
    calendar.add_component(Timezone.from_tzinfo(zone, first_date=first, last_date=last))
    for event in events:
        calendar.add_component(event)
    return calendar


def shoot_zone(production: Production) -> ZoneInfo:
    try:
        return ZoneInfo(production.shoot_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            _("unknown time zone {zone}: set the production's shoot time zone").format(zone=production.shoot_timezone)
        ) from None


def shoot_day_event(
    board: Board,
    day: Day,
    production: Production,
    zone: ZoneInfo,
    analysis: BoardAnalysis,
    places: dict[int, Location],
    now: dt.datetime,
) -> Event:
    unit_days = [other for other in board.days if other.unit == day.unit]  # "of M": the unit's days
    summary = _("Day {number} of {total} — {title}").format(
        number=day.number or unit_days.index(day) + 1, total=len(unit_days), title=production.display_title()
    )
    start, end = call_and_wrap(day.date, analysis.times[day.id], zone, production.max_minutes_per_day)
    event = Event()
    event.add("uid", f"shootday-{day.id}-production-{production.id}@cliffhanger")
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", plain(summary))
    used = day_locations(board, day, places)
    if used:
        main, others = used[0], [location.name for location in used[1:]]
        where = ", ".join(part for part in (main.name, main.address) if part)
        if others:
            where += " " + _("(then {locations})").format(locations=", ".join(others))
        event.add("location", plain(where))
    event.add("description", plain(description(board, day, analysis.totals[day.id])))
    return event


def call_and_wrap(date: dt.date, times: DayTimes, zone: ZoneInfo, longest_day: int) -> tuple[dt.datetime, dt.datetime]:
    """DTSTART and DTEND: the day's call and wrap (a day without scenes: its call and the longest day).

    The call is minutes after local midnight on the wall clock (aware arithmetic in one zone is wall-clock
    arithmetic); a call the clocks skip in spring counts on from the clock before the change, as RFC 5545
    reads such a time (02:30 is 03:30). The wrap is the day's length of work after the call in elapsed
    time, whatever the clocks do in between."""
    call = dt.datetime.combine(date, dt.time(0), tzinfo=zone) + dt.timedelta(minutes=times.call)
    start = call.astimezone(dt.UTC)
    length = times.length if times.length > times.lead else longest_day
    return on_shoot_clock(start, zone), on_shoot_clock(start + dt.timedelta(minutes=length), zone)


def on_shoot_clock(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """`moment` as the shoot zone's clock shows it; in UTC when it falls in the hour the clocks go back
    and the clock shows it the second time, which a time with a TZID cannot name (RFC 5545 reads such a
    time as the first)."""
    local = moment.astimezone(zone)
    return moment if local.fold else local


def day_locations(board: Board, day: Day, places: dict[int, Location]) -> list[Location]:
    """The day's locations: the one with the most scenes first (on a tie, the one used first), then the
    others in shooting order."""
    used = [s.location_id for s in board.day_strips(day.id) if not s.is_banner and s.location_id in places]
    if not used:
        return []
    main = Counter(used).most_common(1)[0][0]
    return [places[main]] + [places[location_id] for location_id in dict.fromkeys(used) if location_id != main]


def description(board: Board, day: Day, totals: DayTotals) -> str:
    """The day's pages, scenes and sets (by name, in shooting order), a line each."""
    lines = [
        _("Pages: {pages}").format(pages=format_eighths(totals.eighths)),
        _("Scenes: {scenes}").format(scenes=totals.scenes),
    ]
    sets = dict.fromkeys(strip.set_name for strip in board.day_strips(day.id) if strip.set_name)
    if sets:
        lines.append(_("Sets: {sets}").format(sets=", ".join(sets)))
    return "\n".join(lines)


def plain(text: str) -> str:
    """Text without the control characters iCalendar forbids (people's text may hold them)."""
    return FORBIDDEN.sub("", text)
