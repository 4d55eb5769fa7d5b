"""The database layer on both databases the app runs on: the embedded SQLite file and a real
PostgreSQL server (team mode). The demo is copied onto the server with `copy-database`."""

from __future__ import annotations

import json
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from studio.edits import set_field, set_fields
from studio.errors import InvalidInput, UserError
from studio.records import add_row, remove_row, restore
from studio.storage.db import open_database
from studio.storage.transfer import copy_database
from studio.summary import database_summary
from tests.command_line import assert_one_clear_line, run


@pytest.fixture(params=["sqlite", "postgresql"])
def both(request, demo_path):
    """The demo, open on SQLite or on a new database of the test server."""
    if request.param == "sqlite":
        database = open_database(demo_path)
    else:
        database = open_database(request.getfixturevalue("server_demo"))
    yield database
    database.close()


def summary_of(database):
    with database.session() as session:
        return database_summary(session, None)


def test_the_demo_goes_to_a_server_and_back_with_every_count_and_total(demo_path, postgres_url, tmp_path):
    original = open_database(demo_path)
    server = open_database(postgres_url)
    copied = copy_database(original, server)
    assert sum(table.rows for table in copied) > 3000
    assert next(t for t in copied if t.table == "budget_line").totals["rate_minor"] > 0
    back = open_database(tmp_path / "back.sqlite", create=True)
    copy_database(server, back)
    assert summary_of(original) == summary_of(server) == summary_of(back)
    with pytest.raises(UserError, match="already holds productions"):
        copy_database(original, server)
    for database in (original, server, back):
        database.close()


def test_new_rows_on_the_server_are_numbered_after_the_copied_ones(both):
    with both.transaction() as session:
        before = session.execute(text("SELECT max(id) FROM performer")).scalar()
        assert add_row(session, "performer", {"production_id": 1}, {"legal_name": "New Face"}) == before + 1


def test_edits_are_checked_and_saved_alike(both):
    with both.transaction() as session:
        change = set_field(session, "character", 1, "name_zh", "  伊森  ")
    assert change.new == "伊森"
    with pytest.raises(InvalidInput), both.transaction() as session:
        set_field(session, "cast_assignment", 1, "rate", "-5")
    with both.session() as session:
        assert session.execute(text("SELECT name_zh FROM character WHERE id = 1")).scalar() == "伊森"


def test_a_removed_row_comes_back_with_its_id_and_everything_it_took(both):
    def counts():
        with both.session() as session:
            return [session.execute(text(f"SELECT count(*) FROM {table}")).scalar() for table in TABLES]

    TABLES = ("performer", "cast_assignment", "availability")  # noqa: N806 - read by counts()
    before = counts()
    with both.transaction() as session:
        removal = remove_row(session, "performer", 1)
    assert counts() != before
    with both.transaction() as session:
        restore(session, removal)
    assert counts() == before


@pytest.mark.parametrize(
    ("statement", "constraint"),
    [
        ("UPDATE cast_assignment SET rate_minor = -100 WHERE id = 1", "rate_minor_at_least_0"),
        ("UPDATE scene SET page_eighths = -5 WHERE id = 1", "page_eighths_at_least_0"),
        (
            "UPDATE scene SET episode_id = 999999 WHERE id = 1",
            "fk_scene_episode_id_episode|FOREIGN KEY constraint failed",
        ),
    ],
)
def test_the_database_itself_refuses_impossible_values(both, statement, constraint):
    with pytest.raises(IntegrityError, match=constraint), both.transaction() as session:
        session.execute(text(statement))


def test_a_failed_transaction_leaves_nothing_behind(both):
    with pytest.raises(RuntimeError), both.transaction() as session:
        session.execute(text("UPDATE production SET title = 'Half done'"))
        raise RuntimeError("power cut")
    assert summary_of(both)["productions"][0]["title"] == "The Contract Bride"


def test_the_command_line_works_on_the_server_as_on_a_file(demo_path, postgres_url):
    copied = run("copy-database", "--db", str(demo_path), "--to", postgres_url, "--json")
    assert copied.returncode == 0, copied.stderr
    assert json.loads(copied.stdout)["to"] == postgres_url
    for command in (["info", "--json"], ["budget", "total", "--json"]):
        on_file, on_server = run(*command, "--db", str(demo_path)), run(*command, "--db", postgres_url)
        assert on_server.returncode == 0, on_server.stderr
        assert json.loads(on_file.stdout) == json.loads(on_server.stdout)
    assert_one_clear_line(run("copy-database", "--db", str(demo_path), "--to", postgres_url), "already holds")
    assert_one_clear_line(run("backup", "--db", postgres_url), "database files only")


def second_client(database):
    return open_database(database.url)


def test_two_clients_edit_one_budget_line_one_wins_the_other_is_told(both):
    from studio.budget.inputs import load_inputs
    from studio.errors import ChangedElsewhere

    other = second_client(both)
    with both.session() as mine, other.session() as theirs:  # both see the line as it is now
        line_id = next(line.id for line in load_inputs(mine, 1).lines if not line.source)  # typed by hand
        my_view = next(line for line in load_inputs(mine, 1).lines if line.id == line_id)
        their_view = next(line for line in load_inputs(theirs, 1).lines if line.id == line_id)
    with other.transaction() as session:
        set_fields(session, "budget_line", line_id, {"rate": "111"}, their_view.version)
    with pytest.raises(ChangedElsewhere, match="someone else changed this"), both.transaction() as session:
        set_fields(session, "budget_line", line_id, {"rate": "222"}, my_view.version)
    with both.session() as session:
        assert next(line for line in load_inputs(session, 1).lines if line.id == line_id).rate == 111
    other.close()


def test_two_clients_move_one_strip_one_wins_the_other_is_told(both):
    from studio.errors import ChangedElsewhere
    from studio.schedule.board_loading import load_board
    from studio.schedule.strips import move_strips

    other = second_client(both)
    with both.session() as session:
        board = load_board(session, 1)
    strip = board.placement[board.days[0].id][0]
    seen = {strip: board.strips[strip].version}  # the strip's version as the board was loaded
    with other.transaction() as session:
        move_strips(session, 1, [strip], board.days[1].id, 0, seen)
    with pytest.raises(ChangedElsewhere), both.transaction() as session:
        move_strips(session, 1, [strip], None, 0, seen)
    with both.session() as session:
        assert load_board(session, 1).day_of()[strip] == board.days[1].id
    other.close()


def test_an_update_made_from_an_older_version_never_overwrites(both):
    """Underneath every save: the row's version is part of the UPDATE, so of two clients that read the
    same version only the first can write it (on a server; SQLite lets one writer at a time anyway)."""
    from sqlalchemy.orm.exc import StaleDataError
    from sqlmodel import Session

    from studio.models import Character

    if both.engine.dialect.name != "postgresql":
        pytest.skip("SQLite serializes writers: two cannot hold the same version to write")
    other = second_client(both)
    with Session(both.engine) as mine:
        mine_row = mine.get(Character, 1)
        with other.transaction() as theirs:
            theirs.get(Character, 1).name_zh = "他们的"
        mine_row.name_zh = "我的"
        with pytest.raises(StaleDataError):
            mine.commit()
    with both.session() as session:
        assert session.get(Character, 1).name_zh == "他们的"
    other.close()


def test_the_crew_role_reads_the_schedule_but_never_a_rate(demo_path, postgres_server, postgres_url):
    import psycopg

    from studio.storage.server_roles import set_up_roles

    server = open_database(postgres_url)
    copy_database(open_database(demo_path), server)
    assert "rate_minor" not in set_up_roles(server)["cast_assignment"]
    database = postgres_url.rsplit("/", 1)[1]
    postgres_server.execute(
        "DROP ROLE IF EXISTS gaffer_test",
        "CREATE ROLE gaffer_test LOGIN IN ROLE cliffhanger_crew",
        "DROP ROLE IF EXISTS producer_test",
        "CREATE ROLE producer_test LOGIN IN ROLE cliffhanger_producer",
    )
    address = f"host=127.0.0.1 port={postgres_server.port} dbname={database} user="
    with psycopg.connect(address + "gaffer_test", autocommit=True) as crew:
        assert crew.execute("SELECT count(*) FROM scene").fetchone()[0] == 482
        assert crew.execute("SELECT count(*) FROM strip WHERE shoot_day_id IS NOT NULL").fetchone()[0] > 0
        assert crew.execute("SELECT name, phone FROM crew_member LIMIT 1").fetchone()
        for confidential in (
            "SELECT rate_minor FROM cast_assignment",
            "SELECT rate_minor FROM crew_member",
            "SELECT fee_per_day_minor FROM location",
            "SELECT * FROM budget_line",
            "SELECT * FROM cost_entry",
            "SELECT * FROM exchange_rate",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                crew.execute(confidential)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            crew.execute("UPDATE scene SET synopsis = 'x'")
    with psycopg.connect(address + "producer_test", autocommit=True) as producer:
        assert producer.execute("SELECT sum(rate_minor) FROM budget_line").fetchone()[0] > 0
        producer.execute("UPDATE scene SET synopsis = 'edited by the producer' WHERE id = 1")
    server.close()
    assert_one_clear_line(run("server-roles", "--db", str(demo_path)), "PostgreSQL server")


def test_only_a_save_that_changed_something_tells_the_other_clients(both):
    from studio.storage.change_watch import ChangeWatch

    other = second_client(both)
    watch = ChangeWatch(both)

    def seen_within(seconds):  # a notice travels after the commit, as the window's polling allows for
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if watch.look():
                return True
            time.sleep(0.05)
        return False

    with other.transaction() as session:  # a page storing nothing new as it opens
        session.execute(text("SELECT count(*) FROM scene"))
    assert not seen_within(1)
    with other.transaction() as session:
        set_field(session, "character", 1, "name_zh", "变了")
    assert seen_within(5)
    watch.close()
    other.close()


BEYOND_32_BITS = "2147483.648"  # BHD has three decimals: 2,147,483,648 minor units, one past 2^31 - 1


def paid_in_dinars(session) -> None:
    """The demo budgets in USD: a rate in BHD needs its rate of exchange."""
    values = {"from_currency": "BHD", "to_currency": "USD", "rate": "2.65957447", "effective_date": "2020-01-01"}
    add_row(session, "exchange_rate", {"production_id": 1}, values)


def test_a_rate_beyond_32_bits_is_saved_and_read_back_alike(both):
    """Money columns are 64-bit on the server too (0009): this rate failed there with an internal error."""
    with both.transaction() as session:
        paid_in_dinars(session)
        set_fields(session, "cast_assignment", 1, {"currency": "BHD", "rate": BEYOND_32_BITS})
    with both.session() as session:
        stored = session.execute(text("SELECT rate_minor, currency FROM cast_assignment WHERE id = 1")).one()
    assert tuple(stored) == (2_147_483_648, "BHD")


def test_a_file_with_a_rate_beyond_32_bits_goes_to_a_server_with_its_totals(demo_path, postgres_url):
    original = open_database(demo_path)
    with original.transaction() as session:
        paid_in_dinars(session)
        set_fields(session, "cast_assignment", 1, {"currency": "BHD", "rate": BEYOND_32_BITS})
        session.execute(text("UPDATE cost_entry SET amount_minor = 999999999999999 WHERE id = 1"))
    with original.session() as session:
        expected = session.execute(text("SELECT sum(rate_minor) FROM cast_assignment")).scalar()
    original.close()
    copied = run("copy-database", "--db", str(demo_path), "--to", postgres_url, "--json")
    assert copied.returncode == 0, copied.stderr
    tables = {table["table"]: table for table in json.loads(copied.stdout)["tables"]}
    assert tables["cast_assignment"]["totals"]["rate_minor"] == expected > 2**31
    server = open_database(postgres_url)
    with server.session() as session:
        assert session.execute(text("SELECT rate_minor FROM cast_assignment WHERE id = 1")).scalar() == 2_147_483_648
        assert session.execute(text("SELECT sum(rate_minor) FROM cast_assignment")).scalar() == expected
        assert session.execute(text("SELECT amount_minor FROM cost_entry WHERE id = 1")).scalar() == 999999999999999
    server.close()


def test_a_strip_moved_while_the_optimizer_runs_keeps_its_move_and_nothing_else_is_put(server_demo):
    """On a server another client can save while `schedule auto` searches (SQLite holds them off): the
    schedule found is not put over their move."""
    from sqlmodel import select

    from studio.errors import ChangedElsewhere
    from studio.models import Strip
    from studio.schedule.auto import schedule_automatically

    database, other = open_database(server_demo), open_database(server_demo)

    def placed() -> set[tuple[int, int | None, int]]:
        with database.session() as session:
            return {(s.id, s.shoot_day_id, s.position) for s in session.exec(select(Strip))}

    before, moved = placed(), []

    def someone_moves_a_strip(_progress) -> None:
        if not moved:
            with other.transaction() as session:
                strip = session.exec(select(Strip).where(Strip.shoot_day_id.is_not(None)).order_by(Strip.id)).first()
                strip.position += 100
                moved.append(strip.id)

    with (
        pytest.raises(ChangedElsewhere, match="changed elsewhere while the optimizer ran"),
        database.transaction() as session,
    ):
        schedule_automatically(session, 1, progress=someone_moves_a_strip, work=1.0)
    changed = {strip_id for strip_id, *_where in placed() - before}
    database.close()
    other.close()
    assert moved and changed == set(moved)  # only the other client's move was stored
