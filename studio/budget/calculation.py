"""The budget worked out: every line, fringe, account and total, exactly as the spreadsheet works it out.

The rules, in order (the xlsx export writes the same steps as formulas):
1. Globals are worked out from their numbers and formulas (a circle of globals is refused).
2. A line's total, in its own currency, is amount × multiplier × rate, rounded half-up to the currency's
   minor unit. Its amount is a number or a formula over globals.
3. It is converted to the report currency at the rate of exchange.rate rule, rounded once per line.
4. Each fringe on a line is worked out in the line's currency:
   - A percent fringe is the percent of the line's pay up to the fringe's cap.
   - A flat fringe is its amount per person.
   Both are rounded per line and fringe, then converted like the line. A cap (a wage base: FUTA's
   first 7,000) is per person:
   - for a line naming its payee, across all the payee's lines in budget order;
   - otherwise per person on the line (the multiplier counts the people).
5. Fringes go to their group's fringe account (1900 ATL Fringes…), or the line's own account if the
   group has none.
6. The direct total is every account but the totals accounts. A totals account (contingency, overhead)
   adds its percent of the direct total, rounded. The grand total is the direct total plus those.
A line that cannot be worked out (a missing rate, a broken formula) is a Problem: it is never left out
silently, and while there is one the budget has no grand total. So is any figure (a line, a fringe, an
account, a group, the direct or grand total) beyond studio.money's limit of 15 significant digits: a
spreadsheet could not hold it exactly (edits that would make one are refused: limits.py).
"""

from __future__ import annotations

import gc
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, cached_property

from studio.budget.formulas import Formula, evaluate_globals, is_number, parse
from studio.errors import InvalidInput
from studio.exchange import RateTable
from studio.i18n import _
from studio.models.enums import AccountGroup, FringeKind
from studio.money import beyond_limit_message, minor_unit_digits, within_limit

HUNDRED = Decimal(100)
ONE = Decimal(1)
FLAT = FringeKind.FLAT.value


@cache
def _quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_unit_digits(currency))


def rounded(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(_quantum(currency), rounding=ROUND_HALF_UP)


@dataclass
class Account:
    id: int
    code: str
    name: str
    name_zh: str = ""
    group: str = AccountGroup.BELOW_THE_LINE.value
    holds_fringes: bool = False
    percent: Decimal | None = None
    version: int = 0  # the stored row's, for telling a colleague's change from ours


@dataclass
class Line:
    """A detail line. A line the schedule asks for but the database does not hold yet has a negative id."""

    id: int
    account_id: int
    description: str
    amount: Decimal = Decimal(1)
    formula: str = ""
    unit: str = "FLAT"
    multiplier: Decimal = Decimal(1)
    rate: Decimal = Decimal(0)
    currency: str = "USD"
    payee: str = ""
    fringe_ids: tuple[int, ...] = ()
    source: str = ""
    notes: str = ""
    sort_order: int = 0
    version: int = 0  # the stored row's, for telling a colleague's change from ours


@dataclass
class FringeRule:
    id: int
    code: str
    name: str
    kind: str = FringeKind.PERCENT.value
    percent: Decimal | None = None
    flat: Decimal | None = None
    cap: Decimal | None = None
    currency: str = "USD"
    applies_to: str = ""


@dataclass
class Global:
    id: int
    name: str
    value: Decimal = Decimal(0)
    formula: str = ""
    source: str = ""
    description: str = ""
    version: int = 0  # the stored row's, for telling a colleague's change from ours


@dataclass
class BudgetInputs:
    currency: str  # the report currency
    base_currency: str
    accounts: list[Account]  # in the chart's order
    lines: list[Line]
    fringes: list[FringeRule]
    globals: list[Global]
    rates: RateTable
    production_version: int = 0  # the production's as read (its reporting currency is changed from it)

    def ordered_lines(self) -> list[Line]:
        """Budget order: by account, then the line's place in it."""
        order = {account.id: index for index, account in enumerate(self.accounts)}
        return sorted(self.lines, key=lambda line: (order.get(line.account_id, 0), line.sort_order, line.id))

    def fringe_account(self) -> dict[str, int]:
        """The account each group's fringes go to."""
        holders: dict[str, int] = {}
        for account in self.accounts:
            if account.holds_fringes:
                holders.setdefault(account.group, account.id)
        return holders


@dataclass(frozen=True)
class Problem:
    entity: str  # "budget_line", "budget_global", "fringe"
    row_id: int
    where: str
    message: str
    too_large: bool = False  # a figure beyond the limit (or too large to work out): an edit may not make one

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(slots=True)
class LineTotal:
    quantity: Decimal
    total: Decimal  # in the line's currency
    fx: Decimal  # to the report currency
    converted: Decimal  # in the report currency
    fringes: Decimal  # in the report currency


@dataclass(slots=True)  # not frozen: a frozen dataclass builds ~2× slower, and there are thousands
class FringeShare:
    """One fringe on one line, in budget order."""

    line_id: int
    fringe_id: int
    account_id: int  # where it is counted
    people: Decimal  # how many people the cap and a flat amount are per (1 for a payee's line)
    base: Decimal  # the line's pay, in the line's currency
    cap: Decimal | None  # per person, in the line's currency
    capped: Decimal  # the pay the fringe is on
    amount: Decimal  # in the line's currency
    converted: Decimal  # in the report currency


@dataclass
class Calculation:
    currency: str
    globals: dict[str, Decimal] = field(default_factory=dict)
    lines: dict[int, LineTotal] = field(default_factory=dict)
    shares: list[FringeShare] = field(default_factory=list)
    accounts: dict[int, Decimal] = field(default_factory=dict)
    account_fringes: dict[int, Decimal] = field(default_factory=dict)  # the part of an account that is fringes
    fringes: dict[int, Decimal] = field(default_factory=dict)  # each fringe's total
    groups: dict[str, Decimal] = field(default_factory=dict)
    direct: Decimal = Decimal(0)
    grand: Decimal | None = None
    problems: list[Problem] = field(default_factory=list)

    def problem_of(self, entity: str, row_id: int) -> Problem | None:
        return self._problems_by_row.get((entity, row_id))

    @cached_property  # asked for each row the app paints; built once the calculation is done
    def _problems_by_row(self) -> dict[tuple[str, int], Problem]:
        return {(p.entity, p.row_id): p for p in reversed(self.problems)}


def line_formula(line: Line) -> Formula | None:
    return parse(line.formula) if line.formula.strip() else None


def global_formula(item: Global) -> Formula | Decimal:
    if item.formula.strip() and not is_number(item.formula):
        return parse(item.formula)
    return Decimal(item.formula) if item.formula.strip() else item.value


@contextmanager
def _without_cycle_collection():
    """A calculation builds thousands of small objects and no reference cycles; a full pass of the cycle
    collector started by those allocations would walk everything the app holds (50+ ms on a 2,000-line
    budget). They are freed by reference counting as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def calculate(inputs: BudgetInputs) -> Calculation:
    with _without_cycle_collection():
        return _calculate(inputs)


def _calculate(inputs: BudgetInputs) -> Calculation:
    result = Calculation(inputs.currency)
    result.globals, bad_globals = _globals(inputs, result)
    accounts = {account.id: account for account in inputs.accounts}
    fringes = {fringe.id: fringe for fringe in inputs.fringes}
    holders = inputs.fringe_account()
    totals = defaultdict(Decimal)
    account_fringes = defaultdict(Decimal)
    used: dict[tuple[str, int], tuple[Decimal, str]] = {}  # pay each payee has had each fringe on, and its currency
    flat_paid: set[tuple[str, int]] = set()
    fringe_totals = defaultdict(Decimal)
    report = inputs.currency
    for line in inputs.ordered_lines():
        account = accounts[line.account_id]
        try:
            quantity = _quantity(line, result.globals, bad_globals)
            total = rounded(quantity * line.multiplier * line.rate, line.currency)
            fx = inputs.rates.rate(line.currency, report)
            _check(total, line.currency)
            converted = _check(rounded(total * fx, report), report)
            fringe_account = holders.get(account.group, account.id)
            shares = [
                _share(line, total, fringes[fid], fringe_account, inputs.rates, used, flat_paid, fx, report)
                for fid in line.fringe_ids
                if fid in fringes
            ]
            for share in shares:
                _check(share.amount, line.currency)
                _check(share.converted, report)
        except TooLarge as error:
            result.problems.append(Problem("budget_line", line.id, _where(account, line), str(error), too_large=True))
            continue
        except InvalidInput as error:
            result.problems.append(Problem("budget_line", line.id, _where(account, line), str(error)))
            continue
        except ArithmeticError:  # a formula worth more than Decimal can round to a cent
            message = _("the amount is too large to work out")
            result.problems.append(Problem("budget_line", line.id, _where(account, line), message, too_large=True))
            continue
        line_fringes = Decimal(0)
        for share in shares:
            result.shares.append(share)
            line_fringes += share.converted
            totals[share.account_id] += share.converted
            account_fringes[share.account_id] += share.converted
            fringe_totals[share.fringe_id] += share.converted
        result.lines[line.id] = LineTotal(quantity, total, fx, converted, line_fringes)
        totals[line.account_id] += converted
    result.direct = sum((totals[a.id] for a in inputs.accounts if a.group != AccountGroup.TOTALS.value), Decimal(0))
    for account in inputs.accounts:
        if account.group == AccountGroup.TOTALS.value and account.percent:
            totals[account.id] += rounded(result.direct * account.percent / HUNDRED, report)
    result.accounts = {account.id: totals[account.id] for account in inputs.accounts}
    result.account_fringes = dict(account_fringes)
    result.fringes = {fringe.id: fringe_totals[fringe.id] for fringe in inputs.fringes}
    for account in inputs.accounts:
        result.groups[account.group] = result.groups.get(account.group, Decimal(0)) + totals[account.id]
    _check_totals(inputs, result, fringe_totals)
    if not result.problems:
        result.grand = sum(result.accounts.values(), Decimal(0))
    return result


class TooLarge(InvalidInput):
    """A figure beyond studio.money's limit (15 significant digits)."""


def _check(amount: Decimal, currency: str) -> Decimal:
    if not within_limit(amount, currency):
        raise TooLarge(beyond_limit_message(amount, currency))
    return amount


def _check_totals(inputs: BudgetInputs, result: Calculation, fringe_totals: dict[int, Decimal]) -> None:
    """Each total beyond the limit is a problem naming it (then there is no grand total to be beyond it)."""
    report = result.currency
    figures = [("budget_account", a.id, f"{a.code} {a.name}", result.accounts[a.id]) for a in inputs.accounts]
    figures += [("fringe", f.id, f.code, fringe_totals[f.id]) for f in inputs.fringes]
    figures += [("budget", 0, group, amount) for group, amount in result.groups.items()]
    figures += [("budget", 0, _("the direct total"), result.direct)]
    if not result.problems:
        figures += [("budget", 0, _("the grand total"), sum(result.accounts.values(), Decimal(0)))]
    for entity, row_id, where, amount in figures:
        if not within_limit(amount, report):
            message = beyond_limit_message(amount, report)
            result.problems.append(Problem(entity, row_id, where, message, too_large=True))


def _globals(inputs: BudgetInputs, result: Calculation) -> tuple[dict[str, Decimal], set[str]]:
    """The globals' values; a global that cannot be worked out is a problem (and so is every line using it)."""
    formulas: dict[str, Formula | Decimal] = {}
    ids = {item.name: item.id for item in inputs.globals}
    errors: dict[str, str] = {}
    for item in inputs.globals:
        try:
            formulas[item.name] = global_formula(item)
        except InvalidInput as error:
            errors[item.name] = str(error)
    values, evaluation_errors = evaluate_globals(formulas)
    errors.update(evaluation_errors)
    for name, message in errors.items():
        result.problems.append(Problem("budget_global", ids[name], name, message))
    return values, set(errors)


def _where(account: Account, line: Line) -> str:
    return f"{account.code} {account.name}, “{line.description}”"


def _quantity(line: Line, values: dict[str, Decimal], bad: set[str]) -> Decimal:
    formula = line_formula(line)
    if formula is None:
        return line.amount
    for name in sorted(formula.names):
        if name in bad:
            raise InvalidInput(_("it uses global {name}, which cannot be worked out").format(name=name))
        if name not in values:
            raise InvalidInput(_("there is no global named {name}").format(name=name))
    return formula.value(values.__getitem__)


def _in_line_currency(amount: Decimal, fringe: FringeRule, line: Line, rates: RateTable) -> Decimal:
    """A fringe's cap or flat amount in the line's currency (the latest rate, rounded)."""
    if fringe.currency == line.currency:
        return amount
    return rounded(amount * rates.rate(fringe.currency, line.currency), line.currency)


def _share(
    line: Line,
    total: Decimal,
    fringe: FringeRule,
    account_id: int,
    rates: RateTable,
    used: dict[tuple[str, int], tuple[Decimal, str]],
    flat_paid: set[tuple[str, int]],
    fx: Decimal,
    report: str,
) -> FringeShare:
    """One fringe on one line, in the line's currency, and converted like the line."""
    people = ONE if line.payee else line.multiplier
    cap = None if fringe.cap is None else _in_line_currency(fringe.cap, fringe, line, rates)
    if cap is None:
        capped = total
    elif line.payee:
        key = (line.payee, fringe.id)
        paid, currency = used.get(key, (Decimal(0), line.currency))
        if currency != line.currency:
            raise InvalidInput(
                _(
                    "{payee} is paid in {first} and {second}: {fringe}'s cap per person needs one currency "
                    "(give these lines one currency, or different payees)"
                ).format(payee=line.payee, first=currency, second=line.currency, fringe=fringe.code)
            )
        capped = min(total, max(Decimal(0), cap - paid))
        used[key] = (paid + capped, currency)
    else:
        capped = min(total, cap * people)
    if fringe.kind == FLAT:
        flat = _in_line_currency(fringe.flat or Decimal(0), fringe, line, rates)
        if line.payee:
            first = (line.payee, fringe.id) not in flat_paid
            flat_paid.add((line.payee, fringe.id))
            amount = flat if first else Decimal(0)
        else:
            amount = rounded(flat * people, line.currency)
    else:
        amount = rounded(capped * (fringe.percent or Decimal(0)) / HUNDRED, line.currency)
    converted = rounded(amount * fx, report)
    return FringeShare(line.id, fringe.id, account_id, people, total, cap, capped, amount, converted)
