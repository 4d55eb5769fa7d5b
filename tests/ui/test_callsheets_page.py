"""The call-sheet page: pick a day, fill in calls and weather (checked, undoable), the preview follows,
and export one day or all of them."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from studio import operations
from studio.productions import ProductionDetails
from tests.ui.driving import commit_line, last_refusal, query, show
from ui.pages.callsheets import PREVIEW_DELAY_MS


def preview_text(page) -> str:
    if not page.preview_file.exists():
        return ""
    return "\n".join(p.extract_text() for p in PdfReader(page.preview_file).pages)


def test_editing_a_day_updates_the_preview_and_undoes(demo_window, demo_path, qtbot):
    page = show(demo_window, "callsheets")
    qtbot.waitUntil(lambda: bool(page.preview.pages), timeout=5000)
    assert page.form.row_id is not None and page.preview.pages[0].pixmap().width() >= 200
    commit_line(page.form, "crew_call", "下午1:30")
    commit_line(page.form, "weather_summary", "Santa Ana winds")
    assert query(demo_path, "select crew_call, weather_summary from call_sheet where id = ?", page.form.row_id) == [
        ("13:30:00.000000", "Santa Ana winds")
    ]
    qtbot.waitUntil(lambda: "Santa Ana winds" in preview_text(page), timeout=5000)
    assert "13:30" in preview_text(page)
    commit_line(page.form, "lunch", "25:00")
    assert "not a time of day" in last_refusal(demo_window).text()
    demo_window.undo_action.trigger()
    assert query(demo_path, "select weather_summary from call_sheet where id = ?", page.form.row_id) == [("",)]
    qtbot.waitUntil(lambda: "Santa Ana winds" not in preview_text(page), timeout=5000)


def test_the_preview_follows_the_language_and_another_day(demo_window, qtbot):
    page = show(demo_window, "callsheets")
    qtbot.waitUntil(lambda: bool(page.preview.pages), timeout=5000)
    page.language.setCurrentIndex(page.language.findData("zh"))
    qtbot.waitUntil(lambda: "集合" in preview_text(page), timeout=5000)
    page.sheets.select_ids([page.sheets.model.rows[1]["id"]])
    qtbot.waitUntil(lambda: "2 / 9" in preview_text(page) or "第 2" in preview_text(page), timeout=5000)


def test_exporting_one_day_and_every_day(demo_window, tmp_path, qtbot, monkeypatch):
    page = show(demo_window, "callsheets")
    target = tmp_path / "day.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    page.buttons["exportDay"].trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert "Crew call" in PdfReader(target).pages[0].extract_text()
    folder = tmp_path / "all"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(folder))
    page.buttons["exportAll"].trigger()
    qtbot.waitUntil(lambda: len(list(folder.glob("*.pdf"))) == 9, timeout=20000)


def test_a_persons_call_time_is_entered_checked_and_undone(demo_window, demo_path, qtbot):
    page = show(demo_window, "callsheets")
    page.details.setCurrentIndex(1)
    lead = next(row for row in page.people.model.rows if row["id"] == "cast-1")
    assert lead["on_set"] == "07:00" and lead["call_time_id"] is None  # the day's shooting call by default
    column = next(i for i, c in enumerate(page.people.model.columns) if c.key == "pickup")
    row = next(i for i, r in enumerate(page.people.model.rows) if r["id"] == "cast-1")
    assert page.people.model.setData(page.people.model.index(row, column), "6:15")
    assert query(demo_path, "select pickup from call_time where performer_id = 1") == [("06:15:00.000000",)]
    qtbot.waitUntil(lambda: "06:15" in preview_text(page), timeout=5000)
    row = next(i for i, r in enumerate(page.people.model.rows) if r["id"] == "cast-1")
    page.people.model.setData(page.people.model.index(row, column), "soon")
    assert "not a time of day" in last_refusal(demo_window).text()
    demo_window.undo_action.trigger()
    assert query(demo_path, "select count(*) from call_time") == [(0,)]
    crew = next(row for row in page.people.model.rows if row["id"].startswith("crew-"))
    assert crew["on_set"] and crew["role"]


def test_a_new_productions_first_shoot_day_raises_no_error_from_the_last_productions_sheet(demo_window, qtbot):
    show(demo_window, "callsheets")  # a day of the demo selected on the (then hidden) call-sheet page
    page = show(demo_window, "schedule")
    demo_window.workspace.apply(operations.create_production, ProductionDetails(title="Pilot"), label="New production")
    assert demo_window.production_switcher.currentText() == "Pilot"
    page.add_day()
    qtbot.wait(PREVIEW_DELAY_MS * 3)  # long enough for the sheet's preview to have been redrawn
    assert last_refusal(demo_window) is None
    sheets = show(demo_window, "callsheets")
    assert [row["day_number"] for row in sheets.sheets.model.rows] == [1]


def test_sides_in_the_original_or_both_side_by_side(demo_window, tmp_path, qtbot, monkeypatch):
    page = show(demo_window, "callsheets")
    # day 1, shown first: 6-1, added in adaptation, among scenes the original has
    targets, suggested = iter(tmp_path / f"{name}.pdf" for name in ("original", "both")), []
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda _parent, _title, name, *args, **kwargs: (suggested.append(name), str(next(targets)), "")[1:],
    )
    menu = page.buttons["exportSides"].menu()  # the button itself writes the shooting script's
    assert [action.text() for action in menu.actions()][0] == "Shooting script…"
    for name in ("sidesOriginal", "sidesBoth"):
        menu.findChild(QAction, name).trigger()
    texts = {}
    for name in ("original", "both"):
        qtbot.waitUntil((tmp_path / f"{name}.pdf").exists, timeout=10000)
        texts[name] = " ".join(page.extract_text() for page in PdfReader(tmp_path / f"{name}.pdf").pages)
    assert "人物：" in texts["original"] and "Added in adaptation — no original" in texts["original"]
    assert "EXT. MALIBU BEACH" in texts["original"]  # an added scene: the shooting script's words
    assert "人物：" in texts["both"] and "Adaptation" in texts["both"] and "Original" in texts["both"]
    assert suggested[0].endswith(" - sides of the original (EN).pdf")  # which script the sides are of
    assert suggested[1].endswith(" - sides, original and shooting script (EN).pdf")
    assert "Jan 11, 2027" in texts["both"] and "2027-01-11" not in texts["both"]  # dated as the other sides
