"""Why no schedule can keep the limits: checks that need no search, each naming the limit it finds.

Each is a necessary condition: the shoot days hold the scenes' pages and hours; every scene has a day
its cast and location are free; each performer's and each location's scenes fit in the pages and hours
of the days they are available (one unit at a time: a date counts once); no scene is longer than a
day; the scenes not on a reported day fit on the others; the locked scenes leave their day (one not
reported) within its pages. When one fails, the optimizer says which
instead of searching.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from studio.errors import InvalidInput
from studio.formatting import format_eighths
from studio.i18n import _, local_name
from studio.schedule.scene_groups import Scenes
from studio.schedule.timeline import hours


def check_capacity(scenes: Scenes) -> None:
    """Raise InvalidInput naming the first limit no schedule of these scenes can keep."""
    for problem in _problems(scenes):
        raise InvalidInput(problem)


def _problems(scenes: Scenes) -> Iterator[str]:
    limits, days = scenes.board.limits, len(scenes.days)
    eighths = sum(s.eighths for s in scenes.scenes)
    if eighths > limits.eighths * days:
        yield _(
            "the scenes need {pages} pages but {days} shoot days hold {limit}: "
            "add shoot days or raise the pages per day"
        ).format(pages=format_eighths(eighths), days=days, limit=format_eighths(limits.eighths * days))
    yield from _left_after_reports(scenes)
    minutes = sum(s.minutes for s in scenes.scenes)
    held = sum(scenes.board.shooting_minutes(day) for day in scenes.days)
    if minutes > held:
        yield _(
            "the scenes need {hours} hours of shooting but {days} shoot days hold {limit} from their shooting calls: "
            "add shoot days or raise the hours per day"
        ).format(hours=minutes // 60, days=days, limit=held // 60)
    shooting = scenes.board.shooting_minutes()
    for strip in scenes.scenes:
        if strip.minutes > shooting:
            yield _(
                "scene {number} takes {hours} hours, more than a shoot day's {limit} from its shooting call"
            ).format(number=strip.number, hours=hours(strip.minutes), limit=hours(shooting))
        if not scenes.allowed(strip):
            if all(day.reported for day in scenes.days):
                yield _("every shoot day is reported: add shoot days for scene {number} and the others left").format(
                    number=strip.number
                )
            blockers = (scenes.unavailable(strip, day.date) for day in scenes.days if not day.reported)
            yield _("scene {number} cannot go on any shoot day: unavailable on each: {names}").format(
                number=strip.number, names=", ".join(sorted(set(filter(None, blockers))))
            )
    yield from _locked_days(scenes)
    yield from _whose_scenes_do_not_fit(scenes)


def _left_after_reports(scenes: Scenes) -> Iterator[str]:
    """The scenes not shot on a reported day against the pages of the days not reported."""
    open_days = [day for day in scenes.days if not day.reported]
    if len(open_days) == len(scenes.days) or not open_days:
        return
    left = sum(
        s.eighths
        for s in scenes.scenes
        if scenes.locked.get(s.id) is None or not scenes.days[scenes.locked[s.id]].reported
    )
    limit = scenes.board.limits.eighths * len(open_days)
    if left > limit:
        yield _(
            "the scenes not on a reported day need {pages} pages but the {days} shoot days not reported hold "
            "{limit}: add shoot days or raise the pages per day"
        ).format(pages=format_eighths(left), days=len(open_days), limit=format_eighths(limit))


def _locked_days(scenes: Scenes) -> Iterator[str]:
    limits = scenes.board.limits
    locked: dict[int, int] = defaultdict(int)
    for strip in scenes.scenes:
        if scenes.locked.get(strip.id) is not None:
            locked[scenes.locked[strip.id]] += strip.eighths
    for d, eighths in sorted(locked.items()):
        if eighths > limits.eighths and not scenes.days[d].reported:  # a reported day is as it was shot
            yield _(
                "Day {day}'s locked scenes have {pages} pages, over the limit of {limit}: unlock some of them"
            ).format(day=scenes.days[d].number, pages=format_eighths(eighths), limit=format_eighths(limits.eighths))


def _whose_scenes_do_not_fit(scenes: Scenes) -> Iterator[str]:
    """Each performer's and location's scenes against the pages and hours of the dates they are free."""
    board, limits = scenes.board, scenes.board.limits
    shooting = board.shooting_minutes()
    owners: dict[tuple[str, int], list] = defaultdict(list)
    for strip in scenes.scenes:
        for performer_id in strip.cast:
            owners["cast", performer_id].append(strip)
        if strip.location_id is not None:
            owners["location", strip.location_id].append(strip)
    for (kind, owner_id), strips in owners.items():
        owner = board.cast[owner_id] if kind == "cast" else board.places[owner_id]
        free = sum(1 for date in scenes.dates if date not in owner.unavailable)
        eighths, minutes = sum(s.eighths for s in strips), sum(s.minutes for s in strips)
        name = local_name(owner.name, owner.name_zh)
        if eighths > limits.eighths * free:
            yield _(
                "{name}'s scenes need {days} shoot days at {pages} pages a day; {name} is available on {free}"
            ).format(name=name, days=-(-eighths // limits.eighths), pages=format_eighths(limits.eighths), free=free)
        elif minutes > shooting * free:
            yield _(
                "{name}'s scenes need {days} shoot days at {hours} hours of shooting a day; "
                "{name} is available on {free}"
            ).format(name=name, days=-(-minutes // shooting), hours=hours(shooting), free=free)
