"""The rules that clean a typed value or refuse it with a clear message: text, numbers, choices, money,
currencies, links to other rows and date ranges. studio.edits lists which rule each editable field has."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import object_session
from sqlmodel import SQLModel, select

from studio import validation
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import BudgetAccount, Character, DayReport, PerformerDay, ShootDay
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


def date_of_birth(value: Any) -> dt.date | None:
    """A date of birth, or none; never after today (a shoot is planned for people already born)."""
    if not normalized_text(value):
        return None
    born = validation.date(value)
    if born > dt.date.today():
        raise InvalidInput(_("{value} is in the future: a date of birth is a day past").format(value=born.isoformat()))
    return born


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


def decimal_between(low: Decimal, high: Decimal, places: int = 4) -> Callable[[Any], Decimal | None]:
    """A number from low to high with at most `places` decimals (what its column stores exactly)."""

    def clean(value: Any) -> Decimal | None:
        text = normalized_text(value.normalize() if isinstance(value, Decimal) else value).replace(",", "")
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
        if number != number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN):
            raise InvalidInput(
                _("{value} has more than {places} decimal places").format(value=repr(text), places=places)
            )
        return number

    return clean


def one_of(enum: type[StrEnum], what: str) -> Callable[[Any], str]:
    return lambda value: validation.choice(value, [member.value for member in enum], what)


class RowRule:
    """A rule that needs the row itself (its currency, its other date, its production). `also`: the fields
    it sets besides its own, which an edit records with it, so undoing it puts back what they held rather
    than what the rule would now make of the old value."""

    also: tuple[str, ...] = ()

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
class OwnChineseName(RowRule):
    """A character's or performer's Chinese name, no other one's of the production (however spaced or
    cased): the original's names are mapped to the shooting script's through it, so one name is one person."""

    clean: Callable[[Any], str]
    shown: str  # the field that names the other one in the refusal

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        name = self.clean(value)
        if name:
            model = type(row)
            others = select(model).where(model.production_id == _production_of(row))
            if row.id is not None:  # a row being added has none yet
                others = others.where(model.id != row.id)
            wanted = _name_key(name)
            owner = next((o for o in object_session(row).exec(others) if _name_key(getattr(o, field)) == wanted), None)
            if owner is not None:
                raise InvalidInput(
                    _("{name} is already the Chinese name of {owner}: one Chinese name is one person's").format(
                        name=name, owner=getattr(owner, self.shown)
                    )
                )
        setattr(row, field, name)


def _name_key(name: str) -> str:
    return "".join(name.split()).casefold()


class BackgroundHeadcount(RowRule):
    """How many players a background role books: a whole number of 1 or more, or none (counted from its
    name); a speaking role is one person, played by its performer."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        count = optional_positive_number(value)
        if count is not None and not row.is_background:
            raise InvalidInput(
                _("{role} is not background: only a background role has a headcount").format(role=row.name)
            )
        setattr(row, field, count)


class ShootDate(RowRule):
    """A shoot day's date: one day a date on a unit, and a reported day stays on the date it was shot."""

    def assign(self, row: ShootDay, field: str, value: Any) -> None:
        date = validation.date(value)
        session = object_session(row)
        with session.no_autoflush:
            reported = session.exec(select(DayReport.id).where(DayReport.shoot_day_id == row.id)).first()
        if reported is not None and date != row.shoot_date:
            raise InvalidInput(
                _("this day is reported as shot on {date}: its date stays").format(date=row.shoot_date.isoformat())
            )
        _free_on_unit(row, row.unit, date)
        setattr(row, field, date)


@dataclass(frozen=True)
class ShootDayUnit(RowRule):
    """The unit a shoot day is of (1: the main unit): one whose day that date is another is refused, naming it."""

    clean: Callable[[Any], int]

    def assign(self, row: ShootDay, field: str, value: Any) -> None:
        unit = self.clean(value)
        _free_on_unit(row, unit, row.shoot_date)
        setattr(row, field, unit)


def _free_on_unit(row: ShootDay, unit: int, date: dt.date | None) -> None:
    """Refuse a unit's second day on one date."""
    if date is None:
        return
    session = object_session(row)
    with session.no_autoflush:
        taken = session.exec(
            select(ShootDay.id).where(
                ShootDay.production_id == row.production_id,
                ShootDay.unit == unit,
                ShootDay.shoot_date == date,
                ShootDay.id != row.id,
            )
        ).first()
    if taken is not None:
        raise InvalidInput(_("unit {unit} already has a day on {date}").format(unit=unit, date=date.isoformat()))


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


def _production_of(row: SQLModel) -> int:
    """The production a row belongs to, directly or through its owner (a deal's role, a line's account)."""
    if hasattr(row, "production_id"):
        return row.production_id
    if hasattr(row, "account_id"):
        return object_session(row).get(BudgetAccount, row.account_id).production_id
    character = object_session(row).get(Character, row.character_id)
    return character.production_id


def plain(rule: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Names and short labels never start like a spreadsheet formula (they end up in exports)."""

    def clean(value: Any) -> Any:
        return validation.not_formula(rule(value))

    return clean


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
