"""Company moves by distance in the window: the stripboard's move rows say how long each drives, and
Schedule → Settings edits the roads, the speed, an hour's cost and the drives typed for a pair of
locations, each change checked, saved and undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.driving import last_refusal, query
from tests.ui.test_schedule_page import show_schedule
from ui.schedule_settings import ScheduleSettingsDialog


def move_rows(page) -> list:
    return [row for row in page.model.rows if row.kind == "move"]


def test_the_board_shows_each_company_move_with_its_drive(demo_window):
    page = show_schedule(demo_window)
    moves = move_rows(page)
    assert moves and sum(row.totals.moves for row in page.model.rows if row.kind == "day") == len(moves)
    texts = [page.model.data(page.model.index(page.model.rows.index(row))) for row in moves]
    board = page.model.board
    for row, text in zip(moves, texts, strict=True):
        place = board.places[row.strip.location_id]
        minutes = board.limits.drives.of(row.moved_from, place.id).minutes
        assert text == f"Company move → {place.name}, {minutes} min drive"
    # The row sits just before the first strip at its new location, and a day break counts its drives.
    index = page.model.rows.index(moves[0])
    assert page.model.rows[index + 1].kind == "strip" and page.model.rows[index + 1].strip is moves[0].strip
    tip = page.model.data(page.model.index(index), Qt.ItemDataRole.ToolTipRole)
    assert "with wrapping and setting up again" in tip
    day = next(row for row in page.model.rows if row.kind == "day" and row.totals.driving)
    assert f"({day.totals.driving} min driving)" in page._describe_day(day)


def test_the_roads_the_speed_and_the_typed_drives_are_set_in_the_schedule_settings(demo_window, demo_path, settle):
    page = show_schedule(demo_window)
    dialog = ScheduleSettingsDialog(demo_window.workspace, page)
    before = page.model.board.limits.drives.of(1, 7).minutes  # Sterling Tower to Malibu: 80 at 40 km/h
    assert before == 80
    dialog.speed.setValue(20)
    settle()
    assert query(demo_path, "select drive_speed_kmh from production") == [(20,)]
    assert page.model.board.limits.drives.of(1, 7).minutes == 160  # the board follows
    dialog.drive_cost.setText("-5")
    dialog.drive_cost.editingFinished.emit()
    assert "-5" in last_refusal(demo_window).text() and dialog.drive_cost.text() == "250.00"
    drives = dialog.drives
    assert [row["minutes"] for row in drives.table.model.rows] == [10]  # the demo's: downtown, two blocks
    drives.first.setCurrentIndex(drives.first.findData(7))  # Malibu beach house
    drives.second.setCurrentIndex(drives.second.findData(1))  # Sterling Tower
    drives.minutes.setValue(95)
    drives.add_button.click()
    settle()
    assert query(demo_path, "select from_location_id, to_location_id, minutes from location_drive order by id") == [
        (1, 6, 10),
        (7, 1, 95),
    ]
    assert page.model.board.limits.drives.of(1, 7).minutes == 95  # typed minutes win over the map's 160
    assert [row["mapped"] for row in drives.table.model.rows] == [1, 160]  # as the map has them at 20 km/h
    drives.second.setCurrentIndex(drives.second.findData(7))
    drives.first.setCurrentIndex(drives.first.findData(1))
    drives.add_button.click()  # the same pair the other way round
    assert "typed already" in last_refusal(demo_window).text()
    assert query(demo_path, "select count(*) from location_drive") == [(2,)]
    demo_window.undo_action.trigger()
    demo_window.undo_action.trigger()
    settle()
    assert query(demo_path, "select count(*), (select drive_speed_kmh from production) from location_drive") == [
        (1, 40)
    ]
    assert [row["minutes"] for row in drives.table.model.rows] == [10]
    assert page.model.board.limits.drives.of(1, 7).minutes == 80
