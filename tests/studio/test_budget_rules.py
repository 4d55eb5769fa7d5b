"""Editing the budget through studio.edits.set_field (rules.py): what is accepted, what is refused (and
that a refusal stores nothing), formulas over globals, renames, and the schedule's hold on linked lines."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest
from sqlmodel import select

from studio.budget.schedule_links import sync_schedule_lines
from studio.budget.totals import current_budget
from studio.edits import set_field
from studio.errors import InvalidInput
from studio.models import BudgetAccount, BudgetGlobal, BudgetLine, ExchangeRate, Fringe
from studio.records import add_row

D = Decimal
TABLES = ("budget_line", "budget_global", "budget_line_fringe", "fringe", "exchange_rate", "currency")


def stored(path) -> dict:
    """Every budget row as the database file holds it."""
    with sqlite3.connect(path) as connection:
        return {table: connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall() for table in TABLES}  # noqa: S608


def line_id(session, description: str) -> int:
    return session.exec(select(BudgetLine.id).where(BudgetLine.description == description)).one()


def global_id(session, name: str) -> int:
    return session.exec(select(BudgetGlobal.id).where(BudgetGlobal.name == name)).one()


def fringe_id(session, code: str) -> int:
    return session.exec(select(Fringe.id).where(Fringe.code == code)).one()


RIGHTS = "Format rights option"  # 1100, 1 × 20000 CNY, not linked


def assert_refused(demo, demo_path, edit, message: str) -> None:
    """The edit raises InvalidInput with the message, and the database is as it was."""
    before = stored(demo_path)
    with pytest.raises(InvalidInput, match=message), demo.transaction() as session:
        edit(session)
    assert stored(demo_path) == before


def test_an_amount_is_a_number_or_a_formula_over_globals(demo):
    with demo.transaction() as session:
        rights = line_id(session, RIGHTS)
        change = set_field(session, "budget_line", rights, "amount_entry", " 12 ")
        assert (change.old, change.new) == ("1", "12")
        row = session.get(BudgetLine, rights)
        assert (row.amount, row.amount_formula) == (D(12), "")
        change = set_field(session, "budget_line", rights, "amount_entry", "shoot_days * 2")
        assert (change.old, change.new) == ("12", "shoot_days * 2")
    with demo.session() as session:
        current = current_budget(session, 1)
    assert current.calculation.lines[rights].quantity == D(18)  # 9 shoot days × 2
    assert current.calculation.lines[rights].total == D("360000.00")  # × 20000 CNY
    with demo.transaction() as session:
        set_field(session, "budget_line", rights, "amount_entry", "2.5")  # a number clears the formula
        row = session.get(BudgetLine, rights)
        assert (row.amount, row.amount_formula, row.amount_entry) == (D("2.5"), "", "2.5")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "there is no global named ABC"),
        ("NOPE * SHOOT_DAYS", "there is no global named NOPE"),
        ("SHOOT_DAYS +", "is not a formula this budget understands"),
        ("2 ^ 3", "'\\^' is not allowed"),
        ("", "an amount is needed here"),
        ("1000000001", "is not a number from"),
        ("1.23456", "more than 4 decimal places"),
    ],
)
def test_a_bad_amount_is_refused_and_nothing_changes(demo, demo_path, value, message):
    def edit(session):
        set_field(session, "budget_line", line_id(session, RIGHTS), "amount_entry", value)

    assert_refused(demo, demo_path, edit, message)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("abc", "is not an amount"),
        ("-5", "is negative"),
        ("1.234", "more decimal places than CNY allows"),
        ("100 USD", "is not in CNY"),
        ("", "an amount is needed here"),
    ],
)
def test_a_bad_rate_is_refused(demo, demo_path, value, message):
    def edit(session):
        set_field(session, "budget_line", line_id(session, RIGHTS), "rate", value)

    assert_refused(demo, demo_path, edit, message)


def test_a_rate_in_the_lines_currency(demo):
    with demo.transaction() as session:
        rights = line_id(session, RIGHTS)
        set_field(session, "budget_line", rights, "rate", "¥25,000.50")
        assert session.get(BudgetLine, rights).rate_minor == 2_500_050


def add_global(session, name: str, value: str) -> int:
    return add_row(session, "budget_global", {"production_id": 1}, {"name": name, "value_entry": value})


def test_a_circle_of_globals_is_refused_naming_the_chain(demo, demo_path):
    with demo.transaction() as session:
        a, b = add_global(session, "A", "1"), add_global(session, "B", "2")
        set_field(session, "budget_global", a, "value_entry", "B + 1")

    def edit(session):
        set_field(session, "budget_global", b, "value_entry", "A * 2")

    assert_refused(demo, demo_path, edit, "uses itself: A → B → A")
    assert_refused(
        demo, demo_path, lambda s: set_field(s, "budget_global", a, "value_entry", "a + 1"), "uses itself: A → A"
    )
    with demo.session() as session:
        assert current_budget(session, 1).calculation.globals["A"] == D(3)  # B + 1 = 2 + 1


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("NOPE + 1", "there is no global named NOPE"),
        ("1 / (SHOOT_DAYS - 9)", "divides by zero"),
        ("", "a value is needed here"),
        ("(1", "is not a formula"),
    ],
)
def test_a_global_that_cannot_be_worked_out_is_refused(demo, demo_path, value, message):
    def edit(session):
        set_field(session, "budget_global", global_id(session, "OT_HOURS"), "value_entry", value)

    assert_refused(demo, demo_path, edit, message)


def test_a_global_over_other_globals(demo):
    with demo.transaction() as session:
        ot_hours = global_id(session, "OT_HOURS")
        change = set_field(session, "budget_global", ot_hours, "value_entry", "EPISODES / 40")
        assert (change.old, change.new) == ("2", "EPISODES / 40")
    with demo.session() as session:
        assert current_budget(session, 1).calculation.globals["OT_HOURS"] == D(2)  # 80 / 40


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("value_entry", "10", "SHOOT_DAYS follows the schedule and the script: it cannot be typed over"),
        ("name", "DAYS", "SHOOT_DAYS follows the schedule and the script: it keeps its name"),
    ],
)
def test_the_schedules_globals_cannot_be_typed_over(demo, demo_path, field, value, message):
    def edit(session):
        set_field(session, "budget_global", global_id(session, "SHOOT_DAYS"), field, value)

    assert_refused(demo, demo_path, edit, message)


def test_renaming_a_global_rewrites_every_formula_using_it(demo):
    with demo.transaction() as session:
        crew = add_global(session, "CREW_SIZE", "5")
        add_global(session, "CREW_SIZE_EXTRA", "2")
        catering = add_global(session, "CATERING", "crew_size * 2 + CREW_SIZE_EXTRA")
        snacks = add_row(
            session,
            "budget_line",
            {"account_id": session.exec(select(BudgetAccount.id).where(BudgetAccount.code == "6800")).one()},
            {"description": "Snacks", "amount_entry": "(CREW_SIZE + 1) * SHOOT_DAYS", "rate": "10"},
        )
        untouched = line_id(session, "Hotel, Chinese team (4 rooms)")
    with demo.session() as session:
        before = current_budget(session, 1).calculation
    with demo.transaction() as session:
        change = set_field(session, "budget_global", crew, "name", "headcount")
    assert (change.old, change.new) == ("CREW_SIZE", "HEADCOUNT")
    with demo.session() as session:
        assert session.get(BudgetGlobal, catering).formula == "HEADCOUNT*2+CREW_SIZE_EXTRA"
        assert session.get(BudgetLine, snacks).amount_formula == "(HEADCOUNT+1)*SHOOT_DAYS"
        assert session.get(BudgetLine, untouched).amount_formula == "SHOOT_DAYS + 3"
        after = current_budget(session, 1).calculation
    assert after.problems == [] and after.grand == before.grand
    assert after.globals["HEADCOUNT"] == D(5) and after.globals["CATERING"] == D(12)  # 5 × 2 + 2
    assert after.lines[snacks].total == D("540.00")  # (5 + 1) × 9 × 10 USD


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("OT_HOURS", "another entry already has the value 'OT_HOURS'"),
        ("A1", "cannot name a global"),
        ("TRUE", "cannot name a global"),
        ("crew size", "cannot name a global"),
    ],
)
def test_a_global_cannot_take_a_taken_or_cell_like_name(demo, demo_path, name, message):
    with demo.transaction() as session:
        crew = add_global(session, "CREW_SIZE", "5")
        add_global(session, "CATERING", "CREW_SIZE * 2")

    def edit(session):
        set_field(session, "budget_global", crew, "name", name)

    assert_refused(demo, demo_path, edit, message)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cap", "-5", "is negative"),
        ("cap", "7000.001", "more decimal places than USD allows"),
        ("percent", "101", "is not a number from 0 to 100"),
        ("kind", "SOMETIMES", "SOMETIMES"),
    ],
)
def test_a_bad_fringe_is_refused(demo, demo_path, field, value, message):
    def edit(session):
        set_field(session, "fringe", fringe_id(session, "FUTA"), field, value)

    assert_refused(demo, demo_path, edit, message)


def test_a_fringe_cap_can_change_or_go(demo):
    with demo.transaction() as session:
        futa = fringe_id(session, "FUTA")
        set_field(session, "fringe", futa, "cap", "7,500")
        assert session.get(Fringe, futa).cap_minor == 750_000
        set_field(session, "fringe", futa, "cap", "")
        assert session.get(Fringe, futa).cap_minor is None


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("amount_entry", "3"),
        ("rate", "100"),
        ("description", "Someone else"),
        ("unit", "WEEK"),
        ("multiplier", "2"),
        ("currency", "CNY"),
        ("payee", "Nobody"),
    ],
)
def test_a_linked_line_refuses_what_the_schedule_owns(demo, demo_path, field, value):
    def edit(session):
        linked = session.exec(select(BudgetLine.id).where(BudgetLine.source == "cast:1")).one()
        set_field(session, "budget_line", linked, field, value)

    assert_refused(demo, demo_path, edit, "this line follows the schedule")


def test_a_linked_line_takes_notes_and_fringes(demo):
    with demo.transaction() as session:
        linked = session.exec(select(BudgetLine.id).where(BudgetLine.source == "cast:1")).one()
        set_field(session, "budget_line", linked, "notes", "Deal memo signed")
        change = set_field(session, "budget_line", linked, "fringe_codes", "futa, medicare FUTA")
    assert change.old == "FICA-SS, MEDICARE, FUTA, CA-SUI, CA-ETT, WC, PAYROLL, PH"
    assert change.new == "MEDICARE, FUTA"
    with demo.session() as session:
        row = session.get(BudgetLine, linked)
        assert (row.notes, row.fringe_codes) == ("Deal memo signed", "MEDICARE, FUTA")


def test_an_unknown_fringe_code_is_refused_listing_the_codes(demo, demo_path):
    def edit(session):
        set_field(session, "budget_line", line_id(session, RIGHTS), "fringe_codes", "FUTA, NOPE")

    assert_refused(demo, demo_path, edit, "there is no fringe NOPE \\(the fringes are CA-ETT, CA-SUI, FICA-SS")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "is not a number from"),
        ("-0.1389", "is not a number from"),
        ("0.123456789", "more than 8 decimal places"),
        ("abc", "is not a number from"),
        ("", "cannot be empty"),
    ],
)
def test_a_bad_exchange_rate_is_refused(demo, demo_path, value, message):
    def edit(session):
        first = session.exec(select(ExchangeRate.id).order_by(ExchangeRate.id)).first()
        set_field(session, "exchange_rate", first, "rate", value)

    assert_refused(demo, demo_path, edit, message)


def test_an_exchange_rate_with_eight_places(demo):
    with demo.transaction() as session:
        first = session.exec(select(ExchangeRate.id).order_by(ExchangeRate.id)).first()
        set_field(session, "exchange_rate", first, "rate", "0.13891234")
        assert session.get(ExchangeRate, first).rate == D("0.13891234")


def test_adding_a_rate_in_a_new_currency(demo):
    with demo.transaction() as session:
        values = {"from_currency": "EUR", "to_currency": "USD", "rate": "1.08", "effective_date": "2027-01-04"}
        rate_id = add_row(session, "exchange_rate", {"production_id": 1}, values)
    with demo.session() as session:
        assert session.get(ExchangeRate, rate_id).from_currency == "EUR"


def test_an_edit_undone_puts_the_formula_back(demo):
    with demo.transaction() as session:
        hotel = line_id(session, "Hotel, Chinese team (4 rooms)")
        change = set_field(session, "budget_line", hotel, "amount_entry", "12")
    with demo.transaction() as session:
        set_field(session, "budget_line", hotel, "amount_entry", change.old)  # what undo does
    with demo.session() as session:
        row = session.get(BudgetLine, hotel)
        assert (row.amount_formula, row.amount_entry) == ("SHOOT_DAYS + 3", "SHOOT_DAYS + 3")


def test_a_rename_never_leaves_a_formula_that_cannot_be_read(demo):
    with demo.transaction() as session:
        crew = add_global(session, "X", "5")
        add_row(
            session,
            "budget_line",
            {"account_id": session.exec(select(BudgetAccount.id).where(BudgetAccount.code == "6800")).one()},
            {"description": "Tips", "amount_entry": "X*2+X*3+X*4+X*5+X*6+X*7", "rate": "1"},
        )
    long_name = "NUMBER_OF_CREW_MEMBERS_ON_SET_INCLUDING_DRIVERS_AND_CATERING"  # 60 characters
    try:
        with demo.transaction() as session:
            set_field(session, "budget_global", crew, "name", long_name)
    except InvalidInput:
        return  # refusing the rename is as good
    with demo.session() as session:
        assert current_budget(session, 1).calculation.problems == []


def test_renaming_ot_hours_keeps_the_overtime_lines_on_the_producers_hours(demo):
    try:
        with demo.transaction() as session:
            ot_hours = global_id(session, "OT_HOURS")
            set_field(session, "budget_global", ot_hours, "name", "OVERTIME_HOURS")
    except InvalidInput:
        return  # refusing the rename (as for SHOOT_DAYS) is as good
    with demo.transaction() as session:
        set_field(session, "budget_global", ot_hours, "value_entry", "3")
        sync_schedule_lines(session, 1)
        current = current_budget(session, 1)
    daniel = next(line for line in current.inputs.lines if line.source == "overtime:1")
    assert current.calculation.lines[daniel.id].quantity == D(27)  # 9 work days × 3 hours
