"""Re-planning the rest of the shoot once days are reported: the scenes left unshot go back to be
scheduled, the optimizer places them and the remaining scenes on the days from a given one on, and the
reported days keep what was shot on them, locked there so that no later optimizing moves it.

The optimizer sees only the remaining days (studio.schedule.optimizer over a board of those days, the
unshot scenes among its unscheduled ones), so it does not weigh a performer's hold between their last
reported day and a later day of theirs (the change below counts it); when the days cannot hold the
scenes, a shoot day is added after the last and it tries again (up to MAX_DAYS_ADDED). A scene
partly shot keeps its reported day (what is left of it is the producer's to place). What the slip
costs is the whole schedule after against the whole schedule before (`change`: cost, cast work and
hold days, location days, days added): the days
the unshot scenes take and what placing the rest again saves, together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlmodel import Session, func, select

from studio.callsheet import numbered_day
from studio.day_reports.fields import day_name
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import DayReport, DayReportScene, ShootDay
from studio.models.enums import SceneOutcome, ShootDayKind
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.auto import board_for_scheduling
from studio.schedule.board import Board, Layout
from studio.schedule.costs import ScheduleCost
from studio.schedule.optimizer import OptimizeResult, Progress, optimize
from studio.schedule.strips import ensure_shoot_days, place_all, set_locked
from studio.storage.db import Database

MAX_DAYS_ADDED = 3


@dataclass(frozen=True)
class Replan:
    result: OptimizeResult  # the remaining days'
    layout: Layout  # the whole board's
    before: ScheduleCost
    after: ScheduleCost
    unshot: list[int]  # strips of scenes left unshot on reported days, now scheduled again
    shot: list[int]  # strips of scenes shot on reported days, locked there
    days_added: int
    dates: dict[int, dt.date]  # each day of the layout's date (a day added to look is known by it)

    def to_json(self) -> dict:
        before, after = self.before, self.after
        return {
            "cost": after.to_json(),
            "current_cost": before.to_json(),
            "change": {
                "amount": str(after.total - before.total),
                "currency": after.currency,
                "cast_work_days": after.cast_work_days - before.cast_work_days,
                "cast_hold_days": after.cast_hold_days - before.cast_hold_days,
                "location_days": after.location_days - before.location_days,
                "shoot_days_added": self.days_added,
            },
            "unshot_scenes": len(self.unshot),
            "scheduled_scenes": after.scheduled_scenes,
            "status": self.result.status,
            "conflicts": self.result.conflicts,
            "seconds": round(self.result.seconds, 1),
        }


def replan(
    session: Session,
    production_id: int,
    from_day: int,
    time_limit: float = 10.0,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    work: float | None = None,
) -> Replan:
    """The schedule re-planned from shoot day `from_day` on (nothing stored but days added when needed)."""
    start = session.get(ShootDay, numbered_day(session, production_id, from_day))
    reported, outcomes = _outcomes(session, production_id)
    reported_late = [day for day in reported.values() if day.shoot_date >= start.shoot_date]
    if reported_late:
        raise InvalidInput(
            _("{day} is reported: re-plan from a day after the last one reported").format(
                day=day_name(max(reported_late, key=lambda day: day.shoot_date))
            )
        )
    completed = {scene for scene, outcome in outcomes if outcome == SceneOutcome.COMPLETED.value}
    unshot_scenes = {scene for scene, outcome in outcomes if outcome == SceneOutcome.NOT_SHOT.value} - completed
    days_added = 0
    while True:
        board, _added = board_for_scheduling(session, production_id)
        remaining = [day for day in board.days if day.date >= start.shoot_date]
        strip_of = {card.scene_id: card.id for card in board.strips.values() if not card.is_banner}
        unshot = [strip_of[scene] for scene in sorted(unshot_scenes) if scene in strip_of]
        shot = [s for day in reported for s in board.placement.get(day, []) if s not in unshot]
        try:
            result = optimize(_remaining_board(board, remaining, unshot), time_limit, progress, cancelled, work=work)
            break
        except InvalidInput:
            if days_added == MAX_DAYS_ADDED:
                raise
            units = sum(1 for day in board.days if day.unit == 1)
            days_added += ensure_shoot_days(session, production_id, units + 1)
    kept = {
        day.id: [s for s in board.placement[day.id] if s not in unshot] for day in board.days if day not in remaining
    }
    layout = {**kept, **result.placement}
    return Replan(
        result,
        layout,
        BoardAnalysis(board).cost,
        BoardAnalysis(board.placed(layout)).cost,
        unshot,
        [s for s in shot if not board.strips[s].is_banner],
        days_added,
        {day.id: day.date for day in board.days},
    )


def preview_replan(
    database: Database,
    production_id: int,
    from_day: int,
    time_limit: float = 10.0,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    work: float | None = None,
) -> Replan:
    """The re-plan worked out and nothing kept, the shoot days it adds to see whether the scenes fit
    included (store it with operations.apply_replan, which adds them again)."""
    with database.session() as session:
        plan = replan(session, production_id, from_day, time_limit, progress, cancelled, work=work)
        session.rollback()
    return plan


def stored_layout(session: Session, production_id: int, plan: Replan) -> Layout:
    """The plan's layout on the shoot days as stored, the days it added to look made again (on the same
    dates, after the last)."""
    if plan.days_added:
        units = session.exec(
            select(func.count()).where(
                ShootDay.production_id == production_id,
                ShootDay.unit == 1,
                ShootDay.kind == ShootDayKind.SHOOT.value,
            )
        ).one()
        ensure_shoot_days(session, production_id, units + plan.days_added)
    days = session.exec(select(ShootDay).where(ShootDay.production_id == production_id)).all()
    by_date = {(day.shoot_date, day.unit): day.id for day in days}
    units_of = {day.id: day.unit for day in days}
    return {
        (by_date[(plan.dates[day_id], units_of.get(day_id, 1))] if day_id is not None else None): strips
        for day_id, strips in plan.layout.items()
    }


def _outcomes(session: Session, production_id: int) -> tuple[dict[int, ShootDay], list[tuple[int, str]]]:
    """The reported days, and what became of each of their scenes."""
    rows = session.exec(
        select(ShootDay, DayReportScene.scene_id, DayReportScene.outcome)
        .join(DayReport, DayReport.shoot_day_id == ShootDay.id)
        .join(DayReportScene, DayReportScene.report_id == DayReport.id)
        .where(ShootDay.production_id == production_id)
    ).all()
    return {day.id: day for day, _scene, _outcome in rows}, [(scene, outcome) for _day, scene, outcome in rows]


def _remaining_board(board: Board, remaining: list, unshot: list[int]) -> Board:
    """The board of the remaining days alone, the unshot scenes among those waiting to be scheduled."""
    placement: Layout = {day.id: list(board.placement.get(day.id, [])) for day in remaining}
    placement[None] = [*board.placement.get(None, []), *unshot]
    named = {strip for ids in placement.values() for strip in ids}
    strips = {s: replace(board.strips[s], locked=False) if s in unshot else board.strips[s] for s in named}
    return replace(board, days=remaining, placement=placement, strips=strips)


def apply_replan(session: Session, production_id: int, plan: Replan) -> None:
    """The re-planned schedule stored: every strip where it says, the reported days' shot scenes locked."""
    set_locked(session, plan.unshot, False)
    place_all(session, production_id, plan.layout)
    set_locked(session, plan.shot, True)
