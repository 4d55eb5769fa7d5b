"""Each performer's calls on a shoot day, staggered from the day's shooting order.

The day's scenes start one after another from the shooting call (each as long as the schedule has it, a
company move's time between two locations), the night scenes once it is dark. A performer is on set
when their first scene of the day starts; they dress before it, sit in hair & makeup before that and
are picked up before that, each for their own duration (else the production's). A time typed on the
call sheet replaces the one worked out, and the earlier ones are worked back from it: a typed on-set
time moves their wardrobe, makeup and pickup with it. A duration of 0 means no such call (no pickup).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studio.schedule.board import StripCard


@dataclass(frozen=True)
class Durations:
    """Minutes a performer is driven, made up and dressed before their first scene."""

    pickup: int
    makeup: int
    wardrobe: int


@dataclass(frozen=True)
class Calls:
    """A performer's calls in minutes after the day's midnight (None: no such call)."""

    pickup: int | None
    makeup: int | None
    wardrobe: int | None
    on_set: int | None

    @property
    def at_work(self) -> int | None:
        """When their paid day starts: their first call on the set's side (a pickup is travel to it)."""
        return min((time for time in (self.makeup, self.wardrobe, self.on_set) if time is not None), default=None)


NO_DURATIONS = Durations(0, 0, 0)
NO_CALLS = Calls(None, None, None, None)


def scene_starts(
    strips: list[StripCard], shooting_call: int, dusk: int, move: Callable[[int | None, int | None], int]
) -> dict[int, int]:
    """Scene id → when it starts: the day scenes from the shooting call in order, the night scenes after
    them once it is dark (dusk), a company move between two locations (`move`: its minutes, as
    `board.Limits.move` has them)."""
    starts: dict[int, int] = {}
    clock, place = shooting_call, None
    scenes = [strip for strip in strips if not strip.is_banner]
    for night in (False, True):
        part = [strip for strip in scenes if strip.is_night == night]
        if night and part:
            clock = max(clock, dusk)
        for strip in part:
            clock += move(place, strip.location_id)
            place = strip.location_id if strip.location_id is not None else place
            starts[strip.scene_id] = clock
            clock += strip.minutes
    return starts


def first_scenes(strips: list[StripCard], starts: dict[int, int]) -> dict[int, int]:
    """Performer id → when their first scene of the day starts (`starts`: `scene_starts`)."""
    first: dict[int, int] = {}
    for strip in strips:
        if strip.scene_id in starts:
            for performer in strip.cast:
                first[performer] = min(first.get(performer, starts[strip.scene_id]), starts[strip.scene_id])
    return first


def staggered(first_scene: int | None, durations: Durations, entered: Calls) -> Calls:
    """A performer's calls: on set at their first scene, the rest worked back from it, each typed time
    (`entered`, None where nothing is typed) taking the place of the one worked out."""
    on_set = entered.on_set if entered.on_set is not None else first_scene
    wardrobe = _before(entered.wardrobe, on_set, durations.wardrobe)
    makeup = _before(entered.makeup, _first(wardrobe, on_set), durations.makeup)
    pickup = _before(entered.pickup, _first(makeup, wardrobe, on_set), durations.pickup)
    return Calls(pickup, makeup, wardrobe, on_set)


def _before(typed: int | None, later: int | None, minutes: int) -> int | None:
    if typed is not None:
        return typed
    return None if later is None or minutes <= 0 else later - minutes


def _first(*times: int | None) -> int | None:
    return next((time for time in times if time is not None), None)


def first_at_work(lines: Iterable) -> int | None:
    """The earliest a day's cast is at work of those called to the set (an on-set time): `lines` are a
    call sheet's cast lines, each with its `at_work`."""
    calls = [line.at_work for line in lines if line.on_set is not None]
    return min((max(0, call) for call in calls if call is not None), default=None)
