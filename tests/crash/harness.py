"""Crash harness: kill real processes (SIGKILL) at random moments while they write, then check the files.

Run by hand from the project folder (plain Python, never imports Qt; Linux: fork, /proc):

    .venv/bin/python -m tests.crash.harness --kills 300 --seed 1234      # prints a JSON summary
    .venv/bin/python -m tests.crash.harness --kills 40 --only budget_edits --keep /tmp/crash

The exit status is 0 when every kill left a sound database holding whole operations and every export
under its final name whole; 1 otherwise (the summary's `failures` say what, and the crashed files are
kept in the work folder's failures/; --keep keeps the folder). --seed makes the kill moments
reproducible up to the machine's timing (a random seed is printed otherwise); the kill count also comes
from CLIFFHANGER_KILLS.

How it works. The parent imports the studio modules once, runs each operation once itself (so that the
children forked from it start warm, like the app after its first operation), and never holds a database
connection or a thread when it forks (both are checked). For each scenario an uninterrupted run in a
child records the allowed states: the content's fingerprint before, and after each commit. Each kill:
1. copies the scenario's starting database (and, for an export, writes an older export at the final name);
2. forks a child that opens the database itself and runs the operation through the code the command
   line and the GUI use (studio.cli.run_*; Workspace.write/apply/import_script/restore and the budget's
   follow-up of a schedule change reproduced without Qt). SQLAlchemy events and an audit hook in the
   child write a byte to a pipe when a transaction begins (b), writes its first row (w), starts to
   commit (c) and has committed (C), and when an export's scratch file is made (m) and renamed into
   place (n);
3. half the kills are aimed: wait for the child to start a write (its w or m on the pipe), then kill
   it there (half of them: the child holds at that marker until killed) or a random delay within 1.2 ×
   that write's length later; a tenth wait for its last commit (C) or rename (n),
   as it closes; the others sleep a random delay in [0, 1.2 × the operation's duration, fork to end];
   then SIGKILL, reap;
4. checks: a fresh sqlite3 connection on a copy of the crashed files (it recovers the write-ahead log)
   passes PRAGMA integrity_check and foreign_key_check; studio.storage.db.open_database opens the crashed file
   itself and lists the productions; the content's fingerprint (every table's rows in primary-key order,
   timestamp columns left out) is an allowed state: "the first k transactions and none of the k+1st"
   passes, anything else is a partial operation. The optimizer is not deterministic, so its child also
   sends the fingerprint of what it is about to commit. Exports: the final name holds the old file byte
   for byte, or a complete new one (PDF: ends with %%EOF, PDFium opens it, same pages; xlsx: openpyxl
   loads it) equal to an uninterrupted export but for its creation time and PDF id.
Where a kill landed: before (no transaction yet), open (a transaction open, nothing written in it),
write (rows written, not committed; an export's scratch file being written), commit (committing),
between (two transactions of a sequence), after (all committed, closing), done (the child had ended).
Two controls, deliberately unsafe and reported apart, show that the checks catch what they look for:
a schedule applied in two transactions declared as one, an export written in place.

This module holds the kill loop and its tally; the child and its markers are in `children`, the
operations and scenarios in `scenarios`, the checks of what a kill left in `inspection`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.crash.children import (  # noqa: E402
    AFTER,
    DONE,
    DURING_A_WRITE,
    WRITE,
    Child,
    fork,
    install_markers,
    landed,
    parse_report,
    read_all,
    wait_for_marker,
)
from tests.crash.inspection import (  # noqa: E402
    SKIPPED,
    check_database,
    copy_database,
    export_problem,
    file_fingerprint,
    normalized_export,
    pdf_pages,
    timestamp_columns,
)
from tests.crash.scenarios import Scenario, build_scenarios  # noqa: E402

DEFAULT_KILLS = 50
CONTROL_KILLS = 10  # kills of each deliberately unsafe control operation, on top of the others
AIMED_SHARE = 0.5  # kills whose moment is drawn from the writes seen in a timed run, not the whole run
LAST_SHARE = 0.1  # kills the moment its last commit (an export: its rename) is reported, as it closes
HELD_SHARE = 0.5  # of the aimed kills: the child stopped at the write's first row (scratch file) itself


@dataclass
class Tally:
    kills: int = 0
    aimed: int = 0
    landed: Counter = field(default_factory=Counter)
    states: Counter = field(default_factory=Counter)
    outcomes: Counter = field(default_factory=Counter)  # none, some (of a sequence) or all of the operation
    corrupt: int = 0
    partial: int = 0
    bad_exports: int = 0
    child_errors: int = 0
    leftover_temp_files: int = 0

    def to_json(self) -> dict:
        return {
            "kills": self.kills,
            "aimed_at_a_write": self.aimed,
            "landed": dict(sorted(self.landed.items())),
            "during_a_write": sum(self.landed[key] for key in DURING_A_WRITE),
            "states": dict(sorted(self.states.items())),
            "outcomes": dict(sorted(self.outcomes.items())),
            "corrupt": self.corrupt,
            "partial": self.partial,
            "bad_exports": self.bad_exports,
            "child_errors": self.child_errors,
            "leftover_temp_files": self.leftover_temp_files,
        }


def kill_once(
    scenario: Scenario, number: int, rng: random.Random, work_dir: Path, tally: Tally, failures: list
) -> None:
    db = work_dir / "kill.sqlite"
    copy_database(scenario.start, db)
    temp = work_dir / "tmp"
    shutil.rmtree(temp, ignore_errors=True)
    temp.mkdir()
    out_dir = work_dir / "exports"
    target = None
    if scenario.export:
        shutil.rmtree(out_dir, ignore_errors=True)
        out_dir.mkdir()
        target = out_dir / scenario.export
        target.write_bytes(scenario.old_bytes)

    draw = rng.random()
    aimed = scenario.windows and LAST_SHARE <= draw < LAST_SHARE + AIMED_SHARE
    marker = "m" if scenario.export else "w"
    if aimed:
        lengths = [end - start for start, end in scenario.windows]
        j = rng.choices(range(len(lengths)), weights=[max(length, 1e-4) for length in lengths])[0]
        held = rng.random() < HELD_SHARE
        offset = 0.0 if held else rng.uniform(0, 1.2 * lengths[j])

    def work():
        tempfile.tempdir = str(temp)  # snapshots and scratch files stay in the work folder
        Child.send_pending = not scenario.deterministic
        if aimed and held:
            Child.hold = (marker, j + 1)
        scenario.operation(db)

    started = time.monotonic()
    pid, fd = fork(work, log=work_dir / "child.log")
    if draw < LAST_SHARE:
        # At its end: the child reported its last commit (or rename into place) and is closing
        last = ("n", 1) if scenario.export else ("C", scenario.commits if scenario.deterministic else 1)
        received = wait_for_marker(fd, *last, started + 10 * scenario.duration + 5)
        delay = time.monotonic() - started
    elif aimed:
        # Aimed: at the j-th write's start (the child holds there), or a random moment later, within
        # 1.2 × that write's length in the timed run
        received = wait_for_marker(fd, marker, j + 1, started + 10 * scenario.duration + 5)
        time.sleep(offset)
        tally.aimed += 1
        delay = time.monotonic() - started
    else:
        received = b""
        delay = rng.uniform(0, 1.2 * scenario.duration)
        time.sleep(max(0.0, started + delay - time.monotonic()))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    report = parse_report(received + read_all(fd))
    tally.kills += 1
    if report.error is not None:
        tally.child_errors += 1
        failures.append({"kill": number, "scenario": scenario.name, "child_error": report.error[-2000:]})
    markers, pending = [code for code in report.markers if code != "u"], report.pending
    where = landed(markers, scenario.commits if scenario.deterministic else 1, bool(scenario.export))
    failure: dict = {}

    problems, digest, tables = check_database(db, work_dir / "check.sqlite")
    if problems:
        tally.corrupt += 1
        failure["corrupt"] = problems
    allowed = scenario.allowed + pending
    if digest is not None and digest not in allowed:
        tally.partial += 1
        start_tables = file_fingerprint(scenario.start)[1]
        failure["partial"] = {
            "tables_changed_from_start": sorted(name for name in tables if tables[name] != start_tables.get(name)),
            "markers": "".join(markers),
        }
    elif digest is not None:
        index = scenario.allowed.index(digest) if digest in scenario.allowed else len(scenario.allowed)  # pending
        tally.states[f"{scenario.name}:{index if index < len(scenario.allowed) else 'pending'}"] += 1
        if not scenario.export:
            tally.outcomes["none" if index == 0 else "all" if index >= len(scenario.allowed) - 1 else "some"] += 1

    if target is not None:
        scratch = [path for path in out_dir.iterdir() if path != target]
        tally.leftover_temp_files += len(scratch)
        problem = None
        suffix = target.suffix[1:]
        if not target.exists():
            problem = "the final name holds nothing"
            state = "missing"
        else:
            data = target.read_bytes()
            if data == scenario.old_bytes:
                state = "old"
            else:
                state = "new"
                problem = export_problem(data, suffix)
                if problem is None and normalized_export(data, suffix) != scenario.new_normalized:
                    problem = "neither the old file nor the new one"
                if problem is None and suffix == "pdf" and pdf_pages(data) != scenario.pages:
                    problem = "the new PDF has the wrong number of pages"
        if problem:
            tally.bad_exports += 1
            failure["bad_export"] = problem
        tally.states[f"{scenario.name}:{state}"] += 1
        tally.outcomes["none" if state == "old" else "all" if state == "new" and not problem else "bad"] += 1
        # the file's own moments: a scratch file beside it means the kill landed while it was written
        where = DONE if "d" in markers else (WRITE if scratch else (AFTER if state == "new" else where))
    tally.leftover_temp_files += sum(1 for _ in temp.iterdir())
    tally.landed[where] += 1
    if failure:
        kept = work_dir / "failures" / f"kill-{number}-{scenario.name}"
        kept.mkdir(parents=True, exist_ok=True)
        for path in work_dir.glob("check.sqlite*"):
            shutil.copy(path, kept / path.name)
        if target is not None and target.exists():
            shutil.copy(target, kept / target.name)
        failures.append({"kill": number, "scenario": scenario.name, "delay": round(delay, 3), **failure})


# ---------------------------------------------------------------------------------------------------


GROUP_SHARES = {"import": 0.2, "reimport": 0.16, "schedule": 0.18, "budget": 0.22, "export": 0.24}


def plan_kills(scenarios: list[Scenario], total: int, rng: random.Random, everything: bool = True) -> list[Scenario]:
    """Each group its share of the kills, split evenly between its scenarios; the optimizer's runs
    (seconds each) only a few. For a chosen few scenarios (--only): as many kills each."""
    if not everything:
        return [scenarios[index % len(scenarios)] for index in range(total)]
    plan = [s for s in scenarios if s.control for _ in range(CONTROL_KILLS)]
    for group, share in GROUP_SHARES.items():
        members = [s for s in scenarios if s.group == group]
        count = round(total * share)
        if group == "schedule":
            auto = [s for s in members if s.name == "schedule_auto"]
            few = max(2, round(total * 0.03))
            plan += auto * few
            members = [s for s in members if s.name != "schedule_auto"]
            count -= few
        plan += [members[index % len(members)] for index in range(count)]
    while len(plan) < total + CONTROL_KILLS * sum(s.control for s in scenarios):
        plan.append(rng.choice([s for s in scenarios if s.name != "schedule_auto" and not s.control]))
    rng.shuffle(plan)
    return plan


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=int(os.environ.get("CLIFFHANGER_KILLS", DEFAULT_KILLS)))
    parser.add_argument("--seed", type=int, default=None, help="default: a random one (printed)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    parser.add_argument("--only", help="comma-separated scenario names")
    parser.add_argument("--demo", type=Path, help="a demo database to copy rather than write one")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    rng = random.Random(seed)

    def log(text: str) -> None:
        print(f"[crash harness] {text}", file=sys.stderr, flush=True)

    log(f"seed {seed}, {args.kills} kills")
    started = time.perf_counter()
    # Everything a child needs, imported once here (never Qt)
    import openpyxl  # noqa: F401
    import pypdfium2  # noqa: F401

    import studio.budget.totals  # noqa: F401
    import studio.cli  # noqa: F401
    import studio.exports.budget_xlsx  # noqa: F401
    import studio.exports.callsheet_pdf  # noqa: F401
    import studio.exports.dood  # noqa: F401
    import studio.exports.dood_xlsx  # noqa: F401
    import studio.schedule.auto  # noqa: F401
    import studio.scripts.importer  # noqa: F401
    import studio.storage.snapshots  # noqa: F401

    assert "PySide6" not in sys.modules
    SKIPPED.update(timestamp_columns())
    install_markers()

    work_dir = args.keep or Path(tempfile.mkdtemp(prefix="cliffhanger-crash-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    scenarios = build_scenarios(work_dir, log, args.demo)
    if args.only:
        wanted = set(args.only.split(","))
        scenarios = [s for s in scenarios if s.name in wanted]
    setup = time.perf_counter() - started

    tallies = {s.name: Tally() for s in scenarios}
    failures: list[dict] = []
    plan = plan_kills(scenarios, args.kills, rng, everything=not args.only)
    for number, scenario in enumerate(plan, start=1):
        kill_once(scenario, number, rng, work_dir, tallies[scenario.name], failures)
        if number % 25 == 0:
            log(f"{number} kills, {time.perf_counter() - started:.0f} s")

    real = [s for s in scenarios if not s.control]
    totals = Tally()
    for scenario in real:
        tally = tallies[scenario.name]
        totals.kills += tally.kills
        totals.aimed += tally.aimed
        totals.landed.update(tally.landed)
        totals.outcomes.update(tally.outcomes)
        for name in ("corrupt", "partial", "bad_exports", "child_errors", "leftover_temp_files"):
            setattr(totals, name, getattr(totals, name) + getattr(tally, name))
    groups: dict[str, dict] = {}
    for scenario in real:
        group = groups.setdefault(scenario.group, {"kills": 0, "during_a_write": 0})
        tally = tallies[scenario.name].to_json()
        group["kills"] += tally["kills"]
        group["during_a_write"] += tally["during_a_write"]
    summary = {
        "seed": seed,
        "kills": totals.kills,
        "groups": groups,
        "aimed_at_a_write": totals.aimed,
        "landed": dict(sorted(totals.landed.items())),
        "during_a_write": sum(totals.landed[key] for key in DURING_A_WRITE),
        "outcomes": dict(sorted(totals.outcomes.items())),
        "corrupt": totals.corrupt,
        "partial": totals.partial,
        "bad_exports": totals.bad_exports,
        "child_errors": totals.child_errors,
        "leftover_temp_files": totals.leftover_temp_files,
        "setup_seconds": round(setup, 1),
        "elapsed_seconds": round(time.perf_counter() - started, 1),
        "scenarios": {
            s.name: {
                "group": s.group,
                **tallies[s.name].to_json(),
                "commits": s.commits,
                "seconds": round(s.duration, 3),
            }
            for s in real
        },
        "controls": {s.name: tallies[s.name].to_json() for s in scenarios if s.control},
        "timestamp_columns_ignored": sorted(f"{table}.{column}" for table, column in SKIPPED),
        "failures": [f for f in failures if not f["scenario"].startswith("control_")][:20],
        "work_dir": str(work_dir),
    }
    print(json.dumps(summary, indent=2))
    ok = not (totals.corrupt or totals.partial or totals.bad_exports or totals.child_errors)
    if ok and args.keep is None:
        shutil.rmtree(work_dir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
