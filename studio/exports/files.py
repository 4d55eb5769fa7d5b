"""Writing an export so that a crash or a full disk never leaves half a file under the final name."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from studio.errors import UserError
from studio.i18n import _


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def write_atomically(target: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(temporary_path)` beside `target`, then rename it into place."""
    target = target.expanduser().resolve()
    if target.is_dir():
        raise UserError(_("{path} is a folder").format(path=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent)
        os.close(descriptor)
    except OSError as error:
        raise UserError(_("cannot write {path}: {reason}").format(path=target, reason=error.strerror)) from None
    scratch = Path(name)
    try:
        write(scratch)
        os.chmod(scratch, 0o666 & ~_UMASK)  # mkstemp makes it private; an export is meant to be shared
        os.replace(scratch, target)
    except OSError as error:
        raise UserError(_("cannot write {path}: {reason}").format(path=target, reason=error.strerror)) from None
    finally:
        scratch.unlink(missing_ok=True)
    return target
