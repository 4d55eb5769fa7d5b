"""A real SMTP server for the tests (aiosmtpd), on a free local port in a thread of its own: it keeps every
message it takes, parsed, for the tests to read back; nothing is ever sent anywhere else."""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import socket
import ssl
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


class Inbox:
    """What the server took: each message with who it was addressed to."""

    def __init__(self):
        self.messages: list[EmailMessage] = []
        self.envelopes: list[list[str]] = []
        self.encrypted: list[bool] = []  # whether each came over TLS
        self.refusing: set[str] = set()  # addresses it refuses, as a server refuses an unknown mailbox

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:  # noqa: N802
        if address in self.refusing:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's name
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        self.envelopes.append(list(envelope.rcpt_tos))
        self.encrypted.append(server.transport.get_extra_info("ssl_object") is not None)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message, rcpts in zip(self.messages, self.envelopes, strict=True) if address in rcpts]


class LocalMailServer:
    """`tls`: "STARTTLS" (offered and required) or "SSL" (TLS from the start), with `certificate` (its
    files: cert.pem, key.pem)."""

    def __init__(self, logins: dict[str, str] | None = None, tls: str = "", certificate: Path | None = None):
        self.inbox = Inbox()
        self.logins = logins or {}
        options: dict = {"auth_require_tls": False, "authenticator": self.authenticate} if logins else {}
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(certificate / "cert.pem", certificate / "key.pem")
            options |= {"tls_context": context, "require_starttls": True} if tls == "STARTTLS" else {}
            options |= {"ssl_context": context} if tls == "SSL" else {}
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


def self_signed_certificate(folder: Path) -> Path:
    """A certificate for 127.0.0.1 signed by itself (cert.pem, key.pem in `folder`): trusted only by a
    client told to (SSL_CERT_FILE)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cert.pem").write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server() -> Iterator[LocalMailServer]:
    with LocalMailServer() as server:
        yield server
