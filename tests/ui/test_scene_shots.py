"""A scene's planned shots: the field issue 19 adds through the one path (model, migration, the edit rule,
the page), typed on the script page, totalled per episode, undone and refused like any other edit."""

from __future__ import annotations

from tests.ui.driving import last_refusal, query, show, window_on


def shots_column(table) -> int:
    return next(number for number, column in enumerate(table.model.columns) if column.key == "shots")


def row_of(table, key, value) -> int:
    return next(number for number, row in enumerate(table.model.rows) if row[key] == value)


def test_shots_typed_on_the_script_page_are_stored_totalled_per_episode_and_undone(qtbot, demo_path):
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    scene_id, episode_id = query(demo_path, "SELECT id, episode_id FROM scene ORDER BY sort_order LIMIT 1")[0]
    other_id = query(
        demo_path,
        "SELECT id FROM scene WHERE episode_id = ? AND id != ? ORDER BY sort_order LIMIT 1",
        episode_id,
        scene_id,
    )[0][0]
    scenes, episodes = page.scenes, page.episodes

    for target, typed in ((scene_id, "12"), (other_id, "5")):
        index = scenes.model.index(row_of(scenes, "id", target), shots_column(scenes))
        assert scenes.model.setData(index, typed)
    qtbot.waitUntil(lambda: episodes.model.rows[row_of(episodes, "id", episode_id)]["shots"] == 17)

    assert query(demo_path, "SELECT shots FROM scene WHERE id = ?", scene_id) == [(12,)]
    window.workspace.undo_stack.undo()
    assert query(demo_path, "SELECT shots FROM scene WHERE id = ?", other_id) == [(None,)]
    qtbot.waitUntil(lambda: episodes.model.rows[row_of(episodes, "id", episode_id)]["shots"] == 12)
    window.workspace.undo_stack.redo()
    assert query(demo_path, "SELECT shots FROM scene WHERE id = ?", other_id) == [(5,)]


def test_a_negative_or_absurd_shot_count_is_refused_and_nothing_changes(qtbot, demo_path):
    window = window_on(qtbot, demo_path)
    page = show(window, "script")
    scene_id = query(demo_path, "SELECT id FROM scene ORDER BY sort_order LIMIT 1")[0][0]
    index = page.scenes.model.index(row_of(page.scenes, "id", scene_id), shots_column(page.scenes))
    for typed in ("-3", "1000", "many"):
        assert not page.scenes.model.setData(index, typed)
        assert "whole number from 0 to 999" in last_refusal(window).text()
    assert query(demo_path, "SELECT shots FROM scene WHERE id = ?", scene_id) == [(None,)]
    assert window.workspace.undo_stack.count() == 0
