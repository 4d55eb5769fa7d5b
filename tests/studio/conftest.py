"""Fixtures of the domain's tests."""

from __future__ import annotations

import pytest

from tests.studio.day_report_production import NightDesk, night_desk


@pytest.fixture(params=["sqlite", "postgresql"])
def desk(request, tmp_path) -> NightDesk:
    """The Night Desk (tests/studio/day_report_production.py) in a SQLite file and on the test server."""
    target = tmp_path / "desk.sqlite" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    production = night_desk(target)
    yield production
    production.database.close()


@pytest.fixture
def sqlite_desk(tmp_path) -> NightDesk:
    production = night_desk(tmp_path / "desk.sqlite")
    yield production
    production.database.close()
