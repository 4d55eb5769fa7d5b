"""Where the user's files live, per platform (platformdirs, imported when a folder is asked for: a
command given --db never needs it)."""

from __future__ import annotations

import argparse
from pathlib import Path

APP_NAME = "Cliffhanger"


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "cliffhanger.sqlite"


def database_argument(args: argparse.Namespace) -> str:
    """The database a command names (--db: a file or a server's URL), else the user's own."""
    return getattr(args, "db", None) or str(default_database_path())


def demo_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "demo.sqlite"


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def snapshot_dir() -> Path:
    """The user's own folder for undo snapshots (never the shared temporary folder, where another user
    could have made the name first)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME, appauthor=False) / "snapshots"


def private_folder(path: Path) -> Path:
    """`path` as a folder only this user can read or enter (0700), made if missing. One that exists and is
    not a folder of this user's (another user made it, or it is a link) is refused, never used; one of
    this user's that others may read or write is made private first."""
    import os
    import stat

    from studio.errors import UserError
    from studio.i18n import _

    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = os.lstat(path)
    owner = os.getuid() if hasattr(os, "getuid") else status.st_uid
    if not stat.S_ISDIR(status.st_mode) or status.st_uid != owner:
        raise UserError(_("{path} is not a private folder of this user's; remove it").format(path=path))
    if os.name == "posix" and stat.S_IMODE(status.st_mode) & 0o077:
        os.chmod(path, 0o700)
    return path
