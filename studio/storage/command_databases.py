"""How a command opens the database it names: read-only when asked (`--read-only`, a URI's `mode=ro`),
and for a command that only reads, also where the file cannot be written; a command that writes, asked
to be read-only, is refused before it starts (studio.cli.run_command)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from studio.errors import DatabaseReadOnly, DiskFull, UserError
from studio.i18n import _
from studio.paths import database_argument, read_only_asked

if TYPE_CHECKING:
    from studio.storage.db import Database

READING_COMMANDS = (
    "info, export, script, budget total|report|compare, report day|final-cost, schedule check, "
    "schedule replan --dry-run, send --dry-run, restore (the list), copy-database, copy-production"
)


def open_to_read(args: argparse.Namespace) -> Database:
    """The database a reading command names. Asked read-only, a file is opened without writing to it or
    beside it (nor is a server written to: the Database refuses every transaction). Not asked, a file
    that cannot be written (a read-only file or folder, a full disk) is opened read-only all the same:
    the command would write nothing, so refusing it would only be in the way. Opening for editing comes
    first otherwise, since it brings an older file's schema up to date, which read-only cannot."""
    from studio.storage.db import open_database, sqlite_path, to_url

    target = database_argument(args)
    is_file = sqlite_path(to_url(target)) is not None
    if read_only_asked(args):
        if is_file:
            return open_database(target, read_only=True)
        database = open_database(target)
        database.read_only = True
        return database
    try:
        return open_database(target)
    except (DatabaseReadOnly, DiskFull) as problem:
        if not is_file or problem.opens_read_only is None:
            raise
    return open_database(target, read_only=True)


def refusal(command: str) -> UserError:
    """A command that writes, asked to open its database read-only."""
    return UserError(
        _(
            "{command} writes, so it cannot run with --read-only (nor on a URI with mode=ro): leave that out; "
            "these only read: {commands}"
        ).format(command=command, commands=READING_COMMANDS)
    )


def command_line_way(problem: DatabaseReadOnly | DiskFull) -> UserError:
    """A problem whose way forward is opening the file read-only, worded for the command line."""
    if isinstance(problem, DiskFull):
        message = _(
            "the disk holding {path} is full: free some space, or open it read-only with --read-only "
            "(only reading commands can: {commands})"
        )
    else:
        message = _(
            "{path} cannot be changed: the file or its folder is read-only. Open it read-only with --read-only "
            "(only reading commands can: {commands}), or copy it to a folder you can write to"
        )
    return type(problem)(message.format(path=problem.opens_read_only, commands=READING_COMMANDS))
