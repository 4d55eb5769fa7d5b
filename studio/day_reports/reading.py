"""Reading a day's report out of the database as plain data, and what the production pays (deals, pay
presets, fees), to price it.

Who worked, from the report's rows (`worked_day`): each performer's row; each crew member's own row,
else their department's; each background group's row (`count` players). A row with a call worked from it
to its out (else its wrap, else the camera wrap), less its meals (else the unit's), plus paid travel; a
row without a call was paid the day without working. The locations paid for are the day's planned ones
and those of scenes added and shot; the company moves, the changes of location between the scenes shot,
in the report's order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlmodel import Session, select

from studio.day_reports.clock import Span
from studio.day_reports.facts import BACKGROUND, CAST, CREW, DayFacts, Worker
from studio.day_reports.hot_cost import Prices
from studio.day_reports.pay import Deal, Shift, rules_of
from studio.exchange import RateTable
from studio.models import (
    CastAssignment,
    Character,
    CrewMember,
    DayReport,
    DayReportNote,
    DayReportScene,
    DayReportTime,
    Department,
    Episode,
    FilmSet,
    Location,
    OvertimeRule,
    Performer,
    Production,
    Scene,
    ShootDay,
)
from studio.models.day_report import DAY_TIMES
from studio.models.enums import SceneOutcome
from studio.money import Money
from studio.schedule.board import StripCard
from studio.schedule.board_loading import production_drives
from studio.schedule.costs import company_moves

DEPARTMENT = "department"
SCREEN_SECONDS_PER_EIGHTH = Decimal("7.5")  # about a minute of screen time a page


def load_prices(session: Session, production_id: int) -> Prices:
    production = session.get(Production, production_id)
    rates = RateTable.for_production(session, production_id)
    presets = {
        preset.id: preset
        for preset in session.exec(select(OvertimeRule).where(OvertimeRule.production_id == production_id))
    }

    def deal(rate: Money, basis: str, preset_id: int | None) -> Deal:
        return Deal(rate.amount, rate.currency, basis, rules_of(presets.get(preset_id), rate.currency, rates))

    deals: dict[tuple[str, int], Deal] = {}
    roles = session.exec(
        select(CastAssignment, Character)
        .join(Character)
        .where(Character.production_id == production_id, CastAssignment.rate_minor.is_not(None))
    )
    for assignment, character in roles:
        if character.is_background:
            deals[BACKGROUND, character.id] = deal(assignment.rate, assignment.rate_basis, assignment.overtime_rule_id)
            continue
        # a performer in several roles is paid by their best deal, as the budget pays them
        kept = deals.get((CAST, assignment.performer_id))
        if kept is None or assignment.rate.amount > kept.rate:
            deals[CAST, assignment.performer_id] = deal(
                assignment.rate, assignment.rate_basis, assignment.overtime_rule_id
            )
    crew = session.exec(
        select(CrewMember).where(CrewMember.production_id == production_id, CrewMember.rate_minor.is_not(None))
    )
    for member in crew:
        deals[CREW, member.id] = deal(member.rate, member.rate_basis, member.overtime_rule_id)
    fees = {
        location.id: location.fee_per_day
        for location in session.exec(select(Location).where(Location.production_id == production_id))
        if location.fee_per_day is not None
    }
    drives = production_drives(session, production)
    return Prices(production.base_currency, deals, fees, production.company_move_cost, rates, drives)


@dataclass(frozen=True)
class TimeRow:
    id: int
    version: int
    kind: str  # cast, department, crew, background
    owner: int
    name: str
    name_zh: str
    detail: str  # the role played, the position held
    detail_zh: str
    count: int
    call: int | None
    makeup: int | None
    on_set: int | None
    first_meal: Span | None
    second_meal: Span | None
    wrap: int | None
    out: int | None
    travel: int
    remarks: str
    order: tuple = ()

    @property
    def end(self) -> int | None:
        return self.out if self.out is not None else self.wrap


@dataclass(frozen=True)
class SceneRow:
    id: int
    version: int
    scene_id: int
    number: str
    episode: int | None
    set_name: str
    set_name_zh: str
    location_id: int | None
    eighths: int  # the scene's length
    planned: bool
    outcome: str
    eighths_shot: int | None
    screen_seconds: int | None
    setups: int | None
    remarks: str

    @property
    def shot_eighths(self) -> int:
        if self.outcome == SceneOutcome.COMPLETED.value:
            return self.eighths
        return self.eighths_shot or 0 if self.outcome == SceneOutcome.PARTIAL.value else 0


@dataclass(frozen=True)
class NoteRow:
    id: int
    version: int
    kind: str
    reason: str
    minutes: int | None
    department: str
    department_zh: str
    text: str


@dataclass(frozen=True)
class ReportedDay:
    report_id: int
    version: int
    shoot_day_id: int
    number: int
    date: dt.date
    times: dict[str, int | None]  # the unit's (DAY_TIMES)
    lunch: Span | None
    second_meal: Span | None
    notes: str
    plan: DayFacts
    rows: list[TimeRow] = field(default_factory=list)
    scenes: list[SceneRow] = field(default_factory=list)
    remarks: list[NoteRow] = field(default_factory=list)


def _span(value: tuple[int, int] | None) -> Span | None:
    return None if value is None else Span(*value)


def read_report(session: Session, shoot_day_id: int) -> ReportedDay | None:
    """The day's report, or None if it has none yet."""
    found = session.exec(
        select(DayReport, ShootDay).join(ShootDay).where(DayReport.shoot_day_id == shoot_day_id)
    ).first()
    if found is None:
        return None
    report, day = found
    return ReportedDay(
        report_id=report.id,
        version=report.version,
        shoot_day_id=day.id,
        number=day.day_number or 0,
        date=day.shoot_date,
        times={name: getattr(report, name) for name in DAY_TIMES},
        lunch=_span(report.lunch),
        second_meal=_span(report.second_meal),
        notes=report.notes,
        plan=DayFacts.from_json(report.plan),
        rows=_time_rows(session, report.id),
        scenes=_scene_rows(session, report.id),
        remarks=_note_rows(session, report.id),
    )


def _time_rows(session: Session, report_id: int) -> list[TimeRow]:
    rows = []
    # Only the columns a row shows: whole people and roles, read as objects after every edit, were most of
    # the time it took to work a day out again.
    statement = (
        select(
            DayReportTime,
            Performer.id,
            Performer.professional_name,
            Performer.legal_name,
            Performer.name_zh,
            Department.id,
            Department.name,
            Department.name_zh,
            Department.sort_order,
            CrewMember.id,
            CrewMember.name,
            CrewMember.name_zh,
            CrewMember.position,
            Character.id,
            Character.name,
            Character.name_zh,
        )
        .join(Performer, DayReportTime.performer_id == Performer.id, isouter=True)
        .join(Department, DayReportTime.department_id == Department.id, isouter=True)
        .join(CrewMember, DayReportTime.crew_member_id == CrewMember.id, isouter=True)
        .join(Character, DayReportTime.character_id == Character.id, isouter=True)
        .where(DayReportTime.report_id == report_id)
    )
    roles = _roles(session, report_id)
    for row, *columns in session.exec(statement):
        performer, professional, legal, performer_zh = columns[0:4]
        department, department_name, department_zh, department_order = columns[4:8]
        member, member_name, member_zh, position = columns[8:12]
        character, character_name, character_zh = columns[12:15]
        if performer is not None:
            numbers, role, role_zh = roles.get(performer, ((), "", ""))
            owner = (CAST, performer, professional or legal, performer_zh)
            detail, order = (role, role_zh), (0, numbers or (10**6,), owner[2].casefold())
        elif department is not None:
            owner = (DEPARTMENT, department, department_name, department_zh)
            detail, order = ("", ""), (1, department_order, department)
        elif member is not None:
            owner = (CREW, member, member_name, member_zh)
            detail, order = (position, ""), (2, member)
        else:
            owner = (BACKGROUND, character, character_name, character_zh)
            detail, order = ("", ""), (3, character_name.casefold())
        rows.append(
            TimeRow(
                row.id,
                row.version,
                *owner,
                *detail,
                row.count,
                row.call,
                row.makeup,
                row.on_set,
                _span(row.first_meal),
                _span(row.second_meal),
                row.wrap,
                row.out,
                row.travel_minutes,
                row.remarks,
                order,
            )
        )
    return sorted(rows, key=lambda row: row.order)


def _roles(session: Session, report_id: int) -> dict[int, tuple[tuple[int, ...], str, str]]:
    """Each performer on the report: their cast IDs and the roles they play."""
    statement = (
        select(CastAssignment.performer_id, Character)
        .join(Character)
        .join(DayReportTime, DayReportTime.performer_id == CastAssignment.performer_id)
        .where(DayReportTime.report_id == report_id, Character.is_background.is_(False))
        .order_by(Character.cast_number, Character.name)
    )
    roles: dict[int, tuple[tuple[int, ...], str, str]] = {}
    for performer_id, character in session.exec(statement):
        numbers, names, names_zh = roles.get(performer_id, ((), "", ""))
        numbers = (*numbers, character.cast_number) if character.cast_number else numbers
        names = f"{names}, {character.name}" if names else character.name
        names_zh = (
            f"{names_zh}、{character.name_zh}" if names_zh and character.name_zh else names_zh or character.name_zh
        )
        roles[performer_id] = (numbers, names, names_zh)
    return roles


def _scene_rows(session: Session, report_id: int) -> list[SceneRow]:
    statement = (
        select(
            DayReportScene,
            Scene.id,
            Scene.number,
            Episode.number,
            FilmSet.name,
            FilmSet.name_zh,
            FilmSet.location_id,
            Scene.page_eighths,
        )
        .join(Scene, DayReportScene.scene_id == Scene.id)
        .join(Episode, Scene.episode_id == Episode.id, isouter=True)
        .join(FilmSet, Scene.set_id == FilmSet.id, isouter=True)
        .where(DayReportScene.report_id == report_id)
        .order_by(DayReportScene.planned.desc(), DayReportScene.position, DayReportScene.id)
    )
    return [
        SceneRow(
            row.id,
            row.version,
            scene,
            number,
            episode,
            set_name or "",
            set_zh or "",
            location,
            eighths,
            row.planned,
            row.outcome,
            row.eighths_shot,
            row.screen_seconds,
            row.setups,
            row.remarks,
        )
        for row, scene, number, episode, set_name, set_zh, location, eighths in session.exec(statement)
    ]


def _note_rows(session: Session, report_id: int) -> list[NoteRow]:
    statement = (
        select(DayReportNote, Department)
        .join(Department, DayReportNote.department_id == Department.id, isouter=True)
        .where(DayReportNote.report_id == report_id)
        .order_by(DayReportNote.id)
    )
    return [
        NoteRow(
            note.id,
            note.version,
            note.kind,
            note.reason,
            note.minutes,
            department.name if department else "",
            department.name_zh if department else "",
            note.text,
        )
        for note, department in session.exec(statement)
    ]


def crew_departments(session: Session, production_id: int) -> dict[int, int | None]:
    """Each crew member's department."""
    statement = select(CrewMember.id, CrewMember.department_id).where(CrewMember.production_id == production_id)
    return dict(session.exec(statement).all())


def department_crew(day: ReportedDay, crew: dict[int, int | None], department: int) -> list[int]:
    """The crew a department's row stands for: its members without a row of their own."""
    own = {row.owner for row in day.rows if row.kind == CREW}
    return sorted(member for member, of in crew.items() if of == department and member not in own)


def worked_day(day: ReportedDay, crew: dict[int, int | None]) -> DayFacts:
    """The day as it happened (see the module's docstring)."""
    workers = []
    for row in day.rows:
        shift = shift_of(row, day)
        if row.kind == DEPARTMENT:
            workers += [Worker(CREW, member, shift) for member in department_crew(day, crew, row.owner)]
        else:
            workers.append(Worker(row.kind, row.owner, shift, row.count))
    shot = [scene for scene in day.scenes if scene.outcome != SceneOutcome.NOT_SHOT.value]
    added = [scene.location_id for scene in shot if not scene.planned and scene.location_id is not None]
    cards = [StripCard(scene.id, scene.scene_id, location_id=scene.location_id) for scene in shot]
    locations = tuple(dict.fromkeys([*day.plan.locations, *added]))
    moves = company_moves(cards)
    return DayFacts(day.date, tuple(workers), locations, len(moves), drives=tuple(moves))


def shift_of(row: TimeRow, day: ReportedDay) -> Shift | None:
    """A row's worked day (see the module's docstring); None: paid without working."""
    end = row.end if row.end is not None else day.times["camera_wrap"]
    if row.call is None or end is None:
        return None
    own = [meal for meal in (row.first_meal, row.second_meal) if meal is not None]
    unit = [meal for meal in (day.lunch, day.second_meal) if meal is not None]
    return Shift(row.call, end, tuple(own or unit), row.travel)
