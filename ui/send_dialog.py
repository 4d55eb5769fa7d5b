"""Call Sheets → Send: everyone on the day with their address, language, call and where they stand (not
sent yet, up to date, or holding an outdated sheet and what changed), a preview of each one's mail, and
sending through the producer's account; people without an email are listed as not sent."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from studio.errors import UserError
from studio.models import Production
from studio.sending.day_mail import DayMail, Status, plan_day_mail, send_day_mail
from studio.sending.mail_server import mail_account, remembered_password
from studio.sending.messages import MailWords
from studio.sending.recipients import Standing
from ui.background import run_in_background
from ui.i18n import chinese, shown_name
from ui.refusal_box import refuse


class SendDialog(QDialog):
    def __init__(self, workspace, shoot_day_id: int, parent=None):
        super().__init__(parent)
        self.setObjectName("sendCallSheets")
        self.setWindowTitle(self.tr("Send call sheets"))
        self.resize(980, 620)
        self.workspace, self.shoot_day_id = workspace, shoot_day_id
        self.everyone = QCheckBox(self.tr("Also those whose call sheet is still up to date"), self)
        self.everyone.toggled.connect(self.show_plan)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("sendRecipients")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Who"), self.tr("Role"), self.tr("Email"), self.tr("Language"), self.tr("Call"),
             self.tr("Call sheet held"), self.tr("Mail")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self.show_preview)
        self.preview = QPlainTextEdit(self)
        self.preview.setObjectName("mailPreview")
        self.preview.setReadOnly(True)
        self.summary = QLabel(self)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.preview)
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setObjectName("sendMail")
        self.send_button.clicked.connect(self.send)
        self.send_button.setEnabled(not workspace.read_only)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.everyone, split, self.summary, buttons):
            layout.addWidget(widget)
        self.plan: DayMail | None = None
        self.change_words = MailWords("zh" if chinese() else "en")  # what changed, in the window's language
        self.show_plan()

    def words(self) -> dict[str, str]:
        return {
            Standing.NEW: self.tr("not sent yet"),
            Standing.CURRENT: self.tr("up to date"),
            Standing.OUTDATED: self.tr("outdated"),
            Standing.NO_EMAIL: self.tr("no email"),
            Standing.BAD_EMAIL: self.tr("not an email address"),
            Status.SENT: self.tr("sent"),
            Status.WOULD_SEND: self.tr("to send"),
            Status.NOT_SENT: self.tr("not sent"),
            Status.REFUSED: self.tr("refused by the mail server"),
            Status.UP_TO_DATE: self.tr("not sent again"),
        }

    def show_plan(self, plan: DayMail | None = None) -> None:
        """Each person's mail as it would go now (or as it went: `plan`)."""
        if plan is None:
            production_id, everyone = self.workspace.production_id, self.everyone.isChecked()
            plan = self.workspace.read(plan_day_mail, production_id, self.shoot_day_id, everyone)
        self.plan, words = plan, self.words()
        languages = {"en": self.tr("English"), "zh": self.tr("Chinese"), "en+zh": self.tr("Both")}
        self.table.setRowCount(len(plan.outcomes))
        for row, outcome in enumerate(plan.outcomes):
            person = outcome.recipient
            held = words[person.standing]
            if person.standing == Standing.OUTDATED:
                held = f"{held}: {'; '.join(self.change_words.change(change) for change in person.changes)}"
            status = words[outcome.status] + (f" ({outcome.reason})" if outcome.reason else "")
            name, role = shown_name(person.name, person.name_zh), shown_name(person.role, person.role_zh)
            cells = [name, role, person.email, languages[person.language], person.call, held, status]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        waiting = sum(outcome.status == Status.WOULD_SEND for outcome in plan.outcomes)
        sent = sum(outcome.status == Status.SENT for outcome in plan.outcomes)
        parts = [self.tr("%n mail(s) to send", "", waiting)]
        if sent:
            parts.append(self.tr("%n sent", "", sent))
        for standing, text in (
            (Standing.NO_EMAIL, self.tr("no email: %1")),
            (Standing.BAD_EMAIL, self.tr("not an email address: %1")),
        ):
            if names := [
                shown_name(outcome.recipient.name, outcome.recipient.name_zh)
                for outcome in plan.outcomes
                if outcome.recipient.standing == standing
            ]:
                parts.append(text.replace("%1", ", ".join(names)))
        self.summary.setText(" · ".join(parts))
        self.send_button.setEnabled(bool(waiting) and not self.workspace.read_only)
        if plan.outcomes and not self.table.selectedItems():
            self.table.selectRow(0)
        self.show_preview()

    def show_preview(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if self.plan is None or not rows:
            self.preview.clear()
            return
        outcome = self.plan.outcomes[rows[0].row()]
        mail, person = outcome.mail, outcome.recipient
        if mail is None:
            name = shown_name(person.name, person.name_zh)
            self.preview.setPlainText(self.tr("%1 has no email address: not sent.").replace("%1", name))
            return
        header = [
            self.tr("To: %1 <%2>").replace("%1", outcome.recipient.name).replace("%2", outcome.recipient.email),
            self.tr("Subject: %1").replace("%1", mail.subject),
            self.tr("Attached: %1").replace("%1", ", ".join(mail.attachments)),
        ]
        self.preview.setPlainText("\n".join(header) + "\n\n" + mail.body)

    def send(self) -> None:
        production_id, everyone = self.workspace.production_id, self.everyone.isChecked()
        try:
            account = mail_account(self.workspace.read(lambda session: session.get(Production, production_id)))
        except UserError as error:
            refuse(self, str(error))
            return
        password = remembered_password(account) if account.login else None
        if account.login and not password:
            password, given = QInputDialog.getText(
                self,
                self.windowTitle(),
                self.tr("Password for %1 on %2:").replace("%1", account.login).replace("%2", account.host),
                QLineEdit.EchoMode.Password,
            )
            if not given:
                return
        database, day_id = self.workspace.database, self.shoot_day_id
        run_in_background(
            self,
            self.tr("Sending call sheets…"),
            lambda: send_day_mail(database, production_id, day_id, everyone, password),
            self.show_plan,
            self.failed,
        )

    def failed(self, error: Exception) -> None:
        if isinstance(error, UserError):
            refuse(self, str(error))
            self.show_plan()  # those sent before the failure are logged
        else:
            sys.excepthook(type(error), error, error.__traceback__)
