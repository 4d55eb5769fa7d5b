"""Cast and crew lists as CSV: the sheets producers swap with casting directors and payroll.

Import reads the whole file and checks every cell before writing anything: one bad cell refuses the
file with a message naming its row and column. Headers are matched case-insensitively, in English or
Chinese. People already in the production (matched by name, or by Chinese name: `people_match`) are
updated, never duplicated; a row taken as someone by its Chinese name alone is named in the result.
Export writes the same columns, so a list can go out to payroll and come back.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from studio import validation
from studio.csv_sheets import csv_text, from_csv_text, read_sheet_file
from studio.edits import EDITABLE
from studio.errors import InvalidInput
from studio.exports.files import write_atomically
from studio.i18n import _
from studio.models import CastAssignment, Character, CrewMember, Department, Performer, Production
from studio.models.enums import RateBasis, UnionStatus
from studio.money import Money
from studio.people_match import ChineseNameMatch, People, name_key
from studio.storage.withheld import withholds_money

KINDS = ("cast", "crew")
MAX_BYTES = 5 * 1024 * 1024
MAX_COLUMNS = 1_000  # a real list has a few dozen; a header of a million commas is not one

ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("name", "legal name", "full name", "performer", "姓名", "名字"),
    "name_zh": ("name zh", "chinese name", "name (chinese)", "中文名", "中文姓名"),
    "character": ("character", "role", "角色"),
    "department": ("department", "dept", "部门"),
    "position": ("position", "job", "title", "职位", "岗位"),
    "union": ("union", "union status", "工会"),
    "day_rate": ("day rate", "rate", "日薪"),
    "rate_basis": ("rate basis", "basis", "计薪方式"),
    "currency": ("currency", "币种", "货币"),
    "phone": ("phone", "mobile", "cell", "电话", "手机"),
    "email": ("email", "e-mail", "邮箱", "电子邮件"),
    "agent": ("agent", "agent/manager", "manager", "经纪人"),
    "languages": ("languages", "language", "语言"),
    "notes": ("notes", "备注"),
}
PAY_COLUMNS = frozenset({"day_rate", "rate_basis", "currency"})
COLUMNS = {
    "cast": (
        "name",
        "name_zh",
        "character",
        "union",
        "day_rate",
        "rate_basis",
        "currency",
        "phone",
        "email",
        "agent",
        "languages",
        "notes",
    ),
    "crew": (
        "department",
        "position",
        "name",
        "name_zh",
        "union",
        "day_rate",
        "rate_basis",
        "currency",
        "phone",
        "email",
        "languages",
        "notes",
    ),
}
REQUIRED = {"cast": ("name",), "crew": ("name", "department")}
UNION_WORDS = {
    UnionStatus.SAG_AFTRA: ("sag-aftra", "sag aftra", "sagaftra", "sag", "union", "工会"),
    UnionStatus.NON_UNION: ("non-union", "non union", "nonunion", "nu", "非工会", "无"),
    UnionStatus.OTHER: ("other", "其他"),
}
BASIS_WORDS = {
    RateBasis.DAY: ("day", "daily", "日"),
    RateBasis.DAY_12H: ("12h_day", "12h day", "12h", "12-hour day", "12小时"),
    RateBasis.WEEK: ("week", "weekly", "周"),
    RateBasis.HOUR: ("hour", "hourly", "小时"),
    RateBasis.FLAT: ("flat", "包干"),
}


@dataclass
class PersonRow:
    """One checked line of the sheet: only the columns the sheet has are set."""

    line: int
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return name_key(self.values["name"])


@dataclass
class PeopleImport:
    added: int = 0
    updated: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    chinese_name_matches: list[ChineseNameMatch] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "added": self.added,
            "updated": self.updated,
            "ignored_columns": self.ignored_columns,
            "chinese_name_matches": [match.to_json() for match in self.chinese_name_matches],
        }


def import_people(session: Session, production_id: int, path: Path, kind: str) -> PeopleImport:
    production = session.get(Production, production_id)
    too_large = _("{name} is over {limit} MB: not a cast or crew list")
    rows, ignored = read_people_csv(read_sheet_file(path, MAX_BYTES, too_large), kind, production.base_currency)
    writer = _CastWriter(session, production_id) if kind == "cast" else _CrewWriter(session, production_id)
    writer.check(rows)
    result = PeopleImport(ignored_columns=ignored)
    seen: set[int] = set()  # people counted, by identity: two rows may name one person two ways
    for row in rows:
        person, match = writer.find(row)
        if match is not None:
            result.chinese_name_matches.append(match)
        existed = person is not None
        person = writer.write(row, person)
        if id(person) not in seen:
            seen.add(id(person))
            if existed:
                result.updated += 1
            else:
                result.added += 1
    session.flush()
    return result


def read_people_csv(records: list[list[str]], kind: str, base_currency: str) -> tuple[list[PersonRow], list[str]]:
    """Every row checked, or InvalidInput naming the first problems by row and column.

    A blank cell leaves what is stored alone (a casting director's partial sheet never erases a
    phone number); only the name, and a crew member's department, must be filled in.
    """
    if kind not in KINDS:
        raise InvalidInput(_("unknown list kind {kind} (expected cast or crew)").format(kind=repr(kind)))
    if not records or not any(cell.strip() for cell in records[0]):
        raise InvalidInput(_("the file is empty: the first row must name the columns"))
    if len(records[0]) > MAX_COLUMNS:
        raise InvalidInput(_("the file has more than {count} columns").format(count=MAX_COLUMNS))
    header = [_canonical(cell) for cell in records[0]]
    missing = [name for name in REQUIRED[kind] if name not in header]
    if missing:
        raise InvalidInput(_("the file has no column {columns}").format(columns=", ".join(missing)))
    wanted = set(COLUMNS[kind])
    repeated = sorted(key for key, count in Counter(key for key in header if key in wanted).items() if count > 1)
    if repeated:
        raise InvalidInput(_("the column {columns} appears more than once").format(columns=", ".join(repeated)))
    ignored = [cell.strip() for cell, key in zip(records[0], header, strict=True) if key not in wanted and cell.strip()]
    columns = [(index, key) for index, key in enumerate(header) if key in wanted]
    rows, problems = [], []
    cast_on: dict[str, int] = {}
    for number, cells in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            problems.append(_("row {row}: more cells than the header has columns").format(row=number))
            continue
        present = {key: cells[index].strip() if index < len(cells) else "" for index, key in columns}
        row, row_problems = _checked_row(number, present, kind, base_currency)
        character = row.values.get("character")
        if character and not row_problems:
            first = cast_on.setdefault(name_key(character), number)
            if first != number:
                row_problems.append(
                    _("row {row}, character: {name} is already cast on row {first}").format(
                        row=number, name=repr(character), first=first
                    )
                )
        problems.extend(row_problems)
        rows.append(row)
    _refuse_if(problems)
    return rows, ignored


def _checked_row(number: int, present: dict[str, str], kind: str, base_currency: str) -> tuple[PersonRow, list[str]]:
    row, problems = PersonRow(number), []

    def problem(column: str, message: str) -> None:
        problems.append(_("row {row}, {column}: {problem}").format(row=number, column=column, problem=message))

    currency = base_currency
    if present.get("currency"):
        try:
            currency = row.values["currency"] = validation.currency(present["currency"])
        except InvalidInput as error:
            problem("currency", str(error))
            currency = None
    for key, text in present.items():
        if key == "currency":
            continue
        if not text:
            if key in REQUIRED[kind]:
                problem(key, _("this field cannot be empty"))
            continue
        if key == "day_rate" and currency is None:
            continue  # the currency's own problem says enough
        text, marked = from_csv_text(text)
        try:
            if not marked:  # marked text ('=…) is text: the column's own rule alone decides
                validation.not_formula(text)
            row.values[key] = _clean(key, text, currency)
        except InvalidInput as error:
            problem(key, str(error))
    row.values.setdefault("currency", currency or base_currency)
    if kind == "cast" and row.values.get("day_rate") is not None and not row.values.get("character"):
        problems.append(_("row {row}, day_rate: a rate is a deal for a role; fill in the character").format(row=number))
    return row, problems


def _refuse_if(problems: list[str]) -> None:
    if problems:
        shown = "; ".join(problems[:3])
        more = len(problems) - 3
        raise InvalidInput(shown + (" " + _("(and {count} more)").format(count=more) if more > 0 else ""))


def _canonical(header: str) -> str:
    text = " ".join(unicodedata.normalize("NFKC", header).replace("_", " ").casefold().split())
    for key, aliases in ALIASES.items():
        if text in aliases or text == key.replace("_", " "):
            return key
    return text


def _vocabulary(words: dict) -> dict[str, str]:
    """What people write for each value of a closed vocabulary ("sag", "非工会"…) → the stored value."""
    return {alias: member.value for member, aliases in words.items() for alias in (*aliases, member.value.lower())}


UNIONS, BASES = _vocabulary(UNION_WORDS), _vocabulary(BASIS_WORDS)


def _word(vocabulary: dict[str, str], text: str, what: str) -> str:
    value = vocabulary.get(" ".join(text.casefold().split()))
    return value if value is not None else validation.choice(text, sorted(set(vocabulary.values())), what)


_PERFORMER = EDITABLE["performer"][1]
_TEXT_RULES: dict[str, Callable[[Any], Any]] = {
    "name": _PERFORMER["legal_name"],
    "name_zh": _PERFORMER["name_zh"].clean,  # the one for a row, without asking the database
    "character": EDITABLE["character"][1]["name"],
    "department": EDITABLE["department"][1]["name"],
    "position": EDITABLE["crew_member"][1]["position"],
    "agent": _PERFORMER["agent_name"],
    "languages": _PERFORMER["languages"],
    "notes": _PERFORMER["notes"],
}


def _clean(key: str, text: str, currency: str) -> Any:
    if key == "phone":
        return validation.phone(text)
    if key == "email":
        return validation.email(text)
    if key == "day_rate":
        return validation.amount(text, currency)
    if key == "union":
        return _word(UNIONS, text, _("union status"))
    if key == "rate_basis":
        return _word(BASES, text, _("rate basis"))
    return _TEXT_RULES[key](text)


def _set_columns(target, values: dict[str, Any], columns: dict[str, str]) -> None:
    for column, attribute in columns.items():
        if column in values:
            setattr(target, attribute, values[column])


class _CastWriter:
    COLUMNS = {
        "name_zh": "name_zh",
        "union": "union_status",
        "phone": "phone",
        "email": "email",
        "agent": "agent_name",
        "languages": "languages",
        "notes": "notes",
    }

    def __init__(self, session: Session, production_id: int):
        self.session = session
        self.production = session.get(Production, production_id)
        performers = session.exec(select(Performer).where(Performer.production_id == production_id)).all()
        self.performers = People(performers, lambda p: (p.legal_name, p.professional_name), lambda p: p.name_zh)
        characters = session.exec(select(Character).where(Character.production_id == production_id)).all()
        self.characters: dict[str, Character] = {}
        for character in characters:
            for name in (character.name_zh, character.script_name, character.name):
                if name:
                    self.characters[name_key(name)] = character
        deals = session.exec(
            select(CastAssignment).join(Character).where(Character.production_id == production_id)
        ).all()
        self.deals = {deal.character_id: deal for deal in deals}

    def check(self, rows: list[PersonRow]) -> None:
        """Every role named must be in the script (all of them reported before anything is written)."""
        _refuse_if(
            [
                _("row {row}, character: no character named {name} in the script").format(
                    row=row.line, name=repr(row.values["character"])
                )
                for row in rows
                if row.values.get("character") and name_key(row.values["character"]) not in self.characters
            ]
        )

    def find(self, row: PersonRow) -> tuple[Performer | None, ChineseNameMatch | None]:
        return self.performers.find(row)

    def write(self, row: PersonRow, performer: Performer | None) -> Performer:
        """The row written onto the performer it was found to name, or onto a new one."""
        values = row.values
        if performer is None:
            performer = Performer(production_id=self.production.id, legal_name=values["name"])
            self.session.add(performer)
            self.performers.add(performer, (values["name"],))
        _set_columns(performer, values, self.COLUMNS)
        if values.get("character"):
            self._deal(values, performer)
        return performer

    def _deal(self, values: dict[str, Any], performer: Performer) -> None:
        character = self.characters[name_key(values["character"])]
        if performer.id is None:
            self.session.flush()
        deal = self.deals.get(character.id)
        if deal is not None and deal.performer_id != performer.id:
            # A new performer gets a new deal: the last one's rate and terms were theirs.
            self.session.delete(deal)
            self.session.flush()
            deal = None
        if deal is None:
            deal = CastAssignment(character_id=character.id, performer_id=performer.id, currency=values["currency"])
            self.session.add(deal)
            self.deals[character.id] = deal
        if values.get("day_rate") is not None:
            deal.rate = Money(values["day_rate"], values["currency"])
        if "rate_basis" in values:
            deal.rate_basis = values["rate_basis"]


class _CrewWriter:
    COLUMNS = {
        "name_zh": "name_zh",
        "position": "position",
        "union": "union_status",
        "phone": "phone",
        "email": "email",
        "languages": "languages",
        "notes": "notes",
        "rate_basis": "rate_basis",
    }

    def __init__(self, session: Session, production_id: int):
        self.session = session
        self.production_id = production_id
        crew = session.exec(select(CrewMember).where(CrewMember.production_id == production_id)).all()
        self.crew = People(crew, lambda member: (member.name,), lambda member: member.name_zh)
        departments = session.exec(select(Department).where(Department.production_id == production_id)).all()
        self.departments: dict[str, Department] = {}
        for department in departments:
            for name in _department_names(department.name, department.name_zh):
                self.departments.setdefault(name, department)
        self.next_order = max((d.sort_order for d in departments), default=-1) + 1

    def check(self, rows: list[PersonRow]) -> None:
        pass

    def find(self, row: PersonRow) -> tuple[CrewMember | None, ChineseNameMatch | None]:
        return self.crew.find(row)

    def write(self, row: PersonRow, member: CrewMember | None) -> CrewMember:
        """The row written onto the crew member it was found to name, or onto a new one."""
        values = row.values
        if member is None:
            member = CrewMember(production_id=self.production_id, name=values["name"])
            self.session.add(member)
            self.crew.add(member, (values["name"],))
        member.department_id = self._department(values["department"]).id
        _set_columns(member, values, self.COLUMNS)
        if values.get("day_rate") is not None:
            member.rate = Money(values["day_rate"], values["currency"])
        return member

    def _department(self, name: str) -> Department:
        for key in _department_names(name):
            if key in self.departments:
                return self.departments[key]
        department = Department(production_id=self.production_id, name=name, sort_order=self.next_order)
        self.next_order += 1
        self.session.add(department)
        self.session.flush()
        for key in _department_names(name):
            self.departments[key] = department
        return department


def _department_names(*names: str) -> list[str]:
    """A department as sheets name it: 摄影部 and 摄影组 are 摄影; "Camera Dept" is Camera."""
    keys = []
    for name in filter(None, names):
        key = name_key(name)
        keys += [key, key.removesuffix(" dept").removesuffix(" department").rstrip("部组")]
    return [key for key in keys if key]


def export_people(session: Session, production_id: int, kind: str, target: Path) -> Path:
    """Write the cast or crew list as CSV UTF-8 (with the BOM Excel needs to read Chinese)."""
    rows = cast_sheet_rows(session, production_id) if kind == "cast" else crew_sheet_rows(session, production_id)
    columns = [c for c in COLUMNS[kind] if c not in PAY_COLUMNS or not withholds_money(session)]

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([csv_text(row.get(column, "")) for column in columns])

    return write_atomically(target, write)


def cast_sheet_rows(session: Session, production_id: int) -> list[dict[str, str]]:
    """One row per role a performer plays (a performer with no role yet gets one row without)."""
    performers = session.exec(
        select(Performer).where(Performer.production_id == production_id).order_by(Performer.legal_name)
    ).all()
    deals = session.exec(
        select(CastAssignment, Character)
        .join(Character)
        .where(Character.production_id == production_id)
        .order_by(Character.cast_number, Character.name)
    ).all()
    roles: dict[int, list[tuple[CastAssignment, Character]]] = {}
    for deal, character in deals:
        roles.setdefault(deal.performer_id, []).append((deal, character))
    rows = []
    for performer in performers:
        person = {
            "name": performer.legal_name,
            "name_zh": performer.name_zh,
            "union": performer.union_status,
            "phone": performer.phone,
            "email": performer.email,
            "agent": performer.agent_name,
            "languages": performer.languages,
            "notes": performer.notes,
        }
        for deal, character in roles.get(performer.id) or [(None, None)]:
            row = dict(person)
            if character is not None:
                row["character"] = character.name
                row |= _pay(session, deal)
            rows.append(row)
    return rows


def crew_sheet_rows(session: Session, production_id: int) -> list[dict[str, str]]:
    crew = session.exec(
        select(CrewMember, Department)
        .join(Department, isouter=True)
        .where(CrewMember.production_id == production_id)
        .order_by(Department.sort_order, CrewMember.id)
    ).all()
    return [
        {
            "department": department.name if department else "",
            "position": member.position,
            "name": member.name,
            "name_zh": member.name_zh,
            "union": member.union_status,
            **_pay(session, member),
            "phone": member.phone,
            "email": member.email,
            "languages": member.languages,
            "notes": member.notes,
        }
        for member, department in crew
    ]


def _pay(session: Session, holder: CastAssignment | CrewMember) -> dict[str, str]:
    """A deal's or a crew member's pay as the sheet states it; nothing for a login kept from rates."""
    if withholds_money(session):
        return {}
    rate = "" if holder.rate is None else str(holder.rate.amount)
    return {"day_rate": rate, "rate_basis": holder.rate_basis, "currency": holder.currency}
