"""Call sheet targets (run: python3 benchmarks/callsheets.py).

- One call sheet PDF in under 0.3 s.
- Every demo day (9 PDFs) in under 2 s, whole process, font subsetting included.

Each is measured as a whole `main.py export callsheet` process, beside what any process pays before it
writes a thing: the command line's start-up (`main.py --help`) and the imports an export cannot do
without (the database models, through SQLModel and SQLAlchemy, and reportlab); and in the process
(reading the day and writing its PDF: the first sheet of a process, which registers the Chinese font, and
the next ones).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from studio.demo import write_demo  # noqa: E402
from studio.storage.db import open_database  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
DAY = "3"  # the demo's biggest day: 63 scenes, 21 cast, 30 crew
LANG = "en+zh"  # the slowest: every text in the embedded Chinese font


def whole_process(*arguments: str) -> list[float]:
    return timed([sys.executable, str(ROOT / "main.py"), *arguments])


def timed(command: list[str]) -> list[float]:
    samples = []
    for _run in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        samples.append(time.perf_counter() - start)
    return samples


def in_process(database_path: Path, folder: Path) -> tuple[float, list[float]]:
    """(the first sheet, the next ones) in seconds: read from the database and written to PDF."""
    from studio.callsheet import numbered_day
    from studio.exports.callsheet_pdf import write_call_sheet

    database = open_database(database_path)
    samples = []
    with database.session() as session:
        day_id = numbered_day(session, 1, int(DAY))
        for run in range(RUNS + 1):
            start = time.perf_counter()
            write_call_sheet(session, 1, day_id, folder / f"in-process-{run}.pdf", LANG)
            samples.append(time.perf_counter() - start)
    database.close()
    return samples[0], samples[1:]


def verdict(seconds: float, target: float) -> str:
    return f"{seconds:.2f} s (target < {target} s: {'ok' if seconds < target else 'OVER TARGET'})"


def main(folder: Path) -> None:
    database = folder / "demo.sqlite"
    write_demo(database)
    db = ["--db", str(database)]
    start_up = statistics.median(whole_process("--help"))
    imports = statistics.median(timed([sys.executable, "-c", "import studio.models, studio.exports.callsheet_pdf"]))
    one = statistics.median(
        whole_process("export", "callsheet", *db, "--day", DAY, "--out", str(folder / "one.pdf"), "--lang", LANG)
    )
    every = statistics.median(
        whole_process("export", "callsheet", *db, "--day", "all", "--out", str(folder / "all"), "--lang", LANG)
    )
    first, next_ones = in_process(database, folder)
    print(f"Call sheets (demo day {DAY}, {LANG}), median of {RUNS}:")
    print(f"  start-up of any command (main.py --help): {start_up:.2f} s")
    print(f"  the imports an export needs (models, SQLModel, SQLAlchemy, reportlab): {imports:.2f} s")
    print(f"  one call sheet, whole process: {verdict(one, 0.3)} ({one - imports:.2f} s beyond those imports)")
    print(
        f"  one call sheet, in process: first {verdict(first, 0.3)}, next {verdict(statistics.median(next_ones), 0.3)}"
    )
    print(f"  all 9 demo days, whole process: {verdict(every, 2.0)}")


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        main(Path(scratch))
