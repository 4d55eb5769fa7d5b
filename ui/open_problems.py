"""When a database will not open: say why, and offer the way forward the reason allows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from studio.errors import DatabaseDamaged, DatabaseInUse, DatabaseReadOnly, DiskFull, OpenElsewhere, UserError
from studio.storage.backups import list_backups


def way_forward_box(
    parent: QWidget,
    error: UserError,
    database_path: Path | None,
    *,
    open_read_only: Callable[[], object],
    restore: Callable[[], object],
    try_again: Callable[[], object],
) -> QMessageBox:
    """A message box (shown with open(), never blocking) with a button for each way forward:
    read-only for a file that cannot or may not be written, a backup for a damaged one, another
    try for one another program holds locked."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("OpenProblems", "Cannot open the database"),
        str(error),
        parent=parent,
    )
    box.setObjectName("openProblem")
    ways: list[tuple[str, Callable[[], object]]] = []
    if isinstance(error, OpenElsewhere | DatabaseReadOnly | DiskFull):
        ways.append((QCoreApplication.translate("OpenProblems", "Open Read-Only"), open_read_only))
    if isinstance(error, DatabaseDamaged) and database_path is not None and list_backups(database_path):
        ways.append((QCoreApplication.translate("OpenProblems", "Restore from Backup…"), restore))
    if isinstance(error, DatabaseInUse):
        ways.append((QCoreApplication.translate("OpenProblems", "Try Again"), try_again))
    for text, action in ways:
        button = box.addButton(text, QMessageBox.ButtonRole.AcceptRole)
        button.clicked.connect(lambda _checked=False, chosen=action: chosen())
    box.addButton(QMessageBox.StandardButton.Close if ways else QMessageBox.StandardButton.Ok)
    return box
