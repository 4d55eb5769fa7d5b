"""The writes the window makes, each returning `Changes` (studio.changes): what it touched, and what undoes it.

Each runs in its caller's one transaction, over the domain's own operations (edits, records, casting,
breakdown, strips, productions), and says how to take itself back: an edit by putting each field back,
an added row by removing it, a removal by putting back all it took, a move by putting each strip back.
An undo that removes, moves or locks rows carries the versions the change left them at (`Step.seen`),
so one made after someone else has changed a row since is refused (ChangedElsewhere) and their change
kept; an edit's undo checks that each field is still what the edit left. An operation taking `seen`
(each kind's id → version) makes its change only from those versions: the rows as a view showed them.
A new undoable write is one more function here.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlmodel import Session, select

from studio import breakdown, casting, edits, productions, records
from studio.budget.inputs import load_inputs
from studio.budget.schedule_links import LinkPlan, apply_links, schedule_links, store_plan
from studio.callsheet import call_sheet_id
from studio.changes import Changes, FieldChange, Rows, Step, combined
from studio.edits import EDITABLE
from studio.models import CallSheet, Production, ShootDay
from studio.productions import ProductionDetails
from studio.schedule import strips
from studio.schedule.board_loading import minutes_of
from studio.schedule.meals import MealMove
from studio.schedule.strips import Placement
from studio.storage.db import changed_elsewhere

if TYPE_CHECKING:
    from studio.day_reports.replan import Replan

# What the budget's schedule-linked lines are worked out from (studio.budget.schedule_links): a change to
# any of these is followed by storing what it changed in the budget (`store_schedule_lines`).
SCHEDULE_KINDS = frozenset(
    {
        "strip",
        "shoot_day",
        "cast_assignment",
        "performer",
        "performer_day",
        "crew_member",
        "department",
        "location",
        "location_drive",
        "character",
        "scene",
        "episode",
        "overtime_rule",
        "production",
    }
)

# Fields


def edit(session: Session, entity: str, row_id: int, values: dict, seen_version: int | None = None) -> Changes:
    """Fields of one row edited together (one cell, a details dialog); `seen_version`: the row as shown."""
    return edited(edits.set_fields(session, entity, row_id, values, seen_version))


def edit_back(session: Session, fields: tuple[FieldChange, ...]) -> Changes:
    """Undo (or redo) an edit: each field from the value the edit left to the one it found; a field
    someone else has changed since keeps their value (ChangedElsewhere)."""
    return edited(edits.put_back(session, list(fields), to_new=True))


def edited(fields: list[FieldChange]) -> Changes:
    """Field edits as Changes, undone by putting each field back (none: nothing changed, nothing to undo)."""
    if not fields:
        return Changes()
    return Changes(fields=tuple(fields), undo=(Step(edit_back, (tuple(f.reversed() for f in fields),)),))


def number_cast_by_scenes(session: Session, production_id: int) -> Changes:
    return edited(breakdown.renumber_cast(session, production_id))


def number_shoot_days(session: Session, production_id: int) -> Changes:
    return edited(strips.renumber_days(session, production_id))


# Rows


def add(session: Session, entity: str, owner: dict[str, int], values: dict) -> Changes:
    """A row (a performer, an unavailable date…); undone by removing it, if no one has changed it since."""
    return _added(session, entity, records.add_row(session, entity, owner, values))


def _added(session: Session, entity: str, row_id: int) -> Changes:
    left = {entity: {row_id: session.get(EDITABLE[entity][0], row_id).version}}
    return Changes(left, undo=(Step(remove, (entity, (row_id,)), left),))


def remove(session: Session, entity: str, ids: tuple[int, ...], seen: Rows | None = None) -> Changes:
    """Rows of one kind and everything that goes with them, each from the version `seen` gives (as shown;
    none: as it is now); if someone else has saved one since, none goes (ChangedElsewhere). Undone by
    putting it all back."""
    shown = (seen or {}).get(entity, {})
    return _removed(tuple(records.remove_row(session, entity, row_id, shown.get(row_id)) for row_id in ids))


def put_back(session: Session, removals: tuple[records.Removal, ...]) -> Changes:
    """Rows removed, back under their ids with what went with them, at the versions they had; undone by
    removing them again, if no one has changed them since."""
    for removal in removals:
        records.restore(session, removal)
    rows = _rows_of(removals, lambda values: values.get("version"))
    entity = removals[0].row[0] if removals else ""
    again = {removal.row[1]["id"]: removal.row[1].get("version") for removal in removals}
    return Changes(rows, undo=(Step(remove, (entity, tuple(again)), {entity: again}),))


def _removed(removals: tuple[records.Removal, ...]) -> Changes:
    if not removals:
        return Changes()
    return Changes(_rows_of(removals, lambda values: None), undo=(Step(put_back, (removals,)),))


def _rows_of(removals: tuple[records.Removal, ...], version) -> dict[str, dict[int, int | None]]:
    """The rows removals took (each at `version(values)`) and those whose link to them was cleared (at a
    version not known here); rows without an id of their own by kind only."""
    rows: dict[str, dict[int, int | None]] = {}
    for table, values in (row for removal in removals for row in removal.deleted):
        rows.setdefault(table, {}).update({values["id"]: version(values)} if "id" in values else {})
    for table, key, _column, _value in (link for removal in removals for link in removal.unlinked):
        rows.setdefault(table, {}).update({key["id"]: None} if "id" in key else {})
    return rows


def cast(session: Session, character_id: int, performer_id: int, seen_version: int | None = None) -> Changes:
    """A performer cast in a role: a new deal, replacing the last performer's (`seen_version`: that deal as
    shown). Undone by removing the new deal, if no one has changed it since, and putting the old one back."""
    result = casting.cast_role(session, character_id, performer_id, seen_version)
    if result.added_deal_id is None:
        return Changes()
    added = _added(session, "cast_assignment", result.added_deal_id)
    return added if result.replaced is None else _removed((result.replaced,)).then(added)


# A show's two scripts


def pair_scene(
    session: Session, production_id: int, scene_id: int, original_id: int | None, swap: bool = False
) -> Changes:
    """A shooting scene paired by hand with an original scene, or with none; the scene that original was
    paired with left unpaired, or with `swap` given the first scene's original; undone by putting the rows
    it touched back as they were."""
    from studio.scripts.pairing import pair_by_hand

    before, now = pair_by_hand(session, production_id, scene_id, original_id, swap)
    return _pairings(production_id, before, now).then(_names_proposed(session, production_id))


def confirm_pairing(
    session: Session, production_id: int, adaptation_id: int, seen_version: int | None = None
) -> Changes:
    """A pairing confirmed, and the names' map proposed again from the sure pairs, now one more; one undo
    step for both."""
    fields = edits.set_fields(session, "scene_adaptation", adaptation_id, {"confirmed": True}, seen_version)
    return edited(fields).then(_names_proposed(session, production_id)) if fields else Changes()


def _names_proposed(session: Session, production_id: int) -> Changes:
    """Each match the names' map now makes sure given as a Chinese name, undone as an edit is."""
    from studio.scripts.pairing import propose_names

    fields = []

    def give(kind: str, row_id: int, name_zh: str) -> None:
        fields.extend(edits.set_fields(session, kind, row_id, {"name_zh": name_zh}))

    propose_names(session, production_id, give)
    return edited(fields)


def put_pairings(session: Session, production_id: int, rows: tuple[dict, ...], replacing: tuple[int, ...]) -> Changes:
    from studio.scripts import pairing

    taken = pairing.put_pairings(session, production_id, rows, replacing)
    return _pairings(production_id, taken, [row["id"] for row in rows])


def _pairings(production_id: int, before: list[dict], now: list[int]) -> Changes:
    touched = {row["id"]: None for row in before} | dict.fromkeys(now)
    return Changes(
        {"scene_adaptation": touched}, undo=(Step(put_pairings, (production_id, tuple(before), tuple(now))),)
    )


# The breakdown


def tag(session: Session, scene_id: int, category_id: int, name: str) -> Changes:
    """An element tagged in a scene (made if the category has none of that name); undone by untagging."""
    return _tagged(breakdown.tag_scene(session, scene_id, category_id, name))


def untag(session: Session, made: breakdown.Tag, seen: Rows | None = None) -> Changes:
    """A tag taken out, with the element it made if nothing else uses it (from the version `seen` gives
    it: an element someone else has saved since stays, ChangedElsewhere); undone by tagging again."""
    if seen is not None:
        made = replace(made, element_version=seen["breakdown_element"][made.element_id])
    breakdown.untag_scene(session, made)
    return Changes(_tag_rows(made), undo=(Step(retag, (made,)),))


def remove_tag(session: Session, scene_id: int, element_id: int) -> Changes:
    """An element taken out of a scene (it stays for other scenes); undone by tagging it again."""
    removed = breakdown.remove_tag(session, scene_id, element_id)
    return Changes(_tag_rows(removed), undo=(Step(retag, (removed,)),))


def retag(session: Session, made: breakdown.Tag) -> Changes:
    return _tagged(breakdown.retag_scene(session, made))


def _tagged(made: breakdown.Tag) -> Changes:
    rows = _tag_rows(made)
    seen = {"breakdown_element": rows["breakdown_element"]} if made.created_element else None
    return Changes(rows, undo=(Step(untag, (made,), seen),))


def _tag_rows(made: breakdown.Tag) -> dict[str, dict[int, int | None]]:
    rows: dict[str, dict[int, int | None]] = {"scene_element": {}}  # a scene's tags have no id of their own
    if made.created_element:
        rows["breakdown_element"] = {made.element_id: made.element_version}
    return rows


# The stripboard: strips' versions as `seen` = {"strip": {id: version}}


def move_strips(
    session: Session,
    production_id: int,
    strip_ids: list[int],
    day_id: int | None,
    position: int,
    seen: Rows | None = None,
) -> Changes:
    """Strips moved on the board (or to the boneyard) from the versions the board showed; undone by
    putting each back where it was, if no one has moved it since."""
    moved = strips.move_strips(session, production_id, strip_ids, day_id, position, _strip_versions(seen))
    return _placed(production_id, moved)


def place_all(session: Session, production_id: int, placement: dict, seen: Rows | None = None) -> Changes:
    """A whole schedule (optimized, or days sorted) made from the board as shown."""
    return _placed(production_id, strips.place_all(session, production_id, placement, _strip_versions(seen)))


def place_optimized(
    session: Session, production_id: int, placement: dict, meals: tuple, seen: Rows | None = None
) -> Changes:
    """The optimizer's schedule made from the board as shown, and the typed meals it moved with their
    days' calls (studio.schedule.meals)."""
    return combined([place_all(session, production_id, placement, seen), edited(store_meals(session, meals))])


def store_meals(session: Session, moves: tuple[MealMove, ...]) -> list[FieldChange]:
    """Typed meals the optimizer moved with their days' calls written on the days' call sheets, each only
    while its sheet still names the meal it moved and no crew call (ChangedElsewhere: typed meanwhile)."""
    changes = []
    for move in moves:
        sheet = session.get(CallSheet, call_sheet_id(session, move.day_id))
        if minutes_of(getattr(sheet, move.meal)) != move.was or sheet.crew_call is not None:
            raise changed_elsewhere()
        changes.append(edits.set_field(session, "call_sheet", sheet.id, move.meal, move.time))
    return changes


def place_strips(
    session: Session, production_id: int, placements: tuple[Placement, ...], seen: Rows | None = None
) -> Changes:
    """Strips put back where a move found them (undo, redo), each only from the version `seen` gives it."""
    versions = _strip_versions(seen) or {}
    placements = tuple(replace(p, version=versions.get(p.strip_id, p.version)) for p in placements)
    return _placed(production_id, strips.apply_placements(session, production_id, list(placements)))


def _placed(production_id: int, previous: list[Placement]) -> Changes:
    if not previous:
        return Changes()
    left = {"strip": {placement.strip_id: placement.version for placement in previous}}
    return Changes(left, undo=(Step(place_strips, (production_id, tuple(previous)), left),))


def lock_strips(session: Session, strip_ids: tuple[int, ...], locked: bool, seen: Rows | None = None) -> Changes:
    """Strips locked where they are (or unlocked), from the versions the board showed; undone from the
    versions this left."""
    changed = strips.set_locked(session, list(strip_ids), locked, _strip_versions(seen))
    if not changed:
        return Changes()
    left = {"strip": changed}
    return Changes(left, undo=(Step(lock_strips, (tuple(changed), not locked), left),))


def apply_replan(session: Session, production_id: int, plan: Replan) -> Changes:
    """A re-plan worked out beforehand (studio.day_reports.replan.preview_replan) stored as one step: the
    shoot days it needed added, the unshot scenes unlocked and every strip where it says, the reported
    days' shot scenes locked there, the typed meals moved with their days' calls; undone in the reverse
    order."""
    from studio.day_reports.replan import stored_layout  # here: the optimizer's modules only when re-planning

    existing = set(session.exec(select(ShootDay.id).where(ShootDay.production_id == production_id)))
    layout = stored_layout(session, production_id, plan)
    new_days = sorted(set(session.exec(select(ShootDay.id).where(ShootDay.production_id == production_id))) - existing)
    return combined(
        [
            *(_added(session, "shoot_day", day_id) for day_id in new_days),
            lock_strips(session, tuple(plan.unshot), False),
            place_all(session, production_id, layout),
            lock_strips(session, tuple(plan.shot), True),
            edited(store_meals(session, plan.meals)),
        ]
    )


def add_banner(session: Session, production_id: int, day_id: int | None, position: int, text: str) -> Changes:
    """A banner (LUNCH, COMPANY MOVE) on the board; undone by removing it, if no one has changed it since."""
    return _added(session, "strip", strips.add_banner(session, production_id, day_id, position, text))


def _strip_versions(seen: Rows | None) -> dict[int, int] | None:
    if seen is None:
        return None
    return {strip_id: version for strip_id, version in seen.get("strip", {}).items() if version is not None}


# Productions


def create_production(session: Session, details: ProductionDetails, production_id: int | None = None) -> Changes:
    """A new production (or one made again under its id: redo); undone by deleting it, if no one has
    changed its details since."""
    production = productions.create_production(session, details, production_id)
    left = {"production": {production.id: production.version}}
    return Changes(left, undo=(Step(delete_production, (production.id,), left),))


def delete_production(session: Session, production_id: int, seen: Rows | None = None) -> Changes:
    """A production and all it holds, from the version `seen` gives it; undone by making it again."""
    production = session.get(Production, production_id)
    version = (seen or {}).get("production", {}).get(production_id)
    if production is None or version not in (None, production.version):
        raise changed_elsewhere()
    details = ProductionDetails.of(production)
    productions.delete_production(session, production_id)
    session.expire_all()
    return Changes({"production": {production_id: None}}, undo=(Step(create_production, (details, production_id)),))


# What follows a change


def schedule_lines_plan(session: Session, production_id: int) -> LinkPlan:
    """What the schedule changes in the budget's stored linked lines and globals (only read: the whole
    board is worked out, which may take a second on a long one)."""
    return apply_links(load_inputs(session, production_id), schedule_links(session, production_id))


def store_schedule_lines(session: Session, production_id: int, plan: LinkPlan | None = None) -> Changes:
    """What the schedule changed in the budget's linked lines and globals (`plan`, else worked out now),
    stored; not a step of its own to undo: undoing the schedule's change is followed in turn."""
    stored = store_plan(
        session, production_id, plan if plan is not None else schedule_lines_plan(session, production_id)
    )
    if not stored:
        return Changes()
    return Changes({"budget_line": {}, "budget_global": {}}, notes=tuple(str(change) for change in stored))
