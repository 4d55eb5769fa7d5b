"""The stripboard driven as a producer would: drag, lock, boneyard, filter, optimize; every move undoable."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from studio.money import Money
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.meals import MealMove
from studio.schedule.optimizer import Progress, optimize
from tests.ui.driving import last_refusal, query
from ui.i18n import money_text
from ui.optimize_dialog import OptimizeDialog, result_text
from ui.stripboard import MIME

WORK = 1.0  # the optimizer's deterministic bound here: the same schedule on any machine, however busy


def bounded_by_work(monkeypatch, work: float = WORK) -> None:
    """The Optimize dialog's search bounded by CP-SAT's deterministic time instead of the seconds it is
    given, so what it finds does not depend on how fast or busy the machine is."""

    def search(board, time_limit, progress=None, cancelled=None):
        return optimize(board, time_limit, progress, cancelled, work=work)

    monkeypatch.setattr("ui.optimize_dialog.optimize", search)


def show_schedule(window):
    window.show_page(window.page_keys.index("schedule"))
    return window.page("schedule")


def strip_row(page, strip_id) -> int:
    return next(r for r, row in enumerate(page.model.rows) if row.kind == "strip" and row.strip.id == strip_id)


def day_row(page, number) -> int:
    return next(r for r, row in enumerate(page.model.rows) if row.kind == "day" and row.day.number == number)


def placed(path, strip_id):
    return query(
        path,
        "select d.day_number, s.position from strip s left join shoot_day d on d.id = s.shoot_day_id where s.id = ?",
        strip_id,
    )[0]


def drag(page, strip_ids, target_row):
    rows = [page.model.index(strip_row(page, s)) for s in strip_ids]
    data = page.model.mimeData(rows)
    assert data.hasFormat(MIME)
    page.model.dropMimeData(data, Qt.DropAction.MoveAction, target_row, 0, page.model.index(-1))


def test_the_board_shows_days_strips_and_their_totals(demo_window):
    page = show_schedule(demo_window)
    days = [row for row in page.model.rows if row.kind == "day"]
    assert len(days) == 9
    assert sum(1 for row in page.model.rows if row.kind == "strip") == 482
    first = page.model.index(0).data()
    assert first.startswith("Day 1 · ") and "pages" in first and "company move" in first
    assert re.fullmatch(
        r"\d\d:\d\d–\d\d:\d\d \(\d+:\d\d h\)", first.split(" · ")[2]
    )  # the clock before a narrow board cuts it
    assert "482 scenes scheduled" in page.summary.text() and "0 conflicts" in page.summary.text()
    labour = BoardAnalysis(page.board).cost.labour  # the cast's overtime, late meals and forced calls
    assert labour > 0 and f"overtime and penalties {money_text(Money(labour, 'USD'))}," in page.summary.text()
    cost = BoardAnalysis(page.board).cost  # each part of the cost shown, the company moves' too: they add up
    assert f"13 company moves {money_text(Money(cost.moves, 'USD'))}" in page.summary.text()
    assert cost.cast + cost.labour + cost.locations + cost.moves == cost.total
    assert page.conflicts.count() == 0  # the demo's hand-made schedule keeps every limit
    assert page.dood.rowCount() == 21 and page.dood.item(0, 1).text() == "Daniel Hayes"
    office = next(
        r for r, row in enumerate(page.model.rows) if row.kind == "strip" and row.strip.set_name.endswith("CEO OFFICE")
    )  # shown by its English set, and both names when pointed at
    assert "STERLING TOWER - CEO OFFICE" in page.model.index(office).data()
    heading, set_zh = page.model.index(office).data(Qt.ItemDataRole.ToolTipRole).split("\n")
    assert heading.startswith("INT. STERLING TOWER - CEO OFFICE") and set_zh == "顾氏集团·总裁办公室"


def test_dragging_a_strip_to_another_day_saves_recomputes_and_undoes(demo_window, demo_path, settle):
    page = show_schedule(demo_window)
    strip = next(row.strip for row in page.model.rows if row.kind == "strip")
    assert placed(demo_path, strip.id)[0] == 1
    day3_pages_before = page.model.rows[day_row(page, 3)].totals.eighths
    drag(page, [strip.id], day_row(page, 3) + 1)  # before the first strip of day 3
    assert placed(demo_path, strip.id) == (3, 0)
    assert page.model.rows[day_row(page, 3)].totals.eighths == day3_pages_before + strip.eighths
    assert page.model.rows[day_row(page, 3) + 1].strip.id == strip.id
    demo_window.undo_action.trigger()
    settle()
    assert placed(demo_path, strip.id)[0] == 1
    demo_window.redo_action.trigger()
    settle()
    assert placed(demo_path, strip.id) == (3, 0)


def test_to_the_boneyard_and_back(demo_window, demo_path, settle):
    page = show_schedule(demo_window)
    strips = [row.strip for row in page.model.rows if row.kind == "strip"][:2]
    for strip in strips:
        page.view.selectionModel().select(
            page.model.index(strip_row(page, strip.id)), page.view.selectionModel().SelectionFlag.Select
        )
    page.to_boneyard()
    assert [placed(demo_path, s.id)[0] for s in strips] == [None, None]
    assert "Boneyard (not scheduled): 2 scenes" in page.model.index(len(page.model.rows) - 3).data()
    assert "480 scenes scheduled" in page.summary.text()
    drag(page, [strips[0].id], day_row(page, 2) + 1)
    assert placed(demo_path, strips[0].id) == (2, 0)


def test_locking_strips_is_undoable(demo_window, demo_path, settle):
    page = show_schedule(demo_window)
    strip = next(row.strip for row in page.model.rows if row.kind == "strip")
    page.view.selectionModel().select(
        page.model.index(strip_row(page, strip.id)), page.view.selectionModel().SelectionFlag.Select
    )
    page.buttons["lockStrips"].trigger()
    assert query(demo_path, "select locked from strip where id = ?", strip.id) == [(1,)]
    settle()
    assert page.board.strips[strip.id].locked
    demo_window.undo_action.trigger()
    assert query(demo_path, "select locked from strip where id = ?", strip.id) == [(0,)]


def test_filters_hide_strips_but_keep_the_day_breaks(demo_window):
    page = show_schedule(demo_window)
    page.search.setText("#3")
    strips = [row.strip for row in page.model.rows if row.kind == "strip"]
    assert strips and all(3 in s.cast_numbers for s in strips)
    assert sum(1 for row in page.model.rows if row.kind == "day") == 9
    page.search.setText("e12")
    assert {row.strip.episode for row in page.model.rows if row.kind == "strip"} == {12}
    page.search.clear()
    page.time_filter.setCurrentIndex(page.time_filter.findData(True))
    assert all(row.strip.is_night for row in page.model.rows if row.kind == "strip")


def test_a_drop_on_a_filtered_board_lands_among_the_hidden_strips_where_shown(demo_window, demo_path):
    page = show_schedule(demo_window)
    page.search.setText("#5")
    shown = [row for row in page.model.rows if row.kind == "strip" and row.day_id is not None]
    target = shown[-1]
    mover = next(row for row in shown if row.day_id != target.day_id)
    hidden = len(page.board.placement[target.day_id]) - sum(1 for row in shown if row.day_id == target.day_id)
    assert hidden > 0
    drag(page, [mover.strip.id], strip_row(page, target.strip.id))
    day = page.board.placement[target.day_id]
    assert day.index(mover.strip.id) == day.index(target.strip.id) - 1


def test_double_clicking_a_strip_opens_its_scene_in_the_script(demo_window):
    page = show_schedule(demo_window)
    row = next(r for r, row in enumerate(page.model.rows) if row.kind == "strip")
    strip = page.model.rows[row].strip
    page.view.doubleClicked.emit(page.model.index(row))
    script = demo_window.page("script")
    assert demo_window.stack.currentWidget() is script
    assert script.current_scene["id"] == strip.scene_id


def test_optimizing_from_the_page_is_one_undo_step(demo_window, demo_path, qtbot, settle, monkeypatch):
    bounded_by_work(monkeypatch)
    page = show_schedule(demo_window)
    before = query(demo_path, "select id, shoot_day_id, position from strip order by id")
    lunches = "select shoot_day_id, lunch from call_sheet order by shoot_day_id"
    typed = query(demo_path, lunches)
    dialog = OptimizeDialog(page.board, 5, page)
    qtbot.waitUntil(lambda: dialog.result is not None or dialog.error is not None, timeout=120000)
    assert dialog.error is None and dialog.result.cost.total < dialog.result.baseline.total
    page.apply_schedule(dialog.result)
    settle()
    placed = {strip_id: day_id for day_id, ids in dialog.result.placement.items() for strip_id in ids}
    assert dict(query(demo_path, "select id, shoot_day_id from strip where kind = 'SCENE'")) == placed
    # The lunches typed on the sheets moved with the new calls, and the report says on which days.
    moved = {move.day_id for move in dialog.result.meals}
    assert moved and {day for day, lunch in query(demo_path, lunches) if (day, lunch) not in typed} == moved
    assert "follow the new calls" in page.window().statusBar().currentMessage()
    # The whole result stays in a box until read: the status line would cut it short and clear it.
    outcome = page.findChild(QMessageBox, "outcome")
    assert outcome.isVisible() and outcome.text() == result_text(dialog.result)
    assert "follow the new calls" in outcome.text() and "Reported days kept" in outcome.text()
    outcome.accept()
    demo_window.undo_action.trigger()
    assert query(demo_path, "select id, shoot_day_id, position from strip order by id") == before
    assert query(demo_path, lunches) == typed


def test_the_result_says_which_days_meals_followed_the_call_and_which_were_cleared(demo_window):
    board = show_schedule(demo_window).board
    result = dataclasses.replace(optimize(board, work=0.2), improved=True)  # put in place: its meals are told
    day_1, day_2 = (day.id for day in board.days[:2])
    moves = (MealMove(day_1, 1, "lunch", 14 * 60, 11 * 60), MealMove(day_2, 2, "dinner", None, 20 * 60))
    text = result_text(dataclasses.replace(result, meals=moves))
    assert "follow the new calls (day 1)" in text  # one day: "day"
    assert "past midnight or past the wrap are cleared from the call sheets and fall when due (day 2)" in text
    assert "follow the new calls" not in result_text(dataclasses.replace(result, meals=moves[1:]))
    # The demo's first three days are reported: the result says they kept their scenes.
    assert result.reported == (1, 2, 3) and result.unshot == 5
    assert (
        "Reported days kept what was shot on them and took no other scene (days 1, 2, 3); 5 scenes not shot on them "
        "stay there: Re-plan schedules them again." in text
    )
    assert "Reported days" not in result_text(dataclasses.replace(result, reported=()))
    # Dearer than the board's schedule, which broke more limits: said so, not as a saving.
    cheaper = dataclasses.replace(result.cost, cast=result.cost.cast - 100)
    dearer = result_text(dataclasses.replace(result, current=cheaper, current_conflicts=2, conflicts=1))
    assert (
        f"more than the current schedule ({money_text(Money(cheaper.total, 'USD'))}), which breaks 2 limits where "
        "this one breaks 1." in dearer
    )
    assert "below the current schedule" not in dearer
    # Conflicts a reported day has as shot are told apart: no more time clears them.
    as_shot = result_text(dataclasses.replace(result, conflicts=2, conflicts_as_shot=2))
    assert "2 conflicts on reported days, as shot: no schedule can clear them." in as_shot
    assert "More time may clear them, unless no schedule can" in result_text(
        dataclasses.replace(result, conflicts=3, conflicts_as_shot=1)
    )


def test_the_best_so_far_says_whether_it_counts_overtime_yet(demo_window, qtbot, monkeypatch):
    # Once the search prices overtime and late meals, its cost includes them as estimated and says so: the
    # cost before them may rise while the whole falls.
    bounded_by_work(monkeypatch, work=10_000)
    dialog = OptimizeDialog(show_schedule(demo_window).board, 60, demo_window)
    usd = lambda amount: Money(Decimal(amount), "USD")  # noqa: E731
    dialog.job.signals.progress.emit(Progress(3, usd(9000), usd(8000)))
    assert dialog.best.text() == (
        "Best so far: $9,000.00 before overtime and late meals, after 3 s. "
        "No schedule costs less than $8,000.00: at most 11% more to save."
    )
    dialog.job.signals.progress.emit(Progress(9, usd(10000), usd(8000), usd(1500)))
    assert dialog.best.text() == (
        "Best so far: $10,000.00 with overtime and late meals estimated at $1,500.00, after 9 s. "
        "No schedule costs less than $8,000.00: at most 20% more to save."
    )
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.result is not None or dialog.error is not None, timeout=120000)


def test_stopping_the_optimizer_keeps_the_best_found(demo_window, qtbot, monkeypatch):
    bounded_by_work(monkeypatch, work=10_000)  # hours of searching: only Stop ends it in the test's time
    page = show_schedule(demo_window)
    dialog = OptimizeDialog(page.board, 60, page)
    qtbot.waitUntil(lambda: dialog.best.text() != "", timeout=120000)
    # the search's cost leaves the labour out, and says so (the result counts it)
    assert "Fitting every scene" in dialog.best.text() or "before overtime and late meals" in dialog.best.text()
    dialog.cancel()
    qtbot.waitUntil(lambda: dialog.result is not None or dialog.error is not None, timeout=120000)
    assert dialog.error is None and dialog.result.status == "feasible"


def shoot_days(path):
    return query(path, "select day_number from shoot_day where kind = 'SHOOT' order by shoot_date")


def test_adding_a_day_off_and_removing_shoot_days_renumbers_and_undoes(demo_window, demo_path, settle):
    page = show_schedule(demo_window)
    page.buttons["addDay"].trigger()
    settle()
    assert [n for (n,) in shoot_days(demo_path)] == list(range(1, 11))
    assert len(page.board.days) == 10
    demo_window.undo_action.trigger()
    settle()
    assert len(shoot_days(demo_path)) == 9

    third = next(row for row in page.days.model.rows if row["day_number"] == 3)
    on_third = query(demo_path, "select count(*) from strip where shoot_day_id = ?", third["id"])[0][0]
    page.days.select_ids([third["id"]])
    page.buttons["dayOff"].trigger()
    settle()
    assert [n for (n,) in shoot_days(demo_path)] == list(range(1, 9))
    assert len(page.board.placement[None]) == on_third  # its strips wait in the boneyard
    demo_window.undo_action.trigger()
    settle()
    assert [n for (n,) in shoot_days(demo_path)] == list(range(1, 10))

    page.days.select_ids([third["id"]])
    page.buttons["removeDay"].trigger()
    settle()
    assert len(shoot_days(demo_path)) == 8
    assert query(demo_path, "select count(*) from strip where shoot_day_id is null")[0][0] == on_third
    demo_window.undo_action.trigger()
    settle()
    assert query(demo_path, "select count(*) from strip where shoot_day_id = ?", third["id"])[0][0] == on_third


def test_a_strip_takes_the_colour_the_producer_gives_it_and_undo_takes_it_back(demo_window, demo_path, settle):
    from ui.stripboard import strip_colour

    page = show_schedule(demo_window)
    strip = next(row.strip for row in page.model.rows if row.kind == "strip")
    standard = strip_colour(strip)
    page.set_colour([strip.id], "#FFAA00")
    settle()
    assert query(demo_path, "select color from strip where id = ?", strip.id) == [("#ffaa00",)]
    assert strip_colour(page.board.strips[strip.id]) == "#ffaa00"
    demo_window.undo_action.trigger()
    settle()
    assert strip_colour(page.board.strips[strip.id]) == standard


def test_sorting_a_day_by_scene_then_by_location_is_undoable(demo_window, demo_path, settle):
    page = show_schedule(demo_window)
    first_day, second_day = page.board.days[0].id, page.board.days[1].id
    by_location, second = list(page.board.placement[first_day]), list(page.board.placement[second_day])
    page.view.selectionModel().select(
        page.model.index(day_row(page, 1) + 1), page.view.selectionModel().SelectionFlag.Select
    )
    page.buttons["sortByScene"].trigger()
    settle()
    order = [page.board.strips[s].sort_order for s in page.board.placement[first_day]]
    assert order == sorted(order) and page.board.placement[first_day] != by_location
    assert page.board.placement[second_day] == second  # only the selected strip's day
    demo_window.undo_action.trigger()
    settle()
    assert page.board.placement[first_day] == by_location


def test_adding_a_banner_is_undoable(demo_window, demo_path, settle, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    page = show_schedule(demo_window)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("LUNCH", True))
    page.buttons["addBanner"].trigger()
    settle()
    assert query(demo_path, "select count(*) from strip where banner_text = 'LUNCH'") == [(1,)]
    assert any(row.kind == "strip" and row.strip.banner == "LUNCH" for row in page.model.rows)
    demo_window.undo_action.trigger()
    settle()
    assert query(demo_path, "select count(*) from strip where banner_text = 'LUNCH'") == [(0,)]


def test_optimizing_twice_in_one_session(demo_window, qtbot, settle, monkeypatch):
    bounded_by_work(monkeypatch)
    page = show_schedule(demo_window)
    for _ in range(2):
        dialog = OptimizeDialog(page.board, 5, page)  # the shortest the dialog offers
        qtbot.waitUntil(lambda dialog=dialog: dialog.result is not None or dialog.error is not None, timeout=120000)
        assert dialog.error is None, dialog.error
        page.apply_schedule(dialog.result)
        settle()


def test_schedule_settings_change_the_limits_and_the_clock_and_undo(demo_window, demo_path, settle):
    from ui.schedule_settings import ScheduleSettingsDialog

    page = show_schedule(demo_window)
    dialog = ScheduleSettingsDialog(demo_window.workspace, page)
    dialog.hours.setValue(13)
    dialog.crew_call.setTime(dialog.crew_call.time().addSecs(-3600))  # 05:00
    dialog.move_cost.setText("abc")
    dialog.move_cost.editingFinished.emit()
    assert "abc" in last_refusal(demo_window).text() and dialog.move_cost.text() == "1000.00"
    settle()
    assert query(demo_path, "select max_minutes_per_day, default_crew_call from production") == [
        (780, "05:00:00.000000")
    ]
    first = next(row for row in page.model.rows if row.kind == "day" and not row.times.work.night)
    assert first.times.call == 5 * 60  # the board's clock follows (a day with night scenes calls for the night)
    demo_window.undo_action.trigger()
    demo_window.undo_action.trigger()
    assert query(demo_path, "select max_minutes_per_day, default_crew_call from production") == [
        (660, "06:00:00.000000")  # the demo's 11-hour days from a 06:00 call
    ]


def test_the_base_city_is_typed_in_the_schedule_settings_and_refused_with_one_message(demo_window, demo_path, settle):
    from ui.schedule_settings import ScheduleSettingsDialog

    page = show_schedule(demo_window)
    day = next(row for row in page.model.rows if row.kind == "day")
    assert page.model.data(page.model.index(0), Qt.ItemDataRole.ToolTipRole) == page._describe_sun(day)
    assert page._describe_sun(day) == "Sunset 17:03 · dark 17:31"  # 11 January, where the locations are
    page.show_board(dataclasses.replace(page.board, sun_city="Los Angeles"))  # as if none had coordinates
    said = "Sunset 17:03 · dark 17:31 (Los Angeles, the base city: no location has coordinates)"
    assert page.model.data(page.model.index(0), Qt.ItemDataRole.ToolTipRole) == said
    page.show_board(dataclasses.replace(page.board, sun_city="", sun_known=False))
    assert "(assumed: no location has coordinates and no base city is set)" in page._describe_sun(day)
    dialog = ScheduleSettingsDialog(demo_window.workspace, page)
    city, latitude = dialog.typed["base_city"], dialog.typed["base_latitude"]
    assert (city.text(), latitude.text()) == ("Los Angeles", "34.0522000")  # the demo's
    latitude.setText("134")
    latitude.setModified(True)
    latitude.editingFinished.emit()
    assert "'134' is not a latitude" in last_refusal(demo_window).text() and latitude.text() == "34.0522000"
    city.setText("Pasadena")
    city.setModified(True)
    city.editingFinished.emit()
    latitude.setText("34.1478")
    latitude.setModified(True)
    latitude.editingFinished.emit()
    settle()
    assert query(demo_path, "select base_city, base_latitude from production") == [("Pasadena", 341478000)]
    demo_window.undo_action.trigger()
    demo_window.undo_action.trigger()
    assert query(demo_path, "select base_city, base_latitude from production") == [("Los Angeles", 340522000)]


def test_optimizing_a_board_without_shoot_days_offers_to_add_what_the_script_needs(
    window, demo_path, settle, monkeypatch
):
    with sqlite3.connect(demo_path) as connection:
        connection.execute("pragma foreign_keys = on")
        connection.execute("delete from shoot_day")  # the strips wait in the boneyard
    assert window.databases.open(str(demo_path))
    page = show_schedule(window)
    asked = []

    def answer(parent, title, label, value, *limits):
        asked.append((label, value))
        return (value, True) if len(asked) == 1 else (0, False)  # add the days offered, then stop

    monkeypatch.setattr(QInputDialog, "getInt", answer)
    page.optimize()
    (question, offered), (time_question, _) = asked
    scenes = [strip for strip in page.board.strips.values() if not strip.is_banner]
    limits = page.board.limits

    def holds(days: int) -> bool:
        return (
            sum(s.eighths for s in scenes) <= days * limits.eighths
            and sum(s.minutes for s in scenes) <= days * limits.minutes
        )

    assert holds(offered) and not holds(offered - 1) and f"at least {offered}" in question
    assert "seconds" in time_question  # the time limit is asked only once there are days
    assert [n for (n,) in shoot_days(demo_path)] == list(range(1, offered + 1))
    window.undo_action.trigger()
    settle()
    assert shoot_days(demo_path) == []
