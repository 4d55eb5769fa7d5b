"""Writing an export so that a crash, a power cut or a full disk never leaves half a file under the final name."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from studio.errors import UserError
from studio.i18n import _
from studio.system_words import system_reason


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()
STALE_SCRATCH_SECONDS = 3600


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temporary_path)` beside `target`, then rename it into place.

    `write` must close what it opens (so its data has left Python's buffers). The file is synced to the
    disk before the rename and the folder after it: until the new file is whole on disk, the old one
    stays under the name, and once this returns, a power cut cannot take the new one back.
    """
    target = target.expanduser().resolve()
    if target.is_dir():
        raise UserError(_("{path} is a folder").format(path=target))
    try:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where the path needs a folder
            raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR)) from None
        _remove_stale_scratch(target)
        descriptor, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent)
        os.close(descriptor)
    except OSError as error:
        raise UserError(_("cannot write {path}: {reason}").format(path=target, reason=system_reason(error))) from None
    scratch = Path(name)
    try:
        write(scratch)
        os.chmod(scratch, 0o666 & ~_UMASK)  # mkstemp makes it private; an export is meant to be shared
        _sync_file(scratch)
        os.replace(scratch, target)
        _sync_folder(target.parent)
    except OSError as error:
        raise UserError(_("cannot write {path}: {reason}").format(path=target, reason=system_reason(error))) from None
    finally:
        scratch.unlink(missing_ok=True)
    return target


def _remove_stale_scratch(target: Path) -> None:
    """Temporary files an export killed midway left beside `target` (named as mkstemp names ours), once
    they are an hour old: no export still running takes that long."""
    stale_before = time.time() - STALE_SCRATCH_SECONDS
    for path in target.parent.glob(f".{glob.escape(target.stem)}-????????{glob.escape(target.suffix)}"):
        with contextlib.suppress(OSError):
            if path.is_file() and path.stat().st_mtime < stale_before:
                path.unlink()


def _sync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))  # Windows syncs only a file open to write
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a folder that cannot be opened (Windows) is left to the system."""
    try:
        descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError as error:
        if error.errno != errno.EINVAL:  # a file system that cannot sync a folder
            raise
    finally:
        os.close(descriptor)


UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def safe_file_name(name: str) -> str:
    """A file name made of `name` that every system accepts: no path separators, reserved or control
    characters (each run becomes a space), no leading dot, no trailing dot or space, at most 200 characters."""
    cleaned = " ".join(UNSAFE.sub(" ", name).split()).lstrip(".")
    return cleaned[:200].rstrip(". ") or "untitled"
