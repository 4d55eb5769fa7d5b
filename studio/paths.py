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
