"""The Budget page driven as a producer would: drill down, edit a line, watch the totals, undo."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from studio import operations
from studio.budget.totals import current_budget
from studio.money import Money
from studio.storage.db import open_database
from tests.ui.driving import last_refusal, query, show
from ui.budget_tree import KEYS
from ui.i18n import money_text

INSURANCE = "Production insurance"


def _line_index(page, description: str, column: str):
    model = page.model
    line = next(line for line in model.inputs.lines if line.description == description)
    index = model.index_of_line(line.id)
    return model.index(index.row(), KEYS.index(column), index.parent()), line


def _grand(path) -> Decimal:
    database = open_database(str(path))
    try:
        with database.session() as session:
            return current_budget(session, 1).calculation.grand
    finally:
        database.close()


def test_the_top_sheet_shows_each_group_and_the_grand_total_the_cli_gives(demo_window, demo_path):
    page = show(demo_window, "budget")
    model = page.model
    names = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert names[:2] == ["Above the line", "Below the line"] and names[-1] == "Grand total"
    grand = model.index(model.rowCount() - 1, KEYS.index("report")).data()
    assert grand == money_text(Money(_grand(demo_path), "CNY"))
    assert grand in page.summary.text()


def test_editing_a_rate_updates_the_totals_at_once_and_undo_puts_it_back(demo_window, demo_path, settle):
    page = show(demo_window, "budget")
    before = page.model.calculation.grand
    rate, line = _line_index(page, INSURANCE, "rate")
    assert page.model.setData(rate, "5000")
    settle()
    # 500 USD more, converted at the latest CNY rate (1 / 0.1392 = 7.18390805), contingency 10% and overhead 5%.
    converted = (Decimal(500) * Decimal("7.18390805")).quantize(Decimal("0.01"))
    assert page.model.calculation.grand - before >= converted
    assert page.model.calculation.grand == _grand(demo_path)
    assert query(demo_path, "select rate_minor from budget_line where id = ?", line.id) == [(500000,)]
    demo_window.workspace.undo_stack.undo()
    settle()
    assert page.model.calculation.grand == before
    assert query(demo_path, "select rate_minor from budget_line where id = ?", line.id) == [(450000,)]


def test_totals_follow_the_number_being_typed_and_return_when_the_edit_is_cancelled(demo_window, qtbot):
    page = show(demo_window, "budget")
    before = page.model.calculation.grand
    rate, _ = _line_index(page, INSURANCE, "rate")
    page.tree.setCurrentIndex(rate)
    page.tree.edit(rate)
    editor = page.tree.findChild(QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "9000")
    assert page.model.previewing and page.model.calculation.grand > before
    assert page.summary.text().startswith("While typing")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page.model.previewing)
    assert page.model.calculation.grand == before


def test_a_rate_that_is_not_a_number_is_refused_and_nothing_changes(demo_window, demo_path):
    page = show(demo_window, "budget")
    rate, line = _line_index(page, INSURANCE, "rate")
    assert not page.model.setData(rate, "abc")
    assert "is not an amount" in last_refusal(demo_window).text()
    assert query(demo_path, "select rate_minor from budget_line where id = ?", line.id) == [(450000,)]


def test_a_line_that_follows_the_schedule_keeps_its_amount_but_takes_notes(demo_window):
    page = show(demo_window, "budget")
    cast = next(line for line in page.model.inputs.lines if line.source.startswith("cast:"))
    index = page.model.index_of_line(cast.id)
    amount = page.model.index(index.row(), KEYS.index("amount"), index.parent())
    notes = page.model.index(index.row(), KEYS.index("notes"), index.parent())
    assert not page.model.flags(amount) & Qt.ItemFlag.ItemIsEditable
    assert page.model.flags(notes) & Qt.ItemFlag.ItemIsEditable


def test_a_schedule_change_updates_the_cast_lines_and_says_so(demo_window, demo_path, qtbot):
    page = show(demo_window, "budget")
    assert page.changes.isHidden()
    last_day = query(demo_path, "select id from shoot_day where day_number = 9")[0][0]
    strips = [row[0] for row in query(demo_path, "select id from strip where shoot_day_id = ?", last_day)]
    demo_window.workspace.apply(operations.place_all, 1, {None: strips}, label="Unschedule the last day")
    qtbot.waitUntil(lambda: page.changes.isVisible())  # stored once the schedule has stopped changing
    assert page.changes.isVisible() and "schedule changed the budget" in page.changes.text()
    assert page.model.calculation.grand == _grand(demo_path)


def test_a_global_changes_every_line_that_uses_it_and_a_circle_is_refused(demo_window, demo_path, settle):
    page = show(demo_window, "budget")
    before = page.model.calculation.grand
    ids = {row["name"]: row["id"] for row in page.globals.model.rows}
    demo_window.workspace.apply(operations.edit, "budget_global", ids["OT_HOURS"], {"value_entry": "3"}, label="OT")
    settle()
    assert page.model.calculation.grand > before
    values = {"name": "PAD", "value_entry": "1"}
    demo_window.workspace.apply(operations.add, "budget_global", {"production_id": 1}, values, label="Add")
    settle()
    pad = next(row["id"] for row in page.globals.model.rows if row["name"] == "PAD")
    demo_window.workspace.apply(operations.edit, "budget_global", pad, {"value_entry": "OT_HOURS + 1"}, label="PAD")
    index = page.globals.model.index(
        next(i for i, row in enumerate(page.globals.model.rows) if row["name"] == "OT_HOURS"), 1
    )
    assert not page.globals.model.setData(index, "PAD * 2")
    assert "uses itself" in last_refusal(demo_window).text()


def test_the_cost_report_versions_and_charts_are_filled(demo_window, demo_path, settle):
    page = show(demo_window, "budget")
    report = {row["account"]: row for row in page.report.model.rows}
    assert report["6700 Insurance"]["variance"].amount < 0  # paid at an older rate than the budget's
    posted = query(demo_path, "select count(*) from cost_entry where vendor = 'Production report'")[0][0]
    assert posted and page.actuals.model.rowCount() == 9 + posted  # its invoices and its reported days' labour
    page.save_named_version("After the first days")
    versions = page.versions_tab
    assert [row["name"] for row in versions.versions.model.rows][-1] == "After the first days"
    versions.left.setCurrentIndex(versions.left.findText("Approved before the shoot"))
    versions.compare()
    assert versions.comparison.model.rows[-1]["left"] == versions.comparison.model.rows[-1]["right"]
    approved = {row["name"]: row["approved"] for row in versions.versions.model.rows}
    assert approved == {"Approved before the shoot": True, "After the first days": False}
    versions.versions.view.selectRow(1)
    versions.approve()
    assert query(demo_path, "select name from budget_version where approved") == [("After the first days",)]
    assert [index.data() for index in (versions.versions.model.index(r, 2) for r in range(2))] == ["", "✓"]
    for view in (page.charts.by_group, page.charts.by_account, page.charts.over_days):
        assert view.chart().series()


def test_a_strip_dragged_on_the_board_reaches_the_budget_when_it_is_next_shown(demo_window, demo_path, qtbot):
    show(demo_window, "budget")
    show(demo_window, "schedule")
    last_day = query(demo_path, "select id from shoot_day where day_number = 9")[0][0]
    strips = [row[0] for row in query(demo_path, "select id from strip where shoot_day_id = ?", last_day)]
    demo_window.workspace.apply(operations.move_strips, 1, strips, None, 0, label="Drag to the boneyard")
    page = show(demo_window, "budget")
    qtbot.waitUntil(lambda: page.changes.isVisible())  # stored once the schedule has stopped changing
    assert "schedule changed the budget" in page.changes.text()
    assert page.model.calculation.grand == _grand(demo_path)


def test_contingency_is_a_percent_edited_on_its_account(demo_window, demo_path, settle):
    page = show(demo_window, "budget")
    model = page.model
    contingency = next(a for a in model.inputs.accounts if a.code == "9000")
    index = model.index_of_account(contingency.id)
    percent = model.index(index.row(), KEYS.index("amount"), index.parent())
    assert percent.data() == "10%"
    direct = model.calculation.direct
    assert model.setData(percent, "12")
    settle()
    account = next(a for a in page.model.inputs.accounts if a.code == "9000")
    assert page.model.calculation.accounts[account.id] == (direct * Decimal("0.12")).quantize(Decimal("0.01"))
    assert query(demo_path, "select percent from budget_account where code = '9000'") == [(120000,)]


def test_an_account_added_after_cast_takes_lines_and_one_with_lines_is_not_removed(demo_window, demo_path, settle):
    page = show(demo_window, "budget")
    cast = next(a for a in page.model.inputs.accounts if a.code == "1400")
    page.tree.setCurrentIndex(page.model.index_of_account(cast.id))
    page.add_account()
    codes = [a.code for a in page.model.inputs.accounts]
    assert codes[codes.index("1400") + 1] == "1410"
    assert query(demo_path, "select account_group from budget_account where code = '1410'") == [("ATL",)]
    page.tree.setCurrentIndex(page.model.index_of_account(cast.id))
    page.remove_account()
    assert "still has lines" in last_refusal(demo_window).text()
    added = next(a for a in page.model.inputs.accounts if a.code == "1410")
    page.tree.setCurrentIndex(page.model.index_of_account(added.id))
    page.remove_account()
    settle()
    assert query(demo_path, "select count(*) from budget_account where code = '1410'") == [(0,)]
