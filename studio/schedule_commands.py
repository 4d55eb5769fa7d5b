"""The `schedule` commands: `auto` (optimize and apply), `replan` (the rest after reported days, in
`day_reports.commands`) and `check` (what the stored schedule costs and breaks), joining `cli.py`'s parser."""

from __future__ import annotations

import argparse
import json
import time
from decimal import Decimal

from studio.day_reports.commands import add_replan_command, run_replan
from studio.errors import UserError
from studio.i18n import _
from studio.paths import database_argument


def add_schedule_commands(commands, common: argparse.ArgumentParser) -> None:
    schedule = commands.add_parser("schedule", help="the shooting schedule").add_subparsers(
        dest="action", required=True
    )
    auto = schedule.add_parser("auto", parents=[common], help="schedule every scene at the lowest cost (CP-SAT)")
    auto.add_argument("--days", type=int, help="shoot days to use (added after the last one when missing)")
    limit = auto.add_mutually_exclusive_group()
    limit.add_argument("--time-limit", type=float, default=30.0, help="seconds to search, at most (default 30)")
    limit.add_argument(
        "--work",
        type=float,
        help="search this much work instead (CP-SAT's deterministic time): the same result anywhere",
    )
    auto.add_argument("--json", action="store_true", help="print one JSON object")
    add_replan_command(schedule, common)
    check = schedule.add_parser("check", parents=[common], help="what the schedule costs and the limits it breaks")
    check.add_argument("--json", action="store_true", help="print one JSON object")


MIN_SECONDS = 5


def check_search_limits(args: argparse.Namespace) -> None:
    """The optimizer's --time-limit and --work, as `schedule auto` and `schedule replan` take them: at
    least MIN_SECONDS, as in the window (reading the production and saving what it finds take the first
    seconds of the limit: below that nothing would be searched)."""
    if not MIN_SECONDS <= args.time_limit <= 3600:
        raise UserError(_("--time-limit must be from {least} to 3600 seconds").format(least=MIN_SECONDS))
    if args.work is not None and not 0 < args.work <= 10000:
        raise UserError(_("--work must be more than 0 and at most 10000"))


def run_schedule(args: argparse.Namespace) -> int:
    from studio import cli
    from studio.operations import store_meals
    from studio.productions import get_production
    from studio.schedule.auto import result_json, schedule_automatically
    from studio.schedule.meals import meals_report
    from studio.storage.db import open_database

    if args.action == "replan":
        return run_replan(args)
    if args.action == "check":
        return run_schedule_check(args)
    if args.days is not None and not 1 <= args.days <= 366:
        raise UserError(_("--days must be from 1 to 366"))
    check_search_limits(args)
    database = open_database(database_argument(args))
    try:
        if args.days is None:
            run = _search_holding_no_lock(database, args)
        else:  # the days added or cut and the schedule put in one transaction: all of it, or none
            with database.transaction() as session:
                production = get_production(session, getattr(args, "production", None))
                # The time limit is the whole command's, from the process's start to its report.
                started = time.monotonic() - cli.STARTED
                run = schedule_automatically(
                    session, production.id, args.days, args.time_limit, work=args.work, spent=started
                )
                store_meals(session, run.result.meals)
        days = sum(1 for day_id, strips in run.result.placement.items() if day_id is not None and strips)
    finally:
        database.close()
    report = result_json(run, days)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(schedule_report(report, days, run.result.status))
    if run.days_added or run.from_boneyard or run.result.conflicts:
        print(
            _(
                "Shoot days added: {days}; scenes taken from the boneyard: {scenes}; conflicts left: {conflicts}."
            ).format(days=run.days_added, scenes=run.from_boneyard, conflicts=run.result.conflicts)
        )
    if run.left_empty:
        print(
            _("Days past --days {days}, their scenes scheduled again, now hold none: {numbers}.").format(
                days=args.days, numbers=", ".join(map(str, run.left_empty))
            )
        )
    if run.result.reported:
        print(
            _(
                "Reported days kept what was shot on them and took no other scene (days {days}); {unshot} scene(s) "
                "not shot on them stay there: schedule replan schedules them again."
            ).format(days=", ".join(map(str, run.result.reported)), unshot=run.result.unshot)
        )
    for line in meals_report(run.result.meals):
        print(line)
    return 0


def _search_holding_no_lock(database, args: argparse.Namespace):
    """`schedule auto` on the days there are: every scene given a strip (a short write, when any has none),
    the board read, the search made holding no lock, so that another program (a colleague's report, the
    window) saves meanwhile, and the schedule found put in a transaction of its own, unless a strip it moves
    was changed meanwhile (nothing is put, and the command says so)."""
    from studio import cli
    from studio.operations import store_meals
    from studio.productions import get_production
    from studio.schedule.auto import SchedulingRun, board_for_scheduling, put_schedule, refuse_without_days
    from studio.schedule.optimizer import optimize
    from studio.schedule.strips import ensure_strips

    with database.transaction() as session:
        production_id = get_production(session, getattr(args, "production", None)).id
        ensure_strips(session, production_id)
    with database.reading() as session:
        board, _added = board_for_scheduling(session, production_id)
    refuse_without_days(board)
    # The time limit is the whole command's, from the process's start to its report.
    result = optimize(board, args.time_limit, work=args.work, spent=time.monotonic() - cli.STARTED)
    if not result.improved:  # the board's schedule stays as it is
        return SchedulingRun(result, [], 0, 0)
    with database.transaction() as session:
        run = put_schedule(session, production_id, board, result, 0)
        store_meals(session, result.meals)
    return run


def run_schedule_check(args: argparse.Namespace) -> int:
    from studio.productions import get_production
    from studio.schedule.board_loading import load_board
    from studio.schedule.check import check_text, schedule_check
    from studio.storage.command_databases import open_to_read

    database = open_to_read(args)
    try:
        with database.reading() as session:
            report = schedule_check(load_board(session, get_production(session, getattr(args, "production", None)).id))
    finally:
        database.close()
    print(json.dumps(report, ensure_ascii=False) if args.json else "\n".join(check_text(report)))
    return 0


def status_words() -> dict[str, str]:
    """An optimizer's status in the report's language (the JSON keeps the word itself)."""
    return {
        "optimal": _("optimal"),
        "feasible": _("feasible"),
        "limits broken": _("limits broken"),
        "impossible": _("impossible"),
    }


def schedule_report(report: dict, days: int, status: str) -> str:
    """What `schedule auto` did, in words: against the schedule the board had first, then script order,
    then how far the bound leaves it."""
    current = report["current_cost"]
    fields = {
        "scenes": report["scheduled_scenes"],
        "days": days,
        "status": status_words().get(status, status),
        "cost": report["cost"]["amount"],
        "currency": report["cost"]["currency"],
        "script": report["baseline_saving_percent"],
        "baseline": report["baseline_cost"]["amount"],
    }
    if not report["improved"]:
        text = _("The current schedule ({cost} {currency}) is the best found: nothing changed.").format(**fields)
    elif current is not None and Decimal(report["cost"]["amount"]) > Decimal(current["amount"]):
        text = _(
            "Scheduled {scenes} scenes on {days} days ({status}): {cost} {currency}, more than the current schedule "
            "({current} {currency}), which breaks {broken} limit(s) where this one breaks {left}."
        ).format(current=current["amount"], broken=report["current_conflicts"], left=report["conflicts"], **fields)
    elif current is not None:
        text = _(
            "Scheduled {scenes} scenes on {days} days ({status}): {cost} {currency}, {saving}% below the current "
            "schedule ({current} {currency}) and {script}% below script order ({baseline} {currency})."
        ).format(saving=report["saving_percent"], current=current["amount"], **fields)
    else:
        text = _(
            "Scheduled {scenes} scenes on {days} days ({status}): {cost} {currency}, "
            "{script}% below script order ({baseline} {currency})."
        ).format(**fields)
    if report["gap_percent"] is not None:
        text += " " + _("No schedule within the limits costs less than {bound} {currency} (a gap of {gap}%).").format(
            bound=report["lower_bound"]["amount"], gap=report["gap_percent"], **fields
        )
    return text
