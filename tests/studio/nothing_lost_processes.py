"""Real processes for tests/studio/test_nothing_lost.py, run as `python -m tests.studio.nothing_lost_processes`
(fork and SIGKILL stay out of pytest's process). Built on the kill harness's children (tests/crash): the
parent imports the studio once and forks warm children that run the command line's own code.

    .venv/bin/python -m tests.studio.nothing_lost_processes concurrent --runs 100 --work /tmp/x
    .venv/bin/python -m tests.studio.nothing_lost_processes kills --work /tmp/y

`concurrent`: a restore beside another process importing 2,000 crew members into the same file. The
restore is let go at a different moment of the import each run, told by the importer's own markers
(before it starts, when it begins its transaction, when it writes its first row, as it commits, once
committed), never by a clock. Whatever each reported, the importer's rows must be in the live file or
in the state the restore kept aside, never in neither.

`kills`: each file-making command (copy-database, import-script into a new file, demo, restore) is
stopped at steps of its own (a SQLite connection made, a transaction begun, its first write, a
commit, a rename, a link, a removal), and killed there (SIGKILL): at every rename, link, removal and
scratch file (the first and last of several removals in a row), and at the first, the last and one
between of the others (all of them with --every-step or CLIFFHANGER_EVERY_STEP=1). No name
may then hold a half-made database; the same command run again succeeds, and once the file's lock is
taken (as a window does on opening) no scratch file of ours is left beside it.

Prints one JSON summary; exit status 0 when nothing was lost.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import pickle
import random
import select
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.crash.children import Child, fork, parse_report, read_all  # noqa: E402
from tests.crash.inspection import SKIPPED, file_fingerprint, timestamp_columns  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "fixtures" / "samples" / "contract-bride.fountain"
PEOPLE = 2000


def command(argv: list[str]) -> tuple[int, str, str]:
    """The command line's own entry (main.py), its output captured."""
    import main as entry

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = entry.main(argv)
    return code, out.getvalue(), err.getvalue()


def rows_named_person(path: Path) -> int | None:
    if not path.exists():
        return None
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return connection.execute("SELECT count(*) FROM crew_member WHERE name LIKE 'Person %'").fetchone()[0]


def integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------------
# concurrent: a restore beside an importer


def wait_for(fd: int, code: bytes, received: bytearray) -> None:
    """Read the importer's markers until `code` (or its end)."""
    while code not in received and b"R" not in received and b"E" not in received:
        select.select([fd], [], [])
        chunk = os.read(fd, 65536)
        if not chunk:
            return
        received += chunk


def a_demo(target: Path, made: Path | None) -> None:
    """The demo database at `target`: a copy of one `made` already (the tests': the demo command's own,
    run once a session), else made here by the demo command."""
    if made is None:
        command(["demo", "--db", str(target)])
    else:
        shutil.copyfile(made, target)


def concurrent(work: Path, runs: int, seed: int, demo: Path | None) -> dict:
    from studio.storage.backups import take_backup
    from tests.crash.children import install_markers

    install_markers()
    start = work / "start.sqlite"
    a_demo(start, demo)
    backup = work / "chosen-backup.sqlite"
    shutil.copyfile(take_backup(start, "manual").path, backup)
    shutil.rmtree(work / "start.sqlite backups")
    backup_print = file_fingerprint(backup)[0]
    people = work / "crew.csv"
    people.write_text("name,department\n" + "".join(f"Person {n:04d},Camera\n" for n in range(PEOPLE)))
    moments = [None, b"b", b"w", b"c", b"C", "restore first"]
    rng = random.Random(seed)
    tally: dict[str, int] = {}
    lost: list[dict] = []
    for run in range(runs):
        folder = work / f"run-{run}"
        folder.mkdir()
        live = folder / "live.sqlite"
        shutil.copyfile(start, live)
        moment = moments[run % len(moments)] if run < len(moments) else rng.choice(moments)
        gates = {name: os.pipe() for name in ("import", "restore")}

        def gated(name, argv, gates=gates):
            def work_():
                os.read(gates[name][0], 1)
                return command(argv)

            return work_

        importer = fork(gated("import", ["import-people", str(people), "--kind", "crew", "--db", str(live), "--json"]))
        restorer = fork(gated("restore", ["restore", str(backup), "--db", str(live), "--json"]))
        received = bytearray()
        if moment == "restore first":
            os.write(gates["restore"][1], b"g")
            os.write(gates["import"][1], b"g")
        else:
            os.write(gates["import"][1], b"g")
            if moment is not None:
                wait_for(importer[1], moment, received)
            os.write(gates["restore"][1], b"g")
        reports = {}
        for name, (pid, fd) in (("import", importer), ("restore", restorer)):
            data = bytes(received) + read_all(fd) if name == "import" else read_all(fd)
            os.waitpid(pid, 0)
            reports[name] = parse_report(data)
        for read_end, write_end in gates.values():
            os.close(read_end)
            os.close(write_end)
        results = {name: pickle.loads(r.result) if r.result else (None, "", r.error) for name, r in reports.items()}
        imported = results["import"][0] == 0 and json.loads(results["import"][1])["added"] == PEOPLE
        restored = results["restore"][0] == 0
        kept = Path(json.loads(results["restore"][1])["kept"]) if restored else None
        in_live, in_kept = rows_named_person(live), rows_named_person(kept) if kept else None
        outcome = (
            f"import {'committed' if imported else 'refused'}, restore {'done' if restored else 'refused'}, "
            f"rows in {'live' if in_live else 'kept' if in_kept else 'neither'}"
        )
        tally[outcome] = tally.get(outcome, 0) + 1
        problem = None
        if imported and PEOPLE not in (in_live, in_kept):
            problem = "the importer reported its rows, which are in neither the live file nor the copy kept"
        elif not imported and (in_live or in_kept):
            problem = "the importer was refused but its rows are there"
        elif in_live and in_kept:
            problem = "the rows are in both"
        elif restored and not in_live and file_fingerprint(live)[0] != backup_print:
            problem = "the restore reported success but the live file is not the backup"
        elif integrity(live) != "ok":
            problem = "the live file is damaged"
        if problem:
            lost.append(
                {
                    "run": run,
                    "moment": str(moment),
                    "problem": problem,
                    "outputs": {k: v[1:] for k, v in results.items()},
                }
            )
        shutil.rmtree(folder)
    return {"runs": runs, "outcomes": dict(sorted(tally.items())), "lost": lost}


# ---------------------------------------------------------------------------------------------------
# kills: every step of every file-making command


class Steps:
    """In the child: each step of interest writes its marker to the parent and waits for its go."""

    go: int | None = None
    folder: str = ""
    in_transaction: set[int] = set()

    @classmethod
    def stop(cls, code: bytes) -> None:
        Child.mark(code)
        os.read(cls.go, 1)

    @classmethod
    def install(cls) -> None:
        connect = sqlite3.connect

        def traced(*arguments, **options):
            # an observer, not a stand-in: the connection is SQLite's own, its statements reported
            # (the audit hook's handle comes before the connection can take a callback)
            cls.stop(b"o")
            connection = connect(*arguments, **options)
            connection.set_trace_callback(lambda statement: cls.on_statement(id(connection), statement))
            return connection

        sqlite3.connect = sqlite3.dbapi2.connect = traced  # SQLAlchemy's driver calls the latter

        def on_audit(name, arguments):
            if name in ("os.rename", "os.link") and str(arguments[1]).startswith(cls.folder):
                cls.stop(b"n")
            elif name == "os.remove" and str(arguments[0]).startswith(cls.folder):
                cls.stop(b"x")
            elif name == "tempfile.mkstemp":
                cls.stop(b"t")

        sys.addaudithook(on_audit)

    @classmethod
    def on_statement(cls, connection: int, statement: str) -> None:
        words = statement.lstrip().upper()
        if words.startswith(("BEGIN", "ATTACH", "PRAGMA JOURNAL_MODE=DELETE")):
            cls.in_transaction.add(connection)
            cls.stop(b"s")
        elif words.startswith(("COMMIT", "ROLLBACK")):
            cls.in_transaction.discard(connection)
            cls.stop(b"s")
        elif connection in cls.in_transaction and words.startswith(("INSERT", "UPDATE", "DELETE", "CREATE", "DROP")):
            cls.in_transaction.discard(connection)  # its first write only
            cls.stop(b"s")


def run_stopping(argv: list[str], folder: Path, kill_at: int) -> tuple[str, bytes]:
    """Run the command in a child, stopped at each of its steps; killed at step `kill_at` (0: never).
    Returns "killed" or "finished", and the markers of the steps seen."""
    go_read, go_write = os.pipe()

    def work():
        Steps.go, Steps.folder = go_read, str(folder)
        Steps.install()
        return command(argv)

    pid, fd = fork(work)
    steps = b""
    outcome = "finished"
    while True:
        byte = os.read(fd, 1)
        if not byte or byte in b"RE":
            rest = read_all(fd)
            if byte == b"E":
                raise RuntimeError(rest.decode(errors="replace"))
            break
        if byte == b"d":
            continue
        steps += byte
        if len(steps) == kill_at:
            os.kill(pid, signal.SIGKILL)
            read_all(fd)
            outcome = "killed"
            break
        os.write(go_write, b"g")
    os.waitpid(pid, 0)
    os.close(go_read)
    os.close(go_write)
    return outcome, steps


FILE_STEPS = b"ntx"  # a rename or link, a removal, a scratch file made: where a name can go wrong
SPREAD = 1  # connections and statements killed at between the first and the last, besides every file step


def steps_to_kill(markers: bytes, every: bool) -> list[int]:
    """The steps (1-based) to kill at: every one, or every file step (of a run of the same one after
    another — the scratch files removed at the end — its first and last) and the first, last and SPREAD
    others of the SQLite steps (the same kinds again and again in a long run such as the demo's)."""
    if every:
        return list(range(1, len(markers) + 1))
    files = [
        n
        for n, marker in enumerate(markers, 1)
        if marker in FILE_STEPS and not (n > 1 and n < len(markers) and markers[n - 2] == marker == markers[n])
    ]
    others = [n for n, marker in enumerate(markers, 1) if marker not in FILE_STEPS]
    spread = {others[round(i * (len(others) - 1) / (SPREAD + 1))] for i in range(SPREAD + 2)} if others else set()
    return sorted(set(files) | spread)


def ours_left(folder: Path) -> list[str]:
    """Scratch files of ours: `.name.<hex>.partial`, `.name.restoring`, half-written backups."""
    names = [path.name for path in folder.rglob("*")]
    return sorted(
        name
        for name in names
        if name.endswith((".partial", ".restoring")) or ".partial-" in name or ".restoring-" in name
    )


def fresh(work: Path, name: str, run: str, snapshot: Path) -> tuple[Path, Path]:
    """A folder for one run of command `name`, and the database it makes or restores."""
    folder = work / f"{name}-{run}"
    if name == "restore":
        shutil.copytree(snapshot, folder)
        return folder, folder / "live.sqlite"
    folder.mkdir()
    return folder, folder / ("demo.sqlite" if name == "demo" else "new.sqlite")


def kills(work: Path, only: set[str], every_step: bool, demo: Path | None) -> dict:
    from studio.storage.backups import take_backup
    from studio.storage.instance_lock import InstanceLock

    source = work / "source" / "demo.sqlite"
    source.parent.mkdir()
    a_demo(source, demo)
    source_print = file_fingerprint(source)[0]

    # a database whose last commit is still in its write-ahead log, and a backup of an older state: the
    # file without its log is neither (a change since the backup is checkpointed into it)
    restore_start = work / "restore-start" / "live.sqlite"
    restore_start.parent.mkdir()
    shutil.copyfile(source, restore_start)
    backup = take_backup(restore_start, "manual").path
    backup_print = file_fingerprint(backup)[0]
    with contextlib.closing(sqlite3.connect(restore_start, isolation_level=None)) as holder:
        holder.execute("PRAGMA journal_mode=WAL")
        holder.execute("UPDATE production SET title = 'Changed after the backup'")
        holder.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        holder.execute("PRAGMA wal_autocheckpoint=0")
        holder.execute("UPDATE production SET title_zh = 'Committed into the log only'")
        snapshot = work / "restore-start-with-wal"
        snapshot.mkdir()
        shutil.copyfile(restore_start, snapshot / "live.sqlite")
        shutil.copyfile(f"{restore_start}-wal", snapshot / "live.sqlite-wal")
        shutil.copytree(f"{restore_start} backups", snapshot / "live.sqlite backups")
    reading = work / "restore-start-read"  # reading the snapshot itself would checkpoint its log away
    shutil.copytree(snapshot, reading)
    changed_print = file_fingerprint(reading / "live.sqlite")[0]
    assert Path(f"{snapshot / 'live.sqlite'}-wal").stat().st_size, "the start state must keep its log"

    imported_print = None  # what a whole import makes, for the one scenario that needs it
    if not only or "import-script" in only:
        reference = work / "reference"
        reference.mkdir()
        command(["import-script", str(SCRIPT), "--db", str(reference / "imported.sqlite"), "--json"])
        imported_print = file_fingerprint(reference / "imported.sqlite")[0]
    demo_print = source_print  # the demo is the same every time (its timestamps are left out of prints)

    scenarios = {
        "copy-database": (lambda t: ["copy-database", "--db", str(source), "--to", str(t)], {source_print}),
        "import-script": (lambda t: ["import-script", str(SCRIPT), "--db", str(t), "--json"], {imported_print}),
        "demo": (lambda t: ["demo", "--db", str(t)], {demo_print}),
        "restore": (
            lambda t: ["restore", str(t.parent / "live.sqlite backups" / backup.name), "--db", str(t)],
            {changed_print, backup_print},
        ),
    }
    summary: dict = {}
    failures: list[dict] = []
    for name, (argv_for, allowed) in scenarios.items():
        if only and name not in only:
            continue

        folder, target = fresh(work, name, "whole", snapshot)
        _outcome, markers = run_stopping(argv_for(target), folder, 0)
        shutil.rmtree(folder)
        chosen = steps_to_kill(markers, every_step)
        killed, leftovers_before_lock = 0, 0
        for kill_at in chosen:
            folder, target = fresh(work, name, str(kill_at), snapshot)
            outcome, _steps = run_stopping(argv_for(target), folder, kill_at)
            if outcome == "finished":  # a restore may take fewer steps than the first run (no checkpoint)
                shutil.rmtree(folder)
                continue
            killed += 1
            problem = None
            visible = file_fingerprint(target)[0] if target.exists() else None
            if visible is not None and visible not in allowed:
                problem = (
                    "neither the state it replaces nor the backup: commits lost"
                    if name == "restore"
                    else "a half-made or wrong database under the name"
                )
            elif name == "restore" and visible is None:
                problem = "the database is gone"
            elif name == "restore" and visible == backup_print:
                kept = [p for p in (folder / "live.sqlite backups").glob("*before-restore.sqlite")]
                if not kept or changed_print not in {file_fingerprint(p)[0] for p in kept}:
                    problem = "restored, but the state it replaced was not kept"
            if problem is None:  # the same command again, then a window's lock: all whole, nothing of ours left
                code, _out, err = command(argv_for(target))
                again = file_fingerprint(target)[0] if target.exists() else None
                refused_as_existing = (
                    name in ("copy-database", "demo") and visible is not None and "already exists" in err
                )
                if (code != 0 and not refused_as_existing) or again not in allowed:
                    problem = f"run again: exit {code}, {err.strip()[-300:]}"
                elif name == "restore" and again != backup_print:
                    problem = "run again, the restore did not restore"
                leftovers_before_lock += len(ours_left(folder))
                lock = InstanceLock(target)
                lock.acquire()
                lock.release()
                if problem is None and ours_left(folder):
                    problem = f"left beside it: {ours_left(folder)}"
            if problem:
                failures.append({"scenario": name, "killed_at_step": kill_at, "of": len(markers), "problem": problem})
            shutil.rmtree(folder)
        summary[name] = {
            "steps": len(markers),
            "file_steps": sum(marker in FILE_STEPS for marker in markers),
            "file_steps_chosen": sum(markers[n - 1] in FILE_STEPS for n in chosen),
            "chosen": len(chosen),
            "killed": killed,
            "scratch_files_until_the_lock_was_taken": leftovers_before_lock,
        }
    return {"scenarios": summary, "failures": failures}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("concurrent", "kills"))
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("CLIFFHANGER_AUDIT_RUNS", 10)))
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--every-step",
        action="store_true",
        default=bool(os.environ.get("CLIFFHANGER_EVERY_STEP")),
        help="kills: at every step, not every file step and a spread of the others",
    )
    parser.add_argument("--only", help="kills: comma-separated commands (copy-database, import-script, demo, restore)")
    parser.add_argument("--demo", type=Path, help="a demo database to copy rather than make one with the demo command")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 32)
    import main as entry  # noqa: F401  (the children start warm)
    import studio.cli  # noqa: F401
    import studio.people_csv  # noqa: F401
    import studio.scripts.importer  # noqa: F401
    import studio.storage.transfer  # noqa: F401

    SKIPPED.update(timestamp_columns())
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if args.mode == "concurrent":
        summary = {"seed": seed, **concurrent(args.work, args.runs, seed, args.demo)}
        ok = not summary["lost"]
    else:
        summary = kills(args.work, set(args.only.split(",")) if args.only else set(), args.every_step, args.demo)
        ok = not summary["failures"]
    summary["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(summary, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
