"""Running slow work (parsing, importing) off the GUI thread, with a busy indicator meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any]):
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread, which decides
            self.signals.failed.emit(error)
            return
        self.signals.done.emit(result)


_running: set[_Job] = set()


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
) -> None:
    """Run `work()` on a worker thread; `on_done(result)` or `on_error(error)` runs on the GUI thread."""
    # Shown at once and application-modal: while the worker writes, nothing else (undo, opening
    # another database, closing) may reach the database.
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.show()

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        progress.close()
        progress.deleteLater()
        callback(value)

    run_quietly(work, lambda result: finish(on_done, result), lambda error: finish(on_error, error))


def run_quietly(work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None]) -> None:
    """Run `work()` on a worker thread while the user goes on working (a backup): no indicator, nothing
    blocked; `on_done(result)` or `on_error(error)` runs on the GUI thread."""
    job = _Job(work)
    _running.add(job)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(job)
        callback(value)

    job.signals.done.connect(lambda result: finish(on_done, result))
    job.signals.failed.connect(lambda error: finish(on_error, error))
    QThreadPool.globalInstance().start(job)


def wait_for_background_work() -> None:
    """Let running jobs finish (before the window closes and the database goes)."""
    QThreadPool.globalInstance().waitForDone()
