"""`info`'s summary kept in a database file with the count of changes it was made at, so that `info` can
read it with the sqlite3 module alone: importing SQLAlchemy, SQLModel and the models, then working the
budget out, was most of its second.

The count is the file's own: SQLite triggers on every table add one to `change_count.changes` in the
writing transaction itself, whoever writes (the window, a command, an import, another program), so no
write can leave a summary looking current. `info` worked out the slow way stores what it found with the
count it read in the same snapshot (a write committed meanwhile makes the count move on, and that summary
is never shown); a summary is shown only while the count is still that one and it was made by this app,
version and schema (a newer app may work the budget out otherwise; a migration may rebuild tables
without counting). A restore writes a backup's rows, its counter's and summary's among them, before
making the triggers, so the restored summary is that backup's, at its count. A server keeps none: a
counter every writer updated would make every writer wait for the others, and a login may withhold money.

The counter's SQL is migration 0019's, made the same by `migrations.create_at_head`: a table added or
rebuilt by a later migration (SQLite's batch mode drops a table's triggers with it) gets its triggers
from `schema`'s `triggers` there (a test compares the migrated schema with a new one).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from contextlib import closing, suppress
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session

TABLE = "change_count"
FIRST_ROW = f"INSERT INTO {TABLE} (id, changes) VALUES (1, 0)"
WAIT_SECONDS = 5  # for another program's write, as the app's own connections do (db.BUSY_TIMEOUT_MS)


def schema(tables: Iterable[str]) -> list[str]:
    """The counter's table and its one row, and the triggers counting every change to `tables`."""
    return [
        f"CREATE TABLE {TABLE} ("
        "id INTEGER NOT NULL, changes BIGINT NOT NULL, summary_at BIGINT, summary_by VARCHAR(64), summary TEXT, "
        f"CONSTRAINT pk_{TABLE} PRIMARY KEY (id))",
        FIRST_ROW,
        *triggers(tables),
    ]


def triggers(tables: Iterable[str]) -> list[str]:
    return [
        f'CREATE TRIGGER "{table}_{event.lower()}_counted" AFTER {event} ON "{table}" '
        f"BEGIN UPDATE {TABLE} SET changes = changes + 1; END"
        for table in tables
        for event in ("INSERT", "UPDATE", "DELETE")
    ]


def triggers_made_again(bind, table: str) -> None:
    """On SQLite, `table`'s change-count triggers made again where a migration's batch mode re-created the
    table without them."""
    if bind.dialect.name != "sqlite":
        return
    have = {name for (name,) in bind.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    for statement in triggers([table]):
        if statement.split('"')[1] not in have:
            bind.exec_driver_sql(statement)


def made_by() -> str:
    from studio import __version__
    from studio.storage.migrations import HEAD

    return f"{__version__} {HEAD}"


def read(target: str) -> tuple[Path, dict] | None:
    """The file `target` names and the summary it keeps, when it is a Cliffhanger file at HEAD that opens
    as the app would open it (schema, SQLite's check, values) and its summary is current; else None, and
    `info` opens it the slow way, which says what is wrong with it. Reads only."""
    from studio.storage import schema_check, value_check
    from studio.storage.migrations import HEAD

    if "://" in target:
        return None
    path = Path(target).expanduser().resolve()
    if not path.is_file() or not os.access(path, os.W_OK):
        # A file this user may not write is read the slow way, which leaves no read-only -wal and -shm beside it.
        return None
    try:
        uri = f"{path.as_uri()}?mode=rw"
        with closing(sqlite3.connect(uri, uri=True, timeout=WAIT_SECONDS, isolation_level=None)) as connection:
            connection.execute("BEGIN")  # one snapshot: the checks and the summary read the same file
            if connection.execute("SELECT version_num FROM alembic_version").fetchall() != [(HEAD,)]:
                return None
            schema_check.check_sqlite(connection, HEAD, str(path))
            if connection.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return None
            if value_check.first_unexpected_value(connection, HEAD) is not None:
                return None
            kept = connection.execute(f"SELECT changes, summary_at, summary_by, summary FROM {TABLE}").fetchall()
            connection.execute("ROLLBACK")
    except (sqlite3.Error, schema_check.UnexpectedSchema):
        return None
    if len(kept) != 1:
        return None
    changes, summary_at, summary_by, summary = kept[0]
    if summary is None or summary_at != changes or summary_by != made_by():
        return None
    return path, json.loads(summary)


def changes(session: Session) -> int:
    """The count of changes in the snapshot `session` reads (read first, it begins that snapshot)."""
    return session.connection().exec_driver_sql(f"SELECT changes FROM {TABLE}").scalar_one()


def store(path: Path, summary_at: int, summary: dict) -> None:
    """Keep `summary`, made from the file as it was at `summary_at` changes; left unkept when the file
    cannot take it at once (another program writing, a full disk): the next `info` works it out again.
    Nor while a window has the file open (its lock file is there): it would take the write for a
    colleague's save and reload its pages, and the window's next edit would make the summary old anyway."""
    from studio.storage.instance_lock import lock_path

    if lock_path(path).exists():
        return
    with (
        suppress(sqlite3.Error),
        closing(sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=0, isolation_level=None)) as connection,
    ):
        connection.execute(
            f"UPDATE {TABLE} SET summary_at = ?, summary_by = ?, summary = ? WHERE id = 1",
            (summary_at, made_by(), json.dumps(summary, ensure_ascii=False)),
        )
