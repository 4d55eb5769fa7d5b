"""Re-planning after a reported day (studio.day_reports.replan) on The Night Desk
(tests/studio/day_report_production.py): its day 1 leaves scene 1-2 (Ben's, 270 minutes) unshot."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import delete, text
from sqlmodel import select

from studio import operations
from studio.changes import run_steps
from studio.day_reports.replan import apply_replan, preview_replan, replan
from studio.errors import InvalidInput
from studio.models import SceneCharacter, ShootDay, Strip
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board_loading import load_board
from studio.schedule.strips import ensure_shoot_days, place_all
from tests.studio.day_report_production import edit, scene_row, start

WORK = 2.0  # CP-SAT's deterministic time: the same schedule on any machine


def layout(desk) -> dict[int, list[tuple[int, bool]]]:
    """Each day's number → its scenes' numbers (1-4) and whether each is locked."""
    with desk.database.session() as session:
        rows = session.exec(
            select(ShootDay.day_number, Strip.scene_id, Strip.locked)
            .join(ShootDay, Strip.shoot_day_id == ShootDay.id)
            .order_by(ShootDay.shoot_date, Strip.position)
        ).all()
    found: dict[int, list[tuple[int, bool]]] = {}
    for number, scene, locked in rows:
        found.setdefault(number, []).append((desk.scenes.index(scene) + 1, locked))
    return found


def test_scenes_left_unshot_go_to_the_remaining_days_and_a_day_is_added_when_they_cannot_hold_them(sqlite_desk):
    # Day 2 holds scenes 1-3 and 1-4 (570 minutes); 1-2's 270 more would make 840, over the 690 a day holds
    # after its 30-minute lead (720 from call to wrap): a third day is added. Each call sheet calls the crew
    # at 07:00, shoots from 07:30 and has lunch at 12:00-12:30; the day added has none yet: crew call 07:00,
    # the hour's lead, lunch when due, six hours after the first call. Ava is on set at her first scene, in
    # wardrobe 15 and hair & makeup 60 minutes before, and, like everyone planned, works to the wrap; a
    # report of the day would start from the same clock.
    # Before: each day's 570 minutes from 07:30 wrap at 17:00. Ava, 06:15 to 17:00 less lunch (due by 12:15:
    # on time), works 615 minutes, 618 in tenths of an hour. Her 1800 buys 8 hours (225 an hour): the 9th
    # and 10th at 1.5× (180 weighted minutes), the 18 after at 2× (36): 216 × 225 / 60 = 810 a day, 1620 for
    # two. Ben (11:15 to 17:00 less lunch, 315 minutes) is within his preset's 10 hours. Ava 2 × 1800, Ben
    # 400, the Tower 2 × 1000: 6000, and 1620: 7620.
    # After: the Tower a day more (3000). Day 1 keeps 1-1 alone (07:30 to 12:30: Ava 345 minutes, no
    # overtime). 1-3 and 1-4 go on day 2, Ava's 810 again, and 1-2 on the day added (Ben from 06:45, 08:00
    # to 12:30, no meal due): 4000 + 3000 + 810 = 7810. The other way round costs the remaining days the
    # same, but holds Ava on day 2 (1800): the days left are searched alone, and then two of them swapped
    # when the whole schedule is cheaper for it.
    # The change is against the days as planned (nothing left unshot, the schedule before): 190; and the day
    # added costs the budget 385.28 (Cora's 300, its 16.75% fringes, 50.25, and the 10% the budget adds on its
    # totals, 35.03), which the schedule's cost leaves out: the slip costs 575.28.
    desk = sqlite_desk
    start(desk, 0)
    edit(desk, "day_report_scene", scene_row(desk, 0, 2), outcome="NOT_SHOT")
    with desk.database.transaction() as session:
        plan = replan(session, desk.production_id, 2, work=WORK)
        apply_replan(session, desk.production_id, plan)
    placed = layout(desk)
    assert placed[1] == [(1, True)]  # the reported day keeps what it shot, locked there
    assert sorted(scene for day in (2, 3) for scene, _locked in placed[day]) == [2, 3, 4]
    change = plan.to_json()["change"]
    assert plan.before.total == 7620 and plan.before.overtime == 1620 and plan.before.meal_penalties == 0
    assert (change["location_days"], change["shoot_days_added"]) == (1, 1)
    with desk.database.session() as session:
        stored = BoardAnalysis(load_board(session, desk.production_id)).cost
    assert stored == plan.after and plan.after.total == 7810
    assert (change["amount"], change["shoot_days_cost"]) == ("575.28", "385.28")
    assert plan.after.overtime == 810 and plan.after.meal_penalties == 0
    assert plan.result.conflicts == 0


def test_what_the_slip_costs_is_told_apart_from_what_re_planning_the_rest_saves_anyway(sqlite_desk):
    # Three days, the rest made by hand badly: day 1 scenes 1-1 (the commuters alone here) and 1-2 (Ben),
    # day 2 1-3, day 3 1-4 (Ava's). Days 1 and 2 have their call sheets (crew 07:00, shooting 07:30, lunch
    # 12:00), day 3 none (crew 07:00, the hour's lead, lunch six hours after the first call). Before: Ava 2
    # days (3600), Ben 1 (400), the Tower 3 days (3000): 7000 (the schedule prices no background), and no overtime: Ben,
    # 11:15 to 17:00 less lunch, works 315 minutes, within his preset's 10 hours; Ava, 06:15 to 12:30 less
    # lunch on day 2 and 06:45 to 12:30 on day 3 (no meal due by then), 345 minutes, within her 8.
    # Day 1 leaves 1-1 unshot. With every scene shot, re-planning days 2-3 would put 1-3 and 1-4 (570
    # minutes) on day 2: Ava 1 day, the Tower 2: 4200, and Ava's overtime that day (06:15 to 17:00 less
    # lunch: 615 minutes, 618 in tenths of an hour; 9th and 10th hours at 1.5×, 18 minutes at 2×, of her
    # 225 an hour) 810: 5010 (on day 3, from 06:45 to 17:30, the same). That saves 1800 +
    # 1000 (a work day and a location day) less that 810, 1990, the slip has no part in. With 1-1 to place
    # too (870 minutes: two days), the cheapest is 1-3 and 1-4 on day 2 and 1-1 on day 3: the Tower 3
    # days, 5200, and the same 810: 6010 (1-1 with 1-3 instead would pay Ava a day more, 1800). The slip
    # costs 1000, a location day; the whole schedule, 990 less than before, would have said it saved money.
    desk = sqlite_desk
    with desk.database.transaction() as session:
        session.exec(
            delete(SceneCharacter).where(
                SceneCharacter.scene_id == desk.scenes[0], SceneCharacter.character_id != desk.commuters
            )
        )
        ensure_shoot_days(session, desk.production_id, 3)
        days = [day.id for day in session.exec(select(ShootDay).order_by(ShootDay.shoot_date)).all()]
        strips = dict(session.exec(select(Strip.scene_id, Strip.id)).all())
        ids = [strips[scene] for scene in desk.scenes]
        place_all(session, desk.production_id, {days[0]: ids[:2], days[1]: [ids[2]], days[2]: [ids[3]], None: []})
    start(desk, 0)
    edit(desk, "day_report_scene", scene_row(desk, 0, 1), outcome="NOT_SHOT")
    with desk.database.transaction() as session:
        plan = replan(session, desk.production_id, 2, work=WORK)
    data = plan.to_json()
    assert (plan.before.total, plan.anyway.total, plan.after.total) == (7000, 5010, 6010)
    assert (plan.before.overtime, plan.anyway.overtime, plan.after.overtime) == (0, 810, 810)
    assert data["change"] == {
        "amount": "1000.00",
        "currency": "USD",
        "cast_work_days": 0,
        "cast_hold_days": 0,
        "location_days": 1,
        "shoot_days_added": 0,
        "shoot_days_cost": "0.00",
    }
    assert data["improvement"] == {
        "amount": "1990.00",
        "currency": "USD",
        "cast_work_days": 1,
        "cast_hold_days": 0,
        "location_days": 1,
    }
    # The days re-planned alone, as the search weighed them, against the least they can cost.
    remaining = Decimal(data["remaining_cost"])
    assert Decimal(data["remaining_bound"]) <= remaining <= plan.after.total and data["work"] > 0
    assert data["remaining_gap_percent"] == f"{plan.result.gap * 100:.1f}"


def test_a_preview_keeps_nothing_and_its_plan_stored_adds_its_day_again_and_is_undone_whole(desk):
    # The window's way: worked out first (on another thread), shown, then stored as one undo step. On a
    # server the day the preview added and gave back has an id no longer used: it is found by its date.
    start(desk, 0)
    edit(desk, "day_report_scene", scene_row(desk, 0, 2), outcome="NOT_SHOT")
    before = layout(desk)
    plan = preview_replan(desk.database, desk.production_id, 2, work=WORK)
    assert plan.days_added == 1 and layout(desk) == before
    with desk.database.transaction() as session:
        changes = operations.apply_replan(session, desk.production_id, plan)
    placed = layout(desk)
    assert placed[1] == [(1, True)] and sorted(scene for day in (2, 3) for scene, _ in placed[day]) == [2, 3, 4]
    with desk.database.session() as session:
        assert BoardAnalysis(load_board(session, desk.production_id)).cost == plan.after
    with desk.database.transaction() as session:
        run_steps(session, changes.undo)
    assert layout(desk) == before


def test_a_reported_day_is_never_re_planned(sqlite_desk):
    desk = sqlite_desk
    start(desk, 0)
    before = layout(desk)
    refused = pytest.raises(InvalidInput, match=r"day 1 \(2027-01-11\) is reported: re-plan from a day after")
    with refused, desk.database.transaction() as session:
        replan(session, desk.production_id, 1, work=WORK)
    assert layout(desk) == before


@pytest.mark.parametrize("way", ["window", "command"])
def test_the_remaining_days_typed_lunches_follow_the_calls_the_re_plan_gives_them(demo, way):
    # The demo types each day's lunch five hours after its call and types no crew call. Days 1 to 3 are
    # reported: the re-plan calls the days from 4 on anew, their lunches follow (or are cleared past
    # midnight or the wrap), the reported days' stay as typed. The window's way (a preview, then stored as one undo
    # step) and the command's (worked out and stored in one transaction) store the same; undoing puts
    # every lunch back.
    lunches = "select shoot_day_id, lunch from call_sheet order by shoot_day_id"

    def typed() -> dict:
        with demo.session() as session:
            return dict(session.exec(text(lunches)).all())

    with demo.session() as session:
        board = load_board(session, 1)
    before = typed()
    if way == "window":
        plan = preview_replan(demo, 1, 4, work=1.0)
        with demo.transaction() as session:
            changes = operations.apply_replan(session, 1, plan)
    else:
        with demo.transaction() as session:
            plan = replan(session, 1, 4, work=1.0)
            apply_replan(session, 1, plan)
    assert plan.days_added == 0 and plan.meals and {move.day_number for move in plan.meals} <= set(range(4, 10))
    assert plan.to_json()["meals_moved"] == [
        {"day": move.day_number, "meal": move.meal, "time": move.time} for move in plan.meals
    ]
    with demo.session() as session:
        stored = load_board(session, 1)
    times = BoardAnalysis(stored).times
    moved = {move.day_id for move in plan.meals}
    for day, was in zip(stored.days, board.days, strict=True):
        call, wrap = times[day.id].call, times[day.id].wrap
        if day.id in moved:  # typed within its day as it was, five hours after its call, if still within it
            assert day.lunch == (call + 300 if call + 300 < 24 * 60 and call + 330 <= wrap else None)
        else:  # reported, or typed outside its day as it was (passed over: lunch when due)
            assert day.lunch == was.lunch
    assert BoardAnalysis(stored).cost == plan.after
    if way == "window":
        with demo.transaction() as session:
            run_steps(session, changes.undo)
        assert typed() == before


def test_a_re_plan_with_nothing_new_to_place_is_never_dearer_than_the_schedule_as_it_is(demo):
    """Re-planned from day 4 and stored, then from day 5 with less search: the optimizer weighs the
    remaining days alone, blind to the holds joining them to the reported days, and the whole came out
    dearer (152,581.76 then 158,794.82) and was stored; now the schedule stays as it is."""
    with demo.transaction() as session:
        apply_replan(session, 1, replan(session, 1, 4, work=3.0))
    with demo.session() as session:
        before = load_board(session, 1).placement
    with demo.transaction() as session:
        plan = replan(session, 1, 5, work=1.0)
        apply_replan(session, 1, plan)
    assert plan.unshot and plan.stays and plan.after.total == plan.before.total  # placed by the first re-plan
    assert plan.slip.amount.amount == plan.improvement.amount.amount == 0  # no slip of its own, nothing saved
    with demo.session() as session:
        after = load_board(session, 1)
    assert BoardAnalysis(after).cost.total == plan.after.total
    assert {day: ids for day, ids in after.placement.items() if ids} == {d: i for d, i in before.items() if i}
