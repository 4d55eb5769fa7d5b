"""The producer's mail account: its settings (the production's), its password (the system keyring, or
CLIFFHANGER_SMTP_PASSWORD where there is no keyring, as on a server), one SMTP connection for a day's mails,
and the log of what was sent.

Every mail sent is logged at once, in a transaction of its own, so a connection lost halfway leaves the
log true: those sent are marked sent, the rest are still outdated or new.
"""

from __future__ import annotations

import json
import os
import smtplib
import socket
import ssl
from dataclasses import dataclass

from studio.errors import UserError
from studio.i18n import _
from studio.models import Production, SentCallSheet
from studio.models.enums import SmtpSecurity

PASSWORD_SERVICE = "Cliffhanger mail"
PASSWORD_VARIABLE = "CLIFFHANGER_SMTP_PASSWORD"
TIMEOUT = 30  # seconds to wait for the server


@dataclass(frozen=True)
class MailAccount:
    host: str
    port: int
    security: str  # SmtpSecurity
    login: str
    sender: str
    sender_name: str

    @property
    def key(self) -> str:
        """Where its password is kept in the keyring."""
        return f"{self.login}@{self.host}:{self.port}"


def mail_account(production: Production) -> MailAccount:
    """The production's mail account (raises UserError when it is not set up)."""
    if not production.smtp_host or not production.sender_address:
        raise UserError(
            _(
                "set up the mail account first: the mail server and the sender's address "
                "(Call Sheets → Mail settings, or the production's smtp_host and sender_address)"
            )
        )
    return MailAccount(
        production.smtp_host,
        production.smtp_port,
        production.smtp_security,
        production.smtp_login,
        production.sender_address,
        production.company or production.title,
    )


def remembered_password(account: MailAccount) -> str | None:
    """The account's password: the environment's when given, else the keyring's (None: neither)."""
    if os.environ.get(PASSWORD_VARIABLE):
        return os.environ[PASSWORD_VARIABLE]
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(PASSWORD_SERVICE, account.key)
    except KeyringError:
        return None


def remember_password(account: MailAccount, password: str) -> bool:
    """Keep the password in the system keyring; False when there is none to keep it in."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(PASSWORD_SERVICE, account.key, password)
    except KeyringError:
        return False
    return True


PLAIN_PORT_REASONS = ("WRONG_VERSION_NUMBER", "RECORD_LAYER_FAILURE")


class MailServer:
    """One connection to the account's server, open while mails are sent (`with MailServer(...) as server`)."""

    def __init__(self, account: MailAccount, password: str | None):
        self.account, self.password = account, password
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> MailServer:
        account = self.account
        try:
            context = ssl.create_default_context()
            if account.security == SmtpSecurity.SSL:
                self.smtp = smtplib.SMTP_SSL(account.host, account.port, timeout=TIMEOUT, context=context)
            else:
                self.smtp = smtplib.SMTP(account.host, account.port, timeout=TIMEOUT)
                if account.security == SmtpSecurity.STARTTLS:
                    self.smtp.starttls(context=context)
            if account.login:
                if not self.password:
                    raise UserError(
                        _("no password for {login} on {host}: enter it in the mail settings").format(
                            login=account.login, host=account.host
                        )
                    )
                self.smtp.login(account.login, self.password)
        except smtplib.SMTPAuthenticationError:
            self.close()
            raise UserError(
                _("the mail server refused the login {login}: check the password").format(login=account.login)
            ) from None
        except smtplib.SMTPNotSupportedError:
            self.close()
            raise UserError(
                _("{host} does not offer STARTTLS: choose SSL or no encryption in the mail settings").format(
                    host=account.host
                )
            ) from None
        except (OSError, smtplib.SMTPException) as error:
            self.close()
            # SSL asked of a plain port: OpenSSL 3.0 says WRONG_VERSION_NUMBER, 3.2 and later RECORD_LAYER_FAILURE.
            if account.security == SmtpSecurity.SSL and getattr(error, "reason", None) in PLAIN_PORT_REASONS:
                raise UserError(
                    _(
                        "the mail server {host}:{port} does not speak SSL on that port: choose STARTTLS or no "
                        "encryption in the mail settings (SSL is usually port 465, STARTTLS 587)"
                    ).format(host=account.host, port=account.port)
                ) from None
            raise UserError(
                _("cannot reach the mail server {host}:{port}: {reason}").format(
                    host=account.host, port=account.port, reason=reason(error)
                )
            ) from None
        return self

    def __exit__(self, *_exception) -> None:
        self.close()

    def send(self, message, to: str) -> str | None:
        """Send one message to the address `to` alone (never to what its headers might add up to): None
        when the server took it, else why it did not (this recipient refused)."""
        try:
            self.smtp.send_message(message, to_addrs=[to])
        except smtplib.SMTPRecipientsRefused as error:
            return reason(error)
        except smtplib.SMTPDataError as error:
            return reason(error)
        except (OSError, smtplib.SMTPServerDisconnected) as error:
            raise UserError(
                _("the connection to {host} was lost: {reason}").format(host=self.account.host, reason=reason(error))
            ) from None
        return None

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None


def reason(error: BaseException) -> str:
    """What went wrong, in one short line."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = list(error.recipients.values())
        return codes[0][1].decode(errors="replace") if codes else str(error)
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_error.decode(errors="replace") if isinstance(error.smtp_error, bytes) else str(error)
    if isinstance(error, socket.gaierror):
        return _("no such server")
    if isinstance(error, ConnectionRefusedError):
        return _("the connection was refused")
    if isinstance(error, TimeoutError | socket.timeout):
        return _("no answer")
    return str(error) or type(error).__name__


def sent_record(shoot_day_id: int, mail, when) -> SentCallSheet:
    """The log's row for a mail sent: to whom, in which language, which version, its facts."""
    recipient = mail.recipient
    person = {"performer_id": recipient.person_id} if recipient.is_cast else {"crew_member_id": recipient.person_id}
    return SentCallSheet(
        shoot_day_id=shoot_day_id,
        **person,
        email=recipient.email,
        language=recipient.language,
        sheet_version=recipient.version,
        facts=json.dumps(recipient.facts, ensure_ascii=False, sort_keys=True),
        subject=mail.subject[:400],
        sent_at=when,
    )
