"""Every test runs with its own user folders, so nothing touches the developer's real data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.keyrings import memory_keyring  # noqa: F401 - fixtures for every test
from tests.mail_server import mail_server  # noqa: F401
from tests.postgres import crew_login, postgres_server, postgres_url, server_demo, server_demo_template  # noqa: F401

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Fuzz tests: 200 generated inputs per property by default, 10,000 with HYPOTHESIS_PROFILE=extended.
settings.register_profile("default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("extended", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    return home


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """One demo database per test run; tests copy it rather than rebuild it."""
    from studio.demo import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path)
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path) -> Path:
    import shutil

    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture(scope="session")
def planned_demo_template(tmp_path_factory) -> Path:
    """The demo as it stands before its first day is shot: no day reported."""
    from studio.demo import write_demo

    path = tmp_path_factory.mktemp("planned") / "planned.sqlite"
    write_demo(path, reported=False)
    return path


@pytest.fixture
def planned_demo(planned_demo_template, tmp_path):
    """The demo before its first day is shot, open (a copy: each test may change it)."""
    import shutil

    from studio.storage.db import open_database

    path = tmp_path / "planned.sqlite"
    shutil.copyfile(planned_demo_template, path)
    database = open_database(path)
    yield database
    database.close()


@pytest.fixture
def demo(demo_path):
    """The demo production, open (a copy: each test may change it)."""
    from studio.storage.db import open_database

    database = open_database(demo_path)
    yield database
    database.close()
