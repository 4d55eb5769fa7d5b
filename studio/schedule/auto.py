"""`schedule auto`: optimize the production's schedule and put the strips where the optimizer says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlmodel import Session, select

from studio.errors import ChangedElsewhere, InvalidInput
from studio.formatting import format_eighths
from studio.i18n import _
from studio.models import DayReport, ShootDay
from studio.models.enums import ShootDayKind
from studio.money import Money
from studio.schedule.board import Board, Day, Layout
from studio.schedule.board_loading import load_board
from studio.schedule.meals import moves_json
from studio.schedule.optimizer import OptimizeResult, Progress, optimize
from studio.schedule.strips import Placement, ensure_shoot_days, ensure_strips, place_all, renumber_days


@dataclass(frozen=True)
class SchedulingRun:
    """What `schedule auto` did: the result, the placements it replaced (undo), and what it changed
    besides moving strips, so the report can say so."""

    result: OptimizeResult
    previous: list[Placement]
    days_added: int
    from_boneyard: int  # scenes that waited unscheduled and now have a day
    left_empty: tuple[int, ...] = ()  # the numbers of the days past --days N, whose scenes it scheduled again


def board_for_scheduling(session: Session, production_id: int, days: int | None = None) -> tuple[Board, int]:
    """The board with a strip for every scene, on the first `days` shoot days (added when missing), and
    how many days were added. The scenes of the days past the first `days` wait in its boneyard, to be
    scheduled again; a scene locked on one of them is refused."""
    ensure_strips(session, production_id)
    added = ensure_shoot_days(session, production_id, days) if days is not None else 0
    board = load_board(session, production_id)
    if days is None or days >= len(board.days):
        return replace(board, days=board.days[:days]), added
    last = max((index for index, day in enumerate(board.days) if day.reported), default=-1)
    if last >= days:  # its scenes would be scheduled again
        raise InvalidInput(
            _("day {day} is reported: --days must keep it (at least {days})").format(
                day=board.days[last].number, days=last + 1
            )
        )
    kept, cut = board.days[:days], board.days[days:]
    waiting = list(board.placement.get(None, []))
    for day in cut:
        for strip in board.day_strips(day.id):
            if strip.locked:
                raise InvalidInput(
                    _("scene {scene} is locked on day {day}, which --days {days} leaves out: unlock it first").format(
                        scene=strip.number, day=day.number, days=days
                    )
                )
            waiting += [strip.id] * (not strip.is_banner)
    placement = {day.id: board.placement.get(day.id, []) for day in kept} | {None: waiting}
    return replace(board, days=kept, placement=placement), added


def days_needed(board: Board) -> int:
    """The fewest shoot days that can hold the board's scenes at the production's pages and hours a day."""
    scenes = [strip for strip in board.strips.values() if not strip.is_banner]
    eighths, minutes = sum(s.eighths for s in scenes), sum(s.minutes for s in scenes)
    limits = board.limits
    return max(1, -(-eighths // max(1, limits.eighths)), -(-minutes // max(1, board.shooting_minutes())))


def schedule_automatically(
    session: Session,
    production_id: int,
    days: int | None = None,
    time_limit: float = 30.0,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    work: float | None = None,
    spent: float = 0.0,
) -> SchedulingRun:
    """Optimize and put the strips where it says in this transaction (`work` and `spent` as `optimize` has
    them), unless a strip was changed elsewhere meanwhile (ChangedElsewhere: nothing is put); the typed
    meals it moved with their days' calls are the caller's to store with them (`operations.store_meals`:
    the call sheets' edits are above the schedule's layer). Days added for it are kept only if the
    schedule found is put, and only those it uses: unused, they would count in the budget's shoot days."""
    adding = session.begin_nested()
    board, added = board_for_scheduling(session, production_id, days)
    refuse_without_days(board)
    result = optimize(board, time_limit, progress, cancelled, work=work, spent=spent)
    if not result.improved:  # the board's schedule stays as it is, on the days it had
        adding.rollback()
        return SchedulingRun(result, [], 0, 0)
    adding.commit()
    return put_schedule(session, production_id, board, result, added)


def refuse_without_days(board: Board) -> None:
    if not board.days:
        raise InvalidInput(
            _(
                "the production has no shoot days yet: the script needs at least {days} at {pages} pages a day; "
                "add them with --days {days}"
            ).format(days=days_needed(board), pages=format_eighths(board.limits.eighths))
        )


def put_schedule(
    session: Session, production_id: int, board: Board, result: OptimizeResult, added: int
) -> SchedulingRun:
    """Put the strips where the search found `board` better placed, unless one was changed elsewhere since the
    board was read (ChangedElsewhere: nothing is put); the last `added` days of the board, added for the
    search, are removed where it left them empty."""
    now = _shoot_days(session, production_id)
    if any(now.get(day.id) != (day.date, day.unit, day.reported) for day in board.days):
        # a day reported meanwhile keeps what was shot on it, which the search did not know
        raise ChangedElsewhere(
            _(
                "the shoot days changed while the optimizer ran (a day reported, moved or removed), and that is "
                "kept: run it again"
            )
        )
    waiting = {s for s in board.placement.get(None, []) if not board.strips[s].is_banner}
    placed = {strip_id for day_id, ids in result.placement.items() if day_id is not None for strip_id in ids}
    seen = {strip_id: card.version for strip_id, card in board.strips.items()}
    try:
        previous = place_all(session, production_id, result.placement, seen)
    except ChangedElsewhere:
        raise ChangedElsewhere(
            _("the schedule was changed elsewhere while the optimizer ran, and that change is kept: run it again")
        ) from None
    added -= _remove_unused(session, production_id, board.days[len(board.days) - added :], result.placement)
    return SchedulingRun(result, previous, added, len(waiting & placed), _days_after(session, production_id, board))


def _shoot_days(session: Session, production_id: int) -> dict[int, tuple]:
    """Each shoot day's date, unit and whether it is reported, as the board has them (`load_board`, which
    also reads every strip, deal and call sheet)."""
    statement = (
        select(ShootDay.id, ShootDay.shoot_date, ShootDay.unit, DayReport.id)
        .join(DayReport, DayReport.shoot_day_id == ShootDay.id, isouter=True)
        .where(ShootDay.production_id == production_id, ShootDay.kind == ShootDayKind.SHOOT.value)
    )
    return {day: (date, unit, report is not None) for day, date, unit, report in session.exec(statement)}


def _days_after(session: Session, production_id: int, board: Board) -> tuple[int, ...]:
    """The numbers of the production's shoot days after the board's last (those --days N left out)."""
    last = max((day.number for day in board.days if day.number), default=0)
    numbers = select(ShootDay.day_number).where(
        ShootDay.production_id == production_id,
        ShootDay.unit == 1,
        ShootDay.day_number.is_not(None),
        ShootDay.day_number > last,
    )
    return tuple(sorted(session.exec(numbers)))


def _remove_unused(session: Session, production_id: int, added: list[Day], layout: Layout) -> int:
    """Remove the days added for the run that the schedule left empty (a shoot day booked for nothing
    counts in the budget's shoot days); returns how many."""
    unused = [day for day in added if not layout.get(day.id)]
    for day in unused:
        session.delete(session.get(ShootDay, day.id))
    if unused:
        session.flush()
        renumber_days(session, production_id)
    return len(unused)


def result_json(run: SchedulingRun, board_days: int) -> dict:
    """What `schedule auto --json` prints: the saving against the schedule the board had first (null when
    it left scenes unscheduled), then against script order, and the bound no schedule can cost less than."""
    result = run.result
    cost = result.cost
    return {
        "days": board_days,
        "improved": result.improved,
        "scheduled_scenes": cost.scheduled_scenes,
        "cast_work_days": cost.cast_work_days,
        "cast_hold_days": cost.cast_hold_days,
        "location_days": cost.location_days,
        "company_moves": cost.company_moves,
        "driving_minutes": [{"day": number, "minutes": minutes} for number, minutes in result.driving],
        "meals_moved": moves_json(result.meals),
        "reported_days_kept": list(result.reported),
        "unshot_on_reported_days": result.unshot,
        "cost": cost.to_json(),
        "current_cost": result.current.to_json() if result.current is not None else None,
        "current_conflicts": result.current_conflicts,
        "saving_percent": percent(result.saving),
        "baseline_cost": result.baseline.to_json(),
        "baseline_saving_percent": percent(result.script_saving),
        "lower_bound": Money(result.bound, cost.currency).to_json() if result.bound is not None else None,
        "gap_percent": percent(result.gap),
        "status": result.status,
        "conflicts": result.conflicts,
        "conflicts_on_reported_days": result.conflicts_as_shot,
        "shoot_days_added": run.days_added,
        "days_left_empty": list(run.left_empty),
        "scheduled_from_boneyard": run.from_boneyard,
        "work": round(result.work, 2),
        "seconds": round(result.seconds, 1),
    }


def percent(share: float | None) -> str | None:
    return None if share is None else f"{share * 100:.1f}"
