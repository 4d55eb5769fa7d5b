from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlmodel import select

from studio.budget.totals import budget_total
from studio.errors import InvalidInput
from studio.models import BudgetAccount, BudgetGlobal, BudgetLine, ExchangeRate, Production
from studio.money import Money


def _account(session, code):
    return session.exec(select(BudgetAccount).where(BudgetAccount.code == code)).one()


def test_lines_round_once_and_convert_at_the_entered_rate(demo):
    with demo.transaction() as session:
        shoot_days = session.exec(select(BudgetGlobal).where(BudgetGlobal.name == "SHOOT_DAYS")).one()
        cast = _account(session, "1400")
        director = _account(session, "1300")
        lead = BudgetLine(account_id=cast.id, description="Lead", amount_global_id=shoot_days.id, unit="DAY")
        lead.rate = Money(Decimal("1333.33"), "USD")
        extra = BudgetLine(account_id=cast.id, description="OT", amount=Decimal("2.5"), multiplier=Decimal("1.5"))
        extra.rate = Money(Decimal("10.01"), "USD")
        fee = BudgetLine(account_id=director.id, description="Director", amount=Decimal(9), unit="DAY")
        fee.rate = Money(Decimal("6000"), "CNY")
        session.add_all([lead, extra, fee])
    with demo.session() as session:
        totals = budget_total(session, session.exec(select(Production)).one())
    by_code = {account.code: account.total for account in totals.by_account}
    # 9 × 1333.33 = 11999.97; 2.5 × 1.5 × 10.01 = 37.5375 → 37.54
    assert by_code["1400"] == Money(Decimal("12037.51"), "USD")
    # 9 × 6000 CNY = 54000 CNY × 0.1389 = 7500.60 USD
    assert by_code["1300"] == Money(Decimal("7500.60"), "USD")
    assert totals.total == Money(Decimal("19538.11"), "USD")


def test_the_inverse_rate_serves_the_other_direction(demo):
    with demo.transaction() as session:
        line = BudgetLine(account_id=_account(session, "2800").id, description="Coin jar")
        line.rate = Money(Decimal("100"), "USD")
        session.add(line)
    with demo.session() as session:
        totals = budget_total(session, session.exec(select(Production)).one(), currency="CNY")
    # only CNY→USD 0.1389 is entered: 100 / 0.1389 = 719.9424… → 719.94
    assert totals.total == Money(Decimal("719.94"), "CNY")


def test_a_line_in_a_currency_without_a_rate_is_reported(demo):
    with demo.transaction() as session:
        line = BudgetLine(account_id=_account(session, "2200").id, description="Paris scout")
        line.rate = Money(Decimal("100"), "EUR")
        session.add(line)
    with demo.session() as session, pytest.raises(InvalidInput, match="no exchange rate from EUR to USD"):
        budget_total(session, session.exec(select(Production)).one())


def test_the_latest_rate_on_or_before_the_date_is_used(demo):
    from studio.budget.exchange import RateTable

    with demo.transaction() as session:
        session.add(
            ExchangeRate(
                production_id=1,
                from_currency="CNY",
                to_currency="USD",
                rate=Decimal("0.14"),
                effective_date=date(2027, 2, 1),
            )
        )
    with demo.session() as session:
        rates = RateTable.for_production(session, 1)
    assert rates.rate("CNY", "USD", date(2027, 1, 20)) == Decimal("0.1389")
    assert rates.rate("CNY", "USD", date(2027, 3, 1)) == Decimal("0.14")
    assert rates.rate("CNY", "USD") == Decimal("0.14")
