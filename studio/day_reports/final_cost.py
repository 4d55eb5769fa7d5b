"""The estimated final cost (EFC): actuals to date plus what the remaining plan will cost, per account,
against the budget, in the report currency; and what that makes an episode and a minute of screen time.

For each account:
- actual: the cost report's paid and committed (each at its date's rate), the production report's own
  entries left out, plus the labour of every reported day as reported (the hot cost's cast, crew and
  background pay, overtime and penalties, in the account `postings` posts them to, and the fringes the
  budget puts on them in its fringe accounts), so the figure is the same whether or not the days have
  been posted yet; every labour figure below carries its fringes so, as the budget's do;
- done: what the plans of the reported days had that labour cost, in the same accounts;
- remaining: the budget less what is done and the other actuals, never below zero, and never below what
  the days not reported yet will cost in labour as they are planned now (`remaining_plan`: their call
  sheets' calls to the planned wrap, priced as a report of them would be, a forced call included where
  the rest since the day before — as planned, or as it happened for a reported day — is short): the
  budget's overtime is an allowance, the plan's long days, late meals and short rests are what it will be;
- at completion: actual + remaining; variance: budget − at completion (below zero: over).
So a reported day moves an account's final cost by what it cost beyond its plan, and an account the
days do not touch finishes at its budget or its actuals, whichever is more. The budget follows the
schedule (a re-planned shoot with a day more has that day in it), so what is left to spend is the
budget's; the budget the cost is measured against is the approved one where a version is approved
(`versions.approved_totals`: its accounts as kept in the report currency and the shoot's, else
converted as the budget is, at the latest rate entered), else the budget as it is: measured against a
budget that follows the schedule, a slip that adds a day would cost nothing. Per episode: its share of
the final cost by its pages; per screen minute: at about a minute a page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlmodel import Session, select

from studio.budget.cost_report import cost_entries, cost_report
from studio.budget.totals import CurrentBudget, current_budget
from studio.budget.versions import approved_totals, approved_version
from studio.day_reports.facts import DayFacts, rests_since
from studio.day_reports.hot_cost import DayCost, price_day
from studio.day_reports.postings import Accounts, budget_accounts, by_account, is_posted
from studio.day_reports.reading import SCREEN_SECONDS_PER_EIGHTH, worked_day
from studio.day_reports.starting import remaining_plans
from studio.day_reports.summary import DayReports
from studio.exchange import RateTable
from studio.models import BudgetVersion, Episode, Scene
from studio.models.enums import RevisionState, SceneOutcome
from studio.money import Money

ZERO = Decimal(0)


@dataclass(frozen=True)
class FinalCostLine:
    account_id: int | None  # None: the total
    code: str
    name: str
    name_zh: str
    budget: Decimal
    actual: Decimal
    entered: Decimal  # of the actual, what the cost report has beyond the production reports' labour
    done: Decimal  # the reported days' planned labour
    remaining: Decimal
    remaining_plan: Decimal  # the days not reported yet: their planned labour

    @property
    def at_completion(self) -> Decimal:
        return self.actual + self.remaining

    @property
    def variance(self) -> Decimal:
        return self.budget - self.at_completion


@dataclass(frozen=True)
class EpisodeCost:
    number: int
    scenes: int
    completed: int
    eighths: int
    share: Decimal  # of the final cost, by pages

    @property
    def finished(self) -> bool:
        return self.scenes > 0 and self.completed == self.scenes


@dataclass(frozen=True)
class Approved:
    """The approved budget the cost is measured against: the version's name and the day it was saved."""

    name: str
    saved: dt.date


@dataclass(frozen=True)
class FinalCost:
    currency: str
    lines: list[FinalCostLine]
    total: FinalCostLine
    episodes: list[EpisodeCost]
    screen_seconds: int  # every scene's, at about a minute a page
    approved: Approved | None = None  # None: measured against the budget as it is

    @property
    def per_episode(self) -> Decimal:
        return self.total.at_completion / len(self.episodes) if self.episodes else ZERO

    @property
    def per_screen_minute(self) -> Decimal:
        return self.total.at_completion * 60 / self.screen_seconds if self.screen_seconds else ZERO

    def to_json(self) -> dict:
        def money(amount: Decimal) -> str:
            return str(Money(amount, self.currency).amount)

        def row(line: FinalCostLine) -> dict:
            figures = ("budget", "actual", "done", "remaining", "remaining_plan", "at_completion", "variance")
            named = {"code": line.code, "name": line.name, "name_zh": line.name_zh}
            return {**named, **{name: money(getattr(line, name)) for name in figures}}

        approved = self.approved
        return {
            "currency": self.currency,
            "approved_budget": approved and {"name": approved.name, "saved": approved.saved.isoformat()},
            "total": row(self.total),
            "accounts": [row(line) for line in self.lines],
            "episodes": len(self.episodes),
            "finished_episodes": sum(episode.finished for episode in self.episodes),
            "per_episode": money(self.per_episode),
            "per_screen_minute": money(self.per_screen_minute),
            "by_episode": [
                {
                    "episode": episode.number,
                    "scenes": episode.scenes,
                    "completed": episode.completed,
                    "finished": episode.finished,
                    "at_completion": money(episode.share),
                }
                for episode in self.episodes
            ],
        }


def final_cost(
    session: Session, production_id: int, currency: str | None = None, current: CurrentBudget | None = None
) -> FinalCost:
    """`current`: the budget as `current_budget` works it out in `currency`, where the caller has it."""
    current = current or current_budget(session, production_id, currency)
    currency, rates = current.calculation.currency, current.inputs.rates
    others = cost_report(current, [e for e in cost_entries(session, production_id) if not is_posted(e)])
    reports = DayReports(session, production_id)
    accounts = budget_accounts(current)
    done: dict[int, Decimal] = defaultdict(Decimal)
    worked: dict[int, Decimal] = defaultdict(Decimal)
    planned: dict[int, Decimal] = defaultdict(Decimal)
    for day, hot in reports.reported.values():
        _add(done, hot.planned, accounts, rates, currency, day.date)
        _add(worked, hot.actual, accounts, rates, currency, day.date)
    for plan, cost in _priced_plans(remaining_plans(session, production_id, set(reports.reported)), reports):
        _add(planned, cost, accounts, rates, currency, plan.date)
    lines = []
    for line in others.lines:
        other = line.paid + line.committed
        remaining = max(ZERO, line.budget - done[line.account_id] - other, planned[line.account_id])
        lines.append(
            FinalCostLine(
                line.account_id,
                line.code,
                line.name,
                line.name_zh,
                line.budget,
                other + worked[line.account_id],
                other,
                done[line.account_id],
                remaining,
                planned[line.account_id],
            )
        )
    total = FinalCostLine(
        None,
        "",
        "",
        "",
        *(
            sum((getattr(line, n) for line in lines), ZERO)
            for n in ("budget", "actual", "entered", "done", "remaining", "remaining_plan")
        ),
    )
    approved = approved_version(session, production_id)
    if approved is not None:
        lines, total = _against(approved, lines, total, rates, currency)
    episodes, eighths = _episodes(session, production_id, reports, total.at_completion, currency)
    seconds = int(eighths * SCREEN_SECONDS_PER_EIGHTH)
    measured = approved and Approved(approved.name, approved.created_at.date())
    return FinalCost(currency, lines, total, episodes, seconds, measured)


def _against(
    version: BudgetVersion, lines: list[FinalCostLine], total: FinalCostLine, rates: RateTable, currency: str
) -> tuple[list[FinalCostLine], FinalCostLine]:
    """The lines and total with the approved version's budget in place of the budget as it is: an account
    it did not have had none."""
    grand, budgets = approved_totals(version, currency, lambda source: rates.rate(source, currency))
    lines = [replace(line, budget=budgets.get(line.code, ZERO)) for line in lines]
    return lines, replace(total, budget=grand)


def _priced_plans(plans: list[DayFacts], reports: DayReports) -> list[tuple[DayFacts, DayCost]]:
    """The days not reported yet, priced as planned: each worker's rest counted from the day before, as
    planned, or as it happened when that day is reported."""
    days = [worked_day(day, reports.crew) for day, _hot in reports.reported.values()] + plans
    priced = []
    for plan in plans:
        before = max((day for day in days if day.date < plan.date), key=lambda day: day.date, default=None)
        priced.append((plan, price_day(plan, reports.prices, rests_since(plan, before))))
    return priced


def _add(
    totals: dict[int, Decimal], cost: DayCost, accounts: Accounts, rates: RateTable, currency: str, date: dt.date
) -> None:
    for (account, own, _part), amount in by_account(cost, accounts).items():
        totals[account] += Money(amount * rates.rate(own, currency, date), currency).amount


def _episodes(
    session: Session, production_id: int, reports: DayReports, at_completion: Decimal, currency: str
) -> tuple[list[EpisodeCost], int]:
    completed = {
        row.scene_id
        for day, _hot in reports.reported.values()
        for row in day.scenes
        if row.outcome == SceneOutcome.COMPLETED.value
    }
    scenes = session.exec(
        select(Episode.number, Scene.id, Scene.page_eighths)
        .join(Scene, Scene.episode_id == Episode.id)
        .where(Episode.production_id == production_id, Scene.revision_state != RevisionState.OMITTED.value)
        .order_by(Episode.number)
    ).all()
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for number, scene_id, eighths in scenes:
        counts[number][0] += 1
        counts[number][1] += scene_id in completed
        counts[number][2] += eighths
    pages = sum(count[2] for count in counts.values())
    episodes = [
        EpisodeCost(
            number, scenes, done, eighths, Money(at_completion * eighths / pages, currency).amount if pages else ZERO
        )
        for number, (scenes, done, eighths) in sorted(counts.items())
    ]
    return episodes, pages
