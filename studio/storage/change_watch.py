"""Whether someone else has saved to the database since the last look, so a window can show their
changes without being restarted: on PostgreSQL through LISTEN/NOTIFY (every save sends the saver's
id), on SQLite through the file's data_version (it changes when any other connection commits)."""

from __future__ import annotations

import sqlite3

from sqlalchemy.engine import make_url

from studio.storage.db import CHANNEL, Database


class ChangeWatch:
    def __init__(self, database: Database):
        self.database = database
        self._commits = database.commits
        if database.path is not None:
            self._listener = None
            try:
                self._sqlite = sqlite3.connect(f"{database.path.resolve().as_uri()}?mode=ro", uri=True)
                self._version = self._data_version()
            except sqlite3.Error:  # opened immutable (a read-only folder, a full disk): nothing to watch
                self._sqlite = None
        else:
            import psycopg

            address = make_url(database.url).set(drivername="postgresql").render_as_string(hide_password=False)
            self._listener = psycopg.connect(address, autocommit=True)
            self._listener.execute(f"LISTEN {CHANNEL}")
            self._sqlite = None

    def look(self) -> bool:
        """True if another client (another window, the command line, a colleague) saved since the last look."""
        if self._listener is not None:
            return any(notice.payload != self.database.sender for notice in self._listener.notifies(timeout=0))
        if self._sqlite is None:
            return False
        version, commits = self._data_version(), self.database.commits
        # Our own saves change data_version too; when we saved meanwhile, theirs (if any) waits for the next look.
        changed = version != self._version and commits == self._commits
        self._version, self._commits = version, commits
        return changed

    def _data_version(self) -> int:
        return self._sqlite.execute("PRAGMA data_version").fetchone()[0]

    def close(self) -> None:
        for connection in (self._listener, self._sqlite):
            if connection is not None:
                connection.close()
