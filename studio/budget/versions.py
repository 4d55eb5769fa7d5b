"""Budget versions: a named, frozen copy of the budget's totals (each account and line, in the report
currency) to compare with another version or with the budget as it is now. One may be the approved
budget, which the estimated final cost is measured against while the budget follows the schedule."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from sqlmodel import Session, select

from studio.budget.totals import CurrentBudget, current_budget
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import BudgetVersion, Production
from studio.money import Money
from studio.validation import not_formula

CURRENT = None  # compare against the budget as it is now


def snapshot(current: CurrentBudget) -> dict:
    calculation = current.calculation
    if calculation.grand is None:
        raise InvalidInput(
            _("a version cannot be saved while the budget has problems: {problem}").format(
                problem=calculation.problems[0]
            )
        )
    accounts = {account.id: account for account in current.inputs.accounts}
    return {
        "currency": calculation.currency,
        "grand": str(calculation.grand),
        "accounts": [
            {"code": a.code, "name": a.name, "name_zh": a.name_zh, "total": str(calculation.accounts[a.id])}
            for a in current.inputs.accounts
        ],
        "lines": [
            {
                "account": accounts[line.account_id].code,
                "description": line.description,
                "total": str(calculation.lines[line.id].converted),
            }
            for line in current.inputs.ordered_lines()
        ],
    }


def save_version(session: Session, production_id: int, name: str) -> int:
    """Freeze the budget as it is now under a name; return the version's id."""
    name = not_formula(str(name or "").strip())
    if not name or len(name) > 120:
        raise InvalidInput(_("a version needs a name of 1 to 120 characters"))
    if name.lower() == "now":
        raise InvalidInput(_("“now” means the budget as it is now: give the version another name"))
    taken = session.exec(
        select(BudgetVersion.id).where(BudgetVersion.production_id == production_id, BudgetVersion.name == name)
    ).first()
    if taken is not None:
        raise InvalidInput(_("there is already a version named {name}").format(name=repr(name)))
    kept = snapshot(current_budget(session, production_id))
    base = session.get(Production, production_id).base_currency
    if base != kept["currency"]:  # the shoot's own figures too, which a report of the shoot is in
        in_base = snapshot(current_budget(session, production_id, base))
        kept["in"] = {base: {"grand": in_base["grand"], "accounts": in_base["accounts"]}}
    version = BudgetVersion(production_id=production_id, name=name, snapshot=json.dumps(kept, ensure_ascii=False))
    session.add(version)
    session.flush()
    return version.id


def approve_version(session: Session, production_id: int, version_id: int) -> None:
    """Make a saved version the approved budget, in place of the one approved before."""
    chosen = session.get(BudgetVersion, version_id)
    if chosen is None or chosen.production_id != production_id:
        raise InvalidInput(_("this version no longer exists (another window may have removed it)"))
    for version in list_versions(session, production_id):
        version.approved = version.id == version_id
    session.flush()


def approved_totals(version: BudgetVersion, currency: str, rate: Callable[[str], Decimal]) -> tuple[Decimal, dict]:
    """A version's grand total and each account's (by code) in `currency`: as kept in it, else converted from
    the report currency it was saved in (`rate(that currency)`: to `currency`)."""
    saved = json.loads(version.snapshot)
    kept = saved if saved["currency"] == currency else saved.get("in", {}).get(currency)
    factor = Decimal(1) if kept is not None else rate(saved["currency"])
    kept = kept or saved

    def converted(amount: str) -> Decimal:
        return Money(Decimal(amount) * factor, currency).amount

    return converted(kept["grand"]), {account["code"]: converted(account["total"]) for account in kept["accounts"]}


def approved_version(session: Session, production_id: int) -> BudgetVersion | None:
    """The approved budget: the version approved last, if any."""
    statement = select(BudgetVersion).where(BudgetVersion.production_id == production_id, BudgetVersion.approved)
    return session.exec(statement.order_by(BudgetVersion.id.desc())).first()


def list_versions(session: Session, production_id: int) -> list[BudgetVersion]:
    statement = select(BudgetVersion).where(BudgetVersion.production_id == production_id)
    return list(session.exec(statement.order_by(BudgetVersion.id)))


@dataclass(frozen=True)
class ComparedAccount:
    code: str
    name: str
    name_zh: str
    left: Decimal | None  # None: the account is not in that version
    right: Decimal | None

    @property
    def difference(self) -> Decimal:
        return (self.right or Decimal(0)) - (self.left or Decimal(0))


@dataclass(frozen=True)
class Comparison:
    left_name: str
    right_name: str
    currency: str
    accounts: list[ComparedAccount]
    left_total: Decimal
    right_total: Decimal


def compare_versions(session: Session, production_id: int, left: int | None, right: int | None) -> Comparison:
    """Two versions (or one and the budget now: CURRENT) side by side, account by account. Both must be
    in the same currency: the rates of a version's day are not kept, so converting would mislead."""
    names_and_snapshots = [_version(session, production_id, version) for version in (left, right)]
    (left_name, left_data), (right_name, right_data) = names_and_snapshots
    if left_data["currency"] != right_data["currency"]:
        raise InvalidInput(
            _("{left} is in {a} and {right} in {b}: compare versions in the same report currency").format(
                left=left_name, a=left_data["currency"], right=right_name, b=right_data["currency"]
            )
        )
    left_accounts = {a["code"]: a for a in left_data["accounts"]}
    right_accounts = {a["code"]: a for a in right_data["accounts"]}
    rows = []
    for code in dict.fromkeys([*left_accounts, *right_accounts]):
        either = right_accounts.get(code) or left_accounts[code]
        rows.append(
            ComparedAccount(
                code,
                either["name"],
                either.get("name_zh", ""),
                Decimal(left_accounts[code]["total"]) if code in left_accounts else None,
                Decimal(right_accounts[code]["total"]) if code in right_accounts else None,
            )
        )
    return Comparison(
        left_name,
        right_name,
        left_data["currency"],
        rows,
        Decimal(left_data["grand"]),
        Decimal(right_data["grand"]),
    )


def _version(session: Session, production_id: int, version_id: int | None) -> tuple[str, dict]:
    if version_id is CURRENT:
        return _("Now"), snapshot(current_budget(session, production_id))
    version = session.get(BudgetVersion, version_id)
    if version is None or version.production_id != production_id:
        raise InvalidInput(_("this version no longer exists (another window may have removed it)"))
    return version.name, json.loads(version.snapshot)
