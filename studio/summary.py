"""What a database holds, production by production (the `info` command and the window title)."""

from __future__ import annotations

from sqlalchemy import distinct, func
from sqlmodel import Session, select

from studio.budget.totals import current_budget
from studio.models import (
    CastAssignment,
    Character,
    CrewMember,
    Episode,
    Location,
    OriginalScene,
    Production,
    Scene,
    ShootDay,
    Strip,
)
from studio.models.enums import RevisionState, ShootDayKind
from studio.money import Money
from studio.productions import list_productions
from studio.storage.withheld import withholds_money


def _count(session: Session, statement) -> int:
    return session.exec(statement).one()


def production_summary(session: Session, production: Production) -> dict:
    """Counts, and the budget's total for a login that may read it."""
    pid = production.id
    live_scenes = (Scene.production_id == pid) & (Scene.revision_state != RevisionState.OMITTED.value)
    summary = {
        "id": pid,
        "title": production.title,
        "title_zh": production.title_zh,
        "episodes": _count(session, select(func.count()).where(Episode.production_id == pid)),
        "original": original_counts(session, pid),
        "scenes": _count(session, select(func.count()).select_from(Scene).where(live_scenes)),
        "characters": _count(session, select(func.count()).where(Character.production_id == pid)),
        "cast": _count(
            session,
            select(func.count()).select_from(CastAssignment).join(Character).where(Character.production_id == pid),
        ),
        "crew": _count(session, select(func.count()).where(CrewMember.production_id == pid)),
        "locations": _count(session, select(func.count()).where(Location.production_id == pid)),
        "shoot_days": _count(
            session,
            select(func.count()).where(ShootDay.production_id == pid, ShootDay.kind == ShootDayKind.SHOOT.value),
        ),
        "scheduled_scenes": _count(  # an omitted scene's strip may stay on its day: it is not shot
            session,
            select(func.count(distinct(Strip.scene_id)))
            .join(Scene, Scene.id == Strip.scene_id)
            .where(live_scenes, Strip.shoot_day_id.is_not(None)),
        ),
    }
    if not withholds_money(session):
        summary["budget_total"] = _budget_total(session, production.id)
    return summary


def original_counts(session: Session, production_id: int) -> dict:
    """The original the show is adapted from, counted apart: its scenes are not the production's."""
    live = (OriginalScene.production_id == production_id) & (
        OriginalScene.revision_state != RevisionState.OMITTED.value
    )
    episodes, scenes = session.exec(
        select(func.count(distinct(OriginalScene.episode_number)), func.count()).select_from(OriginalScene).where(live)
    ).one()
    return {"episodes": episodes, "scenes": scenes}


def database_summary(session: Session, production_id: int | None = None) -> dict:
    productions = [p for p in list_productions(session) if production_id in (None, p.id)]
    return {"productions": [production_summary(session, p) for p in productions]}


def _budget_total(session: Session, production_id: int) -> dict:
    """The grand total, or no amount and the number of problems while a line cannot be worked out."""
    calculation = current_budget(session, production_id).calculation
    if calculation.grand is None:
        return {"amount": None, "currency": calculation.currency, "problems": len(calculation.problems)}
    return Money(calculation.grand, calculation.currency).to_json()
