"""The production report as a document (studio.exports.dpr), on The Night Desk: what its time report and
scenes show, worked by hand (the day itself is worked in tests/studio/test_day_reports.py)."""

from __future__ import annotations

import datetime as dt

from studio.day_reports.final_cost import final_cost
from studio.exports.dpr import DprDocument, Table, dpr_document
from studio.exports.dpr_xlsx import sheet_name
from tests.studio.day_report_production import (
    edit,
    scene_row,
    start,
    summary,
    time_row,
    two_hours_over_with_a_late_lunch,
)


def document(desk, lang: str = "en") -> DprDocument:
    day = summary(desk, 0)
    with desk.database.session() as session:
        cost = final_cost(session, desk.production_id, day.currency)
    return dpr_document(day, cost, ("The Night Desk", "夜班编辑部", "Owl Pictures"), lang, dt.date(2027, 1, 11))


def table(of: DprDocument, key: str) -> Table:
    return next(table for table in of.tables if table.key == key)


def cells(of: Table, name: str, column: str) -> list:
    """The column headed `column` of the row naming `name`."""
    row = next(row for row in of.rows if row[0] == name)
    return row[of.headings.index(column)]


def test_a_person_called_after_lunch_has_no_meal_and_is_paid_none(desk):
    # Day 1 as planned, lunch 12:00-12:30; Ben called at 12:45, after it: no meal of his, and his day
    # 12:45-17:00 is 4 h 15 min, nothing taken out for the unit's lunch. Ava (06:15-17:00) had it.
    start(desk, 0)
    ben = time_row(desk, 0, performer_id=desk.performers["Ben Cole"])
    edit(desk, "day_report_time", ben, on_set="13:00", makeup="12:45", call="12:45")
    cast = table(document(desk), "cast")
    assert cells(cast, "Ben Cole", "Meals") == ""
    assert cells(cast, "Ben Cole", "Hours") == "4:15"
    assert cells(cast, "Ava Stone", "Meals") == "12:00–12:30"
    assert summary(desk, 0).pay_of("cast", desk.performers["Ben Cole"]).worked_minutes == 255


def test_late_meals_are_counted_as_meals(desk):
    # Day 1 two hours over: Ava's lunch 90 minutes late, one meal (three half-hour steps: 110 in penalties)
    start(desk, 0)
    two_hours_over_with_a_late_lunch(desk)
    cast = table(document(desk), "cast")
    assert cells(cast, "Ava Stone", "Late meals") == 1
    assert cells(cast, "Ben Cole", "Late meals") is None


def test_screen_time_not_entered_is_estimated_and_marked(desk):
    # Scene 1-1 (8/8, none entered): about a minute; scene 1-2 (4/8) entered as 0:40. The day's total,
    # 1:40, holds an estimate.
    start(desk, 0)
    edit(desk, "day_report_scene", scene_row(desk, 0, 2), screen_seconds="0:40")
    scenes = table(document(desk), "scenes")
    assert [cells(scenes, number, "Screen time") for number in ("1-1", "1-2", "Total")] == ["≈1:00", "0:40", "≈1:40"]
    assert "≈" in scenes.note


def test_the_sheets_of_a_chinese_report_are_named_in_chinese(desk):
    start(desk, 0)
    assert [sheet_name(table.title) for table in document(desk, "zh").tables][:2] == ["时间", "当日场次"]
    assert sheet_name(table(document(desk, "en+zh"), "hot_cost").title) == "Hot cost · 当日成本"
