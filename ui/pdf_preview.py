"""A PDF shown page by page (rendered with PDFium), for previews that follow the user's edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


class PdfPreview(QScrollArea):
    """The pages of a PDF one under the other, as wide as the view; showing a new file replaces them
    in place, so the reader keeps their scroll position while the document is rewritten."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.path: Path | None = None
        self.pages: list[QLabel] = []
        body = QWidget(self)
        self.column = QVBoxLayout(body)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column.setSpacing(12)
        self.setWidget(body)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # pages fit the width
        self.setBackgroundRole(self.backgroundRole().Dark)

    def show_pdf(self, path: Path) -> None:
        import pypdfium2  # when a page first shows a PDF, not as the window starts

        self.path = path
        document = pypdfium2.PdfDocument(str(path))
        try:
            images = [self._image(document[index]) for index in range(len(document))]
        finally:
            document.close()
        while len(self.pages) > len(images):
            self.pages.pop().deleteLater()
        while len(self.pages) < len(images):
            label = QLabel(self.widget())
            label.setObjectName(f"previewPage{len(self.pages) + 1}")
            self.column.addWidget(label)
            self.pages.append(label)
        for label, image in zip(self.pages, images, strict=True):
            label.setPixmap(QPixmap.fromImage(image))

    def clear(self) -> None:
        self.path = None
        while self.pages:
            self.pages.pop().deleteLater()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.path is not None and self.pages:
            shown = self.pages[0].pixmap().deviceIndependentSize().width()
            if abs(self._width() - shown) > 24:  # not for every pixel of a drag
                self.show_pdf(self.path)

    def _width(self) -> int:
        margins = self.column.contentsMargins()
        return max(200, self.viewport().width() - margins.left() - margins.right())

    def _image(self, page) -> QImage:
        # Device pixels, so the page is sharp on a high-density screen.
        ratio = self.devicePixelRatioF()
        bitmap = page.render(scale=self._width() * ratio / page.get_width(), rev_byteorder=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888)
        image = image.copy()  # the bitmap's memory goes with it
        image.setDevicePixelRatio(ratio)
        return image
