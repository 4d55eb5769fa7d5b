"""No save lost between several people: clients in processes of their own, each with its own
connections, save the same budget line and drag the same strip, on a real PostgreSQL server and on
one SQLite file.

The clients are sequenced by a barrier, never by sleeps: in every round all of them read what they
will save from (as a view would, or inside the saving transaction, the row object kept or dropped),
wait for each other, then save. So every round is a race that only one save may win, however fast
or slow the machine.

What "no lost update" means here:
- budget line: each client appends its mark to the line's notes as it read them, carrying the version
  it read. Every accepted mark must be in the notes at the end (a save made from notes another save
  had already replaced would drop that save's mark), and the line's version must have risen by exactly
  the number of accepted saves (no save went in without the check).
- strip: each client moves the strip from where its board (the strip's row as read) showed it,
  carrying the version read. Every accepted move must find the strip where the mover saw it (the
  placement it replaced, as the database had it under lock) and no two accepted moves may have been
  made from the same version.

CLIFFHANGER_AUDIT_SAVES=1000 gives each client the audit's 1,000 saves (the default is a short run).
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections import Counter

import pytest
from sqlalchemy import text
from sqlmodel import select

from studio import operations
from studio.changes import remember, run_steps
from studio.edits import FieldChange, put_back, set_field, set_fields
from studio.errors import ChangedElsewhere
from studio.models import (
    BreakdownCategory,
    BreakdownElement,
    BudgetLine,
    CastAssignment,
    CrewMember,
    Performer,
    Scene,
    SceneElement,
    ShootDay,
    Strip,
)
from studio.records import remove_row
from studio.schedule.board_loading import load_board
from studio.schedule.strips import apply_placements, move_strips, set_locked
from studio.storage.db import open_database

CLIENTS = 4
SAVES = int(os.environ.get("CLIFFHANGER_AUDIT_SAVES", "24"))
WAIT = 120  # seconds a client waits at the barrier before the test is taken to be stuck (a broken run)
# How a client reads what it saves from: in a transaction of its own before saving (a view), or in the
# saving transaction, the row object kept ("held") or dropped ("dropped") before the save.
READS = ("view", "held", "dropped")


@pytest.fixture(params=["postgresql", "sqlite"])
def shared(request, demo_path):
    """The URL of the demo on the test server, or of the demo file, for several processes to open."""
    if request.param == "sqlite":
        return str(demo_path)
    return request.getfixturevalue("server_demo")


def reads_for(url: str) -> tuple[str, ...]:
    # SQLite's writer holds the whole file from its first statement: a reader waiting at the barrier
    # inside a saving transaction would keep the others from theirs, so there the reads are views.
    return READS if url.startswith("postgresql") else ("view",)


def run_clients(target, url: str, *arguments) -> list[dict]:
    # Processes of their own, started by a server process that has imported the app once (a fresh
    # interpreter for each client would spend seconds importing it).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    barrier, results = context.Barrier(CLIENTS, timeout=WAIT), context.Queue()
    clients = [
        context.Process(target=target, args=(url, client, SAVES, barrier, results, *arguments))
        for client in range(CLIENTS)
    ]
    for process in clients:
        process.start()
    reports = [results.get(timeout=WAIT * max(1, SAVES)) for _ in clients]
    for process in clients:
        process.join(WAIT)
    failures = [report["error"] for report in reports if "error" in report]
    assert not failures, failures[0]
    return reports


def line_client(url, client, saves, barrier, results, line_id, reads) -> None:
    """Append this client's mark to the line's notes `saves` times, each from what it read."""
    try:
        database = open_database(url)
        accepted, refused = [], 0
        for number in range(saves):
            mark = f"<{client}.{number}>"
            read = reads[number % len(reads)]
            try:
                if read == "view":
                    with database.session() as session:
                        line = session.get(BudgetLine, line_id)
                        notes, seen = line.notes, line.version
                    barrier.wait()
                    with database.transaction() as session:
                        set_fields(session, "budget_line", line_id, {"notes": notes + mark}, seen)
                else:
                    with database.transaction() as session:
                        line = session.get(BudgetLine, line_id)
                        notes, seen = line.notes, line.version
                        if read == "dropped":
                            session.expunge(line)
                            del line
                        barrier.wait()
                        set_fields(session, "budget_line", line_id, {"notes": notes + mark}, seen)
                accepted.append(mark)
            except ChangedElsewhere:
                refused += 1
        database.close()
        results.put({"accepted": accepted, "refused": refused})
    except Exception:
        barrier.abort()
        results.put({"error": traceback.format_exc()})


def strip_client(url, client, saves, barrier, results, strip_id, day_ids, reads) -> None:
    """Move the strip `saves` times, each from where this client last read it to be."""
    try:
        database = open_database(url)
        accepted, refused = [], 0
        for number in range(saves):
            read = reads[number % len(reads)]

            def target(seen, number=number):  # never where it was seen: a move is never a no-op
                if number % 2:  # along its day
                    return seen[0], 1 if seen[3] == 0 else 0
                days = [day for day in day_ids if day != seen[0]]  # to another day
                return days[(client + number) % len(days)], (client + number) % 3

            try:
                if read == "view":
                    with database.session() as session:
                        seen = where(session, strip_id)
                    barrier.wait()
                    with database.transaction() as session:
                        replaced = move_strips(session, 1, [strip_id], *target(seen), {strip_id: seen[2]})
                else:
                    with database.transaction() as session:
                        seen = where(session, strip_id)
                        if read == "dropped":
                            session.expunge(session.get(Strip, strip_id))
                        barrier.wait()
                        replaced = move_strips(session, 1, [strip_id], *target(seen), {strip_id: seen[2]})
                was = [(p.day_id, p.position) for p in replaced if p.strip_id == strip_id]
                accepted.append({"seen": seen, "was": was[0] if was else None})
            except ChangedElsewhere:
                refused += 1
        database.close()
        results.put({"accepted": accepted, "refused": refused})
    except Exception:
        barrier.abort()
        results.put({"error": traceback.format_exc()})


def where(session, strip_id: int) -> tuple[int | None, int, int, int]:
    """Where a board shows the strip: its day, its position (as stored), its version and its place
    among the strips of that day (as `current_placements` orders them)."""
    strip = session.get(Strip, strip_id)
    day = session.exec(
        select(Strip.id)
        .where(Strip.production_id == strip.production_id, Strip.shoot_day_id == strip.shoot_day_id)
        .order_by(Strip.position, Strip.id)
    ).all()
    return strip.shoot_day_id, strip.position, strip.version, day.index(strip_id)


def test_four_clients_saving_one_budget_line_lose_no_save(shared):
    database = open_database(shared)
    with database.session() as session:
        line = session.exec(select(BudgetLine).order_by(BudgetLine.id)).first()
        line_id, start_notes, start_version = line.id, line.notes, line.version
    reports = run_clients(line_client, shared, line_id, reads_for(shared))
    with database.session() as session:
        line = session.get(BudgetLine, line_id)
        notes, version = line.notes, line.version
    database.close()
    accepted = [mark for report in reports for mark in report["accepted"]]
    refused = sum(report["refused"] for report in reports)
    lost = [mark for mark in accepted if mark not in notes]
    print(f"budget line: {len(accepted)} accepted, {refused} refused, {len(lost)} lost")
    assert len(accepted) + refused == CLIENTS * SAVES
    assert lost == []
    assert version == start_version + len(accepted)
    assert notes.startswith(start_notes) and len(notes) == len(start_notes) + sum(map(len, accepted))
    # Every round all four read the same version before any saved: exactly one of them wins it.
    assert len(accepted) == SAVES


def test_four_clients_dragging_one_strip_move_it_only_from_where_it_was(shared):
    database = open_database(shared)
    with database.session() as session:
        strip_id = session.exec(select(Strip.id).where(Strip.production_id == 1).order_by(Strip.id)).first()
        day_ids = session.exec(
            select(ShootDay.id).where(ShootDay.production_id == 1).order_by(ShootDay.shoot_date).limit(4)
        ).all()
        start = where(session, strip_id)
    reports = run_clients(strip_client, shared, strip_id, list(day_ids), reads_for(shared))
    with database.session() as session:
        end = where(session, strip_id)
    database.close()
    accepted = [move for report in reports for move in report["accepted"]]
    refused = sum(report["refused"] for report in reports)
    # A move accepted from a board that no longer showed where the strip was: the placement it
    # replaced (read under the move's lock) is not the one its mover saw.
    stale = [move for move in accepted if move["was"] is not None and tuple(move["was"]) != tuple(move["seen"][:2])]
    from_one_view = [version for version, count in Counter(m["seen"][2] for m in accepted).items() if count > 1]
    print(f"strip: {len(accepted)} accepted, {refused} refused, {len(stale)} from a stale board")
    assert len(accepted) + refused == CLIENTS * SAVES
    assert stale == []
    assert from_one_view == []
    assert sorted(m["seen"][2] for m in accepted) == list(range(start[2], start[2] + len(accepted)))
    assert end[2] == start[2] + len(accepted)
    assert len(accepted) == SAVES


def test_a_move_from_a_board_loaded_before_a_colleagues_move_is_refused(shared):
    """The versions the board carries (as the schedule page passes them) and the page's own moves."""
    mine, theirs = open_database(shared), open_database(shared)
    with mine.session() as session:
        board = load_board(session, 1)
    day_id = board.days[0].id
    strip_id = board.placement[day_id][0]
    neighbour = board.placement[day_id][1]
    with theirs.transaction() as session:  # a colleague moves the strip after our board was loaded
        move_strips(session, 1, [strip_id], day_id, 3, {strip_id: board.strips[strip_id].version})
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:
        move_strips(session, 1, [strip_id], None, 0, {strip_id: board.strips[strip_id].version})
    with mine.session() as session:  # reloaded, as the page does on a refusal
        board = load_board(session, 1)
    with mine.transaction() as session:
        moved = move_strips(session, 1, [neighbour], None, 0, {neighbour: board.strips[neighbour].version})
    # Each strip our move placed is exactly one version newer, so the page keeps its board up to date
    # without a reload and the next drag of any of them is not taken for a colleague's.
    with mine.session() as session:
        for placement in moved:
            assert session.get(Strip, placement.strip_id).version == board.strips[placement.strip_id].version + 1
    mine.close()
    theirs.close()


def test_undo_and_removal_carry_the_version_they_saw(shared):
    database = open_database(shared)
    with database.session() as session:
        line = session.exec(select(BudgetLine).where(BudgetLine.source == "").order_by(BudgetLine.id)).first()
        line_id, seen = line.id, line.version
    with database.transaction() as session:
        change = set_field(session, "budget_line", line_id, "notes", "mine", seen)
    with database.transaction() as session:  # a colleague edits another field of the line
        set_field(session, "budget_line", line_id, "payee", "Someone Else", change.version)
    # Removing the line from the view that showed it before the colleague's save is refused...
    with pytest.raises(ChangedElsewhere), database.transaction() as session:
        remove_row(session, "budget_line", line_id, change.version)
    # ...and undoing our notes, whose field they did not touch, still goes (their payee stays).
    with database.transaction() as session:
        put_back(session, [change], to_new=False)
    with database.session() as session:
        assert session.execute(text(f"SELECT notes, payee FROM budget_line WHERE id = {line_id}")).one() == (
            change.old,
            "Someone Else",
        )
    with pytest.raises(ChangedElsewhere), database.transaction() as session:  # redo of a stale view
        put_back(session, [FieldChange("budget_line", line_id, "payee", "x", "y")], to_new=True)
    database.close()


def test_undoing_or_redoing_a_move_after_a_colleagues_move_is_refused(shared):
    """Undo and redo are made from the versions the move left, not from what they read as they run."""
    mine, theirs = open_database(shared), open_database(shared)
    with mine.session() as session:
        board = load_board(session, 1)
    day_id = board.days[0].id
    strip_id = board.placement[day_id][0]
    with mine.transaction() as session:
        undo = move_strips(session, 1, [strip_id], None, 0, {strip_id: board.strips[strip_id].version})
    with mine.transaction() as session:  # undone and redone while nobody else moved it: both go
        redo = apply_placements(session, 1, undo)
    with mine.transaction() as session:
        undo = apply_placements(session, 1, redo)
    with theirs.session() as session:
        version = session.get(Strip, strip_id).version
    with theirs.transaction() as session:  # a colleague moves it to the end of the first day
        move_strips(session, 1, [strip_id], day_id, 1000, {strip_id: version})
    with theirs.session() as session:
        theirs_placed = where(session, strip_id)
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:
        apply_placements(session, 1, undo)
    with mine.session() as session:
        assert where(session, strip_id) == theirs_placed  # where the colleague put it
    mine.close()
    theirs.close()


def test_locking_strips_from_a_stale_board_or_undoing_a_lock_after_a_colleagues_save_is_refused(shared):
    mine, theirs = open_database(shared), open_database(shared)
    with mine.session() as session:
        board = load_board(session, 1)
    day_id = board.days[0].id
    first, second = board.placement[day_id][:2]
    seen = {s: board.strips[s].version for s in (first, second)}
    with theirs.transaction() as session:  # a colleague gives the first strip a colour
        set_field(session, "strip", first, "color", "#ff0000", seen[first])
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:
        set_locked(session, [first, second], True, seen)
    with mine.session() as session:  # neither locked (one step), the colleague's colour kept
        assert [session.get(Strip, s).locked for s in (first, second)] == [False, False]
        assert session.get(Strip, first).color == "#ff0000"
    with mine.transaction() as session:  # from the second's version as shown: it goes
        locked = set_locked(session, [second], True, {second: seen[second]})
    assert locked == {second: seen[second] + 1}
    with theirs.transaction() as session:  # the colleague colours it after our lock
        set_field(session, "strip", second, "color", "#00ff00", locked[second])
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:  # undo of our lock
        set_locked(session, list(locked), False, locked)
    with mine.session() as session:
        strip = session.get(Strip, second)
        assert (strip.locked, strip.color) == (True, "#00ff00")
    mine.close()
    theirs.close()


def test_removing_from_a_list_shown_before_a_colleagues_save_is_refused(shared):
    mine, theirs = open_database(shared), open_database(shared)
    with mine.session() as session:
        day = session.exec(select(ShootDay).order_by(ShootDay.id)).first()
        day_id, seen = day.id, day.version
    with theirs.transaction() as session:
        set_field(session, "shoot_day", day_id, "notes", "their note", seen)
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:
        set_field(session, "shoot_day", day_id, "kind", "OFF", seen)  # the day-off toggle, as shown
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:
        remove_row(session, "shoot_day", day_id, seen)
    with mine.session() as session:
        day = session.get(ShootDay, day_id)
        assert (day.kind, day.notes) == ("SHOOT", "their note")
    mine.close()
    theirs.close()


def test_undoing_an_add_or_redoing_a_removal_after_a_colleagues_save_is_refused(shared):
    """Undo and redo of rows are made from the versions the step left (or our own later steps did)."""
    mine, theirs = open_database(shared), open_database(shared)
    with mine.transaction() as session:
        added = operations.add(session, "crew_member", {"production_id": 1}, {"name": "New Grip"})
    (crew_id,) = added.ids("crew_member")
    with mine.transaction() as session:  # our own edit since does not stop the undo...
        mine_since = operations.edit(session, "crew_member", crew_id, {"position": "Grip"})
    with theirs.transaction() as session:  # ...a colleague's does
        set_field(session, "crew_member", crew_id, "phone", "+1 646 555 0123")
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:
        run_steps(session, added.undo, mine_since.rows)
    with mine.session() as session:
        assert session.get(CrewMember, crew_id).phone == "+1 646 555 0123"
        seen = session.get(CrewMember, crew_id).version
    with mine.transaction() as session:
        removed = operations.remove(session, "crew_member", (crew_id,), {"crew_member": {crew_id: seen}})
    with mine.transaction() as session:  # undone: back at the version it had
        put_back = run_steps(session, removed.undo, removed.rows)
    assert put_back.version("crew_member", crew_id) == seen
    with theirs.transaction() as session:
        set_field(session, "crew_member", crew_id, "name", "Renamed Elsewhere")
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:  # the redo of the removal
        run_steps(session, put_back.undo, put_back.rows)
    with mine.session() as session:
        assert session.get(CrewMember, crew_id).name == "Renamed Elsewhere"
    mine.close()
    theirs.close()


def test_recasting_from_a_stale_deal_or_undoing_it_after_a_colleague_changed_the_new_deal_is_refused(shared):
    mine, theirs = open_database(shared), open_database(shared)
    with mine.session() as session:
        deal = session.exec(select(CastAssignment).order_by(CastAssignment.id)).first()
        character_id, old_deal, seen = deal.character_id, deal.id, deal.version
        other = session.exec(select(Performer).where(Performer.id != deal.performer_id)).first().id
    with theirs.transaction() as session:
        set_field(session, "cast_assignment", old_deal, "travel_notes", "Flies in Monday", seen)
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:  # the role as shown before
        operations.cast(session, character_id, other, seen)
    with mine.transaction() as session:  # from the deal as it is now
        cast = operations.cast(session, character_id, other, seen + 1)
    (new_deal,) = cast.ids("cast_assignment") - {old_deal}
    with theirs.transaction() as session:
        set_field(session, "cast_assignment", new_deal, "travel_notes", "Their notes")
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:
        run_steps(session, cast.undo, cast.rows)
    with mine.session() as session:  # neither half of the undo went
        assert session.get(CastAssignment, new_deal).travel_notes == "Their notes"
        assert session.get(CastAssignment, old_deal) is None
    mine.close()
    theirs.close()


def test_undoing_a_tag_after_a_colleague_changed_the_element_it_made_is_refused(shared):
    mine, theirs = open_database(shared), open_database(shared)
    with mine.session() as session:
        scene = session.exec(select(Scene).order_by(Scene.id)).first().id
        props = session.exec(select(BreakdownCategory).where(BreakdownCategory.key == "props")).first().id
    with mine.transaction() as session:
        tagged = operations.tag(session, scene, props, "Coin jar")
    (element_id,) = tagged.ids("breakdown_element")
    with theirs.transaction() as session:
        set_field(session, "breakdown_element", element_id, "name_zh", "存钱罐")
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:
        run_steps(session, tagged.undo, tagged.rows)
    with mine.session() as session:
        assert session.get(BreakdownElement, element_id).name_zh == "存钱罐"
        assert session.get(SceneElement, (scene, element_id)) is not None
    mine.close()
    theirs.close()


def test_an_edits_undo_that_kept_a_colleagues_save_does_not_make_their_change_ours(shared):
    """An edit's undo looks only at its fields and keeps a colleague's save of another: the row is then
    theirs too, and an undo made from our versions of it (removing the row we added) is refused."""
    mine, theirs = open_database(shared), open_database(shared)
    ours: dict = {}  # the versions our own changes left, as the window keeps them
    with mine.transaction() as session:
        added = operations.add(session, "crew_member", {"production_id": 1}, {"name": "New Grip"})
    remember(ours, added)
    (crew_id,) = added.ids("crew_member")
    with mine.transaction() as session:
        edited = operations.edit(session, "crew_member", crew_id, {"position": "Grip"}, ours["crew_member"][crew_id])
    remember(ours, edited)
    with theirs.transaction() as session:
        set_field(session, "crew_member", crew_id, "phone", "+1 646 555 0123")
    with mine.transaction() as session:  # our position goes back, their phone stays
        remember(ours, run_steps(session, edited.undo, ours))
    with pytest.raises(ChangedElsewhere), mine.transaction() as session:
        run_steps(session, added.undo, ours)
    with mine.session() as session:
        member = session.get(CrewMember, crew_id)
        assert (member.position, member.phone) == ("", "+1 646 555 0123")
    mine.close()
    theirs.close()
