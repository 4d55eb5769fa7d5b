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
    """The database a command names (--db: a file, an SQLite `file:` URI or a server's URL), else the
    user's own; a URI's read-only options are taken off (`read_only_asked` says whether it had any)."""
    return without_read_only(getattr(args, "db", None) or str(default_database_path()))[0]


def read_only_asked(args: argparse.Namespace) -> bool:
    """Whether the command was asked to open its database read-only: `--read-only`, or a URI with
    `mode=ro` or `immutable=1` (`file:/path/show.sqlite?mode=ro`, `sqlite:///path/show.sqlite?mode=ro`)."""
    return bool(getattr(args, "read_only", False)) or without_read_only(getattr(args, "db", None) or "")[1]


SQLITE_URI_OPTIONS = {"mode": ("ro", "rw", "rwc"), "immutable": ("0", "1")}


def without_read_only(target: str) -> tuple[str, bool]:
    """`target` as open_database takes it, and whether it asked to be read only. An SQLite URI
    (`file:PATH?mode=ro`, also inside a URL as SQLAlchemy writes it: `sqlite:///file:PATH?mode=ro&uri=true`)
    becomes its path; `mode` and `immutable` come off an `sqlite://` URL. An option SQLite's URIs have
    but this app does not honour (`vfs`, `cache`, `mode=memory`…) is refused rather than ignored."""
    from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

    if target[:5].lower() == "file:":
        parts = urlsplit(target)
        if parts.netloc not in ("", "localhost") or parts.fragment or not parts.path:
            raise _not_understood(target)
        path = unquote(parts.path)
        if len(path) > 2 and path[0] == "/" and path[2] == ":":  # file:///C:/… on Windows
            path = path[1:]
        return path, _read_only_options(target, parse_qsl(parts.query, keep_blank_values=True))
    if target[:7].lower() != "sqlite:" or "?" not in target:
        return target, False
    base, _, query = target.partition("?")
    options = parse_qsl(query, keep_blank_values=True)
    ours = [(key, value) for key, value in options if key in (*SQLITE_URI_OPTIONS, "uri")]
    others = [(key, value) for key, value in options if key not in (*SQLITE_URI_OPTIONS, "uri")]
    database = base.partition(":///")[2]
    if database[:5].lower() == "file:":  # SQLAlchemy's form of a URI: the URI is the database's name
        return without_read_only(f"{database}?{urlencode([*ours, *others])}".rstrip("?"))
    read_only = _read_only_options(target, [(key, value) for key, value in ours if key != "uri"])
    return (f"{base}?{urlencode(others)}" if others else base), read_only


def _read_only_options(target: str, options: list[tuple[str, str]]) -> bool:
    read_only = False
    for key, value in options:
        if key == "uri" and value.lower() in ("true", "1"):
            continue
        if value.lower() not in SQLITE_URI_OPTIONS.get(key, ()):
            raise _not_understood(target)
        read_only = read_only or (key, value.lower()) in (("mode", "ro"), ("immutable", "1"))
    return read_only


def _not_understood(target: str) -> Exception:
    from studio.errors import UserError
    from studio.i18n import _

    return UserError(
        _(
            "{target} is not a database this app can open: of an SQLite URI's options it takes mode=ro|rw|rwc "
            "and immutable=1 only"
        ).format(target=target)
    )


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
