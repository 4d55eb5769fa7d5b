"""Single-field edits: the operation behind every inline edit in the app (and its undo).

Only the fields listed in EDITABLE can be changed this way; each has a rule that cleans the value or
refuses it with a clear message, so nothing invalid is ever stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import object_session
from sqlmodel import Session, SQLModel, select

from studio import validation
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import (
    Availability,
    BreakdownCategory,
    BreakdownElement,
    CallSheet,
    CallTime,
    CastAssignment,
    Character,
    CrewMember,
    Department,
    Episode,
    FilmSet,
    Location,
    OvertimeRule,
    Performer,
    PerformerDay,
    Production,
    Scene,
    ShootDay,
    Strip,
)
from studio.models.enums import PerformerDayKind, RateBasis, ShootDayKind, UnionStatus
from studio.money import Money
from studio.validation import normalized_text


def required_text(max_length: int) -> Callable[[Any], str]:
    def clean(value: Any) -> str:
        text = str(value or "").strip()
        if not text:
            raise InvalidInput(_("this field cannot be empty"))
        if len(text) > max_length:
            raise InvalidInput(_("this field holds at most {count} characters").format(count=max_length))
        return text

    return clean


def optional_text(max_length: int | None = None) -> Callable[[Any], str]:
    def clean(value: Any) -> str:
        text = str(value or "").strip()
        if max_length is not None and len(text) > max_length:
            raise InvalidInput(_("this field holds at most {count} characters").format(count=max_length))
        return text

    return clean


def optional_positive_number(value: Any) -> int | None:
    text = normalized_text(value)
    if not text:
        return None
    if not text.isdigit() or int(text) < 1:
        raise InvalidInput(_("{value} is not a whole number of 1 or more").format(value=repr(text)))
    return int(text)


def colour(value: Any) -> str:
    text = str(value or "").strip().lower()
    if not re.fullmatch(r"#[0-9a-f]{6}", text):
        raise InvalidInput(_("{value} is not a colour (expected #rrggbb)").format(value=repr(text)))
    return text


def whole_number(low: int, high: int) -> Callable[[Any], int | None]:
    def clean(value: Any) -> int | None:
        text = normalized_text(value)
        if not text:
            return None
        if not re.fullmatch(r"-?[0-9]+", text) or not low <= int(text) <= high:
            raise InvalidInput(
                _("{value} is not a whole number from {low} to {high}").format(value=repr(text), low=low, high=high)
            )
        return int(text)

    return clean


def required(rule: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def clean(value: Any) -> Any:
        cleaned = rule(value)
        if cleaned is None or cleaned == "":
            raise InvalidInput(_("this field cannot be empty"))
        return cleaned

    return clean


def decimal_between(low: Decimal, high: Decimal) -> Callable[[Any], Decimal | None]:
    def clean(value: Any) -> Decimal | None:
        text = normalized_text(value)
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or not low <= number <= high:
            raise InvalidInput(
                _("{value} is not a number from {low} to {high}").format(value=repr(text), low=low, high=high)
            )
        return number

    return clean


def one_of(enum: type[StrEnum], what: str) -> Callable[[Any], str]:
    return lambda value: validation.choice(value, [member.value for member in enum], what)


class RowRule:
    """A rule that needs the row itself (its currency, its other date, its production)."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class MoneyAmount(RowRule):
    """A money property ("rate"): the amount typed is in the row's own currency."""

    currency_field: str
    required: bool = False

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        currency = getattr(row, self.currency_field)
        number = validation.amount(value.amount if isinstance(value, Money) else value, currency)
        if number is None and self.required:
            raise InvalidInput(_("an amount is needed here (0 for none)"))
        setattr(row, field, None if number is None else Money(number, currency))


@dataclass(frozen=True)
class CurrencyOf(RowRule):
    """The currency of some money properties: their amounts stay the same numbers, so each must fit the
    new currency's minor unit (450.50 cannot become yen without the producer deciding how)."""

    money_fields: tuple[str, ...]

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        code = validation.currency(value)
        amounts = {name: getattr(row, name) for name in self.money_fields}
        for money in amounts.values():
            if money is not None:
                validation.amount(money.amount, code)
        setattr(row, field, code)
        for name, money in amounts.items():
            if money is not None:
                setattr(row, name, Money(money.amount, code))


@dataclass(frozen=True)
class Reference(RowRule):
    """A link to another row of the same production (a set's location, a crew member's department)."""

    model: type[SQLModel]

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        if value in (None, ""):
            setattr(row, field, None)
            return
        target = object_session(row).get(self.model, int(value))
        if target is None or target.production_id != _production_of(row):
            raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
        setattr(row, field, target.id)


@dataclass(frozen=True)
class DateInRange(RowRule):
    """One end of a date range: it may not cross the other end."""

    other: str
    is_start: bool

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        day, other = validation.date(value), getattr(row, self.other)
        if other is None:  # a new range, its other end not set yet
            setattr(row, field, day)
            return
        start, end = (day, other) if self.is_start else (other, day)
        setattr(row, field, validation.date_range(start, end)[0 if self.is_start else 1])


def _minutes_before(earlier: dt.time, later: dt.time) -> int:
    """How long before `later` `earlier` is, on the same day (0 if it is not before it)."""
    return max(0, (later.hour * 60 + later.minute) - (earlier.hour * 60 + earlier.minute))


@dataclass(frozen=True)
class CallOrder(RowRule):
    """The crew call and the shooting call: the camera cannot roll before the crew is called (a shooting
    call more than 12 hours "before" it is taken as after midnight: a night shoot)."""

    crew_call: bool  # the field is the crew call (else the shooting call)

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        time = validation.time_of_day(value)
        crew, shooting = (time, row.shooting_call) if self.crew_call else (row.crew_call, time)
        if crew is not None and shooting is not None and 0 < _minutes_before(shooting, crew) <= 12 * 60:
            raise InvalidInput(
                _("the shooting call ({shooting}) is before the crew call ({crew})").format(
                    shooting=shooting.strftime("%H:%M"), crew=crew.strftime("%H:%M")
                )
            )
        setattr(row, field, time)


@dataclass(frozen=True)
class PerformerDate(RowRule):
    """The date of a performer's travel, rehearsal or fitting: one entry per performer and date."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        day = validation.date(value)
        session = object_session(row)
        with session.no_autoflush:
            taken = session.exec(
                select(PerformerDay.id).where(
                    PerformerDay.performer_id == row.performer_id, PerformerDay.day == day, PerformerDay.id != row.id
                )
            ).first()
        if taken is not None:
            raise InvalidInput(
                _("this performer is already called on {date}: change that entry instead").format(date=day.isoformat())
            )
        setattr(row, field, day)


def _production_of(row: SQLModel) -> int:
    if hasattr(row, "production_id"):
        return row.production_id
    character = object_session(row).get(Character, row.character_id)
    return character.production_id


def plain(rule: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Names and short labels never start like a spreadsheet formula (they end up in exports)."""

    def clean(value: Any) -> Any:
        return validation.not_formula(rule(value))

    return clean


def optional_colour(value: Any) -> str:
    """A colour, or "" for the strip's standard INT/EXT × DAY/NIGHT colour."""
    return colour(value) if str(value or "").strip() else ""


NAME = plain(required_text(200))
NAME_ZH = plain(optional_text(200))
SHORT_TEXT = plain(optional_text(200))
NOTES = optional_text()
RATE = MoneyAmount("currency")
UNION = one_of(UnionStatus, _("union status"))
BASIS = one_of(RateBasis, _("rate basis"))
CALL_OFFSET = whole_number(-600, 600)

EDITABLE: dict[str, tuple[type[SQLModel], dict[str, Callable[[Any], Any] | RowRule]]] = {
    "production": (
        Production,
        {
            "title": NAME,
            "title_zh": NAME_ZH,
            "company": optional_text(200),
            # How the schedule is weighed and checked (Schedule → Settings).
            "max_eighths_per_day": required(whole_number(8, 400)),
            "max_minutes_per_day": required(whole_number(60, 1440)),
            "minutes_per_page": required(whole_number(1, 240)),
            "setup_minutes_per_scene": required(whole_number(0, 120)),
            "company_move_minutes": required(whole_number(0, 600)),
            "company_move_cost": MoneyAmount("base_currency", required=True),
            "drop_pickup_min_gap_days": required(whole_number(1, 365)),
            "default_crew_call": required(validation.time_of_day),
        },
    ),
    "episode": (Episode, {"title": optional_text(200), "title_zh": NAME_ZH, "synopsis": NOTES}),
    "scene": (Scene, {"synopsis": NOTES}),
    "character": (Character, {"name": NAME, "name_zh": NAME_ZH, "cast_number": optional_positive_number}),
    "breakdown_category": (
        BreakdownCategory,
        {"name": required_text(120), "name_zh": optional_text(120), "color": colour},
    ),
    "performer": (
        Performer,
        {
            "legal_name": NAME,
            "professional_name": SHORT_TEXT,
            "name_zh": NAME_ZH,
            "union_status": UNION,
            "agent_name": SHORT_TEXT,
            "agent_phone": validation.phone,
            "agent_email": validation.email,
            "phone": validation.phone,
            "email": validation.email,
            "languages": SHORT_TEXT,
            "photo_path": optional_text(400),
            "notes": NOTES,
        },
    ),
    "cast_assignment": (
        CastAssignment,
        {
            "performer_id": Reference(Performer),
            "rate": RATE,
            "per_diem": MoneyAmount("currency"),
            "currency": CurrencyOf(("rate", "per_diem")),
            "rate_basis": BASIS,
            "guaranteed_days": required(whole_number(0, 366)),
            "overtime_rule_id": Reference(OvertimeRule),
            "travel_notes": NOTES,
        },
    ),
    "overtime_rule": (
        OvertimeRule,
        {
            "name": required_text(120),
            "first_threshold_hours": required(decimal_between(Decimal("0.1"), Decimal(24))),
            "first_factor": required(decimal_between(Decimal(1), Decimal(5))),
            "second_threshold_hours": decimal_between(Decimal("0.1"), Decimal(24)),
            "second_factor": decimal_between(Decimal(1), Decimal(5)),
            "increment_minutes": required(whole_number(1, 60)),
            "day_minimum": MoneyAmount("currency"),
            "week_minimum": MoneyAmount("currency"),
            "currency": CurrencyOf(("day_minimum", "week_minimum")),
            "pension_health_percent": decimal_between(Decimal(0), Decimal(100)),
            "notes": NOTES,
        },
    ),
    "department": (
        Department,
        {
            "name": required_text(120),
            "name_zh": optional_text(120),
            "default_call_offset_minutes": required(CALL_OFFSET),
        },
    ),
    "crew_member": (
        CrewMember,
        {
            "name": NAME,
            "name_zh": NAME_ZH,
            "position": plain(optional_text(120)),
            "department_id": Reference(Department),
            "phone": validation.phone,
            "email": validation.email,
            "rate": RATE,
            "currency": CurrencyOf(("rate",)),
            "rate_basis": BASIS,
            "union_status": UNION,
            "languages": SHORT_TEXT,
            "call_offset_minutes": CALL_OFFSET,
            "notes": NOTES,
        },
    ),
    "location": (
        Location,
        {
            "name": NAME,
            "name_zh": NAME_ZH,
            "address": optional_text(400),
            "latitude": validation.latitude,
            "longitude": validation.longitude,
            "timezone": validation.timezone,
            "contact_name": optional_text(200),
            "contact_phone": validation.phone,
            "contact_email": validation.email,
            "fee_per_day": MoneyAmount("fee_currency"),
            "fee_currency": CurrencyOf(("fee_per_day",)),
            "parking": NOTES,
            "basecamp": NOTES,
            "hospital_name": optional_text(200),
            "hospital_address": optional_text(400),
            "hospital_phone": validation.phone,
            "permit_notes": NOTES,
            "notes": NOTES,
        },
    ),
    "film_set": (FilmSet, {"name": NAME, "name_zh": NAME_ZH, "location_id": Reference(Location)}),
    "availability": (
        Availability,
        {
            "start_date": DateInRange("end_date", is_start=True),
            "end_date": DateInRange("start_date", is_start=False),
            "reason": optional_text(400),
        },
    ),
    "breakdown_element": (BreakdownElement, {"name": NAME, "name_zh": NAME_ZH}),
    "strip": (Strip, {"color": optional_colour, "banner_text": optional_text(400)}),
    "call_sheet": (
        CallSheet,
        {
            "crew_call": CallOrder(crew_call=True),
            "shooting_call": CallOrder(crew_call=False),
            **dict.fromkeys(("breakfast", "lunch", "dinner", "background_call"), validation.time_of_day),
            "weather_summary": optional_text(200),
            "temperature_high": whole_number(-80, 140),
            "temperature_low": whole_number(-80, 140),
            "rain_chance_percent": whole_number(0, 100),
            **dict.fromkeys(("safety_notes", "general_notes", "department_notes", "walkie_channels"), NOTES),
        },
    ),
    "performer_day": (
        PerformerDay,
        {
            "day": PerformerDate(),
            "kind": one_of(PerformerDayKind, _("kind of call (travel, rehearsal or fitting)")),
            "notes": optional_text(400),
        },
    ),
    "call_time": (
        CallTime,
        {
            **dict.fromkeys(("pickup", "makeup", "on_set"), validation.time_of_day),
            "remarks": optional_text(400),
        },
    ),
    "shoot_day": (
        ShootDay,
        {
            "notes": NOTES,
            "shoot_date": validation.date,
            "unit": required(whole_number(1, 20)),
            "kind": one_of(ShootDayKind, _("kind of day")),
            "day_number": optional_positive_number,
        },
    ),
}


@dataclass(frozen=True)
class FieldChange:
    entity: str
    row_id: int
    field: str
    old: Any
    new: Any


def set_fields(session: Session, entity: str, row_id: int, values: dict[str, Any]) -> list[FieldChange]:
    """Change several fields of one row together (e.g. a details dialog); only actual changes are returned."""
    changes = [set_field(session, entity, row_id, field, value) for field, value in values.items()]
    return [change for change in changes if change.old != change.new]


def set_field(session: Session, entity: str, row_id: int, field: str, value: Any) -> FieldChange:
    """Change one field of one row; return what it was and what it is now."""
    try:
        model, rules = EDITABLE[entity]
        clean = rules[field]
    except KeyError:
        raise InvalidInput(_("{field} cannot be edited here").format(field=f"{entity}.{field}")) from None
    row = session.get(model, row_id)
    if row is None:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    old = getattr(row, field)
    if isinstance(clean, RowRule):
        clean.assign(row, field, value)
    else:
        setattr(row, field, clean(value))
    new = getattr(row, field)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        setattr(row, field, old)
        raise InvalidInput(_("another entry already has the value {value}").format(value=repr(new))) from None
    return FieldChange(entity, row_id, field, old, new)
