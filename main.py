"""Cliffhanger: `python main.py` opens the app; `python main.py COMMAND …` runs a command-line operation."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import argparse


def main(argv: list[str] | None = None) -> int:
    from studio.cli import build_parser

    return dispatch(build_parser().parse_args(argv))


def dispatch(args: argparse.Namespace) -> int:
    from studio.cli import guarded, run_command

    if args.lang:
        from studio.i18n import set_language

        set_language(args.lang)
    if args.command is None:
        # A start makes many objects and frees few: the cycle collector's passes over them were a tenth of
        # the time to a usable window. ui.app.run_app turns it on again once the window is up.
        gc.disable()
        from ui.app import run_app

        return guarded(lambda: run_app(args))
    if args.command == "screenshot":
        from ui.screenshot import run_screenshot

        return guarded(lambda: run_screenshot(args))
    return guarded(lambda: run_command(args))


def run(argv: list[str] | None = None) -> int:
    """`python main.py …` and the `cliffhanger` command: a command-line command's process ends as soon as
    its work is done (`end_process`); the window's ends as Python ends."""
    from studio.cli import build_parser

    args = build_parser().parse_args(argv)
    code = dispatch(args)
    if args.command not in (None, "screenshot"):
        end_process(code)
    return code


def end_process(code: int) -> NoReturn:
    """End the process once its output is out, skipping Python's teardown: collecting and freeing every
    object the imports made (SQLAlchemy's, pydantic's, the models', reportlab's, a font's tables) was a
    fifth of `info` and of a call sheet, and nothing of it is kept. A command has closed all it writes by
    then (its database, its exports, written and renamed, a crash log), and none starts a thread or leaves
    anything to run at exit."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):  # the reader went away: nothing left to say
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(run())
