"""The drives of a day's shooting order in the optimizer's model, exactly as `costs` and `timeline` count
them from the board.

A day's shooting order (`packing.shooting_order`) visits its located stops along the production's
route: the day part's locations without night scenes (A), then those with night scenes too (B), then
the night part's locations (R) but the last of B, where the night starts without a move. So the moves
are the consecutive pairs of A, the last of A to the first of B, consecutive pairs of B, the day's last
stop (the last of B, else of A) to the first of R, and consecutive pairs of R; each such pair is one
flag, at least its two stops less one less every stop between them (the minimisation keeps it there,
and no limit is eased by a longer drive), and charges its drive's minutes to its part of the day and
its cost to the objective. Held days are constants all the way through.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def held(flag, value: int) -> bool:
    """Whether a flag (0, 1 or a variable) is held at `value`."""
    return isinstance(flag, int) and flag == value


def negated(flag):
    return 1 - flag if isinstance(flag, int) else flag.Not()


@dataclass
class DayDrives:
    day: object = 0  # minutes driven in the day part
    night: object = 0  # in the night part, the move at dusk included
    cost: object = 0  # in minor units
    into: dict[int, object] = field(default_factory=dict)  # location → the day part's drive to it


class RouteModel:
    """Builds each day's drives into a ScheduleModel (`flags`: its `_bool`, `_any` and `model`)."""

    def __init__(self, flags, scenes):
        self.flags, self.model = flags, flags.model
        self.drives = scenes.board.limits.drives
        self.cents = scenes.cents
        # The key the shooting order sorts a location by (`packing._along_route`).
        self.key = {
            g.first.location_id: (g.first.route, g.first.location, g.first.location_id)
            for g in scenes.groups
            if g.first.location_id is not None
        }

    def day(self, d: int, part: dict) -> DayDrives:
        """Day `d`'s drives, from `part` (location, day, night) → whether that part uses it."""
        places = sorted({p for p, day, _ in part if day == d}, key=self.key.__getitem__)
        if not any(self.drives.of(a, b).minutes or self.drives.of(a, b).cost for a in places for b in places):
            return DayDrives()
        day_part = {p: part.get((p, d, False), 0) for p in places}
        night_part = {p: part.get((p, d, True), 0) for p in places}
        if all(isinstance(flag, int) for flag in (*day_part.values(), *night_part.values())):
            return self._held(places, day_part, night_part)
        a = {p: self._both(day_part[p], negated(night_part[p])) for p in places}
        b = {p: self._both(day_part[p], night_part[p]) for p in places}
        later = {p: places[i + 1 :] for i, p in enumerate(places)}
        stay = {p: self._both(b[p], negated(self.flags._any([b[q] for q in later[p]]))) for p in places}
        rest = {p: night_part[p] - stay[p] for p in places}
        last_a = {
            p: self._both(a[p], negated(self.flags._any([a[q] for q in later[p]] + list(b.values())))) for p in places
        }
        last = {p: stay[p] + last_a[p] for p in places}
        result = DayDrives(into={p: 0 for p in places})
        for i, first in enumerate(places):
            for j, second in enumerate(places):
                if i == j:
                    continue
                drive = self.drives.of(first, second)
                if not drive.minutes and not drive.cost:
                    continue
                day_moves = self._day_moves(i, j, a, b, places)
                night_moves = [self._edge([last[first], rest[second]], [rest[q] for q in places[:j]])]
                if i < j:
                    night_moves.append(self._edge([rest[first], rest[second]], [rest[q] for q in places[i + 1 : j]]))
                result.into[second] += drive.minutes * sum(day_moves)
                result.day += drive.minutes * sum(day_moves)
                result.night += drive.minutes * sum(night_moves)
                result.cost += self.cents(drive.cost) * (sum(day_moves) + sum(night_moves))
        return result

    def _held(self, places: list, day_part: dict, night_part: dict) -> DayDrives:
        """A held day's drives, its stops known: A, then B, then the night's but B's last."""
        stops = [p for p in places if day_part[p] and not night_part[p]]
        stops += [p for p in places if day_part[p] and night_part[p]]
        stay = stops[-1] if stops and night_part[stops[-1]] else None
        night = [p for p in places if night_part[p] and p != stay]
        night = stops[-1:] + night  # from the day's last stop (where the night starts, if it can)
        result = DayDrives(into={p: 0 for p in places})
        for first, second in zip(stops, stops[1:], strict=False):
            drive = self.drives.of(first, second)
            result.day += drive.minutes
            result.into[second] += drive.minutes
            result.cost += self.cents(drive.cost)
        for first, second in zip(night, night[1:], strict=False):
            drive = self.drives.of(first, second)
            result.night += drive.minutes
            result.cost += self.cents(drive.cost)
        return result

    def _day_moves(self, i: int, j: int, a: dict, b: dict, places: list) -> list:
        """The day part's moves from the i-th location to the j-th: from A's last to B's first, and
        within A or within B along the route."""
        first, second = places[i], places[j]
        moves = [self._edge([a[first], b[second]], [a[q] for q in places[i + 1 :]] + [b[q] for q in places[:j]])]
        if i < j:
            between = places[i + 1 : j]
            moves.append(self._edge([a[first], a[second]], [a[q] for q in between]))
            moves.append(self._edge([b[first], b[second]], [b[q] for q in between]))
        return moves

    def _both(self, one, other):
        """True exactly when both are."""
        if held(one, 0) or held(other, 0):
            return 0
        if held(one, 1):
            return other
        if held(other, 1):
            return one
        both = self.flags._bool()
        self.model.AddImplication(both, one)
        self.model.AddImplication(both, other)
        self.model.AddBoolOr([negated(one), negated(other), both])
        return both

    def _edge(self, ends: list, between: list):
        """A move between two stops: at least both there with none between (a constant where they are)."""
        if any(held(flag, 0) for flag in ends) or any(held(flag, 1) for flag in between):
            return 0
        if all(isinstance(flag, int) for flag in ends + between):
            return max(0, sum(ends) - 1 - sum(between))
        move = self.flags._bool()
        self.model.Add(move >= sum(ends) - 1 - sum(between))
        return move
