"""Schedule targets (run: python3 dev.py bench schedule).

- `schedule auto` on the demo (80 episodes, ~480 scenes, 9 days) and the larger production (`demo --size
  large`: 100 episodes, ~600 scenes, 12 days, 11 locations), as planned before the first day is shot
  (`write_demo(reported=False)`; the three days `demo` reports would be kept as shot), each alone and
  beside one other CPU-bound process, whole process within its time limit: with --time-limit 30, no
  conflict, never above the board's schedule, within 3% (demo) or 5% (larger) of the best schedule
  known, overtime and late meals included, and at most 1.3 × the proven bound (without them, as the
  bound leaves them out); with 10, the same and within 5% of the 30 s result. The larger production's
  first schedule within every limit comes within 5 s. Then both as `demo` writes them, three days
  reported and kept: no conflict, never above the board, and at most 1.3 × the bound (not an issue's
  target: reported here).
- Dragging a strip on a 1,200-scene board recomputes day totals, conflicts and Day Out of Days (and
  the board's rows) in under 50 ms.
- A strip dragged on a 1,200-strip board through the schedule page, as a person's drag goes (the drop on
  the stripboard model, the move stored in a real SQLite file through the workspace, the board worked
  out again and redrawn): under 30 ms median.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlmodel import select  # noqa: E402

from studio.demo import write_demo  # noqa: E402
from studio.models import Scene, SceneCharacter, Strip  # noqa: E402
from studio.schedule.analysis import BoardAnalysis  # noqa: E402
from studio.schedule.board import Board  # noqa: E402
from studio.schedule.board_loading import load_board  # noqa: E402
from studio.storage.db import open_database  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
TIME_LIMIT = 30
PAGE_STRIPS = 1200


# The cheapest schedule any run has found, each from the production as `demo` writes it, by its full cost,
# overtime and late meals included, as the optimizer compares schedules; a cheaper one found later
# replaces it here. The demo's: 106,575.19, a 30 s run (seed 7) of a variant tried while the search's
# larger sets of days were tuned (labour priced once the pairs stall, else at three quarters of the work;
# seed 4 of the search as it is found 106,787.73); the larger production's: 164,466.70 with --work 16.08
# once the returning cast's rest was kept (--work 150 found 168,548.41).
# The proven bound leaves the labour out, as the search did until it priced it, so a run is held to it
# by its cost less its labour.
BEST_KNOWN = {"standard": Decimal("106575.19"), "large": Decimal("164466.70")}


def optimizer(folder: Path) -> None:
    """`schedule auto` as a producer runs it (whole process, wall clock), on the demo and the larger
    production, alone and beside one other CPU-bound process: no conflict, never above the board's
    schedule, near the best known, the bound and the gap."""
    results: dict[tuple[str, int, bool], dict] = {}
    for size in ("standard", "large"):
        for busy in (False, True):
            for seconds in (TIME_LIMIT, 10):
                database = folder / f"{size}-{seconds}-{busy}.sqlite"
                write_demo(database, size=size, reported=False)
                report, wall = schedule_auto(database, seconds, busy)
                results[size, seconds, busy] = report
                cost = Decimal(report["cost"]["amount"])
                searched = cost - Decimal(report["cost"]["labour"])  # as the search and the bound count it
                best = BEST_KNOWN[size]
                current = report["current_cost"]
                targets = [
                    _target(wall <= seconds, f"{wall:.1f} s whole process"),
                    _target(report["conflicts"] == 0, f"{report['conflicts']} conflicts"),
                    _target(
                        current is None or cost <= Decimal(current["amount"]), f"board {current and current['amount']}"
                    ),
                    _target(
                        cost <= best * Decimal("1.03" if size == "standard" else "1.05"),
                        f"{cost / best:.3f} × best known {best}",
                    ),
                    _target(
                        report["lower_bound"] is not None and searched <= _bound(report) * Decimal("1.3"),
                        f"{_against_bound(searched, report)} (gap {report['gap_percent']}% with it)",
                    ),
                ]
                if seconds != TIME_LIMIT:
                    full = Decimal(results[size, TIME_LIMIT, busy]["cost"]["amount"])
                    targets.append(
                        _target(cost <= full * Decimal("1.05"), f"{cost / full:.3f} × the {TIME_LIMIT} s result")
                    )
                print(
                    f"{size} production, --time-limit {seconds}{' beside a busy core' if busy else ''}: "
                    f"{report['cost']['amount']} {report['cost']['currency']} (labour {report['cost']['labour']}), "
                    f"{report['status']}, "
                    f"work {report['work']}; " + "; ".join(targets)
                )
    first_schedule(folder)


def mid_shoot(folder: Path) -> None:
    """`schedule auto` on the productions as `demo` writes them, three days shot and reported, which it
    keeps as they are: the rest planned within the limits, never above the board, and how far the bound is."""
    for size in ("standard", "large"):
        database = folder / f"{size}-reported.sqlite"
        write_demo(database, size=size)
        report, wall = schedule_auto(database, TIME_LIMIT, False)
        cost = Decimal(report["cost"]["amount"])
        searched = cost - Decimal(report["cost"]["labour"])
        current = report["current_cost"]
        print(
            f"{size} production, days {report['reported_days_kept']} reported and kept, --time-limit {TIME_LIMIT}: "
            f"{report['cost']['amount']} {report['cost']['currency']} (labour {report['cost']['labour']}); "
            + "; ".join(
                [
                    _target(wall <= TIME_LIMIT, f"{wall:.1f} s whole process"),
                    _target(report["conflicts"] == 0, f"{report['conflicts']} conflicts"),
                    _target(
                        current is None or cost <= Decimal(current["amount"]), f"board {current and current['amount']}"
                    ),
                    _target(
                        report["lower_bound"] is not None and searched <= _bound(report) * Decimal("1.3"),
                        _against_bound(searched, report),
                    ),
                ]
            )
        )


def _against_bound(searched: Decimal, report: dict) -> str:
    """The cost the search counts (labour left out) against the proven bound, when there is one."""
    if report["lower_bound"] is None:
        return "no bound proven"
    return f"{searched / _bound(report):.3f} × bound {_bound(report)} without labour"


def _bound(report: dict) -> Decimal:
    return Decimal(report["lower_bound"]["amount"])


def _target(met: bool, what: str) -> str:
    return f"{what} {'ok' if met else 'MISSED'}"


def schedule_auto(database: Path, seconds: int, busy: bool) -> tuple[dict, float]:
    """`schedule auto --time-limit` on `database`: its JSON report and the whole process's wall time,
    with (`busy`) another process keeping a core busy meanwhile."""
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"]) if busy else None
    try:
        start = time.perf_counter()
        command = [sys.executable, str(ROOT / "main.py"), "schedule", "auto", "--db", str(database)]
        result = subprocess.run(
            [*command, "--time-limit", str(seconds), "--json"], capture_output=True, text=True, check=True
        )
        return json.loads(result.stdout), time.perf_counter() - start
    finally:
        if hog is not None:
            hog.kill()
            hog.wait()


def first_schedule(folder: Path) -> None:
    """How soon the larger production has a first schedule within every limit (target: 5 s)."""
    from studio.schedule.optimizer import optimize

    database = folder / "large-first.sqlite"
    write_demo(database, size="large", reported=False)
    board = read_board(database)
    found: list[float] = []
    start = time.perf_counter()
    optimize(board, TIME_LIMIT, lambda progress: progress.cost is not None and found.append(progress.seconds))
    first = found[0] if found else None
    print(
        "large production, first schedule within every limit: "
        + (_target(first <= 5, f"{first:.1f} s") if first is not None else "none MISSED")
        + f" (whole search {time.perf_counter() - start:.1f} s)"
    )


def read_board(path: Path) -> Board:
    database = open_database(path)
    try:
        with database.session() as session:
            return load_board(session, 1)
    finally:
        database.close()


def big_board(board: Board, copies: int) -> Board:
    """The demo's board with every scene repeated `copies` times (new ids), spread over the same days."""
    strips, placement = {}, {day_id: [] for day_id in board.placement}
    next_id = max(board.strips) + 1
    for copy in range(copies):
        for day_id, ids in board.placement.items():
            for strip_id in ids:
                strip = board.strips[strip_id]
                if copy:
                    strip = dataclasses.replace(strip, id=next_id, number=f"{strip.number}.{copy}")
                    next_id += 1
                strips[strip.id] = strip
                placement[day_id].append(strip.id)
    return dataclasses.replace(board, strips=strips, placement=placement)


def recompute(board: Board, model) -> None:
    """What the schedule page does after a drop, minus the database write."""
    analysis = BoardAnalysis(board, model.analysis)
    analysis.cost  # noqa: B018 - worked out as the page's summary reads it
    model.set_board(analysis)


def drag(folder: Path) -> None:
    from ui.app import create_application
    from ui.stripboard import StripBoardModel

    app = create_application("en")
    database = folder / "drag.sqlite"
    write_demo(database)
    board = big_board(read_board(database), 3)
    scenes = sum(1 for strip in board.strips.values() if not strip.is_banner)
    model = StripBoardModel(lambda row: "day", lambda count: "boneyard", lambda row: "sun")
    gc.freeze()  # as the app does once it has started (ui.app.run_app)
    samples = []
    days = [day.id for day in board.days]
    for run in range(RUNS * 10):
        strip_id = board.placement[days[run % len(days)]][0]
        start = time.perf_counter()
        board = board.moved([strip_id], days[(run + 3) % len(days)], 5)
        recompute(board, model)
        samples.append(time.perf_counter() - start)
    median, worst = statistics.median(samples) * 1000, max(samples) * 1000
    print(
        f"Drag on a {scenes}-scene board, recompute totals + conflicts + DOOD + rows: median {median:.1f} ms, "
        f"worst {worst:.1f} ms, target < 50 ms  {'ok' if worst < 50 else 'OVER TARGET'}"
    )
    app.processEvents()


def demo_with_strips(path: Path, count: int) -> None:
    """The demo with its scenes copied (cast, set, pages and all) until the board holds `count` strips,
    each copy's strip at the end of its original's day (or in the boneyard)."""
    write_demo(path)
    database = open_database(path)
    with database.transaction() as session:
        strips = session.exec(select(Strip).where(Strip.production_id == 1).order_by(Strip.id)).all()
        cast: dict[int, list[SceneCharacter]] = {}
        for row in session.exec(select(SceneCharacter)):
            cast.setdefault(row.scene_id, []).append(row)
        ends: dict[int | None, int] = {}
        for strip in strips:
            ends[strip.shoot_day_id] = max(ends.get(strip.shoot_day_id, 0), strip.position + 1)
        originals = [strip for strip in strips if strip.scene_id is not None]
        for number in range(count - len(strips)):
            strip = originals[number % len(originals)]
            scene = session.get(Scene, strip.scene_id)
            fields = scene.model_dump(exclude={"id", "version", "number"})
            copy = Scene(**fields, number=f"{scene.number}.{number // len(originals) + 1}")
            session.add(copy)
            session.flush()
            session.add_all(
                SceneCharacter(scene_id=copy.id, character_id=row.character_id, speaking=row.speaking)
                for row in cast.get(scene.id, [])
            )
            day = strip.shoot_day_id
            session.add(Strip(production_id=1, scene_id=copy.id, shoot_day_id=day, position=ends.get(day, 0)))
            ends[day] = ends.get(day, 0) + 1
    database.close()


def settle(app, seconds: float) -> None:
    """Let the event loop run for a while, as it does between a person's actions."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def page_drag(folder: Path) -> None:
    """Strips dragged from day to day on the schedule page, each drop timed until the page has redrawn."""
    from PySide6.QtCore import QModelIndex, Qt

    from ui.app import create_application
    from ui.pages.schedule import SchedulePage
    from ui.workspace import Workspace

    app = create_application("en")
    path = folder / "page-drag.sqlite"
    demo_with_strips(path, PAGE_STRIPS)
    workspace = Workspace()
    workspace.open(str(path))
    page = SchedulePage(workspace)
    page.resize(1400, 900)
    page.show()
    app.processEvents()
    strips = sum(1 for row in page.model.rows if row.kind == "strip")
    gc.freeze()  # as the app does once it has started (ui.app.run_app)
    samples, cpu = [], []
    for run in range(RUNS * 10):
        days = [r for r, row in enumerate(page.model.rows) if row.kind == "day"]
        source = page.model.index(days[run % len(days)] + 1)  # the first strip of a day
        target = days[(run + 3) % len(days)] + 6  # among the strips of a day three on
        strip_id, day_id = source.data(Qt.ItemDataRole.UserRole).strip.id, page.model.rows[target].day_id
        start, start_cpu = time.perf_counter(), time.process_time()
        data = page.model.mimeData([source])
        page.model.dropMimeData(data, Qt.DropAction.MoveAction, target, 0, QModelIndex())
        app.processEvents()  # the redraw, and whatever the drop left for the event loop's next turn
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        assert page.board.day_of()[strip_id] == day_id, "the drop did not move the strip"
        settle(app, 0.5)  # a person pauses between drags: what follows a change when idle runs untimed
    median, worst = statistics.median(samples) * 1000, max(samples) * 1000
    # On a machine other work keeps busy the wall time counts their turns too; the CPU time is the drag's own.
    print(
        f"Drag on the schedule page, {strips} strips (drop, stored move, board worked out, redrawn): "
        f"median {median:.1f} ms (CPU {statistics.median(cpu) * 1000:.1f} ms), worst {worst:.1f} ms, "
        f"target < 30 ms median  {'ok' if median < 30 else 'OVER TARGET'}"
    )
    gc.unfreeze()
    workspace.close()
    page.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as scratch:
        optimizer(Path(scratch))
        mid_shoot(Path(scratch))
        page_drag(Path(scratch))
        drag(Path(scratch))
