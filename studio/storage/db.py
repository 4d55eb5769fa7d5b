"""Opening a production database: a SQLite path or any SQLAlchemy URL.

Opening brings the schema to the app's version with Alembic. An older SQLite file is first copied
beside itself (SQLite's online backup API), so an upgrade can always be undone by hand. A SQLite file
is checked as it opens (`PRAGMA quick_check`), and what can go wrong with a file (damaged, locked by
another program, read-only, a full disk) becomes its own `DatabaseProblem`, so the GUI can offer the
way forward (a backup, opening read-only).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, NullPool, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from studio.errors import (
    ChangedElsewhere,
    DatabaseDamaged,
    DatabaseMissing,
    DatabaseProblem,
    DatabaseReadOnly,
    DiskFull,
    NewerSchema,
    NotADatabase,
    NotAllowed,
)
from studio.i18n import _
from studio.storage.backups import list_backups
from studio.storage.database_problems import (
    damaged_message,
    failures_as_problems,
    not_allowed,
    problem_of,
    read_only_problem,
    reason_of,
)
from studio.storage.new_files import journal_files
from studio.storage.passwords import without_password
from studio.storage.withheld import WITHHOLD_MONEY
from studio.system_words import system_reason

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
CHANNEL = "cliffhanger_saves"  # PostgreSQL's LISTEN/NOTIFY channel for "someone saved"
NOTIFY_IF_WRITTEN = text("SELECT pg_notify(:channel, :sender) WHERE txid_current_if_assigned() IS NOT NULL")
BUSY_TIMEOUT_MS = 5000
MIN_FREE_BYTES = 256 * 1024  # below this, opening for editing is refused as a full disk


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
    read_only: bool = False
    # Who this is among the clients of a server (its notices of saves carry it), and how many of its own
    # transactions it has committed: together they tell another client's save from one's own.
    sender: str = field(default_factory=lambda: uuid.uuid4().hex)
    commits: int = 0
    file_identity: tuple[int, int] | None = None  # the SQLite file's device and inode when opened
    # On a server, a login whose grants keep money from it (a crew login, see server_roles); a login
    # that may change nothing opens `read_only`.
    sees_money: bool = True
    # Opened read-only where no -wal or -shm was: SQLite's reading made them, and they go on closing.
    removes_log: bool = False

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    def describe(self) -> str:
        """Where the data lives, for messages and titles (never shows a password)."""
        return str(self.path) if self.path else without_password(self.url)

    def session(self) -> Session:
        """For reading; writes go through `transaction()`."""
        return Session(self.engine, expire_on_commit=False, info=self._session_info())

    def _session_info(self) -> dict[str, bool]:
        return {} if self.sees_money else {WITHHOLD_MONEY: True}

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading, whose failures a person can act on (no permission, the server gone)
        are `DatabaseProblem`s like a save's."""
        problems = failures_as_problems(self.describe(), _("cannot read {path}: {reason}"), self.engine)
        with problems, self.session() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed as a whole when the block ends, rolled back on any error.

        On SQLite it takes the write lock up front (BEGIN IMMEDIATE), so a database busy in another
        program is waited for (busy timeout) instead of failing halfway through the work.
        """
        if self.read_only and self.path is None:
            raise NotAllowed(
                _("your login on {path} may read but not change: ask a producer to make this change").format(
                    path=self.describe()
                )
            )
        if self.read_only:
            raise DatabaseReadOnly(_("{path} is open read-only: nothing can be changed").format(path=self.describe()))
        if self.file_identity is not None and _identity(self.path) != self.file_identity:
            # SQLite would go on writing into the old, unlinked file, and every later edit would be lost.
            raise DatabaseProblem(
                _("{path} was moved or deleted while open, so nothing was saved: open it where it is now").format(
                    path=self.describe()
                )
            )
        try:
            with (
                failures_as_problems(self.describe(), _("cannot save to {path}: {reason}"), self.engine),
                self.engine.connect() as connection,
            ):
                connection.execution_options(sqlite_begin="IMMEDIATE")
                with (
                    Session(bind=connection, expire_on_commit=False, info=self._session_info()) as session,
                    session.begin(),
                ):
                    yield session
                    if connection.dialect.name == "postgresql":  # delivered to listeners on commit
                        # Only from a transaction that wrote (the server gave it an id): a page that stores
                        # nothing new as it opens must not make the other windows reload, and theirs this one.
                        session.execute(NOTIFY_IF_WRITTEN, {"channel": CHANNEL, "sender": self.sender})
            self.commits += 1
        except StaleDataError:
            raise changed_elsewhere() from None

    def check_sees_money(self) -> None:
        """Refuse at once what only a login that reads rates and budgets may do."""
        if not self.sees_money:
            raise not_allowed(self.describe())

    def close(self) -> None:
        self.engine.dispose()
        if self.removes_log:
            remove_log_made_by_reading(self.path)


def changed_elsewhere() -> ChangedElsewhere:
    """A save refused because someone else saved the same row first (the rows' versions differ)."""
    return ChangedElsewhere(
        _("someone else changed this meanwhile and their change is kept; make yours again if it still applies")
    )


def open_database(
    path_or_url: str | Path,
    *,
    create: bool = False,
    read_only: bool = False,
    migrations_dir: Path = MIGRATIONS_DIR,
    check_schema: bool = True,
) -> Database:
    """Open (or with `create`, make) a database, check that its schema is exactly ours (`schema_check`;
    `check_schema=False` only to store a new one's as the expected) and bring it up to date.

    `read_only` opens a SQLite file without ever writing to it (nor to its folder)."""
    url = to_url(path_or_url)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path, create and not read_only)
        if not read_only and not _can_write(path):
            raise read_only_problem(str(path))
        if not read_only and (stale := [j for j in journal_files(path) if not os.access(j, os.W_OK)]):
            raise DatabaseReadOnly(
                _(
                    "{path} cannot be changed: {log} beside it is read-only, left by a program that could only read "
                    "the file; with no program using the file, remove {log}"
                ).format(path=path, log=stale[0].name)
            )
        if not read_only and _disk_free(path) < MIN_FREE_BYTES:
            # SQLite would fail to make its WAL index with a bare "disk I/O error"
            full = DiskFull(
                _("the disk holding {path} is full: free some space, or open it read-only").format(path=path)
            )
            full.opens_read_only = str(path)
            raise full
    elif read_only:
        raise DatabaseProblem(_("only a database file can be opened read-only"))
    try:
        engine = make_engine(url, read_only=read_only)
    except ArgumentError as error:
        raise DatabaseProblem(
            _("{target} is neither a file path nor a database URL ({reason})").format(target=path_or_url, reason=error)
        ) from None
    except ImportError as error:
        raise DatabaseProblem(
            _("cannot connect to {url}: its database driver is not installed ({driver})").format(
                url=without_password(url), driver=error.name
            )
        ) from None
    database = Database(url, engine, read_only)
    database.removes_log = read_only and path is not None and not journal_files(path)
    try:
        ours = check_schema and migrations_dir == MIGRATIONS_DIR  # else a test's schema, or one in the making
        _bring_schema_up_to_date(database, migrations_dir, ours)
        if path is not None:
            _check_integrity(database, check_values=ours)
            if not read_only:
                _use_write_ahead_log(database)
            database.file_identity = _identity(path)
        else:
            _read_grants(database)
            if ours:
                _check_server_values(database)
    except Exception:
        database.close()
        raise
    return database


def _read_grants(database: Database) -> None:
    """What the server lets this login do, asked once: the pages leave out what it may not read, and
    offer no edit it may not save."""
    grants = text(
        "SELECT has_column_privilege('production', 'company_move_cost_minor', 'SELECT'), "
        "has_table_privilege('scene', 'UPDATE')"
    )
    with database.engine.connect() as connection:
        database.sees_money, may_write = connection.execute(grants).one()
    # Changes derive costs from rates (a schedule's, a budget's): a login kept from money changes nothing.
    database.read_only = not may_write or not database.sees_money


def _use_write_ahead_log(database: Database) -> None:
    """The file in WAL mode (reading never waits for a write), which SQLite keeps in the file: turned on
    only once its schema is known to be ours, so a file refused (a newer schema, another program's) is left
    as it was; a new file is made in rollback journal mode (see new_files.put_new_file). SQLite does not
    wait for another program's write to switch, so this waits for it as a write would."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    with database.engine.connect() as connection:
        driver = connection.connection.driver_connection
        while True:
            try:
                driver.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.Error as error:
                busy = getattr(error, "sqlite_errorname", "").startswith("SQLITE_BUSY")
                if not busy or time.monotonic() > deadline:
                    failure = OperationalError("PRAGMA journal_mode=WAL", None, error)
                    problem = problem_of(failure, database.describe(), _("cannot open {path}: {reason}"))
                    raise (problem or failure) from None
            time.sleep(0.05)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _disk_free(path: Path) -> int:
    try:
        return shutil.disk_usage(path.parent).free
    except OSError:
        return MIN_FREE_BYTES  # cannot tell: let SQLite try


def _can_write(path: Path) -> bool:
    """SQLite writes the file and, in WAL mode, files beside it in its folder."""
    folder_writable = os.access(path.parent, os.W_OK)
    return folder_writable and (not path.exists() or os.access(path, os.W_OK))


def _check_integrity(database: Database, *, check_values: bool) -> None:
    """SQLite's own check of the file, then of what it holds (value_check: 1e+20 in a rate)."""
    from studio.storage import migrations, value_check

    unexpected = None
    try:
        with database.engine.connect() as connection:
            verdict = connection.exec_driver_sql("PRAGMA quick_check").scalar()
            if verdict == "ok" and check_values:
                unexpected = value_check.first_unexpected_value(
                    connection.connection.driver_connection, migrations.HEAD
                )
    except DatabaseError as error:
        verdict = reason_of(error)
    except sqlite3.DatabaseError as error:  # the values' queries run on the driver's connection
        verdict = str(error)
    if verdict != "ok":
        raise DatabaseDamaged(damaged_message(database.describe()))
    if unexpected:
        raise DatabaseDamaged(
            _(
                "{path} holds a value Cliffhanger never writes ({value}): another program changed it; "
                "restore one of its backups"
            ).format(path=database.describe(), value=unexpected)
        )


def _check_server_values(database: Database) -> None:
    """What a server database holds, as a file's is checked on opening (value_check), what this login may read."""
    from studio.storage import migrations, value_check

    with (
        failures_as_problems(database.describe(), _("cannot open {path}: {reason}")),
        database.engine.connect() as connection,
    ):
        unexpected = value_check.first_unexpected_server_value(
            connection, migrations.HEAD, sees_money=database.sees_money
        )
    if unexpected:
        raise DatabaseDamaged(
            _(
                "{path} holds a value Cliffhanger never writes ({value}): another program changed it; "
                "have it corrected on the server"
            ).format(path=database.describe(), value=unexpected)
        )


def is_sqlite_file(path: Path) -> bool:
    """Whether `path` is a regular file starting as SQLite's do: a folder, device or pipe is never opened
    (opening a FIFO would wait for a writer for ever)."""
    if not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def _check_sqlite_file(path: Path, create: bool) -> None:
    if path.is_dir():
        raise NotADatabase(_("{path} is a folder, not a database file").format(path=path))
    if path.exists():
        if not path.stat().st_size or not is_sqlite_file(path):
            if list_backups(path):  # it was a database: its data is gone, its backups are the way back
                raise DatabaseDamaged(damaged_message(str(path)))
            if path.stat().st_size:
                raise NotADatabase(_("{path} is not a Cliffhanger database (not an SQLite file)").format(path=path))
        return
    if not create:
        raise DatabaseMissing(_("there is no database at {path}").format(path=path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseProblem(
            _("cannot create a database at {path}: {reason}").format(path=path, reason=system_reason(error))
        ) from None


def make_engine(url: str, *, foreign_keys: bool = True, read_only: bool = False) -> Engine:
    # hide_parameters: an error's text (which may reach a crash log) names the statement, never its values.
    if make_url(url).get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if read_only:
        connect = _read_only_connector(sqlite_path(url))
        engine = create_engine("sqlite://", creator=connect, poolclass=NullPool, hide_parameters=True)
    else:
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _configure_sqlite(dbapi_connection, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so DDL and DML
        # alike are all-or-nothing.
        dbapi_connection.isolation_level = None
        # Text that is not valid UTF-8 (a damaged page, another program's write) reads with U+FFFD
        # in its place instead of making every page and command that reads it fail.
        dbapi_connection.text_factory = _lenient_text
        dbapi_connection.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        # (WAL is turned on by open_database, once the file is known to be ours: _use_write_ahead_log.)

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql(f"BEGIN {connection.get_execution_options().get('sqlite_begin', 'DEFERRED')}")

    return engine


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


# What SQLite says when it cannot make a WAL file's index beside it: a read-only mount, a full disk, a
# folder this user may not write.
NO_INDEX_BESIDE = ("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_READONLY_DIRECTORY", "SQLITE_READONLY_CANTINIT")


def _read_only_connector(path: Path):
    """Connections that never write: `mode=ro`, or where SQLite cannot even make its WAL index beside
    the file (a read-only folder, a full disk), `immutable=1`, which reads the file as it stands. A file this
    user may not write, with no log beside it, is read as it stands too: SQLite would make its log and
    index with the file's own permissions, read-only, and leave them, which no one could write through
    once the file is made writable."""
    uri = path.resolve().as_uri()

    def connect() -> sqlite3.Connection:
        if not os.access(path, os.W_OK) and not journal_files(path):
            return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)
        connection = sqlite3.connect(
            f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as error:
            if not error.sqlite_errorname.startswith(NO_INDEX_BESIDE):
                raise
            connection.close()
            connection = sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)
        return connection

    return connect


def remove_log_made_by_reading(path: Path) -> None:
    """Reading a file in WAL mode makes its -wal and -shm beside it where the folder allows, and a reading
    connection, which may not write, leaves them as it closes. Found empty (no one has written since), they
    go the way SQLite removes them: the last connection to close for writing checkpoints the log, which
    holds nothing, so the file is not written, and deletes both. Another program with the file open keeps
    them (SQLite sees it), as does a file that cannot be written: harmless, only not tidy."""
    log = path.with_name(f"{path.name}-wal")
    try:
        if log.stat().st_size:
            return  # a writer's commits, for it (or the next opening) to checkpoint
        closing = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=0)
        try:
            closing.execute("SELECT count(*) FROM sqlite_master").fetchone()  # joins the log, to close it
        finally:
            closing.close()
    except (OSError, sqlite3.Error):
        pass


def _bring_schema_up_to_date(database: Database, migrations_dir: Path, check_schema: bool = True) -> None:
    from studio.storage import migrations

    try:
        with database.engine.connect() as connection:
            current = migrations.current_revision(connection)
            has_other_tables = current is None and bool(inspect(connection).get_table_names())
    except DatabaseError as error:
        problem = problem_of(error, database.describe(), _("cannot open {path}: {reason}"))
        if isinstance(problem, NotAllowed):  # not even the schema's version: the login has no role there
            problem = NotAllowed(
                _(
                    "your login may not open {path}: an administrator gives it the producer or the crew role "
                    "there (server-roles)"
                ).format(path=database.describe())
            )
        if problem is None:
            problem = NotADatabase(
                _("{path} is not a Cliffhanger database ({reason})").format(
                    path=database.describe(), reason=reason_of(error)
                )
            )
        raise problem from None

    if has_other_tables:
        raise NotADatabase(
            _("{path} holds tables of another program, not a Cliffhanger database").format(path=database.describe())
        )
    head = migrations.HEAD if migrations_dir == MIGRATIONS_DIR else migrations.head_revision(migrations_dir)
    if current == head:
        if check_schema:
            _check_schema(database, current)  # before the app's first write runs a trigger it holds
        return
    if current is not None and not migrations.is_known(migrations_dir, current):
        raise NewerSchema(
            _("{path} was written by a newer Cliffhanger (schema {schema}); update the app to open it").format(
                path=database.describe(), schema=current
            )
        )
    if database.read_only:
        raise DatabaseReadOnly(
            _(
                "{path} was written by an older Cliffhanger and must be updated before it can be read, "
                "which cannot be done read-only: copy it to a folder you can write to"
            ).format(path=database.describe())
        )
    if current is not None and check_schema:
        # Against its own revision's schema, before the upgrade runs in it (a trigger would run too).
        _check_schema(database, current)
    if current is None and migrations_dir == MIGRATIONS_DIR and _create_at_head(database):
        return
    if current is not None and database.path is not None:
        backup_sqlite(
            database, unused_path(database.path.with_name(f"{database.path.stem}.before-{head}-{_stamp()}.sqlite"))
        )
    with failures_as_problems(database.describe(), _("cannot update {path}: {reason}")):
        migrations.upgrade(database.url, migrations_dir)
    if current is not None and check_schema and database.path is None:
        _check_schema(database, head)  # a server's older schema was checked only for triggers, views, rules


def _check_schema(database: Database, revision: str) -> None:
    from studio.storage import schema_check

    with (
        failures_as_problems(database.describe(), _("cannot open {path}: {reason}")),
        database.engine.connect() as connection,
    ):
        if database.path is not None:
            schema_check.check_sqlite(connection.connection.driver_connection, revision, database.describe())
        else:
            schema_check.check_postgresql(connection, revision, database.describe())


def _create_at_head(database: Database) -> bool:
    """A new, empty database gets the newest schema at once (see migrations.create_at_head)."""
    from studio.storage import migrations

    with (
        failures_as_problems(database.describe(), _("cannot create a database at {path}: {reason}")),
        database.engine.connect() as connection,
        connection.execution_options(sqlite_begin="IMMEDIATE").begin(),
    ):
        return migrations.create_at_head(connection)


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
