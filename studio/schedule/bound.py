"""A proven lower bound on what any schedule within the limits costs: how good a schedule found is.

The cost is the cast's paid days, the locations' days and the company moves, and no schedule costs
less than the least each part can cost on its own, so the bound is the sum of two relaxations, raised
where the cast and the locations are weighed together:

- Locations and moves: each location's pages split over days as if scenes could be cut anywhere, a
  location's fee counted on each day it has any, a move for each location a day has after its first;
  each day not reported within its pages and its hours (a location's minutes counted at its quickest
  scene's minutes per eighth, the moves at their time: at least the production's move and the shortest
  drive between two of its locations); locked pages on their day, a reported day's exactly as shot,
  within its limits or not. CP-SAT solves this small model (a boolean per location and day); what it
  proves, optimal or not, is the bound.
- The cast: each performer is paid their travel, rehearsal and fitting dates, and at least the other
  dates of the shortest run of shoot dates that holds the dates of their locked scenes and enough dates
  they are free on for their pages and hours (a reported date holding only what was shot on it); where
  a long gap can drop them, the dates their locked scenes pay, holds between them included, and one
  more for each work date those leave needed.

- The cast and the locations together (`leads_bound`), days counted by kind: the three best-paid leads;
  then the two best-paid and every performer at two locations or more. That model is the largest: the
  optimizer solves it beside the search, on the machine's other core (`Weighing`).

The search's model counts cost exactly so (`model`), so the gap between a schedule and this bound is
at most what more searching could save. The locations' relaxation, solved, also says which days each
location would have: the optimizer starts from a schedule packed on them too (`packing.planned_placement`).
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, replace
from fractions import Fraction
from math import floor

from studio.schedule.dood import called_dates
from studio.schedule.leads_bound import leads_and_locations, least_move, proven, supporting_model
from studio.schedule.scene_groups import Scenes
from studio.schedule.search import Budget

BOUND_WORK = 1.0  # at most, of the search's work
BOUND_SHARE = 0.3  # and at most this share of it: a short search's work is left for the schedule
# The cast weighed with the locations, in CP-SAT's deterministic time, and at most this share of the
# search's. Measured, one worker, presolve off: the larger production's model is proven (113,166.65) at
# 1.39 in 4 s of a core; the demo's reaches 86,372.01 at 1.5. With its linear relaxation at level 2 the
# demo's is proven (89,695.01) at 2.1, but each unit took half as long again. The share keeps a short run's
# weighing short: beside another busy process, 0.3 of a 10 s run's work (3-4 s of a core) cost the demo's
# search its last tenth of work at the deadline.
WEIGHING_WORK = 1.5
WEIGHING_SHARE = 0.1
WEIGHING_LEAST = 1.0  # below it (a run under 21 s), not weighed: at 0.37 the demo's bound rose by 90


@dataclass(frozen=True)
class Bound:
    """What no schedule within the limits costs less than, in minor units (None when the locations'
    relaxation proves nothing in its share of the work), and the days the relaxation's best solution
    gives each location (location id → day indexes, fullest first), where the search may start."""

    amount: int | None
    location_days: dict[int, list[int]]

    def at_least(self, amount: int | None) -> Bound:
        """The bound raised to `amount`, another proven bound, if it is one."""
        if self.amount is None or amount is None:
            return self
        return replace(self, amount=max(self.amount, amount))


def lower_bound(cp_model, scenes: Scenes, budget: Budget) -> Bound:
    """The bound, every part of it solved here and charged to `budget`."""
    bound, weighing = first_bound(cp_model, scenes, budget)
    weighing.run()
    return bound.at_least(weighing.result())


def first_bound(cp_model, scenes: Scenes, budget: Budget) -> tuple[Bound, Weighing]:
    """The bound from the locations, the cast alone and the leads' kinds of day, and the cast weighed with
    the locations (`Weighing`), built, to be solved here (`run`) or beside the search (`start`)."""
    share, before = min(BOUND_WORK, BOUND_SHARE * budget.work), budget.used
    places, location_days = _locations_and_moves(cp_model, scenes, budget, share)
    if places is None:
        return Bound(None, location_days), Weighing(cp_model, None, budget, 0)
    paid_alone, needs = _cast_days(scenes), work_days_needed(scenes)
    pay = {p: scenes.cents(scenes.board.cast[p].day_cost) * days for p, days in paid_alone.items()}
    amount = places + sum(pay.values())
    left = share - (budget.used - before)  # the leads' model has what the locations' left of the share
    together = leads_and_locations(cp_model, scenes, paid_alone, needs, budget, left)
    if together is not None:
        leads_and_places, leads = together
        amount = max(amount, leads_and_places + sum(cost for p, cost in pay.items() if p not in leads))
    work = min(WEIGHING_WORK, WEIGHING_SHARE * budget.work)
    model = supporting_model(cp_model, scenes, paid_alone, needs) if work >= WEIGHING_LEAST else None
    return Bound(amount, location_days), Weighing(cp_model, model, budget, work)


class Weighing:
    """The cast weighed with the locations (`leads_bound.supporting_model`), solved to `work` of CP-SAT's
    deterministic time: here, charged to the budget (`run`), or on a thread beside the search (`start`,
    then `result`): CP-SAT lets go of Python's lock while it solves, so the search keeps its core, and the
    same work proves the same bound on any machine (a deadline or a cancel stops it sooner)."""

    def __init__(self, cp_model, model, budget: Budget, work: float):
        self.cp_model, self.model, self.budget = cp_model, model, budget
        self.solver = cp_model.CpSolver()
        self.solver.parameters.num_workers = 1
        self.solver.parameters.max_deterministic_time = max(work, 0.01)
        self.solver.parameters.cp_model_presolve = False  # it slowed it: 8.5 s against 6.5 for the same work
        self.amount: int | None = None
        self.thread: threading.Thread | None = None

    def run(self, beside: bool = False) -> None:
        if self.model is None:
            return
        seconds = self.budget.seconds_left()
        if seconds is not None:
            self.solver.parameters.max_time_in_seconds = max(seconds, 0.01)
        status = self.solver.Solve(self.model)
        if not beside:
            self.budget.spent(self.solver, self.model)
        if status in (self.cp_model.OPTIMAL, self.cp_model.FEASIBLE):
            self.amount = proven(self.solver)

    def start(self) -> None:
        self.thread = threading.Thread(target=self.run, args=(True,), name="bound", daemon=True)
        self.thread.start()

    def result(self, stop: bool = False) -> int | None:
        """What it proves, once solved (`stop`: at once, with what it has proved)."""
        if self.thread is not None:
            if stop:
                self.solver.StopSearch()
            self.thread.join()
        return self.amount


def _locations_and_moves(
    cp_model, scenes: Scenes, budget: Budget, work: float
) -> tuple[int | None, dict[int, list[int]]]:
    board, limits = scenes.board, scenes.board.limits
    eighths: dict[int, int] = {}
    speed: dict[int, Fraction] = {}  # minutes per eighth of a location's quickest scene
    days_of: dict[int, set[int]] = {}
    held: dict[tuple[int, int], int] = defaultdict(int)  # (location, day) → the eighths locked there
    for group in scenes.groups:
        place = group.first.location_id
        if place is None:
            continue
        eighths[place] = eighths.get(place, 0) + group.eighths * group.size
        if len(group.days) == 1 and scenes.locked.get(group.first.id) is not None:
            held[place, group.days[0]] += group.eighths * group.size
        if group.eighths:
            ratio = Fraction(group.minutes, group.eighths)
            speed[place] = min(speed.get(place, ratio), ratio)
        days_of.setdefault(place, set()).update(group.days)
    move_minutes, move_cost = least_move(scenes, list(days_of))
    model = cp_model.CpModel()
    used, pages = {}, {}
    for place, days in sorted(days_of.items()):
        for d in sorted(days):
            used[place, d] = model.NewBoolVar("")
            most = held[place, d] if scenes.days[d].reported else min(eighths[place], limits.eighths)
            pages[place, d] = model.NewIntVar(held[place, d], max(held[place, d], most), "")
            model.Add(pages[place, d] <= max(limits.eighths, held[place, d]) * used[place, d])
        model.Add(sum(pages[place, d] for d in days) == eighths[place])
    costs = []
    for d, day in enumerate(scenes.days):
        here = [place for place in days_of if (place, d) in used]
        if not here:
            continue
        moves = model.NewIntVar(0, len(here), "")
        model.Add(moves >= sum(used[place, d] for place in here) - 1)
        costs.append(move_cost * moves)
        if day.reported:  # as it was shot, within its limits or not
            continue
        model.Add(sum(pages[place, d] for place in here) <= limits.eighths)
        # In eighths of a minute, rounded down: never more than the scenes really take.
        model.Add(
            sum(floor(8 * speed.get(place, 0)) * pages[place, d] for place in here) + 8 * move_minutes * moves
            <= 8 * board.shooting_minutes(day)
        )
    for days in scenes.by_date().values():  # one unit at a location at a time
        for place in days_of:
            same = [used[place, d] for d in days if (place, d) in used]
            if len(same) > 1:
                model.AddAtMostOne(same)
    costs += [scenes.cents(board.places[place].fee) * flag for (place, _), flag in used.items()]
    model.Minimize(sum(costs))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = work
    status = solver.Solve(model)
    budget.spent(solver, model)
    if status == cp_model.INFEASIBLE or status == cp_model.MODEL_INVALID:
        return None, {}
    location_days: dict[int, list[int]] = {}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for (place, d), flag in sorted(used.items(), key=lambda item: -solver.Value(pages[item[0]])):
            if solver.Value(flag):
                location_days.setdefault(place, []).append(d)
    return proven(solver), location_days


def _cast_days(scenes: Scenes) -> dict[int, int]:
    """The fewest days each performer is paid, each on their own: the dates their locked scenes hold them,
    and as many more as the pages and minutes of their scenes not on a reported day need (a reported date,
    as shot, may hold more than a day does, and takes no other scene of theirs: one unit at a time); and
    their travel, rehearsal and fitting dates."""
    board, limits, dates = scenes.board, scenes.board.limits, scenes.dates
    droppable = bool(dates) and (dates[-1] - dates[0]).days >= limits.drop_gap_days
    held: dict[int, set[int]] = {}  # performer → the dates their locked scenes are on
    shot: dict[int, set[int]] = {}  # performer → the dates of their reported days
    for strip in scenes.scenes:
        day = scenes.locked.get(strip.id)
        for performer_id in strip.cast:
            if day is not None:
                held.setdefault(performer_id, set()).add(scenes.date_of[day])
            if scenes.on_reported_day(strip):
                shot.setdefault(performer_id, set()).add(scenes.date_of[day])
    needs = work_days_needed(scenes)
    paid: dict[int, int] = {}
    for performer_id, member in board.cast.items():
        called = called_dates(member)
        days = 0
        if performer_id in needs:
            least = max(1, len(shot.get(performer_id, ())) + needs[performer_id])
            free = [date not in member.unavailable for date in dates]
            on_call = [date in called for date in dates]  # paid as calls whether they work or not
            fixed = held.get(performer_id, set())
            if droppable:
                days = _paid_around(fixed, free, least, on_call, _bridged(fixed, dates, limits.drop_gap_days))
            else:
                days = _shortest_run(free, least, on_call, fixed)
        paid[performer_id] = days + len(called)
    return paid


def work_days_needed(scenes: Scenes) -> dict[int, int]:
    """Each performer with a scene → the days their scenes not on a reported day need at least, by their
    pages and by their minutes."""
    totals: dict[int, list[int]] = {}  # performer → [eighths, minutes]
    for strip in scenes.scenes:
        for performer_id in strip.cast:
            need = totals.setdefault(performer_id, [0, 0])
            if not scenes.on_reported_day(strip):
                need[0] += strip.eighths
                need[1] += strip.minutes
    limits, shooting = scenes.board.limits, max(1, scenes.board.shooting_minutes())
    return {p: max(-(-eighths // limits.eighths), -(-minutes // shooting)) for p, (eighths, minutes) in totals.items()}


def _bridged(worked: set[int], dates: list, gap: int) -> set[int]:
    """The dates paid when exactly `worked` are worked and a gap of `gap` days drops the performer: the
    work dates and each date between two of them less than `gap` days apart."""
    paid = set(worked)
    ordered = sorted(worked)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if (dates[b] - dates[a]).days < gap:
            paid.update(range(a + 1, b))
    return paid


def _paid_around(fixed: set[int], free: list[bool], least: int, called: list[bool], paid: set[int]) -> int:
    """The fewest paid dates (called ones aside) for work on the `fixed` dates and `least` dates in all:
    `paid` (what the fixed dates pay, holds between them included) and one more for each work date
    needed beyond the dates those already pay for that they may work (free, or fixed: a scene locked on a
    date they are unavailable is worked there all the same)."""
    covered = sum(1 for t in range(len(free)) if (free[t] or t in fixed) and (t in paid or called[t]))
    return sum(1 for t in paid if not called[t]) + max(0, least - covered)


def _shortest_run(free: list[bool], least: int, called: list[bool], fixed: set[int] = frozenset()) -> int:
    """The fewest paid dates (called ones aside) in a run of dates holding `least` free ones and the
    `fixed` ones."""
    best = None
    first_fixed, last_fixed = (min(fixed), max(fixed)) if fixed else (len(free), -1)
    for first in range(min(len(free), first_fixed + 1)):
        held = 0
        for last in range(first, len(free)):
            held += free[last] or last in fixed
            if held >= least and last >= last_fixed:
                paid = sum(1 for t in range(first, last + 1) if not called[t])
                best = paid if best is None else min(best, paid)
                break
    return best if best is not None else least
