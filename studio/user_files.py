"""Reading a file a person names (a script, a cast or crew list, a backup, a photo): only a regular file,
and never more of it than a limit.

A device (/dev/zero never ends), a pipe (opening a FIFO to read waits for a writer, for ever), a socket or
a folder is refused with one sentence before anything is read: its kind is looked up with stat first, then
the file is opened without waiting (O_NONBLOCK, so a FIFO put in its place between the two cannot block)
and looked at again through the open descriptor. The limit is kept while reading — at most limit + 1 bytes
are read — never taken from the size the system reports (a file can grow while it is read; /proc's say 0).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from studio.errors import UserError
from studio.i18n import _
from studio.system_words import system_reason

CHUNK = 1024 * 1024


class UnreadableFile(UserError):
    """A named file that cannot be read as one: `reason` says why, without the path."""

    def __init__(self, path: Path, reason: str):
        self.path, self.reason = path, reason
        super().__init__(_("cannot read {path}: {reason}").format(path=path, reason=reason))


class FileTooLarge(UnreadableFile):
    def __init__(self, path: Path, limit: int):
        self.limit = limit
        super().__init__(path, _("it is over {limit} MB").format(limit=limit // (1024 * 1024)))


def check_regular_file(path: Path) -> os.stat_result:
    """`path`'s status if it is a regular file (after links), else UnreadableFile; nothing is opened."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFile(path, _("there is no such file")) from None
    except OSError as error:
        raise UnreadableFile(path, system_reason(error)) from None
    _refuse_unless_regular(path, status)
    return status


def read_user_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, refused (FileTooLarge) past `max_bytes` however it grows."""
    check_regular_file(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile(path, _("there is no such file")) from None
    except OSError as error:
        raise UnreadableFile(path, system_reason(error)) from None
    try:
        _refuse_unless_regular(path, os.fstat(descriptor))  # what was opened, if it changed since the stat
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = os.read(descriptor, min(CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise UnreadableFile(path, system_reason(error)) from None
    finally:
        os.close(descriptor)
    if total > max_bytes:
        raise FileTooLarge(path, max_bytes)
    return b"".join(chunks)


def _refuse_unless_regular(path: Path, status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise UnreadableFile(path, _("it is a folder, not a file"))
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFile(path, _("it is a device, a pipe or a socket, not a file"))
