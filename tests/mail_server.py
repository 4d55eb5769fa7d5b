"""A real SMTP server for the tests (aiosmtpd), on a free local port in a thread of its own: it keeps every
message it takes, parsed, for the tests to read back; nothing is ever sent anywhere else."""

from __future__ import annotations

import email
import socket
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Inbox:
    """What the server took: each message with who it was addressed to."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.envelopes: list[list[str]] = []

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        self.envelopes.append(list(envelope.rcpt_tos))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message, rcpts in zip(self.messages, self.envelopes, strict=True) if address in rcpts]


class LocalMailServer:
    def __init__(self, logins: dict[str, str] | None = None):
        self.inbox = Inbox()
        self.logins = logins or {}
        options = {"auth_require_tls": False, "authenticator": self.authenticate} if logins else {}
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port, **options)

    def authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        good = isinstance(auth_data, LoginPassword) and self.logins.get(auth_data.login.decode()) == (
            auth_data.password.decode()
        )
        return AuthResult(success=good, handled=False)

    def __enter__(self) -> LocalMailServer:
        self.controller.start()
        return self

    def __exit__(self, *_exception) -> None:
        self.controller.stop()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server() -> Iterator[LocalMailServer]:
    with LocalMailServer() as server:
        yield server
