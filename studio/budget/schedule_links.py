"""Budget lines the schedule keeps up to date.

- Cast: each performer's paid days from Day Out of Days (work, hold, travel, rehearsal, fitting; at
  least the deal's guaranteed days) at their deal's rate, in account 1400.
- Overtime allowance: each performer's work days × the OT_HOURS global at the overtime rate of their pay
  preset (the day rate over the preset's hours × its first factor), in 1400.
- Per diem: their paid days at the deal's per diem, in 1500 Travel & Living.
- Crew: each paid crew member for SHOOT_DAYS, in the account of their position or department (the chart
  of accounts template says which).
- Locations: each location's days on the schedule at its fee, in 3600; company moves at the
  production's move cost, in 3500.
- Globals SHOOT_DAYS and EPISODES follow the schedule and the script.

The schedule owns a linked line's amount, rate, currency, unit, payee and description; the producer
owns its account, fringes and notes. `schedule_changes` says what the schedule changed since the lines
were stored, and `sync_schedule_lines` stores it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import delete, func
from sqlmodel import Session, select

from studio import vocabulary
from studio.budget.calculation import BudgetInputs, Global, Line
from studio.budget.formulas import OT_HOURS
from studio.budget.inputs import load_inputs
from studio.budget.line_fields import store
from studio.budget.rules import is_linked
from studio.i18n import _, local_name
from studio.models import (
    BudgetGlobal,
    BudgetLine,
    BudgetLineFringe,
    CastAssignment,
    Character,
    CrewMember,
    Department,
    Episode,
    Location,
    OvertimeRule,
    Performer,
    Production,
)
from studio.models.budget import entry_of
from studio.models.enums import LineUnit, RateBasis, UnionStatus
from studio.money import round_to_currency
from studio.resources import load_json
from studio.schedule.analysis import BoardAnalysis
from studio.schedule.board import Board
from studio.schedule.board_loading import load_board

CAST_ACCOUNT, TRAVEL_ACCOUNT, STAFF_ACCOUNT, TRANSPORT_ACCOUNT, LOCATION_ACCOUNT = (
    "1400",
    "1500",
    "2000",
    "3500",
    "3600",
)
SHOOT_DAYS, EPISODES = "SHOOT_DAYS", "EPISODES"
LINKED_GLOBALS = {
    "schedule:shoot_days": (SHOOT_DAYS, "Shoot days (from the schedule)"),
    "script:episodes": (EPISODES, "Episodes (from the script)"),
}
DEFAULT_OT_HOURS = Decimal(2)
OT_HOURS_DESCRIPTION = "Overtime hours a performer works a day, on average"


def shown_description(description: str) -> str:
    """A global's description as the schedule wrote it (stored in English), in the user's language."""
    known = {
        "Shoot days (from the schedule)": _("Shoot days (from the schedule)"),
        "Episodes (from the script)": _("Episodes (from the script)"),
        "Shoot days": _("Shoot days"),  # as the demo names them
        "Episodes": _("Episodes"),
        OT_HOURS_DESCRIPTION: _("Overtime hours a performer works a day, on average"),
    }
    return known.get(description, description)


@dataclass
class Linked:
    """A line as the schedule says it should be."""

    source: str
    account_code: str
    description: str
    amount: Decimal = Decimal(1)
    formula: str = ""
    unit: str = LineUnit.DAY.value
    rate: Decimal = Decimal(0)
    currency: str = "USD"
    payee: str = ""
    wages: bool = False  # pay that payroll fringes go on
    union: bool = False  # a union performer's pay (pension & health)
    # The description and payee in the user's language, for screens (those stored are always the above).
    shown: str = ""
    shown_payee: str = ""

    def __post_init__(self) -> None:
        self.shown = self.shown or self.description
        self.shown_payee = self.shown_payee or self.payee

    def owned(self) -> tuple:
        return (self.description, self.amount, self.formula, self.unit, self.rate, self.currency, self.payee)


@dataclass(frozen=True)
class LinkChange:
    kind: str  # "added", "changed", "removed", "global"
    what: str
    before: str
    after: str

    def __str__(self) -> str:
        if self.kind == "added":
            return _("added {what}: {after}").format(what=self.what, after=self.after)
        if self.kind == "removed":
            return _("removed {what} (was {before})").format(what=self.what, before=self.before)
        return _("{what}: {before} → {after}").format(what=self.what, before=self.before, after=self.after)


@dataclass
class Links:
    lines: list[Linked] = field(default_factory=list)
    globals: dict[str, Decimal] = field(default_factory=dict)  # by source
    # What each date costs before fringes: (amount, currency) for each person and place paid that day.
    daily: dict[dt.date, list[tuple[Decimal, str]]] = field(default_factory=lambda: defaultdict(list))


def schedule_links(session: Session, production_id: int) -> Links:
    production = session.get(Production, production_id)
    board = load_board(session, production_id)
    links = Links()
    links.globals["schedule:shoot_days"] = Decimal(len(board.days))
    episodes = session.exec(select(func.count()).select_from(Episode).where(Episode.production_id == production_id))
    links.globals["script:episodes"] = Decimal(episodes.one())
    analysis = BoardAnalysis(board)
    links.lines += _cast_lines(session, analysis, links.daily)
    links.lines += _crew_lines(session, production)
    links.lines += _location_lines(session, analysis, production, links.daily)
    for line in links.lines:
        if line.source.startswith("crew:") and line.unit == LineUnit.DAY.value:
            for day in board.days:
                links.daily[day.date].append((line.rate, line.currency))
    return links


def _cast_lines(session: Session, analysis: BoardAnalysis, daily: dict) -> list[Linked]:
    board, schedule = analysis.board, analysis.dood
    dood = {row.performer_id: row for row in schedule.rows}
    deals: dict[int, tuple[CastAssignment, Character, Performer, OvertimeRule | None]] = {}
    statement = (
        select(CastAssignment, Character, Performer, OvertimeRule)
        .join(Character, CastAssignment.character_id == Character.id)
        .join(Performer, CastAssignment.performer_id == Performer.id)
        .join(OvertimeRule, CastAssignment.overtime_rule_id == OvertimeRule.id, isouter=True)
        .where(Character.production_id == board.production_id, Character.is_background.is_(False))
        .order_by(Character.cast_number, Character.name)
    )
    for deal, character, performer, preset in session.exec(statement):
        kept = deals.get(performer.id)
        if deal.rate is not None and (kept is None or deal.rate.amount > (kept[0].rate or deal.rate).amount):
            deals[performer.id] = (deal, character, performer, preset)
    lines = []
    for performer_id, (deal, character, performer, preset) in deals.items():
        row = dood.get(performer_id)
        paid = max(row.paid if row else 0, deal.guaranteed_days)
        work = row.work if row else 0
        name = performer.billed_name
        role = f"#{character.cast_number} {character.name}" if character.cast_number else character.name
        local = local_name(name, performer.name_zh)
        local_role = local_name(character.name, character.name_zh)
        local_role = f"#{character.cast_number} {local_role}" if character.cast_number else local_role
        union = performer.union_status == UnionStatus.SAG_AFTRA.value
        counts = _day_counts(row, deal.guaranteed_days)
        unit, amount, formula = _cast_amount(deal.rate_basis, paid, board)
        if row is not None and unit == LineUnit.DAY.value:
            for day, code in zip(schedule.dates, row.codes, strict=True):
                if code and code != "D":
                    daily[day].append((deal.rate.amount, deal.currency))
        lines.append(
            Linked(
                f"cast:{performer_id}",
                CAST_ACCOUNT,
                f"{name} as {role} ({counts})",
                amount,
                formula=formula,
                unit=unit,
                rate=deal.rate.amount,
                currency=deal.currency,
                payee=name,
                wages=True,
                union=union,
                shown_payee=local,
                shown=_("{name} as {role} ({days})").format(
                    name=local, role=local_role, days=_day_counts_shown(row, deal.guaranteed_days)
                ),
            )
        )
        if preset is not None and deal.rate_basis in (RateBasis.DAY.value, RateBasis.DAY_12H.value) and work:
            hours = Decimal(12) if deal.rate_basis == RateBasis.DAY_12H.value else preset.first_threshold_hours
            factor = preset.second_factor if deal.rate_basis == RateBasis.DAY_12H.value else preset.first_factor
            factor = factor or preset.first_factor
            lines.append(
                Linked(
                    f"overtime:{performer_id}",
                    CAST_ACCOUNT,
                    f"{name}: overtime allowance, {work} work days × {OT_HOURS} h at {factor.normalize()}×",
                    formula=f"{work} * {OT_HOURS}",
                    unit=LineUnit.HOUR.value,
                    rate=round_to_currency(deal.rate.amount / hours * factor, deal.currency),
                    currency=deal.currency,
                    payee=name,
                    wages=True,
                    union=union,
                    shown_payee=local,
                    shown=_("{name}: overtime allowance, {work} work days × {hours} h at {factor}×").format(
                        name=local, work=work, hours=OT_HOURS, factor=factor.normalize()
                    ),
                )
            )
        if deal.per_diem is not None and paid:
            lines.append(
                Linked(
                    f"per-diem:{performer_id}",
                    TRAVEL_ACCOUNT,
                    f"{name}: per diem, {paid} days",
                    Decimal(paid),
                    rate=deal.per_diem.amount,
                    currency=deal.currency,
                    payee=name,
                    shown_payee=local,
                    shown=_("{name}: per diem, {days} days").format(name=local, days=paid),
                )
            )
    return lines


def _day_counts(row, guaranteed: int) -> str:
    if row is None:
        return f"{guaranteed} guaranteed"
    parts = [f"{row.work} work", f"{row.hold} hold"]
    parts += [f"{count} {kind}" for kind, count in (("travel", row.travel), ("rehearsal", row.rehearsal)) if count]
    if row.fitting:
        parts.append(f"{row.fitting} fitting")
    if guaranteed > row.paid:
        parts.append(f"{guaranteed} guaranteed")
    return ", ".join(parts)


def _day_counts_shown(row, guaranteed: int) -> str:
    """The days counted, in the user's language (the stored description has them in English)."""
    if row is None:
        return _("{count} guaranteed").format(count=guaranteed)
    parts = [_("{count} work").format(count=row.work), _("{count} hold").format(count=row.hold)]
    if row.travel:
        parts.append(_("{count} travel").format(count=row.travel))
    if row.rehearsal:
        parts.append(_("{count} rehearsal").format(count=row.rehearsal))
    if row.fitting:
        parts.append(_("{count} fitting").format(count=row.fitting))
    if guaranteed > row.paid:
        parts.append(_("{count} guaranteed").format(count=guaranteed))
    return _(", ").join(parts)


def _cast_amount(basis: str, paid: int, board: Board) -> tuple[str, Decimal, str]:
    """The unit, and the amount as a number or (when it is not a whole number) an exact formula."""
    if basis == RateBasis.WEEK.value:
        return LineUnit.WEEK.value, Decimal(paid), f"{paid} / 5"
    if basis == RateBasis.HOUR.value:
        return LineUnit.HOUR.value, Decimal(paid), f"{paid} * {board.limits.minutes} / 60"
    if basis == RateBasis.FLAT.value:
        return LineUnit.FLAT.value, Decimal(1), ""
    return LineUnit.DAY.value, Decimal(paid), ""


def _crew_lines(session: Session, production: Production) -> list[Linked]:
    by_position, by_department = _crew_accounts()
    statement = (
        select(CrewMember, Department)
        .join(Department, CrewMember.department_id == Department.id, isouter=True)
        .where(CrewMember.production_id == production.id, CrewMember.rate_minor.is_not(None))
        .order_by(Department.sort_order, CrewMember.id)
    )
    lines = []
    for member, department in session.exec(statement):
        account = by_position.get(member.position.strip().lower()) or by_department.get(
            (department.name if department else "").strip().lower(), STAFF_ACCOUNT
        )
        unit, formula = {
            RateBasis.WEEK.value: (LineUnit.WEEK.value, f"{SHOOT_DAYS} / 5"),
            RateBasis.HOUR.value: (LineUnit.HOUR.value, f"{SHOOT_DAYS} * {production.max_minutes_per_day} / 60"),
            RateBasis.FLAT.value: (LineUnit.FLAT.value, ""),
        }.get(member.rate_basis, (LineUnit.DAY.value, SHOOT_DAYS))
        position = f"{member.position}: " if member.position else ""
        local = local_name(member.name, member.name_zh)
        local_position = local_name(member.position, vocabulary.chinese("positions", member.position))
        lines.append(
            Linked(
                f"crew:{member.id}",
                account,
                f"{position}{member.name}",
                formula=formula,
                unit=unit,
                rate=member.rate.amount,
                currency=member.currency,
                payee=member.name,
                wages=True,
                shown_payee=local,
                shown=_("{position}: {name}").format(position=local_position, name=local) if member.position else local,
            )
        )
    return lines


def _crew_accounts() -> tuple[dict[str, str], dict[str, str]]:
    positions, departments = {}, {}
    for account in load_json("templates/chart_of_accounts.json")["accounts"]:
        positions.update({name.lower(): account["code"] for name in account.get("positions", [])})
        departments.update({name.lower(): account["code"] for name in account.get("departments", [])})
    return positions, departments


def _location_lines(session: Session, analysis: BoardAnalysis, production: Production, daily: dict) -> list[Linked]:
    days: dict[int, list[dt.date]] = defaultdict(list)
    moves = driving = 0
    for day in analysis.board.days:
        totals = analysis.totals[day.id]
        for location_id in totals.locations:
            days[location_id].append(day.date)
        moves += totals.moves
        driving += totals.driving
    lines = []
    paid_locations = select(Location).where(Location.id.in_(days), Location.fee_per_day_minor.is_not(None))
    for location in session.exec(paid_locations.order_by(Location.name)):
        count = len(days[location.id])
        for day in days[location.id]:
            daily[day].append((location.fee_per_day.amount, location.fee_currency))
        lines.append(
            Linked(
                f"location:{location.id}",
                LOCATION_ACCOUNT,
                f"{location.name}: {count} days",
                Decimal(count),
                rate=location.fee_per_day.amount,
                currency=location.fee_currency,
                shown=_("{location}: {count} days").format(
                    location=local_name(location.name, location.name_zh), count=count
                ),
            )
        )
    if moves:
        lines.append(
            Linked(
                "company-moves",
                TRANSPORT_ACCOUNT,
                f"Company moves: {moves}",
                Decimal(moves),
                unit=LineUnit.ALLOW.value,
                rate=production.company_move_cost.amount,
                currency=production.base_currency,
                shown=_("Company moves: {count}").format(count=moves),
            )
        )
    if driving:  # each move's drive at the hour's cost, rounded per move as the schedule counts it
        drives = analysis.cost.moves - moves * production.company_move_cost.amount
        lines.append(
            Linked(
                "company-drives",
                TRANSPORT_ACCOUNT,
                f"Company moves: {driving} min driving",
                Decimal(1),
                unit=LineUnit.ALLOW.value,
                rate=drives,
                currency=production.base_currency,
                shown=_("Company moves: {minutes} min driving").format(minutes=driving),
            )
        )
    return lines


@dataclass
class LinkPlan:
    """What the schedule changes in a budget: applied in memory by `apply_links`, stored by `sync`."""

    changes: list[LinkChange] = field(default_factory=list)
    updated: list[Line] = field(default_factory=list)
    added: list[Line] = field(default_factory=list)
    removed: list[Line] = field(default_factory=list)
    globals_updated: list[Global] = field(default_factory=list)
    globals_added: list[Global] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.updated or self.added or self.removed or self.globals_updated or self.globals_added)


def apply_links(inputs: BudgetInputs, links: Links) -> LinkPlan:
    """Bring the budget in memory up to what the schedule says (nothing is stored); return the plan."""
    plan = LinkPlan()
    _apply_globals(inputs, links, plan)
    accounts = {account.code: account.id for account in inputs.accounts}
    if not accounts:
        return plan
    fallback = inputs.accounts[0].id
    stored = {line.source: line for line in inputs.lines if line.source}
    next_order: dict[int, int] = defaultdict(int)
    for line in inputs.lines:
        next_order[line.account_id] = max(next_order[line.account_id], line.sort_order + 1)
    new_id = min([0, *(line.id for line in inputs.lines)]) - 1
    for wanted in links.lines:
        line = stored.pop(wanted.source, None)
        if line is None:
            account_id = accounts.get(wanted.account_code, fallback)
            line = Line(new_id, account_id, "", source=wanted.source, sort_order=next_order[account_id])
            line.fringe_ids = _default_fringes(inputs, wanted)
            new_id -= 1
            next_order[account_id] += 1
            _take(line, wanted)
            inputs.lines.append(line)
            plan.added.append(line)
            plan.changes.append(LinkChange("added", wanted.shown, "", _cost(line)))
        elif _owned(line) != wanted.owned():
            before = _cost(line)
            _take(line, wanted)
            plan.updated.append(line)
            if before != _cost(line):
                plan.changes.append(LinkChange("changed", wanted.shown, before, _cost(line)))
    for line in stored.values():
        if is_linked(line.source):
            inputs.lines.remove(line)
            plan.removed.append(line)
            plan.changes.append(LinkChange("removed", line.description, _cost(line), ""))
    return plan


def _apply_globals(inputs: BudgetInputs, links: Links, plan: LinkPlan) -> None:
    by_source = {item.source: item for item in inputs.globals if item.source}
    by_name = {item.name: item for item in inputs.globals}
    new_id = min([0, *(item.id for item in inputs.globals)]) - 1
    wanted = {
        source: (name, description, links.globals[source]) for source, (name, description) in LINKED_GLOBALS.items()
    }
    if OT_HOURS not in by_name:
        wanted[""] = (OT_HOURS, OT_HOURS_DESCRIPTION, DEFAULT_OT_HOURS)
    for source, (name, description, value) in wanted.items():
        item = by_source.get(source) if source else None
        item = item or by_name.get(name)
        if item is None:
            item = Global(new_id, name, value, "", source, description)
            new_id -= 1
            inputs.globals.append(item)
            plan.globals_added.append(item)
            plan.changes.append(LinkChange("added", name, "", entry_of(value, "")))
        elif (item.value, item.formula, item.source) != (value, "", source) and source:
            before = entry_of(item.value, item.formula)
            item.value, item.formula, item.source = value, "", source
            plan.globals_updated.append(item)
            if before != entry_of(value, ""):
                plan.changes.append(LinkChange("global", name, before, entry_of(value, "")))


def _default_fringes(inputs: BudgetInputs, wanted: Linked) -> tuple[int, ...]:
    chosen = []
    for fringe in inputs.fringes:
        applies = (fringe.applies_to == "wages" and wanted.wages) or (fringe.applies_to == "union" and wanted.union)
        if applies and fringe.currency == wanted.currency:
            chosen.append(fringe.id)
    return tuple(chosen)


def _owned(line: Line) -> tuple:
    return (line.description, line.amount, line.formula, line.unit, line.rate, line.currency, line.payee)


def _take(line: Line, wanted: Linked) -> None:
    line.description, line.amount, line.formula = wanted.description, wanted.amount, wanted.formula
    line.unit, line.rate, line.currency, line.payee = wanted.unit, wanted.rate, wanted.currency, wanted.payee
    line.multiplier = Decimal(1)


def _cost(line: Line) -> str:
    amount = entry_of(line.amount, line.formula)
    return f"{amount} {line.unit.lower()} × {line.rate:f} {line.currency}"


def sync_schedule_lines(session: Session, production_id: int) -> list[LinkChange]:
    """Store what the schedule changed in the budget's linked lines and globals; return the changes."""
    inputs = load_inputs(session, production_id)
    return store_plan(session, production_id, apply_links(inputs, schedule_links(session, production_id)))


def store_plan(session: Session, production_id: int, plan: LinkPlan) -> list[LinkChange]:
    """Store a plan `apply_links` made (for one already worked out in memory: no second look at the board)."""
    if not plan:
        return []
    for item in plan.globals_added:
        session.add(
            BudgetGlobal(
                production_id=production_id,
                name=item.name,
                value=item.value,
                source=item.source,
                description=item.description,
            )
        )
    for item in plan.globals_updated:
        row = session.get(BudgetGlobal, item.id)
        row.value, row.formula, row.source = item.value, item.formula, item.source
    for line in plan.updated:
        store(session.get(BudgetLine, line.id), line)
    for line in plan.added:
        row = BudgetLine(account_id=line.account_id, sort_order=line.sort_order, source=line.source, description="")
        store(row, line)
        session.add(row)
        session.flush()
        session.add_all(BudgetLineFringe(line_id=row.id, fringe_id=fringe_id) for fringe_id in line.fringe_ids)
    if plan.removed:
        session.execute(delete(BudgetLine).where(BudgetLine.id.in_([line.id for line in plan.removed])))
    session.flush()
    return plan.changes
