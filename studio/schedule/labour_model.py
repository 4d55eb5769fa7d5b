"""The cast's overtime and late second meals, estimated on the optimizer model's clock.

`costs.day_labour` prices a day exactly, from each performer's own call (staggered back from their first
scene) to the wrap; the model knows only the day's crew call and wrap. So it counts each performer as
called for the day's first scene: at work from the crew call plus the lead less their hair & makeup
and wardrobe, to the wrap, less the half-hour lunch, minute by minute: a performer whose first scene
is later is counted dearer than they are; the preset's increment (worked time counted in whole tenths
or quarters of an hour) and a late meal's whole step (a minute late pays the step's penalty) count a
little cheaper. The optimizer weighs what it found by the exact cost. Without
this the search packs days to the hour limit that pays the whole cast overtime (on the larger production
overtime, late meals and forced calls were a quarter of the cost of the schedule it found).

A performer's overtime and late second meal are a convex piecewise-linear cost of the day's length,
so each is a sum of the day's minutes beyond a few lengths (`_past`, kept per day and length), each at
a rate. The second meal is due the meal interval after the lunch: the one typed, following the call
(`meals`), else six hours after the first call (`timeline.planned_lunch`); its late steps cost the
preset's ladder, spread over each step.

A day's length here is its work from the crew call (the lead, scenes and moves), waiting for dusk
aside: tied to the call and wrap variables instead, every neighbourhood had to settle each day's clock
for its cost, and the search did a third less in the same time. Forced calls are none of its business:
the clock calls a day late enough for the returning cast's rest (`timeline.rest_needed`), the model
keeps the same limit, and a plan has one only where a call is typed.
"""

from __future__ import annotations

from decimal import Decimal

from studio.models.enums import RateBasis
from studio.schedule.board import CastMember, Day
from studio.schedule.route_model import held
from studio.schedule.timeline import DAY_MINUTES, MEAL_DUE, MEAL_MINUTES

Segments = list[tuple[int, Decimal]]  # (a day length in minutes, the money each minute past it adds)


def lunch_after(day: Day) -> int | None:
    """When the day's typed lunch is, in minutes after its crew call (None: not typed, or the call not
    known before the schedule settles it)."""
    if day.meals_after[0] is not None:
        return day.meals_after[0]
    return day.lunch - day.fixed_call if day.lunch is not None and day.fixed_call is not None else None


def day_segments(member: CastMember, day: Day, first: int) -> Segments:
    """A performer's overtime and late second meal as a function of the day's length (crew call to wrap),
    the day's first performer at work `first` minutes after the crew call (its lunch due six hours on)."""
    deal = member.deal
    if deal is None:
        return []
    rules, start = deal.rules, member.at_work_after_call(day.lead)
    segments: Segments = []
    if rules.bands and deal.basis not in (RateBasis.HOUR.value, RateBasis.FLAT.value):
        covered = deal.covered_minutes
        per_minute = deal.daily / rules.weighted_minutes(covered)
        factor = max((band.factor for band in rules.bands if band.after_hours * 60 <= covered), default=Decimal(1))
        worked_to_length = start + MEAL_MINUTES
        segments.append((int(covered) + worked_to_length, factor * per_minute))
        for band in rules.bands:
            if band.after_hours * 60 > covered:
                segments.append((int(band.after_hours * 60) + worked_to_length, (band.factor - factor) * per_minute))
                factor = band.factor
    if rules.meal_penalties and rules.meal_step:
        lunch = lunch_after(day)
        due = (first + MEAL_DUE if lunch is None else lunch) + MEAL_MINUTES + rules.meal_interval
        slope = Decimal(0)
        for step, penalty in enumerate(rules.meal_penalties):
            rate = max(slope, penalty / rules.meal_step)
            segments.append((due + step * rules.meal_step, rate - slope))
            slope = rate
    return segments


class LabourModel:
    """Builds the estimated labour into a ScheduleModel (`owner`: its model, clock, `works` flags and
    `cents`): `terms`, to add to its cost."""

    def __init__(self, owner):
        self.owner, self.model = owner, owner.model
        self.board = owner.board
        self._excess: dict[tuple[int, int], object] = {}
        self.terms: list = []
        for d, day in enumerate(owner.scenes.days):
            self._day(d, day)

    def _day(self, d: int, day: Day) -> None:
        cast = {
            performer_id: (member, works)
            for performer_id, member in sorted(self.board.cast.items())
            if not held(works := self.owner.works.get((performer_id, d), 0), 0)
        }
        # The lunch as early as any of them may make it: the second meal due no later than it is.
        first = min((member.at_work_after_call(day.lead) for member, _ in cast.values()), default=0)
        for member, works in cast.values():
            rated = [(length, self.owner.cents(rate)) for length, rate in day_segments(member, day, first)]
            rated = [(length, rate) for length, rate in rated if rate > 0]
            if not rated:
                continue
            cost = sum(rate * self._past(d, length) for length, rate in rated)
            if held(works, 1):
                self.terms.append(cost)
                continue
            paid = self.model.NewIntVar(0, sum(rate for _, rate in rated) * self.owner.longest, "")
            self.model.Add(paid >= cost).OnlyEnforceIf(works)
            self.terms.append(paid)

    def _past(self, d: int, length: int):
        """Day `d`'s minutes beyond `length` from its crew call (0 when shorter)."""
        work = self.owner.work[d]
        if isinstance(work, int):  # a held day's
            return max(0, work - length)
        if (d, length) not in self._excess:
            owner = self.owner
            past = self.model.NewIntVar(0, owner.longest + DAY_MINUTES, "")
            self.model.Add(past >= owner.work[d] - length)
            self._excess[d, length] = past
        return self._excess[d, length]
