"""A crew member's login on the team's server: the schedule, the script, people and places and the
call sheets open and read as for a producer, but no rate, fee or budget is shown or asked of the
server (its grants would refuse them), and nothing offers a change."""

from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QLineEdit

from tests.ui.driving import show, window_on
from ui.page_stack import PAGES


def column_hidden(table, key) -> bool:
    index = next(i for i, column in enumerate(table.model.columns) if column.key == key)
    return table.view.isColumnHidden(index)


def test_every_page_but_the_money_ones_opens_for_the_crew(qtbot, crew_login):
    window = window_on(qtbot, crew_login)
    money_only = {entry.key for entry in PAGES if entry.all_money}  # the budget, the production reports
    for key in window.page_keys:
        if key not in money_only:
            page = show(window, key)
            assert page.isVisible()
            assert page.tables == [] or any(table.model.rows for table in page.tables), key
    budget = window.page_keys.index("budget")
    assert window.sidebar.item(budget).isHidden() and not window.page_actions[budget].isEnabled()
    window.show_page(budget)
    assert not window.page("budget").isVisible()


def test_the_crew_sees_people_and_the_schedule_without_a_rate(qtbot, crew_login):
    window = window_on(qtbot, crew_login)
    cast = show(window, "cast")
    assert column_hidden(cast.roles, "rate") and not column_hidden(cast.roles, "performer")
    assert cast.deal.row_id is not None  # the first role's deal: its days and travel, not its pay
    shown = {name for name, editor in cast.deal.editors.items() if cast.deal.form_layout.isRowVisible(editor)}
    assert shown == {"guaranteed_days", "travel_notes"}
    assert not cast.buttons["payPresets"].isVisible()
    crew = show(window, "crew")
    assert column_hidden(crew.crew, "rate") and not column_hidden(crew.crew, "phone")
    assert column_hidden(show(window, "locations").locations, "fee")
    schedule = show(window, "schedule")
    assert "cost" not in schedule.summary.text() and "482 scenes scheduled" in schedule.summary.text()


def test_a_producer_on_the_same_server_sees_it_all(qtbot, server_demo, postgres_server):
    window = window_on(qtbot, postgres_server.add_login(server_demo, "cliffhanger_producer"))
    for key in window.page_keys:
        page = show(window, key)
        assert page.isVisible()
        assert page.tables == [] or any(table.model.rows for table in page.tables), key
    cast = show(window, "cast")
    assert not column_hidden(cast.roles, "rate") and cast.buttons["payPresets"].isVisible()
    assert "cost" in show(window, "schedule").summary.text()
    budget = show(window, "budget")
    assert budget.isVisible() and budget.model.rowCount() > 0


def test_nothing_offers_the_crew_a_change(qtbot, crew_login):
    window = window_on(qtbot, crew_login)
    assert window.read_only_status.isVisible() and "may read but not change" in window.read_only_status.toolTip()
    assert not window.details_action.isEnabled() and not window.import_action.isEnabled()
    cast = show(window, "cast")
    assert not cast.buttons["addPerformer"].isEnabled() and cast.buttons["exportCast"].isEnabled()
    model = cast.roles.model
    assert not any(
        model.flags(model.index(0, number)) & (Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDropEnabled)
        for number in range(len(model.columns))
    )
    name = cast.details.editors["legal_name"]
    assert isinstance(name, QLineEdit) and name.isReadOnly() and name.text()
    for panel in (cast.calendar, cast.performer_days):
        assert not panel.add_button.isEnabled() and not panel.remove_button.isEnabled()
    assert not window.welcome.new_button.isEnabled() and not window.welcome.import_button.isEnabled()
    script = show(window, "script")
    assert not script.scene_text.editable and not script.scene_elements.editable
    callsheets = show(window, "callsheets")
    assert callsheets.buttons["exportDay"].isEnabled()
    schedule = show(window, "schedule")
    assert not schedule.buttons["optimize"].isEnabled() and not schedule.buttons["addDay"].isEnabled()
    assert schedule.view.dragDropMode() == QAbstractItemView.DragDropMode.NoDragDrop


def test_opening_a_file_after_a_crew_login_brings_the_money_back(qtbot, crew_login, demo_path):
    window = window_on(qtbot, crew_login)
    assert window.databases.open(str(demo_path))
    budget = window.page_keys.index("budget")
    assert not window.sidebar.item(budget).isHidden() and window.page_actions[budget].isEnabled()
    cast = show(window, "cast")
    assert not column_hidden(cast.roles, "rate") and cast.buttons["addPerformer"].isEnabled()
    assert cast.deal.form_layout.isRowVisible(cast.deal.editors["rate"]) and cast.deal.stored["rate"] is not None
    assert not window.read_only_status.isVisible() and show(window, "budget").isVisible()


def test_the_crew_exports_the_schedule_one_liner_day_out_of_days_and_calendar(qtbot, crew_login, tmp_path, monkeypatch):
    window = window_on(qtbot, crew_login)
    page = show(window, "schedule")
    assert page.buttons["exportSchedule"].isEnabled()
    menu = {action.objectName(): action for action in page.buttons["exportSchedule"].menu().actions()}
    written = {}
    for name, file in (
        ("exportSchedulePdf", "schedule.pdf"),
        ("exportOneLiner", "one-liner.pdf"),
        ("exportDood", "dood.xlsx"),
        ("exportCalendar", "shoot.ics"),
    ):
        target = written[name] = tmp_path / file
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, target=target, **kwargs: (str(target), ""))
        menu[name].trigger()
        qtbot.waitUntil(target.exists, timeout=20000)
    schedule = "".join(p.extract_text() for p in PdfReader(written["exportSchedulePdf"]).pages)
    one_liner = "".join(p.extract_text() for p in PdfReader(written["exportOneLiner"]).pages)
    assert "CHLOE'S APARTMENT" in schedule and "CHLOE'S APARTMENT" in one_liner and len(one_liner) < len(schedule)
    names = {cell.value for row in load_workbook(written["exportDood"]).active.iter_rows() for cell in row}
    assert "Daniel Hayes" in " ".join(str(name) for name in names)
    assert written["exportCalendar"].read_text().count("BEGIN:VEVENT") == 9
