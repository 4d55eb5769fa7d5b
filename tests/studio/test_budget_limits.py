"""Budget figures stay within 15 significant digits (studio.money.MAX_MINOR), all a spreadsheet holds exactly.

The audit's case: a formula and a multiplier made a line of about 7.4 × 10^21, where the JSON and
LibreOffice disagreed. Now an edit that would make any line or total beyond the limit is refused before
anything is saved, naming it; a budget just under the limit totals the same in the app, the JSON of
`budget total --json` and the exported workbook recalculated by LibreOffice, to the cent.
"""

from __future__ import annotations

import json
from decimal import ROUND_FLOOR, Decimal
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlmodel import select

from studio import validation
from studio.budget.calculation import Account, calculate
from studio.budget.totals import current_budget
from studio.edits import put_back, set_field, set_fields
from studio.errors import InvalidInput
from studio.exports.budget_xlsx import Words
from studio.models import BudgetAccount, BudgetLine, ExchangeRate
from studio.money import MAX_MINOR, SIGNIFICANT_DIGITS, STORABLE_MINOR, largest_amount, minor_unit_digits
from studio.records import add_row
from tests.studio.test_budget_calculation import CHART, FICA, FUTA, MEAL, budget, line, rate
from tests.studio.test_budget_rules import RIGHTS, assert_refused, line_id
from tests.studio.test_budget_xlsx import cli, number_rows, recalculate, top_sheet

D = Decimal
TOO_LARGE = "this change would make a figure too large"


def digits(amount: Decimal, currency: str) -> int:
    """Significant digits of an amount counted in its currency's minor units."""
    return len(str(abs(int(amount.scaleb(minor_unit_digits(currency))))).lstrip("0") or "0")


def test_one_limit_for_every_amount_stricter_than_a_64_bit_column():
    assert MAX_MINOR == 10**15 - 1 < STORABLE_MINOR == 2**63 - 1
    assert largest_amount("USD") == D("9999999999999.99") and largest_amount("JPY") == D(999999999999999)
    assert largest_amount("KWD") == D("999999999999.999")  # three decimals: fewer whole units, same digits
    for currency in ("USD", "JPY", "KWD", "CLF"):  # CLF: four decimals
        typed = validation.amount(f"{validation.MAX_AMOUNT}", currency)
        assert digits(typed, currency) <= SIGNIFICANT_DIGITS


def test_the_audit_case_a_formula_and_a_multiplier_are_refused_and_nothing_is_stored(demo, demo_path):
    with demo.session() as session:
        rights = line_id(session, RIGHTS)  # 1 × 20000 CNY
    # 1,000,000,000 × 3,700,000 × 100 × 20,000 CNY = 7.4 × 10^21: refused as the formula is typed…
    with demo.transaction() as session:
        set_field(session, "budget_line", rights, "multiplier", "100")
    assert_refused(
        demo,
        demo_path,
        lambda s: set_field(s, "budget_line", rights, "amount_entry", "1000000000 * 3700000"),
        f"{TOO_LARGE}: 1100 .*{RIGHTS}.*7,400,000,000,000,000,000,000.00 CNY is more than any amount may be "
        r"\(9,999,999,999,999.99 CNY: 15 significant digits\)",
    )
    # …and as the multiplier is, once the formula is in (37,000,000 × 20,000 CNY is allowed alone).
    with demo.transaction() as session:
        set_field(session, "budget_line", rights, "multiplier", "1")
        set_field(session, "budget_line", rights, "amount_entry", "1000000 * 37")
    assert_refused(
        demo, demo_path, lambda s: set_field(s, "budget_line", rights, "multiplier", "10000"), f"{TOO_LARGE}: 1100 "
    )
    # Several fields at once are judged together.
    assert_refused(
        demo,
        demo_path,
        lambda s: set_fields(s, "budget_line", rights, {"multiplier": "10000", "notes": "big"}),
        TOO_LARGE,
    )
    with demo.session() as session:
        assert current_budget(session, 1).calculation.grand is not None


def test_a_global_that_pushes_many_lines_over_is_refused_naming_the_first(demo, demo_path):
    with demo.transaction() as session:
        big = add_row(session, "budget_global", {"production_id": 1}, {"name": "BIG", "value_entry": "1"})
        lines = [line_id(session, RIGHTS)]
        account = session.exec(select(BudgetAccount.id).where(BudgetAccount.code == "2000")).first()
        for index in range(4):
            lines.append(
                add_row(
                    session,
                    "budget_line",
                    {"account_id": account},
                    {"description": f"Big {index}", "amount_entry": "BIG * 1000", "rate": "10000", "currency": "USD"},
                )
            )
        set_field(session, "budget_line", lines[0], "amount_entry", "BIG")
    # BIG × 20,000 CNY, and 10^9 × 1000 × 10,000 USD = 10^16 USD on each of the others: all beyond the limit.
    assert_refused(
        demo,
        demo_path,
        lambda s: set_field(s, "budget_global", big, "value_entry", "1000000000"),
        rf"{TOO_LARGE}: 1100 .*“{RIGHTS}”: 20,000,000,000,000.00 CNY is more .*\(and \d+ more\)$",
    )
    # So is a formula over another global doing the same.
    with demo.transaction() as session:
        add_row(session, "budget_global", {"production_id": 1}, {"name": "HUGE", "value_entry": "1000000000"})
    assert_refused(demo, demo_path, lambda s: set_field(s, "budget_global", big, "value_entry", "HUGE * 1"), TOO_LARGE)
    # A smaller value is accepted, and the lines follow: 1000 × 1000 × 10,000 USD each.
    with demo.transaction() as session:
        set_field(session, "budget_global", big, "value_entry", "HUGE / 1000000")
    with demo.session() as session:
        calculation = current_budget(session, 1).calculation
    assert calculation.problems == [] and calculation.lines[lines[1]].total == D("10000000000.00")


def test_an_exchange_rate_that_pushes_conversions_over_is_refused(demo, demo_path):
    with demo.session() as session:
        latest = session.exec(select(ExchangeRate).order_by(ExchangeRate.effective_date.desc())).first().id
    # CNY → USD at 10^9: the CNY lines in dollars (and the USD ones in yuan, at the inverse) go far beyond.
    assert_refused(
        demo,
        demo_path,
        lambda s: set_field(s, "exchange_rate", latest, "rate", "1000000000"),
        rf"{TOO_LARGE}: .* USD is more than any amount may be",
    )
    # Nor may a new, later rate do it.
    assert_refused(
        demo,
        demo_path,
        lambda s: add_row(
            s,
            "exchange_rate",
            {"production_id": 1},
            {"from_currency": "CNY", "to_currency": "USD", "rate": "1000000000", "effective_date": "2027-02-01"},
        ),
        TOO_LARGE,
    )


def test_an_undo_that_would_go_beyond_the_limit_is_refused(demo, demo_path):
    with demo.transaction() as session:
        rights = line_id(session, RIGHTS)
        set_field(session, "budget_line", rights, "multiplier", "10000")  # 200,000,000 CNY
        lowered = set_field(session, "budget_line", rights, "multiplier", "1")
        set_field(session, "budget_line", rights, "amount_entry", "1000000 * 37")  # 740,000,000,000 CNY
    assert_refused(demo, demo_path, lambda s: put_back(s, [lowered], to_new=False), f"{TOO_LARGE}: 1100 ")


def test_a_budget_already_beyond_the_limit_may_still_be_edited(demo):
    """Stored before this rule: an edit that makes it no worse is accepted (one that mends it, too)."""
    with demo.transaction() as session:
        rights = line_id(session, RIGHTS)
        set_field(session, "budget_line", rights, "amount_entry", "1000000 * 37")
        session.get(BudgetLine, rights).multiplier = D(10000)  # written past the rules
    with demo.transaction() as session:
        set_field(session, "budget_line", rights, "notes", "too big, to be mended")
        set_field(session, "exchange_rate", 1, "rate", "0.14")
        set_field(session, "budget_line", rights, "multiplier", "1")
    with demo.session() as session:
        assert current_budget(session, 1).calculation.grand is not None


def test_a_budget_just_under_the_limit_agrees_in_the_app_the_json_and_libreoffice(demo, demo_path, tmp_path):
    """The largest line and grand total allowed: 15 significant digits each, equal to the cent everywhere."""
    with demo.session() as session:
        rights = line_id(session, RIGHTS)
        calculation = current_budget(session, 1).calculation
        others = calculation.direct - calculation.lines[rights].converted
    # Contingency 10% and overhead 5%: the grand total is 1.15 × the direct total, within a cent or so.
    rate_ = D(10_000_000)  # the largest rate a line may have
    quantity = ((largest_amount("CNY") / D("1.15") - others) / rate_).quantize(D("0.0001"), rounding=ROUND_FLOOR)
    with demo.transaction() as session:
        set_field(session, "budget_line", rights, "rate", f"{rate_}")
        set_field(session, "budget_line", rights, "amount_entry", f"{quantity} * 1")  # a formula
    with demo.session() as session:
        calculation = current_budget(session, 1).calculation
    big, grand = calculation.lines[rights].total, calculation.grand
    assert calculation.problems == []
    assert digits(big, "CNY") == digits(grand, "CNY") == SIGNIFICANT_DIGITS
    assert largest_amount("CNY") - 2000 < grand <= largest_amount("CNY")
    # The next step of the quantity (0.0001 × 10,000,000 CNY, 1,150 with contingency and overhead) is refused.
    assert_refused(
        demo,
        demo_path,
        lambda s: set_field(s, "budget_line", rights, "amount_entry", f"{quantity + D('0.0001')} * 1"),
        rf"{TOO_LARGE}: the grand total: .* CNY is more than any amount may be",
    )

    result = cli("budget", "total", "--db", str(demo_path), "--json")
    assert result.returncode == 0, result.stderr
    total = json.loads(result.stdout)
    assert total["amount"] == str(grand) and total["currency"] == "CNY"
    by_account = {row["code"]: row["amount"] for row in total["by_account"]}

    workbook_path = tmp_path / "budget.xlsx"
    result = cli("export", "budget", "--db", str(demo_path), "--out", str(workbook_path))
    assert result.returncode == 0, result.stderr
    recalculate([workbook_path], tmp_path / "recalculated")
    recalculated = tmp_path / "recalculated" / workbook_path.name

    def spreadsheet(value: object, places: int = 2) -> str:
        """A recalculated figure as a spreadsheet holds it (15 significant digits), to the minor unit."""
        assert isinstance(value, int | float), value
        return str(D(f"{value:.15g}").quantize(D(1).scaleb(-places)))

    by_code, by_label = top_sheet(SimpleNamespace(values=recalculated))
    assert spreadsheet(by_label[Words("en")("Grand total")]) == total["amount"] == str(grand)
    for code, amount in by_account.items():
        assert spreadsheet(by_code[code]) == amount, code
    detail = number_rows(load_workbook(recalculated, data_only=True)["Detail"])
    (row,) = [row for row in detail if RIGHTS in row]
    assert spreadsheet(row[9]) == str(big) == spreadsheet(row[11])


# Property: whatever the lines, rates of exchange, fringes and percents, a budget that totals (no problem,
# so it would be accepted) has every figure within 15 significant digits; one beyond it has no grand total.

_huge = st.decimals(min_value=0, max_value=10**12, places=2)
_multipliers = st.decimals(min_value=0, max_value=100_000, places=4)
_fx = st.decimals(min_value=D("0.00000001"), max_value=1_000_000_000, places=8)
_percent = st.decimals(min_value=0, max_value=100, places=4)


@given(
    st.lists(st.tuples(_huge, _multipliers, _huge, st.sampled_from(["USD", "CNY", "JPY"])), min_size=1, max_size=6),
    _fx,
    _fx,
    _percent,
    st.sampled_from(["USD", "CNY", "JPY"]),
)
def test_any_budget_that_totals_has_every_figure_within_15_significant_digits(rows, cny, jpy, percent, report):
    lines = [
        line(
            index,
            f"{amount}",
            f"{rate_:.0f}" if currency == "JPY" else f"{rate_}",
            multiplier=multiplier,
            currency=currency,
            fringe_ids=(1, 3, 4),
            account=1,
        )
        for index, (amount, multiplier, rate_, currency) in enumerate(rows, start=1)
    ]
    chart = [*CHART[:3], Account(9, "9000", "Contingency", group="TOTALS", percent=percent), CHART[4]]
    rates = [rate(1, "CNY", "USD", f"{cny}"), rate(2, "JPY", "USD", f"{jpy}")]
    result = calculate(budget(lines, currency=report, accounts=chart, fringes=[FICA, FUTA, MEAL], rates=rates))
    figures = [
        *((worked.total, line_.currency) for line_, worked in ((lines[i - 1], w) for i, w in result.lines.items())),
        *((worked.converted, report) for worked in result.lines.values()),
        *((share.amount, lines[share.line_id - 1].currency) for share in result.shares),
        *((share.converted, report) for share in result.shares),
    ]
    within = all(digits(amount, currency) <= SIGNIFICANT_DIGITS for amount, currency in figures)
    assert within  # a line beyond the limit is a problem, never a figure
    totals = [*result.accounts.values(), *result.groups.values(), *result.fringes.values(), result.direct]
    if result.grand is not None:
        assert all(digits(amount, report) <= SIGNIFICANT_DIGITS for amount in [*totals, result.grand])
    elif all(digits(amount, report) <= SIGNIFICANT_DIGITS for amount in totals):
        assert result.problems  # no grand total: something is named as the reason
    assert all(problem.where for problem in result.problems)


def test_too_large_a_typed_amount_is_refused_in_any_currency():
    with pytest.raises(InvalidInput, match="more than any amount may be"):
        validation.amount("99999999999999999", "JPY")


def test_an_ordinary_edit_is_proven_within_the_limit_without_working_the_budget_out(demo, monkeypatch):
    """The cheap bound (limits.proven_within) keeps an ordinary edit from the full check (limits.too_large),
    which still judges an edit the bound cannot prove: one near the limit."""
    from studio.budget import limits

    checks = []
    full = limits.too_large
    monkeypatch.setattr(limits, "too_large", lambda *args: checks.append(args) or full(*args))
    with demo.transaction() as session:
        rights = line_id(session, RIGHTS)
        set_field(session, "budget_line", rights, "rate", "25000")
        set_field(session, "budget_line", rights, "multiplier", "3")
        set_field(session, "exchange_rate", 1, "rate", "0.15")
    assert checks == []
    # 600,000 × 10,000,000 CNY = 6 × 10^12 (the grand total about 6.9 × 10^12): within the limit, but not by
    # the bound's margin, so the budget is worked out, and the edit kept.
    with demo.transaction() as session:
        set_field(session, "budget_line", rights, "multiplier", "1")
        set_field(session, "budget_line", rights, "rate", "10000000")
        set_field(session, "budget_line", rights, "amount_entry", "600000 * 1")
    assert checks
    with demo.session() as session:
        calculation = current_budget(session, 1).calculation
    assert calculation.problems == [] and calculation.lines[rights].total == D("6000000000000.00")


def test_the_bound_never_proves_a_budget_with_a_figure_beyond_the_limit(demo):
    """Whatever the size of a line, written past the rules: proven within ⇒ no figure beyond, in any currency."""
    from studio.budget.limits import proven_within, too_large

    proven = []
    for exponent in range(4, 18):
        with demo.transaction() as session:
            rights = line_id(session, RIGHTS)
            session.get(BudgetLine, rights).amount_formula = ""
            session.get(BudgetLine, rights).amount = D(10) ** exponent / 20000  # × 20,000 CNY = 10^exponent
            session.flush()
            if proven_within(session, 1):
                proven.append(exponent)
                assert too_large(session, 1) == [], exponent
            else:
                assert exponent >= 11  # the bound has room to spare below 10^13 CNY
    assert proven and max(proven) < 13
