"""The welcome state: shown while the open database holds no production."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    newProductionRequested = Signal()
    importRequested = Signal()
    demoRequested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Cliffhanger"), self)
        title.setObjectName("welcomeTitle")
        title.setStyleSheet("font-size: 24px; font-weight: 600;")
        intro = QLabel(self.tr("Scripts, cast, schedules, budgets and call sheets for micro-drama productions."), self)
        intro.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New production…"), self)
        self.new_button.setObjectName("welcomeNew")
        self.import_button = QPushButton(self.tr("Import a script…"), self)
        self.import_button.setObjectName("welcomeImport")
        self.demo_button = QPushButton(self.tr("Open the demo production"), self)
        self.demo_button.setObjectName("welcomeDemo")
        self.new_button.clicked.connect(self.newProductionRequested)
        self.import_button.clicked.connect(self.importRequested)
        self.demo_button.clicked.connect(self.demoRequested)

        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(16)
        for button in (self.new_button, self.import_button, self.demo_button):
            button.setMinimumHeight(36)
            column.addWidget(button)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(460)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
