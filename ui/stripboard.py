"""The stripboard: one coloured strip per scene under each day's break, then the boneyard.

A list model over the studio Board (plain data): rows are day breaks, strips and banners. Dragging
strips emits `moveRequested(strip_ids, day_id, position)`; the page moves them in the database and
shows the board moved in memory with its analysis (studio.schedule.analysis) worked out afresh, so even
a 1,200-strip board answers at once. Painting is done by a
delegate with uniform row heights, so scrolling stays smooth.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate

from studio.formatting import format_eighths
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board, Day, StripCard
from studio.schedule.costs import DayTotals
from studio.schedule.timeline import DayTimes
from ui import labels
from ui.i18n import chinese, shown_name

MIME = "application/x-cliffhanger-strips"
ROOT = QModelIndex()
ROW_HEIGHT = 24
# Classic stripboard colours by INT/EXT × DAY/NIGHT (light enough to read black text on).
COLOURS = {
    ("INT", False): "#ffffff",
    ("EXT", False): "#fff4a3",
    ("INT", True): "#c9dcff",
    ("EXT", True): "#c6ecc6",
}
BREAK_COLOUR, BANNER_COLOUR, WARNING_COLOUR, MOVE_COLOUR = "#2f3542", "#57606f", "#c0392b", "#e8e8e8"
# Made once: a drag repaints every visible row, and Qt's flags and colours cost a call each from Python.
STRIP_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
)
BREAK_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
LEFT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
RIGHT = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
WHITE, BLACK, SELECTED = QColor("white"), QColor("black"), QColor(30, 90, 200, 70)
RULE = QPen(QColor("#b0b0b0"))


@dataclass
class BoardRow:
    kind: str  # "day", "strip", "move" (a company move, before the strip it moves to) or "boneyard"
    day_id: int | None
    strip: StripCard | None = None
    day: Day | None = None
    totals: DayTotals | None = None
    warnings: int = 0
    times: DayTimes | None = None
    moved_from: int | None = None  # a move's: the location it leaves


def strip_colour(strip: StripCard) -> str:
    if strip.color:
        return strip.color
    return COLOURS[("EXT" if strip.int_ext.startswith("EXT") else "INT", strip.is_night)]


class StripBoardModel(QAbstractListModel):
    moveRequested = Signal(list, object, int)  # strip ids, day id (None: boneyard), position on that day

    def __init__(
        self,
        describe_day: Callable[[BoardRow], str],
        describe_boneyard: Callable[[int], str],
        describe_sun: Callable[[BoardRow], str],
        parent=None,
    ):
        super().__init__(parent)
        self.describe_day, self.describe_boneyard = describe_day, describe_boneyard
        self.describe_sun = describe_sun  # a day header's tooltip: its sunset and dark, and where they are from
        self.analysis: BoardAnalysis | None = None
        self.rows: list[BoardRow] = []
        self.predicate: Callable[[StripCard], bool] | None = None

    @property
    def board(self) -> Board | None:
        return self.analysis.board if self.analysis is not None else None

    def set_board(self, analysis: BoardAnalysis) -> None:
        self.beginResetModel()
        self.analysis = analysis
        board, warnings = analysis.board, analysis.conflicts_by_day
        self.rows = []
        for day in board.days:
            totals, times = analysis.totals[day.id], analysis.times[day.id]
            self.rows.append(
                BoardRow("day", day.id, day=day, totals=totals, warnings=warnings.get(day.id, 0), times=times)
            )
            self.rows += self._day_rows(day.id)
        self.rows.append(BoardRow("boneyard", None, totals=analysis.totals[None]))
        self.rows += [BoardRow("strip", None, strip) for strip in board.day_strips(None) if self._shown(strip)]
        self.endResetModel()

    def _day_rows(self, day_id: int) -> list[BoardRow]:
        """A day's strips that are shown, with a row for each company move before the strip it moves to."""
        rows, place = [], None
        for strip in self.board.day_strips(day_id):
            if not strip.is_banner and strip.location_id is not None:
                if place is not None and place != strip.location_id:
                    rows.append(BoardRow("move", day_id, strip, moved_from=place))
                place = strip.location_id
            if self._shown(strip):
                rows.append(BoardRow("strip", day_id, strip))
        return rows

    def describe_move(self, row: BoardRow) -> str:
        """ "Company move → Malibu beach house, 80 min drive"."""
        place = self.board.places[row.strip.location_id]
        drive = self.board.limits.drives.of(row.moved_from, place.id)
        where = shown_name(place.name, place.name_zh)
        if not drive.known:
            return self.tr("Company move → %1, drive not known").replace("%1", where)
        return self.tr("Company move → %1, %2 min drive").replace("%1", where).replace("%2", str(drive.minutes))

    def explain_move(self, row: BoardRow) -> str:
        """A move's tooltip: its whole time, and where its drive comes from."""
        board = self.board
        drive = board.limits.drives.of(row.moved_from, row.strip.location_id)
        minutes = board.limits.move(row.moved_from, row.strip.location_id)
        lines = [self.tr("%1 min with wrapping and setting up again").replace("%1", str(minutes))]
        if drive.typed:
            lines.append(self.tr("The drive's minutes are typed for these two locations"))
        names = [shown_name(board.places[p].name, board.places[p].name_zh) for p in drive.stand_ins]
        if names:
            lines.append(
                self.tr("%1 has no coordinates: the drive is worked out from %2")
                .replace("%1", ", ".join(names))
                .replace("%2", board.limits.drives.base_city)
            )
        if not drive.known:
            lines.append(self.tr("No coordinates for a location, and no base city: the drive is left out"))
        return "\n".join(lines)

    def set_filter(self, predicate: Callable[[StripCard], bool] | None) -> None:
        self.predicate = predicate
        if self.analysis is not None:
            self.set_board(self.analysis)

    def _shown(self, strip: StripCard) -> bool:
        return self.predicate is None or strip.is_banner or self.predicate(strip)

    def rowCount(self, parent=ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if row.kind == "day":
                return self.describe_day(row)
            if row.kind == "boneyard":
                return self.describe_boneyard(row.totals.scenes)
            if row.kind == "move":
                return self.describe_move(row)
            return row.strip.banner if row.strip.is_banner else strip_text(row.strip)
        if role == Qt.ItemDataRole.ToolTipRole and row.kind == "strip" and not row.strip.is_banner:
            return strip_tooltip(row.strip)
        if role == Qt.ItemDataRole.ToolTipRole and row.kind == "move":
            return self.explain_move(row)
        if role == Qt.ItemDataRole.ToolTipRole and row.kind == "day":
            return self.describe_sun(row)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def flags(self, index: QModelIndex):
        return STRIP_FLAGS if index.isValid() and self.rows[index.row()].kind == "strip" else BREAK_FLAGS

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt API
        return [MIME]

    def supportedDropActions(self):  # noqa: N802 - Qt API
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 - Qt API
        rows = sorted({index.row() for index in indexes})
        ids = [self.rows[r].strip.id for r in rows if self.rows[r].kind == "strip"]
        data = QMimeData()
        data.setData(MIME, QByteArray(json.dumps(ids).encode()))
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802 - Qt API
        if not data.hasFormat(MIME) or self.board is None:
            return False
        try:
            ids = [int(value) for value in json.loads(bytes(data.data(MIME)).decode())]
        except (ValueError, TypeError):
            return False
        if not ids or any(strip_id not in self.board.strips for strip_id in ids):
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.rows))
        day_id, position = self.drop_target(target, set(ids))
        self.moveRequested.emit(ids, day_id, position)
        return False  # the page rebuilds the board; Qt must not remove the dragged rows itself

    def drop_target(self, row: int, moving: set[int]) -> tuple[int | None, int]:
        """Dropping before row `row`: the day it falls in, and the position there among the strips that
        stay (hidden ones included, so a filtered board drops where the eye says)."""
        if row >= len(self.rows):
            return None, len(self.board.placement.get(None, []))
        target = self.rows[row]
        if target.kind in ("day", "boneyard"):
            if target.kind == "day" and row > 0:  # just above a day break: the end of the day before it
                before = self.rows[row - 1]
                staying = [s for s in self.board.placement.get(before.day_id, []) if s not in moving]
                return before.day_id, len(staying)
            return target.day_id, 0
        staying = [s for s in self.board.placement.get(target.day_id, []) if s not in moving]
        return target.day_id, staying.index(target.strip.id) if target.strip.id in staying else len(staying)


def strip_text(strip: StripCard) -> str:
    return f"{strip_heading(strip)}  {strip_figures(strip)}"


def strip_heading(strip: StripCard) -> str:
    """ "12-3  E12  INT STERLING TOWER - CEO OFFICE – DAY" (in Chinese: 内 斯特林大厦·总裁办公室 – 日)."""
    episode = f"E{strip.episode}" if strip.episode is not None else ""
    if not chinese():  # the script's own codes
        return f"{strip.number}  {episode}  {strip.int_ext} {strip.set_name} – {strip.time_of_day}"
    where = f"{labels.int_ext(strip.int_ext)} {shown_name(strip.set_name, strip.set_name_zh)}"
    return f"{strip.number}  {episode}  {where} – {labels.time_of_day(strip.time_of_day)}"


def strip_tooltip(strip: StripCard) -> str:
    """The heading as the shooting script writes it, and the set's Chinese name beside it: a strip shows the
    set in the interface's language, its tooltip in both."""
    if not strip.set_name_zh or strip.set_name_zh == strip.set_name:
        return strip.heading
    return f"{strip.heading}\n{strip.set_name_zh}"


def strip_figures(strip: StripCard) -> str:
    """Pages and cast IDs: drawn at the strip's right end, so a long set name never hides them."""
    return f"{format_eighths(strip.eighths)}  " + ",".join(str(number) for number in strip.cast_numbers)


class StripDelegate(QStyledItemDelegate):
    """Paints strips in their colours, banners dark, day breaks as bars with the day's totals."""

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt API
        return QSize(0, ROW_HEIGHT)  # as wide as the board: a strip's text is elided, never scrolled to

    def paint(self, painter: QPainter, option, index) -> None:
        row: BoardRow = index.data(Qt.ItemDataRole.UserRole)
        model: StripBoardModel = index.model()
        rect = option.rect
        painter.save()
        text_rect = rect.adjusted(10, 0, -6, 0)
        if row.kind in ("day", "boneyard"):
            painter.fillRect(rect, colour(WARNING_COLOUR if row.warnings else BREAK_COLOUR))
            painter.setPen(WHITE)
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
            text = index.data(Qt.ItemDataRole.DisplayRole)
        elif row.kind == "move":
            painter.fillRect(rect, colour(MOVE_COLOUR))
            painter.setPen(BLACK)
            font = QFont(option.font)
            font.setItalic(True)
            painter.setFont(font)
            text = index.data(Qt.ItemDataRole.DisplayRole)
        elif row.strip.is_banner:
            painter.fillRect(rect, colour(BANNER_COLOUR))
            painter.setPen(WHITE)
            text = row.strip.banner
        else:
            painter.fillRect(rect, colour(strip_colour(row.strip)))
            painter.setPen(BLACK)
            if option.state & QStyle.StateFlag.State_Selected:
                painter.fillRect(rect, SELECTED)
            if row.strip.id in model.analysis.conflicted:
                painter.fillRect(QRect(rect.left(), rect.top(), 5, rect.height()), colour(WARNING_COLOUR))
            figures = strip_figures(row.strip)
            painter.drawText(text_rect, RIGHT, figures)
            text_rect.setRight(text_rect.right() - painter.fontMetrics().horizontalAdvance(figures) - 12)
            text = ("🔒 " if row.strip.locked else "") + strip_heading(row.strip)
        text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, LEFT, text)
        painter.setPen(RULE)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()


@cache
def colour(name: str) -> QColor:
    return QColor(name)


class StripBoardView(QListView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("stripBoard")
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setItemDelegate(StripDelegate(self))

    def selected_strips(self) -> list[StripCard]:
        rows = sorted(index.row() for index in self.selectionModel().selectedIndexes())
        model: StripBoardModel = self.model()
        return [model.rows[r].strip for r in rows if model.rows[r].kind == "strip"]
