"""Formulas over globals (studio/budget/formulas.py): parsing, refusals, names, globals, spreadsheet text."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.budget.formulas import MAX_LENGTH, Formula, evaluate_globals, global_name, is_number, parse
from studio.errors import InvalidInput


def _no_names(name: str) -> Decimal:
    raise AssertionError(f"a formula of numbers looked up {name}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", Decimal(12)),
        ("2 + 3 * 4", Decimal(14)),  # * before +
        ("(2 + 3) * 4", Decimal(20)),
        ("2 - 3 - 4", Decimal(-5)),  # left to right: (2 - 3) - 4
        ("2 / 4 / 2", Decimal("0.25")),  # (2 / 4) / 2
        ("10 / 4", Decimal("2.5")),
        ("-2 * -3", Decimal(6)),
        ("--2", Decimal(2)),
        ("-(2 + 3) * 2", Decimal(-10)),
        (".5 + 1.25", Decimal("1.75")),
        ("  7  ", Decimal(7)),
        ("((((1))))", Decimal(1)),
        ("1.10 * 3", Decimal("3.30")),
    ],
)
def test_formulas_of_numbers_work_out_exactly(text, expected):
    assert parse(text).value(_no_names) == expected


def test_names_are_looked_up_upper_cased_and_listed():
    formula = parse("shoot_days * 2 + Episodes / 4 - SHOOT_DAYS")
    assert formula.names == frozenset({"SHOOT_DAYS", "EPISODES"})
    values = {"SHOOT_DAYS": Decimal(9), "EPISODES": Decimal(80)}
    # 9 × 2 + 80 / 4 − 9 = 18 + 20 − 9 = 29
    assert formula.value(values.__getitem__) == Decimal(29)
    assert parse("3").names == frozenset()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "cannot be empty"),
        ("   ", "cannot be empty"),
        (None, "cannot be empty"),
        ("1+" * 100 + "1", f"at most {MAX_LENGTH} characters"),
        ("2 ^ 3", "'^' is not allowed"),
        ("SHOOT_DAYS × 2", "'×' is not allowed"),
        ("=SUM(A1)", "'=' is not allowed"),
        ("2 % 3", "'%' is not allowed"),
        ("1,5", "',' is not allowed"),
        ("2 +", "is not a formula this budget understands"),
        ("(2 + 3", "is not a formula this budget understands"),
        ("2 + 3)", "is not a formula this budget understands"),
        ("2 3", "is not a formula this budget understands"),
        ("()", "is not a formula this budget understands"),
        ("* 2", "is not a formula this budget understands"),
        ("1e5", "is not a formula this budget understands"),
        ("SHOOT DAYS", "is not a formula this budget understands"),
    ],
)
def test_bad_formulas_are_refused_with_a_message(text, message):
    with pytest.raises(InvalidInput, match=re.escape(message)):
        parse(text)


def test_the_longest_formula_allowed_is_accepted():
    text = "1+" * 99 + "11"  # 200 characters
    assert len(text) == MAX_LENGTH
    assert parse(text).value(_no_names) == Decimal(99 + 11)


@pytest.mark.parametrize("text", ["1 / 0", "1 / (2 - 2)", "0 / 0", "5 / ZERO"])
def test_division_by_zero_is_refused_naming_the_formula(text):
    formula = parse(text)
    with pytest.raises(InvalidInput, match=re.escape(f"{text!r} divides by zero")):
        formula.value(lambda name: Decimal(0))


def test_spreadsheet_text_keeps_the_structure_and_renames_through_reference():
    formula = parse("shoot_days * (2 + episodes) / -4 - -1.50")
    assert formula.spreadsheet() == "SHOOT_DAYS*(2+EPISODES)/-4--1.50"
    assert formula.spreadsheet(lambda name: f"Globals!{name.lower()}") == (
        "Globals!shoot_days*(2+Globals!episodes)/-4--1.50"
    )
    assert parse(".5").spreadsheet() == "0.5"


@pytest.mark.parametrize(
    ("value", "name"), [("shoot_days", "SHOOT_DAYS"), (" ot_hours ", "OT_HOURS"), ("_X", "_X"), ("AB12C", "AB12C")]
)
def test_global_names_are_upper_cased(value, name):
    assert global_name(value) == name


@pytest.mark.parametrize(
    "value",
    ["A1", "xfd1048576", "R1C1", "RC", "R", "C", "R2", "C3", "TRUE", "false", "1DAYS", "SHOOT DAYS", "A-B", "", None]
    + ["X" * 61, "日数"],
)
def test_names_a_spreadsheet_reads_otherwise_are_refused(value):
    with pytest.raises(InvalidInput, match="cannot name a global"):
        global_name(value)


def test_a_sixty_character_name_is_the_longest():
    assert global_name("x" * 60) == "X" * 60


def test_is_number_tells_numbers_from_formulas():
    assert is_number("12") and is_number(" -3.5 ") and is_number(".25")
    assert not is_number("1 + 1") and not is_number("SHOOT_DAYS") and not is_number("1.") and not is_number("")


def test_globals_work_out_through_each_other():
    values, errors = evaluate_globals(
        {
            "CREW": parse("CAST * 2"),
            "CAST": Decimal(12),
            "MEALS": parse("(CREW + CAST) * DAYS"),
            "DAYS": parse("9"),
        }
    )
    # CREW = 12 × 2 = 24; MEALS = (24 + 12) × 9 = 324
    assert values == {"CREW": Decimal(24), "CAST": Decimal(12), "MEALS": Decimal(324), "DAYS": Decimal(9)}
    assert errors == {}


def test_a_circle_of_globals_is_named_as_a_chain():
    values, errors = evaluate_globals({"A": parse("B + 1"), "B": parse("A * 2"), "C": parse("A + 1"), "D": Decimal(4)})
    assert errors["A"] == "global A uses itself: A → B → A"
    assert errors["B"] == "global A uses itself: A → B → A"
    # C only uses a global that cannot be worked out
    assert errors["C"] == "it uses global A, which cannot be worked out"
    assert values == {"D": Decimal(4)}


def test_a_global_using_itself_and_a_longer_circle():
    _values, errors = evaluate_globals({"SELF": parse("SELF + 1")})
    assert errors == {"SELF": "global SELF uses itself: SELF → SELF"}
    _values, errors = evaluate_globals({"X": parse("Y"), "Y": parse("Z"), "Z": parse("X")})
    assert errors["X"] == "global X uses itself: X → Y → Z → X"


def test_a_global_depending_on_a_broken_one_is_broken_whichever_comes_first():
    values, errors = evaluate_globals({"C": parse("A + 1"), "A": parse("B"), "B": parse("A")})
    assert set(errors) == {"A", "B", "C"} and values == {}
    assert "A → B → A" in errors["C"]


def test_unknown_names_and_division_by_zero_in_globals():
    values, errors = evaluate_globals(
        {"A": parse("NOPE * 2"), "B": parse("10 / ZERO"), "ZERO": Decimal(0), "C": parse("B + 1")}
    )
    assert errors["A"] == "there is no global named NOPE"
    assert errors["B"] == "'10 / ZERO' divides by zero"
    assert errors["C"] == "it uses global B, which cannot be worked out"
    assert values == {"ZERO": Decimal(0)}


# Property: a formula of numbers works out as Python's own Decimal arithmetic on the same text.

_numbers = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(str),
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False).map(lambda d: f"{d:f}"),
)


@st.composite
def _formulas(draw, depth: int = 0) -> str:
    if depth >= 4 or draw(st.integers(0, 2)) == 0:
        text = draw(_numbers)
    elif draw(st.booleans()):
        left, right = draw(_formulas(depth + 1)), draw(_formulas(depth + 1))
        text = f"{left} {draw(st.sampled_from('+-*/'))} {right}"
    else:
        text = f"({draw(_formulas(depth + 1))})"
    return ("-" if draw(st.integers(0, 5)) == 0 else "") + text


def _python_value(text: str) -> Decimal:
    """The same text read by Python, every number a Decimal (Python's precedence is the formulas')."""
    python = re.sub(r"\d+(?:\.\d+)?", lambda m: f"Decimal('{m.group()}')", text)
    return eval(python, {"Decimal": Decimal})  # noqa: S307 - text generated by the test, numbers and operators only


@given(_formulas())
def test_random_formulas_of_numbers_match_python_decimal(text):
    if len(text) > MAX_LENGTH:
        with pytest.raises(InvalidInput, match="at most"):
            parse(text)
        return
    formula = parse(text)
    try:
        expected = _python_value(text)
    except ArithmeticError:  # a division by zero somewhere
        with pytest.raises(InvalidInput, match="divides by zero"):
            formula.value(_no_names)
        return
    assert formula.value(_no_names) == expected
    # The spreadsheet text is the same formula: read back, it works out the same.
    assert parse(formula.spreadsheet()).value(_no_names) == expected


@given(st.text(max_size=40))
def test_any_text_parses_or_is_refused_with_invalid_input(text):
    try:
        formula = parse(text)
    except InvalidInput:
        return
    assert isinstance(formula, Formula)
    assert formula.names <= {name.upper() for name in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)}
