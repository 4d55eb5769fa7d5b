"""Production report target (run: python3 benchmarks/day_reports.py).

- Entering a day's report: each edit stored (one transaction, as the window makes it) and the day worked
  out again (each person's pay, overtime and penalties, the hot cost against the plan, where the shoot
  stands) in under 50 ms, on the demo's day 3 (63 scenes; its cast, crew and background, some 55 people).
- Re-planning the demo's six remaining days (4-9, after days 1-3 reported, five scenes left unshot): a
  schedule within the limits in under 10 s (the first the search finds that breaks none), and the whole
  re-plan with its default 10 s of search.

Given as the median, the 95th percentile and the slowest of the edits, wall clock and CPU seconds: on a
machine others share, the CPU time says what the work costs when the wall clock says how busy it is.
What start-up made is kept out of the cycle collector's full passes, as the app does once its window is
up (ui.app.run_app): without that, the one or two full passes a run of edits meets walk the whole
process (writing the demo included) and take 100-200 ms each.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlmodel import select  # noqa: E402

from studio import operations  # noqa: E402
from studio.callsheet import numbered_day  # noqa: E402
from studio.day_reports.clock import Span  # noqa: E402
from studio.day_reports.replan import replan  # noqa: E402
from studio.day_reports.summary import DayReports  # noqa: E402
from studio.demo import write_demo  # noqa: E402
from studio.models import DayReport, DayReportScene, DayReportTime  # noqa: E402
from studio.storage.db import open_database  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_RUNS", "5"))
TARGET = 0.050
REPLAN_TARGET = 10.0


def edits(session, day_id: int) -> list[tuple[str, int, dict]]:
    """A round of what a 2nd AD types at wrap: the unit's wrap and lunch, a performer's times, a scene's
    outcome and setups, the background's count, and each back again."""
    report = session.exec(select(DayReport).where(DayReport.shoot_day_id == day_id)).one()
    cast = session.exec(
        select(DayReportTime).where(DayReportTime.report_id == report.id, DayReportTime.performer_id.is_not(None))
    ).first()
    extras = session.exec(
        select(DayReportTime).where(DayReportTime.report_id == report.id, DayReportTime.character_id.is_not(None))
    ).first()
    scene = session.exec(select(DayReportScene).where(DayReportScene.report_id == report.id)).first()
    wrap, lunch = report.camera_wrap, report.lunch
    return [
        ("day_report", report.id, {"camera_wrap": wrap + 45}),
        ("day_report", report.id, {"lunch": str(Span(lunch[0] + 60, lunch[1] + 60))}),
        ("day_report_time", cast.id, {"wrap": wrap + 15}),
        ("day_report_scene", scene.id, {"outcome": "NOT_SHOT"}),
        ("day_report_scene", scene.id, {"setups": "7"}),
        ("day_report_time", extras.id, {"count": str(extras.count + 3)}),
        ("day_report_scene", scene.id, {"outcome": "COMPLETED"}),
        ("day_report_time", extras.id, {"count": str(extras.count)}),
        ("day_report_time", cast.id, {"wrap": ""}),
        ("day_report", report.id, {"lunch": str(Span(*lunch))}),
        ("day_report", report.id, {"camera_wrap": wrap}),
    ]


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        write_demo(path)
        database = open_database(path)
        gc.collect()
        gc.freeze()  # as the app does once it has started
        with database.session() as session:
            day_id = numbered_day(session, 1, 3)
            start = time.perf_counter()
            reports = DayReports(session, 1)
            opened = time.perf_counter() - start
            day = reports.summary(session, day_id)
            people = sum(worker.count for worker in day.worked.workers)
            round_of = edits(session, day_id)
        walls, cpus = [], []
        for _round in range(ROUNDS):
            for entity, row_id, values in round_of:
                start, cpu = time.perf_counter(), time.process_time()
                with database.transaction() as session:
                    operations.edit(session, entity, row_id, values)
                with database.session() as session:
                    reports.summary(session, day_id)
                walls.append(time.perf_counter() - start)
                cpus.append(time.process_time() - cpu)
        database.close()
    median, slowest = statistics.median(walls), max(walls)
    p95 = statistics.quantiles(walls, n=20)[-1]
    rows, scenes = len(day.day.rows), len(day.day.scenes)
    print(f"day 3: {scenes} scenes, {people} people ({rows} rows); reading the reports: {opened * 1000:.0f} ms")
    print(
        f"an edit and the day worked out again: median {median * 1000:.1f} ms "
        f"(CPU {statistics.median(cpus) * 1000:.1f} ms), 95th percentile {p95 * 1000:.1f} ms, "
        f"slowest {slowest * 1000:.1f} ms (CPU {max(cpus) * 1000:.1f} ms), over {len(walls)} edits; "
        f"target {TARGET * 1000:.0f} ms: " + ("met" if median < TARGET else "NOT met")
    )
    return 0 if median < TARGET and replanning() < REPLAN_TARGET else 1


def replanning() -> float:
    """Seconds until the re-plan from day 4 first has a schedule within the limits."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        write_demo(path)
        database = open_database(path)
        within: list[float] = []
        with database.transaction() as session:
            start, cpu = time.perf_counter(), time.process_time()
            plan = replan(session, 1, 4, progress=lambda found: within.append(found.seconds) if found.cost else None)
            wall, cpus = time.perf_counter() - start, time.process_time() - cpu
        database.close()
    first = within[0] if within else float("inf")
    print(
        f"re-planning days 4-9 ({plan.result.status}, {plan.result.conflicts} limits broken): within the limits "
        f"after {first:.1f} s; the whole re-plan {wall:.1f} s (CPU {cpus:.1f} s); target {REPLAN_TARGET:.0f} s: "
        + ("met" if first < REPLAN_TARGET else "NOT met")
    )
    return first


if __name__ == "__main__":
    sys.exit(main())
