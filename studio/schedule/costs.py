"""What a schedule costs: cast days paid (work, hold, travel, rehearsal, fitting: Day Out of Days' paid
days) at their day rates, each work day's overtime, late meals and forced calls under the performer's
pay preset (`day_labour`: each performer's own call to the wrap with the day's meals and their rest
since the day before, priced as a production report prices the day, by studio.day_reports.pay),
location days at their fees, and company moves (each the production's move cost and its drive's:
`drives`); and each day's totals for the day breaks on the board."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from studio.cast_calls import NO_CALLS, first_scenes, scene_starts, staggered
from studio.day_reports.facts import rest_minutes
from studio.day_reports.pay import Shift, day_pay
from studio.models.enums import RateBasis
from studio.money import Money
from studio.schedule.board import Board, Day, StripCard
from studio.schedule.dood import DayOutOfDays
from studio.schedule.timeline import DayTimes, planned_meals


@dataclass(frozen=True)
class DayTotals:
    scenes: int
    eighths: int
    minutes: int  # scene time plus company moves
    sets: int
    locations: frozenset[int]  # the locations its scenes use
    moves: int
    driving: int = 0  # the minutes its moves drive (within `minutes`)
    move_cost: Decimal = Decimal(0)  # what its moves cost, drives included


@dataclass(frozen=True)
class ScheduleCost:
    currency: str
    cast: Decimal
    locations: Decimal
    moves: Decimal
    cast_work_days: int
    cast_hold_days: int
    location_days: int
    company_moves: int
    scheduled_scenes: int
    overtime: Decimal = Decimal(0)
    meal_penalties: Decimal = Decimal(0)
    forced_calls: Decimal = Decimal(0)  # a performer called back before their pay preset's rest

    @property
    def labour(self) -> Decimal:
        """The cast's overtime, late meals and forced calls."""
        return self.overtime + self.meal_penalties + self.forced_calls

    @property
    def total(self) -> Decimal:
        return self.cast + self.labour + self.locations + self.moves

    def to_json(self) -> dict:
        def money(amount: Decimal) -> str:
            return str(Money(amount, self.currency).amount)

        return {
            "amount": money(self.total),
            "currency": self.currency,
            "cast": money(self.cast),
            "labour": money(self.labour),
            "overtime": money(self.overtime),
            "meal_penalties": money(self.meal_penalties),
            "forced_calls": money(self.forced_calls),
            "locations": money(self.locations),
            "company_moves": money(self.moves),
        }


def company_moves(strips: list[StripCard]) -> list[tuple[int, int]]:
    """A day's company moves in its shooting order, (from, to): each change of location between scenes."""
    locations = [strip.location_id for strip in strips if not strip.is_banner and strip.location_id is not None]
    return [(a, b) for a, b in zip(locations, locations[1:], strict=False) if a != b]


def day_totals(board: Board, day_id: int | None) -> DayTotals:
    scenes = [strip for strip in board.day_strips(day_id) if not strip.is_banner]
    moves, limits = company_moves(scenes), board.limits
    return DayTotals(
        scenes=len(scenes),
        eighths=sum(strip.eighths for strip in scenes),
        minutes=sum(strip.minutes for strip in scenes) + sum(limits.move(a, b) for a, b in moves),
        sets=len({strip.set_name for strip in scenes}),
        locations=frozenset(strip.location_id for strip in scenes if strip.location_id is not None),
        moves=len(moves),
        driving=sum(limits.drives.of(a, b).minutes for a, b in moves),
        move_cost=sum((limits.move_price(a, b) for a, b in moves), Decimal(0)),
    )


@dataclass(frozen=True)
class DayLabour:
    """A shoot day's cast overtime, late meals and forced calls, and when each performer is at work."""

    overtime: Decimal
    meal_penalties: Decimal
    forced_calls: Decimal
    wrap: int
    at_work: dict[int, int]


def day_labour(board: Board, day: Day, times: DayTimes, before: tuple[Day, DayLabour] | None = None) -> DayLabour:
    """A shoot day's overtime, late meals and forced calls for its cast, as planned: each performer from
    their own call (hair & makeup, wardrobe or on set, staggered back from their first scene as the call
    sheet has them: `cast_calls`) to the wrap, with the day's planned meals, under their pay preset, their
    rest counted from the wrap of the shoot day `before` if they worked it; the day a production report of
    it starts from (studio.day_reports.starting), priced as the report prices it."""
    strips = [strip for strip in board.day_strips(day.id) if not strip.is_banner]
    firsts = first_scenes(strips, scene_starts(strips, times.shooting_call, times.dusk, board.limits.move))
    at_work = {
        performer: max(0, staggered(first, member.durations, day.typed.get(performer, NO_CALLS)).at_work)
        for performer, first in firsts.items()
        if (member := board.cast.get(performer)) is not None
    }
    meals = planned_meals(times.call, times.wrap, *day.meals_at(times.call), min(at_work.values(), default=None))
    overtime, late_meals, forced = Decimal(0), Decimal(0), Decimal(0)
    for performer, call in sorted(at_work.items()):
        deal = board.cast[performer].deal
        if deal is not None:
            pay = day_pay(deal, Shift(call, times.wrap, meals), _rest(day, call, before, performer))
            # An hourly deal's day cost is already every hour of the day's limit at its rate (what the
            # budget books), so only its late meals are added: its overtime premium is left out.
            paid = pay.overtime if deal.basis != RateBasis.HOUR.value else Decimal(0)
            overtime, late_meals, forced = overtime + paid, late_meals + pay.meal_penalties, forced + pay.forced_call
    return DayLabour(overtime, late_meals, forced, times.wrap, at_work)


def _rest(day: Day, call: int, before: tuple[Day, DayLabour] | None, performer: int) -> int | None:
    """A performer's minutes of rest since the wrap of the shoot day before, if they worked it."""
    if before is None or performer not in before[1].at_work:
        return None
    return rest_minutes(before[0].date, before[1].wrap, day.date, call)


def schedule_cost(
    board: Board, dood: DayOutOfDays, totals: dict[int | None, DayTotals], labour: list[DayLabour]
) -> ScheduleCost:
    """What the board's schedule costs, from its Day Out of Days, each shoot day's totals and each one's
    overtime, late meals and forced calls (`day_labour`)."""
    days = [totals[day.id] for day in board.days]
    moves = sum(day.moves for day in days)
    return ScheduleCost(
        currency=board.currency,
        cast=sum((board.cast[row.performer_id].day_cost * row.paid for row in dood.rows), Decimal(0)),
        locations=sum((board.places[location].fee for day in days for location in day.locations), Decimal(0)),
        moves=sum((day.move_cost for day in days), Decimal(0)),
        cast_work_days=sum(row.work for row in dood.rows),
        cast_hold_days=sum(row.hold for row in dood.rows),
        location_days=sum(len(day.locations) for day in days),
        company_moves=moves,
        scheduled_scenes=sum(day.scenes for day in days),
        overtime=sum((day.overtime for day in labour), Decimal(0)),
        meal_penalties=sum((day.meal_penalties for day in labour), Decimal(0)),
        forced_calls=sum((day.forced_calls for day in labour), Decimal(0)),
    )
