"""What a process would otherwise parse again from a file that rarely changes (a CJK font's tables, a
translation catalogue), kept in the user's cache folder and read back instead.

An entry is pickled under a key the caller derives from the source file's content (its SHA-256), so a
changed source is a new key and an entry is never stale; one entry is kept per kind, the others go. It is
read back through an unpickler that makes the built-in containers and the few classes the caller names,
never any other object, and it must name its own key: a file that is truncated, damaged, hostile or
another key's is no entry, and the caller parses the source and stores it anew. An entry is written under
a name of its own and renamed, so processes storing at once each leave a whole file. The cache is only a
shortcut: a folder that cannot be made or written leaves the source parsed as before.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from pathlib import Path

from studio.errors import UserError

SUFFIX = ".pickle"
UNREADABLE = (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError)


def cache_folder(kind: str) -> Path:
    from platformdirs import user_cache_path

    from studio.paths import APP_NAME

    return user_cache_path(APP_NAME, appauthor=False) / kind


def stored(kind: str, key: str, classes: tuple[type, ...] = ()) -> object | None:
    """The value stored under `key`, or None when there is none or it cannot be read back whole.
    `classes`: the classes beyond the built-in ones the value may hold. Only the user's own private folder
    is read (`paths.private_folder`), never one another user could have written."""
    from studio.paths import private_folder

    try:
        with (private_folder(cache_folder(kind)) / (key + SUFFIX)).open("rb") as handle:
            entry = _Unpickler(handle, classes).load()
    except (OSError, UserError, *UNREADABLE):
        return None
    if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == key):
        return None
    return entry[1]


def store(kind: str, key: str, value: object) -> None:
    """Keep `value` under `key`, the only entry of its kind (another key's goes)."""
    from studio.paths import private_folder

    try:
        folder = private_folder(cache_folder(kind))
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".", suffix=".partial", delete=False) as handle:
            pickle.dump((key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, folder / (key + SUFFIX))
        for other in folder.glob("*" + SUFFIX):
            if other.name != key + SUFFIX:
                other.unlink(missing_ok=True)
    except (OSError, UserError):
        return


class _Unpickler(pickle.Unpickler):
    def __init__(self, handle, classes: tuple[type, ...]):
        super().__init__(handle)
        self.classes = {(cls.__module__, cls.__qualname__): cls for cls in classes}

    def find_class(self, module: str, name: str):
        if (module, name) in self.classes:
            return self.classes[module, name]
        raise pickle.UnpicklingError(f"a cached entry holds no {module}.{name}")
