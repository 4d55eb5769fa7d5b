"""What a board adds up to: each day's totals and clock, the conflicts, Day Out of Days and the cost.

The one place these are worked out from a board, for the stripboard, the schedule page, the optimizer,
the exports and the budget alike. Each is worked out when first asked for, once, from those it rests
on (the conflicts from the clocks and totals, the cost from Day Out of Days and the totals), so a drag
on a 1,200-strip board works the board out once, and an export reads only what it prints.
"""

from __future__ import annotations

from functools import cached_property

from studio.schedule.board import Board
from studio.schedule.conflicts import Conflict, find_conflicts
from studio.schedule.costs import DayTotals, ScheduleCost, day_totals, schedule_cost
from studio.schedule.dood import DayOutOfDays, day_out_of_days
from studio.schedule.timeline import DayTimes, day_times


class BoardAnalysis:
    """The derived data of one board as it stands (a board placed otherwise is analysed anew)."""

    def __init__(self, board: Board):
        self.board = board

    @cached_property
    def totals(self) -> dict[int | None, DayTotals]:
        """Each shoot day's totals, and the boneyard's (None)."""
        return {day_id: day_totals(self.board, day_id) for day_id in [*(day.id for day in self.board.days), None]}

    @cached_property
    def times(self) -> dict[int, DayTimes]:
        """Each shoot day's clock."""
        return day_times(self.board)

    @cached_property
    def conflicts(self) -> list[Conflict]:
        return find_conflicts(self.board, self.times, self.totals)

    @cached_property
    def dood(self) -> DayOutOfDays:
        return day_out_of_days(self.board)

    @cached_property
    def cost(self) -> ScheduleCost:
        return schedule_cost(self.board, self.dood, self.totals)

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
