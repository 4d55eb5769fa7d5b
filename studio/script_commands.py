"""`script`: the stored scenes with the writer's notes (`script scenes`), and a show's two scripts, the
original and its adaptation: `script align` pairs two files without storing anything, or reports the
production's stored pairing."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from studio.errors import UserError
from studio.i18n import _
from studio.scripts import FORMATS


def add_script_commands(commands, common: argparse.ArgumentParser) -> None:
    scripts = commands.add_parser(
        "script", help="the stored scenes, and a show's two scripts: the original and its adaptation"
    ).add_subparsers(dest="action", required=True)
    scenes = scripts.add_parser("scenes", parents=[common], help="the production's scenes with the writer's notes")
    scenes.add_argument("--episode", type=int, help="only this episode's scenes")
    scenes.add_argument("--json", action="store_true", help="print one JSON object")
    align = scripts.add_parser(
        "align",
        parents=[common],
        help="pair an original's scenes with its adaptation's and propose the names' map (nothing stored); "
        "without files, the production's stored pairing",
    )
    align.add_argument("original", nargs="?", type=Path, metavar="ORIGINAL", help="the original script (any format)")
    align.add_argument("adaptation", nargs="?", type=Path, metavar="ADAPTATION", help="its adaptation (any format)")
    align.add_argument("--format", choices=FORMATS, default="auto", help="both files' format (default: detect)")
    align.add_argument("--json", action="store_true", help="print one JSON object")


def run_script(args: argparse.Namespace) -> int:
    """`script scenes`: the stored scenes; `script align`: both files read as import-script reads them,
    nothing stored, or, without files, the production's two scripts as stored."""
    if args.action == "scenes":
        return _list_scenes(args)
    if args.original is None:
        report = _stored_alignment(args)
    elif args.adaptation is None:
        raise UserError(_("script align needs two files, the original and its adaptation, or none (the stored ones)"))
    else:
        from studio.scripts.alignment import align
        from studio.scripts.script_files import read_outline

        original, _fingerprint = read_outline([args.original], args.format)
        adaptation, _fingerprint = read_outline([args.adaptation], args.format)
        report = align(original, adaptation).to_json()
        _not_yet_adapted(report, max((scene.episode or 0 for scene in adaptation.scenes), default=0))
    print(json.dumps(report, ensure_ascii=False) if args.json else _alignment_report(report))
    return 0


def _not_yet_adapted(report: dict, reach: int) -> None:
    """The original's scenes past the last episode the adaptation reaches moved from `original_only` (cut)
    to `not_yet_adapted`: an adaptation still being written has cut none of them."""
    cut = report.pop("original_only")
    report["original_only"] = [scene for scene in cut if (scene["episode"] or 0) <= reach]
    report["not_yet_adapted"] = [scene for scene in cut if (scene["episode"] or 0) > reach]


def _list_scenes(args: argparse.Namespace) -> int:
    from studio.listings import scene_rows
    from studio.productions import get_production
    from studio.storage.command_databases import open_to_read

    database = open_to_read(args)
    try:
        with database.reading() as session:
            production_id = get_production(session, getattr(args, "production", None)).id
            rows = scene_rows(session, production_id)
    finally:
        database.close()
    scenes = [
        {key: value for key, value in row.items() if key != "versions"}
        for row in rows
        if args.episode is None or row["episode"] == args.episode
    ]
    if args.json:
        print(json.dumps({"production_id": production_id, "scenes": scenes}, ensure_ascii=False))
        return 0
    for scene in scenes:
        print(f"{scene['number']:>8}  {scene['heading']}  [{scene['revision']}]")
        print("".join(f"{'':10}{line}\n" for line in scene["notes"].splitlines()), end="")
    return 0


def _stored_alignment(args: argparse.Namespace) -> dict:
    from studio.productions import get_production
    from studio.scripts.pairing import stored_alignment
    from studio.storage.command_databases import open_to_read

    database = open_to_read(args)
    try:
        with database.reading() as session:
            production = get_production(session, getattr(args, "production", None))
            report = stored_alignment(session, production.id)
    finally:
        database.close()
    if not report["pairs"] and not report["original_only"] and not report["not_yet_adapted"]:
        raise UserError(
            _("{title} has no original script: import one with import-script FILE --side original").format(
                title=production.title
            )
        )
    return report


def _alignment_report(report: dict) -> str:
    ways = {
        "number": _("same number"),
        "renumbered": _("renumbered since paired"),
        "order": _("in order"),
        "moved": _("moved"),
        "hand": _("by hand"),
    }
    lines = [
        _("{pairs} scenes paired ({doubtful} marked ? to confirm), {cut} cut, {added} added in adaptation.").format(
            pairs=len(report["pairs"]),
            doubtful=len(report["doubtful"]),
            cut=len(report["original_only"]),
            added=len(report["shooting_only"]),
        )
    ]
    for pair in report["pairs"]:
        mark = "?" if pair["doubtful"] else " "
        lines.append(f"{mark} {pair['original']:>8} ↔ {pair['shooting']:<8} {pair['score']:.2f}  {ways[pair['by']]}")
    lines += [_("cut: {number} {set}").format(**scene) for scene in report["original_only"]]
    lines += [_("added: {number} {set}").format(**scene) for scene in report["shooting_only"]]
    lines += [_("not yet adapted: {number} {set}").format(**scene) for scene in report["not_yet_adapted"]]
    lines.append(_("Characters (sure or confirmed pairs in which both are there; ? doubtful, to map by hand):"))
    lines += [_name_line(match) for match in report["names"]]
    lines.append(_("Sets (sure or confirmed pairs in which both are the set; ? doubtful, to map by hand):"))
    lines += [_name_line(match) for match in report["sets"]]
    lines += [_("To check: {message}").format(message=message) for message in report["ambiguities"]]
    if "episodes" in report:  # the stored pairing: how far each episode's adaptation has come
        lines.append(_("Adaptation by episode (approved of scenes; adapted, translated, not started, changed since):"))
        lines += [
            f"  {row['episode'] or '—':>4}  {row['approved']}/{row['scenes']}  "
            f"{row['adapted']}, {row['translated']}, {row['not_started']}, {row['changed_since_approval']}"
            + (
                "  " + _("{count} not yet adapted").format(count=row["not_yet_adapted"])
                if row["not_yet_adapted"]
                else ""
            )
            for row in report["episodes"]
        ]
    return "\n".join(lines)


def _name_line(match: dict) -> str:
    mark = "?" if match["doubtful"] else " "
    return f"{mark} {match['original']} ↔ {match['shooting']} ({match['scenes']})"


def paired_report(alignment: dict) -> str:
    """After an import, how the two scripts now pair, and what is left to confirm or check."""
    lines = [
        _(
            "The two scripts: {pairs} scenes paired ({doubtful} to confirm: script align --db), "
            "{cut} cut and {added} added in adaptation."
        ).format(
            pairs=len(alignment["pairs"]),
            doubtful=len(alignment["doubtful"]),
            cut=len(alignment["original_only"]),
            added=len(alignment["shooting_only"]),
        )
    ]
    if alignment["not_yet_adapted"]:
        lines.append(
            _(
                "{count} scenes of the original not yet adapted: the shooting script stops before their episodes."
            ).format(count=len(alignment["not_yet_adapted"]))
        )
    lines += [_("Chinese name given: {adaptation} {original}").format(**name) for name in alignment["names_mapped"]]
    lines += [_("To check: {message}").format(message=message) for message in alignment["ambiguities"]]
    return "\n".join(lines)
