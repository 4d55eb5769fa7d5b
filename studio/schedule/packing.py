"""Quick schedules, made without a solver: script order packed into the days (the baseline the
optimizer is measured against), scenes grouped by location where everyone is free and each day's clock
holds, and scenes on the days a plan gives their location (the optimizer starts from the cheapest of
these and the board's own), and the order a day's scenes are shot in."""

from __future__ import annotations

from collections import defaultdict

from studio.schedule.board import Board, Layout, StripCard
from studio.schedule.timeline import DayTimes, rest_needed, rested_call, times_of


def baseline_placement(board: Board) -> Layout:
    """Script order packed into the same days: each day filled up to its pages and hours, then the next;
    each day then shot location by location."""
    scenes = sorted((s for s in board.strips.values() if not s.is_banner), key=lambda s: s.sort_order)
    placement = _empty(board)
    if board.days:
        packer = _Packer(board, realistic=False)
        current = 0
        for strip in scenes:
            index = next((i for i in range(current, len(board.days)) if packer.fits(i, strip)), len(board.days) - 1)
            current = index
            packer.put(index, strip, placement)
    return _in_shooting_order(board, placement)


def grouped_placement(board: Board) -> Layout:
    """A quick schedule to start the search from: scenes grouped by location, day scenes first on the
    days that do not end a stretch of consecutive dates, night scenes first on the days that do, each
    put on the first day where its cast is available and the day's clock still holds (hours, daylight,
    the next day's rested call); a scene that fits nowhere goes on its cast's lightest day."""
    placement = _empty(board)
    if not board.days:
        return placement
    packer, scenes = _locked_packed(board, placement)
    scenes.sort(key=lambda s: (s.location or "", s.set_name, s.sort_order))
    night_days = _night_days(board, sum(s.eighths for s in scenes if s.is_night))
    mixed = {i - 1 for i in night_days if i - 1 >= 0 and i - 1 not in night_days}
    day_order = [i for i in range(len(board.days)) if i not in night_days]
    night_order = sorted(night_days, reverse=True) + sorted(mixed, reverse=True)
    for night, preferred in ((False, day_order), (True, night_order)):
        for strip in (s for s in scenes if s.is_night == night):
            packer.put_first(preferred, strip, placement)
    return _in_shooting_order(board, placement)


def planned_placement(board: Board, location_days: dict[int, list[int]]) -> Layout:
    """A quick schedule on the days a plan gives each location (`location_days`: day indexes, fullest
    first, as the bound's relaxation of locations has them): day scenes before night scenes, each
    location's scenes together, a performer's scenes together within them, each put on the first of its
    location's days where its cast is available and the day's clock still holds, else on the first day
    anywhere (else on its cast's lightest day)."""
    placement = _empty(board)
    if not board.days:
        return placement
    packer, scenes = _locked_packed(board, placement)
    scenes.sort(key=lambda s: (s.is_night, s.location or "", s.cast, s.sort_order))
    for strip in scenes:
        packer.put_first(location_days.get(strip.location_id, []), strip, placement)
    return _in_shooting_order(board, placement)


def _locked_packed(board: Board, placement: Layout) -> tuple[_Packer, list[StripCard]]:
    """A realistic packer holding the locked scenes on their days, and the scenes left to place."""
    packer = _Packer(board, realistic=True)
    day_of, index_of = board.day_of(), {day.id: i for i, day in enumerate(board.days)}
    locked = {s.id for s in board.strips.values() if s.locked and not s.is_banner}
    for strip_id in locked:
        if day_of.get(strip_id) in index_of:
            packer.put(index_of[day_of[strip_id]], board.strips[strip_id], placement)
    return packer, [s for s in board.strips.values() if not s.is_banner and s.id not in locked]


def _night_days(board: Board, night_eighths: int) -> set[int]:
    """Enough days for the nights, taken from the ends of the stretches of consecutive dates, latest first."""
    stretches: list[list[int]] = []
    for i, day in enumerate(board.days):
        previous = board.days[i - 1] if i else None
        if previous is not None and (day.date - previous.date).days == 1 and day.unit == previous.unit:
            stretches[-1].append(i)
        else:
            stretches.append([i])
    chosen: set[int] = set()
    capacity = board.limits.eighths * 9 // 10  # moves and long scenes leave some room unused
    depth = 0
    while len(chosen) * capacity < night_eighths and len(chosen) < len(board.days):
        for stretch in reversed(stretches):
            if depth < len(stretch) and len(chosen) * capacity < night_eighths:
                chosen.add(stretch[-1 - depth])
        depth += 1
    return chosen


def _empty(board: Board) -> Layout:
    placement: Layout = {day.id: [] for day in board.days}
    placement[None] = [] if board.days else [s.id for s in board.strips.values() if not s.is_banner]
    return placement


class _Packer:
    """Days being filled: script order packed by pages and hours (the baseline), or, with `realistic`,
    only where everyone is available and the day's clock holds (hours from call to wrap, exteriors
    by sunset, the next day's call rested)."""

    def __init__(self, board: Board, realistic: bool):
        self.board, self.realistic = board, realistic
        self.strips: list[list[StripCard]] = [[] for _ in board.days]
        self.eighths = [0] * len(board.days)
        self.minutes = [0] * len(board.days)
        by_unit: dict[int, list[int]] = defaultdict(list)
        for index in sorted(range(len(board.days)), key=lambda i: (board.days[i].unit, board.days[i].date)):
            by_unit[board.days[index].unit].append(index)
        self.previous: dict[int, int] = {}
        self.following: dict[int, int] = {}
        for chain in by_unit.values():
            for a, b in zip(chain, chain[1:], strict=False):
                self.previous[b], self.following[a] = a, b
        self.times: dict[int, DayTimes] = {}  # each unit's days in date order: a day's rest needs the day before
        for chain in by_unit.values():
            for index in chain:
                self.times[index] = self._times(index, [])

    def _times(
        self, index: int, strips: list[StripCard], before: tuple[int, list[StripCard]] | None = None
    ) -> DayTimes:
        """A day's times with these strips, rested after the day before as packed (or as `before` has
        it: its wrap and strips)."""
        day, previous = self.board.days[index], self.previous.get(index)
        rested = cast_rested = None
        if previous is not None:
            wrap, strips_before = before or (self.times[previous].wrap, self.strips[previous])
            days_between = (day.date - self.board.days[previous].date).days
            rest = rest_needed(self.board, strips_before, strips, day)
            rested, cast_rested = rested_call(wrap, days_between), rested_call(wrap, days_between, rest)
        return times_of(shooting_order(strips), day, self.board.limits, rested, cast_rested)

    def fits(self, index: int, strip: StripCard) -> bool:
        day, limits = self.board.days[index], self.board.limits
        if self.eighths[index] + strip.eighths > limits.eighths:
            return False
        if not self.realistic:
            return self.minutes[index] + strip.minutes <= self.board.shooting_minutes(day)
        if not self.free(day, strip):
            return False
        strips = [*self.strips[index], strip]
        times = self._times(index, strips)
        if not times.keeps(limits):
            return False
        after = self.following.get(index)
        return after is None or self._times(after, self.strips[after], (times.wrap, strips)).keeps(limits)

    def free(self, day, strip: StripCard) -> bool:
        """Whether the scene's cast and location are free on the day."""
        board = self.board
        if any(day.date in board.cast[p].unavailable for p in strip.cast):
            return False
        return strip.location_id is None or day.date not in board.places[strip.location_id].unavailable

    def least_loaded(self, strip: StripCard) -> int:
        """Where a scene that fits nowhere breaks the fewest rules: the lightest day its cast and location
        are free on."""
        free = [i for i, day in enumerate(self.board.days) if self.free(day, strip)]
        return min(free or range(len(self.board.days)), key=lambda i: self.minutes[i])

    def put_first(self, preferred: list[int], strip: StripCard, placement: Layout) -> None:
        """The scene on the first of the `preferred` days it fits on, else the first day anywhere, else
        the lightest day its cast and location are free on."""
        everywhere = range(len(self.board.days))
        index = next((i for i in [*preferred, *everywhere] if self.fits(i, strip)), None)
        self.put(self.least_loaded(strip) if index is None else index, strip, placement)

    def put(self, index: int, strip: StripCard, placement: Layout) -> None:
        self.strips[index].append(strip)
        self.eighths[index] += strip.eighths
        self.minutes[index] += strip.minutes
        placement[self.board.days[index].id].append(strip.id)
        while index is not None and self.realistic:  # a later wrap moves the unit's next calls
            self.times[index] = self._times(index, self.strips[index])
            index = self.following.get(index)


def _in_shooting_order(board: Board, placement: Layout) -> Layout:
    for day in board.days:
        banners = [s for s in board.placement.get(day.id, []) if board.strips[s].is_banner]
        placement[day.id] = banners + [s.id for s in shooting_order([board.strips[s] for s in placement[day.id]])]
    return placement


def shooting_order(strips: list[StripCard]) -> list[StripCard]:
    """A day's scenes: day scenes, then night scenes; each part visits each location once, along the
    production's route (`drives`: short to drive), and the night part starts where the day part ended
    when that location has night scenes too (no move at dusk). At each location the exteriors come
    first, while the light lasts."""
    day_part = [s for s in strips if not s.is_night]
    night_part = [s for s in strips if s.is_night]
    night_locations = {s.location_id for s in night_part}
    day_part.sort(
        key=lambda s: (
            s.location_id in night_locations,
            *_along_route(s),
            not s.needs_daylight,
            s.set_name,
            s.sort_order,
        )
    )
    stay = day_part[-1].location_id if day_part and day_part[-1].location_id in night_locations else None
    night_part.sort(key=lambda s: (s.location_id != stay, *_along_route(s), s.set_name, s.sort_order))
    return day_part + night_part


def _along_route(strip: StripCard) -> tuple:
    """Where a scene's location comes on the route (those without a location first)."""
    return (strip.location_id is not None, strip.route, strip.location, strip.location_id or 0)
