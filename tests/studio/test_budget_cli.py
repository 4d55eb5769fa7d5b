"""`python main.py budget …` as a user runs it (a subprocess), on a copy of the demo."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

from studio.schedule.board_loading import load_board
from studio.schedule.strips import move_strips
from studio.storage.db import open_database
from tests.command_line import run

ROOT = Path(__file__).resolve().parents[2]
APPROVED = "Approved before the shoot"


def budget(database: Path, *args: str) -> subprocess.CompletedProcess:
    return run("budget", *args, "--db", str(database))


def ok_json(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_one_clear_line(result: subprocess.CompletedProcess, fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_total_in_the_report_currency_and_another(demo_path):
    report = ok_json(budget(demo_path, "total", "--json"))
    assert report["currency"] == "CNY"
    assert Decimal(report["amount"]) == sum(Decimal(a["amount"]) for a in report["by_account"])
    codes = [a["code"] for a in report["by_account"]]
    assert codes[0] == "1100" and codes[-2:] == ["9000", "9100"]
    dollars = ok_json(budget(demo_path, "total", "--currency", "usd", "--json"))
    assert dollars["currency"] == "USD" and Decimal(dollars["amount"]) < Decimal(report["amount"])
    text = budget(demo_path, "total")
    assert text.returncode == 0 and text.stdout.strip().endswith(f"Grand total: {report['amount']} CNY")
    assert "2500 Set Operations" not in text.stdout  # an empty account is left out of the text


def test_sync_stores_what_the_schedule_changed_once(demo_path):
    assert ok_json(budget(demo_path, "sync", "--json")) == {"changes": []}
    database = open_database(demo_path)
    with database.transaction() as session:
        board = load_board(session, 1)
        (day,) = [day for day in board.days if day.date == date(2027, 1, 13)]
        move_strips(session, 1, [s.id for s in board.day_strips(day.id) if 21 in s.cast], None, 0)
    database.close()
    before = ok_json(budget(demo_path, "total", "--json"))  # the total already follows the schedule
    changes = ok_json(budget(demo_path, "sync", "--json"))["changes"]
    assert "Ethan Cole as #21 TOM (1 work, 0 hold): 2 day × 180.00 USD → 1 day × 180.00 USD" in changes
    again = budget(demo_path, "sync")
    assert again.returncode == 0 and again.stdout.strip() == "The budget already follows the schedule."
    assert ok_json(budget(demo_path, "total", "--json")) == before
    with sqlite3.connect(demo_path) as connection:
        (amount,) = connection.execute("SELECT amount FROM budget_line WHERE source = 'cast:21'").fetchone()
    assert amount == 10_000  # 1.0000 day, kept as a scaled integer


def test_report_json(demo_path):
    report = ok_json(budget(demo_path, "report", "--json"))
    assert report["currency"] == "CNY" and report["total"]["variance"] == "-69.82"
    insurance = next(a for a in report["accounts"] if a["code"] == "6700")
    assert (insurance["budget"], insurance["paid"], insurance["variance"]) == ("32327.59", "32397.41", "-69.82")
    total = ok_json(budget(demo_path, "total", "--json"))
    assert report["total"]["budget"] == total["amount"]


def test_save_a_version_and_compare_it_with_now(demo_path):
    saved = budget(demo_path, "save-version", "Before the rewrite")
    assert saved.returncode == 0 and saved.stdout.strip() == "saved version Before the rewrite"
    assert_one_clear_line(budget(demo_path, "save-version", "Before the rewrite"), "there is already a version")
    with sqlite3.connect(demo_path) as connection:  # the producer doubles the props allowance
        connection.execute(  # 2.0000 (a scaled integer) × 2500 USD
            "UPDATE budget_line SET amount = 20000 WHERE description = 'Props purchases and rentals'"
        )
    comparison = ok_json(budget(demo_path, "compare", "Before the rewrite", "now", "--json"))
    assert (comparison["left"], comparison["right"], comparison["currency"]) == ("Before the rewrite", "Now", "CNY")
    props = next(a for a in comparison["accounts"] if a["code"] == "2800")
    # 2500 USD more × 7.18390805 = 17959.770125 → 17959.77 CNY
    assert props["difference"] == "17959.77"
    assert Decimal(props["right"]) - Decimal(props["left"]) == Decimal("17959.77")
    unchanged = ok_json(budget(demo_path, "compare", APPROVED, "Before the rewrite", "--json"))
    assert unchanged["left_total"] == unchanged["right_total"]
    assert_one_clear_line(budget(demo_path, "compare", "Nope", "now"), "there is no budget version named 'Nope'")


def make_ot_hours_circular(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE budget_global SET formula = 'OT_HOURS + 1' WHERE name = 'OT_HOURS'")


def test_a_circular_global_is_one_clear_line_and_exit_2(demo_path):
    make_ot_hours_circular(demo_path)
    for action in (["total", "--json"], ["save-version", "Broken"]):
        assert_one_clear_line(budget(demo_path, *action), "global OT_HOURS uses itself: OT_HOURS → OT_HOURS")
    with sqlite3.connect(demo_path) as connection:
        assert connection.execute("SELECT count(*) FROM budget_version WHERE name = 'Broken'").fetchone() == (0,)


def test_the_cost_report_of_a_budget_with_a_circular_global_is_refused(demo_path):
    make_ot_hours_circular(demo_path)
    assert_one_clear_line(budget(demo_path, "report", "--json"), "global OT_HOURS uses itself")
