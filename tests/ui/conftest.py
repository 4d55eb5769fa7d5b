from __future__ import annotations

import pytest

from ui.app import create_application
from ui.background import wait_for_background_work
from ui.main_window import MainWindow
from ui.settings import AppSettings


@pytest.fixture(scope="session")
def qapp():
    """pytest-qt's application, set up as the app sets itself up (English catalogue)."""
    return create_application("en")


@pytest.fixture
def settings():
    return AppSettings.ephemeral()


@pytest.fixture
def window(qtbot, settings):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    yield window
    wait_for_background_work()  # a backup still being taken reports to the window
    window.workspace.close()


@pytest.fixture
def demo_window(window, demo_path):
    assert window.databases.open(str(demo_path))
    return window


@pytest.fixture
def settle(qapp):
    """Let the event loop run once: pages reload on its next turn after a change."""
    return qapp.processEvents
