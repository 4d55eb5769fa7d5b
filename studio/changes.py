"""What a write changed, and what takes it back: the one value every operation the window runs returns.

An operation (`studio.operations`) runs in its caller's transaction and returns `Changes`: the rows it
touched — each row's kind, id and the version it left (None once it is gone) — the fields it edited,
with their old and new values, and `undo`, the steps that reverse it, as data (an operation and its
arguments). Running the undo returns Changes too, whose own undo is the redo. Views decide from
Changes what to redraw; the window announces each step's Changes once.

A step that removes or moves rows carries the versions this change left them at (`Step.seen`), so
undoing it after someone else has changed one of them is refused, as an edit is. Changes of one's own
made since (a later step, or its undo) are not someone else's: the undo is made from the versions they
left instead (`left`, kept by whoever runs the steps, and by `run_steps` as it goes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from types import MappingProxyType
from typing import Any

from sqlmodel import Session

Rows = Mapping[str, Mapping[int, int | None]]  # kind of row → id → the version the change left it at
SOMEONE_ELSES = -1  # no row's version: what one's own changes know of a row someone else has changed


@dataclass(frozen=True)
class FieldChange:
    entity: str
    row_id: int
    field: str
    old: Any
    new: Any
    version: int | None = dataclass_field(default=None, compare=False)  # the row's version once changed

    def reversed(self) -> FieldChange:
        """The edit that takes this one back (from the value it left to the one it found)."""
        return FieldChange(self.entity, self.row_id, self.field, self.new, self.old)


@dataclass(frozen=True)
class Step:
    """An operation and its arguments, to run again: operation(session, *args[, seen=…]) -> Changes,
    `seen` being the versions it is to find the rows at (each kind's id → version)."""

    operation: Callable[..., Changes]
    args: tuple[Any, ...] = ()
    seen: Rows | None = None

    def run(self, session: Session, left: Rows) -> Changes:
        """Run it; a row whose last version `left` knows (one's own changes since) is expected at that one."""
        if self.seen is None:
            return self.operation(session, *self.args)
        seen = {kind: {i: left.get(kind, {}).get(i, v) for i, v in ids.items()} for kind, ids in self.seen.items()}
        return self.operation(session, *self.args, seen=seen)


@dataclass(frozen=True)
class Changes:
    # Rows added, changed or removed, by kind: id → version left (None: removed, or not known). A kind
    # with no ids: rows without an id of their own (a scene's tag) or too many to name.
    rows: Rows = dataclass_field(default_factory=dict)
    fields: tuple[FieldChange, ...] = ()  # fields edited, in order: cells to redraw where they are shown
    undo: tuple[Step, ...] = ()  # run in order, they reverse this change
    notes: tuple[str, ...] = ()  # what else the change did, to say (what the schedule changed in the budget)
    everything: bool = False  # the database as a whole may differ (a snapshot put back): every view reloads

    def __post_init__(self) -> None:
        rows: dict[str, dict[int, int | None]] = {}
        for change in self.fields:  # an edited row is a touched row, at the version its last edit left
            rows.setdefault(change.entity, {})[change.row_id] = change.version
        for kind, ids in self.rows.items():
            rows.setdefault(kind, {}).update(ids)
        object.__setattr__(self, "rows", MappingProxyType({k: MappingProxyType(v) for k, v in rows.items()}))

    def __bool__(self) -> bool:
        return bool(self.rows or self.notes or self.everything)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, kinds: Iterable[str]) -> bool:
        """Whether rows of any of these kinds changed (anything did, after a snapshot was put back)."""
        return self.everything or not self.kinds.isdisjoint(kinds)

    @property
    def only_edits(self) -> bool:
        """Whether all it did was edit fields of rows (no row added or removed)."""
        edited = {(change.entity, change.row_id) for change in self.fields}
        return (
            bool(edited)
            and not self.everything
            and all(ids and {(kind, row_id) for row_id in ids} <= edited for kind, ids in self.rows.items())
        )

    def ids(self, kind: str) -> set[int]:
        return set(self.rows.get(kind, {}))

    def version(self, kind: str, row_id: int) -> int | None:
        return self.rows.get(kind, {}).get(row_id)

    def then(self, later: Changes) -> Changes:
        """This change followed by `later`, as one: undone by undoing `later` first."""
        rows = {kind: dict(ids) for kind, ids in self.rows.items()}
        for kind, ids in later.rows.items():
            rows.setdefault(kind, {}).update(ids)
        return Changes(
            rows,
            self.fields + later.fields,
            later.undo + self.undo,
            self.notes + later.notes,
            self.everything or later.everything,
        )


def combined(changes: Iterable[Changes]) -> Changes:
    """Several changes made in a row, as one step."""
    result = Changes()
    for change in changes:
        result = result.then(change)
    return result


def run_steps(session: Session, steps: Iterable[Step], left: Rows | None = None) -> Changes:
    """Run an undo (or a redo) in the caller's transaction; what it changed, with its own undo. `left`:
    the versions one's own changes since left rows at (each step's own are added as it runs)."""
    versions = {kind: dict(ids) for kind, ids in (left or {}).items()}
    result = Changes()
    for step in steps:
        changes = step.run(session, versions)
        remember(versions, changes)
        result = result.then(changes)
    return result


def remember(versions: dict[str, dict[int, int | None]], changes: Changes) -> None:
    """Note the versions one's own `changes` left rows at. A field edited from a version other than the
    one one's own changes had left (someone else saved in between, and an edit's undo, which looks only
    at its fields, keeps their save) is not one's own chain any more: the row is noted as someone else's,
    so an undo made from one's own versions of it is refused from then on."""
    found: dict[tuple[str, int], int] = {}
    for change in changes.fields:
        if change.version is not None:  # every save raises the version by one: the edit found one less
            found.setdefault((change.entity, change.row_id), change.version - 1)
    for kind, ids in changes.rows.items():
        known = versions.setdefault(kind, {})
        for row_id, version in ids.items():
            before = found.get((kind, row_id))
            broken = before is not None and known.get(row_id, before) != before
            known[row_id] = SOMEONE_ELSES if broken else version
