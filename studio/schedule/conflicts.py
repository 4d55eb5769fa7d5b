"""What is wrong with a schedule: performers or locations booked when unavailable, a location on two
units at once, a day over its page or hour limit, a night followed by an early call."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from studio.formatting import format_eighths
from studio.i18n import _
from studio.schedule.board import Board, Day
from studio.schedule.costs import day_totals

TURNAROUND_HOURS = 12


@dataclass(frozen=True)
class Conflict:
    kind: str  # cast_unavailable, location_unavailable, location_double_booked, cast_double_booked,
    #            over_pages, over_hours, turnaround
    day_id: int
    strip_ids: tuple[int, ...]
    message: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "day_id": self.day_id, "strip_ids": list(self.strip_ids), "message": self.message}


def find_conflicts(board: Board) -> list[Conflict]:
    conflicts: list[Conflict] = []
    for day in board.days:
        conflicts += _availability(board, day)
        conflicts += _limits(board, day)
    conflicts += _double_bookings(board)
    conflicts += _turnarounds(board)
    return conflicts


def _availability(board: Board, day: Day) -> list[Conflict]:
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
                _("Day {day}: {name} is unavailable ({reason})").format(day=day.number, name=owner.name, reason=reason),
            )
        )
    return found


def _limits(board: Board, day: Day) -> list[Conflict]:
    totals = day_totals(board, day.id)
    strip_ids = tuple(strip.id for strip in board.day_strips(day.id))
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
    if totals.minutes > board.limits.minutes:
        found.append(
            Conflict(
                "over_hours",
                day.id,
                strip_ids,
                _("Day {day}: {hours} hours of work, over the limit of {limit}").format(
                    day=day.number, hours=_hours(totals.minutes), limit=_hours(board.limits.minutes)
                ),
            )
        )
    return found


def _hours(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


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
            name = board.places[owner_id].name if kind == "location" else board.cast[owner_id].name
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


def _turnarounds(board: Board) -> list[Conflict]:
    """A day that ends at night, followed on the next date by a day that starts with day scenes, leaves
    the crew and cast less than the 12-hour rest between wrap and call."""
    found = []
    by_date = {day.date: day for day in board.days if day.unit == 1}
    for day in board.days:
        strips = [strip for strip in board.day_strips(day.id) if not strip.is_banner]
        if day.unit != 1 or not strips or not strips[-1].is_night:
            continue
        following = by_date.get(day.date + dt.timedelta(days=1))
        if following is None:
            continue
        next_strips = [strip for strip in board.day_strips(following.id) if not strip.is_banner]
        if next_strips and not next_strips[0].is_night:
            found.append(
                Conflict(
                    "turnaround",
                    following.id,
                    (strips[-1].id, next_strips[0].id),
                    _(
                        "Day {day} wraps at night and day {next} starts with day scenes: "
                        "less than {hours} hours of rest"
                    ).format(day=day.number, next=following.number, hours=TURNAROUND_HOURS),
                )
            )
    return found
