"""Whole-database snapshots, for undoing operations too large to reverse row by row (an import).

A snapshot is an online-backup copy in a temporary file; restoring copies it back into the live
database through SQLite, so open connections simply see the restored state. Only SQLite databases
can be snapshotted; elsewhere such operations are not undoable (the caller says so).
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from studio.db import Database, backup_sqlite, copy_sqlite


def can_snapshot(database: Database) -> bool:
    return database.path is not None


def take_snapshot(database: Database) -> Path:
    descriptor, name = tempfile.mkstemp(prefix="cliffhanger-snapshot-", suffix=".sqlite")
    os.close(descriptor)
    return backup_sqlite(database, Path(name))


def restore_snapshot(database: Database, snapshot: Path) -> None:
    database.engine.dispose()  # no pooled connection may hold a stale view of the file
    source = sqlite3.connect(snapshot)
    try:
        copy_sqlite(source, database.path)
    finally:
        source.close()


def discard_snapshot(snapshot: Path | None) -> None:
    if snapshot is not None:
        snapshot.unlink(missing_ok=True)
