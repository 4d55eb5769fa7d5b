"""Edits that would make a budget figure too large are refused, before anything is saved.

Every line, fringe, account, group, total and cost-report figure must stay within studio.money's limit
(15 significant digits in minor units: all a spreadsheet's number holds exactly, so the app, the JSON and
the workbook agree to the cent). A typed amount is checked by its rule (validation.amount); what is
worked out (a formula over globals × multiplier × rate, converted at a rate of exchange, summed) can only
be checked by working the budget out. So an edit of anything the budget is worked out from is made in a
savepoint, the budget worked out again — in the production's currency and in each currency its rates
convert to, as the budget can be seen in any of them — and if a figure is beyond the limit that was not
before, the savepoint is rolled back and the edit refused, naming the figure (a global that many
formulas use names the first line and how many more). A budget already beyond the limit (stored before
this rule) is no reason to refuse an edit that makes it no worse.

Working the budget out again costs the schedule's board and a calculation per currency (150–500 ms on the
demo), so first a cheap upper bound on every figure is tried (`proven_within`, from the stored inputs and
a few small queries, no board): an ordinary edit leaves the bound far below the limit and is kept without
the full check (`too_large`), which runs only when the bound cannot prove it (its docstring says why the
bound is one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import func, or_
from sqlmodel import Session, select

from studio.budget.calculation import (
    BudgetInputs,
    Calculation,
    FringeRule,
    Global,
    Problem,
    TooLarge,
    _globals,
    _quantity,
)
from studio.budget.cost_report import cost_entries, cost_report
from studio.budget.formulas import OT_HOURS
from studio.budget.line_fields import COLUMNS, FIGURES, line_of
from studio.budget.rules import is_linked
from studio.budget.schedule_links import SHOOT_DAYS, Links, apply_links, schedule_links
from studio.budget.totals import _budget_with_links
from studio.errors import InvalidInput
from studio.exchange import RateTable, inverse_rate
from studio.i18n import _
from studio.models import (
    BudgetAccount,
    BudgetGlobal,
    BudgetLine,
    CastAssignment,
    Character,
    CostEntry,
    CrewMember,
    Episode,
    ExchangeRate,
    FilmSet,
    Fringe,
    Location,
    OvertimeRule,
    Performer,
    PerformerDay,
    Production,
    ShootDay,
    Strip,
)
from studio.models.enums import AccountGroup, ShootDayKind
from studio.money import largest_amount, minor_unit_digits
from studio.storage.withheld import withholds_money

T = TypeVar("T")
LONGEST_DRIVE_HOURS = 24  # no drive is worked out longer (studio.schedule.drives)
EVERY = None
# What the budget is worked out from: each entity, and its fields that count (EVERY: all of them).
WATCHED: dict[str, frozenset[str] | None] = {
    "budget_line": FIGURES,
    "budget_global": frozenset({"value_entry", "name"}),
    "fringe": frozenset({"kind", "percent", "flat_amount", "cap", "currency", "applies_to"}),
    "exchange_rate": EVERY,
    "budget_account": frozenset({"percent", "account_group"}),
    "cost_entry": frozenset({"account_id", "entry_date", "amount", "currency"}),
    "production": frozenset({"reporting_currency", "company_move_cost", "drive_cost_per_hour"}),
    "cast_assignment": frozenset({"rate", "per_diem", "currency", "rate_basis", "guaranteed_days"}),
    "crew_member": frozenset({"rate", "currency", "rate_basis"}),
    "location": frozenset({"fee_per_day", "fee_currency"}),
    "overtime_rule": EVERY,
}


def watched(entity: str, fields: Any) -> bool:
    """Whether editing these fields of this entity can change a budget figure."""
    if entity not in WATCHED:
        return False
    chosen = WATCHED[entity]
    return chosen is EVERY or any(field in chosen for field in fields)


def production_of(session: Session, entity: str, values: Any) -> int:
    """The production a row (or a new row's owner columns, as a dict) belongs to."""
    get = values.get if isinstance(values, dict) else lambda name: getattr(values, name, None)
    if entity == "production":
        return get("id")
    if get("production_id") is not None:
        return get("production_id")
    if get("account_id") is not None:
        return session.get(BudgetAccount, get("account_id")).production_id
    return session.get(Character, get("character_id")).production_id


def within_limits(session: Session, production_id: int, apply: Callable[[], T]) -> T:
    """Run an edit (`apply`) and keep it only if it leaves no new budget figure beyond the limit."""
    if withholds_money(session):
        # A crew login reads no money and no budget table, so it changes neither: at most a deal's
        # guaranteed days, and 366 days × the largest rate (validation.MAX_AMOUNT) is far within the limit.
        return apply()
    savepoint = session.begin_nested()
    try:
        result = apply()
        after = [] if proven_within(session, production_id) else too_large(session, production_id)
    except BaseException:
        if savepoint.is_active:
            savepoint.rollback()
        raise
    if not after:
        savepoint.commit()
        return result
    savepoint.rollback()
    before = {_key(currency, problem) for currency, problem in too_large(session, production_id)}
    new = [(currency, problem) for currency, problem in after if _key(currency, problem) not in before]
    if new:
        message = _("this change would make a figure too large: {problem}").format(problem=new[0][1])
        if len(new) > 1:
            message = _("{message} (and {count} more)").format(message=message, count=len(new) - 1)
        raise InvalidInput(message)
    return apply()  # the budget was already this far beyond the limit: the edit makes it no worse


def too_large(session: Session, production_id: int) -> list[tuple[str, Problem]]:
    """Every figure beyond the limit, in the production's currency and each one its rates convert to."""
    session.flush()
    production = session.get(Production, production_id)
    rates = session.exec(select(ExchangeRate).where(ExchangeRate.production_id == production_id))
    currencies = dict.fromkeys([production.reporting_currency or production.base_currency])
    for rate in rates:
        currencies.update(dict.fromkeys([rate.from_currency, rate.to_currency]))
    entries, links = cost_entries(session, production_id), schedule_links(session, production_id)
    found = []
    for currency in currencies:
        current = _budget_with_links(session, production_id, links, currency)
        report = cost_report(current, entries)
        found += [(currency, problem) for problem in report.problems if problem.too_large]
    return found


def _key(currency: str, problem: Problem) -> tuple:
    return (currency, problem.entity, problem.row_id, problem.where)


def proven_within(session: Session, production_id: int) -> bool:
    """Whether a cheap upper bound proves every figure `too_large` looks at within the limit, in every
    currency it looks at (False: not proven, so the budget must be worked out).

    The bound, for a report currency C (every figure is a sum of signed parts; its size is at most the sum
    of their sizes, so sizes are added throughout, and each rounding adds at most half a minor unit ≤ 1):
    - fx(X→C) is the largest factor any stored rate gives from X to C (a direct rate, or the inverse of
      the opposite one as exchange.inverse_rate rounds it), over every date: at least the latest rate a
      line uses and the dated one an actual uses. 1 for X = C; 0 with no rate, where the calculation
      cannot convert and the line (or actual) is a problem, not a figure.
    - The lines are those `apply_links` leaves: the stored ones but the schedule's (it replaces or
      removes every linked line), whose quantity (`_quantity`, over the globals with SHOOT_DAYS and
      EPISODES as the schedule sets them) is worked out exactly; a line whose quantity cannot be is a
      problem, never a figure (one too large to work out is not proven). Then one stand-in for each line
      the schedule can add, its quantity bounded from above: a deal's paid days ≤ the shoot days plus
      every performer call (the Day Out of Days' columns), at least its guaranteed days and 1; a week's fifth,
      an hour's minutes / 60 and a flat 1 are ≤ max(1, max minutes a day / 60) (= H) times that; overtime
      ≤ those days × OT_HOURS at rate / min(12, the preset's hours) × its larger factor (+1, rounded); per
      diem ≤ paid days × per diem; a crew member ≤ max(1, SHOOT_DAYS) × H at their rate; a location (the
      production's, or any its sets are at) ≤ the shoot days at its fee; company moves ≤ the strips × the
      move cost. Every deal, crew member and location with a rate counts, whether the schedule uses it
      or not: more, never less.
    - A line's total in its currency T ≤ |quantity × multiplier × rate| + 1. Each fringe — all the
      production's, attached or not — on it is ≤ |percent|/100 × |capped| + flat × people + 1, where
      |capped| ≤ T + cap × people (a cap per person times the multiplier; a payee's running cap is ≤ T),
      people ≤ max(1, |multiplier|), and a cap or flat amount in another currency ≤ itself × fx + 1. So
      the line and its fringes in its own currency are ≤ V = T × (1 + P_f) + K × people + n_f (P_f: every
      fringe's |percent|/100 summed; K: each fringe's |percent|/100 × (cap × fx + 1) + flat × fx + 1
      summed; n_f: how many fringes); that V
      within the line currency's limit proves the line's own-currency figures are.
    - Converted (each part rounded once): ≤ V × fx(X→C) + 1 + n_f. Their sum over lines, S, bounds every
      account, fringe, group and the direct total; a totals account's percent adds ≤ S × |p|/100 + 1,
      so the grand total (and the sum of every account's size) is ≤ G = S × (1 + Σ|p|/100) + n_totals.
    - The cost report: each actual converted ≤ |amount| × fx + 1, their sum A bounds paid and committed;
      to complete is max(0, budget − paid − committed) ≤ G + A (an account's, and their sum), so the
      estimate at completion is ≤ G + 2A and the variance ≤ 2(G + A), which bounds every figure.
    So 2(G + A) within C's limit, for every C, proves no figure in any of them is beyond it.
    """
    session.flush()
    try:
        return _proven_within(session, production_id)
    except (ArithmeticError, InvalidInput):  # too large (or odd) to work out cheaply: the full check says
        return False


def _proven_within(session: Session, production_id: int) -> bool:
    production = session.get(Production, production_id)
    inputs = _stored(session, production)
    counts = _counts(session, production_id)
    shoot_days = counts["shoot_days"]
    schedule = {"schedule:shoot_days": Decimal(shoot_days), "script:episodes": Decimal(counts["episodes"])}
    apply_links(inputs, Links(globals=schedule))  # the globals as the schedule sets them (no lines: no accounts)
    values, bad = _globals(inputs, Calculation(inputs.currency))
    entries = _rates(session, production_id)
    factors: dict[tuple[str, str], Decimal] = {}
    for source, target, rate in entries:
        for pair, factor in (((source, target), abs(rate)), ((target, source), abs(inverse_rate(rate)))):
            factors[pair] = max(factors.get(pair, Decimal(0)), factor)

    def fx(source: str, target: str) -> Decimal:
        return Decimal(1) if source == target else factors.get((source, target), Decimal(0))

    # (currency, |quantity × multiplier × rate|, people) for each line and stand-in.
    parts: list[tuple[str, Decimal, Decimal]] = []
    for line in inputs.lines:
        try:
            quantity = _quantity(line, values, bad)
        except TooLarge:
            return False
        except InvalidInput:
            continue  # a problem the calculation names, never a figure
        parts.append(
            (line.currency, abs(quantity * line.multiplier * line.rate), max(Decimal(1), abs(line.multiplier)))
        )
    parts += _schedule_stand_ins(session, production, counts, values)

    fringes = inputs.fringes
    percents = sum((abs(f.percent or 0) for f in fringes), Decimal(0)) / 100
    per_person: dict[str, Decimal] = {}  # K: each fringe's cap (× its percent) and flat amount, per currency

    def per_person_in(currency: str) -> Decimal:
        if currency not in per_person:
            total = Decimal(0)
            for f in fringes:
                factor = fx(f.currency, currency)
                if f.cap is not None:
                    total += abs(f.percent or 0) / 100 * (abs(f.cap) * factor + 1)
                total += abs(f.flat or 0) * factor + 1
            per_person[currency] = total
        return per_person[currency]

    sizes: dict[str, Decimal] = defaultdict(Decimal)  # Σ V by line currency
    roundings: dict[str, int] = defaultdict(int)
    for currency, size, people in parts:
        total = size + 1
        line = total * (1 + percents) + per_person_in(currency) * people + len(fringes)
        if line > largest_amount(currency):
            return False
        sizes[currency] += line
        roundings[currency] += 1 + len(fringes)
    account = BudgetAccount.__table__.c
    totals = [
        percent
        for (percent,) in session.execute(
            select(account.percent).where(
                account.production_id == production_id, account.account_group == AccountGroup.TOTALS.value
            )
        )
        if percent
    ]
    markup = 1 + sum((abs(p) for p in totals), Decimal(0)) / 100
    actuals = _actuals(session, production_id)
    currencies = dict.fromkeys([inputs.currency])
    for source, target, _rate in entries:
        currencies.update(dict.fromkeys([source, target]))
    for target in currencies:
        budget = sum((size * fx(c, target) + roundings[c] for c, size in sizes.items()), Decimal(0))
        budget = budget * markup + len(totals)
        spent = sum((amount * fx(c, target) + count for c, (amount, count) in actuals.items()), Decimal(0))
        if 2 * (budget + spent) > largest_amount(target):
            return False
    return True


def _counts(session: Session, production_id: int) -> dict[str, int]:
    """Shoot days (as the board has them), episodes, performer calls and strips, in one query."""

    def count(model, *conditions):
        return select(func.count()).select_from(model.__table__).where(*conditions).scalar_subquery()

    day, episode, call, strip = (model.__table__.c for model in (ShootDay, Episode, PerformerDay, Strip))
    performers = select(Performer.__table__.c.id).where(Performer.__table__.c.production_id == production_id)
    statement = select(
        count(ShootDay, day.production_id == production_id, day.kind == ShootDayKind.SHOOT.value).label("shoot_days"),
        count(Episode, episode.production_id == production_id).label("episodes"),
        count(PerformerDay, call.performer_id.in_(performers)).label("calls"),
        count(Strip, strip.production_id == production_id).label("strips"),
    )
    return dict(session.execute(statement).one()._mapping)


def _stored(session: Session, production: Production) -> BudgetInputs:
    """What the bound needs of the stored budget (as load_inputs reads it, without what it does not need:
    no accounts, so apply_links sets the schedule's globals only; the lines but the schedule's)."""
    line, account = BudgetLine.__table__.c, BudgetAccount.__table__.c
    accounts = select(account.id).where(account.production_id == production.id)
    rows = session.execute(select(*(line[name] for name in COLUMNS)).where(line.account_id.in_(accounts))).mappings()
    lines = [line_of(row) for row in rows if not is_linked(row["source"])]
    fringe, item = Fringe.__table__.c, BudgetGlobal.__table__.c
    fringes = [
        FringeRule(
            0,
            "",
            "",
            row.kind,
            row.percent,
            _signed(row.flat_minor, row.currency),
            _signed(row.cap_minor, row.currency),
            row.currency,
        )
        for row in session.execute(
            select(fringe.kind, fringe.percent, fringe.flat_minor, fringe.cap_minor, fringe.currency).where(
                fringe.production_id == production.id
            )
        )
    ]
    globals_ = [
        Global(row.id, row.name, row.value, row.formula, row.source)
        for row in session.execute(
            select(item.id, item.name, item.value, item.formula, item.source)
            .where(item.production_id == production.id)
            .order_by(item.id)
        )
    ]
    currency = production.reporting_currency or production.base_currency
    return BudgetInputs(currency, production.base_currency, [], lines, fringes, globals_, RateTable([]))


def _rates(session: Session, production_id: int) -> list[tuple[str, str, Decimal]]:
    rate = ExchangeRate.__table__.c
    statement = select(rate.from_currency, rate.to_currency, rate.rate).where(rate.production_id == production_id)
    return [tuple(row) for row in session.execute(statement)]


def _signed(minor: int | None, currency: str) -> Decimal | None:
    return None if minor is None else Decimal(minor).scaleb(-minor_unit_digits(currency))


def _amount(minor: int | None, currency: str) -> Decimal:
    return abs(Decimal(minor or 0).scaleb(-minor_unit_digits(currency)))


def _schedule_stand_ins(
    session: Session, production: Production, counts: dict[str, int], values: dict[str, Decimal]
) -> list[tuple[str, Decimal, Decimal]]:
    """An upper bound on each line the schedule can add (schedule_links; see `proven_within`)."""
    one, shoot_days = Decimal(1), counts["shoot_days"]
    hours = max(one, Decimal(production.max_minutes_per_day) / 60)
    days = Decimal(shoot_days + counts["calls"])
    overtime_hours = abs(values.get(OT_HOURS, Decimal(0)))
    stand_ins = []
    deal, character, preset = CastAssignment.__table__.c, Character.__table__.c, OvertimeRule.__table__.c
    deals = (
        select(
            deal.rate_minor,
            deal.per_diem_minor,
            deal.currency,
            deal.guaranteed_days,
            preset.first_threshold_hours,
            preset.first_factor,
            preset.second_factor,
        )
        .select_from(deal.character_id.table)
        .join(character.id.table, deal.character_id == character.id)
        .join(preset.id.table, deal.overtime_rule_id == preset.id, isouter=True)
        .where(character.production_id == production.id, deal.rate_minor.is_not(None))
    )
    for rate_minor, per_diem_minor, currency, guaranteed, threshold, first, second in session.execute(deals):
        rate, paid = _amount(rate_minor, currency), max(one, days, Decimal(guaranteed or 0))  # a flat deal: 1
        stand_ins.append((currency, paid * hours * rate, one))
        if per_diem_minor is not None:
            stand_ins.append((currency, paid * _amount(per_diem_minor, currency), one))
        if threshold is not None:
            if threshold <= 0:
                raise ArithmeticError("an overtime preset of no hours")
            factor = max(abs(first or 0), abs(second or 0))
            stand_ins.append((currency, days * overtime_hours * (rate / min(Decimal(12), threshold) * factor + 1), one))
    crew_days = max(one, abs(values.get(SHOOT_DAYS, Decimal(0)))) * hours
    member, place = CrewMember.__table__.c, Location.__table__.c
    crew = select(member.rate_minor, member.currency).where(
        member.production_id == production.id, member.rate_minor.is_not(None)
    )
    stand_ins += [(currency, crew_days * _amount(minor, currency), one) for minor, currency in session.execute(crew)]
    sets = select(FilmSet.__table__.c.location_id).where(FilmSet.__table__.c.production_id == production.id)
    places = select(place.fee_per_day_minor, place.fee_currency).where(  # its own, or any its sets are at
        or_(place.production_id == production.id, place.id.in_(sets)), place.fee_per_day_minor.is_not(None)
    )
    stand_ins += [(c, shoot_days * _amount(minor, c), one) for minor, c in session.execute(places)]
    strips = counts["strips"]
    move = _amount(production.company_move_cost_minor, production.base_currency)
    drive = _amount(production.drive_cost_per_hour_minor, production.base_currency) * LONGEST_DRIVE_HOURS
    stand_ins.append((production.base_currency, strips * (move + drive), one))
    return stand_ins


def _actuals(session: Session, production_id: int) -> dict[str, tuple[Decimal, int]]:
    """By currency: the sum of every actual's size, and how many there are."""
    entry = CostEntry.__table__.c
    statement = (
        select(entry.currency, func.sum(func.abs(entry.amount_minor)), func.count())
        .where(entry.production_id == production_id)
        .group_by(entry.currency)
    )
    return {currency: (_amount(total, currency), count) for currency, total, count in session.execute(statement)}
