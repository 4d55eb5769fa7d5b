"""The demo's first three shoot days, reported (resources/demo/contract_bride.json "reports"): day 1 as
planned, day 2 two hours over with a late lunch, day 3 with five scenes not shot; their labour posted to
the budget, and the estimated final cost above the budget by what they cost beyond their plans."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlmodel import select

from studio.budget.totals import current_budget
from studio.callsheet import numbered_day
from studio.day_reports.facts import rests_since
from studio.day_reports.final_cost import final_cost
from studio.day_reports.hot_cost import price_day
from studio.day_reports.postings import VENDOR, budget_accounts, by_account
from studio.day_reports.starting import remaining_plans
from studio.day_reports.summary import DayReports
from studio.models import CostEntry, DayReport
from studio.money import Money
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board_loading import load_board


@pytest.fixture
def days(demo):
    with demo.session() as session:
        reports = DayReports(session, 1)
        summaries = [reports.summary(session, numbered_day(session, 1, number)) for number in (1, 2, 3, 4)]
        cost = final_cost(session, 1, "USD")
        posted = session.exec(select(CostEntry).where(CostEntry.vendor == VENDOR)).all()
        assert len(session.exec(select(DayReport)).all()) == 3
        budget = current_budget(session, 1, "USD")
    return summaries, cost, posted, budget


def test_the_first_day_ran_as_planned(days):
    (first, *_), _cost, _posted, _budget = days
    assert first.hot.variance == 0 and first.shot.not_shot == 0
    # lunch 5 hours after the 06:00 crew call: six hours after the earliest calls, 05:00
    assert first.day.lunch == (11 * 60, 11 * 60 + 30) and first.shot.setups > first.shot.completed
    assert [note.kind for note in first.day.remarks] == ["DEPARTMENT"]


def test_the_second_ran_two_hours_over_with_a_late_lunch(days):
    (_first, second, *_), _cost, _posted, _budget = days
    planned_wrap = max(worker.shift.end for worker in second.day.plan.workers if worker.shift is not None)
    assert second.day.times["camera_wrap"] == planned_wrap + 120
    assert second.day.lunch == (14 * 60, 14 * 60 + 30)
    costs = {name: (planned, actual) for name, planned, actual, _v in second.hot.rows()}
    assert costs["overtime"][1] > costs["overtime"][0] and costs["penalties"][1] > costs["penalties"][0]
    assert costs["cast"][0] == costs["cast"][1]  # the same people, each paid their day
    assert (
        second.hot.variance
        == costs["overtime"][1] - costs["overtime"][0] + costs["penalties"][1] - costs["penalties"][0]
    )
    delay = next(note for note in second.day.remarks if note.kind == "DELAY")
    assert (delay.reason, delay.minutes) == ("EQUIPMENT", 75)


def test_the_third_left_five_scenes_unshot_and_the_shoot_behind(days):
    (_first, _second, third, fourth), _cost, _posted, _budget = days
    assert third.shot.not_shot == 5 and third.shot.completed == third.shot.planned - 5
    not_shot = [scene for scene in third.day.scenes if scene.outcome == "NOT_SHOT"]
    assert sum(scene.eighths for scene in not_shot) == -third.standing.ahead_eighths > 0
    # The late wrap of day 2 cut the rest before day 3's calls: forced calls for those whose preset pays them
    assert third.to_json()["penalties"]["forced_calls"] > 0
    assert fourth is None  # not reported yet


def test_their_labour_is_in_the_budget_and_the_final_cost_above_it_by_what_it_cost_beyond_plan(days):
    summaries, cost, posted, budget = days
    reported = summaries[:3]
    assert {entry.reference for entry in posted} == {f"DPR #{s.day.shoot_day_id}" for s in reported}
    assert all(entry.status == "COMMITTED" for entry in posted)
    accounts, rates = budget_accounts(budget), budget.inputs.rates

    def labour(which: str, currency: str | None = None) -> Decimal:
        """The days' pay, overtime, penalties and their fringes, in the currency or converted to USD."""
        total = Decimal(0)
        for summary in reported:
            for (_account, own, _part), amount in by_account(getattr(summary.hot, which), accounts).items():
                if currency is None:
                    total += Money(amount * rates.rate(own, "USD", summary.day.date), "USD").amount
                elif own == currency:
                    total += amount
        return total

    assert any(entry.description.endswith("fringes") for entry in posted)
    assert sum(entry.amount.amount for entry in posted if entry.currency == "USD") == labour("actual", "USD")
    assert sum(entry.amount.amount for entry in posted if entry.currency == "CNY") == labour("actual", "CNY")
    over = labour("actual") - labour("planned")
    assert over > 0
    # The six days left, as planned, cost no more than the budget has left in any account their labour is
    # in (the plan keeps its hours, rests and meals, and the cast's overtime within its allowance: see
    # below), so the final cost is over the budget by what the reported days cost beyond their plans, and
    # where the cost report's own entries are already beyond an account's budget (the wardrobe purchases),
    # by that too.
    lines = {line.code: line for line in cost.lines}

    def budget_left(line) -> Decimal:
        return max(Decimal(0), line.budget - line.done - line.entered)

    within = [line for line in lines.values() if line.remaining_plan <= budget_left(line)]
    beyond = [line for line in lines.values() if line.remaining_plan > budget_left(line)]
    labour = {"1400", "1900", "2000", "2200", "3100", "3200", "3300", "3400", "4900"}
    assert labour <= {line.code for line in within} and "3600" in {line.code for line in within}
    for line in within:
        assert line.remaining == budget_left(line)
    for line in beyond:
        assert line.remaining == line.remaining_plan
    excess = sum((line.remaining_plan - budget_left(line) for line in beyond), Decimal(0))
    assert cost.total.at_completion == cost.total.budget + over + excess and excess < over


def test_the_plan_itself_keeps_rests_and_meals_and_its_overtime_modest(demo):
    # Every day as its call sheet plans it (the reported days' plans too), each rest counted from the plan
    # of the day before: within the schedule's limits, 12 hours' rest for everyone, lunch within six hours
    # of every call, no crew overtime (their 12-hour day rates), at most 2.5 hours' for anyone.
    with demo.session() as session:
        prices = DayReports(session, 1).prices
        plans = remaining_plans(session, 1, set())
        conflicts = BoardAnalysis(load_board(session, 1)).conflicts
    assert len(plans) == 9 and conflicts == []
    for before, plan in zip([None, *plans], plans, strict=False):
        rested = rests_since(plan, before)
        assert min(rested.values(), default=12 * 60) >= 12 * 60, plan.date
        for key, pay in price_day(plan, prices, rested).pay.items():
            assert not pay.late_meals and pay.forced_call == 0, (plan.date, key)
            assert pay.overtime_minutes <= 150 and (key[0] != "crew" or pay.overtime == 0), (plan.date, key)
