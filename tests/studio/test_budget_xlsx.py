"""The budget workbook read back from real files: written, recalculated by LibreOffice (one run for every
workbook here), and compared with the app's Decimal figures to the cent, in the production's currency
and in another, with caps crossed across a payee's lines, flat fringes, yen and an inverse rate."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text
from sqlmodel import select

from studio.budget.calculation import Calculation
from studio.budget.cost_report import CostReport, cost_entries, cost_report
from studio.budget.totals import CurrentBudget, current_budget
from studio.currencies import ensure_currency
from studio.errors import InvalidInput, UserError
from studio.exports.budget_xlsx import Words, write_budget
from studio.models import BudgetAccount, CostEntry
from studio.money import Money
from studio.records import add_row
from studio.storage.db import open_database

ROOT = Path(__file__).resolve().parents[2]
HYPERLINK = '=HYPERLINK("http://example.com/x","click")'
VENDOR = "=2+3"
PAYEE = "@SUM(A1)"
SHEETS = ["Top Sheet", "Detail", "Fringes", "Globals", "Currencies", "Cost Report", "Actuals"]


@dataclass
class Book:
    path: Path  # as written: formulas, no values
    values: Path  # recalculated by LibreOffice
    currency: str
    lang: str
    current: CurrentBudget
    report: CostReport

    @property
    def calculation(self) -> Calculation:
        return self.current.calculation


# The budgets: the demo as it is, and the demo with the cases a spreadsheet gets wrong most easily.


def _account_id(session, code: str) -> int:
    return session.exec(select(BudgetAccount.id).where(BudgetAccount.code == code)).one()


def _line(session, code: str, **values: str) -> int:
    """Add a line as the app does; its currency before its rate, its fringes last (they need its id)."""
    values = {"amount_entry": "1", "unit": "FLAT", **values}
    first = {key: values.pop(key) for key in ("description", "currency") if key in values}
    last = {key: values.pop(key) for key in ("fringe_codes",) if key in values}
    return add_row(session, "budget_line", {"account_id": _account_id(session, code)}, first | values | last)


def add_hard_cases(path: Path) -> None:
    database = open_database(path)
    with database.transaction() as session:
        meal = {"code": "MEAL", "name": "Meal allowance", "kind": "FLAT", "currency": "USD", "flat_amount": "25"}
        add_row(session, "fringe", {"production_id": 1}, meal)
        ensure_currency(session, "JPY")  # first: adding a rate in a new currency fails (a known bug in add_row)
        for target, rate in (("USD", "0.0067"), ("CNY", "0.048")):
            values = {"from_currency": "JPY", "to_currency": target, "rate": rate, "effective_date": "2027-01-05"}
            add_row(session, "exchange_rate", {"production_id": 1}, values)
        add_row(session, "budget_global", {"production_id": 1}, {"name": "HALF_DAYS", "value_entry": "SHOOT_DAYS / 2"})
        # A payee's pay crosses FUTA's 7,000 cap on their second line; the meal is paid once.
        crosser = {"payee": "Pat Crosser", "fringe_codes": "FUTA, CA-SUI, MEAL", "currency": "USD"}
        _line(session, "2500", description="Key grip: Pat Crosser", amount_entry="10", rate="500", **crosser)
        _line(
            session,
            "2500",
            description="Pat Crosser, rigging days",
            amount_entry="HALF_DAYS * 2",
            rate="400",
            **crosser,
        )
        # No payee: 8 people, so 8 caps and 8 meals.
        _line(
            session,
            "2500",
            description="Grips (8 a day)",
            amount_entry="10",
            multiplier="8",
            rate="1000",
            currency="USD",
            fringe_codes="FUTA, MEAL",
        )
        # Yen: no decimals; the USD cap in yen is at the inverse of JPY→USD.
        _line(
            session,
            "3300",
            description="Tokyo pick-up shots",
            amount_entry="3",
            multiplier="1.5",
            rate="12345",
            currency="JPY",
            payee="Kenji Sato",
            fringe_codes="FUTA",
        )
        # A yuan line with a dollar cap.
        colorist = {"payee": "Wang Hao", "fringe_codes": "FUTA", "currency": "CNY"}
        _line(session, "5000", description="Colorist", amount_entry="20", rate="3000", **colorist)
        # Text that looks like a formula, stored behind the edit rules' back.
        odd = _line(session, "6800", description="placeholder", rate="10", currency="USD")
        session.execute(
            text("update budget_line set description = :d, payee = :p, notes = :n where id = :id"),
            {"d": HYPERLINK, "p": PAYEE, "n": "+1 555 0100", "id": odd},
        )
        session.execute(text("update cost_entry set vendor = :v where id = 1"), {"v": VENDOR})
        session.execute(text("update budget_global set description = :d where name = 'OT_HOURS'"), {"d": "-1+2"})
        add_row(
            session,
            "cost_entry",
            {"production_id": 1},
            {
                "account_id": _account_id(session, "3300"),
                "entry_date": "2027-01-12",
                "vendor": "Tokyo Crew",
                "currency": "JPY",
                "amount": "50000",
                "status": "PAID",
            },
        )
    database.close()


# Writing and recalculating every workbook once.


def recalculate(paths: list[Path], folder: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    folder.mkdir()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder.parent / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture(scope="module")
def books(demo_template, tmp_path_factory) -> dict[str, Book]:
    folder = tmp_path_factory.mktemp("budget-xlsx")
    plain, hard = folder / "plain.sqlite", folder / "hard.sqlite"
    shutil.copyfile(demo_template, plain)
    shutil.copyfile(demo_template, hard)
    add_hard_cases(hard)
    wanted = {
        "demo": (plain, None, "en"),
        "demo-usd": (plain, "USD", "en+zh"),  # written by the command line
        "hard-usd": (hard, "USD", "en"),
        "hard-cny": (hard, None, "zh"),
    }
    books = {}
    for name, (database_path, currency, lang) in wanted.items():
        path = folder / f"{name}.xlsx"
        if name == "demo-usd":
            command = ("export", "budget", "--db", str(database_path), "--out", str(path))
            result = cli(*command, "--currency", "USD", "--lang", lang)
            assert result.returncode == 0, result.stderr
        database = open_database(database_path)
        with database.session() as session:
            current = current_budget(session, 1, currency)
            report = cost_report(current, cost_entries(session, 1))
            if name != "demo-usd":
                write_budget(session, 1, path, currency, lang)
        database.close()
        books[name] = Book(
            path, folder / "recalculated" / path.name, current.calculation.currency, lang, current, report
        )
    recalculate([book.path for book in books.values()], folder / "recalculated")
    return books


# Reading the recalculated figures.


def cents(value: object, digits: int = 2) -> str:
    """A recalculated figure as the app writes it: exact to the minor unit, as a decimal string."""
    assert isinstance(value, int | float), value
    assert abs(value - round(value, digits)) < 1e-6, value  # a rounded figure, not one that drifted
    return f"{value:.{digits}f}"


def digits(currency: str) -> int:
    return 0 if currency == "JPY" else 2


def app(amount: Decimal, currency: str) -> str:
    """The app's figure as its JSON writes it ("0.00", not "0")."""
    return str(Money(amount, currency).amount)


def top_sheet(book: Book) -> tuple[dict[str, object], dict[str, object]]:
    """(figures by account code, figures by the label in column B) on the recalculated Top Sheet."""
    sheet = load_workbook(book.values, data_only=True)["Top Sheet"]
    total_column = max(cell.column for cell in sheet[4] if cell.value)
    by_code = {row[0].value: row[total_column - 1].value for row in sheet.iter_rows(min_row=5) if row[0].value}
    by_label = {row[1].value: row[total_column - 1].value for row in sheet.iter_rows(min_row=5) if row[1].value}
    return by_code, by_label


def number_rows(sheet, first: int = 5) -> list[tuple]:
    """The rows whose first cell is a number: Detail's lines, the Fringes sheet's shares."""
    return [row for row in sheet.iter_rows(min_row=first, values_only=True) if isinstance(row[0], int | float)]


@pytest.mark.parametrize("name", ["demo", "demo-usd", "hard-usd", "hard-cny"])
def test_every_total_equals_the_app_to_the_cent(books, name):
    book = books[name]
    calculation, inputs = book.calculation, book.current.inputs
    words, currency = Words(book.lang), book.currency
    by_code, by_label = top_sheet(book)
    for account in inputs.accounts:
        assert cents(by_code[account.code]) == app(calculation.accounts[account.id], currency), account.code
    assert cents(by_label[words("Direct total")]) == app(calculation.direct, currency)
    assert cents(by_label[words("Grand total")]) == app(calculation.grand, currency)
    totals = {a.code: calculation.accounts[a.id] for a in inputs.accounts if a.group == "TOTALS"}
    assert set(totals) == {"9000", "9100"} and all(totals.values())  # contingency and overhead
    workbook = load_workbook(book.values, data_only=True)
    # Each line: its total in its own currency, converted, and its fringes.
    lines = number_rows(workbook["Detail"])
    assert len(lines) == len(inputs.lines)
    for line, row in zip(inputs.ordered_lines(), lines, strict=True):
        worked = calculation.lines[line.id]
        assert cents(row[9], digits(line.currency)) == app(worked.total, line.currency), line.description
        assert cents(row[11]) == app(worked.converted, currency)
        assert cents(row[12] or 0) == app(worked.fringes, currency)
    # Each fringe on each line, in budget order.
    shares = number_rows(workbook["Fringes"])
    assert len(shares) == len(calculation.shares)
    for share, row in zip(calculation.shares, shares, strict=True):
        line_digits = digits(row[6])  # in the line's currency
        assert cents(row[9], line_digits) == app(share.capped, row[6])
        assert cents(row[10], line_digits) == app(share.amount, row[6])
        assert cents(row[12]) == app(share.converted, currency)
    # The cost report, account by account and in total.
    report = workbook["Cost Report"]
    rows = {row[0]: row for row in report.iter_rows(min_row=5, values_only=True) if row[0]}
    names = ("budget", "paid", "committed", "to_complete", "at_completion", "variance")
    for line in book.report.lines:
        assert [cents(value) for value in rows[line.code][2:8]] == [app(getattr(line, n), currency) for n in names], (
            line.code
        )
    total = next(row for row in report.iter_rows(min_row=5, values_only=True) if row[1] == words("Total"))
    assert [cents(value) for value in total[2:8]] == [app(getattr(book.report.total, n), currency) for n in names]
    actuals = [row for row in workbook["Actuals"].iter_rows(min_row=5, values_only=True) if row[0] and row[1]]
    assert [cents(row[9]) for row in actuals] == [app(entry.converted, currency) for entry in book.report.entries]


def test_a_payees_cap_is_shared_by_their_lines_and_people_multiply_it(books):
    book = books["hard-usd"]
    shares = number_rows(load_workbook(book.values, data_only=True)["Fringes"])
    mine = [(row[2], row[4], row[9], row[10]) for row in shares if row[2] == "Pat Crosser"]
    # 10 days × 500 = 5,000 then 9 × 400 = 3,600: FUTA (0.6%) and SUI (3.4%) stop at the first 7,000.
    assert mine == [
        ("Pat Crosser", "FUTA", 5000, 30),
        ("Pat Crosser", "CA-SUI", 5000, 170),
        ("Pat Crosser", "MEAL", 5000, 25),
        ("Pat Crosser", "FUTA", 2000, 12),
        ("Pat Crosser", "CA-SUI", 2000, 68),
        ("Pat Crosser", "MEAL", 3600, 0),  # a flat fringe is paid once per payee
    ]
    grips = [(row[4], row[7], row[8], row[9], row[10]) for row in shares if row[5] == 80000]
    # 10 × 8 people × 1,000 = 80,000; 8 caps of 7,000 = 56,000; 8 meals of 25.
    assert grips == [("FUTA", 8, 7000, 56000, 336), ("MEAL", 8, None, 80000, 200)]


def test_yen_rounds_to_whole_yen_and_converts_to_dollars(books):
    workbook = load_workbook(books["hard-usd"].values, data_only=True)
    (tokyo,) = [row for row in number_rows(workbook["Detail"]) if row[2] == "Tokyo pick-up shots"]
    # 3 × 1.5 × 12,345 = 55,552.5 → 55,553 yen × 0.0067 = 372.2051 → 372.21 USD
    assert (tokyo[8], tokyo[9], tokyo[10], tokyo[11]) == ("JPY", 55553, 0.0067, 372.21)
    (futa,) = [row for row in number_rows(workbook["Fringes"]) if row[2] == "Kenji Sato"]
    # The 7,000 USD cap in yen at 1 / 0.0067 = 149.25373134: 1,044,776 yen; 0.6% of 55,553 = 333 yen.
    assert (futa[8], futa[9], futa[10], futa[12]) == (1044776, 55553, 333, 2.23)
    written = load_workbook(books["hard-usd"].path)
    currencies = written["Currencies"]
    other = [row for row in currencies.iter_rows(min_row=5) if row[0].value == "USD" and row[1].value == "JPY"]
    assert other and other[0][3].value.startswith("=ROUND(1/$D$")


def test_an_inverse_rate_is_a_formula_over_the_rate_entered(books):
    book = books["demo"]  # only CNY→USD is entered; the report is in CNY
    written = load_workbook(book.path)["Currencies"]
    usd = next(row for row in written.iter_rows(min_row=5) if row[0].value == "USD" and row[1].value == "CNY")
    formula = usd[3].value
    assert formula.startswith("=ROUND(1/$D$") and formula.endswith(",8)")
    entered = written[formula[len("=ROUND(1/") : -len(",8)")].replace("$", "")]
    assert (entered.offset(column=-3).value, entered.offset(column=-2).value, entered.value) == ("CNY", "USD", 0.1392)
    recalculated = load_workbook(book.values, data_only=True)["Currencies"]
    assert recalculated[usd[3].coordinate].value == pytest.approx(7.18390805, abs=1e-12)


def test_the_workbook_is_live_formulas_over_named_globals(books):
    workbook = load_workbook(books["hard-usd"].path)
    assert workbook.sheetnames == SHEETS
    assert {"SHOOT_DAYS", "EPISODES", "OT_HOURS", "HALF_DAYS"} <= set(workbook.defined_names)
    half = workbook.defined_names["HALF_DAYS"]
    sheet, cell = next(iter(half.destinations))
    assert sheet == "Globals" and workbook[sheet][cell].value == "=SHOOT_DAYS/2"
    detail = workbook["Detail"]
    lines = [row for row in detail.iter_rows(min_row=5) if isinstance(row[0].value, int)]
    amounts = {row[2].value: row[4].value for row in lines}
    assert amounts["Pat Crosser, rigging days"] == "=HALF_DAYS*2" and amounts["Director: Zhang Wei"] == "=SHOOT_DAYS"
    for row in lines:
        number = row[0].row
        digits_of_line = 0 if row[8].value == "JPY" else 2
        assert row[9].value == f"=ROUND(E{number}*G{number}*H{number},{digits_of_line})"
        assert row[10].value.startswith(f"=VLOOKUP(I{number},Currencies!$A$")
        assert row[11].value == f"=ROUND(J{number}*K{number},2)"
    top = workbook["Top Sheet"]
    formulas = {row[0].value: row[3].value for row in top.iter_rows(min_row=5) if row[0].value}
    assert formulas["1400"].startswith("=SUMIFS(Detail!$L$") and "Fringes!" not in formulas["1400"]
    assert formulas["1900"].count("SUMIFS(") == 2 and "Fringes!$M$" in formulas["1900"]
    contingency = next(row for row in top.iter_rows(min_row=5) if row[0].value == "9000")
    assert contingency[2].value == 10 and f"*C{contingency[0].row}/100,2)" in contingency[3].value
    fringes = [row for row in workbook["Fringes"].iter_rows(min_row=5) if str(row[0].value).startswith("=Detail!")]
    payee = next(row for row in fringes if row[2].value == "Pat Crosser" and row[4].value == "FUTA")
    assert payee[9].value.startswith(f"=MIN(F{payee[0].row},MAX(0,I{payee[0].row}-SUMIFS(")
    grips = next(row for row in fringes if row[3].value is None and row[4].value == "FUTA")
    assert grips[9].value == f"=MIN(F{grips[0].row},I{grips[0].row}*H{grips[0].row})"
    report = workbook["Cost Report"]
    committed = next(row for row in report.iter_rows(min_row=5) if row[0].value == "3300")[4].value
    assert committed.startswith("=SUMIFS(Actuals!$J$") and '"Committed"' in committed
    actuals = {row[7].value: row[8].value for row in workbook["Actuals"].iter_rows(min_row=5) if row[1].value}
    # Currencies: CNY→USD from 2027-01-04 and 2027-01-10 (rows 5, 6), JPY→CNY (7), JPY→USD (8).
    assert actuals == {"USD": 1, "CNY": "=Currencies!$D$6", "JPY": "=Currencies!$D$8"}
    in_yuan = load_workbook(books["demo"].path)["Actuals"]
    rates = {row[8].value for row in in_yuan.iter_rows(min_row=5) if row[7].value == "USD"}
    assert rates == {"=ROUND(1/Currencies!$D$5,8)", "=ROUND(1/Currencies!$D$6,8)"}  # each at its date's rate


def test_formula_looking_text_stays_text(books):
    for name in ("hard-usd", "hard-cny"):
        written = load_workbook(books[name].path)
        line = next(row for row in written["Detail"].iter_rows(min_row=5) if row[2].value == HYPERLINK)
        assert line[2].data_type == "s" and line[3].value == PAYEE and line[3].data_type == "s"
        assert line[14].value == "+1 555 0100" and line[14].data_type == "s"
        vendor = next(row[2] for row in written["Actuals"].iter_rows(min_row=5) if row[2].value == VENDOR)
        assert vendor.data_type == "s"
        ot_hours = next(row for row in written["Globals"].iter_rows(min_row=5) if row[0].value == "OT_HOURS")
        assert ot_hours[2].value == "-1+2" and ot_hours[2].data_type == "s"
    recalculated = load_workbook(books["hard-usd"].values, data_only=True)
    texts = {cell.value for row in recalculated["Detail"].iter_rows(min_row=5) for cell in row}
    assert {HYPERLINK, PAYEE, "+1 555 0100"} <= texts and "click" not in texts
    assert VENDOR in {row[2] for row in recalculated["Actuals"].iter_rows(min_row=5, values_only=True)}


def test_ready_to_read_and_print(books):
    workbook = load_workbook(books["demo-usd"].path)
    frozen = {sheet.title: sheet.freeze_panes for sheet in workbook}
    assert frozen == {
        "Top Sheet": "A5",
        "Detail": "D5",
        "Fringes": frozen["Fringes"],
        "Globals": "B5",
        "Currencies": "A5",
        "Cost Report": "C5",
        "Actuals": "A5",
    }
    fringes = workbook["Fringes"]
    header = int(frozen["Fringes"][1:]) - 1
    assert fringes.cell(row=header, column=5).value == "Fringe 附加费用项目"  # the calculation's headings stay
    for sheet in workbook:
        assert sheet.page_setup.orientation == "landscape", sheet.title
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
        header_row = header if sheet.title == "Fringes" else 4
        assert sheet.print_title_rows == f"${header_row}:${header_row}", sheet.title
        assert sheet.cell(row=header_row, column=1).font.b, sheet.title
    top = workbook["Top Sheet"]
    assert [cell.value for cell in top[4]] == [
        "Code 代码",
        "Account 科目",
        "Chinese name 中文名称",
        "Percent 百分比",
        "Total in USD 合计 USD",
    ]
    assert top["C6"].value == "剧本与版权" and top["A5"].value == "Above the line 线上费用"
    money = next(row for row in workbook["Detail"].iter_rows(min_row=5) if isinstance(row[0].value, int))
    assert money[11].number_format == "#,##0.00" and money[7].number_format == "#,##0.00"
    chinese = load_workbook(books["hard-cny"].path)
    assert chinese["Top Sheet"]["B4"].value == "科目" and chinese["Cost Report"]["D4"].value == "已付"
    yen = next(row for row in chinese["Detail"].iter_rows(min_row=5) if row[8].value == "JPY")
    assert yen[7].number_format == "#,##0" and yen[9].number_format == "#,##0"


def test_the_command_line_total_and_the_workbook_agree(books, tmp_path):
    book = books["demo-usd"]
    database = tmp_path / "plain.sqlite"
    shutil.copyfile(books["demo"].path.parent / "plain.sqlite", database)
    result = cli("budget", "total", "--db", str(database), "--currency", "USD", "--json")
    assert result.returncode == 0, result.stderr
    total = json.loads(result.stdout)
    _by_code, by_label = top_sheet(book)
    assert cents(by_label[Words("en+zh")("Grand total")]) == total["amount"] and total["currency"] == "USD"
    assert total["amount"] == str(book.calculation.grand)


def test_a_budget_with_a_problem_is_refused_and_nothing_is_written(demo, tmp_path):
    target = tmp_path / "budget.xlsx"
    target.write_bytes(b"the last good export")
    with demo.transaction() as session:
        _line(session, "2200", description="Paris scout", rate="100", currency="EUR")
    with demo.session() as session, pytest.raises(InvalidInput, match="Paris scout.*no exchange rate from EUR"):
        write_budget(session, 1, target, None, "en")
    assert target.read_bytes() == b"the last good export"
    assert [path.name for path in tmp_path.iterdir() if path.suffix == ".xlsx"] == ["budget.xlsx"]


def test_an_actual_without_a_rate_is_refused(demo, tmp_path):
    with demo.transaction() as session:
        entry = session.exec(select(CostEntry).where(CostEntry.id == 1)).one()
        entry.currency = "EUR"
    with demo.session() as session, pytest.raises(InvalidInput, match="no exchange rate from EUR"):
        write_budget(session, 1, tmp_path / "budget.xlsx", None, "en")
    assert not (tmp_path / "budget.xlsx").exists()


def test_only_xlsx_and_known_languages(demo, tmp_path):
    with demo.session() as session:
        with pytest.raises(UserError, match="xlsx"):
            write_budget(session, 1, tmp_path / "budget.pdf", None, "en")
        with pytest.raises(InvalidInput, match="unknown language"):
            write_budget(session, 1, tmp_path / "budget.xlsx", None, "fr")
        with pytest.raises(InvalidInput, match="unknown currency"):
            write_budget(session, 1, tmp_path / "budget.xlsx", "XYZ", "en")


def test_lines_are_read_in_budget_order(books):
    # Guard for the row matching above: Detail's lines are the budget's lines, in its order.
    written = load_workbook(books["hard-usd"].path)["Detail"]
    descriptions = [row[2].value for row in written.iter_rows(min_row=5) if isinstance(row[0].value, int)]
    inputs = books["hard-usd"].current.inputs
    assert descriptions == [line.description for line in inputs.ordered_lines()]
    assert dt.date.today().isoformat() in written["A2"].value
