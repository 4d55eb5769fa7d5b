"""Call Sheets → Mail settings: the producer's own mail account that sends call sheets (server, port,
security, login, sender; the password goes to the system keyring, never the settings), the language of
mail and sheets for people whose own is not known, and how long cast are driven, made up and dressed.
Saved together when accepted, checked by the domain's rules: a refusal changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
)

from studio.edits import set_fields
from studio.errors import UserError
from studio.models import Production
from studio.sending.mail_server import mail_account, remember_password
from ui.form_dialog import literal
from ui.refusal_box import refuse
from ui.spin_boxes import whole_number_box


class MailSettingsDialog(QDialog):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.setObjectName("mailSettings")
        self.setWindowTitle(self.tr("Mail settings"))
        self.workspace = workspace
        production = workspace.read(lambda session: session.get(Production, workspace.production_id))
        self.version = production.version  # as shown: a save after a colleague's is refused, not written over
        self.host = QLineEdit(production.smtp_host, self)
        self.host.setPlaceholderText(self.tr("e.g. smtp.gmail.com"))
        self.port = whole_number_box(self, 1, 65535, production.smtp_port, "")
        self.security = QComboBox(self)
        for code, label in (
            ("STARTTLS", self.tr("STARTTLS (port 587)")),
            ("SSL", self.tr("SSL/TLS (port 465)")),
            ("NONE", self.tr("None (a local relay only)")),
        ):
            self.security.addItem(label, code)
        self.security.setCurrentIndex(max(0, self.security.findData(production.smtp_security)))
        self.login = QLineEdit(production.smtp_login, self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the system keyring; leave empty to keep the one kept"))
        self.sender = QLineEdit(production.sender_address, self)
        self.sender.setPlaceholderText(self.tr("e.g. producer@example.com"))
        self.language = QComboBox(self)
        for code, label in (("en", self.tr("English")), ("zh", self.tr("Chinese")), ("en+zh", self.tr("Both"))):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(production.document_language)))
        self.pickup = whole_number_box(self, 0, 600, production.pickup_minutes, self.tr(" min"))
        self.makeup = whole_number_box(self, 0, 600, production.makeup_minutes, self.tr(" min"))
        self.wardrobe = whole_number_box(self, 0, 600, production.wardrobe_minutes, self.tr(" min"))
        account = QFormLayout()
        for label, editor in (
            (self.tr("Mail server"), self.host),
            (self.tr("Port"), self.port),
            (self.tr("Security"), self.security),
            (self.tr("Login"), self.login),
            (self.tr("Password"), self.password),
            (self.tr("Sender's address"), self.sender),
        ):
            account.addRow(literal(label), editor)
        sheets = QFormLayout()
        for label, editor in (
            (self.tr("Language when a person's is not known"), self.language),
            (self.tr("Pickup before hair & makeup (0: none)"), self.pickup),
            (self.tr("Hair & makeup"), self.makeup),
            (self.tr("Wardrobe"), self.wardrobe),
        ):
            sheets.addRow(literal(label), editor)
        boxes = []
        for title, form in ((self.tr("The producer's mail account"), account), (self.tr("Call sheets"), sheets)):
            box = QGroupBox(title, self)
            box.setLayout(form)
            boxes.append(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for box in boxes:
            layout.addWidget(box)
        layout.addWidget(buttons)

    def values(self) -> dict:
        """As typed (numbers as text, as the domain's rules read what people type)."""
        return {
            "smtp_host": self.host.text(),
            "smtp_port": str(self.port.value()),
            "smtp_security": self.security.currentData(),
            "smtp_login": self.login.text(),
            "sender_address": self.sender.text(),
            "document_language": self.language.currentData(),
            "pickup_minutes": str(self.pickup.value()),
            "makeup_minutes": str(self.makeup.value()),
            "wardrobe_minutes": str(self.wardrobe.value()),
        }

    def save(self) -> None:
        """Every setting in one transaction (a refusal changes nothing), then the password to the keyring."""
        production_id, values, seen = self.workspace.production_id, self.values(), self.version
        try:
            changes = self.workspace.write(
                lambda session: set_fields(session, "production", production_id, values, seen)
            )
        except UserError as error:
            refuse(self, str(error))
            return
        if changes and changes[-1].version is not None:
            self.version = changes[-1].version  # our own save
        password = self.password.text()
        if password:
            try:
                account = mail_account(self.workspace.read(lambda session: session.get(Production, production_id)))
            except UserError as error:  # no server or sender: nothing to keep a password for
                refuse(self, str(error))
                return
            if not remember_password(account, password):  # the settings are saved: say so where the dialog was
                message = self.tr("This system has no keyring to keep the password in: it is asked for when sending.")
                refuse(self.parentWidget() or self, message)
        self.accept()
