"""Starting a day's report at wrap: prefilled from the call sheet and the schedule, as the day was planned,
for the 2nd AD to correct where the day went otherwise.

The plan kept with the report: the cast called (from their hair & makeup, wardrobe or on-set call) and
those held, each department's crew from its earliest call, the background called, all to the wrap
with the day's planned meals as the schedule has them (`schedule.timeline.planned_meals`: the lunch the
call sheet names within the day, else six hours after the first of the cast is called, and its dinner);
the locations of the day's scenes and the company moves between them. The wrap is when the call sheet's
shooting order ends (its scenes one after another from the shooting call). The report starts as that plan:
the unit's and everyone's times, each planned scene completed. A day not yet shot cannot be reported,
nor one reported twice.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from studio import operations
from studio.callsheet import call_sheet, call_sheets
from studio.cast_calls import first_at_work, scene_starts
from studio.changes import Changes, Step
from studio.day_reports.clock import Span
from studio.day_reports.facts import BACKGROUND, CAST, CREW, DayFacts, Worker
from studio.day_reports.fields import day_name
from studio.day_reports.pay import Shift
from studio.day_reports.reading import crew_departments
from studio.day_reports.time_order import check_day
from studio.day_sheet import DaySheet
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import Character, CrewMember, DayReport, DayReportScene, DayReportTime, Production, ShootDay
from studio.models.day_report import DAY_TIMES, LAST_MINUTE
from studio.models.enums import ShootDayKind
from studio.schedule.board import Board
from studio.schedule.board_loading import load_board
from studio.schedule.costs import company_moves
from studio.schedule.timeline import planned_meals


def start_day_report(session: Session, shoot_day_id: int, today: dt.date | None = None) -> Changes:
    """The day's report, prefilled; undone by removing it. `today`: the date where the production
    shoots (its shoot time zone's, when not given)."""
    day = session.get(ShootDay, shoot_day_id)
    if day is None or day.kind != ShootDayKind.SHOOT.value:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    production = session.get(Production, day.production_id)
    today = today or today_where_shot(session, production.id)
    if session.exec(select(DayReport.id).where(DayReport.shoot_day_id == day.id)).first() is not None:
        raise InvalidInput(_("{day} is already reported: change its report instead").format(day=day_name(day)))
    if day.shoot_date > today:
        raise InvalidInput(_("{day} has not happened yet: a day is reported once it is shot").format(day=day_name(day)))
    earlier = _unreported_before(session, day)
    if earlier is not None:
        raise InvalidInput(
            _("{day} is not reported yet: a unit's days are reported in order").format(day=day_name(earlier))
        )
    board = load_board(session, production.id)
    sheet = call_sheet(session, production.id, day.id, board=board)
    wrap, meals = _planned_clock(sheet, board)
    plan = planned_day(session, sheet, board, wrap, meals)
    report = _prefilled(session, sheet, plan, wrap, meals)
    left = {"day_report": {report.id: report.version}}
    return Changes(left, undo=(Step(operations.remove, ("day_report", (report.id,)), left),))


def _unreported_before(session: Session, day: ShootDay) -> ShootDay | None:
    """The first shoot day of the unit before `day` with no report: where the shoot stands, what is left
    to shoot and what a re-plan keeps all count from the days reported in order."""
    reported = select(DayReport.shoot_day_id)
    return session.exec(
        select(ShootDay)
        .where(
            ShootDay.production_id == day.production_id,
            ShootDay.unit == day.unit,
            ShootDay.kind == ShootDayKind.SHOOT.value,
            ShootDay.shoot_date < day.shoot_date,
            ShootDay.id.not_in(reported),
        )
        .order_by(ShootDay.shoot_date)
    ).first()


def today_where_shot(session: Session, production_id: int) -> dt.date:
    """Today's date where the production shoots (in its shoot time zone): a day is reported from then."""
    production = session.get(Production, production_id)
    return dt.datetime.now(ZoneInfo(production.shoot_timezone)).date()


def remaining_plans(session: Session, production_id: int, reported: set[int]) -> list[DayFacts]:
    """The shoot days not reported yet as their call sheets and the schedule plan them now (as their
    reports would start)."""
    board = load_board(session, production_id)
    sheets = [s for s in call_sheets(session, production_id, board=board) if s.shoot_day_id not in reported]
    return [planned_day(session, sheet, board, *_planned_clock(sheet, board)) for sheet in sheets]


def planned_day(session: Session, sheet: DaySheet, board: Board, wrap: int, meals: list[Span]) -> DayFacts:
    """The day as the call sheet and the schedule plan it (see the module's docstring)."""
    strips = [strip for strip in board.day_strips(sheet.shoot_day_id) if not strip.is_banner]

    def shift(call: int) -> Shift:
        return Shift(max(0, call), wrap, tuple(meals))

    workers = []
    for cast in sheet.cast:
        workers.append(Worker(CAST, cast.performer_id, shift(cast.at_work) if cast.on_set is not None else None))
    paid = set(session.exec(select(CrewMember.id).where(CrewMember.rate_minor.is_not(None))))
    departments = crew_departments(session, board.production_id)
    called: dict[int | None, int] = {}  # a department's crew are called together, at its earliest call
    for crew in sheet.crew:
        department = departments.get(crew.crew_member_id)
        called[department] = min(called.get(department, crew.call), crew.call)
    for crew in sheet.crew:
        department = departments.get(crew.crew_member_id)
        if crew.crew_member_id in paid:
            workers.append(
                Worker(CREW, crew.crew_member_id, shift(crew.call if department is None else called[department]))
            )
    roles = _background_roles(session, board.production_id)
    workers += [
        Worker(BACKGROUND, roles[extra.name], shift(extra.call), extra.count or 1)
        for extra in sheet.background
        if extra.name in roles
    ]
    locations = tuple(dict.fromkeys(s.location_id for s in strips if s.location_id is not None))
    moves = company_moves(strips)
    return DayFacts(sheet.date, tuple(workers), locations, len(moves), tuple(s.scene_id for s in strips), tuple(moves))


def _planned_clock(sheet: DaySheet, board: Board) -> tuple[int, list[Span]]:
    """The planned wrap and meals (lunch when due for the first of the cast called, as the schedule has it)."""
    wrap = _planned_wrap(sheet, board)
    return wrap, list(planned_meals(sheet.crew_call, wrap, sheet.lunch, sheet.dinner, first_at_work(sheet.cast)))


def _planned_wrap(sheet: DaySheet, board: Board) -> int:
    """When the call sheet's shooting order ends: the last scene's start (from the shooting call) and length."""
    strips = [strip for strip in board.day_strips(sheet.shoot_day_id) if not strip.is_banner]
    dusk = next(day.dusk for day in board.days if day.id == sheet.shoot_day_id)
    starts = scene_starts(strips, sheet.shooting_call, dusk, board.limits.move)
    return min(max((starts[s.scene_id] + s.minutes for s in strips), default=sheet.shooting_call), LAST_MINUTE)


def _background_roles(session: Session, production_id: int) -> dict[str, int]:
    statement = select(Character.name, Character.id).where(
        Character.production_id == production_id, Character.is_background.is_(True)
    )
    return dict(session.exec(statement).all())


def _prefilled(session: Session, sheet: DaySheet, plan: DayFacts, wrap: int, meals: list[Span]) -> DayReport:
    """The report as the day was planned: the unit's times, everyone's calls (their wraps and meals the
    unit's, until one is typed), each planned scene completed."""
    report = DayReport(
        shoot_day_id=sheet.shoot_day_id,
        crew_call=sheet.crew_call,
        shooting_call=sheet.shooting_call,
        first_shot=sheet.shooting_call,
        camera_wrap=wrap if wrap > sheet.crew_call else None,
        plan=plan.to_json(),
    )
    report.lunch = tuple(meals[0]) if meals else None
    report.second_meal = tuple(meals[1]) if len(meals) > 1 else None
    check_day({name: getattr(report, name) for name in DAY_TIMES}, *(meals + [None, None])[:2])
    session.add(report)
    session.flush()
    cast = {line.performer_id: line for line in sheet.cast}
    departments = crew_departments(session, session.get(ShootDay, sheet.shoot_day_id).production_id)
    department_calls: dict[int, int] = {}
    rows = []
    for worker in plan.workers:
        times = _times(worker.shift)
        if worker.kind == CAST and worker.shift is not None:
            makeup, on_set = cast[worker.id].makeup, cast[worker.id].on_set
            times.update(makeup=max(makeup, worker.shift.call) if makeup is not None else None, on_set=on_set)
        owner = {CAST: "performer_id", CREW: "crew_member_id", BACKGROUND: "character_id"}[worker.kind]
        department = departments.get(worker.id) if worker.kind == CREW else None
        if department is not None:
            department_calls[department] = min(department_calls.get(department, worker.shift.call), worker.shift.call)
            continue
        rows.append(DayReportTime(report_id=report.id, count=worker.count, **{owner: worker.id}, **times))
    for department, call in department_calls.items():
        rows.append(DayReportTime(report_id=report.id, department_id=department, call=call))
    rows += [
        DayReportScene(report_id=report.id, scene_id=scene, position=index, planned=True)
        for index, scene in enumerate(plan.scenes)
    ]
    session.add_all(rows)
    session.flush()
    return report


def _times(shift: Shift | None) -> dict[str, int]:
    """A row's call (none: held); its wrap and meals are left to follow the unit's."""
    return {} if shift is None else {"call": shift.call}
