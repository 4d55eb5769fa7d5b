"""Single-field edits: the operation behind every inline edit in the app (and its undo).

Only the fields listed in EDITABLE can be changed this way; each has a rule that cleans the value or
refuses it with a clear message, so nothing invalid is ever stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, SQLModel

from studio import validation
from studio.adaptation import ApprovedOriginal, ApprovedText, Status, yes_or_no
from studio.budget.rules import AmountEntry, GlobalName, GlobalValue, LineFringes, ScheduleOwned, StoredCurrency
from studio.changes import FieldChange
from studio.day_reports.fields import (
    CLOCK_TIME,
    MEAL,
    EighthsShot,
    Outcome,
    PlayersCount,
    ReportDepartment,
    SceneAdded,
    delay_reason,
    screen_seconds,
)
from studio.drive_times import LOCATION_DRIVE
from studio.edit_rules import (
    BackgroundHeadcount,
    CallOrder,
    CurrencyOf,
    DateInRange,
    MoneyAmount,
    OwnChineseName,
    PerformerDate,
    Reference,
    RowRule,
    ShootDate,
    ShootDayUnit,
    colour,
    date_of_birth,
    decimal_between,
    one_of,
    optional_positive_number,
    optional_text,
    plain,
    required,
    required_text,
    whole_number,
)
from studio.errors import InvalidInput
from studio.i18n import _
from studio.models import (
    Availability,
    BreakdownCategory,
    BreakdownElement,
    BudgetAccount,
    BudgetGlobal,
    BudgetLine,
    CallSheet,
    CallTime,
    CastAssignment,
    Character,
    CostEntry,
    CrewMember,
    DayReport,
    DayReportNote,
    DayReportScene,
    DayReportTime,
    Department,
    Episode,
    ExchangeRate,
    FilmSet,
    Fringe,
    Location,
    LocationDrive,
    OvertimeRule,
    Performer,
    PerformerDay,
    Production,
    Scene,
    SceneAdaptation,
    ShootDay,
    Strip,
)
from studio.models.enums import (
    AccountGroup,
    CostStatus,
    FringeKind,
    FringeScope,
    LineUnit,
    PerformerDayKind,
    RateBasis,
    ReportNoteKind,
    ShootDayKind,
    SmtpSecurity,
    UnionStatus,
)
from studio.storage.db import changed_elsewhere


def optional_colour(value: Any) -> str:
    """A colour, or "" for the strip's standard INT/EXT × DAY/NIGHT colour."""
    return colour(value) if str(value or "").strip() else ""


NAME = plain(required_text(200))
NAME_ZH = plain(optional_text(200))
SHORT_TEXT = plain(optional_text(200))
NOTES = optional_text()
RATE = MoneyAmount("currency")
UNION = one_of(UnionStatus, _("union status"))
DURATION = whole_number(0, 600)  # minutes a performer is driven, made up or dressed


def document_language(value: Any) -> str:
    """A document's language: en, zh or en+zh."""
    return validation.choice(value, ["EN", "ZH", "EN+ZH"], _("language (en, zh or en+zh)")).lower()


BASIS = one_of(RateBasis, _("rate basis"))
MEAL_PENALTIES = ("meal_penalty_first", "meal_penalty_second", "meal_penalty_later")
CALL_OFFSET = whole_number(-600, 600)

EDITABLE: dict[str, tuple[type[SQLModel], dict[str, Callable[[Any], Any] | RowRule]]] = {
    "production": (
        Production,
        {
            "title": NAME,
            "title_zh": NAME_ZH,
            "company": optional_text(200),
            # How the schedule is weighed and checked (Schedule → Settings).
            "max_eighths_per_day": required(whole_number(8, 400)),
            "max_minutes_per_day": required(whole_number(60, 1440)),
            "minutes_per_page": required(whole_number(1, 240)),
            "setup_minutes_per_scene": required(whole_number(0, 120)),
            "company_move_minutes": required(whole_number(0, 600)),
            "company_move_cost": MoneyAmount("base_currency", required=True),
            # A move's drive (studio.schedule.drives): the roads' detour, the speed, an hour's cost.
            "road_percent": required(whole_number(100, 500)),
            "drive_speed_kmh": required(whole_number(1, 200)),
            "drive_cost_per_hour": MoneyAmount("base_currency", required=True),
            "drop_pickup_min_gap_days": required(whole_number(1, 365)),
            "default_crew_call": required(validation.time_of_day),
            # Where a location without coordinates takes its sun times from.
            "base_city": optional_text(200),
            "base_latitude": validation.latitude,
            "base_longitude": validation.longitude,
            "reporting_currency": validation.currency,
            # Call sheets: how long cast are driven, made up and dressed; their language; the mail account.
            **dict.fromkeys(("pickup_minutes", "makeup_minutes", "wardrobe_minutes"), required(DURATION)),
            "document_language": document_language,
            "smtp_host": validation.host_name,
            "smtp_port": required(whole_number(1, 65535)),
            "smtp_security": one_of(SmtpSecurity, _("connection security")),
            "smtp_login": optional_text(200),
            "sender_address": validation.email,
        },
    ),
    "episode": (Episode, {"title": SHORT_TEXT, "title_zh": NAME_ZH, "synopsis": NOTES}),
    "scene": (Scene, {"synopsis": NOTES, "shots": whole_number(0, 999)}),
    "scene_adaptation": (
        SceneAdaptation,
        {
            "status": Status(),
            "adapter_note": NOTES,
            "cultural_note": NOTES,
            "confirmed": yes_or_no,
            "approved_original": ApprovedOriginal(),
            "approved_text": ApprovedText(),  # set with the status or the fingerprint; here for undo
        },
    ),
    "character": (
        Character,
        {
            "name": NAME,
            "name_zh": OwnChineseName(NAME_ZH, "name"),
            "cast_number": optional_positive_number,
            "headcount": BackgroundHeadcount(),
        },
    ),
    "breakdown_category": (
        BreakdownCategory,
        {"name": required_text(120), "name_zh": optional_text(120), "color": colour},
    ),
    "performer": (
        Performer,
        {
            "legal_name": NAME,
            "professional_name": SHORT_TEXT,
            "name_zh": OwnChineseName(NAME_ZH, "legal_name"),
            "union_status": UNION,
            "agent_name": SHORT_TEXT,
            "agent_phone": validation.phone,
            "agent_email": validation.email,
            "phone": validation.phone,
            "email": validation.email,
            "languages": SHORT_TEXT,
            "photo_path": optional_text(400),
            "notes": NOTES,
            **dict.fromkeys(("pickup_minutes", "makeup_minutes", "wardrobe_minutes"), DURATION),
            "date_of_birth": date_of_birth,
        },
    ),
    "cast_assignment": (
        CastAssignment,
        {
            "performer_id": Reference(Performer),
            "rate": RATE,
            "per_diem": MoneyAmount("currency"),
            "currency": CurrencyOf(("rate", "per_diem")),
            "rate_basis": BASIS,
            "guaranteed_days": required(whole_number(0, 366)),
            "overtime_rule_id": Reference(OvertimeRule),
            "travel_notes": NOTES,
        },
    ),
    "overtime_rule": (
        OvertimeRule,
        {
            "name": required_text(120),
            "first_threshold_hours": required(decimal_between(Decimal("0.1"), Decimal(24), places=2)),
            "first_factor": required(decimal_between(Decimal(1), Decimal(5), places=3)),
            "second_threshold_hours": decimal_between(Decimal("0.1"), Decimal(24), places=2),
            "second_factor": decimal_between(Decimal(1), Decimal(5), places=3),
            "increment_minutes": required(whole_number(1, 60)),
            "day_minimum": MoneyAmount("currency"),
            "week_minimum": MoneyAmount("currency"),
            "currency": CurrencyOf(("day_minimum", "week_minimum", *MEAL_PENALTIES)),
            "pension_health_percent": decimal_between(Decimal(0), Decimal(100), places=3),
            "notes": NOTES,
            # Meal penalties and the rest between days (studio.day_reports.pay).
            "meal_interval_minutes": required(whole_number(60, 24 * 60)),
            "meal_penalty_step_minutes": required(whole_number(1, 240)),
            **dict.fromkeys(MEAL_PENALTIES, MoneyAmount("currency")),
            "rest_hours": decimal_between(Decimal(1), Decimal(24), places=2),
            "forced_call_days": decimal_between(Decimal(0), Decimal(10), places=3),
        },
    ),
    "department": (
        Department,
        {
            "name": required_text(120),
            "name_zh": optional_text(120),
            "default_call_offset_minutes": required(CALL_OFFSET),
        },
    ),
    "crew_member": (
        CrewMember,
        {
            "name": NAME,
            "name_zh": NAME_ZH,
            "position": plain(optional_text(120)),
            "department_id": Reference(Department),
            "phone": validation.phone,
            "email": validation.email,
            "rate": RATE,
            "currency": CurrencyOf(("rate",)),
            "rate_basis": BASIS,
            "union_status": UNION,
            "languages": SHORT_TEXT,
            "call_offset_minutes": CALL_OFFSET,
            "notes": NOTES,
            "overtime_rule_id": Reference(OvertimeRule),
        },
    ),
    "location": (
        Location,
        {
            "name": NAME,
            "name_zh": NAME_ZH,
            "address": optional_text(400),
            "latitude": validation.latitude,
            "longitude": validation.longitude,
            "timezone": validation.timezone,
            "contact_name": optional_text(200),
            "contact_phone": validation.phone,
            "contact_email": validation.email,
            "fee_per_day": MoneyAmount("fee_currency"),
            "fee_currency": CurrencyOf(("fee_per_day",)),
            "parking": NOTES,
            "basecamp": NOTES,
            "hospital_name": optional_text(200),
            "hospital_address": optional_text(400),
            "hospital_phone": validation.phone,
            "permit_notes": NOTES,
            "notes": NOTES,
        },
    ),
    # The minutes typed for the drive between two locations (studio.drive_times).
    "location_drive": (LocationDrive, {**LOCATION_DRIVE, "minutes": required(whole_number(0, 600))}),
    "film_set": (FilmSet, {"name": NAME, "name_zh": NAME_ZH, "location_id": Reference(Location)}),
    "availability": (
        Availability,
        {
            "start_date": DateInRange("end_date", is_start=True),
            "end_date": DateInRange("start_date", is_start=False),
            "reason": optional_text(400),
        },
    ),
    "breakdown_element": (BreakdownElement, {"name": NAME, "name_zh": NAME_ZH}),
    "strip": (Strip, {"color": optional_colour, "banner_text": optional_text(400)}),
    "call_sheet": (
        CallSheet,
        {
            "crew_call": CallOrder(crew_call=True),
            "shooting_call": CallOrder(crew_call=False),
            **dict.fromkeys(("breakfast", "lunch", "dinner", "background_call"), validation.time_of_day),
            "weather_summary": optional_text(200),
            "temperature_high": whole_number(-80, 140),
            "temperature_low": whole_number(-80, 140),
            "rain_chance_percent": whole_number(0, 100),
            **dict.fromkeys(("safety_notes", "general_notes", "department_notes", "walkie_channels"), NOTES),
        },
    ),
    "budget_account": (
        BudgetAccount,
        {
            "code": plain(required_text(12)),
            "name": plain(required_text(200)),
            "name_zh": NAME_ZH,
            "percent": decimal_between(Decimal(0), Decimal(100)),
            "account_group": one_of(AccountGroup, _("account group")),
            "sort_order": required(whole_number(0, 100_000)),
        },
    ),
    "budget_line": (
        BudgetLine,
        {
            "description": ScheduleOwned(plain(required_text(400))),
            "amount_entry": ScheduleOwned(AmountEntry()),
            "unit": ScheduleOwned(one_of(LineUnit, _("unit"))),
            "multiplier": ScheduleOwned(required(decimal_between(Decimal(0), Decimal(100_000)))),
            "rate": ScheduleOwned(MoneyAmount("currency", required=True)),
            "currency": ScheduleOwned(CurrencyOf(("rate",))),
            "payee": ScheduleOwned(SHORT_TEXT),
            "fringe_codes": LineFringes(),
            "account_id": Reference(BudgetAccount),
            "notes": NOTES,
        },
    ),
    "budget_global": (
        BudgetGlobal,
        {"name": GlobalName(), "value_entry": GlobalValue(), "description": optional_text(200)},
    ),
    "fringe": (
        Fringe,
        {
            "code": plain(required_text(20)),
            "name": plain(required_text(120)),
            "kind": one_of(FringeKind, _("kind of fringe (percent or flat)")),
            "percent": decimal_between(Decimal(0), Decimal(100)),
            "flat_amount": MoneyAmount("currency"),
            "cap": MoneyAmount("currency"),
            "currency": CurrencyOf(("flat_amount", "cap")),
            "applies_to": one_of(FringeScope, _("which pay it goes on")),
        },
    ),
    "exchange_rate": (
        ExchangeRate,
        {
            "from_currency": StoredCurrency(),
            "to_currency": StoredCurrency(),
            "rate": required(decimal_between(Decimal("0.00000001"), Decimal(1_000_000_000), places=8)),
            "effective_date": validation.date,
        },
    ),
    "cost_entry": (
        CostEntry,
        {
            "account_id": Reference(BudgetAccount),
            "entry_date": validation.date,
            "vendor": SHORT_TEXT,
            "description": plain(optional_text(400)),
            "amount": MoneyAmount("currency", required=True),
            "currency": CurrencyOf(("amount",)),
            "status": one_of(CostStatus, _("paid or committed")),
            "reference": plain(optional_text(120)),
        },
    ),
    "performer_day": (
        PerformerDay,
        {
            "day": PerformerDate(),
            "kind": one_of(PerformerDayKind, _("kind of call (travel, rehearsal or fitting)")),
            "notes": optional_text(400),
        },
    ),
    "call_time": (
        CallTime,
        {
            **dict.fromkeys(("pickup", "makeup", "wardrobe", "on_set"), validation.time_of_day),
            "remarks": optional_text(400),
        },
    ),
    # The daily production report (studio.day_reports).
    "day_report": (
        DayReport,
        {
            **dict.fromkeys(
                ("crew_call", "shooting_call", "first_shot", "first_shot_after_lunch", "camera_wrap", "last_out"),
                CLOCK_TIME,
            ),
            **dict.fromkeys(("lunch", "second_meal"), MEAL),
            "notes": NOTES,
        },
    ),
    "day_report_time": (
        DayReportTime,
        {
            **dict.fromkeys(("call", "makeup", "on_set", "wrap", "out"), CLOCK_TIME),
            **dict.fromkeys(("first_meal", "second_meal"), MEAL),
            "count": PlayersCount(required(whole_number(0, 10_000))),
            "travel_minutes": required(whole_number(0, 24 * 60)),
            "remarks": optional_text(400),
        },
    ),
    "day_report_scene": (
        DayReportScene,
        {
            "scene_id": SceneAdded(),
            "outcome": Outcome(),
            "eighths_shot": EighthsShot(),
            "screen_seconds": screen_seconds,
            "setups": whole_number(0, 1000),
            "remarks": optional_text(400),
        },
    ),
    "day_report_note": (
        DayReportNote,
        {
            "kind": one_of(ReportNoteKind, _("kind of note (delay, incident or department)")),
            "reason": delay_reason,
            "minutes": whole_number(0, 24 * 60),
            "department_id": ReportDepartment(),
            "text": NOTES,
        },
    ),
    "shoot_day": (
        ShootDay,
        {
            "notes": NOTES,
            "shoot_date": ShootDate(),
            "unit": ShootDayUnit(required(whole_number(1, 20))),
            "kind": one_of(ShootDayKind, _("kind of day")),
            "day_number": optional_positive_number,  # the app's to keep (renumber_days); here for undo
        },
    ),
}


def set_fields(
    session: Session, entity: str, row_id: int, values: dict[str, Any], seen_version: int | None = None
) -> list[FieldChange]:
    """Change several fields of one row together (e.g. a details dialog); only actual changes are returned,
    each with the fields its rule sets besides (`RowRule.also`), changed or not, to be put back with it.

    `seen_version` is the row's version as the person editing saw it: if someone else has saved the row
    since, nothing is changed (ChangedElsewhere) rather than writing over their work. The UPDATE itself
    carries it (see `set_field`). Together they may not make a budget figure too large (budget.limits)."""

    def apply() -> list[FieldChange]:
        changes, version = [], seen_version
        for field, value in values.items():
            row, also = session.get(EDITABLE[entity][0], row_id), _also_set(entity, field)
            before = {name: getattr(row, name) for name in also} if row is not None else {}
            change = set_field(session, entity, row_id, field, value, version, within_limits=False)
            if version is not None:
                version = change.version  # the row as this save has left it
            side = [
                FieldChange(entity, row_id, name, old, getattr(row, name), change.version)
                for name, old in before.items()
            ]
            if any(done.old != done.new for done in (change, *side)):
                changes += [change, *side]
        return changes

    return _within_budget_limits(session, entity, row_id, values, apply)


def _also_set(entity: str, field: str) -> tuple[str, ...]:
    rule = EDITABLE[entity][1].get(field) if entity in EDITABLE else None
    return rule.also if isinstance(rule, RowRule) else ()


def _within_budget_limits(session: Session, entity: str, row_id: int, fields: Any, apply: Callable[[], Any]) -> Any:
    """Run an edit, refused if it would make a budget figure beyond the limit of 15 significant digits."""
    from studio.budget import limits  # here: only an edit of what the budget is worked out from needs it

    row = session.get(EDITABLE[entity][0], row_id) if entity in EDITABLE else None
    if row is None or not limits.watched(entity, fields):
        return apply()
    return limits.within_limits(session, limits.production_of(session, entity, row), apply)


def put_back(session: Session, changes: list[FieldChange], *, to_new: bool) -> list[FieldChange]:
    """Undo (or redo) edits: each field back to its old (or new) value, unless someone else has changed it
    since, whose change is then kept (ChangedElsewhere).

    Each row's version is taken as its field is checked, and the UPDATE carries that version: a
    colleague's save between the check and the write makes it match no row (refused), never lost."""
    seen: dict[tuple[str, int], int] = {}
    for change in changes:
        row = session.get(EDITABLE[change.entity][0], change.row_id)
        if row is None:
            continue  # set_field says it is gone
        if getattr(row, change.field) != (change.old if to_new else change.new):
            raise changed_elsewhere()
        seen.setdefault((change.entity, change.row_id), row.version)
    result = []
    for change in changes:
        key = (change.entity, change.row_id)
        done = set_field(
            session, change.entity, change.row_id, change.field, change.new if to_new else change.old, seen.get(key)
        )
        if key in seen:
            seen[key] = done.version
        # From what the field held before this step, not after a rule set it on the way (`RowRule.also`).
        result.append(replace(done, old=change.old if to_new else change.new))
    return result


def set_field(
    session: Session,
    entity: str,
    row_id: int,
    field: str,
    value: Any,
    seen_version: int | None = None,
    *,
    within_limits: bool = True,
) -> FieldChange:
    """Change one field of one row; return what it was and what it is now.

    With `seen_version` (the row's version as the person saw it) the UPDATE is made from that version
    (`... WHERE id = :id AND version = :seen`), whatever version this session holds or loads now: a row
    someone else saved meanwhile, even between this read and the write, matches nothing and the save is
    refused (ChangedElsewhere). An edit that would make a budget figure too large is refused
    (budget.limits); `within_limits=False` leaves that to the caller."""
    if within_limits:
        args = (session, entity, row_id, field, value, seen_version)
        return _within_budget_limits(session, entity, row_id, [field], lambda: set_field(*args, within_limits=False))
    try:
        model, rules = EDITABLE[entity]
        clean = rules[field]
    except KeyError:
        raise InvalidInput(_("{field} cannot be edited here").format(field=f"{entity}.{field}")) from None
    row = session.get(model, row_id)
    if row is None:
        raise InvalidInput(_("this entry no longer exists (another window may have removed it)"))
    if seen_version is not None:
        if row.version != seen_version:
            raise changed_elsewhere()  # already known: no need to try
        # What the UPDATE's WHERE compares, kept even if the row was loaded before the check.
        set_committed_value(row, "version", seen_version)
    old = getattr(row, field)
    if isinstance(clean, RowRule):
        clean.assign(row, field, value)
    else:
        setattr(row, field, clean(value))
    new = getattr(row, field)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError:
        setattr(row, field, old)
        raise InvalidInput(_("another entry already has the value {value}").format(value=repr(new))) from None
    except StaleDataError:
        raise changed_elsewhere() from None
    return FieldChange(entity, row_id, field, old, new, row.version)
