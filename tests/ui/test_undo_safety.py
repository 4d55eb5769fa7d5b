"""Undo and redo stay truthful when the data changes under them, and views follow every change."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import event

from studio import operations
from studio.errors import InvalidInput
from studio.productions import ProductionDetails
from ui.table import remove_rows


def db_value(path, sql):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchone()[0]


def shown(window, key):
    window.sidebar.setCurrentRow(window.page_keys.index(key))
    return window.page(key)


def column_of(table, key):
    return next(i for i, column in enumerate(table.model.columns) if column.key == key)


def test_an_undo_that_can_no_longer_apply_explains_and_leaves_the_data_as_it_is(demo_window, demo_path):
    cast = shown(demo_window, "cast").roles
    index = cast.proxy.index(0, column_of(cast, "character"))
    assert cast.proxy.setData(index, "ETHAN STERLING")
    with sqlite3.connect(demo_path) as other_window:  # meanwhile, someone names another role ETHAN
        other_window.execute("update character set name = 'ETHAN' where name = 'CHLOE'")

    demo_window.undo_action.trigger()

    box = demo_window.findChild(QMessageBox, "errorMessage")
    assert box is not None and "already has the value 'ETHAN'" in box.text()
    assert db_value(demo_path, "select name from character where id = 1") == "ETHAN STERLING"
    assert demo_window.workspace.undo_stack.count() == 0
    assert index.data() == "ETHAN STERLING"


def test_production_details_with_no_change_add_no_undo_step_and_bad_ones_save_nothing(demo_window, demo_path):
    workspace = demo_window.workspace
    unchanged = {"title": "The Contract Bride", "company": "Redline Shorts LLC"}
    assert not workspace.apply(operations.edit, "production", 1, unchanged, label="")
    assert workspace.undo_stack.count() == 0
    with pytest.raises(InvalidInput, match="at most 200"):
        workspace.apply(operations.edit, "production", 1, {"title": "Shorter", "title_zh": "长" * 201}, label="")
    assert db_value(demo_path, "select title from production") == "The Contract Bride"
    assert workspace.undo_stack.count() == 0


def test_over_long_production_titles_are_refused_before_anything_is_stored():
    with pytest.raises(InvalidInput, match="at most 200"):
        ProductionDetails("T" * 250).validated()


def test_closing_the_database_empties_every_view_and_the_undo_history(demo_window):
    cast = shown(demo_window, "cast").roles
    assert cast.proxy.setData(cast.proxy.index(0, column_of(cast, "character_zh")), "伊森二")
    demo_window.workspace.close()
    assert demo_window.workspace.undo_stack.count() == 0 and not demo_window.undo_action.isEnabled()
    assert demo_window.stack.currentWidget() is demo_window.welcome
    assert cast.model.rowCount() == 0
    assert demo_window.production_switcher.count() == 0


def test_linked_names_follow_an_edit_made_on_another_page(demo_window, demo_path, settle):
    locations = shown(demo_window, "locations")
    assert locations.locations.proxy.setData(
        locations.locations.proxy.index(0, column_of(locations.locations, "name")), "Sterling Tower (Bunker Hill)"
    )
    settle()
    linked = [row["location"] for row in locations.sets.model.rows if row["location_id"] == 1]
    assert linked and set(linked) == {"Sterling Tower (Bunker Hill)"}

    cast = shown(demo_window, "cast").roles
    assert cast.proxy.setData(cast.proxy.index(1, column_of(cast, "character")), "CHLOE LIN")
    shown(demo_window, "script")
    scenes = demo_window.page("script").scenes.model.rows
    assert any("CHLOE LIN" in row["characters"] for row in scenes)
    assert not any("CHLOE," in row["characters"] + "," for row in scenes if "CHLOE LIN" not in row["characters"])


def test_renaming_a_performer_shows_in_the_roles_they_play(demo_window, demo_path, settle):
    page = shown(demo_window, "cast")
    performers = page.performers
    row = next(i for i, r in enumerate(performers.model.rows) if r["id"] == 1)
    index = performers.proxy.mapFromSource(performers.model.index(row, column_of(performers, "name")))
    assert performers.proxy.setData(index, "Daniel J. Hayes")
    assert db_value(demo_path, "select legal_name from performer where id = 1") == "Daniel J. Hayes"
    settle()
    roles = page.roles
    assert roles.proxy.index(0, column_of(roles, "performer")).data() == "Daniel J. Hayes"


def test_a_database_that_fails_to_open_stays_in_recent_unless_it_is_gone(demo_window, demo_path, tmp_path):
    with sqlite3.connect(demo_path) as connection:
        connection.execute("update alembic_version set version_num = 'ffff'")
    demo_window.workspace.close()
    assert not demo_window.databases.open(str(demo_path))
    assert str(demo_path) in demo_window.settings.recent_databases()


def test_several_changes_made_as_one_are_one_transaction_and_one_undo_step(demo_window, demo_path):
    workspace = demo_window.workspace
    before = db_value(demo_path, "select count(*) from availability")
    rows = [(row_id, None) for (row_id,) in sqlite3.connect(demo_path).execute("select id from availability")]
    commits = []
    event.listen(workspace.database.engine, "commit", lambda _connection: commits.append(1))
    remove_rows(workspace, "availability", rows, "remove")
    assert len(commits) == 1
    assert db_value(demo_path, "select count(*) from availability") == 0
    assert workspace.undo_stack.count() == 1 and workspace.undo_stack.undoText() == f"Remove {len(rows)} rows"
    demo_window.undo_action.trigger()
    assert len(commits) == 2  # undone in one transaction too
    assert db_value(demo_path, "select count(*) from availability") == before
    demo_window.redo_action.trigger()
    assert len(commits) == 3 and db_value(demo_path, "select count(*) from availability") == 0


def test_when_one_change_of_a_step_fails_none_is_saved_and_the_views_reload(demo_window, demo_path, qtbot):
    workspace = demo_window.workspace
    crew = shown(demo_window, "crew")
    shown_before = crew.crew.model.rowCount()
    with sqlite3.connect(demo_path) as connection:
        first, second = (row_id for (row_id,) in connection.execute("select id from crew_member limit 2"))
    with sqlite3.connect(demo_path) as other_window:  # meanwhile, another window removes the second
        other_window.execute("delete from crew_member where id = ?", (second,))
    with pytest.raises(Exception, match="no longer exists|not found|no crew"):
        remove_rows(workspace, "crew_member", [(first, None), (second, None)], "remove")
    assert db_value(demo_path, f"select count(*) from crew_member where id = {first}") == 1
    assert workspace.undo_stack.count() == 0
    qtbot.waitUntil(lambda: crew.crew.model.rowCount() == shown_before - 1)  # reloaded: the other window's removal
