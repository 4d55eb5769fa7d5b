"""The commands about where the data lives: backups and restoring them, copying a database or one
production to another file or server, and a server's roles (see studio.cli for the rest)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from studio.errors import UserError
from studio.i18n import _
from studio.paths import database_argument

if TYPE_CHECKING:
    from studio.storage.db import Database

T = TypeVar("T")


def add_database_commands(commands, common: argparse.ArgumentParser) -> None:
    """Their arguments, on the command line's subcommands; `common` holds --db and --production."""
    backup = commands.add_parser("backup", parents=[common], help="back the database up now (beside it)")
    backup.add_argument("--json", action="store_true", help="print one JSON object")
    restore = commands.add_parser(
        "restore", parents=[common], help="list the database's backups, or put one in its place"
    )
    restore.add_argument("backup", nargs="?", help="a backup's number in the list (1: the newest) or its file")
    restore.add_argument("--json", action="store_true", help="print one JSON object")

    copy = commands.add_parser(
        "copy-database", parents=[common], help="copy the whole database to a new file or an empty server database"
    )
    copy.add_argument("--to", required=True, metavar="PATH_OR_URL", help="the new file, or an empty database's URL")
    copy.add_argument("--json", action="store_true", help="print one JSON object")

    one = commands.add_parser(
        "copy-production",
        parents=[common],
        help="copy one production into another database file or server (which may hold others)",
    )
    one.add_argument("--to", required=True, metavar="PATH_OR_URL", help="a database file (made if new) or URL")
    one.add_argument("--json", action="store_true", help="print one JSON object")

    commands.add_parser(
        "server-roles", parents=[common], help="on a PostgreSQL server: the producer and crew roles and their grants"
    )


def _database_file(args: argparse.Namespace, *, may_be_gone: bool = False) -> Path:
    """The database file a backup command is about; `may_be_gone`: deleted, but its backups remain."""
    from studio.storage.backups import list_backups
    from studio.storage.db import sqlite_path, to_url

    path = sqlite_path(to_url(database_argument(args)))
    if path is None:
        raise UserError(_("backups are kept for database files only, not for a database server"))
    if not path.is_file() and not (may_be_gone and list_backups(path)):
        raise UserError(_("there is no database at {path}").format(path=path))
    return path


def _backup_json(backup) -> dict:
    contents = backup.contents()
    return {
        "file": str(backup.path),
        "taken_at": backup.taken_at.isoformat(timespec="seconds"),
        "reason": backup.reason,
        "bytes": backup.size,
        "productions": None if contents is None else [vars(production) for production in contents],
    }


def run_backup(args: argparse.Namespace) -> int:
    from studio.storage.backups import take_backup

    backup = take_backup(_database_file(args), "manual")
    print(json.dumps(_backup_json(backup), ensure_ascii=False) if args.json else str(backup.path))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from studio.storage.backups import list_backups, restore_backup
    from studio.storage.instance_lock import held_or_refused

    path = _database_file(args, may_be_gone=True)
    backups = list_backups(path)
    if args.backup is None:
        if args.json:
            print(json.dumps([_backup_json(backup) for backup in backups], ensure_ascii=False))
        for number, backup in enumerate([] if args.json else backups, start=1):
            contents = backup.contents()
            described = (
                _("unreadable")
                if contents is None
                else "; ".join(f"{p.title}: {p.episodes} episodes, {p.scenes} scenes" for p in contents)
            )
            print(f"{number:>3}  {backup.taken_at:%Y-%m-%d %H:%M:%S}  {backup.reason:<14} {described}")
        if not backups and not args.json:
            print(_("{path} has no backups yet").format(path=path))
        return 0
    chosen = _chosen_backup(args.backup, backups)
    with held_or_refused(path):
        kept = restore_backup(path, chosen)
    if args.json:
        print(json.dumps({"restored": str(chosen), "kept": str(kept) if kept else None}, ensure_ascii=False))
    elif kept is None:
        print(_("restored {backup}").format(backup=chosen.name))
    else:
        print(_("restored {backup}; the database as it was is kept in {kept}").format(backup=chosen.name, kept=kept))
    return 0


def _chosen_backup(choice: str, backups) -> Path:
    if choice.isdigit():
        if not 1 <= int(choice) <= len(backups):
            raise UserError(_("there is no backup number {number}").format(number=choice))
        return backups[int(choice) - 1].path
    from studio.user_files import UnreadableFile, check_regular_file

    chosen = Path(choice).expanduser()
    if not chosen.exists():
        raise UserError(_("there is no backup file {path}").format(path=chosen))
    try:
        check_regular_file(chosen)  # SQLite would wait for ever on a pipe, read a device without end
    except UnreadableFile as error:
        raise UserError(_("{path} is not a backup: {reason}").format(path=chosen, reason=error.reason)) from None
    return chosen


def run_copy_database(args: argparse.Namespace) -> int:
    from studio.storage.db import sqlite_path, to_url
    from studio.storage.transfer import copy_database

    target_path = sqlite_path(to_url(args.to))
    if target_path is not None and target_path.exists():
        raise UserError(_("{path} already exists; copy into a new file").format(path=target_path))
    copied, target = _copy_into(args, copy_database, new_file=target_path is not None)
    if args.json:
        print(json.dumps({"to": target, "tables": [table.to_json() for table in copied]}))
        return 0
    rows = sum(table.rows for table in copied)
    print(
        _("copied {rows} rows in {tables} tables to {target}; every count and total checked").format(
            rows=rows, tables=len(copied), target=target
        )
    )
    return 0


def run_copy_production(args: argparse.Namespace) -> int:
    from studio.storage.db import sqlite_path, to_url
    from studio.storage.transfer import copy_production

    if to_url(args.to) == to_url(database_argument(args)):
        raise UserError(_("the source and the target are the same database"))
    target_path = sqlite_path(to_url(args.to))
    copied, target = _copy_into(
        args,
        lambda source, target: copy_production(source, getattr(args, "production", None), target),
        new_file=target_path is not None and not target_path.exists(),
    )
    if args.json:
        print(json.dumps({"to": target, **copied.to_json()}))
        return 0
    message = _("copied to {target} as production {id}: {rows} rows in {tables} tables, every count and total checked")
    rows = sum(table.rows for table in copied.tables)
    print(message.format(target=target, id=copied.production_id, rows=rows, tables=len(copied.tables)))
    return 0


def _copy_into(args: argparse.Namespace, copy: Callable[[Database, Database], T], *, new_file: bool) -> tuple[T, str]:
    """Open the source (--db) and the target (--to) and run `copy(source, target)`. A new file is made
    under a temporary name beside its own and renamed to it only once the copy has committed
    (`new_files.new_database_file`): a refused, failed or killed copy leaves nothing under the name.
    Returns the copy's result and the target."""
    from studio.storage.command_databases import open_to_read
    from studio.storage.db import open_database, sqlite_path, to_url
    from studio.storage.new_files import new_database_file

    source = open_to_read(args)  # only read: a read-only file copies as well as any
    try:
        if not new_file:
            target = open_database(args.to, create=True)
            try:
                return copy(source, target), target.describe()
            finally:
                target.close()
        path = sqlite_path(to_url(args.to))
        with new_database_file(path) as scratch:
            target = open_database(scratch, create=True)
            try:
                copied = copy(source, target)
            finally:
                target.close()
        return copied, str(path)
    finally:
        source.close()


def run_server_roles(args: argparse.Namespace) -> int:
    from studio.storage.db import open_database
    from studio.storage.server_roles import CREW, PRODUCER, set_up_roles

    database = open_database(database_argument(args))
    try:
        readable = set_up_roles(database)
    finally:
        database.close()
    print(
        _("{producer} reads and writes everything; {crew} reads {tables} tables without their money columns").format(
            producer=PRODUCER, crew=CREW, tables=len(readable)
        )
    )
    return 0


DATABASE_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "backup": run_backup,
    "restore": run_restore,
    "copy-database": run_copy_database,
    "copy-production": run_copy_production,
    "server-roles": run_server_roles,
}
