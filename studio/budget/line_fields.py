"""A budget line as stored, as edited and as worked out: the one mapping of its columns and its editable
fields onto the calculation's `Line`.

- Reading: a stored row's columns make a `Line` (`line_of`), and storing the schedule's lines writes one
  back (`store`).
- Editing: each field `studio.edits` lets a person change (`LINE_FIELDS`) says what it sets on the
  `Line` from the value the database then holds (`patch`, so a page works the budget out again without
  reading it), the text an editor starts from (`text_of`), and, for numbers, what a value being typed
  would store (`previewed`: the totals while typing).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from studio.budget.calculation import BudgetInputs, Line
from studio.budget.formulas import is_number
from studio.changes import FieldChange
from studio.models import BudgetLine
from studio.models.budget import entry_of
from studio.money import Money

# The columns `line_of` reads.
COLUMNS = (
    "id",
    "account_id",
    "description",
    "amount",
    "amount_formula",
    "unit",
    "multiplier",
    "rate_minor",
    "currency",
    "payee",
    "source",
    "notes",
    "sort_order",
    "version",
)


def line_of(row: Mapping[str, Any], fringe_ids: tuple[int, ...] = ()) -> Line:
    """The `Line` a stored row (its `COLUMNS`) is worked out as."""
    return Line(
        id=row["id"],
        account_id=row["account_id"],
        description=row["description"],
        amount=row["amount"],
        formula=row["amount_formula"],
        unit=row["unit"],
        multiplier=row["multiplier"],
        rate=Money.from_minor(row["rate_minor"], row["currency"]).amount,
        currency=row["currency"],
        payee=row["payee"],
        fringe_ids=fringe_ids,
        source=row["source"],
        notes=row["notes"],
        sort_order=row["sort_order"],
        version=row["version"],
    )


def store(row: BudgetLine, line: Line) -> None:
    """Write what the schedule keeps of a line (not its fringes, notes or place) into its row."""
    row.description, row.amount, row.amount_formula, row.unit = line.description, line.amount, line.formula, line.unit
    row.multiplier, row.payee = line.multiplier, line.payee
    row.rate = Money(line.rate, line.currency)


def fringe_codes_in(text: str) -> list[str]:
    """The fringe codes typed for a line ("FICA-SS, FUTA", spaces, semicolons or Chinese commas between
    them), upper-cased, each once."""
    return list(dict.fromkeys(code for code in re.split(r"[\s,;、，]+", str(text or "").upper()) if code))


def _with_entry(line: Line, entry: Any, _inputs: BudgetInputs) -> Line:
    """An amount entry: a number, else a formula (the amount it last worked out to stays till then)."""
    text = str(entry)
    return replace(line, amount=Decimal(text), formula="") if is_number(text) else replace(line, formula=text)


def _with_fringes(line: Line, codes: Any, inputs: BudgetInputs) -> Line:
    ids = {fringe.code.upper(): fringe.id for fringe in inputs.fringes}
    return replace(line, fringe_ids=tuple(ids[code] for code in fringe_codes_in(codes) if code in ids))


def _fringes_text(line: Line, inputs: BudgetInputs) -> str:
    codes = {fringe.id: fringe.code for fringe in inputs.fringes}
    return ", ".join(codes[fringe_id] for fringe_id in line.fringe_ids if fringe_id in codes)


def _attribute(name: str) -> LineField:
    """A field stored as the very attribute the `Line` has (text, a unit, a currency, a quantity)."""
    return LineField(lambda line, value, _inputs: replace(line, **{name: value}), lambda line, _: getattr(line, name))


@dataclass(frozen=True)
class LineField:
    set: Callable[[Line, Any, BudgetInputs], Line]  # the line with the field's stored value
    text: Callable[[Line, BudgetInputs], str]  # as a person types it
    typed: Callable[[Decimal, Line], Any] | None = None  # a number typed → the value it stores
    counts: bool = True  # whether the budget's figures depend on it


LINE_FIELDS: dict[str, LineField] = {
    "description": replace(_attribute("description"), counts=False),
    "amount_entry": LineField(
        _with_entry, lambda line, _: entry_of(line.amount, line.formula), typed=lambda number, _: f"{number:f}"
    ),
    "unit": _attribute("unit"),
    "multiplier": replace(
        _attribute("multiplier"),
        text=lambda line, _: f"{line.multiplier.normalize():f}",
        typed=lambda number, _: number,
    ),
    "rate": LineField(
        lambda line, rate, _: replace(line, rate=rate.amount),
        lambda line, _: f"{line.rate:f}",
        typed=lambda number, line: Money(number, line.currency),
    ),
    "currency": _attribute("currency"),
    "payee": _attribute("payee"),
    "fringe_codes": LineField(_with_fringes, _fringes_text),
    "account_id": LineField(lambda line, account_id, _: replace(line, account_id=account_id), lambda line, _: ""),
    "notes": replace(_attribute("notes"), counts=False),
}
# The fields whose edit can change a figure of the budget (budget.limits watches them).
FIGURES = frozenset(name for name, field in LINE_FIELDS.items() if field.counts)
# The number fields, whose typing previews the totals.
TYPED = frozenset(name for name, field in LINE_FIELDS.items() if field.typed is not None)


def text_of(inputs: BudgetInputs, line: Line, field: str) -> str:
    return LINE_FIELDS[field].text(line, inputs)


def patch(inputs: BudgetInputs, change: FieldChange) -> bool:
    """Follow in `inputs` an edit of one of their lines (made here, or by undo and redo), as the database
    now holds it; False when `change` is not a field of a line they hold."""
    field = LINE_FIELDS.get(change.field)
    index = next((i for i, line in enumerate(inputs.lines) if line.id == change.row_id), None)
    if change.entity != "budget_line" or field is None or index is None:
        return False
    line = field.set(inputs.lines[index], change.new, inputs)
    inputs.lines[index] = replace(line, version=change.version) if change.version is not None else line
    return True


def previewed(inputs: BudgetInputs, line_id: int, field: str, text: str) -> BudgetInputs | None:
    """The inputs as if `text` were stored in a line's number field (None while it is not a number:
    a formula waits for the commit)."""
    kind = LINE_FIELDS.get(field)
    line = next((line for line in inputs.lines if line.id == line_id), None)
    if kind is None or kind.typed is None or line is None:
        return None
    try:
        number = Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    changed = kind.set(line, kind.typed(number, line), inputs)
    return replace(inputs, lines=[changed if other.id == line_id else other for other in inputs.lines])
