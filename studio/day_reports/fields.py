"""The rules a report's fields are edited by (studio.edits.EDITABLE names them): times on the day's
clock kept in order with the row's others, meals as a start and an end, a scene's outcome (never
completed twice), the pages of a part shot (never more than the scene has left), a scene added once."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import object_session
from sqlmodel import Session, SQLModel, select

from studio import validation
from studio.day_reports.clock import Span, clock_minutes, span
from studio.day_reports.time_order import check_day, check_person
from studio.edit_rules import RowRule
from studio.errors import InvalidInput
from studio.formatting import format_eighths
from studio.i18n import _
from studio.models import Department, Scene, ShootDay
from studio.models.day_report import DAY_TIMES, PERSON_TIMES, DayReport, DayReportScene
from studio.models.enums import DelayReason, RevisionState, SceneOutcome


def _as_span(value: tuple[int, int] | None) -> Span | None:
    return None if value is None else Span(*value)


def _check(row: SQLModel, changed: dict[str, Any]) -> None:
    """The row's times in order, with `changed` (field → new value) in place of what it holds."""
    if isinstance(row, DayReport):
        times = {name: changed.get(name, getattr(row, name)) for name in DAY_TIMES}
        lunch, second = (_as_span(changed.get(name, getattr(row, name))) for name in ("lunch", "second_meal"))
        check_day(times, lunch, second)
    else:
        times = {name: changed.get(name, getattr(row, name)) for name in PERSON_TIMES}
        first, second = (_as_span(changed.get(name, getattr(row, name))) for name in ("first_meal", "second_meal"))
        check_person(times, first, second)


@dataclass(frozen=True)
class InOrder(RowRule):
    """A time of the unit's or a person's day (07:30; 25:30 after midnight) or a meal (13:00-13:30), read
    by `read`, in order with the row's other times."""

    read: Callable[[Any], Any]

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        value = self.read(value)
        _check(row, {field: value})
        setattr(row, field, value)


def _meal(value: Any) -> tuple[int, int] | None:
    meal = span(value)
    return None if meal is None else tuple(meal)


CLOCK_TIME = InOrder(clock_minutes)
MEAL = InOrder(_meal)


def report_day(session: Session, report_id: int) -> ShootDay:
    return session.exec(select(ShootDay).join(DayReport).where(DayReport.id == report_id)).one()


def day_name(day: ShootDay) -> str:
    """Day 2 (2027-01-12)."""
    if day.day_number:
        return _("day {number} ({date})").format(number=day.day_number, date=day.shoot_date.isoformat())
    return day.shoot_date.isoformat()


def _completed_on(session: Session, scene_id: int, report_id: int) -> ShootDay | None:
    """The other reported day the scene was completed on, if any."""
    return session.exec(
        select(ShootDay)
        .join(DayReport, DayReport.shoot_day_id == ShootDay.id)
        .join(DayReportScene, DayReportScene.report_id == DayReport.id)
        .where(
            DayReportScene.scene_id == scene_id,
            DayReportScene.report_id != report_id,
            DayReportScene.outcome == SceneOutcome.COMPLETED.value,
        )
    ).first()


def _shot_elsewhere(session: Session, scene_id: int, report_id: int) -> int:
    """Eighths of the scene shot in parts on other reported days."""
    return session.exec(
        select(func.coalesce(func.sum(DayReportScene.eighths_shot), 0)).where(
            DayReportScene.scene_id == scene_id,
            DayReportScene.report_id != report_id,
            DayReportScene.outcome == SceneOutcome.PARTIAL.value,
        )
    ).one()


def _not_completed_elsewhere(session: Session, scene: Scene, report_id: int) -> None:
    day = _completed_on(session, scene.id, report_id)
    if day is not None:
        raise InvalidInput(
            _("scene {scene} was already completed on {day}: a scene is shot once").format(
                scene=scene.number, day=day_name(day)
            )
        )


@dataclass(frozen=True)
class Outcome(RowRule):
    """Completed, partly shot or not shot; a scene completed on another day cannot be completed again."""

    def assign(self, row: DayReportScene, field: str, value: Any) -> None:
        outcome = validation.choice(value, [o.value for o in SceneOutcome], _("completed, partly shot or not shot"))
        session = object_session(row)
        if outcome == SceneOutcome.COMPLETED.value:
            with session.no_autoflush:
                _not_completed_elsewhere(session, session.get(Scene, row.scene_id), row.report_id)
        setattr(row, field, outcome)


@dataclass(frozen=True)
class EighthsShot(RowRule):
    """The pages of a part shot, typed as pages and eighths (1 3/8) or eighths: some of the scene, never
    more than it has left after the parts shot on other days."""

    def assign(self, row: DayReportScene, field: str, value: Any) -> None:
        eighths = _eighths(value)
        if eighths is not None:
            session = object_session(row)
            with session.no_autoflush:
                scene = session.get(Scene, row.scene_id)
                left = scene.page_eighths - _shot_elsewhere(session, scene.id, row.report_id)
            if not 0 < eighths < left:
                raise InvalidInput(
                    _("a part of scene {scene} is more than none and less than the {left} pages left of it").format(
                        scene=scene.number, left=format_eighths(left)
                    )
                )
        setattr(row, field, eighths)


def _eighths(value: Any) -> int | None:
    """Pages as a script counts them (1 3/8, 3/8, 2), or a number of eighths stored."""
    if value is None or isinstance(value, int):
        return value
    text = validation.normalized_text(value)
    if not text:
        return None
    match = re.fullmatch(r"(?:([0-9]+)\s+)?([0-9])/8|([0-9]+)", text)
    if not match:
        raise InvalidInput(_("{value} is not a length in pages (expected 1 3/8, 3/8 or 2)").format(value=repr(text)))
    if match.group(3) is not None:
        return int(match.group(3)) * 8
    return int(match.group(1) or 0) * 8 + int(match.group(2))


@dataclass(frozen=True)
class SceneAdded(RowRule):
    """A scene of the production put on the report: not omitted, not on it already, not completed before."""

    def assign(self, row: DayReportScene, field: str, value: Any) -> None:
        session = object_session(row)
        with session.no_autoflush:
            scene = session.get(Scene, int(value)) if str(value or "").isdigit() else None
            day = report_day(session, row.report_id)
            if scene is None or scene.production_id != day.production_id:
                raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
            if scene.revision_state == RevisionState.OMITTED.value:
                raise InvalidInput(_("scene {scene} is omitted from the script").format(scene=scene.number))
            on_report = session.exec(
                select(DayReportScene.id).where(
                    DayReportScene.report_id == row.report_id, DayReportScene.scene_id == scene.id
                )
            ).first()
            if on_report is not None:
                raise InvalidInput(_("scene {scene} is already on this report").format(scene=scene.number))
            _not_completed_elsewhere(session, scene, row.report_id)
        setattr(row, field, scene.id)


@dataclass(frozen=True)
class ReportDepartment(RowRule):
    """A department of the report's production (a department's note), or none."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        if value in (None, ""):
            setattr(row, field, None)
            return
        session = object_session(row)
        department = session.get(Department, int(value))
        if department is None or department.production_id != report_day(session, row.report_id).production_id:
            raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
        setattr(row, field, department.id)


@dataclass(frozen=True)
class PlayersCount(RowRule):
    """How many players a background group's row is for (none, if none came); a performer's or a crew
    member's row is for one person, whose pay a count would multiply or wipe out."""

    clean: Callable[[Any], int]

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        count = self.clean(value)
        if row.character_id is None and count != 1:
            raise InvalidInput(_("a person's row is one person: only a background group has a count of players"))
        setattr(row, field, count)


def screen_seconds(value: Any) -> int | None:
    """Screen time shot, typed as minutes and seconds (1:30) or seconds (90)."""
    if value is None or isinstance(value, int):
        return value
    text = validation.normalized_text(value).replace("：", ":")
    if not text:
        return None
    match = re.fullmatch(r"(?:([0-9]{1,3}):([0-5][0-9]))|([0-9]{1,5})", text)
    seconds = -1
    if match:
        seconds = int(match.group(3)) if match.group(3) else int(match.group(1)) * 60 + int(match.group(2))
    if not 0 <= seconds <= 10 * 3600:
        raise InvalidInput(
            _("{value} is not a screen time (expected minutes and seconds, such as 1:30)").format(value=repr(text))
        )
    return seconds


def delay_reason(value: Any) -> str:
    """Why a delay happened (weather, talent, equipment, location, other), or "" for a note that is none."""
    if not str(value or "").strip():
        return ""
    return validation.choice(value, [reason.value for reason in DelayReason], _("reason for a delay"))
