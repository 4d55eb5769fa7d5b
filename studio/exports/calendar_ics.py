"""The shoot days as an iCalendar file (RFC 5545), written by hand: one event per shoot day.

An event runs from the day's crew call to its wrap as the schedule's clock has them (the call sheet's
crew call when one is entered; in the production's shoot time zone, written in UTC); a day with no
scenes yet lasts the production's longest day from its call. Each event is named "Day N of M —
title", placed at the day's main location (the one with the most scenes, then the others in order)
and described by its pages, scenes and sets. UIDs are stable per production and shoot day, so
importing the file again updates the events rather than adding copies. Days off are not events.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, select

from studio.errors import UserError
from studio.exports.files import write_atomically
from studio.formatting import format_eighths
from studio.i18n import _
from studio.models import Location, Production
from studio.productions import get_production
from studio.schedule.board import Board, Day, load_board
from studio.schedule.costs import day_totals
from studio.schedule.timeline import DayTimes, day_times

PRODID = "-//Cliffhanger//Shoot calendar//EN"
LINE_OCTETS = 75  # the longest a content line may be, without its CRLF
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")  # not allowed in TEXT (a tab is)


def write_shoot_calendar(session: Session, production_id: int, target: Path, now: dt.datetime | None = None) -> Path:
    """Write the production's shoot days as an iCalendar file (.ics)."""
    if target.suffix.lower() != ".ics":
        raise UserError(
            _("cannot write a shoot calendar as {name}: choose a file ending in .ics").format(name=target.name)
        )
    lines = calendar_lines(session, production_id, now or dt.datetime.now(dt.UTC))
    data = "".join(f"{fold(line)}\r\n" for line in lines).encode("utf-8")
    return write_atomically(target, lambda path: path.write_bytes(data))


def calendar_lines(session: Session, production_id: int, now: dt.datetime) -> list[str]:
    production = get_production(session, production_id)
    board = load_board(session, production_id)
    if not board.days:
        raise UserError(_("the schedule has no shoot days yet: add shoot days first"))
    zone = shoot_zone(production)
    times = day_times(board)
    places = {
        location.id: location
        for location in session.exec(select(Location).where(Location.production_id == production_id))
    }
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(production.display_title())}",
    ]
    for day in board.days:
        lines += event_lines(board, day, production, zone, times[day.id], places, now)
    return [*lines, "END:VCALENDAR"]


def shoot_zone(production: Production) -> ZoneInfo:
    try:
        return ZoneInfo(production.shoot_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            _("unknown time zone {zone}: set the production's shoot time zone").format(zone=production.shoot_timezone)
        ) from None


def event_lines(
    board: Board,
    day: Day,
    production: Production,
    zone: ZoneInfo,
    times: DayTimes,
    places: dict[int, Location],
    now: dt.datetime,
) -> list[str]:
    unit_days = [other for other in board.days if other.unit == day.unit]  # "of M": the unit's days
    summary = _("Day {number} of {total} — {title}").format(
        number=day.number or unit_days.index(day) + 1, total=len(unit_days), title=production.display_title()
    )
    lines = [
        "BEGIN:VEVENT",
        f"UID:shootday-{day.id}-production-{production.id}@cliffhanger",
        f"DTSTAMP:{utc_stamp(now)}",
        *timing_lines(day.date, times, zone, production.max_minutes_per_day),
        f"SUMMARY:{escape_text(summary)}",
    ]
    used = day_locations(board, day, places)
    if used:
        main, others = used[0], [location.name for location in used[1:]]
        where = ", ".join(part for part in (main.name, main.address) if part)
        if others:
            where += " " + _("(then {locations})").format(locations=", ".join(others))
        lines.append(f"LOCATION:{escape_text(where)}")
    lines.append(f"DESCRIPTION:{escape_text(description(board, day))}")
    return [*lines, "END:VEVENT"]


def timing_lines(date: dt.date, times: DayTimes, zone: ZoneInfo, longest_day: int) -> list[str]:
    """DTSTART and DTEND: the day's call and wrap (a day without scenes: its call and the longest day)."""
    midnight = dt.datetime.combine(date, dt.time(0), tzinfo=zone)
    # Wall-clock minutes from the local midnight, so a daylight-saving change that night is honoured.
    start = (midnight + dt.timedelta(minutes=times.call)).astimezone(dt.UTC)
    length = times.length if times.length > 0 else longest_day
    return [f"DTSTART:{utc_stamp(start)}", f"DTEND:{utc_stamp(start + dt.timedelta(minutes=length))}"]


def day_locations(board: Board, day: Day, places: dict[int, Location]) -> list[Location]:
    """The day's locations: the one with the most scenes first (on a tie, the one used first), then the
    others in shooting order."""
    used = [s.location_id for s in board.day_strips(day.id) if not s.is_banner and s.location_id in places]
    if not used:
        return []
    main = Counter(used).most_common(1)[0][0]
    return [places[main]] + [places[location_id] for location_id in dict.fromkeys(used) if location_id != main]


def description(board: Board, day: Day) -> str:
    """The day's pages, scenes and sets (by name, in shooting order), a line each."""
    totals = day_totals(board, day.id)
    lines = [
        _("Pages: {pages}").format(pages=format_eighths(totals.eighths)),
        _("Scenes: {scenes}").format(scenes=totals.scenes),
    ]
    sets = dict.fromkeys(strip.set_name for strip in board.day_strips(day.id) if strip.set_name)
    if sets:
        lines.append(_("Sets: {sets}").format(sets=", ".join(sets)))
    return "\n".join(lines)


def utc_stamp(moment: dt.datetime) -> str:
    return f"{moment.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}"


def escape_text(text: str) -> str:
    """A TEXT value: backslashes, semicolons and commas escaped, line breaks as \\n, other controls dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")
    return CONTROL.sub("", text)


def fold(line: str) -> str:
    """A content line folded so that no physical line is longer than 75 octets (UTF-8), never inside a
    character; each continuation starts with a space."""
    pieces, current, size = [], [], 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return "\r\n".join(pieces)
