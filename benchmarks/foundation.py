"""Foundation targets (run: python3 dev.py bench foundation).

- `python main.py --demo` on an existing demo file to an interactive window: under 1.5 s (whole process,
  launched as main.py launches the GUI; the first start, which writes the demo file, is shown beside it)
- `python main.py info --json` on the demo: under 0.5 s wall (whole process)
- a new, empty production database, made in process: under 0.1 s (`open_database(path, create=True)`,
  the first of its process, after the imports any command pays)
- creating the demo production: under 3 s (whole process)
- peak memory of the GUI with the demo open (every page visited): under 350 MB RSS

Numbers are measured here, never asserted in the tests. BENCH_RUNS sets the runs of each (default 5).
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
RUNS = int(os.environ.get("BENCH_RUNS", "5"))

# Run in a process of its own: the imports are done before the clock starts, the database made after.
NEW_DATABASE = """
import sys, time
from pathlib import Path
from studio.storage.db import open_database
import studio.models
start = time.perf_counter()
open_database(Path(sys.argv[1]), create=True).close()
print(time.perf_counter() - start)
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def launch_to_ready(env: dict[str, str], *arguments: str) -> tuple[float, float, int]:
    """Seconds from launch to an interactive window on the demo (or what `arguments` open), the CPU seconds
    the process spent until then, and its peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "benchmarks/launch_probe.py", *(arguments or ("--demo",))],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    ready = cpu = None
    rss_kib = 0
    for line in process.stdout:
        if line.startswith("ready") and ready is None:
            ready, cpu = time.perf_counter() - start, float(line.split()[1])
        elif line.startswith("peak_rss_kib"):
            rss_kib = int(line.split()[1])
    if process.wait() != 0 or ready is None:
        raise SystemExit("the GUI did not start")
    return ready, cpu, rss_kib


def new_database(env: dict[str, str], folder: Path) -> list[float]:
    """Seconds to make a new, empty database in a process that has done its imports, one process a run."""
    samples = []
    for run in range(RUNS):
        path = folder / f"new-{run}.sqlite"
        done = subprocess.run(
            [sys.executable, "-c", NEW_DATABASE, str(path)], cwd=ROOT, env=env, check=True, capture_output=True
        )
        samples.append(float(done.stdout.split()[-1]))
    return samples


def report(name: str, samples: list[float], target: float | None, unit: str = "s") -> None:
    best, median = min(samples), statistics.median(samples)
    verdict = f"target < {target} {unit}  " + ("ok" if median < target else "OVER TARGET") if target else ""
    print(f"{name:<50} median {median:7.3f} {unit}  best {best:7.3f} {unit}  {verdict}")


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "XDG_DATA_HOME": str(Path(scratch) / "data"),
            "XDG_CONFIG_HOME": str(Path(scratch) / "config"),
            "XDG_STATE_HOME": str(Path(scratch) / "state"),
        }
        demo = Path(scratch) / "demo.sqlite"
        main_py = str(ROOT / "main.py")
        creation = [timed([sys.executable, main_py, "demo", "--db", str(demo), "--force"], env) for _ in range(RUNS)]
        info = [timed([sys.executable, main_py, "info", "--db", str(demo), "--json"], env) for _ in range(RUNS)]
        made = new_database(env, Path(scratch))
        first_launch = launch_to_ready(env)  # --demo writes the demo file the first time
        launches = [launch_to_ready(env) for _ in range(RUNS)]

    print(f"{RUNS} runs each; platform {env['QT_QPA_PLATFORM']}; {os.cpu_count()} cores")
    report("main.py demo (whole process)", creation, 3.0)
    report("main.py info --json (whole process)", info, 0.5)
    report("new empty database (in process)", made, 0.1)
    report("main.py --demo to interactive window", [ready for ready, _, _ in launches], 1.5)
    report("  its CPU (user + system), less swayed by load", [cpu for _, cpu, _ in launches], None)
    report("  the first, which writes the demo file (1 run)", [first_launch[0]], None)
    report("GUI peak RSS, demo open, all pages", [rss / 1024 for _, _, rss in [first_launch, *launches]], 350, "MB")


if __name__ == "__main__":
    main()
