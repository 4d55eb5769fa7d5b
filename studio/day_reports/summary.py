"""A reported day worked out: who earned what (overtime, late meals, forced calls), the scenes and pages
shot against the plan, the hot cost, and where the shoot stands after it (shot and left to shoot, ahead
or behind the plans of the days reported so far, and what those days cost against their plans).

`DayReports` reads what does not change while a report is edited (what the production pays, the crew's
departments, the other reported days), so a page recomputes a day after each edit from its rows alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func
from sqlmodel import Session, select

from studio.day_reports.clock import clock, duration
from studio.day_reports.facts import BACKGROUND, CAST, CREW, DayFacts, Worker, rests_since
from studio.day_reports.fields import day_name
from studio.day_reports.hot_cost import DayCost, HotCost, Prices, price_day
from studio.day_reports.pay import DayPay
from studio.day_reports.reading import (
    DEPARTMENT,
    SCREEN_SECONDS_PER_EIGHTH,
    ReportedDay,
    SceneRow,
    TimeRow,
    crew_departments,
    department_crew,
    load_prices,
    read_report,
    worked_day,
)
from studio.errors import InvalidInput
from studio.exports.names import named
from studio.formatting import format_eighths
from studio.i18n import _, local_name
from studio.minors import age_words, limits_on
from studio.models import Character, CrewMember, DayReport, Performer, Scene, ShootDay, Strip
from studio.models.enums import RevisionState, SceneOutcome, ShootDayKind
from studio.money import Money


@dataclass(frozen=True)
class SceneCount:
    scenes: int = 0
    eighths: int = 0
    seconds: int = 0  # screen time

    def to_json(self) -> dict:
        return {
            "scenes": self.scenes,
            "pages": format_eighths(self.eighths),
            "eighths": self.eighths,
            "screen_minutes": duration(self.seconds),
        }


@dataclass(frozen=True)
class Shot:
    """What a day did to its scenes."""

    planned: int
    completed: int
    partial: int
    not_shot: int
    added: int
    shot: SceneCount  # completed and parts, pages and screen time
    setups: int


@dataclass(frozen=True)
class Standing:
    """The shoot after a reported day."""

    planned_to_date: SceneCount  # what the reported days' plans had shot by now
    shot_to_date: SceneCount
    remaining: SceneCount  # scheduled scenes not completed, what is left of them
    planned_cost: Decimal  # the reported days' plans, in the base currency
    actual_cost: Decimal

    @property
    def ahead_eighths(self) -> int:
        """Pages shot beyond the plans (below zero: behind)."""
        return self.shot_to_date.eighths - self.planned_to_date.eighths


def ahead_or_behind(eighths: int, _: Callable[[str], str] = _) -> str:
    """Pages shot beyond the plans, or short of them, in the interface's language (or `_`'s): a page or
    part of one is singular ("1 page behind", "3/8 page ahead")."""
    one = 0 < abs(eighths) <= 8
    if eighths >= 0:
        words = _("{pages} page ahead") if one else _("{pages} pages ahead")
    else:
        words = _("{pages} page behind") if one else _("{pages} pages behind")
    return words.format(pages=format_eighths(abs(eighths)))


@dataclass(frozen=True)
class DaySummary:
    day: ReportedDay
    names: dict[tuple[str, int], tuple[str, str]]  # each worker's name, and in Chinese
    crew: dict[int, int | None]  # each crew member's department
    day_count: int
    worked: DayFacts
    hot: HotCost
    shot: Shot
    standing: Standing
    born: dict[int, dt.date] = field(default_factory=dict)  # the performers whose date of birth is known

    @property
    def currency(self) -> str:
        return self.hot.actual.currency

    def pay_of(self, kind: str, owner: int) -> DayPay | None:
        return self.hot.actual.pay.get((kind, owner))

    def pays_of(self, row: TimeRow) -> list[DayPay]:
        """What a row's people earned: a department's crew without a row of their own, or its one person or
        group (a group's pay once for each player)."""
        if row.kind == DEPARTMENT:
            pays = [self.pay_of(CREW, member) for member in department_crew(self.day, self.crew, row.owner)]
        else:
            pays = [self.pay_of(row.kind, row.owner)] * row.count
        return [pay for pay in pays if pay is not None]

    def minors(self, lang: str | None = None, _: Callable[[str], str] = _) -> list[str]:
        """Each minor who was at work longer than their age allows, and each outside the hours a minor may
        work (both, for one who was), said in the interface's language, or a document's (`lang` and its
        translator `_`). The report has their time in and out, not how much of it was work: their work is
        the call sheet's and the board's to keep."""
        found = []
        for worker in self.worked.workers:
            shift = worker.shift
            limits = limits_on(self.born.get(worker.id), self.day.date) if worker.kind == CAST and shift else None
            if limits is None:
                continue
            name, name_zh = self.names.get(worker.key, ("", ""))
            said = {
                "name": named(lang, name, name_zh) if lang else local_name(name, name_zh),
                "age": age_words(limits.age_months, _),
                "start": clock(shift.call),
                "end": clock(shift.end),
            }
            if shift.end - shift.call > limits.on_set_minutes:
                message = _(
                    "{name} ({age}) was at work from {start} to {end}, over the {limit} a minor that age may be"
                )
                found.append(message.format(**said, limit=duration(limits.on_set_minutes)))
            if shift.call < limits.earliest or shift.end > limits.latest:
                message = _(
                    "{name} ({age}) was at work from {start} to {end}; a minor may work from {earliest} to {latest}"
                )
                found.append(message.format(**said, earliest=clock(limits.earliest), latest=clock(limits.latest)))
        return found

    def to_json(self) -> dict:
        def money(amount: Decimal) -> str:
            return str(Money(amount, self.currency).amount)

        day = self.day
        people = []
        for worker in self.worked.workers:
            pay = self.hot.actual.pay.get(worker.key)
            if pay is not None:
                name, name_zh = self.names.get(worker.key, ("", ""))
                people.append({"name": name, "name_zh": name_zh, **_person_json(worker, pay)})
        overtime = sum((p.overtime_minutes for p in self.hot.actual.pay.values()), 0)
        late = [meal for pay in self.hot.actual.pay.values() for meal in pay.late_meals]
        forced = [key for key, pay in self.hot.actual.pay.items() if pay.rest_minutes is not None]
        return {
            "day": day.number,
            "of": self.day_count,
            "date": day.date.isoformat(),
            "times": {name: clock(value) or None for name, value in day.times.items()}
            | {
                "lunch": str(day.lunch) if day.lunch else None,
                "second_meal": str(day.second_meal) if day.second_meal else None,
            },
            "scenes": {
                "planned": self.shot.planned,
                "completed": self.shot.completed,
                "partial": self.shot.partial,
                "not_shot": self.shot.not_shot,
                "added": self.shot.added,
                "setups": self.shot.setups,
                **self.shot.shot.to_json(),
            },
            "to_date": {
                "planned": self.standing.planned_to_date.to_json(),
                "shot": self.standing.shot_to_date.to_json(),
                "remaining": self.standing.remaining.to_json(),
                "ahead_eighths": self.standing.ahead_eighths,
                "cost": {
                    "planned": money(self.standing.planned_cost),
                    "actual": money(self.standing.actual_cost),
                    "variance": money(self.standing.actual_cost - self.standing.planned_cost),
                },
            },
            "people": people,
            "overtime": {
                "hours": str(Decimal(overtime) / 60),
                "amount": money(self.hot.actual.by_category()["overtime"]),
            },
            "penalties": {
                "late_meals": len(late),
                "meal_steps": sum(meal.steps for meal in late),
                "forced_calls": len(forced),
                "amount": money(self.hot.actual.by_category()["penalties"]),
            },
            "hot_cost": {
                "currency": self.currency,
                **{
                    name: {"planned": money(planned), "actual": money(actual), "variance": money(variance)}
                    for name, planned, actual, variance in self.hot.rows()
                },
            },
            "notes": [
                {"kind": note.kind, "reason": note.reason or None, "minutes": note.minutes, "text": note.text}
                for note in day.remarks
            ],
            "minors": self.minors(),
        }


def hours(minutes: int) -> str:
    """Minutes as hours to the hundredth (12.1; 12.03 for 12 h 2 min)."""
    return str((Decimal(minutes) / 60).quantize(Decimal("0.01")).normalize())


def _person_json(worker: Worker, pay: DayPay) -> dict:
    def money(amount: Decimal) -> str:
        return str(Money(amount * worker.count, pay.currency).amount)

    return {
        "kind": worker.kind,
        "id": worker.id,
        "count": worker.count,
        "worked_minutes": pay.worked_minutes,
        "paid_hours": hours(pay.counted_minutes),
        "overtime_hours": hours(pay.overtime_minutes),
        "currency": pay.currency,
        "pay": money(pay.base),
        "overtime": money(pay.overtime),
        "meal_penalties": money(pay.meal_penalties),
        "late_meals": [meal.steps for meal in pay.late_meals],
        "forced_call": money(pay.forced_call),
        "rest_hours": None if pay.rest_minutes is None else hours(pay.rest_minutes),
        "total": money(pay.total),
    }


class DayReports:
    """A production's reported days, read once: what each reported day costs and the shoot's scenes; a
    day is then worked out again (`summary`) from its own rows."""

    def __init__(self, session: Session, production_id: int):
        self.production_id = production_id
        self.prices: Prices = load_prices(session, production_id)
        self.crew = crew_departments(session, production_id)
        self.names = _names(session, production_id)
        self.born: dict[int, dt.date] = dict(
            session.exec(
                select(Performer.id, Performer.date_of_birth).where(
                    Performer.production_id == production_id, Performer.date_of_birth.is_not(None)
                )
            ).all()
        )
        self.eighths: dict[int, int] = dict(
            session.exec(select(Scene.id, Scene.page_eighths).where(Scene.production_id == production_id)).all()
        )
        self.scheduled: set[int] = set(
            session.exec(
                select(Strip.scene_id)
                .join(Scene, Strip.scene_id == Scene.id)
                .join(ShootDay, Strip.shoot_day_id == ShootDay.id)
                .where(
                    Strip.production_id == production_id,
                    ShootDay.kind == ShootDayKind.SHOOT.value,
                    Scene.revision_state != RevisionState.OMITTED.value,
                )
            )
        )
        self.day_count = session.exec(
            select(func.count())
            .select_from(ShootDay)
            .where(ShootDay.production_id == production_id, ShootDay.kind == ShootDayKind.SHOOT.value)
        ).one()
        days = session.exec(
            select(ShootDay.id)
            .join(DayReport, DayReport.shoot_day_id == ShootDay.id)
            .where(ShootDay.production_id == production_id)
            .order_by(ShootDay.shoot_date, ShootDay.unit)
        )
        self.reported: dict[int, tuple[ReportedDay, HotCost]] = {}  # in date order
        self.planned: dict[tuple[int, int | None], DayCost] = {}  # each report's plan, priced after the one before
        self._worked: dict[int, tuple[ReportedDay, DayFacts]] = {}  # each report as last read, as it happened
        for day_id in days:
            day = read_report(session, day_id)
            self.reported[day_id] = (day, self.hot_cost(day))

    def last_reported_before(self, date: dt.date) -> ReportedDay | None:
        return max((d for d, _hot in self.reported.values() if d.date < date), key=lambda d: d.date, default=None)

    def hot_cost(self, day: ReportedDay) -> HotCost:
        """The day against its plan, each worker's rest counted from the last day reported before it: the
        planned rest from that day's plan, the actual from its report. A reported day's plan never
        changes, so it is priced once."""
        before = self.last_reported_before(day.date)
        key = (day.report_id, None if before is None else before.report_id)
        if key not in self.planned:
            planned_rests = rests_since(day.plan, None if before is None else before.plan)
            self.planned[key] = price_day(day.plan, self.prices, planned_rests)
        worked = self.worked(day)
        rested = rests_since(worked, None if before is None else self.worked(before))
        return HotCost(day.date, self.planned[key], price_day(worked, self.prices, rested))

    def worked(self, day: ReportedDay) -> DayFacts:
        """The day as it happened, worked out once for each reading of its report."""
        kept = self._worked.get(day.report_id)
        if kept is None or kept[0] is not day:
            kept = self._worked[day.report_id] = (day, worked_day(day, self.crew))
        return kept[1]

    def summary(self, session: Session, shoot_day_id: int) -> DaySummary | None:
        """The day worked out from its rows as they are now; None if it is not reported."""
        day = read_report(session, shoot_day_id)
        if day is None:
            return None
        hot = self.hot_cost(day)
        self.reported[shoot_day_id] = (day, hot)
        earlier = [(d, h) for d, h in self.reported.values() if d.date <= day.date]
        worked = self.worked(day)
        standing = self._standing(earlier)
        return DaySummary(day, self.names, self.crew, self.day_count, worked, hot, _shot(day), standing, self.born)

    def _standing(self, days: list[tuple[ReportedDay, HotCost]]) -> Standing:
        planned = [scene for day, _hot in days for scene in day.plan.scenes]
        rows = [row for day, _hot in days for row in day.scenes]
        completed = {row.scene_id for row in rows if row.outcome == SceneOutcome.COMPLETED.value}
        parts: dict[int, int] = {}
        for row in rows:
            if row.outcome == SceneOutcome.PARTIAL.value:
                parts[row.scene_id] = parts.get(row.scene_id, 0) + row.shot_eighths
        left = [scene for scene in self.scheduled if scene not in completed]
        left_eighths = sum(max(self.eighths[scene] - parts.get(scene, 0), 0) for scene in left)
        return Standing(
            planned_to_date=_count(len(planned), sum(self.eighths.get(scene, 0) for scene in planned)),
            shot_to_date=_shot_count(rows, len(completed)),
            remaining=_count(len(left), left_eighths),
            planned_cost=sum((hot.planned.total for _day, hot in days), Decimal(0)),
            actual_cost=sum((hot.actual.total for _day, hot in days), Decimal(0)),
        )


def _names(session: Session, production_id: int) -> dict[tuple[str, int], tuple[str, str]]:
    names = {
        (CAST, performer.id): (performer.billed_name, performer.name_zh)
        for performer in session.exec(select(Performer).where(Performer.production_id == production_id))
    }
    names.update(
        ((CREW, member.id), (member.name, member.name_zh))
        for member in session.exec(select(CrewMember).where(CrewMember.production_id == production_id))
    )
    roles = select(Character).where(Character.production_id == production_id, Character.is_background.is_(True))
    names.update(((BACKGROUND, role.id), (role.name, role.name_zh)) for role in session.exec(roles))
    return names


def _count(scenes: int, eighths: int) -> SceneCount:
    """Scenes and pages, with about a minute of screen time a page."""
    return SceneCount(scenes, eighths, int(eighths * SCREEN_SECONDS_PER_EIGHTH))


def _shot_count(rows: list[SceneRow], scenes: int) -> SceneCount:
    """Pages shot, and their screen time: as entered, else about a minute a page."""
    entered = [row for row in rows if row.screen_seconds is not None]
    estimated = sum(row.shot_eighths for row in rows if row.screen_seconds is None)
    seconds = sum(row.screen_seconds for row in entered) + int(estimated * SCREEN_SECONDS_PER_EIGHTH)
    return SceneCount(scenes, sum(row.shot_eighths for row in rows), seconds)


def _shot(day: ReportedDay) -> Shot:
    outcomes = [scene.outcome for scene in day.scenes]
    return Shot(
        planned=sum(scene.planned for scene in day.scenes),
        completed=outcomes.count(SceneOutcome.COMPLETED.value),
        partial=outcomes.count(SceneOutcome.PARTIAL.value),
        not_shot=outcomes.count(SceneOutcome.NOT_SHOT.value),
        added=sum(not scene.planned for scene in day.scenes),
        shot=_shot_count(day.scenes, sum(1 for scene in day.scenes if scene.shot_eighths)),
        setups=sum(scene.setups or 0 for scene in day.scenes),
    )


def day_summary(session: Session, production_id: int, shoot_day_id: int) -> DaySummary:
    """A reported day worked out (raises UserError if the day is not reported yet)."""
    summary = DayReports(session, production_id).summary(session, shoot_day_id)
    if summary is None:
        day = session.get(ShootDay, shoot_day_id)
        raise InvalidInput(_("{day} is not reported yet").format(day=day_name(day)))
    return summary
