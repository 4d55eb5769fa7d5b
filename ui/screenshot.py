"""`screenshot`: render one page of the main window offscreen to a PNG."""

from __future__ import annotations

import argparse
import os
import time

from studio.errors import UserError

SETTLE_SECONDS = 0.8


def run_screenshot(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from studio.paths import database_argument, read_only_asked
    from studio.productions import get_production
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    app = create_application(args.lang)
    window = MainWindow(AppSettings.ephemeral())
    window.resize(1280, 800)
    window.show()
    try:
        window.workspace.open(database_argument(args), read_only=read_only_asked(args))
        window.workspace.set_production(window.workspace.read(get_production, getattr(args, "production", None)).id)
        window.show_page(window.page_keys.index(args.page))
        settle_until = time.monotonic() + SETTLE_SECONDS  # reloads and previews wait for the event loop
        while time.monotonic() < settle_until:
            app.processEvents()
            time.sleep(0.02)
        image = window.grab()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(args.out), "PNG"):
            raise UserError(f"cannot write {args.out}")
    finally:
        window.workspace.close()
        window.deleteLater()
    print(f"wrote {args.out}")
    return 0
