"""Errors a user can act on. Each carries one clear sentence; the CLI prints it and exits 2."""


class UserError(Exception):
    """Bad input or a state the user can fix; never shown with a traceback."""


class InvalidInput(UserError):
    """A value that does not make sense (negative rate, unknown currency, impossible date…)."""


class DatabaseProblem(UserError):
    """The database cannot be opened or used as it is. `opens_read_only`: the file, when opening it
    read-only is the way forward the message offers (the command line offers its own way, --read-only)."""

    opens_read_only: str | None = None


class DatabaseMissing(DatabaseProblem):
    pass


class NotADatabase(DatabaseProblem):
    pass


class NewerSchema(DatabaseProblem):
    pass


class DatabaseDamaged(DatabaseProblem):
    """SQLite finds the file corrupt: a backup is the way forward."""


class DatabaseInUse(DatabaseProblem):
    """Another program holds the file locked."""


class DatabaseReadOnly(DatabaseProblem):
    """The file or its folder cannot be written (or the database was opened read-only)."""


class DiskFull(DatabaseProblem):
    pass


class LoginRefused(DatabaseProblem):
    """A server that wants another user name or password."""


class NotAllowed(DatabaseProblem):
    """The server's grants keep this from the login (a crew member and a rate)."""


class OpenElsewhere(DatabaseProblem):
    """Another Cliffhanger window has the file open for editing."""


class ChangedElsewhere(UserError):
    """Someone else saved a change to the same row first (team mode); theirs is kept."""


class ProductionNotFound(UserError):
    pass
