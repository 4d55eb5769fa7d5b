"""The shoot calendar's times, read back from the written file: the shoot zone's TZID and VTIMEZONE, and
the right instants on the nights the clocks change (every expected instant worked out by hand)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from studio.callsheet import call_sheet_id
from studio.edits import set_fields
from studio.exports.calendar_ics import write_shoot_calendar
from studio.productions import ProductionDetails, create_production
from studio.records import add_row

NOW = dt.datetime(2027, 1, 4, 12, 0, tzinfo=dt.UTC)


def utc(*fields: int) -> dt.datetime:
    return dt.datetime(*fields, tzinfo=dt.UTC)


def calendar_of(database, tmp_path: Path, zone: str, calls: dict[dt.date, str], longest_day: int = 720) -> Calendar:
    """A production shooting in `zone` on these dates, each with its crew call entered and no scenes yet (so
    each day lasts the production's longest day from its call), written and read back."""
    with database.transaction() as session:
        production = create_production(session, ProductionDetails("Night Shift", shoot_timezone=zone)).id
        set_fields(session, "production", production, {"max_minutes_per_day": longest_day})
        for date, crew_call in calls.items():
            day = add_row(session, "shoot_day", {"production_id": production}, {"shoot_date": date})
            set_fields(session, "call_sheet", call_sheet_id(session, day), {"crew_call": crew_call})
    with database.session() as session:
        path = write_shoot_calendar(session, production, tmp_path / "night shift.ics", now=NOW)
    return Calendar.from_ical(path.read_bytes())


def instants(calendar: Calendar) -> list[tuple[dt.datetime, dt.datetime]]:
    """Each event's start and end in UTC, as the file's own VTIMEZONE has them (not the zone database):
    a time with a TZID is taken on that component's clock, a UTC time as it is."""
    (component,) = calendar.timezones
    file_zone = component.to_tz(lookup_tzid=False)

    def instant(prop) -> dt.datetime:
        if "TZID" in prop.params:
            assert prop.params["TZID"] == component["TZID"]
            return prop.dt.replace(tzinfo=None).replace(tzinfo=file_zone).astimezone(dt.UTC)
        assert prop.to_ical().endswith(b"Z")
        return prop.dt.astimezone(dt.UTC)

    return [(instant(event["DTSTART"]), instant(event["DTEND"])) for event in calendar.events]


def test_the_calendar_carries_the_shoot_zone_and_its_daylight_saving_rules(demo, tmp_path):
    calendar = calendar_of(demo, tmp_path, "America/Los_Angeles", {dt.date(2027, 3, 13): "18:00"})
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "America/Los_Angeles"
    offsets = {(part.name, part["TZOFFSETFROM"].td, part["TZOFFSETTO"].td) for part in zone.subcomponents}
    assert ("DAYLIGHT", dt.timedelta(hours=-8), dt.timedelta(hours=-7)) in offsets
    (event,) = calendar.events
    assert event["DTSTART"].params["TZID"] == event["DTEND"].params["TZID"] == "America/Los_Angeles"
    assert event["SUMMARY"] == "Day 1 of 1 — Night Shift"
    assert event.decoded("DTSTAMP") == NOW


def test_a_day_across_the_spring_change_ends_twelve_hours_after_its_call(demo, tmp_path):
    # Los Angeles springs forward on Sunday 14 March 2027: at 02:00 PST (UTC-8) the clocks go to 03:00 PDT
    # (UTC-7). A 12-hour day called at 18:00 on Saturday 13 March:
    #   call 18:00 PST = 18:00 + 8 h = 02:00 UTC on 14 March
    #   wrap 02:00 UTC + 12 h = 14:00 UTC = 14:00 - 7 h = 07:00 PDT on 14 March (the wall clock loses an
    #   hour: naive 18:00 + 12 h would say 06:00)
    # Sunday 14 March, called at 06:00, is on the new clock: 06:00 PDT = 06:00 + 7 h = 13:00 UTC, wrapping
    # 12 hours later at 01:00 UTC on 15 March (18:00 PDT).
    calls = {dt.date(2027, 3, 13): "18:00", dt.date(2027, 3, 14): "06:00"}
    calendar = calendar_of(demo, tmp_path, "America/Los_Angeles", calls)
    assert instants(calendar) == [
        (utc(2027, 3, 14, 2, 0), utc(2027, 3, 14, 14, 0)),
        (utc(2027, 3, 14, 13, 0), utc(2027, 3, 15, 1, 0)),
    ]
    saturday, sunday = calendar.events
    assert saturday["DTSTART"].to_ical() == b"20270313T180000"
    assert saturday["DTEND"].to_ical() == b"20270314T070000"
    assert sunday["DTSTART"].to_ical() == b"20270314T060000"


def test_a_day_across_the_autumn_change_ends_twelve_hours_after_its_call(demo, tmp_path):
    # Los Angeles falls back on Sunday 7 November 2027: at 02:00 PDT (UTC-7) the clocks go back to 01:00
    # PST (UTC-8). A 12-hour day called at 18:00 on Saturday 6 November:
    #   call 18:00 PDT = 18:00 + 7 h = 01:00 UTC on 7 November
    #   wrap 01:00 UTC + 12 h = 13:00 UTC = 13:00 - 8 h = 05:00 PST on 7 November (the wall clock gains an
    #   hour: naive 18:00 + 12 h would say 06:00)
    # Sunday 7 November, called at 06:00, is on the new clock: 06:00 PST = 06:00 + 8 h = 14:00 UTC, wrapping
    # at 02:00 UTC on 8 November (18:00 PST).
    calls = {dt.date(2027, 11, 6): "18:00", dt.date(2027, 11, 7): "06:00"}
    calendar = calendar_of(demo, tmp_path, "America/Los_Angeles", calls)
    assert instants(calendar) == [
        (utc(2027, 11, 7, 1, 0), utc(2027, 11, 7, 13, 0)),
        (utc(2027, 11, 7, 14, 0), utc(2027, 11, 8, 2, 0)),
    ]
    saturday, sunday = calendar.events
    assert saturday["DTSTART"].to_ical() == b"20271106T180000"
    assert saturday["DTEND"].to_ical() == b"20271107T050000"
    assert sunday["DTSTART"].to_ical() == b"20271107T060000"


def test_a_wrap_the_second_time_the_clock_shows_that_hour_is_written_in_utc(demo, tmp_path):
    # An 8½-hour day called at 18:00 PDT on Saturday 6 November 2027 = 01:00 UTC on 7 November wraps at
    # 01:00 + 8:30 = 09:30 UTC = 09:30 - 8 h = 01:30 PST, the second time the clock shows 01:30 that night.
    # "TZID=America/Los_Angeles:20271107T013000" would be the first time (01:30 PDT = 08:30 UTC, an hour
    # early: RFC 5545 3.3.5), so that wrap is written in UTC.
    # A call in the hour the clocks skip in spring: 02:30 on 14 March 2027 counts on from the clock before
    # the change, as RFC 5545 reads it: 02:30 PST = 10:30 UTC (03:30 PDT), wrapping 8½ hours later at
    # 19:00 UTC (12:00 PDT).
    calls = {dt.date(2027, 3, 14): "02:30", dt.date(2027, 11, 6): "18:00"}
    calendar = calendar_of(demo, tmp_path, "America/Los_Angeles", calls, longest_day=8 * 60 + 30)
    assert instants(calendar) == [
        (utc(2027, 3, 14, 10, 30), utc(2027, 3, 14, 19, 0)),
        (utc(2027, 11, 7, 1, 0), utc(2027, 11, 7, 9, 30)),
    ]
    spring, autumn = calendar.events
    assert spring["DTSTART"].to_ical() == b"20270314T033000"  # the time the clock really shows
    assert autumn["DTEND"].to_ical() == b"20271107T093000Z" and "TZID" not in autumn["DTEND"].params


def test_a_zone_without_daylight_saving(demo, tmp_path):
    # Shanghai keeps UTC+8 all year, so the nights Los Angeles changes its clocks are ordinary there:
    #   call 18:00 CST on 13 March 2027 = 18:00 - 8 h = 10:00 UTC; wrap 10:00 + 12 h = 22:00 UTC (06:00 CST
    #   on 14 March)
    #   call 18:00 CST on 6 November 2027 = 10:00 UTC; wrap 22:00 UTC (06:00 CST on 7 November)
    calls = {dt.date(2027, 3, 13): "18:00", dt.date(2027, 11, 6): "18:00"}
    calendar = calendar_of(demo, tmp_path, "Asia/Shanghai", calls)
    (zone,) = calendar.timezones
    assert zone["TZID"] == "Asia/Shanghai" and not zone.walk("DAYLIGHT")
    assert {part["TZOFFSETTO"].td for part in zone.walk("STANDARD")} == {dt.timedelta(hours=8)}
    assert instants(calendar) == [
        (utc(2027, 3, 13, 10, 0), utc(2027, 3, 13, 22, 0)),
        (utc(2027, 11, 6, 10, 0), utc(2027, 11, 6, 22, 0)),
    ]
    assert [event["DTEND"].to_ical() for event in calendar.events] == [b"20270314T060000", b"20271107T060000"]
