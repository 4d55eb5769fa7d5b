"""Casting: putting a performer in a role (one performer may play several), and taking them out."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import CastAssignment, Character, Production
from studio.records import Removal, add_row, remove_row


@dataclass(frozen=True)
class Casting:
    """What casting did: a new deal (undo removes it), and the deal it replaced (undo puts it back)."""

    added_deal_id: int | None = None
    replaced: Removal | None = None


def deal_for(session: Session, character_id: int) -> CastAssignment | None:
    return session.exec(select(CastAssignment).where(CastAssignment.character_id == character_id)).first()


def cast_role(session: Session, character_id: int, performer_id: int, seen_version: int | None = None) -> Casting:
    """Cast `performer_id` as the character. A new performer gets a new deal: the rate, guarantee and
    terms of the one they replace were that performer's, not theirs. `seen_version`: the role's deal as
    the person saw it (a deal someone else has saved since stays, with their change: ChangedElsewhere)."""
    character = session.get(Character, character_id)
    if character is None:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    deal = deal_for(session, character_id)
    if deal is not None and deal.performer_id == performer_id:
        return Casting()
    replaced = remove_row(session, "cast_assignment", deal.id, seen_version) if deal is not None else None
    currency = session.get(Production, character.production_id).base_currency
    deal_id = add_row(
        session, "cast_assignment", {"character_id": character_id}, {"currency": currency, "performer_id": performer_id}
    )
    return Casting(added_deal_id=deal_id, replaced=replaced)
