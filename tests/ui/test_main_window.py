"""The main window on the demo: every page shows what the database holds; edits undo and redo."""

from __future__ import annotations

import shutil
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QSplitter

from studio.cli import PAGES
from studio.demo_stamp import demo_changes
from studio.paths import demo_database_path
from studio.productions import ProductionDetails, create_production
from ui.pages.base import Page


def db_value(path, sql):
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchone()[0]


def test_every_page_shows_the_rows_the_database_holds(demo_window, demo_path, qtbot):
    expected = {
        # every scene, and each scene of the original cut in adaptation in its place among them
        "script": db_value(
            demo_path,
            "select (select count(*) from scene) + (select count(*) from scene_adaptation"
            " join original_scene on original_scene.id = original_scene_id"
            " where scene_id is null and original_scene.revision_state != 'OMITTED')",
        ),
        # stored elements, plus every role (cast and background come from the scenes' characters)
        "breakdown": db_value(
            demo_path, "select (select count(*) from breakdown_element) + (select count(*) from character)"
        ),
        "cast": db_value(demo_path, "select count(*) from character"),
        "crew": db_value(demo_path, "select count(*) from crew_member"),
        "locations": db_value(demo_path, "select count(*) from location"),
        "schedule": db_value(demo_path, "select count(*) from shoot_day"),
        "callsheets": db_value(demo_path, "select count(*) from shoot_day where kind = 'SHOOT'"),
        # the top sheet: one row per account group, then the grand total
        "budget": db_value(demo_path, "select count(distinct account_group) from budget_account") + 1,
        "reports": db_value(demo_path, "select count(*) from shoot_day where kind = 'SHOOT'"),
    }
    main_tables = {
        "script": "scenes",
        "breakdown": "elements",
        "cast": "roles",
        "crew": "crew",
        "locations": "locations",
        "schedule": "days",
        "callsheets": "sheets",
        "budget": "tree",
        "reports": "days",
    }
    assert demo_window.page_keys == PAGES
    for row, key in enumerate(PAGES):
        demo_window.sidebar.setCurrentRow(row)
        page = demo_window.page(key)
        assert demo_window.stack.currentWidget() is page
        table = getattr(page, main_tables[page.key])
        view = getattr(table, "view", table)
        assert view.model().rowCount() == expected[page.key], page.key
        assert page.summary.text()
    assert demo_window.page("locations").sets.model.rowCount() == db_value(demo_path, "select count(*) from film_set")
    assert "CN¥" in demo_window.page("budget").summary.text()  # the demo reports in CNY


def test_a_page_is_built_when_first_shown(demo_window):
    def built():
        return {page.key for page in demo_window.findChildren(Page)}

    assert built() == {"script"}  # the page the window opened on, and no other
    demo_window.show_page(demo_window.page_keys.index("budget"))
    assert built() == {"script", "budget"}
    assert demo_window.stack.currentWidget() is demo_window.page("budget")
    assert demo_window.page("budget").summary.text()  # loaded as it was shown


def test_edit_in_place_then_undo_and_redo_from_the_edit_menu(demo_window, demo_path, qtbot):
    demo_window.sidebar.setCurrentRow(2)  # Cast
    table = demo_window.page("cast").roles
    column = next(i for i, c in enumerate(table.model.columns) if c.key == "character_zh")
    index = table.proxy.index(0, column)
    assert index.data() == "顾景深"

    table.view.setCurrentIndex(index)
    table.view.edit(index)
    editor = table.view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("伊森·斯特林")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event-loop turn
    qtbot.waitUntil(lambda: index.data() == "伊森·斯特林")
    assert db_value(demo_path, "select name_zh from character where id = 1") == "伊森·斯特林"
    assert demo_window.undo_action.isEnabled()

    demo_window.undo_action.trigger()
    assert db_value(demo_path, "select name_zh from character where id = 1") == "顾景深"
    assert table.proxy.index(0, column).data() == "顾景深"

    demo_window.redo_action.trigger()
    assert db_value(demo_path, "select name_zh from character where id = 1") == "伊森·斯特林"
    assert table.proxy.index(0, column).data() == "伊森·斯特林"


def test_a_refused_edit_explains_why_and_stores_nothing(demo_window, demo_path, qtbot):
    demo_window.sidebar.setCurrentRow(3)  # Crew
    table = demo_window.page("crew").crew
    column = next(i for i, c in enumerate(table.model.columns) if c.key == "name")
    index = table.proxy.index(0, column)
    before = index.data()
    assert not table.proxy.setData(index, "   ")
    box = demo_window.findChild(QMessageBox, "refusal")
    assert box is not None and "cannot be empty" in box.text()
    assert index.data() == before
    assert db_value(demo_path, "select name from crew_member where id = 1") == before
    assert demo_window.workspace.undo_stack.count() == 0


def test_search_filters_the_table(demo_window):
    table = demo_window.page("script").scenes
    everything = table.proxy.rowCount()
    table.search.setText("ROOFTOP BAR")
    assert 0 < table.proxy.rowCount() < everything
    table.search.clear()
    assert table.proxy.rowCount() == everything


def test_choosing_an_episode_shows_its_scenes_and_a_scene_its_text(demo_window, demo_path):
    page = demo_window.page("script")
    page.episodes.view.selectRow(0)
    in_episode_one = db_value(
        demo_path, "select count(*) from scene join episode e on e.id = episode_id where e.number = 1"
    )
    assert page.scenes.proxy.rowCount() == in_episode_one
    page.scenes.view.setCurrentIndex(page.scenes.proxy.index(0, 0))
    assert page.scene_text.toPlainText().startswith("1-1")


def test_an_empty_database_opens_on_the_welcome_page_and_a_new_production_can_be_undone(window, tmp_path, qtbot):
    assert window.databases.open(str(tmp_path / "mine.sqlite"), create=True)
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.import_button.isEnabled()

    def fill_dialog():
        dialog = QApplication.activeModalWidget()
        dialog.title.setText("Midnight Heir")
        dialog.title_zh.setText("午夜继承人")
        dialog.accept()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, fill_dialog)
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    assert window.production_switcher.currentText() == "Midnight Heir / 午夜继承人"
    assert window.stack.currentWidget() is window.page("script")
    assert "Midnight Heir" in window.windowTitle()

    window.undo_action.trigger()
    assert window.production_switcher.count() == 0
    assert window.stack.currentWidget() is window.welcome
    window.redo_action.trigger()
    assert window.production_switcher.currentText() == "Midnight Heir / 午夜继承人"


def test_the_switcher_changes_the_production_every_page_shows(demo_window, qtbot):
    from studio import operations
    from studio.productions import ProductionDetails

    workspace = demo_window.workspace
    workspace.apply(operations.create_production, ProductionDetails("Second Series"), label="new")
    assert demo_window.page("script").scenes.model.rowCount() == 0
    demo_window.production_switcher.setCurrentIndex(demo_window.production_switcher.findData(1))
    assert workspace.production_id == 1
    assert demo_window.page("script").scenes.model.rowCount() > 400


def test_opening_a_bad_file_explains_and_keeps_the_open_database(demo_window, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    assert not demo_window.databases.open(str(bad))
    box = demo_window.findChild(QMessageBox, "openProblem")
    assert box is not None and "not a Cliffhanger database" in box.text()
    assert demo_window.page("script").scenes.model.rowCount() > 400
    assert str(bad) not in demo_window.settings.recent_databases()


def test_layout_and_recent_databases_persist_between_runs(qtbot, settings, demo_path):
    from ui.main_window import MainWindow

    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.show()
    first.databases.open(str(demo_path))
    first.resize(720, 540)
    first.splitter.setSizes([230, 490])
    crew = first.page("crew").findChild(QSplitter, "crewSplitter")
    crew.setSizes([300, 150])
    kept = crew.sizes()
    first.close()

    second = MainWindow(settings)
    qtbot.addWidget(second)
    second.show()
    assert (second.size().width(), second.size().height()) == (720, 540)
    assert second.splitter.sizes()[0] == 230
    # A page's splitters as they were left, when the page is built (on its first showing)
    assert second.page("crew").findChild(QSplitter, "crewSplitter").sizes() == kept
    assert settings.recent_databases()[0] == str(demo_path)
    second.workspace.close()


def test_the_demo_action_writes_and_opens_a_fresh_demo(window):
    assert window.databases.open_demo()
    assert window.production_switcher.currentText() == "The Contract Bride / 契约新娘"
    assert window.page("script").scenes.model.rowCount() > 400


def test_the_demo_opens_as_it_was_left_and_a_reset_asks_before_replacing_work(
    window, settle, monkeypatch, demo_template
):
    path = demo_database_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_template, path)  # written by an earlier run
    assert window.databases.open_demo()
    for row in range(len(window.page_keys)):  # every page shown: showing a page writes nothing
        window.show_page(row)
        settle()
    assert demo_changes(path) is None

    window.workspace.write(create_production, ProductionDetails(title="My Own Show"))
    window.workspace.close()
    assert window.databases.open_demo()  # opened again: the user's production is still there
    assert "My Own Show" in [window.production_switcher.itemText(i) for i in range(window.production_switcher.count())]

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args: asked.append(args[2]) or QMessageBox.StandardButton.No)
    assert not window.databases.reset_demo()
    assert "a production of your own: My Own Show" in asked[0]
    assert demo_changes(path) == ["a production of your own: My Own Show"]

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    assert window.databases.reset_demo()
    assert demo_changes(path) is None and window.production_switcher.count() == 1
