"""Launched by foundation.py: start the GUI exactly as main.py does, report when it is interactive.

Prints "ready" and the CPU seconds spent so far once the event loop runs with the window shown and the
database open, then visits
every page and prints the process's peak resident memory, then quits.
"""

from __future__ import annotations

import gc
import os
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# As main.py starts the GUI: the command line, then the GUI (which imports PySide6 after the domain)
# with the cycle collector held off until the window is up.
from studio.cli import build_parser  # noqa: E402

gc.disable()
from ui.app import run_app  # noqa: E402


def on_ready(window) -> None:
    from PySide6.QtWidgets import QApplication

    times = os.times()  # the CPU so far (user + system): what the start costs, however busy the machine
    print(f"ready {times.user + times.system:.3f}", flush=True)
    for row in range(len(window.page_keys)):
        window.show_page(row)
        QApplication.processEvents()
    print(f"peak_rss_kib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
    window.close()
    QApplication.quit()


if __name__ == "__main__":
    sys.exit(run_app(build_parser().parse_args(sys.argv[1:]), on_ready=on_ready))
