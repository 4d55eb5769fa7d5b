"""The budget as an Excel workbook an accountant can follow: every figure the app works out is a live
formula here, written step by step as calculation.py's docstring states the rules, so the workbook
recalculated by Excel or LibreOffice shows the app's totals to the cent.

- Top Sheet: each account (grouped above the line, below the line, post, other) as SUMIFS over the
  Detail and Fringes sheets; the direct total; contingency and overhead as their percent (a visible
  cell) of the direct total, rounded; the grand total.
- Detail: a row per line, grouped by account: amount (a number, or a formula over the globals' defined
  names) × multiplier × rate, rounded to the line currency's minor unit; its rate to the report currency
  (looked up in Currencies); the converted total, rounded; its fringes (the sum of its Fringes rows).
- Fringes: the fringe table, then a row per fringe on each line in budget order: the cap per person in
  the line's currency, the capped base (a payee's cap is shared by their lines: what their rows above
  already used is taken off), the amount, and the converted amount with the account it goes to.
- Globals: each global's value (or its formula over other globals), each a workbook defined name.
- Currencies: the exchange rates as entered, and the rates used, each a formula over the rate entered
  (=ROUND(1/rate, 8) for an inverse).
- Cost Report and Actuals: each account's budget (the Top Sheet's), paid and committed (SUMIFS over the
  actuals, each converted at the rate of its date), to complete, at completion and the variance.

A budget that cannot be totalled (a line without a rate, a broken formula) is refused, never written
wrong. Every piece of text the producer typed is a text cell, so "=HYPERLINK(…)" stays text.

Writing cells and their styles is `budget_cells`'; the Top Sheet, Actuals and Cost Report are
`budget_totals_xlsx`'; the book here plans where everything is and writes the other sheets.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from sqlmodel import Session

from studio.budget.calculation import (
    Account,
    BudgetInputs,
    Calculation,
    FringeRule,
    FringeShare,
    Line,
    global_formula,
    line_formula,
)
from studio.budget.cost_report import CostReport, cost_entries, cost_report
from studio.budget.totals import current_budget
from studio.errors import InvalidInput, UserError
from studio.exchange import RATE_PLACES, RateUsed
from studio.exports.budget_cells import (
    ACTUALS,
    BOLD,
    CENTRED,
    COST_REPORT,
    CURRENCIES,
    DATE_FORMAT,
    DETAIL,
    FIRST_ROW,
    FRINGES,
    GLOBALS,
    GRAND_BORDER,
    GROUP_FILL,
    HEADER_ROW,
    NUMBER_WIDTH,
    PERCENT_FORMAT,
    QUANTITY_FORMAT,
    RATE_FORMAT,
    SHEETS,
    TOP,
    TOTAL_FILL,
    money_format,
    sheet_reference,
)
from studio.exports.budget_totals_xlsx import TotalsSheets
from studio.exports.budget_words import SOURCES, UNITS, Words
from studio.exports.files import write_atomically
from studio.exports.names import named
from studio.exports.xlsx_cells import Grid, Out, Styles, save_with_cells
from studio.exports.xlsx_pages import PrintedPage, set_up_printing
from studio.i18n import _
from studio.models import Production
from studio.models.enums import FringeKind
from studio.money import minor_unit_digits

LANGUAGES = ("en", "zh", "en+zh")
FREEZE_FRINGE_TABLE_UP_TO = 12  # more fringes than this: the calculation's headings are not frozen below them


def write_budget(session: Session, production_id: int, out: Path, currency: str | None, lang: str) -> Path:
    """Write the budget, its fringes, globals, rates and cost report as an xlsx of live formulas."""
    if lang not in LANGUAGES:
        raise InvalidInput(_("unknown language {lang}: choose en, zh or en+zh").format(lang=lang))
    if Path(out).suffix.lower() != ".xlsx":
        raise UserError(_("cannot write a budget as {name}: choose a file ending in .xlsx").format(name=Path(out).name))
    production = session.get(Production, production_id)
    current = current_budget(session, production_id, currency)
    current.to_json()  # refuses a budget with a problem, naming the first
    report = cost_report(current, cost_entries(session, production_id))
    if report.problems:
        raise InvalidInput(str(report.problems[0]))
    book = BudgetBook(production, current.inputs, current.calculation, report, Words(lang), lang)
    return write_atomically(Path(out), book.save)


# Where things are: planned before anything is written, since the sheets refer to one another.


@dataclass
class Layout:
    globals: dict[str, str] = field(default_factory=dict)  # name → Globals!$B$n
    rate_rows: dict[int, int] = field(default_factory=dict)  # exchange_rate id → its row on Currencies
    to_report: tuple[int, int] = (0, 0)  # the rows of "rates to the report currency" on Currencies
    other_rates: dict[tuple[str, str], int] = field(default_factory=dict)  # (from, to) → row on Currencies
    line_rows: dict[int, int] = field(default_factory=dict)  # line id → row on Detail
    lines: tuple[int, int] = (0, 0)  # the first and last rows of Detail's lines (and headings between)
    fringe_rows: dict[int, int] = field(default_factory=dict)  # fringe id → its row in the fringe table
    share_rows: tuple[int, int] = (0, 0)  # the first and last rows of the fringe calculation
    share_header: int = 0
    line_shares: dict[int, tuple[int, int]] = field(default_factory=dict)  # line id → its fringe rows
    account_rows: dict[int, int] = field(default_factory=dict)  # account id → its row on the Top Sheet
    actuals: tuple[int, int] = (0, 0)


class BudgetBook(TotalsSheets):
    def __init__(
        self,
        production: Production,
        inputs: BudgetInputs,
        calculation: Calculation,
        report: CostReport,
        words: Words,
        lang: str,
    ):
        self.production, self.inputs, self.calculation, self.report = production, inputs, calculation, report
        self.words, self.lang = words, lang
        self.currency = calculation.currency
        self.digits = minor_unit_digits(self.currency)
        self.money_format = money_format(self.currency)
        self.accounts = {account.id: account for account in inputs.accounts}
        self.fringes = {fringe.id: fringe for fringe in inputs.fringes}
        self.ordered = inputs.ordered_lines()
        self.line_of = {line.id: line for line in self.ordered}
        self.layout = Layout()
        self.title = {"en": production.title, "zh": production.title_zh or production.title}.get(
            lang, production.display_title()
        )
        self.generated = dt.date.today()
        self.widths: dict[str, dict[int, float]] = defaultdict(dict)  # the widest text in each column
        self.fixed: dict[str, dict[int, float]] = defaultdict(dict)  # set widths: numbers, wrapped text
        self.header_rows: dict[str, list[int]] = defaultdict(list)
        self.tall: dict[str, dict[int, int]] = defaultdict(dict)  # rows of wrapped text: how many lines

    # The workbook.

    def save(self, path: Path) -> None:
        sheets = {name: Grid(name) for name in SHEETS}
        self.write_globals(sheets[GLOBALS])
        self.write_currencies(sheets[CURRENCIES])
        self.plan_fringes()
        self.write_detail(sheets[DETAIL])
        self.write_fringes(sheets[FRINGES])
        self.write_top_sheet(sheets[TOP])
        self.write_actuals(sheets[ACTUALS])
        self.write_cost_report(sheets[COST_REPORT])
        # openpyxl writes the workbook around the cells: sheets, styles, widths, frozen panes, printing and
        # the globals' names; the cells themselves are written straight into each sheet's XML.
        workbook = Workbook()
        workbook.remove(workbook.active)
        workbook.properties.title = f"{self.title} — {self.words('Budget')}"
        workbook.properties.creator = "Cliffhanger"
        styles = Styles()
        cells = {}
        for name, grid in sheets.items():
            worksheet = workbook.create_sheet(name)
            for column, width in self.set_widths(grid).items():
                worksheet.column_dimensions[get_column_letter(column)].width = width
            worksheet.freeze_panes = grid.freeze_panes
            self.set_up_printing(worksheet, name)
            cells[name] = grid.xml(styles.ids(worksheet, grid))
        for name, reference in self.layout.globals.items():
            workbook.defined_names[name] = DefinedName(name, attr_text=reference)
        workbook.active = 0
        save_with_cells(workbook, cells, path)

    # Globals.

    def write_globals(self, worksheet: Grid) -> None:
        w = self.words
        self.heading(worksheet, GLOBALS, [w("Name"), w("Value"), w("Description"), w("Kept up to date from")])
        items = self.inputs.globals
        for offset, item in enumerate(items):
            row = FIRST_ROW + offset
            self.layout.globals[item.name] = f"{sheet_reference(GLOBALS)}!$B${row}"
        for offset, item in enumerate(items):
            row = FIRST_ROW + offset
            self.text(worksheet, row, 1, item.name).font = BOLD
            value = global_formula(item)
            if isinstance(value, Decimal):
                self.number(worksheet, row, 2, value, QUANTITY_FORMAT)
            else:
                self.formula(worksheet, row, 2, "=" + value.spreadsheet(), QUANTITY_FORMAT)
            self.text(worksheet, row, 3, item.description)
            if item.source:
                kind = item.source.split(":")[0]
                self.text(worksheet, row, 4, w(SOURCES[kind]) if kind in SOURCES else item.source)
        self.fixed[worksheet.title].update({2: NUMBER_WIDTH})
        worksheet.freeze_panes = f"B{FIRST_ROW}"

    # Currencies.

    def write_currencies(self, worksheet: Grid) -> None:
        w, report = self.words, self.currency
        rates = self.inputs.rates
        self.heading(
            worksheet,
            CURRENCIES,
            [w("From"), w("To"), w("Effective from"), w("Exchange rate")],
            note=w("Exchange rates entered: 1 unit of From = rate units of To"),
        )
        entries = sorted(rates.entries, key=lambda e: (e.from_currency, e.to_currency, e.effective_date, e.id or 0))
        row = FIRST_ROW
        for entry in entries:
            self.text(worksheet, row, 1, entry.from_currency)
            self.text(worksheet, row, 2, entry.to_currency)
            self.number(worksheet, row, 3, entry.effective_date, DATE_FORMAT)
            self.number(worksheet, row, 4, entry.rate, RATE_FORMAT)
            self.layout.rate_rows[entry.id] = row
            row += 1
        # The rates used, in the same columns (the rate in D): to the report currency, one per currency a
        # line is in (Detail looks a line's up), then any other.
        headings = [w("From"), w("To"), "", w("Exchange rate"), w("Basis")]
        currencies = sorted({line.currency for line in self.ordered} | {report}, key=lambda c: (c != report, c))
        row += 1
        self.section(worksheet, row, w("Rates to {currency} used by the budget lines", currency=report))
        self.header_row(worksheet, row + 1, headings)
        row += 2
        first = row
        for code in currencies:
            used = rates.lookup(code, report)
            self.text(worksheet, row, 1, code).font = BOLD
            self.text(worksheet, row, 2, report)
            self.rate_cell(worksheet, row, 4, used, local=True)
            self.text(worksheet, row, 5, self.basis(used))
            row += 1
        self.layout.to_report = (first, row - 1)
        # Other rates: a fringe's cap or flat amount in a line's currency.
        pairs = sorted(
            {
                (fringe.currency, line.currency)
                for line in self.ordered
                for fringe in (self.fringes[fid] for fid in line.fringe_ids if fid in self.fringes)
                if fringe.currency != line.currency and (fringe.cap is not None or fringe.kind == FringeKind.FLAT.value)
            }
        )
        if pairs:
            row += 1
            self.section(worksheet, row, w("Other rates used: fringe caps and flat amounts in a line's currency"))
            self.header_row(worksheet, row + 1, headings)
            row += 2
            for source, target in pairs:
                used = rates.lookup(source, target)
                self.text(worksheet, row, 1, source).font = BOLD
                self.text(worksheet, row, 2, target)
                self.rate_cell(worksheet, row, 4, used, local=True)
                self.text(worksheet, row, 5, self.basis(used))
                self.layout.other_rates[source, target] = row
                row += 1
        self.fixed[worksheet.title].update({1: 8, 2: 8, 3: 12, 4: 14})
        worksheet.freeze_panes = f"A{FIRST_ROW}"

    def rate_cell(self, worksheet: Grid, row: int, column: int, used: RateUsed, local: bool = False) -> Out:
        """A rate as a formula over the rate entered: =D5, =ROUND(1/D5,8) for an inverse, 1 for one currency."""
        if used.entry is None:
            return self.number(worksheet, row, column, Decimal(1), RATE_FORMAT)
        prefix = "" if local else f"{sheet_reference(CURRENCIES)}!"
        cell = f"{prefix}$D${self.layout.rate_rows[used.entry.id]}"
        formula = f"=ROUND(1/{cell},{RATE_PLACES})" if used.inverse else f"={cell}"
        return self.formula(worksheet, row, column, formula, RATE_FORMAT)

    def basis(self, used: RateUsed) -> str:
        if used.entry is None:
            return self.words("same currency")
        entry = used.entry
        date = entry.effective_date.isoformat()
        if used.inverse:
            pair = f"{entry.from_currency}→{entry.to_currency}"
            return self.words("inverse of {pair} entered {date}, to 8 places", pair=pair, date=date)
        return self.words("latest rate entered, {date}", date=date)

    # Detail.

    def plan_fringes(self) -> None:
        """Where the fringe table and each share's row go (Detail's fringe column sums a line's rows)."""
        layout = self.layout
        for offset, fringe in enumerate(self.inputs.fringes):
            layout.fringe_rows[fringe.id] = FIRST_ROW + offset
        layout.share_header = FIRST_ROW + len(self.inputs.fringes) + 2
        first = layout.share_header + 1
        for index, share in enumerate(self.calculation.shares):
            row = first + index
            start, _end = layout.line_shares.get(share.line_id, (row, row))
            layout.line_shares[share.line_id] = (start, row)
        layout.share_rows = (first, first + len(self.calculation.shares) - 1)

    def write_detail(self, worksheet: Grid) -> None:
        w, report = self.words, self.currency
        headings = [
            w("Line"),
            w("Account"),
            w("Description"),
            w("Payee"),
            w("Amount"),
            w("Unit"),
            w("Multiplier"),
            w("Rate"),
            w("Currency"),
            w("Total"),
            w("Rate to {currency}", currency=report),
            w("In {currency}", currency=report),
            w("Fringes in {currency}", currency=report),
            w("Fringes"),
            w("Notes"),
        ]
        self.heading(worksheet, DETAIL, headings)
        lo, hi = self.layout.to_report
        lookup = f"{sheet_reference(CURRENCIES)}!$A${lo}:$D${hi}"
        fringes_sheet = sheet_reference(FRINGES)
        by_account: dict[int, list[Line]] = defaultdict(list)
        for line in self.ordered:
            by_account[line.account_id].append(line)
        row, number, subtotals = FIRST_ROW, 0, []
        for account in self.inputs.accounts:
            lines = by_account.get(account.id)
            if not lines:
                continue
            self.text(worksheet, row, 2, account.code)
            self.text(worksheet, row, 3, named(self.lang, account.name, account.name_zh))
            self.style_row(worksheet, row, len(headings), font=BOLD, fill=GROUP_FILL)
            row += 1
            first = row
            for line in lines:
                number += 1
                self.layout.line_rows[line.id] = row
                self.write_line(worksheet, row, number, account, line, lookup, fringes_sheet)
                row += 1
            self.text(
                worksheet, row, 3, f"{w('Total')} {account.code} {named(self.lang, account.name, account.name_zh)}"
            )
            for column in (12, 13):
                letter = get_column_letter(column)
                self.formula(worksheet, row, column, f"=SUM({letter}{first}:{letter}{row - 1})", self.money_format)
            self.style_row(worksheet, row, len(headings), font=BOLD, fill=TOTAL_FILL)
            subtotals.append(row)
            row += 1
        self.layout.lines = (FIRST_ROW, max(FIRST_ROW, row - 1))
        if subtotals:
            row += 1
            self.text(worksheet, row, 3, w("Total of all lines"))
            for column in (12, 13):
                letter = get_column_letter(column)
                span = f"{letter}{FIRST_ROW}:{letter}{row - 2}"
                self.formula(
                    worksheet, row, column, f'=SUMIF($A{FIRST_ROW}:$A{row - 2},">0",{span})', self.money_format
                )
            self.style_row(worksheet, row, len(headings), font=BOLD, border=GRAND_BORDER)
        self.fixed[worksheet.title].update(
            {1: 6, 2: 8, 4: 18, 5: 9, 7: 8, 8: NUMBER_WIDTH, 10: NUMBER_WIDTH + 1, 11: 12, 12: NUMBER_WIDTH + 2}
        )
        self.fixed[worksheet.title].update({13: NUMBER_WIDTH})
        worksheet.freeze_panes = f"D{FIRST_ROW}"

    def write_line(
        self, worksheet: Grid, row: int, number: int, account: Account, line: Line, lookup: str, fringes: str
    ) -> None:
        digits = minor_unit_digits(line.currency)
        own = money_format(line.currency)
        self.number(worksheet, row, 1, number, "0", CENTRED)
        self.text(worksheet, row, 2, account.code, CENTRED)
        self.text(worksheet, row, 3, line.description)
        self.text(worksheet, row, 4, line.payee)
        formula = line_formula(line)
        if formula is None:
            self.number(worksheet, row, 5, line.amount, QUANTITY_FORMAT)
        else:
            self.formula(worksheet, row, 5, "=" + formula.spreadsheet(), QUANTITY_FORMAT)
        self.text(worksheet, row, 6, self.words(UNITS[line.unit]) if line.unit in UNITS else line.unit)
        self.number(worksheet, row, 7, line.multiplier, QUANTITY_FORMAT)
        self.number(worksheet, row, 8, line.rate, own)
        self.text(worksheet, row, 9, line.currency)
        self.formula(worksheet, row, 10, f"=ROUND(E{row}*G{row}*H{row},{digits})", own)
        self.formula(worksheet, row, 11, f"=VLOOKUP(I{row},{lookup},4,FALSE)", RATE_FORMAT)
        self.formula(worksheet, row, 12, f"=ROUND(J{row}*K{row},{self.digits})", self.money_format)
        shares = self.layout.line_shares.get(line.id)
        if shares:
            first, last = shares
            span = f"{fringes}!M{first}" if first == last else f"SUM({fringes}!M{first}:M{last})"
            self.formula(worksheet, row, 13, f"={span}", self.money_format)
        codes = [self.fringes[fid].code for fid in line.fringe_ids if fid in self.fringes]
        self.text(worksheet, row, 14, ", ".join(codes))
        self.text(worksheet, row, 15, line.notes)

    # Fringes.

    def write_fringes(self, worksheet: Grid) -> None:
        w, report, layout = self.words, self.currency, self.layout
        self.heading(
            worksheet,
            FRINGES,
            [
                w("Code"),
                w("Name"),
                w("Kind"),
                w("Percent"),
                w("Flat amount"),
                w("Cap per person"),
                w("Currency"),
                w("Total in {currency}", currency=report),
            ],
        )
        first, last = layout.share_rows
        has_shares = last >= first
        for fringe in self.inputs.fringes:
            row = layout.fringe_rows[fringe.id]
            own = money_format(fringe.currency)
            self.text(worksheet, row, 1, fringe.code).font = BOLD
            self.text(worksheet, row, 2, fringe.name)
            kind = "Flat fringe" if fringe.kind == FringeKind.FLAT.value else "Percent fringe"
            self.text(worksheet, row, 3, w(kind))
            if fringe.percent is not None:
                self.number(worksheet, row, 4, fringe.percent, PERCENT_FORMAT)
            if fringe.flat is not None:
                self.number(worksheet, row, 5, fringe.flat, own)
            if fringe.cap is not None:
                self.number(worksheet, row, 6, fringe.cap, own)
            self.text(worksheet, row, 7, fringe.currency)
            total = f"=SUMIFS($M${first}:$M${last},$E${first}:$E${last},A{row})" if has_shares else "=0"
            self.formula(worksheet, row, 8, total, self.money_format).font = BOLD
        header = layout.share_header
        self.section(worksheet, header - 1, w("Fringe on each line, in budget order"))
        self.header_row(
            worksheet,
            header,
            [
                w("Line"),
                w("Account"),
                w("Payee"),
                w("Payee no."),
                w("Fringe"),
                w("Base"),
                w("Currency"),
                w("People"),
                w("Cap per person"),
                w("Capped base"),
                w("Amount"),
                w("Rate to {currency}", currency=report),
                w("In {currency}", currency=report),
                w("Goes to"),
            ],
        )
        payees: dict[str, int] = {}
        for index, share in enumerate(self.calculation.shares):
            line = self.line_of[share.line_id]
            if line.payee:
                payees.setdefault(line.payee, len(payees) + 1)
            self.write_share(worksheet, first + index, share, line, payees.get(line.payee))
        self.fixed[worksheet.title].update(
            {1: 7, 4: NUMBER_WIDTH, 5: NUMBER_WIDTH, 6: NUMBER_WIDTH, 8: 12, 9: NUMBER_WIDTH, 10: NUMBER_WIDTH}
        )
        self.fixed[worksheet.title].update({11: NUMBER_WIDTH, 12: 12, 13: NUMBER_WIDTH + 1, 14: 9})
        frozen = header + 1 if len(self.inputs.fringes) <= FREEZE_FRINGE_TABLE_UP_TO else FIRST_ROW
        worksheet.freeze_panes = f"A{frozen}"

    def write_share(self, worksheet: Grid, row: int, share: FringeShare, line: Line, payee: int | None) -> None:
        fringe = self.fringes[share.fringe_id]
        rule = self.layout.fringe_rows[fringe.id]
        detail = self.layout.line_rows[line.id]
        digits = minor_unit_digits(line.currency)
        own = money_format(line.currency)
        sheet = sheet_reference(DETAIL)
        header = self.layout.share_header
        self.formula(worksheet, row, 1, f"={sheet}!$A${detail}", "0", CENTRED)
        self.text(worksheet, row, 2, self.accounts[line.account_id].code, CENTRED)
        self.text(worksheet, row, 3, line.payee)
        if payee is not None:
            self.number(worksheet, row, 4, payee, "0", CENTRED)
        self.text(worksheet, row, 5, fringe.code)
        self.formula(worksheet, row, 6, f"={sheet}!$J${detail}", own)
        self.text(worksheet, row, 7, line.currency)
        if line.payee:
            self.number(worksheet, row, 8, 1, QUANTITY_FORMAT)
        else:
            self.formula(worksheet, row, 8, f"={sheet}!$G${detail}", QUANTITY_FORMAT)
        converted_rate = self.fringe_rate(fringe, line)
        if fringe.cap is not None:
            self.formula(worksheet, row, 9, "=" + in_line_currency(f"$F${rule}", converted_rate, digits), own)
        # The capped base: what the fringe is on. A payee's cap is shared by their lines: what the rows
        # above (the same payee and fringe) already used is taken off.

        def above(column: str) -> str:
            return f"${column}${header}:{column}{row - 1}"

        same = f"{above('D')},D{row},{above('E')},E{row}"
        if fringe.cap is None:
            capped = f"=F{row}"
        elif line.payee:
            capped = f"=MIN(F{row},MAX(0,I{row}-SUMIFS({above('J')},{same})))"
        else:
            capped = f"=MIN(F{row},I{row}*H{row})"
        self.formula(worksheet, row, 10, capped, own)
        if fringe.kind == FringeKind.FLAT.value:
            flat = in_line_currency(f"$E${rule}", converted_rate, digits)
            # A payee's flat amount is paid once, on their first line with it; else per person.
            amount = f"=IF(COUNTIFS({same})=0,{flat},0)" if line.payee else f"=ROUND({flat}*H{row},{digits})"
        else:
            amount = f"=ROUND(J{row}*$D${rule}/100,{digits})"
        self.formula(worksheet, row, 11, amount, own)
        self.formula(worksheet, row, 12, f"={sheet}!$K${detail}", RATE_FORMAT)
        self.formula(worksheet, row, 13, f"=ROUND(K{row}*L{row},{self.digits})", self.money_format)
        self.text(worksheet, row, 14, self.accounts[share.account_id].code, CENTRED)

    def fringe_rate(self, fringe: FringeRule, line: Line) -> str | None:
        """The cell holding the rate from the fringe's currency to the line's (None: the same currency)."""
        if fringe.currency == line.currency:
            return None
        return f"{sheet_reference(CURRENCIES)}!$D${self.layout.other_rates[fringe.currency, line.currency]}"

    def set_up_printing(self, worksheet: Grid, name: str) -> None:
        w = self.words
        header = self.layout.share_header if name == FRINGES else HEADER_ROW
        printed = PrintedPage(
            self.title,
            f"{w('Budget')} — {name}",
            f"{w('Generated')} {self.generated.isoformat()}",
            self.production.company,
            w("Page {number}"),
        )
        set_up_printing(worksheet, f"{header}:{header}", printed)


def in_line_currency(cell: str, rate: str | None, digits: int) -> str:
    """A fringe's cap or flat amount in the line's currency: itself, or converted and rounded."""
    return cell if rate is None else f"ROUND({cell}*{rate},{digits})"
