"""What a schedule costs: cast days paid (work, hold, travel, rehearsal, fitting: Day Out of Days' paid
days) at their day rates, location days at their fees, and company moves; and each day's totals for the
day breaks on the board."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from studio.money import Money
from studio.schedule.board import Board, StripCard
from studio.schedule.dood import DayOutOfDays, day_out_of_days


@dataclass(frozen=True)
class DayTotals:
    scenes: int
    eighths: int
    minutes: int  # scene time plus company moves
    sets: int
    locations: int
    moves: int


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

    @property
    def total(self) -> Decimal:
        return self.cast + self.locations + self.moves

    def to_json(self) -> dict:
        def money(amount: Decimal) -> str:
            return str(Money(amount, self.currency).amount)

        return {
            "amount": money(self.total),
            "currency": self.currency,
            "cast": money(self.cast),
            "locations": money(self.locations),
            "company_moves": money(self.moves),
        }


def moves_in(strips: list[StripCard]) -> int:
    """Company moves in a day's shooting order: each change of location between scenes."""
    locations = [strip.location_id for strip in strips if not strip.is_banner and strip.location_id is not None]
    return sum(1 for a, b in zip(locations, locations[1:], strict=False) if a != b)


def day_totals(board: Board, day_id: int | None) -> DayTotals:
    scenes = [strip for strip in board.day_strips(day_id) if not strip.is_banner]
    moves = moves_in(scenes)
    return DayTotals(
        scenes=len(scenes),
        eighths=sum(strip.eighths for strip in scenes),
        minutes=sum(strip.minutes for strip in scenes) + moves * board.limits.move_minutes,
        sets=len({strip.set_name for strip in scenes}),
        locations=len({strip.location_id for strip in scenes if strip.location_id is not None}),
        moves=moves,
    )


def schedule_cost(board: Board, dood: DayOutOfDays | None = None) -> ScheduleCost:
    """`dood`, when the caller has the board's Day Out of Days already, saves working it out again."""
    dood = dood or day_out_of_days(board)
    cast = sum((board.cast[row.performer_id].day_cost * row.paid for row in dood.rows), Decimal(0))
    location_days, location_cost, moves, scheduled = 0, Decimal(0), 0, 0
    for day in board.days:
        strips = board.day_strips(day.id)
        used = {strip.location_id for strip in strips if not strip.is_banner and strip.location_id is not None}
        location_days += len(used)
        location_cost += sum((board.places[location].fee for location in used), Decimal(0))
        moves += moves_in(strips)
        scheduled += sum(1 for strip in strips if not strip.is_banner)
    return ScheduleCost(
        currency=board.currency,
        cast=cast,
        locations=location_cost,
        moves=board.limits.move_cost * moves,
        cast_work_days=sum(row.work for row in dood.rows),
        cast_hold_days=sum(row.hold for row in dood.rows),
        location_days=location_days,
        company_moves=moves,
        scheduled_scenes=scheduled,
    )
