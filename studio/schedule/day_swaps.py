"""Two shoot days' scenes swapped, whole, when the schedule then costs less, overtime and late meals
included.

The search weighs schedules without overtime and late meals, or, in its second half, by an estimate of
them that counts each performer from the day's first scene (`labour_model`), so of two schedules alike
but for which day holds which scenes it cannot always prefer the one the days' own clocks make cheaper:
a day whose call sheet names an earlier lunch or a shorter lead to the shooting call, a day after a
late wrap; nor, re-planning the days left, a performer held between a reported day and theirs. A swap
moves the two days' scenes, each in its shooting order, and leaves their banners where they are; it is
kept if it breaks fewer limits, or as many and costs less. Reported days, days holding a locked strip,
and those `kept` stay as they are; `stopped` (a deadline, a cancel) ends the swapping with what it has.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from itertools import combinations

from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, Layout


def swap_days(
    board: Board,
    layout: Layout,
    analysis: BoardAnalysis,
    kept: Collection[int] = (),
    stopped: Callable[[], bool] = lambda: False,
) -> tuple[Layout, BoardAnalysis]:
    """The schedule with every swap of two days' scenes that makes it cheaper made, and its analysis."""
    movable = [
        day.id
        for day in board.days
        if day.id not in kept and not day.reported and not any(board.strips[s].locked for s in layout.get(day.id, []))
    ]
    swapped = True
    while swapped:
        swapped = False
        for first, second in combinations(movable, 2):
            if stopped():
                return layout, analysis
            ones, others = _scenes(board, layout, first), _scenes(board, layout, second)
            if ones == others:
                continue
            trial = {**layout, first: _with(board, layout, first, others), second: _with(board, layout, second, ones)}
            weighed = BoardAnalysis(board.placed(trial), earlier=analysis)
            if weighed.standing < analysis.standing:
                layout, analysis, swapped = trial, weighed, True
    return layout, analysis


def _scenes(board: Board, layout: Layout, day_id: int) -> list[int]:
    return [s for s in layout.get(day_id, []) if not board.strips[s].is_banner]


def _with(board: Board, layout: Layout, day_id: int, scenes: list[int]) -> list[int]:
    """The day's strips with `scenes` in place of its own, each banner kept at its place in the day."""
    placed = list(scenes)
    for index, strip in enumerate(layout.get(day_id, [])):
        if board.strips[strip].is_banner:
            placed.insert(min(index, len(placed)), strip)
    return placed
