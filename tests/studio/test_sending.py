"""Sending each person on a day their call sheet, through a real SMTP server the tests start: the messages
it took are read back (who, subject, language, the attached PDFs' pages), the log, revisions after the
schedule changes, and what is refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader
from sqlmodel import select

from studio.callsheet import call_sheet, numbered_day
from studio.errors import UserError
from studio.models import (
    CallSheet,
    CrewMember,
    FilmSet,
    Location,
    OriginalScene,
    Performer,
    Production,
    SceneAdaptation,
    SentCallSheet,
    ShootDay,
)
from studio.schedule.board_loading import load_board
from studio.schedule.strips import move_strips
from studio.sending.day_mail import Status, plan_day_mail, send_day_mail
from studio.sending.mail_server import mail_account, remember_password
from studio.sending.messages import MailWords, compose
from studio.sending.recipients import Standing
from tests.command_line import run
from tests.mail_server import LocalMailServer, self_signed_certificate
from tests.pdf_text import pdf_text_spaced

SENDER = "producer@redline.example"


def set_up_mail(database, port: int, login: str = "", security: str = "NONE") -> None:
    with database.transaction() as session:
        production = session.get(Production, 1)
        production.smtp_host, production.smtp_port, production.smtp_security = "127.0.0.1", port, security
        production.smtp_login, production.sender_address = login, SENDER


def day_id(database, number: int = 3) -> int:
    with database.session() as session:
        return numbered_day(session, 1, number)


def first_scene_and_its_original(database, shoot_day_id: int) -> tuple[str, str]:
    """The first line of the day's first scene with an original, and of its original."""
    from studio.exports.sides_pdf import day_sides

    with database.session() as session:
        paired = session.exec(
            select(SceneAdaptation.scene_id, OriginalScene.text)
            .join(OriginalScene, OriginalScene.id == SceneAdaptation.original_scene_id)
            .where(SceneAdaptation.scene_id.is_not(None))
        ).all()
        originals = dict(paired)
        scene = next(s for s in day_sides(session, 1, shoot_day_id).scenes if s.scene_id in originals)
        return scene.text.strip().splitlines()[0], originals[scene.scene_id].strip().splitlines()[0]


def attachments(message) -> dict[str, str]:
    """Each attached PDF's name → its text, read back."""
    return {part.get_filename(): pdf_text_spaced(part.get_content()) for part in message.iter_attachments()}


def watermark(message, name: str) -> str:
    """The first page of attachment `name` as pypdf reads it: the name written across it comes out whole
    (pdftotext reads the turned letters apart)."""
    part = next(part for part in message.iter_attachments() if part.get_filename() == name)
    return PdfReader(io.BytesIO(part.get_content())).pages[0].extract_text()


def test_each_person_gets_their_own_mail_in_their_language_with_their_call_and_the_log_says_so(demo, mail_server):
    set_up_mail(demo, mail_server.port)
    with demo.transaction() as session:
        session.exec(select(Performer).where(Performer.legal_name == "Ethan Cole")).one().email = ""
    day = day_id(demo)
    result = send_day_mail(demo, 1, day)
    inbox = mail_server.inbox
    sent = [outcome for outcome in result.outcomes if outcome.status == Status.SENT]
    assert len(inbox.messages) == len(sent) > 40  # the day's cast and the demo's 30 crew, one mail each
    assert not any(inbox.encrypted)  # the production asked for no encryption (a local relay)
    assert [outcome.recipient.name for outcome in result.outcomes if outcome.status == Status.NOT_SENT] == [
        "Ethan Cole"
    ]
    by_name = {outcome.recipient.name: outcome for outcome in result.outcomes}

    hayes = inbox.to("daniel.hayes@example.com")[0]
    call = by_name["Daniel Hayes"].recipient.call
    assert hayes["Subject"] == f"The Contract Bride · Day 3 of 9, Jan 13, 2027: your call {call}"
    assert (
        hayes["From"] == f"Redline Shorts LLC <{SENDER}>" and hayes["To"] == "Daniel Hayes <daniel.hayes@example.com>"
    )
    body = hayes.get_body().get_content()
    assert (
        "Hello Daniel Hayes," in body and f"Pickup {call}" in body and "Your scenes: 68-5, 78-7, 80-3, 3-1," in body
    )  # in shooting order (the day's first four of his 49)
    files = attachments(hayes)
    sheet_name = "The Contract Bride - Day 03 - 2027-01-13 - call sheet (cast) (EN).pdf"
    sides_name = "The Contract Bride - Day 03 - 2027-01-13 - sides (EN).pdf"
    assert list(files) == [sheet_name, sides_name]
    assert "CAST VERSION" in files[sheet_name] and "(323) 555-0217" not in files[sheet_name]  # no crew phones
    assert "INT. HOSPITAL - VIP ROOM - DAY" in files[sides_name] and "Sides" in files[sides_name]
    assert "Daniel Hayes" in watermark(hayes, sides_name)  # each performer's sides carry their name across each page
    others = [
        outcome.recipient for outcome in sent if outcome.recipient.is_cast and outcome.recipient.name != "Daniel Hayes"
    ]
    their_mail = inbox.to(others[0].email)[0]
    their_sides = [name for name in attachments(their_mail) if "sides" in name]
    assert [
        name
        for name in their_sides
        if others[0].name in (text := watermark(their_mail, name)) and "Daniel Hayes" not in text
    ]

    # Each performer is told the locations of their own scenes; the crew every one of the day's.
    moreau = inbox.to(by_name["Jessica Moreau"].recipient.email)[0].get_body().get_content()
    assert "Locations: Sterling Mansion\r\n" in moreau  # lines end as SMTP has them
    assert "Locations: Silver Lake coffee cart, Lakeshore Medical standing set, Sterling Mansion" in body

    director = inbox.to("zhang.wei@example.com")[0]  # speaks Mandarin only: all in Chinese
    assert director["Subject"].startswith("契约新娘 · 第 3 天（共 9 天），2027年1月13日：您的集合时间")
    assert "张伟，您好：" in director.get_body().get_content()
    assert "银湖咖啡车" in director.get_body().get_content()  # the locations' Chinese names
    crew_sheet, sides = attachments(director).values()
    assert "集合时间" in crew_sheet and "(323) 555-0217" in crew_sheet and "Crew call" not in crew_sheet
    # the director's sides: each scene's original, in Chinese, beside the English the cast plays
    first_scene, original = first_scene_and_its_original(demo, day)
    words = "".join(sides.split())
    assert "".join(original.split())[:12] in words and "".join(first_scene.split())[:12] in words
    assert "Zhang Wei" in watermark(director, list(attachments(director))[1])  # their own copy

    with demo.session() as session:
        log = session.exec(select(SentCallSheet).where(SentCallSheet.shoot_day_id == day)).all()
    assert len(log) == len(sent) and {row.language for row in log} == {"en", "zh"}
    assert all(row.sheet_version and json.loads(row.facts)["date"] == "2027-01-13" for row in log)


def test_after_a_change_only_those_it_touches_get_a_revision_saying_what_changed(demo, mail_server):
    set_up_mail(demo, mail_server.port)
    day = day_id(demo)
    send_day_mail(demo, 1, day)
    first = len(mail_server.inbox.messages)
    with demo.session() as session:
        assert {o.status for o in plan_day_mail(session, 1, day).outcomes} == {Status.UP_TO_DATE}
    with demo.transaction() as session:  # the camera department is called half an hour earlier
        camera = session.exec(select(CrewMember).where(CrewMember.name == "Luis Romero")).one()
        was = camera.call_offset_minutes
        camera.call_offset_minutes = (was or 0) - 30
    with demo.session() as session:
        plan = plan_day_mail(session, 1, day)
    outdated = [o for o in plan.outcomes if o.status == Status.WOULD_SEND]
    assert [o.recipient.name for o in outdated] == ["Luis Romero"]
    change = outdated[0].recipient.changes[0]
    assert change[0] == "call"
    result = send_day_mail(demo, 1, day)
    assert sum(o.status == Status.SENT for o in result.outcomes) == 1 and len(mail_server.inbox.messages) == first + 1
    revision = mail_server.inbox.messages[-1]
    assert revision["Subject"] == (
        f"Revised: The Contract Bride · Day 3 of 9, Jan 13, 2027: call {change[1]}, was {change[2]}"
    )
    assert f"- call {change[1]}, was {change[2]}" in revision.get_body().get_content()
    with demo.session() as session:
        assert {o.status for o in plan_day_mail(session, 1, day).outcomes} == {Status.UP_TO_DATE}


def test_someone_no_longer_on_the_day_is_told_once_that_they_are_released(demo, mail_server):
    """Hannah Lee works one scene on day 3 and no other that week: moved to day 4, she is off day 3's sheet,
    and silence would leave her coming in at the call she was sent."""
    set_up_mail(demo, mail_server.port)
    day, next_day = day_id(demo, 3), day_id(demo, 4)
    sent = {o.recipient.name: o.recipient for o in send_day_mail(demo, 1, day).outcomes}
    call = sent["Hannah Lee"].call
    with demo.transaction() as session:
        board = load_board(session, 1)
        hannah = session.exec(select(Performer).where(Performer.legal_name == "Hannah Lee")).one().id
        theirs = [strip.id for strip in board.day_strips(day) if hannah in strip.cast]
        move_strips(session, 1, theirs, next_day, 0)
    with demo.session() as session:
        plan = plan_day_mail(session, 1, day)
    released = next(o for o in plan.outcomes if o.recipient.name == "Hannah Lee")
    assert released.recipient.released and released.recipient.changes == [("released", "", call)]
    assert released.status == Status.WOULD_SEND and released.mail.attachments == []
    assert MailWords("en").change(released.recipient.changes[0]) == f"no longer called, was call {call}"
    assert MailWords("zh").change(released.recipient.changes[0]) == f"不再集合，原集合 {call}"
    send_day_mail(demo, 1, day)
    told = mail_server.inbox.to(released.recipient.email)[-1]
    assert told["Subject"] == "The Contract Bride · Day 3 of 9, Jan 13, 2027: no longer called"
    assert "You are no longer called on Day 3 of 9, Jan 13, 2027" in told.get_body().get_content()
    assert f"- no longer called, was call {call}" in told.get_body().get_content()
    assert not attachments(told)
    with demo.session() as session:
        again = next(o for o in plan_day_mail(session, 1, day).outcomes if o.recipient.name == "Hannah Lee")
    assert again.status == Status.UP_TO_DATE  # told once


def test_a_new_location_with_a_comma_in_its_name_is_told_whole_in_each_language(demo, mail_server):
    """The day's first set moves to a location whose name holds a comma: the cast in its scenes and the crew
    are told the new place and the old, each name whole, and in Chinese by its Chinese name."""
    set_up_mail(demo, mail_server.port)
    day = day_id(demo)
    send_day_mail(demo, 1, day)
    with demo.transaction() as session:
        first = call_sheet(session, 1, day).scenes[0]
        film_set = session.exec(select(FilmSet).where(FilmSet.name == first.set_name)).one()
        was = session.get(Location, film_set.location_id)
        moved = Location(production_id=1, name="Sterling Tower, 40th floor", name_zh="斯特林大厦四十层")
        session.add(moved)
        session.flush()
        film_set.location_id = moved.id
        old_zh = was.name_zh
    with demo.session() as session:
        plan = plan_day_mail(session, 1, day)
    told = [o.recipient for o in plan.outcomes if any(c[0] == "places" for c in o.recipient.changes)]
    assert any(person.is_cast for person in told) and any(not person.is_cast for person in told)
    places = next(c for c in told[0].changes if c[0] == "places")
    assert "Sterling Tower, 40th floor" in places[1] and was.name not in places[1] and was.name in places[2]
    english = compose(plan.roster, told[0], MailWords("en")).body
    assert "- location Sterling Tower, 40th floor; " in english and f"{was.name}; " in english.split(", was ")[1]
    chinese = compose(plan.roster, told[0], MailWords("zh")).body
    assert "场地 " in chinese and "斯特林大厦四十层" in chinese and old_zh and f"原为 {old_zh}" in chinese


@pytest.mark.parametrize(
    ("lang", "change", "said"),
    [
        ("en", ("call", "", "05:30"), "now on hold, was call 05:30"),
        ("en", ("call", "13:41", ""), "call 13:41, was on hold"),
        ("en", ("call", "06:30", "07:00"), "call 06:30, was 07:00"),
        ("zh", ("call", "", "05:30"), "改为待命，原集合 05:30"),
        ("zh", ("call", "13:41", ""), "集合 13:41，原为待命"),
        ("en", ("date", "2027-01-25", "2027-01-20"), "date Jan 25, 2027, was Jan 20, 2027"),
        ("zh", ("date", "2027-01-25", "2027-01-20"), "日期 2027年1月25日，原为 2027年1月20日"),
    ],
)
def test_a_change_of_call_or_date_is_said_in_the_mails_words(lang, change, said):
    assert MailWords(lang).change(change) == said


def test_a_revision_names_only_a_new_call_or_date_in_its_subject_and_the_rest_in_its_body(demo):
    with demo.session() as session:
        plan = plan_day_mail(session, 1, day_id(demo, 4))
    roster, person = plan.roster, next(o.recipient for o in plan.outcomes if o.recipient.is_cast)
    scenes = [("added", "39-5, 47-2, 51-1"), ("dropped", "12-3, 14-1")]
    outdated = dataclasses.replace(person, standing=Standing.OUTDATED, changes=scenes, sent_at="2027-01-10T09:00:00")
    mail = compose(roster, outdated, MailWords("en"))
    assert mail.subject == "Revised: The Contract Bride · Day 4 of 9, Jan 14, 2027"
    assert "- scenes added: 39-5, 47-2, 51-1\n- scenes dropped: 12-3, 14-1" in mail.body
    moved = dataclasses.replace(outdated, changes=[("call", "", "05:30"), *scenes])
    assert compose(roster, moved, MailWords("en")).subject == (
        "Revised: The Contract Bride · Day 4 of 9, Jan 14, 2027: now on hold, was call 05:30"
    )


def test_mail_logged_by_the_version_before_is_still_current(demo, mail_server):
    """That version logged every place of the day for everyone, and versioned a sheet whose scene lines did
    not restate their location: nobody gets a revision for that."""
    set_up_mail(demo, mail_server.port)
    day = day_id(demo)
    send_day_mail(demo, 1, day)
    with demo.transaction() as session:
        every_place = [place.name for place in call_sheet(session, 1, day).places]
        for row in session.exec(select(SentCallSheet)):
            facts = json.loads(row.facts)
            row.facts = json.dumps(facts | {"places": every_place})
    with demo.session() as session:
        plan = plan_day_mail(session, 1, day)
        sheet = call_sheet(session, 1, day)
    assert {o.status for o in plan.outcomes if o.recipient.email} == {Status.UP_TO_DATE}
    assert sheet.scenes and not [
        line for line in sheet.scenes if "location=" in repr(line) or "uncounted" in repr(line)
    ]


def test_a_detail_and_a_moved_day_make_everyones_sheet_outdated(demo, mail_server):
    set_up_mail(demo, mail_server.port)
    day = day_id(demo, 9)
    send_day_mail(demo, 1, day)
    with demo.transaction() as session:
        sheet = session.exec(select(CallSheet).where(CallSheet.shoot_day_id == day)).one()
        sheet.weather_summary = "Rain"
    with demo.session() as session:
        plan = plan_day_mail(session, 1, day)
    assert {tuple(o.recipient.changes) for o in plan.outcomes if o.recipient.email} == {(("details", "weather"),)}
    assert MailWords("en").change(("details", "weather")) == "changed on the call sheet: weather and sun times"
    assert MailWords("en").change(("details", "scenes", "next_day")) == (
        "changed on the call sheet: scenes and background; advance schedule"
    )
    assert MailWords("zh").change(("details", "scenes", "notes")) == "通告单有变动：场次与群演、备注"
    assert MailWords("en").change(("details",)) == "details of the call sheet changed"  # logged before parts were
    with demo.transaction() as session:
        session.get(ShootDay, day).shoot_date = dt.date(2027, 1, 25)
    with demo.session() as session:
        plan = plan_day_mail(session, 1, day)
    changes = {o.recipient.changes[0] for o in plan.outcomes if o.recipient.email}
    assert changes == {("date", "2027-01-25", "2027-01-20")}  # the demo's last day, moved


def test_an_address_stored_around_the_apps_checks_is_not_sent_to(demo, mail_server):
    """Typed in another program: what is not one address is listed as not sent, never handed to the server
    (which would take a bare name as a local user, or a second address after a comma)."""
    set_up_mail(demo, mail_server.port)
    day = day_id(demo, 2)
    stored = {
        "Mia Tanaka": "mia.tanaka@@example",
        "Daniel Hayes": "x@example.com>, evil@attacker.example",
        "Kevin Lin": "bob,evil@attacker.example",
    }
    with demo.transaction() as session:
        for name, email in stored.items():
            session.exec(select(Performer).where(Performer.legal_name == name)).one().email = email
        crew = session.exec(select(CrewMember).where(CrewMember.email != "")).first()
        crew.email, stored[crew.name] = "not-an-email", "not-an-email"
    result = send_day_mail(demo, 1, day)
    refused = {o.recipient.name: o for o in result.outcomes if o.recipient.name in stored}
    assert refused.keys() == stored.keys()
    for name, outcome in refused.items():
        assert outcome.status == Status.NOT_SENT and outcome.mail is None
        assert outcome.reason == f"{stored[name]!r} is not an email address"
    addressed = {address for envelope in mail_server.inbox.envelopes for address in envelope}
    assert addressed and not addressed & {"evil@attacker.example", "not-an-email", "x@example.com", "Mia", "bob"}
    assert sum(o.status == Status.SENT for o in result.outcomes) == len(mail_server.inbox.messages)


def test_nothing_is_sent_or_logged_without_a_mail_account_or_a_server(demo, mail_server):
    day = day_id(demo)
    with pytest.raises(UserError, match="set up the mail account first"):
        send_day_mail(demo, 1, day)
    set_up_mail(demo, mail_server.port + 1 if mail_server.port < 65535 else 1)  # nothing listens there
    with pytest.raises(UserError, match="cannot reach the mail server 127.0.0.1"):
        send_day_mail(demo, 1, day)
    set_up_mail(demo, mail_server.port, security="STARTTLS")  # the test server offers no STARTTLS
    with pytest.raises(UserError, match="does not offer STARTTLS"):
        send_day_mail(demo, 1, day)
    set_up_mail(demo, mail_server.port, security="SSL")  # a plain server: SSL on the wrong port
    with pytest.raises(UserError, match=r"does not speak SSL on that port: choose STARTTLS or no encryption"):
        send_day_mail(demo, 1, day)
    with demo.session() as session:
        assert session.exec(select(SentCallSheet)).all() == []
    assert mail_server.inbox.messages == []


def test_a_login_uses_the_password_in_the_keyring_and_a_wrong_one_is_refused(demo, memory_keyring):
    with LocalMailServer(logins={"producer": "s3cret"}) as server:
        set_up_mail(demo, server.port, login="producer")
        day = day_id(demo, 1)
        with pytest.raises(UserError, match="no password for producer"):
            send_day_mail(demo, 1, day)
        with demo.session() as session:
            account = mail_account(session.get(Production, 1))
        assert remember_password(account, "wrong")
        with pytest.raises(UserError, match="refused the login producer"):
            send_day_mail(demo, 1, day)
        assert remember_password(account, "s3cret")
        result = send_day_mail(demo, 1, day)
        assert len(server.inbox.messages) == result.to_json(False)["sent"] > 30
    assert list(memory_keyring.passwords.values()) == ["s3cret"]  # never in the production's settings


def test_send_from_the_command_line_dry_run_then_for_real(demo_path, mail_server):
    from studio.storage.db import open_database

    database = open_database(demo_path)
    set_up_mail(database, mail_server.port)
    with database.transaction() as session:
        session.exec(select(CrewMember).where(CrewMember.name == "Sun Li")).one().email = ""
    database.close()
    dry = run("send", "callsheet", "--db", str(demo_path), "--day", "2", "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert report["dry_run"] and report["sent"] == 0 and report["not_sent"] == ["Sun Li"]
    assert mail_server.inbox.messages == []
    first = report["messages"][0]
    assert {"name", "email", "language", "call", "subject", "attachments", "status"} <= set(first)
    assert first["status"] == "would send" and first["subject"].endswith(first["call"])
    real = run("send", "callsheet", "--db", str(demo_path), "--day", "2", "--json")
    assert real.returncode == 0, real.stderr
    sent = json.loads(real.stdout)
    assert sent["sent"] == len(mail_server.inbox.messages) == len(report["messages"]) - 1
    again_run = run("send", "callsheet", "--db", str(demo_path), "--day", "2", "--json")
    assert again_run.returncode == 0, again_run.stderr
    again = json.loads(again_run.stdout)
    assert again["sent"] == 0 and {m["status"] for m in again["messages"]} == {"up to date", "not sent"}
    wrong = run("send", "callsheet", "--db", str(demo_path), "--day", "2", "--dry-run", "--read-only", "--json")
    assert wrong.returncode == 0


def test_a_mailbox_the_server_refuses_is_named_apart_and_the_send_says_so(demo_path, mail_server):
    """The others' mail goes and is logged; the refused is not logged, so the next send tries it again;
    the command exits 3, not 0, for a script to notice."""
    from studio.storage.db import open_database

    database = open_database(demo_path)
    set_up_mail(database, mail_server.port)
    database.close()
    mail_server.inbox.refusing.add("daniel.hayes@example.com")
    partly = run("send", "callsheet", "--db", str(demo_path), "--day", "2", "--json")
    assert partly.returncode == 3, partly.stderr
    report = json.loads(partly.stdout)
    assert report["refused"] == ["Daniel Hayes"] and "Daniel Hayes" not in report["not_sent"]
    refused = next(message for message in report["messages"] if message["name"] == "Daniel Hayes")
    assert refused["status"] == "refused" and "No such mailbox" in refused["reason"]
    assert report["sent"] == len(mail_server.inbox.messages) > 30
    mail_server.inbox.refusing.clear()
    again = run("send", "callsheet", "--db", str(demo_path), "--day", "2")
    assert again.returncode == 0, again.stderr
    assert "1 sent; not sent: —" in again.stdout and mail_server.inbox.to("daniel.hayes@example.com")


@pytest.mark.parametrize("security", ["STARTTLS", "SSL"])
def test_mail_goes_encrypted_and_an_untrusted_server_is_refused(demo, tmp_path, monkeypatch, security):
    certificate = self_signed_certificate(tmp_path / "certificate")
    with LocalMailServer(tls=security, certificate=certificate) as server:
        set_up_mail(demo, server.port, security=security)
        day = day_id(demo, 1)
        with pytest.raises(UserError, match="cannot reach the mail server 127.0.0.1.*certificate verify failed"):
            send_day_mail(demo, 1, day)  # a certificate no one vouches for
        assert server.inbox.messages == []
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate / "cert.pem"))  # this client trusts it
        result = send_day_mail(demo, 1, day)
        assert len(server.inbox.messages) == result.to_json(False)["sent"] > 30
        assert all(server.inbox.encrypted)
