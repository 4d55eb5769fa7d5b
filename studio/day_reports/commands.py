"""The command line's daily production reports: `report day|start|post|final-cost` and `export dpr`
(their arguments join studio.cli's parser, which runs each action as it runs the budget's). Each action
returns its JSON and its text; every figure is in the production's base currency unless a --currency asks
for another."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from studio.formatting import over_or_under
from studio.i18n import _, local_name
from studio.language_option import document_language

REPORT_READING = ("day", "final-cost")  # the report actions that change nothing


def add_report_commands(commands, export, common: argparse.ArgumentParser) -> None:
    """`report …` on the command line's subcommands, `dpr` among its exports; `common`: --db and the rest."""
    report = commands.add_parser("report", help="daily production reports").add_subparsers(dest="action", required=True)
    day = report.add_parser(
        "day", parents=[common], help="a reported day: times, scenes shot, overtime, penalties, hot cost"
    )
    start = report.add_parser("start", parents=[common], help="start a shot day's report from its call sheet")
    post = report.add_parser("post", parents=[common], help="post a reported day's labour to the budget as actuals")
    for action in (day, start, post):
        action.add_argument("--day", required=True, type=int, help="the day's number (the first unit's)")
        action.add_argument("--json", action="store_true", help="print one JSON object")
    final = report.add_parser(
        "final-cost", parents=[common], help="estimated final cost: actuals to date and the rest of the plan"
    )
    final.add_argument("--currency", help="report currency (default: the production's)")
    final.add_argument("--json", action="store_true", help="print one JSON object")
    dpr = export.add_parser("dpr", parents=[common], help="a reported day's production report (PDF or xlsx)")
    dpr.add_argument("--day", required=True, type=int, help="the day's number (the first unit's)")
    dpr.add_argument("--out", required=True, type=Path, help="F.pdf or F.xlsx")
    document_language(dpr, "en", "its language")


def add_replan_command(schedule, common: argparse.ArgumentParser) -> None:
    """`schedule replan`, among the schedule's actions."""
    replan = schedule.add_parser(
        "replan", parents=[common], help="re-plan the days from N on: scenes left unshot go back to be scheduled"
    )
    replan.add_argument("--from-day", required=True, type=int, help="the first day to re-plan (after the reported)")
    limit = replan.add_mutually_exclusive_group()
    limit.add_argument("--time-limit", type=float, default=10.0, help="seconds to search (default 10)")
    limit.add_argument("--work", type=float, help="search this much work instead: the same schedule anywhere")
    replan.add_argument("--dry-run", action="store_true", help="say what the slip costs and change nothing")
    replan.add_argument("--json", action="store_true", help="print one JSON object")


def run_replan(args: argparse.Namespace) -> int:
    import json

    from studio.day_reports.replan import apply_replan, replan
    from studio.paths import database_argument
    from studio.productions import get_production
    from studio.schedule.meals import meals_report
    from studio.schedule_commands import check_search_limits
    from studio.storage.command_databases import open_to_read
    from studio.storage.db import open_database

    check_search_limits(args)
    if args.dry_run:  # changes nothing: a read-only database will do, as for any reading command
        database = open_to_read(args)
        try:
            with database.reading() as session:
                production = get_production(session, getattr(args, "production", None))
                plan = replan(session, production.id, args.from_day, args.time_limit, work=args.work)
                session.rollback()  # a day added to see whether the scenes fit
        finally:
            database.close()
    else:
        database = open_database(database_argument(args))
        try:
            with database.transaction() as session:
                production = get_production(session, getattr(args, "production", None))
                plan = replan(session, production.id, args.from_day, args.time_limit, work=args.work)
                apply_replan(session, production.id, plan)
        finally:
            database.close()
    report = plan.to_json() | {"applied": not args.dry_run}
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
        return 0
    change = report["change"]
    if plan.stays:
        print(
            _(
                "Re-planned from day {day}: nothing new to place, and nothing costs less than the schedule as it is "
                "({cost} {currency}): it stays."
            ).format(day=args.from_day, cost=report["cost"]["amount"], currency=change["currency"])
        )
        return 0
    print(
        _(
            "Re-planned from day {day}: {unshot} scenes left unshot scheduled again; the schedule costs {cost} "
            "{currency}. The slip costs {change} ({work} cast work days, {holds} hold days, {locations} location "
            "days, {added} shoot days added at {days_cost} in the budget); placing the remaining days again saves "
            "{saved} besides."
        ).format(
            day=args.from_day,
            unshot=report["unshot_scenes"],
            cost=report["cost"]["amount"],
            currency=change["currency"],
            change=change["amount"],
            work=change["cast_work_days"],
            holds=change["cast_hold_days"],
            locations=change["location_days"],
            added=change["shoot_days_added"],
            days_cost=change["shoot_days_cost"],
            saved=report["improvement"]["amount"],
        )
    )
    for line in meals_report(plan.meals):
        print(line)
    return 0


def _day(session, production_id: int, args: argparse.Namespace) -> tuple[dict, str]:
    from studio.budget.totals import current_budget
    from studio.callsheet import numbered_day
    from studio.day_reports.final_cost import final_cost
    from studio.day_reports.postings import budget_accounts, posting_state
    from studio.day_reports.summary import day_summary

    day_id = numbered_day(session, production_id, args.day)
    summary = day_summary(session, production_id, day_id)
    report = summary.to_json()
    current = current_budget(session, production_id, summary.currency)  # worked out once, for both
    report["posted"] = posting_state(session, production_id, day_id, summary.hot.actual, budget_accounts(current))
    cost = final_cost(session, production_id, current=current).to_json()
    report["final_cost"] = {
        "currency": cost["currency"],
        "approved_budget": cost["approved_budget"],
        **{name: cost["total"][name] for name in ("budget", "at_completion", "variance")},
        **{name: cost[name] for name in ("per_episode", "per_screen_minute", "finished_episodes")},
    }
    return report, day_text(report)


def day_text(report: dict) -> str:
    from studio.day_reports.postings import OUT_OF_DATE
    from studio.day_reports.summary import ahead_or_behind

    scenes, to_date, hot = report["scenes"], report["to_date"], report["hot_cost"]
    currency = hot["currency"]
    lines = [
        _("Day {day} of {of} ({date}): crew call {call}, camera wrap {wrap}").format(
            day=report["day"],
            of=report["of"],
            date=report["date"],
            call=report["times"]["crew_call"] or "—",
            wrap=report["times"]["camera_wrap"] or "—",
        ),
        _(
            "Scenes: {completed} completed, {partial} partly shot, {not_shot} not shot, {added} added; {pages} pages, "
            "{minutes} of screen time, {setups} setups"
        ).format(**scenes, minutes=scenes["screen_minutes"]),
        _("Overtime: {hours} hours, {amount} {currency}").format(**report["overtime"], currency=currency),
        _("Penalties: {late} late meals, {forced} forced calls, {amount} {currency}").format(
            late=report["penalties"]["late_meals"],
            forced=report["penalties"]["forced_calls"],
            amount=report["penalties"]["amount"],
            currency=currency,
        ),
        _("Hot cost: {actual} {currency} against {planned} planned ({variance})").format(
            **{**hot["total"], "variance": over_or_under(Decimal(hot["total"]["variance"]))}, currency=currency
        ),
        _("To date: {shot} pages shot of {planned} planned ({standing}); {left} pages left").format(
            shot=to_date["shot"]["pages"],
            planned=to_date["planned"]["pages"],
            standing=ahead_or_behind(to_date["ahead_eighths"]),
            left=to_date["remaining"]["pages"],
        ),
    ]
    lines.append(final_cost_line(report["final_cost"], report["final_cost"]["approved_budget"]))
    if report["posted"] == OUT_OF_DATE:
        lines.append(
            _("Posted to the budget before the report was changed: post it again (report post --day {day})").format(
                day=report["day"]
            )
        )
    return "\n".join(lines)


def final_cost_line(total: dict, approved: dict | None) -> str:
    """The estimated final cost against the budget, `total` as `FinalCost.to_json` has it (its variance the
    budget less the cost at completion), the approved budget named where there is one."""
    said = {**total, "variance": over_or_under(-Decimal(total["variance"]))}
    if approved is None:
        return _("Estimated final cost: {at_completion} {currency} against a budget of {budget} ({variance})").format(
            **said
        )
    return _(
        "Estimated final cost: {at_completion} {currency} against the approved budget, {version}, of {budget} "
        "({variance})"
    ).format(**said, version=approved["name"])


def _start(session, production_id: int, args: argparse.Namespace) -> tuple[dict, str]:
    from studio.callsheet import numbered_day
    from studio.day_reports.starting import start_day_report

    day_id = numbered_day(session, production_id, args.day)
    start_day_report(session, day_id)
    return {"day": args.day, "started": True}, _("Started the report of day {day}.").format(day=args.day)


def _post(session, production_id: int, args: argparse.Namespace) -> tuple[dict, str]:
    from studio.callsheet import numbered_day
    from studio.day_reports.postings import post_days

    entries = post_days(session, production_id, [numbered_day(session, production_id, args.day)])
    text = _("Posted day {day}'s labour to the budget: {count} entries.").format(day=args.day, count=entries)
    return {"day": args.day, "entries": entries}, text


def _final_cost(session, production_id: int, args: argparse.Namespace) -> tuple[dict, str]:
    from studio.day_reports.final_cost import final_cost

    report = final_cost(session, production_id, args.currency).to_json()
    rows = [
        _("{code} {name}: budget {budget}, at completion {at_completion} ({variance})").format(
            **{
                **account,
                "name": local_name(account["name"], account["name_zh"]),
                "variance": over_or_under(-Decimal(account["variance"])),
            }
        )
        for account in report["accounts"]
        if account["at_completion"] != account["budget"]
    ]
    rows.append(final_cost_line({**report["total"], "currency": report["currency"]}, report["approved_budget"]))
    return report, "\n".join(rows)


REPORT_ACTIONS: dict[str, Callable] = {"day": _day, "start": _start, "post": _post, "final-cost": _final_cost}


def export_dpr(session, production_id: int, args: argparse.Namespace) -> Path:
    from studio.callsheet import numbered_day
    from studio.exports.dpr import write_dpr

    day_id = numbered_day(session, production_id, args.day)
    return write_dpr(session, production_id, day_id, args.out, args.document_lang)
