"""Single-field edits: the operation behind every inline edit in the app (and its undo).

Only the fields listed in EDITABLE can be changed this way; each has a rule that cleans the value or
refuses it with a clear message, so nothing invalid is ever stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import (
    BreakdownCategory,
    BreakdownElement,
    Character,
    CrewMember,
    Episode,
    FilmSet,
    Location,
    Performer,
    Production,
    Scene,
)


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
    text = str(value if value is not None else "").strip()
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


NAME = required_text(200)
NAME_ZH = optional_text(200)

EDITABLE: dict[str, tuple[type[SQLModel], dict[str, Callable[[Any], Any]]]] = {
    "production": (Production, {"title": NAME, "title_zh": NAME_ZH, "company": optional_text(200)}),
    "episode": (Episode, {"title": optional_text(200), "title_zh": NAME_ZH, "synopsis": optional_text()}),
    "scene": (Scene, {"synopsis": optional_text()}),
    "character": (Character, {"name": NAME, "name_zh": NAME_ZH, "cast_number": optional_positive_number}),
    "breakdown_category": (
        BreakdownCategory,
        {"name": required_text(120), "name_zh": optional_text(120), "color": colour},
    ),
    "performer": (Performer, {"legal_name": NAME, "professional_name": optional_text(200), "name_zh": NAME_ZH}),
    "crew_member": (CrewMember, {"name": NAME, "name_zh": NAME_ZH, "position": optional_text(120)}),
    "location": (Location, {"name": NAME, "name_zh": NAME_ZH, "address": optional_text(400)}),
    "film_set": (FilmSet, {"name": NAME, "name_zh": NAME_ZH}),
    "breakdown_element": (BreakdownElement, {"name": NAME, "name_zh": NAME_ZH}),
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
    new = clean(value)
    old = getattr(row, field)
    setattr(row, field, new)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        setattr(row, field, old)
        raise InvalidInput(_("another entry already has the value {value}").format(value=repr(new))) from None
    return FieldChange(entity, row_id, field, old, new)
