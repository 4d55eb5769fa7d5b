"""`report day|start|post|final-cost` and `export dpr` from the command line, on The Night Desk with
day 1 reported two hours over with a late lunch (its figures are worked by hand in
tests/studio/test_day_reports.py and test_day_report_costs.py): the JSON, the PDF read back with
pdftotext, the workbook read back with openpyxl and recalculated by LibreOffice, and bad input refused
with one line and nothing written."""

from __future__ import annotations

import json
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from studio import operations
from studio.models import CostEntry, DayReport
from studio.storage.db import open_database
from tests.command_line import assert_one_clear_line, run
from tests.studio.day_report_production import night_desk, start, two_hours_over_with_a_late_lunch
from tests.studio.test_budget_xlsx import recalculate


@pytest.fixture(scope="module")
def reported(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("desk") / "desk.sqlite"
    desk = night_desk(path)
    start(desk, 0)
    two_hours_over_with_a_late_lunch(desk)
    desk.database.close()
    return path


@pytest.fixture
def desk_path(reported, tmp_path) -> Path:
    copy = tmp_path / "desk.sqlite"
    copy.write_bytes(reported.read_bytes())
    return copy


def ok(*args: str) -> subprocess.CompletedProcess:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    return result


def test_report_day_json_says_what_the_day_did(desk_path):
    report = json.loads(ok("report", "day", "--db", str(desk_path), "--day", "1", "--json").stdout)
    assert (report["day"], report["of"], report["date"]) == (1, 2, "2027-01-11")
    assert report["times"]["camera_wrap"] == "19:00" and report["times"]["lunch"] == "13:45–14:15"
    assert report["hot_cost"]["total"] == {"planned": "4460.00", "actual": "5987.50", "variance": "1527.50"}
    assert report["hot_cost"]["overtime"] == {"planned": "810.00", "actual": "1777.50", "variance": "967.50"}
    assert report["overtime"] == {"hours": "5.8", "amount": "1777.50"}  # Ava 4.3 (12.3 - 8), Cora 1.5
    assert report["penalties"]["amount"] == "110.00"
    ava = next(person for person in report["people"] if person["name"] == "Ava Stone")
    assert (ava["paid_hours"], ava["overtime"], ava["meal_penalties"], ava["late_meals"]) == (
        "12.3",
        "1710.00",
        "110.00",
        [3],
    )
    assert report["scenes"]["completed"] == 2 and report["to_date"]["remaining"]["pages"] == "1"
    # day 2's planned overtime beyond the allowance and Ava's forced call after day 1's late wrap too, and
    # their fringes (tests/studio/test_day_report_costs.py works them)
    assert report["final_cost"]["variance"] == "-4750.62"
    text = ok("report", "day", "--db", str(desk_path), "--day", "1").stdout
    assert "Hot cost: 5987.50 USD against 4460.00 planned (1527.50 over)" in text  # the variance said, not signed
    assert "against a budget of" in text and "(4750.62 over)" in text


def posted_state(desk_path) -> str:
    return json.loads(ok("report", "day", "--db", str(desk_path), "--day", "1", "--json").stdout)["posted"]


def test_posting_and_the_final_cost(desk_path):
    assert posted_state(desk_path) == "no"
    posted = json.loads(ok("report", "post", "--db", str(desk_path), "--day", "1", "--json").stdout)
    assert posted == {"day": 1, "entries": 8}  # pay, overtime, penalties and fringes by account
    assert posted_state(desk_path) == "yes"
    cost = json.loads(ok("report", "final-cost", "--db", str(desk_path), "--json").stdout)
    assert cost["total"]["variance"] == "-4750.62" and cost["currency"] == "USD"
    cast = next(account for account in cost["accounts"] if account["code"] == "1400")
    assert (cast["budget"], cast["remaining_plan"], cast["at_completion"]) == ("5470.00", "4410.00", "8430.00")
    assert (cast["name"], cast["name_zh"]) == ("Cast", "演员")
    said = ok("report", "final-cost", "--db", str(desk_path)).stdout
    assert "1400 Cast: budget 5470.00, at completion 8430.00 (2960.00 over)" in said
    assert_one_clear_line(run("budget", "approve", "now", "--db", str(desk_path)), "only a saved version is approved")
    approved = json.loads(ok("budget", "save-version", "Shoot", "--approved", "--db", str(desk_path), "--json").stdout)
    assert approved["approved"] is True
    said = ok("report", "final-cost", "--db", str(desk_path)).stdout
    assert "against the approved budget, Shoot, of" in said.splitlines()[-1]
    said = ok("--lang", "zh_CN", "report", "final-cost", "--db", str(desk_path)).stdout
    assert said.startswith("1400 演员") and "Cast" not in said  # each account by its Chinese name
    database = open_database(desk_path)
    with database.session() as session:
        assert sum(entry.amount.amount for entry in session.exec(select(CostEntry)).all()) == Decimal(
            "6446.42"
        )  # 4987.50 + 1458.92 fringes
    database.close()


def test_the_dpr_as_a_pdf_in_both_languages(desk_path, tmp_path):
    target = tmp_path / "day1.pdf"
    ok("export", "dpr", "--db", str(desk_path), "--day", "1", "--lang", "en+zh", "--out", str(target))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    for expected in (
        "The Night Desk 夜班编辑部",
        "Daily production report / 拍摄日报",
        "Day 1 of 2 · 2027-01-11",
        "Camera wrap / 摄影收工",
        "13:45–14:15",
        "Ava Stone",
        "1,710.00",
        "5,987.50",
        "1,527.50",
        "Hot cost / 当日成本",
        "Makeup /",  # a word never broken in a heading
        "≈1:00",  # scene 1-1's screen time, none entered: estimated
    ):
        assert expected in text, expected
    pages = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "Pages:" in pages


def test_the_dpr_workbook_has_its_hot_cost_as_formulas(desk_path, tmp_path):
    target = tmp_path / "day1.xlsx"
    ok("export", "dpr", "--db", str(desk_path), "--day", "1", "--out", str(target))
    sheet = load_workbook(target)["Hot cost"]
    assert [cell.value for cell in sheet[1]] == ["Hot cost", "Planned (USD)", "Actual (USD)", "Variance (USD)"]
    assert sheet["D2"].value == "=C2-B2" and sheet["B9"].value == "=SUM(B2:B8)"
    recalculate([target], tmp_path / "recalculated")
    values = load_workbook(tmp_path / "recalculated" / "day1.xlsx", data_only=True)["Hot cost"]
    rows = {row[0]: row[1:] for row in values.iter_rows(min_row=2, values_only=True)}
    assert rows["Total"] == (4460, 5987.5, 1527.5)
    assert rows["Overtime"] == (810, 1777.5, 967.5)
    assert load_workbook(target)["Cast"]["A2"].value == "Ava Stone"


def test_schedule_replan_dry_run_says_what_it_would_do_and_changes_nothing(desk_path):
    before = desk_path.read_bytes()
    args = ("schedule", "replan", "--db", str(desk_path), "--from-day", "2", "--work", "1", "--dry-run", "--json")
    report = json.loads(ok(*args).stdout)
    assert (report["applied"], report["unshot_scenes"], report["change"]["shoot_days_added"]) == (False, 0, 0)
    assert report["conflicts"] == 0 and report["cost"]["currency"] == "USD"
    # nothing left unshot: the slip costs nothing, and whatever the re-plan changes is its improvement
    assert report["change"]["amount"] == "0.00" and report["change"]["location_days"] == 0
    saved = Decimal(report["current_cost"]["amount"]) - Decimal(report["cost"]["amount"])
    assert Decimal(report["improvement"]["amount"]) == saved
    assert desk_path.read_bytes() == before
    # A dry run reads only: it runs on the database opened read-only, the same plan, nothing beside it.
    beside = sorted(path.name for path in desk_path.parent.iterdir())
    read_only = json.loads(ok(*args, "--read-only").stdout)
    assert read_only["cost"] == report["cost"] and read_only["applied"] is False
    assert desk_path.read_bytes() == before and sorted(path.name for path in desk_path.parent.iterdir()) == beside


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("report", "day", "--day", "2"), "day 2 (2027-01-12) is not reported yet"),
        (("report", "day", "--day", "7"), "there is no shoot day 7"),
        (("report", "start", "--day", "2"), "day 2 (2027-01-12) has not happened yet"),
        (("report", "start", "--day", "1"), "day 1 (2027-01-11) is already reported"),
        (("export", "dpr", "--day", "1", "--out", "day1.docx"), "choose a file ending in .pdf or .xlsx"),
        (("report", "post", "--day", "1", "--read-only"), "--read-only"),
        (("schedule", "replan", "--from-day", "1", "--work", "1"), "day 1 (2027-01-11) is reported: re-plan from"),
        (("schedule", "replan", "--from-day", "2", "--work", "-1"), "--work must be more than 0 and at most 10000"),
        (("schedule", "replan", "--from-day", "2", "--work", "nan"), "--work must be more than 0"),
        (("schedule", "replan", "--from-day", "2", "--work", "inf"), "--work must be more than 0"),
        (("schedule", "replan", "--from-day", "2", "--time-limit", "3"), "--time-limit must be from 5 to 3600"),
    ],
)
def test_bad_requests_get_one_line_and_change_nothing(desk_path, tmp_path, args, message):
    before = desk_path.read_bytes()
    command, action, *rest = args
    result = run(command, action, "--db", str(desk_path), *rest)
    assert_one_clear_line(result, message)
    assert desk_path.read_bytes() == before
    assert not (tmp_path / "day1.docx").exists()
    database = open_database(desk_path)
    with database.session() as session:
        assert len(session.exec(select(DayReport)).all()) == 1
    database.close()


def test_head_office_gets_the_budget_the_cost_report_and_the_final_cost_in_both_currencies(demo_path, tmp_path):
    """The demo reports in CNY and shoots in USD: each table's total is the command line's own figure."""
    target = tmp_path / "head office.pdf"
    ok("export", "budget", "--db", str(demo_path), "--lang", "en+zh", "--out", str(target))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    totals = [line.split() for line in text.splitlines() if "Total / 合计" in line]
    final = {
        currency: json.loads(
            ok("report", "final-cost", "--db", str(demo_path), "--currency", currency, "--json").stdout
        )
        for currency in ("CNY", "USD")
    }
    budget = json.loads(ok("budget", "total", "--db", str(demo_path), "--json").stdout)

    def shown(amount: str) -> str:
        return f"{Decimal(amount):,}"

    top, costs, efc = totals
    assert final["CNY"]["currency"] == "CNY" and budget["currency"] == "CNY"
    assert top[3:] == [shown(budget["amount"]), shown(final["USD"]["total"]["budget"]), "USD"]
    assert costs[3] == shown(final["CNY"]["total"]["budget"]) and len(costs) == 3 + 6
    cny, usd = final["CNY"]["total"], final["USD"]["total"]
    figures = ("budget", "actual", "remaining_plan", "remaining", "at_completion", "variance")
    assert efc[3:] == [*(shown(cny[figure]) for figure in figures), shown(usd["at_completion"]), "USD"]
    assert cny["remaining_plan"] != cny["remaining"]  # so the columns are told apart
    for heading in (
        "Budget top sheet / 预算汇总表",
        "Estimated final cost (CNY) / 预计最终成本（CNY）",
        "Per episode / 每集",
    ):
        assert heading in text, heading
    assert f"{shown(final['CNY']['per_episode'])} {shown(final['USD']['per_episode'])} USD" in " ".join(text.split())


def test_head_office_says_which_at_completion_is_the_budgets_and_which_the_estimate(demo_path, tmp_path):
    """Each column's heading names its figure, in the order the totals above are checked in; the cost
    report's at completion (what is left of the budget) and the estimated final cost's (the days reported
    and the days left as planned) are told apart, each table saying what its figures are."""
    target = tmp_path / "head office.pdf"
    ok("export", "budget", "--db", str(demo_path), "--lang", "en", "--out", str(target))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    lines = text.splitlines()

    def heading_after(title: str) -> list[str]:
        """A table's header, its two lines cut at their wide gaps (a heading's later words wrap below)."""
        at = next(n for n in range(lines.index(title), len(lines)) if lines[n].startswith("Account"))
        return [part.strip() for line in lines[at : at + 2] for part in line.split("  ") if part.strip()]

    assert heading_after("Cost report (CNY)")[2:] == [
        "Budget",
        "Paid",
        "Committed",
        "Budget left",
        "At completion, by the",
        "Variance",
        "budget",
    ]
    assert heading_after("Estimated final cost (CNY)")[2:] == [
        "Budget",
        "Actual to date",
        "Days left, as",
        "To complete",
        "At completion,",
        "Variance",
        "At completion,",
        "planned",
        "estimated",
        "estimated (USD)",
    ]
    words = " ".join(text.split())
    assert "The budget's view: what is paid and committed, plus what is left of each account's budget" in words
    assert "To complete: what is left of the budget once the days reported are taken out as planned" in words


def test_a_report_changed_after_it_was_posted_says_so_until_posted_again(desk_path):
    ok("report", "post", "--db", str(desk_path), "--day", "1")
    database = open_database(desk_path)
    with database.transaction() as session:
        report = session.exec(select(DayReport)).one()
        operations.edit(session, "day_report", report.id, {"camera_wrap": "20:00"})  # an hour later than posted
    database.close()
    assert posted_state(desk_path) == "out of date"
    text = ok("report", "day", "--db", str(desk_path), "--day", "1").stdout
    assert "Posted to the budget before the report was changed: post it again (report post --day 1)" in text
    ok("report", "post", "--db", str(desk_path), "--day", "1")
    assert posted_state(desk_path) == "yes"
