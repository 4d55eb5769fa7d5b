"""Labour rules in the plan: a planned day's overtime by each performer's pay preset and its late meals,
priced as a production report prices a day (studio.day_reports.pay), by the board's cost, the optimizer's
model of a complete schedule and the optimizer's result alike. Worked by hand on a day rate of 800 USD
under 1.5× after 8 hours, 2× after 10, in tenths of an hour, meals due within 6 hours, late ones 25, 35,
then 50 a half hour."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ortools.sat.python import cp_model

from studio.day_reports.pay import Band, Deal, PayRules
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, CastMember, Day, Limits, Place, StripCard
from studio.schedule.model import ScheduleModel
from studio.schedule.optimizer import optimize
from studio.schedule.scene_groups import Scenes
from studio.schedule.timeline import clock

VERTICALS = PayRules(
    bands=(Band(Decimal(8), Decimal("1.5")), Band(Decimal(10), Decimal(2))),
    increment=6,
    meal_penalties=(Decimal(25), Decimal(35), Decimal(50)),
)


def one_day(minutes: list[int]) -> Board:
    """One performer at one location (100 a day) on one day called at 07:00, in scenes of these lengths."""
    day = Day(10, 1, dt.date(2027, 3, 1), 1, sunset=18 * 60, dusk=18 * 60 + 30)
    strips = {
        i + 1: StripCard(i + 1, 100 + i, location_id=1, int_ext="INT", time_of_day="DAY", minutes=m, cast=(1,))
        for i, m in enumerate(minutes)
    }
    lead = CastMember(1, "Lead", (1,), Decimal(800), deal=Deal(Decimal(800), "USD", "day", VERTICALS))
    limits = Limits(eighths=200, minutes=720, move_minutes=30, move_cost=Decimal(0), drop_gap_days=10)
    return Board(
        1, "USD", [day], strips, {10: list(strips), None: []}, {1: lead}, {1: Place(1, "L", Decimal(100))}, limits
    )


def model_cost(board: Board) -> int:
    scenes = Scenes(board)
    model = ScheduleModel(cp_model, scenes, hard=False, free=(), fixed=scenes.counts(board.placement))
    solver = cp_model.CpSolver()
    assert solver.Solve(model.model) == cp_model.OPTIMAL and solver.Value(model.broken) == 0
    return solver.Value(model.cost)


def test_an_eleven_hour_day_pays_its_overtime_by_the_performers_preset():
    board = one_day([300, 360])  # 07:00 to 18:00, lunch 13:00-13:30: 10.5 hours worked
    analysis = BoardAnalysis(board)
    times = analysis.times[10]
    assert (clock(times.call), clock(times.wrap)) == ("07:00", "18:00")
    # 100 an hour (800 for 8 hours): the 9th and 10th at 1.5× (300), the half hour after at 2× (100)
    assert analysis.cost.overtime == Decimal(400) and analysis.cost.meal_penalties == 0
    assert analysis.cost.total == Decimal(800 + 400 + 100)
    assert model_cost(board) == 130_000


def test_a_day_whose_meal_cannot_fit_pays_its_penalty():
    board = one_day([375])  # 07:00 to 13:15: lunch at 13:00 would end after the wrap, so none is taken
    analysis = BoardAnalysis(board)
    assert analysis.cost.meal_penalties == Decimal(25) and analysis.cost.overtime == 0
    assert analysis.cost.total == Decimal(800 + 25 + 100)
    assert model_cost(board) == 92_500
    fits = BoardAnalysis(one_day([390]))  # to 13:30: lunch 13:00-13:30 ends at the wrap
    assert fits.cost.meal_penalties == 0 and fits.cost.total == Decimal(900)


def test_the_optimizers_cost_and_its_json_count_the_labour():
    result = optimize(one_day([300, 360]), work=0.5)  # one day: the only schedule there is
    assert result.conflicts == 0
    assert (result.cost.overtime, result.cost.meal_penalties, result.cost.labour) == (400, 0, 400)
    assert result.cost.total == Decimal(800 + 400 + 100)
    reported = result.cost.to_json()
    assert (reported["labour"], reported["overtime"], reported["amount"]) == ("400.00", "400.00", "1300.00")
