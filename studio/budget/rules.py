"""Edit rules the budget's fields need beyond plain text and numbers: an amount that may be a formula, a
global's value and name (no circles, and a rename follows every formula using it), a line's fringes by
code, a currency with its row, and the schedule's hold on linked lines and globals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import delete
from sqlalchemy.orm import object_session
from sqlmodel import SQLModel, select

from studio.budget.formulas import MAX_LENGTH, OT_HOURS, evaluate_globals, global_name, is_number, parse
from studio.budget.line_fields import fringe_codes_in
from studio.currencies import ensure_currency
from studio.edit_rules import RowRule, decimal_between
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import BudgetAccount, BudgetGlobal, BudgetLine, BudgetLineFringe, Fringe
from studio.validation import currency, normalized_text

QUANTITY = decimal_between(Decimal(-1_000_000_000), Decimal(1_000_000_000), places=4)
# The table whose row a linked source names by its id ("cast:12" is performer 12).
SOURCE_TABLES = {
    "cast": "performer",
    "overtime": "performer",
    "per-diem": "performer",
    "crew": "crew_member",
    "location": "location",
}
LINKED_SOURCES = (*(f"{kind}:" for kind in SOURCE_TABLES), "company-moves")


def is_linked(source: str) -> bool:
    """A line the schedule keeps (schedule_links.py writes these sources)."""
    return source.startswith(LINKED_SOURCES)


def renumbered_source(source: str, new_ids: Mapping[str, Mapping[int, int]]) -> str:
    """A linked line's source naming the same row in a copy whose rows took new ids (old → new by table)."""
    kind, _colon, number = source.partition(":")
    table = SOURCE_TABLES.get(kind)
    if table is None or not number.isdigit() or int(number) not in new_ids.get(table, {}):
        return source  # not a link to a row, or to one gone: the schedule drops it as it would have
    return f"{kind}:{new_ids[table][int(number)]}"


def _production_of_line(line: BudgetLine) -> int:
    return object_session(line).get(BudgetAccount, line.account_id).production_id


def _globals_of(session, production_id: int) -> list[BudgetGlobal]:
    return list(session.exec(select(BudgetGlobal).where(BudgetGlobal.production_id == production_id)))


@dataclass(frozen=True)
class ScheduleOwned(RowRule):
    """A field the schedule keeps up to date on a linked line: typing over it is refused, not lost later."""

    rule: Any

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        if is_linked(row.source):
            raise InvalidInput(
                _("this line follows the schedule: change the schedule or the deal, or unlink the line first")
            )
        if isinstance(self.rule, RowRule):
            self.rule.assign(row, field, value)
        else:
            setattr(row, field, self.rule(value))


@dataclass(frozen=True)
class AmountEntry(RowRule):
    """A line's amount: a number, or a formula over the production's globals."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        text = normalized_text(value)
        if not text:
            raise InvalidInput(_("an amount is needed here (a number, or a formula such as SHOOT_DAYS * 2)"))
        if is_number(text):
            row.amount, row.amount_formula = QUANTITY(text), ""
            return
        formula = parse(text)
        known = {g.name for g in _globals_of(object_session(row), _production_of_line(row))}
        unknown = sorted(formula.names - known)
        if unknown:
            raise InvalidInput(_("there is no global named {name}").format(name=unknown[0]))
        row.amount_formula = formula.text


@dataclass(frozen=True)
class GlobalValue(RowRule):
    """A global's value: a number, or a formula over the other globals that does not come back to itself."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        if row.source:
            raise InvalidInput(
                _("{name} follows the schedule and the script: it cannot be typed over").format(name=row.name)
            )
        text = normalized_text(value)
        if not text:
            raise InvalidInput(_("a value is needed here (a number, or a formula such as EPISODES / 4)"))
        if is_number(text):
            row.value, row.formula = QUANTITY(text), ""
            return
        formula = parse(text)
        formulas = {}
        for other in _globals_of(object_session(row), row.production_id):
            if other.id != row.id:
                formulas[other.name] = parse(other.formula) if other.formula else other.value
        formulas[row.name] = formula
        _values, errors = evaluate_globals(formulas)
        if row.name in errors:
            raise InvalidInput(errors[row.name])
        row.formula = formula.text


@dataclass(frozen=True)
class GlobalName(RowRule):
    """A global's name; renaming it renames it in every formula that uses it."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        name = global_name(value)
        if name == row.name:
            return
        if row.source:
            raise InvalidInput(_("{name} follows the schedule and the script: it keeps its name").format(name=row.name))
        if row.name == OT_HOURS:
            raise InvalidInput(
                _("{name} is used by the overtime lines the schedule keeps: it keeps its name").format(name=row.name)
            )
        session = object_session(row)
        if row.name:
            _rename_in_formulas(session, row.production_id, row.name, name)
        row.name = name


def _rename_in_formulas(session, production_id: int, old: str, new: str) -> None:
    def renamed(text: str) -> str:
        formula = parse(text)
        if old not in formula.names:
            return text
        written = formula.spreadsheet(lambda n: new if n == old else n)
        if len(written) > MAX_LENGTH:
            raise InvalidInput(
                _("{name} would make the formula {formula} longer than {count} characters").format(
                    name=new, formula=repr(text), count=MAX_LENGTH
                )
            )
        return written

    for other in _globals_of(session, production_id):
        if other.formula:
            other.formula = renamed(other.formula)
    lines = (
        select(BudgetLine)
        .join(BudgetAccount)
        .where(BudgetAccount.production_id == production_id, BudgetLine.amount_formula != "")
    )
    for line in session.exec(lines):
        line.amount_formula = renamed(line.amount_formula)


@dataclass(frozen=True)
class LineFringes(RowRule):
    """The fringes on a line, typed as their codes ("FICA-SS, FUTA"); blank for none."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        session = object_session(row)
        production_id = _production_of_line(row)
        fringes = {f.code.upper(): f for f in session.exec(select(Fringe).where(Fringe.production_id == production_id))}
        codes = fringe_codes_in(normalized_text(value))
        unknown = [code for code in codes if code not in fringes]
        if unknown:
            raise InvalidInput(
                _("there is no fringe {code} (the fringes are {codes})").format(
                    code=unknown[0], codes=", ".join(sorted(fringes))
                )
            )
        if row.id is None:  # a line being added: it needs its id first
            session.flush()
        session.execute(delete(BudgetLineFringe).where(BudgetLineFringe.line_id == row.id))
        session.add_all(BudgetLineFringe(line_id=row.id, fringe_id=fringes[code].id) for code in codes)


@dataclass(frozen=True)
class StoredCurrency(RowRule):
    """A currency an exchange rate names: the database keeps a row for each currency it uses."""

    def assign(self, row: SQLModel, field: str, value: Any) -> None:
        setattr(row, field, ensure_currency(object_session(row), currency(value)))
