"""What one person's reported day pays under their deal and its pay preset: pure functions over plain
data (`PayRules` is a preset as data; studio.day_reports.deals reads them from the database).

The rules, as a payroll office applies them:
- Work time runs from the call to the end of work (out of makeup and wardrobe, else the wrap), less the
  meals taken within it, plus paid travel. It is counted in the preset's increment, every part of one
  counting whole (6 minutes: tenths of an hour; 7 h 31 min is 7.6 hours).
- Overtime multiples by hour (`Band`s: 1.5× after 8 hours, 2× after 10). A day rate buys the hours
  up to the first band (a 12-hour day rate, 12 hours: its own overtime within them included); the
  hourly rate is the day rate over those hours weighted by their multiples (a 12-hour day under 1.5×
  after 8 is 8 + 4 × 1.5 = 14 straight hours); hours beyond are paid at that hourly rate times their
  multiple. A week's rate is five days'; an hourly rate pays its hours; a flat deal pays nothing a day.
- Meals: the first is due within the interval (6 hours) of the call, each later one within the interval
  of the end of the one before; one started late, or none before the end of work, is late by so many
  steps (half hours), each part of one counting whole. The steps of each late meal cost the first
  penalty, then the second, then the later one for each step after (25, 35, 50 USD).
- Rest: less than the preset's rest between the end of one day's work and the next call is a forced
  call, costing its days' pay.
Each amount is rounded once, half-up to its currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from studio.day_reports.clock import Span
from studio.models.enums import RateBasis
from studio.money import round_to_currency

if TYPE_CHECKING:
    from studio.exchange import RateTable
    from studio.models import OvertimeRule

ZERO = Decimal(0)
TWELVE_HOURS = Decimal(12)


@dataclass(frozen=True)
class Band:
    """Hours worked beyond `after_hours` are paid `factor` times the hourly rate (until the next band)."""

    after_hours: Decimal
    factor: Decimal


@dataclass(frozen=True)
class PayRules:
    """A pay preset as data. Without bands, no overtime; without penalties, late meals cost nothing (they
    are still counted); without a rest, no forced calls."""

    bands: tuple[Band, ...] = ()
    increment: int = 60  # minutes
    meal_interval: int = 360  # minutes
    meal_step: int = 30  # minutes
    meal_penalties: tuple[Decimal, ...] = ()  # the first step's, the second's, every later one's
    rest_minutes: int | None = None
    forced_call_days: Decimal | None = None

    def weighted_minutes(self, minutes: Decimal) -> Decimal:
        """Minutes worked, each times the multiple its hour is paid at (straight time 1×)."""
        total, start, factor = ZERO, ZERO, Decimal(1)
        for band in self.bands:
            threshold = band.after_hours * 60
            if minutes <= threshold:
                break
            total += (threshold - start) * factor
            start, factor = threshold, band.factor
        return total + (max(minutes, start) - start) * factor


NO_RULES = PayRules()


def rules_of(preset: OvertimeRule | None, currency: str, rates: RateTable) -> PayRules:
    """A pay preset as data, its penalties in the deal's currency (at the latest rate, if it has its own)."""
    if preset is None:
        return NO_RULES
    bands = [Band(preset.first_threshold_hours, preset.first_factor)]
    if preset.second_threshold_hours is not None and preset.second_factor is not None:
        bands.append(Band(preset.second_threshold_hours, preset.second_factor))
    ladder: list[Decimal] = []
    for amount in (preset.meal_penalty_first, preset.meal_penalty_second, preset.meal_penalty_later):
        if amount is not None:
            ladder.append(rates.convert(amount, currency).amount)
        elif ladder:
            ladder.append(ladder[-1])
    return PayRules(
        bands=tuple(sorted(bands, key=lambda band: band.after_hours)),
        increment=preset.increment_minutes,
        meal_interval=preset.meal_interval_minutes,
        meal_step=preset.meal_penalty_step_minutes,
        meal_penalties=tuple(ladder),
        rest_minutes=int(preset.rest_hours * 60) if preset.rest_hours else None,
        forced_call_days=preset.forced_call_days,
    )


@dataclass(frozen=True)
class Deal:
    rate: Decimal
    currency: str
    basis: str  # RateBasis
    rules: PayRules = NO_RULES

    @property
    def daily(self) -> Decimal:
        """A day's pay, worked or held (an hourly rate: its straight hours)."""
        if self.basis == RateBasis.WEEK.value:
            return self.rate / 5
        if self.basis == RateBasis.HOUR.value:
            return self.rate * self.covered_minutes / 60
        if self.basis == RateBasis.FLAT.value:
            return ZERO
        return self.rate

    @property
    def covered_minutes(self) -> Decimal:
        """The minutes a day's pay buys: up to the first band; a 12-hour day's rate at least 12 hours."""
        if not self.rules.bands:
            return Decimal(24 * 60)
        first = self.rules.bands[0].after_hours
        if self.basis == RateBasis.DAY_12H.value:
            first = max(first, TWELVE_HOURS)
        return first * 60


@dataclass(frozen=True)
class Shift:
    """One person's worked day on the day's clock (minutes after the shoot date's midnight)."""

    call: int
    end: int
    meals: tuple[Span, ...] = ()
    travel: int = 0  # paid travel, minutes

    def meals_taken(self) -> list[Span]:
        """The meals within the working day, in order (the unit's meals outside it were not this person's)."""
        return sorted(meal for meal in self.meals if self.call <= meal.start and meal.end <= self.end)

    @property
    def worked_minutes(self) -> int:
        return self.end - self.call - sum(meal.minutes for meal in self.meals_taken()) + self.travel


@dataclass(frozen=True)
class LateMeal:
    due: int
    started: int | None  # None: no meal before the end of work
    steps: int
    penalty: Decimal


@dataclass(frozen=True)
class DayPay:
    currency: str
    base: Decimal
    overtime: Decimal = ZERO
    meal_penalties: Decimal = ZERO
    forced_call: Decimal = ZERO
    worked_minutes: int = 0
    counted_minutes: int = 0
    overtime_minutes: int = 0
    late_meals: tuple[LateMeal, ...] = ()
    rest_minutes: int | None = None  # the rest before the call, when shorter than the preset's

    @property
    def penalties(self) -> Decimal:
        return self.meal_penalties + self.forced_call

    @property
    def total(self) -> Decimal:
        return self.base + self.overtime + self.penalties


def counted(minutes: int, increment: int) -> int:
    """Minutes counted in whole increments, any part of one counting whole."""
    return -(-max(minutes, 0) // increment) * increment


def steps_late(late: int, step: int) -> int:
    return -(-late // step) if late > 0 else 0


def late_meals(shift: Shift, rules: PayRules) -> list[LateMeal]:
    found, due = [], shift.call + rules.meal_interval
    for meal in shift.meals_taken():
        if meal.start > due:
            steps = steps_late(meal.start - due, rules.meal_step)
            found.append(LateMeal(due, meal.start, steps, meal_penalty(steps, rules)))
        due = meal.end + rules.meal_interval
    if shift.end > due:
        steps = steps_late(shift.end - due, rules.meal_step)
        found.append(LateMeal(due, None, steps, meal_penalty(steps, rules)))
    return found


def meal_penalty(steps: int, rules: PayRules) -> Decimal:
    """One late meal's penalty: the first step's, the second's, then the later one for each after."""
    ladder = rules.meal_penalties
    if not ladder:
        return ZERO
    return sum((ladder[min(step, len(ladder) - 1)] for step in range(steps)), ZERO)


def overtime_pay(deal: Deal, minutes: int) -> tuple[Decimal, int]:
    """The overtime of a day counted at `minutes`, and its minutes beyond what the day's pay buys."""
    covered, rules = deal.covered_minutes, deal.rules
    if not rules.bands or minutes <= covered:
        return ZERO, 0
    beyond = rules.weighted_minutes(Decimal(minutes)) - rules.weighted_minutes(covered)
    if deal.basis == RateBasis.HOUR.value:
        amount = deal.rate * beyond / 60
    else:
        amount = deal.daily * beyond / rules.weighted_minutes(covered)
    return amount, int(minutes - covered)


def day_pay(deal: Deal, shift: Shift | None, rest_before: int | None = None) -> DayPay:
    """A day's pay under `deal`: worked (`shift`), or paid without working (None: held); `rest_before`:
    the minutes since the end of the person's previous day's work, when known."""
    currency, rules = deal.currency, deal.rules

    def money(amount: Decimal) -> Decimal:
        return round_to_currency(amount, currency)

    if shift is None:
        return DayPay(currency, money(deal.daily))
    forced, short = ZERO, None
    if rest_before is not None and rules.rest_minutes and rest_before < rules.rest_minutes:
        short = rest_before
        forced = deal.daily * (rules.forced_call_days or ZERO)
    worked = shift.worked_minutes
    minutes = counted(worked, rules.increment)
    overtime, overtime_minutes = overtime_pay(deal, minutes)
    meals = tuple(late_meals(shift, rules))
    base = deal.daily
    if deal.basis == RateBasis.HOUR.value:
        base = deal.rate * min(Decimal(minutes), deal.covered_minutes) / 60
    return DayPay(
        currency,
        money(base),
        money(overtime),
        money(sum((meal.penalty for meal in meals), ZERO)),
        money(forced),
        worked,
        minutes,
        overtime_minutes,
        meals,
        short,
    )
