"""Company moves by distance: the drive worked out by hand, typed drives winning, the base city standing
in, and the optimizer's model charging a day exactly the drives of its shooting order (a far move more
than a near one). Every search is bounded by work, so each test reaches the same schedule anywhere."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace
from decimal import Decimal

import pytest
from ortools.sat.python import cp_model

from studio import operations
from studio.drive_times import drive_rows
from studio.errors import InvalidInput
from studio.models import Production
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, Day, StripCard
from studio.schedule.drives import Roads, Spot, distance_km, drive_minutes, drives, spots
from studio.schedule.model import ScheduleModel
from studio.schedule.optimizer import optimize
from studio.schedule.scene_groups import Scenes
from studio.storage.backups import restore_backup, take_backup
from studio.storage.db import open_database
from tests.pdf_text import pdf_text_squeezed
from tests.studio.test_callsheet import small_production
from tests.studio.test_callsheet_pdf import export
from tests.studio.test_optimizer import all_layouts, cheapest_by_hand, model_cost, small_board

ROADS = Roads(140, 40, Decimal(300), "USD")  # 1.4 × the straight line at 40 km/h, 300.00 an hour


def test_a_drive_worked_out_by_hand():
    # 0.1° along a meridian: 6371 km × 0.1 × π / 180 = 11.1195 km; on roads × 1.4 = 15.567 km; at
    # 40 km/h 0.38918 h = 23.35 minutes: 23. An hour costs 300.00: 23 minutes 115.00.
    north = drives([1, 2], {1: Spot(34.0, -118.0), 2: Spot(34.1, -118.0)}, {}, ROADS)
    assert distance_km(Spot(34.0, -118.0), Spot(34.1, -118.0)) == pytest.approx(11.1195, abs=1e-4)
    assert north.of(1, 2).minutes == north.of(2, 1).minutes == 23
    assert north.of(1, 2).cost == Decimal("115.00")
    # 1° along the equator: 111.195 km × 1.4 ÷ 40 km/h = 3.89182 h = 233.51 minutes, half up 234; at
    # 25 km/h (a crawl) and roads half as long again (1.5): 111.195 × 1.5 ÷ 25 × 60 = 400.30, 400.
    assert drive_minutes(distance_km(Spot(0, 0), Spot(0, 1)), ROADS) == 234
    assert drive_minutes(111.195, Roads(150, 25)) == 400
    # Downtown Los Angeles (Sterling Tower, 34.0511 -118.2545) to Malibu (34.0380 -118.6680): 38.15 km,
    # 53.4 km of road: 80 minutes.
    malibu = drives([1, 2], {1: Spot(34.0511, -118.2545), 2: Spot(34.0380, -118.6680)}, {}, ROADS)
    assert malibu.of(1, 2).minutes == 80 and malibu.of(1, 2).cost == Decimal("400.00")


def test_minutes_typed_for_a_pair_win_either_way_round_and_the_base_city_stands_in():
    where = spots(
        {1: (Decimal("34.0511"), Decimal("-118.2545")), 2: (None, None), 3: (Decimal("34.0380"), Decimal("-118.6680"))},
        (Decimal("34.0522"), Decimal("-118.2437")),  # Los Angeles City Hall
    )
    assert where[2].stand_in and not where[1].stand_in
    found = drives([1, 2, 3], where, {(3, 1): 95}, ROADS)
    assert found.of(1, 3).minutes == found.of(3, 1).minutes == 95 and found.of(1, 3).typed
    assert found.of(1, 3).cost == Decimal("475.00")
    # The second location has no coordinates: it is taken to be at City Hall, 1.0 km from the tower.
    assert found.of(1, 2).stand_ins == (2,) and found.of(1, 2).minutes == 2
    # Without a base city nothing is known of its drives: only the move's own minutes count.
    alone = drives([1, 2], spots({1: (Decimal(34), Decimal(-118)), 2: (None, None)}, (None, None)), {}, ROADS)
    assert not alone.of(1, 2).known and alone.of(1, 2).minutes == 0


COORDINATES = {1: Spot(34.05, -118.25), 2: Spot(34.09, -118.28), 3: Spot(34.04, -118.67), 4: Spot(34.20, -118.40)}


def driving_board(seed: int, days: int = 3, scenes: int = 6) -> Board:
    """The optimizer's small boards at four Los Angeles locations, near and far (the third is Malibu,
    81 min from the first; the fourth's drive from the second is typed)."""
    return small_board(seed, days, scenes, drives([1, 2, 3, 4], COORDINATES, {(4, 2): 15}, ROADS))


def free_model_cost(board: Board, layout) -> tuple[int, int]:
    """(cost, penalties) of a model with every day free, its scenes bound where the layout has them: the
    drives as variables, which the minimisation brings down to the schedule's own."""
    scenes = Scenes(board)
    counts = scenes.counts(layout)
    model = ScheduleModel(cp_model, scenes, hard=False)
    for key, variable in model.variables.items():
        model.model.Add(variable == counts.get(key, 0))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    assert solver.Solve(model.model) == cp_model.OPTIMAL
    return solver.Value(model.cost), solver.Value(model.broken)


@pytest.mark.parametrize("seed", range(4))
def test_the_model_charges_every_schedule_the_drives_the_board_counts(seed):
    """The model's cost and broken limits for schedules drawn from every one possible, each day in its
    shooting order, held or free: exactly what the board counts, drives, their minutes on the clock and all."""
    board = driving_board(seed)
    layouts = list(all_layouts(board))
    drawn = random.Random(seed).sample(layouts, 40)
    driven = 0
    for layout in drawn:
        analysis = BoardAnalysis(board.placed(layout))
        for cost, broken in (model_cost(board, layout), free_model_cost(board, layout)):
            assert cost == int(analysis.cost.total * 100)
            assert bool(broken) == bool(analysis.conflicts)
        driven += sum(totals.driving for totals in analysis.totals.values())
    assert driven > 0


@pytest.mark.parametrize("seed", range(6))
def test_on_small_boards_with_drives_the_proven_optimum_is_the_cheapest_schedule(seed):
    board = driving_board(seed)
    best = cheapest_by_hand(board)
    result = optimize(board, work=20)
    if best is None:
        assert result.status == "impossible" and result.conflicts
        return
    assert result.status == "optimal" and result.conflicts == 0 and result.cost.total == best
    assert result.bound is not None and result.bound <= best


def two_locations(far: bool) -> Board:
    """One day, one scene at the first location and one at the second (near: 5.24 km, 11 min) or the
    third (Malibu, far: 38.71 km, 81 min)."""
    board = driving_board(0, days=1, scenes=0)
    other = 3 if far else 2
    route = board.limits.drives.route
    strips = {
        1: StripCard(
            1, 1001, number="1", location_id=1, location="L1", eighths=8, minutes=60, cast=(1,), route=route[1]
        ),
        2: StripCard(2, 1002, number="2", location_id=other, location=f"L{other}", eighths=8, minutes=60, cast=(1,)),
    }
    strips[2] = replace(strips[2], route=route[other])
    return replace(board, strips=strips, placement={board.days[0].id: [], None: [1, 2]})


def test_the_optimizer_charges_a_far_move_more_than_a_near_one():
    boards = [two_locations(far=False), two_locations(far=True)]
    near, far = (optimize(board, work=5) for board in boards)
    assert [board.limits.drives.of(1, other).minutes for board, other in zip(boards, (2, 3), strict=True)] == [11, 81]
    # One cast day and one move each: the far location's fee is 400.00 more, and its drive 70 minutes
    # longer, at 300.00 an hour 350.00 more.
    assert near.cost.company_moves == far.cost.company_moves == 1
    assert far.cost.moves - near.cost.moves == Decimal("350.00")
    assert far.cost.total - near.cost.total == Decimal("400.00") + Decimal("350.00")
    (near_day,), (far_day,) = (
        BoardAnalysis(board.placed(result.placement)).times.values()
        for board, result in zip(boards, (near, far), strict=True)
    )
    assert far_day.wrap - near_day.wrap == 70


def test_a_drive_too_long_for_the_day_is_left_off_it():
    """Two days of 150 minutes: a scene at each end (60 minutes each) and the move to Malibu between
    them (30 + 81) do not fit in one, so each scene gets a day of its own, with no move."""
    board = two_locations(far=True)
    second = Day(101, 2, board.days[0].date + dt.timedelta(days=1), 1, 17 * 60, 17 * 60 + 30)
    board = replace(
        board,
        days=[*board.days, second],
        placement={board.days[0].id: [], second.id: [], None: [1, 2]},
        limits=replace(board.limits, minutes=150),
    )
    result = optimize(board, work=5)
    assert result.conflicts == 0 and result.cost.company_moves == 0
    assert [len(result.placement[day.id]) for day in board.days] == [1, 1] and not result.placement[None]


def test_the_call_sheet_says_how_long_each_company_move_drives(tmp_path):
    """The small production's first day moves from the Old Mill (Pasadena, 34.1478 -118.1445) to Dock 9,
    which has no coordinates: with Los Angeles as the base city (City Hall, 34.0522 -118.2437) the
    drive is 14.02 km of straight line, 19.62 of road, 29.4 minutes at 40 km/h: 29, as from Los
    Angeles. Minutes typed for the pair win, either way round."""
    production = small_production(tmp_path)
    with production.database.transaction() as session:
        city = {"base_city": "Los Angeles", "base_latitude": "34.0522", "base_longitude": "-118.2437"}
        operations.edit(session, "production", 1, city)
    day = production.days[0]
    english = pdf_text_squeezed(export(production.database, day, tmp_path / "en.pdf"))
    assert "Companymove:Dock9,29mindrive,asfromLosAngeles" in english
    with production.database.transaction() as session:
        mill, dock = production.locations["mill"], production.locations["dock"]
        values = {"from_location_id": dock, "to_location_id": mill, "minutes": 45}
        operations.add(session, "location_drive", {"production_id": 1}, values)
    assert "Companymove:Dock9,45mindrive" in pdf_text_squeezed(export(production.database, day, tmp_path / "typed.pdf"))
    chinese = pdf_text_squeezed(export(production.database, day, tmp_path / "zh.pdf", "zh"))
    assert "车程45分钟" in chinese
    production.database.close()


def test_a_drive_typed_twice_or_to_its_own_location_is_refused_and_nothing_changes(tmp_path):
    production = small_production(tmp_path)
    mill, dock = production.locations["mill"], production.locations["dock"]
    with production.database.transaction() as session:
        operations.add(
            session,
            "location_drive",
            {"production_id": 1},
            {"from_location_id": mill, "to_location_id": dock, "minutes": 40},
        )
    for first, second, message in ((dock, mill, "typed already"), (mill, mill, "two different locations")):
        with pytest.raises(InvalidInput, match=message), production.database.transaction() as session:
            values = {"from_location_id": first, "to_location_id": second, "minutes": 50}
            operations.add(session, "location_drive", {"production_id": 1}, values)
    with pytest.raises(InvalidInput), production.database.transaction() as session:
        operations.add(
            session,
            "location_drive",
            {"production_id": 1},
            {"from_location_id": dock, "to_location_id": mill, "minutes": 900},
        )
    with production.database.session() as session:
        assert [(row["minutes"], row["mapped"]) for row in drive_rows(session, 1)] == [(40, None)]
    production.database.close()


def test_a_backup_restored_brings_back_the_typed_drives_and_the_roads(demo_path):
    backup = take_backup(demo_path, "open")
    database = open_database(demo_path)
    with database.transaction() as session:
        operations.edit(session, "production", 1, {"road_percent": 180, "drive_speed_kmh": 25})
        operations.remove(session, "location_drive", (1,))
    database.close()
    restore_backup(demo_path, backup.path)
    database = open_database(demo_path)  # the restored file passes its schema and value checks
    with database.session() as session:
        assert [(row["from"], row["to"], row["minutes"]) for row in drive_rows(session, 1)] == [
            ("Sterling Tower", "The Vista rooftop bar", 10)
        ]
        production = session.get(Production, 1)
        assert (production.road_percent, production.drive_speed_kmh) == (140, 40)
    database.close()
