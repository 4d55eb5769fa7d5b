"""Cast, crew and locations pages driven as a producer would: casting, forms, calendars, lists; all undoable."""

from __future__ import annotations

import datetime as dt
import os

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox

from studio import operations
from tests.ui.driving import commit_line, last_refusal, query, show
from ui.availability import AvailabilityPanel
from ui.pages.cast import PERFORMER_MIME


def row_index(table, key, value, column=0):
    number = next(i for i, row in enumerate(table.model.rows) if row[key] == value)
    return table.proxy.mapFromSource(table.model.index(number, column))


def performer_of(path, character):
    rows = query(
        path,
        "select p.legal_name from cast_assignment a join performer p on p.id = a.performer_id"
        " join character c on c.id = a.character_id where c.name = ?",
        character,
    )
    return rows[0][0] if rows else None


def test_dragging_a_performer_onto_a_role_casts_them_and_undo_restores_the_previous_performer(
    demo_window, demo_path, settle
):
    page = show(demo_window, "cast")
    performer = row_index(page.performers, "name", "Daniel Hayes")
    data = page.performers.proxy.mimeData([performer])
    assert data.hasFormat(PERFORMER_MIME)
    leo = row_index(page.roles, "character", "LEO")
    assert page.roles.proxy.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, leo)
    assert performer_of(demo_path, "LEO") == "Daniel Hayes"
    settle()
    roles = next(row for row in page.performers.model.rows if row["name"] == "Daniel Hayes")["roles"]
    assert roles == "ETHAN, LEO"
    demo_window.undo_action.trigger()
    assert performer_of(demo_path, "LEO") == "Kevin Lin"


def test_the_picker_uncasts_and_casts_and_uncast_roles_are_flagged(demo_window, demo_path, settle):
    page = show(demo_window, "cast")
    column = next(i for i, c in enumerate(page.roles.model.columns) if c.key == "performer")
    leo = row_index(page.roles, "character", "LEO", column)
    assert page.roles.proxy.setData(leo, None)
    assert performer_of(demo_path, "LEO") is None
    settle()
    leo = row_index(page.roles, "character", "LEO", column)
    assert leo.data() == "not cast" and leo.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "1 not cast yet" in page.summary.text()
    page.uncast_only.setChecked(True)
    assert page.roles.proxy.rowCount() == 1
    kevin = next(row["id"] for row in page.performers.model.rows if row["name"] == "Kevin Lin")
    assert page.roles.proxy.setData(row_index(page.roles, "character", "LEO", column), kevin)
    assert performer_of(demo_path, "LEO") == "Kevin Lin"
    settle()
    assert page.roles.proxy.rowCount() == 0
    demo_window.undo_action.trigger()
    demo_window.undo_action.trigger()
    assert performer_of(demo_path, "LEO") == "Kevin Lin"  # the uncast deal is back with its terms
    assert query(
        demo_path,
        "select rate_minor from cast_assignment a join character c on c.id = a.character_id where c.name = 'LEO'",
    ) == [(40000,)]


def test_a_background_role_s_headcount_is_typed_on_the_cast_page_and_unknown_until_then(demo_window, demo_path):
    page = show(demo_window, "cast")
    column = next(i for i, c in enumerate(page.roles.model.columns) if c.key == "headcount")
    reporters = row_index(page.roles, "character", "REPORTERS", column)
    assert reporters.data() == "6" and reporters.data(Qt.ItemDataRole.ForegroundRole) is None
    assert page.roles.proxy.setData(reporters, "")
    reporters = row_index(page.roles, "character", "REPORTERS", column)
    assert reporters.data() == "?" and reporters.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert page.roles.proxy.setData(reporters, "9")
    assert query(demo_path, "select headcount from character where name = 'REPORTERS'") == [(9,)]
    assert not page.roles.proxy.setData(row_index(page.roles, "character", "ETHAN", column), "2")
    assert "ETHAN is not background" in last_refusal(demo_window).text()
    assert row_index(page.roles, "character", "ETHAN", column).data() == ""
    demo_window.undo_action.trigger()
    assert query(demo_path, "select headcount from character where name = 'REPORTERS'") == [(None,)]


def test_a_label_with_an_ampersand_reads_as_written(demo_window):
    """A form's label takes `&` for a shortcut mark: "Hair & makeup" read "Hair _makeup"."""
    form = show(demo_window, "cast").details
    assert form.form_layout.labelForField(form.editors["makeup_minutes"]).text() == "Hair && makeup (minutes)"


def test_the_picker_lists_every_performer_in_a_drop_down(demo_window):
    page = show(demo_window, "cast")
    column = next(i for i, c in enumerate(page.roles.model.columns) if c.key == "performer")
    index = row_index(page.roles, "character", "ETHAN", column)
    page.roles.view.edit(index)
    editor = page.roles.view.findChild(QComboBox)
    assert editor is not None and editor.count() == 1 + len(page.performers.model.rows)
    assert editor.currentText() == "Daniel Hayes"


def test_the_deal_form_edits_the_selected_roles_deal_and_refuses_bad_values(demo_window, demo_path):
    page = show(demo_window, "cast")
    page.roles.view.selectRow(row_index(page.roles, "character", "CHLOE").row())
    assert "CHLOE" in page.deal_box.title()
    commit_line(page.deal, "rate", "1,650.50")
    sql = "select rate_minor from cast_assignment a join character c on c.id = a.character_id where c.name = 'CHLOE'"
    assert query(demo_path, sql) == [(165050,)]
    commit_line(page.deal, "rate", "-5")
    box = last_refusal(demo_window)
    assert box is not None and "negative" in box.text()
    assert page.deal.editors["rate"].text() == "1650.50"
    assert query(demo_path, sql) == [(165050,)]
    overtime = page.deal.editors["overtime_rule_id"]
    overtime.setCurrentIndex(overtime.findText("No overtime"))
    overtime.activated.emit(overtime.currentIndex())
    assert query(demo_path, sql.replace("rate_minor", "overtime_rule_id")) == [(None,)]
    demo_window.undo_action.trigger()
    demo_window.undo_action.trigger()
    assert query(demo_path, sql) == [(150000,)]


def test_adding_a_performer_with_details_and_unavailable_dates(demo_window, demo_path):
    page = show(demo_window, "cast")
    page.add_performer()
    assert page.details.row_id is not None
    commit_line(page.details, "legal_name", "Ava Chen")
    commit_line(page.details, "phone", "+1 646 555 0123")
    commit_line(page.details, "email", "not an email")
    box = last_refusal(demo_window)
    assert "not an email address" in box.text()
    page.calendar.add_dates(*_dates("2027-01-12", "2027-01-13"), "Audition in New York")
    rows = query(
        demo_path,
        "select a.start_date, a.end_date, a.reason from availability a join performer p on p.id = a.performer_id"
        " where p.legal_name = 'Ava Chen'",
    )
    assert rows == [("2027-01-12", "2027-01-13", "Audition in New York")]
    assert [row["reason"] for row in page.calendar.ranges.model.rows] == ["Audition in New York"]
    assert len(page.calendar.calendar.dateTextFormat()) >= 2
    page.calendar.add_dates(*_dates("2027-01-13", "2027-01-12"), "backwards")
    assert "before the start date" in last_refusal(demo_window).text()
    assert len(page.calendar.ranges.model.rows) == 1
    for _ in range(4):  # dates, phone, name, the performer
        demo_window.undo_action.trigger()
    assert query(demo_path, "select count(*) from performer where legal_name in ('Ava Chen', 'New performer')") == [
        (0,)
    ]


def test_a_minors_date_of_birth_is_typed_in_the_form_and_the_board_names_their_long_day(demo_window, demo_path):
    # Kevin Lin plays LEO; at 5 on the shoot dates he may work from 05:00 to 22:00; day 9, a night, needs him
    # from 17:47 (hair and makeup, 45 minutes, and wardrobe, 15, before his first scene at 18:47) to 22:41.
    page = show(demo_window, "cast")
    page.performers.select_ids([row["id"] for row in page.performers.model.rows if row["name"] == "Kevin Lin"])
    commit_line(page.details, "date_of_birth", (dt.date.today() + dt.timedelta(days=30)).isoformat())
    assert "in the future" in last_refusal(demo_window).text()
    commit_line(page.details, "date_of_birth", "2021-06-01")
    assert query(demo_path, "select date_of_birth from performer where legal_name = 'Kevin Lin'") == [("2021-06-01",)]
    schedule = show(demo_window, "schedule")
    messages = [conflict.message for conflict in schedule.model.analysis.conflicts if conflict.kind == "minor_hours"]
    assert "Day 9: Kevin Lin (age 5) is needed from 17:47 to 22:41; a minor may work from 05:00 to 22:00" in messages
    demo_window.undo_action.trigger()
    assert query(demo_path, "select date_of_birth from performer where legal_name = 'Kevin Lin'") == [(None,)]


def _dates(start, end):
    import datetime as dt

    return dt.date.fromisoformat(start), dt.date.fromisoformat(end)


def test_removing_a_performer_and_undo_brings_back_their_roles_and_dates(demo_window, demo_path, settle):
    page = show(demo_window, "cast")
    page.performers.select_ids([row["id"] for row in page.performers.model.rows if row["name"] == "Mia Tanaka"])
    page.remove_performers()
    assert performer_of(demo_path, "CHLOE") is None
    settle()
    assert any(row["character"] == "CHLOE" and row["performer_id"] is None for row in page.roles.model.rows)
    demo_window.undo_action.trigger()
    assert performer_of(demo_path, "CHLOE") == "Mia Tanaka"
    assert query(
        demo_path,
        "select count(*) from availability a join performer p on p.id = a.performer_id"
        " where p.legal_name = 'Mia Tanaka'",
    ) == [(1,)]


def test_pay_presets_dialog_edits_the_sag_aftra_verticals_figures(demo_window, demo_path):
    from ui.pay_presets import PayPresetsDialog

    page = show(demo_window, "cast")
    dialog = PayPresetsDialog(demo_window.workspace, page)
    names = [row["name"] for row in dialog.table.model.rows]
    assert "SAG-AFTRA Verticals" in names
    dialog.table.select_ids([row["id"] for row in dialog.table.model.rows if row["name"] == "SAG-AFTRA Verticals"])
    commit_line(dialog.form, "day_minimum", "249")
    commit_line(dialog.form, "pension_health_percent", "21")
    assert query(
        demo_path,
        "select day_minimum_minor, pension_health_percent from overtime_rule where name = 'SAG-AFTRA Verticals'",
    ) == [(24900, 21000)]
    dialog.close()


def test_crew_filters_by_department_and_language_and_edits_in_the_form(demo_window, demo_path):
    page = show(demo_window, "crew")
    total = page.crew.proxy.rowCount()
    page.language_filter.setCurrentIndex(page.language_filter.findText("Speaks both"))
    both = page.crew.proxy.rowCount()
    assert 0 < both < total
    assert all(
        "中" in row["speaks"] and "EN" in row["speaks"]
        for row in page.crew.selected_rows()
        or [page.crew.model.rows[page.crew.proxy.mapToSource(page.crew.proxy.index(0, 0)).row()]]
    )
    page.language_filter.setCurrentIndex(0)
    page.department_filter.setCurrentIndex(page.department_filter.findText("Camera"))
    assert page.crew.proxy.rowCount() == 3
    page.department_filter.setCurrentIndex(0)
    page.crew.select_ids([page.crew.model.rows[0]["id"]])
    commit_line(page.details, "phone", "+86 138 0013 8000")
    assert query(demo_path, "select phone from crew_member where name = 'Zhang Wei'") == [("+86 138 0013 8000",)]
    phone_column = next(i for i, c in enumerate(page.crew.model.columns) if c.key == "phone")
    assert page.crew.proxy.index(0, phone_column).data() == "+86 138 0013 8000"
    demo_window.undo_action.trigger()
    assert page.details.editors["phone"].text() == "(323) 555-0201"


def test_crew_list_import_is_one_undo_step(demo_window, demo_path, tmp_path, qtbot):
    page = show(demo_window, "crew")
    sheet = tmp_path / "crew.csv"
    sheet.write_text("department,position,name,phone\n翻译,Interpreter,Yun Zhao,(626) 555-0111\n", encoding="utf-8")
    from ui.people_lists import PeopleLists

    PeopleLists(page, "crew").import_file(sheet)
    qtbot.waitUntil(lambda: any(row["name"] == "Yun Zhao" for row in page.crew.model.rows), timeout=10000)
    assert "1 added" in demo_window.statusBar().currentMessage()
    demo_window.undo_action.trigger()
    assert query(demo_path, "select count(*) from crew_member where name = 'Yun Zhao'") == [(0,)]


def test_rows_taken_by_the_chinese_name_alone_are_shown_after_a_cast_list_import(
    demo_window, demo_path, tmp_path, qtbot
):
    page = show(demo_window, "cast")
    others = query(demo_path, "select name_zh from performer where name_zh not in ('', '林凯文') order by id limit 10")
    assert len(others) == 10
    rows = ["Kevin Lam,林凯文"] + [f"Someone {number},{name}" for number, (name,) in enumerate(others)]
    sheet = tmp_path / "cast.csv"
    sheet.write_text("name,name_zh\n" + "\n".join(rows) + "\n", encoding="utf-8")
    from ui.people_lists import PeopleLists

    PeopleLists(page, "cast").import_file(sheet)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "chineseNameMatches") is not None, timeout=10000)
    box = page.findChild(QMessageBox, "chineseNameMatches")
    shown = box.informativeText().splitlines()
    assert shown[0] == "row 2, Kevin Lam: taken as Kevin Lin (林凯文) by the Chinese name; the name Kevin Lin is kept"
    assert len(shown) == 11 and "1 more" in shown[-1]
    assert len(box.detailedText().splitlines()) == 11
    assert query(demo_path, "select count(*) from performer where legal_name like 'Someone %'") == [(0,)]
    box.accept()


def test_a_bad_crew_list_is_refused_with_the_row_named(demo_window, tmp_path, qtbot):
    page = show(demo_window, "crew")
    sheet = tmp_path / "crew.csv"
    sheet.write_text("department,name,day_rate\nCamera,Kai,-300\n", encoding="utf-8")
    from ui.people_lists import PeopleLists

    PeopleLists(page, "crew").import_file(sheet)
    qtbot.waitUntil(lambda: last_refusal(demo_window) is not None, timeout=10000)
    assert "row 2, day_rate" in last_refusal(demo_window).text()
    assert demo_window.workspace.undo_stack.count() == 0


def test_exporting_the_cast_list_writes_a_csv(demo_window, tmp_path, qtbot, monkeypatch):
    page = show(demo_window, "cast")
    target = tmp_path / "cast.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    page.buttons["exportCast"].trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert "Daniel Hayes" in target.read_text(encoding="utf-8-sig")


def test_mapping_a_set_to_a_location_and_editing_a_location(demo_window, demo_path, settle):
    page = show(demo_window, "locations")
    column = next(i for i, c in enumerate(page.sets.model.columns) if c.key == "location")
    index = row_index(page.sets, "name", "ROOFTOP BAR", column)
    assert page.sets.proxy.setData(index, None)
    assert query(demo_path, "select location_id from film_set where name = 'ROOFTOP BAR'") == [(None,)]
    settle()
    assert page.sets.proxy.data(row_index(page.sets, "name", "ROOFTOP BAR", column)) == "not mapped"
    assert "1 set not mapped to a location" in page.summary.text()
    demo_window.undo_action.trigger()
    assert query(demo_path, "select location_id from film_set where name = 'ROOFTOP BAR'") != [(None,)]
    page.locations.select_ids([page.locations.model.rows[0]["id"]])
    commit_line(page.details, "latitude", "134")
    assert "not a latitude" in last_refusal(demo_window).text()
    commit_line(page.details, "timezone", "Europe/Berlin")
    assert query(demo_path, "select timezone from location where name = 'Sterling Tower'") == [("Europe/Berlin",)]


def test_removing_a_location_unmaps_its_sets_and_undo_maps_them_again(demo_window, demo_path):
    page = show(demo_window, "locations")
    page.locations.select_ids([row["id"] for row in page.locations.model.rows if row["name"] == "Sterling Tower"])
    before = query(demo_path, "select count(*) from film_set where location_id is null")
    page.remove_locations()
    assert query(demo_path, "select count(*) from film_set where location_id is null")[0][0] > before[0][0]
    demo_window.undo_action.trigger()
    assert query(demo_path, "select count(*) from film_set where location_id is null") == before
    assert any(row["name"] == "Sterling Tower" for row in page.locations.model.rows)


def test_file_export_contact_sheet_writes_a_workbook(demo_window, tmp_path, qtbot, monkeypatch):
    from openpyxl import load_workbook

    target = tmp_path / "contacts.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    demo_window.export_contacts_action.trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert load_workbook(target).sheetnames == ["Cast", "Crew", "Locations"]


def test_departments_dialog_adds_edits_and_removes_with_undo(demo_window, demo_path):
    from ui.row_list_dialog import RowListDialog

    page = show(demo_window, "crew")
    opened = []
    QTimer.singleShot(0, lambda: opened.append(page.findChild(RowListDialog, "departmentsDialog")))
    QTimer.singleShot(10, lambda: opened[0].add())
    QTimer.singleShot(20, lambda: opened[0].add())  # a second "New department": refused, explained
    QTimer.singleShot(40, lambda: opened[0].findChild(QMessageBox).accept())
    QTimer.singleShot(60, lambda: opened[0].reject())
    page.edit_departments()
    assert query(demo_path, "select count(*) from department where name = 'New department'") == [(1,)]
    demo_window.undo_action.trigger()
    assert query(demo_path, "select count(*) from department where name = 'New department'") == [(0,)]


def test_choosing_a_photo_shows_it_beside_the_performers_details(demo_window, demo_path, tmp_path, monkeypatch):
    from PySide6.QtGui import QColor, QImage

    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    photo = tmp_path / "headshot.png"
    image.save(str(photo))
    page = show(demo_window, "cast")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(photo), ""))
    page.photo_button.click()
    assert query(demo_path, "select photo_path from performer where legal_name = 'Daniel Hayes'") == [(str(photo),)]
    assert not page.photo.isHidden() and page.photo.pixmap().height() == 120


def test_a_pipe_named_as_a_photo_shows_nothing_and_never_blocks_the_window(demo_window, tmp_path, monkeypatch):
    pipe = tmp_path / "headshot.png"
    os.mkfifo(pipe)  # opening a pipe to read waits for a writer: a window reading it so would freeze
    page = show(demo_window, "cast")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(pipe), ""))
    page.photo_button.click()
    assert page.photo.isHidden()


def test_an_edit_of_both_dates_of_a_range_reloads_each_calendar_once(demo_window, demo_path, settle, monkeypatch):
    """One change, one announcement: the calendars reloaded three times for an edit of two dates (once
    for each date, once for the row)."""
    for key in ("cast", "crew", "locations"):
        show(demo_window, key)
    page = show(demo_window, "cast")
    page.performers.select_ids([row["id"] for row in page.performers.model.rows if row["name"] == "Mia Tanaka"])
    reloads = {}
    for panel in demo_window.findChildren(AvailabilityPanel):
        reload = panel.reload
        monkeypatch.setattr(
            panel, "reload", lambda panel=panel, reload=reload: (reloads.setdefault(panel, []).append(1), reload())
        )
    assert len(reloads) == 0 and len(demo_window.findChildren(AvailabilityPanel)) == 3
    row = page.calendar.ranges.model.rows[0]
    later = {"end_date": row["end"] + dt.timedelta(days=2), "start_date": row["start"] + dt.timedelta(days=1)}
    seen = row["versions"]["availability"]
    demo_window.workspace.apply(operations.edit, "availability", row["id"], later, seen, label="Edit dates")
    settle()
    assert [len(counted) for counted in reloads.values()] == [1, 1, 1]
    assert [(r["start"], r["end"]) for r in page.calendar.ranges.model.rows] == [
        (later["start_date"], later["end_date"])
    ]
