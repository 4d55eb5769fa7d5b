"""What a board adds up to: each day's totals and clock, the conflicts, Day Out of Days and the cost.

The one place these are worked out from a board, for the stripboard, the schedule page, the optimizer,
the exports and the budget alike. Each is worked out when first asked for, once, from those it rests
on (the conflicts from the clocks and totals, the cost from Day Out of Days and the totals), so an
export reads only what it prints. A board's analysis after a drag is made from the one before it
(`earlier`): the days the drag left as they were keep their totals, their work, who they book on a
day that person or place is unavailable and, while their clock is the same, their cast's overtime and
late meals, so a drag on a 1,200-strip board works out two days again.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import Any

from studio.schedule.board import Board
from studio.schedule.conflicts import Conflict, find_conflicts, unavailable_on
from studio.schedule.costs import DayLabour, DayTotals, ScheduleCost, day_labour, day_totals, schedule_cost
from studio.schedule.dood import DayOutOfDays, day_out_of_days
from studio.schedule.timeline import DayTimes, Parts, day_times, parts

# What is worked out day by day, and so kept for the days a drag leaves alone (a day's labour only while
# its clock is the same too: a drag can move the next day's call).
PER_DAY = ("totals", "worked", "unavailable", "labour")


class BoardAnalysis:
    """The derived data of one board as it stands (a board placed otherwise is analysed anew)."""

    def __init__(self, board: Board, earlier: BoardAnalysis | None = None):
        """`earlier`: the analysis of the board this one was moved from (`Board.moved`)."""
        self.board = board
        self._kept: dict[str, dict] = {}  # per-day results the earlier analysis had, for the days still alike
        if earlier is not None and _same_but_placement(earlier.board, board):
            alike = {day.id for day in board.days if board.placement.get(day.id) == earlier.board.placement.get(day.id)}
            for name in PER_DAY:
                known: dict[Any, Any] = earlier.__dict__.get(name, {})  # only what it did work out
                self._kept[name] = {day_id: value for day_id, value in known.items() if day_id in alike}

    def _per_day(self, name: str, work_out) -> dict:
        kept = self._kept.get(name, {})
        return {day.id: kept[day.id] if day.id in kept else work_out(day) for day in self.board.days}

    @cached_property
    def totals(self) -> dict[int | None, DayTotals]:
        """Each shoot day's totals, and the boneyard's (None)."""
        totals: dict[int | None, DayTotals] = self._per_day("totals", lambda day: day_totals(self.board, day.id))
        totals[None] = day_totals(self.board, None)
        return totals

    @cached_property
    def worked(self) -> dict[int, Parts]:
        """Each shoot day's work in its shooting order, company moves included."""
        limits = self.board.limits
        return self._per_day("worked", lambda day: parts(self.board.day_strips(day.id), limits))

    @cached_property
    def times(self) -> dict[int, DayTimes]:
        """Each shoot day's clock."""
        return day_times(self.board, self.worked)

    @cached_property
    def unavailable(self) -> dict[int, list[Conflict]]:
        return self._per_day("unavailable", lambda day: unavailable_on(self.board, day))

    @cached_property
    def conflicts(self) -> list[Conflict]:
        return find_conflicts(self.board, self.times, self.totals, self.unavailable)

    @cached_property
    def dood(self) -> DayOutOfDays:
        return day_out_of_days(self.board)

    @cached_property
    def labour(self) -> dict[int, tuple[tuple, DayLabour]]:
        """Each shoot day's cast overtime, late meals and forced calls (`costs.day_labour`), with what they
        rest on: its calls, wrap and dusk, and the wrap and cast of the shoot day before (a later day's
        rested call may move without moving them)."""
        kept: dict[int, tuple[tuple, DayLabour]] = self._kept.get("labour", {})
        found: dict[int, tuple[tuple, DayLabour]] = {}
        before = latest = None  # the last day worked out on an earlier date, and the last one of all
        for day in sorted(self.board.days, key=lambda day: day.date):
            if latest is not None and latest[0].date < day.date:
                before = latest
            times = self.times[day.id]
            previous = (before[0].date, before[1].wrap, tuple(before[1].at_work)) if before else None
            rests_on = (times.call, times.shooting_call, times.wrap, times.dusk, previous)
            kept_here = kept.get(day.id)
            if not (kept_here and kept_here[0] == rests_on):
                kept_here = (rests_on, day_labour(self.board, day, times, before))
            found[day.id] = kept_here
            latest = (day, kept_here[1])
        return {day.id: found[day.id] for day in self.board.days}

    @property
    def standing(self) -> tuple[int, Decimal]:
        """How schedules are ranked: fewer conflicts first, then the lower cost."""
        return len(self.conflicts), self.cost.total

    @cached_property
    def cost(self) -> ScheduleCost:
        return schedule_cost(self.board, self.dood, self.totals, [paid for _rests_on, paid in self.labour.values()])

    @cached_property
    def conflicts_by_day(self) -> dict[int, int]:
        """Shoot day id → how many conflicts it has (days without any left out)."""
        counts: dict[int, int] = {}
        for conflict in self.conflicts:
            counts[conflict.day_id] = counts.get(conflict.day_id, 0) + 1
        return counts

    @cached_property
    def conflicted(self) -> frozenset[int]:
        """The strips some conflict names."""
        return frozenset(strip_id for conflict in self.conflicts for strip_id in conflict.strip_ids)


def _same_but_placement(earlier: Board, board: Board) -> bool:
    """Whether `board` is `earlier` with its strips placed otherwise: the same strips, people, places,
    limits and days."""
    return (
        earlier.strips is board.strips
        and earlier.cast is board.cast
        and earlier.places is board.places
        and earlier.limits is board.limits
        and earlier.days == board.days
    )
