"""The board's analysis (studio.schedule.analysis): what the stripboard, the page, the optimizer and the
exports read, worked out on small boards whose figures can be counted by hand, and on the demo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, CastMember, Day, Limits, Place, StripCard
from studio.schedule.board_loading import load_board
from studio.schedule.timeline import clock

D = dt.date


def two_day_board() -> Board:
    """Day 1: scenes at A, B, A (two moves) with the lead; day 2: one scene at B; one scene waits in the
    boneyard. A costs 100 a day, B 30; the lead 500 a day; a move 40 and 60 minutes."""
    days = [Day(10, 1, D(2027, 3, 1), 1), Day(11, 2, D(2027, 3, 3), 1)]
    scenes = {
        1: ("1", 1, (7,), 8, 60),
        2: ("2", 2, (), 4, 45),
        3: ("3", 1, (7,), 12, 90),
        4: ("4", 2, (), 6, 30),
        5: ("5", 1, (7,), 3, 20),
    }
    strips = {
        strip_id: StripCard(
            strip_id,
            strip_id,
            number,
            location_id=location,
            set_name=f"set {location}",
            int_ext="INT",
            time_of_day="DAY",
            cast=cast,
            eighths=eighths,
            minutes=minutes,
            sort_order=strip_id,
        )
        for strip_id, (number, location, cast, eighths, minutes) in scenes.items()
    }
    strips[6] = StripCard(6, None, banner="LUNCH")
    cast = {7: CastMember(7, "Lead", (1,), Decimal(500))}
    places = {1: Place(1, "A", Decimal(100)), 2: Place(2, "B", Decimal(30))}
    limits = Limits(16, 600, 60, Decimal(40), 10)
    layout = {10: [1, 6, 2, 3], 11: [4], None: [5]}
    return Board(1, "USD", days, strips, layout, cast, places, limits)


def test_each_day_and_the_boneyard_add_up_as_counted_by_hand():
    analysis = BoardAnalysis(two_day_board())
    first, second, boneyard = analysis.totals[10], analysis.totals[11], analysis.totals[None]
    assert (first.scenes, first.eighths, first.moves, first.sets) == (3, 24, 2, 2)  # the banner is no scene
    assert first.minutes == 60 + 45 + 90 + 2 * 60 and first.locations == {1, 2}
    assert (second.scenes, second.eighths, second.moves, second.locations) == (1, 6, 0, {2})
    assert (boneyard.scenes, boneyard.eighths) == (1, 3)


def test_the_cost_is_paid_days_rates_fees_and_moves():
    cost = BoardAnalysis(two_day_board()).cost
    # The lead works day 1 only (day 2 has no scene of theirs): one day paid.
    assert cost.cast == Decimal(500) and cost.cast_work_days == 1 and cost.cast_hold_days == 0
    assert cost.locations == Decimal(100 + 30 + 30) and cost.location_days == 3
    assert cost.moves == Decimal(80) and cost.company_moves == 2
    assert cost.scheduled_scenes == 4 and cost.total == Decimal(500 + 160 + 80)


def test_a_lead_held_between_two_work_days_is_paid_for_the_hold():
    board = two_day_board()
    board = board.moved([5], 11, 0)  # the lead's boneyard scene onto day 2: worked both days
    analysis = BoardAnalysis(board)
    lead = analysis.dood.rows[0]
    assert lead.codes == ["SW", "WF"] and lead.paid == 2
    assert analysis.cost.cast == Decimal(1000) and analysis.cost.scheduled_scenes == 5


def test_conflicts_are_counted_per_day_and_name_the_strips_they_flag():
    analysis = BoardAnalysis(two_day_board())
    # Day 1 holds 24 eighths against a limit of 16: over its pages, every scene of the day flagged.
    assert [(c.kind, c.day_id) for c in analysis.conflicts] == [("over_pages", 10)]
    assert analysis.conflicts_by_day == {10: 1}
    assert analysis.conflicted == {1, 2, 3}


def test_a_day_over_its_hours_names_the_clock_its_day_break_shows(demo):
    with demo.session() as session:
        board = load_board(session, 1)
    crowded = board.moved([s for ids in board.placement.values() for s in ids][:120], board.days[0].id, 0)
    analysis = BoardAnalysis(crowded)
    day = crowded.days[0]
    times = analysis.times[day.id]
    over = next(c for c in analysis.conflicts if c.kind == "over_hours" and c.day_id == day.id)
    assert f"({clock(times.call)})" in over.message and f"({clock(times.wrap)})" in over.message
    assert analysis.conflicts_by_day[day.id] == sum(1 for c in analysis.conflicts if c.day_id == day.id)


def everything(analysis: BoardAnalysis) -> tuple:
    return (analysis.totals, analysis.times, analysis.conflicts, analysis.dood, analysis.cost)


def test_an_analysis_after_a_drag_works_out_again_only_the_days_it_changed(demo):
    with demo.session() as session:
        board = load_board(session, 1)
    earlier = BoardAnalysis(board)
    everything(earlier)
    first, third = board.days[0].id, board.days[2].id
    for strip_ids, day_id, position in (([board.placement[first][0]], third, 4), (board.placement[third][:3], None, 0)):
        moved = board.moved(strip_ids, day_id, position)
        analysis = BoardAnalysis(moved, earlier)
        assert everything(analysis) == everything(BoardAnalysis(moved))  # as if worked out afresh
        left_alone = board.days[1].id
        assert analysis.totals[left_alone] is earlier.totals[left_alone]
        assert analysis.worked[left_alone] is earlier.worked[left_alone]
        assert analysis.totals[third] is not earlier.totals[third]
        board, earlier = moved, analysis


def test_an_analysis_of_another_board_keeps_nothing_of_the_one_before(demo):
    with demo.session() as session:
        board, reloaded = load_board(session, 1), load_board(session, 1)
    earlier = BoardAnalysis(board)
    everything(earlier)
    day = board.days[1].id
    assert BoardAnalysis(reloaded, earlier).totals[day] is not earlier.totals[day]
    lazy = BoardAnalysis(board.moved([board.placement[day][0]], None, 0), BoardAnalysis(board))
    assert everything(lazy) == everything(BoardAnalysis(lazy.board))  # the one before had worked nothing out
