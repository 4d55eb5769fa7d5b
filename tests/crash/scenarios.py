"""The operations killed, each as the command line or the GUI runs it, and the scenarios built from
them: a starting database, the states a run passes through, and for exports the older file at the
final name.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.crash.children import Child, run_to_end, write_windows
from tests.crash.inspection import copy_database, export_problem, file_fingerprint, normalized_export, pdf_pages
from tests.fixture_files import SAMPLES

ROOT = Path(__file__).resolve().parents[2]
OPTIMIZER_WORK = 1.0  # the optimizer's deterministic bound (placed, and `schedule auto --work`): any machine's

# ---------------------------------------------------------------------------------------------------
# Operations, each as the command line or the GUI runs it (in the child; `db` is the database file)


def _namespace(db: Path, **values) -> argparse.Namespace:
    return argparse.Namespace(db=str(db), **values)


def op_cli_import(db: Path, script: Path, production: int | None = None) -> None:
    """`cliffhanger import-script FILE --db DB [--production N]`: into the (first) production, as a revision."""
    from studio.cli import run_import_script

    run_import_script(
        _namespace(db, files=[script], format="auto", color=None, side="shooting", json=True, production=production)
    )


def op_gui_import(db: Path, outline, fingerprint_: str, source: str, production_id: int | None = None) -> None:
    """File → Import Script: Workspace.import_script → Workspace.snapshotted (ui/workspace.py) without
    Qt: the write lock, a snapshot, the import in the same transaction, a snapshot after."""
    from studio.scripts.importer import import_outline
    from studio.storage.db import open_database
    from studio.storage.snapshots import discard_snapshot, take_snapshot

    database = open_database(db)
    try:
        before = None
        try:
            with database.transaction() as session:
                session.connection()
                before = take_snapshot(database)
                import_outline(
                    session,
                    outline,
                    production_id=production_id,
                    new_production=production_id is None,
                    source_name=source,
                    source_sha256=fingerprint_,
                )
        except Exception:
            discard_snapshot(before)
            raise
        take_snapshot(database)
    finally:
        database.close()


def op_undo_import(db: Path, snapshot: Path) -> None:
    """Edit → Undo of an import: Workspace.restore → restore_snapshot, the state replaced backed up and the
    snapshot written into the live database, as a backup is restored; then the productions are listed again."""
    from studio.productions import list_productions
    from studio.storage.db import open_database
    from studio.storage.snapshots import restore_snapshot

    database = open_database(db)
    try:
        Child.mark(b"b")  # it writes outside SQLAlchemy's events: say when, as they would
        Child.mark(b"w")
        restore_snapshot(database, snapshot)
        Child.mark(b"c")
        Child.mark(b"C")
        with database.session() as session:
            list_productions(session)
    finally:
        database.close()


def op_place(db: Path, placement: dict) -> None:
    """The Optimize dialog's result applied: Workspace.apply(operations.place_all, …) → strips.place_all."""
    from studio.schedule.strips import place_all
    from studio.storage.db import open_database

    database = open_database(db)
    try:
        with database.transaction() as session:
            place_all(session, 1, placement)
    finally:
        database.close()


def op_schedule_auto(db: Path) -> None:
    """`cliffhanger schedule auto --work N`: optimize and apply in one transaction (the work ends the search
    long before the longest time limit does)."""
    from studio.errors import UserError
    from studio.schedule_commands import run_schedule

    try:
        run_schedule(_namespace(db, action="auto", days=None, time_limit=3600, work=OPTIMIZER_WORK, json=True))
    except UserError:  # no better schedule found: nothing changed, which the check also sees
        Child.mark(b"u")


BUDGET_EDITS = [
    ("budget_line", 87, {"rate": "2500000"}),
    ("budget_line", 88, {"multiplier": "2"}),
    ("budget_line", 91, {"description": "Set dressing purchases and rentals"}),
    ("budget_line", 89, {"amount_entry": "SHOOT_DAYS + 4"}),
    ("budget_global", 3, {"value_entry": "2.5"}),
    ("budget_line", 101, {"rate": "5200", "payee": "Sterling Mutual", "notes": "quote of 12 Jan"}),
    ("budget_line", 102, {"fringe_codes": "FICA-SS, MEDICARE"}),
    ("budget_line", 90, {"multiplier": "14", "description": "Background performers (14 a day)"}),
]


def op_budget_edits(db: Path) -> None:
    """Budget cells typed one after another: each Workspace.apply(operations.edit, …) → set_fields."""
    from studio.edits import set_fields
    from studio.storage.db import open_database

    database = open_database(db)
    try:
        for entity, row_id, values in BUDGET_EDITS:
            with database.transaction() as session:
                set_fields(session, entity, row_id, values)
    finally:
        database.close()


def op_strips_then_budget(db: Path) -> None:
    """A day's strips dragged to the boneyard (Workspace.apply(operations.move_strips, …)), what the
    schedule changed in the budget stored after it (Workspace.store_what_follows: the plan read in a
    session of its own, then written with store_plan), another day's strips dragged, then `cliffhanger
    budget sync`."""
    from studio.budget.schedule_links import store_plan
    from studio.budget.totals import current_budget
    from studio.cli import run_budget
    from studio.schedule.strips import current_placements, move_strips
    from studio.storage.db import open_database

    database = open_database(db)
    try:
        with database.session() as session:
            placement = current_placements(session, 1)
        days = sorted(day for day in placement if day is not None)
        with database.transaction() as session:
            move_strips(session, 1, placement[days[1]], None, 0)
        with database.session() as session:
            plan = current_budget(session, 1).plan
        if plan:
            with database.transaction() as session:
                store_plan(session, 1, plan)
        with database.transaction() as session:
            move_strips(session, 1, placement[days[2]], None, 0)
    finally:
        database.close()
    run_budget(_namespace(db, action="sync", json=True))


def op_export(db: Path, document: str, out: Path) -> None:
    """`cliffhanger export …`: read in one session, write beside the final name, rename into place."""
    from studio.export_commands import run_export

    options = {
        "budget": {"currency": None, "document_lang": "en"},
        "callsheet": {"day": "1", "document_lang": "en+zh", "cast_version": False},
        "dood": {"document_lang": "en"},
    }[document]
    run_export(_namespace(db, document=document, out=out, **options))


def op_control_two_commits(db: Path, placement: dict) -> None:
    """CONTROL, not the app: a schedule applied in two transactions (half the days, a pause, the rest),
    declared as one operation. Kills between the two commits must be reported as partial operations."""
    from studio.schedule.strips import place_all
    from studio.storage.db import open_database

    days = [day for day in placement if day is not None]
    database = open_database(db)
    try:
        with database.transaction() as session:
            place_all(session, 1, {day: placement[day] for day in days[: len(days) // 2]})
        time.sleep(0.1)
        with database.transaction() as session:
            place_all(session, 1, placement)
    finally:
        database.close()


def op_control_export_in_place(db: Path, target: Path, data: bytes) -> None:
    """CONTROL, not the app: an export written straight under its final name, a piece at a time. Kills
    while it writes must be reported as bad exports."""
    from studio.storage.db import open_database

    open_database(db).close()
    with target.open("wb") as stream:
        for start in range(0, len(data), 4096):
            stream.write(data[start : start + 4096])
            stream.flush()
            time.sleep(0.003)


# ---------------------------------------------------------------------------------------------------
# Scenarios


@dataclass
class Scenario:
    name: str
    group: str
    start: Path  # the database it starts from
    operation: Callable[[Path], None]
    deterministic: bool = True  # else its result is learnt from the child before it commits (the optimizer)
    allowed: list[str] = field(default_factory=list)  # fingerprints: before, then after each commit
    duration: float = 1.0  # seconds from fork to end, in the reference run
    windows: list[tuple[float, float]] = field(default_factory=list)  # when it writes (write_windows)
    end: Path | None = None  # the database the reference run left
    export: str | None = None  # the export's file name, for export scenarios
    old_bytes: bytes = b""
    new_bytes: bytes = b""  # one uninterrupted export (its creation time differs from the next one's)
    new_normalized: bytes = b""
    pages: int = 0
    control: bool = False  # a deliberately unsafe operation: the checks must catch it

    @property
    def commits(self) -> int:
        return len(self.allowed) - 1 if self.deterministic else 1


def quietly(operation: Callable[[], object]) -> None:
    with open(os.devnull, "w") as quiet:
        stdout, sys.stdout = sys.stdout, quiet
        try:
            operation()
        finally:
            sys.stdout = stdout


def prepare(scenario: Scenario, work_dir: Path) -> None:
    """Run the operation once in this process (on a copy), so that every child forked from here on starts
    as warm as the app after its first operation (modules loaded, mappers configured, fonts read); then
    run it to its end in a child on another copy, recording the state after each commit, when it wrote,
    and how long it took from fork to end, the clock the kills' delays are drawn on."""
    db, temp = work_dir / f"reference-{scenario.name}.sqlite", work_dir / "tmp"
    for child in (False, True):
        copy_database(scenario.start, db)
        shutil.rmtree(temp, ignore_errors=True)
        temp.mkdir()
        shutil.rmtree(work_dir / "exports", ignore_errors=True)
        (work_dir / "exports").mkdir()
        if not child:
            tempfile.tempdir = str(temp)
            try:
                quietly(lambda: scenario.operation(db))
            finally:
                tempfile.tempdir = None
    start_state = file_fingerprint(db)[0]
    began = time.monotonic()

    def work():
        tempfile.tempdir = str(temp)
        Child.database, Child.record_states, Child.timeline = db, True, []
        scenario.operation(db)
        ended = time.monotonic() - Child.hook_seconds
        return Child.states, [(moment - began, code) for moment, code in Child.timeline], ended - began

    (states, timeline, duration), _report, _seconds = run_to_end(work)
    scenario.allowed = [start_state, *states]
    if file_fingerprint(db)[0] != scenario.allowed[-1]:  # written outside a SQLAlchemy transaction
        scenario.allowed.append(file_fingerprint(db)[0])
    scenario.duration = duration
    scenario.windows = write_windows(timeline, bool(scenario.export))
    scenario.end = db


def revised_script(original: Path, target: Path) -> Path:
    """The sample with dialogue changed, a scene added and a scene dropped (a revision to re-import)."""
    text = original.read_text(encoding="utf-8")
    replacements = [
        ("Then find me a wife who reads contracts.", "Then find me a wife who reads the fine print."),
        ("Depends who's asking. And who's paying.", "Depends who's asking. And how much."),
        ("Sorry. I signed an exclusive.", "Sorry. My contract has an exclusivity clause."),
    ]
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    elevator = re.search(r"INT\. STERLING TOWER - ELEVATOR - DAY #3-2#.*?(?=INT\. STERLING TOWER - LOBBY)", text, re.S)
    assert elevator, "the elevator scene"
    text = text.replace(elevator.group(0), "")
    added = (
        "EXT. STERLING MANSION - DRIVEWAY - NIGHT #2-4#\n\n"
        "Ethan walks Chloe to the car. Neither speaks.\n\n"
        "CHLOE\nYou didn't have to do that.\n\n"
        "ETHAN\nIt's in the contract.\n\n"
    )
    text = text.replace("# Episode 3", added + "# Episode 3")
    target.write_text(text, encoding="utf-8")
    return target


def build_scenarios(work_dir: Path, log: Callable[[str], None], made_demo: Path | None = None) -> list[Scenario]:
    """Every scenario, from the demo: a copy of one `made_demo` already (the tests' own, made once a
    session), else written here."""
    from studio.demo import write_demo
    from studio.scripts.script_files import read_outline

    started = time.perf_counter()
    demo = work_dir / "demo.sqlite"
    if made_demo is None:
        run_to_end(lambda: write_demo(demo, force=True))
    else:
        shutil.copyfile(made_demo, demo)
    placement, optimizer_seconds = optimized_placement(demo, work_dir)
    log(f"demo written, optimizer's schedule found ({time.perf_counter() - started:.1f} s)")

    fountain = SAMPLES / "contract-bride.fountain"
    revised = revised_script(fountain, work_dir / "contract-bride-blue.fountain")
    outline, digest = read_outline([fountain])
    revised_outline, revised_digest = read_outline([revised])

    import_new = Scenario("import_new", "import", demo, lambda db: op_gui_import(db, outline, digest, fountain.name))
    # the English sample as a revision of the demo's English shooting script (the Chinese one is its original)
    import_cli = Scenario("import_revision_cli", "import", demo, lambda db: op_cli_import(db, fountain))
    prepare(import_new, work_dir)
    prepare(import_cli, work_dir)
    imported = work_dir / "imported.sqlite"  # the demo and the Fountain sample as production 2
    copy_database(import_new.end, imported)
    snapshot = work_dir / "snapshot-before-import.sqlite"  # as Workspace.snapshotted takes it
    run_to_end(lambda: take_snapshot_of(demo, snapshot))
    undo = Scenario("undo_import", "import", imported, lambda db: op_undo_import(db, snapshot))
    reimport = Scenario(
        "reimport_revision",
        "reimport",
        imported,
        lambda db: op_gui_import(db, revised_outline, revised_digest, revised.name, production_id=2),
    )
    reimport_cli = Scenario("reimport_revision_cli", "reimport", imported, lambda db: op_cli_import(db, revised, 2))
    place = Scenario("place_optimized", "schedule", demo, lambda db: op_place(db, placement))
    edits = Scenario("budget_edits", "budget", demo, op_budget_edits)
    moves = Scenario("strips_then_budget_sync", "budget", demo, op_strips_then_budget)
    for scenario in (undo, reimport, reimport_cli, place, edits, moves):
        prepare(scenario, work_dir)
    assert undo.allowed == [import_new.allowed[1], import_new.allowed[0]], "undo puts the demo back"
    assert edits.commits == len(BUDGET_EDITS) and len(set(edits.allowed)) == len(edits.allowed), edits.allowed
    assert len(set(moves.allowed)) == len(moves.allowed) == 5, moves.allowed
    for scenario in (import_new, import_cli, reimport, reimport_cli, place, undo):
        assert scenario.commits == 1 and len(set(scenario.allowed)) == 2, (scenario.name, scenario.allowed)

    auto = Scenario("schedule_auto", "schedule", demo, op_schedule_auto, deterministic=False)
    # `schedule auto` searches as long as the placed schedule's search took (the same work).
    auto.allowed, auto.duration = [file_fingerprint(demo)[0]], optimizer_seconds

    exports = [
        export_scenario(document, suffix, demo, moves.end, work_dir)
        for document, suffix in (("budget", "xlsx"), ("callsheet", "pdf"), ("dood", "xlsx"))
    ]
    controls = build_controls(demo, placement, exports[0], work_dir)
    log(f"scenarios ready ({time.perf_counter() - started:.1f} s)")
    return [import_new, import_cli, undo, reimport, reimport_cli, place, auto, edits, moves, *exports, *controls]


def take_snapshot_of(db: Path, snapshot: Path) -> None:
    from studio.storage.db import open_database
    from studio.storage.snapshots import take_snapshot

    database = open_database(db)
    try:
        shutil.move(take_snapshot(database), snapshot)
    finally:
        database.close()


def build_controls(demo: Path, placement: dict, export: Scenario, work_dir: Path) -> list[Scenario]:
    """Two deliberately unsafe operations, so a run shows that its checks catch what they look for."""
    two_commits = Scenario(
        "control_two_commits", "control", demo, lambda db: op_control_two_commits(db, placement), control=True
    )
    prepare(two_commits, work_dir)
    assert len(set(two_commits.allowed)) == 3, "the control's first commit must change something"
    two_commits.allowed = [two_commits.allowed[0], two_commits.allowed[-1]]  # declared as one operation
    new_bytes = export.new_bytes
    target = work_dir / "exports" / export.export
    in_place = Scenario(
        "control_export_in_place",
        "control",
        demo,
        lambda db: op_control_export_in_place(db, target, new_bytes),
        export=export.export,
        control=True,
    )
    in_place.old_bytes, in_place.new_normalized = export.old_bytes, export.new_normalized
    prepare(in_place, work_dir)
    in_place.windows = []  # no scratch file to mark the write: its kills are drawn over the whole run
    return [two_commits, in_place]


def optimized_placement(demo: Path, work_dir: Path) -> tuple[dict, float]:
    """The optimizer's schedule for the demo (a short search bounded by work, not time, so it is the same
    on any machine), as the Optimize dialog gets it (the quick script-order packing if the search finds
    none or keeps the board's schedule), and how long the search took."""
    db = work_dir / "optimizer.sqlite"
    copy_database(demo, db)

    def work():
        from studio.errors import UserError
        from studio.schedule.auto import board_for_scheduling
        from studio.schedule.optimizer import optimize
        from studio.schedule.packing import baseline_placement
        from studio.schedule.strips import current_placements
        from studio.storage.db import open_database

        database = open_database(db)
        try:
            with database.session() as session:
                board, _added = board_for_scheduling(session, 1)
                current = current_placements(session, 1)
            try:
                placement = optimize(board, work=OPTIMIZER_WORK).placement
            except UserError:
                placement = None
            if placement is None or {day: ids for day, ids in placement.items() if ids} == current:
                placement = baseline_placement(board)  # the short search kept the board's schedule
            return placement
        finally:
            database.close()

    placement, _report, seconds = run_to_end(work)
    return placement, seconds


def export_scenario(document: str, suffix: str, demo: Path, older: Path, work_dir: Path) -> Scenario:
    """Writing an export over an older one of the same name (made here from another state of the data)."""
    name = f"{document}.{suffix}"
    target = work_dir / "exports" / name
    scenario = Scenario(
        f"export_{document}_{suffix}", "export", demo, lambda db: op_export(db, document, target), export=name
    )
    prepare(scenario, work_dir)
    new_bytes = scenario.new_bytes = target.read_bytes()
    old = work_dir / "reference-exports" / name
    old.parent.mkdir(exist_ok=True)
    quietly(lambda: op_export(older, document, old))
    scenario.old_bytes = old.read_bytes()
    scenario.new_normalized = normalized_export(new_bytes, suffix)
    assert scenario.new_normalized != normalized_export(scenario.old_bytes, suffix), f"the old {name} must differ"
    problem = export_problem(new_bytes, suffix) or export_problem(scenario.old_bytes, suffix)
    assert problem is None, problem
    if suffix == "pdf":
        scenario.pages = pdf_pages(new_bytes)
    return scenario
