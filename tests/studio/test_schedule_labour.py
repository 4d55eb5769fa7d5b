"""Labour rules in the plan: a planned day's overtime by each performer's pay preset and its late meals,
priced as a production report prices a day (studio.day_reports.pay), by the board's cost and the
optimizer's result alike; the optimizer's model estimates them (studio.schedule.labour_model) once its
search prices them. Worked by hand on a day rate of 800 USD under 1.5× after 8 hours, 2× after 10, in
tenths of an hour, meals due within 6 hours, late ones 25, 35, then 50 a half hour."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest
from ortools.sat.python import cp_model

from studio.callsheet import call_sheet, call_sheet_id
from studio.cast_calls import Durations
from studio.day_reports.clock import Span
from studio.day_reports.facts import rests_since
from studio.day_reports.hot_cost import price_day
from studio.day_reports.pay import Band, Deal, PayRules
from studio.day_reports.reading import load_prices
from studio.day_reports.starting import remaining_plans
from studio.edits import set_fields
from studio.errors import ChangedElsewhere
from studio.models import CallSheet
from studio.models.enums import RateBasis
from studio.operations import store_meals
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, CastMember, Day, Limits, Place, StripCard
from studio.schedule.board_loading import load_board
from studio.schedule.day_swaps import swap_days
from studio.schedule.meals import MealMove, following, meals_report, moved_meals, moves_json
from studio.schedule.model import ScheduleModel
from studio.schedule.optimizer import optimize
from studio.schedule.scene_groups import Scenes
from studio.schedule.search import Budget, Search
from studio.schedule.timeline import clock, planned_meals

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


def model_cost(board: Board, labour: bool = False) -> int:
    """The model's cost of the board's schedule, in cents; with `labour`, its estimated labour instead."""
    scenes = Scenes(board)
    model = ScheduleModel(cp_model, scenes, hard=False, free=(), fixed=scenes.counts(board.placement), labour=labour)
    solver = cp_model.CpSolver()
    assert solver.Solve(model.model) == cp_model.OPTIMAL and solver.Value(model.broken) == 0
    return solver.Value(model.labour if labour else model.cost)


def test_an_eleven_hour_day_pays_its_overtime_by_the_performers_preset():
    board = one_day([300, 360])  # 07:00 to 18:00, lunch 13:00-13:30: 10.5 hours worked
    analysis = BoardAnalysis(board)
    times = analysis.times[10]
    assert (clock(times.call), clock(times.wrap)) == ("07:00", "18:00")
    # 100 an hour (800 for 8 hours): the 9th and 10th at 1.5× (300), the half hour after at 2× (100)
    assert analysis.cost.overtime == Decimal(400) and analysis.cost.meal_penalties == 0
    assert analysis.cost.total == Decimal(800 + 400 + 100)
    assert model_cost(board) == 90_000  # the model: the day and the location, without the labour


def test_the_models_estimate_of_a_days_labour_is_the_exact_one_for_a_performer_in_the_first_scene():
    # 100 an hour: 2.50 a minute from 8 hours' work (8:30 of the day, with lunch), 0.83 more from 10 (the
    # rates per minute in whole cents). 11 hours, 07:00 to 18:00: 400 of overtime, estimated 399.90.
    assert model_cost(one_day([300, 360]), labour=True) == 250 * 150 + 83 * 30
    # 13 hours, to 20:00, lunch 13:00-13:30: the second meal due at 19:30 is half an hour late (25), and
    # 12.5 hours worked are 800 of overtime: estimated 25/30 a minute past 12:30 of the day, 824.40.
    long = one_day([300, 360, 120])
    long.limits = replace(long.limits, minutes=15 * 60)
    assert BoardAnalysis(long).cost.labour == Decimal(825)
    assert model_cost(long, labour=True) == 250 * 270 + 83 * 150 + 83 * 30
    assert model_cost(one_day([300, 150]), labour=True) == 0  # 7.5 hours: nothing


def two_performers_on_one_day() -> Board:
    """Two performers of 800 a day, each with 330 minutes of scenes at one location, both on the first
    of two days."""
    board = one_day([330, 330])
    board.cast[2] = replace(board.cast[1], id=2, name="Second", cast_numbers=(2,))
    board.strips[2] = replace(board.strips[2], cast=(2,))
    board.days.append(Day(11, 2, dt.date(2027, 3, 2), 1, sunset=18 * 60, dusk=18 * 60 + 30))
    board.placement = {10: [1, 2], 11: [], None: []}
    return board


def test_the_optimizer_prices_labour_once_its_search_has_placed_the_scenes():
    # Two performers of 800 a day, each with 330 minutes of scenes at one location (100 a day), two days.
    # On one day the first works 11 hours, 400 of overtime (the second, called for 12:30, 5.5 hours):
    # 1600 + 100 + 400 = 2100. On a day each: 1600 + 200 = 1800. Without labour, one day is cheaper.
    board = two_performers_on_one_day()
    assert BoardAnalysis(board).cost.total == Decimal(2100)
    result = optimize(board, work=2)
    assert result.cost.total == Decimal(1800) and result.cost.labour == 0
    assert sorted(len(strips) for day, strips in result.placement.items() if day is not None) == [1, 1]
    # What a search leaving labour out would keep: the one day, cheaper by the location's day.
    assert model_cost(board) == 170_000 and model_cost(board.placed(result.placement)) == 180_000


def test_labour_is_priced_once_the_search_has_done_its_share_of_the_work(monkeypatch):
    board = two_performers_on_one_day()
    scenes = Scenes(board)
    search = Search(cp_model, scenes, Budget(work=1.0))
    start = search.weigh(scenes.counts(board.placement))
    assert (start.cost, start.labour) == (170_000, 0)  # not priced yet
    monkeypatch.setattr("studio.schedule.search.PRICE_AFTER_WORK", 0.0)
    monkeypatch.setattr("studio.schedule.search.PRICE_AFTER_SHARE", 0.0)
    found = search.run(start)  # priced from its first step: the held schedule weighed with labour first
    assert search.pricing and search.unpriced == start and search.proven and not search.proven_unpriced
    assert (found.cost, found.labour) == (180_000, 0)


def test_a_day_whose_meal_cannot_fit_pays_its_penalty():
    board = one_day([375])  # 07:00 to 13:15: lunch at 13:00 would end after the wrap, so none is taken
    analysis = BoardAnalysis(board)
    assert analysis.cost.meal_penalties == Decimal(25) and analysis.cost.overtime == 0
    assert analysis.cost.total == Decimal(800 + 25 + 100)
    assert model_cost(board) == 90_000
    fits = BoardAnalysis(one_day([390]))  # to 13:30: lunch 13:00-13:30 ends at the wrap
    assert fits.cost.meal_penalties == 0 and fits.cost.total == Decimal(900)


def test_the_optimizers_cost_and_its_json_count_the_labour():
    result = optimize(one_day([300, 360]), work=0.5)  # one day: the only schedule there is
    assert result.conflicts == 0
    assert (result.cost.overtime, result.cost.meal_penalties, result.cost.labour) == (400, 0, 400)
    assert result.cost.total == Decimal(800 + 400 + 100)
    reported = result.cost.to_json()
    assert (reported["labour"], reported["overtime"], reported["amount"]) == ("400.00", "400.00", "1300.00")


def test_the_schedule_prices_each_day_as_a_report_of_it_would_start(sqlite_desk):
    # The Night Desk's two days, each 570 minutes of scenes from its shooting call, 07:30, to 17:00, with
    # lunch at 12:00: Ava, in hair & makeup from 06:15, works 615 minutes, 618 in tenths of an hour:
    # 216 weighted minutes of overtime at her 225 an hour, 810 a day. Ben and Cora are within their 10 hours.
    # Then day 2 called at 04:00 for 04:30: Ava in makeup at 03:15, 10:15 after day 1's wrap, short of her
    # preset's 12 hours' rest: a forced call, a day's pay (1800); her lunch at 12:00, due by 09:15, is 2:45
    # late, six half hours: 25 + 35 + 4 × 50 = 260; her day still 615 minutes to the 14:00 wrap: 810.
    desk = sqlite_desk

    def both_sides() -> list[tuple[tuple[Decimal, Decimal], tuple[Decimal, Decimal]]]:
        with desk.database.session() as session:
            board = load_board(session, desk.production_id)
            analysis = BoardAnalysis(board)
            prices = load_prices(session, desk.production_id)
            plans = remaining_plans(session, desk.production_id, set())
        sides, before = [], None
        for day, plan in zip(board.days, plans, strict=True):
            labour = analysis.labour[day.id][1]
            planned = price_day(plan, prices, rests_since(plan, before)).by_category()
            sides.append(
                (
                    (labour.overtime, labour.meal_penalties + labour.forced_calls),
                    (planned["overtime"], planned["penalties"]),
                )
            )
            before = plan
        return sides

    assert both_sides() == [((810, 0), (810, 0))] * 2
    with desk.database.transaction() as session:
        set_fields(
            session,
            "call_sheet",
            call_sheet_id(session, desk.days[1]),
            {"crew_call": "04:00", "shooting_call": "04:30"},
        )
    assert both_sides() == [((810, 0), (810, 0)), ((810, 2060), (810, 2060))]


def test_a_day_called_an_hour_before_its_first_scene_counts_that_hour(sqlite_desk):
    # The call sheet's shooting call is the board's: the crew called at 07:00 for 07:30 (the Night Desk's),
    # for 08:30 once the shooting call is moved; without either typed, an hour's lead from the first call.
    desk = sqlite_desk
    with desk.database.transaction() as session:
        set_fields(session, "call_sheet", call_sheet_id(session, desk.days[0]), {"shooting_call": "08:30"})
        set_fields(session, "call_sheet", call_sheet_id(session, desk.days[1]), {"crew_call": "", "shooting_call": ""})
    with desk.database.session() as session:
        board = load_board(session, desk.production_id)
        times = BoardAnalysis(board).times
        sheets = [call_sheet(session, desk.production_id, day.id, board=board) for day in board.days]
    first, second = (times[day.id] for day in board.days)
    assert (clock(first.call), clock(first.shooting_call), clock(first.wrap)) == ("07:00", "08:30", "18:00")
    assert (sheets[0].crew_call, sheets[0].shooting_call) == (first.call, first.shooting_call)
    assert (clock(second.call), clock(second.shooting_call), clock(second.wrap)) == ("07:00", "08:00", "17:30")
    assert (sheets[1].crew_call, sheets[1].shooting_call) == (second.call, second.shooting_call)


def test_two_days_scenes_are_swapped_when_a_days_own_lunch_makes_it_cheaper():
    # Two days of the Lead alone (800 a day): a long one (360 + 300 minutes, 07:00 to 18:00) and a short one
    # (120, to 09:00). Day 1's call sheet names lunch at 14:00, an hour after it is due (25 + 35 on the long
    # day; the short one ends before a meal is due); day 2 names none, so lunch at 13:00, on time. The long
    # day's 10.5 hours worked cost 400 of overtime on either day: swapped, only the late lunch is saved.
    board = one_day([360, 300])
    late = Day(11, 2, dt.date(2027, 3, 2), 1, sunset=18 * 60, dusk=18 * 60 + 30)
    board.days = [replace(board.days[0], lunch=14 * 60), late]
    board.strips[3] = StripCard(3, 102, location_id=1, int_ext="INT", time_of_day="DAY", minutes=120, cast=(1,))
    board.strips[9] = StripCard(9, None, banner="Generator on the truck")
    board.placement = {10: [9, 1, 2], 11: [3], None: []}
    analysis = BoardAnalysis(board)
    assert analysis.cost.meal_penalties == Decimal(60) and analysis.cost.overtime == Decimal(400)
    layout, swapped = swap_days(board, board.placement, analysis)
    assert layout == {10: [9, 3], 11: [1, 2], None: []}  # the banner stays with its day
    assert swapped.cost.meal_penalties == 0 and swapped.cost.total == analysis.cost.total - 60
    locked = board.placed(board.placement)
    locked.strips = {**board.strips, 3: replace(board.strips[3], locked=True)}
    assert swap_days(locked, locked.placement, BoardAnalysis(locked))[0] == board.placement  # a locked day stays


def test_lunch_is_the_one_typed_within_the_day_else_six_hours_after_the_first_call():
    assert planned_meals(7 * 60, 17 * 60, first=6 * 60 + 15) == (Span(12 * 60 + 15, 12 * 60 + 45),)  # makeup at 06:15
    typed = planned_meals(7 * 60, 17 * 60, lunch=13 * 60 + 30, first=6 * 60)
    assert typed == (Span(13 * 60 + 30, 14 * 60),)  # as typed, late or not
    # typed for a morning call, the day since moved to the evening: when due
    assert planned_meals(13 * 60, 22 * 60, lunch=12 * 60) == (Span(19 * 60, 19 * 60 + 30),)
    assert planned_meals(7 * 60, 12 * 60) == ()  # the day ends before lunch is due
    assert planned_meals(7 * 60, 21 * 60, dinner=19 * 60) == (Span(13 * 60, 13 * 60 + 30), Span(19 * 60, 19 * 60 + 30))


def test_a_typed_lunch_follows_the_call_while_the_optimizer_moves_the_day():
    board = one_day([300, 360])  # called at 07:00, lunch typed at 11:00
    board.days = [replace(board.days[0], lunch=11 * 60)]
    times = BoardAnalysis(board).times
    followed = following(board, times)
    day = followed.days[0]
    assert (day.lunch, day.meals_after) == (None, (4 * 60, None))
    assert day.meals_at(10 * 60) == (14 * 60, None)
    assert day.meals_at(21 * 60) == (None, None)  # 01:00 the next day, which a sheet cannot name: when due
    assert BoardAnalysis(followed).cost == BoardAnalysis(board).cost  # on the same call, the lunch typed
    later = {10: replace(times[10], call=10 * 60)}
    assert moved_meals(board, followed, later) == (MealMove(10, 1, "lunch", 14 * 60, 11 * 60),)
    assert moved_meals(board, followed, times) == ()
    called = replace(board, days=[replace(board.days[0], fixed_call=7 * 60)])
    assert following(called, times).days == called.days  # a typed call does not move, nor its lunch
    # Typed outside the day as it is now (05:00, before the 07:00 call), a lunch is passed over (lunch
    # falls when due) and stays as typed; one moved before midnight is cleared.
    early = replace(board, days=[replace(board.days[0], lunch=5 * 60)])
    assert following(early, times).days == early.days
    assert replace(day, meals_after=(-8 * 60, None)).meals_at(7 * 60) == (None, None)


def test_a_meal_cleared_because_its_call_moved_it_past_midnight_is_reported_as_cleared_not_moved():
    moves = (MealMove(10, 1, "lunch", 14 * 60, 11 * 60), MealMove(11, 2, "dinner", None, 20 * 60))
    assert meals_report(moves) == [
        "Meals typed on the call sheets follow the new calls (day 1).",
        "Meals the new calls would put past midnight or past the wrap are cleared from the call sheets and fall "
        "when due (day 2).",
    ]
    assert meals_report(moves[1:]) == [meals_report(moves)[1]] and meals_report(()) == []
    both = (*moves, MealMove(12, 3, "lunch", 15 * 60, 12 * 60))
    assert meals_report(both)[0] == "Meals typed on the call sheets follow the new calls (days 1, 3)."
    lunch, dinner = {"day": 1, "meal": "lunch", "time": "14:00"}, {"day": 2, "meal": "dinner", "time": None}
    assert moves_json(moves) == [lunch, dinner]


def test_a_moved_lunch_is_stored_only_while_its_sheet_says_what_it_was_moved_from(sqlite_desk):
    desk = sqlite_desk  # day 1's sheet: crew call 07:00, lunch 12:00
    day = desk.days[0]

    def sheet() -> tuple:
        with desk.database.session() as session:
            stored = session.get(CallSheet, call_sheet_id(session, day))
            return stored.crew_call, stored.lunch

    typed = sheet()
    for refused in (MealMove(day, 1, "lunch", 15 * 60, 12 * 60), MealMove(day, 1, "lunch", 15 * 60, 11 * 60)):
        with pytest.raises(ChangedElsewhere), desk.database.transaction() as session:
            if refused.was == 11 * 60:  # the crew call cleared, but the lunch typed since is not 11:00
                set_fields(session, "call_sheet", call_sheet_id(session, day), {"crew_call": ""})
            store_meals(session, (refused,))
        assert sheet() == typed
    with desk.database.transaction() as session:
        set_fields(session, "call_sheet", call_sheet_id(session, day), {"crew_call": ""})
        store_meals(session, (MealMove(day, 1, "lunch", 15 * 60, 12 * 60),))
    assert sheet() == (None, dt.time(15, 0))


def test_the_day_after_is_called_late_enough_for_the_returning_casts_rest():
    # The Lead, in hair & makeup an hour before the crew call, under a preset of 12 hours' rest to her own
    # call (short of it, a forced call: a day's pay, 800). Day 1 wraps at 18:40: day 2's crew call is
    # 07:40, not the 07:00 the unit's 12 hours allow, so her makeup call at 06:40 is 12 hours on.
    board = one_day([700])
    rules = replace(VERTICALS, rest_minutes=720, forced_call_days=Decimal(1))
    lead = board.cast[1]
    board.cast[1] = replace(lead, deal=replace(lead.deal, rules=rules), durations=Durations(0, 60, 0))
    board.days.append(Day(11, 2, dt.date(2027, 3, 2), 1, sunset=18 * 60, dusk=18 * 60 + 30))
    board.strips[2] = StripCard(2, 101, location_id=1, int_ext="INT", time_of_day="DAY", minutes=120, cast=(1,))
    board.placement = {10: [1], 11: [2], None: []}
    analysis = BoardAnalysis(board)
    assert (clock(analysis.times[10].wrap), clock(analysis.times[11].call)) == ("18:40", "07:40")
    assert analysis.cost.forced_calls == 0 and not analysis.conflicts
    assert model_cost(board) == 2 * 80_000 + 2 * 10_000  # the model keeps the same rest, breaking nothing
    called = board.placed(board.placement)
    called.days = [board.days[0], replace(board.days[1], fixed_call=7 * 60)]  # typed: called then, forced
    assert BoardAnalysis(called).cost.forced_calls == Decimal(800)
    alone = board.placed(board.placement)
    alone.strips = {**board.strips, 2: replace(board.strips[2], cast=())}  # not on day 2: the unit's 12 hours
    assert clock(BoardAnalysis(alone).times[11].call) == "07:00"


def test_an_hourly_deal_adds_its_late_meals_its_hours_being_in_its_day_cost():
    hourly = Deal(Decimal(100), "USD", RateBasis.HOUR.value, VERTICALS)
    late = one_day([375])  # 07:00 to 13:15: no lunch by 13:00
    late.cast[1] = replace(late.cast[1], deal=hourly)
    assert (BoardAnalysis(late).cost.meal_penalties, BoardAnalysis(late).cost.overtime) == (Decimal(25), 0)
    long = one_day([300, 360])  # 10.5 hours worked: every hour of the day's limit is in the day cost
    long.cast[1] = replace(long.cast[1], deal=hourly)
    assert BoardAnalysis(long).cost.labour == 0


def test_the_call_sheet_prints_the_lunch_the_day_holds(sqlite_desk):
    # The Night Desk's day 1: lunch typed at 12:00. Typed at 05:00, before the 07:00 call (a sheet typed
    # before the schedule moved the day), or not typed, it is due six hours after Ava's 06:15 makeup call.
    desk = sqlite_desk

    def lunch() -> int | None:
        with desk.database.session() as session:
            return call_sheet(session, desk.production_id, desk.days[0]).lunch

    assert lunch() == 12 * 60
    for typed in ("05:00", ""):
        with desk.database.transaction() as session:
            set_fields(session, "call_sheet", call_sheet_id(session, desk.days[0]), {"lunch": typed})
        assert lunch() == 12 * 60 + 15
