"""The rows the Production Report page shows: the shoot days, and a reported day's unit times, people,
scenes, notes and hot cost from its worked-out summary. Times stay minutes (a meal: start and end) for
the page to show on the day's clock; money stays Money."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlmodel import Session, select

from studio import vocabulary
from studio.day_reports.clock import duration
from studio.day_reports.reading import DEPARTMENT
from studio.day_reports.summary import DaySummary
from studio.formatting import format_eighths
from studio.models import DayReport, DayReportScene, FilmSet, Scene, ShootDay
from studio.models.day_report import DAY_TIMES
from studio.models.enums import RevisionState, SceneOutcome, ShootDayKind
from studio.money import Money

Row = dict[str, Any]


def shoot_day_rows(session: Session, production_id: int) -> list[Row]:
    statement = (
        select(ShootDay, DayReport.id)
        .join(DayReport, DayReport.shoot_day_id == ShootDay.id, isouter=True)
        .where(ShootDay.production_id == production_id, ShootDay.kind == ShootDayKind.SHOOT.value)
        .order_by(ShootDay.shoot_date, ShootDay.unit)
    )
    return [
        {"id": day.id, "day_number": day.day_number, "date": day.shoot_date, "reported": report is not None}
        for day, report in session.exec(statement)
    ]


def scenes_to_add(session: Session, report_id: int, production_id: int) -> list[Row]:
    """The scenes a report can add, in script order: the production's, but those omitted, those already
    on it and those completed on another day."""
    on_report = select(DayReportScene.scene_id).where(DayReportScene.report_id == report_id)
    completed = select(DayReportScene.scene_id).where(DayReportScene.outcome == SceneOutcome.COMPLETED.value)
    statement = (
        select(Scene, FilmSet)
        .join(FilmSet, Scene.set_id == FilmSet.id, isouter=True)
        .where(
            Scene.production_id == production_id,
            Scene.revision_state != RevisionState.OMITTED.value,
            Scene.id.not_in(on_report),
            Scene.id.not_in(completed),
        )
        .order_by(Scene.sort_order, Scene.id)
    )
    return [
        {
            "id": scene.id,
            "number": scene.number,
            "set": film_set.name if film_set else "",
            "set_zh": film_set.name_zh if film_set else "",
        }
        for scene, film_set in session.exec(statement)
    ]


def unit_rows(summary: DaySummary) -> list[Row]:
    day = summary.day
    times = {name: day.times[name] for name in DAY_TIMES}
    meals = {"lunch": day.lunch, "second_meal": day.second_meal}
    return [{"id": day.report_id, "versions": {"day_report": day.version}, **times, **meals, "notes": day.notes}]


def people_rows(summary: DaySummary) -> list[Row]:
    rows = []
    for row in summary.day.rows:
        pays = summary.pays_of(row)
        first = pays[0] if pays else None
        money = {
            part: Money(sum((getattr(pay, part) for pay in pays), Decimal(0)), first.currency) if first else None
            for part in ("overtime", "penalties")
        }
        rows.append(
            {
                "id": row.id,
                "versions": {"day_report_time": row.version},
                "kind": row.kind,
                "name": row.name,
                "name_zh": row.name_zh,
                "detail": row.detail,
                "detail_zh": row.detail_zh or vocabulary.chinese("positions", row.detail) or row.detail,
                "count": len(pays) if row.kind == DEPARTMENT else row.count,
                **{key: getattr(row, key) for key in ("call", "makeup", "on_set", "wrap", "out", "remarks")},
                "first_meal": row.first_meal,
                "second_meal": row.second_meal,
                "travel_minutes": row.travel,
                "hours": duration(first.worked_minutes) if first and row.call is not None else "",
                "overtime_hours": duration(first.overtime_minutes) if first and first.overtime_minutes else "",
                "late_meals": len(first.late_meals) if first else 0,
                "rest": duration(first.rest_minutes) if first and first.rest_minutes is not None else "",
                **money,
            }
        )
    return rows


def scene_rows(summary: DaySummary) -> list[Row]:
    return [
        {
            "id": scene.id,
            "versions": {"day_report_scene": scene.version},
            "number": scene.number,
            "set": scene.set_name,
            "set_zh": scene.set_name_zh,
            "pages": format_eighths(scene.eighths),
            "planned": scene.planned,
            "outcome": scene.outcome,
            "eighths_shot": scene.eighths_shot,
            "screen_seconds": scene.screen_seconds,
            "setups": scene.setups,
            "remarks": scene.remarks,
        }
        for scene in summary.day.scenes
    ]


def note_rows(summary: DaySummary) -> list[Row]:
    return [
        {
            "id": note.id,
            "versions": {"day_report_note": note.version},
            "kind": note.kind,
            "reason": note.reason,
            "minutes": note.minutes,
            "department": note.department,
            "department_zh": note.department_zh,
            "text": note.text,
        }
        for note in summary.day.remarks
    ]


def hot_cost_rows(summary: DaySummary) -> list[Row]:
    currency = summary.currency
    return [
        {
            "id": name,
            "category": name,
            "planned": Money(planned, currency),
            "actual": Money(actual, currency),
            "variance": Money(variance, currency),
        }
        for name, planned, actual, variance in summary.hot.rows()
    ]
