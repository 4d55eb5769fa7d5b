"""Two producers' windows on one production (a PostgreSQL server): a settings dialog, the day-off toggle,
a removal from a list and a strip move's undo made from what the second one saw before the first one's
save are refused, the first one's change kept and the second's view showing it. No waiting on time:
each window saves in turn, and the refused one's reload is awaited by its outcome."""

from __future__ import annotations

import pytest

from studio import operations
from studio.errors import ChangedElsewhere
from studio.models import CrewMember, Production, ShootDay, Strip
from tests.ui.driving import last_refusal, show, window_on
from ui.schedule_settings import ScheduleSettingsDialog

REFUSED = "someone else changed this meanwhile"


def stored(window, model, row_id, field):
    return window.workspace.read(lambda session: getattr(session.get(model, row_id), field))


def test_schedule_settings_saved_after_a_colleagues_are_refused_and_show_theirs(qtbot, server_demo):
    first, second = window_on(qtbot, server_demo), window_on(qtbot, server_demo)
    pages = [show(window, "schedule") for window in (first, second)]
    dialogs = [
        ScheduleSettingsDialog(window.workspace, page) for window, page in zip((first, second), pages, strict=True)
    ]
    production_id = first.workspace.production_id
    dialogs[0].setup.setValue(dialogs[0].setup.value() + 5)  # the first saves
    dialogs[0].setup.setValue(dialogs[0].setup.value() + 5)  # and again, from its own save's version
    theirs = dialogs[0].setup.value()
    dialogs[1].per_page.setValue(dialogs[1].per_page.value() + 1)  # the second, from the dialog as it opened
    assert REFUSED in last_refusal(second).text()
    assert stored(second, Production, production_id, "setup_minutes_per_scene") == theirs
    assert dialogs[1].setup.value() == theirs  # the second dialog shows the first's settings now
    dialogs[1].per_page.setValue(dialogs[1].per_page.value() + 1)  # and saves from them
    assert stored(second, Production, production_id, "minutes_per_page") == dialogs[1].per_page.value()
    for window in (first, second):
        window.workspace.close()


def test_the_day_off_toggle_from_a_stale_list_is_refused(qtbot, server_demo):
    first, second = window_on(qtbot, server_demo), window_on(qtbot, server_demo)
    pages = [show(window, "schedule") for window in (first, second)]
    row = pages[1].days.model.rows[0]
    seen = row["versions"]["shoot_day"]
    first.workspace.apply(operations.edit, "shoot_day", row["id"], {"notes": "Their note"}, seen, label="note")
    pages[1].days.select_ids([row["id"]])
    pages[1].toggle_day_off()
    assert REFUSED in last_refusal(second).text()
    assert stored(second, ShootDay, row["id"], "kind") == "SHOOT"
    assert stored(second, ShootDay, row["id"], "notes") == "Their note"
    qtbot.waitUntil(lambda: pages[1].days.model.rows[0]["notes"] == "Their note")  # the view reloaded
    for window in (first, second):
        window.workspace.close()


def test_removing_a_row_a_colleague_has_changed_since_is_refused(qtbot, server_demo):
    first, second = window_on(qtbot, server_demo), window_on(qtbot, server_demo)
    crew = show(second, "crew")
    row = crew.crew.model.rows[0]
    first.workspace.apply(operations.edit, "crew_member", row["id"], {"name": "Renamed Elsewhere"}, label="rename")
    crew.crew.select_ids([row["id"]])
    with pytest.raises(ChangedElsewhere):
        crew.remove_selected(crew.crew, "crew_member")
    assert stored(second, CrewMember, row["id"], "name") == "Renamed Elsewhere"
    qtbot.waitUntil(lambda: any(r["name"] == "Renamed Elsewhere" for r in crew.crew.model.rows))
    for window in (first, second):
        window.workspace.close()


def test_undoing_a_strip_move_after_a_colleague_moved_the_strip_is_refused(qtbot, server_demo):
    first, second = window_on(qtbot, server_demo), window_on(qtbot, server_demo)
    mine = show(first, "schedule")
    day_id = mine.board.days[0].id
    strip_id = mine.board.placement[day_id][0]
    mine.move([strip_id], None, 0)  # to the boneyard
    theirs = show(second, "schedule")
    theirs.refresh()  # their board, after our move
    theirs.move([strip_id], day_id, 2)
    where = stored(second, Strip, strip_id, "shoot_day_id"), stored(second, Strip, strip_id, "position")
    failures = []
    first.workspace.operationFailed.connect(failures.append)
    first.workspace.undo_stack.undo()
    assert failures and REFUSED in failures[0]
    assert (stored(first, Strip, strip_id, "shoot_day_id"), stored(first, Strip, strip_id, "position")) == where
    for window in (first, second):
        window.workspace.close()


def test_undoing_an_added_row_after_a_colleague_changed_it_is_refused_and_the_step_leaves_the_stack(qtbot, server_demo):
    first, second = window_on(qtbot, server_demo), window_on(qtbot, server_demo)
    crew = show(first, "crew")
    crew.add_member()
    row_id = crew.crew.selected_rows()[0]["id"]
    crew.details.commit("position", "Grip")  # our own edit since: not a colleague's
    theirs = stored(second, CrewMember, row_id, "version")
    second.workspace.apply(operations.edit, "crew_member", row_id, {"phone": "+1 646 555 0123"}, theirs, label="x")
    failures = []
    first.workspace.operationFailed.connect(failures.append)
    stack = first.workspace.undo_stack
    stack.undo()  # our edit of the position: its field is still ours, it goes
    assert stored(first, CrewMember, row_id, "position") == ""
    stack.undo()  # the row itself: a colleague has changed it since
    assert failures and REFUSED in failures[0]
    assert stored(first, CrewMember, row_id, "phone") == "+1 646 555 0123"
    assert stack.count() == 1 and not stack.canUndo()  # the refused step has left the stack
    for window in (first, second):
        window.workspace.close()
