"""Two producers on one production through a PostgreSQL server: the second to save an edit of the same
row is told, sees the first one's change, and nothing is silently written over."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from studio import operations
from tests.ui.driving import last_refusal, show, window_on
from ui.connect_dialog import ConnectDialog
from ui.main_window import MainWindow
from ui.settings import AppSettings


def column(table, key):
    return next(i for i, c in enumerate(table.model.columns) if c.key == key)


def test_the_second_of_two_edits_of_one_cell_is_refused_and_shows_the_first(qtbot, server_demo):
    first, second = window_on(qtbot, server_demo), window_on(qtbot, server_demo)
    tables = [show(window, "crew").crew for window in (first, second)]
    cells = [table.model.index(0, column(table, "name")) for table in tables]
    assert tables[0].model.setData(cells[0], "Ana Line Producer")
    assert not tables[1].model.setData(cells[1], "Bo Head of Production")
    assert "someone else changed this meanwhile" in last_refusal(second).text()
    qtbot.waitUntil(lambda: tables[1].model.index(0, column(tables[1], "name")).data() == "Ana Line Producer")
    # now that the second sees the first's change, the second's own edit goes through
    cell = tables[1].model.index(0, column(tables[1], "name"))
    assert tables[1].model.setData(cell, "Bo Head of Production")
    assert tables[0].model.setData(cells[0], "Too late") is False  # the first one's view is the stale one now
    for window in (first, second):
        window.workspace.close()


def test_a_colleagues_save_shows_without_restarting(qtbot, server_demo):
    mine, theirs = window_on(qtbot, server_demo), window_on(qtbot, server_demo)
    crew = show(mine, "crew").crew
    values = {"name": "Saved Elsewhere"}
    theirs.workspace.apply(operations.edit, "crew_member", crew.model.rows[0]["id"], values, label="rename")
    qtbot.waitUntil(lambda: crew.model.index(0, column(crew, "name")).data() == "Saved Elsewhere", timeout=6000)
    for window in (mine, theirs):
        window.workspace.close()


def test_a_read_only_window_follows_the_editing_one_on_a_file(qtbot, demo_path):
    editing = window_on(qtbot, str(demo_path))
    reading = MainWindow(AppSettings.ephemeral())
    qtbot.addWidget(reading)
    reading.show()
    assert reading.databases.open(str(demo_path), read_only=True)
    crew = show(reading, "crew").crew
    row_id = crew.model.rows[0]["id"]
    editing.workspace.apply(operations.edit, "crew_member", row_id, {"name": "Renamed"}, label="rename")
    qtbot.waitUntil(lambda: crew.model.index(0, column(crew, "name")).data() == "Renamed", timeout=6000)
    for window in (editing, reading):
        window.workspace.close()


def connect(window, url, password, remember):
    window.databases.connect_action.trigger()
    dialog = window.findChildren(ConnectDialog)[-1]
    parsed = make_url(url)
    dialog.host.setText(parsed.host)
    dialog.port.setValue(parsed.port)
    dialog.database.setText(parsed.database)
    dialog.user.setText("producer")
    dialog.password.setText(password)
    dialog.remember.setChecked(remember)
    dialog.accept()


def test_connect_to_a_server_keeps_the_password_in_the_keyring_and_never_in_the_settings(
    qtbot, server_demo, postgres_server, memory_keyring
):
    postgres_server.execute(
        "DROP ROLE IF EXISTS producer",
        "CREATE ROLE producer LOGIN SUPERUSER PASSWORD 's3cret' IN ROLE password_users",
    )
    window = MainWindow(AppSettings.ephemeral())
    qtbot.addWidget(window)
    window.show()
    connect(window, server_demo, "s3cret", remember=True)
    assert window.workspace.database is not None and window.page("script").scenes.model.rowCount() > 400
    remembered = window.settings.recent_databases()[0]
    assert "s3cret" not in remembered and remembered.startswith("postgresql+psycopg://producer@127.0.0.1:")
    assert list(memory_keyring.passwords.values()) == ["s3cret"]
    assert "s3cret" not in window.windowTitle()
    window.workspace.close()
    assert window.databases.open(remembered)  # from Open Recent: the keyring has the password
    window.workspace.close()
    memory_keyring.passwords.clear()
    assert not window.databases.open(remembered)  # not in the keyring: asked for, the rest filled in
    dialog = window.findChildren(ConnectDialog)[-1]
    assert dialog.user.text() == "producer" and dialog.password.text() == "" and dialog.isVisible()
