"""For head office: the budget's top sheet, the cost report and the estimated final cost in one PDF, in
English, Chinese or both, every account's figures in the report currency and what it comes to in the
shoot's own currency beside it (each actual converted at its own date's rate, as the cost report does).

Its titled tables are laid out as the production report's are (dpr_pdf).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from sqlmodel import Session

from studio.budget.cost_report import CostReport, cost_entries, cost_report
from studio.budget.totals import current_budget
from studio.day_reports.final_cost import FinalCost, final_cost
from studio.exports.contacts import Translate, translator
from studio.exports.dpr import Cell, DprDocument, Table
from studio.exports.names import named
from studio.money import Money
from studio.productions import get_production


def write_head_office(
    session: Session, production_id: int, target: Path, currency: str | None = None, lang: str = "en"
) -> Path:
    """Write the head-office report as a PDF; `currency`: the report currency (default: the production's)."""
    from studio.exports.dpr_pdf import write_pdf  # here: reportlab only for this PDF

    production = get_production(session, production_id)
    report = currency or production.reporting_currency
    shoot = production.base_currency
    final = final_cost(session, production_id, report)
    costs = cost_report(current_budget(session, production_id, report), cost_entries(session, production_id))
    final_in_shoot = final if shoot == report else final_cost(session, production_id, shoot)
    document = head_office_document(
        (production.title, production.title_zh, production.company), costs, final, final_in_shoot, lang
    )
    return write_pdf(document, target)


def head_office_document(
    production: tuple[str, str, str],
    costs: CostReport,
    final: FinalCost,
    final_in_shoot: FinalCost,
    lang: str,
    today: dt.date | None = None,
) -> DprDocument:
    _ = translator(lang)  # named so for extraction into the catalogue
    title, title_zh, company = production
    report, shoot = final.currency, final_in_shoot.currency
    return DprDocument(
        title=named(lang, title, title_zh),
        company=company,
        document=_("Budget, cost report and estimated final cost"),
        day=_("In {report}; the shoot's currency {shoot} beside it").format(report=report, shoot=shoot),
        generated=f"{_('Generated')} {(today or dt.date.today()).isoformat()}",
        page=_("Page {number}"),
        currency=report,
        tables=[
            _top_sheet(final, final_in_shoot, lang, _),
            _cost_report(costs, lang, _),
            _final_cost(final, final_in_shoot, lang, _),
            _per_episode(final, final_in_shoot, _),
        ],
    )


def _in(amount: Decimal, currency: str) -> str:
    """An amount in a currency other than the document's, as a cell shows it."""
    return f"{Money(amount, currency).amount:,} {currency}"


def _account(line, lang: str) -> list[Cell]:
    return [line.code, named(lang, line.name, line.name_zh)]


def _top_sheet(final: FinalCost, in_shoot: FinalCost, lang: str, _: Translate) -> Table:
    rows: list[list[Cell]] = [
        [*_account(line, lang), line.budget, _in(other.budget, in_shoot.currency)]
        for line, other in zip(final.lines, in_shoot.lines, strict=True)
    ]
    rows.append(["", _("Total"), final.total.budget, _in(in_shoot.total.budget, in_shoot.currency)])
    budget = _("Budget ({currency})")
    return Table(
        "top_sheet",
        _("Budget top sheet"),
        [_("Account"), _("Name"), budget.format(currency=final.currency), budget.format(currency=in_shoot.currency)],
        rows,
        money=(2, 3),
        widths=(1, 4, 2, 2),
    )


def _cost_report(costs: CostReport, lang: str, _: Translate) -> Table:
    figures = ("budget", "paid", "committed", "to_complete", "at_completion", "variance")
    rows: list[list[Cell]] = [
        [*_account(line, lang), *(getattr(line, name) for name in figures)] for line in costs.lines
    ]
    rows.append(["", _("Total"), *(getattr(costs.total, name) for name in figures)])
    headings = [
        _("Budget"),
        _("Paid"),
        _("Committed"),
        _("Budget left"),
        _("At completion, by the budget"),
        _("Variance"),
    ]
    return Table(
        "cost_report",
        _("Cost report ({currency})").format(currency=costs.currency),
        [_("Account"), _("Name"), *headings],
        rows,
        money=tuple(range(2, 8)),
        widths=(1, 4, 2, 2, 2, 2, 2, 2),
        note=_(
            "The budget's view: what is paid and committed, plus what is left of each account's budget, as if "
            "the rest of the shoot spends no more than that. The estimated final cost below weighs the days "
            "reported against their plans and prices the days left as planned now."
        ),
    )


def _final_cost(final: FinalCost, in_shoot: FinalCost, lang: str, _: Translate) -> Table:
    figures = ("budget", "actual", "remaining_plan", "remaining", "at_completion", "variance")

    def row(line, other, name: list[Cell]) -> list[Cell]:
        return [*name, *(getattr(line, figure) for figure in figures), _in(other.at_completion, in_shoot.currency)]

    rows = [row(line, other, _account(line, lang)) for line, other in zip(final.lines, in_shoot.lines, strict=True)]
    rows.append(row(final.total, in_shoot.total, ["", _("Total")]))
    headings = [
        _("Budget"),
        _("Actual to date"),
        _("Days left, as planned"),
        _("To complete"),
        _("At completion, estimated"),
        _("Variance"),
        _("At completion, estimated ({currency})").format(currency=in_shoot.currency),
    ]
    return Table(
        "final_cost",
        _("Estimated final cost ({currency})").format(currency=final.currency),
        [_("Account"), _("Name"), *headings],
        rows,
        money=tuple(range(2, 9)),
        widths=(1, 4, 2, 2, 2, 2, 2, 2, 2),
        note=_(
            "Actual to date: the cost report's entries and the labour of the days reported, as reported. Days "
            "left, as planned: the labour of the days not reported yet, as planned now. To complete: what is "
            "left of the budget once the days reported are taken out as planned, or the days left as planned, "
            "whichever is more. At completion: actual to date and to complete."
        ),
    )


def _per_episode(final: FinalCost, in_shoot: FinalCost, _: Translate) -> Table:
    finished = sum(episode.finished for episode in final.episodes)
    rows: list[list[Cell]] = [
        [_("Per episode"), final.per_episode, _in(in_shoot.per_episode, in_shoot.currency)],
        [_("Per minute of screen time"), final.per_screen_minute, _in(in_shoot.per_screen_minute, in_shoot.currency)],
        [_("Episodes finished"), f"{finished} / {len(final.episodes)}", ""],
    ]
    return Table(
        "per_episode",
        _("What an episode costs"),
        [_("At completion, estimated"), final.currency, in_shoot.currency],
        rows,
        money=(1, 2),
        widths=(4, 2, 2),
    )
