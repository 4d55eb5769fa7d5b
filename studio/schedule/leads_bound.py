"""The leads' pay and the locations weighed together: a tighter bound than the sum of each alone.

On their own, a lead is paid the days their pages need, and each location the days its pages need. A
lead in three quarters of the pages, at every location, is paid that few days only if each location's
scenes with them are shot on those days and the location's other scenes on others, which gives locations
more days; no schedule has both. This relaxation weighs the two for the production's best-paid leads
(KEY_PERFORMERS): it counts the days by kind (which of the leads are paid on them: at work, held or on a
call) without placing them, so its model is small whatever the number of days:

- each lead is paid each day of their kinds (and their travel, rehearsal and fitting dates off the shoot
  dates), and at least what they are paid on their own;
- a scene goes on a day whose kind pays each lead in it;
- each kind of day holds its days' pages and minutes (each location's at its quickest scene's minutes per
  eighth, each move at the least a move takes), a location's pages on a kind no more than a day's pages
  for each day it is used there, and a move for each location a day has after its first.

A reported day is counted as shot: its locations and moves, and the leads who worked it; the kinds are
the other days'. It holds where days are dates: one unit.
"""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from itertools import combinations
from math import floor

from studio.schedule.dood import called_dates
from studio.schedule.scene_groups import Scenes
from studio.schedule.search import Budget

KEY_PERFORMERS = 3  # 2^3 kinds of day: solved in a fraction of the search's work on the larger production


def leads_and_locations(
    cp_model, scenes: Scenes, paid_alone: dict[int, int], needs: dict[int, int], budget: Budget, work: float
) -> tuple[int, set[int]] | None:
    """What the leads and the locations and moves cost at least together, in minor units, and the leads
    (performer ids) it counts; None where the relaxation does not hold or proves nothing.

    `paid_alone`: each performer's fewest paid days on their own; `needs`: the days their scenes need."""
    board, limits = scenes.board, scenes.board.limits
    dates = scenes.dates
    if not dates or len(dates) != len(scenes.days) or work <= 0:
        return None
    leads = _leads(scenes, needs)
    if not leads:
        return None
    move_minutes, move_cost = least_move(scenes, sorted({g.first.location_id for g in scenes.groups} - {None}))
    shot, as_shot = _reported_days(scenes, leads, move_cost)
    eighths: dict[tuple[int | None, frozenset[int]], int] = defaultdict(int)  # (location, leads in it)
    speed: dict[int | None, Fraction] = {}  # minutes per eighth of a location's quickest scene
    for group in scenes.groups:
        place = group.first.location_id
        if scenes.on_reported_day(group.first):
            continue
        eighths[place, frozenset(leads).intersection(group.first.cast)] += group.eighths * group.size
        if group.eighths:
            ratio = Fraction(group.minutes, group.eighths)
            speed[place] = min(speed.get(place, ratio), ratio)
    places = sorted({place for place, _ in eighths if place is not None})
    n = sum(not day.reported for day in scenes.days)
    model = cp_model.CpModel()
    kinds = [frozenset(kind) for size in range(len(leads) + 1) for kind in combinations(leads, size)]
    days = {kind: model.NewIntVar(0, n, "") for kind in kinds}
    model.Add(sum(days.values()) == n)
    costs = []
    for performer_id in leads:
        member = board.cast[performer_id]
        run = sum(days[kind] for kind in kinds if performer_id in kind)
        called = called_dates(member)
        off_shoot = len(called.difference(dates))
        paid = model.NewIntVar(paid_alone[performer_id], len(dates) + len(called), "")
        model.Add(paid >= run + shot[performer_id] + off_shoot)
        costs.append(scenes.cents(member.day_cost) * paid)
    pages, used = {}, {}
    for (place, with_leads), total in eighths.items():
        for kind in kinds:
            if with_leads <= kind:
                pages[place, with_leads, kind] = model.NewIntVar(0, total, "")
        model.Add(sum(pages[place, with_leads, kind] for kind in kinds if with_leads <= kind) == total)
    for kind in kinds:
        on_kind = [key for key in pages if key[2] == kind]
        for place in places:
            here = [pages[key] for key in on_kind if key[0] == place]
            if here:
                used[place, kind] = model.NewIntVar(0, n, "")
                model.Add(used[place, kind] <= days[kind])
                model.Add(sum(here) <= limits.eighths * used[place, kind])
        moves = model.NewIntVar(0, n * len(places), "")
        model.Add(moves >= sum(used[place, kind] for place in places if (place, kind) in used) - days[kind])
        costs.append(move_cost * moves)
        model.Add(sum(pages[key] for key in on_kind) <= limits.eighths * days[kind])
        # In eighths of a minute, rounded down: never more than the scenes really take.
        model.Add(
            sum(floor(8 * speed.get(key[0], 0)) * pages[key] for key in on_kind) + 8 * move_minutes * moves
            <= 8 * board.shooting_minutes() * days[kind]
        )
    costs += [scenes.cents(board.places[place].fee) * count for (place, _), count in used.items()]
    model.Minimize(sum(costs) + as_shot)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_deterministic_time = work
    status = solver.Solve(model)
    budget.spent(solver, model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return max(0, int(-(-solver.BestObjectiveBound() // 1))), set(leads)


def _reported_days(scenes: Scenes, leads: list[int], move_cost: int) -> tuple[dict[int, int], int]:
    """What the reported days hold, as shot: each lead → the reported days they work, and what those days'
    locations and moves cost (each move at the least a move costs)."""
    board = scenes.board
    worked = dict.fromkeys(leads, 0)
    cost = 0
    for day in scenes.days:
        if not day.reported:
            continue
        strips = [strip for strip in board.day_strips(day.id) if not strip.is_banner]
        here = {strip.location_id for strip in strips} - {None}
        cost += sum(scenes.cents(board.places[place].fee) for place in here) + move_cost * max(0, len(here) - 1)
        for performer_id in leads:
            worked[performer_id] += any(performer_id in strip.cast for strip in strips)
    return worked, cost


def least_move(scenes: Scenes, places: list[int]) -> tuple[int, int]:
    """The minutes and the cost (minor units) a company move takes at least: the production's move and the
    shortest drive between two of the locations."""
    limits = scenes.board.limits
    drives = [limits.drives.of(a, b) for a in places for b in places if a != b]
    minutes = limits.move_minutes + min((drive.minutes for drive in drives), default=0)
    return minutes, scenes.cents(limits.move_cost + min((drive.cost for drive in drives), default=0))


def _leads(scenes: Scenes, needs: dict[int, int]) -> list[int]:
    """The KEY_PERFORMERS performers whose days cost most by what their scenes need."""
    cast = scenes.board.cast
    candidates = [p for p, least in needs.items() if least and cast[p].day_cost > 0]
    candidates.sort(key=lambda p: (-cast[p].day_cost * needs[p], p))
    return candidates[:KEY_PERFORMERS]
