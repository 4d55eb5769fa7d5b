"""Writers from modules the window needs only when something is exported (reportlab, icalendar): imported
on their first call instead of as the window starts, which shortens the time to a usable window."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def on_first_call(module: str, name: str) -> Callable[..., Any]:
    """`module.name`, a function, with `module` imported when it is first called."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"{module}.{name}, imported when first called."
    return call
