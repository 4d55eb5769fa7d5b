"""The cost report (cost_report.py) and budget versions (versions.py) on the demo.

The demo reports in CNY; its rates are CNY→USD 0.1389 from 2027-01-04 and 0.1392 from 2027-01-10, so a USD
amount is worth 7.19942405 CNY before Jan 10 and 7.18390805 CNY from then on (budget lines: the latest).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlmodel import select

from studio.budget.cost_report import cost_entries, cost_report, spend_by_day
from studio.budget.totals import current_budget
from studio.budget.versions import CURRENT, compare_versions, list_versions, save_version
from studio.day_reports.postings import VENDOR
from studio.edits import set_field
from studio.errors import InvalidInput
from studio.models import BudgetAccount, BudgetGlobal, BudgetVersion
from studio.records import add_row
from studio.schedule.board_loading import load_board
from studio.schedule.strips import move_strips

D = Decimal
APPROVED = "Approved before the shoot"


def report_of(session, currency=None):
    current = current_budget(session, 1, currency)
    return current, cost_report(current, cost_entries(session, 1))


def by_code(report) -> dict:
    return {line.code: line for line in report.lines}


def account_id(session, code: str) -> int:
    return session.exec(
        select(BudgetAccount.id).where(BudgetAccount.production_id == 1, BudgetAccount.code == code)
    ).one()


def test_actuals_are_converted_at_the_rate_of_their_date(demo):
    with demo.session() as session:
        current, report = report_of(session)
    assert report.currency == "CNY" and report.problems == []
    lines = by_code(report)
    insurance = lines["6700"]
    # budget: 4500 USD × 7.18390805 = 32327.586225 → 32327.59; paid on Jan 8: × 7.19942405 = 32397.41
    assert (insurance.budget, insurance.paid, insurance.committed) == (D("32327.59"), D("32397.41"), D(0))
    assert insurance.to_complete == D(0)  # never below zero
    assert insurance.at_completion == D("32397.41") and insurance.variance == D("-69.82")
    # Locations: 1850 USD on Jan 6 → 13318.93; 9000 USD on Jan 12 → 64655.17 (× 7.18390805 = 64655.17245)
    assert lines["3600"].paid == D("13318.93") + D("64655.17")
    # Camera: 10800 USD committed on Jan 9 → 77753.78, and the camera crew's days 1-3 as their production
    # reports posted them; what is left of the budget is to complete
    camera = lines["3300"]
    reported = [e for e in report.entries if e.entry.account_id == camera.account_id and e.entry.vendor == VENDOR]
    assert len(reported) == 3  # each day's pay: their 12-hour days hold day 2's later wrap
    assert {e.entry.entry_date for e in reported} == {date(2027, 1, 11), date(2027, 1, 12), date(2027, 1, 13)}
    assert camera.committed == D("77753.78") + sum(e.converted for e in reported) and camera.paid == D(0)
    assert camera.budget == current.calculation.accounts[camera.account_id]
    assert camera.to_complete == camera.budget - camera.committed and camera.variance == D(0)
    # Story & Rights: 16000 CNY paid, no conversion
    assert lines["1100"].paid == D("16000.00")
    rates = {(entry.entry.entry_date, entry.entry.currency): entry.rate for entry in report.entries}
    assert rates[date(2027, 1, 8), "USD"] == D("7.19942405")
    assert rates[date(2027, 1, 12), "USD"] == D("7.18390805")
    assert rates[date(2027, 1, 10), "CNY"] == D(1)


def test_the_total_adds_up_the_accounts(demo):
    with demo.session() as session:
        current, report = report_of(session)
    total = report.total
    assert total.account_id is None and total.budget == current.calculation.grand
    for name in ("budget", "paid", "committed", "to_complete"):
        assert getattr(total, name) == sum(getattr(line, name) for line in report.lines)
    assert total.paid + total.committed == sum(entry.converted for entry in report.entries)
    assert total.variance == total.budget - total.at_completion == D("-69.82")  # only insurance is over
    data = report.to_json()
    assert data["currency"] == "CNY" and data["total"]["variance"] == "-69.82"
    insurance = next(row for row in data["accounts"] if row["code"] == "6700")
    assert insurance == {
        "code": "6700",
        "name": "Insurance",
        "budget": "32327.59",
        "paid": "32397.41",
        "committed": "0.00",
        "to_complete": "0.00",
        "at_completion": "32397.41",
        "variance": "-69.82",
    }


def test_the_report_in_dollars(demo):
    with demo.session() as session:
        _current, report = report_of(session, "USD")
    lines = by_code(report)
    assert (lines["6700"].budget, lines["6700"].paid, lines["6700"].variance) == (D("4500.00"), D("4500.00"), D(0))
    assert lines["1100"].paid == D("2227.20")  # 16000 CNY on Jan 10 × 0.1392


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"currency": "EUR", "amount": "100", "entry_date": "2027-01-15"}, "no exchange rate from EUR to CNY"),
        ({"currency": "USD", "amount": "100", "entry_date": "2027-01-02"}, "no exchange rate from USD to CNY"),
    ],
)
def test_an_actual_without_a_rate_is_a_problem(demo, values, message):
    with demo.transaction() as session:
        add_row(
            session,
            "cost_entry",
            {"production_id": 1},
            {"account_id": account_id(session, "2800"), "vendor": "Prop House", **values},
        )
    with demo.session() as session:
        _current, report = report_of(session)
    (problem,) = report.problems
    assert problem.entity == "cost_entry" and problem.where == f"{values['entry_date']} Prop House"
    assert message in problem.message
    assert by_code(report)["2800"].committed == D(0)  # left out of the sums, and said so


def test_spend_by_day_puts_each_actual_on_its_date(demo):
    with demo.session() as session:
        current, report = report_of(session)
    days = spend_by_day(current, report, current.links)
    assert [day.day for day in days] == sorted(day.day for day in days)
    assert sum(day.actual for day in days) == report.total.paid + report.total.committed
    by_date = {day.day: day for day in days}
    assert by_date[date(2027, 1, 8)].actual == D("32397.41") and by_date[date(2027, 1, 8)].planned == 0
    assert all(by_date[shoot].planned > 0 for shoot in (date(2027, 1, 11), date(2027, 1, 20)))


def test_saving_a_version_refuses_a_taken_or_bad_name(demo):
    with demo.transaction() as session:
        version_id = save_version(session, 1, "  After the table read  ")
        assert session.get(BudgetVersion, version_id).name == "After the table read"
        assert [v.name for v in list_versions(session, 1)] == [APPROVED, "After the table read"]
    for name, message in [
        (APPROVED, "there is already a version named 'Approved before the shoot'"),
        ("   ", "a version needs a name of 1 to 120 characters"),
        ("x" * 121, "a version needs a name of 1 to 120 characters"),
        ("=HYPERLINK(1)", "looks like a spreadsheet formula"),
    ]:
        with pytest.raises(InvalidInput, match=message), demo.transaction() as session:
            save_version(session, 1, name)
    with demo.session() as session:
        assert len(list_versions(session, 1)) == 2


def test_a_version_saved_is_the_budget_it_was(demo):
    with demo.session() as session:
        current = current_budget(session, 1)
        approved = session.exec(select(BudgetVersion).where(BudgetVersion.name == APPROVED)).one()
    snapshot = json.loads(approved.snapshot)
    assert snapshot["currency"] == "CNY" and D(snapshot["grand"]) == current.calculation.grand
    totals = {account["code"]: D(account["total"]) for account in snapshot["accounts"]}
    assert totals == {a.code: current.calculation.accounts[a.id] for a in current.inputs.accounts}
    assert len(snapshot["lines"]) == len(current.inputs.lines)


def test_comparing_a_version_with_now_after_a_change(demo):
    with demo.transaction() as session:
        approved = session.exec(select(BudgetVersion.id).where(BudgetVersion.name == APPROVED)).one()
        same = compare_versions(session, 1, approved, CURRENT)
        assert same.left_total == same.right_total and all(a.difference == 0 for a in same.accounts)
        board = load_board(session, 1)
        (day,) = [day for day in board.days if day.date == date(2027, 1, 13)]
        ethan = [strip.id for strip in board.day_strips(day.id) if 21 in strip.cast]
        move_strips(session, 1, ethan, None, 0)  # Ethan Cole loses a day: 180 USD and its overtime
        now = current_budget(session, 1).calculation
        comparison = compare_versions(session, 1, approved, CURRENT)
    assert (comparison.left_name, comparison.right_name, comparison.currency) == (APPROVED, "Now", "CNY")
    assert comparison.right_total == now.grand and comparison.right_total < comparison.left_total
    changed = {a.code: a for a in comparison.accounts if a.difference}
    assert "1400" in changed and "9000" in changed  # cast, and the contingency on it
    cast = changed["1400"]
    assert cast.difference == cast.right - cast.left < 0
    # each line converted and rounded (× 7.18390805): his day rate 360 → 180 USD is 2586.21 → 1293.10 CNY;
    # his overtime 135.00 → 67.50 USD is 969.83 → 484.91 CNY (the fringes are counted in 1900)
    assert cast.difference == (D("1293.10") - D("2586.21")) + (D("484.91") - D("969.83"))
    assert "1900" in changed
    assert sum(a.difference for a in comparison.accounts) == comparison.right_total - comparison.left_total


def test_comparing_two_saved_versions_and_versions_in_different_currencies(demo):
    with demo.transaction() as session:
        approved = session.exec(select(BudgetVersion.id).where(BudgetVersion.name == APPROVED)).one()
        again = save_version(session, 1, "Again")
        comparison = compare_versions(session, 1, approved, again)
        assert comparison.left_total == comparison.right_total
        set_field(session, "production", 1, "reporting_currency", "USD")
        dollars = save_version(session, 1, "In dollars")
        assert json.loads(session.get(BudgetVersion, dollars).snapshot)["currency"] == "USD"
        assert compare_versions(session, 1, dollars, CURRENT).currency == "USD"
    for left, right in [(approved, dollars), (approved, CURRENT)]:
        different = "in CNY and .* in USD: compare versions in the same report currency"
        with pytest.raises(InvalidInput, match=different), demo.session() as session:
            compare_versions(session, 1, left, right)
    with pytest.raises(InvalidInput, match="this version no longer exists"), demo.session() as session:
        compare_versions(session, 1, 9999, CURRENT)


def test_no_version_while_the_budget_has_a_problem(demo):
    with demo.transaction() as session:
        add_row(
            session,
            "budget_line",
            {"account_id": account_id(session, "2200")},
            {"description": "Paris scout", "currency": "EUR", "rate": "100"},
        )
    problems = "cannot be saved while the budget has problems: 2200 Art Department"
    with pytest.raises(InvalidInput, match=problems), demo.transaction() as session:
        save_version(session, 1, "Broken")


def test_a_cost_report_on_a_budget_with_a_problem_says_so(demo):
    with demo.transaction() as session:
        ot_hours = session.exec(select(BudgetGlobal).where(BudgetGlobal.name == "OT_HOURS")).one()
        ot_hours.formula = "OT_HOURS + 1"  # as an old file or another program may have stored it
    with demo.session() as session:
        current, report = report_of(session)
    assert current.calculation.grand is None
    assert report.problems


def test_an_account_in_only_one_of_two_versions(demo):
    with demo.transaction() as session:
        approved = session.exec(select(BudgetVersion).where(BudgetVersion.name == APPROVED)).one()
        data = json.loads(approved.snapshot)
        (overhead,) = [a for a in data["accounts"] if a["code"] == "9100"]
        data["accounts"].remove(overhead)
        data["accounts"].append({"code": "7777", "name": "Old account", "name_zh": "", "total": "100.00"})
        data["grand"] = str(D(data["grand"]) - D(overhead["total"]) + 100)  # a chart of its day, adding up
        session.add(BudgetVersion(production_id=1, name="Old chart", snapshot=json.dumps(data)))
        session.flush()
        old = session.exec(select(BudgetVersion.id).where(BudgetVersion.name == "Old chart")).one()
        comparison = compare_versions(session, 1, old, CURRENT)
    accounts = {a.code: a for a in comparison.accounts}
    assert [a.code for a in comparison.accounts][-1] == "9100"  # the left's order, then what only the right has
    assert accounts["7777"].right is None and accounts["7777"].difference == D("-100.00")
    overhead = accounts["9100"]
    assert overhead.left is None and overhead.difference == overhead.right > 0
    assert sum(a.difference for a in comparison.accounts) == comparison.right_total - comparison.left_total
