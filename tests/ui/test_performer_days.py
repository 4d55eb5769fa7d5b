"""The cast page's "Travel, rehearsals, fittings" tab, driven as a producer would: a travel day entered
there shows in Day Out of Days on the Schedule page (T, its own column, paid); every change undoes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog

from tests.ui.driving import last_refusal, query, show
from ui.i18n import day_text

TRAVEL_DAY = dt.date(2027, 1, 10)  # the Sunday before day 1


def hayes_days(path):
    return query(
        path,
        "select d.day, d.kind, d.notes from performer_day d join performer p on p.id = d.performer_id"
        " where p.legal_name = 'Daniel Hayes' order by d.day",
    )


def select_hayes(page):
    page.performers.select_ids([row["id"] for row in page.performers.model.rows if row["name"] == "Daniel Hayes"])
    return page.performer_days


def cell(panel, key, row=0):
    column = next(number for number, column in enumerate(panel.table.model.columns) if column.key == key)
    return panel.table.model.index(row, column)


def dood_table(window, settle):
    page = show(window, "schedule")
    settle()
    table = page.dood
    headers = [table.horizontalHeaderItem(column).text() for column in range(table.columnCount())]
    hayes = next(row for row in range(table.rowCount()) if table.item(row, 1).text() == "Daniel Hayes")
    return headers, [table.item(hayes, column).text() for column in range(table.columnCount())], table, hayes


def test_a_travel_day_from_the_cast_page_shows_in_the_dood_and_undoes(demo_window, demo_path, settle):
    page = show(demo_window, "cast")
    panel = select_hayes(page)
    tab = page.record.indexOf(panel)
    assert page.record.tabText(tab) == "Travel, rehearsals, fittings" and panel.isEnabled()
    page.record.setCurrentIndex(tab)
    assert panel.suggested_date() == TRAVEL_DAY  # the day before day 1

    QTimer.singleShot(0, lambda: page.findChild(QDialog, "performerDayDialog").accept())
    panel.add_button.click()
    assert hayes_days(demo_path) == [("2027-01-10", "TRAVEL", "")]
    assert [(row["day"], row["kind_label"]) for row in panel.table.model.rows] == [(TRAVEL_DAY, "Travel")]

    panel.add_day(TRAVEL_DAY, "FITTING")
    assert "already called on 2027-01-10" in last_refusal(demo_window).text()
    assert len(hayes_days(demo_path)) == 1

    model = panel.table.model
    assert model.setData(cell(panel, "notes"), "Flight from New York", Qt.ItemDataRole.EditRole)
    assert model.setData(cell(panel, "kind_label"), "REHEARSAL", Qt.ItemDataRole.EditRole)
    assert hayes_days(demo_path) == [("2027-01-10", "REHEARSAL", "Flight from New York")]
    assert model.data(cell(panel, "kind_label")) == "Rehearsal"
    demo_window.undo_action.trigger()  # back to travel
    settle()
    assert hayes_days(demo_path) == [("2027-01-10", "TRAVEL", "Flight from New York")]
    assert model.data(cell(panel, "kind_label")) == "Travel"

    headers, codes, table, row = dood_table(demo_window, settle)
    assert headers[2:4] == [day_text(TRAVEL_DAY), day_text(dt.date(2027, 1, 11))]  # its own column, first
    assert codes[2:4] == ["T", "SW"]
    assert table.item(row, 2).background().color().name() == "#b9d7f5"
    assert table.horizontalHeaderItem(2).toolTip() == "Not a shoot day"
    travel = headers.index("Travel")
    assert codes[travel] == "1" and codes[headers.index("Paid")] == "10"
    others = [table.item(r, 2).text() for r in range(table.rowCount()) if r != row]
    assert set(others) == {""}

    for _ in range(2):  # the notes, then the day itself
        demo_window.undo_action.trigger()
    settle()
    assert hayes_days(demo_path) == []
    headers, codes, _table, _row = dood_table(demo_window, settle)
    assert "Travel" in headers and codes[2] == "SW" and codes[headers.index("Travel")] == "0"
    demo_window.redo_action.trigger()
    settle()
    _headers, codes, _table, _row = dood_table(demo_window, settle)
    assert codes[2] == "T"


def test_removing_a_day_and_undo_puts_it_back(demo_window, demo_path, settle):
    page = show(demo_window, "cast")
    panel = select_hayes(page)
    panel.add_day(dt.date(2027, 1, 5), "FITTING", "Wardrobe, Stage 2")
    panel.add_day(TRAVEL_DAY, "TRAVEL")
    assert [row["day"] for row in panel.table.model.rows] == [dt.date(2027, 1, 5), TRAVEL_DAY]  # in date order
    panel.table.select_ids([panel.table.model.rows[0]["id"]])
    panel.remove_button.click()
    assert hayes_days(demo_path) == [("2027-01-10", "TRAVEL", "")]
    demo_window.undo_action.trigger()
    settle()
    assert hayes_days(demo_path)[0] == ("2027-01-05", "FITTING", "Wardrobe, Stage 2")
    assert len(panel.table.model.rows) == 2
    page.performers.select_ids([])
    page._performer_selected()
    assert not panel.isEnabled() and panel.table.model.rows == []
