"""Casting: putting a performer in a role (one performer may play several), and taking them out."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from studio.edits import FieldChange, set_field
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import CastAssignment, Character, Production
from studio.records import add_row


@dataclass(frozen=True)
class Casting:
    """What casting did: a new deal (undo removes it) or a deal moved to another performer."""

    added_deal_id: int | None = None
    change: FieldChange | None = None


def deal_for(session: Session, character_id: int) -> CastAssignment | None:
    return session.exec(select(CastAssignment).where(CastAssignment.character_id == character_id)).first()


def cast_role(session: Session, character_id: int, performer_id: int) -> Casting:
    """Cast `performer_id` as the character; a role already cast keeps its deal terms for the new performer."""
    character = session.get(Character, character_id)
    if character is None:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    deal = deal_for(session, character_id)
    if deal is None:
        currency = session.get(Production, character.production_id).base_currency
        deal_id = add_row(
            session,
            "cast_assignment",
            {"character_id": character_id},
            {"currency": currency, "performer_id": performer_id},
        )
        return Casting(added_deal_id=deal_id)
    if deal.performer_id == performer_id:
        return Casting()
    return Casting(change=set_field(session, "cast_assignment", deal.id, "performer_id", performer_id))
