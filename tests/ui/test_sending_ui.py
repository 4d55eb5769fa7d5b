"""The call-sheet page's mail: the settings (the password to the keyring, never the database), a preview of
each person's mail, sending through a real local SMTP server, and the day's sides."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox
from sqlmodel import select

from studio.callsheet import call_sheet
from studio.models import CrewMember, ShootDay
from studio.sending.day_mail import send_day_mail
from tests.ui.driving import commit_line, last_refusal, query, show
from ui.mail_settings import MailSettingsDialog
from ui.send_dialog import SendDialog


def settings_dialog(window, **values) -> MailSettingsDialog:
    page = show(window, "callsheets")
    dialog = MailSettingsDialog(page.workspace, page)
    for name, value in values.items():
        editor = getattr(dialog, name)
        if hasattr(editor, "setValue"):
            editor.setValue(value)
        elif hasattr(editor, "findData"):
            editor.setCurrentIndex(editor.findData(value))
        else:
            editor.setText(value)
    return dialog


def saving_to(target, monkeypatch) -> list[str]:
    """The save dialog answers `target`; the names it suggested, in the list returned."""
    suggested: list[str] = []

    def save_as(parent, title, path, *rest):
        suggested.append(path)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    return suggested


def test_mail_settings_are_saved_together_and_the_password_goes_to_the_keyring(demo_window, demo_path, memory_keyring):
    dialog = settings_dialog(demo_window, host="smtp gmail", sender="producer@example.com", makeup=75)
    dialog.save()
    assert "not a server's name" in dialog.findChild(QMessageBox, "refusal").text()
    assert query(demo_path, "select smtp_host, makeup_minutes from production") == [("", 45)]  # nothing changed
    dialog.host.setText("smtp.example.com")
    dialog.login.setText("producer")
    dialog.password.setText("s3cret")
    dialog.security.setCurrentIndex(dialog.security.findData("SSL"))
    dialog.save()
    assert query(demo_path, "select smtp_host, smtp_security, smtp_login, makeup_minutes from production") == [
        ("smtp.example.com", "SSL", "producer", 75)
    ]
    assert list(memory_keyring.passwords.values()) == ["s3cret"]
    with open(demo_path, "rb") as handle:
        assert b"s3cret" not in handle.read()


def test_the_send_dialog_previews_each_mail_sends_and_says_who_got_it(demo_window, demo_path, mail_server, qtbot):
    settings_dialog(
        demo_window, host="127.0.0.1", port=mail_server.port, security="NONE", sender="p@example.com"
    ).save()
    page = show(demo_window, "callsheets")
    dialog = SendDialog(page.workspace, page.shoot_day_id(), page)
    rows = dialog.table.rowCount()
    assert rows > 30 and dialog.send_button.isEnabled()  # the day's cast and the demo's 30 crew
    dialog.table.selectRow(0)
    preview = dialog.preview.toPlainText()
    assert (
        "To: Daniel Hayes <daniel.hayes@example.com>" in preview
        and "Subject: The Contract Bride · Day 1 of 9" in preview
    )
    assert "call sheet (cast) (EN).pdf" in preview and "Hello Daniel Hayes," in preview
    dialog.send_button.click()
    qtbot.waitUntil(
        lambda: len(mail_server.inbox.messages) == rows and not dialog.send_button.isEnabled(), timeout=30000
    )
    statuses = {dialog.table.item(row, 6).text() for row in range(rows)}
    assert statuses == {"sent"}
    assert query(demo_path, "select count(*) from sent_call_sheet") == [(rows,)]
    again = SendDialog(page.workspace, page.shoot_day_id(), page)
    assert {again.table.item(row, 5).text() for row in range(rows)} == {"up to date"}
    assert not again.send_button.isEnabled()
    with page.workspace.database.transaction() as session:  # the camera operator is called half an hour earlier
        camera = session.exec(select(CrewMember).where(CrewMember.name == "Luis Romero")).one()
        camera.call_offset_minutes = (camera.call_offset_minutes or 0) - 30
    page.show_sheet()
    assert "1 holds an outdated call sheet: Luis Romero" in page.summary.text()
    revised = SendDialog(page.workspace, page.shoot_day_id(), page)
    row = next(row for row in range(rows) if revised.table.item(row, 0).text() == "Luis Romero")
    assert revised.table.item(row, 5).text().startswith("outdated: call ") and revised.send_button.isEnabled()


def test_a_long_list_of_outdated_sheets_is_named_short_and_whole_in_its_tooltip(demo_window, mail_server):
    """Everyone's sheet outdated (the day moved): the page names a few and counts the rest, and stays as
    wide as it was, where the whole list had widened the window past any screen."""
    settings_dialog(
        demo_window, host="127.0.0.1", port=mail_server.port, security="NONE", sender="p@example.com"
    ).save()
    page = show(demo_window, "callsheets")
    day = page.shoot_day_id()
    send_day_mail(page.workspace.database, page.workspace.production_id, day)
    page.show_sheet()
    width = page.minimumSizeHint().width()
    with page.workspace.database.transaction() as session:
        moved = session.get(ShootDay, day)
        moved.shoot_date -= dt.timedelta(days=1)  # a day earlier (the next date is the next day's)
    page.show_sheet()
    held = page.summary.toolTip().split("\n")
    assert len(held) > 30 and "Daniel Hayes" in held
    assert f"{len(held)} hold an outdated call sheet: {', '.join(held[:8])} and {len(held) - 8} more" in (
        page.summary.text()
    )
    assert page.minimumSizeHint().width() == width


def test_the_days_sides_from_the_page(demo_window, tmp_path, qtbot, monkeypatch):
    page = show(demo_window, "callsheets")
    target = tmp_path / "sides.pdf"
    suggested = saving_to(target, monkeypatch)
    page.buttons["exportSides"].trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert suggested[0].endswith("The Contract Bride - Day 01 - 2027-01-11 - sides (EN).pdf")
    assert "The Contract Bride · Sides · Day 1 of 9" in " ".join(PdfReader(target).pages[0].extract_text().split())


def test_sides_for_one_person_carry_their_name_across_each_page(demo_window, tmp_path, qtbot, monkeypatch):
    page = show(demo_window, "callsheets")
    target = tmp_path / "named.pdf"
    suggested = saving_to(target, monkeypatch)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("Mia Tanaka", True))
    page.findChild(QAction, "sidesNamed").trigger()
    qtbot.waitUntil(target.exists, timeout=10000)
    assert suggested[0].endswith("The Contract Bride - Day 01 - 2027-01-11 - sides (EN) - Mia Tanaka.pdf")
    assert all("Mia Tanaka" in sheet.extract_text() for sheet in PdfReader(target).pages)


def test_a_performers_own_makeup_time_moves_their_calls_on_the_sheet(demo_window, demo_path):
    page = show(demo_window, "cast")
    page.performers.select_ids([1])
    assert page.details.row_id == 1
    commit_line(page.details, "makeup_minutes", "-3")
    assert "not a whole number" in last_refusal(demo_window).text()
    commit_line(page.details, "makeup_minutes", "90")
    assert query(demo_path, "select makeup_minutes from performer where id = 1") == [(90,)]
    with demo_window.workspace.database.reading() as session:
        lead = next(line for line in call_sheet(session, 1, 1).cast if line.performer_id == 1)
    assert lead.on_set - lead.wardrobe == 15 and lead.wardrobe - lead.makeup == 90  # the production's 15, hers 90
