"""Budget targets (run: python3 dev.py bench budget).

On the demo production grown to a 2,000-line budget (formulas over globals, fringes with caps, payees
across several lines, lines in USD, CNY and JPY):
- `main.py export budget` (the xlsx of live formulas), as a whole process: under 2 s.
- Working the budget out again after one edit (`calculate` on the inputs in memory): under 50 ms.
- Editing a budget line's rate on the demo (`set_field`, with the check that no figure passes the limit of
  15 significant digits, budget.limits), in process: under 20 ms.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from benchmarks.callsheets import whole_process  # noqa: E402
from benchmarks.people import milliseconds  # noqa: E402
from benchmarks.people import verdict as seconds  # noqa: E402
from studio.budget.calculation import calculate  # noqa: E402
from studio.budget.totals import current_budget  # noqa: E402
from studio.currencies import ensure_currency  # noqa: E402
from studio.demo import write_demo  # noqa: E402
from studio.edits import set_field  # noqa: E402
from studio.models import BudgetAccount, BudgetLine, BudgetLineFringe, ExchangeRate, Fringe  # noqa: E402
from studio.models.enums import AccountGroup  # noqa: E402
from studio.money import Money  # noqa: E402
from studio.storage.db import open_database  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
LINES = 2000
AMOUNTS = ["SHOOT_DAYS", "SHOOT_DAYS * 2", "EPISODES / 4", "(SHOOT_DAYS + 3) * OT_HOURS", "", "", ""]
UNITS = ["DAY", "WEEK", "HOUR", "FLAT", "ALLOW", "EPISODE"]
CURRENCIES = [("USD", 100, 900), ("CNY", 300, 5000), ("USD", 50, 400), ("JPY", 5000, 90000)]


def budget_of_2000_lines(path: Path) -> int:
    """The demo with lines added to 2,000: a third with a payee (150 people, so caps are crossed across
    lines), most with fringes; returns how many lines the budget holds."""
    write_demo(path)
    database = open_database(path)
    with database.transaction() as session:
        ensure_currency(session, "JPY")
        for target, rate in (("USD", Decimal("0.0067")), ("CNY", Decimal("0.048"))):
            session.add(
                ExchangeRate(
                    production_id=1,
                    from_currency="JPY",
                    to_currency=target,
                    rate=rate,
                    effective_date=dt.date(2027, 1, 4),
                )
            )
        accounts = [
            row.id
            for row in session.exec(select(BudgetAccount).where(BudgetAccount.production_id == 1))
            if row.account_group != AccountGroup.TOTALS.value and not row.holds_fringes
        ]
        fringes = [row.id for row in session.exec(select(Fringe).where(Fringe.production_id == 1))]
        stored = len(list(session.exec(select(BudgetLine.id))))
        lines = []
        for number in range(LINES - stored):
            paid = number % 3 == 0  # a third name their payee: 150 people, several lines each
            # A payee's lines are in one currency (the calculation refuses a cap across two).
            currency, low, high = CURRENCIES[(number % 150 if paid else number) % len(CURRENCIES)]
            formula = AMOUNTS[number % len(AMOUNTS)]
            line = BudgetLine(
                account_id=accounts[number % len(accounts)],
                sort_order=1000 + number,
                description=f"Benchmark line {number}",
                amount=Decimal(1 + number % 12),
                amount_formula=formula,
                unit=UNITS[number % len(UNITS)],
                multiplier=Decimal(1 + (number % 5 == 0) * 7),
                payee=f"Person {number % 150}" if paid else "",
                currency=currency,
            )
            line.rate = Money(Decimal(low + (number * 37) % (high - low)), currency)
            lines.append(line)
        session.add_all(lines)
        session.flush()
        for number, line in enumerate(lines):
            if number % 4 != 3:
                count = 2 + number % (len(fringes) - 1)
                session.add_all(BudgetLineFringe(line_id=line.id, fringe_id=fid) for fid in fringes[:count])
    with database.session() as session:
        current = current_budget(session, 1)
        assert current.calculation.grand is not None, current.calculation.problems[:1]
        count = len(current.inputs.lines)
    database.close()
    return count


def recalculation(path: Path) -> tuple[list[float], int]:
    """calculate() after changing one line's rate, on the inputs already in memory (as the budget page
    does after an edit)."""
    database = open_database(path)
    with database.session() as session:
        inputs = current_budget(session, 1).inputs
    database.close()
    samples = []
    line = inputs.ordered_lines()[LINES // 2]
    for run in range(RUNS * 10):
        line.rate += Decimal(run % 2 or -1)
        start = time.perf_counter()
        calculation = calculate(inputs)
        samples.append(time.perf_counter() - start)
        assert calculation.grand is not None
    return samples, len(calculation.shares)


def rate_edits(folder: Path) -> list[float]:
    """set_field on one budget line's rate of the demo, each in its own transaction (as the budget page
    saves a typed rate): the edit, its budget-limit check and the commit."""
    path = folder / "demo.sqlite"
    write_demo(path)
    database = open_database(path)
    with database.session() as session:
        ids = list(session.exec(select(BudgetLine.id).where(BudgetLine.source == "").order_by(BudgetLine.id)))
    line = ids[len(ids) // 2]
    samples = []
    for run in range(RUNS * 4):
        start = time.perf_counter()
        with database.transaction() as session:
            set_field(session, "budget_line", line, "rate", f"{100 + run % 2}")
        samples.append(time.perf_counter() - start)
    database.close()
    return samples


def main(folder: Path) -> None:
    database = folder / "budget.sqlite"
    lines = budget_of_2000_lines(database)
    db = ["--db", str(database)]
    start_up = whole_process("--help")
    export = whole_process("export", "budget", *db, "--out", str(folder / "budget.xlsx"))
    usd = whole_process("export", "budget", *db, "--out", str(folder / "budget-usd.xlsx"), "--currency", "USD")
    recalculations, shares = recalculation(database)
    edits = rate_edits(folder)
    size = (folder / "budget.xlsx").stat().st_size // 1024
    print(f"Budget of {lines} lines ({shares} fringe rows), median of {RUNS}:")
    print(f"  start-up of any command (main.py --help): {statistics.median(start_up):.2f} s")
    print(f"  export budget (xlsx, {size} KB), whole process: {seconds(export, 2.0)}")
    print(f"  export budget --currency USD, whole process: {seconds(usd, 2.0)}")
    print(f"  work the budget out again after one edit: {milliseconds(recalculations, 50)}")
    print(f"  edit a budget line's rate on the demo (with the limit check): {milliseconds(edits, 20)}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        main(Path(scratch))
