"""`copy-production`: one production, with everything that belongs to it, into a database that may
hold others — a laptop's series onto the company's server, a series from the server into a file. Its
rows take new ids, every reference follows, and counts and money totals are checked before it commits."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from studio.budget.schedule_links import sync_schedule_lines
from studio.errors import UserError
from studio.storage.db import open_database
from studio.storage.transfer import copy_production
from studio.summary import database_summary
from tests.command_line import assert_one_clear_line, run


def summaries(database) -> list[dict]:
    with database.reading() as session:
        return database_summary(session)["productions"]


def without_id(summary: dict) -> dict:
    return {key: value for key, value in summary.items() if key != "id"}


@pytest.fixture
def server_with_another_production(server_demo):
    """The team's server already holding a series (the demo, renamed)."""
    database = open_database(server_demo)
    with database.transaction() as session:
        session.execute(text("UPDATE production SET title = 'Last Spring''s Series'"))
    yield database
    database.close()


def test_a_production_joins_a_server_that_holds_another(demo_path, server_with_another_production):
    server, laptop = server_with_another_production, open_database(demo_path)
    before = summaries(server)
    copied = copy_production(laptop, 1, server)
    after = summaries(server)
    assert copied.production_id not in {p["id"] for p in before}
    assert after[0] == before[0]  # the series already there is untouched
    (new,) = [p for p in after if p["id"] == copied.production_id]
    assert without_id(new) == without_id(summaries(laptop)[0])  # every count and the budget's total
    laptop.close()


def test_the_copys_budget_still_follows_its_own_schedule(demo_path, server_with_another_production):
    """Linked lines name their performer, crew member or location by id in text ("cast:12"): the copy's
    must name the copy's, or the schedule would replace every one of them (and the producer's notes)."""
    laptop, server = open_database(demo_path), server_with_another_production
    with laptop.transaction() as session:
        assert sync_schedule_lines(session, 1) == []
    new_id = copy_production(laptop, 1, server).production_id
    with server.transaction() as session:
        assert sync_schedule_lines(session, new_id) == []
        sources = session.execute(
            text(
                "SELECT l.source, p.production_id FROM budget_line l "
                "JOIN budget_account a ON a.id = l.account_id "
                "JOIN performer p ON l.source = 'cast:' || p.id WHERE a.production_id = :p"
            ),
            {"p": new_id},
        ).all()
    assert len(sources) >= 20 and {production for _source, production in sources} == {new_id}
    laptop.close()


def test_every_reference_of_the_copy_stays_inside_the_copy(demo_path, server_with_another_production):
    server, laptop = server_with_another_production, open_database(demo_path)
    with laptop.transaction() as session:  # an account under a parent made after it: parents go in first
        session.execute(
            text(
                "INSERT INTO budget_account (production_id, code, name, name_zh, account_group, sort_order, version, "
                "holds_fringes) "
                "VALUES (1, '9900', 'Contingency group', '', 'OTHER', 9900, 1, false)"
            )
        )
        session.execute(text("UPDATE budget_account SET parent_id = (SELECT max(id) FROM budget_account) WHERE id = 1"))
    new_id = copy_production(laptop, 1, server).production_id
    crossings = {
        "scene → set": "SELECT count(*) FROM scene s JOIN film_set f ON f.id = s.set_id "
        "WHERE s.production_id = :p AND f.production_id <> :p",
        "strip → scene": "SELECT count(*) FROM strip t JOIN scene s ON s.id = t.scene_id "
        "WHERE t.production_id = :p AND s.production_id <> :p",
        "scene → characters": "SELECT count(*) FROM scene_character sc JOIN scene s ON s.id = sc.scene_id "
        "JOIN character c ON c.id = sc.character_id WHERE s.production_id = :p AND c.production_id <> :p",
        "deal → performer": "SELECT count(*) FROM cast_assignment a JOIN character c ON c.id = a.character_id "
        "JOIN performer p ON p.id = a.performer_id WHERE c.production_id = :p AND p.production_id <> :p",
        "account → parent": "SELECT count(*) FROM budget_account a JOIN budget_account up ON up.id = a.parent_id "
        "WHERE a.production_id = :p AND up.production_id <> :p",
        "line → fringe": "SELECT count(*) FROM budget_line_fringe lf JOIN fringe f ON f.id = lf.fringe_id "
        "JOIN budget_line l ON l.id = lf.line_id JOIN budget_account a ON a.id = l.account_id "
        "WHERE a.production_id = :p AND f.production_id <> :p",
        "call sheet → day": "SELECT count(*) FROM call_time t JOIN call_sheet c ON c.id = t.call_sheet_id "
        "JOIN shoot_day d ON d.id = c.shoot_day_id JOIN performer p ON p.id = t.performer_id "
        "WHERE p.production_id = :p AND d.production_id <> :p",
        "drive → locations": "SELECT count(*) FROM location_drive d JOIN location a ON a.id = d.from_location_id "
        "JOIN location b ON b.id = d.to_location_id "
        "WHERE d.production_id = :p AND (a.production_id <> :p OR b.production_id <> :p)",
    }
    with server.reading() as session:
        for name, query in crossings.items():
            assert session.execute(text(query), {"p": new_id}).scalar() == 0, name
        parents = session.execute(
            text(
                "SELECT up.code FROM budget_account a JOIN budget_account up ON up.id = a.parent_id "
                "WHERE a.production_id = :p"
            ),
            {"p": new_id},
        ).all()
        drives = session.execute(
            text(
                "SELECT a.name, b.name, d.minutes FROM location_drive d JOIN location a ON a.id = d.from_location_id "
                "JOIN location b ON b.id = d.to_location_id WHERE d.production_id = :p"
            ),
            {"p": new_id},
        ).all()
    assert parents == [("9900",)]
    assert drives == [("Sterling Tower", "The Vista rooftop bar", 10)]  # the demo's typed drive, its ends renumbered


def test_a_series_comes_from_the_server_into_a_new_file_and_back_unchanged(demo_path, server_demo, tmp_path):
    file = tmp_path / "from-the-server.sqlite"
    result = run("copy-production", "--db", server_demo, "--to", str(file), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["production_id"] == 1 and {"table": "scene", "rows": 482, "totals": {}} in report["tables"]
    assert summaries(open_database(file)) == summaries(open_database(demo_path))


def test_a_second_copy_of_the_same_series_is_refused_and_changes_nothing(demo_path, server_demo):
    server = open_database(server_demo)
    before = summaries(server)
    with pytest.raises(UserError, match="already holds a production titled The Contract Bride"):
        copy_production(open_database(demo_path), 1, server)
    assert summaries(server) == before
    server.close()


def test_a_refused_copy_into_a_new_file_leaves_no_file(demo_path, tmp_path):
    target = tmp_path / "new.sqlite"
    assert_one_clear_line(
        run("copy-production", "--db", str(demo_path), "--production", "9", "--to", str(target)),
        "no production with id 9",
    )
    assert not target.exists() and not target.with_name("new.sqlite-wal").exists()


def test_a_copy_onto_itself_is_refused(demo_path):
    assert_one_clear_line(run("copy-production", "--db", str(demo_path), "--to", str(demo_path)), "the same database")


def test_a_crew_login_cannot_copy_a_series_and_its_rates_out(crew_login, tmp_path):
    target = tmp_path / "rates.sqlite"
    result = run("copy-production", "--db", crew_login, "--to", str(target))
    assert_one_clear_line(result, "may not read")
    assert crew_login.split("@")[1] in result.stderr  # the refusal names the server, not the new file
    assert not target.exists()


def test_one_of_several_productions_goes_between_files_and_servers(demo_path, tmp_path, server_with_another_production):
    """A file holding two series (the second copied in from another file) gives its second to a server
    that holds a third: every count, the budget and its links come out as in the file."""
    other = tmp_path / "other.sqlite"
    other.write_bytes(demo_path.read_bytes())
    second_series = open_database(other)
    with second_series.transaction() as session:
        session.execute(text("UPDATE production SET title = 'Series Two'"))
    laptop = open_database(demo_path)
    assert copy_production(second_series, 1, laptop).production_id == 2
    server = server_with_another_production
    new_id = copy_production(laptop, 2, server).production_id
    (on_laptop,) = [p for p in summaries(laptop) if p["id"] == 2]
    (on_server,) = [p for p in summaries(server) if p["id"] == new_id]
    assert on_server["title"] == "Series Two" and without_id(on_server) == without_id(on_laptop)
    with server.transaction() as session:
        assert sync_schedule_lines(session, new_id) == []
    assert len(summaries(server)) == 2 and len(summaries(laptop)) == 2
