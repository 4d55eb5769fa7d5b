"""`schedule auto` run as a user runs it, bounded by work so every machine gets the same schedule."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

from studio.minors import limits_on
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board_loading import load_board
from studio.storage.db import open_database
from tests.command_line import assert_one_clear_line, run


def placements(path) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return connection.execute("select id, shoot_day_id, position from strip order by id").fetchall()


def test_the_report_puts_the_saving_against_the_current_schedule_first_and_gives_the_bound(demo_path):
    result = run("schedule", "auto", "--db", str(demo_path), "--work", "3", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["improved"] and report["conflicts"] == 0 and report["current_conflicts"] == 0
    cost, current = Decimal(report["cost"]["amount"]), Decimal(report["current_cost"]["amount"])
    assert cost < current < Decimal(report["baseline_cost"]["amount"])
    assert Decimal(report["saving_percent"]) == round(100 * (1 - cost / current), 1)
    assert Decimal(report["baseline_saving_percent"]) > Decimal(report["saving_percent"])
    bound = report["lower_bound"]
    assert Decimal(bound["amount"]) < cost and bound["currency"] == report["cost"]["currency"]
    assert Decimal(report["gap_percent"]) > 0
    # The demo's lunches, typed five hours after each day's call, follow the calls the optimizer gave,
    # unless that puts them past midnight or the day's wrap: then cleared, to fall when due.
    assert report["meals_moved"]
    database = open_database(demo_path)
    with database.session() as session:
        board = load_board(session, 1)
    database.close()
    times = BoardAnalysis(board).times
    for day in board.days:
        call, wrap = times[day.id].call, times[day.id].wrap
        assert day.lunch == (call + 300 if call + 300 < 24 * 60 and call + 330 <= wrap else None)
    again = run("schedule", "auto", "--db", str(demo_path), "--work", "1")
    assert again.returncode == 0, again.stderr
    assert "below the current schedule" in again.stdout or "is the best found: nothing changed" in again.stdout
    assert "No schedule within the limits costs less than" in again.stdout or "nothing changed" in again.stdout


def test_a_bad_work_bound_is_one_clear_line_and_changes_nothing(demo_path):
    before = placements(demo_path)
    assert_one_clear_line(run("schedule", "auto", "--db", str(demo_path), "--work", "0"), "--work")
    assert placements(demo_path) == before


def test_the_larger_production_is_written_and_scheduled_within_every_limit(tmp_path):
    path = tmp_path / "large.sqlite"
    written = run("demo", "--db", str(path), "--size", "large")
    assert written.returncode == 0, written.stderr
    result = run("schedule", "auto", "--db", str(path), "--work", "3", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["days"] == 12 and report["scheduled_scenes"] == 597 and report["conflicts"] == 0
    assert Decimal(report["cost"]["amount"]) < Decimal(report["current_cost"]["amount"])
    # Its two minors (10 and 7) work no longer on any day than their ages allow (5 and 4 hours).
    database = open_database(path)
    with database.session() as session:
        board = load_board(session, 1)
    database.close()
    minors = {member.name: member for member in board.cast.values() if member.born is not None}
    assert sorted(minors) == ["Ava Chen", "Lucas Park"]
    for member in minors.values():
        for day in board.days:
            work = sum(strip.minutes for strip in board.day_strips(day.id) if member.id in strip.cast)
            assert work <= limits_on(member.born, day.date).work_minutes
