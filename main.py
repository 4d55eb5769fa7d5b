"""Cliffhanger: `python main.py` opens the app; `python main.py COMMAND …` runs a command-line operation."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    from studio.cli import build_parser, guarded, run_command

    args = build_parser().parse_args(argv)
    if args.lang:
        from studio.i18n import set_language

        set_language(args.lang)
    if args.command is None:
        # A start makes many objects and frees few: the cycle collector's passes over them were a tenth
        # of the time to a usable window. ui.app.run_app turns it on again once the window is up.
        gc.disable()
        from ui.app import run_app

        return guarded(lambda: run_app(args))
    if args.command == "screenshot":
        from ui.screenshot import run_screenshot

        return guarded(lambda: run_screenshot(args))
    return guarded(lambda: run_command(args))


if __name__ == "__main__":
    sys.exit(main())
