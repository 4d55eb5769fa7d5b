"""Re-planning the rest of the shoot once days are reported: the scenes left unshot go back to be
scheduled, the optimizer places them and the remaining scenes on the days from a given one on, and the
reported days keep what was shot on them, locked there so that no later optimizing moves it.

The optimizer sees only the remaining days (studio.schedule.optimizer over a board of those days, the
unshot scenes among its unscheduled ones), so it does not weigh a performer's hold between their last
reported day and a later day of theirs (the change below counts it); when the days cannot hold the
scenes, a shoot day is added after the last and it tries again (up to MAX_DAYS_ADDED). A scene
partly shot keeps its reported day (what is left of it is the producer's to place).

Placing the rest again may also better days the optimizer could have bettered with every scene shot, so
the whole schedule after against the whole schedule before mixes two things. They are told apart by the
rest as it would be re-planned with nothing left unshot (`anyway`): the unshot scenes back on their
reported days, the remaining days as the re-plan has them without those scenes or as they are, whichever
costs less, searched again from there on the remaining days alone. What the slip costs (`slip`: cost,
cast work and hold days, location days, days added) is the schedule after against that, and what the
days added cost beyond it as the budget has them (crew, per diems and all else a shoot day pays, which
the schedule's own cost leaves out, being the same for every schedule of a number of days); what placing
the rest again saves (`improvement`) is the schedule before against it. The two add up to the change.
With every scene left unshot already on a remaining day (none, or a re-plan before placed them), a
re-plan that would cost more than the schedule as it is (the optimizer weighs the remaining days alone,
blind to the holds that join them to the reported ones) keeps it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlmodel import Session, func, select

from studio.budget.totals import current_budget
from studio.callsheet import numbered_day
from studio.day_reports.fields import day_name
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import DayReport, DayReportScene, Production, ShootDay
from studio.models.enums import SceneOutcome, ShootDayKind
from studio.money import Money
from studio.operations import store_meals
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.auto import board_for_scheduling, percent
from studio.schedule.board import Board, Layout
from studio.schedule.costs import ScheduleCost
from studio.schedule.day_swaps import swap_days
from studio.schedule.meals import MealMove, following, moved_meals, moves_json
from studio.schedule.optimizer import WORK_PER_SECOND, OptimizeResult, Progress, optimize
from studio.schedule.strips import ensure_shoot_days, place_all, set_locked
from studio.storage.db import Database

MAX_DAYS_ADDED = 3
# Of the re-plan's time (or, bounded by work, besides its work), spent on the rest with nothing left unshot:
# the time limit is the whole re-plan's, as the command and the window promise.
ANYWAY_SHARE = 0.15


@dataclass(frozen=True)
class Difference:
    """One schedule's cost and days less another's."""

    amount: Money
    cast_work_days: int
    cast_hold_days: int
    location_days: int

    @classmethod
    def between(cls, one: ScheduleCost, other: ScheduleCost) -> Difference:
        return cls(
            Money(one.total - other.total, one.currency),
            one.cast_work_days - other.cast_work_days,
            one.cast_hold_days - other.cast_hold_days,
            one.location_days - other.location_days,
        )

    @property
    def saves(self) -> bool:
        """Below zero (a slip saves when the scenes left unshot, shot later, spare holds their day made)."""
        return self.amount.amount < 0

    @property
    def size(self) -> Money:
        return Money(abs(self.amount.amount), self.amount.currency)

    def to_json(self) -> dict:
        return {
            "amount": str(self.amount.amount),
            "currency": self.amount.currency,
            "cast_work_days": self.cast_work_days,
            "cast_hold_days": self.cast_hold_days,
            "location_days": self.location_days,
        }


@dataclass(frozen=True)
class Replan:
    result: OptimizeResult  # the remaining days'
    layout: Layout  # the whole board's
    before: ScheduleCost
    after: ScheduleCost
    anyway: ScheduleCost  # the rest re-planned with every scene shot as planned
    unshot: list[int]  # strips of scenes left unshot on reported days, now scheduled again
    shot: list[int]  # strips of scenes shot on reported days, locked there
    days_added: int
    dates: dict[int, dt.date]  # each day of the layout's date (a day added to look is known by it)
    meals: tuple[MealMove, ...] = ()  # the remaining days' typed meals moved with their calls, to store
    stays: bool = False  # nothing new to place and nothing cheaper found: the schedule as it is stays
    days_cost: Decimal = Decimal(0)  # what the days added cost in the budget, in the schedule's currency

    @property
    def slip(self) -> Difference:
        """What the scenes left unshot cost: the schedule after against the rest re-planned anyway, and the
        days added."""
        apart = Difference.between(self.after, self.anyway)
        return replace(apart, amount=Money(apart.amount.amount + self.days_cost, apart.amount.currency))

    @property
    def improvement(self) -> Difference:
        """What placing the rest again saves whatever was shot: before against the rest re-planned anyway."""
        return Difference.between(self.before, self.anyway)

    def to_json(self) -> dict:
        days_cost = str(Money(self.days_cost, self.after.currency).amount)
        return {
            "cost": self.after.to_json(),
            "current_cost": self.before.to_json(),
            "change": self.slip.to_json() | {"shoot_days_added": self.days_added, "shoot_days_cost": days_cost},
            "improvement": self.improvement.to_json(),
            "unshot_scenes": len(self.unshot),
            "scheduled_scenes": self.after.scheduled_scenes,
            "status": self.result.status,
            "conflicts": self.result.conflicts,
            # of the days re-planned alone: what the search weighed and the least they can cost
            "remaining_cost": str(self.result.cost.total),
            "remaining_bound": str(self.result.bound) if self.result.bound is not None else None,
            "remaining_gap_percent": percent(self.result.gap),
            "work": round(self.result.work, 2),
            "seconds": round(self.result.seconds, 1),
            "meals_moved": moves_json(self.meals),
            "stays": self.stays,
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
    budgeted = None  # the budget's total before a day is added, if one is
    completed = {scene for scene, outcome in outcomes if outcome == SceneOutcome.COMPLETED.value}
    unshot_scenes = {scene for scene, outcome in outcomes if outcome == SceneOutcome.NOT_SHOT.value} - completed
    days_added = 0
    while True:
        typed, _added = board_for_scheduling(session, production_id)
        later = {day.id for day in typed.days if day.date >= start.shoot_date}
        # The remaining days' typed meals follow the calls the re-plan gives them, as Optimize's do.
        board = following(typed, BoardAnalysis(typed).times, later)
        remaining = [day for day in board.days if day.id in later]
        strip_of = {card.scene_id: card.id for card in board.strips.values() if not card.is_banner}
        unshot = [strip_of[scene] for scene in sorted(unshot_scenes) if scene in strip_of]
        shot = [s for day in reported for s in board.placement.get(day, []) if s not in unshot]
        try:
            board_left = _remaining_board(board, remaining, unshot)
            result = optimize(board_left, time_limit * (1 - ANYWAY_SHARE), progress, cancelled, work=work)
            break
        except InvalidInput:
            if days_added == MAX_DAYS_ADDED:
                raise
            units = sum(1 for day in board.days if day.unit == 1)
            budgeted = _budget_grand(session, production_id) if budgeted is None else budgeted
            days_added += ensure_shoot_days(session, production_id, units + 1)
    kept = {
        day.id: [s for s in board.placement[day.id] if s not in unshot] for day in board.days if day not in remaining
    }
    layout, after = _whole(board, kept, result.placement, cancelled)
    before = BoardAnalysis(board)
    day_of = board.day_of()
    placed_again = all(day_of.get(strip) in later for strip in unshot)  # by a re-plan before this one
    stays = placed_again and not after.standing < before.standing
    if stays:  # the slip was the re-plan's before this one, and placing the rest again saves nothing
        layout, after = board.placement, before
    spared = work * ANYWAY_SHARE if work is not None else time_limit * ANYWAY_SHARE * WORK_PER_SECOND
    return Replan(
        result,
        layout,
        before.cost,
        after.cost,
        after.cost if stays else _anyway(board, remaining, result.placement, unshot, days_added, spared, cancelled),
        unshot,
        [s for s in shot if not board.strips[s].is_banner],
        days_added,
        {day.id: day.date for day in board.days},
        moved_meals(typed, board, after.times),
        stays,
        _budget_grand(session, production_id) - budgeted if budgeted is not None else Decimal(0),
    )


def _budget_grand(session: Session, production_id: int) -> Decimal:
    """The budget's grand total in the production's base currency, the schedule's (none: what a budget with a
    problem comes to, nought)."""
    base = session.get(Production, production_id).base_currency
    return current_budget(session, production_id, base).calculation.grand or Decimal(0)


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


def _anyway(
    board: Board,
    remaining: list,
    replanned: Layout,
    unshot: list[int],
    days_added: int,
    work: float,
    cancelled: Callable[[], bool] | None,
) -> ScheduleCost:
    """The whole schedule with the unshot scenes where they were planned and the rest re-planned anyway:
    started from the cheaper of the remaining days as they are and as re-planned without the unshot scenes
    (when the days added are left empty), and searched again from there (never worse than its start)."""
    reported = {day.id: board.placement.get(day.id, []) for day in board.days if day not in remaining}
    if not unshot:  # the re-plan is the rest re-planned anyway
        return _whole(board, reported, replanned, cancelled)[1].cost
    days = remaining[: len(remaining) - days_added]
    now = _remaining_board(board, days, [])
    starts = [now]
    without = {day.id: [s for s in replanned.get(day.id, []) if s not in unshot] for day in remaining}
    if not any(without[day.id] for day in remaining[len(days) :]):
        boneyard = [s for s in replanned.get(None, []) if s not in unshot]
        starts.append(now.placed({**{day.id: without[day.id] for day in days}, None: boneyard}))
    start = min(starts, key=lambda start: BoardAnalysis(start).standing)
    try:
        placement = optimize(start, cancelled=cancelled, work=work).placement
    except InvalidInput:  # the rest as it is breaks a limit no schedule can keep: left as it is
        placement = start.placement
    return _whole(board, reported, placement, cancelled)[1].cost


def _whole(
    board: Board, reported: Layout, placement: Layout, cancelled: Callable[[], bool] | None
) -> tuple[Layout, BoardAnalysis]:
    """The reported days as they are and the rest as placed, with every swap of two of the rest's days
    that makes the whole schedule cheaper (`day_swaps`): the search weighed the rest alone, blind to a
    performer held between a reported day and theirs."""
    layout = {**reported, **placement}
    analysis = BoardAnalysis(board.placed(layout))
    return swap_days(board, layout, analysis, kept=set(reported), stopped=cancelled or (lambda: False))


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
    """The re-planned schedule stored: every strip where it says, the reported days' shot scenes locked,
    the typed meals moved with their days' calls."""
    set_locked(session, plan.unshot, False)
    place_all(session, production_id, plan.layout)
    set_locked(session, plan.shot, True)
    store_meals(session, plan.meals)
