"""The window's writes (studio.operations): each returns what it changed and what undoes it, and undoing
returns what redoes it, on the demo file."""

from __future__ import annotations

from sqlmodel import select

from studio import operations
from studio.changes import Changes, run_steps
from studio.models import Availability, BreakdownCategory, CastAssignment, Performer, Production, Scene, Strip
from studio.productions import ProductionDetails, list_productions
from studio.schedule.board_loading import load_board


def undo(database, changes: Changes, left=None) -> Changes:
    with database.transaction() as session:
        return run_steps(session, changes.undo, left)


def test_an_edit_names_its_row_and_fields_and_undo_and_redo_put_them_back(demo):
    with demo.transaction() as session:
        performer = session.exec(select(Performer).order_by(Performer.id)).first()
        performer_id, name = performer.id, performer.legal_name
        values = {"legal_name": "Ava Chen", "notes": performer.notes}
        edit = operations.edit(session, "performer", performer_id, values, performer.version)
    assert [(f.field, f.new) for f in edit.fields] == [("legal_name", "Ava Chen")]  # what changed
    assert edit.kinds == {"performer"} and edit.only_edits
    with demo.session() as session:
        assert edit.version("performer", performer_id) == session.get(Performer, performer_id).version
    redo = undo(demo, edit)
    with demo.session() as session:
        assert session.get(Performer, performer_id).legal_name == name
    undo(demo, redo)
    with demo.session() as session:
        assert session.get(Performer, performer_id).legal_name == "Ava Chen"


def test_an_added_row_is_removed_by_undo_and_a_removal_put_back_with_all_it_took(demo):
    with demo.transaction() as session:
        added = operations.add(session, "performer", {"production_id": 1}, {"legal_name": "Ava Chen"})
    (performer_id,) = added.ids("performer")
    assert not added.only_edits
    with demo.transaction() as session:
        dates = {"start_date": "2027-01-12", "end_date": "2027-01-13"}
        operations.add(session, "availability", {"performer_id": performer_id}, dates)
    with demo.transaction() as session:
        removed = operations.remove(session, "performer", (performer_id,), added.rows)
    assert removed.rows["performer"] == {performer_id: None} and "availability" in removed.kinds
    put_back = undo(demo, removed)
    with demo.session() as session:
        assert session.get(Performer, performer_id).legal_name == "Ava Chen"
        assert session.exec(select(Availability).where(Availability.performer_id == performer_id)).first()
    undo(demo, put_back)  # the removal again
    with demo.session() as session:
        assert session.get(Performer, performer_id) is None


def test_steps_made_as_one_are_undone_as_one_in_reverse_order_from_the_versions_each_leaves(demo):
    with demo.transaction() as session:
        first = operations.add(session, "performer", {"production_id": 1}, {"legal_name": "Ava Chen"})
        (performer_id,) = first.ids("performer")
        second = operations.edit(session, "performer", performer_id, {"phone": "+1 646 555 0123"})
    both = first.then(second)
    assert both.version("performer", performer_id) == second.version("performer", performer_id)
    redo = undo(demo, both)  # the edit is undone first, then the row removed from the version that left
    with demo.session() as session:
        assert session.get(Performer, performer_id) is None
    undo(demo, redo)
    with demo.session() as session:
        assert session.get(Performer, performer_id).phone == "+1 646 555 0123"


def test_casting_replaces_a_deal_and_undo_brings_the_old_one_back(demo):
    with demo.session() as session:
        deal = session.exec(select(CastAssignment).order_by(CastAssignment.id)).first()
        character_id, old_deal, old_performer = deal.character_id, deal.id, deal.performer_id
        other = session.exec(select(Performer).where(Performer.id != old_performer)).first().id
    with demo.transaction() as session:
        cast = operations.cast(session, character_id, other, deal.version)
    assert cast.rows["cast_assignment"][old_deal] is None
    (new_deal,) = cast.ids("cast_assignment") - {old_deal}
    redo = undo(demo, cast)
    with demo.session() as session:
        assert session.get(CastAssignment, old_deal).performer_id == old_performer
        assert session.get(CastAssignment, new_deal) is None
    undo(demo, redo)
    with demo.session() as session:
        assert session.get(CastAssignment, new_deal).performer_id == other
        assert session.get(CastAssignment, old_deal) is None


def test_a_tag_and_a_move_and_a_lock_undo_and_redo(demo):
    with demo.session() as session:
        scene = session.exec(select(Scene).order_by(Scene.id)).first().id
        props = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "props")).first().id
        board = load_board(session, 1)
    with demo.transaction() as session:
        tagged = operations.tag(session, scene, props, "Coin jar")
    assert tagged.kinds == {"scene_element", "breakdown_element"}
    redo = undo(demo, tagged)
    undo(demo, redo)
    day = board.days[0].id
    strip_id = board.placement[day][0]
    with demo.transaction() as session:
        moved = operations.move_strips(
            session, 1, [strip_id], None, 0, {"strip": {strip_id: board.strips[strip_id].version}}
        )
        locked = operations.lock_strips(session, (strip_id,), True, moved.rows)
    assert moved.version("strip", strip_id) == board.strips[strip_id].version + 1
    assert locked.version("strip", strip_id) == board.strips[strip_id].version + 2
    unlocked = undo(demo, locked)
    undo(demo, moved, unlocked.rows)  # from the version our own undo of the lock left
    with demo.session() as session:
        strip = session.get(Strip, strip_id)
        assert (strip.shoot_day_id, strip.locked) == (day, False)


def test_a_production_made_is_deleted_by_undo_and_made_again_under_its_id(demo):
    with demo.transaction() as session:
        made = operations.create_production(session, ProductionDetails("Second Series"))
    (production_id,) = made.ids("production")
    redo = undo(demo, made)
    assert redo.rows["production"] == {production_id: None}
    undo(demo, redo)
    with demo.session() as session:
        assert [p.id for p in list_productions(session)][-1] == production_id
        assert session.get(Production, production_id).title == "Second Series"


def test_what_the_schedule_changed_in_the_budget_is_stored_and_said(demo):
    with demo.session() as session:
        board = load_board(session, 1)
    last = board.days[-1].id
    with demo.transaction() as session:
        operations.place_all(session, 1, {None: board.placement[last]})
        stored = operations.store_schedule_lines(session, 1)
    assert stored.notes and {"budget_line", "budget_global"} <= stored.kinds and not stored.undo
    with demo.transaction() as session:
        assert not operations.store_schedule_lines(session, 1)  # nothing more to store
