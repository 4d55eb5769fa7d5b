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
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from studio.errors import DatabaseDamaged, DatabaseProblem
from studio.i18n import _

KEEP_RECENT = 10
KEEP_DAYS = 7
REASONS = ("open", "editing", "manual", "before-restore", "replaced")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z-]+)\.sqlite$")
_STAMP = "%Y%m%d-%H%M%S-%f"


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


def take_backup(database_path: Path, reason: str, *, now: datetime | None = None) -> Backup:
    """Copy the database into its backup folder, then drop backups the rotation no longer keeps."""
    taken_at = now or datetime.now()
    folder = backup_folder(database_path)
    target = folder / f"{database_path.stem}-{taken_at.strftime(_STAMP)}-{reason}.sqlite"
    partial = target.with_name(f".{target.name}.partial")
    try:
        folder.mkdir(exist_ok=True)
        _copy_database(database_path, partial)
        if _verdict(partial) != "ok":  # never rotate good backups out for copies of a damaged file
            _remove(partial)
            raise _not_backed_up(database_path)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as error:
        _remove(partial)
        if getattr(error, "sqlite_errorname", "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            raise _not_backed_up(database_path) from None
        raise DatabaseProblem(
            _("cannot back up {path} into {folder}: {reason}").format(
                path=database_path, folder=folder, reason=_said(error)
            )
        ) from None
    rotate(database_path, today=taken_at.date())
    return Backup(target, taken_at, reason, target.stat().st_size)


def _not_backed_up(database_path: Path) -> DatabaseDamaged:
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


def check_backup(backup_path: Path) -> None:
    """Refuse a backup that SQLite finds damaged, or that is not a Cliffhanger database."""
    if _verdict(backup_path) != "ok":
        raise DatabaseProblem(
            _("{name} is damaged or is not a Cliffhanger database; choose another backup").format(name=backup_path.name)
        )


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


def restore_backup(database_path: Path, backup_path: Path) -> Path | None:
    """Put a backup in the database's place. Nothing may have the database open.

    The database as it was is kept first: backed up like any other state if SQLite can read it, else
    (a damaged file) renamed aside. Returns where the old state went, or None if there was no file.
    """
    if database_path.exists() and backup_path.resolve() == database_path.resolve():
        raise DatabaseProblem(_("{name} is the database itself, not one of its backups").format(name=backup_path.name))
    check_backup(backup_path)
    kept = _keep_current(database_path)
    partial = database_path.with_name(f".{database_path.name}.restoring")
    try:
        _copy_database(backup_path, partial)
        for leftover in _journal_files(database_path):
            leftover.unlink(missing_ok=True)  # a WAL of the old file must never be replayed into the backup
        os.replace(partial, database_path)
    except (sqlite3.Error, OSError) as error:
        _remove(partial)
        raise DatabaseProblem(
            _("cannot restore {backup} into {path}: {reason}").format(
                backup=backup_path.name, path=database_path, reason=_said(error)
            )
        ) from None
    return kept


def _keep_current(database_path: Path) -> Path | None:
    if not database_path.exists():
        return None
    if _verdict(database_path) == "ok":
        return take_backup(database_path, "before-restore").path
    aside = database_path.with_name(f"{database_path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S}.sqlite")
    try:
        os.replace(database_path, aside)
        for leftover in _journal_files(database_path):
            os.replace(leftover, Path(f"{aside}{leftover.name.removeprefix(database_path.name)}"))
    except OSError as error:
        raise DatabaseProblem(
            _("cannot move the damaged {path} aside: {reason}").format(path=database_path, reason=error.strerror)
        ) from None
    return aside


def _copy_database(source_path: Path, target: Path) -> None:
    """A consistent copy as one self-contained file: the copy leaves WAL mode, so reading it later
    (listing a backup's contents) never makes -wal and -shm files beside it."""
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


def _said(error: sqlite3.Error | OSError) -> str:
    """The system's words for a failed copy ("No space left on device"), without the error's number."""
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def _remove(partial: Path) -> None:
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def _journal_files(database_path: Path) -> list[Path]:
    return [path for suffix in ("-wal", "-shm", "-journal") if (path := Path(f"{database_path}{suffix}")).exists()]


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise sqlite3.OperationalError(_("there is no file {path}").format(path=path))
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
