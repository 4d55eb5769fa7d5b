"""`schedule auto` and `schedule check` on real databases: the optimizer's schedule applied in one
transaction (the search holding no lock, but for --days), the days asked for with --days, the reported days
kept as shot, and what the commands say."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlmodel import select

from studio import i18n
from studio.day_reports.starting import start_day_report
from studio.errors import InvalidInput
from studio.models import Availability, Production, ShootDay, Strip
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.auto import board_for_scheduling, result_json, schedule_automatically
from studio.schedule.board_loading import load_board
from studio.schedule.costs import company_moves
from studio.schedule.optimizer import optimize
from studio.schedule.strips import move_strips, set_locked
from studio.storage.db import open_database
from tests.command_line import run
from tests.studio.test_schedule import WORK, board_of


def test_schedule_automatically_adds_shoot_days_and_applies_in_one_transaction(demo):
    with demo.transaction() as session:
        run = schedule_automatically(session, 1, days=10, work=WORK / 3)  # how it applies, not how well
        board, added = board_for_scheduling(session, 1, 10)
        assert len(board.days) == 10 and added == 0 and run.days_added == 1
    assert run.previous and run.result.cost.scheduled_scenes == 482
    report = result_json(run, 10)  # what `schedule auto --json` prints
    expected = {"days", "scheduled_scenes", "cast_work_days", "cast_hold_days", "company_moves", "cost", "conflicts"}
    assert expected | {"baseline_cost", "status", "shoot_days_added", "scheduled_from_boneyard"} <= report.keys()
    assert report["scheduled_scenes"] == 482 and report["shoot_days_added"] == 1
    assert Decimal(report["cost"]["amount"]) < Decimal(report["baseline_cost"]["amount"])
    with demo.session() as session:
        placed = session.exec(select(Strip).where(Strip.shoot_day_id.is_not(None))).all()
        assert len(placed) == 482
        board = load_board(session, 1)
    # Each day's driving, as the board applied has it: every move's drive between its two locations.
    driven = []
    for day in board.days:
        moves = company_moves(board.day_strips(day.id))
        driven.append({"day": day.number, "minutes": sum(board.limits.drives.of(a, b).minutes for a, b in moves)})
    assert report["driving_minutes"] == driven and any(day["minutes"] for day in driven)


def test_scheduling_with_no_shoot_days_says_how_many_the_script_needs_and_how_to_add_them(demo):
    with demo.transaction() as session:
        for day in session.exec(select(ShootDay)).all():
            session.delete(day)
    with demo.transaction() as session, pytest.raises(InvalidInput) as refused:
        schedule_automatically(session, 1, work=WORK)
    board = board_of(demo)
    eighths = sum(strip.eighths for strip in board.strips.values() if not strip.is_banner)
    needed = int(str(refused.value).split("at least ")[1].split()[0])
    assert (needed - 1) * board.limits.eighths < eighths <= needed * board.limits.eighths
    assert f"--days {needed}" in str(refused.value)


def test_days_asked_for_are_not_added_when_the_schedule_stays_as_it_was(demo):
    """Empty days would count in the budget's shoot days and on the calendar for nothing."""
    with demo.transaction() as session:
        strips = session.exec(select(Strip)).all()
        set_locked(session, [strip.id for strip in strips], True)  # nothing the optimizer may move
        days_before = len(session.exec(select(ShootDay)).all())
        run = schedule_automatically(session, 1, days=11, work=WORK / 3)
        assert not run.result.improved and run.days_added == 0
    with demo.session() as session:
        assert len(session.exec(select(ShootDay)).all()) == days_before


def test_fewer_days_than_the_board_has_schedules_the_scenes_of_the_days_left_out(demo):
    """--days 8 on the demo's nine: day 9's scenes are scheduled on the eight (they were left out of the
    search and its cost), and day 9 is named as holding none; a scene locked on it is refused."""
    with demo.session() as session:
        nine = {day.number: day.id for day in load_board(session, 1).days}
    with demo.transaction() as session:  # 20 pages and 14 hours a day: five days hold what is not shot
        production = session.get(Production, 1)
        production.max_eighths_per_day, production.max_minutes_per_day = 160, 840
        locked = session.exec(select(Strip).where(Strip.shoot_day_id == nine[9])).first()
        set_locked(session, [locked.id], True)
    refused = pytest.raises(InvalidInput, match=r"scene .* is locked on day 9, which --days 8 leaves out")
    with refused, demo.transaction() as session:
        schedule_automatically(session, 1, days=8, work=WORK / 3)
    with demo.transaction() as session:
        set_locked(session, [locked.id], False)
    with demo.transaction() as session:
        run = schedule_automatically(session, 1, days=8, work=WORK / 3)
    assert run.result.cost.scheduled_scenes == 482 and run.left_empty == (9,)
    assert result_json(run, 8)["days_left_empty"] == [9]
    with demo.session() as session:
        assert session.exec(select(Strip).where(Strip.shoot_day_id == nine[9])).all() == []


def test_days_added_that_the_schedule_leaves_empty_are_not_kept(demo):
    with demo.transaction() as session:
        run = schedule_automatically(session, 1, days=12, work=WORK / 3)
    with demo.session() as session:
        days = load_board(session, 1).days
        assert len(days) == 9 + run.days_added
        assert all(session.exec(select(Strip).where(Strip.shoot_day_id == day.id)).first() for day in days[9:])


def test_a_schedule_that_breaks_a_limit_is_never_called_feasible(demo):
    """Daniel Hayes's scene locked on day 4, a date he is away: no schedule clears it, and the result says
    its limits are broken (or, proven, impossible), where it said "feasible" with a conflict left."""
    board = board_of(demo)
    day = board.days[3]
    daniel = next(p for p, member in board.cast.items() if member.name == "Daniel Hayes")
    with demo.transaction() as session:
        session.add(Availability(performer_id=daniel, start_date=day.date, end_date=day.date))
        strip = next(strip for strip in board.day_strips(day.id) if daniel in strip.cast)
        set_locked(session, [strip.id], True)
    result = optimize(board_of(demo), work=WORK / 3)
    assert result.conflicts > result.conflicts_as_shot
    assert result.status in ("limits broken", "impossible") and result.gap is None


def test_a_typed_meal_never_moves_past_its_days_wrap(demo):
    """Day 4's typed lunch, following a later call, came to 18:02 on a day wrapping at 17:57: it is
    cleared instead, and falls when due."""
    with demo.transaction() as session:
        run = schedule_automatically(session, 1, work=WORK)
    assert run.result.meals
    times = BoardAnalysis(board_of(demo)).times
    for move in run.result.meals:
        assert move.minutes is None or move.minutes + 30 <= times[move.day_id].wrap, move


def test_schedule_auto_on_the_command_line(demo_path):
    """A work bound gives the same result on any machine; a bad --days is one line and changes nothing."""
    import json

    report_run = run("schedule", "auto", "--db", str(demo_path), "--work", "3", "--json")
    assert report_run.returncode == 0, report_run.stderr
    report = json.loads(report_run.stdout)
    assert report["days"] == 9 and report["scheduled_scenes"] == 482 and report["conflicts"] == 0
    assert report["shoot_days_added"] == 0 and report["scheduled_from_boneyard"] == 0
    with open_database(demo_path).session() as session:
        before = load_board(session, 1).placement
    both = run("schedule", "auto", "--db", str(demo_path), "--time-limit", "5", "--work", "1")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr  # one or the other
    bad = run("schedule", "auto", "--db", str(demo_path), "--days", "0", "--json")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "--days" in bad.stderr
    with open_database(demo_path).session() as session:
        assert load_board(session, 1).placement == before


def test_the_command_counts_the_days_the_schedule_uses_once_unused_ones_are_removed(demo_path):
    """--days 12 on the demo's nine: the days it added and left empty are removed, and the report said
    "on 12 days" of a production left with nine."""
    report = json.loads(run("schedule", "auto", "--db", str(demo_path), "--days", "12", "--work", "1", "--json").stdout)
    assert report["improved"]
    with open_database(demo_path).session() as session:
        used = {strip.shoot_day_id for strip in session.exec(select(Strip)).all()} - {None}
        shooting = session.exec(select(ShootDay.id).where(ShootDay.kind == "SHOOT")).all()
    assert report["days"] == len(used) == len(shooting) == 9 + report["shoot_days_added"]


def strips_by_day(database) -> dict[int | None, list[tuple[int, int]]]:
    """Shoot day id → its strips' (id, position), in order."""
    with database.session() as session:
        rows = session.exec(select(Strip).order_by(Strip.shoot_day_id, Strip.position)).all()
    days: dict[int | None, list[tuple[int, int]]] = {}
    for strip in rows:
        days.setdefault(strip.shoot_day_id, []).append((strip.id, strip.position))
    return days


def test_schedule_auto_keeps_the_reported_days_as_they_were_shot(demo_path):
    """The demo's first three days are reported: their scenes, shot or not, stay on them in their order,
    no other scene goes on them, and the command says so."""
    database = open_database(demo_path)
    reported = [day.id for day in board_of(database).days if day.reported]
    before = strips_by_day(database)
    database.close()
    assert len(reported) == 3
    done = run("schedule", "auto", "--db", str(demo_path), "--work", "1", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["improved"] and report["reported_days_kept"] == [1, 2, 3]
    assert report["unshot_on_reported_days"] == 5  # day 3's report: five scenes not shot
    database = open_database(demo_path)
    after = strips_by_day(database)
    database.close()
    assert after != before  # the days after them were planned again
    assert all(after[day] == before[day] for day in reported)
    text = run("schedule", "auto", "--db", str(demo_path), "--work", "1")
    assert (
        "Reported days kept what was shot on them and took no other scene (days 1, 2, 3); 5 scene(s) not shot on "
        "them stay there: schedule replan schedules them again." in text.stdout
    )
    # Once a re-plan has scheduled them again, none is left on a reported day.
    assert run("schedule", "replan", "--db", str(demo_path), "--from-day", "4", "--work", "1").returncode == 0
    again = json.loads(run("schedule", "auto", "--db", str(demo_path), "--work", "1", "--json").stdout)
    assert again["reported_days_kept"] == [1, 2, 3] and again["unshot_on_reported_days"] == 0


def test_scenes_left_after_the_reported_days_that_cannot_fit_are_said_so(demo):
    third = board_of(demo).days[2].id
    with demo.transaction() as session:  # day 3's scenes waiting in the boneyard: 9 days would hold them all
        for strip in session.exec(select(Strip).where(Strip.shoot_day_id == third)).all():
            strip.shoot_day_id = None
    with pytest.raises(InvalidInput, match="the scenes not on a reported day need .* pages but the 6 shoot days"):
        optimize(board_of(demo), work=WORK)


def test_a_schedule_dearer_than_the_board_to_clear_its_conflicts_says_so():
    from studio.schedule_commands import schedule_report

    cost = {"amount": "352365.91", "currency": "USD"}
    report = {
        "improved": True,
        "scheduled_scenes": 597,
        "cost": cost,
        "current_cost": {"amount": "352228.42"},
        "current_conflicts": 1,
        "conflicts": 0,
        "baseline_cost": {"amount": "1051023.50"},
        "baseline_saving_percent": "66.5",
        "saving_percent": "-0.0",
        "gap_percent": None,
    }
    text = schedule_report(report, 12, "feasible")
    assert text == (
        "Scheduled 597 scenes on 12 days (feasible): 352365.91 USD, more than the current schedule "
        "(352228.42 USD), which breaks 1 limit(s) where this one breaks 0."
    )
    i18n.set_language("zh_CN")  # the status in the report's words too
    try:
        assert "（违反限制）" in schedule_report(report, 12, "limits broken")
    finally:
        i18n.set_language("en")


def test_schedule_check_says_what_the_stored_schedule_costs_and_breaks(demo_path):
    before = demo_path.read_bytes()
    checked = run("schedule", "check", "--db", str(demo_path), "--read-only", "--json")
    assert checked.returncode == 0, checked.stderr
    assert demo_path.read_bytes() == before
    report = json.loads(checked.stdout)
    cost = report["cost"]
    parts = sum(Decimal(cost[part]) for part in ("cast", "labour", "locations", "company_moves"))
    assert report["scheduled_scenes"] == 482 and report["conflicts"] == [] and parts == Decimal(cost["amount"])
    # What `schedule auto` stores costs what it said it does.
    auto = json.loads(run("schedule", "auto", "--db", str(demo_path), "--work", "1", "--json").stdout)
    after = json.loads(run("schedule", "check", "--db", str(demo_path), "--json").stdout)
    assert after["cost"] == auto["cost"] and len(after["conflicts"]) == auto["conflicts"]
    # A day given more pages than it holds: named, with its day.
    database = open_database(demo_path)
    with database.transaction() as session:
        board = load_board(session, 1)
        move_strips(session, 1, board.placement[board.days[4].id], board.days[3].id, 0)
    database.close()
    over = json.loads(run("schedule", "check", "--db", str(demo_path), "--json").stdout)["conflicts"]
    assert {"day": 4, "kind": "over_pages"} in [{"day": c["day"], "kind": c["kind"]} for c in over]
    text = run("schedule", "check", "--db", str(demo_path)).stdout.splitlines()
    assert text[0].startswith("482 scenes on 9 shoot days, 0 waiting unscheduled; cost ") and "Day 4: " in text[1]


def test_a_writing_command_asked_read_only_names_the_reading_ones(demo_path):
    refused = run("schedule", "replan", "--db", str(demo_path), "--from-day", "4", "--read-only")
    assert refused.returncode == 2
    for reading in ("report day|final-cost", "schedule check", "send --dry-run", "script"):
        assert reading in refused.stderr


def test_fewer_days_than_the_reported_ones_are_refused_and_nothing_changes(demo_path):
    before = demo_path.read_bytes()
    refused = run("schedule", "auto", "--db", str(demo_path), "--days", "2", "--work", "1")
    assert refused.returncode == 2 and "day 3 is reported: --days must keep it (at least 3)" in refused.stderr
    assert demo_path.read_bytes() == before


@pytest.mark.parametrize("meanwhile", ["a colleague saves", "a colleague moves a strip", "a colleague reports a day"])
def test_another_program_saves_while_the_command_searches_and_a_strip_moved_meanwhile_is_kept(
    demo_path, monkeypatch, meanwhile
):
    """The search holds no lock: another program writes at once (it waited out the busy timeout, then
    failed, while the whole search held the file). A strip that program moved is its, and a day it reported
    keeps what was shot on it: nothing is put."""
    import sqlite3

    from studio.schedule import optimizer

    searching = optimizer.optimize
    strip = query_one(demo_path, "SELECT id FROM strip WHERE shoot_day_id IS NOT NULL AND locked = 0 LIMIT 1")

    def optimize_beside_another_program(*args, **kwargs):
        if meanwhile == "a colleague reports a day":  # day 4, after the demo's three: what it shot stays there
            colleague = open_database(demo_path)
            with colleague.transaction() as session:
                day = session.exec(select(ShootDay).where(ShootDay.day_number == 4)).one()
                start_day_report(session, day.id, today=day.shoot_date)
            colleague.close()
            return searching(*args, **kwargs)
        other = sqlite3.connect(demo_path, timeout=0)  # no waiting: the file must be free now
        with other:
            if meanwhile == "a colleague saves":
                other.execute("UPDATE production SET title_zh = '契约新娘（第二版）'")
            else:
                other.execute("UPDATE strip SET position = position + 1, version = version + 1 WHERE id = ?", (strip,))
        other.close()
        return searching(*args, **kwargs)

    monkeypatch.setattr(optimizer, "optimize", optimize_beside_another_program)
    before = query_all(demo_path, "SELECT id, shoot_day_id FROM strip ORDER BY id")
    result = run("schedule", "auto", "--db", str(demo_path), "--work", "1")
    if meanwhile == "a colleague saves":
        assert result.returncode == 0, result.stderr
        assert query_one(demo_path, "SELECT title_zh FROM production") == "契约新娘（第二版）"
        assert query_all(demo_path, "SELECT id, shoot_day_id FROM strip ORDER BY id") != before
    else:
        said = {
            "a colleague moves a strip": "the schedule was changed elsewhere while the optimizer ran",
            "a colleague reports a day": "the shoot days changed while the optimizer ran (a day reported",
        }
        assert said[meanwhile] in result.stderr
        assert query_all(demo_path, "SELECT id, shoot_day_id FROM strip ORDER BY id") == before


def query_all(path, sql: str) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(path) as connection:
        rows = connection.execute(sql).fetchall()
    connection.close()
    return rows


def query_one(path, sql: str):
    return query_all(path, sql)[0][0]
