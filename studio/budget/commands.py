"""What `budget total|sync|report|save-version|approve|compare` do: each returns its JSON and its plain text."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal

from sqlmodel import Session, select

from studio.budget.cost_report import cost_entries, cost_report
from studio.budget.schedule_links import sync_schedule_lines
from studio.budget.totals import current_budget
from studio.budget.versions import CURRENT, approve_version, compare_versions, save_version
from studio.errors import InvalidInput
from studio.formatting import over_or_under
from studio.i18n import _
from studio.models import BudgetVersion
from studio.money import Money

Result = tuple[dict, str]


def total(session: Session, production_id: int, args: argparse.Namespace) -> Result:
    report = current_budget(session, production_id, args.currency).to_json()
    lines = [f"{a['code']} {a['name']}: {a['amount']}" for a in report["by_account"] if Decimal(a["amount"])]
    return report, "\n".join([*lines, _("Grand total: {amount} {currency}").format(**report)])


def sync(session: Session, production_id: int, args: argparse.Namespace) -> Result:
    changes = sync_schedule_lines(session, production_id)
    text = "\n".join(str(change) for change in changes) or _("The budget already follows the schedule.")
    return {"changes": [str(change) for change in changes]}, text


def report(session: Session, production_id: int, args: argparse.Namespace) -> Result:
    result = cost_report(current_budget(session, production_id, args.currency), cost_entries(session, production_id))
    if result.problems:
        raise InvalidInput(str(result.problems[0]))
    money = result.to_json()
    rows = [
        f"{a['code']} {a['name']}: budget {a['budget']}, paid {a['paid']}, committed {a['committed']} "
        f"({over_or_under(-Decimal(a['variance']))})"
        for a in money["accounts"]
        if Decimal(a["paid"]) or Decimal(a["committed"])
    ]
    t = money["total"]
    rows.append(
        _("Total: budget {budget}, paid {paid}, committed {committed} ({variance}) {currency}").format(
            currency=result.currency,
            variance=over_or_under(-Decimal(t["variance"])),
            **{k: t[k] for k in ("budget", "paid", "committed")},
        )
    )
    return money, "\n".join(rows)


def save(session: Session, production_id: int, args: argparse.Namespace) -> Result:
    version_id = save_version(session, production_id, args.name)
    if args.approved:
        approve_version(session, production_id, version_id)
        text = _("saved version {name}, the approved budget").format(name=args.name)
    else:
        text = _("saved version {name}").format(name=args.name)
    return {"version_id": version_id, "name": args.name, "approved": args.approved}, text


def approve(session: Session, production_id: int, args: argparse.Namespace) -> Result:
    version_id = _version_id(session, production_id, args.name)
    if version_id is CURRENT:
        raise InvalidInput(_("only a saved version is approved: budget save-version NAME --approved saves one"))
    approve_version(session, production_id, version_id)
    return {"version_id": version_id, "name": args.name, "approved": True}, _(
        "{name} is the approved budget: the final cost is measured against it"
    ).format(name=args.name)


def compare(session: Session, production_id: int, args: argparse.Namespace) -> Result:
    ids = [_version_id(session, production_id, name) for name in (args.left, args.right)]
    comparison = compare_versions(session, production_id, *ids)
    currency = comparison.currency

    def text(amount) -> str:
        return "" if amount is None else str(Money(amount, currency).amount)

    accounts = [
        {"code": a.code, "name": a.name, "left": text(a.left), "right": text(a.right), "difference": text(a.difference)}
        for a in comparison.accounts
    ]
    report = {
        "currency": currency,
        "left": comparison.left_name,
        "right": comparison.right_name,
        "left_total": text(comparison.left_total),
        "right_total": text(comparison.right_total),
        "accounts": accounts,
    }
    rows = [
        f"{a['code']} {a['name']}: {a['left']} → {a['right']} ({a['difference']})"
        for a in accounts
        if a["difference"] and Decimal(a["difference"])
    ]
    rows.append(
        f"{comparison.left_name} {report['left_total']} → {comparison.right_name} {report['right_total']} {currency}"
    )
    return report, "\n".join(rows)


def _version_id(session: Session, production_id: int, name: str) -> int | None:
    if name.lower() == "now":
        return CURRENT
    version_id = session.exec(
        select(BudgetVersion.id).where(BudgetVersion.production_id == production_id, BudgetVersion.name == name)
    ).first()
    if version_id is None:
        raise InvalidInput(_("there is no budget version named {name}").format(name=repr(name)))
    return version_id


BUDGET_ACTIONS: dict[str, Callable[[Session, int, argparse.Namespace], Result]] = {
    "total": total,
    "sync": sync,
    "report": report,
    "save-version": save,
    "approve": approve,
    "compare": compare,
}
