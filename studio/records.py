"""Adding and removing rows (a performer, a crew member, a location, an unavailable date), undoably.

A removal remembers every row the database deletes with it (a performer's deals and dates) and every
link it clears (sets pointing at a removed location), so `restore` puts back exactly what was there,
under the same ids. Values pass through the EDITABLE rules, so an added row is as valid as an edited one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from studio.edits import EDITABLE, RowRule
from studio.errors import InvalidInput
from studio.i18n import _
from studio.storage.db import changed_elsewhere

# Columns that tie a new row to its owner; they are set by the operation, never typed by the user.
OWNER_COLUMNS = frozenset(
    {
        "production_id",
        "character_id",
        "performer_id",
        "crew_member_id",
        "location_id",
        "call_sheet_id",
        "account_id",
        "report_id",
        "department_id",
    }
)


@dataclass(frozen=True)
class Removal:
    """What removing one row took with it, parents before children."""

    deleted: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    unlinked: list[tuple[str, dict[str, Any], str, Any]] = field(default_factory=list)

    @property
    def row(self) -> tuple[str, dict[str, Any]]:
        return self.deleted[0]

    @property
    def tables(self) -> set[str]:
        return {table for table, _ in self.deleted} | {table for table, *_ in self.unlinked}


def add_row(session: Session, entity: str, owner: dict[str, int], values: dict[str, Any]) -> int:
    """Create a row of `entity` belonging to `owner` (e.g. {"production_id": 1}); return its id. A row
    that would make a budget figure too large is refused (budget.limits)."""
    return add_together(session, [(entity, owner, values)])[0]


def add_rows(session: Session, entity: str, owner: dict[str, int], rows: list[dict[str, Any]]) -> list[int]:
    """Rows of one kind for one owner (a day's actuals), checked against the budget's limits once, together."""
    return add_together(session, [(entity, owner, values) for values in rows])


def add_together(session: Session, rows: list[tuple[str, dict[str, int], dict[str, Any]]]) -> list[int]:
    """Rows of any kinds (entity, owner, values) of one production, in order, checked against the budget's
    limits once, together (each alone would work the budget out again)."""
    from studio.budget import limits  # here: only rows the budget is worked out from need it

    unknown = {column for _entity, owner, _values in rows for column in owner} - OWNER_COLUMNS
    if unknown:
        raise ValueError(f"not owner columns: {unknown}")

    def add() -> list[int]:
        return [_add_row(session, entity, owner, values) for entity, owner, values in rows]

    watched = next(((entity, owner) for entity, owner, values in rows if limits.watched(entity, values)), None)
    if watched is None:
        return add()
    return limits.within_limits(session, limits.production_of(session, *watched), add)


def _add_row(session: Session, entity: str, owner: dict[str, int], values: dict[str, Any]) -> int:
    model, rules = EDITABLE[entity]
    row = model(**owner)
    with session.no_autoflush:
        session.add(row)
        for name, value in values.items():
            try:
                rule = rules[name]
            except KeyError:
                raise InvalidInput(_("{field} cannot be edited here").format(field=f"{entity}.{name}")) from None
            if isinstance(rule, RowRule):
                rule.assign(row, name, value)
            else:
                setattr(row, name, rule(value))
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        raise InvalidInput(_("an entry with the same name already exists")) from None
    return row.id


def remove_row(session: Session, entity: str, row_id: int, seen_version: int | None = None) -> Removal:
    """Remove a row and what the database removes with it; return all of it (to put back: `restore`).

    The rows are locked as they are read (on PostgreSQL), so what is kept for undo is what goes. The
    DELETE carries the row's version, the one the person saw (`seen_version`) or else the one just
    read: a row someone else saved meanwhile matches nothing and stays, with their change
    (ChangedElsewhere). A removal that would make a budget figure too large (a negative line, the
    latest rate of exchange) is refused (budget.limits)."""
    from studio.budget import limits  # here: only rows the budget is worked out from need it

    row = session.get(EDITABLE[entity][0], row_id)
    if row is None or entity not in limits.WATCHED:
        return _remove_row(session, entity, row_id, seen_version)
    production_id = limits.production_of(session, entity, row)
    return limits.within_limits(session, production_id, lambda: _remove_row(session, entity, row_id, seen_version))


def _remove_row(session: Session, entity: str, row_id: int, seen_version: int | None) -> Removal:
    model = EDITABLE[entity][0]
    table: Table = model.__table__
    removal = Removal()
    _collect(session, table, [row_id], removal)
    if not removal.deleted:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    version = removal.row[1].get("version")
    if seen_version is not None and version != seen_version:
        raise changed_elsewhere()
    condition = table.c.id == row_id
    if version is not None:
        condition = condition & (table.c.version == version)
    if session.execute(delete(table).where(condition)).rowcount != 1:
        raise changed_elsewhere()
    session.expire_all()
    return removal


def restore(session: Session, removal: Removal) -> None:
    """Put back a removal: the rows under their old ids, then the links that pointed at them."""
    tables = SQLModel.metadata.tables
    for table_name, values in removal.deleted:
        session.execute(insert(tables[table_name]).values(**values))
    for table_name, key, column, value in removal.unlinked:
        table = tables[table_name]
        session.execute(update(table).where(*(table.c[name] == v for name, v in key.items())).values({column: value}))
    session.expire_all()


def _collect(session: Session, table: Table, ids: list[Any], removal: Removal) -> None:
    if not ids:
        return
    rows = (
        session.execute(select(table).where(table.c.id.in_(ids)).order_by(table.c.id).with_for_update())
        .mappings()
        .all()
    )
    removal.deleted.extend((table.name, dict(row)) for row in rows)
    for child, column, on_delete in _references_to(table):
        key_columns = [c for c in child.primary_key.columns]
        referencing = session.execute(select(child).where(child.c[column].in_(ids)).with_for_update()).mappings().all()
        if on_delete == "CASCADE":
            if "id" in child.c and child.primary_key.columns.keys() == ["id"]:
                _collect(session, child, [row["id"] for row in referencing], removal)
            else:
                removal.deleted.extend((child.name, dict(row)) for row in referencing)
        elif on_delete == "SET NULL":
            removal.unlinked.extend(
                (child.name, {c.name: row[c.name] for c in key_columns}, column, row[column]) for row in referencing
            )


def _references_to(table: Table) -> Iterator[tuple[Table, str, str]]:
    for child in SQLModel.metadata.sorted_tables:
        for foreign_key in child.foreign_keys:
            if foreign_key.column.table is table:
                yield child, foreign_key.parent.name, (foreign_key.ondelete or "").upper()
