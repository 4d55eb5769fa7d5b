"""Opening a production database: a SQLite path or any SQLAlchemy URL.

Opening brings the schema to the app's version with Alembic. An older SQLite file is first copied
beside itself (SQLite's online backup API), so an upgrade can always be undone by hand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlmodel import Session

from studio.errors import DatabaseMissing, DatabaseProblem, NewerSchema, NotADatabase
from studio.i18n import _

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_MS = 5000


def to_url(path_or_url: str | Path) -> str:
    text_form = str(path_or_url)
    if "://" in text_form:
        return text_form
    return f"sqlite:///{Path(text_form).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


@dataclass
class Database:
    url: str
    engine: Engine

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def describe(self) -> str:
        """Where the data lives, for messages and titles (never shows a password)."""
        return str(self.path) if self.path else make_url(self.url).render_as_string(hide_password=True)

    def session(self) -> Session:
        """For reading; writes go through `transaction()`."""
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed as a whole when the block ends, rolled back on any error.

        On SQLite it takes the write lock up front (BEGIN IMMEDIATE), so a database busy in another
        program is waited for (busy timeout) instead of failing halfway through the work.
        """
        try:
            with self.engine.connect() as connection:
                connection.execution_options(sqlite_begin="IMMEDIATE")
                with Session(bind=connection, expire_on_commit=False) as session, session.begin():
                    yield session
        except OperationalError as error:
            raise DatabaseProblem(
                _("cannot save to {path}: {reason}").format(path=self.describe(), reason=_reason(error))
            ) from None

    def close(self) -> None:
        self.engine.dispose()


def open_database(path_or_url: str | Path, *, create: bool = False, migrations_dir: Path = MIGRATIONS_DIR) -> Database:
    """Open (or with `create`, make) a database and bring its schema up to date."""
    url = to_url(path_or_url)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path, create)
    try:
        engine = make_engine(url)
    except ArgumentError as error:
        raise DatabaseProblem(
            _("{target} is neither a file path nor a database URL ({reason})").format(target=path_or_url, reason=error)
        ) from None
    except ImportError as error:
        raise DatabaseProblem(
            _("cannot connect to {url}: its database driver is not installed ({driver})").format(
                url=make_url(url).render_as_string(hide_password=True), driver=error.name
            )
        ) from None
    database = Database(url, engine)
    try:
        _bring_schema_up_to_date(database, migrations_dir)
    except Exception:
        engine.dispose()
        raise
    return database


def is_sqlite_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def _check_sqlite_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise NotADatabase(_("{path} is a folder, not a database file").format(path=path))
    if path.exists():
        if path.stat().st_size and not is_sqlite_file(path):
            raise NotADatabase(_("{path} is not a Cliffhanger database (not an SQLite file)").format(path=path))
        return
    if not create:
        raise DatabaseMissing(_("there is no database at {path}").format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseProblem(
            _("cannot create a database at {path}: {reason}").format(path=path, reason=error.strerror)
        ) from None


def make_engine(url: str, *, foreign_keys: bool = True) -> Engine:
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _configure_sqlite(dbapi_connection, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so DDL and DML
        # alike are all-or-nothing.
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        dbapi_connection.execute("PRAGMA journal_mode=WAL")

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql(f"BEGIN {connection.get_execution_options().get('sqlite_begin', 'DEFERRED')}")

    return engine


def _bring_schema_up_to_date(database: Database, migrations_dir: Path) -> None:
    from studio import migrations

    try:
        with database.engine.connect() as connection:
            current = migrations.current_revision(connection)
            has_other_tables = current is None and bool(inspect(connection).get_table_names())
    except OperationalError as error:
        raise DatabaseProblem(
            _("cannot open {path}: {reason}").format(path=database.describe(), reason=_reason(error))
        ) from None
    except DatabaseError as error:
        raise NotADatabase(
            _("{path} is not a Cliffhanger database ({reason})").format(path=database.describe(), reason=_reason(error))
        ) from None

    if has_other_tables:
        raise NotADatabase(
            _("{path} holds tables of another program, not a Cliffhanger database").format(path=database.describe())
        )
    head = migrations.HEAD if migrations_dir == MIGRATIONS_DIR else migrations.head_revision(migrations_dir)
    if current == head:
        return
    if current is not None and not migrations.is_known(migrations_dir, current):
        raise NewerSchema(
            _("{path} was written by a newer Cliffhanger (schema {schema}); update the app to open it").format(
                path=database.describe(), schema=current
            )
        )
    if current is not None and database.path is not None:
        backup_sqlite(
            database, unused_path(database.path.with_name(f"{database.path.stem}.before-{head}-{_stamp()}.sqlite"))
        )
    try:
        migrations.upgrade(database.url, migrations_dir)
    except OperationalError as error:
        raise DatabaseProblem(
            _("cannot update {path}: {reason}").format(path=database.describe(), reason=_reason(error))
        ) from None


def backup_sqlite(database: Database, target: Path) -> Path:
    """A consistent copy of a live SQLite database, taken with SQLite's online backup API."""
    source = database.engine.raw_connection()
    try:
        copy_sqlite(source.driver_connection, target)
    finally:
        source.close()
    return target


def copy_sqlite(source: sqlite3.Connection, target: Path) -> None:
    """Copy a database into `target` (created or overwritten) through SQLite, which respects any
    other connection that has `target` open."""
    try:
        destination = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            source.backup(destination)
        finally:
            destination.close()
    except sqlite3.Error as error:
        raise DatabaseProblem(_("cannot write a copy to {path}: {reason}").format(path=target, reason=error)) from None


def unused_path(wanted: Path) -> Path:
    """`wanted`, or the same name with -2, -3… if a file already has it."""
    candidate, number = wanted, 1
    while candidate.exists():
        number += 1
        candidate = wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")
    return candidate


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _reason(error: DatabaseError) -> str:
    return str(error.orig) if error.orig is not None else str(error)
