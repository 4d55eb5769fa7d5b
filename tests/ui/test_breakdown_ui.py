"""Tagging from the script view, cast numbering and breakdown exports, driven through the pages."""

from __future__ import annotations

import sqlite3

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog


def tags(path, scene_number):
    with sqlite3.connect(path) as connection:
        return [
            row[0]
            for row in connection.execute(
                "select e.name from scene_element se join breakdown_element e on e.id = se.element_id"
                " join scene s on s.id = se.scene_id where s.number = ?",
                (scene_number,),
            )
        ]


def listed_elements(page) -> list[str]:
    return [page.scene_elements.item(i).text() for i in range(page.scene_elements.count())]


def test_tag_selected_script_text_then_undo_and_redo(demo_window, demo_path):
    page = demo_window.page("script")
    demo_window.show_page(0)
    page.scenes.view.setCurrentIndex(page.scenes.proxy.index(0, 0))
    number = page.current_scene["number"]
    before = tags(demo_path, number)
    props = next(c["id"] for c in page.scene_text.categories if c["key"] == "props")

    page.scene_text.tagRequested.emit(props, "old photograph")

    assert sorted(tags(demo_path, number)) == sorted([*before, "old photograph"])
    assert "Props: old photograph" in listed_elements(page)
    assert page.scene_text.highlighter.rules
    demo_window.undo_action.trigger()
    assert "old photograph" not in tags(demo_path, number)
    assert "Props: old photograph" not in [
        page.scene_elements.item(i).text() for i in range(page.scene_elements.count())
    ]
    demo_window.redo_action.trigger()
    assert "old photograph" in tags(demo_path, number)


def test_tagging_the_same_words_twice_is_explained(demo_window):
    from PySide6.QtWidgets import QMessageBox

    page = demo_window.page("script")
    demo_window.show_page(0)
    props = next(c["id"] for c in page.scene_text.categories if c["key"] == "props")
    page.scene_text.tagRequested.emit(props, "lamp")
    page.scene_text.tagRequested.emit(props, "lamp")
    box = demo_window.findChild(QMessageBox, "refusal")
    assert box is not None and "already tagged" in box.text()
    assert demo_window.workspace.undo_stack.count() == 1


def test_number_cast_by_scenes_is_one_undo_step(demo_window, demo_path):
    with sqlite3.connect(demo_path) as connection:
        connection.execute("update character set cast_number = 30 + id where is_background = 0")
    demo_window.workspace.close()
    demo_window.databases.open(str(demo_path))
    demo_window.show_page(2)
    demo_window.page("cast").buttons["numberCast"].trigger()
    with sqlite3.connect(demo_path) as connection:
        first = connection.execute("select name from character where cast_number = 1").fetchone()[0]
    assert first in ("ETHAN", "CHLOE")
    assert demo_window.page("cast").roles.proxy.index(0, 0).data() == "1"
    demo_window.undo_action.trigger()
    with sqlite3.connect(demo_path) as connection:
        assert connection.execute("select min(cast_number) from character").fetchone()[0] == 31


def test_export_breakdown_sheets_from_the_page(demo_window, tmp_path, monkeypatch, qtbot):
    target = tmp_path / "sheets.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    demo_window.show_page(1)
    demo_window.page("breakdown").export_sheets.click()
    qtbot.waitUntil(target.exists, timeout=30000)
    assert len(PdfReader(target).pages) > 400


def test_breakdown_page_lists_cast_with_elements_and_filters_by_category(demo_window):
    demo_window.show_page(1)
    page = demo_window.page("breakdown")
    everything = page.elements.proxy.rowCount()
    cast_row = next(i for i, row in enumerate(page.categories.model.rows) if row["key"] == "cast")
    page.categories.view.selectRow(cast_row)
    assert 0 < page.elements.proxy.rowCount() < everything
    assert page.elements.proxy.index(0, 1).data().startswith("1. ")
