"""A reported day in the budget: its labour posted as actuals (the cost report converts them at the day's
rate), and the estimated final cost, worked by hand for The Night Desk's day 1 two hours over with a
late lunch and four commuters (tests/studio/test_day_reports.py works the day itself)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import select

from studio.budget.cost_report import cost_entries, cost_report
from studio.budget.totals import current_budget
from studio.budget.versions import approve_version, save_version
from studio.callsheet import call_sheet_id
from studio.day_reports.final_cost import final_cost
from studio.day_reports.postings import VENDOR, post_days
from studio.edits import set_field
from studio.models import CostEntry, Fringe
from studio.records import add_row
from tests.studio.day_report_production import edit, start, summary, time_row, two_hours_over_with_a_late_lunch

D = Decimal


def by_code(lines) -> dict:
    return {line.code: line for line in lines}


def test_the_final_cost_moves_by_what_the_reported_days_cost_beyond_their_plans(desk):
    # The budget as the schedule has it: Cast (1400) pays Ava 2 days × 1800 and an overtime allowance of
    # 2 days × 2 hours at 1800 / 8 × 1.5 = 337.50 (1350); Ben 1 day × 400 and 1 × 2 hours at 400 / 10 × 1.5
    # = 60 (120): 5470. Camera (3300): Cora, 2 days × 300 = 600. Nothing for background (2100).
    # Day 1's labour as planned: 1400: Ava 1800 + 810, Ben 400 = 3010; 2100: 150; 3300: 300.
    # As reported: 1400: 1800 + 1710 + 110 + 400 = 4020; 2100: 600; 3300: 300 + 67.50 = 367.50.
    # Day 2, not reported, as planned: Ava 06:15–17:00 less lunch, 10.25 h: 1800 and 2 h at 1.5× and
    # 0.3 h (tenths, rounded up) at 2× of 225 = 810, and a forced call (11 h 15 min since day 1's 19:00
    # wrap, where 12 are due: a day's pay, 1800): 4410 in 1400; Cora 07:00–17:00 less lunch, 9.5 h of
    # her 10-hour day: 300 in 3300.
    # 1400: 5470 - 3010 left, 2460, but day 2 as planned costs 4410 (its overtime beyond the allowance and
    # the forced call): at completion 4020 + 4410 = 8430, 2960 over.
    # 2100: nothing left of nothing; at completion 600, 600 over. 3300: 300 left; 667.50, 67.50 over.
    # Fringes, at the percents the budget puts on each line (no wage base reached: Ava's 4950 and Ben's 520
    # are under 7000): Ava's lines 36.75% (the payroll 16.75% and pension & health 20%), Ben's and Cora's
    # 16.75%, in ATL Fringes (1900) and Production Fringes (4900); none on the background, whose account
    # has no line. 1900's budget: Ava 1323 + 496.13 (each fringe rounded on her allowance's 1350), Ben 67 +
    # 20.10: 1906.23. Day 1 planned: 1800, 810 and 400 fringed: 661.50 + 297.68 + 67 = 1026.18; reported:
    # 661.50 + 628.43 (1710) + 40.43 (110) + 67 = 1397.36. Day 2 planned: 661.50 + 297.68 + 661.50 (the
    # forced call) = 1620.68, above the 880.05 left: at completion 3018.04, 1111.81 over. 4900: budget
    # 100.50 (600); day 1 planned 50.25, reported 50.25 + 11.31 (67.50); 50.25 left for day 2: at
    # completion 111.81, 11.31 over.
    start(desk, 0)
    two_hours_over_with_a_late_lunch(desk)
    with desk.database.session() as session:
        cost = final_cost(session, desk.production_id)
    lines = by_code(cost.lines)
    figures = ("budget", "actual", "done", "remaining", "remaining_plan", "at_completion", "variance")
    assert [getattr(lines["1400"], name) for name in figures] == [
        D("5470.00"),
        D("4020.00"),
        D("3010.00"),
        D("4410.00"),
        D("4410.00"),
        D("8430.00"),
        D("-2960.00"),
    ]
    assert [getattr(lines["2100"], name) for name in figures] == [
        0,
        D("600.00"),
        D("150.00"),
        0,
        0,
        D("600.00"),
        D("-600.00"),
    ]
    assert (lines["3300"].remaining_plan, lines["3300"].at_completion, lines["3300"].variance) == (
        D("300.00"),
        D("667.50"),
        D("-67.50"),
    )
    assert [getattr(lines["1900"], name) for name in figures] == [
        D("1906.23"),
        D("1397.36"),
        D("1026.18"),
        D("1620.68"),
        D("1620.68"),
        D("3018.04"),
        D("-1111.81"),
    ]
    assert (lines["4900"].budget, lines["4900"].actual, lines["4900"].at_completion) == (
        D("100.50"),
        D("61.56"),
        D("111.81"),
    )
    assert cost.total.variance == D("-4750.62")  # 2960 + 600 + 67.50 + 1111.81 + 11.31
    assert cost.total.at_completion == cost.total.budget + D("4750.62")
    # One episode of 20 eighths: 150 seconds of screen time at about a minute a page.
    data = cost.to_json()
    assert data["per_episode"] == str(cost.total.at_completion) and cost.screen_seconds == 150
    assert D(data["per_screen_minute"]) == (cost.total.at_completion * 60 / 150).quantize(D("0.01"))
    assert data["by_episode"] == [
        {"episode": 1, "scenes": 4, "completed": 2, "finished": False, "at_completion": str(cost.total.at_completion)}
    ]
    with desk.database.transaction() as session:
        post_days(session, desk.production_id, [desk.days[0]])
    with desk.database.session() as session:
        assert final_cost(session, desk.production_id).to_json() == data  # posted or not, the same figure


def test_a_remaining_day_planned_longer_costs_its_overtime_in_the_final_cost(desk):
    # Day 1 reported as planned. Cora (Non-union 10-hour day, 300) on day 2 as planned: 07:00–17:00 less
    # lunch, 9.5 h, no overtime. Called at 05:00 instead: 11.5 h, 1.5 h at 300 / 10 × 1.5 = 67.50 more than
    # the budget's 300 for the day. Ava's and Ben's calls do not follow the crew call.
    start(desk, 0)
    with desk.database.session() as session:
        before = by_code(final_cost(session, desk.production_id).lines)
    assert (before["3300"].remaining_plan, before["3300"].variance) == (D("300.00"), 0)
    with desk.database.session() as session:
        sheet = call_sheet_id(session, desk.days[1], make=False)
    edit(desk, "call_sheet", sheet, crew_call="05:00")
    with desk.database.session() as session:
        after = by_code(final_cost(session, desk.production_id).lines)
    assert (after["3300"].remaining_plan, after["3300"].at_completion, after["3300"].variance) == (
        D("367.50"),
        D("667.50"),
        D("-67.50"),
    )
    assert after["1400"] == before["1400"]


def test_a_forced_call_the_plan_itself_has_is_planned_not_a_variance(desk):
    # Day 1's call sheet four hours later (crew call 11:00, shooting call 11:30, lunch 16:00): its scenes
    # run 11:30-21:00, Ava called 10:15, everyone to 21:00. Day 2 as before: Ava called 06:15, 9 h 15 min
    # after her planned wrap where her preset wants 12 hours: a forced call, a day's pay (1800), in the
    # plan itself. Cora's 10 hours (21:00-07:00) keep her preset's 10.
    # Day 1 reported as planned; day 2, not reported, as planned: Ava 1800 + 810 overtime (as on day 1)
    # + 1800 = 4410 in 1400, above the 5470 - 3010 the budget has left.
    with desk.database.session() as session:
        sheet = call_sheet_id(session, desk.days[0], make=False)
    edit(desk, "call_sheet", sheet, lunch="16:00", shooting_call="11:30", crew_call="11:00")
    start(desk, 0)
    with desk.database.session() as session:
        cast = by_code(final_cost(session, desk.production_id).lines)["1400"]
    assert (cast.remaining_plan, cast.at_completion) == (D("4410.00"), D("7420.00"))
    # Day 2 reported as planned: its plan has the forced call the day had, so it costs nothing beyond it.
    # Planned and actual: Ava 1800, Cora 300, the Tower 1000, overtime 810, the forced call 1800: 5710.
    start(desk, 1)
    day = summary(desk, 1)
    assert day.pay_of("cast", desk.performers["Ava Stone"]).rest_minutes == 555
    assert {name: (planned, actual) for name, planned, actual, _v in day.hot.rows()}["penalties"] == (
        D("1800.00"),
        D("1800.00"),
    )
    assert (day.hot.planned.total, day.hot.variance) == (D("5710.00"), 0)
    assert day.hot.planned.pay[("cast", desk.performers["Ava Stone"])].rest_minutes == 555


def test_posting_a_day_puts_its_labour_in_the_budget_at_the_days_rate(desk):
    # Reported in CNY: 1 CNY = 0.125 USD from the first shoot day, so a dollar is 8 yuan that day.
    start(desk, 0)
    two_hours_over_with_a_late_lunch(desk)
    with desk.database.transaction() as session:
        rate = {"from_currency": "CNY", "to_currency": "USD", "rate": "0.125", "effective_date": "2027-01-11"}
        add_row(session, "exchange_rate", {"production_id": desk.production_id}, rate)
        set_field(session, "production", desk.production_id, "reporting_currency", "CNY")
        assert post_days(session, desk.production_id, [desk.days[0]]) == 8
    with desk.database.session() as session:
        entries = session.exec(select(CostEntry).where(CostEntry.vendor == VENDOR)).all()
        posted = sorted((entry.description, entry.amount.amount, entry.status) for entry in entries)
        report = by_code(
            cost_report(current_budget(session, desk.production_id), cost_entries(session, desk.production_id)).lines
        )
    assert {entry.entry_date for entry in entries} == {dt.date(2027, 1, 11)}
    # 1400: pay 1800 + 400, overtime 1710, penalties 110; 2100: four commuters; 3300 (Cora's line): 300,
    # 67.50; their fringes (see above): 1900 1397.36, 4900 61.56
    assert posted == [
        ("Day 1 (2027-01-11): fringes", D("61.56"), "COMMITTED"),
        ("Day 1 (2027-01-11): fringes", D("1397.36"), "COMMITTED"),
        ("Day 1 (2027-01-11): overtime", D("67.50"), "COMMITTED"),
        ("Day 1 (2027-01-11): overtime", D("1710.00"), "COMMITTED"),
        ("Day 1 (2027-01-11): pay", D("300.00"), "COMMITTED"),
        ("Day 1 (2027-01-11): pay", D("600.00"), "COMMITTED"),
        ("Day 1 (2027-01-11): pay", D("2200.00"), "COMMITTED"),
        ("Day 1 (2027-01-11): penalties", D("110.00"), "COMMITTED"),
    ]
    assert (report["1400"].committed, report["2100"].committed, report["3300"].committed) == (
        D("32160.00"),  # 4020 × 8
        D("4800.00"),
        D("2940.00"),
    )
    assert (report["1900"].committed, report["4900"].committed) == (D("11178.88"), D("492.48"))
    # A correction on the report, posted again, replaces what the day posted
    edit(desk, "day_report_time", time_row(desk, 0, character_id=desk.commuters), count="5")
    with desk.database.transaction() as session:
        post_days(session, desk.production_id, [desk.days[0]])
    with desk.database.session() as session:
        report = by_code(
            cost_report(current_budget(session, desk.production_id), cost_entries(session, desk.production_id)).lines
        )
        assert len(session.exec(select(CostEntry).where(CostEntry.vendor == VENDOR)).all()) == 8
    assert report["2100"].committed == D("6000.00")  # 5 × 150 × 8


def test_a_wage_base_the_budgets_own_pay_has_used_up_carries_no_more_of_that_fringe(desk):
    # California unemployment (3.4%) capped at 3600, exactly Ava's two days: her cast line has it on all
    # of its pay, her overtime allowance, after it in budget order, on none. So her day 1 overtime of 1710
    # carries 36.75% - 3.4% = 33.35%: 570.29, where it carried 628.43; her pay and penalties, on her cast
    # line, still 36.75%: 661.50 and 40.43; Ben 67. Day 1 reported, in 1900: 1339.22.
    with desk.database.session() as session:
        sui = session.exec(select(Fringe.id).where(Fringe.production_id == desk.production_id, Fringe.code == "CA-SUI"))
        sui = sui.one()
    edit(desk, "fringe", sui, cap="3600")
    start(desk, 0)
    two_hours_over_with_a_late_lunch(desk)
    with desk.database.session() as session:
        assert by_code(final_cost(session, desk.production_id).lines)["1900"].actual == D("1339.22")


def test_the_final_cost_is_measured_against_the_approved_budget_while_the_budget_follows_the_schedule(desk):
    # Approved as planned: Camera (3300) Cora's 2 days × 300 = 600, Production Fringes (4900) 16.75% of it,
    # 100.50. A third shoot day added: the budget follows (Cora's 3 days, 900; fringes 150.75), and so does
    # what is left to spend; the final cost is measured against the 600 and 100.50 approved, the day's 300
    # and 50.25 over (where the budget as it is would show none); in all, with the 10% the budget adds on its
    # totals (35.03), 385.28 more than approved.
    with desk.database.transaction() as session:
        approve_version(session, desk.production_id, save_version(session, desk.production_id, "Approved"))
        add_row(session, "shoot_day", {"production_id": desk.production_id}, {"shoot_date": "2027-01-20"})
    with desk.database.session() as session:
        cost, now = final_cost(session, desk.production_id), current_budget(session, desk.production_id)
    lines, live = by_code(cost.lines), {a.code: now.calculation.accounts[a.id] for a in now.inputs.accounts}
    assert (cost.approved.name, lines["3300"].budget, lines["4900"].budget) == ("Approved", D("600.00"), D("100.50"))
    assert (live["3300"], live["4900"]) == (D("900.00"), D("150.75"))
    assert (lines["3300"].variance, lines["4900"].variance) == (D("-300.00"), D("-50.25"))
    assert cost.total.budget == now.calculation.grand - D("385.28")
    assert cost.to_json()["approved_budget"]["name"] == "Approved"
