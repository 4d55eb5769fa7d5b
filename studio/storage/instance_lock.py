"""Telling that a database file is open in another Cliffhanger window.

SQLite keeps two programs writing one file safe, but two windows editing one production would each
show stale data, and a restore must never swap the file under a window that still writes to it. So a
window holds an operating-system lock on a small file beside the database for as long as it has it
open for editing; the system lets go of it when the process ends, even by a crash, so a lock is
never left stale.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Iterator
from pathlib import Path

from studio.errors import UserError
from studio.i18n import _

if os.name == "nt":
    import msvcrt
else:
    import fcntl


def lock_path(database_path: Path) -> Path:
    return database_path.with_name(f".{database_path.name}.lock")


class InstanceLock:
    def __init__(self, database_path: Path):
        self.database_path = database_path
        self.path = lock_path(database_path)
        self._handle = None

    def acquire(self) -> bool:
        """Take the lock; False if another process holds it. A folder where no lock file can be made
        (read-only) cannot be edited by anyone, so there is nothing to guard. Whoever takes it removes
        what killed commands left beside the file (`backups.clean_leftovers`): every command making
        such files holds the lock while it does, so none is still being written."""
        if self._handle is not None:
            return True
        while True:
            try:
                handle = open(self.path, "a+")  # noqa: SIM115 - held open for as long as the lock
            except OSError:
                return True
            try:
                _lock(handle)
            except OSError:
                handle.close()
                return False
            if _same_file(handle, self.path):
                break
            handle.close()  # its holder removed it as we opened it: lock the file now under the name
        with contextlib.suppress(OSError):  # who holds it, for a person looking: a full disk may not allow it
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()} {socket.gethostname()}\n")
            handle.flush()
        self._handle = handle
        from studio.storage.backups import clean_leftovers

        clean_leftovers(self.database_path)
        return True

    def release(self) -> None:
        """Let go, removing the lock file (still locked, so no one can be holding it meanwhile)."""
        if self._handle is None:
            return
        with contextlib.suppress(OSError):
            self.path.unlink()
        _unlock(self._handle)
        with contextlib.suppress(OSError):  # the holder's line may still wait for disk space
            self._handle.close()
        self._handle = None


@contextlib.contextmanager
def held_or_refused(database_path: Path) -> Iterator[InstanceLock]:
    """The file's lock for a command that replaces the file, released after it; refused if a window has it."""
    lock = InstanceLock(database_path)
    if not lock.acquire():
        raise UserError(_("{path} is open in Cliffhanger; close it there first").format(path=database_path))
    try:
        yield lock
    finally:
        lock.release()


def _same_file(handle, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), path.stat())
    except OSError:
        return False


def _lock(handle) -> None:
    if os.name == "nt":
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(handle) -> None:
    if os.name == "nt":
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
