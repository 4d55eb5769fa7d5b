"""The budget the schedule keeps up to date (schedule_links.py) and worked out (totals.py), on the demo."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from sqlmodel import select

from studio.budget.calculation import rounded
from studio.budget.schedule_links import sync_schedule_lines
from studio.budget.totals import current_budget
from studio.currencies import ensure_currency
from studio.edits import set_field
from studio.errors import InvalidInput
from studio.models import BudgetAccount, BudgetGlobal, BudgetLine, BudgetLineFringe, CastAssignment, Character
from studio.records import add_row
from studio.schedule.board_loading import load_board
from studio.schedule.dood import day_out_of_days
from studio.schedule.strips import ensure_shoot_days, move_strips

D = Decimal
ETHAN_COLE = 21  # performer: #21 TOM, 180 USD a day, 2 work days (Jan 12 and 13), no guarantee, no per diem


def linked(current) -> dict:
    return {line.source: line for line in current.inputs.lines if line.source}


def account_id(session, code: str) -> int:
    return session.exec(
        select(BudgetAccount.id).where(BudgetAccount.production_id == 1, BudgetAccount.code == code)
    ).one()


def deal_of(session, performer_id: int) -> CastAssignment:
    return session.exec(select(CastAssignment).where(CastAssignment.performer_id == performer_id)).one()


def strips_of(session, performer_id: int, on: date) -> list[int]:
    board = load_board(session, 1)
    (day,) = [day for day in board.days if day.date == on]
    return [strip.id for strip in board.day_strips(day.id) if performer_id in strip.cast]


def day_id(session, on: date) -> int:
    (day,) = [day for day in load_board(session, 1).days if day.date == on]
    return day.id


def test_the_demo_budget_follows_its_schedule(demo):
    with demo.session() as session:
        current = current_budget(session, 1)
        board = load_board(session, 1)
        dood = {row.performer_id: row for row in day_out_of_days(board).rows}
        deals = {
            deal.performer_id: deal
            for deal, character in session.exec(
                select(CastAssignment, Character).join(Character).where(Character.is_background.is_(False))
            )
        }
        producers = account_id(session, "1200")
    assert not current.plan and current.plan.changes == []  # the demo is stored in step with its schedule
    assert current.calculation.problems == [] and current.calculation.grand is not None
    assert current.calculation.globals == {"SHOOT_DAYS": D(9), "EPISODES": D(80), "OT_HOURS": D(2)}
    lines = linked(current)
    totals = current.calculation.lines
    # Cast: paid days from Day Out of Days (at least the guaranteed days) at the deal's day rate
    for performer_id, row in dood.items():
        cast = lines[f"cast:{performer_id}"]
        assert cast.amount == max(row.paid, deals[performer_id].guaranteed_days), cast.description
        assert cast.rate == deals[performer_id].rate.amount and cast.payee
    daniel = lines["cast:1"]
    assert daniel.description == "Daniel Hayes as #1 ETHAN (9 work, 0 hold)" and daniel.payee == "Daniel Hayes"
    assert totals[daniel.id].total == D("16200.00")  # 9 × 1800
    assert lines["cast:7"].description == "Samuel Okoye as #7 DR. OKAFOR (4 work, 5 hold)"
    assert totals[lines["cast:7"].id].total == D("3150.00")  # 4 work + 5 hold = 9 paid × 350
    # Overtime: work days × OT_HOURS at day rate / 8 h × 1.5
    overtime = lines["overtime:1"]
    assert (overtime.formula, overtime.rate, overtime.unit) == ("9 * OT_HOURS", D("337.50"), "HOUR")
    assert totals[overtime.id].quantity == D(18) and totals[overtime.id].total == D("6075.00")  # 9 × 2 × 337.50
    # Per diem: paid days × the deal's per diem
    per_diem = lines["per-diem:9"]
    assert per_diem.description == "Catherine Doyle: per diem, 6 days"
    assert totals[per_diem.id].total == D("360.00")  # 6 × 60
    assert "per-diem:21" not in lines  # no per diem in Ethan Cole's deal
    # Crew: SHOOT_DAYS at their rate, in their position's account
    producer = lines["crew:2"]
    assert producer.formula == "SHOOT_DAYS" and producer.currency == "CNY"
    assert producer.account_id == producers
    assert totals[producer.id].total == D("45000.00")  # 9 × 5000 CNY
    # Locations: the days each is on the schedule, at its fee
    days_at = {}
    for day in board.days:
        for place in {strip.location_id for strip in board.day_strips(day.id) if strip.location_id}:
            days_at[place] = days_at.get(place, 0) + 1
    for place, count in days_at.items():
        assert lines[f"location:{place}"].amount == count
    assert lines["location:1"].description == "Sterling Tower: 4 days"
    assert totals[lines["location:1"].id].total == D("18000.00")  # 4 × 4500
    assert lines["company-moves"].rate == D(1000)


def test_each_linked_line_starts_with_the_fringes_of_its_currency(demo):
    with demo.session() as session:
        lines = linked(current_budget(session, 1))
    assert lines["cast:1"].fringe_ids == (1, 2, 3, 4, 5, 6, 7, 8)  # union: pension & health (8) too
    assert lines["cast:5"].fringe_ids == (1, 2, 3, 4, 5, 6, 7)  # wages
    assert lines["crew:2"].fringe_ids == ()  # paid in CNY: the fringes are USD payroll taxes
    assert lines["location:1"].fringe_ids == () and lines["per-diem:1"].fringe_ids == ()


def test_to_json_gives_the_grand_total_and_every_account_in_the_report_currency(demo):
    with demo.session() as session:
        report = current_budget(session, 1).to_json()
        in_usd = current_budget(session, 1, "USD").to_json()
        accounts = session.exec(select(BudgetAccount).where(BudgetAccount.production_id == 1)).all()
    assert report["currency"] == "CNY" and in_usd["currency"] == "USD"
    assert len(report["by_account"]) == len(accounts)
    for data in (report, in_usd):
        assert D(data["amount"]) == sum(D(account["amount"]) for account in data["by_account"])
        assert all(account["currency"] == data["currency"] for account in data["by_account"])
    contingency = next(account for account in report["by_account"] if account["code"] == "9000")
    direct = sum(D(account["amount"]) for account in report["by_account"] if account["group"] != "TOTALS")
    assert D(contingency["amount"]) == rounded(direct / 10, "CNY")


def test_a_guarantee_is_the_least_a_performer_is_paid(demo):
    with demo.transaction() as session:
        set_field(session, "cast_assignment", deal_of(session, ETHAN_COLE).id, "guaranteed_days", "5")
        current = current_budget(session, 1)
    cast = linked(current)[f"cast:{ETHAN_COLE}"]
    assert cast.amount == 5 and cast.description == "Ethan Cole as #21 TOM (2 work, 0 hold, 5 guaranteed)"
    assert current.calculation.lines[cast.id].total == D("900.00")  # 5 × 180
    assert [str(change) for change in current.plan.changes] == [
        "Ethan Cole as #21 TOM (2 work, 0 hold, 5 guaranteed): 2 day × 180.00 USD → 5 day × 180.00 USD"
    ]
    assert linked(current)[f"overtime:{ETHAN_COLE}"].formula == "2 * OT_HOURS"  # overtime counts work days


def test_moving_strips_to_the_boneyard_changes_the_linked_lines_and_says_so(demo):
    with demo.transaction() as session:
        before = current_budget(session, 1)
        strips = strips_of(session, ETHAN_COLE, date(2027, 1, 13))
        assert strips
        move_strips(session, 1, strips, None, 0)
        after = current_budget(session, 1)
    lines = linked(after)
    cast, overtime = lines[f"cast:{ETHAN_COLE}"], lines[f"overtime:{ETHAN_COLE}"]
    assert cast.amount == 1 and cast.description == "Ethan Cole as #21 TOM (1 work, 0 hold)"
    assert overtime.formula == "1 * OT_HOURS"
    assert after.calculation.lines[cast.id].total == D("180.00")
    assert after.calculation.lines[overtime.id].total == D("67.50")  # 1 × 2 h × 33.75
    changes = [str(change) for change in after.plan.changes]
    assert "Ethan Cole as #21 TOM (1 work, 0 hold): 2 day × 180.00 USD → 1 day × 180.00 USD" in changes
    assert (
        "Ethan Cole: overtime allowance, 1 work days × OT_HOURS h at 1.5×: "
        "2 * OT_HOURS hour × 33.75 USD → 1 * OT_HOURS hour × 33.75 USD"
    ) in changes
    # Nothing is stored yet: the stored line still says 2 days, the total here is the schedule's
    with demo.session() as session:
        assert session.get(BudgetLine, cast.id).amount == 2
    assert after.calculation.grand < before.calculation.grand


def test_moving_a_strip_to_another_day_then_sync_stores_it_once(demo):
    with demo.transaction() as session:
        strip = strips_of(session, ETHAN_COLE, date(2027, 1, 12))[0]
        move_strips(session, 1, [strip], day_id(session, date(2027, 1, 14)), 0)
        current = current_budget(session, 1)
        dood = {row.performer_id: row for row in day_out_of_days(load_board(session, 1)).rows}
        assert dood[ETHAN_COLE].work == 3  # Jan 12, 13 and now 14
        planned = [str(change) for change in current.plan.changes]
        stored = [str(change) for change in sync_schedule_lines(session, 1)]
        assert stored == planned and any(change.startswith("Ethan Cole as #21 TOM (3 work") for change in stored)
        assert sync_schedule_lines(session, 1) == []  # a second sync has nothing left to do
    with demo.session() as session:
        again = current_budget(session, 1)
        cast = session.exec(select(BudgetLine).where(BudgetLine.source == f"cast:{ETHAN_COLE}")).one()
    assert not again.plan and again.plan.changes == []
    assert (cast.amount, cast.description) == (3, "Ethan Cole as #21 TOM (3 work, 0 hold)")
    assert again.calculation.grand == current.calculation.grand  # what was shown is what is stored


def test_a_sync_keeps_the_producers_notes_fringes_and_account(demo):
    with demo.transaction() as session:
        cast_id = session.exec(select(BudgetLine.id).where(BudgetLine.source == f"cast:{ETHAN_COLE}")).one()
        set_field(session, "budget_line", cast_id, "notes", "Agent wants the deal memo by Friday")
        set_field(session, "budget_line", cast_id, "fringe_codes", "FUTA")
        session.get(BudgetLine, cast_id).account_id = account_id(session, "2100")  # moved by the producer
        move_strips(session, 1, strips_of(session, ETHAN_COLE, date(2027, 1, 13)), None, 0)
        assert sync_schedule_lines(session, 1)
    with demo.session() as session:
        line = session.get(BudgetLine, cast_id)
        assert (line.amount, line.notes, line.fringe_codes) == (1, "Agent wants the deal memo by Friday", "FUTA")
        assert line.account_id == account_id(session, "2100")
        current = current_budget(session, 1)
        production_fringes = account_id(session, "4900")
    assert not current.plan
    # FUTA only: 0.6% of 180.00 = 1.08 USD, counted in 4900 Production Fringes (2100 is below the line)
    (share,) = [share for share in current.calculation.shares if share.line_id == cast_id]
    assert share.amount == D("1.08") and share.account_id == production_fringes


def test_changing_ot_hours_changes_every_overtime_line(demo):
    with demo.transaction() as session:
        before = current_budget(session, 1)
        ot_hours = session.exec(select(BudgetGlobal).where(BudgetGlobal.name == "OT_HOURS")).one()
        change = set_field(session, "budget_global", ot_hours.id, "value_entry", "3")
        after = current_budget(session, 1)
    assert (change.old, change.new) == ("2", "3")
    overtime = [line for line in after.inputs.lines if line.source.startswith("overtime:")]
    assert len(overtime) == 21
    for line in overtime:
        work = D(line.formula.split(" * ")[0])
        old, new = before.calculation.lines[line.id], after.calculation.lines[line.id]
        assert new.quantity == work * 3
        assert new.total == (work * 3 * line.rate).quantize(D("0.01"), rounding=ROUND_HALF_UP)
        assert new.total == old.total * 3 / 2  # the rates have cents: work × 2 × rate is exact
    others = [line.id for line in after.inputs.lines if not line.source.startswith("overtime:")]
    assert all(after.calculation.lines[i].total == before.calculation.lines[i].total for i in others)
    assert after.calculation.grand > before.calculation.grand


def test_shoot_days_follow_the_schedule(demo):
    with demo.transaction() as session:
        assert ensure_shoot_days(session, 1, 10) == 1
        current = current_budget(session, 1)
        assert [str(change) for change in current.plan.changes] == ["SHOOT_DAYS: 9 → 10"]
        lines = linked(current)
        hotel = session.exec(select(BudgetLine.id).where(BudgetLine.description.startswith("Hotel"))).one()
        assert current.calculation.lines[lines["crew:2"].id].total == D("50000.00")  # 10 × 5000 CNY
        assert current.calculation.lines[hotel].quantity == D(13)  # SHOOT_DAYS + 3
        assert [str(change) for change in sync_schedule_lines(session, 1)] == ["SHOOT_DAYS: 9 → 10"]
    with demo.session() as session:
        assert session.exec(select(BudgetGlobal.value).where(BudgetGlobal.name == "SHOOT_DAYS")).one() == 10


def test_a_deal_without_a_rate_removes_its_lines_and_their_fringes(demo):
    with demo.transaction() as session:
        ids = session.exec(select(BudgetLine.id).where(BudgetLine.source.endswith(f":{ETHAN_COLE}"))).all()
        cast_ids = [i for i in ids if session.get(BudgetLine, i).source.startswith(("cast:", "overtime:"))]
        assert len(cast_ids) == 2
        set_field(session, "cast_assignment", deal_of(session, ETHAN_COLE).id, "rate", "")
        current = current_budget(session, 1)
        assert f"cast:{ETHAN_COLE}" not in linked(current)
        assert "removed Ethan Cole as #21 TOM (2 work, 0 hold) (was 2 day × 180.00 USD)" in [
            str(change) for change in current.plan.changes
        ]
        sync_schedule_lines(session, 1)
    with demo.session() as session:
        assert all(session.get(BudgetLine, i) is None for i in cast_ids)
        links = session.exec(select(BudgetLineFringe).where(BudgetLineFringe.line_id.in_(cast_ids))).all()
        assert links == []


def test_a_line_in_a_currency_without_a_rate_stops_the_total(demo):
    with demo.transaction() as session:
        add_row(
            session,
            "budget_line",
            {"account_id": account_id(session, "2200")},
            {"description": "Paris scout", "currency": "EUR", "rate": "100"},
        )
    with demo.session() as session:
        current = current_budget(session, 1)
        assert current.calculation.grand is None
        (problem,) = current.calculation.problems
        assert str(problem) == (
            "2200 Art Department, “Paris scout”: no exchange rate from EUR to CNY: add one in the budget's currencies"
        )
        with pytest.raises(InvalidInput, match=r"cannot be totalled: 2200 Art Department.*\(1 problems in all\)"):
            current.to_json()


def test_the_overtime_rate_is_rounded_half_up(demo):
    with demo.session() as session:
        overtime = linked(current_budget(session, 1))["overtime:4"]  # Robert Callahan, 950 USD a day
    assert overtime.rate == D("178.13")


def test_a_yen_deal_with_overtime_settles_after_one_sync(demo):
    with demo.transaction() as session:
        ensure_currency(session, "JPY")
        yen = {"from_currency": "JPY", "to_currency": "USD", "rate": "0.0067", "effective_date": "2027-01-04"}
        add_row(session, "exchange_rate", {"production_id": 1}, yen)
        deal = deal_of(session, ETHAN_COLE)
        set_field(session, "cast_assignment", deal.id, "currency", "JPY")
        set_field(session, "cast_assignment", deal.id, "rate", "10001")  # / 8 h × 1.5 = 1875.1875 JPY an hour
        assert sync_schedule_lines(session, 1)
        assert sync_schedule_lines(session, 1) == []


def test_moving_a_line_to_another_account(demo):
    with demo.transaction() as session:
        line_id = session.exec(select(BudgetLine.id).where(BudgetLine.source == "cast:1")).one()
        set_field(session, "budget_line", line_id, "account_id", account_id(session, "1200"))
    with demo.session() as session:
        assert session.get(BudgetLine, line_id).account_id == account_id(session, "1200")


@pytest.mark.parametrize(
    ("basis", "unit", "amount", "total"),
    [
        ("WEEK", "WEEK", D("0.4"), D("72.00")),  # 2 paid days / 5 = 0.4 week × 180
        ("HOUR", "HOUR", D(22), D("3960.00")),  # 2 days × the demo's 660 min / 60 = 22 h × 180
        ("FLAT", "FLAT", D(1), D("180.00")),
    ],
)
def test_a_deal_by_the_week_hour_or_flat(demo, basis, unit, amount, total):
    with demo.transaction() as session:
        set_field(session, "cast_assignment", deal_of(session, ETHAN_COLE).id, "rate_basis", basis)
        current = current_budget(session, 1)
    lines = linked(current)
    cast = lines[f"cast:{ETHAN_COLE}"]
    assert (cast.unit, current.calculation.lines[cast.id].quantity) == (unit, amount)
    assert current.calculation.lines[cast.id].total == total
    assert f"overtime:{ETHAN_COLE}" not in lines  # the overtime allowance is for day rates
    assert any(change.kind == "removed" for change in current.plan.changes)


def test_a_guarantee_counts_for_the_per_diem_too(demo):
    with demo.transaction() as session:
        set_field(session, "cast_assignment", deal_of(session, 9).id, "guaranteed_days", "8")
        lines = linked(current_budget(session, 1))
    assert lines["per-diem:9"].description == "Catherine Doyle: per diem, 8 days"  # 6 paid, 8 guaranteed
    assert lines["per-diem:9"].amount == 8 and lines["cast:9"].amount == 8


def test_a_new_crew_member_is_a_new_line_with_the_wage_fringes(demo):
    with demo.transaction() as session:
        grip = add_row(
            session,
            "crew_member",
            {"production_id": 1},
            {"name": "Pat Doe", "position": "Grip", "rate": "300", "rate_basis": "WEEK"},
        )
        current = current_budget(session, 1)
        (added,) = current.plan.added
        assert added.id < 0 and added.source == f"crew:{grip}"
        assert (added.formula, added.unit, added.payee, added.fringe_ids) == (
            "SHOOT_DAYS / 5",
            "WEEK",
            "Pat Doe",
            (1, 2, 3, 4, 5, 6, 7),
        )
        assert added.account_id == account_id(session, "2000")  # no department: Production Staff
        assert current.calculation.lines[added.id].total == D("540.00")  # 9 / 5 = 1.8 weeks × 300
        assert [str(change) for change in current.plan.changes] == [
            "added Grip: Pat Doe: SHOOT_DAYS / 5 week × 300.00 USD"
        ]
        sync_schedule_lines(session, 1)
        assert sync_schedule_lines(session, 1) == []
        stored = session.exec(select(BudgetLine).where(BudgetLine.source == f"crew:{grip}")).one()
        assert stored.fringe_codes == "FICA-SS, MEDICARE, FUTA, CA-SUI, CA-ETT, WC, PAYROLL"
        assert current_budget(session, 1).calculation.grand == current.calculation.grand


def test_crew_by_the_hour_work_the_productions_day(demo):
    with demo.transaction() as session:
        crew = add_row(
            session, "crew_member", {"production_id": 1}, {"name": "Sam Hour", "rate": "50", "rate_basis": "HOUR"}
        )
        line = linked(current_budget(session, 1))[f"crew:{crew}"]
        assert (line.formula, line.unit) == ("SHOOT_DAYS * 660 / 60", "HOUR")  # the demo's 660-minute days
        assert current_budget(session, 1).calculation.lines[line.id].total == D("4950.00")  # 9 × 11 × 50


def test_crew_by_the_hour_on_days_that_are_not_whole_hours(demo):
    with demo.transaction() as session:
        set_field(session, "production", 1, "max_minutes_per_day", "650")
        crew = add_row(
            session, "crew_member", {"production_id": 1}, {"name": "Sam Hour", "rate": "50", "rate_basis": "HOUR"}
        )
        current = current_budget(session, 1)
    line = linked(current)[f"crew:{crew}"]
    assert current.calculation.lines[line.id].total == D("4875.00")  # 9 days × 650 / 60 h × 50
