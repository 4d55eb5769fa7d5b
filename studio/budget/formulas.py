"""Formulas over globals: what a budget line's amount or a global may be ("SHOOT_DAYS * 2", "EPISODES / 4").

The language is deliberately small: decimal numbers, global names, + - * / and parentheses. It is
parsed here (never by Python's eval), worked out in exact Decimal, and written into the spreadsheet
as the same formula over the workbook's defined names, so an accountant reads what the producer typed.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, DivisionByZero, InvalidOperation
from functools import lru_cache

from studio.errors import InvalidInput
from studio.i18n import _

MAX_LENGTH = 200
OT_HOURS = "OT_HOURS"  # the overtime lines the schedule keeps use it by this name
_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|(.))")
_NAME = re.compile(r"[A-Z_][A-Z0-9_]{0,59}")
# Names a spreadsheet would read as a cell (A1, XFD1048576, R1C1) or a constant.
_CELL_LIKE = re.compile(r"[A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*|R|C|TRUE|FALSE")


def global_name(value: object) -> str:
    """A global's name, upper-cased: letters, digits and _, not a spreadsheet cell name."""
    name = str(value or "").strip().upper()
    if not _NAME.fullmatch(name) or _CELL_LIKE.fullmatch(name):
        raise InvalidInput(
            _("{name} cannot name a global: use letters, digits and _, such as SHOOT_DAYS").format(name=repr(name))
        )
    return name


@dataclass(frozen=True)
class Formula:
    """A parsed formula: `names` it uses; `value` works it out; `spreadsheet` writes it for Excel."""

    text: str
    tree: tuple

    @property
    def names(self) -> frozenset[str]:
        return frozenset(_names(self.tree))

    def value(self, lookup: Callable[[str], Decimal]) -> Decimal:
        try:
            return _value(self.tree, lookup)
        except (DivisionByZero, InvalidOperation):
            raise InvalidInput(_("{formula} divides by zero").format(formula=repr(self.text))) from None

    def spreadsheet(self, reference: Callable[[str], str] = str) -> str:
        """The formula as spreadsheet text (without the leading "="), each name passed through `reference`."""
        return _written(self.tree, reference)


def is_number(text: str) -> bool:
    return re.fullmatch(r"\s*-?(\d+(\.\d+)?|\.\d+)\s*", text) is not None


@lru_cache(maxsize=4096)  # a budget recalculates after every edit; its formulas rarely change
def parse(text: str) -> Formula:
    """Parse a formula, or raise InvalidInput saying where it goes wrong."""
    source = str(text or "").strip()
    if not source:
        raise InvalidInput(_("a formula cannot be empty"))
    if len(source) > MAX_LENGTH:
        raise InvalidInput(_("a formula holds at most {count} characters").format(count=MAX_LENGTH))
    tokens = _tokens(source)
    parser = _Parser(source, tokens)
    tree = parser.sum()
    if parser.position != len(tokens):
        raise parser.error()
    return Formula(source, tree)


def evaluate_globals(formulas: Mapping[str, Formula | Decimal]) -> tuple[dict[str, Decimal], dict[str, str]]:
    """Every global's value, and why each one that cannot be worked out cannot: it uses itself (the
    chain is named, "A → B → A"), an unknown name, or such a global."""
    values: dict[str, Decimal] = {}
    errors: dict[str, str] = {}
    visiting: list[str] = []

    def value_of(name: str) -> Decimal:
        if name in values:
            return values[name]
        if name in errors:
            raise InvalidInput(_("it uses global {name}, which cannot be worked out").format(name=name))
        if name not in formulas:
            raise InvalidInput(_("there is no global named {name}").format(name=name))
        if name in visiting:
            chain = " → ".join([*visiting[visiting.index(name) :], name])
            raise InvalidInput(_("global {name} uses itself: {chain}").format(name=name, chain=chain))
        visiting.append(name)
        try:
            formula = formulas[name]
            values[name] = formula.value(value_of) if isinstance(formula, Formula) else formula
        except InvalidInput as error:
            errors.setdefault(name, str(error))
            raise
        finally:
            visiting.pop()
        return values[name]

    for name in formulas:
        with contextlib.suppress(InvalidInput):
            value_of(name)
    return values, errors


def _tokens(source: str) -> list[tuple[str, str]]:
    tokens = []
    for number, name, other in _TOKEN.findall(source):
        if number:
            tokens.append(("number", number))
        elif name:
            tokens.append(("name", name.upper()))
        elif other.strip():
            if other not in "+-*/()":
                raise InvalidInput(
                    _("{formula}: {char} is not allowed (use numbers, global names, + - * / and brackets)").format(
                        formula=repr(source), char=repr(other)
                    )
                )
            tokens.append(("op", other))
    return tokens


class _Parser:
    def __init__(self, source: str, tokens: list[tuple[str, str]]):
        self.source, self.tokens, self.position = source, tokens, 0

    def error(self) -> InvalidInput:
        return InvalidInput(_("{formula} is not a formula this budget understands").format(formula=repr(self.source)))

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise self.error()
        self.position += 1
        return token

    def sum(self) -> tuple:
        tree = self.product()
        while self.peek() in (("op", "+"), ("op", "-")):
            tree = (self.take()[1], tree, self.product())
        return tree

    def product(self) -> tuple:
        tree = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            tree = (self.take()[1], tree, self.unary())
        return tree

    def unary(self) -> tuple:
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        kind, text = self.take()
        if kind == "number":
            return ("number", Decimal(text))
        if kind == "name":
            return ("name", text)
        if text == "(":
            tree = self.sum()
            if self.take() != ("op", ")"):
                raise self.error()
            return ("group", tree)
        raise self.error()


def _names(tree: tuple):
    if tree[0] == "name":
        yield tree[1]
    elif tree[0] != "number":
        for part in tree[1:]:
            yield from _names(part)


def _value(tree: tuple, lookup: Callable[[str], Decimal]) -> Decimal:
    kind = tree[0]
    if kind == "number":
        return tree[1]
    if kind == "name":
        return lookup(tree[1])
    if kind == "neg":
        return -_value(tree[1], lookup)
    if kind == "group":
        return _value(tree[1], lookup)
    left, right = _value(tree[1], lookup), _value(tree[2], lookup)
    if kind == "+":
        return left + right
    if kind == "-":
        return left - right
    if kind == "*":
        return left * right
    return left / right


def _written(tree: tuple, reference: Callable[[str], str]) -> str:
    kind = tree[0]
    if kind == "number":
        return str(tree[1])
    if kind == "name":
        return reference(tree[1])
    if kind == "neg":
        return "-" + _written(tree[1], reference)
    if kind == "group":
        return "(" + _written(tree[1], reference) + ")"
    return _written(tree[1], reference) + kind + _written(tree[2], reference)
