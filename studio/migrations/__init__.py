"""Alembic migrations, run from code (there is no alembic.ini: the app owns its database).

Alembic is imported only when a schema must change: opening an up-to-date database compares its
stored revision with HEAD using plain SQL.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, inspect, text

from studio.errors import DatabaseProblem
from studio.i18n import _

# The newest revision in versions/ (a test keeps this in step with the files).
HEAD = "0008"


def current_revision(connection: Connection) -> str | None:
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


def upgrade(url: str, migrations_dir: Path) -> None:
    """Run every pending migration in one transaction, foreign keys checked once at the end.

    SQLite rebuilds tables in batch migrations, which enforced foreign keys would break midway, so
    the migration connection has them off and `PRAGMA foreign_key_check` decides before commit.
    """
    from alembic import command

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
