"""Placing strips: on a day in an order, or in the boneyard; every change returns what it replaced (undo)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, insert, literal_column, update
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, func, select

from studio.changes import FieldChange
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import Scene, ShootDay, Strip
from studio.models.enums import RevisionState, ShootDayKind, StripKind
from studio.schedule.board import Layout, spliced
from studio.storage.db import changed_elsewhere


@dataclass(frozen=True)
class Placement:
    strip_id: int
    day_id: int | None  # None: the boneyard
    position: int
    # The strip's version this placement is to be made from: a placement returned for undo carries the
    # version the change left, so putting the strip back is refused once someone else has moved it since.
    version: int | None = field(default=None, compare=False)


def ensure_strips(session: Session, production_id: int) -> int:
    """Give every scene still in the script a strip (new ones wait in the boneyard); return how many."""
    have = set(session.exec(select(Strip.scene_id).where(Strip.production_id == production_id)))
    scenes = session.exec(
        select(Scene.id).where(
            Scene.production_id == production_id, Scene.revision_state != RevisionState.OMITTED.value
        )
    ).all()
    missing = [scene_id for scene_id in scenes if scene_id not in have]
    if missing:  # one statement, no ORM objects: a whole series' scenes are new at its first import
        session.execute(insert(Strip), [{"production_id": production_id, "scene_id": scene_id} for scene_id in missing])
    return len(missing)


_STRIPS = Strip.__table__
# One statement for every strip a change places (executemany), each made only from the version read
# under the lock: the ORM would send one UPDATE per strip, and a drag on a long day shifts hundreds.
_PLACE = (
    update(_STRIPS)
    .where(_STRIPS.c.id == bindparam("strip"), _STRIPS.c.version == bindparam("seen"))
    .values(shoot_day_id=bindparam("day"), position=bindparam("at"), version=_STRIPS.c.version + literal_column("1"))
)
_COMPILED: dict[tuple, Any] = {}  # a statement's SQL for each kind of database


def current_placements(session: Session, production_id: int, *, lock: bool = False) -> Layout:
    """Each day's strips in order (None: the boneyard); with `lock`, every strip of the production is
    locked until the transaction ends (on PostgreSQL; SQLite's writer holds the whole file)."""
    return _layout_of(_strip_rows(session, production_id, lock=lock))


def _strip_rows(
    session: Session, production_id: int, *, lock: bool, strip_ids: list[int] | None = None
) -> dict[int, tuple[int | None, int, int]]:
    """Strip id → (day, position, version) for every strip of the production (or those of `strip_ids`),
    read as plain rows: a board's worth of ORM rows costs more than the move."""
    columns = _STRIPS.c
    statement = select(columns.id, columns.shoot_day_id, columns.position, columns.version).where(
        columns.production_id == production_id
    )
    if strip_ids is not None:
        statement = statement.where(columns.id.in_(strip_ids))
    if lock:  # in id order, so that two movers queue instead of deadlocking
        statement = statement.order_by(columns.id).with_for_update()
    session.flush()  # a plain statement does not flush the session's own changes first
    rows = session.execute(statement).all()
    return {strip_id: (day_id, position, version) for strip_id, day_id, position, version in rows}


def _layout_of(rows: dict[int, tuple[int | None, int, int]]) -> Layout:
    layout: dict[int | None, list[tuple[int, int]]] = {}
    for strip_id, (day_id, position, _version) in rows.items():
        layout.setdefault(day_id, []).append((position, strip_id))
    return {day_id: [strip_id for _, strip_id in sorted(entries)] for day_id, entries in layout.items()}


def _place(
    session: Session, production_id: int, placements: list[Placement], rows: dict[int, tuple[int | None, int, int]]
) -> list[Placement]:
    """Write `placements` over the strips as `rows` (read under the lock) has them; return where they were,
    each with the version this change left it at."""
    if not placements:
        return []
    days = {p.day_id for p in placements} - {None}
    shoot_days = ShootDay.__table__.c
    known = set(
        session.execute(
            select(shoot_days.id).where(shoot_days.production_id == production_id, shoot_days.id.in_(days))
        ).scalars()
    )
    if days - known:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    values = [{"strip": p.strip_id, "seen": rows[p.strip_id][2], "day": p.day_id, "at": p.position} for p in placements]
    if _execute_many(session, _PLACE, values) != len(placements):  # a strip saved by someone else since it was read
        raise changed_elsewhere()
    placed = {p.strip_id for p in placements}
    for row in list(session.identity_map.values()):  # the session's own copies are read again when next used
        if isinstance(row, Strip) and row.id in placed:
            session.expire(row)
    return [Placement(p.strip_id, *rows[p.strip_id][:2], version=rows[p.strip_id][2] + 1) for p in placements]


def _execute_many(session: Session, statement, values: list[dict]) -> int:
    """Run `statement` once for each of `values` in one call of the driver; how many rows it changed.
    SQLAlchemy's own executemany works each row's parameters out in Python, as long as the writing."""
    connection = session.connection()
    dialect = connection.dialect
    key = (statement, dialect.name, dialect.driver, dialect.paramstyle)
    compiled = _COMPILED.get(key)
    if compiled is None:
        compiled = _COMPILED[key] = statement.compile(dialect=dialect)
    if compiled.positional:
        values = [tuple(row[name] for name in compiled.positiontup) for row in values]
    return connection.exec_driver_sql(compiled.string, values).rowcount


def apply_placements(session: Session, production_id: int, placements: list[Placement]) -> list[Placement]:
    """Put strips where `placements` say; return where they were (applying that undoes this), each with
    the version this change left the strip at.

    A placement carrying a version (an undo's, a redo's) is made only from that version: a strip moved
    by someone else since (or shifted along its day) is left where they put it (ChangedElsewhere)."""
    if not placements:
        return []
    rows = _strip_rows(session, production_id, lock=True, strip_ids=[p.strip_id for p in placements])
    if len(rows) != len({p.strip_id for p in placements}):
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    if any(p.version is not None and rows[p.strip_id][2] != p.version for p in placements):
        raise changed_elsewhere()
    return _place(session, production_id, placements, rows)


def move_strips(
    session: Session,
    production_id: int,
    strip_ids: list[int],
    day_id: int | None,
    position: int,
    seen_versions: dict[int, int] | None = None,
) -> list[Placement]:
    """Move strips (in the order given) to `position` on a day or in the boneyard; the strips after
    them shift down. Returns what it replaced.

    `seen_versions` is each moving strip's version as the board the person moved it on was loaded: a
    strip someone else has moved since (or shifted, by moving another strip before it on its day) has
    a newer version and is left where they put it (ChangedElsewhere). The production's strips are
    locked while this is decided and written, so two movers take turns: no check can pass on a
    placement another transaction is changing."""
    rows = _strip_rows(session, production_id, lock=True)
    if not set(strip_ids) <= rows.keys():
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    if seen_versions is not None and any(rows[s][2] != seen_versions.get(s, rows[s][2]) for s in strip_ids):
        raise changed_elsewhere()
    layout = _layout_of(rows)
    moved = spliced(layout, strip_ids, day_id, position)
    return _place(session, production_id, changed_placements(moved, layout), rows)


def place_all(
    session: Session, production_id: int, layout: Layout, seen_versions: dict[int, int] | None = None
) -> list[Placement]:
    """Put every strip named in `layout` in its day and order (the optimizer's schedule); return what it
    replaced. `seen_versions`: the strips' versions on the board the schedule was made from (a strip
    someone else has moved since stays where they put it: ChangedElsewhere)."""
    rows = _strip_rows(session, production_id, lock=True)
    named = [strip_id for ids in layout.values() for strip_id in ids]
    if not set(named) <= rows.keys():
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    if seen_versions is not None and any(rows[s][2] != seen_versions.get(s, rows[s][2]) for s in named):
        raise changed_elsewhere()
    return _place(session, production_id, changed_placements(layout, _layout_of(rows)), rows)


def ensure_shoot_days(session: Session, production_id: int, count: int) -> int:
    """At least `count` shoot days on unit 1: more are added on the dates after the last one; returns
    how many were added."""
    if count < 1:
        raise InvalidInput(_("a schedule needs at least one shoot day"))
    shooting = session.exec(
        select(func.count()).where(
            ShootDay.production_id == production_id, ShootDay.unit == 1, ShootDay.kind == ShootDayKind.SHOOT.value
        )
    ).one()
    date = next_free_date(session, production_id)
    added = max(0, count - shooting)
    for offset in range(added):
        session.add(ShootDay(production_id=production_id, shoot_date=date + dt.timedelta(days=offset)))
    session.flush()
    renumber_days(session, production_id)
    return added


def changed_placements(layout: Layout, before: Layout) -> list[Placement]:
    """Where `layout` puts a strip elsewhere than `before` had it (another day, or another place in its
    day's order)."""
    was = {strip_id: (day, index) for day, ids in before.items() for index, strip_id in enumerate(ids)}
    return [
        Placement(strip_id, day, index)
        for day, ids in layout.items()
        for index, strip_id in enumerate(ids)
        if was.get(strip_id) != (day, index)
    ]


def set_locked(
    session: Session, strip_ids: list[int], locked: bool, seen_versions: dict[int, int] | None = None
) -> dict[int, int]:
    """Lock strips where they are (the optimizer leaves them); return the strips whose lock changed,
    each with the version that left it (to undo from).

    `seen_versions`: the strips' versions as the board showed them (or as a lock being undone left
    them); a strip someone else has saved since keeps their change (ChangedElsewhere)."""
    strips = session.exec(
        select(Strip)
        .where(Strip.id.in_(strip_ids))
        .order_by(Strip.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).all()
    if seen_versions is not None and any(s.version != seen_versions.get(s.id, s.version) for s in strips):
        raise changed_elsewhere()
    changed = []
    for strip in strips:
        if strip.locked != locked:
            strip.locked = locked
            changed.append(strip)
    try:
        session.flush()
    except StaleDataError:
        raise changed_elsewhere() from None
    return {strip.id: strip.version for strip in changed}


def add_banner(session: Session, production_id: int, day_id: int | None, position: int, text: str) -> int:
    strip = Strip(production_id=production_id, kind=StripKind.BANNER.value, banner_text=text.strip()[:400])
    session.add(strip)
    session.flush()
    move_strips(session, production_id, [strip.id], day_id, position)
    return strip.id


def renumber_days(session: Session, production_id: int) -> list[FieldChange]:
    """Shoot days numbered 1, 2, 3… by date on each unit (days off and holidays get no number). Each
    number changed is returned as the edit that undoes it (studio.edits.put_back)."""
    days = session.exec(
        select(ShootDay).where(ShootDay.production_id == production_id).order_by(ShootDay.shoot_date)
    ).all()
    counters: dict[int, int] = {}
    renumbered: list[tuple[ShootDay, int | None]] = []
    for day in days:
        number = None
        if day.kind == ShootDayKind.SHOOT.value:
            counters[day.unit] = counters.get(day.unit, 0) + 1
            number = counters[day.unit]
        if day.day_number != number:
            renumbered.append((day, day.day_number))
            day.day_number = number
    try:
        session.flush()
    except StaleDataError:  # a day saved by someone else since it was read
        raise changed_elsewhere() from None
    return [FieldChange("shoot_day", day.id, "day_number", old, day.day_number, day.version) for day, old in renumbered]


def next_free_date(session: Session, production_id: int, unit: int = 1) -> dt.date:
    """The date after the production's last day on that unit (tomorrow when it has none)."""
    last = session.exec(
        select(func.max(ShootDay.shoot_date)).where(ShootDay.production_id == production_id, ShootDay.unit == unit)
    ).one()
    return (last or dt.date.today()) + dt.timedelta(days=1)
