"""The demo production: "The Contract Bride / 契约新娘", an 80-episode series shot in Los Angeles.

The people, places, sets and lines come from resources/demo/; the scenes are drawn from them with a
seeded random generator, so the same seed always writes the same database.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from studio.budget.schedule_links import sync_schedule_lines
from studio.budget.versions import save_version
from studio.callsheet import call_sheet_id, call_sheets, numbered_day
from studio.currencies import ensure_currency
from studio.day_reports.clock import clock
from studio.day_reports.postings import post_days
from studio.day_reports.starting import start_day_report
from studio.demo_original import add_original
from studio.demo_stamp import stamp_demo
from studio.edits import set_field
from studio.errors import UserError
from studio.i18n import _
from studio.models import (
    Availability,
    BreakdownCategory,
    BreakdownElement,
    BudgetAccount,
    BudgetGlobal,
    BudgetLine,
    BudgetVersion,
    CallSheet,
    CastAssignment,
    Character,
    CrewMember,
    DayReport,
    DayReportScene,
    Department,
    Episode,
    ExchangeRate,
    FilmSet,
    Location,
    LocationDrive,
    OvertimeRule,
    Performer,
    Production,
    Scene,
    SceneCharacter,
    SceneElement,
    ShootDay,
)
from studio.models.enums import RateBasis, SceneOutcome, ShootDayKind, TimeOfDay, UnionStatus
from studio.money import Money
from studio.productions import add_standard_templates, delete_production
from studio.records import add_row, add_together
from studio.resources import load_json
from studio.schedule.board_loading import load_board
from studio.schedule.packing import grouped_placement
from studio.schedule.strips import ensure_strips, place_all
from studio.storage.backups import restore_backup
from studio.storage.db import is_sqlite_file, open_database
from studio.storage.instance_lock import held_or_refused
from studio.storage.new_files import put_new_file, remove_database_files, scratch_beside
from studio.system_words import system_reason

DEMO_SEED = 2027
# Page lengths in eighths and how often each occurs: micro-drama scenes are short.
EIGHTHS_WEIGHTS = {1: 45, 2: 30, 3: 13, 4: 7, 6: 3, 8: 2}
# What `demo --size` writes: the demo, or a larger production for the optimizer's benchmark, whose file
# extends the demo's (100 episodes, 12 days, 11 locations, more gaps in who and where is free).
SIZES = {"standard": "demo/contract_bride.json", "large": "demo/contract_bride_large.json"}


def demo_data(size: str = "standard") -> dict:
    """The production's data: a file that extends another adds its locations, sets, characters, action
    and cast's unavailable days to that one's, and its production settings replace that one's."""
    data = load_json(SIZES[size])
    if "extends" not in data:
        return data
    merged = load_json(data["extends"])
    merged["production"] = merged["production"] | data["production"]
    for key in ("locations", "sets", "characters"):
        merged[key] = merged[key] + data[key]
    merged["action"] = merged["action"] | data["action"]
    for row in merged["characters"]:
        row["unavailable"] = row.get("unavailable", []) + data["unavailable"].get(row["name"], [])
    merged["original"] = data["original"]  # what its Chinese original adds to the demo's
    return merged


def write_demo(
    path: Path, *, force: bool = False, seed: int = DEMO_SEED, size: str = "standard", reported: bool = True
) -> int:
    """Write the demo production into a new database file; return the production id. Without `reported`,
    as it stands before its first day is shot: no day reported (what the optimizer plans from scratch).

    The file is built beside its final name and renamed into place, so a failure never leaves a
    half-written demo (or destroys the file it was meant to replace).
    """
    path = path.expanduser().resolve()
    if path.is_dir():
        raise UserError(_("{path} is a folder, not a database file").format(path=path))
    if path.exists() and not path.is_file():
        raise UserError(_("{path} is a device, a pipe or a socket, not a database file").format(path=path))
    if path.exists() and not force:
        raise UserError(_("{path} already exists; use --force to replace it").format(path=path))
    with held_or_refused(path):
        return _write_demo(path, seed, size, reported)


def write_demo_on_server(url: str, *, force: bool = False, seed: int = DEMO_SEED, size: str = "standard") -> int:
    """Add the demo production to a server's database, which may hold other productions; with `force`, a
    production of the demo's title there is replaced (in the same transaction). Returns its id."""
    title = demo_data(size)["production"]["title"]
    database = open_database(url, create=True)
    try:
        with database.transaction() as session:
            existing = session.exec(select(Production).where(Production.title == title)).first()
            if existing is not None and not force:
                raise UserError(
                    _("{database} already holds {title} (production {id}); use --force to replace it").format(
                        database=database.describe(), title=title, id=existing.id
                    )
                )
            if existing is not None:
                delete_production(session, existing.id)
            return build_demo(session, seed, size)
    finally:
        database.close()


def _write_demo(path: Path, seed: int, size: str, reported: bool) -> int:
    """Built under a scratch name beside `path` (which the next holder of its lock removes if this is
    killed), then put in its place."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(_("cannot write {path}: {reason}").format(path=path, reason=system_reason(error))) from None
    scratch = scratch_beside(path)
    try:
        database = open_database(scratch, create=True)
        try:
            with database.transaction() as session:
                production_id = build_demo(session, seed, size, reported)
        finally:
            database.close()
        stamp_demo(scratch)
        _put_in_place(scratch, path)
    except OSError as error:
        raise UserError(_("cannot write {path}: {reason}").format(path=path, reason=system_reason(error))) from None
    finally:
        remove_database_files(scratch)
    return production_id


def _put_in_place(scratch: Path, path: Path) -> None:
    """A new file is linked into place; an existing database is written into as a restore is, under
    SQLite's own write lock with what it held kept as a backup first, so a program that has it open
    (the app showing the last demo) sees a consistent change and no commit of its falls between."""
    if path.exists() and is_sqlite_file(path):
        restore_backup(path, scratch, reason="replaced")
        return
    path.unlink(missing_ok=True)  # not a database (replaced with --force): nothing in it to keep
    put_new_file(scratch, path)


def build_demo(session: Session, seed: int = DEMO_SEED, size: str = "standard", reported: bool = True) -> int:
    data = demo_data(size)
    rng = random.Random(seed)
    spec = data["production"]
    production = _add_production(session, spec)
    pid = production.id
    add_standard_templates(session, pid)
    locations = _add_locations(session, pid, data["locations"], date.fromisoformat(spec["first_shoot_date"]))
    session.add_all(
        LocationDrive(
            production_id=pid,
            from_location_id=locations[row["from"]].id,
            to_location_id=locations[row["to"]].id,
            minutes=row["minutes"],
        )
        for row in data["drives"]
    )
    sets = _add_sets(session, pid, data["sets"], locations)
    characters = _add_cast(session, pid, data["characters"], date.fromisoformat(spec["first_shoot_date"]))
    _add_crew(session, pid, data["departments"], data["crew"])
    scenes = _add_script(session, pid, data, sets, characters, rng)
    _add_breakdown(session, pid, data["breakdown"], scenes, rng)
    shoot_days = _add_shoot_days(session, pid, spec)
    _add_budget_skeleton(session, pid, spec, shoot_days)
    _add_schedule(session, pid)
    _plan_lunches(session, pid, spec["lunch_after_crew_call_minutes"])
    _add_budget(session, pid, data["budget"])
    if reported:
        _add_reports(session, pid, data["reports"])
    add_original(session, pid, data["action"], data.get("original", {}))
    return pid


def _add_schedule(session: Session, pid: int) -> None:
    """A first schedule made by hand, as a producer would before optimizing: day scenes first, nights at
    the end of each stretch, grouped by location, each day within the production's hours and the next
    call rested (cast days and company moves left in it to save)."""
    ensure_strips(session, pid)
    place_all(session, pid, grouped_placement(load_board(session, pid)))


def _plan_lunches(session: Session, pid: int, after_call: int) -> None:
    """Each day's lunch called so far after the crew call that those called earliest (an hour before it)
    eat within six hours; the days are short enough that none needs a second meal."""
    for sheet in call_sheets(session, pid):
        lunch = clock((sheet.crew_call + after_call) % (24 * 60))
        set_field(session, "call_sheet", call_sheet_id(session, sheet.shoot_day_id), "lunch", lunch)


def _add_production(session: Session, spec: dict) -> Production:
    for code in (spec["base_currency"], spec["reporting_currency"]):
        ensure_currency(session, code)
    production = Production(
        title=spec["title"],
        title_zh=spec["title_zh"],
        company=spec["company"],
        base_currency=spec["base_currency"],
        reporting_currency=spec["reporting_currency"],
        hq_timezone=spec["hq_timezone"],
        shoot_timezone=spec["shoot_timezone"],
        base_city=spec["base_city"]["name"],
        base_latitude=Decimal(spec["base_city"]["latitude"]),
        base_longitude=Decimal(spec["base_city"]["longitude"]),
        max_eighths_per_day=spec["max_pages_per_day"] * 8,
        max_minutes_per_day=spec["max_hours_per_day"] * 60,
        default_crew_call=time.fromisoformat(spec["crew_call"]),
        minutes_per_page=spec["minutes_per_page"],
        makeup_minutes=spec["makeup_minutes"],
        pickup_minutes=spec["pickup_minutes"],  # the cast are driven from their hotel
        created_at=datetime.fromisoformat(spec["created_at"]),
    )
    session.add(production)
    session.flush()
    return production


def _add_locations(session: Session, pid: int, rows: list[dict], first_day: date) -> dict[str, Location]:
    locations = {}
    for row in rows:
        hospital_name, hospital_address, hospital_phone = row["hospital"]
        location = Location(
            production_id=pid,
            name=row["name"],
            name_zh=row["name_zh"],
            address=row["address"],
            latitude=Decimal(row["latitude"]),
            longitude=Decimal(row["longitude"]),
            contact_name=row["contact_name"],
            contact_phone=row["contact_phone"],
            contact_email=row.get("contact_email", ""),
            parking=row["parking"],
            basecamp=row["basecamp"],
            hospital_name=hospital_name,
            hospital_address=hospital_address,
            hospital_phone=hospital_phone,
            permit_notes=row["permit_notes"],
        )
        location.fee_per_day = Money(Decimal(row["fee_per_day"]), "USD")
        locations[row["key"]] = location
    session.add_all(locations.values())
    session.flush()
    for row in rows:
        _add_unavailable(session, first_day, row.get("unavailable", []), location_id=locations[row["key"]].id)
    return locations


def _add_unavailable(session: Session, first_day: date, days: list, **owner: int) -> None:
    """Days (counted from the first shoot date) someone or somewhere is not free, with why."""
    for offset, reason in days:
        day = first_day + timedelta(days=offset)
        session.add(Availability(**owner, start_date=day, end_date=day, reason=reason))


def _add_sets(
    session: Session, pid: int, rows: list[dict], locations: dict[str, Location]
) -> list[tuple[FilmSet, dict]]:
    sets = [
        (
            FilmSet(
                production_id=pid,
                name=row["name"],
                name_zh=row["name_zh"],
                script_name=row["name"],
                location_id=locations[row["location"]].id,
            ),
            row,
        )
        for row in rows
    ]
    session.add_all(film_set for film_set, _ in sets)
    session.flush()
    return sets


def _add_cast(session: Session, pid: int, rows: list[dict], first_day: date) -> dict[str, Character]:
    presets = {
        rule.name: rule.id for rule in session.exec(select(OvertimeRule).where(OvertimeRule.production_id == pid))
    }
    characters = {}
    for cast_number, row in enumerate(rows, start=1):
        background = row.get("background", False)
        character = Character(
            production_id=pid,
            name=row["name"],
            name_zh=row["name_zh"],
            script_name=row["name"],
            is_background=background,
            headcount=row.get("headcount"),
            cast_number=None if background else cast_number,
        )
        union = row["union"] == UnionStatus.SAG_AFTRA
        slug = row["performer"].lower().replace(" ", ".")
        performer = Performer(
            production_id=pid,
            legal_name=row["performer"],
            name_zh=row["performer_zh"],
            union_status=row["union"],
            languages=row["languages"],
            phone="" if background else f"(310) 555-{cast_number + 100:04d}",
            email="" if background else f"{slug}@example.com",
            agent_name="Bright Talent Agency" if union else "",
            agent_phone="(310) 555-0199" if union else "",
            agent_email="bookings@example.com" if union else "",
            date_of_birth=date.fromisoformat(row["born"]) if "born" in row else None,
        )
        session.add_all([character, performer])
        session.flush()
        deal = CastAssignment(
            character_id=character.id,
            performer_id=performer.id,
            guaranteed_days=2 if cast_number <= 4 else 0,
            overtime_rule_id=presets["SAG-AFTRA Verticals" if union else "Non-union 12-hour day"],
        )
        deal.rate = Money(Decimal(row["rate"]), "USD")
        if union:
            deal.per_diem = Money(Decimal(60), "USD")
        session.add(deal)
        _add_unavailable(session, first_day, row.get("unavailable", []), performer_id=performer.id)
        characters[row["name"]] = character
    session.flush()
    return characters


def _add_crew(session: Session, pid: int, departments: list[dict], crew: list[list[str]]) -> None:
    by_name = {}
    for order, row in enumerate(departments):
        department = Department(
            production_id=pid,
            name=row["name"],
            name_zh=row["name_zh"],
            sort_order=order,
            default_call_offset_minutes=row["call_offset"],
        )
        session.add(department)
        by_name[row["name"]] = department
    session.flush()
    # The local crew on a 12-hour day rate (its first hours' overtime in it), more beyond; the team from
    # China on all-in day rates.
    presets = {
        rule.name: rule.id for rule in session.exec(select(OvertimeRule).where(OvertimeRule.production_id == pid))
    }
    deals = {"USD": presets["Non-union 12-hour day"], "CNY": presets["Flat day, no overtime"]}
    for number, (department, position, name, name_zh, languages, rate, currency) in enumerate(crew, start=1):
        slug = name.lower().replace(" ", ".")
        member = CrewMember(
            production_id=pid,
            department_id=by_name[department].id,
            position=position,
            name=name,
            name_zh=name_zh,
            languages=languages,
            phone=f"(323) 555-{number + 200:04d}",
            email=f"{slug}@example.com",
            overtime_rule_id=deals[currency],
            rate_basis=RateBasis.DAY_12H.value if currency == "USD" else RateBasis.DAY.value,
        )
        member.rate = Money(Decimal(rate), currency)
        session.add(member)
    session.flush()


def _add_script(session, pid, data, sets, characters, rng) -> list[tuple[Scene, str]]:
    spec = data["production"]
    low, high = spec["scenes_per_episode"]
    leads = [characters[name] for name in data["leads"]]
    eighths, eighths_weights = zip(*EIGHTHS_WEIGHTS.items(), strict=True)
    set_weights = [row["weight"] for _, row in sets]
    scenes: list[tuple[Scene, str]] = []
    appearances: list[tuple[Scene, Character]] = []
    order = 0
    for episode_number in range(1, spec["episodes"] + 1):
        episode = Episode(production_id=pid, number=episode_number)
        session.add(episode)
        session.flush()
        for scene_number in range(1, rng.randint(low, high) + 1):
            film_set, set_row = rng.choices(sets, weights=set_weights)[0]
            cast = _scene_cast(rng, leads, set_row, characters)
            night = rng.random() < set_row["night"]
            time_of_day = TimeOfDay.NIGHT if night else TimeOfDay.DAY
            speaking = [c for c in cast if not c.is_background]
            order += 1
            scene = Scene(
                production_id=pid,
                episode_id=episode.id,
                number=f"{episode_number}-{scene_number}",
                sort_order=order,
                heading=f"{set_row['int_ext']}. {film_set.name} - {time_of_day.value}",
                int_ext=set_row["int_ext"],
                time_of_day=time_of_day.value,
                set_id=film_set.id,
                synopsis=_fill(rng.choice(data["synopses"]), speaking),
                text=_scene_text(rng, data, set_row, speaking),
                page_eighths=rng.choices(eighths, weights=eighths_weights)[0],
            )
            scenes.append((scene, set_row["name"]))
            appearances.extend((scene, character) for character in cast)
    session.add_all(scene for scene, _ in scenes)
    session.flush()
    session.add_all(
        SceneCharacter(scene_id=scene.id, character_id=character.id, speaking=_speaks(scene, character))
        for scene, character in appearances
    )
    session.flush()
    return scenes


def _speaks(scene: Scene, character: Character) -> bool:
    """Whether the character has a line in the scene (a cue of their name), as an import would read it."""
    return f"\n\n{character.name}\n" in f"\n\n{scene.text}"


def _scene_cast(rng, leads, set_row, characters) -> list[Character]:
    cast = [lead for lead in leads if rng.random() < 0.7] or [rng.choice(leads)]
    regulars = [characters[name] for name in set_row["regulars"]]
    if regulars:
        cast += rng.sample(regulars, k=min(len(regulars), rng.choice([0, 1, 1, 2])))
    if rng.random() < 0.08:
        cast.append(rng.choice([c for c in characters.values() if not c.is_background]))
    if set_row["background"] and rng.random() < 0.4:
        cast.append(characters[rng.choice(set_row["background"])])
    unique: list[Character] = []
    for character in cast:
        if all(character.id != chosen.id for chosen in unique):
            unique.append(character)
    return unique


def _fill(template: str, speaking: list[Character]) -> str:
    first = speaking[0].name.title()
    second = speaking[1].name.title() if len(speaking) > 1 else "an old friend"
    return template.format(a=first, b=second)


def _scene_text(rng, data, set_row, speaking: list[Character]) -> str:
    lines = [_fill(rng.choice(data["action"][set_row["name"]]), speaking), ""]
    for turn, line in enumerate(rng.sample(data["dialogue"], k=rng.randint(1, 4))):
        lines += [speaking[turn % len(speaking)].name, line, ""]
    return "\n".join(lines).strip()


def _add_breakdown(session, pid, rows, scenes, rng) -> None:
    categories = {
        c.key: c for c in session.exec(select(BreakdownCategory).where(BreakdownCategory.production_id == pid))
    }
    for row in rows:
        element = BreakdownElement(
            production_id=pid, category_id=categories[row["category"]].id, name=row["name"], name_zh=row["name_zh"]
        )
        session.add(element)
        session.flush()
        for scene, set_name in scenes:
            if set_name in row["sets"] and rng.random() < row["share"]:
                session.add(SceneElement(scene_id=scene.id, element_id=element.id))
    session.flush()


def _add_budget(session: Session, pid: int, budget: dict) -> None:
    """The budget beside the schedule's own lines: rights, rentals, allowances, post, insurance; what has
    been spent by the second shoot day; and the version approved before the shoot."""
    sync_schedule_lines(session, pid)
    accounts = {a.code: a.id for a in session.exec(select(BudgetAccount).where(BudgetAccount.production_id == pid))}
    for code, percent in budget["percents"].items():
        set_field(session, "budget_account", accounts[code], "percent", percent)
    rates = [("exchange_rate", {"production_id": pid}, rate) for rate in budget["rates"]]
    lines = [("budget_line", {"account_id": accounts[code]}, values) for code, values in budget["lines"]]
    actuals = [
        ("cost_entry", {"production_id": pid}, {"account_id": accounts[code], **values})
        for code, values in budget["actuals"]
    ]
    ids = add_together(session, rates + lines + actuals)
    for order, line_id in enumerate(ids[len(rates) : len(rates) + len(lines)], start=100):
        session.get(BudgetLine, line_id).sort_order = order
    version = session.get(BudgetVersion, save_version(session, pid, budget["version"]))
    version.created_at = datetime.fromisoformat(budget["version_saved_at"])
    version.approved = True  # the final cost is measured against it


def _add_reports(session: Session, pid: int, spec: dict) -> None:
    """The first days reported at wrap, each started from its call sheet and
    corrected where the day went otherwise: a later wrap, a late lunch, scenes not shot (the last of the
    day's order), the setups of those shot, notes; then their labour posted to the budget. Day 1 ran as
    planned, day 2 two hours over with a late lunch, day 3 left five scenes unshot."""
    reported_on = date.fromisoformat(spec["reported_on"])
    zone = ZoneInfo(session.get(Production, pid).shoot_timezone)
    departments = {d.name: d.id for d in session.exec(select(Department).where(Department.production_id == pid))}
    day_ids = [numbered_day(session, pid, entry["day"]) for entry in spec["days"]]
    for entry, day_id in zip(spec["days"], day_ids, strict=True):
        start_day_report(session, day_id, reported_on)
        report = session.exec(select(DayReport).where(DayReport.shoot_day_id == day_id)).one()
        report.started_at = datetime.combine(session.get(ShootDay, day_id).shoot_date, time(21, 0), tzinfo=zone)
        if "later_wrap_minutes" in entry:
            set_field(session, "day_report", report.id, "camera_wrap", report.camera_wrap + entry["later_wrap_minutes"])
        if "lunch" in entry:
            set_field(session, "day_report", report.id, "lunch", entry["lunch"])
        planned = session.exec(
            select(DayReportScene, Scene.page_eighths)
            .join(Scene)
            .where(DayReportScene.report_id == report.id)
            .order_by(DayReportScene.position)
        ).all()
        shot = len(planned) - entry.get("not_shot", 0)
        for row, eighths in planned[:shot]:
            row.setups = max(1, round(eighths * spec["setups_per_page"] / 8))
        for row, _eighths in planned[shot:]:
            set_field(session, "day_report_scene", row.id, "outcome", SceneOutcome.NOT_SHOT.value)
        for note in entry["notes"]:
            values = {key: value for key, value in note.items() if key != "department"}
            values["department_id"] = departments.get(note.get("department", ""))
            add_row(session, "day_report_note", {"report_id": report.id}, values)
    post_days(session, pid, day_ids)


def _add_shoot_days(session: Session, pid: int, spec: dict) -> int:
    current = date.fromisoformat(spec["first_shoot_date"])
    shot = 0
    while shot < spec["shoot_days"]:
        shot += 1
        day = ShootDay(production_id=pid, shoot_date=current, day_number=shot)
        session.add(day)
        session.flush()
        session.add(CallSheet(shoot_day_id=day.id))  # each day's sheet, to fill in on the Call Sheets page
        current += timedelta(days=1)
        if shot in spec["days_off_after"]:
            session.add(ShootDay(production_id=pid, shoot_date=current, kind=ShootDayKind.OFF.value))
            current += timedelta(days=1)
    session.flush()
    return shot


def _add_budget_skeleton(session: Session, pid: int, spec: dict, shoot_days: int) -> None:
    session.add_all(
        [
            BudgetGlobal(production_id=pid, name="SHOOT_DAYS", value=Decimal(shoot_days), description="Shoot days"),
            BudgetGlobal(production_id=pid, name="EPISODES", value=Decimal(spec["episodes"]), description="Episodes"),
            ExchangeRate(
                production_id=pid,
                from_currency="CNY",
                to_currency="USD",
                rate=Decimal(spec["usd_per_cny"]),
                effective_date=date.fromisoformat(spec["created_at"][:10]),
            ),
        ]
    )
    session.flush()
