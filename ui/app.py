"""Starting the GUI: the application object, its language, the window and the first database."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import traceback
from collections.abc import Callable

# The domain a start uses (the window, the page it opens on, opening the database), before PySide6:
# PySide6's import hook reads the source of every module imported after it (looking for its
# __feature__ switches), which made these imports ~20-40% slower. The other pages' domain is imported
# when a page is first shown (ui.page_stack), the demo's making when the demo file is written (a start on
# the demo as it was left does without: 0.1 s).
import platformdirs  # noqa: F401
import sqlalchemy.dialects.sqlite  # noqa: F401  (what opening a file loads)

import studio.casting  # noqa: F401
import studio.crash_log  # noqa: F401
import studio.demo_stamp  # noqa: F401
import studio.exports.files  # noqa: F401
import studio.formatting  # noqa: F401
import studio.listings  # noqa: F401
import studio.operations  # noqa: F401
import studio.parsed_cache  # noqa: F401
import studio.scripts.importer  # noqa: F401
import studio.storage.change_watch  # noqa: F401
import studio.storage.instance_lock  # noqa: F401
import studio.storage.migrations  # noqa: F401
import studio.storage.schema_check  # noqa: F401
import studio.storage.snapshots  # noqa: F401
import studio.storage.value_check  # noqa: F401

# isort: split
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from studio import __version__
from studio.crash_log import write_crash_log
from studio.errors import UserError
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.settings import AppSettings


def check_display() -> None:
    """Qt aborts the process without a display; say so in one line instead."""
    has_display = any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))
    if sys.platform.startswith("linux") and not has_display:
        raise UserError(
            QCoreApplication.translate(
                "App",
                "no display found: run Cliffhanger in a desktop session "
                "(or under xvfb-run, or with QT_QPA_PLATFORM=offscreen)",
            )
        )


def report_unexpected_errors() -> None:
    """An error no code expected (a bug) is logged and explained; the app keeps running."""

    def hook(kind, error, trace) -> None:
        if issubclass(kind, UserError):  # reached no handler, but is a sentence for a person, not a fault
            QMessageBox.warning(QApplication.activeWindow(), QCoreApplication.translate("App", "Not done"), str(error))
            return
        log = write_crash_log("".join(traceback.format_exception(kind, error, trace)))
        QMessageBox.critical(
            QApplication.activeWindow(),
            QCoreApplication.translate("App", "Something went wrong"),
            QCoreApplication.translate("App", "Cliffhanger hit an internal error: %1\n\nThe details are in %2")
            .replace("%1", f"{kind.__name__}: {error}")
            .replace("%2", log),
        )

    sys.excepthook = hook


def create_application(lang: str | None, settings: AppSettings | None = None) -> QApplication:
    """The application in `lang` (--lang), else in the language chosen in the app last time, else the system's."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("Cliffhanger")
    app.setApplicationName("Cliffhanger")
    app.setApplicationVersion(__version__)
    install_translators(app, lang or (settings or AppSettings()).language())
    return app


def open_start_database(window: MainWindow, args: argparse.Namespace) -> None:
    from studio.paths import database_argument, read_only_asked

    if args.demo:
        opened = window.databases.open_demo()
    elif getattr(args, "db", None) or read_only_asked(args):  # --read-only, or a URI's mode=ro
        opened = window.databases.open(database_argument(args), read_only=read_only_asked(args))
    else:
        opened = window.databases.open_default()
    production_id = getattr(args, "production", None)
    if opened and production_id is not None:
        window.show_production(production_id)


def run_app(args: argparse.Namespace, on_ready: Callable[[MainWindow], None] | None = None) -> int:
    """Open the main window; `on_ready` runs once the event loop is up (the window is interactive)."""
    check_display()
    app = create_application(args.lang)
    report_unexpected_errors()
    window = MainWindow()
    window.show()
    open_start_database(window, args)
    # What start-up made (modules, Qt wrappers, the schema) lives as long as the app: kept out of the
    # cycle collector's full passes, which otherwise pause a drag on a big stripboard for ~70 ms. The
    # collector, held off while the window started (main.py), runs again from here.
    gc.freeze()
    gc.enable()
    if on_ready is not None:
        QTimer.singleShot(0, lambda: on_ready(window))
    return app.exec()
