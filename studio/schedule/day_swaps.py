"""Two shoot days' scenes swapped, whole, when the schedule then costs less, overtime and late meals
included.

The search weighs schedules without overtime and late meals (`search` says why), so of two schedules
alike but for which day holds which scenes it cannot prefer the one the days' own clocks make cheaper:
a day whose call sheet names an earlier lunch or a shorter lead to the shooting call, a day after a
late wrap; nor, re-planning the days left, a performer held between a reported day and theirs. A swap
keeps every scene on a day and each day's shooting order; it is kept only if it breaks no more limits
and costs less. Days holding a locked strip, and those `kept`, stay as they are.
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import combinations

from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, Layout


def swap_days(
    board: Board, layout: Layout, analysis: BoardAnalysis, kept: Collection[int] = ()
) -> tuple[Layout, BoardAnalysis]:
    """The schedule with every swap of two days' scenes that makes it cheaper made, and its analysis."""
    movable = [
        day.id
        for day in board.days
        if day.id not in kept and not any(board.strips[s].locked for s in layout.get(day.id, []))
    ]
    swapped = True
    while swapped:
        swapped = False
        for first, second in combinations(movable, 2):
            if layout.get(first, []) == layout.get(second, []):
                continue
            trial = {**layout, first: layout.get(second, []), second: layout.get(first, [])}
            weighed = BoardAnalysis(board.placed(trial), earlier=analysis)
            if (len(weighed.conflicts), weighed.cost.total) < (len(analysis.conflicts), analysis.cost.total):
                layout, analysis, swapped = trial, weighed, True
    return layout, analysis
