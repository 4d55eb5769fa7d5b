"""What the system says went wrong with a file, in the reader's language: the operating system's own
words ("No such file or directory") are in English whatever the language, so the usual reasons are said
here, and only a rare one is left in the system's words."""

from __future__ import annotations

import errno
import os

from studio.i18n import _


def system_reason(error: OSError | int) -> str:
    """Why a file could not be read or written (an OSError, or its errno), in one short phrase."""
    number = error if isinstance(error, int) else error.errno
    reasons = {
        errno.ENOENT: _("no such file or folder"),
        errno.EACCES: _("permission denied"),
        errno.EPERM: _("permission denied"),
        errno.ENOSPC: _("the disk is full"),
        errno.EDQUOT: _("the disk quota is used up"),
        errno.EROFS: _("the disk is read-only"),
        errno.EISDIR: _("it is a folder"),
        errno.ENOTDIR: _("part of the path is not a folder"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.EEXIST: _("it already exists"),
    }
    if number in reasons:
        return reasons[number]
    if isinstance(error, int):
        return os.strerror(error)
    return error.strerror or str(error)
