"""The schedule optimizer: OR-Tools CP-SAT assigns every scene to a shoot day at the lowest real cost.

Cost (in the base currency's minor units): each performer is paid from their first work day to their
last (work + holds) at their day rate, each location for every day it is used at its fee, and each
company move at the production's move cost. Constraints: every scene on exactly one day; nobody and
nowhere booked on a date they are unavailable; each day within its pages; each day's clock as
`timeline` has it (day scenes by sunset, night scenes from dusk, call to wrap within the day's hours,
company moves taking time, 12 hours' rest between a wrap and the unit's next call); locked strips
stay on their day; a performer is on one unit at a time.

Within each day scenes are then ordered by location (day scenes before night scenes), which makes
the moves the model counted the moves the day really has.
"""

from __future__ import annotations

import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal

from studio.errors import InvalidInput
from studio.formatting import format_eighths
from studio.i18n import _
from studio.money import Money
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, Layout, StripCard
from studio.schedule.costs import ScheduleCost
from studio.schedule.packing import baseline_placement, grouped_placement, shooting_order
from studio.schedule.timeline import DAY_MINUTES, TURNAROUND_MINUTES

PENALTY_DAYS = 2  # a broken limit costs as much as this many days of everyone and everywhere
WRAP_UP = 1.5  # seconds kept back from the time limit for starting up and saving the result
HINT_SECONDS = 2.0  # at most, to work out the rest of a starting schedule's variables
FIRST_SHARE = 0.6  # of the time at most, for the first search: a schedule within the limits
SEED = 7


@dataclass(frozen=True)
class Progress:
    """A better schedule found: its cost, and what CP-SAT has proved none can go below (None: not yet
    known, or the search is still looking for a schedule within every limit, when cost is None)."""

    seconds: float
    cost: Money | None
    bound: Money | None


@dataclass(frozen=True)
class OptimizeResult:
    placement: Layout
    cost: ScheduleCost
    baseline: ScheduleCost
    status: str  # "optimal": proven; "feasible": the best found in the time limit
    seconds: float
    conflicts: int = 0  # what the schedule still breaks (a limit no schedule found could keep)

    @property
    def saving(self) -> float:
        return float(1 - self.cost.total / self.baseline.total) if self.baseline.total else 0.0


def optimize(
    board: Board,
    time_limit: float = 30.0,
    progress: Callable[[Progress], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    work: float | None = None,
) -> OptimizeResult:
    """The cheapest schedule found within `time_limit` seconds (raises InvalidInput if none can exist).

    With `work`, the search is bounded instead by that much of CP-SAT's deterministic time (its own
    measure of work done), with one search worker interleaving its subsolvers and a fixed seed, and
    every share of the budget counted in that measure: the same board then gives the same schedule on
    any machine, however busy, only sooner or later (`time_limit` is not applied; cancelling still
    stops it). Tests use it.

    Two searches share the time. The first looks only for a schedule that keeps every limit (pages,
    hours, daylight, turnaround), starting from a quick grouped schedule and counting each limit broken
    as a penalty; it stops as soon as it has one. The second then looks for the cheapest schedule,
    starting from the first's: with the limits as hard constraints when they could all be kept (where
    CP-SAT improves fastest), else still as penalties, so a schedule always comes out and what no
    schedule could keep shows as conflicts.
    """
    from ortools.sat.python import cp_model

    started = time.perf_counter()
    if not board.days:
        raise InvalidInput(_("the production has no shoot days: add them before scheduling"))
    baseline = BoardAnalysis(board.placed(baseline_placement(board))).cost
    problem = _Problem(board)
    problem.check_capacity()
    clock = _Clock(started, work)
    budget = float(work) if work is not None else max(1.0, float(time_limit) - clock.used() - WRAP_UP)
    start = grouped_placement(board)
    search = {"clock": clock, "cancelled": cancelled}
    status, placement = problem.solve(
        cp_model, False, budget * FIRST_SHARE, hint=start, cost=False, progress=progress, **search
    )
    keeps_limits = status is not None and problem.broken == 0
    status = status and "feasible"  # the first search proves nothing about cost
    remaining = budget - clock.used()
    if status is not None and remaining >= 1 and not (cancelled and cancelled()):
        found, better = problem.solve(
            cp_model, keeps_limits, remaining, hint=placement, cost=True, progress=progress, **search
        )
        if found is not None:
            status, placement = found, better
    if status is not None:
        placement = _fewest_conflicts(board, [placement, start, *_complete(board, problem)])
    if status is None:
        if cancelled is not None and cancelled():
            raise InvalidInput(_("scheduling was cancelled before a schedule was found; nothing changed"))
        raise InvalidInput(
            _("no schedule was found in {seconds} seconds: allow more time").format(
                seconds=round(time_limit if work is None else work)
            )
        )
    scheduled = BoardAnalysis(board.placed(placement))
    return OptimizeResult(
        placement=placement,
        cost=scheduled.cost,
        baseline=baseline,
        status=status,
        seconds=time.perf_counter() - started,
        conflicts=len(scheduled.conflicts),
    )


def _fewest_conflicts(board: Board, candidates: list[Layout]) -> Layout:
    """The search's best may still break more limits than the quick schedule it started from, or cost
    more than the schedule already on the board (a short search): keep whichever breaks the fewest,
    then the cheapest."""

    def weight(placement: Layout) -> tuple[int, Decimal]:
        placed = BoardAnalysis(board.placed(placement))
        return len(placed.conflicts), placed.cost.total

    return min(candidates, key=weight)


def _complete(board: Board, problem: _Problem) -> list[Layout]:
    """The board's own schedule, if it already places every scene the search places and keeps the
    locked strips where they are (else it is not a candidate)."""
    waiting = {s for s in board.placement.get(None, []) if not board.strips[s].is_banner}
    if waiting - set(problem.locked):
        return []
    return [{day: list(ids) for day, ids in board.placement.items()}]


class _Problem:
    def __init__(self, board: Board):
        self.board = board
        self.days = board.days
        self.dates = sorted({day.date for day in board.days})
        self.date_index = {date: index for index, date in enumerate(self.dates)}
        day_of = board.day_of()
        self.locked: dict[int, int | None] = {
            s.id: day_of.get(s.id) for s in board.strips.values() if s.locked and not s.is_banner
        }
        self.scenes = [
            s
            for s in sorted(board.strips.values(), key=lambda s: s.sort_order)
            if not s.is_banner and not (s.id in self.locked and self.locked[s.id] is None)
        ]
        self.minor = Money.from_minor(1, board.currency).amount  # one cent (or fen, or yen) as a Decimal

    def cents(self, amount) -> int:
        return int(amount / self.minor)

    def allowed(self, strip: StripCard) -> list[int]:
        """Indexes of the days this scene may go on."""
        if strip.id in self.locked:
            return [i for i, day in enumerate(self.days) if day.id == self.locked[strip.id]]
        return [i for i, day in enumerate(self.days) if not self._blocked(strip, day.date)]

    def _blocked(self, strip: StripCard, date) -> str | None:
        for performer_id in strip.cast:
            if date in self.board.cast[performer_id].unavailable:
                return self.board.cast[performer_id].name
        if strip.location_id is not None and date in self.board.places[strip.location_id].unavailable:
            return self.board.places[strip.location_id].name
        return None

    def check_capacity(self) -> None:
        limits, count = self.board.limits, len(self.days)
        eighths = sum(s.eighths for s in self.scenes)
        if eighths > limits.eighths * count:
            raise InvalidInput(
                _(
                    "the scenes need {pages} pages but {days} shoot days hold {limit}: "
                    "add shoot days or raise the pages per day"
                ).format(pages=format_eighths(eighths), days=count, limit=format_eighths(limits.eighths * count))
            )
        minutes = sum(s.minutes for s in self.scenes)
        if minutes > limits.minutes * count:
            raise InvalidInput(
                _(
                    "the scenes need {hours} hours but {days} shoot days hold {limit}: "
                    "add shoot days or raise the hours per day"
                ).format(hours=minutes // 60, days=count, limit=limits.minutes * count // 60)
            )
        for strip in self.scenes:
            if not self.allowed(strip):
                raise InvalidInput(
                    _("scene {number} cannot go on any shoot day: someone or somewhere in it is unavailable").format(
                        number=strip.number
                    )
                )

    def solve(
        self,
        cp_model,
        hard_limits: bool,
        seconds: float,
        clock: _Clock,
        progress,
        cancelled,
        hint: Layout,
        cost: bool,
    ) -> tuple[str | None, Layout]:
        """One search from `hint`, for the cheapest schedule (`cost`) or only for one that keeps the
        limits, within `seconds` of the clock's budget (wall or deterministic); returns "optimal",
        "feasible" or None (nothing found), and the schedule found, leaving how far it breaks the
        limits in `self.broken`."""
        until = clock.used() + seconds
        values = self._completed(cp_model, hard_limits, hint, min(HINT_SECONDS, seconds / 4), clock)
        model = self.build(cp_model, hard_limits, cost)
        if values is not None:
            for variable, value in zip(self.created, values, strict=True):
                model.AddHint(variable, value)
        else:
            chosen = self._chosen(hint)
            for key, x in self.x.items():
                model.AddHint(x, int(key in chosen))
        solver = cp_model.CpSolver()
        left = max(0.5, until - clock.used())
        if clock.deterministic:
            # One worker running CP-SAT's subsolvers in turn (`interleave_search`): the same search whatever
            # the cores and the load. It found the demo's schedules sooner, per second of the clock, than
            # one plain worker or four interleaved.
            solver.parameters.max_deterministic_time = left
            solver.parameters.num_workers = 1
            solver.parameters.interleave_search = True
        else:
            solver.parameters.max_time_in_seconds = left
            # One search worker per core: more only share the cores and find the first schedule later.
            solver.parameters.num_workers = max(1, min(8, os.cpu_count() or 1))
        solver.parameters.random_seed = SEED
        listener = _Listener(cp_model, self, clock.started, progress, cost)
        with _watching(solver, cancelled):
            status = solver.Solve(model, listener)
        clock.spent(solver)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None, {}
        self.broken = solver.Value(self.violations) if not isinstance(self.violations, int) else 0
        return ("optimal" if status == cp_model.OPTIMAL else "feasible"), self.placement(solver)

    def build(self, cp_model, hard_limits: bool, cost: bool):
        board, limits = self.board, self.board.limits
        model = cp_model.CpModel()
        self.created: list = []  # every variable, in the order made: two builds make them alike
        n_days = len(self.days)
        self.x: dict[tuple[int, int], object] = {}
        for strip in self.scenes:
            choices = []
            for d in self.allowed(strip):
                self.x[strip.id, d] = self._bool(model)
                choices.append(self.x[strip.id, d])
            model.AddExactlyOne(choices)
        on_day: dict[int, list[StripCard]] = defaultdict(list)
        for strip in self.scenes:
            for d in range(n_days):
                if (strip.id, d) in self.x:
                    on_day[d].append(strip)
        location_ids = sorted({s.location_id for s in self.scenes if s.location_id is not None})
        self.loc = {(place, d): self._bool(model) for place in location_ids for d in range(n_days)}
        # Where each part of the day is shot: day scenes first, then night scenes.
        part_loc = {
            (place, d, is_night): self._bool(model)
            for place in location_ids
            for d in range(n_days)
            for is_night in (False, True)
        }
        night = [self._bool(model) for _ in range(n_days)]
        daytime = [self._bool(model) for _ in range(n_days)]
        for d, strips in on_day.items():
            for strip in strips:
                x = self.x[strip.id, d]
                model.AddImplication(x, night[d] if strip.is_night else daytime[d])
                if strip.location_id is not None:
                    model.AddImplication(x, part_loc[strip.location_id, d, strip.is_night])
        for d in range(n_days):  # a part of the day exists only if a scene is in it
            for flag, is_night in ((night[d], True), (daytime[d], False)):
                model.Add(flag <= sum(self.x[s.id, d] for s in on_day.get(d, []) if s.is_night == is_night))
        for (place, d, part), used_here in part_loc.items():
            model.AddImplication(used_here, self.loc[place, d])
            # Used only if a scene there is: else a free "stay" could hide the move at dusk.
            there = [self.x[s.id, d] for s in on_day.get(d, []) if s.location_id == place and s.is_night == part]
            model.Add(used_here <= sum(there))
        self._one_unit_per_location(model, location_ids)
        # Without hard limits, breaking one (pages, hours, daylight, turnaround) costs as much as two whole
        # days of everyone and everywhere: every schedule is a solution to improve on, so the search never
        # comes back empty-handed, and a limit nothing can keep (a locked night, too few days) shows as a
        # conflict instead of "no schedule".
        penalty = max(
            1,
            self.cents(
                PENALTY_DAYS
                * (
                    sum((m.day_cost for m in board.cast.values()), Decimal(0))
                    + sum((place.fee for place in board.places.values()), Decimal(0))
                    + limits.move_cost * len(location_ids)
                )
            ),
        )
        objective = []
        moves = []
        clock = []
        longest = DAY_MINUTES + sum(s.minutes for s in self.scenes) + 2 * len(location_ids) * limits.move_minutes

        violations = []

        def broken(per_unit: int, most: int):
            """How far a limit is broken: nothing when limits are hard, else a penalty per unit over."""
            if hard_limits:
                return 0
            over = self._int(model, 0, max(most, 0))
            violations.append(max(per_unit, 1) * over)
            return over

        for d, day in enumerate(self.days):
            strips = on_day.get(d, [])
            day_moves, night_moves = self._moves_in_day(model, part_loc, location_ids, d, night[d], daytime[d])
            moves.append(day_moves + night_moves)
            eighths = sum(s.eighths * self.x[s.id, d] for s in strips)
            model.Add(eighths - broken(penalty // 8, sum(s.eighths for s in strips)) <= limits.eighths)
            day_part = limits.move_minutes * day_moves + sum(
                s.minutes * self.x[s.id, d] for s in strips if not s.is_night
            )
            night_part = limits.move_minutes * night_moves + sum(
                s.minutes * self.x[s.id, d] for s in strips if s.is_night
            )
            call, wrap = self._clock_of(model, day, longest)
            clock.append((call, wrap))
            # Exteriors by sunset: a day with any has its whole day part done by sunset, which holds
            # whatever order the day's scenes are shot in.
            exteriors = [s for s in strips if s.needs_daylight]
            if exteriors:
                outside = self._bool(model)
                for strip in exteriors:
                    model.AddImplication(self.x[strip.id, d], outside)
                late = broken(penalty // 60, longest)
                model.Add(call + day_part - late <= day.sunset).OnlyEnforceIf(outside)
            # Night scenes from dusk; call to wrap within the day's hours.
            model.Add(wrap >= call + day_part + night_part)
            model.Add(wrap >= day.dusk + night_part).OnlyEnforceIf(night[d])
            model.Add(wrap - call - broken(penalty // 60, longest) <= limits.minutes)
        for a, b, gap in self._consecutive_pairs():
            rest = clock[b][0] + gap * DAY_MINUTES - clock[a][1]
            model.Add(rest + broken(penalty // 60, longest) >= TURNAROUND_MINUTES)
        objective += self._cast_terms(model, on_day)
        objective += [
            self.cents(board.places[place].fee) * self.loc[place, d] for place in location_ids for d in range(n_days)
        ]
        objective += [self.cents(limits.move_cost) * m for m in moves]
        self.violations = sum(violations)
        model.Minimize(self.violations + sum(objective) if cost else self.violations)
        return model

    def _bool(self, model):
        variable = model.NewBoolVar("")
        self.created.append(variable)
        return variable

    def _int(self, model, low: int, high: int):
        variable = model.NewIntVar(low, high, "")
        self.created.append(variable)
        return variable

    def _clock_of(self, model, day, longest: int) -> tuple:
        """The day's call and wrap, in minutes after its midnight: a call sheet's crew call is kept."""
        first = self.board.limits.first_call
        if day.fixed_call is not None:
            call = model.NewConstant(day.fixed_call)
        else:
            call = self._int(model, min(first, DAY_MINUTES), DAY_MINUTES)
        return call, self._int(model, 0, DAY_MINUTES + longest)

    def _moves_in_day(self, model, part_loc, location_ids, d, night, daytime):
        """Moves in the day's shooting order, (day part, night part): each part visits its locations one
        after another, and the dusk costs a move too unless one location has both day and night scenes."""
        day_places = sum(part_loc[place, d, False] for place in location_ids)
        night_places = sum(part_loc[place, d, True] for place in location_ids)
        both_parts = self._bool(model)
        model.Add(both_parts >= daytime + night - 1)
        stays = self._bool(model)  # some location is shot in both parts: no move at dusk
        shared = []
        for place in location_ids:
            both = self._bool(model)
            model.AddImplication(both, part_loc[place, d, False])
            model.AddImplication(both, part_loc[place, d, True])
            shared.append(both)
        model.Add(stays <= sum(shared))
        parts = []
        for moves in (day_places - daytime, night_places - night + both_parts - stays):
            counted = self._int(model, 0, 2 * max(len(location_ids), 1))  # never below none
            model.Add(counted >= moves)
            parts.append(counted)
        return parts

    def _consecutive_pairs(self) -> list[tuple[int, int, int]]:
        """(day, the unit's next day, days between their dates)."""
        pairs, last_of_unit = [], {}
        for i, day in sorted(enumerate(self.days), key=lambda item: (item[1].unit, item[1].date)):
            if day.unit in last_of_unit:
                before = last_of_unit[day.unit]
                pairs.append((before, i, (day.date - self.days[before].date).days))
            last_of_unit[day.unit] = i
        return pairs

    def _cast_terms(self, model, on_day) -> list:
        """Each performer paid from first to last work date: first ≤ every scene's date ≤ last."""
        terms = []
        last_date = len(self.dates) - 1
        scenes_of: dict[int, list[StripCard]] = defaultdict(list)
        for strip in self.scenes:
            for performer_id in strip.cast:
                scenes_of[performer_id].append(strip)
        units = len(self.days) != len(self.dates)
        for performer_id, strips in scenes_of.items():
            first, last = self._int(model, 0, last_date), self._int(model, 0, last_date)
            for strip in strips:
                date_of = sum(
                    self.date_index[self.days[d].date] * self.x[strip.id, d]
                    for d in range(len(self.days))
                    if (strip.id, d) in self.x
                )
                model.Add(first <= date_of)
                model.Add(last >= date_of)
            if units:
                self._one_unit_at_a_time(model, performer_id, strips)
            cost = self.cents(self.board.cast[performer_id].day_cost)
            terms += [cost * last, -cost * first, cost]
        return terms

    def _one_unit_per_location(self, model, location_ids: list[int]) -> None:
        """Two units shooting on one date cannot both be at a location."""
        by_date: dict = defaultdict(list)
        for d, day in enumerate(self.days):
            by_date[day.date].append(d)
        for slots in by_date.values():
            if len(slots) > 1:
                for place in location_ids:
                    model.Add(sum(self.loc[place, d] for d in slots) <= 1)

    def _one_unit_at_a_time(self, model, performer_id: int, strips: list[StripCard]) -> None:
        by_date: dict = defaultdict(list)
        for d, day in enumerate(self.days):
            by_date[day.date].append(d)
        for slots in by_date.values():
            if len(slots) < 2:
                continue
            works = []
            for d in slots:
                work = self._bool(model)
                for strip in strips:
                    if (strip.id, d) in self.x:
                        model.AddImplication(self.x[strip.id, d], work)
                works.append(work)
            model.Add(sum(works) <= 1)

    def _completed(
        self, cp_model, hard_limits: bool, placement: Layout, seconds: float, clock: _Clock
    ) -> list[int] | None:
        """Every variable's value for `placement`, to start the search from. CP-SAT uses a hint best
        when it names every variable, so the rest (calls, wraps, moves, how far each limit is broken)
        come from a quick solve of the same model with the scenes held where the placement has them;
        None if that finds nothing (the placement breaks a hard limit). The values are read one by one:
        OR-Tools 9.15 can crash when a response's protocol buffer is read directly."""
        held = self.build(cp_model, hard_limits, cost=False)
        chosen = self._chosen(placement)
        for key, x in self.x.items():
            held.Add(x == int(key in chosen))
        solver = cp_model.CpSolver()
        if clock.deterministic:
            solver.parameters.max_deterministic_time = seconds
        else:
            solver.parameters.max_time_in_seconds = seconds
        solver.parameters.num_workers = 1
        found = solver.Solve(held)
        clock.spent(solver)
        if found not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return None
        return [solver.Value(variable) for variable in self.created]

    def _chosen(self, placement: Layout) -> set[tuple[int, int | None]]:
        day_index = {day.id: d for d, day in enumerate(self.days)}
        return {(strip_id, day_index.get(day_id)) for day_id, ids in placement.items() for strip_id in ids}

    def placement(self, solver) -> Layout:
        chosen: dict[int, list[StripCard]] = defaultdict(list)
        for (strip_id, d), x in self.x.items():
            if solver.BooleanValue(x):
                chosen[d].append(self.board.strips[strip_id])
        placement: Layout = {None: []}
        for d, day in enumerate(self.days):
            banners = [s for s in self.board.placement.get(day.id, []) if self.board.strips[s].is_banner]
            placement[day.id] = banners + [strip.id for strip in shooting_order(chosen.get(d, []))]
        placement[None] = [
            s for s in self.board.placement.get(None, []) if self.board.strips[s].is_banner or s in self.locked
        ]
        return placement


class _Clock:
    """What the budget is counted in: wall seconds since `started`, or with a work budget the
    deterministic time CP-SAT reports for the solves so far (which no load on the machine changes)."""

    def __init__(self, started: float, work: float | None):
        self.started = started
        self.deterministic = work is not None
        self.work = 0.0

    def spent(self, solver) -> None:
        self.work += solver.deterministic_time

    def used(self) -> float:
        return self.work if self.deterministic else time.perf_counter() - self.started


class _Listener:
    """Reports each better schedule CP-SAT finds: in the search for the cheapest, its cost (and the
    bound, when the limits are hard and the objective is the cost alone); before it, only that one
    was found."""

    def __new__(cls, cp_model, problem: _Problem, started: float, progress, cost: bool):
        class Listener(cp_model.CpSolverSolutionCallback):
            def on_solution_callback(self) -> None:
                if progress is None:
                    return
                seconds = time.perf_counter() - started
                if not cost:
                    progress(Progress(seconds, None, None))
                    return
                penalties = problem.violations
                if isinstance(penalties, int):
                    objective, bound = self.ObjectiveValue(), self.BestObjectiveBound()
                else:
                    objective, bound = self.ObjectiveValue() - self.Value(penalties), None
                money = [
                    Money(problem.minor * int(value), problem.board.currency)
                    if value is not None and value > 0
                    else None
                    for value in (objective, bound)
                ]
                progress(Progress(seconds, *money))

        return Listener()


@contextmanager
def _watching(solver, cancelled: Callable[[], bool] | None) -> Iterator[None]:
    """Stop the search soon after `cancelled()` turns true, even while no better schedule turns up."""
    if cancelled is None:
        yield
        return
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.1):
            if cancelled():
                solver.StopSearch()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
