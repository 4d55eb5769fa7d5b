"""What is wrong with a schedule: performers or locations booked when unavailable, a location on two
units at once, a day over its page or hour limit, a call too soon after the last wrap, exteriors after sunset or
(at night) after dawn, a minor working or at work longer than their age allows."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from studio.cast_calls import scene_starts
from studio.formatting import format_eighths
from studio.i18n import _, local_name
from studio.minors import age_words, limits_on
from studio.schedule.board import Board, Day
from studio.schedule.costs import DayTotals
from studio.schedule.timeline import TURNAROUND_MINUTES, DayTimes, clock, hours


@dataclass(frozen=True)
class Conflict:
    kind: str  # cast_unavailable, location_unavailable, location_double_booked, cast_double_booked,
    #            over_pages, over_hours, turnaround, daylight, dawn, minor_hours
    day_id: int
    strip_ids: tuple[int, ...]
    message: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "day_id": self.day_id, "strip_ids": list(self.strip_ids), "message": self.message}


def find_conflicts(
    board: Board,
    times: dict[int, DayTimes],
    totals: dict[int | None, DayTotals],
    unavailable: Mapping[int, list[Conflict]],
) -> list[Conflict]:
    """What is wrong with the board, from each shoot day's clock, totals and who or where it books that
    is unavailable then (`unavailable_on`), as studio.schedule.analysis works them out."""
    conflicts: list[Conflict] = []
    for day in board.days:
        conflicts += unavailable[day.id]
        conflicts += _limits(board, day, times[day.id], totals[day.id])
        conflicts += _clock(board, day, times[day.id])
        conflicts += _dawn(board, day, times[day.id])
        conflicts += _minors(board, day, times[day.id])
    conflicts += _double_bookings(board)
    return conflicts


def unavailable_on(board: Board, day: Day) -> list[Conflict]:
    """The performers and locations a day's strips need on a date they are unavailable."""
    found = []
    needs: dict[tuple[str, int], list[int]] = defaultdict(list)
    for strip in board.day_strips(day.id):
        for performer_id in strip.cast:
            if day.date in board.cast[performer_id].unavailable:
                needs[("cast", performer_id)].append(strip.id)
        if strip.location_id is not None and day.date in board.places[strip.location_id].unavailable:
            needs[("location", strip.location_id)].append(strip.id)
    for (kind, owner_id), strip_ids in needs.items():
        owner = board.cast[owner_id] if kind == "cast" else board.places[owner_id]
        reason = owner.reasons.get(day.date) or _("no reason given")
        found.append(
            Conflict(
                f"{kind}_unavailable",
                day.id,
                tuple(strip_ids),
                _("Day {day}: {name} is unavailable ({reason})").format(
                    day=day.number, name=local_name(owner.name, owner.name_zh), reason=reason
                ),
            )
        )
    return found


def _limits(board: Board, day: Day, times: DayTimes, totals: DayTotals) -> list[Conflict]:
    strip_ids = _scene_ids(board, day)
    found = []
    if totals.eighths > board.limits.eighths:
        found.append(
            Conflict(
                "over_pages",
                day.id,
                strip_ids,
                _("Day {day}: {pages} pages, over the limit of {limit}").format(
                    day=day.number, pages=format_eighths(totals.eighths), limit=format_eighths(board.limits.eighths)
                ),
            )
        )
    if times.length > board.limits.minutes:
        found.append(
            Conflict(
                "over_hours",
                day.id,
                strip_ids,
                _("Day {day}: {hours} hours from call ({call}) to wrap ({wrap}), over the limit of {limit}").format(
                    day=day.number,
                    hours=hours(times.length),
                    call=clock(times.call),
                    wrap=clock(times.wrap),
                    limit=hours(board.limits.minutes),
                ),
            )
        )
    return found


def _scene_ids(board: Board, day: Day) -> tuple[int, ...]:
    return tuple(strip.id for strip in board.day_strips(day.id) if not strip.is_banner)


def _clock(board: Board, day: Day, times: DayTimes) -> list[Conflict]:
    """Too little rest since the last wrap, or exterior day scenes still shooting after sunset."""
    rested = times.rested_call
    if rested is not None and times.call < rested:
        return [
            Conflict(
                "turnaround",
                day.id,
                _scene_ids(board, day),
                _(
                    "Day {day} calls at {call}, less than {hours} hours after the last wrap: call at {rested} or later"
                ).format(day=day.number, call=clock(times.call), hours=TURNAROUND_MINUTES // 60, rested=clock(rested)),
            )
        ]
    if times.daylight_end is None or times.daylight_end <= times.sunset:
        return []
    outside = tuple(s.id for s in board.day_strips(day.id) if s.needs_daylight)
    daylight = times.lead + times.work.daylight  # from the call
    if rested is not None and rested + daylight > times.sunset and rested > board.limits.first_call:
        message = _(
            "Day {day}: after the last wrap the crew rests until {rested}, too late to shoot the exteriors "
            "({hours} hours from call) before sunset at {sunset}"
        ).format(day=day.number, rested=clock(rested), hours=hours(daylight), sunset=clock(times.sunset))
        return [Conflict("turnaround", day.id, outside, message)]
    message = _("Day {day}: exterior day scenes run until {end}, after sunset at {sunset}").format(
        day=day.number, end=clock(times.daylight_end), sunset=clock(times.sunset)
    )
    return [Conflict("daylight", day.id, outside, message)]


def _dawn(board: Board, day: Day, times: DayTimes) -> list[Conflict]:
    """Exterior night scenes on a day that wraps after the next civil dawn."""
    if not times.past_dawn:
        return []
    outside = tuple(s.id for s in board.day_strips(day.id) if s.needs_dark)
    message = _("Day {day}: exterior night scenes, but the day wraps at {wrap}, after dawn at {dawn}").format(
        day=day.number, wrap=clock(times.wrap), dawn=clock(times.dawn)
    )
    return [Conflict("dawn", day.id, outside, message)]


def _minors(board: Board, day: Day, times: DayTimes) -> list[Conflict]:
    """A minor's scenes that day longer than the work their age allows, spread from the start of their
    first to the end of their last over more than the time at work it allows (the least they are there:
    hair, makeup and school come on top), or outside the hours of the day a minor may work."""
    minors = [
        (performer_id, limits)
        for performer_id, member in board.cast.items()
        if (limits := limits_on(member.born, day.date))
    ]
    if not minors:  # most productions: nothing to lay out on a board redrawn at every drag
        return []
    found = []
    strips = [strip for strip in board.day_strips(day.id) if not strip.is_banner]
    starts = scene_starts(strips, times.shooting_call, times.dusk, board.limits.move)
    for performer_id, limits in minors:
        member = board.cast[performer_id]
        theirs = [strip for strip in strips if performer_id in strip.cast]
        if not theirs:
            continue
        work = sum(strip.minutes for strip in theirs)
        start = min(starts[s.scene_id] for s in theirs)
        end = max(starts[s.scene_id] + s.minutes for s in theirs)
        said = {"day": day.number, "name": local_name(member.name, member.name_zh), "age": age_words(limits.age_months)}
        if work > limits.work_minutes:
            message = _("Day {day}: {name} ({age}) works {hours}, over the {limit} a day a minor that age may work")
            said.update(hours=hours(work), limit=hours(limits.work_minutes))
        elif end - start > limits.on_set_minutes:
            message = _(
                "Day {day}: {name} ({age}) is needed from {start} to {end}, over the {limit} a minor that age may be "
                "at work"
            )
            said.update(start=clock(start), end=clock(end), limit=hours(limits.on_set_minutes))
        elif start < limits.earliest or end > limits.latest:
            message = _(
                "Day {day}: {name} ({age}) is needed from {start} to {end}; a minor may work from {earliest} to "
                "{latest}"
            )
            said.update(
                start=clock(start), end=clock(end), earliest=clock(limits.earliest), latest=clock(limits.latest)
            )
        else:
            continue
        found.append(Conflict("minor_hours", day.id, tuple(strip.id for strip in theirs), message.format(**said)))
    return found


def _double_bookings(board: Board) -> list[Conflict]:
    """Two units on one date cannot both use a location, or both need a performer."""
    by_date: dict[dt.date, list[Day]] = defaultdict(list)
    for day in board.days:
        by_date[day.date].append(day)
    found = []
    for days in by_date.values():
        if len(days) < 2:
            continue
        used: dict[tuple[str, int], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for day in days:
            for strip in board.day_strips(day.id):
                if strip.location_id is not None:
                    used[("location", strip.location_id)][day.id].append(strip.id)
                for performer_id in strip.cast:
                    used[("cast", performer_id)][day.id].append(strip.id)
        for (kind, owner_id), per_day in used.items():
            if len(per_day) < 2:
                continue
            owner = board.places[owner_id] if kind == "location" else board.cast[owner_id]
            name = local_name(owner.name, owner.name_zh)
            strip_ids = tuple(strip_id for ids in per_day.values() for strip_id in ids)
            found.append(
                Conflict(
                    f"{kind}_double_booked",
                    days[0].id,
                    strip_ids,
                    _("{date}: {name} is needed by two units at once").format(date=days[0].date.isoformat(), name=name),
                )
            )
    return found
