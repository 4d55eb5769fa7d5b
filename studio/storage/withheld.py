"""Money a login may not read. On a team's server a crew login has no grant on the money columns
(the `*_minor` ones: rates, fees, per diems; see `server_roles`), and the server refuses any query
naming one. A session that withholds money leaves those columns out of every entity it loads, and
touching one on a loaded row raises at once, so a page that would show a rate fails in the tests
instead of on a crew member's laptop.
"""

from __future__ import annotations

from sqlalchemy import Column, event, inspect
from sqlalchemy.orm import ORMExecuteState, Session, defer

from studio.money import Money

WITHHOLD_MONEY = "withhold_money"  # the session.info key


def is_money(column: Column) -> bool:
    return column.name.endswith("_minor")


def withholds_money(session: Session) -> bool:
    return bool(session.info.get(WITHHOLD_MONEY))


@event.listens_for(Session, "do_orm_execute")
def _leave_money_out(state: ORMExecuteState) -> None:
    if not state.is_select or not withholds_money(state.session):
        return
    options = []
    for description in getattr(state.statement, "column_descriptions", ()):  # text() has none
        entity = description["expr"]
        if entity is not description.get("entity"):
            continue  # a column or an expression, not a whole row: the query names what it reads
        mapper = inspect(entity).mapper
        options += [
            defer(getattr(entity, attribute.key), raiseload=True)
            for attribute in mapper.column_attrs
            if any(is_money(column) for column in attribute.columns)
        ]
    if options:
        state.statement = state.statement.options(*options)


def visible_money(session: Session, row: object | None, name: str) -> Money | None:
    """`row.<name>` (a Money or None), or None where the session withholds money."""
    if row is None or withholds_money(session):
        return None
    return getattr(row, name)
