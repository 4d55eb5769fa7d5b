"""A budget line's fields mapped onto the calculation's lines (studio.budget.line_fields): an edit followed
in memory works the budget out as reading it again does, and a number being typed previews the totals."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlmodel import select

from studio.budget.calculation import calculate
from studio.budget.inputs import load_inputs
from studio.budget.line_fields import LINE_FIELDS, fringe_codes_in, patch, previewed, text_of
from studio.edits import EDITABLE, set_fields
from studio.models import BudgetLine
from studio.money import Money

RIGHTS = "Format rights option"  # 1100, 1 × 20000 CNY, not linked to the schedule


def by_id(line) -> int:
    return line.id


def rights_line(session) -> int:
    return session.exec(select(BudgetLine.id).where(BudgetLine.description == RIGHTS)).one()


def test_every_field_a_person_edits_on_a_line_maps_onto_the_calculation():
    assert set(LINE_FIELDS) == set(EDITABLE["budget_line"][1])


@pytest.mark.parametrize(
    "values",
    [
        {"amount_entry": "12"},
        {"amount_entry": "SHOOT_DAYS * 2"},
        {"unit": "WEEK", "multiplier": "2.5"},
        {"rate": "1250.50", "currency": "USD"},
        {"payee": "Someone Else"},
        {"fringe_codes": "futa;FICA-SS、futa"},
        {"description": "Option, second year", "notes": "signed"},
    ],
)
def test_an_edit_followed_in_memory_works_out_as_reading_the_budget_again(demo, values):
    with demo.transaction() as session:
        inputs = load_inputs(session, 1)
        line_id = rights_line(session)
        for change in set_fields(session, "budget_line", line_id, values):
            assert patch(inputs, change)
        read_again = load_inputs(session, 1)
    assert sorted(inputs.lines, key=by_id) == sorted(read_again.lines, key=by_id)
    assert calculate(inputs).lines[line_id] == calculate(read_again).lines[line_id]


def test_a_line_moved_to_another_account_is_followed_too(demo):
    with demo.transaction() as session:
        inputs = load_inputs(session, 1)
        line_id, other = rights_line(session), inputs.accounts[-1].id
        (change,) = set_fields(session, "budget_line", line_id, {"account_id": other})
        assert patch(inputs, change)
        assert sorted(inputs.lines, key=by_id) == sorted(load_inputs(session, 1).lines, key=by_id)


def test_an_edit_of_something_else_is_not_a_line_to_follow(demo):
    with demo.transaction() as session:
        inputs = load_inputs(session, 1)
        before = list(inputs.lines)
        changes = set_fields(session, "production", 1, {"title": "Another title"})
    assert not patch(inputs, changes[0]) and inputs.lines == before


def test_a_number_typed_previews_the_totals_and_a_formula_waits(demo):
    with demo.session() as session:
        inputs = load_inputs(session, 1)
        line_id = rights_line(session)
    line = next(line for line in inputs.lines if line.id == line_id)
    typed = previewed(inputs, line_id, "rate", "25,000.5")
    assert calculate(typed).lines[line_id].total == line.amount * line.multiplier * Decimal("25000.5")
    assert calculate(previewed(inputs, line_id, "amount_entry", "3")).lines[line_id].quantity == 3
    assert calculate(inputs).lines[line_id].total == line.amount * line.multiplier * line.rate  # left as it was
    for field, text in (("amount_entry", "SHOOT_DAYS * 2"), ("rate", "12a"), ("rate", "Infinity"), ("payee", "4")):
        assert previewed(inputs, line_id, field, text) is None


def test_an_editor_starts_from_the_text_a_person_types(demo):
    with demo.transaction() as session:
        line_id = rights_line(session)
        set_fields(
            session,
            "budget_line",
            line_id,
            {"amount_entry": "EPISODES / 4", "multiplier": "2.50", "fringe_codes": "FUTA, FICA-SS"},
        )
        inputs = load_inputs(session, 1)
    line = next(line for line in inputs.lines if line.id == line_id)
    texts = {field: text_of(inputs, line, field) for field in ("amount_entry", "multiplier", "rate", "fringe_codes")}
    assert texts["amount_entry"] == "EPISODES / 4" and texts["multiplier"] == "2.5"
    assert Money(Decimal(texts["rate"]), line.currency).amount == line.rate
    assert {code.strip() for code in texts["fringe_codes"].split(",")} == {"FUTA", "FICA-SS"}


def test_fringe_codes_are_read_whatever_separates_them():
    assert fringe_codes_in("fica-ss，futa、 FICA-SS,medicare;x") == ["FICA-SS", "FUTA", "MEDICARE", "X"]
    assert fringe_codes_in("  ") == []
