"""Each person's mail about a shoot day, in their language: their call in the subject; in the body their
times, scenes and places, or — for a revision — only what changed ("call 06:30, was 07:00"); attached,
the call sheet (the cast version for cast) and, for cast and the director, the day's sides.

Composing needs no PDF: a preview lists the files by name, and they are written only when sent
(`attachments`, once per language and version however many people get them).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from pathlib import Path

from babel.dates import format_date

from studio.exports.callsheet_pdf import file_name, write_pdf
from studio.exports.callsheet_words import LOCALES_SHOWN, SheetWords
from studio.exports.contacts import translator
from studio.exports.sides_pdf import Sides, sides_file_name, watermarked, write_sides_pdf
from studio.sending.recipients import DayRoster, Recipient, Standing

SUBJECT_CHANGES = ("date", "call")  # what a revision's subject names: what changes when to come


@dataclass(frozen=True)
class Mail:
    """One person's mail, ready to preview or send."""

    recipient: Recipient
    subject: str
    body: str
    attachments: list[str]  # file names
    revision: bool


class MailWords:
    """The words of a mail in one language; `_` is that language's translator, named so for extraction."""

    def __init__(self, lang: str):
        _ = translator(lang)
        self.lang = lang
        self.sheet = SheetWords(lang)
        self.subject = _("{title} · Day {number} of {total}, {date}: your call {call}")
        self.subject_held = _("{title} · Day {number} of {total}, {date}: on hold")
        self.revised = _("Revised: {title} · Day {number} of {total}, {date}: {changes}")
        self.revised_details = _("Revised: {title} · Day {number} of {total}, {date}")
        self.hello = _("Hello {name},")
        self.here = _("Here is the call sheet for Day {number} of {total}, {date}.")
        self.revised_intro = _(
            "The call sheet for Day {number} of {total}, {date}, has changed since we sent it on {sent}:"
        )
        self.held = _("You are on hold this day: no call.")
        self.subject_released = _("{title} · Day {number} of {total}, {date}: no longer called")
        self.released = _(
            "You are no longer called on Day {number} of {total}, {date}: the call sheet we sent you on {sent} "
            "does not hold for you any more."
        )
        self.your_call = _("Your call: {call}")
        self.your_scenes = _("Your scenes: {scenes}")
        self.scenes = _("Scenes: {scenes}")
        self.places = _("Locations: {places}")
        self.attached = _("Attached: {files}")
        self.changes = {
            "call": _("call {new}, was {old}"),
            "call_from_hold": _("call {new}, was on hold"),
            "call_to_hold": _("now on hold, was call {old}"),
            "date": _("date {new}, was {old}"),
            "added": _("scenes added: {new}"),
            "dropped": _("scenes dropped: {new}"),
            "places": _("location {new}, was {old}"),
            "details": _("details of the call sheet changed"),
            "details_of": _("changed on the call sheet: {parts}"),
            "released": _("no longer called, was call {old}"),
            "released_from_hold": _("no longer on hold"),
        }
        self.parts = {
            "scenes": _("scenes and background"),
            "times": _("call times and meals"),
            "places": _("locations and hospitals"),
            "weather": _("weather and sun times"),
            "notes": _("notes"),
            "next_day": _("advance schedule"),
        }
        self.times = {
            "pickup": self.sheet.pickup,
            "makeup": self.sheet.makeup,
            "wardrobe": self.sheet.wardrobe,
            "on_set": self.sheet.on_set,
            "call": self.sheet.call,
        }

    def date(self, date: dt.date) -> str:
        return format_date(date, format="medium", locale=LOCALES_SHOWN[self.lang][0])

    def change(self, change: tuple, places_zh: dict[str, str] | None = None) -> str:
        """What changed, in words; the locations as the mail's language names them (`places_zh`: the
        production's locations' Chinese names)."""
        kind, *values = change
        new, old = values[0] if values else "", values[1] if len(values) > 1 else ""
        if kind == "call" and not (new and old):  # to or from a day on hold, which has no call
            kind = "call_from_hold" if new else "call_to_hold"
        if kind == "released" and not old:
            kind = "released_from_hold"
        if kind == "details" and values:  # which of the sheet's parts
            parts = ("、" if self.lang == "zh" else "; ").join(self.parts[part] for part in values)
            return self.changes["details_of"].format(parts=parts)
        if kind == "places":
            new, old = (self.place_list(names, places_zh or {}, among=(*new, *old)) for names in (new, old))
        elif kind == "date":  # stored as ISO dates, told as the mail's language writes a date
            new, old = (self.date(dt.date.fromisoformat(value)) for value in (new, old))
        return self.changes[kind].format(new=new, old=old)

    def place_list(self, names: list[str], places_zh: dict[str, str], among: tuple[str, ...] = ()) -> str:
        """Locations as the mail's language names and lists them: in Chinese with 、, else with commas, or
        with semicolons where a name holds a comma (or one `among` those the line lists)."""
        named = [self.sheet.named(name, places_zh.get(name, "")) if self.lang != "en" else name for name in names]
        if self.lang == "zh":
            return "、".join(named)
        return ("; " if any("," in name for name in (*names, *among)) else ", ").join(named)


def compose(roster: DayRoster, recipient: Recipient, words: MailWords, everyone: bool = False) -> Mail:
    """A person's mail: a revision saying only what changed when they hold an outdated sheet (unless
    `everyone`: the whole mail again), else the whole mail."""
    sheet = roster.sheet
    title = words.sheet.named(sheet.title, sheet.title_zh) if words.lang == "zh" else sheet.title
    day = {"number": sheet.number, "total": sheet.day_count, "date": words.date(sheet.date)}
    sent = words.date(dt.datetime.fromisoformat(recipient.sent_at).date()) if recipient.sent_at else ""
    name = words.sheet.named(recipient.name, recipient.name_zh) if words.lang != "en" else recipient.name
    lines = [words.hello.format(name=name), ""]
    if recipient.released:
        told = [f"- {words.change(change)}" for change in recipient.changes]  # none once told
        lines += [words.released.format(sent=sent, **day), *told, "", sheet.company or sheet.title]
        return Mail(recipient, words.subject_released.format(title=title, **day), "\n".join(lines), [], True)
    files = attachment_names(roster, recipient)
    revision = recipient.standing == Standing.OUTDATED and not everyone
    if revision:
        # The subject names what changes the day's start (SUBJECT_CHANGES); scenes and places are in the body.
        told = [words.change(change) for change in recipient.changes if change[0] in SUBJECT_CHANGES]
        subject = (
            words.revised.format(title=title, changes="; ".join(told), **day)
            if told
            else words.revised_details.format(title=title, **day)
        )
        lines += [
            words.revised_intro.format(sent=sent, **day),
            *(f"- {words.change(c, roster.places_zh)}" for c in recipient.changes),
        ]
        lines.append("")
    else:
        held = recipient.is_cast and not recipient.call
        pattern = words.subject_held if held else words.subject
        subject = pattern.format(title=title, call=recipient.call, **day)
        lines.append(words.here.format(**day))
    lines += details(recipient, words, roster.places_zh)
    lines += ["", words.attached.format(files=", ".join(files)), "", sheet.company or sheet.title]
    return Mail(recipient, subject, "\n".join(lines), files, revision)


def details(recipient: Recipient, words: MailWords, places_zh: dict[str, str]) -> list[str]:
    """Their times, scenes and places."""
    facts = recipient.facts
    if recipient.is_cast and not facts["call"]:
        return [words.held]
    times = "  ·  ".join(f"{words.times[key]} {value}" for key, value in facts["times"].items())
    scenes = ", ".join(facts["scenes"])
    lines = [words.your_call.format(call=times)]
    if scenes:
        lines.append((words.your_scenes if recipient.is_cast else words.scenes).format(scenes=scenes))
    if facts["places"]:
        lines.append(words.places.format(places=words.place_list(facts["places"], places_zh)))
    return lines


def attachment_names(roster: DayRoster, recipient: Recipient) -> list[str]:
    lang = recipient.language
    sheet = file_name(roster.cast_sheet if recipient.is_cast else roster.sheet, lang)
    return [sheet, sides_file_name(sides_named(roster), lang)] if recipient.reads_sides else [sheet]


def sides_named(roster: DayRoster) -> Sides:
    """The day's sides as far as a file's name goes (no text needed)."""
    sheet = roster.sheet
    return Sides(sheet.title, sheet.title_zh, sheet.company, sheet.number, sheet.day_count, sheet.unit, sheet.date, [])


class Attachments:
    """The PDFs mails carry, each written once (per language and version) into a folder of its own; each
    performer's sides stamped with their name across each page (a leaked page says whose it was). A reader
    of Chinese gets the sides written beside the original (`beside`, by language) where the production has
    one: the words they play, and the original's they understand."""

    def __init__(self, roster: DayRoster, sides: Sides, beside: dict[str, bytes] | None = None):
        self.roster, self.sides = roster, sides
        self.folder = tempfile.TemporaryDirectory(prefix="cliffhanger-mail-")
        self.written: dict[tuple[str, str], bytes] = {("sides", lang): pdf for lang, pdf in (beside or {}).items()}

    def files(self, mail: Mail) -> list[tuple[str, bytes]]:
        recipient, lang = mail.recipient, mail.recipient.language
        if not mail.attachments:  # released from the day: no sheet of it
            return []
        files = [(mail.attachments[0], self.pdf(("sheet-cast" if recipient.is_cast else "sheet", lang)))]
        if recipient.reads_sides:
            files.append((mail.attachments[1], watermarked(self.pdf(("sides", lang)), recipient.name)))
        return files

    def pdf(self, key: tuple[str, str]) -> bytes:
        if key not in self.written:
            what, lang = key
            target = Path(self.folder.name) / f"{what}-{lang}.pdf"
            words = SheetWords(lang)
            if what == "sides":
                write_sides_pdf(self.sides, words, target)
            else:
                write_pdf(self.roster.cast_sheet if what == "sheet-cast" else self.roster.sheet, words, target)
            self.written[key] = target.read_bytes()
        return self.written[key]

    def close(self) -> None:
        self.folder.cleanup()


def email_message(mail: Mail, sender: str, sender_name: str, files: list[tuple[str, bytes]]) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((sender_name, sender))
    message["To"] = formataddr((mail.recipient.name, mail.recipient.email))
    message["Subject"] = mail.subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message["Content-Language"] = {"en": "en", "zh": "zh-CN"}.get(mail.recipient.language, "en, zh-CN")
    message.set_content(mail.body)
    for name, data in files:
        message.add_attachment(data, maintype="application", subtype="pdf", filename=name)
    return message
