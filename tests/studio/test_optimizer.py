"""The optimizer: its model counts what the schedule really costs and breaks, it never hands back worse
than the board, it keeps the limits, it names the limit no schedule can keep, and its bound holds.

The demo is planned as it stands before its first day is shot (`planned_demo`); what a reported day
keeps is tested on the demo as it is, three days reported. Every search here is bounded by work
(CP-SAT's deterministic time), so each test reaches the same schedule on any machine, however busy."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import replace
from decimal import Decimal

import pytest
from ortools.sat.python import cp_model
from sqlmodel import select

from studio.errors import InvalidInput
from studio.models import Availability, Location, Performer
from studio.models.enums import PerformerDayKind
from studio.operations import store_meals
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, CastMember, Day, Limits, Place, StripCard
from studio.schedule.board_loading import load_board
from studio.schedule.bound import first_bound, lower_bound
from studio.schedule.drives import Drives
from studio.schedule.model import ScheduleModel
from studio.schedule.optimizer import optimize
from studio.schedule.packing import grouped_placement, planned_placement
from studio.schedule.scene_groups import Scenes
from studio.schedule.search import Budget
from studio.schedule.strips import place_all, set_locked

D = dt.date
BOUND_WORK = 10.0  # a search's work from which the bound weighs the supporting cast too (`bound.WEIGHING_LEAST`)
WORK = 4.0  # on the demo: every limit kept, a third below the board's own schedule (3 did, before moves drove)


def board_of(database) -> Board:
    with database.session() as session:
        return load_board(session, 1)


def model_cost(board: Board, layout) -> tuple[int, int]:
    """(cost, penalties) the model gives a schedule, every scene held where the layout has it."""
    scenes = Scenes(board)
    model = ScheduleModel(cp_model, scenes, hard=False, free=(), fixed=scenes.counts(layout))
    solver = cp_model.CpSolver()
    assert solver.Solve(model.model) == cp_model.OPTIMAL
    return solver.Value(model.cost), solver.Value(model.broken)


def cents(amount: Decimal) -> int:
    return int(amount * 100)


def test_the_model_counts_a_schedule_as_the_board_costs_it(planned_demo):
    board = board_of(planned_demo)
    moved = board.moved(board.placement[board.days[0].id][:12], board.days[5].id, 0).placement  # day 6 too long
    for layout in (board.placement, grouped_placement(board), moved):
        analysis = BoardAnalysis(board.placed(layout))
        cost, broken = model_cost(board, layout)
        assert cost == cents(analysis.cost.total - analysis.cost.labour)  # the model leaves the labour out
        assert analysis.cost.labour > 0 and bool(broken) == bool(analysis.conflicts)


def test_interchangeable_scenes_are_one_group_placed_in_script_order(planned_demo):
    board = board_of(planned_demo)
    scenes = Scenes(board)
    assert len(scenes.groups) < len(scenes.scenes)
    counts = scenes.counts(board.placement)
    layout = scenes.layout(counts)
    assert scenes.counts(layout) == counts
    day_of = {strip_id: day for day, ids in layout.items() for strip_id in ids}
    days = {day.id: d for d, day in enumerate(board.days)}
    for group in scenes.groups:
        placed = [days[day_of[strip.id]] for strip in group.strips]
        assert placed == sorted(placed)  # the group's first scenes in script order go on its earliest days


def small_board(seed: int, days: int = 3, scenes: int = 6, drives: Drives | None = None) -> Board:
    """Scenes at three locations (as many as `drives` has, with their drives), some at night, some
    exteriors, two performers and a guest; turnaround, hours, daylight and pages all bind on some seeds."""
    places = sorted(drives.route) if drives is not None else [1, 2, 3]
    rng = random.Random(seed)
    first = D(2027, 3, 1)
    dates = [first + dt.timedelta(days=i + (i >= 2)) for i in range(days)]  # a day off after the second
    sunset = 17 * 60 if seed % 2 else 13 * 60  # a short winter day far north on even seeds: daylight binds
    board_days = [Day(100 + i, i + 1, date, 1, sunset=sunset, dusk=sunset + 30) for i, date in enumerate(dates)]
    strips = {}
    for i in range(scenes):
        place = rng.randint(1, len(places))
        cast = tuple(sorted({rng.choice((1, 2)), *(() if rng.random() < 0.6 else (3,))}))
        eighths = rng.choice((4, 8, 12, 16))
        strips[i + 1] = StripCard(
            i + 1,
            1000 + i,
            number=str(i + 1),
            location_id=place,
            location=f"L{place}",
            set_name=f"S{place}",
            int_ext="EXT" if rng.random() < 0.6 else "INT",
            time_of_day="NIGHT" if rng.random() < 0.35 else "DAY",
            eighths=eighths,
            minutes=eighths * 15,
            cast=cast,
            cast_numbers=cast,
            sort_order=i,
            route=drives.route[place] if drives is not None else 0,
        )
    cast = {
        1: CastMember(1, "Lead", (1,), Decimal(900)),
        2: CastMember(2, "Second", (2,), Decimal(500)),
        3: CastMember(3, "Guest", (3,), Decimal(700)),
    }
    limits = Limits(32, 600, 60, Decimal(250), 10)
    if drives is not None:
        limits = Limits(32, 600, 30, Decimal(250), 10, drives=drives)
    layout = {day.id: [] for day in board_days} | {None: list(strips)}
    return Board(
        1, "USD", board_days, strips, layout, cast, {p: Place(p, f"L{p}", Decimal(400 * p)) for p in places}, limits
    )


def all_layouts(board: Board):
    """Every way of putting the board's scenes on days they may go on (a locked one on its day, no one
    booked where they are unavailable), each day in its shooting order."""
    scenes, ids = Scenes(board), list(board.strips)
    for days in itertools.product(*(scenes.allowed(board.strips[s]) for s in ids)):
        layout = {day.id: [s for s, d in zip(ids, days, strict=True) if d == i] for i, day in enumerate(board.days)}
        yield scenes.layout(scenes.counts(layout | {None: []}))


def cheapest_by_hand(board: Board) -> Decimal | None:
    """The cheapest schedule without a conflict, trying every one."""
    costs = [
        analysis.cost.total
        for layout in all_layouts(board)
        if not (analysis := BoardAnalysis(board.placed(layout))).conflicts
    ]
    return min(costs, default=None)


@pytest.mark.parametrize("seed", range(16))
def test_on_small_boards_the_proven_optimum_is_the_cheapest_schedule_and_the_bound_is_below_it(seed):
    board = small_board(seed)
    best = cheapest_by_hand(board)
    result = optimize(board, work=20)
    if best is None:  # proven: the schedule breaking the least still breaks a limit
        assert result.status == "impossible" and result.conflicts
        return
    assert result.status == "optimal" and result.conflicts == 0
    assert result.cost.total == best
    assert result.bound is not None and result.bound <= best


def reported_first_day(board: Board, shot: int) -> Board:
    """The board with its first `shot` scenes shot on its first day, in script order, and that day reported."""
    first = replace(board.days[0], reported=True)
    ids = list(board.strips)
    placement = {day.id: [] for day in board.days} | {first.id: ids[:shot], None: ids[shot:]}
    return replace(board, days=[first, *board.days[1:]], placement=placement)


@pytest.mark.parametrize("seed", range(8))
def test_a_reported_day_keeps_what_was_shot_and_the_rest_is_placed_at_least_cost(seed):
    board = reported_first_day(small_board(seed, scenes=5), shot=2)
    first, rest = board.days[0].id, board.placement[None]
    layouts, scenes = [], Scenes(board)
    for days in itertools.product(board.days[1:], repeat=len(rest)):
        placed = {day.id: [s for s, d in zip(rest, days, strict=True) if d is day] for day in board.days[1:]}
        layouts.append(scenes.layout(scenes.counts({first: board.placement[first], **placed, None: []})))
    costs = [
        analysis.cost.total for layout in layouts if not (analysis := BoardAnalysis(board.placed(layout))).conflicts
    ]
    result = optimize(board, work=20)
    assert result.placement[first] == board.placement[first] and result.reported == (1,)
    if not costs:
        assert result.conflicts
        return
    assert result.status == "optimal" and result.conflicts == 0 and result.cost.total == min(costs)
    assert result.bound is not None and result.bound <= min(costs)


def cheapest_keeping_the_first_day(board: Board) -> Decimal | None:
    """The cheapest schedule of the scenes not on the board's (reported) first day over the other days,
    trying every one, breaking no limit but on the first day, which is as it was shot."""
    first, rest, scenes = board.days[0].id, board.placement[None], Scenes(board)
    costs = []
    for days in itertools.product(board.days[1:], repeat=len(rest)):
        placed = {day.id: [s for s, d in zip(rest, days, strict=True) if d is day] for day in board.days[1:]}
        layout = scenes.layout(scenes.counts({first: board.placement[first], **placed, None: []}))
        analysis = BoardAnalysis(board.placed(layout))
        if all(conflict.day_id == first for conflict in analysis.conflicts):
            costs.append(analysis.cost.total)
    return min(costs, default=None)


@pytest.mark.parametrize(("seed", "gap", "limit"), [(s, g, e) for s in range(6) for g in (2, 10) for e in (16, 32)])
def test_the_bound_is_below_the_cheapest_schedule_keeping_a_reported_day_over_its_limit(seed, gap, limit):
    """Three scenes shot on the first day, its pages perhaps over a lowered limit; a long gap dropping the
    cast or not; the lead unavailable on the day shot (marked after): the bound stays below what any
    schedule keeping that day costs."""
    board = reported_first_day(small_board(seed, scenes=5), shot=3)
    board.limits.drop_gap_days, board.limits.eighths = gap, limit
    board.cast[1].unavailable = {board.days[0].date}
    best = cheapest_keeping_the_first_day(board)
    bound = lower_bound(cp_model, Scenes(board), Budget(BOUND_WORK)).amount
    if best is not None and bound is not None:
        assert bound <= cents(best)
    if best is not None:  # what the day shot breaks is no reason to refuse placing the rest
        result = optimize(board, work=5)
        assert result.placement[board.days[0].id] == board.placement[board.days[0].id]
        assert result.cost.total <= best or result.status != "optimal"


@pytest.mark.parametrize("seed", range(6))
def test_a_reported_day_over_a_lowered_limit_leaves_the_rest_held_to_the_limits(seed):
    """Its pages over the limit as shot: the search still reaches a schedule keeping every limit on the
    other days, and says so as it goes (a cost, not 'fitting every scene within the limits')."""
    board = reported_first_day(small_board(seed, scenes=5), shot=3)
    shot = sum(board.strips[s].eighths for s in board.placement[board.days[0].id])
    board.limits.eighths = shot - 4  # the day, as shot, now over the limit
    best = cheapest_keeping_the_first_day(board)
    if best is None:
        pytest.skip("no schedule keeps the other days within their limits")
    costs: list = []
    result = optimize(board, work=5, progress=lambda found: costs.append(found.cost))
    assert costs[-1] is not None and result.status == "optimal" and result.cost.total == best
    assert result.conflicts == result.conflicts_as_shot >= 1  # the day as shot, told apart


def test_two_units_reported_with_the_lead_on_both_is_a_conflict_kept_not_a_failure():
    """The lead shot on both units the same date (as reported): the schedule keeps it, saying so."""
    board = small_board(2, days=3, scenes=5)
    first, second, third = board.days
    second = replace(second, date=first.date, unit=2, reported=True)
    first = replace(first, reported=True)
    strips = {s: replace(card, cast=(1,)) if s in (1, 2) else card for s, card in board.strips.items()}
    placement = {first.id: [1], second.id: [2], third.id: [], None: [3, 4, 5]}
    board = replace(board, days=[first, second, third], strips=strips, placement=placement)
    result = optimize(board, work=2.0)
    assert result.placement[first.id] == [1] and result.placement[second.id] == [2]
    kinds = {c.kind for c in BoardAnalysis(board.placed(result.placement)).conflicts}
    assert "cast_double_booked" in kinds and sorted(result.placement[third.id]) == [3, 4, 5]


def test_a_scene_left_when_every_day_is_reported_asks_for_a_day_more():
    board = reported_first_day(small_board(5, days=1, scenes=2), shot=1)
    with pytest.raises(InvalidInput, match="every shoot day is reported: add shoot days for scene 2"):
        optimize(board, work=1.0)


def test_the_bound_counts_what_a_reported_day_holds():
    """Two of the lead's scenes at two locations shot on the first day: those locations' fees and the
    lead's pay on that day are paid whatever comes after, which the bound of the same scenes not yet
    shot (free to go anywhere) does not count; below the cheapest schedule keeping the day either way
    (the test above, seed 1)."""
    board = reported_first_day(small_board(1, scenes=5), shot=2)
    shot = [board.strips[s] for s in board.placement[board.days[0].id]]
    assert [(s.cast, s.location_id) for s in shot] == [((1,), 1), ((1,), 2)]
    not_shot = replace(board, days=[replace(board.days[0], reported=False), *board.days[1:]])
    assert (
        lower_bound(cp_model, Scenes(board), Budget(BOUND_WORK)).amount
        > lower_bound(cp_model, Scenes(not_shot), Budget(BOUND_WORK)).amount
    )


def test_a_schedule_already_the_cheapest_is_left_as_it_is():
    board = small_board(1)
    first = optimize(board, work=20)
    assert first.status == "optimal" and first.improved and first.current is None  # the board had nothing placed
    placed = board.placed(first.placement)
    again = optimize(placed, work=20)
    assert not again.improved and again.placement == placed.placement
    assert again.cost == again.current == first.cost and again.saving == 0


def test_the_demo_is_scheduled_within_every_limit_and_below_the_board(planned_demo):
    board = board_of(planned_demo)
    before = BoardAnalysis(board)
    assert not before.conflicts  # the demo's first schedule, made by hand, keeps the limits but costs more
    result = optimize(board, work=WORK)
    assert result.improved and result.conflicts == 0 and result.current_conflicts == 0
    assert result.current == before.cost and result.cost.total < before.cost.total * Decimal("0.7")
    assert result.saving > 0.3 and result.script_saving > result.saving
    assert result.bound is not None and result.bound < result.cost.total
    assert 0 < result.gap < 0.35
    assert not BoardAnalysis(board.placed(result.placement)).conflicts


def test_a_deadline_already_past_still_gives_the_best_of_the_board_and_the_quick_schedules(planned_demo):
    # A command whose start-up took longer than its whole time limit: the deadline has passed before the
    # search starts, on any machine, so no search runs and what is asserted does not depend on speed.
    board = board_of(planned_demo)
    result = optimize(board, time_limit=1.0, spent=5.0)
    location_days = lower_bound(cp_model, Scenes(board), Budget(5)).location_days
    quick = (board.placement, grouped_placement(board), planned_placement(board, location_days))
    starts = [BoardAnalysis(board.placed(layout)) for layout in quick]
    best = min((len(start.conflicts), start.cost.total) for start in starts)
    assert (result.conflicts, result.cost.total) <= best
    assert result.current == starts[0].cost and result.status == "feasible"


def test_the_search_may_start_from_the_locations_on_the_days_the_bound_gives_them(planned_demo):
    # The bound's relaxation of locations puts the demo's seven on twelve days (the two biggest on three
    # each, Chloe's apartment on two); scenes packed on those days (where they fit) keep every limit and
    # cost far less than the grouped schedule, which used 22 location days.
    board = board_of(planned_demo)
    location_days = lower_bound(cp_model, Scenes(board), Budget(5)).location_days
    assert sorted(len(days) for days in location_days.values()) == [1, 1, 1, 1, 2, 3, 3]
    planned = BoardAnalysis(board.placed(planned_placement(board, location_days)))
    grouped = BoardAnalysis(board.placed(grouped_placement(board)))
    assert not planned.conflicts and planned.cost.location_days < grouped.cost.location_days
    assert planned.cost.total < grouped.cost.total
    day_index = {day.id: d for d, day in enumerate(board.days)}
    pages = {True: 0, False: 0}  # on a day the plan gives the scene's location, or not
    for day_id, strip_ids in planned_placement(board, location_days).items():
        for strip in (board.strips[strip_id] for strip_id in strip_ids if day_id is not None):
            if not strip.is_banner and strip.location_id in location_days:
                pages[day_index[day_id] in location_days[strip.location_id]] += strip.eighths
    assert pages[True] >= 9 * pages[False]  # nine pages in ten where planned: the rest did not fit there


def test_the_optimizer_never_moves_a_locked_strip_or_books_someone_unavailable(planned_demo):
    with planned_demo.transaction() as session:
        board = load_board(session, 1)
        locked = board.placement[board.days[2].id][:3]
        set_locked(session, locked, True)
        board = load_board(session, 1)
    result = optimize(board, work=WORK)
    assert set(locked) <= set(result.placement[board.days[2].id])
    kinds = {c.kind for c in BoardAnalysis(board.placed(result.placement)).conflicts}
    assert not kinds & {"cast_unavailable", "location_unavailable", "over_pages"}


def test_a_better_schedule_is_applied_and_a_second_run_from_it_is_never_worse(planned_demo):
    board = board_of(planned_demo)
    first = optimize(board, work=1.0)
    with planned_demo.transaction() as session:  # as `schedule auto` stores it: the strips, and the meals moved
        place_all(session, 1, first.placement)
        store_meals(session, first.meals)
    board = board_of(planned_demo)
    second = optimize(board, work=1.0)
    assert second.current.total == first.cost.total
    assert (second.conflicts, second.cost.total) <= (first.conflicts, first.cost.total)
    if not second.improved:
        assert second.placement == board.placement


@pytest.mark.parametrize(
    ("kind", "name", "free"),
    [
        (
            Performer,
            "Daniel Hayes",
            "Daniel Hayes's scenes need 7 shoot days at 15 pages a day; Daniel Hayes is available on 4",
        ),
        (
            Location,
            "Sterling Mansion",
            "Sterling Mansion's scenes need 3 shoot days at 15 pages a day; Sterling Mansion is available on 2",
        ),
    ],
)
def test_someone_or_somewhere_with_too_few_free_days_for_their_scenes_is_named(planned_demo, kind, name, free):
    """Unavailable from the 11th to the 15th (the production's first five shoot dates), or the 19th too."""
    last = D(2027, 1, 15) if kind is Performer else D(2027, 1, 18)
    with planned_demo.transaction() as session:
        column = Performer.legal_name if kind is Performer else Location.name
        owner = session.exec(select(kind).where(column == name)).one()
        owner_key = "performer_id" if kind is Performer else "location_id"
        session.add(Availability(**{owner_key: owner.id}, start_date=D(2027, 1, 11), end_date=last))
    with pytest.raises(InvalidInput, match=free):
        optimize(board_of(planned_demo), work=1.0)


def test_locked_scenes_over_a_days_pages_are_named(planned_demo):
    board = board_of(planned_demo)
    first = board.days[0].id
    many = [s for ids in list(board.placement.values())[:3] for s in ids]
    board = board.moved(many, first, 0)
    board.strips.update({s: replace(board.strips[s], locked=True) for s in many})
    with pytest.raises(InvalidInput, match="Day 1's locked scenes have .* pages, over the limit of 15"):
        optimize(board, work=1.0)


def test_the_bound_counts_travel_days_and_a_drop_as_the_cost_does():
    """A guest travelling the day before, and a gap long enough to drop them: the model's cost is the
    board's, and the bound stays below the cheapest schedule."""
    board = small_board(3, days=3, scenes=5)
    board.cast[3].calls = {D(2027, 2, 28): PerformerDayKind.TRAVEL.value, D(2027, 3, 2): PerformerDayKind.FITTING.value}
    board.limits.drop_gap_days = 2
    for layout in itertools.islice(all_layouts(board), 0, None, 7):
        cost, _ = model_cost(board, layout)
        assert cost == cents(BoardAnalysis(board.placed(layout)).cost.total)
    best = cheapest_by_hand(board)
    bound = lower_bound(cp_model, Scenes(board), Budget(BOUND_WORK)).amount
    assert best is not None and bound is not None and bound <= cents(best)


def one_location_board(scenes: list[tuple], born: dt.date | None = None, dawn: int = (24 + 5) * 60 + 30) -> Board:
    """Two consecutive days at one location (sunset 17:00, dark 17:30), a lead (1) and a second (2) who
    is `born` then; `scenes` as (INT/EXT, DAY/NIGHT, minutes, cast, set), in script order."""
    days = [Day(100 + i, i + 1, D(2027, 1, 11 + i), 1, 17 * 60, 17 * 60 + 30, dawn=dawn) for i in range(2)]
    strips = {
        i: StripCard(
            i,
            i,
            str(i),
            location_id=1,
            location="L1",
            set_name=set_name,
            int_ext=int_ext,
            time_of_day=time_of_day,
            eighths=8,
            minutes=minutes,
            cast=cast,
            cast_numbers=cast,
            sort_order=i,
        )
        for i, (int_ext, time_of_day, minutes, cast, set_name) in enumerate(scenes, start=1)
    }
    cast = {1: CastMember(1, "Lead", (1,), Decimal(900)), 2: CastMember(2, "Kid", (2,), Decimal(500), born=born)}
    limits = Limits(200, 720, 60, Decimal(400), 10, first_call=7 * 60)
    layout = {day.id: [] for day in days} | {None: list(strips)}
    return Board(1, "USD", days, strips, layout, cast, {1: Place(1, "L1", Decimal(1000))}, limits)


def test_the_bound_is_the_cheapest_schedule_when_the_hours_alone_decide_it():
    """Three 5-hour interiors with the lead at one location, 12-hour days: two days' fees and two days'
    pay are what every schedule within the limits costs at least, and what the cheapest costs."""
    board = one_location_board([("INT", "DAY", 300, (1,), f"S{i}") for i in range(3)])
    best = cheapest_by_hand(board)
    assert best == 2 * Decimal(1000) + 2 * Decimal(900)
    assert lower_bound(cp_model, Scenes(board), Budget(BOUND_WORK)).amount == cents(best)


def scenes_per_day(board: Board, result) -> list[list[int]]:
    return [sorted(result.placement[day.id]) for day in board.days]


def test_night_exteriors_are_split_over_days_rather_than_shot_past_dawn():
    # Dark at 17:30 and light again at 01:00: two nights of five hours outside each wrap at 22:30; on one
    # day (a day's fee and pay saved) they would run to 03:30.
    board = one_location_board([("EXT", "NIGHT", 300, (1,), "S1"), ("EXT", "NIGHT", 300, (1,), "S2")], dawn=25 * 60)
    result = optimize(board, work=1.0)
    assert result.status == "optimal" and result.conflicts == 0
    assert sorted(scenes_per_day(board, result)) == [[1], [2]]
    together = board.placed({100: [1, 2], 101: [], None: []})
    assert [c.kind for c in BoardAnalysis(together).conflicts] == ["dawn"]
    assert model_cost(board, together.placement)[1] > 0  # the model counts it broken too


def interior_day_scene(i: int, place: int | None, eighths: int, minutes: int, cast: tuple[int, ...]) -> StripCard:
    return StripCard(
        i,
        1000 + i,
        str(i),
        location_id=place,
        location=f"L{place}" if place else "",
        set_name=f"S{place}",
        int_ext="INT",
        time_of_day="DAY",
        eighths=eighths,
        minutes=minutes,
        cast=cast,
        cast_numbers=cast,
        sort_order=i,
    )


def two_days_at_two_locations(scenes: list[tuple[int, tuple[int, ...]]], rates: dict[int, int]) -> Board:
    """Two days of 32 eighths; each scene (location 1 or 2, its cast) 16 eighths and two hours; the
    locations' fees 400 and 800; the performers at their day rates."""
    days = [Day(100 + i, i + 1, D(2027, 1, 11 + i), 1, 17 * 60, 17 * 60 + 30) for i in range(2)]
    strips = {i: interior_day_scene(i, place, 16, 120, cast) for i, (place, cast) in enumerate(scenes, start=1)}
    return Board(
        1,
        "USD",
        days,
        strips,
        {day.id: [] for day in days} | {None: list(strips)},
        {p: CastMember(p, f"P{p}", (p,), Decimal(rate)) for p, rate in rates.items()},
        {1: Place(1, "L1", Decimal(400)), 2: Place(2, "L2", Decimal(800))},
        Limits(32, 600, 60, Decimal(250), 10),
    )


def test_the_bound_weighs_a_leads_days_against_the_locations_days():
    """Two locations, each with a scene with the lead and one without, over two days. On their own the
    locations need a day each and the lead one; but either each location has its day and the lead works
    both, or the lead's scenes share a day and each location is used on both (and a move each day). The
    cheaper is two days' pay: what the bound proves, where the parts alone proved one."""
    board = two_days_at_two_locations([(1, (1,)), (1, ()), (2, (1,)), (2, ())], {1: 900})
    best = cheapest_by_hand(board)
    assert best == 400 + 800 + 2 * 900
    assert lower_bound(cp_model, Scenes(board), Budget(BOUND_WORK)).amount == cents(best)


@pytest.mark.parametrize(("seed", "gap"), [(s, g) for s in range(8) for g in (2, 10)])
def test_the_bound_weighing_the_leads_and_the_locations_stays_below_the_cheapest_schedule(seed, gap):
    """Four days (a day off after the second), three performers at three locations; a gap of two days
    drops a performer, of ten none. On most of these boards the leads' pay weighed with the locations'
    days raises the bound; on none does it pass the cheapest schedule."""
    board = small_board(seed, days=4, scenes=6)
    board.limits.drop_gap_days = gap
    best = cheapest_by_hand(board)
    bound = lower_bound(cp_model, Scenes(board), Budget(BOUND_WORK)).amount
    assert best is not None and bound is not None and bound <= cents(best)


def test_the_bound_weighs_a_day_players_locations_against_their_days():
    """Two days full of two locations' pages, three leads in every scene and a day player in one scene at
    each location. On their own the day player needs a day and each location one; but either the
    locations share both days (a fee and a move more each day) or the day player works both. The cheaper
    is their second day's pay: what the bound proves with the supporting cast's days split, where the
    leads' kinds of day alone (the day player not among them) proved a day."""
    leads, everyone = (1, 2, 3), (1, 2, 3, 4)
    scenes = [(1, everyone), (1, leads), (2, everyone), (2, leads)]
    board = two_days_at_two_locations(scenes, {1: 900, 2: 800, 3: 700, 4: 600})
    best = cheapest_by_hand(board)
    assert best == 400 + 800 + 2 * (900 + 800 + 700 + 600)
    without_split = first_bound(cp_model, Scenes(board), Budget(BOUND_WORK))[0].amount
    assert without_split == cents(best) - 600 * 100
    assert lower_bound(cp_model, Scenes(board), Budget(BOUND_WORK)).amount == cents(best)
    result = optimize(board, work=10)  # the split solved beside the search (weighed from 10 units of work)
    assert result.bound == best and result.status == "optimal"


def with_a_day_player(board: Board, seed: int) -> Board:
    """The board with a fourth performer, dearer than the second, in two or three of its scenes."""
    rng = random.Random(seed)
    chosen = set(rng.sample(sorted(board.strips), rng.choice((2, 3))))
    strips = {
        i: replace(strip, cast=tuple(sorted({*strip.cast, 4})), cast_numbers=tuple(sorted({*strip.cast, 4})))
        if i in chosen
        else strip
        for i, strip in board.strips.items()
    }
    return replace(board, strips=strips, cast=board.cast | {4: CastMember(4, "Day player", (4,), Decimal(650))})


def test_the_bound_weighing_day_players_stays_below_the_cheapest_schedule():
    """Small boards with a day player besides two leads and a guest, every schedule tried: the bound with
    the supporting cast's days split is never above the cheapest, and on some it is above what the leads'
    kinds of day prove."""
    raised = 0
    for seed in range(16):
        board = with_a_day_player(small_board(seed, scenes=6), seed)
        best = cheapest_by_hand(board)
        bound = lower_bound(cp_model, Scenes(board), Budget(BOUND_WORK)).amount
        if best is None or bound is None:
            continue
        assert bound <= cents(best), seed
        raised += bound > first_bound(cp_model, Scenes(board), Budget(BOUND_WORK))[0].amount
    assert raised


def test_the_bound_is_not_raised_by_floating_point_noise():
    """One day, a scene at each of two locations and one at none: CP-SAT proved the supporting cast's
    model at 1835000.0000000002, and rounding that up made the bound a cent above the cheapest schedule."""
    day = Day(101, 1, D(2027, 3, 2), 1, sunset=17 * 60, dusk=17 * 60 + 30)

    scene = interior_day_scene
    strips = {1: scene(1, 1, 3, 15, (2, 3)), 3: scene(3, 2, 5, 50, (1, 6)), 4: scene(4, None, 6, 90, (5,))}
    rates = {1: 4000, 2: 900, 3: 200, 5: 4000, 6: 1500}
    board = Board(
        1,
        "USD",
        [day],
        strips,
        {101: [], None: [1, 3, 4]},
        {p: CastMember(p, f"P{p}", (p,), Decimal(rate)) for p, rate in rates.items()},
        {1: Place(1, "L1", Decimal(3000)), 2: Place(2, "L2", Decimal(3000))},
        Limits(16, 480, 0, Decimal(250), 10),
    )
    best = cheapest_by_hand(board)
    assert best == Decimal("16850.00")
    assert lower_bound(cp_model, Scenes(board), Budget(BOUND_WORK)).amount == cents(best)
