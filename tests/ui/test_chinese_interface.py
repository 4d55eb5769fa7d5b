"""The Chinese interface, complete: every page read as a person reads it, nothing in English that has a
Chinese translation; the language chosen in the app applied at once (the window reopens as it was) and
at the next start; temperatures in °C in Chinese, stored in °F."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from studio.money import Money
from studio.schedule.optimizer import Progress
from tests.fixture_files import SAMPLE_FOUNTAIN
from tests.ui.driving import commit_line, query, show
from tests.ui.reading import Reading, read_menu, read_widget, translatable
from ui.app import create_application
from ui.i18n import install_translators
from ui.main_window import REBUILT, MainWindow
from ui.optimize_dialog import OptimizeDialog
from ui.pay_presets import PayPresetsDialog
from ui.schedule_settings import ScheduleSettingsDialog
from ui.send_dialog import SendDialog


@pytest.fixture
def in_language(qapp):
    """Switch the application's language for a test; English again afterwards."""
    yield lambda language: install_translators(qapp, language)
    install_translators(qapp, "en")


@pytest.fixture
def rebuilt():
    """Windows the test's window rebuilt itself into (another language), closed afterwards."""
    yield REBUILT
    for window in list(REBUILT):
        window.close()
        window.deleteLater()
    REBUILT.clear()


def open_window(qtbot, settings, path) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.databases.open(str(path))
    return window


def read_everything(window: MainWindow, settle) -> Reading:
    """Every page (each loaded by showing it, every tab read), the menus, the sidebar and the toolbar, and the
    script's tag menu."""
    reading = Reading()
    for action in window.menuBar().actions():
        read_menu(action.menu(), "menus", reading)
    for row, key in enumerate(window.page_keys):
        window.show_page(row)
        settle()
        assert window.stack.currentWidget() is window.page(key)
        read_widget(window.page(key), key, reading)
    read_widget(window.sidebar, "sidebar", reading)
    read_widget(window.findChild(type(window.addToolBar("probe")), "productionToolbar"), "toolbar", reading)
    script = window.page("script")
    read_menu(script.scene_text.tag_menu("wedding ring", script), "script: tag menu", reading)
    return reading


def english_shown(window: MainWindow, settle, demo_path) -> list[tuple[str, str, list[str]]]:
    reading = read_everything(window, settle)
    wanted = translatable(demo_path)
    # Not vacuous: every page, every kind of widget, thousands of texts were read.
    assert set(window.page_keys) <= {where for where, _ in reading.texts}
    assert {"menu", "tab", "button", "combo", "header", "cell", "chart", "label", "value"} <= reading.kinds
    assert reading.widgets > 500 and len(reading.texts) > 3000, (reading.widgets, len(reading.texts))
    assert len(wanted.texts) > 500 and len(wanted.words) > 150
    return reading.english(wanted)


def test_everything_a_person_reads_in_the_chinese_interface_is_chinese(in_language, settings, qtbot, demo_path, settle):
    in_language("zh_CN")
    window = open_window(qtbot, settings, demo_path)
    assert english_shown(window, settle, demo_path) == []


def test_the_dialogs_read_in_chinese_too(in_language, settings, qtbot, demo_path, settle):
    """Pay presets (a standard preset's name and notes, from the template), Schedule → Settings, Optimize,
    Send (each person's name and role) and the import preview: nothing in English that has a translation,
    but for the scripts' own words (the set and character names as the file has them, and as the shooting
    script stored has them: the preview names a character the shooting script's scene lacks as its cue)."""
    in_language("zh_CN")
    window = open_window(qtbot, settings, demo_path)
    reading = Reading()
    presets = PayPresetsDialog(window.workspace, show(window, "cast"))
    presets.show()
    presets.table.select_ids([presets.table.model.rows[-1]["id"]])  # Flat day, no overtime: its notes too
    read_widget(presets, "pay presets", reading)
    assert ("pay presets: notes", "包干日薪：当天的工时都已包含在内。") in reading.values
    schedule = show(window, "schedule")
    read_widget(ScheduleSettingsDialog(window.workspace, schedule), "schedule settings", reading)
    optimizing = OptimizeDialog(schedule.board, 60, schedule)
    usd = [Money(Decimal(amount), "USD") for amount in (9000, 8000, 1500)]
    optimizing.job.signals.progress.emit(Progress(3, *usd))  # labour priced: the estimate named
    assert "。任何计划的成本都不会低于" in optimizing.best.text()  # no space after a Chinese full stop
    optimizing.cancel()
    read_widget(optimizing, "optimize", reading)
    qtbot.waitUntil(lambda: optimizing.result is not None or optimizing.error is not None, timeout=60000)
    sheets = show(window, "callsheets")
    read_widget(SendDialog(window.workspace, sheets.shoot_day_id(), sheets), "send", reading)  # names, roles
    importing = window.script_import.import_files([SAMPLE_FOUNTAIN])
    qtbot.waitUntil(importing.import_button.isEnabled, timeout=20000)
    read_widget(importing, "import", reading)
    script = importing.outline
    own = {scene.set_name for scene in script.scenes} | set(script.characters())
    stored = "SELECT name FROM character UNION SELECT name FROM film_set UNION SELECT time_of_day FROM scene"
    own |= {name for (name,) in query(demo_path, stored)}  # the pairs' headings: the shooting script's words
    wanted = translatable(demo_path)
    assert {"pay presets", "schedule settings", "optimize", "send", "import"} <= {where for where, _ in reading.texts}
    assert len(reading.texts) > 150 and "value" in reading.kinds
    mail = "send: mailPreview"  # the mail itself, in its reader's language (Daniel Hayes reads English)
    assert [found for found in reading.english(wanted) if set(found[2]) - own and found[0] != mail] == []


def test_the_same_reading_of_the_english_interface_finds_what_chinese_translates(settings, qtbot, demo_path, settle):
    window = open_window(qtbot, settings, demo_path)
    found = {text for _, _, texts in english_shown(window, settle, demo_path) for text in texts}
    assert len(found) > 150
    expected = {
        "Script",  # the sidebar
        "Cast Members",  # a breakdown category (the tag menu, the categories table)
        "DAY",  # day or night on the script page and the stripboard
        "INT",
        "CHLOE'S APARTMENT",  # a set with a Chinese name, on a strip
        "Director",  # a crew position
        "Production",  # a department
        "Paid + committed",  # a chart's legend
        "Daniel Hayes",  # a performer with a Chinese name
        "Social Security (FICA)",  # a fringe from the template
    }
    assert expected <= found, expected - found


def test_the_language_chosen_in_the_app_is_applied_at_once_and_at_the_next_start(
    in_language, rebuilt, settings, qtbot, demo_path, settle
):
    window = open_window(qtbot, settings, demo_path)
    budget = window.page_keys.index("budget")
    window.show_page(budget)
    settle()
    assert window.page("budget").summary.text().startswith("Grand total CN¥")
    production, geometry = window.workspace.production_id, window.geometry()

    window.findChild(QAction, "language_zh_CN").trigger()
    (chinese,) = rebuilt
    qtbot.addWidget(chinese)
    settle()
    # Reopened as it was: the same file, production and page, now in Chinese.
    assert not window.isVisible() and chinese.isVisible()
    assert [action.text() for action in chinese.menuBar().actions()] == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert chinese.workspace.database.path == demo_path and chinese.workspace.production_id == production
    assert chinese.sidebar.currentRow() == budget and chinese.stack.currentWidget() is chinese.page("budget")
    assert chinese.geometry() == geometry
    assert chinese.findChild(QAction, "language_zh_CN").isChecked()
    assert settings.language() == "zh_CN"
    # Money and dates follow the language.
    assert chinese.page("budget").summary.text().startswith("总预算 ¥3,")
    sheets = show(chinese, "callsheets").sheets
    assert sheets.model.data(sheets.model.index(0, 1)) == "2027年1月11日"
    assert "US$" in show(chinese, "schedule").summary.text()

    # The next start: in the language chosen, unless --lang says otherwise.
    chinese.close()
    create_application(None, settings)
    assert QLocale().language() == QLocale.Language.Chinese
    assert MainWindow(settings).menuBar().actions()[0].text() == "文件(&F)"
    create_application("en", settings)
    assert QLocale().language() == QLocale.Language.English
    in_language("zh_CN")
    assert settings.language() == "zh_CN"


def test_choosing_a_language_with_undo_history_asks_first(
    in_language, rebuilt, settings, qtbot, demo_path, monkeypatch
):
    window = open_window(qtbot, settings, demo_path)
    performers = show(window, "cast").performers
    performers.model.setData(performers.model.index(0, 1), "新名字")
    assert window.workspace.undo_stack.count() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    assert window.choose_language("zh_CN") is None and window.isVisible()
    assert settings.language() == "zh_CN"  # remembered for the next start all the same
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.choose_language(None)  # the system's (English here): nothing to rebuild
    assert settings.language() is None and not rebuilt


def shown_in_chinese(in_language, qtbot, settings, demo_path, settle, key: str):
    """A window in Chinese on the demo, showing the page `key`: (the window, the page)."""
    in_language("zh_CN")
    window = open_window(qtbot, settings, demo_path)
    page = show(window, key)
    settle()
    return window, page


def test_temperatures_are_read_and_typed_in_celsius_in_chinese_and_stored_in_fahrenheit(
    in_language, settings, qtbot, demo_path, settle
):
    window, page = shown_in_chinese(in_language, qtbot, settings, demo_path, settle, "callsheets")
    form, day_id = page.form, page.shoot_day_id()
    high = form.form_layout.labelForField(form.editors["temperature_high"])
    assert high.text() == "最高气温（°C）"

    def stored():
        return query(demo_path, "SELECT temperature_high FROM call_sheet WHERE shoot_day_id = ?", day_id)[0][0]

    for celsius, fahrenheit in ((21, 70), (-5, 23), (0, 32), (37, 99), (-62, -80), (60, 140)):
        commit_line(form, "temperature_high", str(celsius))
        assert stored() == fahrenheit and form.editors["temperature_high"].text() == str(celsius)
    commit_line(form, "temperature_high", "２１℃")
    assert stored() == 70
    commit_line(form, "temperature_high", "61")  # 142 °F: past what a call sheet takes
    assert stored() == 70 and form.editors["temperature_high"].text() == "21"
    assert "-62" in window.findChildren(QMessageBox, "refusal")[-1].text()

    window.findChild(QAction, "temperature_F").trigger()
    assert high.text() == "最高气温（°F）" and form.editors["temperature_high"].text() == "70"
    commit_line(form, "temperature_high", "71")
    assert stored() == 71 and settings.temperature_unit() == "F"
    window.findChild(QAction, "temperature_language").trigger()
    assert form.editors["temperature_high"].text() == "22" and settings.temperature_unit() is None


def test_a_persons_languages_read_and_typed_in_chinese_are_stored_in_english(
    in_language, settings, qtbot, demo_path, settle
):
    window, page = shown_in_chinese(in_language, qtbot, settings, demo_path, settle, "cast")
    form = page.details
    performer = form.row_id

    def stored():
        return query(demo_path, "SELECT languages FROM performer WHERE id = ?", performer)[0][0]

    assert stored() == "English" and form.editors["languages"].text() == "英语"
    commit_line(form, "languages", "普通话、粤语")
    assert stored() == "Mandarin, Cantonese" and form.editors["languages"].text() == "普通话、粤语"
    commit_line(form, "languages", "普通话，粤语")  # the same languages: nothing saved
    assert window.workspace.undo_stack.count() == 1


def test_english_reads_temperatures_in_fahrenheit(settings, qtbot, demo_path):
    window = open_window(qtbot, settings, demo_path)
    form = show(window, "callsheets").form
    assert form.form_layout.labelForField(form.editors["temperature_high"]).text() == "High (°F)"
