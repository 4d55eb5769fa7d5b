"""Whole-database snapshots, for undoing operations too large to reverse row by row (an import).

A snapshot is an online-backup copy in the user's private folder; restoring writes it back into the
live database as a backup is restored, keeping the state it replaces, so open connections simply see
the restored state and no other program's save since is lost. Only SQLite databases
can be snapshotted; elsewhere such operations are not undoable (the caller says so).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from studio.paths import private_folder, snapshot_dir
from studio.storage.backups import restore_backup
from studio.storage.db import Database, backup_sqlite


def can_snapshot(database: Database) -> bool:
    return database.path is not None


def take_snapshot(database: Database) -> Path:
    descriptor, name = tempfile.mkstemp(prefix="snapshot-", suffix=".sqlite", dir=_snapshot_folder())
    os.close(descriptor)
    return backup_sqlite(database, Path(name))


def _snapshot_folder() -> Path:
    """This process's folder of snapshots, in the user's own private folder (never the shared temporary
    folder: another user could have made the name first, open to all). A process that was killed never
    discarded its own, so the folders of processes no longer running are removed first (POSIX)."""
    root = private_folder(snapshot_dir())
    if os.name == "posix":
        for folder in root.glob("process-*"):
            pid = folder.name.rsplit("-", 1)[1]
            if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
                shutil.rmtree(folder, ignore_errors=True)
    return private_folder(root / f"process-{os.getpid()}")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def restore_snapshot(database: Database, snapshot: Path) -> None:
    """Put the database back as `snapshot` holds it (an import undone or redone) the way a backup is
    restored (backups.restore_backup): the state it replaces is backed up ("before-undo") and the
    snapshot written into the live file, under SQLite's write lock held from before the one until the
    other commits. Copied over the file, as it once was, it replaced whatever another program (the
    command line importing a cast list, say) had saved since the import, and kept it nowhere; now that
    lands in the file before the undo, and so in its backup."""
    database.engine.dispose()  # no pooled connection may hold a stale view of the file
    restore_backup(database.path, snapshot, reason="before-undo")


def discard_snapshot(snapshot: Path | None) -> None:
    if snapshot is not None:
        snapshot.unlink(missing_ok=True)
