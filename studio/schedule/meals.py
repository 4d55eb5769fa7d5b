"""A typed lunch and dinner follow the crew call when the optimizer moves a day, as a 2nd AD would move
them: a lunch typed for 11:00 on a day called at 06:00 is at 15:00 once the day is called at 10:00.

Left where they were typed, they held the plan to a clock it no longer had: a lunch typed early in a
day the optimizer called later brought the second meal due before the wrap, and every performer's late
meal was counted against the new schedule. A day whose crew call is typed does not move, nor its meals;
a meal typed outside the day as it is now (the schedule moved the day since: `timeline.planned_meals`
passes it over) stays as typed, and one moved before midnight or past it, which a sheet cannot name,
is cleared: the lunch then falls when due.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

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


def following(board: Board, times: Mapping[int, DayTimes]) -> Board:
    """The board with each typed meal within its day, on a day not called at a typed time, following the
    day's crew call (as `times` has it now)."""
    days = []
    for day in board.days:
        now, typed = times[day.id], (day.lunch, day.dinner)
        follows = [meal is not None and now.call <= meal and meal + MEAL_MINUTES <= now.wrap for meal in typed]
        if day.fixed_call is None and any(follows):
            after = tuple(meal - now.call if moves else None for meal, moves in zip(typed, follows, strict=True))
            lunch, dinner = (None if moves else meal for meal, moves in zip(typed, follows, strict=True))
            day = replace(day, lunch=lunch, dinner=dinner, meals_after=after)
        days.append(day)
    return replace(board, days=days)


def moved_meals(board: Board, followed: Board, times: Mapping[int, DayTimes]) -> tuple[MealMove, ...]:
    """The meals of `board` (as typed) that `followed` (from `following`) moves, its days called as
    `times` has them."""
    typed = {day.id: (day.lunch, day.dinner) for day in board.days}
    moves = []
    for day in followed.days:
        now = day.meals_at(times[day.id].call)
        for meal, before, after, follows in zip(MEALS, typed[day.id], now, day.meals_after, strict=True):
            if follows is not None and after != before:
                moves.append(MealMove(day.id, day.number, meal, after, before))
    return tuple(moves)
