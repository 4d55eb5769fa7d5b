"""Alembic migrations, run from code (there is no alembic.ini: the app owns its database).

Alembic is imported only when a schema must change: opening an up-to-date database compares its
stored revision with HEAD using plain SQL, and a new, empty database is made from the models at once
and marked HEAD (`create_at_head`), which builds what running every migration would (a test compares
the two, on SQLite and PostgreSQL) in a small fraction of the time. The package itself imports no
SQLAlchemy, so reading HEAD costs nothing (`info`'s stored summary reads it without the ORM).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from studio.errors import DatabaseProblem
from studio.i18n import _

if TYPE_CHECKING:
    from sqlalchemy import Connection, Table

# The newest revision in versions/ (a test keeps this in step with the files).
HEAD = "0022"


def version_table() -> Table:
    """Alembic's own table of the revision a database is at, as Alembic makes it (MigrationContext)."""
    from sqlalchemy import Column, MetaData, PrimaryKeyConstraint, String, Table

    return Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
    )


def current_revision(connection: Connection) -> str | None:
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("select version_num from alembic_version")).scalar()


def head_revision(migrations_dir: Path) -> str:
    return load_scripts(migrations_dir).get_current_head()


def config(migrations_dir: Path):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    return cfg


def load_scripts(migrations_dir: Path):
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(config(migrations_dir))


def is_known(migrations_dir: Path, revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return load_scripts(migrations_dir).get_revision(revision) is not None
    except CommandError:
        return False


def create_at_head(connection: Connection, *, from_models: bool = False) -> bool:
    """Make an empty database's whole schema and mark it HEAD, in the connection's transaction; False,
    making nothing, when it is empty no longer (another program got there first). A SQLite file runs the
    SQL stored for HEAD (`schema_check.stored`: the models' own, a test keeps it so), a server the models'
    DDL as SQLAlchemy writes it; `from_models` makes SQLite's that way too (what is stored)."""
    from sqlalchemy import inspect

    from studio.storage import schema_check, stored_summary

    if inspect(connection).get_table_names():
        return False
    stored = schema_check.stored(HEAD).get("sqlite", {}).get("objects")
    if connection.dialect.name == "sqlite" and stored and not from_models:
        driver = connection.connection.driver_connection  # in the transaction begun: the SQL as it stands
        for _kind, name, sql in stored:
            if not name.startswith("sqlite_"):  # SQLite makes its own (sqlite_sequence) as it needs them
                driver.execute(sql)
        driver.execute(stored_summary.FIRST_ROW)
    else:
        _create_from_models(connection)
    connection.exec_driver_sql(f"INSERT INTO alembic_version (version_num) VALUES ('{HEAD}')")
    return True


def _create_from_models(connection: Connection) -> None:
    from studio.models import metadata
    from studio.storage import stored_summary

    metadata.create_all(connection, checkfirst=False)
    if connection.dialect.name == "sqlite":
        for statement in stored_summary.schema(table.name for table in metadata.sorted_tables):
            connection.exec_driver_sql(statement)
    version_table().create(connection)


def upgrade(url: str, migrations_dir: Path) -> None:
    """Run every pending migration in one transaction, foreign keys checked once at the end.

    SQLite rebuilds tables in batch migrations, which enforced foreign keys would break midway, so
    the migration connection has them off and `PRAGMA foreign_key_check` decides before commit.
    """
    from alembic import command
    from sqlalchemy import text

    from studio.storage.db import make_engine

    engine = make_engine(url, foreign_keys=False)
    cfg = config(migrations_dir)
    try:
        with engine.connect() as connection, connection.execution_options(sqlite_begin="IMMEDIATE").begin():
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")
            if connection.dialect.name == "sqlite":
                broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                if broken:
                    raise DatabaseProblem(
                        _("the schema update would leave {count} broken references; nothing was changed").format(
                            count=len(broken)
                        )
                    )
    finally:
        engine.dispose()
