"""New database files, made under a temporary name beside their own and given it only when whole, and
the files SQLite keeps beside a database (its journals)."""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from studio.errors import DatabaseProblem, DatabaseReadOnly, DiskFull
from studio.i18n import _
from studio.system_words import system_reason

JOURNALS = ("-wal", "-shm", "-journal")
NEARLY_FULL_BYTES = 1024 * 1024  # a copy's write that failed with less left than this failed for the space


def scratch_beside(path: Path) -> Path:
    """A temporary name in the same folder for a file being made: `.show.sqlite.<12 hex>.partial`."""
    return path.with_name(f".{path.name}.{secrets.token_hex(6)}.partial")


@contextlib.contextmanager
def new_database_file(path: Path) -> Iterator[Path]:
    """For a command that makes the database file `path`: holds its instance lock, yields a scratch
    name beside it to build the database under, and renames the scratch file to `path` when the block
    ends without error (removes it otherwise). A killed command leaves only the scratch file, which
    the next holder of the lock removes (`clean_leftovers`); `path` never holds half a database."""
    from studio.storage.instance_lock import held_or_refused

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseProblem(
            _("cannot create a database at {path}: {reason}").format(path=path, reason=system_reason(error))
        ) from None
    with held_or_refused(path):
        if path.exists():
            raise _made_meanwhile(path)
        scratch = scratch_beside(path)
        try:
            try:
                yield scratch
            except (DiskFull, DatabaseReadOnly) as problem:  # it named the scratch file, and read-only as a way out
                cause = errno.ENOSPC if isinstance(problem, DiskFull) else errno.EACCES
                raise DatabaseProblem(
                    _("cannot create a database at {path}: {reason}").format(path=path, reason=system_reason(cause))
                ) from None
            try:
                put_new_file(scratch, path)
            except (sqlite3.Error, OSError) as error:
                raise DatabaseProblem(
                    _("cannot create a database at {path}: {reason}").format(path=path, reason=said(error, path.parent))
                ) from None
        finally:
            remove_database_files(scratch)


def put_new_file(scratch: Path, path: Path) -> None:
    """Give the finished database at `scratch` the name `path`, which must not exist: made
    self-contained first (its write-ahead log checkpointed in, rollback journal mode), flushed to
    disk, then linked to its name, which fails rather than replace a file another program made there
    meanwhile; then in WAL mode again, as every database is (a kill before that leaves it whole)."""
    with contextlib.closing(sqlite3.connect(f"{scratch.resolve().as_uri()}?mode=rw", uri=True)) as connection:
        mode = connection.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    if mode != "delete":
        raise sqlite3.OperationalError(f"{scratch.name} is still open elsewhere (journal mode {mode})")
    with open(scratch, "r+b") as handle:
        os.fsync(handle.fileno())
    _set_aside_stray_journals(path)
    try:
        os.link(scratch, path)
    except FileExistsError:
        raise _made_meanwhile(path) from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise _made_meanwhile(path) from None
        os.replace(scratch, path)
    else:
        scratch.unlink()
    _sync_folder(path.parent)
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")


def _made_meanwhile(path: Path) -> DatabaseProblem:
    return DatabaseProblem(
        _("{path} was made by another program meanwhile; nothing was written to it").format(path=path)
    )


def _set_aside_stray_journals(path: Path) -> None:
    """Journals under the name of a database that is not there belong to no file, and SQLite would
    replay them into the new one: the index (-shm) is removed, a log with content set aside."""
    if path.exists():
        return
    for leftover in journal_files(path):
        if leftover.name.endswith("-shm") or not leftover.stat().st_size:
            leftover.unlink(missing_ok=True)
        else:
            suffix = leftover.name.removeprefix(path.name)
            os.replace(leftover, path.with_name(f"{path.name}.orphaned-{datetime.now():%Y%m%d-%H%M%S}{suffix}"))


def _sync_folder(folder: Path) -> None:
    """The rename itself on disk (POSIX; Windows has no handle on a folder to flush)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def remove_database_files(path: Path) -> None:
    """A database file with SQLite's files beside it."""
    for leftover in (path, *(Path(f"{path}{suffix}") for suffix in JOURNALS)):
        remove_quietly(leftover)


def said(error: sqlite3.Error | OSError, written: Path) -> str:
    """The system's words for a failed copy into the folder `written` ("the disk is full"), without the error's
    number. SQLite says a full disk as SQLITE_FULL or, where a write fails on a full RAM disk, as a bare "disk
    I/O error": a folder with next to no space left is a full disk."""
    if isinstance(error, OSError):
        return system_reason(error)
    name = getattr(error, "sqlite_errorname", "")
    full = name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and _nearly_full(written))
    return system_reason(errno.ENOSPC) if full else str(error)


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def remove_quietly(partial: Path) -> None:
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def journal_files(database_path: Path) -> list[Path]:
    """The database's -wal, -shm and -journal files that exist."""
    return [path for suffix in JOURNALS if (path := Path(f"{database_path}{suffix}")).exists()]
