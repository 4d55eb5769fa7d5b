"""`schedule auto`: optimize the production's schedule and put the strips where the optimizer says."""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from studio.schedule.board import Board, load_board
from studio.schedule.optimizer import OptimizeResult, Progress, optimize
from studio.schedule.strips import Placement, ensure_shoot_days, ensure_strips, place_all


def board_for_scheduling(session: Session, production_id: int, days: int | None = None) -> Board:
    """The board with a strip for every scene, on the first `days` shoot days (added when missing)."""
    ensure_strips(session, production_id)
    if days is not None:
        ensure_shoot_days(session, production_id, days)
    board = load_board(session, production_id)
    if days is not None:
        board.days = board.days[:days]
    return board


def schedule_automatically(
    session: Session,
    production_id: int,
    days: int | None = None,
    time_limit: float = 30.0,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[OptimizeResult, list[Placement]]:
    """Optimize and apply in this transaction; return the result and what the strips replaced (undo)."""
    board = board_for_scheduling(session, production_id, days)
    result = optimize(board, time_limit, progress, cancelled)
    return result, place_all(session, production_id, result.placement)


def result_json(result: OptimizeResult, board_days: int) -> dict:
    cost = result.cost
    return {
        "days": board_days,
        "scheduled_scenes": cost.scheduled_scenes,
        "cast_work_days": cost.cast_work_days,
        "cast_hold_days": cost.cast_hold_days,
        "location_days": cost.location_days,
        "company_moves": cost.company_moves,
        "cost": cost.to_json(),
        "baseline_cost": result.baseline.to_json(),
        "saving_percent": f"{result.saving * 100:.1f}",
        "status": result.status,
        "conflicts": result.conflicts,
        "seconds": round(result.seconds, 1),
    }
