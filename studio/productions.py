"""Creating, listing and deleting productions."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import available_timezones

from sqlmodel import Session, delete, select

from studio.currencies import ensure_currency
from studio.errors import InvalidInput, ProductionNotFound
from studio.i18n import _
from studio.models import BreakdownCategory, BudgetAccount, Fringe, OvertimeRule, Production
from studio.money import Money, check_currency
from studio.resources import load_json
from studio.validation import timezone


@dataclass
class ProductionDetails:
    title: str
    title_zh: str = ""
    company: str = ""
    base_currency: str = "USD"
    hq_timezone: str = "Asia/Shanghai"
    shoot_timezone: str = "America/Los_Angeles"

    @classmethod
    def of(cls, production: Production) -> ProductionDetails:
        return cls(
            title=production.title,
            title_zh=production.title_zh,
            company=production.company,
            base_currency=production.base_currency,
            hq_timezone=production.hq_timezone,
            shoot_timezone=production.shoot_timezone,
        )

    def validated(self) -> ProductionDetails:
        if not self.title.strip():
            raise InvalidInput(_("a production needs a title"))
        from studio.edits import EDITABLE  # here: listing productions (info, the window) never needs it

        rules = EDITABLE["production"][1]
        return ProductionDetails(
            title=rules["title"](self.title),
            title_zh=rules["title_zh"](self.title_zh),
            company=rules["company"](self.company),
            base_currency=check_currency(self.base_currency),
            hq_timezone=timezone(self.hq_timezone),
            shoot_timezone=timezone(self.shoot_timezone),
        )


def timezone_names() -> list[str]:
    return sorted(available_timezones())


def create_production(session: Session, details: ProductionDetails, production_id: int | None = None) -> Production:
    """A new production with the standard breakdown categories and an empty chart of accounts.

    `production_id` recreates a production under the id it had (redo after undo).
    """
    details = details.validated()
    ensure_currency(session, details.base_currency)
    production = Production(
        id=production_id,
        title=details.title,
        title_zh=details.title_zh,
        company=details.company,
        base_currency=details.base_currency,
        reporting_currency=details.base_currency,
        hq_timezone=details.hq_timezone,
        shoot_timezone=details.shoot_timezone,
    )
    session.add(production)
    session.flush()
    add_standard_templates(session, production.id)
    return production


def add_standard_templates(session: Session, production_id: int) -> None:
    for order, category in enumerate(load_json("templates/breakdown_categories.json")["categories"]):
        session.add(BreakdownCategory(production_id=production_id, sort_order=order, **category))
    for order, account in enumerate(load_json("templates/chart_of_accounts.json")["accounts"]):
        session.add(
            BudgetAccount(
                production_id=production_id,
                code=account["code"],
                name=account["name"],
                name_zh=account["name_zh"],
                account_group=account["group"],
                sort_order=order,
                holds_fringes=account.get("holds_fringes", False),
                percent=Decimal(account["percent"]) if "percent" in account else None,
            )
        )
    for fringe in load_json("templates/fringe_presets.json")["fringes"]:
        ensure_currency(session, fringe["currency"])
        session.add(
            Fringe(
                production_id=production_id,
                code=fringe["code"],
                name=fringe["name"],
                kind=fringe["kind"],
                percent=Decimal(fringe["percent"]),
                cap_minor=Money(Decimal(fringe["cap"]), fringe["currency"]).minor if "cap" in fringe else None,
                currency=fringe["currency"],
                applies_to=fringe["applies_to"],
            )
        )
    add_pay_presets(session, production_id)
    session.flush()


def missing_pay_presets(session: Session, production_id: int) -> list[dict]:
    """The standard pay presets (templates/pay_presets.json) the production has no preset of that name for
    (their Chinese names and notes are for display only: studio.vocabulary)."""
    have = set(session.exec(select(OvertimeRule.name).where(OvertimeRule.production_id == production_id)))
    presets = load_json("templates/pay_presets.json")["presets"]
    return [
        {key: value for key, value in preset.items() if not key.endswith("_zh")}
        for preset in presets
        if preset["name"] not in have
    ]


def add_pay_presets(session: Session, production_id: int) -> int:
    """Add the standard pay presets the production does not have yet; return how many."""
    from studio.records import add_rows  # here, like EDITABLE: listing productions never needs it

    missing = missing_pay_presets(session, production_id)
    if missing:  # the budget's limits checked once for them all
        add_rows(session, "overtime_rule", {"production_id": production_id}, missing)
    return len(missing)


def list_productions(session: Session) -> list[Production]:
    return list(session.exec(select(Production).order_by(Production.id)))


def get_production(session: Session, production_id: int | None) -> Production:
    """The production asked for, or the only one when none is named."""
    if production_id is not None:
        production = session.get(Production, production_id)
        if production is None:
            raise ProductionNotFound(_("there is no production with id {id}").format(id=production_id))
        return production
    productions = list_productions(session)
    if not productions:
        raise ProductionNotFound(_("the database holds no production yet"))
    if len(productions) > 1:
        ids = ", ".join(str(p.id) for p in productions)
        raise ProductionNotFound(
            _("the database holds several productions ({ids}): choose one with --production").format(ids=ids)
        )
    return productions[0]


def delete_production(session: Session, production_id: int) -> None:
    session.exec(delete(Production).where(Production.id == production_id))
