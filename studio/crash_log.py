"""Where internal faults are written down, so a person sees one line and a developer gets the details."""

from __future__ import annotations

from datetime import datetime

from studio.i18n import _
from studio.paths import log_dir


def write_crash_log(details: str) -> str:
    """Write `details` to a new log file; return its path, or a note when no log can be written."""
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.log"
        log.write_text(details, encoding="utf-8")
        return str(log)
    except OSError:
        return _("(no log: the log folder is not writable)")
