"""Each shoot day's clock: crew call, shooting call, when the day scenes are done, when the night scenes
start, wrap.

The rules the optimizer keeps and the conflict check reports on, in minutes after each day's local
midnight:
- A day calls at the production's first call, unless its call sheet names a crew call, or the rest
  since the last wrap of the unit needs a later one (12 hours' turnaround).
- The first scene starts at the shooting call, the day's lead after the crew call (its call sheet's
  shooting call, else an hour: `board.SHOOTING_LEAD`), as the call sheet and the production report
  have it; the hours from call to wrap count that lead.
- Day scenes are shot first; exterior day scenes must be done by sunset (interiors can be lit after
  it); night scenes start once it is dark (dusk), and a day with exterior night scenes wraps before the
  next civil dawn.
- A day with night scenes is called for the night: as late as lets its day scenes (if any: a split
  day) run straight into the dark, so no hour of it waits for dusk; a day of night scenes alone calls
  its lead before dusk. Never later than its exterior day scenes allow (done by sunset), nor earlier than the
  production's first call or the rest allows. Its wrap is then the earliest its work allows, and call
  to wrap the shortest: the 12-hour day and the next day's turnaround follow from it.
- Meals (`planned_meals`): half an hour, the lunch the call sheet names within the day, else six hours
  after the day's first call (a performer's hair & makeup), and its dinner, laid over the day's work as
  a production report's plan lays them; one that would end after the wrap is not taken, and the pay
  presets price it as late.
- Each part of the day visits its locations one after another; moving between them takes the
  production's company-move time and the drive between the two (`drives`), and so does moving at dusk
  to a night location elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from studio.day_reports.clock import Span
from studio.schedule.board import Board, Day, Limits, StripCard

DAY_MINUTES = 24 * 60
TURNAROUND_MINUTES = 12 * 60
MEAL_DUE = 6 * 60  # a lunch not typed: after the day's first call
MEAL_MINUTES = 30


@dataclass(frozen=True)
class DayTimes:
    call: int
    day_end: int  # the day scenes are done (the call, without any)
    daylight_end: int | None  # the last exterior day scene is done (None: no exterior day scene)
    night_start: int | None  # None: no night scenes
    wrap: int
    sunset: int
    dusk: int
    dawn: int
    rested_call: int | None  # the earliest call 12 hours after the previous wrap (None: no day before)
    work: Parts
    lead: int = 0  # from the crew call to the shooting call (`board.Day.lead`)

    @property
    def length(self) -> int:
        return self.wrap - self.call

    @property
    def shooting_call(self) -> int:
        """When the first scene starts."""
        return self.call + self.lead

    @property
    def past_dawn(self) -> bool:
        """Exterior night scenes on a day that wraps after dawn."""
        return self.work.outside_at_night and self.wrap > self.dawn

    def keeps(self, limits: Limits) -> bool:
        """Within the hours, the exteriors in daylight and the dark, the call rested."""
        return (
            self.length <= limits.minutes
            and (self.daylight_end is None or self.daylight_end <= self.sunset)
            and not self.past_dawn
            and (self.rested_call is None or self.call >= self.rested_call)
        )


@dataclass(frozen=True)
class Parts:
    """A day's work in minutes, company moves included."""

    day: int
    daylight: int | None  # from the call to the end of the last exterior day scene
    night: int  # the night scenes, with the move at dusk if there is one
    outside_at_night: bool = False  # some night scene is an exterior


def parts(strips: list[StripCard], limits: Limits) -> Parts:
    day_part = [s for s in strips if not s.is_banner and not s.is_night]
    night_part = [s for s in strips if not s.is_banner and s.is_night]
    elapsed, daylight, place = 0, None, None
    for strip in day_part:
        elapsed += limits.move(place, strip.location_id) + strip.minutes
        place = strip.location_id if strip.location_id is not None else place
        if strip.needs_daylight:
            daylight = elapsed
    night = 0
    for strip in night_part:
        night += limits.move(place, strip.location_id) + strip.minutes
        place = strip.location_id if strip.location_id is not None else place
    return Parts(elapsed, daylight, night, any(strip.needs_dark for strip in night_part))


def day_times(board: Board, worked: Mapping[int, Parts] | None = None) -> dict[int, DayTimes]:
    """Shoot day id → its times, each unit's days in date order. `worked`: each day's work as `parts`
    has it, where it is known already (studio.schedule.analysis keeps the days a drag left alone)."""
    times: dict[int, DayTimes] = {}
    last_of_unit: dict[int, tuple[Day, DayTimes]] = {}
    for day in sorted(board.days, key=lambda d: (d.unit, d.date)):
        previous = last_of_unit.get(day.unit)
        rested = cast_rested = None
        if previous is not None:
            wrap, days_between = previous[1].wrap, (day.date - previous[0].date).days
            rest = rest_needed(board, board.day_strips(previous[0].id), board.day_strips(day.id), day)
            rested, cast_rested = rested_call(wrap, days_between), rested_call(wrap, days_between, rest)
        work = worked[day.id] if worked is not None else parts(board.day_strips(day.id), board.limits)
        times[day.id] = clock_of(work, day, board.limits, rested, cast_rested)
        last_of_unit[day.unit] = (day, times[day.id])
    return times


def rest_needed(board: Board, before: list[StripCard], strips: list[StripCard], day: Day) -> int:
    """The rest a day's crew call leaves after the wrap before: 12 hours, or more where a performer on
    both days is called before the crew for hair & makeup and their pay preset asks as much rest to
    their own call (short, a forced call: a day's pay)."""
    returning = {p for s in before for p in s.cast} & {p for s in strips for p in s.cast}
    needs = (board.cast[p].rest_before_call(day.lead) for p in sorted(returning) if p in board.cast)
    return max([TURNAROUND_MINUTES, *(need for need in needs if need is not None)])


def rested_call(wrap: int, days_between: int, rest: int = TURNAROUND_MINUTES) -> int:
    """The earliest call `days_between` days after a wrap that leaves `rest` (12 hours)."""
    return wrap + rest - DAY_MINUTES * days_between


def times_of(
    strips: list[StripCard], day: Day, limits: Limits, rested: int | None, cast_rested: int | None = None
) -> DayTimes:
    """A day's times with these strips in this order, `rested` the earliest call turnaround allows."""
    return clock_of(parts(strips, limits), day, limits, rested, cast_rested)


def clock_of(work: Parts, day: Day, limits: Limits, rested: int | None, cast_rested: int | None = None) -> DayTimes:
    """A day's times for this much work, `rested` the earliest call the unit's turnaround allows and
    `cast_rested` the one its returning cast's (`rest_needed`), the earliest it is called at."""
    earliest = max([limits.first_call, *(call for call in (rested, cast_rested) if call is not None)])
    if day.fixed_call is not None:
        call = day.fixed_call
    else:
        call = earliest
        if work.night:  # called for the night: the day scenes end as it gets dark
            call = max(earliest, day.dusk - day.lead - work.day)
        if work.daylight is not None:
            call = min(call, max(earliest, day.sunset - day.lead - work.daylight))
    day_end = call + day.lead + work.day
    night_start = max(day_end, day.dusk) if work.night else None
    wrap = night_start + work.night if night_start is not None else day_end
    daylight_end = call + day.lead + work.daylight if work.daylight is not None else None
    return DayTimes(
        call, day_end, daylight_end, night_start, wrap, day.sunset, day.dusk, day.dawn, rested, work, day.lead
    )


def planned_meals(
    call: int, wrap: int, lunch: int | None = None, dinner: int | None = None, first: int | None = None
) -> tuple[Span, ...]:
    """A day's planned meals, half an hour each, those within the day (from the crew call to the wrap):
    the lunch its call sheet names, else (or if it falls outside the day: a sheet typed before the
    schedule moved the day) six hours after the day's first call — `first`, the earliest a performer is
    at work, their hair & makeup before the crew call — so no performer's is late; and the dinner it
    names."""
    starts = (planned_lunch(call, wrap, lunch, first), dinner)
    return tuple(
        Span(start, start + MEAL_MINUTES) for start in starts if start is not None and _within(start, call, wrap)
    )


def planned_lunch(call: int, wrap: int, lunch: int | None = None, first: int | None = None) -> int | None:
    """When a day's lunch starts as `planned_meals` has it (None: the day ends before one is due)."""
    if lunch is None or not _within(lunch, call, wrap):
        lunch = min(call, call if first is None else first) + MEAL_DUE
    return lunch if _within(lunch, call, wrap) else None


def _within(start: int, call: int, wrap: int) -> bool:
    return call <= start and start + MEAL_MINUTES <= wrap


def hours(minutes: int) -> str:
    """ "11:30": a length of time in hours and minutes."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def clock(minutes: int) -> str:
    """ "07:30", or "02:15 (+1)" past midnight."""
    days, rest = divmod(minutes, DAY_MINUTES)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    return f"{text} (+{days})" if days > 0 else text
