"""The schedule optimizer: every scene on a shoot day at the lowest real cost, never worse than the board.

Cost (in the base currency): each performer is paid from their first work day to their last (work +
holds) at their day rate, and each work day's overtime, late meals and forced calls under their pay
preset (`costs.day_labour`); each location for every day it is used at its fee, and each company move at the
production's move cost. Limits: every scene on one day; nobody and nowhere booked on a date they are
unavailable; each day within its pages; each day's clock as `timeline` has it (day scenes by sunset,
night scenes from dusk, call to wrap within the day's hours, company moves taking time, 12 hours' rest
between a wrap and the unit's next call); locked strips stay on their day, and a reported day keeps
its scenes and takes no other (re-planning after a slip is `studio.day_reports.replan`'s); a performer is
on one unit at a time.

The search (`search`, over the CP-SAT model in `model`) starts from the cheapest of the schedule on the
board (when it places every scene) and two quick ones: scenes grouped by location, and scenes packed on
the days the bound's relaxation gives their location (`packing.planned_placement`: locations on as few
days as can be, which the search otherwise had to merge a pair of days at a time: the demo's 10 s run
went from 124,454 to 109,412). It only ever accepts a cheaper schedule, or one
breaking fewer limits; what it hands back is put in place only if it breaks no more limits than the
board's own schedule and costs less, or breaks fewer. The result says what it saves against the
board's schedule first and against script order second, and what no schedule can cost less than
(`bound`), so how much more searching could still save.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from studio.errors import InvalidInput
from studio.i18n import _
from studio.money import Money
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, Layout
from studio.schedule.bound import first_bound
from studio.schedule.capacity import check_capacity
from studio.schedule.costs import ScheduleCost
from studio.schedule.day_swaps import swap_days
from studio.schedule.meals import MealMove, following, moved_meals
from studio.schedule.packing import baseline_placement, grouped_placement, planned_placement
from studio.schedule.scene_groups import Counts, Scenes
from studio.schedule.search import Budget, Found, Search

WRAP_UP = 2.5  # seconds kept back from the time limit for saving the result (a busy machine takes 2)
# The work a time limit buys, so that on an idle 2-core machine the search ends on its work (the same
# schedule every time) before the deadline. Measured, `schedule auto` whole process, labour priced in
# the second half and the returning cast's rest kept: a unit takes 1.2-1.7 s of a core (this machine's
# speed varied by a fifth within the hour), and at 0.6 a unit the larger production's 30 s run ended
# at its deadline, 15.9 of 16.1 units. So (limit - 3.2 s) × 0.55: 30 s buy 14.7 units (both
# productions ending 21 to 25 s in), 10 s 3.7 (the demo about 6 s in; the larger production, slower
# to set up, at its deadline).
WORK_PER_SECOND = 0.55
SETUP_SECONDS = 3.2


@dataclass(frozen=True)
class Progress:
    """A better schedule found after `seconds`: its cost as the search counts it (None while it still
    breaks a limit: the search is fitting every scene within the limits), and the bound no schedule can
    cost less than. The cost leaves the cast's overtime and late meals out until the search prices them;
    from then on it includes them as estimated, `labour`."""

    seconds: float
    cost: Money | None
    bound: Money | None
    labour: Money | None = None

    @property
    def gap(self) -> float | None:
        """How much of the cost more searching could save at most."""
        return _gap(self.cost.amount, self.bound.amount) if self.cost and self.bound else None


@dataclass(frozen=True)
class OptimizeResult:
    placement: Layout  # the board's own when nothing better was found (`improved` false)
    cost: ScheduleCost
    baseline: ScheduleCost  # script order packed into the same days
    current: ScheduleCost | None  # the board's own schedule, when it places every scene
    # "optimal": proven the cheapest; "feasible": the best found in the time, within every limit; "limits
    # broken": the best found breaks a limit (`conflicts`); "impossible": proven that no schedule keeps
    # every limit (this one breaks the least)
    status: str
    seconds: float
    conflicts: int = 0  # the limits the schedule breaks (none when any schedule keeps them all)
    conflicts_as_shot: int = 0  # of them, those on reported days: as shot, no schedule can clear them
    current_conflicts: int = 0
    bound: Decimal | None = None  # no schedule within the limits costs less
    improved: bool = True  # False: the board's schedule was the best found, and nothing changes
    work: float = 0.0  # the search's work done (CP-SAT's deterministic time and a charge per model)
    driving: tuple[tuple[int, int], ...] = ()  # each shoot day's number and the minutes its moves drive
    meals: tuple[MealMove, ...] = ()  # typed meals moved with their day's call (`meals`), to store with it
    reported: tuple[int, ...] = ()  # the numbers of the reported days, kept as they were shot
    unshot: int = 0  # scenes left unshot on those days, which stay there (a re-plan schedules them again)

    @property
    def saving(self) -> float | None:
        """Against the board's own schedule (None when it left scenes unscheduled)."""
        return _saving(self.cost.total, self.current.total) if self.current is not None else None

    @property
    def script_saving(self) -> float:
        """Against script order packed into the same days."""
        return _saving(self.cost.total, self.baseline.total)

    @property
    def gap(self) -> float | None:
        return _gap(self.cost.total, self.bound) if self.bound is not None and not self.conflicts else None


def _saving(cost: Decimal, before: Decimal) -> float:
    return float(1 - cost / before) if before else 0.0


def _gap(cost: Decimal, bound: Decimal) -> float:
    return float((cost - bound) / cost) if cost > 0 else 0.0


def optimize(
    board: Board,
    time_limit: float = 30.0,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    work: float | None = None,
    spent: float = 0.0,
) -> OptimizeResult:
    """The cheapest schedule found (raises InvalidInput, naming the limit, if none can keep the limits).

    The search is bounded by work (CP-SAT's deterministic time, and a charge per model), so the same
    board gives the same schedule on any machine, however busy: `work` when given (tests), else
    `time_limit` seconds' worth (WORK_PER_SECOND), with `time_limit` itself, less the `spent` seconds
    before the call (a command's start-up), as a deadline that only a machine far slower or busier than
    a laptop's core reaches. Cancelling stops it with the best found. The meals typed on the days' sheets
    follow the calls it gives them (`meals`: the result's `meals`, to store with the schedule).
    """
    from ortools.sat.python import cp_model

    started = time.perf_counter()
    if not board.days:
        raise InvalidInput(_("the production has no shoot days: add them before scheduling"))
    board = board.reported_held()
    own = BoardAnalysis(board)
    typed, board = board, following(board, own.times, [day.id for day in board.days if not day.reported])
    scenes = Scenes(board, frozenset(conflict.day_id for conflict in own.conflicts))
    check_capacity(scenes)
    if work is None:
        deadline = started + time_limit - spent - WRAP_UP
        budget = Budget(max(1.0, (time_limit - SETUP_SECONDS) * WORK_PER_SECOND), deadline, cancelled)
    else:
        budget = Budget(work, None, cancelled)
    currency = board.currency
    bound, weighing = first_bound(cp_model, scenes, budget)
    weighing.start()  # beside the search: the bound rises when it is done

    def bound_money() -> Money | None:
        amount = bound.at_least(weighing.amount).amount
        return Money.from_minor(amount, currency) if amount is not None else None

    def improved(found: Found) -> None:
        if progress is not None:
            cost = None if found.broken else Money.from_minor(found.cost + found.labour, currency)
            labour = Money.from_minor(found.labour, currency) if search.pricing and cost is not None else None
            progress(Progress(time.perf_counter() - started, cost, bound_money(), labour))

    try:
        search = Search(cp_model, scenes, budget, improved, lambda counts: _conflicted_days(board, scenes, counts))
        current = own if _places_every_scene(board, scenes) else None  # the same clock: its meals where typed
        starts = [scenes.counts(board.placement)] if current is not None else []
        starts.append(scenes.counts(grouped_placement(board)))
        if bound.location_days:  # locations on as few days as the bound's relaxation found
            starts.append(scenes.counts(planned_placement(board, bound.location_days)))
        weighed = [found for counts in starts if (found := search.weigh(scenes.repaired(counts))) is not None]
        start = min(weighed, key=lambda found: (found.broken, found.cost + found.labour))
        improved(start)
        best = search.run(start)
    except BaseException:
        weighing.result(stop=True)
        raise
    weighing.result(stop=budget.stopped())
    proved = bound_money()
    # The estimate of labour may rank the search's last schedule cheaper than the exact count does the
    # one it held when it began pricing labour: the cheaper of the two, exactly, then days swapped.
    held = [scenes.layout(found.counts) for found in (best, search.unpriced) if found is not None]
    weighed_exactly = [(layout, BoardAnalysis(board.placed(layout))) for layout in held]
    layout, analysis = min(weighed_exactly, key=lambda pair: pair[1].standing)
    layout, found = swap_days(board, layout, analysis, stopped=budget.stopped)
    proven = search.proven_unpriced and layout == held[-1]  # the schedule proven cheapest without labour
    better = current is None or found.standing < current.standing
    chosen = found if better else current
    shot = {day.id for day in board.reported_days}
    as_shot = sum(1 for conflict in chosen.conflicts if conflict.day_id in shot)
    broken = len(chosen.conflicts) > as_shot
    return OptimizeResult(
        placement=layout if better else board.placement,
        cost=chosen.cost,
        baseline=BoardAnalysis(board.placed(baseline_placement(board))).cost,
        current=current.cost if current is not None else None,
        status=_status(search.proven and best.broken > 0, broken, better and proven, found.cost),
        seconds=time.perf_counter() - started,
        conflicts=len(chosen.conflicts),
        conflicts_as_shot=as_shot,
        current_conflicts=len(current.conflicts) if current is not None else 0,
        bound=proved.amount if proved is not None else None,
        improved=better,
        work=budget.used,
        driving=tuple((day.number, chosen.totals[day.id].driving) for day in board.days),
        meals=moved_meals(typed, board, found.times) if better else (),
        reported=tuple(day.number for day in board.reported_days),
        unshot=sum(day.unshot for day in board.reported_days),
    )


def _status(impossible: bool, broken: bool, proven: bool, found: ScheduleCost) -> str:
    """ "impossible" when the search proved no schedule keeps every limit; "limits broken" when the schedule
    breaks one (not only as shot) though no proof says every schedule must; "optimal" only for a schedule
    put in place that it proved the cheapest without labour (`proven`) and only when it pays no overtime,
    late meal or forced call: then nothing costs less. A schedule proven the cheapest with labour priced
    is proven so only by the estimate of it."""
    if impossible:
        return "impossible"
    if broken:
        return "limits broken"
    return "optimal" if proven and found.labour == 0 else "feasible"


def _places_every_scene(board: Board, scenes: Scenes) -> bool:
    """Whether the board's own schedule is one the search could give: every scene on a day (a locked
    one in the boneyard aside)."""
    waiting = {s for s in board.placement.get(None, []) if not board.strips[s].is_banner}
    return not waiting - set(scenes.locked)


def _conflicted_days(board: Board, scenes: Scenes, counts: Counts) -> set[int]:
    index = {day.id: d for d, day in enumerate(board.days)}
    conflicts = BoardAnalysis(board.placed(scenes.layout(counts))).conflicts
    return {index[conflict.day_id] for conflict in conflicts if conflict.day_id in index}
