"""Who is on a shoot day and what they hold: each person's language, email, call and the facts their mail
tells them (scenes, places, times), against the last call sheet they were sent.

Someone sent the day's sheet who is no longer on it (their scenes moved to other days, or they are away)
is still on the roster, released: their mail says so once, with no sheet ("no longer called, was call
11:45"); silence would leave them coming in.

A person's facts and the sheet's version (a fingerprint of what the sheet says to everyone: the day, its
calls, conditions, notes, places and scenes, but not the others' own calls) are stored with each mail
sent. Later, a person whose facts or whose sheet's common part have changed holds an outdated version,
and what changed is said in their words ("call 06:30, was 07:00"); a colleague's new call makes no one
else's sheet outdated; one whose facts are the same is up to date and gets nothing again unless asked.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from enum import StrEnum

from sqlmodel import Session, select

from studio import validation
from studio.callsheet import call_sheet
from studio.day_sheet import DaySheet
from studio.errors import InvalidInput
from studio.languages import speaks_english, speaks_mandarin
from studio.models import CrewMember, Location, Performer, SentCallSheet
from studio.productions import get_production
from studio.schedule.board_loading import load_board
from studio.schedule.timeline import clock
from studio.vocabulary import in_language


class Standing(StrEnum):
    """Where a person stands with this day's call sheet."""

    NEW = "new"  # never sent
    OUTDATED = "outdated"  # sent, and something has changed since
    CURRENT = "current"  # sent, and still true
    NO_EMAIL = "no_email"  # cannot be sent: no address
    BAD_EMAIL = "bad_email"  # cannot be sent: what is stored is not one address (typed around the app's checks)


DIRECTORS = {"director", "导演"}  # a crew position, as typed in either language
RELEASED = "released"  # the status in the facts of someone no longer on the day


@dataclass(frozen=True)
class Recipient:
    kind: str  # "cast" or "crew"
    person_id: int
    name: str
    name_zh: str
    email: str
    language: str  # "en", "zh" or "en+zh"
    role: str  # the character(s) played, or the position
    facts: dict  # what their mail tells them (JSON-able): call, times, scenes, places, date
    version: str  # a fingerprint of their version of the sheet
    standing: Standing
    changes: list[tuple] = field(default_factory=list)  # what changed: ("call", new, old)… (`changed_facts`)
    sent_at: str = ""  # when the last one was sent (ISO, UTC)
    role_zh: str = ""

    @property
    def is_cast(self) -> bool:
        return self.kind == "cast"

    @property
    def released(self) -> bool:
        """Sent the day's sheet, and no longer on it."""
        return self.facts["status"] == RELEASED

    @property
    def reads_sides(self) -> bool:
        """The cast and the director on the day get its sides."""
        return not self.released and (self.is_cast or self.role.strip().casefold() in DIRECTORS)

    @property
    def call(self) -> str:
        return self.facts["call"]


@dataclass(frozen=True)
class DayRoster:
    """A shoot day's sheets (the crew's and the cast's version) and everyone on it."""

    sheet: DaySheet
    cast_sheet: DaySheet
    recipients: list[Recipient]
    places_zh: dict[str, str]  # the production's locations' Chinese names (a revision names old places too)


def day_roster(session: Session, production_id: int, shoot_day_id: int) -> DayRoster:
    """Everyone on the day's call sheet, cast first by cast ID, then crew in department order."""
    board = load_board(session, production_id)
    sheet = call_sheet(session, production_id, shoot_day_id, board=board)
    cast_sheet = call_sheet(session, production_id, shoot_day_id, cast_version=True, board=board)
    default = get_production(session, production_id).document_language
    last = _last_sent(session, shoot_day_id)
    people: list[Recipient] = []
    performers = {p.id: p for p in session.exec(select(Performer).where(Performer.production_id == production_id))}
    crew = {m.id: m for m in session.exec(select(CrewMember).where(CrewMember.production_id == production_id))}
    cast_version, crew_version = fingerprint(cast_sheet), fingerprint(sheet)
    parts = part_prints(sheet)  # the same for everyone: worked out once
    for line in cast_sheet.cast:
        performer = performers[line.performer_id]
        times = {"pickup": line.pickup, "makeup": line.makeup, "wardrobe": line.wardrobe, "on_set": line.on_set}
        numbers = set(line.cast_numbers)
        theirs = [scene for scene in sheet.scenes if numbers & set(scene.cast_numbers)]
        places = list(dict.fromkeys(scene.location for scene in theirs if scene.location))
        facts = _facts(sheet, parts, times, [scene.number for scene in theirs], line.status, places)
        named = (line.performer, line.performer_zh, line.character, line.character_zh)
        people.append(_recipient("cast", performer, named, facts, cast_version, default, last))
    every_scene = [scene.number for scene in sheet.scenes]
    for line in sheet.crew:
        facts = _facts(sheet, parts, {"call": line.call}, every_scene, "", [place.name for place in sheet.places])
        named = _crew_named(line.name, line.name_zh, line.position)
        people.append(_recipient("crew", crew[line.crew_member_id], named, facts, crew_version, default, last))
    on_the_day = {(person.kind, person.person_id) for person in people}
    released = _facts(sheet, parts, {}, [], RELEASED, [])
    for kind, person_id in sorted(last.keys() - on_the_day):  # cast first, as on the sheet
        if kind == "cast":
            performer = performers[person_id]
            named = (performer.billed_name, performer.name_zh, "", "")
            people.append(_recipient("cast", performer, named, released, "", default, last))
        else:
            member = crew[person_id]
            named = _crew_named(member.name, member.name_zh, member.position)
            people.append(_recipient("crew", member, named, released, "", default, last))
    places = session.exec(select(Location.name, Location.name_zh).where(Location.production_id == production_id))
    return DayRoster(sheet, cast_sheet, people, {name: name_zh for name, name_zh in places if name_zh})


def outdated(session: Session, production_id: int, shoot_day_id: int) -> list[Recipient]:
    """Those who hold an outdated call sheet for the day (none at once when none was ever sent)."""
    sent = select(SentCallSheet.id).where(SentCallSheet.shoot_day_id == shoot_day_id).limit(1)
    if session.exec(sent).first() is None:
        return []
    roster = day_roster(session, production_id, shoot_day_id)
    return [person for person in roster.recipients if person.standing == Standing.OUTDATED]


def person_language(languages: str, default: str) -> str:
    """The language someone reads their mail in: Chinese for a Mandarin speaker without English, English for
    an English speaker without Mandarin, else the production's."""
    mandarin, english = speaks_mandarin(languages), speaks_english(languages)
    if mandarin != english:
        return "zh" if mandarin else "en"
    return default


# What a sheet says to everyone, in the parts a revision names when one of them changed.
SHEET_PARTS = {
    "scenes": ("lines", "background"),
    "times": ("crew_call", "shooting_call", "breakfast", "lunch", "dinner", "hq"),
    "places": ("places", "hospitals"),
    "weather": ("weather", "sunrise", "sunset", "sun_city"),
    "notes": ("safety_notes", "general_notes", "department_notes", "walkie_channels", "closed_set", "notes", "minors"),
    "next_day": ("next_day",),
}


def part_prints(sheet: DaySheet) -> dict[str, str]:
    """A short fingerprint of each of the sheet's common parts (SHEET_PARTS), as `fingerprint` takes them."""
    return {
        part: hashlib.sha256(repr(tuple(getattr(sheet, name) for name in names)).encode()).hexdigest()[:12]
        for part, names in SHEET_PARTS.items()
    }


def fingerprint(sheet: DaySheet) -> str:
    """A short fingerprint of what a sheet says to everyone (the people's own calls left out): its repr,
    which leaves out what a line only restates (`SceneLine.location`, `uncounted`), so that a sheet sent
    before a line kept them holds the same version."""
    common = replace(sheet, cast=[], crew=[], contacts=[])
    return hashlib.sha256(repr(common).encode()).hexdigest()[:16]


def _facts(
    sheet: DaySheet,
    parts: dict[str, str],
    times: dict[str, int | None],
    scenes: list[str],
    status: str,
    places: list[str],
) -> dict:
    """What a person's mail tells them: the date, their times and first call, their scenes and the
    locations they work at (names as stored: what a revision compares), and the sheet's `part_prints`."""
    shown = {name: clock(minutes) for name, minutes in times.items() if minutes is not None}
    first = min((minutes for minutes in times.values() if minutes is not None), default=None)
    return {
        "date": sheet.date.isoformat(),
        "call": clock(first) if first is not None else "",
        "times": shown,
        "status": status,
        "crew_call": clock(sheet.crew_call),
        "scenes": scenes,
        "places": places,
        "parts": parts,
    }


def _crew_named(name: str, name_zh: str, position: str) -> tuple[str, str, str, str]:
    """A crew member's name and position, each in English and Chinese (a usual position's)."""
    return name, name_zh, position, in_language("positions", position, "zh")


def _recipient(kind, person, named, facts, version, default, last) -> Recipient:
    """`named`: their name and role, each in English and Chinese."""
    name, name_zh, role, role_zh = named
    email = person.email.strip()
    sent = last.get((kind, person.id))
    if not email:
        standing, changes = Standing.NO_EMAIL, []
    elif not _one_address(email):
        standing, changes = Standing.BAD_EMAIL, []
    elif sent is None:
        standing, changes = Standing.NEW, []
    else:
        old = json.loads(sent.facts or "{}")
        changes = changed_facts(old, facts)
        if not changes and sent.sheet_version != version:
            changes = [("details", *changed_parts(old.get("parts", {}), facts["parts"]))]
        standing = Standing.OUTDATED if changes else Standing.CURRENT
    return Recipient(
        kind=kind,
        person_id=person.id,
        name=name,
        name_zh=name_zh,
        email=email,
        language=person_language(person.languages, default),
        role=role,
        facts=facts,
        version=version,
        standing=standing,
        changes=changes,
        sent_at=sent.sent_at.isoformat() if sent else "",
        role_zh=role_zh,
    )


def _one_address(email: str) -> bool:
    try:
        return validation.email(email) == email
    except InvalidInput:
        return False


def changed_facts(old: dict, new: dict) -> list[tuple[str, ...]]:
    """What differs between the facts a person was sent and today's: ("call", new, old), ("date", new, old),
    ("added", scenes), ("dropped", scenes), ("places", new names, old names) when they have a place to go
    they were not told of (a place left off their day is no news to them); ("released", "", old call) once
    they are no longer on the day."""
    if new.get("status") == RELEASED:
        return [] if old.get("status") == RELEASED else [("released", "", old.get("call") or "")]
    changes: list[tuple] = []
    for key in ("date", "call"):
        if old.get(key) != new.get(key):
            changes.append((key, new.get(key) or "", old.get(key) or ""))
    before, after = old.get("scenes", []), new.get("scenes", [])
    added = [scene for scene in after if scene not in before]
    dropped = [scene for scene in before if scene not in after]
    changes += [("added", ", ".join(added))] * bool(added) + [("dropped", ", ".join(dropped))] * bool(dropped)
    new_places, old_places = new.get("places", []), old.get("places", [])
    if any(place not in old_places for place in new_places):  # somewhere new to go
        changes.append(("places", tuple(new_places), tuple(old_places)))  # names: one may hold a comma
    return changes


def changed_parts(old: dict[str, str], new: dict[str, str]) -> tuple[str, ...]:
    """The sheet's parts whose fingerprints differ (none known of a mail logged before they were kept)."""
    return tuple(part for part in SHEET_PARTS if old and old.get(part) != new.get(part))


def _last_sent(session: Session, shoot_day_id: int) -> dict[tuple[str, int], SentCallSheet]:
    """Each person's latest mail for the day."""
    rows = session.exec(
        select(SentCallSheet).where(SentCallSheet.shoot_day_id == shoot_day_id).order_by(SentCallSheet.id)
    )
    return {
        ("cast", row.performer_id) if row.performer_id is not None else ("crew", row.crew_member_id): row
        for row in rows
    }
