"""Schedule → Optimize (and Production Report → Re-plan): CP-SAT runs on a worker thread; the dialog shows
time and the best cost so far, and Cancel keeps the best schedule found (or nothing, if none was found yet)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout

from studio.money import Money
from studio.schedule.board import Board
from studio.schedule.meals import days_cleared, days_followed
from studio.schedule.optimizer import OptimizeResult, Progress, optimize
from ui.i18n import money_text, sentences


class _Signals(QObject):
    progress = Signal(object)
    done = Signal(object)
    failed = Signal(object)


Search = Callable[[Callable[[Progress], None], Callable[[], bool]], object]  # (progress, cancelled) → result


class _Run:
    """The search, on a Python thread of its own: CP-SAT crashed (OR-Tools 9.15) when a second search
    ran on a reused Qt pool thread."""

    def __init__(self, search: Search, stop: threading.Event):
        self.search, self.stop = search, stop
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.search(self.signals.progress.emit, self.stop.is_set)
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread, which decides
            self.signals.failed.emit(error)
            return
        self.signals.done.emit(result)


class OptimizeDialog(QDialog):
    def __init__(
        self,
        board: Board | None,
        time_limit: float,
        parent=None,
        *,
        search: Search | None = None,
        title: str = "",
        looking: str = "",
    ):
        """Optimize `board`, or run `search` (another optimizing: a re-plan) under `title`, saying what it
        looks for (`looking`: what its costs are of)."""
        super().__init__(parent)
        self.setObjectName("optimizeDialog")
        self.setWindowTitle(title or self.tr("Optimize the schedule"))
        self.time_limit = time_limit
        self.result = None
        self.error: Exception | None = None
        self.stop = threading.Event()
        self.started = time.monotonic()
        self.status = QLabel(looking or self.tr("Looking for the cheapest schedule…"), self)
        self.status.setWordWrap(True)
        self.best = QLabel("", self)
        self.best.setObjectName("bestCost")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, int(time_limit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Stop and keep the best"))
        buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        for widget in (self.status, self.best, self.bar, buttons):
            layout.addWidget(widget)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self.timer.start(200)
        if search is None:

            def search(progress, cancelled) -> OptimizeResult:
                return optimize(board, time_limit, progress, cancelled)

        self.job = _Run(search, self.stop)
        self.job.signals.progress.connect(self._progress)
        self.job.signals.done.connect(self._done)
        self.job.signals.failed.connect(self._failed)
        threading.Thread(target=self.job.run, name="optimizer", daemon=True).start()

    def cancel(self) -> None:
        """Stop the search; the dialog closes when the solver has handed back what it has."""
        self.stop.set()
        self.status.setText(self.tr("Stopping…"))

    def reject(self) -> None:  # Escape or the window's close button: stop, then close when the job ends
        self.cancel()

    def _tick(self) -> None:
        self.bar.setValue(min(int(time.monotonic() - self.started), int(self.time_limit)))

    def _progress(self, progress: Progress) -> None:
        seconds = f"{progress.seconds:.0f}"
        if progress.cost is None:
            self.best.setText(self.tr("Fitting every scene within the day limits… (%1 s)").replace("%1", seconds))
            return
        if progress.labour is None:
            text = self.tr("Best so far: %1 before overtime and late meals, after %2 s.")
        else:
            text = self.tr("Best so far: %1 with overtime and late meals estimated at %3, after %2 s.").replace(
                "%3", money_text(progress.labour)
            )
        text = text.replace("%1", money_text(progress.cost)).replace("%2", seconds)
        if progress.gap is not None:
            text = sentences(
                text,
                self.tr("No schedule costs less than %1: at most %2% more to save.")
                .replace("%1", money_text(progress.bound))
                .replace("%2", f"{progress.gap * 100:.0f}"),
            )
        self.best.setText(text)

    def _done(self, result) -> None:
        self.result = result
        self.timer.stop()
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.error = error
        self.timer.stop()
        self.done(QDialog.DialogCode.Rejected)


def result_text(result: OptimizeResult) -> str:
    """What the optimizer did, for the producer: the saving against the schedule the board had first,
    then against script order, how far the proven bound leaves it, and any conflict left."""

    def money(amount) -> str:
        return money_text(Money(amount, result.cost.currency))

    if not result.improved:
        return QCoreApplication.translate(
            "OptimizeDialog", "The current schedule (%1) is the best found: nothing changed."
        ).replace("%1", money(result.cost.total))
    if result.status == "optimal":
        kind = QCoreApplication.translate("OptimizeDialog", "the best possible")
    else:
        kind = QCoreApplication.translate("OptimizeDialog", "the best found in the time")
    if result.current is not None and result.cost.total > result.current.total:  # to clear its conflicts
        text = (
            QCoreApplication.translate(
                "OptimizeDialog",
                "Schedule optimized: %1 (%2), more than the current schedule (%3), which breaks %n limit(s) where "
                "this one breaks %4.",
                "",
                result.current_conflicts,
            )
            .replace("%3", money(result.current.total))
            .replace("%4", str(result.conflicts))
        )
    elif result.current is not None:
        text = (
            QCoreApplication.translate(
                "OptimizeDialog",
                "Schedule optimized: %1 (%2), %3% below the current schedule (%4) and %5% below script order (%6).",
            )
            .replace("%3", f"{result.saving * 100:.0f}")
            .replace("%4", money(result.current.total))
            .replace("%5", f"{result.script_saving * 100:.0f}")
            .replace("%6", money(result.baseline.total))
        )
    else:
        text = (
            QCoreApplication.translate(
                "OptimizeDialog", "Schedule optimized: cost %1 (%2), %3% below script order (%4)."
            )
            .replace("%3", f"{result.script_saving * 100:.0f}")
            .replace("%4", money(result.baseline.total))
        )
    text = text.replace("%1", money(result.cost.total)).replace("%2", kind)
    bound = conflicts = ""
    if result.gap is not None and result.status != "optimal":
        bound = (
            QCoreApplication.translate("OptimizeDialog", "No schedule costs less than %1: at most %2% more to save.")
            .replace("%1", money(result.bound))
            .replace("%2", f"{result.gap * 100:.0f}")
        )
    if result.status == "impossible":
        conflicts = QCoreApplication.translate(
            "OptimizeDialog",
            "No schedule keeps every limit: this one breaks the fewest (%n conflict(s), see the list).",
            "",
            result.conflicts,
        )
    elif result.conflicts > result.conflicts_as_shot:
        conflicts = QCoreApplication.translate(
            "OptimizeDialog",
            "%n conflict(s) remain: see the list. More time may clear them, unless no schedule can: then ease the "
            "limit they name.",
            "",
            result.conflicts,
        )
    elif result.conflicts:  # all of them on reported days
        conflicts = QCoreApplication.translate(
            "OptimizeDialog",
            "%n conflict(s) on reported days, as shot: no schedule can clear them.",
            "",
            result.conflicts,
        )
    return sentences(text, reported_text(result), bound, conflicts, *meals_text(result.meals))


def reported_text(result: OptimizeResult) -> str:
    """That the reported days kept their scenes, those left unshot among them (empty when none is reported)."""
    if not result.reported:
        return ""
    return (
        QCoreApplication.translate(
            "OptimizeDialog",
            "Reported days kept what was shot on them and took no other scene (days %1); %n scene(s) not shot on "
            "them stay there: Re-plan schedules them again.",
            "",
            result.unshot,
        )
    ).replace("%1", day_list(result.reported))


def meals_text(moves) -> list[str]:
    """What a schedule put in place does to the meals typed on its days' sheets: a sentence for those
    that follow the new calls, one for those cleared (studio.schedule.meals)."""
    lines = []
    if followed := days_followed(moves):
        lines.append(
            QCoreApplication.translate(
                "OptimizeDialog", "Meals typed on the call sheets follow the new calls (day(s) %1).", "", len(followed)
            ).replace("%1", day_list(followed))
        )
    if cleared := days_cleared(moves):
        lines.append(
            QCoreApplication.translate(
                "OptimizeDialog",
                "Meals the new calls would put past midnight or past the wrap are cleared from the call sheets "
                "and fall when due (day(s) %1).",
                "",
                len(cleared),
            ).replace("%1", day_list(cleared))
        )
    return lines


def day_list(numbers) -> str:
    """Day numbers as a list in the window's language (1, 2, 3 or 1、2、3)."""
    separator = QCoreApplication.translate("OptimizeDialog", ", ", "between the day numbers of a list")
    return separator.join(map(str, numbers))
