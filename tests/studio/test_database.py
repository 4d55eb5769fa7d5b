"""Opening databases: creation, pragmas, clear refusals, and upgrades that back up first."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlmodel import select

from studio.errors import DatabaseMissing, NewerSchema, NotADatabase
from studio.models import metadata
from studio.storage import migrations, stored_summary
from studio.storage.db import MIGRATIONS_DIR, make_engine, open_database
from studio.storage.migrations import load_scripts
from tests.migrated import downgraded


def migrated(url: str) -> str:
    """An empty database given its schema by every migration in turn, as the app's first release's
    database got its schema and then each update (a new one is made from the models at once)."""
    migrations.upgrade(url, MIGRATIONS_DIR)
    return url


def schema(url: str) -> dict:
    """Everything a database's schema holds, as the database itself reports it: each table's columns
    (type, nullability, default; not their order: a migration appends a column, a model keeps it beside
    its kin, and nothing reads columns by position), primary key, foreign keys with their actions,
    indexes, unique and check constraints; views, triggers and sequences; the revision it is at."""
    engine = make_engine(url)
    try:
        inspector = inspect(engine)
        tables = {}
        for table in inspector.get_table_names():
            columns = {
                column["name"]: (str(column["type"]), column["nullable"], column["default"])
                for column in inspector.get_columns(table)
            }
            tables[table] = {
                "columns": columns,
                "primary key": inspector.get_pk_constraint(table),
                "foreign keys": sorted(map(repr, inspector.get_foreign_keys(table))),
                "indexes": sorted(map(repr, inspector.get_indexes(table))),
                "unique": sorted(map(repr, inspector.get_unique_constraints(table))),
                "checks": sorted(map(repr, inspector.get_check_constraints(table))),
            }
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                triggers = connection.exec_driver_sql(
                    "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
                ).all()
                sequences = []
            else:
                triggers = connection.exec_driver_sql(
                    "SELECT trigger_name, event_object_table, event_manipulation, action_statement"
                    " FROM information_schema.triggers ORDER BY 1, 2, 3"
                ).all()
                sequences = sorted(inspector.get_sequence_names())
            revision = migrations.current_revision(connection)
        views = {view: inspector.get_view_definition(view) for view in inspector.get_view_names()}
    finally:
        engine.dispose()
    return {"tables": tables, "views": views, "triggers": triggers, "sequences": sequences, "revision": revision}


def assert_same_schema(made: dict, expected: dict) -> None:
    """Table by table, so that a difference names its table."""
    assert sorted(made["tables"]) == sorted(expected["tables"])
    for table, description in expected["tables"].items():
        assert made["tables"][table] == description, table
    assert made == expected


def test_a_new_database_is_made_at_once_exactly_as_every_migration_would_make_it(tmp_path):
    database = open_database(tmp_path / "new.sqlite", create=True)
    database.close()
    made = schema(database.url)
    assert_same_schema(made, schema(migrated(f"sqlite:///{tmp_path / 'migrated.sqlite'}")))
    assert made["revision"] == migrations.HEAD
    assert "alembic_version" in made["tables"] and set(metadata.tables) < set(made["tables"])


def test_a_new_server_database_is_made_at_once_exactly_as_every_migration_would_make_it(postgres_url, postgres_server):
    database = open_database(postgres_url)
    database.close()
    other = f"t_{uuid.uuid4().hex[:12]}"
    postgres_server.execute(f"CREATE DATABASE {other}")
    try:
        expected = schema(migrated(postgres_server.url(other)))
    finally:
        postgres_server.execute(f"DROP DATABASE IF EXISTS {other} WITH (FORCE)")
    assert_same_schema(schema(postgres_url), expected)
    assert expected["revision"] == migrations.HEAD and expected["sequences"]


def test_making_a_new_database_loads_no_alembic(tmp_path):
    """Alembic (and the migrations) are for changing a schema, not for making one."""
    code = (
        "import sys; from studio.storage.db import open_database; "
        f"open_database({str(tmp_path / 'new.sqlite')!r}, create=True).close(); "
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_a_database_made_meanwhile_by_another_program_is_left_to_the_migrations(tmp_path):
    """The schema is made in the transaction that found the database empty; found full, nothing is made."""
    url = migrated(f"sqlite:///{tmp_path / 'made.sqlite'}")
    engine = make_engine(url)
    with engine.begin() as connection:
        assert migrations.create_at_head(connection) is False
    engine.dispose()
    assert schema(url) == schema(migrated(f"sqlite:///{tmp_path / 'migrated.sqlite'}"))


def test_new_database_gets_the_whole_schema_at_head(tmp_path):
    database = open_database(tmp_path / "new.sqlite", create=True)
    with database.engine.connect() as connection:
        revision = connection.execute(text("select version_num from alembic_version")).scalar_one()
        tables = set(connection.dialect.get_table_names(connection))
    database.close()
    assert revision == load_scripts(MIGRATIONS_DIR).get_current_head()
    assert set(metadata.tables) <= tables


def test_the_head_the_app_checks_against_is_the_newest_migration():
    from studio.storage import migrations

    assert load_scripts(MIGRATIONS_DIR).get_current_head() == migrations.HEAD


def models_only(name, kind, _parents) -> bool:
    """The models' tables, not SQLite's count of changes beside them (stored_summary: no model reads it)."""
    return not (kind == "table" and name == stored_summary.TABLE)


def test_migrations_build_exactly_what_the_models_describe(tmp_path):
    database = open_database(migrated(f"sqlite:///{tmp_path / 'new.sqlite'}"))
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": models_only})
        differences = compare_metadata(context, metadata)
    database.close()
    assert differences == []


def test_migrations_run_on_postgresql_exactly_as_on_sqlite(postgres_url):
    database = open_database(migrated(postgres_url))
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == []
    assert present_checks(database) == declared_checks()
    database.close()


def test_sqlite_connections_enforce_foreign_keys_with_wal_and_a_busy_timeout(tmp_path):
    database = open_database(tmp_path / "new.sqlite", create=True)
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    database.close()


def test_a_failed_transaction_leaves_nothing_behind(tmp_path):
    from studio.models import Production

    database = open_database(tmp_path / "new.sqlite", create=True)
    with pytest.raises(RuntimeError), database.transaction() as session:
        session.add(Production(title="Half done"))
        session.flush()
        raise RuntimeError("crash midway")
    with database.session() as session:
        assert session.exec(select(Production)).all() == []
    database.close()


def test_missing_file_is_refused_unless_asked_to_create(tmp_path):
    with pytest.raises(DatabaseMissing, match="no database at"):
        open_database(tmp_path / "nowhere.sqlite")
    assert not (tmp_path / "nowhere.sqlite").exists()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("call sheet notes, not a database")
    with pytest.raises(NotADatabase, match="not a Cliffhanger database"):
        open_database(path)
    assert path.read_text() == "call sheet notes, not a database"


def test_another_programs_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("create table contacts (name text)")
    with pytest.raises(NotADatabase, match="another program"):
        open_database(path)


def test_a_newer_schema_is_refused_without_changes(demo_path):
    with sqlite3.connect(demo_path) as connection:
        connection.execute("update alembic_version set version_num = 'from_the_future'")
    before = demo_path.read_bytes()
    with pytest.raises(NewerSchema, match="newer Cliffhanger"):
        open_database(demo_path)
    assert demo_path.read_bytes() == before
    assert list(demo_path.parent.glob("*.before-*")) == []


def _migrations_with_one_more_revision(tmp_path: Path) -> tuple[Path, str]:
    """The app's migrations plus a next one, as a later release would ship."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = load_scripts(MIGRATIONS_DIR).get_current_head()
    (folder / "versions" / "9999_scene_mood.py").write_text(
        f'''"""add scene mood"""
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("scene") as batch:
        batch.add_column(sa.Column("mood", sa.String(40), nullable=False, server_default="tense"))


def downgrade():
    with op.batch_alter_table("scene") as batch:
        batch.drop_column("mood")
''',
        encoding="utf-8",
    )
    return folder, head


def test_opening_an_older_database_backs_it_up_then_upgrades_keeping_the_data(demo_path, tmp_path):
    migrations, old_head = _migrations_with_one_more_revision(tmp_path)
    database = open_database(demo_path, migrations_dir=migrations)
    with database.engine.connect() as connection:
        assert connection.execute(text("select version_num from alembic_version")).scalar_one() == "9999"
        assert connection.execute(text("select count(*) from scene")).scalar_one() > 400
        assert connection.execute(text("select distinct mood from scene")).scalars().all() == ["tense"]
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    database.close()

    backups = list(demo_path.parent.glob("demo.before-9999-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as backup:
        assert backup.execute("select version_num from alembic_version").fetchone()[0] == old_head
        assert backup.execute("select count(*) from scene").fetchone()[0] > 400


def test_a_write_waits_for_another_programs_lock_instead_of_failing(demo_path):
    import threading

    from studio.edits import set_field

    other_program = sqlite3.connect(demo_path, isolation_level=None, check_same_thread=False)
    other_program.execute("begin immediate")
    threading.Timer(0.3, lambda: other_program.execute("commit")).start()
    database = open_database(demo_path)
    with database.transaction() as session:
        set_field(session, "character", 1, "name_zh", "伊森二")
    database.close()
    other_program.close()
    with sqlite3.connect(demo_path) as connection:
        assert connection.execute("select name_zh from character where id = 1").fetchone()[0] == "伊森二"


def test_backups_never_overwrite_an_existing_file(tmp_path):
    from studio.storage.db import unused_path

    wanted = tmp_path / "prod.before-0002-20270101-090000.sqlite"
    assert unused_path(wanted) == wanted
    wanted.write_text("an earlier backup")
    assert unused_path(wanted).name == "prod.before-0002-20270101-090000-2.sqlite"


def test_a_copy_that_cannot_be_written_is_a_user_error(demo_path, tmp_path):
    from studio.errors import DatabaseProblem
    from studio.storage.db import backup_sqlite

    database = open_database(demo_path)
    with pytest.raises(DatabaseProblem, match="cannot write a copy"):
        backup_sqlite(database, tmp_path / "no" / "such" / "folder" / "copy.sqlite")
    database.close()


@pytest.mark.parametrize(
    ("statement", "constraint"),
    [
        ("update cast_assignment set rate_minor = -100 where id = 1", "rate_minor_at_least_0"),
        ("update scene set page_eighths = -5 where id = 1", "page_eighths_at_least_0"),
        ("update location set fee_per_day_minor = -1 where id = 1", "fee_per_day_minor_at_least_0"),
    ],
)
def test_the_database_itself_refuses_impossible_values(demo_path, statement, constraint):
    from sqlalchemy.exc import IntegrityError

    database = open_database(demo_path)
    with pytest.raises(IntegrityError, match=constraint), database.transaction() as session:
        session.exec(text(statement))
    database.close()


def declared_checks() -> set[tuple[str, str]]:
    return {
        (table.name, constraint.name)
        for table in metadata.tables.values()
        for constraint in table.constraints
        if type(constraint).__name__ == "CheckConstraint"
    }


def present_checks(database) -> set[tuple[str, str]]:
    from sqlalchemy import inspect

    inspector = inspect(database.engine)
    return {
        (table, check["name"])
        for table in inspector.get_table_names()
        for check in inspector.get_check_constraints(table)
    }


def test_every_check_constraint_the_models_declare_is_in_the_migrated_database(tmp_path):
    database = open_database(migrated(f"sqlite:///{tmp_path / 'new.sqlite'}"))
    assert present_checks(database) == declared_checks()
    database.close()


def test_a_release_one_database_upgrades_and_keeps_its_cast_ids(tmp_path):
    """0001 kept cast IDs on the casting deal; 0002 moves them to the character."""
    from alembic import command

    from studio.storage import migrations
    from studio.storage.db import make_engine
    from studio.storage.migrations import config

    path = tmp_path / "release1.sqlite"
    engine = make_engine(f"sqlite:///{path}", foreign_keys=False)
    cfg = config(MIGRATIONS_DIR)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001")
        connection.exec_driver_sql(
            "insert into production (id, title, title_zh, company, base_currency, reporting_currency, hq_timezone,"
            " shoot_timezone, max_eighths_per_day, max_minutes_per_day, revision_color, created_at)"
            " values (1, 'Old', '', '', 'USD', 'USD', 'Asia/Shanghai', 'America/Los_Angeles', 96, 720, 'White',"
            " '2026-01-01 00:00:00')"
        )
        connection.exec_driver_sql(
            "insert into character (id, production_id, name, name_zh, is_background, notes)"
            " values (1, 1, 'ETHAN', '', 0, '')"
        )
        connection.exec_driver_sql(
            "insert into performer (id, production_id, legal_name, professional_name, name_zh, union_status,"
            " agent_name, agent_phone, agent_email, phone, email, languages, photo_path, notes)"
            " values (1, 1, 'Daniel Hayes', '', '', 'SAG-AFTRA', '', '', '', '', '', '', '', '')"
        )
        connection.exec_driver_sql(
            "insert into cast_assignment (character_id, performer_id, cast_number, currency, rate_basis,"
            " guaranteed_days, travel_notes) values (1, 1, 7, 'USD', 'DAY', 0, '')"
        )
    engine.dispose()

    database = open_database(path)
    with database.engine.connect() as connection:
        assert connection.execute(text("select cast_number, script_name from character")).one() == (7, "ETHAN")
        assert connection.execute(text("select version_num from alembic_version")).scalar_one() == migrations.HEAD
    database.close()
    backups = list(tmp_path.glob(f"release1.before-{migrations.HEAD}-*.sqlite"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as backup:
        assert backup.execute("select cast_number from cast_assignment").fetchone()[0] == 7


def test_a_server_database_of_the_last_release_upgrades_keeping_its_data(postgres_url, demo_path):
    """A team's server at the previous schema (0007) gets row versions like a file does."""
    from alembic import command

    from studio.storage.db import make_engine
    from studio.storage.migrations import config

    engine = make_engine(postgres_url)
    cfg = config(MIGRATIONS_DIR)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0007")
        connection.exec_driver_sql(
            "INSERT INTO production (title, title_zh, company, base_currency, reporting_currency, hq_timezone,"
            " shoot_timezone, max_eighths_per_day, max_minutes_per_day, revision_color, created_at,"
            " setup_minutes_per_scene, company_move_minutes, drop_pickup_min_gap_days, minutes_per_page,"
            " company_move_cost_minor, default_crew_call)"
            " VALUES ('Kept', '', '', 'USD', 'USD', 'Asia/Shanghai', 'America/Los_Angeles', 96, 720, 'White',"
            " '2026-01-01 00:00:00+00', 3, 60, 10, 32, 0, '07:00')"
        )
    engine.dispose()
    database = open_database(postgres_url)
    with database.session() as session:
        assert session.execute(text("SELECT title, version FROM production")).one() == ("Kept", 1)
    database.close()


def test_a_server_database_at_0008_gets_64_bit_money_keeping_its_rows(postgres_url):
    """0009 widens every money column on a server that holds rows: the values stay, larger ones fit."""
    from alembic import command

    from studio.storage.migrations import config

    engine = make_engine(postgres_url)
    cfg = config(MIGRATIONS_DIR)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0008")
        connection.exec_driver_sql(
            "INSERT INTO production (title, title_zh, company, base_currency, reporting_currency, hq_timezone,"
            " shoot_timezone, max_eighths_per_day, max_minutes_per_day, revision_color, created_at,"
            " setup_minutes_per_scene, company_move_minutes, drop_pickup_min_gap_days, minutes_per_page,"
            " default_crew_call)"
            " VALUES ('Kept', '', '', 'BHD', 'BHD', 'Asia/Bahrain', 'Asia/Bahrain', 96, 720, 'White',"
            " '2026-01-01 00:00:00+00', 3, 60, 10, 32, '07:00')"
        )
        connection.exec_driver_sql(
            "INSERT INTO location (production_id, name, name_zh, address, contact_name, contact_phone, timezone,"
            " fee_per_day_minor, fee_currency, parking, basecamp, hospital_name, hospital_address, hospital_phone,"
            " permit_notes, notes) VALUES (1, 'Souq', '', '', '', '', 'Asia/Bahrain', 2147483647, 'BHD', '', '',"
            " '', '', '', '', '')"
        )
    engine.dispose()
    database = open_database(postgres_url)
    with database.transaction() as session:
        kept = session.execute(text("SELECT company_move_cost_minor, version FROM production")).one()
        assert tuple(kept) == (100000, 1)
        assert session.execute(text("SELECT fee_per_day_minor FROM location")).scalar() == 2147483647
        session.execute(text("UPDATE location SET fee_per_day_minor = fee_per_day_minor + 1"))
    with database.session() as session:
        assert session.execute(text("SELECT fee_per_day_minor FROM location")).scalar() == 2147483648
        types = session.execute(
            text(
                "SELECT DISTINCT data_type FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND column_name LIKE '%\\_minor'"
            )
        ).scalars()
        assert set(types) == {"bigint"}
        assert migrations.current_revision(session.connection()) == migrations.HEAD
    database.close()


def test_a_file_whose_scenes_had_no_strips_gets_them_in_the_boneyard_on_upgrade(demo_path):
    """Files from before imports made strips: the schedule page no longer writes as it loads, so 0013 does."""
    downgraded(demo_path, "0014")  # what 0016-0018 add goes as their downgrades take it
    with sqlite3.connect(demo_path) as connection:
        scene_id = connection.execute(
            "select scene_id from strip where scene_id is not null and shoot_day_id is not null limit 1"
        ).fetchone()[0]
        omitted = connection.execute("select id from scene where id != ? limit 1", (scene_id,)).fetchone()[0]
        connection.execute("delete from strip where scene_id in (?, ?)", (scene_id, omitted))
        connection.execute("update scene set revision_state = 'OMITTED' where id = ?", (omitted,))
        for column in ("base_city", "base_latitude", "base_longitude"):  # what 0014 adds
            connection.execute(f"alter table production drop column {column}")
        connection.execute("update alembic_version set version_num = '0012'")
    connection.close()

    open_database(demo_path).close()

    with sqlite3.connect(demo_path) as connection:
        assert connection.execute("select version_num from alembic_version").fetchone()[0] == migrations.HEAD
        placed = connection.execute("select shoot_day_id, kind, locked from strip where scene_id = ?", (scene_id,))
        assert placed.fetchall() == [(None, "SCENE", 0)]
        assert connection.execute("select count(*) from strip where scene_id = ?", (omitted,)).fetchone()[0] == 0
        assert (
            connection.execute(
                "select count(*) from scene where revision_state != 'OMITTED'"
                " and id not in (select scene_id from strip where scene_id is not null)"
            ).fetchone()[0]
            == 0
        )
    connection.close()
