"""Travel, rehearsal and fitting days: entered (one per performer and date, checked like every edit) and
counted in Day Out of Days (T, R, F, paid) and in the schedule's cost."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import select

from studio.edits import set_field
from studio.errors import InvalidInput
from studio.listings import performer_day_rows
from studio.models import Performer
from studio.records import add_row, remove_row, restore
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, CastMember, Day, Limits, StripCard
from studio.schedule.board_loading import load_board
from studio.schedule.dood import day_out_of_days

D = dt.date
MONDAY = D(2027, 1, 11)


def board_with(worked: list[int], calls: dict[dt.date, str], drop_gap_days: int = 10) -> Board:
    """One performer on five consecutive shoot days from Monday 11 January 2027, working on the days
    numbered in `worked` (0-based), with their calls."""
    days = [Day(100 + i, i + 1, MONDAY + dt.timedelta(days=i), 1) for i in range(5)]
    strips = {i + 1: StripCard(i + 1, i + 1, str(i + 1), cast=(7,), eighths=8, minutes=60) for i in worked}
    placement = {day.id: [] for day in days} | {None: []}
    for i in worked:
        placement[100 + i].append(i + 1)
    cast = {7: CastMember(7, "Lin Wei", (1,), Decimal(500), calls=dict(calls))}
    limits = Limits(200, 720, 60, Decimal(400), drop_gap_days)
    return Board(1, "USD", days, strips, placement, cast, {}, limits)


def test_a_travel_day_before_day_one_is_its_own_column():
    board = board_with([0, 1, 2], {D(2027, 1, 10): "TRAVEL"})
    dood = day_out_of_days(board)
    assert dood.dates[0] == D(2027, 1, 10) and dood.dates[1:] == [day.date for day in board.days]
    assert D(2027, 1, 10) not in dood.shooting and MONDAY in dood.shooting
    row = dood.rows[0]
    assert row.codes == ["T", "SW", "W", "WF", "", ""]
    assert (row.work, row.hold, row.travel, row.paid) == (3, 0, 1, 4)
    assert (row.first, row.last) == (MONDAY, D(2027, 1, 13))  # work days only
    assert row.to_json()["travel"] == 1 and row.to_json()["paid"] == 4


def test_a_rehearsal_on_a_hold_day_is_r_and_still_paid():
    board = board_with([0, 3], {D(2027, 1, 12): "REHEARSAL", D(2027, 1, 16): "FITTING"})
    row = day_out_of_days(board).rows[0]
    assert row.codes == ["SW", "R", "H", "WF", "", "F"]
    assert (row.work, row.hold, row.rehearsal, row.fitting, row.paid) == (2, 1, 1, 1, 5)


def test_work_wins_over_a_call_the_same_day_and_calls_fill_every_column():
    rehearsal_on_a_work_day = board_with([0, 1], {MONDAY: "REHEARSAL"})
    assert day_out_of_days(rehearsal_on_a_work_day).rows[0].codes == ["SW", "WF", "", "", ""]
    never_works = board_with([], {D(2027, 1, 8): "FITTING", D(2027, 1, 13): "TRAVEL"})
    row = day_out_of_days(never_works).rows[0]
    assert row.codes == ["F", "", "", "T", "", ""] and row.paid == 2 and row.first is None


def test_a_call_on_the_first_dropped_day_moves_the_drop_to_the_next_free_day():
    board = board_with([0, 4], {D(2027, 1, 12): "FITTING"}, drop_gap_days=3)
    row = day_out_of_days(board).rows[0]
    assert row.codes == ["SW", "F", "D", "", "WF"]
    assert (row.work, row.hold, row.fitting, row.drops, row.paid) == (2, 0, 1, 1, 3)


def test_a_day_off_column_holds_no_one():
    """A date that is no shoot date (a Sunday someone travels) never puts another performer on hold."""
    board = board_with([0, 4], {})
    other = CastMember(8, "Zhao Min", (2,), Decimal(300), calls={D(2027, 1, 17): "TRAVEL"})
    board.cast[8] = other
    board.days = board.days[:4] + [Day(104, 5, D(2027, 1, 18), 1)]  # Fri 15 → Mon 18
    dood = day_out_of_days(board)
    assert dood.dates[-2:] == [D(2027, 1, 17), D(2027, 1, 18)]
    lin, zhao = dood.rows
    assert lin.codes == ["SW", "H", "H", "H", "", "WF"] and lin.paid == 5
    assert zhao.codes == ["", "", "", "", "T", ""] and zhao.paid == 1


def performer(session, name: str) -> Performer:
    return session.exec(select(Performer).where(Performer.legal_name == name)).one()


def test_entered_days_show_in_the_dood_and_cost_and_one_date_each(demo):
    """Each operation in its own transaction, as the app runs them: a refused one changes nothing."""
    with demo.session() as session:
        before = BoardAnalysis(load_board(session, 1)).cost
        hayes = performer(session, "Daniel Hayes").id
    with demo.transaction() as session:
        add_row(session, "performer_day", {"performer_id": hayes}, {"day": "2027-01-10", "notes": "LAX"})
        fitting = add_row(session, "performer_day", {"performer_id": hayes}, {"day": D(2027, 1, 5), "kind": "fitting"})
    refused = [
        (
            lambda s: add_row(s, "performer_day", {"performer_id": hayes}, {"day": "2027-01-10", "kind": "REHEARSAL"}),
            "on 2027-01-10",
        ),
        (lambda s: set_field(s, "performer_day", fitting, "day", "2027-01-10"), "already called on 2027-01-10"),
        (lambda s: set_field(s, "performer_day", fitting, "kind", "LUNCH"), "travel, rehearsal or fitting"),
        (lambda s: set_field(s, "performer_day", fitting, "day", "1999-12-31"), "2000–2100"),
    ]
    for operation, message in refused:
        with pytest.raises(InvalidInput, match=message), demo.transaction() as session:
            operation(session)
    with demo.transaction() as session:
        assert set_field(session, "performer_day", fitting, "day", "2027-01-06").new == D(2027, 1, 6)
    with demo.session() as session:
        rows = performer_day_rows(session, hayes)
        board = load_board(session, 1)
    assert [(row["day"], row["kind"], row["notes"]) for row in rows] == [
        (D(2027, 1, 6), "FITTING", ""),
        (D(2027, 1, 10), "TRAVEL", "LAX"),
    ]
    dood = day_out_of_days(board)
    assert dood.dates[:2] == [D(2027, 1, 6), D(2027, 1, 10)] and len(dood.dates) == 11
    lead = next(row for row in dood.rows if row.name == "Daniel Hayes")
    assert lead.codes[:3] == ["F", "T", "SW"] and (lead.travel, lead.fitting, lead.paid) == (1, 1, 11)
    assert all(row.codes[:2] == ["", ""] for row in dood.rows if row is not lead)
    cost = BoardAnalysis(board).cost
    assert cost.cast == sum(board.cast[row.performer_id].day_cost * row.paid for row in dood.rows)
    assert cost.cast - before.cast == 2 * board.cast[lead.performer_id].day_cost


def test_a_travel_day_on_a_shoot_day_is_a_conflict_and_removal_is_undoable(demo):
    with demo.transaction() as session:
        hayes = performer(session, "Daniel Hayes")
        entry = add_row(session, "performer_day", {"performer_id": hayes.id}, {"day": "2027-01-12"})
    with demo.session() as session:
        board = load_board(session, 1)
    assert any(c.kind == "cast_unavailable" and "Daniel Hayes" in c.message for c in BoardAnalysis(board).conflicts)
    with demo.transaction() as session:
        removal = remove_row(session, "performer_day", entry)
        assert performer_day_rows(session, hayes.id) == []
        restore(session, removal)
        assert [row["id"] for row in performer_day_rows(session, hayes.id)] == [entry]
