"""A reported day's labour posted to the budget as actuals, the night it is reported, weeks before
payroll: each worker's pay, overtime and penalties in the account their budget line is in (a performer's
pay in their cast line's, their overtime in their overtime line's; a crew member's in their line's; the
background in Extra Talent), else the chart's account for it. One committed entry per account, currency
and part (pay, overtime, penalties), dated the shoot date, from the vendor "Production report" with the
day's reference; posting the day again replaces them. Locations and company moves are not posted:
their contracts and invoices are entered as they come, as the cost report has them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete
from sqlmodel import Session

from studio.budget.calculation import BudgetInputs
from studio.budget.schedule_links import CAST_ACCOUNT, STAFF_ACCOUNT
from studio.budget.totals import current_budget
from studio.day_reports.facts import BACKGROUND, CAST, CREW
from studio.day_reports.fields import day_name
from studio.day_reports.hot_cost import OVERTIME, PENALTY, Charge, DayCost
from studio.day_reports.summary import DayReports
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import CostEntry, ShootDay
from studio.models.enums import CostStatus
from studio.records import add_rows

POSTED_KINDS = (CAST, CREW, BACKGROUND)
EXTRA_TALENT_ACCOUNT = "2100"
VENDOR = "Production report"
PARTS = {"pay": "pay", OVERTIME: "overtime", PENALTY: "penalties"}


def reference(shoot_day_id: int) -> str:
    """The reference of a day's posted entries."""
    return f"DPR #{shoot_day_id}"


def is_posted(entry: CostEntry) -> bool:
    return entry.vendor == VENDOR and entry.reference.startswith("DPR #")


@dataclass(frozen=True)
class Accounts:
    """Where a charge is posted: its worker's budget line's account, else the chart's account for it."""

    by_source: dict[str, int]
    by_code: dict[str, int]

    def of(self, charge: Charge) -> int | None:
        if charge.kind == CAST:
            sources = [f"overtime:{charge.who}"] if charge.part == OVERTIME else []
            return self._first([*sources, f"cast:{charge.who}"], [CAST_ACCOUNT])
        if charge.kind == CREW:
            return self._first([f"crew:{charge.who}"], [STAFF_ACCOUNT])
        return self._first([], [EXTRA_TALENT_ACCOUNT, CAST_ACCOUNT])

    def _first(self, sources: list[str], codes: list[str]) -> int | None:
        found = [self.by_source.get(source) for source in sources] + [self.by_code.get(code) for code in codes]
        return next((account for account in found if account is not None), None)


def budget_accounts(inputs: BudgetInputs) -> Accounts:
    """The accounts of the budget as it is worked out (the schedule's lines brought up to date)."""
    return Accounts(
        {line.source: line.account_id for line in inputs.lines if line.source},
        {account.code: account.id for account in inputs.accounts},
    )


def by_account(cost: DayCost, accounts: Accounts) -> dict[tuple[int, str, str], Decimal]:
    """A day's labour by (account, currency, part), in each charge's own currency."""
    totals: dict[tuple[int, str, str], Decimal] = defaultdict(Decimal)
    for charge in cost.charges:
        account = accounts.of(charge) if charge.kind in POSTED_KINDS else None
        if account is not None:
            totals[account, charge.amount.currency, charge.part] += charge.amount.amount
    return dict(totals)


def post_days(session: Session, production_id: int, shoot_day_ids: list[int]) -> int:
    """Post reported days' labour (each replacing what it posted before); returns the entries made."""
    reports = DayReports(session, production_id)
    accounts = budget_accounts(current_budget(session, production_id).inputs)
    if not accounts.by_code:
        raise InvalidInput(_("the budget has no accounts to post the day's costs to"))
    entries: list[dict] = []
    for shoot_day_id in shoot_day_ids:
        day = session.get(ShootDay, shoot_day_id)
        if shoot_day_id not in reports.reported:
            raise InvalidInput(_("{day} is not reported yet").format(day=day_name(day)))
        session.exec(
            delete(CostEntry).where(
                CostEntry.production_id == production_id,
                CostEntry.vendor == VENDOR,
                CostEntry.reference == reference(shoot_day_id),
            )
        )
        posted = by_account(reports.reported[shoot_day_id][1].actual, accounts)
        entries += [
            {
                "account_id": account,
                "entry_date": day.shoot_date,
                "vendor": VENDOR,
                "description": f"{_english_name(day)}: {PARTS[part]}",
                "currency": currency,
                "amount": str(amount),
                "status": CostStatus.COMMITTED.value,
                "reference": reference(shoot_day_id),
            }
            for (account, currency, part), amount in sorted(posted.items())
        ]
    return len(add_rows(session, "cost_entry", {"production_id": production_id}, entries))


def _english_name(day: ShootDay) -> str:
    """Day 2 (2027-01-12), as stored descriptions are written, in English."""
    date = day.shoot_date.isoformat()
    return f"Day {day.day_number} ({date})" if day.day_number else date
