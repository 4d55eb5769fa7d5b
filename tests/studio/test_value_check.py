"""A file holding a value no column of Cliffhanger's would (another program's 1e+20 in a rate, text in a
number, a day that is no date) is refused on opening, read-only too, and as a backup, naming the table,
row, column and value, and is left as it was; a copy made of it (or into a file from a server holding
such an amount) is refused with nothing copied. Backing one up keeps it only as a rescue copy, apart from
its backups."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from studio.errors import DatabaseDamaged, DatabaseProblem, UserError
from studio.models import Production
from studio.money import MAX_MINOR
from studio.storage.backups import KEEP_RECENT, list_backups, restore_backup, take_backup
from studio.storage.db import open_database
from studio.storage.transfer import copy_database, copy_production
from tests.command_line import assert_one_clear_line, run
from tests.studio.test_schema_check import digest

# kind → (the UPDATE another program makes, what the refusal names)
HOSTILE = {
    "an integer beyond 64 bits, kept as REAL": (
        "UPDATE cast_assignment SET rate_minor = 99999999999999999999 WHERE id = 2",
        "1.0e+20 in rate_minor of cast_assignment, row id 2",
    ),
    "money beyond 15 digits": (
        f"UPDATE cast_assignment SET per_diem_minor = {MAX_MINOR + 1} WHERE id = 3",
        f"{MAX_MINOR + 1} in per_diem_minor of cast_assignment, row id 3",
    ),
    "a fraction in a count": (
        "UPDATE cast_assignment SET guaranteed_days = 2.5 WHERE id = 1",
        "2.5 in guaranteed_days of cast_assignment, row id 1",
    ),
    "an integer beyond a server's 32 bits": (
        "UPDATE scene SET page_eighths = 3000000000 WHERE id = 5",
        "3000000000 in page_eighths of scene, row id 5",
    ),
    "text in a number": (
        "UPDATE strip SET locked = 'yes' WHERE id = 4",
        "'yes' in locked of strip, row id 4",
    ),
    "bytes in text": ("UPDATE scene SET synopsis = X'00FF' WHERE id = 6", "X'00FF' in synopsis of scene, row id 6"),
    "text longer than its column": (
        "UPDATE cast_assignment SET currency = 'USDX' WHERE id = 1",
        "'USDX' in currency of cast_assignment, row id 1",
    ),
    "no such day": (
        "UPDATE shoot_day SET shoot_date = '2026-02-30' WHERE id = 1",
        "'2026-02-30' in shoot_date of shoot_day, row id 1",
    ),
    "no such time": (
        "UPDATE production SET default_crew_call = '25:00:00' WHERE id = 1",
        "'25:00:00' in default_crew_call of production, row id 1",
    ),
    "no timestamp": (
        "UPDATE production SET created_at = 'yesterday' WHERE id = 1",
        "'yesterday' in created_at of production, row id 1",
    ),
    "no timestamp after its whole seconds": (
        "UPDATE production SET created_at = '2026-12-06 20:19:59.9996x' WHERE id = 1",
        "'2026-12-06 20:19:59.9996x' in created_at of production, row id 1",
    ),
    "no time after its whole seconds": (
        "UPDATE production SET default_crew_call = '07:00:00 pm' WHERE id = 1",
        "'07:00:00 pm' in default_crew_call of production, row id 1",
    ),
    "text in the original's length": (
        "UPDATE original_scene SET page_eighths = 'many' WHERE id = 1",
        "'many' in page_eighths of original_scene, row id 1",
    ),
    "a fingerprint longer than its column": (
        f"UPDATE scene_adaptation SET approved_original = '{'f' * 65}' WHERE id = 1",
        "… in approved_original of scene_adaptation, row id 1",  # a long value shown cut
    ),
    "a row of two keys": (
        "UPDATE scene_character SET speaking = 7.5 WHERE rowid = (SELECT min(rowid) FROM scene_character)",
        "7.5 in speaking of scene_character, row ",
    ),
}


def written_by_another_program(path: Path, statement: str) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA ignore_check_constraints = ON")  # what a CHECK would refuse is refused here too
    with connection:
        assert connection.execute(statement).rowcount == 1
    connection.close()
    return path


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_file_holding_a_value_we_never_write_is_refused_naming_it_and_left_alone(demo_path, kind):
    statement, named = HOSTILE[kind]
    written_by_another_program(demo_path, statement)
    before = digest(demo_path)
    with pytest.raises(DatabaseDamaged, match="holds a value Cliffhanger never writes") as refused:
        open_database(demo_path)
    assert named in str(refused.value) and "restore one of its backups" in str(refused.value)
    with pytest.raises(DatabaseDamaged) as refused:
        open_database(demo_path, read_only=True)
    assert named in str(refused.value)
    assert digest(demo_path) == before
    assert sorted(path.name for path in demo_path.parent.iterdir()) == [demo_path.name]


def test_a_moment_a_fraction_of_a_second_before_the_minute_is_no_damage(demo_path):
    """SQLite rounds a time to the millisecond: read whole, 20:19:59.999600 is 20:20:00, and the
    production made then was refused as damaged."""
    written_by_another_program(
        demo_path,
        "UPDATE production SET created_at = '2026-12-06 20:19:59.999600', default_crew_call = '06:59:59.999900'",
    )
    open_database(demo_path).close()


def test_a_backup_holding_one_is_refused_and_the_file_kept(demo_path, tmp_path):
    statement, named = HOSTILE["an integer beyond 64 bits, kept as REAL"]
    backup = written_by_another_program(shutil.copyfile(demo_path, tmp_path / "sent.sqlite"), statement)
    before = digest(demo_path)
    with pytest.raises(DatabaseProblem, match="sent.sqlite holds a value Cliffhanger never writes") as refused:
        restore_backup(demo_path, backup)
    assert named in str(refused.value)
    assert digest(demo_path) == before


def test_its_copy_onto_a_server_or_into_a_file_is_one_clear_line_and_makes_nothing(demo_path, postgres_url, tmp_path):
    """The audit's case: copy-database ended in a two-line internal error (the server's "bigint out of
    range"); info, an export and the window (test_backups_ui) name the value too."""
    statement, named = HOSTILE["an integer beyond 64 bits, kept as REAL"]
    written_by_another_program(demo_path, statement)
    for command in (
        ("copy-database", "--to", postgres_url),
        ("copy-database", "--to", str(tmp_path / "copy.sqlite")),
        ("info",),
        ("export", "budget", "--out", str(tmp_path / "budget.xlsx")),
    ):
        assert_one_clear_line(run(*command, "--db", str(demo_path)), named)
    assert sorted(path.name for path in tmp_path.iterdir()) == [demo_path.name]
    server = open_database(postgres_url)  # a new, empty database: made at once by opening
    with server.session() as session:
        assert session.execute(select(func.count()).select_from(Production)).scalar() == 0
    server.close()


@pytest.mark.parametrize("whole", [True, False], ids=["copy-database", "copy-production"])
def test_a_server_amount_no_file_may_hold_is_not_copied_into_one(server_demo, postgres_server, tmp_path, whole):
    """A server's BIGINT holds more than money.MAX_MINOR; the file made of it would then never open. The
    refusal names the server's row, though a production's copy gives it another id."""
    source, target = open_database(server_demo), open_database(tmp_path / "copy.sqlite", create=True)
    if not whole:  # the target already holds the production once, so the copy's ids are not the source's
        copy_production(source, 1, target)
        with target.transaction() as session:
            session.execute(update(Production).values(title="An earlier copy"))
    postgres_server.execute(
        f"UPDATE cast_assignment SET rate_minor = {MAX_MINOR + 1} WHERE id = 2", database=server_demo.rsplit("/", 1)[1]
    )
    with target.session() as session:
        before = session.execute(select(func.count()).select_from(Production)).scalar()
    with pytest.raises(UserError, match="nothing was copied") as refused:
        if whole:
            copy_database(source, target)
        else:
            copy_production(source, 1, target)
    assert f"{MAX_MINOR + 1} in rate_minor of cast_assignment, row id 2)" in str(refused.value)
    with target.session() as session:
        assert session.execute(select(func.count()).select_from(Production)).scalar() == before
    source.close()
    target.close()
    open_database(tmp_path / "copy.sqlite").close()  # the file still opens


def rate_of_cast_deal_2(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute("SELECT quote(rate_minor) FROM cast_assignment WHERE id = 2").fetchone()[0]


def test_backing_up_a_file_holding_one_keeps_a_rescue_copy_apart_and_every_good_backup(demo_path):
    """Such a file is no backup (a restore refuses it), so it never rotates a good one out; but the work it
    holds is kept, as a rescue copy named for what it is, which the one-line refusal names."""
    statement, named = HOSTILE["an integer beyond 64 bits, kept as REAL"]
    good = take_backup(demo_path, "manual")
    written_by_another_program(demo_path, statement)
    rescued = []
    for _ in range(KEEP_RECENT + 2):
        with pytest.raises(DatabaseDamaged, match="so it was not backed up and its backups are kept") as refused:
            take_backup(demo_path, "editing")
        assert named in str(refused.value)
        rescued.append(Path(str(refused.value).rsplit(" to ", 1)[1]))
    made = run("backup", "--db", str(demo_path))
    assert_one_clear_line(made, "it was copied as it is to")
    rescued.append(Path(made.stderr.strip().rsplit(" to ", 1)[1]))
    assert [backup.path for backup in list_backups(demo_path)] == [good.path]
    assert all(path.name.endswith(("-editing.damaged.sqlite", "-manual.damaged.sqlite")) for path in rescued)
    assert {rate_of_cast_deal_2(path) for path in rescued} == {"1.0e+20"}

    kept = restore_backup(demo_path, good.path)  # the way forward; the state it replaces is kept as it was
    assert kept.name.endswith("-before-restore.damaged.sqlite") and rate_of_cast_deal_2(kept) == "1.0e+20"
    open_database(demo_path).close()
    assert [backup.path for backup in list_backups(demo_path)] == [good.path]


def test_backing_up_a_file_with_a_schema_of_its_own_keeps_it_apart_too(demo_path):
    connection = sqlite3.connect(demo_path)
    connection.execute("CREATE TRIGGER rates_times_ten AFTER UPDATE ON cast_assignment BEGIN SELECT 1; END")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseDamaged, match="holds a trigger `rates_times_ten` Cliffhanger does not make, so it"):
        take_backup(demo_path, "manual")
    assert list_backups(demo_path) == []


# kind → (the UPDATE another program makes on the server, what the refusal names)
HOSTILE_ON_A_SERVER = {
    "money beyond 15 digits": (
        f"UPDATE cast_assignment SET rate_minor = {MAX_MINOR + 1} WHERE id = 2",
        f"{MAX_MINOR + 1} in rate_minor of cast_assignment, row id 2",
    ),
    "a day beyond year 9999": (
        "UPDATE shoot_day SET shoot_date = 'infinity' WHERE id = 1",
        "'infinity' in shoot_date of shoot_day, row id 1",
    ),
    "a time past midnight": (
        "UPDATE production SET default_crew_call = '24:00:00' WHERE id = 1",
        "'24:00:00' in default_crew_call of production, row id 1",
    ),
}


@pytest.mark.parametrize("kind", HOSTILE_ON_A_SERVER)
def test_a_server_database_holding_a_value_we_never_write_is_refused_on_opening_and_left_alone(
    server_demo, postgres_server, crew_login, kind
):
    statement, named = HOSTILE_ON_A_SERVER[kind]
    postgres_server.execute(statement, database=server_demo.rsplit("/", 1)[1])
    with pytest.raises(DatabaseDamaged, match="holds a value Cliffhanger never writes") as refused:
        open_database(server_demo)
    assert named in str(refused.value)
    assert_one_clear_line(run("info", "--db", server_demo), named)
    if kind == "money beyond 15 digits":  # a crew login never reads it: it opens, money left out
        open_database(crew_login).close()
    else:
        with pytest.raises(DatabaseDamaged, match=named):
            open_database(crew_login)
    postgres_server.execute(  # put right on the server (the refusals changed nothing), it opens
        "UPDATE cast_assignment SET rate_minor = 100 WHERE id = 2",
        "UPDATE shoot_day SET shoot_date = '2027-01-11' WHERE id = 1",
        "UPDATE production SET default_crew_call = '07:00:00' WHERE id = 1",
        database=server_demo.rsplit("/", 1)[1],
    )
    open_database(server_demo).close()
