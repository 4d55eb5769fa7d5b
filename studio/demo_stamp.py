"""A demo file's stamp: its SQLite user_version holds the demo's edition (raised when the demo gains data,
so an untouched older demo is written anew) above a hash of its contents (so a changed one is never
replaced unasked); what a demo file holds that the demo did not write, in words."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

from studio.i18n import _
from studio.resources import load_json
from studio.storage import stored_summary
from studio.storage.db import is_sqlite_file

DEMO_EDITION = 9
STAMP_BITS = 24
STAMP_MASK = (1 << STAMP_BITS) - 1


def demo_changes(path: Path) -> list[str] | None:
    """What a demo file holds that the demo did not write: None when it is as written (or is no demo
    file of this edition, which may be replaced without loss), else the changes, in words."""
    if not is_sqlite_file(path):
        return None
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        try:
            written = connection.execute("PRAGMA user_version").fetchone()[0]
            if written == 0:
                return [_("it is not a demo file")]
            if content_stamp(connection) == written & STAMP_MASK:
                return None
            demo_title = load_json("demo/contract_bride.json")["production"]["title"]
            titles = [row[0] for row in connection.execute("SELECT title FROM production ORDER BY id")]
        except sqlite3.DatabaseError:
            return [_("it cannot be read")]
    own = [_("a production of your own: {title}").format(title=title) for title in titles if title != demo_title]
    return own or [_("changes to {title}").format(title=demo_title)]


def demo_is_current(path: Path) -> bool:
    """The file was written by this edition of the demo (an older one is written anew when untouched);
    False for a file SQLite cannot read."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            return connection.execute("PRAGMA user_version").fetchone()[0] >> STAMP_BITS == DEMO_EDITION
    except sqlite3.DatabaseError:
        return False


def content_stamp(connection: sqlite3.Connection) -> int:
    """A hash of every row of every table, to tell a demo file as written from one somebody changed (not
    the count of changes and `info`'s summary, which `info` stores as it reads)."""
    digest = hashlib.blake2b(digest_size=8)
    tables = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name != ? ORDER BY name", (stored_summary.TABLE,)
    ).fetchall()
    for (table,) in tables:
        digest.update(table.encode())
        for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            digest.update(repr(row).encode())
    return int.from_bytes(digest.digest(), "big") & STAMP_MASK


def stamp_demo(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        stamp = DEMO_EDITION << STAMP_BITS | content_stamp(connection)
        connection.execute(f"PRAGMA user_version = {stamp}")
        connection.commit()
