"""A real PostgreSQL server for the tests: a throwaway cluster in a temporary folder, started once per
test run on a free port (`python3 dev.py test` installs Debian's postgresql package when missing).
Each test gets a database of its own."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def server_programs() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, or Debian's versioned folder."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda name: int(Path(name).parent.name))
    return Path(folders[-1]) if folders else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, programs: Path):
        self.programs = programs
        self.folder = Path(tempfile.mkdtemp(prefix="cliffhanger-pg-"))
        self.port = free_port()
        # initdb refuses to run as root: the cluster then belongs to the postgres user Debian makes.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, program: str, *arguments: str) -> None:
        subprocess.run([*self.as_user, str(self.programs / program), *arguments], check=True, capture_output=True)

    def start(self) -> None:
        if self.as_user:
            shutil.chown(self.folder, "postgres")
        data = self.folder / "data"
        self.run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8")
        # Everyone is trusted, but for members of password_users, who log in with a password as on a
        # team's real server.
        hba = data / "pg_hba.conf"
        hba.write_text("host all +password_users 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        for attempt in range(3):  # test workers start servers side by side: a port just found free may be taken
            options = (
                f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
            )
            try:
                self.run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")
                break
            except subprocess.CalledProcessError:
                if attempt == 2:
                    raise
                self.port = free_port()
        self.execute("CREATE ROLE password_users NOLOGIN")

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = "postgres", password: str | None = None) -> str:
        credentials = user if password is None else f"{user}:{password}"
        return f"postgresql+psycopg://{credentials}@127.0.0.1:{self.port}/{database}"

    def add_login(self, database_url: str, group: str | None) -> str:
        """A new login in the role `group` (see server_roles), or in none; returns its URL for that database."""
        name = f"login_{uuid.uuid4().hex[:12]}"
        self.execute(f"CREATE ROLE {name} LOGIN" + (f" IN ROLE {group}" if group else ""))
        return self.url(database_url.rsplit("/", 1)[1], user=name)

    def execute(self, *statements: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname={database}", autocommit=True) as c:
            for statement in statements:
                c.execute(statement)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Server]:
    programs = server_programs()
    if programs is None:
        pytest.skip("no PostgreSQL server programs (python3 dev.py test installs Debian's postgresql)")
    server = Server(programs)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: Server) -> Iterator[str]:
    """A new, empty database on the test server."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    postgres_server.execute(f"CREATE DATABASE {name}")
    yield postgres_server.url(name)
    postgres_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def server_demo_template(demo_template, postgres_server) -> str:
    """The demo production copied onto the test server once, with the team's roles set up: the database
    each test's server_demo is made from (CREATE DATABASE … TEMPLATE, a file copy on the server)."""
    from studio.storage.db import open_database
    from studio.storage.server_roles import set_up_roles
    from studio.storage.transfer import copy_database

    name = f"demo_{uuid.uuid4().hex[:12]}"
    postgres_server.execute(f"CREATE DATABASE {name}")
    source, target = open_database(demo_template, read_only=True), open_database(postgres_server.url(name))
    copy_database(source, target)
    set_up_roles(target)
    source.close()
    target.close()
    return name


@pytest.fixture
def server_demo(server_demo_template, postgres_server) -> Iterator[str]:
    """The demo production on the test server, with the team's roles set up: a database of its own."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    postgres_server.execute(f"CREATE DATABASE {name} TEMPLATE {server_demo_template}")
    yield postgres_server.url(name)
    postgres_server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def crew_login(server_demo, postgres_server) -> str:
    """The URL of a crew member's login on the demo production."""
    from studio.storage.server_roles import CREW

    return postgres_server.add_login(server_demo, CREW)
