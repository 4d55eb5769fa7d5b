"""A crew member's login on the team's server (the `cliffhanger_crew` role): it reads the script, the
schedule, people and places and exports call sheets and schedules, but every query it makes leaves the
money columns out (the server's grants would refuse them), nothing shows a rate, fee or budget, and
nothing can be changed. The server itself refuses what it may not read (test_on_postgresql)."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

import pytest
from pypdf import PdfReader

from studio.edits import set_field
from studio.errors import NotAllowed
from studio.listings import cast_rows, crew_rows, location_rows
from studio.models import Scene
from studio.people_csv import export_people
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board_loading import load_board
from studio.schedule.dood import day_out_of_days
from studio.storage.db import open_database
from studio.summary import database_summary
from tests.command_line import assert_one_clear_line, run


@pytest.fixture
def crew(crew_login):
    database = open_database(crew_login)
    yield database
    database.close()


@pytest.fixture
def producer(server_demo):
    database = open_database(server_demo)
    yield database
    database.close()


def test_a_crew_login_opens_read_only_and_without_money(crew, producer):
    assert (crew.read_only, crew.sees_money) == (True, False)
    assert (producer.read_only, producer.sees_money) == (False, True)


def test_the_lists_show_people_and_places_but_no_rate_or_fee(crew, producer):
    for rows_of in (cast_rows, crew_rows, location_rows):
        with crew.reading() as session:
            seen = rows_of(session, 1)
        with producer.reading() as session:
            full = rows_of(session, 1)
        money = "fee" if rows_of is location_rows else "rate"
        assert [row["id"] for row in seen] == [row["id"] for row in full]
        assert all(row[money] is None for row in seen)
        assert any(row[money] is not None for row in full)
        # everything else is as the producer sees it
        assert [{**row, money: None} for row in seen] == [{**row, money: None} for row in full]


def test_the_board_is_the_same_without_its_costs(crew, producer):
    with crew.reading() as session:
        seen = load_board(session, 1)
    with producer.reading() as session:
        full = load_board(session, 1)
    assert (seen.priced, full.priced) == (False, True)
    assert seen.placement == full.placement and seen.strips == full.strips
    assert seen.days == full.days
    assert all(member.day_cost == 0 for member in seen.cast.values())
    assert seen.limits.move_cost == 0 and all(place.fee == 0 for place in seen.places.values())
    assert BoardAnalysis(seen).cost.total == 0
    assert BoardAnalysis(full).cost.total > 0
    assert day_out_of_days(seen) == day_out_of_days(full)


def test_the_summary_has_no_budget_for_the_crew(crew, producer):
    with crew.reading() as session:
        seen = database_summary(session)
    with producer.reading() as session:
        full = database_summary(session)
    assert "budget_total" not in seen["productions"][0]
    assert Decimal(full["productions"][0].pop("budget_total")["amount"]) > 0
    assert seen == full


def test_the_cast_list_for_the_crew_has_no_pay_columns(crew, tmp_path):
    with crew.reading() as session:
        export_people(session, 1, "cast", tmp_path / "cast.csv")
    with (tmp_path / "cast.csv").open(encoding="utf-8-sig") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) >= 24 and "Daniel Hayes" in {row["name"] for row in rows}
    assert not {"day_rate", "rate_basis", "currency"} & set(rows[0])


def test_a_crew_login_changes_nothing(crew, producer):
    with pytest.raises(NotAllowed, match="may read but not change"), crew.transaction() as session:
        set_field(session, "scene", 1, "synopsis", "the gaffer's idea")
    with producer.reading() as session:
        assert session.get(Scene, 1).synopsis != "the gaffer's idea"


def test_on_the_command_line_the_crew_gets_call_sheets_and_schedules_but_no_budget(crew_login, tmp_path):
    info = run("info", "--db", crew_login, "--json")
    assert info.returncode == 0, info.stderr
    production = json.loads(info.stdout)["productions"][0]
    assert production["scenes"] == 482 and "budget_total" not in production

    sheet = run("export", "callsheet", "--db", crew_login, "--day", "1", "--out", str(tmp_path / "day1.pdf"))
    assert sheet.returncode == 0, sheet.stderr
    assert "Crew call" in PdfReader(tmp_path / "day1.pdf").pages[0].extract_text()
    schedule = run("export", "schedule", "--db", crew_login, "--out", str(tmp_path / "schedule.pdf"))
    assert schedule.returncode == 0, schedule.stderr

    for command in (("budget", "total"), ("export", "budget", "--out", str(tmp_path / "b.xlsx"))):
        assert_one_clear_line(run(*command, "--db", crew_login), "rates and budgets are for producers")
    assert not (tmp_path / "b.xlsx").exists()
    assert_one_clear_line(run("schedule", "auto", "--db", crew_login), "may read but not change")


def test_a_login_with_no_role_is_told_an_administrator_gives_it_one(server_demo, postgres_server):
    stranger = postgres_server.add_login(server_demo, None)
    assert_one_clear_line(run("info", "--db", stranger), "an administrator gives it the producer or the crew role")


def test_copy_database_names_the_server_that_refused_the_crew_login_not_the_target(crew_login, tmp_path):
    """The refusal came from reading the source inside the target's transaction, whose handler named the
    target file: "your login on /…/copy.sqlite may not read…"."""
    from studio.storage.passwords import without_password

    target = tmp_path / "copy.sqlite"
    result = run("copy-database", "--db", crew_login, "--to", str(target))
    assert_one_clear_line(result, f"your login on {without_password(crew_login)} may not read")
    assert str(target) not in result.stderr and not target.exists()
