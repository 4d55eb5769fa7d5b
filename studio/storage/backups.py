"""Automatic, rotating backups of a SQLite database, kept in a folder beside it, and restoring one.

A backup is taken with SQLite's online backup API from a connection of its own, so it is consistent
while the app goes on writing, and it is written under a temporary name and renamed: a crash never
leaves half a backup that looks whole. The folder keeps the newest `KEEP_RECENT` backups and the
newest of each of the `KEEP_DAYS` days before them.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from studio.errors import DatabaseDamaged, DatabaseInUse, DatabaseProblem
from studio.i18n import _
from studio.storage.new_files import (
    journal_files,
    put_new_file,
    remove_database_files,
    remove_quietly,
    said,
    scratch_beside,
)
from studio.system_words import system_reason

KEEP_RECENT = 10
KEEP_DAYS = 7
REASONS = ("open", "editing", "manual", "before-restore", "before-undo", "replaced")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z-]+)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S-%f"
WAIT_SECONDS = 5.0  # how long a restore waits for another program's write transaction
# A half-written backup this old is a killed one's: the `backup` command takes one without the
# instance lock, beside a window, so a younger one may still be being written.
STALE_PARTIAL_SECONDS = 3600
_LOCKED_REASONS = ("open", "editing", "before-restore", "before-undo")  # taken only by a holder of the instance lock


@dataclass(frozen=True)
class ProductionContents:
    title: str
    episodes: int
    scenes: int


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # local time, as the file name has it
    reason: str
    size: int

    def contents(self) -> list[ProductionContents] | None:
        """The productions the backup holds with their episode and scene counts; None if it is unreadable."""
        try:
            connection = _connect_read_only(self.path)
        except sqlite3.Error:
            return None
        try:
            rows = connection.execute(
                "SELECT p.title, "
                "(SELECT COUNT(*) FROM episode e WHERE e.production_id = p.id), "
                "(SELECT COUNT(*) FROM scene s WHERE s.production_id = p.id AND s.revision_state != 'OMITTED') "
                "FROM production p ORDER BY p.id"
            ).fetchall()
        except sqlite3.Error:
            return None
        finally:
            connection.close()
        return [ProductionContents(title, episodes, scenes) for title, episodes, scenes in rows]


def backup_folder(database_path: Path) -> Path:
    """`show.sqlite backups` beside `show.sqlite` (the whole name: `show.db` keeps its own)."""
    return database_path.with_name(f"{database_path.name} backups")


def list_backups(database_path: Path) -> list[Backup]:
    """The database's backups, newest first."""
    folder = backup_folder(database_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match is None or match["stem"] != database_path.stem or match["reason"] not in REASONS:
            continue
        found.append(Backup(path, datetime.strptime(match["stamp"], _STAMP), match["reason"], path.stat().st_size))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def is_backed_up(database_path: Path) -> bool:
    """Whether the newest backup is younger than the database's last change (its file or its WAL)."""
    backups = list_backups(database_path)
    if not backups:
        return False
    # An empty WAL (SQLite makes one on opening) holds no change.
    files = (database_path, Path(f"{database_path}-wal"))
    changed = max((path.stat().st_mtime for path in files if path.exists() and path.stat().st_size), default=0)
    return backups[0].path.stat().st_mtime >= changed


def take_backup(database_path: Path, reason: str, *, now: datetime | None = None, rotating: bool = True) -> Backup:
    """Copy the database into its backup folder, then (`rotating`) drop backups the rotation no longer keeps.

    A file a restore would refuse for what it holds (a value Cliffhanger never writes, a schema not its
    own: `check_backup`) is not backed up: its backups are kept, never rotated out for a copy no restore
    takes, and DatabaseDamaged says why. It is still copied as it is, a rescue copy of the work it holds
    (`show-<stamp>-manual.damaged.sqlite` in the folder: never listed, rotated or restored), which the
    message names."""
    taken_at = now or datetime.now()
    target, refused = _copy_into_folder(database_path, reason, taken_at)
    if refused is not None:
        raise DatabaseDamaged(
            _("{problem}, so it was not backed up and its backups are kept; it was copied as it is to {copy}").format(
                problem=refused, copy=target
            )
        )
    if rotating:
        rotate(database_path, today=taken_at.date())
    return Backup(target, taken_at, reason, target.stat().st_size)


def _copy_into_folder(database_path: Path, reason: str, taken_at: datetime) -> tuple[Path, str | None]:
    """A copy of the database in its backup folder, written under a temporary name and renamed: a backup,
    or a rescue copy of a file a restore would refuse (see take_backup), with why it would."""
    folder = backup_folder(database_path)
    target = folder / f"{database_path.stem}-{taken_at.strftime(_STAMP)}-{reason}.sqlite"
    partial = target.with_name(f".{target.name}.partial")
    made = not folder.exists()
    try:
        folder.mkdir(exist_ok=True)
        _copy_database(database_path, partial)
        if _verdict(partial) != "ok":  # never rotate good backups out for copies of a damaged file
            remove_quietly(partial)
            raise _not_backed_up(database_path)
        refused = _refused_as_a_backup(partial, database_path)
        if refused is not None:
            target = target.with_name(f"{target.stem}.damaged.sqlite")
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        remove_quietly(partial)
        if getattr(error, "sqlite_errorname", "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            raise _not_backed_up(database_path) from None
        raise DatabaseProblem(
            _("cannot back up {path} into {folder}: {reason}").format(
                path=database_path, folder=folder, reason=said(error, folder)
            )
        ) from None
    finally:
        if made and not target.exists():  # no folder of backups left beside a file that has none
            with contextlib.suppress(OSError):
                folder.rmdir()
    return target, refused


def _refused_as_a_backup(copy: Path, database_path: Path) -> str | None:
    """Why `check_backup` would refuse the copy for what it holds, naming the database: its schema is not
    Cliffhanger's, or it holds a value Cliffhanger never writes; None if it would take it (a newer
    Cliffhanger's file too: what that one writes is not this one's to judge)."""
    from studio.storage import migrations, schema_check, value_check

    with contextlib.closing(_connect_read_only(copy)) as connection:
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = revision[0] if revision else None
        if revision != migrations.HEAD and not _known(revision):
            return None
        try:
            schema_check.check_sqlite(connection, revision, database_path.name)
        except schema_check.UnexpectedSchema as refusal:
            return str(refusal)
        unexpected = value_check.first_unexpected_value(connection, revision)
    if unexpected is None:
        return None
    return _("{path} holds a value Cliffhanger never writes ({value})").format(path=database_path, value=unexpected)


def _not_backed_up(database_path: Path) -> DatabaseDamaged:
    if not list_backups(database_path):  # nothing to restore: perhaps it never was a Cliffhanger database
        return DatabaseDamaged(
            _("{path} is damaged or is not a Cliffhanger database, so it was not backed up").format(path=database_path)
        )
    return DatabaseDamaged(
        _("{path} is damaged, so it was not backed up and its backups are kept; restore one of them").format(
            path=database_path
        )
    )


def rotate(database_path: Path, *, today: date) -> list[Path]:
    """Delete the backups the rotation does not keep; returns what was deleted."""
    backups = list_backups(database_path)
    kept = {backup.path for backup in backups[:KEEP_RECENT]}
    first_day = today - timedelta(days=KEEP_DAYS)
    newest_of_day: dict[date, Path] = {}
    for backup in backups:  # newest first, so the first seen of each day is its newest
        day = backup.taken_at.date()
        if day >= first_day:
            newest_of_day.setdefault(day, backup.path)
    kept.update(newest_of_day.values())
    dropped = [backup.path for backup in backups if backup.path not in kept]
    for path in dropped:
        path.unlink(missing_ok=True)
    return dropped


def check_backup(backup_path: Path) -> str:
    """Refuse a backup that SQLite finds damaged, that is not a Cliffhanger database, that a newer
    Cliffhanger wrote, whose schema is not exactly the one Cliffhanger makes at its revision (a
    trigger, a view, a table, column or index of its own: `schema_check`), or that holds a value no
    column of it would (`value_check`). Returns its revision."""
    from studio.storage import migrations, schema_check, value_check

    if _verdict(backup_path) != "ok":
        raise DatabaseProblem(
            _("{name} is damaged or is not a Cliffhanger database; choose another backup").format(name=backup_path.name)
        )
    try:
        with contextlib.closing(_connect_read_only(backup_path)) as connection:
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = revision[0] if revision else None
            if revision != migrations.HEAD and not _known(revision):
                raise DatabaseProblem(
                    _(
                        "{name} was written by a newer Cliffhanger (schema {schema}); update the app to restore it"
                    ).format(name=backup_path.name, schema=revision)
                )
            schema_check.check_sqlite(connection, revision, backup_path.name)
            unexpected = value_check.first_unexpected_value(connection, revision)
    except sqlite3.Error as error:
        raise DatabaseProblem(
            _("{name} is damaged or is not a Cliffhanger database; choose another backup").format(name=backup_path.name)
        ) from error
    if unexpected:
        raise DatabaseProblem(
            _("{name} holds a value Cliffhanger never writes ({value}); choose another backup").format(
                name=backup_path.name, value=unexpected
            )
        )
    return revision


def _known(revision: str | None) -> bool:
    from studio.storage.db import MIGRATIONS_DIR
    from studio.storage.migrations import is_known

    return revision is not None and is_known(MIGRATIONS_DIR, revision)


def _verdict(path: Path) -> str:
    """ "ok" for a sound Cliffhanger database; else what is wrong, in SQLite's words."""
    try:
        connection = _connect_read_only(path)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
            tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    return verdict if {"alembic_version", "production"} <= tables else "not a Cliffhanger database"


def restore_backup(
    database_path: Path, backup_path: Path, *, wait_seconds: float = WAIT_SECONDS, reason: str = "before-restore"
) -> Path | None:
    """Put a backup's content in the database's place. The caller holds the file's instance lock (no
    window has it open for editing), but another program may still be writing to the file.

    The content is written INTO the live file in one transaction holding SQLite's own write lock from
    before the state it replaces is backed up until it commits: no other program's commit can fall
    between the two, the file's write-ahead log is never touched, and other connections simply see
    the restored state. Another program's write transaction is waited for (`wait_seconds`), then the
    restore is refused, "in use by another program", with nothing changed. A damaged file (SQLite
    cannot read it) is moved aside whole instead, and a copy of the backup renamed in under its name.
    Returns where the replaced state went (a backup named for `reason`, or a rescue copy of a file holding
    what Cliffhanger never writes: see take_backup), or None if there was no file.
    """
    if database_path.exists() and backup_path.resolve() == database_path.resolve():
        raise DatabaseProblem(_("{name} is the database itself, not one of its backups").format(name=backup_path.name))
    revision = check_backup(backup_path)
    if not database_path.exists():
        _restore_as_new_file(database_path, backup_path)
        return None
    try:
        live = sqlite3.connect(f"{database_path.resolve().as_uri()}?mode=rw", uri=True, timeout=wait_seconds)
    except sqlite3.Error as error:
        raise _cannot_restore(backup_path, database_path, error) from None
    live.isolation_level = None
    kept = None
    try:
        try:
            live.execute("PRAGMA foreign_keys=OFF")  # tables are emptied and filled in any order
            live.execute("ATTACH DATABASE ? AS restored", (f"{backup_path.resolve().as_uri()}?mode=ro",))
            live.execute("BEGIN IMMEDIATE")  # SQLite's write lock, held until the restore commits
            verdict = _verdict_of(live)
        except sqlite3.Error as error:
            if _in_use(error):
                raise _in_use_by_another_program(database_path) from None
            if not _damaged(error):
                raise _cannot_restore(backup_path, database_path, error) from None
            verdict = str(error)
        if verdict == "ok":
            # Read by a connection of its own: no one else can commit while this one holds the lock. A
            # file holding a value Cliffhanger never writes is kept as a rescue copy: restoring is its way out.
            kept = _copy_into_folder(database_path, reason, datetime.now())[0]
            try:
                _write_into(live, "restored", revision)
                live.execute("COMMIT")
            except sqlite3.Error as error:
                if _in_use(error):
                    raise _in_use_by_another_program(database_path) from None
                raise _cannot_restore(backup_path, database_path, error) from None
    finally:
        if live.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                live.execute("ROLLBACK")
        live.close()
    if kept is None:  # damaged, or not a Cliffhanger database: moved aside whole, never written into
        return _replace_damaged(database_path, backup_path)
    rotate(database_path, today=date.today())  # after: the backup being restored may be one it drops
    return kept


def _verdict_of(live: sqlite3.Connection) -> str:
    verdict = live.execute("PRAGMA main.quick_check").fetchone()[0]
    tables = {name for (name,) in live.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
    return verdict if {"alembic_version", "production"} <= tables else "not a Cliffhanger database"


def _write_into(live: sqlite3.Connection, source: str, revision: str) -> None:
    """Replace everything in `live`'s main database with the attached `source`'s, in the transaction
    `live` holds: its objects dropped, the tables of Cliffhanger's schema at `revision` created from its
    own SQL (never the source's: check_backup found the source's schema to be that one, and a restore
    runs none of a file's SQL), rows copied column by column, then the schema's indexes (after the rows),
    the header's numbers; each table's count checked."""
    from studio.storage.schema_check import expected_sqlite

    expected = expected_sqlite(revision)
    ours = " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
    old = live.execute(f"SELECT type, name FROM main.sqlite_master WHERE type IN ('view', 'trigger', 'table'){ours}")
    old = old.fetchall()
    for kind in ("view", "trigger", "table"):
        for found, name in old:
            if found == kind:
                live.execute(f"DROP {kind.upper()} IF EXISTS main.{_quoted(name)}")
    objects = [(kind, name, sql) for kind, name, sql in expected.objects if not name.startswith("sqlite_")]
    tables = [name for kind, name, _sql in objects if kind == "table"]
    for kind, name, sql in objects:
        if kind == "table":
            live.execute(sql)
            columns = ", ".join(_quoted(column) for column in expected.fingerprint["table"][name]["columns"])
            live.execute(f"INSERT INTO main.{_quoted(name)} ({columns}) SELECT {columns} FROM {source}.{_quoted(name)}")
    for kind, _name, sql in objects:
        if kind != "table":
            live.execute(sql)
    special = {name for (name,) in live.execute(f"SELECT name FROM {source}.sqlite_master WHERE type = 'table'")}
    made = {name for (name,) in live.execute("SELECT name FROM main.sqlite_master WHERE type = 'table'")}
    if "sqlite_sequence" in special & made:
        live.execute("DELETE FROM main.sqlite_sequence")
        live.execute(f"INSERT INTO main.sqlite_sequence SELECT name, seq FROM {source}.sqlite_sequence")
    for number in ("user_version", "application_id"):
        value = int(live.execute(f"PRAGMA {source}.{number}").fetchone()[0])
        live.execute(f"PRAGMA main.{number} = {value}")
    for name in tables:
        counts = [
            live.execute(f"SELECT count(*) FROM {schema}.{_quoted(name)}").fetchone()[0] for schema in ("main", source)
        ]
        if counts[0] != counts[1]:
            raise sqlite3.DatabaseError(f"{name}: {counts[0]} rows written of {counts[1]}")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _restore_as_new_file(database_path: Path, backup_path: Path) -> None:
    """The database was deleted (its backups remain): a copy of the backup is made beside it under a
    temporary name, then renamed to its name, so a half-made file never has it."""
    scratch = scratch_beside(database_path)
    try:
        _copy_database(backup_path, scratch)
        put_new_file(scratch, database_path)
    except (sqlite3.Error, OSError) as error:
        raise _cannot_restore(backup_path, database_path, error) from None
    finally:
        remove_database_files(scratch)


def _replace_damaged(database_path: Path, backup_path: Path) -> Path:
    """A damaged file is never written into: the backup is copied beside it first, then the damaged
    file is moved aside (its journals first, so nothing of it is ever left under the live name to
    be replayed into the backup) and the copy renamed to its name."""
    aside = database_path.with_name(f"{database_path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}.sqlite")
    scratch = scratch_beside(database_path)
    try:
        try:
            _copy_database(backup_path, scratch)
        except (sqlite3.Error, OSError) as error:
            raise _cannot_restore(backup_path, database_path, error) from None
        try:
            for leftover in journal_files(database_path):
                os.replace(leftover, Path(f"{aside}{leftover.name.removeprefix(database_path.name)}"))
            os.replace(database_path, aside)
        except OSError as error:
            raise DatabaseProblem(
                _("cannot move the damaged {path} aside: {reason}").format(
                    path=database_path, reason=system_reason(error)
                )
            ) from None
        try:
            put_new_file(scratch, database_path)
        except (sqlite3.Error, OSError) as error:
            raise _cannot_restore(backup_path, database_path, error) from None
    finally:
        remove_database_files(scratch)
    return aside


def _in_use(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def _damaged(error: sqlite3.Error) -> bool:
    return getattr(error, "sqlite_errorname", "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def _in_use_by_another_program(database_path: Path) -> DatabaseInUse:
    return DatabaseInUse(
        _("{path} is in use by another program, which holds it locked; close that program and try again").format(
            path=database_path
        )
    )


def _cannot_restore(backup_path: Path, database_path: Path, error: sqlite3.Error | OSError) -> DatabaseProblem:
    return DatabaseProblem(
        _("cannot restore {backup} into {path}: {reason}").format(
            backup=backup_path.name, path=database_path, reason=said(error, database_path.parent)
        )
    )


def leftovers(database_path: Path) -> list[Path]:
    """What killed commands left of ours beside the database: scratch files of a new database or a
    restore (`.show.sqlite.<hex>.partial`, an older version's `.show.sqlite.restoring`, with their
    journals) and half-written backups in its backup folder: those taken under the instance lock, others
    once an hour old."""
    name = re.escape(database_path.name)
    journals = "(?:-wal|-shm|-journal)?"
    beside = re.compile(rf"^\.{name}(?:\.[0-9a-f]{{12}}\.partial|\.restoring){journals}$")
    found = []
    with contextlib.suppress(OSError):
        found += [path for path in database_path.parent.iterdir() if beside.match(path.name)]
    folder = backup_folder(database_path)
    with contextlib.suppress(OSError):
        for path in folder.iterdir() if folder.is_dir() else ():
            partial = re.match(rf"^\.(?P<name>.+)\.partial{journals}$", path.name)
            backup = partial and _NAME.match(partial["name"])
            if (
                backup
                and backup["stem"] == database_path.stem
                and (backup["reason"] in _LOCKED_REASONS or _stale(path))
            ):
                found.append(path)
    return found


def _stale(path: Path) -> bool:
    try:
        return time.time() - path.stat().st_mtime > STALE_PARTIAL_SECONDS
    except OSError:
        return False


def clean_leftovers(database_path: Path) -> None:
    """Remove `leftovers`: only by the holder of the file's instance lock, as every command making a
    scratch file beside the database holds it while it does (half-written backups: see `_stale`)."""
    for path in leftovers(database_path):
        remove_quietly(path)


def _copy_database(source_path: Path, target: Path) -> None:
    """A consistent copy as one self-contained file: the copy leaves WAL mode, so reading it later
    (listing a backup's contents) never makes -wal and -shm files beside it; and the -wal and -shm reading
    the source made beside it, where it had none, go as they do when the app closes a file it read."""
    from studio.storage import db  # here: db imports this module

    made_log = not journal_files(source_path)
    source = _connect_read_only(source_path)
    source.isolation_level = None
    try:
        # A read transaction first: it waits for another program's lock as long as the busy timeout,
        # then gives up, where the backup API alone would retry for as long as the lock is held.
        source.execute("BEGIN")
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
        source.execute("COMMIT")
    finally:
        source.close()
        if made_log:
            db.remove_log_made_by_reading(source_path)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise sqlite3.OperationalError(_("there is no file {path}").format(path=path))
    from studio.storage import db  # here: db imports this module

    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=db.BUSY_TIMEOUT_MS / 1000)
