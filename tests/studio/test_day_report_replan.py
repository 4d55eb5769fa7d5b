"""Re-planning after a reported day (studio.day_reports.replan) on The Night Desk
(tests/studio/day_report_production.py): its day 1 leaves scene 1-2 (Ben's, 270 minutes) unshot."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import delete
from sqlmodel import select

from studio import operations
from studio.changes import run_steps
from studio.day_reports.replan import apply_replan, preview_replan, replan
from studio.errors import InvalidInput
from studio.models import SceneCharacter, ShootDay, Strip
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import load_board
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
    # Day 2 holds scenes 1-3 and 1-4 (570 minutes); 1-2's 270 more would make 840, over the 720 a day may
    # take: a third day is added. Before: Ava 2 days × 1800, Ben 1 × 400, the Tower 2 days × 1000 = 6000,
    # and Ava's overtime. The plan's clock calls each day at the crew call, 07:00, and runs its 570 minutes
    # of scenes from there: wrap 16:30, lunch when due, 13:00-13:30 (on time; the next would be due at
    # 19:30, after the wrap), 540 minutes worked, 9.0 hours in tenths. Her 1800 buys 8 hours (225 an hour):
    # the 9th at 1.5× is 337.50 a day, 675 for the two. Ben's 9 hours are within his preset's 10: 6675.
    # After, the Tower a day more (3000), whichever day 1-2 goes on; the optimizer weighs the remaining
    # days alone, so Ava's hold between day 1 and a later day of hers is in the change, not its choice.
    # Her overtime after is 337.50 either way: day 1 keeps 1-1 alone (300 minutes, wrap 12:00, no meal
    # due), the day with 1-3 and 1-4 is the 570-minute day above, 1-2's day 270 minutes of Ben's.
    # The change is against the days as planned (nothing left unshot, the schedule before): 6675.
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
    assert plan.before.total == 6675 and plan.before.overtime == 675 and plan.before.meal_penalties == 0
    assert (change["location_days"], change["shoot_days_added"]) == (1, 1)
    with desk.database.session() as session:
        stored = BoardAnalysis(load_board(session, desk.production_id)).cost
    assert stored == plan.after and change["amount"] == str(plan.after.total - 6675)
    assert plan.after.overtime == Decimal("337.50") and plan.after.meal_penalties == 0
    assert plan.result.conflicts == 0


def test_what_the_slip_costs_is_told_apart_from_what_re_planning_the_rest_saves_anyway(sqlite_desk):
    # Three days, the rest made by hand badly: day 1 scenes 1-1 (the commuters alone here) and 1-2 (Ben),
    # day 2 1-3, day 3 1-4 (Ava's). Before: Ava 2 days (3600), Ben 1 (400), the Tower 3 days (3000): 7000
    # (the schedule prices no background), and no overtime: each day is called at 07:00 and its scenes
    # run from there; Ben's day 1 (570 minutes to 16:30, lunch 13:00-13:30) is 9 hours worked, within his
    # preset's 10, and Ava's days (300 and 270 minutes) are within her 8 and end before a meal is due.
    # Day 1 leaves 1-1 unshot. With every scene shot, re-planning days 2-3 would put 1-3 and 1-4 (570
    # minutes) on one day: Ava 1 day, the Tower 2: 4200, and Ava's overtime on that day (to 16:30, lunch
    # on time, 9.0 hours worked: the 9th at 1.5× her 225 an hour) 337.50: 4537.50, a saving of 1800 + 1000
    # (a work day and a location day) less that 337.50, 2462.50, the slip has no part in. With 1-1 to place
    # too (870 minutes: two days), the cheapest is 1-3 and 1-4 on one day and 1-1 on the other: the Tower 3
    # days, 5200, and the same 337.50: 5537.50 (1-1 with 1-3 instead would pay Ava a day more, 1800, and
    # 9.5 hours, 506.25). The slip costs 1000, a location day; the whole schedule, 1462.50 less than
    # before, would have said it saved money.
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
    assert (plan.before.total, plan.anyway.total, plan.after.total) == (7000, Decimal("4537.50"), Decimal("5537.50"))
    assert (plan.before.overtime, plan.anyway.overtime, plan.after.overtime) == (
        0,
        Decimal("337.50"),
        Decimal("337.50"),
    )
    assert data["change"] == {
        "amount": "1000.00",
        "currency": "USD",
        "cast_work_days": 0,
        "cast_hold_days": 0,
        "location_days": 1,
        "shoot_days_added": 0,
    }
    assert data["improvement"] == {
        "amount": "2462.50",
        "currency": "USD",
        "cast_work_days": 1,
        "cast_hold_days": 0,
        "location_days": 1,
    }


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
