"""Alembic migrations, run from code (there is no alembic.ini: the app owns its database)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, text

from studio.errors import DatabaseProblem
from studio.i18n import _


def config(migrations_dir: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    return cfg


def load_scripts(migrations_dir: Path) -> ScriptDirectory:
    return ScriptDirectory.from_config(config(migrations_dir))


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def is_known(scripts: ScriptDirectory, revision: str) -> bool:
    try:
        return scripts.get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(url: str, migrations_dir: Path) -> None:
    """Run every pending migration in one transaction, foreign keys checked once at the end.

    SQLite rebuilds tables in batch migrations, which enforced foreign keys would break midway, so
    the migration connection has them off and `PRAGMA foreign_key_check` decides before commit.
    """
    from studio.db import make_engine

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
