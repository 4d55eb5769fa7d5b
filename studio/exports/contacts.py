"""The contact sheet: cast, crew and locations with how to reach them, as PDF or xlsx.

A contact sheet goes to the whole unit, so it carries no rates, fees or deals: those are confidential.
The data is gathered once into a `ContactSheet`; `sections` turns it into titled columns whose
headings are in the language asked for (English, Chinese or both), and each writer lays those out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from studio import vocabulary
from studio.errors import InvalidInput, UserError
from studio.i18n import _, translations
from studio.languages import shown_languages
from studio.models import CastAssignment, Character, CrewMember, Department, Location, Performer
from studio.models.enums import UnionStatus
from studio.productions import get_production

LANGUAGES = ("en", "zh", "en+zh")


@dataclass(frozen=True)
class CastLine:
    cast_number: int | None
    background: bool
    character: str
    character_zh: str
    performer: str = ""
    professional_name: str = ""
    performer_zh: str = ""
    union: str = ""
    phone: str = ""
    email: str = ""
    agent_name: str = ""
    agent_phone: str = ""
    agent_email: str = ""
    languages: str = ""


@dataclass(frozen=True)
class CrewLine:
    department: str
    department_zh: str
    position: str
    name: str
    name_zh: str
    phone: str
    email: str
    languages: str


@dataclass(frozen=True)
class LocationLine:
    name: str
    name_zh: str
    address: str
    contact_name: str
    contact_phone: str
    contact_email: str
    hospital_name: str
    hospital_address: str
    hospital_phone: str
    parking: str
    basecamp: str


@dataclass(frozen=True)
class ContactSheet:
    title: str
    title_zh: str
    company: str
    generated: date
    cast: list[CastLine]
    crew: list[CrewLine]
    locations: list[LocationLine]

    def display_title(self) -> str:
        return f"{self.title} / {self.title_zh}" if self.title_zh and self.title_zh != self.title else self.title

    def texts(self) -> Iterator[str]:
        """Every piece of text the sheet holds (to choose fonts)."""
        yield from (self.title, self.title_zh, self.company)
        for line in (*self.cast, *self.crew, *self.locations):
            yield from (value for value in (getattr(line, f.name) for f in fields(line)) if isinstance(value, str))


def contact_sheet(session: Session, production_id: int, today: date | None = None) -> ContactSheet:
    production = get_production(session, production_id)
    return ContactSheet(
        title=production.title,
        title_zh=production.title_zh,
        company=production.company,
        generated=today or date.today(),
        cast=cast_lines(session, production_id),
        crew=crew_lines(session, production_id),
        locations=location_lines(session, production_id),
    )


def cast_lines(session: Session, production_id: int) -> list[CastLine]:
    """Every role with its performer (blank when uncast); background roles last."""
    statement = (
        select(Character, Performer)
        .join(CastAssignment, CastAssignment.character_id == Character.id, isouter=True)
        .join(Performer, CastAssignment.performer_id == Performer.id, isouter=True)
        .where(Character.production_id == production_id)
    )
    rows = sorted(
        session.exec(statement),
        key=lambda row: (
            row[0].is_background,
            row[0].cast_number is None,
            row[0].cast_number or 0,
            row[0].name.casefold(),
        ),
    )
    return [_cast_line(character, performer) for character, performer in rows]


def _cast_line(character: Character, performer: Performer | None) -> CastLine:
    role = CastLine(character.cast_number, character.is_background, character.name, character.name_zh)
    if performer is None:
        return role
    return replace(
        role,
        performer=performer.legal_name,
        professional_name=performer.professional_name if performer.professional_name != performer.legal_name else "",
        performer_zh=performer.name_zh,
        union=performer.union_status,
        phone=performer.phone,
        email=performer.email,
        agent_name=performer.agent_name,
        agent_phone=performer.agent_phone,
        agent_email=performer.agent_email,
        languages=performer.languages,
    )


def crew_lines(session: Session, production_id: int) -> list[CrewLine]:
    """The crew by department in the production's order; people with no department last."""
    statement = (
        select(CrewMember, Department)
        .join(Department, CrewMember.department_id == Department.id, isouter=True)
        .where(CrewMember.production_id == production_id)
    )
    rows = sorted(
        session.exec(statement),
        key=lambda row: (row[1] is None, row[1].sort_order if row[1] else 0, row[1].id if row[1] else 0, row[0].id),
    )
    return [
        CrewLine(
            department=department.name if department else "",
            department_zh=department.name_zh if department else "",
            position=member.position,
            name=member.name,
            name_zh=member.name_zh,
            phone=member.phone,
            email=member.email,
            languages=member.languages,
        )
        for member, department in rows
    ]


def location_lines(session: Session, production_id: int) -> list[LocationLine]:
    locations = session.exec(select(Location).where(Location.production_id == production_id).order_by(Location.id))
    return [
        LocationLine(
            name=location.name,
            name_zh=location.name_zh,
            address=location.address,
            contact_name=location.contact_name,
            contact_phone=location.contact_phone,
            contact_email=location.contact_email,
            hospital_name=location.hospital_name,
            hospital_address=location.hospital_address,
            hospital_phone=location.hospital_phone,
            parking=location.parking,
            basecamp=location.basecamp,
        )
        for location in locations
    ]


# Presentation shared by both writers.


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    value: Callable[[Any], str | int]


@dataclass(frozen=True)
class Section:
    key: str  # "cast", "crew" or "locations"
    title: str
    columns: list[Column]
    lines: list


@dataclass(frozen=True)
class Labels:
    """The words around the tables, in the sheet's language."""

    document: str
    generated: str
    page: str  # with a {number} placeholder
    no_department: str


@dataclass(frozen=True)
class Translate:
    """The sheet's language, whatever the interface's: called like `_` for its headings (en+zh gives
    "Phone / 电话"), and `word`/`languages` for what people typed in English that has a Chinese name
    (positions, departments, the languages someone speaks)."""

    lang: str
    messages: dict[str, str]

    def __call__(self, message: str) -> str:
        return self._both(message, self.messages.get(message, message))

    def word(self, kind: str, text: str, stored_chinese: str = "") -> str:
        return self._both(text, stored_chinese or vocabulary.chinese(kind, text) or text)

    def languages(self, text: str) -> str:
        return self._both(text, shown_languages(text, "zh"))

    def _both(self, english: str, chinese: str) -> str:
        if self.lang == "en" or chinese == english:
            return english
        return chinese if self.lang == "zh" else f"{english} / {chinese}"


def translator(lang: str) -> Translate:
    if lang not in LANGUAGES:
        raise InvalidInput(_("unknown language {lang}: choose en, zh or en+zh").format(lang=lang))
    return Translate(lang, {} if lang == "en" else _chinese_messages())


@lru_cache(maxsize=1)
def _chinese_messages() -> dict[str, str]:
    return translations("zh_CN")  # here: an English export never reads a catalogue


# In the functions below `_` is the translator for the sheet's language, not the interface's; it is
# named `_` so that the headings are extracted into the catalogue like every other message.


def labels(_: Translate) -> Labels:
    return Labels(
        document=_("Contact sheet"),
        generated=_("Generated"),
        page=_("Page {number}"),
        no_department=_("No department"),
    )


def sections(sheet: ContactSheet, _: Translate) -> list[Section]:
    return [
        Section("cast", _("Cast"), cast_columns(_), sheet.cast),
        Section("crew", _("Crew"), crew_columns(_), sheet.crew),
        Section("locations", _("Locations"), location_columns(_), sheet.locations),
    ]


def _field(key: str, heading: str) -> Column:
    return Column(key, heading, lambda line: getattr(line, key))


def cast_columns(_: Translate) -> list[Column]:
    background = _("BG")

    def cast_id(line: CastLine) -> str | int:
        return background if line.background else (line.cast_number or "")

    return [
        Column("cast_id", _("Cast ID"), cast_id),
        _field("character", _("Character")),
        _field("character_zh", _("Character (Chinese)")),
        _field("performer", _("Performer")),
        _field("professional_name", _("Professional name")),
        _field("performer_zh", _("Performer (Chinese)")),
        Column("union", _("Union"), lambda line: union_text(line.union, _)),
        _field("phone", _("Phone")),
        _field("email", _("Email")),
        _field("agent_name", _("Agent")),
        _field("agent_phone", _("Agent phone")),
        _field("agent_email", _("Agent email")),
        Column("languages", _("Languages"), lambda line: _.languages(line.languages)),
    ]


def union_text(status: str, _: Translate) -> str:
    return {UnionStatus.NON_UNION.value: _("Non-union"), UnionStatus.OTHER.value: _("Other union")}.get(status, status)


def crew_columns(_: Translate) -> list[Column]:
    return [
        Column("department", _("Department"), lambda line: _.word("departments", line.department, line.department_zh)),
        _field("department_zh", _("Department (Chinese)")),
        Column("position", _("Position"), lambda line: _.word("positions", line.position)),
        _field("name", _("Name")),
        _field("name_zh", _("Name (Chinese)")),
        _field("phone", _("Phone")),
        _field("email", _("Email")),
        Column("languages", _("Languages"), lambda line: _.languages(line.languages)),
    ]


def location_columns(_: Translate) -> list[Column]:
    return [
        _field("name", _("Location")),
        _field("name_zh", _("Location (Chinese)")),
        _field("address", _("Address")),
        _field("contact_name", _("Contact")),
        _field("contact_phone", _("Contact phone")),
        _field("contact_email", _("Contact email")),
        _field("hospital_name", _("Nearest hospital")),
        _field("hospital_address", _("Hospital address")),
        _field("hospital_phone", _("Hospital phone")),
        _field("parking", _("Parking")),
        _field("basecamp", _("Basecamp")),
    ]


def write_contact_sheet(session: Session, production_id: int, target: Path, lang: str = "en+zh") -> Path:
    """Write the production's contact sheet as PDF or xlsx, chosen by the file's suffix."""
    translate = translator(lang)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise UserError(
            _("cannot write a contact sheet as {name}: choose a file ending in .pdf or .xlsx").format(name=target.name)
        )
    sheet = contact_sheet(session, production_id)
    # Imported here so that each format loads only its own library.
    if suffix == ".pdf":
        from studio.exports.contacts_pdf import write_pdf

        return write_pdf(sheet, translate, target)
    from studio.exports.contacts_xlsx import write_xlsx

    return write_xlsx(sheet, translate, target)
