"""File → Connect to Server…: a team's PostgreSQL server, its database, who you are and your password
(kept in the system keyring if you ask, else asked each time)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

DEFAULT_PORT = 5432


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, url: str | None = None):
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to Server"))
        self.setMinimumWidth(440)
        layout = QFormLayout(self)
        intro = QLabel(self.tr("A PostgreSQL server your team shares. Ask its administrator for these."), self)
        intro.setWordWrap(True)
        layout.addRow(intro)
        self.host, self.database, self.user = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.host.setPlaceholderText("db.example.com")
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"), self)
        layout.addRow(self.tr("Server:"), self.host)
        layout.addRow(self.tr("Port:"), self.port)
        layout.addRow(self.tr("Database:"), self.database)
        layout.addRow(self.tr("User:"), self.user)
        layout.addRow(self.tr("Password:"), self.password)
        layout.addRow(self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(self.buttons)
        for editor in (self.host, self.database, self.user):
            editor.textChanged.connect(self._enable)
        if url:
            self._fill(url)
        self._enable()

    def _fill(self, url: str) -> None:
        parsed = make_url(url)
        self.host.setText(parsed.host or "")
        self.port.setValue(parsed.port or DEFAULT_PORT)
        self.database.setText(parsed.database or "")
        self.user.setText(parsed.username or "")
        self.password.setFocus()

    def _enable(self) -> None:
        filled = all(editor.text().strip() for editor in (self.host, self.database, self.user))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(filled)

    def url(self) -> str:
        """The server's URL with the password typed (never shown or remembered as such)."""
        return URL.create(
            "postgresql+psycopg",
            username=self.user.text().strip(),
            password=self.password.text() or None,
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
        ).render_as_string(hide_password=False)
