"""The scenes a schedule places, as the optimizer sees them: scenes that are interchangeable (the same
location, cast, day or night, exterior or not, pages and minutes, and the same lock) form one group with a
count per day instead of a boolean per scene, so the search never tries schedules that differ only in
which of two identical scenes goes first; the days each may go on; a layout as counts and back.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from studio.money import Money
from studio.schedule.board import Board, Layout, StripCard
from studio.schedule.packing import shooting_order

Counts = dict[tuple[int, int], int]  # (group, day index) → how many of the group's scenes are on that day


@dataclass(frozen=True)
class SceneGroup:
    """Interchangeable scenes (in script order) and the indexes of the days they may go on."""

    strips: tuple[StripCard, ...]
    days: tuple[int, ...]

    @property
    def first(self) -> StripCard:
        return self.strips[0]

    @property
    def size(self) -> int:
        return len(self.strips)

    @property
    def eighths(self) -> int:
        return self.first.eighths

    @property
    def minutes(self) -> int:
        return self.first.minutes


class Scenes:
    """What the model schedules: the board's scenes in groups, and where each may go."""

    def __init__(self, board: Board, broken_as_shot: frozenset[int] = frozenset()):
        """`broken_as_shot`: the ids of reported days that break a limit as shot, which no schedule can
        mend (`model`: their own limits are not counted)."""
        self.board = board
        self.as_shot = {d for d, day in enumerate(board.days) if day.id in broken_as_shot and day.reported}
        self.minor = Money.from_minor(1, board.currency).amount  # one cent (or fen, or yen) as a Decimal
        self.days = board.days
        self.dates = sorted({day.date for day in board.days})
        self.date_of = [self.dates.index(day.date) for day in board.days]
        day_index = {day.id: d for d, day in enumerate(board.days)}
        day_of = board.day_of()
        # A locked strip stays where it is: on its day, or (in the boneyard) out of the schedule; so does
        # every scene on a reported day (as `Board.reported_held` locks them).
        reported = {day.id for day in board.days if day.reported}
        self.locked: dict[int, int | None] = {
            s.id: day_index.get(day_of.get(s.id))
            for s in board.strips.values()
            if (s.locked or day_of.get(s.id) in reported) and not s.is_banner
        }
        self.scenes = [
            s
            for s in sorted(board.strips.values(), key=lambda s: s.sort_order)
            if not s.is_banner and not (s.id in self.locked and self.locked[s.id] is None)
        ]
        grouped: dict[tuple, list[StripCard]] = defaultdict(list)
        for strip in self.scenes:
            grouped[_interchangeable(strip), self.locked.get(strip.id)].append(strip)
        self.groups = [SceneGroup(tuple(strips), tuple(self.allowed(strips[0]))) for strips in grouped.values()]

    def on_reported_day(self, strip: StripCard) -> bool:
        """Whether the scene is on a reported day: placed, as shot, whatever limits that day breaks."""
        day = self.locked.get(strip.id)
        return day is not None and self.days[day].reported

    def cents(self, amount: Decimal) -> int:
        """An amount in whole minor units (a fraction of one dropped)."""
        return int(amount / self.minor)

    def by_date(self) -> dict[int, list[int]]:
        """Date index → the days (one per unit) on it."""
        days: dict[int, list[int]] = defaultdict(list)
        for d, t in enumerate(self.date_of):
            days[t].append(d)
        return days

    def allowed(self, strip: StripCard) -> list[int]:
        """Indexes of the days this scene may go on (a reported day takes none: what was shot there is
        locked there, `Board.reported_held`)."""
        if strip.id in self.locked:
            return [self.locked[strip.id]]
        return [d for d, day in enumerate(self.days) if not day.reported and self.unavailable(strip, day.date) is None]

    def unavailable(self, strip: StripCard, date) -> str | None:
        """Who or what in the scene cannot be there on `date` (None: everyone can)."""
        for performer_id in strip.cast:
            if date in self.board.cast[performer_id].unavailable:
                return self.board.cast[performer_id].name
        if strip.location_id is not None and date in self.board.places[strip.location_id].unavailable:
            return self.board.places[strip.location_id].name
        return None

    def counts(self, layout: Layout) -> Counts:
        """How many of each group's scenes `layout` puts on each day."""
        day_index = {day.id: d for d, day in enumerate(self.days)}
        where = {
            strip_id: day_index[day_id] for day_id, ids in layout.items() if day_id in day_index for strip_id in ids
        }
        counts: Counts = defaultdict(int)
        for g, group in enumerate(self.groups):
            for strip in group.strips:
                if strip.id in where:
                    counts[g, where[strip.id]] += 1
        return dict(counts)

    def complete(self, counts: Counts) -> bool:
        """Whether `counts` puts every scene on a day it may go on."""
        placed = (sum(counts.get((g, d), 0) for d in group.days) for g, group in enumerate(self.groups))
        return all(count == group.size for count, group in zip(placed, self.groups, strict=True))

    def repaired(self, counts: Counts) -> Counts:
        """`counts` with every scene it leaves off a day it may go on put on the lightest such day."""
        kept = {(g, d): n for (g, d), n in counts.items() if n and d in self.groups[g].days}
        load: dict[int, int] = defaultdict(int)
        for (g, d), n in kept.items():
            load[d] += n * self.groups[g].eighths
        for g, group in enumerate(self.groups):
            for _ in range(group.size - sum(kept.get((g, d), 0) for d in group.days)):
                d = min(group.days, key=lambda d: (load[d], d))
                kept[g, d] = kept.get((g, d), 0) + 1
                load[d] += group.eighths
        return kept

    def layout(self, counts: Counts) -> Layout:
        """The schedule with these counts: each group's scenes to its days in script order, each day in
        its shooting order (a reported day as it is), banners where they were and locked boneyard strips
        left there."""
        chosen: dict[int, list[StripCard]] = defaultdict(list)
        for g, group in enumerate(self.groups):
            waiting = list(group.strips)
            for d in group.days:
                here = counts.get((g, d), 0)
                chosen[d] += waiting[:here]
                waiting = waiting[here:]
        board = self.board
        layout: Layout = {}
        for d, day in enumerate(self.days):
            if day.reported:  # as it was shot, in its order
                layout[day.id] = list(board.placement.get(day.id, []))
                continue
            banners = [s for s in board.placement.get(day.id, []) if board.strips[s].is_banner]
            layout[day.id] = banners + [strip.id for strip in shooting_order(chosen.get(d, []))]
        layout[None] = [s for s in board.placement.get(None, []) if board.strips[s].is_banner or s in self.locked]
        return layout


def _interchangeable(strip: StripCard) -> tuple:
    return (strip.location_id, strip.cast, strip.is_night, strip.needs_daylight, strip.eighths, strip.minutes)
