"""A database whose schema is not exactly Cliffhanger's (at its revision) is refused on opening and on
restoring, naming what differs, and left as it was; a restore builds the tables from the expected schema."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from studio.edits import set_field
from studio.errors import DatabaseProblem
from studio.storage import migrations, schema_check
from studio.storage.backups import _write_into, restore_backup
from studio.storage.db import MIGRATIONS_DIR, make_engine, open_database
from tests.command_line import assert_one_clear_line, run

TIMES_TEN = (
    "CREATE TRIGGER rates_times_ten AFTER UPDATE ON cast_assignment WHEN new.rate_minor = old.rate_minor"
    " BEGIN UPDATE cast_assignment SET rate_minor = rate_minor * 10; END"
)

EXTRA = {
    "table": ("CREATE TABLE notes_of_mine (note TEXT)", "holds a table `notes_of_mine` Cliffhanger does not make"),
    "column": (
        "ALTER TABLE cast_assignment ADD COLUMN bonus INTEGER",
        "holds a column `bonus` in table `cast_assignment` Cliffhanger does not make",
    ),
    "index": ("CREATE INDEX ix_mine ON scene (synopsis)", "holds an index `ix_mine` Cliffhanger does not make"),
    "trigger": (TIMES_TEN, "holds a trigger `rates_times_ten` Cliffhanger does not make"),
    "view": ("CREATE VIEW rates AS SELECT rate_minor FROM cast_assignment", "holds a view `rates` Cliffhanger"),
    "missing index": ("DROP INDEX ix_scene_production_id", "lacks an index `ix_scene_production_id`"),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def crafted(path: Path, statement: str) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute(statement)
    connection.close()
    return path


def test_the_stored_schema_is_the_one_a_new_database_gets(postgres_url):
    """`python -m studio.storage.schema_check URL` after a new revision keeps this true."""
    assert schema_check.made_at_head(postgres_url) == schema_check.stored(migrations.HEAD)


def test_a_file_made_by_the_migrations_is_ours_too(tmp_path):
    """Its SQL text is not the models' (columns appended, defaults in parentheses): compared piece by piece."""
    path = tmp_path / "migrated.sqlite"
    migrations.upgrade(f"sqlite:///{path}", MIGRATIONS_DIR)
    with sqlite3.connect(path) as connection:
        assert schema_check.sqlite_digest(connection) != schema_check.stored(migrations.HEAD)["sqlite"]["digest"]
        schema_check.check_sqlite(connection, migrations.HEAD, "migrated")
    connection.close()
    open_database(path).close()


@pytest.mark.parametrize("kind", EXTRA)
def test_a_file_with_anything_extra_or_missing_is_refused_on_opening_and_left_alone(demo_path, kind):
    statement, named = EXTRA[kind]
    crafted(demo_path, statement)
    before = digest(demo_path)
    with pytest.raises(schema_check.UnexpectedSchema, match=f"was refused: the file {named}"):
        open_database(demo_path)
    with pytest.raises(schema_check.UnexpectedSchema, match=named):
        open_database(demo_path, read_only=True)
    assert digest(demo_path) == before


@pytest.mark.parametrize("kind", EXTRA)
def test_a_backup_with_anything_extra_or_missing_is_refused_and_the_file_kept(demo_path, tmp_path, kind):
    statement, named = EXTRA[kind]
    backup = crafted(shutil.copyfile(demo_path, tmp_path / "sent.sqlite"), statement)
    before = digest(demo_path)
    with pytest.raises(DatabaseProblem, match=f"sent.sqlite was refused: the file {named}"):
        restore_backup(demo_path, backup)
    assert digest(demo_path) == before
    deleted = tmp_path / "gone.sqlite"  # restoring a deleted file (a copy renamed in) checks it as well
    with pytest.raises(DatabaseProblem, match=named):
        restore_backup(deleted, backup)
    assert not deleted.exists()


def test_a_backup_with_its_own_trigger_never_multiplies_a_rate(demo_path, tmp_path):
    """The audit's backup: restore refuses it; and were it written in by any path, the trigger is not."""
    backup = crafted(shutil.copyfile(demo_path, tmp_path / "sent.sqlite"), TIMES_TEN)
    refused = run("restore", "--db", str(demo_path), str(backup))
    assert_one_clear_line(refused, "holds a trigger `rates_times_ten` Cliffhanger does not make")

    live = sqlite3.connect(demo_path, isolation_level=None)
    live.execute("ATTACH DATABASE ? AS restored", (str(backup),))
    live.execute("BEGIN IMMEDIATE")
    _write_into(live, "restored", migrations.HEAD)  # what restore does once the backup is checked
    live.execute("COMMIT")
    live.close()
    database = open_database(demo_path)  # the schema written in is Cliffhanger's: it opens
    with database.session() as session:
        rates = dict(session.execute(text("SELECT id, rate_minor FROM cast_assignment")).all())
        triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'rates_times_ten'"
        assert session.execute(text(triggers)).scalar() == 0
    with database.transaction() as session:
        set_field(session, "cast_assignment", 1, "guaranteed_days", "9")
    with database.session() as session:
        assert dict(session.execute(text("SELECT id, rate_minor FROM cast_assignment")).all()) == rates
    database.close()


def test_a_sound_backup_is_restored_into_tables_of_our_own_sql(demo_path, tmp_path):
    backup = tmp_path / "good.sqlite"
    migrations.upgrade(f"sqlite:///{backup}", MIGRATIONS_DIR)  # our schema, in the migrations' SQL text
    restore_backup(demo_path, backup)
    with sqlite3.connect(demo_path) as connection:
        assert schema_check.sqlite_digest(connection) == schema_check.stored(migrations.HEAD)["sqlite"]["digest"]
        assert connection.execute("SELECT count(*) FROM production").fetchone() == (0,)
    connection.close()


def test_an_older_file_is_checked_against_its_own_revision_before_the_upgrade(tmp_path):
    from alembic import command

    from studio.storage.migrations import config

    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}", foreign_keys=False)
    cfg = config(MIGRATIONS_DIR)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0008")
    engine.dispose()
    sound = shutil.copyfile(path, tmp_path / "sound.sqlite")
    crafted(path, TIMES_TEN)
    before = digest(path)
    with pytest.raises(schema_check.UnexpectedSchema, match="trigger `rates_times_ten`"):
        open_database(path)
    assert digest(path) == before and not list(tmp_path.glob("old.before-*"))  # nothing ran, nothing taken
    open_database(sound).close()  # at 0008, as that revision made it: upgraded
    with sqlite3.connect(sound) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (migrations.HEAD,)
    connection.close()


@pytest.mark.parametrize(
    ("statements", "named"),
    [
        (
            [
                "CREATE FUNCTION times_ten() RETURNS trigger LANGUAGE plpgsql AS"
                " $$ BEGIN NEW.rate_minor := NEW.rate_minor * 10; RETURN NEW; END $$",
                "CREATE TRIGGER rates_times_ten BEFORE UPDATE ON cast_assignment"
                " FOR EACH ROW EXECUTE FUNCTION times_ten()",
            ],
            "holds a trigger `rates_times_ten`",
        ),
        (["CREATE VIEW rates AS SELECT rate_minor FROM cast_assignment"], "holds a view `rates`"),
        (["CREATE RULE no_deletes AS ON DELETE TO scene DO INSTEAD NOTHING"], "holds a rule `no_deletes`"),
        (["ALTER TABLE cast_assignment ADD COLUMN bonus integer"], "holds a column `bonus` in table"),
        (["CREATE INDEX ix_mine ON scene (synopsis)"], "holds an index `ix_mine`"),
        (["CREATE TABLE notes_of_mine (note text)"], "holds a table `notes_of_mine`"),
    ],
)
def test_a_server_database_with_anything_extra_is_refused(server_demo, statements, named):
    engine = make_engine(server_demo)
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)
    engine.dispose()
    with pytest.raises(schema_check.UnexpectedSchema, match=f"was refused: the database {named}"):
        open_database(server_demo)
