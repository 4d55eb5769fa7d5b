"""The Production Report page on the demo (its days 1-3 reported): a day's times, people, scenes and hot
cost; an edit of the unit's wrap worked out at once and undone; bad times and a day not yet shot
refused with one message and nothing saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtWidgets import QMessageBox

from tests.ui.driving import commit_line, last_refusal, query, show
from ui.i18n import day_text


def day_row(page, number: int) -> None:
    page.days.select_ids([row["id"] for row in page.days.model.rows if row["day_number"] == number])


def total(page) -> dict:
    return next(row for row in page.hot_cost.model.rows if row["category"] == "total")


def column(table, key: str) -> int:
    return next(number for number, column in enumerate(table.model.columns) if column.key == key)


def test_a_reported_day_shows_its_times_people_scenes_and_hot_cost(demo_window, settle):
    page = show(demo_window, "reports")
    day_row(page, 2)
    settle()
    (unit,) = page.unit.model.rows
    assert page.unit.model.data(page.unit.model.index(0, column(page.unit, "lunch"))) == "14:00–14:30"
    assert any(row["kind"] == "cast" and row["overtime"].amount > 0 for row in page.people.model.rows)
    assert {row["outcome"] for row in page.scenes.model.rows} == {"COMPLETED"}
    assert total(page)["variance"].amount > 0  # two hours over with a late lunch
    assert "hot cost" in page.summary.text()
    day_row(page, 3)
    settle()
    assert sum(row["outcome"] == "NOT_SHOT" for row in page.scenes.model.rows) == 5
    assert [row["kind"] for row in page.notes.model.rows] == ["DELAY", "INCIDENT"]


def test_an_edit_is_worked_out_at_once_and_undone(demo_window, demo_path, settle):
    page = show(demo_window, "reports")
    day_row(page, 1)
    settle()
    before = total(page)["actual"].amount
    assert total(page)["variance"].amount == 0  # day 1 ran as planned
    wrap = page.unit.model.rows[0]["camera_wrap"]
    index = page.unit.model.index(0, column(page.unit, "camera_wrap"))
    later = f"{(wrap + 60) // 60:02d}:{(wrap + 60) % 60:02d}"
    assert page.unit.model.setData(index, later)
    settle()
    assert total(page)["actual"].amount > before and page.unit.model.data(index) == later
    assert query(demo_path, "select camera_wrap from day_report where id = ?", page.unit.model.rows[0]["id"]) == [
        (wrap + 60,)
    ]
    demo_window.workspace.undo_stack.undo()
    settle()
    assert total(page)["actual"].amount == before and total(page)["variance"].amount == Decimal(0)


def test_bad_times_and_a_day_not_yet_shot_are_refused(demo_window, demo_path, settle, monkeypatch):
    # Today where the demo shoots: day 3's date, 2027-01-13; day 4 is shot on 2027-01-14
    monkeypatch.setattr("ui.pages.reports.today_where_shot", lambda *_: dt.date(2027, 1, 13))
    page = show(demo_window, "reports")
    day_row(page, 1)
    settle()
    index = page.unit.model.index(0, column(page.unit, "camera_wrap"))
    shown = page.unit.model.data(index)
    assert not page.unit.model.setData(index, "06:00")
    assert "is before the crew call" in last_refusal(demo_window).text()
    assert page.unit.model.data(index) == shown
    day_row(page, 4)
    settle()
    start = page.buttons["startReport"]
    assert page.unit.model.rows == [] and not start.isEnabled()
    assert start.toolTip() == f"Its report can be started on {day_text(dt.date(2027, 1, 14))}, at wrap."
    assert "Not shot yet" in page.summary.text()
    page.start_report()  # were it asked all the same
    assert "has not happened yet" in last_refusal(demo_window).text()
    assert query(demo_path, "select count(*) from day_report") == [(3,)]
    # The next day, it can be started
    monkeypatch.setattr("ui.pages.reports.today_where_shot", lambda *_: dt.date(2027, 1, 14))
    day_row(page, 3)
    day_row(page, 4)
    settle()
    assert start.isEnabled() and "can be started on" not in start.toolTip()
    assert "Not reported yet" in page.summary.text()


def test_a_scene_shot_unplanned_is_added_and_removed_and_a_note_removed_each_one_undo_step(
    demo_window, demo_path, settle, monkeypatch
):
    page = show(demo_window, "reports")
    day_row(page, 1)
    settle()
    planned = [row["number"] for row in page.scenes.model.rows]
    report_id = page.shown.day.report_id
    chosen = []

    def choose(_parent, _title, _label, items, *_args):
        offered = {item.split()[0] for item in items}
        assert not offered & set(planned) and "80-1" not in offered  # on this report; completed on day 2
        chosen.append(next(item for item in items if item.startswith("80-")))  # the last episode: not shot yet
        return chosen[0], True

    monkeypatch.setattr("ui.pages.reports.QInputDialog.getItem", choose)
    page.add_scene()
    settle()
    number = chosen[0].split()[0]
    added = next(row for row in page.scenes.model.rows if row["number"] == number)
    assert not added["planned"] and added["outcome"] == "COMPLETED" and "1 added" in page.summary.text()
    assert query(demo_path, "select count(*) from day_report_scene where report_id = ? and planned = 0", report_id) == [
        (1,)
    ]

    page.details.setCurrentWidget(page.scenes)
    page.scenes.select_ids([next(row["id"] for row in page.scenes.model.rows if row["planned"])])
    page.remove_row()
    assert "mark it not shot" in last_refusal(demo_window).text()
    page.scenes.select_ids([added["id"]])
    page.remove_row()
    settle()
    assert [row["number"] for row in page.scenes.model.rows] == planned
    demo_window.workspace.undo_stack.undo()  # the removal
    settle()
    assert number in [row["number"] for row in page.scenes.model.rows]
    demo_window.workspace.undo_stack.undo()  # the addition
    settle()
    assert [row["number"] for row in page.scenes.model.rows] == planned

    day_row(page, 3)
    settle()
    notes = [row["kind"] for row in page.notes.model.rows]
    page.details.setCurrentWidget(page.notes)
    page.notes.select_ids([page.notes.model.rows[0]["id"]])
    page.remove_row()
    settle()
    assert [row["kind"] for row in page.notes.model.rows] == notes[1:]
    demo_window.workspace.undo_stack.undo()
    settle()
    assert [row["kind"] for row in page.notes.model.rows] == notes


def test_re_planning_the_remaining_days_shows_the_slip_then_stores_it_as_one_undo_step(
    demo_window, demo_path, settle, monkeypatch, qtbot
):
    import functools

    from studio.day_reports import replan
    from ui.pages import reports as reports_page

    page = show(demo_window, "reports")
    settle()
    placement = "select id, shoot_day_id, position, locked from strip order by id"
    before = query(demo_path, placement)
    unshot = query(
        demo_path,
        "select st.id from strip st join day_report_scene s on s.scene_id = st.scene_id where s.outcome = 'NOT_SHOT'",
    )
    asked = []
    monkeypatch.setattr("ui.pages.reports.preview_replan", functools.partial(replan.preview_replan, work=2.0))
    monkeypatch.setattr("ui.pages.reports.QInputDialog.getInt", lambda _p, _t, _l, value, low, high: (value, True))
    monkeypatch.setattr(
        "ui.pages.reports.QMessageBox.question",
        lambda _parent, _title, text: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    said = []
    dialog = reports_page.OptimizeDialog

    def searching(*args, **kwargs):
        opened = dialog(*args, **kwargs)
        said.append(opened.status.text())
        return opened

    monkeypatch.setattr(reports_page, "OptimizeDialog", searching)
    page.replan()
    settle()
    (text,) = asked
    assert text.startswith("From day 4: 5 scene(s) left unshot are scheduled again.") and "Store this schedule?" in text
    (searching,) = said  # whose costs its progress shows
    assert searching.startswith("Looking for the cheapest schedule of the days from day 4 on: the costs below")
    # what the slip costs is weighed against the rest re-planned anyway, itself searched: either way round
    assert ("The slip costs " in text or "The slip saves " in text) and "shoot day(s) added." in text
    assert ("The days added cost " in text) == (" 0 shoot day(s) added." not in text)  # in the budget, and the slip
    assert "Meals typed on the call sheets follow the new calls (days " in text  # typed five hours after the call
    after = {row[0]: row for row in query(demo_path, placement)}
    days = dict(query(demo_path, "select id, day_number from shoot_day"))
    assert all(days[after[strip][1]] >= 4 and not after[strip][3] for (strip,) in unshot)
    shot = [row for row in before if row[1] is not None and days[row[1]] <= 3 and (row[0],) not in unshot]
    assert shot and all(after[row[0]][1] == row[1] and after[row[0]][3] for row in shot)  # kept there, locked
    demo_window.workspace.undo_stack.undo()
    settle()
    assert query(demo_path, placement) == before


def test_a_minor_at_work_longer_than_their_age_allows_is_named_under_the_day(demo_window, demo_path, settle):
    # Kevin Lin (LEO) works on day 1 from his call to the wrap; at 5 he may be at work 6 hours.
    page = show(demo_window, "reports")
    day_row(page, 1)
    settle()
    assert "⚠" not in page.summary.text()
    cast = show(demo_window, "cast")
    cast.performers.select_ids([row["id"] for row in cast.performers.model.rows if row["name"] == "Kevin Lin"])
    commit_line(cast.details, "date_of_birth", "2021-06-01")
    page = show(demo_window, "reports")
    settle()
    assert "⚠ Kevin Lin (age 5) was at work from" in page.summary.text()
    assert "over the 6:00 a minor that age may be" in page.summary.text()


def test_a_days_posted_state_shows_under_it_and_follows_a_post_and_an_edit(demo_window, demo_path, settle, monkeypatch):
    """The demo posts its three reported days; a fourth, started, is not posted until Post to the budget,
    and an edit of its report after that leaves what is posted out of date until it is posted again."""
    monkeypatch.setattr("ui.pages.reports.today_where_shot", lambda *_: dt.date(2027, 1, 14))
    page = show(demo_window, "reports")
    day_row(page, 2)
    settle()
    assert page.summary.text().endswith(" · posted to the budget")
    day_row(page, 4)
    settle()
    page.start_report()
    settle()
    assert page.summary.text().endswith(" · not posted to the budget yet")
    entries = "select count(*) from cost_entry"
    before = query(demo_path, entries)[0][0]
    page.buttons["postDay"].trigger()
    settle()
    assert page.summary.text().endswith(" · posted to the budget")
    later = page.unit.model.rows[0]["camera_wrap"] + 4 * 60  # past eight hours: overtime for the cast
    index = page.unit.model.index(0, column(page.unit, "camera_wrap"))
    assert page.unit.model.setData(index, f"{later // 60:02d}:{later % 60:02d}")
    settle()
    assert page.summary.text().endswith(" · posted to the budget, but changed since: post it again")
    page.buttons["postDay"].trigger()
    settle()
    assert page.summary.text().endswith(" · posted to the budget")
    assert query(demo_path, entries)[0][0] > before
