"""The cast's pay and the locations weighed together: a tighter bound than the sum of each alone.

On their own, a lead is paid the days their pages need, and each location the days its pages need. A
lead in three quarters of the pages, at every location, is paid that few days only if each location's
scenes with them are shot on those days and the location's other scenes on others, which gives locations
more days; no schedule has both. These relaxations weigh the two for the production's best-paid leads
(KEY_PERFORMERS): they count the days by kind (which of the leads are paid on them: at work, held or on a
call) without placing them, so the model is small whatever the number of days:

- each lead is paid each day of their kinds (and their travel, rehearsal and fitting dates off the shoot
  dates), and at least what they are paid on their own;
- a scene goes on a day whose kind pays each lead in it;
- each kind of day holds its days' pages and minutes (each location's at its quickest scene's minutes per
  eighth, each move at the least a move takes), a location's pages on a kind no more than a day's pages
  for each day it is used there, and a move for each location a day has after its first.

The supporting cast (`supporting_model`): a day player at five locations is paid one day only if one day
has all five, which costs the locations days and moves. For each performer at two locations or more, each
kind's days are split in two, the days they are paid and the others, and each part holds its own pages,
minutes and moves out of the kind's: their scenes on their part, each of its locations used there on at
least a day. The split of one performer is not tied to another's (each is a view of the same days), so
the model grows with the number of such performers, not exponentially.

A reported day is counted as shot: its locations and moves, and the cast who worked it; the kinds are
the other days'. It holds where days are dates: one unit.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from itertools import combinations
from math import ceil, floor

from studio.schedule.dood import called_dates
from studio.schedule.scene_groups import Scenes
from studio.schedule.search import Budget

KEY_PERFORMERS = 3  # 2^3 kinds of day: solved in a fraction of the search's work on the larger production
# With the supporting cast's days split, kinds of the two best-paid leads only: on the larger production,
# proven at 1.39 units of work with 4 kinds; with 8, 5 units had not proven it.
SPLIT_LEADS = 2
ROUNDING = 1e-6  # CP-SAT's bound on a whole objective may be off by floating point's noise


def leads_and_locations(
    cp_model, scenes: Scenes, paid_alone: dict[int, int], needs: dict[int, int], budget: Budget, work: float
) -> tuple[int, set[int]] | None:
    """What the leads and the locations and moves cost at least together, in minor units, and the leads
    (performer ids) it counts; None where the relaxation does not hold or proves nothing.

    `paid_alone`: each performer's fewest paid days on their own; `needs`: the days their scenes need."""
    if work <= 0:
        return None
    built = _Kinds.built(cp_model, scenes, paid_alone, _leads(scenes, needs, KEY_PERFORMERS))
    if built is None:
        return None
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = work
    status = solver.Solve(built.model)
    budget.spent(solver, built.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return proven(solver), set(built.leads)


def supporting_model(cp_model, scenes: Scenes, paid_alone: dict[int, int], needs: dict[int, int]):
    """The CP-SAT model weighing the two best-paid leads, every performer at two locations or more and the
    locations together; its objective counts everyone else as paid alone. None where it does not hold."""
    built = _Kinds.built(cp_model, scenes, paid_alone, _leads(scenes, needs, SPLIT_LEADS))
    if built is None:
        return None
    supporting = built.spread_performers()
    for performer_id in supporting:
        built.split(performer_id)
    others = sum(
        scenes.cents(member.day_cost) * paid_alone[p]
        for p, member in scenes.board.cast.items()
        if p not in built.leads and p not in supporting
    )
    built.model.Minimize(sum(built.costs) + built.as_shot + others)
    return built.model


def proven(solver) -> int:
    """What a solve proves its model's objective at least, in whole minor units. The objective is whole
    units, so a bound a hair above one (CP-SAT's 1835000.0000000002) proves that one, not the next."""
    return max(0, ceil(solver.BestObjectiveBound() - ROUNDING))


class _Kinds:
    """Days counted by kind (the set of leads paid on them), the locations' pages and days and the moves
    on each kind, and the costs: the leads' pay, the locations' fees and the moves."""

    @classmethod
    def built(cls, cp_model, scenes: Scenes, paid_alone: dict[int, int], leads: list[int]) -> _Kinds | None:
        if not scenes.dates or len(scenes.dates) != len(scenes.days) or not leads:
            return None
        return cls(cp_model, scenes, paid_alone, leads)

    def __init__(self, cp_model, scenes: Scenes, paid_alone: dict[int, int], leads: list[int]):
        board, limits = scenes.board, scenes.board.limits
        self.scenes, self.paid_alone, self.leads = scenes, paid_alone, leads
        self.move_minutes, move_cost = least_move(scenes, sorted({g.first.location_id for g in scenes.groups} - {None}))
        self.shot, self.as_shot = _reported_days(scenes, list(board.cast), move_cost)
        eighths: dict[tuple[int | None, frozenset[int]], int] = defaultdict(int)  # (location, leads in it)
        self.speed: dict[int | None, Fraction] = {}  # minutes per eighth of a location's quickest scene
        for group in scenes.groups:
            place = group.first.location_id
            if scenes.on_reported_day(group.first):
                continue
            eighths[place, frozenset(leads).intersection(group.first.cast)] += group.eighths * group.size
            if group.eighths:
                ratio = Fraction(group.minutes, group.eighths)
                self.speed[place] = min(self.speed.get(place, ratio), ratio)
        self.places = sorted({place for place, _ in eighths if place is not None})
        self.n = n = sum(not day.reported for day in scenes.days)
        self.shooting = board.shooting_minutes()
        self.model = model = cp_model.CpModel()
        self.kinds = kinds = [frozenset(kind) for size in range(len(leads) + 1) for kind in combinations(leads, size)]
        self.days = {kind: model.NewIntVar(0, n, "") for kind in kinds}
        model.Add(sum(self.days.values()) == n)
        self.costs = [self.paid(p, sum(self.days[kind] for kind in kinds if p in kind)) for p in leads]
        self.pages: dict[tuple[int | None, frozenset[int], frozenset[int]], object] = {}
        for (place, with_leads), total in eighths.items():
            for kind in kinds:
                if with_leads <= kind:
                    self.pages[place, with_leads, kind] = model.NewIntVar(0, total, "")
            model.Add(sum(self.pages[place, with_leads, kind] for kind in kinds if with_leads <= kind) == total)
        self.on_place: dict[tuple[int, frozenset[int]], list] = defaultdict(list)  # a location's pages on a kind
        for (place, _, kind), eighths in self.pages.items():
            self.on_place[place, kind].append(eighths)
        self.used: dict[tuple[int, frozenset[int]], object] = {}
        self.moves = {}
        for kind in kinds:
            for place in self.places:
                if self.on_place[place, kind]:
                    self.used[place, kind] = model.NewIntVar(0, n, "")
                    model.Add(self.used[place, kind] <= self.days[kind])
                    model.Add(sum(self.on_place[place, kind]) <= limits.eighths * self.used[place, kind])
            self.moves[kind] = model.NewIntVar(0, n * len(self.places), "")
            model.Add(
                self.moves[kind]
                >= sum(self.used[place, kind] for place in self.places if (place, kind) in self.used) - self.days[kind]
            )
            self.costs.append(move_cost * self.moves[kind])
            on_kind = [(key[0], eighths) for key, eighths in self.pages.items() if key[2] == kind]
            self.holds(on_kind, self.moves[kind], self.days[kind])
        self.costs += [scenes.cents(board.places[place].fee) * count for (place, _), count in self.used.items()]
        model.Minimize(sum(self.costs) + self.as_shot)

    def paid(self, performer_id: int, run):
        """A performer's pay: the days `run` counts them paid on, their reported days and their calls off
        the shoot dates, and at least what they are paid alone."""
        member = self.scenes.board.cast[performer_id]
        called = called_dates(member)
        off_shoot = len(called.difference(self.scenes.dates))
        paid = self.model.NewIntVar(self.paid_alone[performer_id], len(self.scenes.dates) + len(called), "")
        self.model.Add(paid >= run + self.shot[performer_id] + off_shoot)
        return self.scenes.cents(member.day_cost) * paid

    def holds(self, pages: list, moves, days) -> None:
        """Some days hold their `pages` ((location, eighths) pairs) and `moves` within a day's pages and
        minutes each. In eighths of a minute, rounded down: never more than the scenes really take."""
        limits = self.scenes.board.limits
        self.model.Add(sum(eighths for _, eighths in pages) <= limits.eighths * days)
        self.model.Add(
            sum(floor(8 * self.speed.get(place, 0)) * eighths for place, eighths in pages)
            + 8 * self.move_minutes * moves
            <= 8 * self.shooting * days
        )

    def spread_performers(self) -> list[int]:
        """The performers who are not leads with scenes to place at two locations or more."""
        places: dict[int, set[int]] = defaultdict(set)
        for group in self.scenes.groups:
            if group.first.location_id is None or self.scenes.on_reported_day(group.first):
                continue
            for performer_id in group.first.cast:
                if performer_id not in self.leads:
                    places[performer_id].add(group.first.location_id)
        return sorted(p for p, at in places.items() if len(at) > 1)

    def split(self, performer_id: int) -> None:
        """Each kind's days split into those the performer is paid on and the others, each part holding its
        pages, minutes and moves; their scenes on their part; their pay counted from their days."""
        model, n, limits = self.model, self.n, self.scenes.board.limits
        eighths: dict[tuple[int | None, frozenset[int]], int] = defaultdict(int)  # (location, leads in it)
        for group in self.scenes.groups:
            if performer_id in group.first.cast and not self.scenes.on_reported_day(group.first):
                with_leads = frozenset(self.leads).intersection(group.first.cast)
                eighths[group.first.location_id, with_leads] += group.eighths * group.size
        theirs: dict[tuple[int | None, frozenset[int]], list] = defaultdict(list)  # (location, kind) → eighths
        for (place, with_leads), total in eighths.items():
            parts = []
            for kind in self.kinds:
                if with_leads <= kind:
                    part = model.NewIntVar(0, total, "")
                    model.Add(part <= self.pages[place, with_leads, kind])
                    theirs[place, kind].append(part)
                    parts.append(part)
            model.Add(sum(parts) == total)
        paid_days = {kind: model.NewIntVar(0, n, "") for kind in self.kinds}
        for kind in self.kinds:
            days = paid_days[kind]
            model.Add(days <= self.days[kind])
            inside, outside = [], []  # (location, location days, eighths) on their days and on the others
            for place in self.places:
                if (place, kind) not in self.used:
                    continue
                used_in, used_out = (model.NewIntVar(0, n, "") for _ in range(2))
                model.Add(used_in + used_out == self.used[place, kind])
                model.Add(used_in <= days)
                model.Add(used_out <= self.days[kind] - days)
                pages_in, pages_out = (
                    model.NewIntVar(0, limits.eighths * n, ""),
                    model.NewIntVar(0, limits.eighths * n, ""),
                )
                model.Add(pages_in + pages_out == sum(self.on_place[place, kind]))
                model.Add(pages_in <= limits.eighths * used_in)
                model.Add(pages_out <= limits.eighths * used_out)
                if theirs[place, kind]:
                    model.Add(pages_in >= sum(theirs[place, kind]))
                inside.append((place, used_in, pages_in))
                outside.append((place, used_out, pages_out))
            inside += [(None, 0, part) for part in theirs[None, kind]]
            moves_in, moves_out = (
                model.NewIntVar(0, n * len(self.places), ""),
                model.NewIntVar(0, n * len(self.places), ""),
            )
            model.Add(moves_in >= sum(used for _, used, _ in inside) - days)
            model.Add(moves_out >= sum(used for _, used, _ in outside) - (self.days[kind] - days))
            model.Add(self.moves[kind] >= moves_in + moves_out)
            self.holds([(place, pages) for place, _, pages in inside], moves_in, days)
            self.holds([(place, pages) for place, _, pages in outside], moves_out, self.days[kind] - days)
        self.costs.append(self.paid(performer_id, sum(paid_days.values())))


def _reported_days(scenes: Scenes, cast: list[int], move_cost: int) -> tuple[dict[int, int], int]:
    """What the reported days hold, as shot: each of `cast` → the reported days they work, and what those
    days' locations and moves cost (each move at the least a move costs)."""
    board = scenes.board
    worked = dict.fromkeys(cast, 0)
    cost = 0
    for day in scenes.days:
        if not day.reported:
            continue
        strips = [strip for strip in board.day_strips(day.id) if not strip.is_banner]
        here = {strip.location_id for strip in strips} - {None}
        cost += sum(scenes.cents(board.places[place].fee) for place in here) + move_cost * max(0, len(here) - 1)
        for performer_id in cast:
            worked[performer_id] += any(performer_id in strip.cast for strip in strips)
    return worked, cost


def least_move(scenes: Scenes, places: list[int]) -> tuple[int, int]:
    """The minutes and the cost (minor units) a company move takes at least: the production's move and the
    shortest drive between two of the locations."""
    limits = scenes.board.limits
    drives = [limits.drives.of(a, b) for a in places for b in places if a != b]
    minutes = limits.move_minutes + min((drive.minutes for drive in drives), default=0)
    return minutes, scenes.cents(limits.move_cost + min((drive.cost for drive in drives), default=0))


def _leads(scenes: Scenes, needs: dict[int, int], count: int) -> list[int]:
    """The `count` performers whose days cost most by what their scenes need."""
    cast = scenes.board.cast
    candidates = [p for p, least in needs.items() if least and cast[p].day_cost > 0]
    candidates.sort(key=lambda p: (-cast[p].day_cost * needs[p], p))
    return candidates[:count]
