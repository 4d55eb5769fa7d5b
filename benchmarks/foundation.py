"""Foundation targets, measured on whole processes (run: python3 dev.py bench).

- `python main.py --demo` to an interactive window: under 2 s
- `python main.py info --json` on the demo: under 1 s wall
- creating the demo production: under 3 s
- peak memory of the GUI with the demo open (every page visited): under 350 MB RSS
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


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def launch_to_ready(env: dict[str, str], *arguments: str) -> tuple[float, int]:
    """Seconds from launch to an interactive window on the demo (or what `arguments` open), and peak RSS."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "benchmarks/launch_probe.py", *(arguments or ("--demo",))],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    ready = None
    rss_kib = 0
    for line in process.stdout:
        if line.startswith("ready") and ready is None:
            ready = time.perf_counter() - start
        elif line.startswith("peak_rss_kib"):
            rss_kib = int(line.split()[1])
    if process.wait() != 0 or ready is None:
        raise SystemExit("the GUI did not start")
    return ready, rss_kib


def report(name: str, samples: list[float], target: float, unit: str = "s") -> None:
    best, median = min(samples), statistics.median(samples)
    verdict = "ok" if median < target else "OVER TARGET"
    print(f"{name:<42} median {median:7.3f} {unit}  best {best:7.3f} {unit}  target < {target} {unit}  {verdict}")


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
        launches = [launch_to_ready(env) for _ in range(RUNS)]

    print(f"{RUNS} runs each; platform {env['QT_QPA_PLATFORM']}; {os.cpu_count()} cores")
    report("main.py demo (whole process)", creation, 3.0)
    report("main.py info --json (whole process)", info, 1.0)
    report("main.py --demo to interactive window", [ready for ready, _ in launches], 2.0)
    report("GUI peak RSS, demo open, all pages", [rss / 1024 for _, rss in launches], 350, "MB")


if __name__ == "__main__":
    main()
