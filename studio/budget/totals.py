"""The budget as the schedule has it now: stored lines brought up to date with the schedule (in memory),
then worked out (calculation.py). Every report of a total (the app, `budget total`, the xlsx) starts here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from studio.budget.calculation import BudgetInputs, Calculation, calculate
from studio.budget.inputs import load_inputs
from studio.budget.schedule_links import LinkPlan, Links, apply_links, schedule_links
from studio.errors import InvalidInput
from studio.i18n import _
from studio.money import Money


@dataclass(frozen=True)
class CurrentBudget:
    inputs: BudgetInputs
    calculation: Calculation
    plan: LinkPlan  # what the schedule changed that is not stored yet
    links: Links  # what the schedule says the linked lines are

    def to_json(self) -> dict:
        """The grand total and each account's, as decimal strings; refused while a line has a problem."""
        calculation = self.calculation
        if calculation.grand is None:
            first = calculation.problems[0]
            raise InvalidInput(
                _("the budget cannot be totalled: {problem} ({count} problems in all)").format(
                    problem=first, count=len(calculation.problems)
                )
            )
        currency = calculation.currency
        return {
            **Money(calculation.grand, currency).to_json(),
            "by_account": [
                {
                    "code": account.code,
                    "name": account.name,
                    "name_zh": account.name_zh,
                    "group": account.group,
                    **Money(calculation.accounts[account.id], currency).to_json(),
                }
                for account in self.inputs.accounts
            ],
        }


def current_budget(session: Session, production_id: int, currency: str | None = None) -> CurrentBudget:
    return _budget_with_links(session, production_id, schedule_links(session, production_id), currency)


def _budget_with_links(
    session: Session, production_id: int, links: Links, currency: str | None = None
) -> CurrentBudget:
    inputs = load_inputs(session, production_id, currency)
    plan = apply_links(inputs, links)  # puts the schedule's figures into the inputs, before they are worked out
    return CurrentBudget(inputs, calculate(inputs), plan, links)
