"""The budget workbook's sheets of totals (studio.exports.budget_xlsx): the Top Sheet (each account as
SUMIFS over Detail and Fringes, grouped, with the direct and grand totals), the Actuals and the Cost
Report (budget, paid, committed, to complete, at completion, variance per account)."""

from __future__ import annotations

from collections import defaultdict

from openpyxl.utils import get_column_letter

from studio.budget.calculation import Account
from studio.exports.budget_cells import (
    ACTUALS,
    BOLD,
    CENTRED,
    COST_REPORT,
    DATE_FORMAT,
    DETAIL,
    FIRST_ROW,
    FRINGES,
    GRAND_BORDER,
    GRAND_FONT,
    GROUP_FILL,
    NUMBER_WIDTH,
    PERCENT_FORMAT,
    TOP,
    TOTAL_FILL,
    SheetCells,
    money_format,
    sheet_reference,
)
from studio.exports.budget_words import GROUPS
from studio.exports.names import named
from studio.exports.xlsx_cells import Grid
from studio.models.enums import AccountGroup, CostStatus

GROUP_ORDER = (
    AccountGroup.ABOVE_THE_LINE.value,
    AccountGroup.BELOW_THE_LINE.value,
    AccountGroup.POST.value,
    AccountGroup.OTHER.value,
)
TOTALS = AccountGroup.TOTALS.value


class TotalsSheets(SheetCells):
    # The Top Sheet.

    def write_top_sheet(self, worksheet: Grid) -> None:
        w, report = self.words, self.currency
        with_zh = "zh" in self.lang
        headings = [w("Code"), w("Account")]
        if with_zh:
            headings.append(w("Chinese name"))
        headings += [w("Percent"), w("Total in {currency}", currency=report)]
        self.heading(worksheet, TOP, headings)
        percent_column = len(headings) - 1
        total_column = len(headings)
        total = get_column_letter(total_column)
        percent = get_column_letter(percent_column)
        width = len(headings)
        groups: dict[str, list[Account]] = defaultdict(list)
        for account in self.inputs.accounts:
            groups[account.group].append(account)
        order = [g for g in GROUP_ORDER if g in groups] + [g for g in groups if g not in GROUP_ORDER and g != TOTALS]
        # Rows first: a totals account refers to the direct total, below the groups.
        row = FIRST_ROW
        plan: list[tuple[str, int, object]] = []
        group_totals = []
        for group in order:
            plan.append(("group", row, group))
            row += 1
            first = row
            for account in groups[group]:
                self.layout.account_rows[account.id] = row
                plan.append(("account", row, account))
                row += 1
            plan.append(("subtotal", row, (group, first, row - 1)))
            group_totals.append(row)
            row += 1
        direct_row = row
        row += 1
        totals_rows = []
        for account in groups.get(TOTALS, []):
            self.layout.account_rows[account.id] = row
            totals_rows.append(row)
            plan.append(("account", row, account))
            row += 1
        grand_row = row
        receivers = {share.account_id for share in self.calculation.shares}
        lines_in = {line.account_id for line in self.ordered}
        for kind, row, item in plan:
            if kind == "group":
                self.text(worksheet, row, 1, w(GROUPS.get(item, "Other")))
                self.style_row(worksheet, row, width, font=BOLD, fill=GROUP_FILL)
            elif kind == "subtotal":
                group, first, last = item
                self.text(worksheet, row, 2, f"{w('Total')} — {w(GROUPS.get(group, 'Other'))}")
                formula = f"=SUM({total}{first}:{total}{last})" if last >= first else "=0"
                self.formula(worksheet, row, total_column, formula, self.money_format)
                self.style_row(worksheet, row, width, font=BOLD, fill=TOTAL_FILL)
            else:
                account = item
                self.text(worksheet, row, 1, account.code)
                self.text(worksheet, row, 2, account.name)
                if with_zh:
                    self.text(worksheet, row, 3, account.name_zh)
                terms = []
                if account.group != TOTALS or account.id in lines_in:
                    terms.append(self.detail_sum(row))
                if account.holds_fringes or account.id in receivers:
                    terms.append(self.fringe_sum(row))
                if account.group == TOTALS and account.percent:
                    self.number(worksheet, row, percent_column, account.percent, PERCENT_FORMAT)
                    terms.append(f"ROUND(${total}${direct_row}*{percent}{row}/100,{self.digits})")
                terms = [term for term in terms if term] or ["0"]
                self.formula(worksheet, row, total_column, "=" + "+".join(terms), self.money_format)
        self.text(worksheet, direct_row, 2, w("Direct total"))
        direct = "+".join(f"{total}{r}" for r in group_totals) or "0"
        self.formula(worksheet, direct_row, total_column, f"={direct}", self.money_format)
        self.style_row(worksheet, direct_row, width, font=BOLD, fill=TOTAL_FILL, border=GRAND_BORDER)
        self.text(worksheet, grand_row, 2, w("Grand total"))
        grand = f"={total}{direct_row}" + "".join(f"+{total}{r}" for r in totals_rows)
        self.formula(worksheet, grand_row, total_column, grand, self.money_format)
        self.style_row(worksheet, grand_row, width, font=GRAND_FONT, border=GRAND_BORDER)
        self.fixed[worksheet.title].update({1: 8, percent_column: 10, total_column: NUMBER_WIDTH + 5})
        worksheet.freeze_panes = f"A{FIRST_ROW}"

    def detail_sum(self, row: int) -> str:
        first, last = self.layout.lines
        if not self.ordered:
            return ""
        sheet = sheet_reference(DETAIL)
        return f"SUMIFS({sheet}!$L${first}:$L${last},{sheet}!$B${first}:$B${last},$A{row})"

    def fringe_sum(self, row: int) -> str:
        first, last = self.layout.share_rows
        if last < first:
            return ""
        sheet = sheet_reference(FRINGES)
        return f"SUMIFS({sheet}!$M${first}:$M${last},{sheet}!$N${first}:$N${last},$A{row})"

    # Actuals and the cost report.

    def write_actuals(self, worksheet: Grid) -> None:
        w, report = self.words, self.currency
        self.heading(
            worksheet,
            ACTUALS,
            [
                w("Date"),
                w("Account"),
                w("Vendor"),
                w("Description"),
                w("Reference"),
                w("Status"),
                w("Amount"),
                w("Currency"),
                w("Rate to {currency}", currency=report),
                w("In {currency}", currency=report),
            ],
        )
        rates = self.inputs.rates
        row = FIRST_ROW
        for converted in self.report.entries:
            entry = converted.entry
            self.number(worksheet, row, 1, entry.entry_date, DATE_FORMAT)
            self.text(worksheet, row, 2, self.accounts[entry.account_id].code, CENTRED)
            self.text(worksheet, row, 3, entry.vendor)
            self.text(worksheet, row, 4, entry.description)
            self.text(worksheet, row, 5, entry.reference)
            self.text(worksheet, row, 6, self.status(entry.status))
            self.number(worksheet, row, 7, entry.amount.amount, money_format(entry.currency))
            self.text(worksheet, row, 8, entry.currency)
            self.rate_cell(worksheet, row, 9, rates.lookup(entry.currency, report, entry.entry_date))
            self.formula(worksheet, row, 10, f"=ROUND(G{row}*I{row},{self.digits})", self.money_format)
            row += 1
        self.layout.actuals = (FIRST_ROW, row - 1)
        if row > FIRST_ROW:
            self.text(worksheet, row, 4, w("Total"))
            self.formula(worksheet, row, 10, f"=SUM(J{FIRST_ROW}:J{row - 1})", self.money_format)
            self.style_row(worksheet, row, 10, font=BOLD, border=GRAND_BORDER)
        self.fixed[worksheet.title].update({1: 11, 2: 8, 7: NUMBER_WIDTH, 9: 12, 10: NUMBER_WIDTH + 1})
        worksheet.freeze_panes = f"A{FIRST_ROW}"

    def status(self, status: str) -> str:
        return self.words("Paid") if status == CostStatus.PAID.value else self.words("Committed")

    def write_cost_report(self, worksheet: Grid) -> None:
        w = self.words
        headings = [
            w("Code"),
            w("Account"),
            w("Budget"),
            w("Paid"),
            w("Committed"),
            w("To complete"),
            w("At completion"),
            w("Variance"),
        ]
        self.heading(worksheet, COST_REPORT, headings)
        top = sheet_reference(TOP)
        total_column = get_column_letter(5 if "zh" in self.lang else 4)
        first, last = self.layout.actuals
        sheet = sheet_reference(ACTUALS)
        row = FIRST_ROW
        for account in self.inputs.accounts:
            self.text(worksheet, row, 1, account.code)
            self.text(worksheet, row, 2, named(self.lang, account.name, account.name_zh))
            self.formula(
                worksheet, row, 3, f"={top}!${total_column}${self.layout.account_rows[account.id]}", self.money_format
            )
            for column, status in ((4, CostStatus.PAID.value), (5, CostStatus.COMMITTED.value)):
                if last >= first:
                    formula = (
                        f"=SUMIFS({sheet}!$J${first}:$J${last},{sheet}!$B${first}:$B${last},$A{row},"
                        f'{sheet}!$F${first}:$F${last},"{self.status(status)}")'
                    )
                else:
                    formula = "=0"
                self.formula(worksheet, row, column, formula, self.money_format)
            self.formula(worksheet, row, 6, f"=MAX(0,C{row}-D{row}-E{row})", self.money_format)
            self.formula(worksheet, row, 7, f"=D{row}+E{row}+F{row}", self.money_format)
            self.formula(worksheet, row, 8, f"=C{row}-G{row}", self.money_format)
            row += 1
        self.text(worksheet, row, 2, w("Total"))
        for column in range(3, 9):
            letter = get_column_letter(column)
            formula = f"=SUM({letter}{FIRST_ROW}:{letter}{row - 1})" if row > FIRST_ROW else "=0"
            self.formula(worksheet, row, column, formula, self.money_format)
        self.style_row(worksheet, row, len(headings), font=BOLD, border=GRAND_BORDER)
        self.fixed[worksheet.title].update({1: 8, **{column: NUMBER_WIDTH + 2 for column in range(3, 9)}})
        worksheet.freeze_panes = f"C{FIRST_ROW}"
