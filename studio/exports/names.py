"""Words every document shares: a name in the document's language, a performer with the roles they play,
and the script's codes (INT, DAY…) in Chinese."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from studio.exports.contacts import translator
from studio.models import CastAssignment, Character, Performer


def named(lang: str, name: str, name_zh: str) -> str:
    """A name as a document in `lang` shows it: the Chinese one in Chinese, both in en+zh."""
    if not name_zh or name_zh == name:
        return name
    return {"en": name, "zh": name_zh}.get(lang, f"{name} {name_zh}")


def script_codes(lang: str) -> dict[str, str]:
    """INT, EXT, DAY, NIGHT… in `lang` (en: as the script writes them; zh: 内, 外, 日, 夜…; en+zh: both,
    "INT 内")."""
    if lang == "en+zh":
        english, chinese = script_codes("en"), script_codes("zh")
        return {code: f"{word} {chinese[code]}" for code, word in english.items()}
    _ = translator("zh" if lang == "zh" else "en")  # named so for extraction into the catalogue
    return {
        "INT": _("INT"),
        "EXT": _("EXT"),
        "INT/EXT": _("INT/EXT"),
        "DAY": _("DAY"),
        "NIGHT": _("NIGHT"),
        "MORNING": _("MORNING"),
        "DAWN": _("DAWN"),
        "DUSK": _("DUSK"),
    }


@dataclass(frozen=True)
class Performing:
    """A performer and the roles they play (each role's name and its Chinese name)."""

    performer_id: int
    cast_numbers: tuple[int, ...]
    name: str
    name_zh: str
    roles: tuple[tuple[str, str], ...]


def cast_list(session: Session, production_id: int) -> dict[int, Performing]:
    """Performer id → who they are and what they play, by their first cast ID (background roles left out)."""
    rows = session.exec(
        select(Performer, Character)
        .join(CastAssignment, CastAssignment.performer_id == Performer.id)
        .join(Character, CastAssignment.character_id == Character.id)
        .where(Performer.production_id == production_id, Character.is_background.is_(False))
        .order_by(Character.cast_number, Character.name)
    )
    found: dict[int, Performing] = {}
    for performer, character in rows:
        known = found.get(performer.id) or Performing(performer.id, (), performer.billed_name, performer.name_zh, ())
        numbers = known.cast_numbers + ((character.cast_number,) if character.cast_number is not None else ())
        roles = (*known.roles, (character.name, character.name_zh))
        found[performer.id] = Performing(performer.id, numbers, known.name, known.name_zh, roles)
    return found


def with_roles(lang: str, performing: Performing) -> str:
    """ "Daniel Hayes (ETHAN)"; "丹尼尔·海斯（伊森）"; "Daniel Hayes 丹尼尔·海斯 (ETHAN 伊森)" in both."""
    roles = ("、" if lang == "zh" else ", ").join(named(lang, role, role_zh) for role, role_zh in performing.roles)
    person = named(lang, performing.name, performing.name_zh)
    return f"{person}（{roles}）" if lang == "zh" else f"{person} ({roles})"
