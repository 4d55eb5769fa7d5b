"""Whether every value a SQLite file holds is one its column can hold, as Cliffhanger writes it.

A column's type is only a preference to SQLite, which keeps whatever it is given: another program can
leave 1e+20 in a rate (an integer beyond 64 bits, which SQLite keeps as REAL), text in a number, a day
that is no date, a code longer than its column. Read back, such a value is a float among amounts that
overflows when a total is stored, a crash deep in a page or an export, or a copy onto a server that the
server refuses. So opening a file, and restoring a backup, look for one and name the first found: its
table, row, column and value.

What each column may hold comes from the schema Cliffhanger makes at the file's revision (schema_check
has already found the file's to be exactly that): INTEGER and BOOLEAN an integer within PostgreSQL's
32 bits (so every file can be copied onto a server), BIGINT an integer, a money column (`*_minor`, at
any revision) one within `money.MAX_MINOR`; VARCHAR(n) text of at most n characters, TEXT text; DATE, TIME and
DATETIME text naming a real day or time, as SQLAlchemy writes them. One query a table, each value
looked at once in SQLite's own engine: a few milliseconds for the demo.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from studio.i18n import _
from studio.money import MAX_MINOR
from studio.storage.schema_check import expected_sqlite_fingerprint, quoted

INTEGER_RANGE = (-(2**31), 2**31 - 1)  # PostgreSQL's INTEGER
_LENGTH = re.compile(r"^VARCHAR\((\d+)\)$")
SHOWN_CHARACTERS = 60  # of a value in a message


@dataclass(frozen=True)
class UnexpectedValue:
    table: str
    row: dict[str, object]  # its primary key
    column: str
    value: str  # as SQL writes it (quote()), cut short

    def __str__(self) -> str:
        where = ", ".join(f"{name} {part}" for name, part in self.row.items())
        return _("{value} in {column} of {table}, row {row}").format(
            value=self.value, column=self.column, table=self.table, row=where
        )


def first_unexpected_value(
    connection: sqlite3.Connection, revision: str, schema: str = "main"
) -> UnexpectedValue | None:
    """The first value no column of Cliffhanger's would hold ("1.0e+20 in rate_minor of cast_assignment,
    row id 2"); None if there is none."""
    for table, key, refused, query in _queries(revision, schema):
        found = connection.execute(query).fetchone()
        if found is None:
            continue
        row = " AND ".join(f"{quoted(name)} IS ?" for name in key)
        for column, condition in refused:
            value = connection.execute(
                f"SELECT quote({quoted(column)}) FROM {schema}.{quoted(table)} WHERE {row} AND {condition}", found
            ).fetchone()
            if value is not None:
                shown = value[0] if len(value[0]) <= SHOWN_CHARACTERS else value[0][: SHOWN_CHARACTERS - 1] + "…"
                return UnexpectedValue(table, dict(zip(key, found, strict=True)), column, shown)
    return None


@functools.cache
def _queries(revision: str, schema: str) -> tuple[tuple[str, tuple[str, ...], tuple[tuple[str, str], ...], str], ...]:
    """For each table: its primary key, each column's condition for a value it would not hold, and a query
    for the first row holding one (its key; which column is asked only then: a CASE in every query would
    cost half as much again to prepare on each opening)."""
    queries = []
    for table, description in expected_sqlite_fingerprint(revision)["table"].items():
        if table == "alembic_version":
            continue
        columns = description["columns"]  # name → [type, not null, default, place in the primary key, hidden]
        key = tuple(name for name, spec in sorted(columns.items(), key=lambda item: item[1][3]) if spec[3])
        refused = tuple((name, _refused(name, spec[0])) for name, spec in columns.items())
        keys = ", ".join(quoted(name) for name in key)
        anywhere = " OR ".join(condition for _name, condition in refused)
        queries.append((table, key, refused, f"SELECT {keys} FROM {schema}.{quoted(table)} WHERE {anywhere} LIMIT 1"))
    return tuple(queries)


def _refused(column: str, kind: str) -> str:
    """The SQL condition under which a value of `column` (of declared type `kind`) is one we never write."""
    value = quoted(column)
    if column.endswith("_minor"):  # money (withheld.is_money), whatever its revision declared it
        return f"(typeof({value}) NOT IN ('integer', 'null') OR {value} NOT BETWEEN {-MAX_MINOR} AND {MAX_MINOR})"
    if kind in ("INTEGER", "BOOLEAN"):
        low, high = INTEGER_RANGE
        return f"(typeof({value}) NOT IN ('integer', 'null') OR {value} NOT BETWEEN {low} AND {high})"
    if kind == "BIGINT":
        return f"typeof({value}) NOT IN ('integer', 'null')"
    if kind == "TEXT":
        return f"typeof({value}) NOT IN ('text', 'null')"
    if length := _LENGTH.match(kind):
        return f"(typeof({value}) NOT IN ('text', 'null') OR length({value}) > {length[1]})"
    # SQLite's date functions take 30 February as it stands, '+0 days' carries it over into March.
    if kind == "DATE":
        return f"(date({value}, '+0 days') IS NOT {value} OR {value} < '0001')"
    # The whole seconds are checked apart from their fraction: SQLite rounds a time to the millisecond,
    # so 12:00:59.9996 would read as 12:01:00.
    if kind == "TIME":  # HH:MM:SS.ffffff
        return f"(time(substr({value}, 1, 8)) IS NOT substr({value}, 1, 8) OR {_no_fraction(value, 9)})"
    if kind == "DATETIME":  # YYYY-MM-DD HH:MM:SS.ffffff
        seconds = f"substr({value}, 1, 19)"
        return f"(datetime({seconds}, '+0 days') IS NOT {seconds} OR {value} < '0001' OR {_no_fraction(value, 20)})"
    raise ValueError(f"no rule for a {kind} column ({column}): add one")


def _no_fraction(value: str, start: int) -> str:
    """The condition that what follows the whole seconds (from character `start`) is neither nothing nor a
    point and one to six digits."""
    rest = f"substr({value}, {start})"
    digits = f"({rest} GLOB '.[0-9]*' AND length({rest}) <= 7 AND substr({rest}, 2) NOT GLOB '*[^0-9]*')"
    return f"NOT ({rest} = '' OR {digits})"


def first_unexpected_server_value(connection, revision: str, *, sees_money: bool = True) -> UnexpectedValue | None:
    """The same check on a PostgreSQL server (`connection`: SQLAlchemy's), for what the server's own types
    let in: it keeps integers within their bits, text within its length and only real days itself, but
    not money within `money.MAX_MINOR` (a BIGINT holds more), nor only the days and times Python reads (a
    year beyond 9999 or before 1, 'infinity', 24:00:00), which would fail deep in a page or a total. One
    query, a row at most. A login kept from money (`sees_money` False: a crew member's) is asked only
    about what it may read."""
    query = _server_query(revision, sees_money)
    found = connection.exec_driver_sql(query).first() if query else None
    if found is None:
        return None
    table, key, column, value = found
    names = _server_keys(revision)[table]
    shown = value if len(value) <= SHOWN_CHARACTERS else value[: SHOWN_CHARACTERS - 1] + "…"
    return UnexpectedValue(table, dict(zip(names, key, strict=True)), column, shown)


@functools.cache
def _server_keys(revision: str) -> dict[str, tuple[str, ...]]:
    keys = {}
    for table, description in expected_sqlite_fingerprint(revision)["table"].items():
        columns = description["columns"]
        keys[table] = tuple(name for name, spec in sorted(columns.items(), key=lambda item: item[1][3]) if spec[3])
    return keys


@functools.cache
def _server_query(revision: str, sees_money: bool) -> str | None:
    """A UNION of one branch a table, each the first row of it holding a value refused, with its key,
    the column and the value as text."""
    from studio.storage.server_roles import CONFIDENTIAL_TABLES

    branches = []
    for table, description in expected_sqlite_fingerprint(revision)["table"].items():
        if table == "alembic_version" or (not sees_money and table in CONFIDENTIAL_TABLES):
            continue
        refused = [
            (name, condition, shown)
            for name, spec in description["columns"].items()
            if (sees_money or not name.endswith("_minor"))
            for condition, shown in [_refused_on_server(name, spec[0])]
            if condition
        ]
        if not refused:
            continue
        key = ", ".join(quoted(name) for name in _server_keys(revision)[table])
        which = " ".join(f"WHEN {condition} THEN '{name}'" for name, condition, _shown in refused)
        value = " ".join(f"WHEN {condition} THEN {shown}" for _name, condition, shown in refused)
        anywhere = " OR ".join(condition for _name, condition, _shown in refused)
        branches.append(
            f"(SELECT '{table}'::text, json_build_array({key}), CASE {which} END, CASE {value} END"
            f" FROM {quoted(table)} WHERE {anywhere} LIMIT 1)"
        )
    return " UNION ALL ".join(branches) + " LIMIT 1" if branches else None


def _refused_on_server(column: str, kind: str) -> tuple[str | None, str]:
    """The condition under which the server's value of `column` is one we never write (None: its type
    keeps every such value out itself), and the value as the message shows it."""
    value = quoted(column)
    if column.endswith("_minor"):
        return f"{value} NOT BETWEEN {-MAX_MINOR} AND {MAX_MINOR}", f"{value}::text"
    if kind == "DATE":
        return f"{value} NOT BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'", f"quote_literal({value})"
    if kind == "DATETIME":
        latest = "TIMESTAMP '9999-12-31 23:59:59.999999'"
        return f"{value} NOT BETWEEN TIMESTAMP '0001-01-01' AND {latest}", f"quote_literal({value})"
    if kind == "TIME":
        return f"{value} > TIME '23:59:59.999999'", f"quote_literal({value})"
    return None, ""
