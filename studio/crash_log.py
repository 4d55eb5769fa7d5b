"""Where internal faults are written down, so a person sees one line and a developer gets the details.

A log holds the exception's type, its message and the traceback's frames (file, line, code; never their
local variables), and never the user's data: the values bound to an SQL statement (SQLAlchemy's
`[parameters: …]`, also hidden at the source by `hide_parameters`) and PostgreSQL's DETAIL lines (which
quote the row: names, rates) are taken out. Logs are written to the user's own private folder (0700),
each file readable by the user alone (0600) and never through a link someone put in its place.
"""

from __future__ import annotations

import os
import re
import traceback
from datetime import datetime

from studio.errors import UserError
from studio.i18n import _
from studio.paths import log_dir, private_folder

# One line each: SQLAlchemy writes the parameters' repr on one line, PostgreSQL its DETAIL on one.
_USER_DATA = re.compile(r"^(\s*)(\[parameters: |DETAIL: |Failing row contains ).*$", re.MULTILINE)


def without_user_data(text: str) -> str:
    return _USER_DATA.sub(lambda match: f"{match.group(1)}{match.group(2).strip()} (hidden)", text)


def crash_summary(error: BaseException) -> str:
    """The one line a person sees: the error's type and the first line of its message, without data."""
    first = without_user_data(str(error)).strip().splitlines()[:1]
    return f"{type(error).__name__}: {first[0]}" if first else type(error).__name__


def write_crash_log(details: str | BaseException) -> str:
    """Write `details` (an exception, or a traceback's text) to a new log file, without the user's data;
    return its path, or a note when no log can be written."""
    if isinstance(details, BaseException):
        details = "".join(traceback.format_exception(type(details), details, details.__traceback__))
    try:
        folder = private_folder(log_dir())
        log = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        with os.fdopen(os.open(log, flags, 0o600), "w", encoding="utf-8") as stream:
            stream.write(without_user_data(details))
        return str(log)
    except (OSError, UserError):
        return _("(no log: the log folder is not writable)")
