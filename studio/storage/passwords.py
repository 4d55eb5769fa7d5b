"""Passwords for a team's server: kept in the system's keyring (macOS Keychain, Windows Credential
Locker, the Secret Service on Linux) when the person asks, never in a file or the list of recent
databases; without a keyring they are asked for each time."""

from __future__ import annotations

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

SERVICE = "Cliffhanger"
SECRET_PARAMETERS = {"password", "sslpassword"}  # libpq's, which psycopg takes from a URL's query too


def without_password(url: str) -> str:
    """The URL as it may be shown and remembered (a file's path as it is): no password, neither the one in
    its user part (postgresql://u:secret@h/db) nor one given as a parameter (…/db?password=secret)."""
    if "://" not in url:
        return url
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url  # not a URL anything could connect with
    query = {key: value for key, value in parsed.query.items() if key.lower() not in SECRET_PARAMETERS}
    bare = URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database, query)
    return bare.render_as_string(hide_password=False)


def with_password(url: str, password: str | None) -> str:
    if not password:
        return url
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def may_need_password(url: str) -> bool:
    """A server's URL without a password (the server may ask for one, or trust the user without)."""
    if "://" not in url:
        return False
    parsed = make_url(url)
    return parsed.get_backend_name() == "postgresql" and parsed.password is None and parsed.username is not None


def remembered_password(url: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, without_password(url))
    except KeyringError:
        return None


def remember_password(url: str, password: str) -> bool:
    """Keep the password in the system keyring; False when there is none to keep it in."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, without_password(url), password)
    except KeyringError:
        return False
    return True
