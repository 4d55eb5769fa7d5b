"""Backup targets (run: python3 dev.py bench backups).

- a backup of the demo database: under 0.5 s
- without blocking the GUI: the longest pause of the window's event loop while a backup is taken in
  the background, beside the longest pause over the same time without one

Also measured on a database grown to ~60 MB (long scene texts), to see how it scales.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = int(os.environ.get("BENCH_RUNS", "20"))


def time_backups(path: Path, runs: int) -> list[float]:
    from studio.storage.backups import take_backup

    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        take_backup(path, "manual")
        samples.append(time.perf_counter() - start)
    return samples


def grow(path: Path, megabytes: int) -> None:
    import sqlite3

    with sqlite3.connect(path) as connection:
        scenes = connection.execute("SELECT count(*) FROM scene").fetchone()[0]
        padding = megabytes * 1024 * 1024 // scenes
        connection.execute("UPDATE scene SET text = text || hex(randomblob(?))", (padding // 2,))


def longest_pause(app, seconds: float, during=None) -> float:
    """The longest gap between ticks of a 5 ms timer over `seconds`, with `during()` started first."""
    from PySide6.QtCore import QTimer

    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    if during is not None:
        during()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    return max(b - a for a, b in zip(ticks, ticks[1:], strict=False))


def gui_pauses(path: Path) -> tuple[float, float]:
    from ui.app import create_application
    from ui.background import wait_for_background_work
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = create_application("en")
    window = MainWindow(AppSettings.ephemeral())
    window.show()
    window.databases.open(str(path))
    wait_for_background_work()
    app.processEvents()
    quiet = longest_pause(app, 1.0)
    busy = longest_pause(app, 1.0, lambda: window.backups.back_up("manual"))
    wait_for_background_work()
    window.workspace.close()
    return quiet, busy


def report(name: str, samples: list[float], target: float | None = None) -> None:
    median, worst = statistics.median(samples), max(samples)
    verdict = "" if target is None else f"  target < {target} s  {'ok' if worst < target else 'OVER'}"
    print(f"{name:<44} median {median * 1000:7.1f} ms  worst {worst * 1000:7.1f} ms{verdict}")


def main() -> None:
    from studio.demo import write_demo

    with tempfile.TemporaryDirectory() as scratch:
        demo = Path(scratch) / "demo.sqlite"
        write_demo(demo)
        report(f"backup of the demo ({demo.stat().st_size // 1024} KiB)", time_backups(demo, RUNS), 0.5)
        big = Path(scratch) / "big" / "big.sqlite"
        big.parent.mkdir()
        write_demo(big)
        grow(big, 60)
        size = big.stat().st_size // (1024 * 1024)
        report(f"backup of a {size} MB database", time_backups(big, max(3, RUNS // 4)))
        quiet, busy = gui_pauses(big)
        print(
            f"GUI's longest pause over 1 s, {size} MB database:  {quiet * 1000:.1f} ms without a backup, "
            f"{busy * 1000:.1f} ms while one is taken in the background"
        )


if __name__ == "__main__":
    main()
