"""Rows for the app's tables: one query per page, each row a plain dict keyed by column.

Rows carry the ids the views need to edit them (`id`, and `*_id` keys for linked rows).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from studio import vocabulary
from studio.day_breakdown import headcount
from studio.day_sheet import DaySheet
from studio.i18n import _
from studio.languages import speaks_english, speaks_mandarin
from studio.models import (
    Availability,
    BreakdownCategory,
    BreakdownElement,
    CallSheet,
    CallTime,
    CastAssignment,
    Character,
    CrewMember,
    Department,
    Episode,
    FilmSet,
    Location,
    OvertimeRule,
    Performer,
    PerformerDay,
    Scene,
    SceneCharacter,
    SceneElement,
    ShootDay,
    Strip,
)
from studio.models.enums import RevisionState, ShootDayKind
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board_loading import load_board
from studio.schedule.timeline import DayTimes, clock
from studio.storage.withheld import visible_money

Row = dict[str, object]


def _count_by(session: Session, key, *conditions, join=None) -> dict:
    """How many rows there are per value of `key` (scenes per character, sets per location…)."""
    statement = select(key, func.count())
    if join is not None:
        statement = statement.join(join)
    return dict(session.exec(statement.where(*conditions).group_by(key)).all())


def episode_rows(session: Session, production_id: int) -> list[Row]:
    totals = {
        episode_id: (count, eighths, shots)
        for episode_id, count, eighths, shots in session.exec(
            select(Scene.episode_id, func.count(), func.sum(Scene.page_eighths), func.sum(Scene.shots))
            .where(Scene.production_id == production_id, Scene.revision_state != RevisionState.OMITTED.value)
            .group_by(Scene.episode_id)
        )
    }
    episodes = session.exec(select(Episode).where(Episode.production_id == production_id).order_by(Episode.number))
    return [
        {
            "id": e.id,
            "versions": {"episode": e.version},
            "number": e.number,
            "title": e.title,
            "title_zh": e.title_zh,
            "scenes": totals.get(e.id, (0, 0, None))[0],
            "eighths": totals.get(e.id, (0, 0, None))[1],
            "shots": totals.get(e.id, (0, 0, None))[2],  # of the scenes whose shots are planned
        }
        for e in episodes
    ]


def scene_rows(session: Session, production_id: int, episode_id: int | None = None) -> list[Row]:
    statement = (
        select(Scene, Episode.number, FilmSet.name, FilmSet.name_zh)
        .join(Episode, Scene.episode_id == Episode.id, isouter=True)
        .join(FilmSet, Scene.set_id == FilmSet.id, isouter=True)
        .where(Scene.production_id == production_id)
        .order_by(Scene.sort_order)
    )
    if episode_id is not None:
        statement = statement.where(Scene.episode_id == episode_id)
    rows = session.exec(statement).all()
    characters = _scene_characters(session, [scene.id for scene, *_ in rows])
    return [
        {
            "id": scene.id,
            "versions": {"scene": scene.version},
            "episode": episode_number,
            "number": scene.number,
            "int_ext": scene.int_ext,
            "set_id": scene.set_id,
            "set": set_name or "",
            "set_zh": set_name_zh or "",
            "time_of_day": scene.time_of_day,
            "eighths": scene.page_eighths,
            "characters": ", ".join(name for name, _ in characters.get(scene.id, [])),
            "characters_zh": ", ".join(name_zh or name for name, name_zh in characters.get(scene.id, [])),
            "synopsis": scene.synopsis,
            "shots": scene.shots,
            "text": scene.text,
            "notes": scene.notes,
            "heading": scene.heading,
            "revision": scene.revision_state,
        }
        for scene, episode_number, set_name, set_name_zh in rows
    ]


def _scene_characters(session: Session, scene_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """Each scene's characters: (name, Chinese name)."""
    names: dict[int, list[tuple[str, str]]] = defaultdict(list)
    statement = (
        select(SceneCharacter.scene_id, Character.name, Character.name_zh)
        .join(Character)
        .where(SceneCharacter.scene_id.in_(scene_ids))
        .order_by(Character.id)
    )
    for scene_id, name, name_zh in session.exec(statement):
        names[scene_id].append((name, name_zh))
    return names


def cast_rows(session: Session, production_id: int) -> list[Row]:
    """Every role with its cast ID and scene count, the performer cast in it (if any) and the deal."""
    scene_counts = _count_by(
        session, SceneCharacter.character_id, Character.production_id == production_id, join=Character
    )
    statement = (
        select(Character, CastAssignment, Performer)
        .join(CastAssignment, CastAssignment.character_id == Character.id, isouter=True)
        .join(Performer, CastAssignment.performer_id == Performer.id, isouter=True)
        .where(Character.production_id == production_id)
    )
    rows = []
    for character, deal, performer in session.exec(statement):
        rows.append(
            {
                "id": character.id,
                "versions": {
                    "character": character.version,
                    **({"cast_assignment": deal.version} if deal else {}),
                    **({"performer": performer.version} if performer else {}),
                },
                "cast_number": character.cast_number,
                "character": character.name,
                "character_zh": character.name_zh,
                "deal_id": deal.id if deal else None,
                "performer_id": performer.id if performer else None,
                "performer": performer.legal_name if performer else "",
                "performer_zh": performer.name_zh if performer else "",
                "union": performer.union_status if performer else "",
                "rate": visible_money(session, deal, "rate"),
                "scenes": scene_counts.get(character.id, 0),
                "background": character.is_background,
                # As typed, else as the name says (保安2名); "" for a speaking role, which has none.
                "headcount": headcount(character) if character.is_background else "",
            }
        )
    rows.sort(key=lambda r: (r["cast_number"] is None, r["cast_number"] or 0, r["character"]))
    return rows


def performer_rows(session: Session, production_id: int) -> list[Row]:
    roles: dict[int, list[tuple[str, str]]] = defaultdict(list)
    statement = (
        select(CastAssignment.performer_id, Character.name, Character.name_zh)
        .join(Character)
        .where(Character.production_id == production_id)
        .order_by(Character.cast_number, Character.name)
    )
    for performer_id, name, name_zh in session.exec(statement):
        roles[performer_id].append((name, name_zh))
    performers = session.exec(
        select(Performer).where(Performer.production_id == production_id).order_by(Performer.legal_name)
    )
    return [
        {
            "id": performer.id,
            "versions": {"performer": performer.version},
            "name": performer.legal_name,
            "professional_name": performer.professional_name,
            "name_zh": performer.name_zh,
            "union": performer.union_status,
            "phone": performer.phone,
            "email": performer.email,
            "agent": performer.agent_name,
            "languages": performer.languages,
            "speaks": _speaks(performer.languages),
            "roles": ", ".join(name for name, _ in roles.get(performer.id, [])),
            "roles_zh": ", ".join(name_zh or name for name, name_zh in roles.get(performer.id, [])),
        }
        for performer in performers
    ]


def _speaks(languages: str) -> str:
    """ "中 · EN" at a glance: who on a bilingual set can talk to whom."""
    flags = [flag for flag, speaks in (("中", speaks_mandarin), ("EN", speaks_english)) if speaks(languages)]
    return " · ".join(flags)


def crew_rows(session: Session, production_id: int) -> list[Row]:
    statement = (
        select(CrewMember, Department)
        .join(Department, CrewMember.department_id == Department.id, isouter=True)
        .where(CrewMember.production_id == production_id)
        .order_by(Department.sort_order, CrewMember.id)
    )
    return [
        {
            "id": member.id,
            "versions": {"crew_member": member.version},
            "department_id": member.department_id,
            "department": department.name if department else "",
            "department_zh": _department_zh(department) if department else "",
            "position": member.position,
            "position_zh": vocabulary.chinese("positions", member.position),
            "name": member.name,
            "name_zh": member.name_zh,
            "languages": member.languages,
            "speaks": _speaks(member.languages),
            "mandarin": speaks_mandarin(member.languages),
            "english": speaks_english(member.languages),
            "union": member.union_status,
            "phone": member.phone,
            "email": member.email,
            "rate": visible_money(session, member, "rate"),
        }
        for member, department in session.exec(statement)
    ]


def _department_zh(department: Department) -> str:
    """A department's Chinese name: its own, else the usual Chinese for its English one."""
    return department.name_zh or vocabulary.chinese("departments", department.name)


def department_rows(session: Session, production_id: int) -> list[Row]:
    departments = session.exec(
        select(Department).where(Department.production_id == production_id).order_by(Department.sort_order)
    )
    return [
        {
            "id": d.id,
            "versions": {"department": d.version},
            "name": d.name,
            "name_zh": d.name_zh,
            "call_offset": d.default_call_offset_minutes,
        }
        for d in departments
    ]


def location_rows(session: Session, production_id: int) -> list[Row]:
    set_counts = _count_by(session, FilmSet.location_id, FilmSet.production_id == production_id)
    locations = session.exec(select(Location).where(Location.production_id == production_id).order_by(Location.id))
    return [
        {
            "id": location.id,
            "versions": {"location": location.version},
            "name": location.name,
            "name_zh": location.name_zh,
            "address": location.address,
            "contact": location.contact_name,
            "phone": location.contact_phone,
            "timezone": location.timezone,
            "fee": visible_money(session, location, "fee_per_day"),
            "sets": set_counts.get(location.id, 0),
            "hospital": location.hospital_name,
        }
        for location in locations
    ]


def pay_preset_rows(session: Session, production_id: int) -> list[Row]:
    presets = session.exec(
        select(OvertimeRule).where(OvertimeRule.production_id == production_id).order_by(OvertimeRule.id)
    )
    return [{"id": preset.id, "versions": {"overtime_rule": preset.version}, "name": preset.name} for preset in presets]


def set_rows(session: Session, production_id: int) -> list[Row]:
    scene_counts = _count_by(session, Scene.set_id, Scene.production_id == production_id)
    statement = (
        select(FilmSet, Location.name, Location.name_zh)
        .join(Location, FilmSet.location_id == Location.id, isouter=True)
        .where(FilmSet.production_id == production_id)
        .order_by(FilmSet.name)
    )
    return [
        {
            "id": film_set.id,
            "versions": {"film_set": film_set.version},
            "name": film_set.name,
            "name_zh": film_set.name_zh,
            "location_id": film_set.location_id,
            "location": location_name or "",
            "location_zh": location_name_zh or "",
            "scenes": scene_counts.get(film_set.id, 0),
        }
        for film_set, location_name, location_name_zh in session.exec(statement)
    ]


def category_rows(session: Session, production_id: int) -> list[Row]:
    categories = session.exec(
        select(BreakdownCategory)
        .where(BreakdownCategory.production_id == production_id)
        .order_by(BreakdownCategory.sort_order)
    )
    return [{"id": c.id, "key": c.key, "name": c.name, "name_zh": c.name_zh, "color": c.color} for c in categories]


def element_rows(session: Session, production_id: int) -> list[Row]:
    """Every element with the scenes it is in; cast and background come from the scenes' characters."""
    categories = {row["key"]: row for row in category_rows(session, production_id)}
    scene_counts = _count_by(
        session, SceneElement.element_id, BreakdownElement.production_id == production_id, join=BreakdownElement
    )
    statement = (
        select(BreakdownElement, BreakdownCategory)
        .join(BreakdownCategory)
        .where(BreakdownElement.production_id == production_id)
        .order_by(BreakdownCategory.sort_order, BreakdownElement.name)
    )
    rows = [
        _element_row(
            category.id,
            category.name,
            category.name_zh,
            category.color,
            element.id,
            element.name,
            element.name_zh,
            scene_counts.get(element.id, 0),
        )
        for element, category in session.exec(statement)
    ]
    for character in cast_rows(session, production_id):
        category = categories.get("background" if character["background"] else "cast")
        if category is not None:
            number = f"{character['cast_number']}. " if character["cast_number"] else ""
            name_zh = character["character_zh"]
            rows.append(
                _element_row(
                    category["id"],
                    category["name"],
                    category["name_zh"],
                    category["color"],
                    None,
                    number + character["character"],
                    number + name_zh if name_zh else "",
                    character["scenes"],
                )
            )
    order = {row["id"]: index for index, row in enumerate(categories.values())}
    rows.sort(key=lambda row: order[row["category_id"]])  # stable: cast stays in cast-ID order
    return rows


def _element_row(category_id, category, category_zh, color, element_id, name, name_zh, scenes) -> Row:
    return {
        "category_id": category_id,
        "category": category,
        "category_zh": category_zh,
        "color": color,
        "id": element_id,
        "name": name,
        "name_zh": name_zh,
        "scenes": scenes,
    }


def scene_element_rows(session: Session, scene_id: int) -> list[Row]:
    statement = (
        select(BreakdownElement, BreakdownCategory)
        .join(SceneElement, SceneElement.element_id == BreakdownElement.id)
        .join(BreakdownCategory)
        .where(SceneElement.scene_id == scene_id)
        .order_by(BreakdownCategory.sort_order, BreakdownElement.name)
    )
    return [
        {
            "id": element.id,
            "name": element.name,
            "name_zh": element.name_zh,
            "category": category.name,
            "category_zh": category.name_zh,
            "color": category.color,
        }
        for element, category in session.exec(statement)
    ]


def shoot_day_rows(session: Session, production_id: int) -> list[Row]:
    scheduled = defaultdict(lambda: [0, 0])
    statement = (
        select(Strip.shoot_day_id, Scene.page_eighths)
        .join(Scene, Strip.scene_id == Scene.id)
        .where(Strip.production_id == production_id, Strip.shoot_day_id.is_not(None))
    )
    for day_id, eighths in session.exec(statement):
        scheduled[day_id][0] += 1
        scheduled[day_id][1] += eighths
    days = session.exec(
        select(ShootDay).where(ShootDay.production_id == production_id).order_by(ShootDay.shoot_date, ShootDay.unit)
    )
    return [
        {
            "id": day.id,
            "versions": {"shoot_day": day.version},
            "day_number": day.day_number,
            "date": day.shoot_date,
            "kind": day.kind,
            "unit": day.unit,
            "scenes": scheduled[day.id][0],
            "eighths": scheduled[day.id][1],
            "notes": day.notes,
        }
        for day in days
    ]


def call_sheet_rows(session: Session, production_id: int) -> list[Row]:
    statement = (
        select(ShootDay, CallSheet)
        .join(CallSheet, CallSheet.shoot_day_id == ShootDay.id, isouter=True)
        .where(ShootDay.production_id == production_id, ShootDay.kind == ShootDayKind.SHOOT.value)
        .order_by(ShootDay.shoot_date, ShootDay.unit)
    )
    planned = BoardAnalysis(load_board(session, production_id)).times
    return [
        {
            "id": day.id,
            "day_number": day.day_number,
            "date": day.shoot_date,
            "crew_call": _call_text(sheet.crew_call if sheet else None, planned.get(day.id)),
            "shooting_call": sheet.shooting_call if sheet else None,
            "weather": sheet.weather_summary if sheet else "",
        }
        for day, sheet in session.exec(statement)
    ]


def _call_text(entered: dt.time | None, planned: DayTimes | None) -> str:
    """The crew call the call sheet names, else the one the schedule plans."""
    if entered is not None:
        return entered.strftime("%H:%M")
    return _("{time} (schedule)").format(time=clock(planned.call)) if planned else ""


def performer_day_rows(session: Session, performer_id: int) -> list[Row]:
    """A performer's travel, rehearsal and fitting days, in date order."""
    entries = session.exec(
        select(PerformerDay).where(PerformerDay.performer_id == performer_id).order_by(PerformerDay.day)
    )
    return [
        {
            "id": entry.id,
            "versions": {"performer_day": entry.version},
            "day": entry.day,
            "kind": entry.kind,
            "notes": entry.notes,
        }
        for entry in entries
    ]


def availability_rows(session: Session, owner_column: str, owner_id: int) -> list[Row]:
    """The dates a performer, crew member or location cannot work (or can, where marked)."""
    column = getattr(Availability, owner_column)
    ranges = session.exec(select(Availability).where(column == owner_id).order_by(Availability.start_date))
    return [
        {
            "id": entry.id,
            "versions": {"availability": entry.version},
            "start": entry.start_date,
            "end": entry.end_date,
            "days": (entry.end_date - entry.start_date).days + 1,
            "reason": entry.reason,
            "available": entry.available,
        }
        for entry in ranges
    ]


def call_time_rows(session: Session, sheet: DaySheet) -> list[Row]:
    """Who is called on a call sheet's day and when (pickup, hair & makeup, wardrobe, on set), as the sheet
    has it: the times entered for them, else the ones worked out (department offsets, the cast's calls
    staggered from their first scene)."""
    entered = {
        (entry.performer_id, entry.crew_member_id): entry
        for entry in session.exec(select(CallTime).join(CallSheet).where(CallSheet.shoot_day_id == sheet.shoot_day_id))
    }

    def entered_ids(key: tuple[int | None, int | None]) -> dict[str, Any]:
        """The times entered for them (an id, and the version as shown: a colleague's later save wins)."""
        entry = entered.get(key)
        return {"call_time_id": entry.id if entry else None, "versions": {"call_time": entry.version} if entry else {}}

    rows: list[Row] = []
    for line in sheet.cast:
        rows.append(
            {
                "id": f"cast-{line.performer_id}",
                "owner": {"performer_id": line.performer_id},
                **entered_ids((line.performer_id, None)),
                "who": ", ".join(map(str, line.cast_numbers)) + " " + line.performer,
                "who_zh": ", ".join(map(str, line.cast_numbers)) + " " + (line.performer_zh or line.performer),
                "role": line.character,
                "role_zh": line.character_zh or line.character,
                "status": line.status,
                "pickup": _time_text(line.pickup),
                "makeup": _time_text(line.makeup),
                "wardrobe": _time_text(line.wardrobe),
                "on_set": _time_text(line.on_set),
                "remarks": line.remarks,
            }
        )
    for line in sheet.crew:
        rows.append(
            {
                "id": f"crew-{line.crew_member_id}",
                "owner": {"crew_member_id": line.crew_member_id},
                **entered_ids((None, line.crew_member_id)),
                "who": line.name,
                "who_zh": line.name_zh or line.name,
                "role": " · ".join(part for part in (line.department, line.position) if part),
                "role_zh": " · ".join(
                    part
                    for part in (
                        line.department_zh or vocabulary.in_language("departments", line.department, "zh"),
                        vocabulary.in_language("positions", line.position, "zh"),
                    )
                    if part
                ),
                "status": "",
                "pickup": "",
                "makeup": "",
                "wardrobe": "",
                "on_set": _time_text(line.call),
                "remarks": line.remarks,
            }
        )
    return rows


def _time_text(minutes: int | None) -> str:
    return clock(minutes) if minutes is not None else ""
