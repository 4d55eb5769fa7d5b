"""Copying to another place — a whole database, or one production into a database that may hold others
(a laptop's series onto the company's server, a series from the server into a file) — and checking the
copy: every table's row count and every money column's total must come out equal, or nothing is copied."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Integer, Table, bindparam, func, or_, select, text
from sqlalchemy.orm import Session

from studio.budget.rules import renumbered_source
from studio.errors import UserError
from studio.i18n import _
from studio.models import metadata
from studio.productions import get_production
from studio.storage import migrations, value_check
from studio.storage.db import Database
from studio.storage.withheld import is_money

BATCH = 1000


@dataclass(frozen=True)
class TableCopy:
    table: str
    rows: int
    totals: dict[str, int]  # each money column's sum, in minor units

    def to_json(self) -> dict:
        return {"table": self.table, "rows": self.rows, "totals": self.totals}


def copy_database(source: Database, target: Database) -> list[TableCopy]:
    """Copy every row of `source` into the empty `target` (same schema version), keeping the ids, in one
    transaction of the target's; the counts and totals are compared before it commits."""
    with source.reading() as reading, target.transaction() as writing:
        _one_snapshot(reading)
        if writing.execute(select(func.count()).select_from(metadata.tables["production"])).scalar():
            raise UserError(
                _("{target} already holds productions; copy into a new, empty database").format(
                    target=target.describe()
                )
            )
        for table in metadata.sorted_tables:
            rows = reading.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            for batch in rows.partitions(BATCH):
                writing.execute(table.insert(), [dict(row) for row in batch])
        if writing.get_bind().dialect.name == "postgresql":
            _continue_numbering(writing)
        _refuse_what_a_file_would(writing, source, {})
        copied = [_count(writing, table) for table in metadata.sorted_tables]
        expected = [_count(reading, table) for table in metadata.sorted_tables]
        for made, wanted in zip(copied, expected, strict=True):
            if made != wanted:
                raise UserError(
                    _(
                        "the copy of {table} does not match the original ({made} against {wanted}); nothing was copied"
                    ).format(table=made.table, made=made.to_json(), wanted=wanted.to_json())
                )
    return copied


def _one_snapshot(session: Session) -> None:
    """Every read of a copy sees the source as it was at one moment, though others go on saving: on
    PostgreSQL each statement would otherwise see the latest commits (a scene without its new set)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


def _count(session, table) -> TableCopy:
    money = [column for column in table.columns if is_money(column)]
    values = session.execute(
        select(func.count(), *[func.coalesce(func.sum(column), 0) for column in money]).select_from(table)
    ).one()
    totals = {column.name: int(value) for column, value in zip(money, values[1:], strict=True)}
    return TableCopy(table.name, values[0], totals)


def _refuse_what_a_file_would(writing: Session, source: Database, new_ids: dict[str, dict[Any, Any]]) -> None:
    """A copy into a file must open: a server keeps an amount beyond money.MAX_MINOR that a file is refused
    for (value_check), so the copy is refused before it commits, naming the source's row (`new_ids`: the
    ids a production's copy gave its rows, old → new)."""
    if writing.get_bind().dialect.name != "sqlite":
        return
    found = value_check.first_unexpected_value(writing.connection().connection.driver_connection, migrations.HEAD)
    if found is None:
        return
    original = {new: old for old, new in new_ids.get(found.table, {}).items()}
    if found.row.get("id") in original:
        found = replace(found, row={"id": original[found.row["id"]]})
    raise UserError(
        _("{source} holds a value Cliffhanger never writes ({value}); nothing was copied").format(
            source=source.describe(), value=found
        )
    )


def _continue_numbering(session) -> None:
    """Rows came with their ids, so each table's id sequence must start after the largest one."""
    for table in metadata.sorted_tables:
        keys = list(table.primary_key.columns)
        if len(keys) == 1 and isinstance(keys[0].type, Integer) and keys[0].autoincrement in (True, "auto"):
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{keys[0].name}'), "
                    f"COALESCE((SELECT MAX({keys[0].name}) FROM {table.name}), 0) + 1, false)"
                )
            )


@dataclass(frozen=True)
class ProductionCopy:
    production_id: int  # in the target
    tables: list[TableCopy]

    def to_json(self) -> dict:
        return {"production_id": self.production_id, "tables": [table.to_json() for table in self.tables]}


def copy_production(source: Database, production_id: int | None, target: Database) -> ProductionCopy:
    """Copy one production and everything that belongs to it into `target` (same schema version), which
    may hold other productions: its rows take the target's next ids and every reference follows. One
    transaction of the target's; each table's count and money totals are compared before it commits."""
    with source.reading() as reading:  # read whole first: a refusal to read names the source
        _one_snapshot(reading)
        production = get_production(reading, production_id)
        original = _production_rows(reading, production.id)
        currencies = [dict(row) for row in reading.execute(select(metadata.tables["currency"])).mappings()]
    with target.transaction() as writing:
        production_table = metadata.tables["production"]
        already = writing.execute(
            select(production_table.c.id).where(production_table.c.title == production.title)
        ).first()
        if already is not None:
            raise UserError(
                _("{target} already holds a production titled {title} (id {id}): rename one of them first").format(
                    target=target.describe(), title=production.title, id=already.id
                )
            )
        _add_missing_currencies(writing, currencies)
        new_ids: dict[str, dict[Any, Any]] = {}
        for table in metadata.sorted_tables:
            if table.name in original:
                _insert_renumbered(writing, table, original[table.name], new_ids)
        _renumber_line_sources(writing, original["budget_line"], new_ids)
        _refuse_what_a_file_would(writing, source, new_ids)
        copied_id = new_ids["production"][production.id]
        copy = _production_rows(writing, copied_id)
        for table in original:
            made, wanted = _tally(table, copy[table]), _tally(table, original[table])
            if made.rows != wanted.rows or made.totals != wanted.totals:
                raise UserError(
                    _(
                        "the copy of {table} does not match the original ({made} against {wanted}); nothing was copied"
                    ).format(table=table, made=made.to_json(), wanted=wanted.to_json())
                )
    return ProductionCopy(copied_id, [_tally(table, rows) for table, rows in copy.items()])


def _production_rows(session: Session, production_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row belonging to the production, table by table, parents first: a row with the production's
    id, or one referring to a row already collected (a scene's characters, a call sheet's times)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    ids: dict[str, list[Any]] = {}
    for table in metadata.sorted_tables:
        if table.name == "production":
            condition = table.c.id == production_id
        elif "production_id" in table.c:
            condition = table.c.production_id == production_id
        else:
            parents = [key for key in table.foreign_keys if key.column.table.name in ids]
            if not parents:
                continue  # shared by every production (currencies)
            condition = or_(*(key.parent.in_(ids[key.column.table.name]) for key in parents))
        statement = select(table).where(condition).order_by(*table.primary_key)
        found = rows[table.name] = [dict(row) for row in session.execute(statement).mappings()]
        if "id" in table.c:
            ids[table.name] = [row["id"] for row in found]
    return rows


def _add_missing_currencies(writing: Session, currencies: list[dict[str, Any]]) -> None:
    currency = metadata.tables["currency"]
    known = set(writing.execute(select(currency.c.code)).scalars())
    missing = [row for row in currencies if row["code"] not in known]
    if missing:
        writing.execute(currency.insert(), missing)


def _insert_renumbered(
    session: Session, table: Table, rows: list[dict[str, Any]], new_ids: dict[str, dict[Any, Any]]
) -> None:
    """Insert the rows under new ids (noted in `new_ids`: old id → new id), their references translated.
    A table referring to itself (an account's parent account) goes in generations, parents first."""
    references = {key.parent.name: key.column.table.name for key in table.foreign_keys}
    own = {column for column, parent in references.items() if parent == table.name}
    renumbered = "id" in table.c
    mapping: dict[Any, Any] = new_ids.setdefault(table.name, {}) if renumbered else {}
    waiting = rows
    while waiting:
        ready, later = [], []
        for row in waiting:
            parent_copied = all(row[column] is None or row[column] in mapping for column in own)
            (ready if parent_copied else later).append(row)
        if not ready:
            raise _dangling(table.name)
        values = [_translated(row, references, new_ids) for row in ready]
        if renumbered:
            for row in values:
                del row["id"]
            made = session.execute(table.insert().returning(table.c.id, sort_by_parameter_order=True), values)
            mapping.update(zip((row["id"] for row in ready), made.scalars(), strict=True))
        else:
            session.execute(table.insert(), values)
        waiting = later


def _renumber_line_sources(session: Session, lines: list[dict[str, Any]], new_ids: dict[str, dict[Any, Any]]) -> None:
    """A linked budget line names its performer, crew member or location by id in text ("cast:12"), not
    by a foreign key: it must name the copy's, or the schedule would see every link as new."""
    table = metadata.tables["budget_line"]
    changed = []
    for line in lines:
        source = renumbered_source(line["source"], new_ids)
        if source != line["source"]:
            changed.append({"line": new_ids["budget_line"][line["id"]], "source": source})
    if changed:
        session.execute(
            table.update().where(table.c.id == bindparam("line")).values(source=bindparam("source")), changed
        )


def _translated(row: dict[str, Any], references: dict[str, str], new_ids: dict[str, dict[Any, Any]]) -> dict[str, Any]:
    translated = dict(row)
    for column, parent in references.items():
        if row[column] is not None and parent in new_ids:
            if row[column] not in new_ids[parent]:
                raise _dangling(parent)
            translated[column] = new_ids[parent][row[column]]
    return translated


def _dangling(table: str) -> UserError:
    return UserError(_("{table} refers to rows that are not there; nothing was copied").format(table=table))


def _tally(table: str, rows: list[dict[str, Any]]) -> TableCopy:
    money = [column.name for column in metadata.tables[table].columns if is_money(column)]
    return TableCopy(table, len(rows), {name: sum(row[name] or 0 for row in rows) for name in money})
