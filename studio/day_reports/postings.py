"""A reported day's labour posted to the budget as actuals, the night it is reported, weeks before
payroll: each worker's pay, overtime and penalties in the account their budget line is in (a performer's
pay in their cast line's, their overtime in their overtime line's; a crew member's in their line's; the
background in Extra Talent), else the chart's account for it. Each charge carries the fringes the budget
puts on that line (else on its account's lines together), in the accounts the budget puts them in (ATL
Fringes…), so the actuals compare with a budget whose fringes are in it: each fringe at the rate the
budget works out for it — its percent on the part of the line's pay below the fringe's wage base, so a
base the budget's own pay has used up costs nothing more — rounded once per charge and account; a flat
fringe, paid per person whatever the hours, carries nothing. One committed entry per account, currency
and part (pay, overtime, penalties, fringes), dated the shoot date, from the vendor "Production report"
with the day's reference; posting the day again replaces them. Locations and company moves are not
posted: their contracts and invoices are entered as they come, as the cost report has them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete
from sqlmodel import Session, select

from studio.budget.calculation import FLAT, HUNDRED, rounded
from studio.budget.schedule_links import CAST_ACCOUNT, STAFF_ACCOUNT
from studio.budget.totals import CurrentBudget, current_budget
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
FRINGES = "fringes"
PARTS = {"pay": "pay", OVERTIME: "overtime", PENALTY: "penalties", FRINGES: "fringes"}
NOT_POSTED, POSTED, OUT_OF_DATE = "no", "yes", "out of date"
Rates = tuple[tuple[int, Decimal], ...]  # (the account a line's fringes go to, their rate on its pay)


def reference(shoot_day_id: int) -> str:
    """The reference of a day's posted entries."""
    return f"DPR #{shoot_day_id}"


def is_posted(entry: CostEntry) -> bool:
    return entry.vendor == VENDOR and entry.reference.startswith("DPR #")


@dataclass(frozen=True)
class Accounts:
    """Where a charge is posted: its worker's budget line's account, else the chart's account for it; and
    the fringes that line (else that account's lines) carries."""

    by_source: dict[str, tuple[int, Rates]]  # a linked line's source → its account, its fringes
    by_code: dict[str, tuple[int, Rates]]  # an account's code → it, its lines' fringes together

    def of(self, charge: Charge) -> tuple[int, Rates] | None:
        if charge.kind == CAST:
            sources = [f"overtime:{charge.who}"] if charge.part == OVERTIME else []
            return self._first([*sources, f"cast:{charge.who}"], [CAST_ACCOUNT])
        if charge.kind == CREW:
            return self._first([f"crew:{charge.who}"], [STAFF_ACCOUNT])
        return self._first([], [EXTRA_TALENT_ACCOUNT, CAST_ACCOUNT])

    def _first(self, sources: list[str], codes: list[str]) -> tuple[int, Rates] | None:
        found = [self.by_source.get(source) for source in sources] + [self.by_code.get(code) for code in codes]
        return next((account for account in found if account is not None), None)


def budget_accounts(current: CurrentBudget) -> Accounts:
    """The accounts of the budget as it is worked out (the schedule's lines brought up to date), with the
    rate of each line's fringes and each account's."""
    inputs, calculation = current.inputs, current.calculation
    kinds = {fringe.id: fringe for fringe in inputs.fringes}
    line_rates: dict[int, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for share in calculation.shares:
        fringe = kinds[share.fringe_id]
        if fringe.kind != FLAT:
            under_cap = share.capped / share.base if share.base else 1
            line_rates[share.line_id][share.account_id] += (fringe.percent or Decimal(0)) / HUNDRED * under_cap
    account_of = {line.id: line.account_id for line in inputs.lines}
    pay: dict[int, Decimal] = defaultdict(Decimal)  # each account's lines' pay, in the report currency
    fringed: dict[int, dict[int, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for line_id, total in calculation.lines.items():
        account, weight = account_of[line_id], total.total * total.fx  # unrounded: whatever the report currency
        pay[account] += weight
        for fringe_account, rate in line_rates.get(line_id, {}).items():
            fringed[account][fringe_account] += rate * weight
    account_rates = {
        account: tuple((to, amount / pay[account]) for to, amount in sorted(shares.items()))
        for account, shares in fringed.items()
        if pay[account]
    }
    return Accounts(
        {
            line.source: (line.account_id, tuple(sorted(line_rates.get(line.id, {}).items())))
            for line in inputs.lines
            if line.source
        },
        {account.code: (account.id, account_rates.get(account.id, ())) for account in inputs.accounts},
    )


def by_account(cost: DayCost, accounts: Accounts) -> dict[tuple[int, str, str], Decimal]:
    """A day's labour by (account, currency, part), in each charge's own currency, its fringes with it."""
    totals: dict[tuple[int, str, str], Decimal] = defaultdict(Decimal)
    for charge in cost.charges:
        found = accounts.of(charge) if charge.kind in POSTED_KINDS else None
        if found is None:
            continue
        account, fringes = found
        currency = charge.amount.currency
        totals[account, currency, charge.part] += charge.amount.amount
        for fringe_account, rate in fringes:
            totals[fringe_account, currency, FRINGES] += rounded(charge.amount.amount * rate, currency)
    return dict(totals)


def post_days(session: Session, production_id: int, shoot_day_ids: list[int]) -> int:
    """Post reported days' labour (each replacing what it posted before); returns the entries made."""
    reports = DayReports(session, production_id)
    accounts = current_accounts(session, production_id)
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


def current_accounts(session: Session, production_id: int) -> Accounts:
    """The accounts a day's labour is posted to, by the budget as it is now worked out."""
    return budget_accounts(current_budget(session, production_id))


def posting_state(session: Session, production_id: int, shoot_day_id: int, actual: DayCost, accounts: Accounts) -> str:
    """Whether a reported day's labour (`actual`, its hot cost's; `accounts`: `budget_accounts`) is posted to
    the budget: "no", "yes", or "out of date" when its report was changed since (the cost report then has
    other figures than the report: post it again)."""
    posted = session.exec(
        select(CostEntry).where(
            CostEntry.production_id == production_id,
            CostEntry.vendor == VENDOR,
            CostEntry.reference == reference(shoot_day_id),
        )
    ).all()
    if not posted:
        return NOT_POSTED
    now = by_account(actual, accounts)
    kept = defaultdict(Decimal)
    for entry in posted:
        kept[entry.account_id, entry.currency] += entry.amount.amount
    owed = defaultdict(Decimal)
    for (account, currency, _part), amount in now.items():
        owed[account, currency] += amount
    return POSTED if {k: v for k, v in kept.items() if v} == {k: v for k, v in owed.items() if v} else OUT_OF_DATE


def _english_name(day: ShootDay) -> str:
    """Day 2 (2027-01-12), as stored descriptions are written, in English."""
    date = day.shoot_date.isoformat()
    return f"Day {day.day_number} ({date})" if day.day_number else date
