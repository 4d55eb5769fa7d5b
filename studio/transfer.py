"""Copying a whole database to another place — a file onto a team's server, a server into a file — and
checking the copy: every table's row count and every money column's total must come out equal, or
nothing is copied."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, func, select, text

from studio.db import Database
from studio.errors import UserError
from studio.i18n import _
from studio.models import metadata

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


def _count(session, table) -> TableCopy:
    money = [column for column in table.columns if column.name.endswith("_minor")]
    values = session.execute(
        select(func.count(), *[func.coalesce(func.sum(column), 0) for column in money]).select_from(table)
    ).one()
    totals = {column.name: int(value) for column, value in zip(money, values[1:], strict=True)}
    return TableCopy(table.name, values[0], totals)


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
