"""calculate() on hand-built BudgetInputs (no database): every expectation is worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from studio.budget.calculation import Account, BudgetInputs, FringeRule, Global, Line, calculate
from studio.exchange import RateTable
from studio.models import ExchangeRate

D = Decimal
CAST, ATL_FRINGES, STAFF, CONTINGENCY, OVERHEAD = 1, 2, 3, 9, 10
CHART = [
    Account(CAST, "1400", "Cast", group="ATL"),
    Account(ATL_FRINGES, "1900", "ATL Fringes", group="ATL", holds_fringes=True),
    Account(STAFF, "2000", "Production Staff", group="BTL"),  # BTL has no fringe account here
    Account(CONTINGENCY, "9000", "Contingency", group="TOTALS", percent=D(10)),
    Account(OVERHEAD, "9100", "Overhead", group="TOTALS", percent=D(5)),
]
FICA = FringeRule(1, "FICA-SS", "Social Security", percent=D("6.2"))
MEDICARE = FringeRule(2, "MEDICARE", "Medicare", percent=D("1.45"))
FUTA = FringeRule(3, "FUTA", "Federal unemployment", percent=D("0.6"), cap=D(7000))
MEAL = FringeRule(4, "MEAL", "Meal allowance", kind="FLAT", flat=D(50))


def rate(rate_id: int, source: str, target: str, value: str, day: str = "2027-01-04") -> ExchangeRate:
    return ExchangeRate(
        id=rate_id,
        production_id=1,
        from_currency=source,
        to_currency=target,
        rate=D(value),
        effective_date=date.fromisoformat(day),
    )


def budget(lines, *, currency="USD", accounts=None, fringes=(), globals_=(), rates=()) -> BudgetInputs:
    return BudgetInputs(
        currency=currency,
        base_currency="USD",
        accounts=list(accounts or CHART),
        lines=list(lines),
        fringes=list(fringes),
        globals=list(globals_),
        rates=RateTable(list(rates)),
    )


def line(line_id: int, amount="1", rate_="0", *, account=STAFF, **fields) -> Line:
    return Line(line_id, account, f"line {line_id}", amount=D(amount), rate=D(rate_), **fields)


def test_a_line_is_rounded_half_up_once():
    result = calculate(
        budget(
            [
                line(1, "0.5", "0.25"),  # 0.5 × 0.25 = 0.125 → 0.13 (half-up; half-even would give 0.12)
                line(2, "2.5", "10.01", multiplier=D("1.5")),  # 2.5 × 1.5 × 10.01 = 37.5375 → 37.54
            ]
        )
    )
    assert result.lines[1].total == D("0.13") and result.lines[2].total == D("37.54")
    assert result.lines[2].quantity == D("2.5")
    assert result.accounts[STAFF] == D("37.67")  # 0.13 + 37.54
    assert result.grand == D("37.67") + D("3.77") + D("1.88")  # contingency 3.767 → 3.77, overhead 1.8835 → 1.88
    assert result.problems == []


def test_yen_has_no_minor_unit():
    result = calculate(budget([line(1, "2.5", "101", currency="JPY")], currency="JPY"))
    # 2.5 × 101 = 252.5 → 253 yen (half-up)
    assert result.lines[1].total == D(253) and result.lines[1].converted == D(253)
    # contingency 10% of 253 = 25.3 → 25; overhead 5% = 12.65 → 13
    assert result.accounts[CONTINGENCY] == D(25) and result.accounts[OVERHEAD] == D(13)
    assert result.grand == D(291)


def test_each_line_is_converted_and_rounded_on_its_own():
    result = calculate(
        budget(
            [line(1, "3", "1", currency="CNY"), line(2, "3", "1", currency="CNY")],
            rates=[rate(1, "CNY", "USD", "0.1389")],
        )
    )
    # each: 3 CNY × 0.1389 = 0.4167 → 0.42 USD; together 0.84 (6 CNY converted at once would be 0.83)
    assert result.lines[1].fx == D("0.1389")
    assert result.lines[1].total == D("3.00") and result.lines[1].converted == D("0.42")
    assert result.accounts[STAFF] == D("0.84")


def test_the_inverse_rate_is_rounded_to_eight_places():
    result = calculate(budget([line(1, "1", "100")], currency="CNY", rates=[rate(1, "CNY", "USD", "0.1389")]))
    # 1 / 0.1389 = 7.199424046… → 7.19942405; 100 × 7.19942405 = 719.942405 → 719.94 CNY
    assert result.lines[1].fx == D("7.19942405")
    assert result.lines[1].converted == D("719.94")


def test_a_budget_line_uses_the_latest_rate():
    rates = [rate(2, "CNY", "USD", "0.1392", "2027-01-10"), rate(1, "CNY", "USD", "0.1389", "2027-01-04")]
    for ordered in (rates, rates[::-1]):
        result = calculate(budget([line(1, "1", "1000", currency="CNY")], rates=ordered))
        # 1000 CNY × 0.1392 = 139.20 USD
        assert result.lines[1].fx == D("0.1392") and result.lines[1].converted == D("139.20")


def test_percent_fringes_go_to_the_groups_fringe_account_or_the_lines_own():
    result = calculate(
        budget(
            [
                line(1, "10", "1000", account=CAST, payee="Ann", fringe_ids=(1, 2)),
                line(2, "3", "333.33", account=STAFF, fringe_ids=(1, 2)),
            ],
            fringes=[FICA, MEDICARE],
        )
    )
    # Cast: 10 × 1000 = 10000.00; FICA 6.2% = 620.00, Medicare 1.45% = 145.00 → to 1900 ATL Fringes
    assert result.lines[1].fringes == D("765.00")
    assert result.accounts[CAST] == D("10000.00")
    assert result.accounts[ATL_FRINGES] == D("765.00") and result.account_fringes[ATL_FRINGES] == D("765.00")
    # Staff: 3 × 333.33 = 999.99; FICA 61.99938 → 62.00, Medicare 14.499855 → 14.50; BTL has no fringe
    # account, so they stay in 2000: 999.99 + 76.50 = 1076.49
    assert result.accounts[STAFF] == D("1076.49") and result.account_fringes[STAFF] == D("76.50")
    assert result.fringes == {1: D("682.00"), 2: D("159.50")}  # 620 + 62; 145 + 14.50
    assert result.groups["ATL"] == D("10765.00") and result.groups["BTL"] == D("1076.49")
    # direct 11841.49; contingency 10% = 1184.149 → 1184.15; overhead 5% = 592.0745 → 592.07 (of the direct
    # total, not compounded)
    assert result.direct == D("11841.49")
    assert result.accounts[CONTINGENCY] == D("1184.15") and result.accounts[OVERHEAD] == D("592.07")
    assert result.groups["TOTALS"] == D("1776.22")
    assert result.grand == D("13617.71")


def test_a_cap_is_per_payee_across_their_lines_in_budget_order():
    late = line(2, "4", "1000", account=CAST, payee="Ann", fringe_ids=(3,), sort_order=2)
    early = line(1, "5", "1000", account=CAST, payee="Ann", fringe_ids=(3,), sort_order=1)
    # a later account comes later in budget order, whatever its sort_order
    staff = line(3, "1", "1000", account=STAFF, payee="Ann", fringe_ids=(3,), sort_order=0)
    bob = line(4, "8", "1000", account=CAST, payee="Bob", fringe_ids=(3,), sort_order=3)
    result = calculate(budget([staff, late, early, bob], fringes=[FUTA]))
    shares = {share.line_id: share for share in result.shares}
    # Ann: early 5000 of her 7000 → 30.00; late 4000, only 2000 left → 12.00; staff line: nothing left → 0
    assert (shares[1].capped, shares[1].amount) == (D(5000), D("30.00"))
    assert (shares[2].capped, shares[2].amount) == (D(2000), D("12.00"))
    assert (shares[3].capped, shares[3].amount) == (D(0), D("0.00"))
    # Bob: 8000, capped at 7000 → 42.00
    assert (shares[4].capped, shares[4].amount, shares[4].people) == (D(7000), D("42.00"), D(1))
    assert result.fringes[3] == D("84.00")
    assert [share.line_id for share in result.shares] == [1, 2, 4, 3]


def test_a_cap_without_payee_is_per_person_on_the_line():
    result = calculate(
        budget(
            [
                # 3 people × 10 days × 300 = 9000, under 3 × 7000 = 21000 → 0.6% = 54.00
                line(1, "10", "300", multiplier=D(3), fringe_ids=(3,)),
                # 3 people × 30 days × 300 = 27000, capped at 21000 → 126.00 (its own cap, not line 1's)
                line(2, "30", "300", multiplier=D(3), fringe_ids=(3,)),
            ],
            fringes=[FUTA],
        )
    )
    first, second = result.shares
    assert (first.people, first.cap, first.capped, first.amount) == (D(3), D("7000.00"), D("9000.00"), D("54.00"))
    assert (second.capped, second.amount) == (D("21000.00"), D("126.00"))


def test_flat_fringes_once_per_payee_and_per_person_without_one():
    result = calculate(
        budget(
            [
                line(1, "2", "100", account=CAST, payee="Ann", fringe_ids=(4,)),
                line(2, "3", "100", account=CAST, payee="Ann", fringe_ids=(4,)),
                line(3, "1", "100", multiplier=D(4), fringe_ids=(4,)),  # four people, no payee
            ],
            fringes=[MEAL],
        )
    )
    amounts = {share.line_id: share.amount for share in result.shares}
    assert amounts == {1: D("50.00"), 2: D("0.00"), 3: D("200.00")}  # 50 once for Ann; 4 × 50
    assert result.accounts[ATL_FRINGES] == D("50.00")
    assert result.accounts[STAFF] == D("600.00")  # 4 × 100 + 200


def test_a_cap_in_another_currency_is_converted_to_the_lines():
    result = calculate(
        budget(
            [line(1, "1", "60000", account=CAST, payee="Li", currency="CNY", fringe_ids=(3,))],
            fringes=[FUTA],
            rates=[rate(1, "CNY", "USD", "0.1389")],
        )
    )
    (share,) = result.shares
    # cap: 7000 USD × 7.19942405 (the inverse) = 50395.96835 → 50395.97 CNY
    assert share.cap == D("50395.97") and share.capped == D("50395.97")
    # 0.6% of 50395.97 = 302.37582 → 302.38 CNY → × 0.1389 = 42.000582 → 42.00 USD
    assert share.amount == D("302.38") and share.converted == D("42.00")
    assert result.lines[1].converted == D("8334.00")  # 60000 × 0.1389
    assert result.accounts[ATL_FRINGES] == D("42.00")


def test_a_payee_paid_in_two_currencies_with_a_capped_fringe_is_a_problem():
    result = calculate(
        budget(
            [
                line(1, "1", "5000", account=CAST, payee="Ann", fringe_ids=(3,), sort_order=1),
                line(2, "1", "50000", account=CAST, payee="Ann", currency="CNY", fringe_ids=(3,), sort_order=2),
                line(3, "1", "100", account=CAST, payee="Bob", currency="CNY", fringe_ids=(3,), sort_order=3),
            ],
            fringes=[FUTA],
            rates=[rate(1, "USD", "CNY", "7")],
        )
    )
    # a cap per person in a mix of currencies cannot be worked out: the second currency's line says so
    (problem,) = result.problems
    assert problem.row_id == 2 and problem.message.startswith("Ann is paid in USD and CNY: FUTA's cap per person")
    assert result.grand is None
    assert result.lines[1].fringes == D("30.00")  # 0.6% of 5000
    # Bob: 100 CNY, 0.6% = 0.60 CNY → × 0.14285714 (1/7) = 0.085714284 → 0.09 USD
    assert result.lines[3].converted == D("14.29") and result.lines[3].fringes == D("0.09")


def test_a_line_in_a_currency_without_a_rate_is_a_problem_and_there_is_no_grand_total():
    scout = Line(1, STAFF, "Paris scout", rate=D(100), currency="EUR")
    result = calculate(budget([scout, line(2, "1", "50")]))
    (problem,) = result.problems
    assert (problem.entity, problem.row_id) == ("budget_line", 1)
    assert (
        str(problem)
        == "2000 Production Staff, “Paris scout”: no exchange rate from EUR to USD: add one in the budget's currencies"
    )
    assert result.grand is None
    assert 1 not in result.lines and result.lines[2].converted == D("50.00")  # the others still work out
    assert result.accounts[STAFF] == D("50.00")
    assert result.problem_of("budget_line", 1) == problem and result.problem_of("budget_line", 2) is None


def test_a_fringe_in_a_currency_without_a_rate_makes_its_line_a_problem():
    euro_cap = FringeRule(5, "EU", "Euro levy", percent=D(1), cap=D(100), currency="EUR")
    result = calculate(budget([line(1, "1", "100", fringe_ids=(5,)), line(2, "1", "10")], fringes=[euro_cap]))
    assert [p.row_id for p in result.problems] == [1]
    assert "no exchange rate from EUR to USD" in result.problems[0].message
    assert result.grand is None and result.lines[2].converted == D("10.00")


def test_a_circle_of_globals_names_the_globals_and_the_lines_using_them():
    globals_ = [Global(1, "A", formula="B + 1"), Global(2, "B", formula="A * 2"), Global(3, "CREW", value=D(5))]
    lines = [line(1, rate_="10", formula="A * 2"), line(2, rate_="10", formula="CREW * 10")]
    result = calculate(budget(lines, globals_=globals_))
    by_entity = {(p.entity, p.row_id): p for p in result.problems}
    assert by_entity["budget_global", 1].where == "A"
    assert by_entity["budget_global", 1].message == "global A uses itself: A → B → A"
    assert by_entity["budget_global", 2].message == "global A uses itself: A → B → A"
    assert by_entity["budget_line", 1].message == "it uses global A, which cannot be worked out"
    assert len(result.problems) == 3
    assert result.grand is None
    assert result.lines[2].total == D("500.00")  # 5 × 10 × 10
    assert result.globals == {"CREW": D(5)}


def test_a_broken_global_no_line_uses_still_stops_the_grand_total():
    result = calculate(budget([line(1, "1", "10")], globals_=[Global(1, "LOOP", formula="LOOP + 1")]))
    assert [(p.entity, p.row_id) for p in result.problems] == [("budget_global", 1)]
    assert result.grand is None and result.accounts[STAFF] == D("10.00")


def test_an_unknown_global_a_bad_formula_and_a_division_by_zero_in_lines():
    globals_ = [Global(1, "ZERO", value=D(0)), Global(2, "DAYS", formula="9"), Global(3, "BAD", formula="2 +")]
    lines = [
        line(1, rate_="1", formula="NOPE + 1"),
        line(2, rate_="1", formula="10 / ZERO"),
        line(3, rate_="1", formula="BAD * 2"),
        line(4, rate_="100", formula="DAYS / 2"),  # 9 / 2 = 4.5 × 100 = 450.00
    ]
    result = calculate(budget(lines, globals_=globals_))
    messages = {(p.entity, p.row_id): p.message for p in result.problems}
    assert messages == {
        ("budget_global", 3): "'2 +' is not a formula this budget understands",
        ("budget_line", 1): "there is no global named NOPE",
        ("budget_line", 2): "'10 / ZERO' divides by zero",
        ("budget_line", 3): "it uses global BAD, which cannot be worked out",
    }
    assert result.grand is None
    assert result.lines[4].quantity == D("4.5") and result.lines[4].total == D("450.00")
    assert result.globals == {"ZERO": D(0), "DAYS": D(9)}


def test_an_absurdly_large_formula_is_a_problem_not_a_crash():
    result = calculate(budget([line(1, rate_="1", formula="1000000000000 * 1000000000000 * 100"), line(2, "1", "10")]))
    (problem,) = result.problems
    assert problem.row_id == 1 and problem.message == "the amount is too large to work out"
    assert result.grand is None and result.lines[2].total == D("10.00")


# Property: a line's total is amount × multiplier × rate rounded half-up once; its conversion is rounded
# once more, and the grand total adds the converted lines (here without totals accounts).

CENTS = D("0.01")
_amounts = st.decimals(min_value=0, max_value=10_000, places=4)
_multipliers = st.decimals(min_value=0, max_value=100, places=4)
_rates = st.decimals(min_value=0, max_value=100_000, places=3)  # 3 places: exact ties happen
_fx = st.decimals(min_value=D("0.00000001"), max_value=100, places=8)


@given(st.lists(st.tuples(_amounts, _multipliers, _rates, st.booleans()), min_size=1, max_size=5), _fx)
def test_random_lines_total_as_decimal_half_up(rows, fx):
    lines = [
        line(index, f"{amount}", f"{rate_}", multiplier=multiplier, currency="CNY" if in_cny else "USD")
        for index, (amount, multiplier, rate_, in_cny) in enumerate(rows, start=1)
    ]
    accounts = [Account(STAFF, "2000", "Production Staff", group="BTL")]
    result = calculate(budget(lines, accounts=accounts, rates=[rate(1, "CNY", "USD", f"{fx}")]))
    grand = D(0)
    for index, (amount, multiplier, rate_, in_cny) in enumerate(rows, start=1):
        total = (amount * multiplier * rate_).quantize(CENTS, rounding=ROUND_HALF_UP)
        converted = (total * fx).quantize(CENTS, rounding=ROUND_HALF_UP) if in_cny else total
        assert result.lines[index].total == total
        assert result.lines[index].converted == converted
        grand += converted
    assert result.grand == grand == result.accounts[STAFF]
