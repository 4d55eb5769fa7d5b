"""The command line: the same operations as the GUI, for scripts and checks.

Errors print one line on stderr and exit 2 (bad input) or 1 (an internal fault, with the details
written to a log file). main.py routes the GUI and `screenshot` to ui/ and the rest to COMMANDS.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from studio.day_reports.commands import (
    REPORT_READING,
    add_report_commands,
)
from studio.errors import UserError
from studio.export_commands import add_export_commands, run_export
from studio.i18n import _
from studio.paths import database_argument, read_only_asked
from studio.schedule_commands import add_schedule_commands, run_schedule
from studio.script_commands import add_script_commands, paired_report, run_script
from studio.scripts import FORMATS
from studio.storage.database_commands import DATABASE_COMMANDS, add_database_commands

STARTED = time.monotonic()  # about when the process started: main.py imports this first

COLLECT_AFTER = 50_000  # allocations between the cycle collector's youngest passes (Python's default: 700)
SOME_REFUSED = 3  # the exit status of a send the mail server took only part of (the rest was sent and logged)
PAGES = ("script", "breakdown", "cast", "crew", "locations", "schedule", "callsheets", "budget", "reports")


def build_parser() -> argparse.ArgumentParser:
    # --db, --read-only, --production and --json are accepted before or after the subcommand.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="database file, SQLite file: URI (?mode=ro: read-only) or SQLAlchemy URL",
    )
    common.add_argument(
        "--read-only",
        action="store_true",
        default=argparse.SUPPRESS,
        help="open the database without writing to it or beside it (reading commands only)",
    )
    common.add_argument("--production", type=int, default=argparse.SUPPRESS, help="production id")
    parser = argparse.ArgumentParser(
        prog="cliffhanger", parents=[common], description="Cliffhanger: production manager for micro-dramas."
    )
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the demo production")
    parser.add_argument("--lang", choices=("en", "zh_CN"), help="user interface language (default: the system's)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", parents=[common], help="write the demo production into a database file")
    demo.add_argument("--force", action="store_true", help="replace the file if it exists")
    demo.add_argument(
        "--size",
        choices=("standard", "large"),
        default="standard",
        help="large: 100 episodes, 12 shoot days and 11 locations (the optimizer's benchmark)",
    )

    info = commands.add_parser("info", parents=[common], help="what the database holds")
    info.add_argument("--json", action="store_true", help="print one JSON object")

    script = commands.add_parser("import-script", parents=[common], help="import a script, or one file per episode")
    script.add_argument("files", nargs="+", type=Path, metavar="FILE")
    script.add_argument("--format", choices=FORMATS, default="auto", help="the files' format (default: detect)")
    script.add_argument("--color", help="revision colour to record (default: the next in the sequence)")
    script.add_argument(
        "--side",
        choices=("shooting", "original"),
        default="shooting",
        help="the shooting script (its scenes are scheduled; the default) or the original it adapts",
    )
    script.add_argument("--json", action="store_true", help="print one JSON object")

    add_script_commands(commands, common)

    export = add_export_commands(commands, common)

    send = commands.add_parser("send", help="mail documents to the people on a day").add_subparsers(
        dest="document", required=True
    )
    mail = send.add_parser("callsheet", parents=[common], help="each person their call sheet (and sides for cast)")
    mail.add_argument("--day", required=True, help="the day's number (the first unit's)")
    mail.add_argument("--dry-run", action="store_true", help="say who would get what, and send nothing")
    mail.add_argument("--everyone", action="store_true", help="also those whose call sheet is still true")
    mail.add_argument("--json", action="store_true", help="print one JSON object")

    add_schedule_commands(commands, common)

    budget = commands.add_parser("budget", help="the budget").add_subparsers(dest="action", required=True)
    total = budget.add_parser("total", parents=[common], help="the grand total and each account's")
    total.add_argument("--currency", help="report currency (default: the production's)")
    total.add_argument("--json", action="store_true", help="print one JSON object")
    sync = budget.add_parser("sync", parents=[common], help="store what the schedule changed in the budget")
    sync.add_argument("--json", action="store_true", help="print one JSON object")
    report = budget.add_parser("report", parents=[common], help="cost report: budget, actuals, variance")
    report.add_argument("--currency", help="report currency (default: the production's)")
    report.add_argument("--json", action="store_true", help="print one JSON object")
    save = budget.add_parser("save-version", parents=[common], help="keep the budget as it is now under a name")
    save.add_argument("name")
    save.add_argument(
        "--approved", action="store_true", help="and make it the approved budget the final cost is measured against"
    )
    approve = budget.add_parser(
        "approve", parents=[common], help="make a saved version the approved budget the final cost is measured against"
    )
    approve.add_argument("name", help="a version's name")
    for action in (save, approve):
        action.add_argument("--json", action="store_true", help="print one JSON object")
    compare = budget.add_parser("compare", parents=[common], help="two versions side by side (now: the budget now)")
    compare.add_argument("left", help="a version's name, or now")
    compare.add_argument("right", help="a version's name, or now")
    compare.add_argument("--json", action="store_true", help="print one JSON object")

    import_people = commands.add_parser(
        "import-people", parents=[common], help="import a cast or crew list (CSV; re-importing updates people)"
    )
    import_people.add_argument("file", type=Path, metavar="FILE.csv")
    import_people.add_argument("--kind", required=True, choices=("cast", "crew"))
    import_people.add_argument("--json", action="store_true", help="print one JSON object")

    add_database_commands(commands, common)
    add_report_commands(commands, export, common)

    shot = commands.add_parser("screenshot", parents=[common], help="render one page of the GUI to a PNG")
    shot.add_argument("--page", required=True, choices=PAGES)
    shot.add_argument("--out", required=True, type=Path)
    shot.add_argument("--lang", choices=("en", "zh_CN"), default="en")
    return parser


def run_demo(args: argparse.Namespace) -> int:
    from studio.demo import write_demo, write_demo_on_server
    from studio.demo_stamp import demo_changes
    from studio.storage.db import sqlite_path, to_url

    if not getattr(args, "db", None):
        raise UserError(_("demo needs --db FILE: the database file to write"))
    path = sqlite_path(to_url(args.db))
    if path is None:
        from studio.storage.passwords import without_password

        production_id = write_demo_on_server(args.db, force=args.force, size=args.size)
        server = without_password(args.db)
        print(_("wrote the demo production (id {id}) to {target}").format(id=production_id, target=server))
        return 0
    replaced = demo_changes(path) if path.exists() else None
    production_id = write_demo(path, force=args.force, size=args.size)
    print(_("wrote the demo production (id {id}) to {target}").format(id=production_id, target=path))
    if replaced:
        print(
            _("it replaced {changes}; the file as it was is kept in its backups (restore --db {path})").format(
                changes="; ".join(replaced), path=path
            )
        )
    return 0


def run_info(args: argparse.Namespace) -> int:
    """What the database holds: a file's summary as it keeps it while no change has been made since it was
    stored (no ORM imported: `stored_summary`), else worked out, and kept for the next time."""
    from studio.storage import stored_summary

    production_id = getattr(args, "production", None)
    kept = None if read_only_asked(args) else stored_summary.read(database_argument(args))
    if kept is not None:
        where, summary = kept
        productions = [p for p in summary["productions"] if production_id in (None, p["id"])]
        if productions or production_id is None:
            return _print_info({"productions": productions}, str(where), args.json)
    return _print_info(*_worked_out_info(args, production_id), args.json)


def _worked_out_info(args: argparse.Namespace, production_id: int | None) -> tuple[dict, str]:
    from studio.productions import get_production
    from studio.storage import stored_summary
    from studio.storage.command_databases import open_to_read
    from studio.summary import database_summary

    database = open_to_read(args)
    keeps = database.path is not None and not database.read_only and production_id is None
    try:
        with database.reading() as session:
            changes = stored_summary.changes(session) if keeps else None
            if production_id is not None:
                get_production(session, production_id)
            summary = database_summary(session, production_id)
    finally:
        database.close()
    if changes is not None:
        stored_summary.store(database.path, changes, summary)
    return summary, database.describe()


def _print_info(summary: dict, where: str, as_json: bool) -> int:
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
        return 0
    print(f"Database: {where}")
    if not summary["productions"]:
        print("No productions yet.")
    for production in summary["productions"]:
        total = production.get("budget_total")
        chinese = production["title_zh"] if production["title_zh"] != production["title"] else ""
        print(f"[{production['id']}] {production['title']} {chinese}".rstrip())
        print(
            f"    {production['episodes']} episodes, {production['scenes']} scenes, "
            f"{production['characters']} characters, {production['cast']} cast, {production['crew']} crew, "
            f"{production['locations']} locations, {production['shoot_days']} shoot days "
            f"({production['scheduled_scenes']} scenes scheduled)"
            + (f", budget {total['amount']} {total['currency']}" if total else "")
        )
        original = production.get("original")  # a summary kept by an older version has none
        if original and original["scenes"]:
            print(f"    the original it is adapted from: {original['episodes']} episodes, {original['scenes']} scenes")
    return 0


def _refuse_an_unrelated_script(session, result, files: list[Path]) -> None:
    """A script sharing no scene with the production it went into unasked (the file's only one) is
    another show's, not a revision: importing it would omit every scene the production had, and cost
    its schedule's lines. Refused (the transaction rolls back) unless --production names it."""
    from studio.models import Production

    if result.omitted and not result.changed and len(result.added) == result.scenes:
        production = session.get(Production, result.production_id)
        raise UserError(
            _(
                "{file} shares no scene with production {id}, {title}, and would omit all {count} of its scenes: "
                "give --production {id} to revise it so, or --db a new file"
            ).format(file=files[0].name, id=production.id, title=production.title, count=len(result.omitted))
        )


def run_import_script(args: argparse.Namespace) -> int:
    import contextlib

    from studio.adaptation import flagged_scene
    from studio.formatting import format_eighths
    from studio.scripts.importer import import_outline
    from studio.scripts.script_files import read_outline
    from studio.storage.db import open_database, sqlite_path, to_url
    from studio.storage.new_files import new_database_file

    outline, fingerprint = read_outline(args.files, args.format)
    target = database_argument(args)
    new_file = sqlite_path(to_url(target))
    with contextlib.ExitStack() as making:
        if new_file is not None and not new_file.exists():
            # made under a temporary name and renamed once the import has committed: a refused or
            # killed import leaves no empty database under the name
            target = making.enter_context(new_database_file(new_file))
        database = open_database(target, create=True)
        try:
            with database.transaction() as session:
                result = import_outline(
                    session,
                    outline,
                    production_id=getattr(args, "production", None),
                    source_name=", ".join(path.name for path in args.files),
                    source_sha256=fingerprint,
                    color=args.color,
                    side=args.side.upper(),
                )
                if getattr(args, "production", None) is None:
                    _refuse_an_unrelated_script(session, result, args.files)
        finally:
            database.close()
    guesses = [{"line": guess.line, "message": guess.message} for guess in outline.guesses]
    if args.json:
        print(json.dumps({**result.to_json(), "guesses": guesses}, ensure_ascii=False))
        return 0
    print(
        _(
            "Imported {scenes} scenes in {episodes} episodes ({pages} pages) into production {id}, revision {color}: "
            "{added} added, {changed} changed, {omitted} omitted."
        ).format(
            scenes=result.scenes,
            episodes=result.episodes,
            pages=format_eighths(result.pages_eighths),
            id=result.production_id,
            color=result.revision,
            added=len(result.added),
            changed=len(result.changed),
            omitted=len(result.omitted),
        )
    )
    if result.cast_added:
        print(_("Cast added to unchanged scenes: {scenes}").format(scenes=", ".join(result.cast_added)))
    if result.flagged:
        print(
            _("Approved, now flagged as the original changed since: {scenes}").format(
                scenes=", ".join(flagged_scene(pair) for pair in result.flagged)
            )
        )
    if guesses:
        print(_("What the script does not say, and the import took it to mean:"))
    for guess in guesses:
        print("  " + _("line {line}: {message}").format(**guess))
    if result.alignment is not None:
        print(paired_report(result.alignment))
    return 0


def run_import_people(args: argparse.Namespace) -> int:
    from studio.people_csv import import_people
    from studio.productions import get_production
    from studio.storage.db import open_database

    database = open_database(database_argument(args))
    try:
        with database.transaction() as session:
            production = get_production(session, getattr(args, "production", None))
            result = import_people(session, production.id, args.file, args.kind)
    finally:
        database.close()
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    print(_("{added} added, {updated} updated").format(added=result.added, updated=result.updated))
    for match in result.chinese_name_matches:
        print(match)
    if result.ignored_columns:
        print(_("columns not read: {columns}").format(columns=", ".join(result.ignored_columns)))
    return 0


def run_send(args: argparse.Namespace) -> int:
    from studio.callsheet import numbered_day
    from studio.export_commands import day_given
    from studio.productions import get_production
    from studio.sending.day_mail import plan_day_mail, send_day_mail
    from studio.storage.command_databases import open_to_read
    from studio.storage.db import open_database

    database = open_to_read(args) if args.dry_run else open_database(database_argument(args))
    try:
        with database.reading() as session:
            production_id = get_production(session, getattr(args, "production", None)).id
            day_id = numbered_day(session, production_id, day_given(args.day))
            if args.dry_run:
                outcome = plan_day_mail(session, production_id, day_id, args.everyone)
        if not args.dry_run:
            outcome = send_day_mail(database, production_id, day_id, args.everyone)
    finally:
        database.close()
    report = outcome.to_json(args.dry_run)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return SOME_REFUSED if report["refused"] else 0
    for message in report["messages"]:
        where = message["email"] or "—"
        print(f"{message['status']:>10}  {message['name']} <{where}> [{message['language']}]  {message['subject']}")
    print(_("{sent} sent; not sent: {names}").format(sent=report["sent"], names=", ".join(report["not_sent"]) or "—"))
    if report["refused"]:
        print(
            _("refused by the mail server (sent at the next send): {names}").format(names=", ".join(report["refused"]))
        )
        return SOME_REFUSED
    return 0


BUDGET_READING = ("total", "report", "compare")  # the budget actions that change nothing


def run_budget(args: argparse.Namespace) -> int:
    from studio.budget.commands import BUDGET_ACTIONS

    return run_money_action(args, BUDGET_ACTIONS, BUDGET_READING)


def run_report(args: argparse.Namespace) -> int:
    from studio.day_reports.commands import REPORT_ACTIONS

    return run_money_action(args, REPORT_ACTIONS, REPORT_READING)


def run_money_action(args: argparse.Namespace, actions: dict[str, Callable], reading: tuple[str, ...]) -> int:
    """A `budget` or `report` action, each returning its JSON and its text: the reading ones on the database
    opened to read, the others in one transaction; refused at once for a login that may not read money."""
    from studio.productions import get_production
    from studio.storage.command_databases import open_to_read
    from studio.storage.db import open_database

    reads = args.action in reading
    database = open_to_read(args) if reads else open_database(database_argument(args))
    try:
        database.check_sees_money()
        with database.reading() if reads else database.transaction() as session:
            production = get_production(session, getattr(args, "production", None))
            report, text = actions[args.action](session, production.id, args)
    finally:
        database.close()
    print(json.dumps(report, ensure_ascii=False) if getattr(args, "json", False) else text)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    **DATABASE_COMMANDS,
    "budget": run_budget,
    "export": run_export,
    "demo": run_demo,
    "info": run_info,
    "import-script": run_import_script,
    "import-people": run_import_people,
    "report": run_report,
    "schedule": run_schedule,
    "script": run_script,
    "send": run_send,
}


def reads_only(args: argparse.Namespace) -> bool:
    """Whether the command changes nothing, neither the database nor anything beside it."""
    if args.command == "budget":
        return args.action in BUDGET_READING
    if args.command == "restore":
        return args.backup is None  # the list of backups
    if args.command == "send":
        return args.dry_run
    if args.command == "report":
        return args.action in REPORT_READING
    if args.command == "schedule":
        return args.action == "check" or (args.action == "replan" and args.dry_run)
    return args.command in ("info", "export", "script", "copy-database", "copy-production")  # copies read their --db


def run_command(args: argparse.Namespace) -> int:
    """Run a command (not the GUI's, not `screenshot`): one that writes is refused up front if asked to
    open its database read-only, and a file it cannot write is reported with the command line's way
    forward (--read-only, for a reading command) instead of the window's."""
    from studio.errors import DatabaseReadOnly, DiskFull
    from studio.storage.command_databases import command_line_way, refusal

    if read_only_asked(args) and not reads_only(args):
        named = " ".join(filter(None, (args.command, getattr(args, "action", None))))
        raise refusal(named)
    # A command runs once and exits: the cycle collector's passes over the thousands of objects its imports
    # make (SQLAlchemy, SQLModel, reportlab) cost an export a tenth of its time; collect far less often.
    gc.set_threshold(COLLECT_AFTER, 20, 100)
    try:
        return COMMANDS[args.command](args)
    except (DatabaseReadOnly, DiskFull) as problem:
        if problem.opens_read_only is None:
            raise
        raise command_line_way(problem) from None


def guarded(action: Callable[[], int]) -> int:
    """Run a command: user errors become one line and exit 2, faults one line (plus a log) and exit 1."""
    try:
        return action()
    except UserError as error:
        print(f"cliffhanger: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("cliffhanger: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`… | head`): nothing left to say to it
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback in the user's face
        from studio.crash_log import crash_summary, write_crash_log

        log = write_crash_log(error)
        print(f"cliffhanger: internal error ({crash_summary(error)}); details in {log}", file=sys.stderr)
        return 1
