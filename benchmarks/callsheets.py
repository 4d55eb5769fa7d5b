"""Call sheet and sending targets (run: python3 benchmarks/callsheets.py).

- One call sheet PDF in under 0.5 s as a whole `main.py export callsheet` process, and in process at most
  4 × what reportlab alone takes to lay out and write the same page (the sheet's own flowables built
  again: the floor any reportlab sheet pays).
- Every demo day (9 PDFs) in under 2 s, whole process, font subsetting included.
- Sending 40 messages (call sheet and sides attached) to a local SMTP server in under 5 s, none lost.

Each is given as the wall-clock median and as CPU seconds (user + system, children's for a process): on a
machine others share, the CPU time says what the work costs when the wall clock says how busy it is.
"""

from __future__ import annotations

import os
import resource
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
MESSAGES = 40


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    return time.process_time()


def whole_process(*arguments: str) -> tuple[float, float]:
    """(wall, CPU) medians of running main.py with `arguments`."""
    walls, cpus = [], []
    for _run in range(RUNS):
        start, cpu = time.perf_counter(), children_cpu()
        subprocess.run([sys.executable, str(ROOT / "main.py"), *arguments], check=True, capture_output=True, cwd=ROOT)
        walls.append(time.perf_counter() - start)
        cpus.append(children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def in_process(database_path: Path, folder: Path) -> tuple[float, float, float]:
    """CPU seconds of a sheet read and written in process (after a first one), of reportlab building
    the same flowables alone, and the first sheet of a process (which registers the Chinese font)."""
    from studio.callsheet import call_sheet, numbered_day
    from studio.exports.callsheet_layout import Layout
    from studio.exports.callsheet_pdf import write_call_sheet
    from studio.exports.callsheet_style import PAGE, Styles
    from studio.exports.callsheet_words import SheetWords
    from studio.exports.fonts import fonts_for
    from studio.exports.pdf_pages import build_pdf

    database = open_database(database_path)
    sheets, builds = [], []
    with database.session() as session:
        day_id = numbered_day(session, 1, int(DAY))
        start = own_cpu()
        write_call_sheet(session, 1, day_id, folder / "first.pdf", LANG)
        first = own_cpu() - start
        sheet, words = call_sheet(session, 1, day_id), SheetWords(LANG)
        regular, bold = fonts_for(*sheet.texts(), *words.texts())
        for run in range(RUNS):
            start = own_cpu()
            write_call_sheet(session, 1, day_id, folder / f"sheet-{run}.pdf", LANG)
            sheets.append(own_cpu() - start)
            story = Layout(sheet, words, Styles(regular, bold, bold)).story()  # made outside the timing
            start = own_cpu()
            build_pdf(folder / f"build-{run}.pdf", story, "", "", lambda canvas, document: None, PAGE)
            builds.append(own_cpu() - start)
    database.close()
    return statistics.median(sheets), statistics.median(builds), first


def sending(database_path: Path) -> tuple[float, float, int, int]:
    """(wall, CPU, mails taken, mails meant) of sending MESSAGES mails to a local server."""
    from studio.callsheet import numbered_day
    from studio.models import CrewMember, Performer, Production
    from studio.sending.day_mail import Status, send_day_mail
    from studio.sending.recipients import day_roster
    from tests.mail_server import LocalMailServer

    database = open_database(database_path)
    with LocalMailServer() as server:
        with database.transaction() as session:
            production = session.get(Production, 1)
            production.smtp_host, production.smtp_port, production.smtp_security = "127.0.0.1", server.port, "NONE"
            production.sender_address = "producer@example.com"
            day_id = numbered_day(session, 1, int(DAY))
            # The day's cast and crew: the first MESSAGES of them keep their address.
            addressed = [person for person in day_roster(session, 1, day_id).recipients if person.email]
            for person in addressed[MESSAGES:]:
                session.get(Performer if person.is_cast else CrewMember, person.person_id).email = ""
        start, cpu = time.perf_counter(), own_cpu()
        result = send_day_mail(database, 1, day_id)
        wall, spent = time.perf_counter() - start, own_cpu() - cpu
        meant = sum(outcome.status == Status.SENT for outcome in result.outcomes)
        taken = len(server.inbox.messages)
    database.close()
    return wall, spent, taken, meant


def verdict(seconds: float, target: float) -> str:
    return f"{seconds:.2f} s (target < {target} s: {'ok' if seconds < target else 'OVER TARGET'})"


def main(folder: Path) -> None:
    database = folder / "demo.sqlite"
    write_demo(database)
    db = ["--db", str(database)]
    start_up = whole_process("--help")
    one = whole_process("export", "callsheet", *db, "--day", DAY, "--out", str(folder / "one.pdf"), "--lang", LANG)
    every = whole_process("export", "callsheet", *db, "--day", "all", "--out", str(folder / "all"), "--lang", LANG)
    sheet, build, first = in_process(database, folder)
    wall, cpu, taken, meant = sending(database)
    print(f"Call sheets (demo day {DAY}, {LANG}), median of {RUNS}, wall clock (CPU):")
    print(f"  start-up of any command (main.py --help): {start_up[0]:.2f} s ({start_up[1]:.2f} s)")
    print(f"  one call sheet, whole process: {verdict(one[0], 0.5)} (CPU {verdict(one[1], 0.5)})")
    print(f"  all 9 demo days, whole process: {verdict(every[0], 2.0)} (CPU {verdict(every[1], 2.0)})")
    print(
        f"  one call sheet in process: {sheet:.2f} s CPU; reportlab building the same page alone {build:.2f} s:"
        f" {sheet / build:.1f} × (target at most 4 ×: {'ok' if sheet <= 4 * build else 'OVER TARGET'});"
        f" the first of a process {first:.2f} s"
    )
    lost = meant - taken
    print(
        f"  {meant} mails sent to a local SMTP server: {verdict(wall, 5.0)} (CPU {cpu:.2f} s), "
        f"{'none lost' if not lost and meant == MESSAGES else f'{lost} lost of {meant}'}"
    )


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        main(Path(scratch))
