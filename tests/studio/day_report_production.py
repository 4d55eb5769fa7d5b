"""A production small enough to work every figure of its reports by hand ("The Night Desk").

One location (1000 USD a day), one set, four scenes of 300, 270, 300 and 270 minutes; day 1 shoots
scenes 1 and 2, day 2 scenes 3 and 4. Each call sheet: crew call 07:00, shooting call 07:30, lunch
12:00. The schedule's scenes run one after another from 07:30: both days wrap at 17:00.

- Ava Stone (#1, SAG-AFTRA Verticals, 1800 a day) plays in scenes 1, 3 and 4: on set 07:30, wardrobe
  07:15, hair & makeup 06:15 (the production's 60 and 15 minutes): called 06:15.
- Ben Cole (#2, Non-union 10-hour day, 400 a day) plays in scene 2: on set 12:30, called 11:15.
- Cora Diaz, camera operator (Camera, called at the crew call; Non-union 10-hour day, 300 a day).
- COMMUTERS, background in scene 1 (150 a day each, no pay preset).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, select

from studio import operations
from studio.callsheet import call_sheet_id
from studio.changes import Changes
from studio.day_reports.starting import start_day_report
from studio.day_reports.summary import DaySummary, day_summary
from studio.edits import set_fields
from studio.models import (
    CastAssignment,
    Character,
    CrewMember,
    DayReport,
    DayReportScene,
    DayReportTime,
    Department,
    Episode,
    FilmSet,
    Location,
    OvertimeRule,
    Performer,
    Scene,
    SceneCharacter,
    ShootDay,
    Strip,
)
from studio.productions import ProductionDetails, create_production
from studio.schedule.strips import ensure_strips, place_all
from studio.storage.db import Database, open_database

FIRST = dt.date(2027, 1, 11)
WRAPPED = FIRST + dt.timedelta(days=1)  # "today" once both days are shot


@dataclass
class NightDesk:
    database: Database
    production_id: int
    days: list[int]
    scenes: list[int]
    performers: dict[str, int]
    crew: int
    commuters: int
    location: int


def night_desk(target: Path | str) -> NightDesk:
    database = open_database(target, create=True)
    with database.transaction() as session:
        pid = create_production(session, ProductionDetails("The Night Desk", "夜班编辑部", "Owl Pictures")).id
        presets = {p.name: p.id for p in session.exec(select(OvertimeRule).where(OvertimeRule.production_id == pid))}
        location = Location(production_id=pid, name="Tower", fee_per_day_minor=100000)
        session.add(location)
        session.flush()
        film_set = FilmSet(production_id=pid, name="NEWSROOM", location_id=location.id)
        episode = Episode(production_id=pid, number=1)
        session.add_all([film_set, episode])
        session.flush()
        scenes = [
            Scene(
                production_id=pid,
                episode_id=episode.id,
                number=f"1-{number}",
                sort_order=number,
                heading="INT. NEWSROOM - DAY",
                int_ext="INT",
                time_of_day="DAY",
                set_id=film_set.id,
                page_eighths=eighths,
                estimated_minutes=minutes,
            )
            for number, eighths, minutes in ((1, 8, 300), (2, 4, 270), (3, 6, 300), (4, 2, 270))
        ]
        session.add_all(scenes)
        session.flush()
        performers = {}
        for number, (name, union, rate, preset, scene_numbers) in enumerate(
            (
                ("Ava Stone", "SAG-AFTRA", 180000, "SAG-AFTRA Verticals", (1, 3, 4)),
                ("Ben Cole", "NON-UNION", 40000, "Non-union 10-hour day", (2,)),
            ),
            start=1,
        ):
            performer = Performer(production_id=pid, legal_name=name, union_status=union)
            role = Character(production_id=pid, name=f"ROLE {number}", cast_number=number)
            session.add_all([performer, role])
            session.flush()
            session.add(
                CastAssignment(
                    character_id=role.id,
                    performer_id=performer.id,
                    rate_minor=rate,
                    overtime_rule_id=presets[preset],
                )
            )
            session.add_all(SceneCharacter(scene_id=scenes[n - 1].id, character_id=role.id) for n in scene_numbers)
            performers[name] = performer.id
        extras = Performer(production_id=pid, legal_name="Background: commuters")
        commuters = Character(production_id=pid, name="COMMUTERS", is_background=True)
        session.add_all([extras, commuters])
        session.flush()
        session.add(CastAssignment(character_id=commuters.id, performer_id=extras.id, rate_minor=15000))
        session.add(SceneCharacter(scene_id=scenes[0].id, character_id=commuters.id, speaking=False))
        camera = Department(production_id=pid, name="Camera")
        session.add(camera)
        session.flush()
        crew = CrewMember(
            production_id=pid,
            department_id=camera.id,
            position="Camera Operator",
            name="Cora Diaz",
            rate_minor=30000,
            overtime_rule_id=presets["Non-union 10-hour day"],
        )
        session.add(crew)
        days = []
        for offset in range(2):
            day = ShootDay(production_id=pid, shoot_date=FIRST + dt.timedelta(days=offset), day_number=offset + 1)
            session.add(day)
            session.flush()
            days.append(day.id)
        ensure_strips(session, pid)
        strip_of = dict(session.exec(select(Strip.scene_id, Strip.id).where(Strip.production_id == pid)).all())
        ids = [strip_of[scene.id] for scene in scenes]
        place_all(session, pid, {days[0]: ids[:2], days[1]: ids[2:], None: []})
        for day in days:
            sheet = call_sheet_id(session, day)
            set_fields(session, "call_sheet", sheet, {"crew_call": "07:00", "shooting_call": "07:30", "lunch": "12:00"})
        result = NightDesk(database, pid, days, [s.id for s in scenes], performers, crew.id, commuters.id, location.id)
    return result


def report_of(session: Session, day_id: int) -> DayReport:
    return session.exec(select(DayReport).where(DayReport.shoot_day_id == day_id)).one()


def start(desk: NightDesk, day: int, today: dt.date = WRAPPED) -> Changes:
    with desk.database.transaction() as session:
        return start_day_report(session, desk.days[day], today)


def edit(desk: NightDesk, entity: str, row_id: int, **values) -> Changes:
    with desk.database.transaction() as session:
        return operations.edit(session, entity, row_id, values)


def summary(desk: NightDesk, day: int) -> DaySummary:
    with desk.database.session() as session:
        return day_summary(session, desk.production_id, desk.days[day])


def time_row(desk: NightDesk, day: int, **owner) -> int:
    with desk.database.session() as session:
        ((column, value),) = owner.items()
        report = report_of(session, desk.days[day])
        statement = select(DayReportTime.id).where(
            DayReportTime.report_id == report.id, getattr(DayReportTime, column) == value
        )
        return session.exec(statement).one()


def scene_row(desk: NightDesk, day: int, scene: int) -> int:
    with desk.database.session() as session:
        report = report_of(session, desk.days[day])
        statement = select(DayReportScene.id).where(
            DayReportScene.report_id == report.id, DayReportScene.scene_id == desk.scenes[scene - 1]
        )
        return session.exec(statement).one()


def report_id(desk: NightDesk, day: int) -> int:
    with desk.database.session() as session:
        return report_of(session, desk.days[day]).id


def two_hours_over_with_a_late_lunch(desk: NightDesk) -> Changes:
    """Day 1 wraps at 19:00, not 17:00; lunch at 13:45, not 12:00; four commuters, not one."""
    report = report_id(desk, 0)
    edit(desk, "day_report", report, camera_wrap="19:00")
    edit(desk, "day_report", report, lunch="13:45-14:15")
    return edit(desk, "day_report_time", time_row(desk, 0, character_id=desk.commuters), count="4")
