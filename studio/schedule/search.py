"""The optimizer's search: neighbourhoods of a few shoot days, each solved exactly by CP-SAT.

From a complete schedule, the search frees the scenes of a few days at a time (every pair of days,
then every three, and so on while no smaller set improves; each pass ending with the few sets a day
larger that could save the most) and asks CP-SAT for the cheapest way to place them on those days,
everything else held where it is. Held days become constants before CP-SAT
sees them (`model.ScheduleModel` with `free`), so such a model is small and solved, or proven to hold
nothing better, in hundredths of a second, where a model of the whole production took CP-SAT seconds to
find even a schedule within the limits. A set of days proven to hold nothing better is skipped until
one of its days changes; once the set of every day is proven so, the schedule is the cheapest there is,
as the search counts cost (without labour, then with its estimate: see below).

While the schedule breaks a limit, breaking it costs a penalty (per eighth, per minute) and the sets
tried first are those holding a day with a conflict; once nothing is broken the limits are hard, and
every later schedule keeps them. For the first half of the work (and at least PRICE_AFTER_WORK) the
neighbourhoods leave the cast's overtime and late meals out: a model without them is solved faster,
and a short run gets further fitting scenes and merging days. After that they are priced as
`labour_model` estimates them, with CP-SAT's linear relaxation on (its bound on linear costs is what
lets a neighbourhood be proved to hold nothing better). Measured at 30 s with four seeds on each
production, by the exact cost: the demo's mean went from 118,668 (labour left out throughout) to
117,551 and the larger production's from 183,844 to 180,418; priced from the start, labour made the
10 s runs 7% dearer.
The optimizer compares what it found with the board's schedule by the exact cost, labour included.

All of it is counted in work: CP-SAT's deterministic time plus a fixed charge for each model built
and read, so a budget of work gives the same schedule on any machine, however busy, only sooner or
later. A wall-clock deadline, when one is given, can only stop it sooner.
"""

from __future__ import annotations

import itertools
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from math import comb

from studio.schedule.model import ScheduleModel
from studio.schedule.scene_groups import Counts, Scenes

SEED = 7
STEP_WORK = 0.05  # CP-SAT's deterministic time for a neighbourhood, per day in it
MODEL_WORK = 0.01  # charged for building a model and reading its answer
# Charged per thousand variables and constraints, for presolving (light, or CP-SAT's defaults), which its
# deterministic time leaves out: measured on the demo, CPU seconds per unit of work stay about alike.
PRESOLVE_WORK = {True: 0.02, False: 0.05}
PRICE_AFTER_WORK = 6.0  # labour priced in the neighbourhoods only after this much work (a 10 s run: never)
PRICE_AFTER_SHARE = 0.5  # and after this share of the budget
MOST_SETS = 600  # sets of days tried per size, drawn at random when there are more
# Once a schedule keeps the limits, each pass over sets of days ends with the few sets a day larger that
# could save the most (`_promise`): merging a location's two days often needs a third day with room, and
# a pass that kept finding small savings on pairs reached no triple in a 30 s run. Measured on the demo
# at 14.7 units (30 s), 24 seeds: mean 115,956 -> 112,951 (best 106,788); 2, 4, 6, 8 and 16 such sets
# gave 113,370, 111,694, 112,946, 114,656 and 114,653 on the first 12 seeds. The larger production's mean
# over 8 seeds moved within its spread (177,136 -> 178,965; sd 7,600). Skipping a set whose days did not
# change is a heuristic (a neighbour's wrap or a performer's first date elsewhere may have moved): the
# set of every day, solved last, still proves what it proves.
LARGER_SETS = 4


@dataclass(frozen=True)
class Found:
    """A schedule the search holds: its counts, its cost in minor units without the cast's overtime and
    late meals, those as `labour_model` estimates them once the search prices them (else 0), and the
    penalties for the limits it breaks (0: none)."""

    counts: Counts
    cost: int
    broken: int
    labour: int = 0

    @property
    def objective(self) -> int:
        return self.broken + self.cost + self.labour


class Budget:
    """Work done and allowed; stops also at a wall-clock deadline or when cancelled."""

    def __init__(self, work: float, deadline: float | None = None, cancelled: Callable[[], bool] | None = None):
        self.work, self.deadline, self.cancelled = work, deadline, cancelled
        self.used = 0.0

    def spent(self, solver, model=None, light: bool = False) -> None:
        """Charge a solve: CP-SAT's deterministic time, and for a `model` building and presolving it."""
        self.used += solver.deterministic_time + MODEL_WORK
        if model is not None:
            proto = model.proto
            self.used += PRESOLVE_WORK[light] * (len(proto.variables) + len(proto.constraints)) / 1000

    def left(self) -> float:
        return self.work - self.used

    def seconds_left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.perf_counter()

    def over(self) -> bool:
        return self.used >= self.work or self.stopped()

    def stopped(self) -> bool:
        """Cancelled, or past the deadline, whatever work is left."""
        if self.cancelled is not None and self.cancelled():
            return True
        seconds = self.seconds_left()
        return seconds is not None and seconds <= 0


class Search:
    def __init__(
        self,
        cp_model,
        scenes: Scenes,
        budget: Budget,
        improved: Callable[[Found], None] | None = None,
        conflicted: Callable[[Counts], set[int]] | None = None,
    ):
        """`improved` hears of each better schedule; `conflicted` names the days a schedule breaks a
        limit on (the sets tried first while the schedule breaks any)."""
        self.cp_model, self.scenes, self.budget = cp_model, scenes, budget
        self.improved, self.conflicted = improved, conflicted
        self.random = random.Random(SEED)
        self.days = len(scenes.days)
        self.proven = False  # the set of every day held nothing better, labour priced or limits broken
        self.best: Found | None = None
        self.pricing = False  # labour in the neighbourhoods' cost
        # The schedule held when pricing began, and whether it was proven the cheapest without labour.
        self.unpriced: Found | None = None
        self.proven_unpriced = False

    def weigh(self, counts: Counts) -> Found | None:
        """A complete schedule's cost, estimated labour and penalties (None if it puts a scene where it
        cannot go), as the neighbourhoods count them."""
        if not self.scenes.complete(counts):
            return None
        model = ScheduleModel(self.cp_model, self.scenes, hard=False, free=(), fixed=counts, labour=self.pricing)
        solver = self._solver(1.0, timed=False)  # every choice fixed: quick, and needed however late it is
        status = solver.Solve(model.model)
        self.budget.spent(solver, model.model)
        if status not in (self.cp_model.OPTIMAL, self.cp_model.FEASIBLE):
            return None
        return _found(solver, model)

    def run(self, start: Found) -> Found:
        """The best schedule found from `start` within the budget."""
        self.best = start
        # A set of days held nothing better at a version of the schedule: it is tried again only once one
        # of its days has changed since (`changed`: each day's version when its scenes last changed, or
        # every day's when the cost counted changes), so an improvement on two days sends the search back
        # over the sets holding either, not over every set. The set of every day holds all of them: the
        # proof that nothing is cheaper stays exact.
        settled: dict[tuple[int, ...], int] = {}
        self._changed, self._version = [0] * self.days, 0
        size = min(2, self.days)
        while not self.budget.over() and self.days:
            if self._time_to_price():
                self._price()
                size = min(2, self.days)
            better = settled_all = False
            for days in self._sets(size):
                if self.budget.over() or self._time_to_price():
                    break
                if settled.get(days, -1) >= max(self._changed[d] for d in days):
                    continue
                found, proven = self._solve(days)
                if found is not None:
                    self._hold(found)
                    better = True
                if proven:  # nothing better with only these days changed
                    settled[days] = self._version
                    settled_all = len(days) == self.days
            if settled_all and (self.pricing or self.best.broken):
                self.proven = True
                return self.best
            if settled_all:  # the cheapest without labour: on to pricing it
                self.proven_unpriced = True
                self._price()
                size = min(2, self.days)
            elif self._time_to_price():
                continue
            elif better:
                size = min(2, self.days)
            elif size < self.days:
                size += 1
            else:
                break
        return self.best

    def _hold(self, found: Found) -> None:
        """`found` is the schedule held from now on: the days whose scenes it changed are new."""
        self._version += 1
        before, after = self.best.counts, found.counts
        for g, d in before.keys() | after.keys():
            if before.get((g, d), 0) != after.get((g, d), 0):
                self._changed[d] = self._version
        self.best = found
        if self.improved is not None:
            self.improved(found)

    def _price(self) -> None:
        """Labour priced from now on, the schedule held weighed with it (and kept: the estimate may rank a
        later one cheaper than the exact count does); every set of days may hold something better now."""
        self.pricing, self.unpriced = True, self.best
        self.best = self.weigh(self.best.counts) or self.best
        self._version += 1
        self._changed = [self._version] * self.days

    def _time_to_price(self) -> bool:
        """Whether to price labour from now on: once the schedule keeps the limits and the work is past
        `_price_at` (or, `run` sees to it, the cheapest schedule without labour is found)."""
        return not self.pricing and not self.best.broken and self.budget.used >= self._price_at()

    def _price_at(self) -> float:
        return max(PRICE_AFTER_WORK, PRICE_AFTER_SHARE * self.budget.work)

    def _sets(self, size: int) -> Iterator[tuple[int, ...]]:
        """Sets of `size` days: while the schedule breaks a limit, those with a conflicted day first, else
        those that could save the most first (`_promise`), then the LARGER_SETS most promising sets a
        day larger (not every day: that set is solved only once every smaller one holds nothing better;
        and only while there are at most MOST_SETS of them: up to 16 days for triples); else in a random
        order fixed by the seed."""
        if comb(self.days, size) <= MOST_SETS:
            sets = list(itertools.combinations(range(self.days), size))
            self.random.shuffle(sets)
        else:
            sets = [tuple(sorted(self.random.sample(range(self.days), size))) for _ in range(MOST_SETS)]
        if self.best.broken and self.conflicted is not None:
            bad = self.conflicted(self.best.counts)
            sets.sort(key=lambda days: not bad & set(days))
        else:
            promise = self._promise()
            sets.sort(key=lambda days: -promise(days))
            if size + 1 < self.days and comb(self.days, size + 1) <= MOST_SETS:
                larger = sorted(itertools.combinations(range(self.days), size + 1), key=lambda days: -promise(days))
                sets += larger[:LARGER_SETS]
        yield from sets

    def _promise(self):
        """What a set of days could save at most: a location's fee for each of its days in the set after
        the first (merged, one day less), a performer's day cost where the set holds their first or
        last work date (their run shortened)."""
        scenes, groups = self.scenes, self.scenes.groups
        places: dict[int, set[int]] = {}
        worked: dict[int, set[int]] = {}
        for (g, d), n in self.best.counts.items():
            if not n:
                continue
            strip = groups[g].first
            if strip.location_id is not None:
                places.setdefault(strip.location_id, set()).add(d)
            for performer_id in strip.cast:
                worked.setdefault(performer_id, set()).add(scenes.date_of[d])
        fees = {place: scenes.cents(scenes.board.places[place].fee) for place in places}
        ends = {p: (min(ts), max(ts), scenes.cents(scenes.board.cast[p].day_cost)) for p, ts in worked.items()}

        def promise(days: tuple[int, ...]) -> int:
            chosen = set(days)
            dates = {scenes.date_of[d] for d in days}
            merged = sum(fees[place] * (len(on & chosen) - 1) for place, on in places.items() if len(on & chosen) > 1)
            return merged + sum(cost for first, last, cost in ends.values() if first in dates or last in dates)

        return promise

    def _solve(self, days: tuple[int, ...]) -> tuple[Found | None, bool]:
        """A better schedule with only `days` changed (None if none was found), and whether none can be."""
        best = self.best  # priced only once it keeps the limits (`_time_to_price`), and so are all after it
        model = ScheduleModel(
            self.cp_model, self.scenes, hard=best.broken == 0, free=days, fixed=best.counts, labour=self.pricing
        )
        model.hint(best.counts)
        model.model.Add(model.broken + model.cost + model.labour <= best.objective - 1)
        if len(days) < self.days:
            work = STEP_WORK * len(days)
        elif self.pricing or best.broken:
            work = self.budget.left()
        else:  # the whole schedule without labour: not past the point of pricing it
            work = min(self.budget.left(), max(self._price_at() - self.budget.used, STEP_WORK))
        solver = self._solver(work, light=True)
        status = solver.Solve(model.model)
        self.budget.spent(solver, model.model, light=True)
        if status not in (self.cp_model.OPTIMAL, self.cp_model.FEASIBLE):
            return None, status == self.cp_model.INFEASIBLE
        return _found(solver, model), status == self.cp_model.OPTIMAL

    def _solver(self, work: float, light: bool = False, timed: bool = True):
        """One search worker, the seed fixed; `light` (every neighbourhood): one pass of presolve, no
        probing and no LP. A neighbourhood is small and mostly constants: so CP-SAT found as many better
        schedules as with its defaults on the demo's sets of three days in a third less time, and proved
        a pair held nothing better in 15 ms of CPU instead of 25. While limits are broken too: with the
        defaults the demo's first schedule within them came a little sooner (3.0 s of CPU against 3.8), but
        at 138,470 USD and 113,930 after 4.34 units of work; light ones reached 132,860, then 105,570."""
        solver = self.cp_model.CpSolver()
        parameters = solver.parameters
        parameters.num_workers = 1
        parameters.random_seed = SEED
        parameters.max_deterministic_time = max(work, 0.01)
        seconds = self.budget.seconds_left()
        if timed and seconds is not None:
            parameters.max_time_in_seconds = max(seconds, 0.01)
        if light:
            parameters.max_presolve_iterations = 1
            parameters.cp_model_probing_level = 0
            parameters.symmetry_level = 0
            parameters.linearization_level = 1 if self.pricing else 0
        return solver


def _found(solver, model: ScheduleModel) -> Found:
    values = (_value(solver, expression) for expression in (model.cost, model.broken, model.labour))
    return Found(model.counts(solver), *values)


def _value(solver, expression) -> int:
    return expression if isinstance(expression, int) else int(solver.Value(expression))
