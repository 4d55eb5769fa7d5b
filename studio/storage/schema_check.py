"""Whether a database's schema is exactly the one Cliffhanger makes: nothing extra, nothing different.

A file is data from anywhere (a backup someone sent, a copy from a shared drive): a trigger or a view in
it would run or answer as its author wrote it, inside our transactions (a crafted backup's trigger once
multiplied every cast rate by ten on the next edit). So opening a database and restoring a backup compare
its schema with the expected one and refuse any table, column, index, trigger or view that differs,
naming it; a restore then writes the rows into tables made from the expected schema, never from the
backup's own SQL.

The comparison is of what the database reports, normalized (`fingerprint`): each table's columns by name
(type, NOT NULL, default, place in the primary key, hidden/generated), its foreign keys, indexes (by
name where we name them; SQLite's own `sqlite_autoindex_*` by their columns), CHECK constraints; every
index, trigger and view. SQLite's own tables (`sqlite_sequence`, `sqlite_stat*`) are its business.
On PostgreSQL, the app's schema (`current_schema()`): tables, columns, indexes, triggers (not the
internal ones of foreign keys), views and rules.

The expected schema at HEAD is stored (`migrations/schema-<HEAD>.json`, SQLite's and PostgreSQL's,
written by `python -m studio.storage.schema_check URL` from new databases; a test keeps it in step), so opening
costs no schema made in memory: a file whose SQL text is the models' own (the demo, any file made at
HEAD) is known by one hash of it, another (one made by the migrations) is compared piece by piece. At an
older revision (a file the upgrade will bring up to date, a backup) the expected schema is made by every
migration up to it in an in-memory database (Alembic, loaded for the upgrade anyway); a restore builds
its tables from the models' own SQL (`expected_sqlite`), made in memory as well.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from studio.errors import NotADatabase
from studio.i18n import _

STORED = Path(__file__).parent / "migrations"
KINDS = ("table", "index", "trigger", "view", "rule")
_SQLITE_OWN = re.compile(r"^sqlite_(sequence|stat\d+)$")
_DEFAULT_IN_PARENTHESES = re.compile(r"DEFAULT \(('[^']*'|-?\d+)\)", re.IGNORECASE)

Fingerprint = dict[str, dict[str, object]]  # kind → name → description (JSON-able)


@dataclass(frozen=True)
class Expected:
    fingerprint: Fingerprint
    # (type, name, sql) in the order SQLite made them: what a restore builds the tables from.
    objects: tuple[tuple[str, str, str], ...] = ()


class UnexpectedSchema(NotADatabase):
    """The schema holds something Cliffhanger does not make, or differs from it."""


# ---------------------------------------------------------------------------------------------------
# SQLite


def sqlite_fingerprint(connection: sqlite3.Connection, schema: str = "main") -> Fingerprint:
    """A few queries over SQLite's table-valued pragmas, not one per table: a few milliseconds."""
    found: Fingerprint = {kind: {} for kind in KINDS}
    master = f"{schema}.sqlite_master"
    rows = connection.execute(f"SELECT type, name, tbl_name, sql FROM {master}").fetchall()
    for kind, name, table, sql in rows:
        if kind == "table" and not _SQLITE_OWN.match(name):
            found["table"][name] = {
                "columns": {},
                "foreign keys": [],
                "constraint indexes": [],
                "definition": _clauses(sql or ""),
            }
        elif kind == "index" and not name.startswith("sqlite_autoindex_"):
            where = re.search(r"\bWHERE\b(.*)$", sql or "", re.IGNORECASE | re.DOTALL)
            found["index"][name] = {
                "table": table,
                "unique": bool(re.match(r"\s*CREATE\s+UNIQUE\b", sql or "", re.IGNORECASE)),
                "columns": [],
                "where": " ".join(where[1].split()) if where else None,
            }
        elif kind in ("trigger", "view"):
            found[kind][name] = {"table": table, "sql": " ".join((sql or "").split())}
        elif kind not in ("table", "index"):
            found.setdefault(kind, {})[name] = {"table": table, "sql": sql}
    tables = found["table"]
    columns = connection.execute(
        f'SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden FROM {master} m,'
        f" pragma_table_xinfo(m.name, '{schema}') p WHERE m.type = 'table' ORDER BY m.name, p.cid"
    )
    for table, column, kind, notnull, default, pk, hidden in columns:
        if table in tables:
            tables[table]["columns"][column] = [kind.upper(), notnull, default, pk, hidden]
    keys = connection.execute(
        f'SELECT m.name, p."table", p."from", p."to", p.on_update, p.on_delete, p."match" FROM {master} m,'
        f" pragma_foreign_key_list(m.name, '{schema}') p WHERE m.type = 'table'"
    )
    for table, *key in keys:
        if table in tables:
            tables[table]["foreign keys"].append([str(part) for part in key])
    index_columns: dict[str, list] = {}
    listed = connection.execute(
        f'SELECT m.name, i.name, i."unique", i.origin, i.partial, x.name, x."desc", x.coll, x."key"'
        f" FROM {master} m, pragma_index_list(m.name, '{schema}') i, pragma_index_xinfo(i.name, '{schema}') x"
        f" WHERE m.type = 'table' ORDER BY m.name, i.name, x.seqno"
    )
    origins = {}
    for table, index, unique, origin, partial, column, desc, collation, key in listed:
        index_columns.setdefault(index, []).append([column, desc, collation, key])
        origins[index] = (table, origin, unique, partial)
    for index, (table, origin, unique, partial) in origins.items():
        if origin != "c" and table in tables:  # SQLite's own, for UNIQUE and PRIMARY KEY: by their columns
            tables[table]["constraint indexes"].append([origin, unique, partial, index_columns[index]])
        elif index in found["index"]:
            found["index"][index]["columns"] = index_columns[index]
    for description in tables.values():
        description["foreign keys"].sort()
        description["constraint indexes"].sort(key=json.dumps)
    return found


def _clauses(sql: str) -> list[str]:
    """A CREATE TABLE's column definitions and constraints as written (COLLATE, ON CONFLICT, CHECK, a
    generated column's expression: what the pragmas do not tell), whitespace, quotes and their order
    aside: a migration appends a column and writes a default in parentheses the models write bare."""
    head, _open, rest = sql.partition("(")
    body, _close, tail = rest.rpartition(")")
    clauses, depth, current = [], 0, []
    for character in body:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if character == "," and depth == 0:
            clauses.append("".join(current))
            current = []
        else:
            current.append(character)
    clauses.append("".join(current))
    normal = [
        _DEFAULT_IN_PARENTHESES.sub(r"DEFAULT \1", " ".join(clause.replace('"', "").split())) for clause in clauses
    ]
    return [" ".join(head.replace('"', "").split()).upper(), *sorted(normal), " ".join(tail.split()).upper()]


@functools.cache
def expected_sqlite(revision: str) -> Expected:
    """What Cliffhanger makes at `revision`: HEAD from the models (no Alembic), an older one from the
    migrations up to it."""
    from studio.storage import migrations

    connection = sqlite3.connect(":memory:")
    try:
        if revision == migrations.HEAD:
            _create_at_head(connection)
        else:
            _migrated_to(connection, revision)
        fingerprint = sqlite_fingerprint(connection)
        objects = sqlite_objects(connection)
    finally:
        connection.close()
    return Expected(fingerprint, tuple(objects))


def sqlite_objects(connection: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """The SQL that makes each object, tables first (the order SQLAlchemy makes a table's indexes in
    varies from process to process)."""
    return connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type != 'table', type, name"
    ).fetchall()


def _create_at_head(connection: sqlite3.Connection) -> None:
    """The schema at HEAD as the models make it (not from the stored SQL, which is what this makes)."""
    from sqlalchemy import create_engine

    from studio.storage import migrations

    engine = create_engine("sqlite://", creator=lambda: connection)
    with engine.begin() as sa_connection:
        migrations.create_at_head(sa_connection, from_models=True)


def _migrated_to(connection: sqlite3.Connection, revision: str) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from studio.storage.db import MIGRATIONS_DIR
    from studio.storage.migrations import config

    engine = create_engine("sqlite://", creator=lambda: connection)
    cfg = config(MIGRATIONS_DIR)
    with engine.begin() as sa_connection:
        cfg.attributes["connection"] = sa_connection
        command.upgrade(cfg, revision)


def expected_sqlite_fingerprint(revision: str) -> Fingerprint:
    """The schema at `revision`: stored (HEAD's), else made by the migrations in memory."""
    kept = stored(revision).get("sqlite")
    return kept["fingerprint"] if kept else expected_sqlite(revision).fingerprint


def sqlite_digest(connection: sqlite3.Connection, schema: str = "main") -> str:
    """A hash of the schema's SQL text as SQLite keeps it: equal to the models' own text (a file made
    at HEAD, the demo), the schema is theirs, with no need to compare it piece by piece."""
    rows = connection.execute(
        f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master"
        " WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY type, name"
    ).fetchall()
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


def check_sqlite(connection: sqlite3.Connection, revision: str, where: str, schema: str = "main") -> None:
    """Refuse (UnexpectedSchema, naming the first difference) a schema that is not `revision`'s."""
    kept = stored(revision).get("sqlite")
    if kept and sqlite_digest(connection, schema) == kept["digest"]:
        return
    difference = first_difference(
        sqlite_fingerprint(connection, schema), expected_sqlite_fingerprint(revision), _("the file")
    )
    if difference:
        raise UnexpectedSchema(_("{path} was refused: {difference}").format(path=where, difference=difference))


# ---------------------------------------------------------------------------------------------------
# PostgreSQL

_PG_QUERIES = {
    "table": "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'f')",
    "columns": "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
    " pg_get_expr(d.adbin, d.adrelid), a.attgenerated::text"
    " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
    " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'f') AND a.attnum > 0 AND NOT a.attisdropped",
    "constraints": "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid)"
    " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = current_schema()",
    "index": "SELECT indexname, tablename, replace(indexdef, ' ' || quote_ident(current_schema()) || '.', ' ')"
    " FROM pg_indexes WHERE schemaname = current_schema()",
    "trigger": "SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid)"
    " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = current_schema() AND NOT t.tgisinternal",
    "view": "SELECT c.relname, c.relkind::text, pg_get_viewdef(c.oid)"
    " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')",
    "rule": "SELECT rulename, tablename, definition FROM pg_rules WHERE schemaname = current_schema()",
}


def postgresql_fingerprint(connection) -> Fingerprint:
    """`connection`: a SQLAlchemy connection to the server."""

    def rows(query: str) -> list[tuple]:
        return [tuple(row) for row in connection.exec_driver_sql(query)]

    found: Fingerprint = {kind: {} for kind in KINDS}
    for (name,) in rows(_PG_QUERIES["table"]):
        found["table"][name] = {"columns": {}, "constraints": {}}
    for table, column, kind, notnull, default, generated in rows(_PG_QUERIES["columns"]):
        found["table"][table]["columns"][column] = [kind, notnull, default, generated]
    for table, name, definition in rows(_PG_QUERIES["constraints"]):
        if table in found["table"]:
            found["table"][table]["constraints"][name] = definition
    for name, table, definition in rows(_PG_QUERIES["index"]):
        found["index"][name] = {"table": table, "sql": definition}
    for name, table, definition in rows(_PG_QUERIES["trigger"]):
        found["trigger"][name] = {"table": table, "sql": definition}
    for name, kind, definition in rows(_PG_QUERIES["view"]):
        found["view"][name] = {"kind": kind, "sql": " ".join(definition.split())}
    for name, table, definition in rows(_PG_QUERIES["rule"]):
        found["rule"][name] = {"table": table, "sql": definition}
    return found


def stored_path(revision: str) -> Path:
    return STORED / f"schema-{revision}.json"


@functools.cache
def stored(revision: str) -> dict:
    """The schema stored for `revision` ({} if none is): {"sqlite": {"digest", "fingerprint", "objects"},
    "postgresql": …}; SQLite's objects are the SQL a new file is made with (`migrations.create_at_head`)."""
    path = stored_path(revision)
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def expected_postgresql(revision: str) -> Fingerprint | None:
    return stored(revision).get("postgresql")


def check_postgresql(connection, revision: str, where: str) -> None:
    """At a revision without a stored schema (an older one, before its upgrade), only what runs or
    answers in our place is refused (a trigger, a view, a rule: Cliffhanger never made one)."""
    found = postgresql_fingerprint(connection)
    expected = expected_postgresql(revision)
    if expected is None:
        expected = {**found, "trigger": {}, "view": {}, "rule": {}}
    difference = first_difference(found, expected, _("the database"))
    if difference:
        raise UnexpectedSchema(_("{path} was refused: {difference}").format(path=where, difference=difference))


# ---------------------------------------------------------------------------------------------------


def _json(value):
    return json.loads(json.dumps(value))


def first_difference(found: Fingerprint, expected: Fingerprint, holder: str) -> str | None:
    """The first thing `found` holds that `expected` does not, or holds otherwise, in words; None if none.
    `holder`: "the file" or "the database", as the message names it."""
    found, expected = _json(found), _json(expected)
    words = _kind_words()
    for kind in KINDS:
        have, want = found.get(kind, {}), expected.get(kind, {})
        for name in sorted(set(have) - set(want)):
            return _("{holder} holds {kind} `{name}` Cliffhanger does not make").format(
                holder=holder, kind=words[kind], name=name
            )
        for name in sorted(set(want) - set(have)):
            return _("{holder} lacks {kind} `{name}` Cliffhanger makes").format(
                holder=holder, kind=words[kind], name=name
            )
        for name in sorted(have):
            if have[name] == want[name]:
                continue
            if kind == "table":
                columns, wanted = have[name]["columns"], want[name]["columns"]
                for column in sorted(set(columns) - set(wanted)):
                    return _("{holder} holds a column `{column}` in table `{table}` Cliffhanger does not make").format(
                        holder=holder, column=column, table=name
                    )
                for column in sorted(set(columns) | set(wanted)):
                    if columns.get(column) != wanted.get(column):
                        return _("in {holder} column `{column}` of table `{table}` differs from Cliffhanger's").format(
                            holder=holder, column=column, table=name
                        )
            return _("in {holder} {kind} `{name}` differs from Cliffhanger's").format(
                holder=holder, kind=words[kind], name=name
            )
    return None


def _kind_words() -> dict[str, str]:
    return {
        "table": _("a table"),
        "index": _("an index"),
        "trigger": _("a trigger"),
        "view": _("a view"),
        "rule": _("a rule"),
    }


def quoted(name: str) -> str:
    """An identifier as SQL names it."""
    return '"' + name.replace('"', '""') + '"'


def made_at_head(postgresql_url: str) -> dict:
    """The schema a new database gets (see `stored`): SQLite's in memory, PostgreSQL's in the new, empty
    database at `postgresql_url`, made by opening it."""
    from studio.storage import migrations
    from studio.storage.db import open_database

    connection = sqlite3.connect(":memory:")
    try:
        _create_at_head(connection)
        made = {
            "sqlite": {
                "digest": sqlite_digest(connection),
                "fingerprint": sqlite_fingerprint(connection),
                "objects": sqlite_objects(connection),
            }
        }
    finally:
        connection.close()
    database = open_database(postgresql_url, check_schema=False)
    try:
        with database.engine.connect() as server:
            made["postgresql"] = postgresql_fingerprint(server)
            assert migrations.current_revision(server) == migrations.HEAD
    finally:
        database.close()
    return _json(made)


def main(arguments: list[str]) -> int:
    """`python -m studio.storage.schema_check URL`: store the schema of HEAD, SQLite's and PostgreSQL's (from the
    new, empty database at URL), as the one every database at HEAD is checked against."""
    from studio.storage import migrations

    (url,) = arguments
    path = stored_path(migrations.HEAD)
    text = json.dumps(made_at_head(url), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
