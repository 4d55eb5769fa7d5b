"""Daily production reports on a real database (a SQLite file and the test PostgreSQL server): a report
starts as the day was planned, edits are checked and undoable, and the day's pay, penalties and hot
cost are the figures worked by hand below (the production: tests/studio/day_report_production.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import select

from studio import operations
from studio.changes import run_steps
from studio.day_reports.summary import ahead_or_behind
from studio.errors import InvalidInput
from studio.models import DayReport, DayReportTime, FilmSet, Location, OvertimeRule, Scene, ShootDay
from studio.records import add_row
from tests.studio.day_report_production import (
    FIRST,
    edit,
    report_id,
    scene_row,
    start,
    summary,
    time_row,
    two_hours_over_with_a_late_lunch,
)

D = Decimal


def costs(day_summary) -> dict[str, tuple[Decimal, Decimal]]:
    return {name: (planned, actual) for name, planned, actual, _variance in day_summary.hot.rows()}


# Day 1 as planned: 07:00 crew call, 07:30 shooting call, lunch 12:00-12:30, wrap 17:00.
# Ava (06:15-17:00, 645 minutes less the half hour: 615, counted in tenths as 618): 1800 for 8 hours
#   (225 an hour); hours 9-10 at 1.5 × 225 (675), 0.3 hours at 2 × 225 (135): overtime 810.00.
# Ben (11:15-17:00, 315 minutes): 400, no overtime. Cora (07:00-17:00, 570 minutes): 300.
# COMMUTERS, one player (the call sheet counts none): 150. The Tower: 1000.
PLANNED = {
    "cast": D("2200.00"),
    "crew": D("300.00"),
    "background": D("150.00"),
    "locations": D("1000.00"),
    "company_moves": D(0),
    "overtime": D("810.00"),
    "penalties": D(0),
    "total": D("4460.00"),
}


def test_a_report_starts_as_the_day_was_planned_and_costs_its_plan(desk):
    start(desk, 0)
    day = summary(desk, 0)
    assert {name: planned for name, (planned, _) in costs(day).items()} == PLANNED
    assert all(planned == actual for planned, actual in costs(day).values())
    assert (day.day.times["crew_call"], day.day.times["camera_wrap"], tuple(day.day.lunch)) == (420, 1020, (720, 750))
    ava = day.pay_of("cast", desk.performers["Ava Stone"])
    assert (ava.worked_minutes, ava.counted_minutes, ava.overtime) == (615, 618, D("810.00"))
    assert (day.shot.planned, day.shot.completed, day.shot.shot.eighths) == (2, 2, 12)
    assert day.standing.remaining.eighths == 8 and day.standing.ahead_eighths == 0


def test_background_are_paid_for_their_role_s_headcount(desk):
    # COMMUTERS booked as four: four players at 150.00, 600.00, planned and as the report starts.
    edit(desk, "character", desk.commuters, headcount="4")
    start(desk, 0)
    assert costs(summary(desk, 0))["background"] == (D("600.00"), D("600.00"))


def test_a_company_move_costs_the_move_and_its_drive_as_planned_and_as_shot(desk):
    # Scene 2 on a second location, the Annex, a drive of 30 minutes typed for the pair: day 1 moves once,
    # 1000.00 for the move and 30 minutes at the production's 250.00 an hour, 125.00, for the drive.
    with desk.database.transaction() as session:
        annex = Location(production_id=desk.production_id, name="Annex")
        session.add(annex)
        session.flush()
        annex = annex.id
        film_set = session.exec(select(FilmSet).where(FilmSet.production_id == desk.production_id)).one()
        second = FilmSet(production_id=desk.production_id, name="ANNEX", location_id=annex)
        session.add(second)
        session.flush()
        session.get(Scene, desk.scenes[1]).set_id = second.id
        drive = {"from_location_id": film_set.location_id, "to_location_id": annex, "minutes": "30"}
        add_row(session, "location_drive", {"production_id": desk.production_id}, drive)
    start(desk, 0)
    assert costs(summary(desk, 0))["company_moves"] == (D("1125.00"), D("1125.00"))


def test_two_hours_over_with_a_late_lunch(desk):
    # Ava, 06:15-19:00 less the half hour: 735 minutes, 738 in tenths (12.3 hours): hours 9-10 at 1.5 × 225
    #   = 675, 2.3 hours at 2 × 225 = 1035: overtime 1710.00. Lunch due 12:15, started 13:45: 90 minutes
    #   late, three half hours: 25 + 35 + 50 = 110.
    # Ben, 11:15-19:00 less the half hour: 435 minutes, under 10 hours: no overtime; lunch within 6 hours.
    # Cora, 07:00-19:00 less the half hour: 690 minutes; 300 buys 10 hours (30 an hour): 1.5 hours at
    #   1.5 × 30 = 67.50; lunch 45 minutes late (two steps), which her preset does not pay.
    # Four commuters: 600 (their lunch late too, two steps; no preset pays it). Overtime 1777.50, penalties
    # 110; 5987.50 against 4460.00 planned: 1527.50 over.
    start(desk, 0)
    two_hours_over_with_a_late_lunch(desk)
    day = summary(desk, 0)
    assert costs(day) == {
        "cast": (D("2200.00"), D("2200.00")),
        "crew": (D("300.00"), D("300.00")),
        "background": (D("150.00"), D("600.00")),
        "locations": (D("1000.00"), D("1000.00")),
        "company_moves": (D(0), D(0)),
        "overtime": (D("810.00"), D("1777.50")),
        "penalties": (D(0), D("110.00")),
        "total": (D("4460.00"), D("5987.50")),
    }
    assert day.hot.variance == D("1527.50")
    ava, cora = day.pay_of("cast", desk.performers["Ava Stone"]), day.pay_of("crew", desk.crew)
    assert (ava.counted_minutes, ava.overtime, [m.steps for m in ava.late_meals]) == (738, D("1710.00"), [3])
    assert (cora.overtime, [m.steps for m in cora.late_meals], cora.meal_penalties) == (D("67.50"), [2], 0)
    data = day.to_json()
    assert data["hot_cost"]["total"] == {"planned": "4460.00", "actual": "5987.50", "variance": "1527.50"}
    assert data["penalties"] == {"late_meals": 3, "meal_steps": 7, "forced_calls": 0, "amount": "110.00"}
    assert data["times"]["camera_wrap"] == "19:00" and data["times"]["lunch"] == "13:45–14:15"


def test_the_pay_rules_are_the_presets_data_and_an_edit_of_it_prices_the_day_again(sqlite_desk):
    # Day 1 two hours over as above, then SAG-AFTRA Verticals edited: 1.5× from the tenth hour, not the
    # ninth, and a first late step of 30, not 25. Ava's 1800 now buys 9 hours (200 an hour): hour 10 at
    # 1.5 × 200 = 300, 2.3 hours at 2 × 200 = 920: overtime 1220; her late lunch 30 + 35 + 50 = 115.
    desk = sqlite_desk
    start(desk, 0)
    two_hours_over_with_a_late_lunch(desk)
    with desk.database.session() as session:
        preset = session.exec(
            select(OvertimeRule.id).where(
                OvertimeRule.production_id == desk.production_id, OvertimeRule.name == "SAG-AFTRA Verticals"
            )
        ).one()
    edit(desk, "overtime_rule", preset, first_threshold_hours="9", meal_penalty_first="30")
    ava = summary(desk, 0).pay_of("cast", desk.performers["Ava Stone"])
    assert (ava.overtime, ava.meal_penalties) == (D("1220.00"), D("115.00"))


def test_every_edit_of_a_report_is_undone_and_redone(sqlite_desk):
    desk = sqlite_desk
    start(desk, 0)
    changed = two_hours_over_with_a_late_lunch(desk)
    with desk.database.transaction() as session:
        redo = run_steps(session, changed.undo)
    assert summary(desk, 0).hot.actual.by_category()["background"] == D("150.00")
    with desk.database.transaction() as session:
        run_steps(session, redo.undo)
    assert summary(desk, 0).hot.actual.by_category()["background"] == D("600.00")


def test_starting_a_report_is_undone_by_removing_it_all(sqlite_desk):
    started = start(sqlite_desk, 0)
    with sqlite_desk.database.transaction() as session:
        run_steps(session, started.undo)
    with sqlite_desk.database.session() as session:
        assert session.exec(select(DayReport)).all() == [] and session.exec(select(DayReportTime)).all() == []


def test_a_short_rest_after_a_long_day_is_a_forced_call(desk):
    # Day 1 wrapped at 19:00; Ava is called at 06:15 on day 2: 11 h 15 min of rest where 12 are due, a
    # forced call costing a day's pay (1800). Cora's 12 hours keep her preset's 10.
    start(desk, 0)
    two_hours_over_with_a_late_lunch(desk)
    start(desk, 1)
    day = summary(desk, 1)
    ava = day.pay_of("cast", desk.performers["Ava Stone"])
    assert (ava.rest_minutes, ava.forced_call) == (675, D("1800.00"))
    assert day.pay_of("crew", desk.crew).rest_minutes is None
    assert costs(day)["penalties"] == (D(0), D("1800.00"))
    assert day.to_json()["penalties"]["forced_calls"] == 1


def test_scenes_not_shot_partly_shot_and_added_and_where_the_shoot_stands(sqlite_desk):
    desk = sqlite_desk
    start(desk, 0)
    edit(desk, "day_report_scene", scene_row(desk, 0, 2), outcome="NOT_SHOT")
    start(desk, 1)
    edit(desk, "day_report_scene", scene_row(desk, 1, 4), outcome="PARTIAL", eighths_shot="1/8", setups="3")
    with desk.database.transaction() as session:
        operations.add(session, "day_report_scene", {"report_id": report_id(desk, 1)}, {"scene_id": desk.scenes[1]})
    day = summary(desk, 1)
    # Day 2 planned scenes 3 (6/8) and 4 (2/8): 3 completed, 1/8 of 4; scene 2 (4/8) added and completed.
    assert (day.shot.planned, day.shot.completed, day.shot.partial, day.shot.added) == (2, 2, 1, 1)
    assert (day.shot.shot.eighths, day.shot.setups) == (6 + 1 + 4, 3)
    # To date: planned 8 + 4 + 6 + 2 = 20 eighths; shot 8 + 11 = 19: behind by 1/8; left: 1/8 of scene 4.
    standing = day.standing
    assert (standing.planned_to_date.eighths, standing.shot_to_date.eighths, standing.ahead_eighths) == (20, 19, -1)
    assert (standing.remaining.scenes, standing.remaining.eighths) == (1, 1)
    assert ahead_or_behind(standing.ahead_eighths) == "1/8 page behind"
    assert standing.shot_to_date.scenes == 3
    data = day.to_json()
    assert data["scenes"]["pages"] == "1 3/8" and data["to_date"]["remaining"]["pages"] == "1/8"


def test_a_page_or_part_of_one_ahead_or_behind_is_singular():
    said = {eighths: ahead_or_behind(eighths) for eighths in (-9, -8, -1, 0, 3, 16)}
    assert said == {
        -9: "1 1/8 pages behind",
        -8: "1 page behind",
        -1: "1/8 page behind",
        0: "0 pages ahead",
        3: "3/8 page ahead",
        16: "2 pages ahead",
    }


@pytest.mark.parametrize(
    ("entity", "field", "value", "message"),
    [
        ("day_report", "camera_wrap", "06:30", r"the camera wrap \(06:30\) is before the crew call \(07:00\): "),
        ("day_report", "first_shot", "06:45", r"the first shot \(06:45\) is before the shooting call \(07:30\)"),
        ("day_report", "lunch", "06:00-17:30", r"the lunch \(06:00–17:30\) is 11:30: a meal is at most 2 hours"),
        ("day_report", "camera_wrap", "31:30", r"call \(07:00\) to the camera wrap \(31:30\) is 24:30: a day is"),
        ("day_report", "lunch", "12:30-12:00", r"the meal ends \(12:00\) before it starts \(12:30\)"),
        ("day_report", "camera_wrap", "99:00", r"not a time"),
        ("cast", "wrap", "06:00", r"the wrap \(06:00\) is before the call \(06:15\)"),
        ("cast", "out", "36:00", r"from the call \(06:15\) to the out \(36:00\) is 29:45: a day is at most 24 hours"),
        ("cast", "count", "0", r"a person's row is one person: only a background group has a count of players"),
        # her row has no wrap or out yet (the unit's until one is typed)
        ("cast", "first_meal", "05:00-05:30", r"the first meal \(05:00–05:30\) starts before the call \(06:15\)$"),
    ],
)
def test_times_out_of_order_are_refused_with_one_message_and_nothing_saved(sqlite_desk, entity, field, value, message):
    desk = sqlite_desk
    start(desk, 0)
    row = report_id(desk, 0) if entity == "day_report" else time_row(desk, 0, performer_id=desk.performers["Ava Stone"])
    entity = "day_report_time" if entity == "cast" else entity
    before = summary(desk, 0).to_json()
    with pytest.raises(InvalidInput, match=message):
        edit(desk, entity, row, **{field: value})
    assert summary(desk, 0).to_json() == before


def test_a_scene_is_completed_once_and_a_part_is_less_than_what_is_left(sqlite_desk):
    desk = sqlite_desk
    start(desk, 0)
    start(desk, 1)

    def add(day: int, scene: int) -> None:
        with desk.database.transaction() as session:
            operations.add(session, "day_report_scene", {"report_id": report_id(desk, day)}, {"scene_id": scene})

    with pytest.raises(InvalidInput, match=r"scene 1-1 was already completed on day 1 \(2027-01-11\): a scene is shot"):
        add(1, desk.scenes[0])
    with pytest.raises(InvalidInput, match=r"scene 1-3 is already on this report"):
        add(1, desk.scenes[2])
    with pytest.raises(InvalidInput, match=r"a part of scene 1-4 is more than none and less than the 2/8 pages left"):
        edit(desk, "day_report_scene", scene_row(desk, 1, 4), eighths_shot="2/8")
    edit(desk, "day_report_scene", scene_row(desk, 0, 1), outcome="PARTIAL", eighths_shot="3/8")
    add(1, desk.scenes[0])
    with pytest.raises(InvalidInput, match=r"less than the 5/8 pages left"):
        edit(desk, "day_report_scene", scene_row(desk, 1, 1), outcome="PARTIAL", eighths_shot="5/8")
    with pytest.raises(InvalidInput, match=r"scene 1-4 was already completed on day 2"):
        add(0, desk.scenes[3])


def test_a_day_is_reported_once_and_never_before_it_happened(sqlite_desk):
    desk = sqlite_desk
    with pytest.raises(InvalidInput, match=r"day 2 \(2027-01-12\) has not happened yet"):
        start(desk, 1, today=FIRST)
    with pytest.raises(InvalidInput, match=r"day 1 \(2027-01-11\) is not reported yet: a unit's days are reported"):
        start(desk, 1, today=FIRST + dt.timedelta(days=1))  # day 2 shot, day 1 not reported: to date would miss it
    start(desk, 0, today=FIRST)
    with pytest.raises(InvalidInput, match=r"day 1 \(2027-01-11\) is already reported"):
        start(desk, 0)
    with desk.database.session() as session:
        assert len(session.exec(select(DayReport)).all()) == 1
        assert session.get(ShootDay, desk.days[1]) is not None


def test_a_reported_day_keeps_its_date_and_a_unit_has_one_day_a_date(sqlite_desk):
    desk = sqlite_desk
    start(desk, 0, today=FIRST)
    with pytest.raises(InvalidInput, match=r"this day is reported as shot on 2027-01-11: its date stays"):
        edit(desk, "shoot_day", desk.days[0], shoot_date="2020-01-01")
    with pytest.raises(InvalidInput, match=r"unit 1 already has a day on 2027-01-11"):
        edit(desk, "shoot_day", desk.days[1], shoot_date="2027-01-11")
    # On unit 2 it may share day 1's date; back on unit 1 it may not (that said 'another entry already has
    # the value 1').
    edit(desk, "shoot_day", desk.days[1], unit="2")
    edit(desk, "shoot_day", desk.days[1], shoot_date="2027-01-11")
    with pytest.raises(InvalidInput, match=r"unit 1 already has a day on 2027-01-11"):
        edit(desk, "shoot_day", desk.days[1], unit="1")
    edit(desk, "shoot_day", desk.days[1], shoot_date="2027-01-15")  # a day not reported moves
    with desk.database.session() as session:
        days = [session.get(ShootDay, day) for day in desk.days[:2]]
        assert [(day.shoot_date.isoformat(), day.unit) for day in days] == [("2027-01-11", 1), ("2027-01-15", 2)]
