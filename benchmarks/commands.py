"""Whole-process command targets (run: python3 dev.py bench commands).

- `main.py info --json` on the demo: under 0.5 s (issue 17)
- one call sheet, `main.py export callsheet --day 3 --lang en+zh`: under 0.5 s (issue 22)
- every demo day's call sheet, `--day all --lang en+zh`: under 2 s (issue 22)
and `main.py --help`, the start-up every command pays before its own work.

Each command runs BENCH_RUNS times (default 7) as a process of its own, with the user's folders in a
scratch folder (its cache warmed by one run first: a cold cache is the first export after installing or
upgrading only); each is given as the median and best of the wall clock and of the CPU time (user +
system). On a machine others share the CPU time says what the work costs when the wall clock says how
busy the machine was.

`--against FOLDER` runs another checkout's commands too (say the commit before a change:
`git worktree add /tmp/before HEAD~3`), alternating with this one's run by run, so both are measured in
the same minutes; each checkout writes its own demo file.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
TARGETS = {"--help": None, "info": 0.5, "one call sheet": 0.5, "all 9 call sheets": 2.0}


def commands(demo: Path, out: Path) -> dict[str, list[str]]:
    db = ["--db", str(demo)]
    sheet = ["export", "callsheet", *db, "--lang", "en+zh"]
    return {
        "--help": ["--help"],
        "info": ["info", *db, "--json"],
        "one call sheet": [*sheet, "--day", "3", "--out", str(out / "one.pdf")],
        "all 9 call sheets": [*sheet, "--day", "all", "--out", str(out / "all")],
    }


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(checkout: Path, arguments: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one `main.py` process of `checkout`."""
    start, cpu = time.perf_counter(), children_cpu()
    subprocess.run([sys.executable, "main.py", *arguments], cwd=checkout, env=env, check=True, capture_output=True)
    return time.perf_counter() - start, children_cpu() - cpu


def line(name: str, walls: list[float], cpus: list[float]) -> str:
    target, median = TARGETS[name], statistics.median(walls)
    verdict = "" if target is None else f"  target < {target} s: " + ("ok" if median < target else "OVER")
    return (
        f"  {name:<18} wall median {median:.3f} best {min(walls):.3f}"
        f"  CPU median {statistics.median(cpus):.3f} best {min(cpus):.3f}{verdict}"
    )


def main(checkouts: list[Path], scratch: Path) -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[variable] = str(scratch / variable.lower())
    plans = []
    for index, checkout in enumerate(checkouts):
        subprocess.run([sys.executable, "-m", "compileall", "-q", "studio", "main.py"], cwd=checkout, check=True)
        folder = scratch / str(index)
        folder.mkdir()
        demo = folder / "demo.sqlite"
        subprocess.run([sys.executable, "main.py", "demo", "--db", str(demo)], cwd=checkout, env=env, check=True)
        planned = commands(demo, folder)
        run(checkout, planned["one call sheet"], env)  # the cache warmed: the font's tables, the catalogue
        plans.append(planned)
    samples = {(index, name): ([], []) for index in range(len(checkouts)) for name in TARGETS}
    for round_ in range(RUNS):
        order = list(enumerate(checkouts))
        for index, checkout in order if round_ % 2 == 0 else reversed(order):
            for name, arguments in plans[index].items():
                wall, cpu = run(checkout, arguments, env)
                samples[index, name][0].append(wall)
                samples[index, name][1].append(cpu)
    print(f"{RUNS} runs each, seconds; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end")
    for index, checkout in enumerate(checkouts):
        print(f"{checkout}:")
        for name in TARGETS:
            print(line(name, *samples[index, name]))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", type=Path, help="another checkout to measure alongside this one")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        main([ROOT, *([arguments.against.resolve()] if arguments.against else [])], Path(folder))
