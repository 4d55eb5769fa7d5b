"""What a failed database call means to the person using the app: one problem they can act on (in use,
disk full, read-only, damaged, not allowed, login refused), worded with the database's name, or None
for a fault in the app itself."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event
from sqlalchemy.exc import DatabaseError, OperationalError

from studio.errors import (
    DatabaseDamaged,
    DatabaseInUse,
    DatabaseProblem,
    DatabaseReadOnly,
    DiskFull,
    LoginRefused,
    NotAllowed,
)
from studio.i18n import _


def not_allowed(path: str) -> NotAllowed:
    return NotAllowed(
        _("your login on {path} may not read or change this: rates and budgets are for producers").format(path=path)
    )


def read_only_problem(path: str) -> DatabaseReadOnly:
    problem = DatabaseReadOnly(
        _(
            "{path} cannot be changed: the file or its folder is read-only. Open it read-only, "
            "or copy it to a folder you can write to"
        ).format(path=path)
    )
    problem.opens_read_only = path  # the command line words the way forward its own way
    return problem


def damaged_message(path: str) -> str:
    """SQLite's own account (damaged pages, cells, rowids) means nothing to a producer: the way forward does."""
    return _("{path} is damaged; restore one of its backups").format(path=path)


@contextmanager
def failures_as_problems(path: str, otherwise: str, engine: Engine | None = None) -> Iterator[None]:
    """A failed database call a person can act on raises its `DatabaseProblem` (see problem_of). Given the
    `engine` of `path`, a failure of another database's (a copy's source, read inside the target's
    transaction) is left to that database's own handler, so the message names the one that failed."""
    try:
        yield
    except DatabaseError as error:
        origin = getattr(error, "cliffhanger_engine", None)
        if engine is not None and origin is not None and origin is not engine:
            raise
        problem = problem_of(error, path, otherwise)
        if problem is None:
            raise
        raise problem from None


@event.listens_for(Engine, "handle_error")
def _mark_origin(context) -> None:
    """Every database error carries the engine it came from (see failures_as_problems)."""
    if context.sqlalchemy_exception is not None and context.engine is not None:
        context.sqlalchemy_exception.cliffhanger_engine = context.engine


def problem_of(error: DatabaseError, path: str, otherwise: str) -> DatabaseProblem | None:
    """What a failed database call means for the user; None for a fault in the app itself.

    `otherwise` is the message, with {path} and {reason}, for an operational error of no known kind."""
    kind = getattr(error.orig, "sqlite_errorname", "") or ""
    if kind.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseInUse(
            _("{path} is in use by another program, which holds it locked; close that program and try again").format(
                path=path
            )
        )
    if kind.startswith("SQLITE_FULL"):
        return DiskFull(
            _("the disk holding {path} is full, so nothing was changed: free some space and try again").format(
                path=path
            )
        )
    if kind.startswith("SQLITE_READONLY"):
        return read_only_problem(path)
    if kind.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DatabaseDamaged(damaged_message(path))
    if getattr(error.orig, "sqlstate", None) == "42501":  # insufficient_privilege: the server's grants
        return not_allowed(path)
    if _is_login_refused(error.orig):
        return LoginRefused(
            _("the server {path} refused the login: check the user name and the password").format(path=path)
        )
    if isinstance(error, OperationalError):
        return DatabaseProblem(otherwise.format(path=path, reason=reason_of(error)))
    return None


def _is_login_refused(error: BaseException | None) -> bool:
    """PostgreSQL's "invalid password" or "invalid authorization", also when only its message says so
    (a refusal while connecting comes without an SQLSTATE)."""
    message = str(error)
    refusals = ("password authentication failed", "no password supplied")
    return getattr(error, "sqlstate", None) in ("28P01", "28000") or any(text in message for text in refusals)


def reason_of(error: DatabaseError) -> str:
    """The driver's own words for a failed call."""
    return str(error.orig) if error.orig is not None else str(error)
