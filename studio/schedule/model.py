"""The optimizer's CP-SAT model of a schedule: which scenes go on which shoot day, and what that costs.

It places interchangeable scenes as groups with a count per day (`scene_groups`).

Per day: each location's use in the day part and in the night part (its fee counts once), the company
moves its shooting order has (`packing.shooting_order`: each part visits each location once, and the
night part starts where the day part ended when that location has night scenes too), the pages, and
the clock as `timeline` has it (call and wrap in minutes; night scenes from dusk, exteriors by
sunset, a day with night exteriors wrapped by dawn, call to wrap within the day's hours, 12 hours'
rest before the unit's next call, and a performer on both days their pay preset's rest before their own
call, a minor's scenes within the work their age allows, and their night scenes within its hours). Per
performer and shoot date: working, and paid (from first to last work date, holds included, except
across a gap long enough to drop them; a travel, rehearsal or fitting date is paid whatever the
schedule). The objective is the schedule's cost in minor units as `costs.schedule_cost` counts it
(fractions of a minor unit in a rate dropped) less the overtime, late meals and forced calls, which
only a whole day's clock and shooting order settle (`costs.day_labour`); with `labour`, plus the
overtime and late second meals as `labour_model` estimates them (`labour`, apart from `cost`). The
optimizer weighs what it found by the real cost, labour included.

With `hard` the limits (pages, hours, daylight, turnaround) are constraints; without, breaking one
costs a penalty per unit (per eighth, per minute), so every schedule is a solution to improve on. A
reported day that breaks a limit as shot (`Scenes.as_shot`) has its own limits (pages, hours, daylight, a
minor's work) neither: no schedule can mend them, and counting them would keep the search from ever
holding the rest to the limits. The rest between days stays: a call a reported day's wrap pushes later
is the clock as it was. A reported day within its limits is held to them as before (the same model).

A model may leave only some days `free`, every other day's scenes held where `fixed` has them: what
is held becomes constants before CP-SAT sees it, so such a model (a neighbourhood of the search) is
small, and its objective still counts the whole schedule, held days included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from studio.minors import limits_on
from studio.schedule.dood import called_dates
from studio.schedule.labour_model import LabourModel
from studio.schedule.route_model import DayDrives, RouteModel
from studio.schedule.route_model import held as _held
from studio.schedule.route_model import negated as _not
from studio.schedule.scene_groups import Counts, Scenes
from studio.schedule.timeline import DAY_MINUTES, TURNAROUND_MINUTES

PENALTY_DAYS = 2  # a broken limit costs as much as this many days of everyone and everywhere


class ScheduleModel:
    """One CP-SAT model of the scenes' schedule: `count` holds each free (group, day)'s variable, `cost`
    the schedule's cost and `broken` the penalties for limits broken (0 when they are hard).

    Anything that `fixed` settles is a Python int rather than a variable, all the way through."""

    def __init__(
        self,
        cp_model,
        scenes: Scenes,
        *,
        hard: bool,
        cost: bool = True,
        free: Iterable[int] | None = None,
        fixed: Counts | None = None,
        labour: bool = False,
    ):
        self.scenes, self.board, self.hard = scenes, scenes.board, hard
        self.limits = scenes.board.limits
        self.free = set(range(len(scenes.days)) if free is None else free)
        self.fixed = fixed or {}
        self.model = cp_model.CpModel()
        self._violations: list = []
        self.cents = scenes.cents
        self.penalty = self._penalty()
        self.by_date = scenes.by_date()
        moving = 2 * len(self.board.places) * (self.limits.move_minutes + self.limits.drives.longest)
        self.longest = DAY_MINUTES + sum(s.minutes for s in scenes.scenes) + moving  # no day runs longer
        self._scenes_on_days()
        self._places()
        self._days()
        self._turnaround()
        self._minors()
        self.works: dict[tuple[int, int], object] = {}  # (performer, day) → whether they work on it
        self.cost = sum(self._cast()) + sum(self._place_costs())
        self._cast_rest()
        self.labour = sum(LabourModel(self).terms) if labour else 0
        self.broken = sum(self._violations)
        self.model.Minimize(self.broken + self.cost + self.labour if cost else self.broken)

    def _bool(self):
        return self.model.NewBoolVar("")

    def _any(self, flags: list):
        """True exactly when one of `flags` is: a constant when one is 1 or all are 0, the flag itself
        when only one is a variable."""
        if any(_held(flag, 1) for flag in flags):
            return 1
        variables = [flag for flag in flags if not isinstance(flag, int)]
        if len(variables) <= 1:
            return variables[0] if variables else 0
        some = self._bool()
        for flag in variables:
            self.model.AddImplication(flag, some)
        self.model.AddBoolOr(variables).OnlyEnforceIf(some)
        return some

    def _at_most(self, amount, limit: int, per_unit: int, most: int, when=1, as_shot: bool = False) -> None:
        """`amount` ≤ `limit` (where `when` holds): a constraint when the limits are hard, else a penalty
        per unit over; none `as_shot`, of reported days alone (what they broke, no schedule can mend)."""
        if as_shot or _held(when, 0):
            return
        if isinstance(amount, int) and isinstance(when, int):
            over = max(0, amount - limit)
            if over and self.hard:
                self.model.AddBoolOr([])  # a held day already breaks it: nothing can keep it
            self._violations.append(max(per_unit, 1) * over)
            return
        if isinstance(amount, int) and self.hard:
            if amount > limit:
                self.model.Add(when == 0)
            return
        over = 0 if self.hard else self.model.NewIntVar(0, max(most, 0), "")
        kept = self.model.Add(amount - over <= limit)
        if not isinstance(when, int):
            kept.OnlyEnforceIf(when)
        self._violations.append(max(per_unit, 1) * over)

    def _penalty(self) -> int:
        """A broken limit costs as much as two whole days of everyone and everywhere."""
        board = self.board
        day = (
            sum((m.day_cost for m in board.cast.values()), Decimal(0))
            + sum((place.fee for place in board.places.values()), Decimal(0))
            + self.limits.move_cost * len(board.places)
        )
        return max(1, self.cents(PENALTY_DAYS * day))

    def _scenes_on_days(self) -> None:
        """`count[g, d]`: how many of group g's scenes are on day d; `there[g, d]`: whether any is."""
        self.count: dict[tuple[int, int], object] = {}
        self.there: dict[tuple[int, int], object] = {}
        self.on_day: dict[int, list[int]] = defaultdict(list)  # day → groups that are or may be on it
        for g, group in enumerate(self.scenes.groups):
            held = {d: self.fixed.get((g, d), 0) for d in group.days if d not in self.free}
            left = group.size - sum(held.values())
            open_days = [d for d in group.days if d in self.free] if left else []
            for d, count in held.items():
                if count:
                    self.count[g, d], self.there[g, d] = count, 1
                    self.on_day[d].append(g)
            for d in open_days:
                if left == 1:
                    self.count[g, d] = self.there[g, d] = self._bool()
                else:
                    self.count[g, d] = self.model.NewIntVar(0, left, "")
                    self.there[g, d] = self._bool()
                    self.model.Add(self.count[g, d] >= 1).OnlyEnforceIf(self.there[g, d])
                    self.model.Add(self.count[g, d] == 0).OnlyEnforceIf(self.there[g, d].Not())
                self.on_day[d].append(g)
            if open_days:
                self.model.Add(sum(self.count[g, d] for d in open_days) == left)
            elif left:
                self.model.AddBoolOr([])  # scenes with nowhere to go: no schedule
        self.variables = {key: value for key, value in self.count.items() if not isinstance(value, int)}

    def _places(self) -> None:
        """`part[l, d, night]`: location l is used in that part of day d; `used[l, d]`: in either."""
        groups = self.scenes.groups
        self.part: dict[tuple[int, int, bool], object] = {}
        for d in sorted(self.on_day):
            by_part: dict[tuple[int, bool], list] = defaultdict(list)
            for g in self.on_day[d]:
                if groups[g].first.location_id is not None:
                    by_part[groups[g].first.location_id, groups[g].first.is_night].append(self.there[g, d])
            for (place, night), flags in sorted(by_part.items()):
                self.part[place, d, night] = self._any(flags)
        self.used: dict[tuple[int, int], object] = {}
        for place, d, _ in sorted(self.part):
            if (place, d) not in self.used:
                parts = [self.part[key] for key in ((place, d, False), (place, d, True)) if key in self.part]
                self.used[place, d] = self._any(parts)
        for slots in self.by_date.values():  # two units on one date cannot both be at a location
            if len(slots) > 1:
                for place in sorted({p for p, d in self.used if d in slots}):
                    self._at_most_one([self.used[p, d] for p, d in self.used if p == place and d in slots])
        if self.hard:
            self._location_capacity()

    def _location_capacity(self) -> None:
        """A location holds no scene on a day it is not used, and a day at most a day's pages and hours
        (redundant, but it lets the solver's bound count location days)."""
        groups, limits = self.scenes.groups, self.limits
        for (place, d), used in self.used.items():
            if isinstance(used, int):
                continue
            here = [g for g in self.on_day[d] if groups[g].first.location_id == place]
            self.model.Add(sum(groups[g].eighths * self.count[g, d] for g in here) <= limits.eighths * used)
            shooting = limits.minutes - self.scenes.days[d].lead
            self.model.Add(sum(groups[g].minutes * self.count[g, d] for g in here) <= shooting * used)

    def _at_most_one(self, flags: list) -> None:
        held = sum(flag for flag in flags if isinstance(flag, int))
        variables = [flag for flag in flags if not isinstance(flag, int)]
        if held > 1:  # held days (two units' reported days, say) already book them twice
            if self.hard:
                self.model.AddBoolOr([])
            else:
                self._violations.append(self.penalty * (held - 1))
        elif held == 1:
            for flag in variables:
                self.model.Add(flag == 0)
        elif len(variables) > 1:
            self.model.AddAtMostOne(variables)

    def _days(self) -> None:
        """Each day's pages, moves and clock."""
        limits, groups, penalty = self.limits, self.scenes.groups, self.penalty
        self.moves: list = []
        self.driving: list = []  # each day's drives' cost
        self.route = RouteModel(self, self.scenes)
        self.call: list = []
        self.wrap: list = []
        self.work: list = []  # each day's minutes from the crew call when it wraps, waiting for dusk aside
        longest = self.longest
        for d, day in enumerate(self.scenes.days):
            gs = self.on_day.get(d, [])
            eighths = sum(groups[g].eighths * self.count[g, d] for g in gs)
            shot = d in self.scenes.as_shot
            most = sum(groups[g].eighths * groups[g].size for g in gs)
            self._at_most(eighths, limits.eighths, penalty // 8, most, as_shot=shot)
            day_moves, night_moves = self._moves(d)
            self.moves += [day_moves, night_moves]
            drives = self.route.day(d, self.part)
            self.driving.append(drives.cost)
            day_part = (
                limits.move_minutes * day_moves
                + drives.day
                + sum(groups[g].minutes * self.count[g, d] for g in gs if not groups[g].first.is_night)
            )
            night_part = (
                limits.move_minutes * night_moves
                + drives.night
                + sum(groups[g].minutes * self.count[g, d] for g in gs if groups[g].first.is_night)
            )
            if day.fixed_call is not None:
                call = day.fixed_call
            else:
                call = self.model.NewIntVar(min(limits.first_call, DAY_MINUTES), DAY_MINUTES, "")
            wrap = self.model.NewIntVar(0, DAY_MINUTES + longest, "")
            self.call.append(call)
            self.wrap.append(wrap)
            self.work.append(day.lead + day_part + night_part)
            self.model.Add(wrap >= call + self.work[d])
            nights = self._any([self.there[g, d] for g in gs if groups[g].first.is_night])
            if not isinstance(nights, int):
                self.model.Add(wrap >= day.dusk + night_part).OnlyEnforceIf(nights)
            elif nights:
                self.model.Add(wrap >= day.dusk + night_part)
            self._at_most(wrap - call, limits.minutes, penalty // 60, longest, as_shot=shot)
            outside = self._any([self.there[g, d] for g in gs if groups[g].first.needs_dark])
            # While limits are broken only a night too long for the dark is penalised, and the wrap, which a
            # late call can push past dawn too, is held to it once they are kept: penalised from the start,
            # the demo's search needed 4 units of work rather than 3 to keep every limit.
            ends = wrap if self.hard else day.dusk + night_part
            self._at_most(ends, day.dawn, penalty // 60, longest, when=outside, as_shot=shot)
            self._daylight(d, day, call, drives)

    def _daylight(self, d: int, day, call, drives: DayDrives) -> None:
        """Exteriors by sunset, in the day part's shooting order (`packing.shooting_order`): its locations
        along the route, those with night scenes too last, and at each its exteriors first; so a
        location's exteriors end after the day scenes of every location before it (and a move and the
        drive into each, and into it), those without a location counted first, and must end by sunset."""
        groups, limits = self.scenes.groups, self.limits
        at: dict[int | None, list[int]] = defaultdict(list)  # location → its day scenes' groups
        for g in self.on_day.get(d, []):
            if not groups[g].first.is_night:
                at[groups[g].first.location_id].append(g)
        minutes = {place: sum(groups[g].minutes * self.count[g, d] for g in gs) for place, gs in at.items()}
        placeless = minutes.pop(None, 0)
        night = {place: self.part.get((place, d, True), 0) for place in minutes}
        key = self.route.key
        for place in sorted(minutes):
            exterior = [g for g in at[place] if groups[g].first.needs_daylight]
            outside = self._any([self.there[g, d] for g in exterior])
            if _held(outside, 0):
                continue
            ends = call + day.lead + placeless + drives.into.get(place, 0)
            ends += sum(groups[g].minutes * self.count[g, d] for g in exterior)
            for other in sorted(minutes):
                if other != place:
                    stay = minutes[other] + limits.move_minutes * self.part[other, d, False] + drives.into.get(other, 0)
                    ends += self._if_before(stay, night[other], night[place], key[other] < key[place])
            self._at_most(
                ends, day.sunset, self.penalty // 60, self.longest, when=outside, as_shot=d in self.scenes.as_shot
            )

    def _if_before(self, minutes, other_night, night, named_before: bool):
        """`minutes` when another location comes before this one in the day part, else nought: one named
        before comes before unless it has night scenes and this one has none; one named after comes
        before only if this one has night scenes and it has none."""
        if isinstance(minutes, int) and minutes == 0:
            return 0
        # Named before: either makes it come before; named after: both must.
        conditions = [[_not(other_night)], [night]] if named_before else [[_not(other_night), night]]
        settled = [c for c in conditions if all(_held(flag, 1) for flag in c)]
        if settled:
            return minutes
        open_ = [
            [flag for flag in c if not isinstance(flag, int)] for c in conditions if not any(_held(f, 0) for f in c)
        ]
        if not open_:
            return 0
        before = self.model.NewIntVar(0, self.longest, "")
        for flags in open_:
            self.model.Add(before >= minutes).OnlyEnforceIf(flags)
        return before

    def _moves(self, d: int) -> tuple:
        """The day's company moves in its shooting order, (day part, night part): each part visits its
        locations one after another, and the dusk costs a move too unless one location has scenes in
        both parts."""
        in_day = [v for (_, day, night), v in sorted(self.part.items()) if day == d and not night]
        in_night = [v for (_, day, night), v in sorted(self.part.items()) if day == d and night]
        located_day, located_night = self._any(in_day), self._any(in_night)
        day_moves = self._count_at_least(sum(in_day) - located_day, len(in_day))
        at_dusk = 0
        if in_day and in_night:
            shared = [
                (self.part[p, d, False], self.part[p, d, True])
                for p, day, night in sorted(self.part)
                if day == d and night and (p, d, False) in self.part
            ]
            if isinstance(located_day, int) or isinstance(located_night, int):
                both = located_night if _held(located_day, 1) else located_day if _held(located_night, 1) else 0
            else:
                both = self._bool()  # located scenes in both parts
                self.model.Add(both >= located_day + located_night - 1)
            at_dusk = both - self._stays(shared)
        night_moves = self._count_at_least(sum(in_night) - located_night + at_dusk, len(in_night))
        return day_moves, night_moves

    def _stays(self, shared: list[tuple]):
        """Whether some location has scenes in both parts of the day (the night then starts there)."""
        if any(_held(a, 1) and _held(b, 1) for a, b in shared):
            return 1
        stays = []
        for in_day, in_night in shared:
            if _held(in_day, 0) or _held(in_night, 0):
                continue
            here = self._bool()
            for flag in (in_day, in_night):
                if not isinstance(flag, int):
                    self.model.AddImplication(here, flag)
            stays.append(here)
        if not stays:
            return 0
        self.model.AddAtMostOne(stays)
        return sum(stays)

    def _count_at_least(self, amount, most: int):
        """A count at least `amount` and never below nought (the minimisation keeps it there)."""
        if isinstance(amount, int):
            return max(0, amount)
        counted = self.model.NewIntVar(0, max(most, 0), "")
        self.model.Add(counted >= amount)
        return counted

    def _turnaround(self) -> None:
        """12 hours' rest between a wrap and the unit's next call."""
        days, last_of_unit = self.scenes.days, {}
        self.pairs: list[tuple[int, int, int]] = []  # each unit's days in a row: before, day, days between
        for i, day in sorted(enumerate(days), key=lambda item: (item[1].unit, item[1].date)):
            if day.unit in last_of_unit:
                before = last_of_unit[day.unit]
                gap = (day.date - days[before].date).days
                rest = self.call[i] + gap * DAY_MINUTES - self.wrap[before]
                self._at_most(-rest, -TURNAROUND_MINUTES, self.penalty // 60, self.longest + DAY_MINUTES)
                self.pairs.append((before, i, gap))
            last_of_unit[day.unit] = i

    def _cast_rest(self) -> None:
        """A performer on two days in a row with their pay preset's rest before their own call, as the clock
        calls a day (`timeline.rest_needed`): more than the unit's 12 hours for one in hair & makeup before
        the crew call. A day whose call is typed is called then, whatever the rest."""
        for before, d, gap in self.pairs:
            day = self.scenes.days[d]
            if day.fixed_call is not None:
                continue
            rest = self.call[d] + gap * DAY_MINUTES - self.wrap[before]
            for performer_id, member in sorted(self.board.cast.items()):
                need = member.rest_before_call(day.lead)
                both = [self.works.get((performer_id, before), 0), self.works.get((performer_id, d), 0)]
                if need is not None and need > TURNAROUND_MINUTES and not any(_held(flag, 0) for flag in both):
                    self._at_most(-rest, -need, self.penalty // 60, self.longest + DAY_MINUTES, when=self._all(both))

    def _all(self, flags: list):
        """True exactly when every one of `flags` is: none of them false."""
        return _not(self._any([_not(flag) for flag in flags]))

    def _minors(self) -> None:
        """A minor's scenes on a day within the work their age allows that day, and their night scenes
        within the hours of the day it allows (studio.minors): the night part, whole, wrapped by then, as
        the model knows no order within it. Their day scenes are left to the board's check: held whole
        the same way, the day part kept the larger production's minors' days shorter than they need be
        (its 30 s plan 2.9% dearer), and a day part runs past 22:00 only from a call late in the day."""
        groups, per_minute = self.scenes.groups, self.penalty // 60
        for performer_id, member in self.board.cast.items():
            if member.born is None:
                continue
            for d, day in enumerate(self.scenes.days):
                limits = limits_on(member.born, day.date)
                theirs = [g for g in self.on_day.get(d, []) if performer_id in groups[g].first.cast]
                if limits is None or not theirs:
                    continue
                shot = d in self.scenes.as_shot
                work = sum(groups[g].minutes * self.count[g, d] for g in theirs)
                most = sum(groups[g].minutes * groups[g].size for g in theirs)
                self._at_most(work, limits.work_minutes, per_minute, most, as_shot=shot)
                at_night = self._any([self.there[g, d] for g in theirs if groups[g].first.is_night])
                self._at_most(self.wrap[d], limits.latest, per_minute, self.longest, when=at_night, as_shot=shot)

    def _place_costs(self) -> list:
        fees = [self.cents(self.board.places[place].fee) * used for (place, _), used in self.used.items()]
        return fees + [self.cents(self.limits.move_cost) * moves for moves in self.moves] + self.driving

    def _cast(self) -> list:
        """Each performer's paid dates × their day cost."""
        scenes, groups = self.scenes, self.scenes.groups
        dates = scenes.dates
        droppable = bool(dates) and (dates[-1] - dates[0]).days >= self.limits.drop_gap_days
        works_on: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))  # performer → day → flags
        for (g, d), there in self.there.items():
            for performer_id in groups[g].first.cast:
                works_on[performer_id][d].append(there)
        terms = []
        for performer_id, member in sorted(self.board.cast.items()):
            cost = self.cents(member.day_cost)
            called = called_dates(member)
            terms.append(cost * len(called))
            if performer_id not in works_on:
                continue
            worked = self._worked(performer_id, works_on[performer_id])
            paid = self._paid_droppable(worked) if droppable else self._paid(worked)
            terms += [cost * paid[t] for t in range(len(dates)) if dates[t] not in called]
        return terms

    def _worked(self, performer_id: int, days: dict[int, list]) -> list:
        """Per shoot date, whether the performer works then; on one unit at a time."""
        per_date: dict[int, list] = defaultdict(list)
        for d, flags in sorted(days.items()):
            self.works[performer_id, d] = self._any(flags)
            per_date[self.scenes.date_of[d]].append(self.works[performer_id, d])
        for flags in per_date.values():
            if len(flags) > 1:
                self._at_most_one(flags)
        worked = [self._any(per_date[t]) if t in per_date else 0 for t in range(len(self.scenes.dates))]
        if self.hard:
            self._cast_capacity(performer_id, days, worked)
        return worked

    def _cast_capacity(self, performer_id: int, days: dict[int, list], worked: list) -> None:
        """No scene of theirs on a date they do not work, and at most a day's pages then (redundant, but
        it lets the solver's bound count their days)."""
        groups = self.scenes.groups
        for t, flag in enumerate(worked):
            if isinstance(flag, int):
                continue
            theirs = [
                groups[g].eighths * self.count[g, d]
                for d in days
                if self.scenes.date_of[d] == t
                for g in self.on_day[d]
                if performer_id in groups[g].first.cast
            ]
            self.model.Add(sum(theirs) <= self.limits.eighths * flag)

    def _paid(self, worked: list) -> list:
        """Paid from the first work date to the last: `started` turns true at the first and stays so,
        `going` stays true until the last; a date is paid when both are. Dates a held day settles (from a
        held work date on, the run has started; up to one, it is still going) are constants."""
        held = [t for t, flag in enumerate(worked) if _held(flag, 1)]
        count = len(worked)
        if held and all(isinstance(flag, int) for flag in worked):
            return [int(held[0] <= t <= held[-1]) for t in range(count)]
        started = [1 if held and t >= held[0] else self._bool() for t in range(count)]
        going = [1 if held and t <= held[-1] else self._bool() for t in range(count)]
        for t in range(count):
            for flag in (started[t], going[t]):
                if not isinstance(flag, int) and not isinstance(worked[t], int):
                    self.model.AddImplication(worked[t], flag)
            if isinstance(started[t], int) and isinstance(going[t], int):
                continue
            if not held:  # with a held work date, one of the two is already true
                self.model.AddBoolOr([started[t], going[t]])
            if t and not isinstance(started[t], int):
                self.model.AddImplication(started[t - 1], started[t])
            if t and not isinstance(going[t - 1], int):
                self.model.AddImplication(going[t], going[t - 1])
        return [started[t] + going[t] - 1 for t in range(count)]

    def _paid_droppable(self, worked: list) -> list:
        """Paid on each work date, and between two work dates less than the drop gap apart."""
        dates, gap = self.scenes.dates, self.limits.drop_gap_days
        paid = []
        for t in range(len(dates)):
            spans = [
                (worked[a], worked[b])
                for a in range(t)
                for b in range(t + 1, len(dates))
                if (dates[b] - dates[a]).days < gap and not _held(worked[a], 0) and not _held(worked[b], 0)
            ]
            if _held(worked[t], 1) or any(_held(a, 1) and _held(b, 1) for a, b in spans):
                paid.append(1)
                continue
            flag = self._bool()
            self.model.Add(flag >= worked[t])
            for a, b in spans:
                self.model.Add(flag >= a + b - 1)
            paid.append(flag)
        return paid

    def hint(self, counts: Counts) -> None:
        for key, variable in self.variables.items():
            self.model.AddHint(variable, counts.get(key, 0))

    def counts(self, solver) -> Counts:
        """The schedule the solver found: every group's count on every day, held ones included."""
        found = {key: value for key, value in self.count.items() if isinstance(value, int) and value}
        found.update({key: value for key, variable in self.variables.items() if (value := solver.Value(variable))})
        return found
