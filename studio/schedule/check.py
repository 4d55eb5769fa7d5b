"""`schedule check`: what the schedule on the board costs and which limits it breaks, as the Schedule page
shows them (the saved schedule, to check after `schedule auto`, a re-plan or another client's edit)."""

from __future__ import annotations

from studio.i18n import _
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board


def schedule_check(board: Board) -> dict:
    """The schedule's days, scenes (placed and waiting), cost (null for a login that reads no rate) and
    conflicts, each with its day's number."""
    analysis = BoardAnalysis(board)
    numbers = {day.id: day.number for day in board.days}
    waiting = [s for s in board.placement.get(None, []) if not board.strips[s].is_banner]
    cost = analysis.cost
    return {
        "days": len(board.days),
        "scheduled_scenes": cost.scheduled_scenes,
        "unscheduled_scenes": len(waiting),
        "cost": cost.to_json() if board.priced else None,
        "cast_work_days": cost.cast_work_days,
        "cast_hold_days": cost.cast_hold_days,
        "location_days": cost.location_days,
        "company_moves": cost.company_moves,
        "conflicts": [{"day": numbers.get(c.day_id), "kind": c.kind, "message": c.message} for c in analysis.conflicts],
    }


def check_text(report: dict) -> list[str]:
    """The check in words: a line for the schedule, one per conflict (each names its day)."""
    counts = {
        "scenes": report["scheduled_scenes"],
        "days": report["days"],
        "waiting": report["unscheduled_scenes"],
        "count": len(report["conflicts"]),
    }
    if (cost := report["cost"]) is None:  # a login that reads no rate
        line = _("{scenes} scenes on {days} shoot days, {waiting} waiting unscheduled. Conflicts: {count}.")
        return [line.format(**counts), *(conflict["message"] for conflict in report["conflicts"])]
    line = _(
        "{scenes} scenes on {days} shoot days, {waiting} waiting unscheduled; cost {amount} {currency}: cast {cast}, "
        "overtime and penalties {labour}, locations {locations}, company moves {company_moves}. Conflicts: {count}."
    ).format(**cost, **counts)  # the cost's parts by their JSON names
    return [line, *(conflict["message"] for conflict in report["conflicts"])]
