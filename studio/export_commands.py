"""`export`: the documents the command line writes, each by its own writer in studio.exports (or the
domain module that owns it), from a database opened to read."""

from __future__ import annotations

import argparse
from pathlib import Path

from studio.day_reports.commands import export_dpr
from studio.errors import UserError
from studio.i18n import _
from studio.language_option import document_language


def add_export_commands(commands, common: argparse.ArgumentParser):
    """The `export` command and its documents; returns its subparsers (the production report adds one)."""
    export = commands.add_parser("export", help="write a document").add_subparsers(dest="document", required=True)
    breakdown = export.add_parser("breakdown", parents=[common], help="breakdown sheets or element report (PDF)")
    breakdown.add_argument("--out", required=True, type=Path)
    breakdown.add_argument("--report", choices=("sheets", "elements"), default="sheets")
    contacts = export.add_parser("contacts", parents=[common], help="contact sheet: cast, crew, locations")
    contacts.add_argument("--out", required=True, type=Path, help="F.xlsx or F.pdf")
    document_language(contacts, "en+zh", "headings' language")
    dood = export.add_parser(
        "dood", parents=[common], help="Day Out of Days: each cast member's work, hold, travel, drop"
    )
    dood.add_argument("--out", required=True, type=Path, help="F.xlsx or F.pdf")
    document_language(dood, "en", "its language")
    shooting = export.add_parser("schedule", parents=[common], help="shooting schedule (PDF) or shoot calendar (.ics)")
    shooting.add_argument("--out", required=True, type=Path, help="F.pdf or F.ics")
    shooting.add_argument("--report", choices=("full", "one-liner"), default="full", help="PDF only")
    document_language(shooting, "en", "the PDF's language")
    callsheet = export.add_parser("callsheet", parents=[common], help="a shoot day's call sheet, or every day's (PDF)")
    callsheet.add_argument("--day", required=True, help="the day's number (the first unit's), or all")
    callsheet.add_argument("--out", required=True, type=Path, help="F.pdf, or a folder with --day all")
    document_language(callsheet, "en", "its language")
    callsheet.add_argument("--cast-version", action="store_true", help="leave out the crew's phone numbers")
    sides = export.add_parser("sides", parents=[common], help="a shoot day's scenes as script pages (PDF)")
    sides.add_argument("--day", required=True, help="the day's number (the first unit's)")
    sides.add_argument("--out", required=True, type=Path, help="F.pdf, or a folder")
    document_language(sides, "en", "its labels")
    sides.add_argument("--watermark", default="", help="a name written across every page (the recipient's)")
    sides.add_argument(
        "--script",
        choices=("shooting", "original", "both"),
        default="shooting",
        help="the scenes as the shooting script has them (default), as the original does, or both side by side",
    )
    script = export.add_parser(
        "script", parents=[common], help="the original and its adaptation in two columns, scene by scene (PDF)"
    )
    script.add_argument("--bilingual", action="store_true", help="both scripts side by side (the one layout so far)")
    script.add_argument("--out", required=True, type=Path, help="F.pdf")
    document_language(script, "en+zh", "its labels")
    budget_book = export.add_parser(
        "budget",
        parents=[common],
        help="the budget as an Excel workbook with formulas, or for head office as a PDF: the top sheet, "
        "the cost report and the estimated final cost",
    )
    budget_book.add_argument("--out", required=True, type=Path, help="F.xlsx or F.pdf")
    budget_book.add_argument("--currency", help="report currency (default: the production's)")
    document_language(budget_book, "en", "headings' language")
    people = export.add_parser("people", parents=[common], help="the cast or crew list as CSV")
    people.add_argument("--kind", required=True, choices=("cast", "crew"))
    people.add_argument("--out", required=True, type=Path, help="F.csv")
    return export


def _export_breakdown(session, production_id: int, args: argparse.Namespace) -> Path:
    from studio.exports.breakdown_pdf import write_breakdown_sheets, write_element_report

    writers = {"sheets": write_breakdown_sheets, "elements": write_element_report}
    return writers[args.report](session, production_id, args.out)


def _export_contacts(session, production_id: int, args: argparse.Namespace) -> Path:
    from studio.exports.contacts import write_contact_sheet

    return write_contact_sheet(session, production_id, args.out, args.document_lang)


def _export_people(session, production_id: int, args: argparse.Namespace) -> Path:
    from studio.people_csv import export_people

    return export_people(session, production_id, args.kind, args.out)


def _export_dood(session, production_id: int, args: argparse.Namespace) -> Path:
    from studio.exports.dood import write_dood

    return write_dood(session, production_id, args.out, args.document_lang)


def _export_schedule(session, production_id: int, args: argparse.Namespace) -> Path:
    suffix = args.out.suffix.lower()
    if suffix == ".ics":
        from studio.exports.calendar_ics import write_shoot_calendar

        return write_shoot_calendar(session, production_id, args.out)
    if suffix != ".pdf":
        raise UserError(
            _("cannot write a schedule as {name}: choose a file ending in .pdf or .ics").format(name=args.out.name)
        )
    from studio.exports.schedule_pdf import write_shooting_schedule

    return write_shooting_schedule(session, production_id, args.out, args.report, args.document_lang)


def _export_callsheet(session, production_id: int, args: argparse.Namespace) -> Path | list[Path]:
    from studio.callsheet import numbered_day
    from studio.exports.callsheet_pdf import write_call_sheet, write_call_sheets

    if args.day == "all":
        return write_call_sheets(session, production_id, args.out, args.document_lang, args.cast_version)
    if not args.day.isdigit():
        raise UserError(_("--day must be a day's number or all, not {day}").format(day=args.day))
    day_id = numbered_day(session, production_id, int(args.day))
    return write_call_sheet(session, production_id, day_id, args.out, args.document_lang, args.cast_version)


def day_given(text: str) -> int:
    """The day's number `--day` gives (one line, not the usage, when it is not one)."""
    if not text.strip().isdigit():
        raise UserError(_("--day must be a day's number, not {day}").format(day=text))
    return int(text)


def _export_sides(session, production_id: int, args: argparse.Namespace) -> Path:
    from studio.callsheet import numbered_day
    from studio.exports.sides_pdf import without_original, write_sides

    day_id = numbered_day(session, production_id, day_given(args.day))
    written = write_sides(session, production_id, day_id, args.out, args.document_lang, args.watermark, args.script)
    added = without_original(session, day_id) if args.script == "original" else []
    if added:
        print(
            _("added in adaptation, with no original (their sides are the shooting script's): {numbers}").format(
                numbers=", ".join(added)
            )
        )
    return written


def _export_script(session, production_id: int, args: argparse.Namespace) -> Path:
    from studio.exports.script_pdf import write_bilingual_script

    if not args.bilingual:
        raise UserError(_("export script writes the two scripts side by side: give --bilingual"))
    return write_bilingual_script(session, production_id, args.out, args.document_lang)


def _export_budget(session, production_id: int, args: argparse.Namespace) -> Path:
    if args.out.suffix.lower() == ".pdf":
        from studio.exports.head_office import write_head_office

        return write_head_office(session, production_id, args.out, args.currency, args.document_lang)
    from studio.exports.budget_xlsx import write_budget

    return write_budget(session, production_id, args.out, args.currency, args.document_lang)


EXPORTS = {
    "breakdown": _export_breakdown,
    "budget": _export_budget,
    "callsheet": _export_callsheet,
    "contacts": _export_contacts,
    "dood": _export_dood,
    "dpr": export_dpr,
    "people": _export_people,
    "schedule": _export_schedule,
    "script": _export_script,
    "sides": _export_sides,
}


def run_export(args: argparse.Namespace) -> int:
    from studio.productions import get_production
    from studio.storage.command_databases import open_to_read

    database = open_to_read(args)
    try:
        if args.document in ("budget", "dpr"):
            database.check_sees_money()
        with database.reading() as session:
            production = get_production(session, getattr(args, "production", None))
            written = EXPORTS[args.document](session, production.id, args)
    finally:
        database.close()
    if isinstance(written, list):
        print(_("wrote {count} files in {folder}").format(count=len(written), folder=written[0].parent))
    else:
        print(_("wrote {path}").format(path=written))
    return 0
