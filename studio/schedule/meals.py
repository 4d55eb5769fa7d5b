"""A typed lunch and dinner follow the crew call when the optimizer moves a day, as a 2nd AD would move
them: a lunch typed for 11:00 on a day called at 06:00 is at 15:00 once the day is called at 10:00.

Left where they were typed, they held the plan to a clock it no longer had: a lunch typed early in a
day the optimizer called later brought the second meal due before the wrap, and every performer's late
meal was counted against the new schedule. A day whose crew call is typed does not move, nor its meals;
a meal typed outside the day as it is now (the schedule moved the day since: `timeline.planned_meals`
passes it over) stays as typed, and one moved before midnight or past it, which a sheet cannot name,
or past the wrap of a day the schedule made shorter, is cleared: the lunch then falls when due.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace

from studio.i18n import _
from studio.schedule.board import Board
from studio.schedule.timeline import MEAL_MINUTES, DayTimes, clock

MEALS = ("lunch", "dinner")


@dataclass(frozen=True)
class MealMove:
    """A call sheet's meal moved with its day's call: `minutes` after midnight, None to clear it; `was`,
    the time it was typed at (what the sheet must still say for the move to be stored)."""

    day_id: int
    day_number: int
    meal: str  # "lunch" or "dinner"
    minutes: int | None
    was: int

    @property
    def time(self) -> str | None:
        """As a call sheet's field holds it: "15:00" (None: cleared)."""
        return None if self.minutes is None else clock(self.minutes)


def following(board: Board, times: Mapping[int, DayTimes], days: Collection[int] | None = None) -> Board:
    """The board with each typed meal within its day, on a day not called at a typed time, following the
    day's crew call (as `times` has it now); only on the days of ids `days`, when given."""
    followed = []
    for day in board.days:
        now, typed = times[day.id], (day.lunch, day.dinner)
        follows = [meal is not None and now.call <= meal and meal + MEAL_MINUTES <= now.wrap for meal in typed]
        if day.fixed_call is None and any(follows) and (days is None or day.id in days):
            after = tuple(meal - now.call if moves else None for meal, moves in zip(typed, follows, strict=True))
            lunch, dinner = (None if moves else meal for meal, moves in zip(typed, follows, strict=True))
            day = replace(day, lunch=lunch, dinner=dinner, meals_after=after)
        followed.append(day)
    return replace(board, days=followed)


def days_followed(moves: Iterable[MealMove]) -> list[int]:
    """The numbers of the days whose typed meals moved with their calls."""
    return sorted({move.day_number for move in moves if move.minutes is not None})


def days_cleared(moves: Iterable[MealMove]) -> list[int]:
    """The numbers of the days whose typed meal the new call would put past midnight (or before it), or
    past the day's wrap: cleared, to fall when due."""
    return sorted({move.day_number for move in moves if move.minutes is None})


def meals_report(moves: Iterable[MealMove]) -> list[str]:
    """What a command says of the typed meals its schedule moves: a line for those that follow the new
    calls, one for those cleared."""
    moves = tuple(moves)
    lines = []
    if followed := days_followed(moves):
        followed_said = days_said(followed)
        lines.append(_("Meals typed on the call sheets follow the new calls ({days}).").format(days=followed_said))
    if cleared := days_cleared(moves):
        lines.append(
            _(
                "Meals the new calls would put past midnight or past the wrap are cleared from the call sheets and "
                "fall when due ({days})."
            ).format(days=days_said(cleared))
        )
    return lines


def days_said(numbers: list[int]) -> str:
    """ "day 4", "days 4, 5" (第 4 天, 第 4、5 天)."""
    if len(numbers) == 1:
        return _("day {number}").format(number=numbers[0])
    return _("days {numbers}").format(numbers=_(", ").join(map(str, numbers)))


def moves_json(moves: Iterable[MealMove]) -> list[dict]:
    return [{"day": move.day_number, "meal": move.meal, "time": move.time} for move in moves]


def moved_meals(board: Board, followed: Board, times: Mapping[int, DayTimes]) -> tuple[MealMove, ...]:
    """The meals of `board` (as typed) that `followed` (from `following`) moves, its days called as
    `times` has them."""
    typed = {day.id: (day.lunch, day.dinner) for day in board.days}
    moves = []
    for day in followed.days:
        now = day.meals_at(times[day.id].call)
        for meal, before, after, follows in zip(MEALS, typed[day.id], now, day.meals_after, strict=True):
            if after is not None and after + MEAL_MINUTES > times[day.id].wrap:
                after = None  # past the wrap of a day the schedule made shorter: it falls when due
            if follows is not None and after != before:
                moves.append(MealMove(day.id, day.number, meal, after, before))
    return tuple(moves)
